"""The report's blocks as WordprocessingML text (ECMA-376), the markup python-docx would build.

python-docx adds a paragraph, a run or a cell property one element at a time: a table of 5,000
rows is hundreds of thousands of calls, and the document's tree held 150 MB at 5,000 actions.
Written as text, a block costs one string, which `write/docx.py` streams into the package (or
parses once, into a template's sub-document). The markup is the one python-docx wrote for the
same calls (paragraph properties in the schema's order, `xml:space` only where text has outer
spaces), so the report reads and looks as it did. No file is opened here.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

_CELL_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n")  # not allowed in XML
_TEXT_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")
BR = "<w:br/>"


def escape(value: str) -> str:
    """Text as element content (what `xml.sax.saxutils.escape` does, without importing urllib)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quote(value: str) -> str:
    """An attribute value written into markup by hand (line breaks read back as spaces)."""
    return escape(value).replace('"', "&quot;")


def attribute(value: str) -> str:
    """An attribute value as lxml writes one set on an element (line breaks kept)."""
    return quote(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")


def _content(value: str) -> str:
    """Text of a `w:t` as lxml writes it (a carriage return kept as a character reference)."""
    return escape(value.translate(_TEXT_CONTROL)).replace("\r", "&#13;")


def _t(value: str) -> str:
    space = ' xml:space="preserve"' if len(value.strip()) < len(value) else ""
    return f"<w:t{space}>{_content(value)}</w:t>"


def run(text: str, bold: bool = False, italic: bool = False) -> str:
    """A run holding `text` as one `w:t`, as python-docx's `Run.add_text` writes it."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{_t(text)}</w:r>"


def footnote_reference(number: int) -> str:
    """The superscript number in the text that points at footnote `number`."""
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{number}"/></w:r>'


def paragraph_properties(style_id: str | None = None, *, keep_next: bool | None = None, page_break: bool = False,
                         numbering: tuple[int, int] | None = None, before: int | None = None,
                         after: int | None = None, indent: tuple[int, int] | None = None) -> str:
    """`w:pPr` with its children in the schema's order; "" when there is nothing to say.

    `numbering` is (numId, level); `before`, `after` and `indent` (left, hanging) are in twips.
    """
    parts = []
    if style_id is not None:
        parts.append(f'<w:pStyle w:val="{quote(style_id)}"/>')
    if keep_next is not None:
        parts.append("<w:keepNext/>" if keep_next else '<w:keepNext w:val="0"/>')
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    if numbering is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="{numbering[1]}"/><w:numId w:val="{numbering[0]}"/></w:numPr>')
    if before is not None or after is not None:
        spacing = (f' w:before="{before}"' if before is not None else "") + (
            f' w:after="{after}"' if after is not None else "")
        parts.append(f"<w:spacing{spacing}/>")
    if indent is not None:
        parts.append(f'<w:ind w:left="{indent[0]}" w:hanging="{indent[1]}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


def paragraph(properties: str, runs: str) -> str:
    return f"<w:p>{properties}{runs}</w:p>"


def _text_runs(value: str) -> str:
    """A value as python-docx's `Run.text = value` writes it: tabs and line breaks as elements."""
    out, start = [], 0
    for at, char in enumerate(value):
        if char in "\t\n\r":
            if at > start:
                out.append(_t(value[start:at]))
            out.append("<w:tab/>" if char == "\t" else BR)
            start = at + 1
    if start < len(value):
        out.append(_t(value[start:]))
    return "".join(out)


Cell = tuple[str, bool, "str | None", "str | None"]  # text, bold, text colour, fill


def table(header: Sequence[str], rows: Iterable[Sequence[Cell]], widths: Sequence[int], *, style_id: str | None,
          caption: str, description: str, header_fill: str, keep_together: bool,
          size: int = 20) -> Iterator[str]:
    """A table within the margins, row by row: a repeated header row, body rows never split.

    Widths are in twips; each body cell is (text, bold, text colour, fill). Caption and
    description are what assistive technology announces (250 characters at most).
    """
    style = f'<w:tblStyle w:val="{quote(style_id)}"/>' if style_id is not None else ""
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    yield (f'<w:tbl><w:tblPr>{style}<w:tblW w:type="auto" w:w="0"/><w:jc w:val="left"/>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" '
           'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
           f'<w:tblCaption w:val="{quote(caption[:250])}"/><w:tblDescription w:val="{quote(description[:250])}"/>'
           f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>")
    head_props = f'<w:rPr><w:b/><w:color w:val="FFFFFF"/><w:sz w:val="{size}"/></w:rPr>'
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/><w:shd w:val="clear" w:color="auto" '
        f'w:fill="{header_fill}"/></w:tcPr><w:p><w:pPr><w:keepNext/><w:spacing w:after="40"/></w:pPr>'
        f"<w:r>{head_props}{_text_runs(value)}</w:r></w:p></w:tc>"
        for value, width in zip(header, widths))
    yield f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>"
    keep = "<w:keepNext/>" if keep_together else ""
    for row in rows:
        parts = []
        for (text, bold, ink, fill), width in zip(row, widths):
            shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{ink}"/>' if ink else "") + f'<w:sz w:val="{size}"/>'
            content = BR.join(f'<w:t xml:space="preserve">{escape(line)}</w:t>'
                              for line in text.translate(_CELL_CONTROL).split("\n"))
            parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
                         f'<w:p><w:pPr>{keep}<w:spacing w:after="40"/></w:pPr><w:r><w:rPr>{props}</w:rPr>{content}'
                         "</w:r></w:p></w:tc>")
        yield f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{"".join(parts)}</w:tr>'
    yield "</w:tbl>"


def contents_field(entries: Sequence[str]) -> str:
    """A TOC field (headings 1-2) whose shown result lists the headings until Word updates it."""
    shown = "".join(f'<w:r><w:t xml:space="preserve">{escape(entry)}</w:t></w:r><w:r><w:br/></w:r>'
                    for entry in entries)
    return ('<w:p><w:pPr/><w:r/><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{shown}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')

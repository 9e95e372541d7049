"""The report's blocks as WordprocessingML text (ECMA-376), the markup python-docx would build.

python-docx adds a paragraph, a run or a cell property one element at a time: a table of 5,000
rows is hundreds of thousands of calls, and the document's tree held 150 MB at 5,000 actions.
Written as text, a block costs one string, which `write/docx.py` streams into the package (or
parses once, into a template's sub-document). The markup is the one python-docx wrote for the
same calls (paragraph properties in the schema's order, `xml:space` only where text has outer
spaces), so the report reads and looks as it did. No file is opened here.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

# Control characters XML does not allow (a table cell drops \r too). Text rarely has any: it is
# checked first (str.translate takes 40 us for a cell with one curly quote: a sixth of a report).
_CELL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")
_TEXT_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
BR = "<w:br/>"


def _without(control: re.Pattern[str], value: str) -> str:
    return value if value.isprintable() or control.search(value) is None else control.sub("", value)


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
    return escape(_without(_TEXT_CONTROL, value)).replace("\r", "&#13;")


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
                              for line in _without(_CELL_CONTROL, text).split("\n"))
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


_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
}


def namespaces(*prefixes: str) -> str:
    """xmlns declarations for these prefixes."""
    return " ".join(f'xmlns:{prefix}="{_NS[prefix]}"' for prefix in prefixes)


FOOTNOTES_START = (f'<w:footnotes {namespaces("w")}>'
                   '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                   '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                   '</w:p></w:footnote>')
FOOTNOTES_END = "</w:footnotes>"


def footnote(number: int, text: str) -> str:
    """One footnote of the footnotes part: its number, then the note in the notes' grey."""
    return (f'<w:footnote w:id="{number}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:color w:val="404040"/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {escape(text)}'
            "</w:t></w:r></w:p></w:footnote>")


def picture(rel_id: str, cx: int, cy: int, number: int, title: str, description: str) -> str:
    """A run showing the image of relationship `rel_id` inline, cx by cy EMU, with its alternative text."""
    return (f'<w:r><w:drawing><wp:inline {namespaces("wp", "a", "pic", "r")}><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{number}" name="Picture {number}" descr="{attribute(description)}" '
            f'title="{attribute(title)}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
            '<pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/>'
            "</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")


def running(kind: str, text: str, fields: bool) -> str:
    """The header (right, the text) or footer (centred, "text: page N of M") part, in 9 pt."""
    size = '<w:rPr><w:sz w:val="18"/></w:rPr>'
    if fields:
        field = '<w:fldSimple w:instr="{}"><w:r>' + size + "<w:t>1</w:t></w:r></w:fldSimple>"
        runs = (f"<w:r>{size}{_text_runs(f'{text}: page ')}</w:r>{field.format('PAGE')}"
                f"<w:r>{size}{_text_runs(' of ')}</w:r>{field.format('NUMPAGES')}")
    else:
        runs = f"<w:r>{size}{_text_runs(text)}</w:r>"
    root, style, align = ("w:ftr", "Footer", "center") if fields else ("w:hdr", "Header", "right")
    declarations = namespaces("w", "r", "mc", "w14", "wp14")
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<{root} {declarations} "
            f'mc:Ignorable="w14 wp14"><w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{align}"/></w:pPr>'
            f"{runs}</w:p></{root}>")

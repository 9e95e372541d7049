"""The few Word features python-docx has no API for, written as documented OOXML (ECMA-376).

Multilevel list numbering (numbering.xml), table header rows repeated and rows kept whole,
table look, caption and description, cell shading, alternative text on pictures, the table of
contents field, "update fields on open", and the extended document properties (application
name, no thumbnail). Everything else in the report goes through python-docx's public API.
Elements are reached through `Document.element` and the parts' public `element`/`blob`, never
through python-docx's private attributes.
"""
from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

_W = nsdecls("w")
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
# Heading 1 is level 0 ("1."), numbered paragraphs level 1 ("1.1."): both hang their number 1.27 cm.
_LEVELS = (("%1.", 720), ("%1.%2.", 720))


def add_multilevel_list(document: Document) -> int:
    """A two-level legal list (1., 1.1.) for headings and numbered paragraphs; returns its numId."""
    numbering = document.part.numbering_part.element
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.iterchildren(qn("w:abstractNum"))]
    abstract_id = max(ids, default=-1) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{indent}"/></w:tabs>'
        f'<w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
        for level, (text, indent) in enumerate(_LEVELS)
    )
    abstract = parse_xml(f'<w:abstractNum {_W} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # every abstractNum comes before the first num
    else:
        numbering.append(abstract)
    return int(numbering.add_num(abstract_id).numId)


def number_paragraph(paragraph: etree._Element, num_id: int, level: int) -> None:
    """Give one paragraph (w:p) its place in the list: the number Word shows before it."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = parse_xml(f"<w:pPr {_W}/>")
        paragraph.insert(0, properties)
    properties.append(parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    _reorder_ppr(properties)


def set_style(paragraph: etree._Element, style_id: str) -> None:
    """A paragraph's style by its id (python-docx looks a style up by name on every paragraph,
    which costs most of the time of a long report)."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = parse_xml(f"<w:pPr {_W}/>")
        paragraph.insert(0, properties)
    for old in properties.findall(qn("w:pStyle")):
        properties.remove(old)
    properties.insert(0, parse_xml(f'<w:pStyle {_W} w:val="{escape(style_id, {chr(34): "&quot;"})}"/>'))


_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n")  # not allowed in XML


def add_rows(table: etree._Element, rows: Sequence[Sequence[tuple[str, bool, str | None, str | None]]],
             widths: Sequence[int], keep_together: bool, size: int = 20) -> None:
    """Body rows of a table at once: each cell (text, bold, text colour, fill), widths in twips.

    Written as OOXML in one parse: a plan of a thousand actions has a thousand rows, and
    python-docx adds each cell's properties one element at a time.
    """
    keep = "<w:keepNext/>" if keep_together else ""
    parts = []
    for row in rows:
        cells = []
        for (text, bold, ink, fill), width in zip(row, widths):
            shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
            props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{ink}"/>' if ink else "") + f'<w:sz w:val="{size}"/>'
            lines = escape(text.translate(_CONTROL)).split("\n")
            content = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
                         f'<w:p><w:pPr>{keep}<w:spacing w:after="40"/></w:pPr><w:r><w:rPr>{props}</w:rPr>{content}'
                         "</w:r></w:p></w:tc>")
        parts.append(f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{"".join(cells)}</w:tr>')
    for row in parse_xml(f"<w:tbl {_W}>{''.join(parts)}</w:tbl>"):
        table.append(row)


def number_style(style: etree._Element, num_id: int, level: int) -> None:
    """Link a paragraph style to the list, so any paragraph in the style is numbered (templates)."""
    properties = style.find(qn("w:pPr"))
    if properties is None:
        properties = parse_xml(f"<w:pPr {_W}/>")
        style.append(properties)
    for old in properties.findall(qn("w:numPr")):
        properties.remove(old)
    properties.append(parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    _reorder_ppr(properties)


_PPR_ORDER = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
              "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"]


def _reorder_ppr(properties: etree._Element) -> None:
    """pPr children in the schema's order, whatever order they were added in."""
    rank = {qn(f"w:{name}"): n for n, name in enumerate(_PPR_ORDER)}
    children = sorted(properties, key=lambda c: rank.get(c.tag, len(rank)))
    for child in children:
        properties.append(child)  # lxml moves an element it appends


def box_style(style: etree._Element, fill: str, border: str) -> None:
    """A paragraph style drawn as a shaded box with a border (the marked place for an officer)."""
    properties = style.find(qn("w:pPr"))
    if properties is None:
        properties = parse_xml(f"<w:pPr {_W}/>")
        style.append(properties)
    sides = "".join(f'<w:{side} w:val="single" w:sz="8" w:space="4" w:color="{border}"/>'
                    for side in ("top", "left", "bottom", "right"))
    properties.append(parse_xml(f"<w:pBdr {_W}>{sides}</w:pBdr>"))
    properties.append(parse_xml(f'<w:shd {_W} w:val="clear" w:color="auto" w:fill="{fill}"/>'))
    _reorder_ppr(properties)


def page_field(paragraph: etree._Element, instruction: str, half_points: int) -> None:
    """A simple field (PAGE, NUMPAGES) at the end of a paragraph, in the footer's size."""
    paragraph.append(parse_xml(f'<w:fldSimple {_W} w:instr="{instruction}"><w:r><w:rPr><w:sz w:val="{half_points}"/>'
                               '</w:rPr><w:t>1</w:t></w:r></w:fldSimple>'))


def describe_table(table: etree._Element, caption: str, description: str) -> None:
    """Title and description announced by assistive technology; look: header row only, no banding."""
    properties = table.find(qn("w:tblPr"))
    for tag in ("w:tblLook", "w:tblCaption", "w:tblDescription"):
        for old in properties.findall(qn(tag)):
            properties.remove(old)
    properties.append(parse_xml(f'<w:tblLook {_W} w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
                                'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'))
    properties.append(parse_xml(f'<w:tblCaption {_W} w:val="{escape(caption[:250], {chr(34): "&quot;"})}"/>'))
    properties.append(parse_xml(f'<w:tblDescription {_W} w:val="{escape(description[:250], {chr(34): "&quot;"})}"/>'))


def rows_of(table: etree._Element) -> list[etree._Element]:
    return list(table.iterchildren(qn("w:tr")))


def keep_rows_whole(table: etree._Element, header_rows: int = 1) -> None:
    """The header row repeats on every page, and is never split (body rows: `add_rows`)."""
    for index, row in enumerate(rows_of(table)[:header_rows]):
        properties = row.find(qn("w:trPr"))
        if properties is None:
            properties = parse_xml(f"<w:trPr {_W}/>")
            row.insert(1 if row.find(qn("w:tblPrEx")) is not None else 0, properties)
        properties.append(parse_xml(f'<w:cantSplit {_W}/>'))
        if index < header_rows:
            properties.append(parse_xml(f'<w:tblHeader {_W}/>'))


def shade_cell(row: etree._Element, column: int, fill: str) -> None:
    """A solid fill behind one cell (its text colour is set through python-docx)."""
    cell = list(row.iterchildren(qn("w:tc")))[column]
    properties = cell.find(qn("w:tcPr"))
    if properties is None:
        properties = parse_xml(f"<w:tcPr {_W}/>")
        cell.insert(0, properties)
    for old in properties.findall(qn("w:shd")):
        properties.remove(old)
    shading = parse_xml(f'<w:shd {_W} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    # shd comes after tcW, gridSpan, vMerge and tcBorders, before noWrap, tcMar, vAlign
    after = [c for c in properties if c.tag in {qn("w:tcW"), qn("w:gridSpan"), qn("w:vMerge"), qn("w:tcBorders")}]
    if after:
        after[-1].addnext(shading)
    else:
        properties.insert(0, shading)


def describe_picture(run: etree._Element, title: str, description: str) -> None:
    """Alternative text (descr) and title on the picture in a run."""
    for properties in run.iter(f"{{{_WP}}}docPr"):
        properties.set("descr", description)
        properties.set("title", title)


def contents_field(paragraph: etree._Element, entries: Sequence[str]) -> None:
    """A TOC field (headings 1-2) whose shown result lists the headings until Word updates it."""
    shown = "".join(f'<w:r><w:t xml:space="preserve">{escape(entry)}</w:t></w:r><w:r><w:br/></w:r>'
                    for entry in entries)
    runs = parse_xml(
        f'<w:p {_W}><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{shown}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    for run in list(runs):
        paragraph.append(run)


def update_fields_on_open(document: Document) -> None:
    """Word refreshes the contents list and page numbers when the report is opened."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        settings.append(parse_xml(f'<w:updateFields {_W} w:val="true"/>'))


_APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>{app}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>
<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>
<HyperlinksChanged>false</HyperlinksChanged></Properties>"""


def application_properties(document: Document, app: str) -> None:
    """docProps/app.xml naming this tool (not a template's application), and no stale thumbnail."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in (RELATIONSHIP_TYPE.EXTENDED_PROPERTIES, RELATIONSHIP_TYPE.THUMBNAIL):
            package.rels.pop(rel_id)
    blob = _APP.format(app=escape(app)).encode("utf-8")
    part = Part(PackURI("/docProps/app.xml"), CONTENT_TYPE.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(part, RELATIONSHIP_TYPE.EXTENDED_PROPERTIES)


def style_language(style: etree._Element, language: str) -> None:
    """The proofing language of a style's text (en-GB), which screen readers also use."""
    properties = style.find(qn("w:rPr"))
    if properties is None:
        properties = parse_xml(f"<w:rPr {_W}/>")
        style.append(properties)
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    properties.append(parse_xml(f'<w:lang {_W} w:val="{language}" w:eastAsia="{language}" w:bidi="ar-SA"/>'))


_FOOTNOTES = (f'<w:footnotes {_W}>'
              '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
              '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
              '</w:footnote></w:footnotes>')


def add_footnote(document: Document, paragraph: etree._Element, text: str) -> None:
    """A footnote at the end of a paragraph: the number in the text, the note at the foot of the page.

    The footnotes part (word/footnotes.xml) is added the first time, with the separators Word expects.
    """
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES), None)
    if part is None:
        part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, parse_xml(_FOOTNOTES),
                       document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    notes = part.element
    number = max((int(n.get(qn("w:id"))) for n in notes.iterchildren(qn("w:footnote"))), default=0) + 1
    notes.append(parse_xml(
        f'<w:footnote {_W} w:id="{number}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:color w:val="404040"/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t>'
        '</w:r></w:p></w:footnote>'))
    paragraph.append(parse_xml(f'<w:r {_W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                               f'<w:footnoteReference w:id="{number}"/></w:r>'))

"""The few Word features python-docx has no API for, written as documented OOXML (ECMA-376).

Multilevel list numbering (numbering.xml), a boxed paragraph style, page fields, alternative
text on pictures, "update fields on open", footnotes, the extended document properties
(application name, no thumbnail), and blocks of markup (`docx_body`) placed into a document's
body. Everything else a python-docx document gets goes through python-docx's public API.
Elements are reached through `Document.element` and the parts' public `element`/`blob`, never
through python-docx's private attributes.
"""
from __future__ import annotations

from collections.abc import Callable

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from paptools.write import docx_body as body
from paptools.write.docx_body import escape

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


def describe_picture(run: etree._Element, number: int | None, title: str, description: str) -> None:
    """Alternative text (descr) and title on the picture in a run, and its `number` when given.

    The number (id and name, unique in the document) is given where the picture is written as
    text: python-docx numbers it from the pictures in the tree, and the others are not there.
    """
    for properties in run.iter(f"{{{_WP}}}docPr"):
        if number is not None:
            properties.set("id", str(number))
            properties.set("name", f"Picture {number}")
        properties.set("descr", description)
        properties.set("title", title)


def take_out(run: etree._Element) -> str:
    """A run's markup, its paragraph taken out of the document (it is written again as text)."""
    paragraph = run.getparent()
    if paragraph is not None and paragraph.getparent() is not None:
        paragraph.getparent().remove(paragraph)
    return str(etree.tostring(run, encoding="unicode"))


def body_inserter(document: etree._Element) -> Callable[[str], None]:
    """Markup of whole blocks -> elements placed at the end of the document's body (before its sectPr)."""
    container = document.find(qn("w:body"))
    if container is None:
        raise ValueError("a Word document without a body")
    wrapper = f'<w:body {nsdecls("w", "r")}>{{}}</w:body>'

    def insert(markup: str) -> None:
        section = container.find(qn("w:sectPr"))
        for element in list(parse_xml(wrapper.format(markup))):
            if section is not None:
                section.addprevious(element)
            else:
                container.append(element)

    return insert


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




def add_footnote(document: Document, text: str) -> int:
    """A footnote's note, at the foot of the page; returns its number, for the reference in the text.

    The footnotes part (word/footnotes.xml) is added the first time, with the separators Word expects.
    """
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES), None)
    if part is None:
        part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES,
                       parse_xml(body.FOOTNOTES_START + body.FOOTNOTES_END), document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    notes = part.element
    number = max((int(n.get(qn("w:id"))) for n in notes.iterchildren(qn("w:footnote"))), default=0) + 1
    notes.append(parse_xml(body.footnote(number, text).replace("<w:footnote ", f"<w:footnote {_W} ", 1)))
    return number

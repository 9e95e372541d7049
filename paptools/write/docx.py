"""The report's Word house style and furniture, through python-docx's public API (and docx_ooxml).

A4 portrait, Arial, real heading styles and the report's own paragraph styles, a running
header and footer with "page N of M", document properties from the report. Used where a
python-docx document is at hand: the officer's template (`docx_template.py`), the starter
(`docx_starter.py`) and the skeleton the default report is written from (`build_skeleton`,
`docx_package.py`). What goes in the body is laid out by `docx_render.Renderer`.
"""
from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from docx import Document as open_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from paptools.content.tree import Properties
from paptools.write import docx_ooxml as ooxml
from paptools.write.docx_render import (
    BULLET,
    CONTENTS,
    INK,
    MARGINS_CM,
    NOTE,
    NOTE_INK,
    NUMBERED,
    PAGE_CM,
    PLACEHOLDER,
    PLACEHOLDER_BORDER,
    PLACEHOLDER_FILL,
)


def house_style(document: Document) -> None:
    """A4 portrait, Arial 11, dark headings, and the report's own paragraph styles."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
        section.left_margin, section.right_margin = Cm(MARGINS_CM[0]), Cm(MARGINS_CM[1])
        section.top_margin, section.bottom_margin = Cm(MARGINS_CM[2]), Cm(MARGINS_CM[3])
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11), ("Caption", 10)):
        style = styles[name]
        style.font.name, style.font.size, style.font.bold, style.font.italic = "Arial", Pt(size), True, False
        style.font.color.rgb = RGBColor.from_string(INK if name != "Heading 3" else "000000")
        style.paragraph_format.space_before = Pt(0 if name in ("Title", "Caption") else 12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
    ensure_styles(document)


def ensure_styles(document: Document) -> None:
    """The report's own styles, added when the document (or a template) lacks them."""
    styles = document.styles
    names = {style.name for style in styles}
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption", NUMBERED, BULLET, NOTE, PLACEHOLDER,
                 CONTENTS):
        if name not in names:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            if name.startswith(("Heading", "Title", "Caption", "Contents")):
                style.font.bold = True
            if name == NOTE:
                style.font.size = Pt(9.5)
                style.font.color.rgb = RGBColor.from_string(NOTE_INK)
            if name == PLACEHOLDER and isinstance(style, ParagraphStyle):
                style.font.italic = True
                style.paragraph_format.space_before = Pt(6)
                style.paragraph_format.space_after = Pt(12)
                ooxml.box_style(style.element, PLACEHOLDER_FILL, PLACEHOLDER_BORDER)
            if name == CONTENTS:
                style.font.size = Pt(12)
                style.font.color.rgb = RGBColor.from_string(INK)


class DocxTarget:
    """A python-docx document (or a docxtpl sub-document, which acts as one) as a Renderer's target.

    Each block's markup is parsed into the document's body; python-docx adds the pictures.
    """

    streaming = False

    def __init__(self, document: Any, *, numbered: bool = True, width: int | None = None):
        self.document = document
        self._insert = ooxml.body_inserter(document.element)
        self.num_id = ooxml.add_multilevel_list(document) if numbered else None
        if width is None:
            page = document.sections[0]
            width = page.page_width - page.left_margin - page.right_margin
        self.width = int(width)
        self._table_style: str | None = None

    def out(self, markup: str) -> None:
        self._insert(markup)

    def style_id(self, name: str) -> str:
        return str(self.document.styles[name].style_id)

    def table_style(self) -> str | None:
        """"Table Grid" when the document has it (a template may not)."""
        if self._table_style is None:
            names = {style.name for style in self.document.styles}
            self._table_style = self.style_id("Table Grid") if "Table Grid" in names else ""
        return self._table_style or None

    def footnote(self, text: str) -> int:
        return ooxml.add_footnote(self.document, text)

    def picture(self, png: bytes, width: int, number: int, title: str, description: str) -> str:
        """python-docx adds the image part and draws the inline picture; its markup is taken out."""
        run = self.document.add_paragraph().add_run()
        run.add_picture(io.BytesIO(png), width=Emu(width))
        ooxml.describe_picture(run.element, None, title, description)
        return ooxml.take_out(run.element)


def build_skeleton(path: Path) -> None:
    """The default report's package without its body, header, footer, footnotes or properties.

    `docx_package.py` writes every report from this file (shipped as report-skeleton.docx), so
    a run needs no python-docx; a test checks it is what the house style makes today.
    """
    document = open_document()
    house_style(document)
    ooxml.add_multilevel_list(document)
    ooxml.application_properties(document, "paptools")
    ooxml.style_language(document.styles["Normal"].element, Properties("", "", "").language)
    ooxml.update_fields_on_open(document)
    document.save(str(path))


def running_text(document: Document, header_text: str, footer_text: str) -> None:
    """The header (unless a letterhead is there) and a footer with 'page N of M'."""
    section = document.sections[0]
    if not any(p.text.strip() for p in section.header.paragraphs):
        header = section.header.paragraphs[0]
        header.text = header_text
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for run in header.runs:
            run.font.size = Pt(9)
    footer = section.footer.paragraphs[0]
    if footer.text.strip():
        footer = section.footer.add_paragraph()
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{footer_text}: page ").font.size = Pt(9)
    ooxml.page_field(footer.runs[-1].element.getparent(), "PAGE", 18)
    footer.add_run(" of ").font.size = Pt(9)
    ooxml.page_field(footer.runs[-1].element.getparent(), "NUMPAGES", 18)


def set_properties(document: Document, wanted: Properties) -> None:
    """Title, subject and language as given; this run's time; paptools as the application."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    properties = document.core_properties
    properties.title = wanted.title
    properties.subject = wanted.subject
    properties.keywords = wanted.keywords
    properties.language = wanted.language
    properties.author = "paptools"
    properties.last_modified_by = "paptools"
    properties.comments = ""
    properties.category = ""
    properties.revision = 1
    properties.created = properties.modified = now
    ooxml.application_properties(document, "paptools")
    ooxml.style_language(document.styles["Normal"].element, wanted.language)

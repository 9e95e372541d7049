"""Content tree -> Word, through python-docx's public API (and docx_ooxml for what it lacks).

Decides nothing about what to say: it lays out any `Report` (or any list of blocks, for a
template's placeholders). A4 portrait, Arial, real heading styles, Word's own multilevel
numbering (1., 1.1.), tables within the margins with a repeated header row and rows kept whole,
status words on their colour at 4.5:1 contrast or better, every chart with alternative text and
its figures in a table below it, a contents field, and document properties from the report.
"""
from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from docx import Document as open_document
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Length, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from paptools.compare.figures import Counts
from paptools.content.tree import (
    Block,
    BulletList,
    Figure,
    Note,
    Paragraph,
    Placeholder,
    Properties,
    Report,
    Run,
    Section,
    Table,
)
from paptools.model import STATUSES, UNKNOWN
from paptools.write import docx_body as body
from paptools.write import docx_ooxml as ooxml
from paptools.write.palette import PALETTE

INK = "1F3864"  # headings and captions: 11.9:1 on white
HEADER_FILL = "1F3864"  # table header rows, white text: 11.9:1
STATUS_SHADING = {status.value: (colour.fill, colour.text) for status, colour in PALETTE.items()}
NOTE_INK = "404040"  # notes: 10.4:1 on white
PLACEHOLDER_FILL, PLACEHOLDER_BORDER = "FFF2CC", "BF8F00"  # black text on the fill: 19:1
NUMBERED, BULLET, NOTE, PLACEHOLDER, CONTENTS = (
    "Numbered Paragraph", "List Bullet", "Report Note", "Officer Placeholder", "Contents Heading")


def write_docx(report: Report, path: Path) -> None:
    """Write the report as a new Word document at `path`.

    The body is written as markup into a spool (in memory up to 16 MB, then a temporary file),
    and streamed into the package: a report of 20,000 actions never holds its tree or its text.
    """
    document = open_document()
    house_style(document)
    with tempfile.SpooledTemporaryFile(max_size=16 << 20) as spool:
        renderer = Renderer(document, out=lambda markup: spool.write(markup.encode("utf-8")))
        renderer.title_block(report)
        for section in report.sections:
            renderer.section(section)
        furnish(document, report)
        spool.seek(0)
        ooxml.save_with_body(document, spool, path)


def house_style(document: Document) -> None:
    """A4 portrait, Arial 11, dark headings, and the report's own paragraph styles."""
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
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


class Renderer:
    """Lays blocks into a document as WordprocessingML text, handed to `out` block by block.

    `out` streams the markup (`write_docx` writes it straight into the package); without it,
    each block is parsed into the document's own body (a template's sub-document).
    """

    def __init__(self, document: Any, *, numbered: bool = True, width: int | None = None,
                 numbered_style: bool = False, out: Callable[[str], object] | None = None):
        """`document` is a python-docx Document or a docxtpl sub-document (which acts as one).

        `numbered_style`: number paragraphs by their style alone (a template whose Numbered
        Paragraph style carries the list), where the list itself is not this document's.
        """
        self.document = document
        self.streaming = out is not None
        self.out = out or ooxml.body_inserter(document.element)
        self.numbered_style = numbered_style
        self.footnotes = not numbered_style  # a template's sub-documents show notes as paragraphs instead
        self.num_id = ooxml.add_multilevel_list(document) if numbered else None
        self.tables = self.figures = 0
        self.style_ids: dict[str, str] = {}
        self.table_style: str | None = None
        if width is None:
            page = document.sections[0]
            width = page.page_width - page.left_margin - page.right_margin
        self.width = Emu(int(width))

    def _style_id(self, name: str) -> str:
        """A style's id, looked up once per name."""
        if name not in self.style_ids:
            self.style_ids[name] = self.document.styles[name].style_id
        return self.style_ids[name]

    # -- text ------------------------------------------------------------------------
    def paragraph(self, paragraph: Paragraph, style: str | None = None, level: int | None = None, *,
                  keep_next: bool | None = None, page_break: bool = False, before: Length | None = None,
                  after: Length | None = None, indent: tuple[Length, Length] | None = None) -> None:
        """A paragraph of runs; `level` 0 or 1 numbers it in the report's list."""
        if style is None:
            style = NUMBERED if paragraph.numbered and (self.num_id is not None or self.numbered_style) else "Normal"
        runs = []
        for part in paragraph.runs or (Run(""),):
            runs.append(body.run(part.text, part.bold, part.italic))
            if part.footnote and self.footnotes:
                runs.append(body.footnote_reference(ooxml.add_footnote(self.document, part.footnote)))
        if style == NUMBERED and self.num_id is not None:
            level = 1
        numbering = (self.num_id, level) if level is not None and self.num_id is not None else None
        properties = body.paragraph_properties(
            None if style == "Normal" else self._style_id(style), keep_next=keep_next, page_break=page_break,
            numbering=numbering, before=_twips(before), after=_twips(after),
            indent=None if indent is None else (indent[0].twips, -indent[1].twips))
        self.out(body.paragraph(properties, "".join(runs)))

    def title_block(self, report: Report) -> None:
        self.paragraph(Paragraph.of(report.title, numbered=False), style="Title")
        for line in report.front:
            self.paragraph(line, style="Normal", after=Pt(2))
        if report.contents:
            self.paragraph(Paragraph.of("Contents", numbered=False), style=CONTENTS, before=Pt(18))
            entries, number = [], 0
            for section in report.sections:
                if section.numbered:
                    number += 1
                entries.append(f"{number}. {section.title}" if section.numbered else section.title)
            self.out(body.contents_field(entries))

    def section(self, section: Section, inside_numbered: bool = False) -> None:
        """A heading and its blocks; paragraphs under a numbered section carry its numbers."""
        style = f"Heading {min(section.level, 3)}"
        numbered = section.numbered and section.level == 1 and self.num_id is not None
        self.paragraph(Paragraph.of(section.title, numbered=False), style=style, level=0 if numbered else None,
                       page_break=section.new_page)
        numbers = numbered or (inside_numbered and section.level > 1)
        self.blocks(section.blocks, numbered=numbers)
        for child in section.subsections:
            self.section(child, numbers)

    def blocks(self, blocks: tuple[Block, ...], *, numbered: bool = True) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.paragraph(block, style=None if numbered and block.numbered else "Normal")
                if not self.footnotes:
                    for note in block.footnotes:
                        self.paragraph(Paragraph.of(f"Note: {note}", numbered=False), style=NOTE)
            elif isinstance(block, BulletList):
                indent = (Cm(1.9 if numbered else 0.63), Cm(-0.63))
                for item in block.items:
                    self.paragraph(item, style=BULLET, after=Pt(3), indent=indent)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Figure):
                self.figure(block)
            elif isinstance(block, Note):
                self.paragraph(Paragraph.of(f"Note: {block.text}", numbered=False), style=NOTE)
            elif isinstance(block, Placeholder):
                self.paragraph(Paragraph.of(f"For the officer to write: {block.guidance}", numbered=False),
                               style=PLACEHOLDER)

    # -- tables and figures ----------------------------------------------------------
    def caption(self, text: str) -> None:
        self.paragraph(Paragraph.of(text, numbered=False), style="Caption", keep_next=True)

    def table(self, table: Table) -> None:
        """A table within the margins: header row marked and repeated, rows kept whole."""
        self.tables += 1
        self.caption(f"Table {self.tables}: {table.caption}")
        if not table.header:
            return
        if self.table_style is None:
            names = {style.name for style in self.document.styles}
            self.table_style = self._style_id("Table Grid") if "Table Grid" in names else ""
        total = sum(table.widths) or 1.0
        widths = [Emu(int(self.width * w / total)).twips for w in table.widths]
        markup = body.table(table.header, _cells(table), widths, style_id=self.table_style or None, caption=table.caption,
                            description=table.description, header_fill=HEADER_FILL,
                            keep_together=len(table.rows) <= 12)
        if self.streaming:
            for chunk in markup:  # row by row: a long table is never held whole
                self.out(chunk)
        else:
            self.out("".join(markup))
        self.out(body.paragraph(body.paragraph_properties(after=0), ""))

    def figure(self, figure: Figure) -> None:
        """The chart, drawn from the figure's data, with its alternative text; its table below."""
        from paptools.write.chart import status_chart, trend_chart

        self.figures += 1
        if figure.kind == "stacked":
            png, _ = trend_chart([(serie.name, _counts(figure.categories, serie.values)) for serie in figure.series])
            width = Cm(15.0)
        else:
            groups = [(serie.name, _counts(figure.categories, serie.values)) for serie in figure.series]
            png, _ = status_chart(groups)
            width = Cm(15.5 if len(groups) > 1 else 9.5)
        self.caption(f"Figure {self.figures}: {figure.title}")
        # python-docx adds the image part and draws the inline picture; its markup is taken out to be written here
        run = self.document.add_paragraph().add_run()
        run.add_picture(io.BytesIO(png), width=min(width, self.width))
        ooxml.describe_picture(run.element, self.figures if self.streaming else None, figure.title,
                               figure.alt_text)
        picture = ooxml.take_out(run.element)
        # the table may start the next page: no half-empty page
        self.out(body.paragraph(body.paragraph_properties(keep_next=False), picture))
        self.table(figure.table)


def _cells(table: Table) -> Iterator[list[body.Cell]]:
    """Each body row's cells: the first column and the status words bold, status words on their colour."""
    for values in table.rows:
        row: list[body.Cell] = []
        for column, value in enumerate(values):
            status = column == table.status_column and value in STATUS_SHADING
            fill, ink = STATUS_SHADING[value] if status else (None, None)
            row.append((value, column == 0 or status, ink, fill))
        yield row


def _twips(length: Length | None) -> int | None:
    return None if length is None else length.twips


def _counts(categories: tuple[str, ...], values: tuple[int, ...]) -> Counts:
    """A chart's data back as the counts the chart module draws."""
    by_name = dict(zip(categories, values))
    return Counts(sum(values), tuple((status, by_name.get(status.value, 0)) for status in STATUSES),
                  by_name.get(UNKNOWN, 0))


def furnish(document: Document, report: Report) -> None:
    """Running header and footer, the document's properties, fields refreshed on opening."""
    running_text(document, report.header, report.footer)
    set_properties(document, report.properties)
    ooxml.update_fields_on_open(document)


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

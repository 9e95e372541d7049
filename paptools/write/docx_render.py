"""Content tree -> WordprocessingML: lays out any `Report` (or any list of blocks) for a Word target.

Decides nothing about what to say. Real heading styles, Word's own multilevel numbering (1.,
1.1.), tables within the margins with a repeated header row and rows kept whole, status words
on their colour at 4.5:1 contrast or better, every chart with alternative text and its figures
in a table below it, a contents field. Where the markup goes is the target's business: the
default report's package (`docx_package.py`, no python-docx at all) or a python-docx document
(`docx.py`: templates and the starter).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from paptools.compare.figures import Counts
from paptools.content.tree import (
    Block,
    BulletList,
    Figure,
    Note,
    Paragraph,
    Placeholder,
    Report,
    Run,
    Section,
    Table,
)
from paptools.model import STATUSES, UNKNOWN
from paptools.write import docx_body as body
from paptools.write.palette import PALETTE

INK = "1F3864"  # headings and captions: 11.9:1 on white
HEADER_FILL = "1F3864"  # table header rows, white text: 11.9:1
STATUS_SHADING = {status.value: (colour.fill, colour.text) for status, colour in PALETTE.items()}
NOTE_INK = "404040"  # notes: 10.4:1 on white
PLACEHOLDER_FILL, PLACEHOLDER_BORDER = "FFF2CC", "BF8F00"  # black text on the fill: 19:1
NUMBERED, BULLET, NOTE, PLACEHOLDER, CONTENTS = (
    "Numbered Paragraph", "List Bullet", "Report Note", "Officer Placeholder", "Contents Heading")
PAGE_CM = (21.0, 29.7)  # A4 portrait
MARGINS_CM = (2.2, 2.2, 2.2, 2.0)  # left, right, top, bottom


def cm(value: float) -> int:
    """Centimetres in EMU (English Metric Units), as python-docx's Cm."""
    return int(value * 360000)


def pt(value: float) -> int:
    """Points in EMU, as python-docx's Pt."""
    return int(value * 12700)


def twips(emu: int) -> int:
    """EMU in twentieths of a point, rounded as python-docx rounds them."""
    return round(emu / 635)


# as python-docx reads it back from the page set up in twips
TEXT_WIDTH = (twips(cm(PAGE_CM[0])) - twips(cm(MARGINS_CM[0])) - twips(cm(MARGINS_CM[1]))) * 635


class Target(Protocol):
    """Where a Renderer's markup goes, and what it needs from the document there."""

    streaming: bool  # markup may come a table row at a time (else whole blocks)
    width: int  # the text width, EMU
    num_id: int | None  # the report's multilevel list, if the document has one

    def out(self, markup: str) -> object: ...

    def style_id(self, name: str) -> str: ...

    def table_style(self) -> str | None: ...

    def footnote(self, text: str) -> int: ...

    def picture(self, png: bytes, width: int, number: int, title: str, description: str) -> str: ...


class Renderer:
    """Lays blocks out as WordprocessingML text, handed to the target block by block."""

    def __init__(self, target: Target, *, numbered_style: bool = False):
        """`numbered_style`: number paragraphs by their style alone (a template whose Numbered
        Paragraph style carries the list), where the list itself is not this document's.
        """
        self.target = target
        self.out = target.out
        self.num_id = target.num_id
        self.width = target.width
        self.numbered_style = numbered_style
        self.footnotes = not numbered_style  # a template's sub-documents show notes as paragraphs instead
        self.tables = self.figures = 0
        self.style_ids: dict[str, str] = {}

    def _style_id(self, name: str) -> str:
        """A style's id, looked up once per name."""
        if name not in self.style_ids:
            self.style_ids[name] = self.target.style_id(name)
        return self.style_ids[name]

    # -- text ------------------------------------------------------------------------
    def paragraph(self, paragraph: Paragraph, style: str | None = None, level: int | None = None, *,
                  keep_next: bool | None = None, page_break: bool = False, before: int | None = None,
                  after: int | None = None, indent: tuple[int, int] | None = None) -> None:
        """A paragraph of runs; `level` 0 or 1 numbers it in the report's list. Lengths in EMU."""
        if style is None:
            style = NUMBERED if paragraph.numbered and (self.num_id is not None or self.numbered_style) else "Normal"
        runs = []
        for part in paragraph.runs or (Run(""),):
            runs.append(body.run(part.text, part.bold, part.italic))
            if part.footnote and self.footnotes:
                runs.append(body.footnote_reference(self.target.footnote(part.footnote)))
        if style == NUMBERED and self.num_id is not None:
            level = 1
        numbering = (self.num_id, level) if level is not None and self.num_id is not None else None
        properties = body.paragraph_properties(
            None if style == "Normal" else self._style_id(style), keep_next=keep_next, page_break=page_break,
            numbering=numbering, before=_or_none(before), after=_or_none(after),
            indent=None if indent is None else (twips(indent[0]), -twips(indent[1])))
        self.out(body.paragraph(properties, "".join(runs)))

    def title_block(self, report: Report, headings: Iterable[tuple[str, bool]] | None = None) -> None:
        """The title, the front lines and the contents; `headings` are the top-level sections'
        (title, numbered) when the sections are not in `report` (laid out before it, one by one)."""
        self.paragraph(Paragraph.of(report.title, numbered=False), style="Title")
        for line in report.front:
            self.paragraph(line, style="Normal", after=pt(2))
        if report.contents:
            self.paragraph(Paragraph.of("Contents", numbered=False), style=CONTENTS, before=pt(18))
            entries, number = [], 0
            for title, numbered in headings if headings is not None else heading_of(report.sections):
                if numbered:
                    number += 1
                entries.append(f"{number}. {title}" if numbered else title)
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
        for n, block in enumerate(blocks):
            if isinstance(block, Paragraph):  # a paragraph leading into a list stays on its page
                lead_in = n + 1 < len(blocks) and isinstance(blocks[n + 1], BulletList)
                self.paragraph(block, style=None if numbered and block.numbered else "Normal",
                               keep_next=True if lead_in else None)
                if not self.footnotes:
                    for note in block.footnotes:
                        self.paragraph(Paragraph.of(f"Note: {note}", numbered=False), style=NOTE)
            elif isinstance(block, BulletList):
                indent = (cm(1.9 if numbered else 0.63), cm(-0.63))
                for item in block.items:
                    self.paragraph(item, style=BULLET, after=pt(3), indent=indent)
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
        total = sum(table.widths) or 1.0
        widths = _fitted([twips(int(self.width * w / total)) for w in table.widths], table)
        markup = body.table(table.header, _cells(table), widths, style_id=self.target.table_style(), caption=table.caption,
                            description=table.description, header_fill=HEADER_FILL,
                            keep_together=len(table.rows) <= 12)
        if self.target.streaming:
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
            width = cm(15.0)
        else:
            groups = [(serie.name, _counts(figure.categories, serie.values)) for serie in figure.series]
            png, _ = status_chart(groups)
            width = cm(15.5 if len(groups) > 1 else 9.5)
        self.caption(f"Figure {self.figures}: {figure.title}")
        picture = self.target.picture(png, min(width, self.width), self.figures, figure.title, figure.alt_text)
        # the table may start the next page: no half-empty page
        self.out(body.paragraph(body.paragraph_properties(keep_next=False), picture))
        self.table(figure.table)


_CHAR_TWIPS = 124  # a bold character of 10 pt text at its widest usual (0.62 em), in twips
_CELL_MARGINS = 216  # Word's default cell margins, left and right


def heading_of(sections: Iterable[Section]) -> Iterator[tuple[str, bool]]:
    """Each section's entry in the contents: its title, and whether it is numbered."""
    return ((section.title, section.numbered) for section in sections)


def _fitted(widths: list[int], table: Table) -> list[int]:
    """The columns' widths, a column too narrow for its longest word ("Communication 1" as a ref)
    widened at the expense of the column with most room to spare, so no word is broken; never
    past a third of the table for one word (a web address breaks as Word breaks it)."""
    cap = sum(widths) // 3
    needs = [min(max(widths[c], cap), _CELL_MARGINS + _CHAR_TWIPS * max(
                 (len(word) for value in (table.header[c], *(row[c] for row in table.rows)) for word in value.split()),
                 default=0))
             for c in range(len(widths))]
    fitted = list(widths)
    for column, need in enumerate(needs):
        short = need - fitted[column]
        if short <= 0:
            continue
        donor = max(range(len(fitted)), key=lambda c: fitted[c] - needs[c])
        spare = fitted[donor] - needs[donor]
        if donor != column and spare > 0:
            moved = min(short, spare)
            fitted[column] += moved
            fitted[donor] -= moved
    return fitted


def _cells(table: Table) -> Iterator[list[body.Cell]]:
    """Each body row's cells: the first column and the status words bold, status words on their colour."""
    for values in table.rows:
        row: list[body.Cell] = []
        for column, value in enumerate(values):
            status = column == table.status_column and value in STATUS_SHADING
            fill, ink = STATUS_SHADING[value] if status else (None, None)
            row.append((value, column == 0 or status, ink, fill))
        yield row


def _or_none(length: int | None) -> int | None:
    return None if length is None else twips(length)


def _counts(categories: tuple[str, ...], values: tuple[int, ...]) -> Counts:
    """A chart's data back as the counts the chart module draws."""
    by_name = dict(zip(categories, values))
    return Counts(sum(values), tuple((status, by_name.get(status.value, 0)) for status in STATUSES),
                  by_name.get(UNKNOWN, 0))

"""The report as a plain content tree: what to say, with no file format in it.

`content/report.py` builds one `Report`; `write/docx.py` renders it to Word, and the same tree
can be read as text (`Report.text()`) by `paptools check` or an email body. A chart is data here
(categories and values) until a writer draws it. Every node is a frozen dataclass.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None  # a note on this text, shown at the foot of the page


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs; `numbered` ones carry the committee paper's 2.3 numbers."""

    runs: tuple[Run, ...]
    numbered: bool = True

    @classmethod
    def of(cls, text: str, *, numbered: bool = True, bold: bool = False, italic: bool = False,
           footnote: str | None = None) -> Paragraph:
        return cls((Run(text, bold, italic, footnote),), numbered)

    @property
    def footnotes(self) -> tuple[str, ...]:
        return tuple(run.footnote for run in self.runs if run.footnote)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class BulletList:
    """Bullets, each a paragraph of runs (never numbered)."""

    items: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Table:
    """A simple table: one header row, no merged cells, widths as fractions of the text width.

    `status_column` marks the column holding status words, which a writer may colour.
    """

    caption: str
    description: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    status_column: int | None = None


@dataclass(frozen=True)
class Series:
    """One set of values of a chart (PAP actions, all actions, one version)."""

    name: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Figure:
    """A chart as data: `kind` is "bars" (one panel per series) or "stacked" (one column per series)."""

    title: str
    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    alt_text: str
    table: Table  # the same figures as a table, placed beside the chart


@dataclass(frozen=True)
class Note:
    """A note on the text above it (how a figure is rounded, what a term means)."""

    text: str


@dataclass(frozen=True)
class Placeholder:
    """A marked place for what only an officer can write, with guidance on what goes there."""

    guidance: str


Block = Paragraph | BulletList | Table | Figure | Note | Placeholder


@dataclass(frozen=True)
class Section:
    """A heading and what follows it. `key` names the section for templates and narratives."""

    title: str
    level: int
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()
    numbered: bool = True
    key: str = ""
    new_page: bool = False  # an appendix starts on a new page


@dataclass(frozen=True)
class Properties:
    """The document's own properties, set from the plan and this run."""

    title: str
    subject: str
    keywords: str
    language: str = "en-GB"


@dataclass(frozen=True)
class Report:
    """The whole paper: a title block, a contents list, then the sections in order."""

    title: str
    front: tuple[Paragraph, ...]  # report to, date of meeting, plan, figures as of
    sections: tuple[Section, ...]
    properties: Properties
    header: str  # running header: the committee and the meeting
    footer: str  # running footer: the report's title
    contents: bool = True
    extra: dict[str, str] = field(default_factory=dict)  # plain values a template may use

    def section(self, key: str) -> Section:
        """The top-level or nested section with this key."""
        for found in walk(self.sections):
            if found.key == key:
                return found
        raise KeyError(key)

    def text(self) -> str:
        """The report as plain text, one block a line: for checks, tests and the email body."""
        lines = [self.title, *(p.text for p in self.front)]
        for section in walk(self.sections):
            lines.append(section.title)
            lines += [line for block in section.blocks for line in block_text(block)]
        return "\n".join(lines)


def walk(sections: tuple[Section, ...]) -> Iterator[Section]:
    """Every section, depth first, in reading order."""
    for section in sections:
        yield section
        yield from walk(section.subsections)


def block_text(block: Block) -> list[str]:
    """The lines of text a block shows."""
    if isinstance(block, Paragraph):
        return [block.text, *(f"Note: {note}" for note in block.footnotes)]
    if isinstance(block, BulletList):
        return [item.text for item in block.items]
    if isinstance(block, Table):
        return [block.caption, " | ".join(block.header), *(" | ".join(row) for row in block.rows)]
    if isinstance(block, Figure):
        return [block.title, block.alt_text, *block_text(block.table)]
    if isinstance(block, Note):
        return [block.text]
    return [block.guidance]

"""The plan model: plain, immutable records of what a PAP workbook says.

No file formats live here. The reader builds these records once; diff, summary and the
writers only read them, so every output is computed from the same facts.
"""
from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from paptools.layout import Layout


class Status(str, enum.Enum):
    """The five RA statuses, worded exactly as the plan's Key words them."""

    NOT_STARTED = "Not yet started"
    ON_TRACK = "On track"
    VULNERABLE = "Vulnerable"
    AT_RISK = "At risk"
    COMPLETE = "Complete"

    def __str__(self) -> str:
        return self.value


STATUSES: tuple[Status, ...] = tuple(Status)  # the Key's order
# The order a board paper reports them in: what is done, then what is moving, then the risks.
REPORT_ORDER: tuple[Status, ...] = (
    Status.COMPLETE, Status.ON_TRACK, Status.NOT_STARTED, Status.VULNERABLE, Status.AT_RISK,
)
UNKNOWN = "Unknown"  # label for an action whose status could not be read


@lru_cache(maxsize=4096)  # a plan's entries share a few hundred dates; show --json writes each entry's
def _iso(year: int, month: int, day: int | None) -> str:
    """'YYYY-MM', or 'YYYY-MM-DD' with a day."""
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month: the precision of due dates and of most progress entries."""

    year: int
    month: int

    def iso(self) -> str:
        return _iso(self.year, self.month, None)

    def label(self) -> str:
        return f"{calendar.month_abbr[self.month]} {self.year}"

    def long_label(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read 'YYYY-MM' (as given to --as-of or --since)."""
        year, month = text.strip().split("-")[:2]
        value = cls(int(year), int(month))
        if not 1 <= value.month <= 12:
            raise ValueError(f"no month {value.month}")
        return value


@dataclass(frozen=True, slots=True)
class EntryDate:
    """When a progress entry was written: a month, or a day when the officer gave one."""

    year: int
    month: int
    day: int | None = None

    def iso(self) -> str:
        return _iso(self.year, self.month, self.day)

    def label(self) -> str:
        month = calendar.month_abbr[self.month]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def long_label(self) -> str:
        month = calendar.month_name[self.month]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    @property
    def month_of(self) -> Month:
        return Month(self.year, self.month)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day or 0)


def date_order(when: EntryDate | None) -> tuple[int, int, int]:
    """An optional date's place in time order: undated before every date."""
    return when.sort_key() if when is not None else (0, 0, 0)


class StatusEvidence(str, enum.Enum):
    """How an action's status was shown in the workbook (what `paptools explain` tells)."""

    TEXT = "text"  # a word in the status cell
    FILL = "fill"  # the status cell's fill colour, read through the Key
    FONT = "font colour"  # the font colour of a mark in the status cell ("●" in red), read through the Key
    BLANK = "blank"  # an empty status cell, which the Key gives a meaning
    SHEET_NAME = "sheet name"  # the sheet the row is on ("Closed", "Completed")
    HEADING = "heading"  # the heading over the second table the row is in ("Completed actions")
    LOG = "log"  # the status beside the action's latest update in an updates log
    UNKNOWN = "unknown"  # nothing that could be read as a status

    def __str__(self) -> str:
        return self.value


class EntrySource(str, enum.Enum):
    """Where in the workbook an entry was written: the layouts keep progress in three ways."""

    CELL = "progress cell"  # one growing cell of dated entries
    PERIOD_COLUMN = "period column"  # one per reporting period ("Update Jan 24"); earlier or a partner's updates
    LOG_SHEET = "log sheet"  # an updates sheet with one row per update, keyed by ref

    def __str__(self) -> str:
        return self.value


class EntryOrder(str, enum.Enum):
    """The order a progress cell's entries were written in, judged from their dates."""

    OLDEST_FIRST = "oldest first"  # each update appended at the end
    NEWEST_FIRST = "newest first"  # each update added at the top
    UNKNOWN = "unknown"  # fewer than two dated entries, or dates that do not lean either way

    def __str__(self) -> str:
        return self.value


class _Keep(enum.Enum):
    """A field Entry.replaced leaves as it is (where None is a value of its own)."""

    IT = "it"


@dataclass(frozen=True, init=False)
class Entry:
    """One dated (or undated) paragraph of an action's progress.

    A record of seven fields, compared, hashed, shown and replaced by their values like the
    other records. `raw` is kept as where it lies in the text it was written in (the
    action's Progress cell, shared with Action.progress), not as a copy: a large plan holds
    hundreds of thousands of entries, and copies were a third of a version's memory.
    """

    __slots__ = ("_span", "_written", "author", "cell", "date", "initials", "source", "text_start")
    date: EntryDate | None
    initials: str | None
    author: str | None  # owner name the initials were matched to, when they could be
    if TYPE_CHECKING:
        raw: str  # the entry exactly as written in the cell (tidied), header included
    else:  # a field read from where the entry lies (dataclass takes the property for a default, unused)
        raw: str = property(lambda self: self._written[self._span >> _SPAN_BITS:self._span & _SPAN_END])
    text_start: int  # where its own text begins in raw, after the date and initials
    source: EntrySource
    cell: str | None  # "Updates!D14" where the reader knows it
    if TYPE_CHECKING:
        _written: str  # the text the entry was written in
        _span: int  # where in it, as text_span gives it

    def __init__(self, date: EntryDate | None, initials: str | None, author: str | None, raw: str,
                 text_start: int, source: EntrySource = EntrySource.CELL, cell: str | None = None) -> None:
        self._set(date, initials, author, raw, len(raw), text_start, source, cell)

    @classmethod
    def within(cls, written: str, span: int, date: EntryDate | None, initials: str | None, author: str | None,
               text_start: int, source: EntrySource = EntrySource.CELL, cell: str | None = None) -> Entry:
        """The entry whose raw is `spanned(written, span)`: it holds the text it lies in, not a copy."""
        entry = cls.__new__(cls)
        entry._set(date, initials, author, written, span, text_start, source, cell)
        return entry

    def replaced(self, *, date: EntryDate | _Keep | None = _Keep.IT, author: str | _Keep | None = _Keep.IT,
                 source: EntrySource | None = None, cell: str | _Keep | None = _Keep.IT) -> Entry:
        """dataclasses.replace(entry, ...) for these fields, keeping where raw lies instead of a copy of it."""
        return Entry.within(self._written, self._span, self.date if date is _Keep.IT else date, self.initials,
                            self.author if author is _Keep.IT else author, self.text_start, source or self.source,
                            self.cell if cell is _Keep.IT else cell)

    def _set(self, date: EntryDate | None, initials: str | None, author: str | None, written: str, span: int,
             text_start: int, source: EntrySource, cell: str | None) -> None:
        # Each slot set through its own descriptor, as the frozen class's __setattr__ would refuse:
        # a fifth quicker than object.__setattr__ (which looks each name up), and a plan has
        # hundreds of thousands of entries.
        set_date, set_initials, set_author, set_written, set_span, set_start, set_source, set_cell = _ENTRY_SLOTS
        set_date(self, date)
        set_initials(self, initials)
        set_author(self, author)
        set_written(self, written)
        set_span(self, span)
        set_start(self, text_start)
        set_source(self, source)
        set_cell(self, cell)

    @property
    def text(self) -> str:
        """The entry without its date and initials."""
        span, start = self._span, self.text_start
        if start < 0:  # as raw[text_start:] reads it
            return self.raw[start:]
        return self._written[(span >> _SPAN_BITS) + start:span & _SPAN_END]

    def __reduce__(self) -> tuple[type[Entry], tuple[object, ...]]:
        return (Entry, (self.date, self.initials, self.author, self.raw, self.text_start, self.source, self.cell))


_ENTRY_SLOTS = tuple(Entry.__dict__[name].__set__ for name in (
    "date", "initials", "author", "_written", "_span", "text_start", "source", "cell"))
_SPAN_BITS = 40  # room for the end of any text (a cell holds 32,767 characters)
_SPAN_END = (1 << _SPAN_BITS) - 1


def text_span(start: int, end: int) -> int:
    """Where a piece lies in a text, start and end as one int: an object fewer for each of a plan's entries."""
    return start << _SPAN_BITS | end


def span_bounds(span: int) -> tuple[int, int]:
    """Where a text_span lies: its start and end."""
    return span >> _SPAN_BITS, span & _SPAN_END


def spanned(text: str, span: int) -> str:
    """The piece of `text` that `span` (from text_span) says."""
    return text[span >> _SPAN_BITS:span & _SPAN_END]


@dataclass(frozen=True, slots=True)
class Timescale:
    """The Timescale cell: its text kept whole, plus the due months read from it."""

    text: str
    original_due: Month | None
    revised_due: Month | None

    @property
    def due(self) -> Month | None:
        """The latest due month: the revised one when the plan gives one."""
        return self.revised_due or self.original_due


@dataclass(frozen=True, slots=True)
class DataWarning:
    """Something the reader could not interpret for certain: reported, never hidden."""

    sheet: str | None
    cell: str | None
    message: str
    value: str | None = None  # the text concerned, kept whole so nothing is lost

    def where(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or self.cell or ""

    def line(self) -> str:
        place = self.where()
        return f"{place}: {self.message}" if place else self.message


@dataclass(frozen=True, slots=True)
class Action:
    """One row of the plan."""

    ref: str  # normalised: "PAP 1.1", "1.11"
    ref_text: str  # as the workbook shows it: "PAP: 1.1"
    is_pap: bool
    title: str  # the Action column
    owner: str
    owners: tuple[str, ...]
    timescale: Timescale
    success_criteria: str
    progress: str
    entries: tuple[Entry, ...]
    outcome: str
    evidence: str
    status: Status | None
    status_source: StatusEvidence
    section: str | None
    priority_area: str | None
    sheet: str
    row: int
    extra: tuple[tuple[str, str], ...] = ()
    # How the status was shown, for explain/lint: the plan's own word as written (or the Key's
    # word for the fill or font colour), the fill colour as RGB, the cell it was read from, and
    # its text's colour when that could say something (not black or white).
    status_word: str | None = None
    status_fill: str | None = None
    status_cell: str | None = None
    status_font: str | None = None
    # The sheet whose numbering the ref follows, where each sheet numbers its actions afresh ("Health" of
    # "Health 1"): the cleaned workbook writes it beside the ref, to read the action back as the same one.
    ref_sheet: str | None = None

    @property
    def place(self) -> str:
        return f"{self.sheet}!{self.row}"


@dataclass(frozen=True, slots=True)
class Note:
    """Text in the workbook that is not an action: the plan's title, priority areas, key."""

    kind: str  # "title", "priority area", "section", "key", "other"; "updates": rows of a ref read as its updates
    sheet: str
    cell: str
    text: str


@dataclass(frozen=True)
class Plan:
    """Everything read from one version of the workbook."""

    source: str  # file name
    actions: tuple[Action, ...]
    warnings: tuple[DataWarning, ...] = ()
    title: str | None = None
    priority_areas: tuple[tuple[str, str], ...] = ()  # (label, description)
    key: tuple[tuple[Status, str], ...] = ()  # (status, the Key's description)
    notes: tuple[Note, ...] = ()
    pap_prefixed: bool = True  # whether any ref carries a prefix such as "PAP"
    extra_columns: tuple[str, ...] = field(default=())
    # The date this version of the plan speaks for, read from the workbook, and where from
    # ("cell Cover!B3 'Updated: ...'", "document properties (modified)", "file name").
    version_date: date | None = None
    version_date_source: str | None = None
    # How the workbook was read (sheets, header rows, columns, status and progress sources).
    layout: Layout | None = field(default=None, compare=False, repr=False)
    # The Key's fill colour for each status it lists (RGB, None when the Key line has no fill),
    # so `explain` can say which Key colour an action's fill was matched to.
    key_fills: tuple[tuple[Status, str | None], ...] = ()

    @property
    def pap_actions(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if a.is_pap)

    def latest_entry_month(self) -> Month | None:
        return self._latest_entry_month

    @cached_property
    def _latest_entry_month(self) -> Month | None:
        # An entry dated after the version's own month (after today, when the version is not dated)
        # was not written by then: a mistyped year or text read as a date ("18 Nov - 40 responses"
        # is November 2040), which lint's future-entry names, not the version's latest progress.
        limit = self.version_date or date.today()
        last = (limit.year, limit.month)
        keys = [key for a in self.actions for e in a.entries if e.date and (key := (e.date.year, e.date.month)) <= last]
        return Month(*max(keys)) if keys else None

    def to_frame(self) -> pd.DataFrame:
        """One row per action, typed columns (see paptools.frames); imports pandas only now."""
        from paptools.frames import plan_frame

        return plan_frame(self)

    def entries_frame(self) -> pd.DataFrame:
        """One row per progress entry (see paptools.frames)."""
        from paptools.frames import entries_frame

        return entries_frame(self)

    def by_ref(self) -> dict[str, Action]:
        """Actions by ref; with duplicate refs the first is kept (the reader warns)."""
        return self._index

    @cached_property
    def _index(self) -> dict[str, Action]:
        # A Plan never changes, so the index is built once (diffs and summaries ask often).
        index: dict[str, Action] = {}
        for action in self.actions:
            index.setdefault(action.ref, action)
        return index


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem `check` or `lint` found, in plain words, with where it is and how to fix it.

    `where` is a paragraph of a draft ("Executive Summary, 'Seven actions ...'") or a cell of
    the workbook (sheet and cell set). The same records feed the terminal, the JSON, the
    report's data-quality annex and the cleaned workbook's Warnings sheet.
    """

    rule: str  # "breakdown-sum", "percentage", "complete-but-continuing", ...
    message: str  # what is wrong and what the plan gives, in one or two plain sentences
    fix: str = ""  # what to do about it
    ref: str | None = None
    sheet: str | None = None
    cell: str | None = None
    where: str | None = None  # a draft's paragraph (number or first words)
    phrase: str | None = None  # the draft's words concerned, quoted

    def place(self) -> str:
        """'PAP!I5', or the draft paragraph, or ''."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.where or self.sheet or ""

    def warning(self) -> DataWarning:
        """The finding as a DataWarning, for writers that list warnings (the Warnings sheet)."""
        text = f"{self.message} {self.fix}".strip()
        return DataWarning(self.sheet, self.cell, text, self.phrase)

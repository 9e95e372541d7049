"""The layout: where a workbook keeps each thing, as detected (read/detect*.py) or stated in the
house-style file. `paptools inspect` prints it; reading is detect_layout, then read_through, and
the Plan carries the Layout it was read through. Plain records, no I/O.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paptools.model import DataWarning, EntryDate, Status


@dataclass(frozen=True)
class Column:
    """A header cell mapped to a field: where, what it says, and how sure the match is."""

    field: str  # "ref", "action", "status" ...
    index: int  # 0-based column
    letter: str  # "F"
    header: str  # the header's text as written
    score: int  # 0-100; 100 when set by the house-style file
    how: str  # "known phrase", "key word", "close to 'due date'", "house-style file"


@dataclass(frozen=True)
class Period:
    """One column per reporting period ("Update Jan 24"), or the starting position ("Baseline"), or
    more progress beside the Progress column (earlier updates, a partner's)."""

    index: int
    letter: str
    header: str
    date: EntryDate | None  # the period's date, given to its entries that carry none
    baseline: bool = False
    earlier: bool = False  # earlier updates moved out of the Progress cell ("Previous updates"), undated
    partner: bool = False  # a partner's own updates beside the Progress column ("Health update"), undated

    @property
    def beside(self) -> str | None:
        """'earlier' or 'partner' for a column of progress cells beside the Progress column, its
        entries dated by their own text; None for a period's (or the baseline's) column."""
        return "earlier" if self.earlier else "partner" if self.partner else None


@dataclass(frozen=True)
class WordMap:
    """One word of the plan's status scale, what it counts as, why, and how often it is used."""

    word: str
    status: Status | None  # None: fits none of the five statuses (reported, never guessed)
    reason: str
    colour: str | None = None  # the key's colour for the word (a fill, or a mark's font colour), when the key is coloured
    count: int = 0  # how many actions use it
    in_key: bool = False  # one of the Key's (or the drop-down list's) own words, not only used in the cells


ROW_FILL = "row fill"  # StatusSource.kind of a plan whose rows are coloured by its Key
FONT_KIND = "font colour"  # StatusSource.kind of a plan whose status cells hold a mark coloured as its Key shows
PERCENT_KIND = "per cent complete"  # StatusSource.kind of a plan with no status column, read by its "% complete"


@dataclass(frozen=True)
class StatusSource:
    """Where a table's statuses come from and the scale they are read with."""

    kind: str  # "text", "fill", "text and fill", "font colour", "row fill", "sheet name", "none"
    column: str | None  # "F"
    vocabulary: tuple[WordMap, ...]
    vocabulary_source: str  # "sheet Guidance A4:B8", "drop-down list on F5:F60", "words used in column F"
    row_colours: tuple[str, ...] = ()  # no status column and no Key to read them by: the colours the action rows wear

    @property
    def by_percent(self) -> bool:
        """No status column: each action's status is its "% complete" figure's, 100% or 0%; any other unknown."""
        return self.kind == PERCENT_KIND

    @property
    def by_row_fill(self) -> bool:
        """No status column: each action's status is its row's colour in the Key (its ref cell's fill)."""
        return self.kind.startswith(ROW_FILL)


@dataclass(frozen=True)
class LogSheet:
    """An updates log: one row per update, attached to its action by ref."""

    sheet: str
    header_row: int
    ref: int
    text: int
    date: int | None
    author: int | None
    dated: EntryDate | None = None  # the period the sheet's title names ("Q1 2024-25 update"), for undated rows
    status: int | None = None  # a status beside each update ("RAG"): the latest is the action's, if it has no other


@dataclass(frozen=True)
class KeyBeside:
    """A Key kept in columns beside a table, on its rows: those cells are the Key's, not the actions'."""

    sheet: str
    rows: tuple[int, int]  # its first and last row: the "Key" heading's and the last line's
    columns: tuple[int, int]  # its first and last column, 0-based

    def holds(self, sheet: str, row: int) -> bool:
        return sheet == self.sheet and self.rows[0] <= row <= self.rows[1]


@dataclass(frozen=True)
class Moved:
    """A second header row on a table's sheet with the columns in another order (a "Completed
    actions" table under the live one): the rows below it are read through its columns."""

    row: int
    columns: tuple[Column, ...]
    extra: tuple[tuple[int, str], ...]  # (0-based column, header) kept as extra columns
    status: Status | None = None  # implied by the heading above it ("Completed actions") for rows that give none
    heading: tuple[str, str] | None = None  # that heading's cell and text: ("A14", "Completed actions")


@dataclass(frozen=True)
class Apart:
    """A table that is not of actions (a risk log, an issues log) under a table's rows or on a sheet
    of its own: none of its rows is read as an action or counted; their text is kept as notes."""

    sheet: str
    kind: str  # "a risk log", "an issues log", "a decisions log", "a glossary"
    header_row: int
    rows: tuple[int, int]  # the first row kept apart (its title, else its header) and the last
    headers: tuple[str, ...]  # its header row's cells, as written
    count: int  # rows with text under its header
    on_its_own: bool = False  # the table is its sheet's only one


@dataclass(frozen=True)
class Table:
    """One table of actions on one sheet."""

    sheet: str
    header_rows: tuple[int, ...]  # one row, or two when the header is spread over two
    columns: tuple[Column, ...]
    extra: tuple[tuple[int, str], ...]  # (0-based column, header) kept as extra columns
    periods: tuple[Period, ...]  # one column per reporting period, oldest first
    status: StatusSource
    sheet_status: Status | None = None  # implied by the sheet's name ("Closed", "Archive")
    view_of: str | None = None  # the sheet whose rows this sheet repeats, or the live copy of an older one: not read
    older_copy: bool = False  # an older copy of view_of (other statuses or progress), not a view of it
    moved: tuple[Moved, ...] = ()  # header rows further down with the columns in another order
    # One RAG column per period ("RAG Oct 24", "RAG Dec 24", "RAG Feb 25"): the status column is the
    # latest; these are the earlier ones (0-based column, header), newest first, read where it is blank.
    earlier_status: tuple[tuple[int, str], ...] = ()
    beside: tuple[int, int] | None = None  # a second table's columns (0-based, first and last) beside this one: not read

    def without_beside(self, row: int, texts: list[str]) -> list[str]:
        """A row's texts without the cells of a second table beside this one (one warning says what it holds)."""
        if self.beside is None or row < self.header_rows[0]:
            return texts
        first, last = self.beside
        return [*texts[:first], *[""] * len(texts[first:last + 1]), *texts[last + 1:]]

    @property
    def header_row(self) -> int:
        return self.header_rows[-1]

    def field(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.field == name), None)

    @property
    def progress_kind(self) -> str:
        """'cell', 'periods', 'cell and periods' or 'none' (a log sheet is the layout's)."""
        kinds = [k for k, present in (("cell", self.field("progress")), ("periods", self.periods)) if present]
        return " and ".join(kinds) or "none"


@dataclass(frozen=True)
class Membership:
    """How an action is known to be in the Priority Action Plan (as against other plans)."""

    kind: str  # "ref prefix", "column", "all"
    column: str | None = None  # "Plan" header when a column decides
    pap_values: tuple[str, ...] = ()  # the column's values that mean PAP


@dataclass(frozen=True)
class Unused:
    """Something seen in the workbook and not read into the plan, said so for the officer."""

    sheet: str
    cell: str | None
    what: str


@dataclass(frozen=True)
class Candidate:
    """A row that came closest to being a header row, for the message when none qualifies."""

    sheet: str
    row: int
    headers: tuple[str, ...]
    found: tuple[str, ...]  # fields recognised
    missing: tuple[str, ...]  # what it lacked to qualify


@dataclass(frozen=True)
class Layout:
    """Everything detected about a workbook before its cells are read as a plan."""

    tables: tuple[Table, ...]
    logs: tuple[LogSheet, ...] = ()  # updates logs, in the workbook's sheet order: every one is read
    entry_order: str = "oldest first"  # or "newest first", the plan's usual order
    membership: Membership = Membership("ref prefix")
    version_date: date | None = None
    version_date_source: str | None = None
    unused: tuple[Unused, ...] = ()
    candidates: tuple[Candidate, ...] = ()  # when no table was found: the closest rows
    style_file: str | None = None  # the house-style file applied, if any
    warnings: tuple[DataWarning, ...] = ()  # what detection could not decide for certain
    key_cells: tuple[tuple[str, str, str], ...] = ()  # (sheet, first, last) of each key or legend block
    keys_beside: tuple[KeyBeside, ...] = ()  # Keys kept in columns beside a table, on its rows
    quarters: str | None = None  # "financial year" when the house style says timescales' quarters are
    apart: tuple[Apart, ...] = ()  # tables that are not of actions (a risk log): their rows are not read as actions

    @property
    def read_tables(self) -> tuple[Table, ...]:
        """The tables read as actions: views of another sheet are not read twice."""
        return tuple(t for t in self.tables if t.view_of is None)

    def status_elsewhere(self, table: Table) -> bool:
        """Whether rows of the table with no status column take one from elsewhere: the sheet's name
        ("Closed") or an updates log's status column."""
        return table.sheet_status is not None or any(log.status is not None for log in self.logs)

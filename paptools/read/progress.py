"""Every source of progress merged into one list of entries per action.

A progress cell is split into its dated entries; each period column's text is split the
same way and an entry with no date of its own takes the period's; an updates log gives one
entry per row, attached to its action by ref (a row whose ref matches no action is a
warning naming the row, with its text, never dropped). Every entry says where it was
written (source and cell), so the diff treats them alike whatever the source.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from itertools import pairwise
from typing import NamedTuple

from paptools.layout import LogSheet, Table
from paptools.model import Entry, EntryDate, EntryOrder, EntrySource, date_order
from paptools.read.cells import Book
from paptools.read.dates import find_dates
from paptools.read.entries import CellParts, Grown, split_entries, split_grown, split_parts
from paptools.read.refs import parse_ref
from paptools.read.rows import MAX_COLUMNS, cell_text, month_shown
from paptools.read.xcell import CellValue, XCell
from paptools.read.years import UNPLACED

Warn = Callable[[str | None, str | None, str, str | None], None]


def cell_entries(text: str, sheet: str, cell: str | None, warn: Warn,
                 order: EntryOrder = EntryOrder.UNKNOWN,
                 author: Callable[[str], str | None] | None = None, split: CellParts | None = None,
                 plan_date: EntryDate | None = None) -> list[Entry]:
    """The entries of one growing progress cell; `order` is the plan's usual entry order.

    `author` names the person whose initials sign an entry (None when nobody fits). Each
    Entry is built once, with where it was written and by whom: a large plan holds
    hundreds of thousands, and building one costs about as much as finding it. `split` is
    split_parts(text, order) when it was worked out already (read/split_ahead.py); `plan_date`
    dates the yearless headings of a cell with no dated entry before them (by_plan_date).
    """
    split = by_plan_date(split or split_parts(text, order), text, order, plan_date)
    for note in split.notes:
        warn(sheet, cell, note, None)
    return split.entries(author, _where(sheet, cell))


def by_plan_date(split: CellParts, text: str, order: EntryOrder, plan_date: EntryDate | None) -> CellParts:
    """The cell read again by the plan's date where its yearless headings ("14 Oct: ...") have no
    dated entry before them to take a year from: a plan of one year's updates writes none."""
    if plan_date is None or not any(UNPLACED in note for note in split.notes):
        return split
    return split_parts(text, order, plan_date=plan_date)


def _where(sheet: str, cell: str | None) -> str | None:
    return f"{sheet}!{cell}" if cell else None


class CellMemo:
    """Each Progress cell's entries and notes, kept from one version of a plan for the next.

    Most cells of a version are as they were in the version before. A cell's entries depend
    only on its text, the order it is read in, where it is, and the author each initials in
    it names (from the action's owners and the plan's): when the text, sheet and order are
    the same and every initials names the same author as before, the entries are the ones
    read before, exactly as cell_entries would build them (built again with the new cell
    when rows moved). A cell that changed is split from where the same action's cell in the
    version before can be read on from, when the officer wrote more at its end
    (read/entries.py split_grown). Two versions' worth at most are held.
    """

    def __init__(self) -> None:
        self._before: dict[_CellKey, _Kept] = {}
        self._now: dict[_CellKey, _Kept] = {}
        self._actions_before: dict[tuple[str, str], _Kept] = {}
        self._actions_now: dict[tuple[str, str], _Kept] = {}
        self._keep = True
        self._ahead: Callable[[str], tuple[CellParts, Grown | None] | None] | None = None
        self._pairs: dict[tuple[str, str | None], tuple[str, str | None]] = {}  # (initials, author), each held once

    def next_version(self, keep: bool = True) -> None:
        """Keep what the version just read gave, for the next one; forget the one before.

        `keep=False`: no version follows the next one, so its cells are not kept.
        """
        self._before, self._now = self._now, {}
        self._actions_before, self._actions_now = self._actions_now, {}
        self._keep = keep
        self._ahead = None

    @property
    def first(self) -> bool:
        """Whether no version's cells are kept: the next is split whole, perhaps on two processes."""
        return not self._before

    def split_ahead(self, found: Callable[[str], tuple[CellParts, Grown | None] | None]) -> None:
        """The first version's cells as a second process split them (read/split_early.py
        EarlySplits.get_grown): found(text) is split_grown(text, order, None), or None when the
        cell is to be split here. A later version's cells are mostly the version before's, and
        a changed one is read on from it."""
        self._ahead = found if self.first else None

    def entries(self, text: str, sheet: str, cell: str | None, warn: Warn, order: EntryOrder,
                author: Callable[[str], str | None], ref: str, plan_date: EntryDate | None = None) -> tuple[Entry, ...]:
        """What cell_entries(text, sheet, cell, warn, order, author) gives, for the action `ref`, as a tuple
        (the same tuple for the same cell in the next version: hold it, rather than a copy)."""
        key = (text, sheet, order.value)
        kept = self._before.get(key)
        if (kept is None or (kept.dated_by is not None and kept.dated_by != plan_date)
                or any(author(initials) != name for initials, name in kept.signed)):
            earlier = kept or self._actions_before.get((sheet, ref))
            ahead = self._ahead(text) if earlier is None and self._ahead is not None else None
            split, grown = ahead or split_grown(text, order, earlier.grown_again() if earlier is not None else None)
            dated_by = None
            if (dated := by_plan_date(split, text, order, plan_date)) is not split:
                split, grown, dated_by = dated, None, plan_date  # read whole again next time
            built = tuple(split.entries(author, _where(sheet, cell)))
            found = {e.initials: e.author for e in built if e.initials}.items()
            # the plan's one tuple of each pair; through map, compiled code keeps the tuple held, not a copy
            signed = tuple(map(self._pairs.setdefault, found, found))
            kept = _Kept(cell, built, split.notes, signed, _lean(grown), dated_by)
        elif kept.cell != cell:  # the same cell on another row: its entries name it, in one string
            where = _where(sheet, cell)
            kept = kept._replace(cell=cell, entries=tuple(e.replaced(cell=where) for e in kept.entries))
        if self._keep:
            self._now[key] = self._actions_now[(sheet, ref)] = kept
        for note in kept.notes:
            warn(sheet, cell, note, None)
        return kept.entries


_CellKey = tuple[str, str, str]


class _Kept(NamedTuple):
    """One cell's entries, and what the next version of it is split from.

    Each (initials, author) pair of `signed` is held once for the whole plan, and `grown`
    keeps of its split's parts only where each lies (_lean): their dates, initials and where
    each one's text begins are the entries' own. A large plan's memo held every Progress
    cell's split a second time, beside its entries.
    """

    cell: str | None
    entries: tuple[Entry, ...]
    notes: tuple[str, ...]
    signed: tuple[tuple[str, str | None], ...]  # each initials in the cell, and the author it named
    grown: Grown | None  # where the next version of the cell can be split from (its parts as said above)
    dated_by: EntryDate | None = None  # the plan's date its yearless headings were read by (by_plan_date)

    def grown_again(self) -> Grown | None:
        """`grown` whole, its split's parts taken back from the entries built from them, in order."""
        grown = self.grown
        if grown is None:
            return None
        entries = self.entries
        return grown._replace(cell=grown.cell._replace(
            dates=tuple(e.date for e in entries), initials=tuple(e.initials for e in entries),
            text_starts=tuple(e.text_start for e in entries)))


def _lean(grown: Grown | None) -> Grown | None:
    """`grown` without the parts' dates, initials and text starts, which _Kept.grown_again takes back."""
    if grown is None:
        return None
    return grown._replace(cell=grown.cell._replace(dates=(), initials=(), text_starts=()))


def period_entries(table: Table, fields: dict[str, str], row: int, warn: Warn,
                   author: Callable[[str], str | None] | None = None, beside: str | None = None,
                   order: EntryOrder = EntryOrder.UNKNOWN) -> list[Entry]:
    """The entries written in the period columns of one row, oldest period first (authors as in
    cell_entries); with `beside` ('earlier', 'partner'), those of its columns of that kind
    alone (Period.beside), each cell split as a Progress cell written in `order` is."""
    found: list[Entry] = []
    for period in table.periods:
        text = fields.get(f"period:{period.index}", "")
        if not text or period.beside != beside:
            continue
        coordinate = f"{period.letter}{row}"
        split = split_parts(text, order, period=period.date)  # "Dec 3rd: ..." in its column: the period's year
        for note in split.notes:
            warn(table.sheet, coordinate, note, None)
        for p in split.parts:
            dated = p.date or (None if period.baseline else period.date)
            found.append(Entry.within(p.written, p.span, dated, p.initials,
                                      author(p.initials) if author and p.initials else None, p.text_start,
                                      EntrySource.PERIOD_COLUMN, f"{table.sheet}!{coordinate}"))
    return found


def period_text(table: Table, fields: dict[str, str]) -> str:
    """The period columns' text as one block ('Update Jan 24: ...'), the action's progress as written."""
    return "\n\n".join(f"{p.header}: {fields[f'period:{p.index}']}" for p in table.periods
                       if fields.get(f"period:{p.index}"))


def date_entry(entries: Sequence[Entry], value: str, newest_first: bool) -> Sequence[Entry]:
    """A status-date column dates the latest entry when that entry's text gives no date."""
    tokens = find_dates(value)
    return date_latest(entries, tokens[0].date, newest_first) if tokens else entries


def date_latest(entries: Sequence[Entry], when: EntryDate, newest_first: bool) -> Sequence[Entry]:
    """The latest entry dated `when` when its text gives no date (a status date's, a row's)."""
    at = 0 if newest_first else len(entries) - 1
    if not entries or entries[at].date is not None:
        return entries
    out = list(entries)
    out[at] = entries[at].replaced(date=when)
    return out


def by_date(cells: Sequence[Sequence[Entry]], newest_first: bool) -> list[Entry]:
    """The entries of several progress cells of one action (a joint plan's, one a partner) as one
    list in time order, the plan's way round; each cell's undated entries stay just after the
    entry before them in it, and entries of one date keep the cells' order."""
    placed = [item for cell in cells for item in _in_place([list(cell)])]
    placed.sort(key=lambda item: item[0], reverse=newest_first)  # a stable sort either way round
    return [entry for _, entry in placed]


class RowUpdate(NamedTuple):
    """One row's update in a plan whose rows carry their own Date or Author cell."""

    text: str
    cell: str
    date: CellValue  # the Date cell's value (shown_date): a date, its month alone, or text holding one
    date_cell: str | None
    author: str


def row_entries(updates: Sequence[RowUpdate], sheet: str, warn: Warn, order: EntryOrder,
                author: Callable[[str], str | None]) -> list[Entry]:
    """The entries of an action whose rows each hold an update and its date ("Date" and
    "Progress" columns, the action's cells merged down the rows): each row's text split as
    a cell is, its undated entry taking the row's date and its Author cell's name."""
    entries: list[Entry] = []
    for update in updates:
        when = date_of(update.date)
        if update.date not in (None, "") and when is None:
            warn(sheet, update.date_cell, f"'{cell_text(update.date)}' in the Date column is not a date; "
                 "the update beside it is read undated", None)
        if not update.text:
            if when is not None:
                warn(sheet, update.date_cell, f"the date {when.label()} has no update beside it: not read", None)
            continue
        found: Sequence[Entry] = cell_entries(update.text, sheet, update.cell, warn, order, author)
        if when is not None:  # the row's date is its latest entry's, as a status date is
            found = date_latest(found, when, order is EntryOrder.NEWEST_FIRST)
        if update.author:
            found = [entry if entry.author else entry.replaced(author=update.author) for entry in found]
        entries += found
    return entries


class LogStatus(NamedTuple):
    """The status written beside an action's latest update in an updates log."""

    word: str
    cell: str  # where, with its sheet: "Updates!D5"
    date: EntryDate | None


def log_entries(book: Book, logs: Sequence[LogSheet], known: set[str],
                warn: Warn) -> tuple[dict[str, list[Entry]], dict[str, LogStatus]]:
    """Every updates log's rows as entries by ref, oldest first (a council may keep a log a year),
    and the status beside each action's latest update where a log has a status column; a row for
    no known action is reported whole."""
    found: dict[str, list[tuple[tuple[tuple[int, int, int], int], Entry]]] = {}
    statuses: dict[str, LogStatus] = {}
    for log in logs:
        for ref, rows in _read_log(book, log, known, warn, statuses).items():
            found.setdefault(ref, []).extend(_in_place(rows))
    return {ref: [entry for _, entry in sorted(keyed, key=lambda k: k[0])] for ref, keyed in found.items()}, statuses


def _in_place(rows: list[list[Entry]]) -> list[tuple[tuple[tuple[int, int, int], int], Entry]]:
    """One action's updates in one log, in the sheet's order, each with its place in time: an
    undated update lies where it is written, just after the update before it in time (the one
    above it in a log kept oldest first, below it in one kept newest first)."""
    entries = [entry for row in rows for entry in row]
    dated = [date_order(e.date) for e in entries if e.date is not None]
    steps = list(pairwise(dated))
    falling = sum(a > b for a, b in steps) > sum(a < b for a, b in steps)
    places: dict[int, tuple[tuple[int, int, int], int]] = {}
    before, step = date_order(None), 0
    for index in reversed(range(len(entries))) if falling else range(len(entries)):
        when = entries[index].date
        before, step = (date_order(when), 0) if when is not None else (before, step + 1)
        places[index] = (before, step)
    return [(places[index], entry) for index, entry in enumerate(entries)]


def _read_log(book: Book, log: LogSheet, known: set[str], warn: Warn,
              statuses: dict[str, LogStatus]) -> dict[str, list[list[Entry]]]:
    """A log's rows by the ref they are for, in the sheet's order, each row's entries."""
    found: dict[str, list[list[Entry]]] = {}
    sheet = next(s for s in book.sheets if s.title == log.sheet)
    by_number: dict[str, list[str]] = {}  # each action's number (its ref without the prefix) -> its refs
    for known_ref in sorted(known):
        if (parsed_known := parse_ref(known_ref)) is not None:
            by_number.setdefault(parsed_known.number + parsed_known.suffix, []).append(known_ref)
    for number, _hidden, cells in book.rows(sheet, MAX_COLUMNS):
        if number <= log.header_row:
            continue
        texts = [cell_text(c.value) for c in cells]
        ref_text = texts[log.ref] if log.ref < len(texts) else ""
        text = texts[log.text] if log.text < len(texts) else ""
        if not ref_text and not text:
            continue
        where = f"{cells[log.text if log.text < len(cells) else 0].coordinate}"
        parsed = parse_ref(ref_text) if ref_text else None
        ref_cell = cells[log.ref].coordinate if log.ref < len(cells) else f"A{number}"
        ref = parsed.text if parsed is not None and parsed.text in known else None
        if parsed is not None and ref is None and len(alike := by_number.get(parsed.number + parsed.suffix, [])) == 1:
            ref = alike[0]  # "1.1" in the log, "PAP 1.1" in the plan: the only action numbered so
            warn(log.sheet, ref_cell, f"update for ref '{ref_text}' attached to {ref}, the only action numbered "
                 f"{parsed.number + parsed.suffix}", None)
        if ref is None:
            warn(log.sheet, ref_cell, f"update for ref '{ref_text}' matches no action: not attached to the plan; "
                 "its text is kept here", " | ".join(t for t in texts if t))
            continue
        when = date_of(shown_date(cells[log.date]) if log.date is not None and log.date < len(cells) else None) or log.dated
        author = texts[log.author] if log.author is not None and log.author < len(texts) else ""
        if log.status is not None and log.status < len(texts) and texts[log.status]:
            latest = statuses.get(ref)
            if latest is None or date_order(when) >= date_order(latest.date):  # a later row of one date wins
                statuses[ref] = LogStatus(texts[log.status], f"{log.sheet}!{cells[log.status].coordinate}", when)
        entries, notes = split_entries(text)
        for note in notes:
            warn(log.sheet, where, note, None)
        row = [entry.replaced(date=entry.date or when, author=author or entry.author, source=EntrySource.LOG_SHEET,
                              cell=f"{log.sheet}!{where}") for entry in entries]
        if all(entry.date is None for entry in row):
            date_cell = cells[log.date].coordinate if log.date is not None and log.date < len(cells) else where
            warn(log.sheet, date_cell, f"this update for {ref} gives no date: it is kept undated, in its place "
                 f"among {ref}'s updates in this log", None)
        found.setdefault(ref, []).append(row)
    return found


def shown_date(cell: XCell) -> object:
    """A Date cell's value, or the month alone (a day-less EntryDate) where its number format shows
    no day ("mmm-yy": Jan-25): the officer dated the update by its month, not the month's first day."""
    return month_shown(cell) or cell.value


def date_of(value: object) -> EntryDate | None:
    """The date a Date cell holds: its value, or the first date written in its text."""
    if isinstance(value, EntryDate):
        return value
    if isinstance(value, datetime):
        return EntryDate(value.year, value.month, value.day)
    if isinstance(value, date):
        return EntryDate(value.year, value.month, value.day)
    if isinstance(value, str):
        tokens = find_dates(value)
        return tokens[0].date if tokens else None
    return None

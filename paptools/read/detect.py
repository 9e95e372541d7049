"""Workbook -> Layout: every table of actions, its header and columns, and where progress is kept.

Each sheet is streamed once. Its header row is the first row (of the first 60 with text)
that names an id column and at least two other known fields, scored by meaning
(read/headers.py); a group row of merged cells above or below it joins it as a two-row
header. Each field goes to its best-scoring column, and a close runner-up is a warning. A
table with ids, dates and update text but no action column is an updates log. Statuses,
progress sources, plan membership, entry order and the version date are settled once all
sheets are seen (read/detect_plan.py). Nothing is guessed in silence: what is not used is
listed in the layout.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from paptools.layout import Candidate, Column, LogSheet, Moved, Period
from paptools.model import DataWarning, EntryDate
from paptools.read.cells import Book, Sheet, column_letter
from paptools.read.headers import FIELD_LABELS, MAX_HEADER, HeaderMatch, match_header
from paptools.read.periods import (
    bare_period,
    earlier_updates,
    fill_years,
    is_period,
    period_header,
    title_date,
    updates_title,
)
from paptools.read.refs import cell_ref, parse_ref
from paptools.read.rows import Row
from paptools.read.rules import bounds
from paptools.read.statuses import status_from_text
from paptools.read.text import normalise_label

SCAN_ROWS = 60  # rows with text searched for a header row on each sheet
RIVAL_MARGIN = 10  # a second column scoring within this of the winner makes the choice uncertain
_CORE = ("action", "owner", "timescale", "progress", "status")


@dataclass
class Header:
    """A header row found on a sheet: its rows, each column's header text, and how it was mapped."""

    rows: tuple[int, ...]
    headers: dict[int, str]
    columns: list[Column]
    extra: list[tuple[int, str]]
    periods: list[Period]
    warnings: list[DataWarning] = field(default_factory=list)
    by_ref_alone: bool = False  # a sheet of updates titled as such, with ref and text columns alone

    def index(self, name: str) -> int | None:
        return next((c.index for c in self.columns if c.field == name), None)

    @property
    def fields(self) -> set[str]:
        return {c.field for c in self.columns}

    @property
    def is_log(self) -> bool:
        """An updates log: ids, update text and dates (or a title that dates them), but no action column."""
        return ({"ref", "progress"} <= self.fields and "action" not in self.fields
                and ("entry_date" in self.fields or self.by_ref_alone))

    def log_sheet(self, sheet: str) -> LogSheet:
        author = self.index("author")
        return LogSheet(sheet, self.rows[-1], self.index("ref") or 0, self.index("progress") or 0,
                        self.index("entry_date"), self.index("owner") if author is None else author,  # a log's officer wrote it
                        title_date(sheet))


def _map_header(sheet: str, row: int, headers: dict[int, str], groups: dict[int, str],
                forced: dict[str, str] | None = None, months: frozenset[int] = frozenset()) -> Header:
    """Each field to its best column; periods to their own list; the rest kept as extra columns.

    `months` are columns headed only by a month that _month_columns found holding progress.
    """
    matches: dict[int, HeaderMatch] = {}
    period_columns: list[tuple[int, str]] = []
    forced_fields = {normalise_label(h): f for h, f in (forced or {}).items()}
    for index, text in headers.items():
        label = normalise_label(text)
        if label in forced_fields:
            matches[index] = HeaderMatch(forced_fields[label], 100, "house-style file")
        elif index in months or is_period(text, _group_field(groups.get(index)) == "progress"):
            period_columns.append((index, text))
        else:
            found = match_header(text)
            if found is not None and found.score >= 80:
                matches[index] = found
    columns: list[Column] = []
    warnings: list[DataWarning] = []
    taken: set[int] = set()
    for name in dict.fromkeys(m.field for m in matches.values()):
        ranked = sorted((i for i, m in matches.items() if m.field == name), key=lambda i: (-matches[i].score, i))
        dated = _dated_columns(ranked, headers)
        if dated:  # "RAG Jan 24", "RAG Feb 24": one per period, the latest is the status now
            ranked = dated[::-1]
        winner = ranked[0]
        if name == "status" and not dated and (pair := _stage_and_rag(ranked, headers)) is not None:
            stage, winner = pair  # "Status" (Open, Closed) beside "RAG" (G, A, R): both are read
            ranked = [winner, *(i for i in ranked if i not in pair)]
            columns.append(Column("stage", stage, column_letter(stage + 1), headers[stage], matches[stage].score,
                                  STAGE_HOW))  # also kept as an extra column: its words are the officer's
        how = "the latest of its period columns" if dated else matches[winner].how
        columns.append(Column(name, winner, column_letter(winner + 1), headers[winner], matches[winner].score,
                              STAGE_HOW if name == "stage" else how))
        if name != "stage":  # a stage is kept as an extra column as well
            taken.add(winner)
        for other in ranked[1:]:
            if not dated and matches[winner].score - matches[other].score < RIVAL_MARGIN:
                warnings.append(DataWarning(
                    sheet, f"{column_letter(other + 1)}{row}",
                    f"column {column_letter(other + 1)} '{headers[other]}' could also be the {FIELD_LABELS[name]} "
                    f"column; column {column_letter(winner + 1)} '{headers[winner]}' is used (name the right one "
                    "in paptools.toml)"))
    found_periods = [(i, h, *(_month_of(period_header(h)) if i in months else period_header(h)))
                     for i, h in period_columns]
    dates = fill_years([(when, month) for _, _, _, when, month in found_periods])
    periods = [Period(i, column_letter(i + 1), h, when, baseline, earlier_updates(h))
               for (i, h, baseline, _, _), when in zip(found_periods, dates)]
    for period in periods:
        if period.date is None and not period.baseline and not period.earlier:
            warnings.append(DataWarning(sheet, f"{period.letter}{row}",
                                        f"period column '{period.header}' gives no year; its entries are dated "
                                        "only where their text has a date"))
    extra = [(i, " ".join(h.split())) for i, h in headers.items()
             if i not in taken and i not in {p.index for p in periods}]
    return Header((row,), headers, sorted(columns, key=lambda c: c.index), extra, periods, warnings)


STAGE_HOW = "Complete there counts whatever the RAG says; else read where the RAG cell gives no status"
_RAG_HEADER = re.compile(r"\b(?:b?rag|ra|rating|confidence|dca)\b")


def _stage_and_rag(ranked: list[int], headers: dict[int, str]) -> tuple[int, int] | None:
    """(stage, RAG) when the status columns are a stage ("Status": Open, Closed, Complete) and a
    RAG rating ("RAG": G, A, R) beside it, told apart by their headers; None otherwise."""
    rag = [i for i in ranked if _RAG_HEADER.search(normalise_label(headers[i]))]
    stage = [i for i in ranked if i not in rag]
    return (stage[0], rag[0]) if rag and stage else None


def _month_of(found: tuple[bool, EntryDate | None, int | None]) -> tuple[bool, EntryDate | None, int | None]:
    """A date cell heading a month's column ("01/10/2025", shown as "Oct-25") dates the month, not its first day."""
    baseline, when, month = found
    if when is not None and when.day == 1:
        when = EntryDate(when.year, when.month)
    return baseline, when, month


MONTH_WORD = 4  # a cell with this many letters is somebody's words ("Booked"), not a timeline's mark ("x", "✓")


def _settled(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A header's columns settled by what the rows under it hold."""
    return _status_words_in_progress(sheet, _month_columns(sheet, header, rows, forced), rows, forced)


def _status_words_in_progress(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A "Progress" column of status words ("Green", "Amber", "Complete") in a plan with no status
    column is its status column, and the progress is the next best column for it ("Comments")."""
    progress = header.index("progress")
    if progress is None or "status" in header.fields or len(header.rows) > 1:
        return header
    named = header.headers[progress]
    if normalise_label(named) in {normalise_label(h) for h in forced or {}}:
        return header  # the house-style file says what it is
    below = [row.texts[progress] for row in rows if row.number > header.rows[-1] and progress < len(row.texts)]
    values = [text for text in below[:200] if text]
    worded = sum(1 for text in values if len(text) <= 30 and status_from_text(text)[0] is not None)
    if len(values) < 2 or worded * 10 < len(values) * 8:
        return header
    settled = _map_header(sheet, header.rows[0], header.headers, {}, {**(forced or {}), named: "status"})
    settled.columns = [replace(c, score=90, how="its cells hold status words") if c.index == progress else c
                       for c in settled.columns]
    return settled


def _month_columns(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A plan with no Progress column whose columns are headed only by months ("Oct 25", "Nov 25",
    or date cells): when those columns hold sentences, they are its progress, one column per month.
    A timeline of marks ("x") under the months is not, and stays in the extra columns.
    """
    if header.periods or "progress" in header.fields or len(header.rows) > 1:
        return header
    dated = [index for index, text in header.extra if bare_period(text)]
    if len(dated) < 2:
        return header
    below = [row for row in rows if row.number > header.rows[0]][:200]
    values = [row.texts[i] for row in below for i in dated if i < len(row.texts) and row.texts[i]]
    worded = sum(1 for value in values if sum(map(str.isalpha, value)) >= MONTH_WORD)
    if not values or worded * 2 < len(values):
        return header
    return _map_header(sheet, header.rows[0], header.headers, {}, forced, frozenset(dated))


def _dated_columns(columns: list[int], headers: dict[int, str]) -> list[int]:
    """Columns of one field that each name a period, oldest first; empty unless all of them do."""
    if len(columns) < 2:
        return []
    dates = {}
    for index in columns:
        _, when, _ = period_header(headers[index])
        if when is None:
            return []
        dates[index] = when.sort_key()
    return sorted(columns, key=lambda i: dates[i])


def _group_field(text: str | None) -> str | None:
    if not text:
        return None
    if normalise_label(text) in ("progress", "updates", "update", "progress updates", "commentary"):
        return "progress"
    found = match_header(text)
    return found.field if found else None


NO_ID = "an id column (Ref, ID, No.)"  # what a header row of a tracker with no ids lacks


def qualifies(header: Header) -> bool:
    """A header row: an id column and two other known fields (period columns count as progress)."""
    fields = header.fields | ({"progress"} if header.periods else set())
    return "ref" in fields and len(fields - {"ref"}) >= 2


LEADING_REF = "the ref opening each cell"  # how a ref column that is the Action column was found


def _with_leading_refs(header: Header, rows: list[Row]) -> Header | None:
    """A header with no id column whose Action cells open with refs ("1.1 Publish ..."): the refs
    are read from there, the Action column standing as the Ref column too."""
    action = header.index("action")
    if "ref" in header.fields or action is None or len(header.fields | ({"progress"} if header.periods else set())) < 3:
        return None
    below = [row.texts[action] for row in rows if row.number > header.rows[-1] and action < len(row.texts)][:200]
    values = [text for text in below if text]
    hits = sum(1 for text in values if cell_ref(text, leading=True) is not None)
    if hits < 2 or hits * 10 < len(values) * 6:
        return None
    column = next(c for c in header.columns if c.field == "action")
    header.columns.insert(0, Column("ref", action, column.letter, column.header, 85, LEADING_REF))
    return header


def _headers_of(row: Row) -> dict[int, str]:
    return {i: t for i, t in enumerate(row.texts) if t and len(t) <= MAX_HEADER}


def _merged_across(merges: list[str], number: int) -> dict[int, tuple[int, int]]:
    """Horizontal merged ranges on a row: first column (0-based) -> (first, last)."""
    spans: dict[int, tuple[int, int]] = {}
    for text in merges:
        first_col, first_row, last_col, last_row = bounds(text)
        if first_row <= number <= last_row and last_col > first_col:
            spans[first_col - 1] = (first_col - 1, last_col - 1)
    return spans


def _two_rows(top: Row, bottom: Row, merges: list[str]) -> tuple[dict[int, str], dict[int, str]] | None:
    """A header spread over two rows, with groups merged across the top: each column's combined text."""
    spans = _merged_across(merges, top.number)
    if not spans or any(len(t) > 60 for t in bottom.texts if t):
        return None
    groups: dict[int, str] = {}
    for first, (_, last) in spans.items():
        text = top.texts[first] if first < len(top.texts) else ""
        for index in range(first, last + 1):
            groups[index] = text
    under = [i for i, t in enumerate(bottom.texts) if t and i in groups]
    if len(under) < 2:
        return None
    combined = _headers_of(top)
    for index, text in _headers_of(bottom).items():
        group = groups.get(index, "")
        combined[index] = f"{group} {text}".strip() if group and group != text else text
    for index, group in groups.items():
        combined.setdefault(index, group)
    return combined, groups


def find_header(sheet: Sheet, rows: list[Row], forced: dict[str, str] | None = None,
                header_row: int | None = None) -> tuple[Header | None, list[Candidate]]:
    """The sheet's header (None if it has none) and, when none, its closest rows."""
    candidates: list[tuple[int, Candidate]] = []
    without_ids: list[Header] = []  # read by the refs opening their Action cells if no row names an id column
    by_ref: list[Header] = []  # "Ref | Update" on a sheet titled as updates: a log, dated by its title
    scan = rows[:SCAN_ROWS] if header_row is None else [r for r in rows if r.number in (header_row, header_row + 1)]
    for position, row in enumerate(scan):
        if header_row is not None and row.number != header_row:
            continue
        headers = _headers_of(row)
        header = _map_header(sheet.title, row.number, headers, {}, forced)
        if (not qualifies(header) and header_row is None) or "ref" not in header.fields:
            if "action" in header.fields and "ref" not in header.fields:
                without_ids.append(header)
            elif {"ref", "progress"} <= header.fields and "action" not in header.fields and updates_title(sheet.title):
                by_ref.append(replace(header, by_ref_alone=True))
            if header.fields:
                missing = [NO_ID] if "ref" not in header.fields else []
                others = header.fields - {"ref"}
                if len(others) < 2:
                    names = ", ".join("Status" if f == "status" else FIELD_LABELS[f] for f in _CORE if f not in others)
                    missing.append(("another column such as " if others else "two columns such as ") + names)
                candidates.append((len(header.fields), Candidate(
                    sheet.title, row.number, tuple(headers.values()),
                    tuple(FIELD_LABELS[f] for f in sorted(header.fields)), tuple(missing))))
            continue
        return _settled(sheet.title, _with_group_row(sheet, scan, position, header, forced), rows, forced), []
    for header in without_ids:
        if (leading := _with_leading_refs(header, rows)) is not None:
            return _settled(sheet.title, leading, rows, forced), []
    if by_ref:
        return by_ref[0], []
    candidates.sort(key=lambda c: -c[0])
    return None, [c for _, c in candidates[:3]]


def moved_headers(sheet: str, rows: list[Row], header: Header,
                  forced: dict[str, str] | None = None) -> tuple[list[Moved], list[DataWarning]]:
    """Header rows below the table's own whose columns are in another order: a second table on
    the sheet ("Completed actions" with its own header), whose rows would otherwise be read
    through the wrong columns. A row with an id in the id column is an action, not looked at."""
    moved: list[Moved] = []
    warnings: list[DataWarning] = []
    where = _places(header.columns)
    own = {tuple(_headers_of(row).items()) for row in rows if row.number in header.rows}  # repeated as it is
    for row in rows:
        ref = where.get("ref", 0)
        leading = ref == where.get("action")
        if row.number <= header.rows[-1] or cell_ref(row.texts[ref] if ref < len(row.texts) else "", leading):
            continue
        headers = _headers_of(row)
        if len(headers) < 3 or tuple(headers.items()) in own:
            continue
        found = _map_header(sheet, row.number, headers, {}, forced)
        if not qualifies(found) or _places(found.columns) == where:
            continue  # not a header, or the table's own repeated
        where = _places(found.columns)
        extra = [*found.extra, *((p.index, p.header) for p in found.periods)]
        if found.periods:
            warnings.append(DataWarning(sheet, f"{row.number}:{row.number}", "the period columns under this second "
                                        "header are kept as extra columns, not read as progress entries"))
        moved.append(Moved(row.number, tuple(found.columns), tuple(extra)))
    return moved, warnings


def _places(columns: list[Column] | tuple[Column, ...]) -> dict[str, int]:
    return {c.field: c.index for c in columns}


def _with_group_row(sheet: Sheet, rows: list[Row], position: int, header: Header,
                    forced: dict[str, str] | None) -> Header:
    """Join a row of merged group headings just above or below the header row."""
    row = rows[position]
    pairs = []
    if position + 1 < len(rows) and rows[position + 1].number == row.number + 1:
        pairs.append((row, rows[position + 1]))
    if position > 0 and rows[position - 1].number == row.number - 1:
        pairs.append((rows[position - 1], row))
    for top, bottom in pairs:
        if bottom is not row and parse_ref(bottom.texts[header.index("ref") or 0] if bottom.texts else ""):
            continue  # the next row is the first action, not more header
        joined = _two_rows(top, bottom, sheet.merges)
        if joined is None:
            continue
        combined, groups = joined
        two = _map_header(sheet.title, bottom.number, combined, groups, forced)
        if qualifies(two) and len(two.fields) + len(two.periods) >= len(header.fields) + len(header.periods):
            two.rows = (top.number, bottom.number)
            return two
    return header


def used_words(rows: list[Row], header: Header, book: Book, moved: list[Moved] | None = None
               ) -> tuple[Counter[str], int]:
    """The status words written in the status column under the header (under a moved header, in
    its status column), and how many cells are filled instead."""
    words: Counter[str] = Counter()
    fills = 0
    status, ref, action = header.index("status"), header.index("ref"), header.index("action")
    moves = {m.row: _places(m.columns) for m in moved or ()}
    for row in rows:
        if row.number in moves:
            status, ref, action = (moves[row.number].get(name) for name in ("status", "ref", "action"))
            continue
        if status is None or ref is None:
            continue
        if row.number <= header.rows[-1] or ref >= len(row.texts) or not cell_ref(row.texts[ref], ref == action):
            continue  # not an action row (a repeated header, a section, a key line)
        text = row.texts[status] if status < len(row.texts) else ""
        if text and len(text) <= 60:
            words[text.strip()] += 1
        elif not text and status < len(row.cells):
            rgb = row.cells[status].fill
            fills += bool(rgb and rgb != "FFFFFF")
    return words, fills

"""A sheet's header row: where its table of actions starts, and a second header further down.

Each sheet is streamed once. Its header row is the first row (of the first 60 with text)
that names an id column and at least two other known fields, its cells mapped to fields by
read/header_map.py and settled by what the rows under it hold (read/settle.py); a group row
of merged cells above or below it joins it as a two-row header. A table with ids, dates and
update text but no action column is an updates log (its ids may be headed "Action": "Action
7.1" alone in each cell). Statuses,
progress sources, plan membership, entry order and the version date are settled once all
sheets are seen (read/detect_plan.py). Nothing is guessed in silence: what is not used is
listed in the layout.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import partial

from paptools.layout import Apart, Candidate, Column, Moved
from paptools.model import DataWarning, Status
from paptools.read.apart import blocks, register_kind
from paptools.read.cells import Book, Sheet
from paptools.read.header_map import Header, map_header
from paptools.read.headers import FIELD_LABELS, MAX_HEADER
from paptools.read.periods import (
    updates_title,
)
from paptools.read.refs import cell_ref, parse_ref
from paptools.read.rows import Row, month_shown
from paptools.read.rules import bounds
from paptools.read.scale import sheet_status
from paptools.read.settle import filled_below, settled
from paptools.read.side_tables import beside, beside_warning
from paptools.read.struck import without_struck
from paptools.read.vocabulary import map_status_word

SCAN_ROWS = 60  # rows with text searched for a header row on each sheet
_CORE = ("action", "owner", "timescale", "progress", "status")


NO_ID = "an id column (Ref, ID, No.)"  # what a header row of a tracker with no ids lacks


def qualifies(header: Header) -> bool:
    """A header row: an id column and two other known fields (period columns count as progress)."""
    fields = header.fields | ({"progress"} if header.periods else set())
    return "ref" in fields and len(fields - {"ref"}) >= 2


def _qualifies_at(sheet: str, row: int, forced: dict[str, str] | None, cells: dict[int, str]) -> bool:
    return qualifies(map_header(sheet, row, cells, {}, forced))


LEADING_REF = "the ref opening each cell"  # how a ref column that is the Action column was found


def _with_leading_refs(header: Header, rows: list[Row]) -> Header | None:
    """A header with no id column whose Action cells open with refs ("1.1 Publish ..."): the refs
    are read from there, the Action column standing as the Ref column too."""
    action = header.index("action")
    if "ref" in header.fields or action is None or len(header.fields | ({"progress"} if header.periods else set())) < 3:
        return None
    values = filled_below(header, rows, action)
    hits = sum(1 for text in values if cell_ref(text, leading=True) is not None)
    if hits < 2 or hits * 10 < len(values) * 6:
        return None
    column = next(c for c in header.columns if c.field == "action")
    header.columns.insert(0, Column("ref", action, column.letter, column.header, 85, LEADING_REF))
    return header


REFS_ALONE = "refs alone under an Action header"  # how a log's ref column headed "Action" was found


def _log_by_action_refs(header: Header, rows: list[Row]) -> Header | None:
    """An updates log whose ref column is headed "Action" (Date | Action | Update, each Action
    cell a ref alone: "Action 7.1", "7.1"): that column names the action each update is for."""
    action = header.index("action")
    if action is None:
        return None
    values = filled_below(header, rows, action)
    alone = sum(1 for text in values if parse_ref(text) is not None)
    if alone < 2 or alone * 10 < len(values) * 8:
        return None
    log = replace(header, columns=[replace(c, field="ref", score=85, how=REFS_ALONE) if c.field == "action" else c
                                   for c in header.columns])
    return log if log.is_log else None


def _headers_of(row: Row) -> dict[int, str]:
    """A row's cells as headers; a date cell shown as a month ("Oct-24") is that month, not its first day."""
    return {i: (month.label() if i < len(row.cells) and (month := month_shown(row.cells[i])) else t)
            for i, t in enumerate(row.texts) if t and len(t) <= MAX_HEADER}


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
                header_row: int | None = None, only: bool = False) -> tuple[Header | None, list[Candidate]]:
    """The sheet's header (None if it has none) and, when none, its closest rows. `only`: the
    `forced` columns are the only fields, as paptools wrote them: nothing to settle or join."""
    candidates: list[tuple[int, Candidate]] = []
    without_ids: list[Header] = []  # read by the refs opening their Action cells if no row names an id column
    by_ref: list[Header] = []  # "Ref | Update" on a sheet titled as updates: a log, dated by its title
    registers: list[tuple[int, Header, str]] = []  # header rows of a risk log or the like (read/apart.py)
    scan = rows[:SCAN_ROWS] if header_row is None else [r for r in rows if r.number in (header_row, header_row + 1)]
    hidden = frozenset(column - 1 for column in sheet.hidden_columns)  # 0-based; known once the rows are streamed
    for position, row in enumerate(scan):
        if header_row is not None and row.number != header_row:
            continue
        headers = _headers_of(row)
        header = map_header(sheet.title, row.number, headers, {}, forced, only=only)
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
        if only:
            return header, []
        if header_row is None and (kind := register_kind(headers)) is not None:
            registers.append((position, header, kind))  # a risk log above: the table of actions may be below it
            continue
        second = beside(headers, partial(_qualifies_at, sheet.title, row.number, forced))
        if second is not None:  # a second table beside this one: its columns are not this table's
            header = map_header(sheet.title, row.number, {i: t for i, t in headers.items() if i < second}, {}, forced)
        found = settled(sheet.title, _with_group_row(sheet, scan, position, header, forced), rows, forced, hidden)
        if second is not None:
            found.warnings.append(beside_warning(sheet.title, row.number, headers, second, rows))
            found.beside = (second, max(headers))
        found.above = [(scan[at].number, kind, _headers_of(scan[at])) for at, _, kind in registers]
        return found, []
    if registers:  # no table of actions below: the register is the sheet's table
        position, header, _ = registers[0]
        return settled(sheet.title, _with_group_row(sheet, scan, position, header, forced), rows, forced, hidden), []
    for header in without_ids:
        if (log := _log_by_action_refs(header, rows)) is not None:
            return log, []
        if (leading := _with_leading_refs(header, rows)) is not None:
            return settled(sheet.title, leading, rows, forced, hidden), []
    if by_ref:
        return by_ref[0], []
    candidates.sort(key=lambda c: -c[0])
    return None, [c for _, c in candidates[:3]]


def moved_headers(sheet: str, rows: list[Row], header: Header, forced: dict[str, str] | None = None,
                  keys: list[int] | None = None) -> tuple[list[Moved], list[Apart], list[DataWarning]]:
    """Header rows below the table's own whose columns are in another order: a second table on
    the sheet ("Completed actions" with its own header), whose rows would otherwise be read
    through the wrong columns; and tables that are not of actions (a risk log: read/apart.py),
    whose rows are kept apart up to the next header or Key (`keys`: its first rows). A row with an
    id in the id column is an action, not looked at."""
    moved: list[Moved] = []
    warnings: list[DataWarning] = []
    starts = list(header.above)  # tables not of actions (a risk log), above the table and below: header row, kind, headers
    stops = [header.rows[0], *(keys or ())]  # every other header row, and Keys: where such a table ends
    where = _places(header.columns)
    own = {tuple(_headers_of(row).items()) for row in rows if row.number in header.rows}  # repeated as it is
    own_kind = register_kind(header.headers)  # a plan kept as a register: the tables under it are read as it is
    above = dict(zip((row.number for row in rows[1:]), rows))  # each row's nearest row with text above it
    for row in rows:
        ref = where.get("ref", 0)
        leading = ref == where.get("action")
        if row.number <= header.rows[-1] or cell_ref(row.texts[ref] if ref < len(row.texts) else "", leading):
            continue
        headers = _headers_of(row)
        if own_kind is None and len(headers) >= 2 and (kind := register_kind(headers)) is not None:
            starts.append((row.number, kind, headers))
            continue
        if len(headers) < 3:
            continue
        found = None if tuple(headers.items()) in own else map_header(sheet, row.number, headers, {}, forced)
        if found is not None and not qualifies(found):
            continue  # not a header
        stops.append(row.number)
        if found is None or _places(found.columns) == where:
            continue  # the table's own repeated
        where = _places(found.columns)
        extra = [*found.extra, *((p.index, p.header) for p in found.periods)]
        if found.periods:
            warnings.append(DataWarning(sheet, f"{row.number}:{row.number}", "the period columns under this second "
                                        "header are kept as extra columns, not read as progress entries"))
        moved.append(Moved(row.number, tuple(found.columns), tuple(extra), *_heading_status(above.get(row.number))))
    if not starts:
        return moved, [], warnings
    apart, apart_warnings = blocks(sheet, rows, starts, stops)
    return moved, apart, warnings + apart_warnings


def _heading_status(row: Row | None) -> tuple[Status | None, tuple[str, str] | None]:
    """The status a heading alone on its row above a second header gives the rows under it
    ("Completed actions": Complete), in the words a sheet's name gives it, and where it is."""
    texts = [(cell, text) for cell, text in zip(row.cells, row.texts) if text] if row is not None else []
    if len(texts) != 1 or (status := sheet_status(texts[0][1])) is None:
        return None, None
    return status, (texts[0][0].coordinate, texts[0][1])


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
    ref = header.index("ref") or 0  # a heading row under the header may end before the Ref column
    for top, bottom in pairs:
        if bottom is not row and parse_ref(bottom.texts[ref] if ref < len(bottom.texts) else ""):
            continue  # the next row is the first action, not more header
        joined = _two_rows(top, bottom, sheet.merges)
        if joined is None:
            continue
        combined, groups = joined
        two = map_header(sheet.title, bottom.number, combined, groups, forced)
        if qualifies(two) and len(two.fields) + len(two.periods) >= len(header.fields) + len(header.periods):
            two.rows = (top.number, bottom.number)
            return two
    return header


def used_words(rows: list[Row], header: Header, book: Book, moved: list[Moved] | None = None
               ) -> tuple[Counter[str], int, int]:
    """The status words written in the status column under the header (under a moved header, in
    its status column), how many cells are filled instead, and how many hold a lone mark in a font
    colour ("●" in red), no word of its own."""
    words: Counter[str] = Counter()
    fills = marks = 0
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
        if text and book.struck and isinstance(value := row.cells[status].value, str) and value in book.struck:
            text = without_struck(text, book.struck[value])[0]  # "~~Amber~~ Green" is Green
        if text and status < len(row.cells) and row.cells[status].look.mark_colour(text) \
                and map_status_word(text).status is None:
            marks += 1
        elif text and len(text) <= 60:
            words[text.strip()] += 1
        elif not text and status < len(row.cells):
            rgb = row.cells[status].fill
            fills += bool(rgb and rgb != "FFFFFF")
    return words, fills, marks

"""Rows that carry on the action above them: its cells merged down, a Progress cell spilt onto
the next row, one update a row beside its own Date cell, or one milestone (or step) a row with
its own owner, due date and other cells; and cells merged into an action from the row above,
which belong to that row.

An action may span several rows, its Ref and Action merged down them or written on its first
row only, each row giving its own cells of the columns an action has one of: an owner, a due
date, an extra column ("Milestone", "Milestone RAG"). Each such row is read with its action: its
cells kept as the action's extra columns, a line a row; its owner among the action's (each once);
its due among the action's, which is the latest (read/plan.py); and the sheet's rows said once
in `inspect` (a Note), not row by row.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from paptools.model import Note
from paptools.read.column_checks import DUE_FIELDS
from paptools.read.headers import FIELD_LABELS, ColumnMap
from paptools.read.progress import RowUpdate, shown_date
from paptools.read.rows import cell_text
from paptools.read.rules import bounds
from paptools.read.xcell import CellValue, XCell, column_letter, row_of

if TYPE_CHECKING:
    from paptools.read.action_row import RawAction

Warn = Callable[[str | None, str | None, str, str | None], None]


@dataclass
class Pending:
    """A row without a ref below an action, decided once the sheet's merged cells are known."""

    action: RawAction
    ref_coordinate: str
    texts: list[str]
    cells: list[XCell]
    first_coordinate: str
    has_action_text: bool
    columns: ColumnMap  # the columns the row is read through (a moved header's, below one)
    own: bool = False  # read as a row of the action's own cells (a milestone of it): said once in a Note


# The fields an action has one of that a row below it may give its own of (a milestone's owner and due).
OWN = ("owner", "timescale", *DUE_FIELDS)
_DUE = ("timescale", *DUE_FIELDS)
_NOT_TEXT = frozenset(("ref", "status", *_DUE))  # read apart from the text fields


class RowDue(NamedTuple):
    """The Timescale (and due-date) cells of a row below an action giving its own: one milestone's due."""

    value: CellValue  # the Timescale cell's value (None where the row gives due-date cells only)
    cell: str | None
    due_values: dict[str, tuple[object, str]]  # field -> (value, cell), as RawAction.due_values


def carry_on(sheet: str, row: Pending, merged: dict[str, str], warn: Warn) -> bool:
    """A row without a ref below an action read as the rest of that action's cells; False when it
    is a new action that lacks a ref (the caller reports it not read)."""
    raw, columns, texts = row.action, row.columns, row.texts
    in_merge = merged.get(row.ref_coordinate) == raw.ref_cell
    if not in_merge and row.has_action_text:  # a new action that lacks a ref
        return False
    add_update(raw, columns, row.cells, texts)
    if (status := columns.fields.get("status")) is not None and texts[status]:  # weighed in action_status.py
        raw.row_statuses.append((row.cells[status].coordinate, texts[status]))
    gives = _own_row(raw, columns, row.cells, texts)
    row.own = gives is not None
    for name, index in columns.fields.items():
        if name in _NOT_TEXT or not texts[index]:
            continue
        before = raw.fields.get(name, "")
        if name == "owner":  # each owner once: the rows of an action's milestones often share one
            lines = before.split("\n")
            raw.fields[name] = "\n".join(filter(None, [before, *(t for t in texts[index].split("\n") if t not in lines)]))
            continue
        raw.fields[name] = "\n".join(filter(None, [before, texts[index]]))
    # A row of an update, its date (and the status at it) alone is how a dated-rows plan is kept: nothing to report.
    update_only = "entry_date" in columns.fields and all(
        not texts[i] or name in ("progress", "entry_date", "author", "status") for name, i in columns.fields.items())
    if not in_merge and not update_only and not gives:  # a milestone's own owner or due: said once, in the Note
        warn(
            sheet, row.ref_coordinate,
            f"row has no Ref and no Action; its text was read as part of {row.action.ref.text} above",
            " | ".join(t for t in row.texts if t),
        )
    return True


def _own_columns(columns: ColumnMap) -> list[int]:
    """The columns an action has one of that a row below it may give its own of, in the sheet's order."""
    return sorted([*(i for name, i in columns.fields.items() if name in OWN), *columns.extra])


def _own_row(raw: RawAction, columns: ColumnMap, cells: list[XCell], texts: list[str]) -> bool | None:
    """A row below the action giving its own cells of the columns an action has one of (not copies
    of its first row's), kept with it a line a row, the action's first row the first line: True
    when it gives an owner or a due date, False when extra cells only, None when none (a row of
    progress, or of cells copied down)."""
    own = {i: texts[i] for i in _own_columns(columns) if texts[i]}
    first = raw.rows[0] if raw.rows else _first_row(raw, columns)
    if all(first.get(i) == text for i, text in own.items()):
        return None
    if not raw.rows:
        raw.rows.append(first)
    raw.rows.append(own)
    dues = {name: (cells[i].value, cells[i].coordinate) for name in DUE_FIELDS
            if (i := columns.fields.get(name)) is not None and texts[i]}
    index = columns.fields.get("timescale")
    if dues or (index is not None and texts[index]):
        raw.row_dues.append(RowDue(cells[index].value if index is not None else None,
                                   cells[index].coordinate if index is not None else None, dues))
    # Each extra column, and each owner or due column whose rows differ (a milestone's own), a line a row.
    raw.extra = [(_label(columns, i), "\n".join(row.get(i, "") for row in raw.rows).rstrip("\n"))
                 for i in _own_columns(columns) if any(i in row for row in raw.rows)
                 and (i in columns.extra or len({row[i] for row in raw.rows if i in row}) > 1)]
    return any(i not in columns.extra for i in own)


def _first_row(raw: RawAction, columns: ColumnMap) -> dict[int, str]:
    """The action's first row's cells of the columns an action has one of, as read."""
    first = {columns.fields["owner"]: raw.fields.get("owner", "")} if "owner" in columns.fields else {}
    if (index := columns.fields.get("timescale")) is not None:
        first[index] = cell_text(raw.timescale_value)
    first.update({columns.fields[name]: cell_text(value) for name, (value, _) in raw.due_values.items()})
    by_header = {header: i for i, header in columns.extra.items()}
    first.update({by_header[header]: text for header, text in raw.extra if header in by_header})
    return {i: text for i, text in first.items() if text}


def _label(columns: ColumnMap, index: int) -> str:
    """A column's header as written: an extra column's, or a field's."""
    return columns.extra.get(index) or columns.labels.get(index, "")


def rows_note(sheet: str, pending: list[Pending], merged: dict[str, str]) -> Note | None:
    """What the rows of actions giving their own cells (milestones) are and how they were read, once a sheet."""
    own = [row for row in pending if row.own]
    if not own:
        return None
    columns = own[0].columns
    given = sorted({i for row in own for i in _own_columns(row.columns) if row.texts[i]})
    shared = sorted({cell.column - 1 for row in own for cell in row.cells
                     if (top := merged.get(cell.coordinate)) is not None and row_of(top) == row.action.row})
    names = ", ".join(_label(columns, i) for i in given)
    ref, action = columns.fields["ref"], columns.fields.get("action", columns.fields["ref"])
    written = list(dict.fromkeys(_label(columns, i) for i in (shared or (ref, action))))
    first = (", ".join(written) if shared else " and ".join(written)) + (" is" if len(written) == 1 else " are") + (
        " merged down each action's rows." if shared else " written on each action's first row only.")
    parts = []
    if columns.fields.get("owner") in given:
        parts.append("owners are its rows' (each once)")
    if any(columns.fields.get(name) in given for name in _DUE):
        parts.append("due month the latest row's")
    cell = f"{own[0].action.ref_cell}:{own[-1].ref_coordinate}"
    text = (f"Actions span several rows ({cell}): each row gives its own {names} (a milestone or step of the "
            f"action); {first}\nEvery row is read with its action: its {names} kept as extra columns, a line a row"
            + ("; the action's " + ", its ".join(parts) if parts else "") + ".")
    return Note("rows", sheet, cell, text)


# Cells an officer merges down a group of actions to give them all one value: each action has it.
SHARED = ("owner", "timescale", "status")


def check_merges(sheet: str, checks: list[tuple[RawAction, dict[str, str]]], merged: dict[str, str],
                 warn: Warn) -> None:
    """Empty cells of actions merged with a cell above. An Owner, Timescale or RA cell merged down
    a group of actions gives each of them its value (reported once a cell); any other cell's text
    was the row above's, not this action's (reported for each)."""
    by_row = {raw.row: raw for raw, _ in checks}
    shared: dict[tuple[str, str], list[str]] = {}  # (top cell, field) -> the refs that share it
    last: dict[tuple[str, str], str] = {}  # (top cell, field) -> the last cell of the merge read
    for raw, empty in checks:
        for name, coordinate in empty.items():
            top = merged.get(coordinate)
            if not top or (top_row := row_of(top)) == raw.row:
                continue
            source = by_row.get(top_row)
            if name in SHARED and source is not None:
                _share(raw, source, name)
                shared.setdefault((top, name), [source.ref.text]).append(raw.ref.text)
                last[top, name] = coordinate
                continue
            warn(sheet, coordinate,
                 f"the {FIELD_LABELS.get(name, name)} cell of {raw.ref.text} is merged with {top} above, so its text "
                 "belongs to that row; unmerge the cells and give each action its own text", None)
    for (top, name), refs in shared.items():
        warn(sheet, f"{top}:{last[top, name]}", f"the {FIELD_LABELS.get(name, name)} cell is merged down the rows of "
             f"{', '.join(refs)}: each of them is read with it", None)


def _share(raw: RawAction, source: RawAction, name: str) -> None:
    """The action takes the merged cell's value from the action whose row the cell begins on."""
    if name == "timescale":
        raw.timescale_value, raw.timescale_cell = source.timescale_value, source.timescale_cell
    elif name == "status":
        raw.status_text, raw.status_rgb, raw.status_cell = source.status_text, source.status_rgb, source.status_cell
        raw.status_font, raw.status_mark = source.status_font, source.status_mark
    if name in source.fields:
        raw.fields[name] = source.fields[name]


def add_update(raw: RawAction, columns: ColumnMap, cells: list[XCell], texts: list[str]) -> None:
    """A row's progress with its own Date (or Author) cell: one update, kept apart from the rows
    above and below it so each is dated by its own row (read/progress.py row_entries)."""
    fields = columns.fields
    if "progress" not in fields or ("entry_date" not in fields and "author" not in fields):
        return
    date_index, author_index = fields.get("entry_date"), fields.get("author")
    raw.updates.append(RowUpdate(
        texts[fields["progress"]], cells[fields["progress"]].coordinate,
        shown_date(cells[date_index]) if date_index is not None else None,
        cells[date_index].coordinate if date_index is not None else None,
        texts[author_index] if author_index is not None else ""))


def merged_tops(ranges: list[str]) -> dict[str, str]:
    """For every cell inside a merged range (but its top-left), the range's top-left cell."""
    tops: dict[str, str] = {}
    for text in ranges:
        first_column, first_row, last_column, last_row = bounds(text)
        if (last_row - first_row + 1) * (last_column - first_column + 1) > 5000:
            continue
        top = f"{column_letter(first_column)}{first_row}"
        for row in range(first_row, last_row + 1):
            for column in range(first_column, last_column + 1):
                coordinate = f"{column_letter(column)}{row}"
                if coordinate != top:
                    tops[coordinate] = top
    return tops

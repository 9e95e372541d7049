"""Rows that carry on the action above them: its cells merged down, a Progress cell spilt onto
the next row, or one update a row beside its own Date cell; and cells merged into an action
from the row above, which belong to that row.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from paptools.read.headers import FIELD_LABELS, ColumnMap
from paptools.read.progress import RowUpdate
from paptools.read.rules import bounds
from paptools.read.xcell import XCell, column_letter, row_of

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


def carry_on(sheet: str, row: Pending, merged: dict[str, str], warn: Warn) -> bool:
    """A row without a ref below an action read as the rest of that action's cells; False when it
    is a new action that lacks a ref (the caller reports it not read)."""
    in_merge = merged.get(row.ref_coordinate) == row.action.ref_cell
    if not in_merge and row.has_action_text:  # a new action that lacks a ref
        return False
    add_update(row.action, row.columns, row.cells, row.texts)
    if (status := row.columns.fields.get("status")) is not None and row.texts[status]:  # weighed in action_status.py
        row.action.row_statuses.append((row.cells[status].coordinate, row.texts[status]))
    for name, index in row.columns.fields.items():
        if name in ("ref", "status") or not row.texts[index]:
            continue
        row.action.fields[name] = "\n".join(filter(None, [row.action.fields.get(name, ""), row.texts[index]]))
    # A row of an update, its date (and the status at it) alone is how a dated-rows plan is kept: nothing to report.
    update_only = "entry_date" in row.columns.fields and all(
        not row.texts[i] or name in ("progress", "entry_date", "author", "status") for name, i in row.columns.fields.items())
    if not in_merge and not update_only:
        warn(
            sheet, row.ref_coordinate,
            f"row has no Ref and no Action; its text was read as part of {row.action.ref.text} above",
            " | ".join(t for t in row.texts if t),
        )
    return True


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
        cells[date_index].value if date_index is not None else None,
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

"""The rows of one action in a plan kept one update a row, each beside its own Date cell.

A tracker may copy an action's ref and words down onto each of its update rows ("1.1" on rows
5, 6 and 7, each with its date, update and RAG) instead of merging them or leaving them blank.
Such a run of rows is one action, each row one of its updates, not actions of their own with a
ref used twice. A ref repeated with other words, or further down, is still another action
(read/plan.py, "(2nd)"). In this layout a row's status is the status at its update: the
action's is its latest row's (by the Date cell; the lower row where dates tie or are missing),
and the older rows' statuses are its history, not a conflict (read/action_status.py still
reports rows that differ in a plan without a Date column).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from paptools.layout import Column, Table
from paptools.model import Note, date_order
from paptools.read.progress import date_of
from paptools.read.refs import named_refs
from paptools.read.rows import cell_text
from paptools.read.statuses import WHITE
from paptools.read.xcell import row_of

if TYPE_CHECKING:
    from paptools.read.action_row import RawAction, SheetRead

__all__ = ["update_rows"]

Warn = Callable[[str | None, str | None, str, str | None], None]
Check = tuple["RawAction", dict[str, str]]  # an action and its empty cells, for read/continued.py check_merges

JOINED = ("progress", "entry_date", "author")  # each row's own: kept together, in the sheet's order
LATEST = ("owner", "timescale", "stage", "status_date", "plan")  # the action as it is now: the latest row's
REPEATED = "rows that repeat a ref and its action are its updates, not actions of their own"


class _Said(NamedTuple):
    """A status one row of an action gives: its word, fill or a mark's font colour, and where."""

    row: int
    word: str
    rgb: str | None
    cell: str | None
    unsaved: bool
    font: str | None = None
    mark: bool = False


def update_rows(read: SheetRead, table: Table | None, checks: list[Check], notes: list[Note],
                warn: Warn) -> list[Check]:
    """Make each run of rows repeating a ref and its action one action, and give each action of
    the layout its latest row's status; the merge checks of the rows that remain actions."""
    if table is None or not any(_dated(columns) for columns in (table.columns, *(m.columns for m in table.moved))):
        return checks
    runs: list[list[RawAction]] = []
    for raw in read.actions:
        if runs and _repeats(runs[-1], raw, table):
            runs[-1].append(raw)
        else:
            runs.append([raw])
    merged = [run for run in runs if len(run) > 1]
    for run in runs:
        if run[0].updates and run[0].updates[0].date_cell is not None:
            _one_action(run, table, warn)
    if not merged:
        return checks
    read.actions = [run[0] for run in runs]
    first_row = {raw.row: run[0].row for run in merged for raw in run}
    read.hidden = list(dict.fromkeys((first_row.get(row, row), ref) for row, ref in read.hidden))
    kept = {id(raw) for raw in read.actions}
    notes.append(Note("updates", read.name, f"{merged[0][0].ref_cell}:{merged[-1][-1].ref_cell}",
                      f"{REPEATED}: {named_refs([run[0].ref.text for run in merged])}"))
    return [check for check in checks if id(check[0]) in kept]


def _dated(columns: tuple[Column, ...]) -> bool:
    fields = {column.field for column in columns}
    return "entry_date" in fields and "progress" in fields


def _repeats(run: list[RawAction], raw: RawAction, table: Table) -> bool:
    """Whether the row goes on the run of rows above it: one update a row, the same ref, area and
    section, the action's words the same or left blank, and no second header between."""
    first, last = run[0], run[-1]
    if raw.ref.text != first.ref.text or (raw.section, raw.area) != (first.section, first.area):
        return False
    if not raw.updates or raw.updates[0].date_cell is None or not first.updates or first.updates[0].date_cell is None:
        return False
    words = next((r.fields["action"] for r in run if r.fields.get("action")), "")
    if words and raw.fields.get("action") and raw.fields["action"] != words:
        return False
    return not any(last.row < moved.row < raw.row for moved in table.moved)


def _one_action(run: list[RawAction], table: Table, warn: Warn) -> None:
    """The run's rows made its first row's action, its status its latest row's."""
    first = run[0]
    if len(run) == 1 and not first.row_statuses:
        return
    place = _places(run)
    said = [_Said(raw.row, raw.status_text, raw.status_rgb, raw.status_cell, raw.status_unsaved, raw.status_font,
                  raw.status_mark) for raw in run if raw.status_text or raw.status_unsaved or raw.status_rgb not in (None, WHITE)]
    said += [_Said(row_of(cell), word, None, cell, False) for raw in run for cell, word in raw.row_statuses]
    if said:
        now = max(said, key=lambda s: place(s.row))
        first.status_text, first.status_rgb, first.status_cell, first.status_unsaved = (
            now.word, now.rgb, now.cell, now.unsaved)
        first.status_font, first.status_mark = now.font, now.mark
    first.row_statuses = []
    if len(run) > 1:
        _merge(run, sorted(run, key=lambda raw: place(raw.row), reverse=True), table, warn)


def _merge(run: list[RawAction], newest: list[RawAction], table: Table, warn: Warn) -> None:
    """Every row's update, the latest row's owner and timescale (a non-blank owner or timescale
    that differs between the rows reported), the words describing the action once each."""
    first = run[0]
    fields: dict[str, str] = {}
    for name in dict.fromkeys(name for raw in run for name in raw.fields):
        values = [raw.fields.get(name, "") for raw in run]
        if name == "action":
            fields[name] = next(filter(None, values), "")
        elif name in JOINED:
            fields[name] = "\n".join(filter(None, values))
        elif name in LATEST:
            fields[name] = next((raw.fields[name] for raw in newest if raw.fields.get(name)), "")
        else:  # words that describe the action, copied down: once each
            fields[name] = "\n".join(dict.fromkeys(filter(None, values)))
    if (letter := _letter(table, first.row, "owner")) is not None:
        _differ(first, [(raw.fields.get("owner", ""), f"{letter}{raw.row}") for raw in run], "owners", warn)
    _differ(first, [(raw.timescale_value, raw.timescale_cell or "") for raw in run], "timescales", warn)
    timescale = next((raw for raw in newest if cell_text(raw.timescale_value)), first)
    first.timescale_value, first.timescale_cell = timescale.timescale_value, timescale.timescale_cell
    for name, due in first.due_values.items():
        _differ(first, [raw.due_values.get(name, (None, "")) for raw in run],
                "original due dates" if name == "original_due" else "latest due dates", warn)
        first.due_values[name] = next((raw.due_values[name] for raw in newest
                                       if name in raw.due_values and cell_text(raw.due_values[name][0])), due)
    extra: dict[str, list[str]] = {}
    for raw in run:
        for header, text in raw.extra:
            extra.setdefault(header, []).append(text)
    first.fields = fields
    first.extra = [(header, "\n".join(dict.fromkeys(texts))) for header, texts in extra.items()]
    first.updates = [update for raw in run for update in raw.updates]


def _places(run: list[RawAction]) -> Callable[[int], tuple[tuple[int, int, int], int]]:
    """Each row's place in time: its Date cell's date (a row with none lies where it is written,
    with the date of the row above it), then its place in the sheet."""
    dates = {row_of(update.cell): date_of(update.date) for raw in run for update in raw.updates}
    carried: dict[int, tuple[int, int, int]] = {}
    before = date_order(None)
    for row in sorted(dates):
        when = dates[row]
        before = carried[row] = date_order(when) if when is not None else before
    return lambda row: (carried.get(row, before), row)


def _differ(raw: RawAction, values: list[tuple[object, str]], what: str, warn: Warn) -> None:
    """Report the run's rows giving different non-blank values, naming each cell where it changes."""
    said = [(cell_text(value), cell) for value, cell in values if cell_text(value)]
    if len({text for text, _ in said}) < 2:
        return
    changes = [(text, cell) for n, (text, cell) in enumerate(said) if n == 0 or text != said[n - 1][0]]
    warn(raw.sheet, f"{said[0][1]}:{said[-1][1]}", f"the rows of {raw.ref.text} give different {what} ("
         + ", ".join(f"{cell} '{text}'" for text, cell in changes) + "); the latest row's is used", None)


def _letter(table: Table, row: int, name: str) -> str | None:
    """The column letter of a field on a row: the table's, or a second header's above the row."""
    columns = table.columns
    for moved in table.moved:
        if moved.row < row:
            columns = moved.columns
    return next((column.letter for column in columns if column.field == name), None)

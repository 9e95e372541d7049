"""What a table's header row lacks or hides, and a status scale that may fold two levels into one,
said once per sheet before its rows are walked."""
from __future__ import annotations

from collections.abc import Callable

from paptools.layout import Layout, Moved, Table
from paptools.read.headers import FIELD_LABELS
from paptools.read.scale import folded

__all__ = ["DUE_FIELDS", "check_columns", "check_moved"]

DUE_FIELDS = ("original_due", "latest_due")  # columns of dates that give the due months


def check_columns(sheet: str, hidden_columns: set[int], table: Table, layout: Layout,
                  warn: Callable[[str, str, str], None]) -> None:
    """Warnings for a table with no status, action, owner, timescale or progress column, or a hidden
    one, and for status words that fold two levels into At risk (scale.folded)."""
    row = table.header_row
    if table.field("status") is None and not table.status.by_row_fill and not layout.status_elsewhere(table):
        colours = table.status.row_colours
        warn(sheet, f"{row}:{row}", "no RA, RAG or Status column: every status on this sheet is unknown"
             + (f"; the action rows are coloured ({', '.join(colours)}), but no Key says what each colour "
                "means: add one (a 'Key' heading, then a cell of each colour beside its status word)"
                if colours else ""))
    for name in ("action", "owner", "timescale"):
        if table.field(name) is None and not (name == "timescale" and any(map(table.field, DUE_FIELDS))):
            warn(sheet, f"{row}:{row}", f"no {FIELD_LABELS[name]} column found in the header row")
    if table.progress_kind == "none" and not layout.logs:
        warn(sheet, f"{row}:{row}", "no Progress column, period columns or updates sheet: the actions are "
             "read without progress (their statuses still count); name the progress column in paptools.toml")
    for column in table.columns:
        if column.index + 1 in hidden_columns:
            warn(sheet, f"{column.letter}{row}",
                 f"the {FIELD_LABELS.get(column.field, column.field)} column is hidden in Excel; read anyway")
    if (same := folded(table.status.vocabulary)) and (status := table.field("status")) is not None:
        named = " and ".join(f"'{word}'" for word in same)
        warn(sheet, f"{status.letter}{row}", f"{named} {'both' if len(same) == 2 else 'all'} count as At risk and no word of the plan counts as "
             "Vulnerable: if one of them is the plan's amber, say so under [statuses] in paptools.toml")


def check_moved(sheet: str, moved: Moved, table: Table, layout: Layout, warn: Callable[[str, str, str], None]) -> None:
    """A warning for a second header with no status column whose heading gives its rows none
    ("Completed actions" would): every status under it is unknown, said once, as for the table's own."""
    if moved.status is None and all(c.field != "status" for c in moved.columns) and not layout.status_elsewhere(table):
        warn(sheet, f"{moved.row}:{moved.row}", "no RA, RAG or Status column under this second header: the status "
             "of every action under it is unknown (a heading above it such as 'Completed actions' would make them Complete)")


"""Sheets that repeat another's actions: a view of the same rows, or an older copy of the plan.

A workbook may hold the plan twice. A view (a filtered or linked sheet of the same rows: the
same ids, text, statuses and progress) is read once. A copy kept beside the live sheet (last
quarter's position: the same actions, other statuses or progress) is a second version of the
plan: counting both would double the figures, and counting the wrong one would report an old
position as the current one. The live copy is read and the other named in a warning, with how
to choose it instead: a visible sheet before a hidden one, then the one named for the later month
(sheets "Nov 24" and "Jan 25", a copy kept for each board), then the one whose progress is the
longer (progress grows with each update), then the first in the workbook.
"""
from __future__ import annotations

from dataclasses import dataclass

from paptools.model import DataWarning, EntryDate, date_order
from paptools.read.dates import find_dates
from paptools.read.header_map import Header
from paptools.read.refs import cell_ref
from paptools.read.rows import Row

__all__ = ["Held", "held_rows", "repeats"]

# Two tables are copies of one plan when one holds the other's actions, or they share this share
# of the smaller's actions and at least this many (an action added and one removed since).
_OVERLAP = 0.8
_FEWEST = 3


@dataclass(frozen=True)
class Held:
    """What one sheet's table holds, to compare with another's."""

    sheet: str
    hidden: bool
    ids: frozenset[tuple[str, str]]  # (ref, action text)
    state: dict[str, tuple[str, str | None, str]]  # ref -> status text, status fill, progress text

    def progress_of(self, refs: set[str]) -> int:
        return sum(len(self.state[ref][2]) for ref in refs)


def held_rows(sheet: str, hidden: bool, rows: list[Row], header: Header) -> Held:
    """The ids, statuses and progress of a table's action rows."""
    ref, action = header.index("ref"), header.index("action")
    status, progress = header.index("status"), header.index("progress")
    ids: set[tuple[str, str]] = set()
    state: dict[str, tuple[str, str | None, str]] = {}
    if ref is None:
        return Held(sheet, hidden, frozenset(), state)
    for row in rows:
        if row.number <= header.rows[-1] or ref >= len(row.texts):
            continue
        parsed = cell_ref(row.texts[ref], ref == action) if row.texts[ref] else None
        text = row.texts[action] if action is not None and action < len(row.texts) else ""
        if parsed is None or not text:
            continue
        ids.add((parsed.text, " ".join(text.split())))
        state[parsed.text] = (_text(row, status), row.cells[status].fill if status is not None and status < len(row.cells)
                              else None, _text(row, progress))
    return Held(sheet, hidden, frozenset(ids), state)


def repeats(tables: list[Held]) -> tuple[dict[str, str], dict[str, str], list[DataWarning]]:
    """The sheets not to be read: views (sheet -> the sheet it repeats), older copies (sheet ->
    the live copy) and a warning naming each older copy."""
    views: dict[str, str] = {}
    older: dict[str, str] = {}
    warnings = []
    for n, item in enumerate(tables):
        for m, other in enumerate(tables):
            if m == n or not item.ids or item.sheet in views or item.sheet in older:
                continue
            common = {ref for ref, _ in item.ids & other.ids}
            differ = any(item.state[ref] != other.state[ref] for ref in common)
            if item.ids <= other.ids and (item.ids != other.ids or m < n) and not differ:
                views[item.sheet] = other.sheet
            elif differ and m > n and (item.ids <= other.ids or other.ids <= item.ids or len(common) >= max(
                    _FEWEST, _OVERLAP * min(len(item.ids), len(other.ids)))):
                live, old, why = _live(item, other, common)
                if old.sheet not in older and live.sheet not in older:
                    older[old.sheet] = live.sheet
                    warnings.append(DataWarning(old.sheet, None, (
                        f"this sheet holds the same actions as sheet {live.sheet} with other statuses or progress: "
                        f"taken for an older copy of the plan and not counted ({why}); if it is the live plan, name "
                        f"it in paptools.toml: sheets = [\"{old.sheet}\"]")))
    return views, older, warnings


def _live(a: Held, b: Held, common: set[str]) -> tuple[Held, Held, str]:
    """The live copy of two, the older, and why."""
    if a.hidden != b.hidden:
        live, old = (b, a) if a.hidden else (a, b)
        return live, old, f"it is hidden in Excel and sheet {live.sheet} is not"
    named_a, named_b = _named_month(a.sheet), _named_month(b.sheet)
    if named_a is not None and named_b is not None and named_a != named_b:
        live, old = (a, b) if date_order(named_a) > date_order(named_b) else (b, a)
        return live, old, f"sheet {live.sheet} is named for the later month"
    longer_a, longer_b = a.progress_of(common), b.progress_of(common)
    if longer_a != longer_b:
        live, old = (a, b) if longer_a > longer_b else (b, a)
        return live, old, f"the progress of sheet {live.sheet} is the longer, and progress grows with each update"
    return a, b, f"the two hold as much progress, and sheet {a.sheet} comes first in the workbook"


def _named_month(title: str) -> EntryDate | None:
    """The one month a sheet's name gives ("Jan 25", "Position at January 2025"), if any."""
    found = find_dates(title)
    return found[0].date if len(found) == 1 else None


def _text(row: Row, index: int | None) -> str:
    return row.texts[index] if index is not None and index < len(row.texts) else ""

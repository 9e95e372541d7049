"""The changes between two versions as rows a person can read in Excel, and the CSV of them.

One row per change, most important first: history that was edited or removed, status
changes, new progress, then timescales, owners and wording, actions added and removed,
overdue and no-update actions. The same rows fill the cleaned workbook's Changes sheet.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from paptools.compare.changes import Change, ChangeKind
from paptools.compare.reconciliation import Reconciliation
from paptools.model import Action, Entry

COLUMNS = ("Change", "Ref", "Priority area", "Section", "Entry date", "Author", "Before", "After", "Note")
_LABELS = {
    ChangeKind.ENTRY_REMOVED: "Entry removed", ChangeKind.ENTRY_REWRITTEN: "Entry edited",
    ChangeKind.ENTRY_SHORTENED: "Entry edited", ChangeKind.ENTRY_REDATED: "Entry edited",
    ChangeKind.ENTRY_EXTENDED: "Entry edited", ChangeKind.ENTRY_CORRECTED: "Entry edited",
    ChangeKind.STATUS: "Status changed", ChangeKind.NEW_ENTRY: "New progress",
    ChangeKind.TIMESCALE: "Timescale changed", ChangeKind.ACTION_RENUMBERED: "Ref changed",
    ChangeKind.ACTION_ADDED: "Action added", ChangeKind.ACTION_REMOVED: "Action removed",
}


@dataclass(frozen=True)
class ChangeRow:
    change: str
    ref: str
    area: str
    section: str
    date: str
    author: str
    before: str
    after: str
    note: str

    def cells(self) -> tuple[str, ...]:
        return (self.change, self.ref, self.area, self.section, self.date, self.author,
                self.before, self.after, self.note)


def _who(entry: Entry | None) -> str:
    return (entry.author or entry.initials or "") if entry else ""


def _when(entry: Entry | None) -> str:
    if entry is None:
        return ""
    return entry.date.label() if entry.date else "undated"


def _note(change: Change) -> str:
    if change.kind.changes_history:
        return f"HISTORY CHANGED: {change.rule}"
    if change.kind is ChangeKind.NEW_ENTRY:
        return change.remark
    if change.kind is ChangeKind.TIMESCALE:
        due = f"due {_month(change.due_before)} -> {_month(change.due_after)}"
        return due + ("; revised again" if change.revised_again else "")
    if change.kind is ChangeKind.ACTION_ADDED:
        return str(change.action.status or "Unknown")
    if change.kind in (ChangeKind.ENTRY_EXTENDED, ChangeKind.ENTRY_CORRECTED, ChangeKind.ACTION_REMOVED,
                       ChangeKind.ACTION_RENUMBERED):
        return change.rule
    return ""


def _month(month: object) -> str:
    return month.label() if month is not None else "no month"  # type: ignore[attr-defined]


def _row(label: str, ref: str, action: Action, date: str = "", author: str = "", before: str = "",
         after: str = "", note: str = "") -> ChangeRow:
    return ChangeRow(label, ref, action.priority_area or "", action.section or "", date, author, before, after, note)


def change_rows(result: Reconciliation) -> list[ChangeRow]:
    """One row per change, in the change list's order, then overdue and no-update actions."""
    rows: list[ChangeRow] = []
    for change in result.changes:
        label = f"{change.field.capitalize()} changed" if change.field else _LABELS[change.kind]
        rows.append(_row(label, change.ref, change.action, _when(change.entry), _who(change.entry),
                         change.before, change.after, _note(change)))
    for action in result.summary.overdue:
        due = action.timescale.due.label() if action.timescale.due else "no month"
        rows.append(_row("Overdue", action.ref, action, before=action.timescale.text,
                         note=f"due {due}, {action.status or 'status unknown'}"))
    for action in result.summary.no_update:
        rows.append(_row("No update", action.ref, action, note=f"{action.status or 'status unknown'}; no new progress"))
    return rows


def csv_safe(text: str) -> str:
    """Text Excel would run as a formula (= + - @ at the start) is kept as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_changes_csv(rows: list[ChangeRow], path: Path) -> None:
    """UTF-8 with a byte-order mark, so Excel shows '£' and '–' correctly."""
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for change in rows:
            writer.writerow([csv_safe(cell) for cell in change.cells()])

"""The changes between two versions as rows a person can read in Excel, and the CSV of them.

One row per change, most important first: history that was edited or removed, status
changes, new progress, then timescales, owners and wording, actions added and removed,
overdue and no-update actions. The same rows fill the cleaned workbook's Changes sheet.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from paptools.compare.diff import PlanDiff, no_update
from paptools.compare.figures import Summary
from paptools.model import Action, Entry

COLUMNS = ("Change", "Ref", "Priority area", "Section", "Entry date", "Author", "Before", "After", "Note")
EDIT_NOTES = {
    "minor": "small correction (typo) to an entry reported before",
    "extended": "text added to an existing entry",
    "rewritten": "HISTORY CHANGED: an entry reported before was rewritten",
    "shortened": "HISTORY CHANGED: text was cut from an entry reported before",
    "redated": "HISTORY CHANGED: the date of an entry reported before was changed",
}

POSITION_NOTES = {"inserted": "inserted between earlier entries", "at the top": "added at the top of the cell"}


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


def _who(entry: Entry) -> str:
    return entry.author or entry.initials or ""


def _when(entry: Entry) -> str:
    return entry.date.label() if entry.date else "undated"


def change_rows(diff: PlanDiff, summary: Summary) -> list[ChangeRow]:
    current = diff.current.by_ref()
    previous = diff.previous.by_ref() if diff.previous else {}

    def row(change, ref, **cells) -> ChangeRow:
        action: Action | None = current.get(ref) or previous.get(ref)
        return ChangeRow(change, ref, (action and action.priority_area) or "", (action and action.section) or "",
                         cells.get("date", ""), cells.get("author", ""), cells.get("before", ""),
                         cells.get("after", ""), cells.get("note", ""))

    rows: list[ChangeRow] = []
    for removed in diff.removed_entries:
        rows.append(row("Entry removed", removed.ref, date=_when(removed.entry), author=_who(removed.entry),
                        before=removed.entry.text, note="HISTORY CHANGED: an entry reported before was removed"))
    for edit in sorted(diff.edited_entries, key=lambda e: not e.history_changed):
        rows.append(row("Entry edited", edit.ref, date=_when(edit.after), author=_who(edit.after),
                        before=edit.before.text, after=edit.after.text, note=EDIT_NOTES[edit.kind]))
    for change in diff.status_changes:
        rows.append(row("Status changed", change.ref, before=str(change.before or "Unknown"),
                        after=str(change.after or "Unknown")))
    for new in diff.new_entries:
        rows.append(row("New progress", new.ref, date=_when(new.entry), author=_who(new.entry),
                        after=new.entry.text, note=POSITION_NOTES.get(new.position, "")))
    for change in diff.timescale_changes:
        due = lambda t: t.due.label() if t.due else "no month"  # noqa: E731
        note = f"due {due(change.before)} -> {due(change.after)}" + ("; revised again" if change.revised_again else "")
        rows.append(row("Timescale changed", change.ref, before=change.before.text, after=change.after.text, note=note))
    for change in diff.field_changes:
        rows.append(row(f"{change.field.capitalize()} changed", change.ref, before=change.before, after=change.after))
    for change in diff.ref_changes:
        rows.append(row("Ref changed", change.after, before=change.before, after=change.after, note=change.how))
    for action in diff.actions_added:
        rows.append(row("Action added", action.ref, after=action.title, note=str(action.status or "Unknown")))
    for action in diff.actions_removed:
        rows.append(row("Action removed", action.ref, before=action.title,
                        note="the action is no longer in the plan"))
    for action in summary.overdue:
        rows.append(row("Overdue", action.ref, before=action.timescale.text,
                        note=f"due {action.timescale.due.label()}, {action.status or 'status unknown'}"))
    if diff.previous is not None or diff.since is not None:
        for action in no_update(diff):
            rows.append(row("No update", action.ref, note=f"{action.status or 'status unknown'}; no new progress"))
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

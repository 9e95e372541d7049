"""One typed list of changes between two versions: what every writer renders.

The diff (diff.py) aligns actions and entries; this module turns its result into Change
records, each with its kind, its action, before and after, and the rule that produced it.
Whether a change counts as new progress, or changes history the board has already seen, is
decided here once (`ChangeKind.is_progress`, `ChangeKind.changes_history`), so the terminal,
JSON, Word, Excel and email writers cannot disagree about a plan: they only render.
"""
from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from paptools.compare.diff import PlanDiff, entry_key
from paptools.model import Action, Entry, Month, Plan, Status


class ChangeKind(str, enum.Enum):
    """What changed, in the order a board paper reports it (history first)."""

    ENTRY_REMOVED = "entry removed"
    ENTRY_REWRITTEN = "entry rewritten"
    ENTRY_SHORTENED = "entry shortened"
    ENTRY_REDATED = "entry redated"
    STATUS = "status changed"
    NEW_ENTRY = "new progress"
    ENTRY_EXTENDED = "entry extended"
    ENTRY_CORRECTED = "entry corrected"
    TIMESCALE = "timescale changed"
    FIELD = "field changed"
    ACTION_RENUMBERED = "ref changed"
    ACTION_ADDED = "action added"
    ACTION_REMOVED = "action removed"

    def __str__(self) -> str:
        return self.value

    @property
    def is_progress(self) -> bool:
        """New progress: a new entry, or text added to an existing one."""
        return self in (ChangeKind.NEW_ENTRY, ChangeKind.ENTRY_EXTENDED)

    @property
    def changes_history(self) -> bool:
        """Progress the board saw before was edited or removed: shown first, because it matters."""
        return self in _HISTORY

    @property
    def is_entry(self) -> bool:
        return self in _ENTRY_KINDS


_HISTORY = frozenset({ChangeKind.ENTRY_REMOVED, ChangeKind.ENTRY_REWRITTEN, ChangeKind.ENTRY_SHORTENED,
                      ChangeKind.ENTRY_REDATED})
_ENTRY_KINDS = _HISTORY | {ChangeKind.NEW_ENTRY, ChangeKind.ENTRY_EXTENDED, ChangeKind.ENTRY_CORRECTED}
_EDIT_KINDS = {
    "minor": ChangeKind.ENTRY_CORRECTED, "extended": ChangeKind.ENTRY_EXTENDED,
    "rewritten": ChangeKind.ENTRY_REWRITTEN, "shortened": ChangeKind.ENTRY_SHORTENED,
    "redated": ChangeKind.ENTRY_REDATED,
}
_EDIT_RULES = {
    "minor": "a small correction (typo) to an entry reported before",
    "extended": "text added to an entry reported before",
    "rewritten": "an entry reported before was rewritten",
    "shortened": "text was cut from an entry reported before",
    "redated": "the date of an entry reported before was changed",
}
_POSITION_RULES = {
    "appended": "a new entry after the last one",
    "inserted": "a new entry between earlier ones",
    "at the top": "a new entry at the top of the cell",
    "dated": "an entry dated from the month given",
}
_NEWEST_ON_TOP = "a new entry at the top, where the plan writes its newest"
# Where a new entry is expected: not worth a remark beside it.
_USUAL_PLACES = frozenset([_POSITION_RULES["appended"], _POSITION_RULES["dated"], _NEWEST_ON_TOP])


@dataclass(frozen=True)
class Change:
    """One change to one action between two versions."""

    kind: ChangeKind
    ref: str
    action: Action  # as it is now; as it was, for an action removed
    rule: str  # why this is the change it is, in plain words
    before: str = ""  # the text, word or value before ("" when there was none)
    after: str = ""
    entry: Entry | None = None  # the entry now (the one removed, for a removal)
    previous_entry: Entry | None = None  # the entry as it was, for an edit
    field: str | None = None  # for FIELD: "owner", "action", "success criteria" ...
    status_before: Status | None = None  # for STATUS
    status_after: Status | None = None
    due_before: Month | None = None  # for TIMESCALE
    due_after: Month | None = None
    revised_again: bool = False  # for TIMESCALE: a timescale already revised once moved again

    @property
    def remark(self) -> str:
        """The rule, when a reader should look twice: a new entry where the plan writes new ones is not remarked on."""
        return "" if self.rule in _USUAL_PLACES else self.rule

    @property
    def added_text(self) -> str:
        """For an extended entry, the words added to it."""
        if self.kind is not ChangeKind.ENTRY_EXTENDED or self.entry is None or self.previous_entry is None:
            return ""
        return self.entry.text[len(self.previous_entry.text):].strip()


@dataclass(frozen=True)
class Changes:
    """Every change between two versions (or since a month), in report order."""

    current: Plan
    previous: Plan | None
    since: Month | None
    items: tuple[Change, ...]

    def __iter__(self) -> Iterator[Change]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def of(self, *kinds: ChangeKind) -> tuple[Change, ...]:
        return tuple(c for c in self.items if c.kind in kinds)

    @property
    def progress(self) -> tuple[Change, ...]:
        """New entries and entries added to, in plan order."""
        return tuple(c for c in self.items if c.kind.is_progress)

    @property
    def history(self) -> tuple[Change, ...]:
        return tuple(c for c in self.items if c.kind.changes_history)

    def refs_with_progress(self) -> frozenset[str]:
        """Actions that moved: new progress, or added with entries of their own."""
        refs = {c.ref for c in self.progress}
        refs |= {c.ref for c in self.of(ChangeKind.ACTION_ADDED) if c.action.entries}
        return frozenset(refs)

    def no_update(self) -> tuple[Action, ...]:
        """Actions not complete whose progress has not moved (only when there is a comparison)."""
        if self.previous is None and self.since is None:
            return ()
        moved = self.refs_with_progress()
        added = {c.ref for c in self.of(ChangeKind.ACTION_ADDED)}
        return tuple(a for a in self.current.actions
                     if a.status is not Status.COMPLETE and a.ref not in moved and a.ref not in added)

    @property
    def is_empty(self) -> bool:
        return not self.items

    def unseen_entries(self, action: Action) -> tuple[Entry, ...]:
        """An added action's entries the previous version held nowhere: all of them, but for the
        history a split action brings from the one it was split from."""
        if self.previous is None:
            return action.entries
        return tuple(e for e in action.entries if entry_key(e) not in self._seen)

    @cached_property
    def _seen(self) -> frozenset[tuple[str | None, str | None, str]]:
        """The added actions' entries that the previous version holds too. Only theirs: every entry's
        key, a copy of its words, was 20 MB held through the report at 5,000 actions."""
        wanted = {entry_key(e) for c in self.of(ChangeKind.ACTION_ADDED) for e in c.action.entries}
        if not wanted or self.previous is None:
            return frozenset()
        return frozenset(key for a in self.previous.actions for e in a.entries if (key := entry_key(e)) in wanted)


def _status_word(status: Status | None) -> str:
    return status.value if status else "Unknown"


def list_changes(diff: PlanDiff) -> Changes:
    """The diff's findings as one list of Change records, in report order, plan order within."""
    now = diff.current.by_ref()
    before = diff.previous.by_ref() if diff.previous else {}

    def action_of(ref: str) -> Action:
        return now.get(ref) or before[ref]

    items: list[Change] = []
    for removed in diff.removed_entries:
        items.append(Change(ChangeKind.ENTRY_REMOVED, removed.ref, action_of(removed.ref),
                            "an entry reported before was removed", before=removed.entry.text, entry=removed.entry))
    for edit in diff.edited_entries:
        items.append(Change(_EDIT_KINDS[edit.kind], edit.ref, action_of(edit.ref), _EDIT_RULES[edit.kind],
                            before=edit.before.text, after=edit.after.text, entry=edit.after,
                            previous_entry=edit.before))
    for change in diff.status_changes:
        items.append(Change(ChangeKind.STATUS, change.ref, action_of(change.ref), "the status is not the same",
                            before=_status_word(change.before), after=_status_word(change.after),
                            status_before=change.before, status_after=change.after))
    newest_first = diff.current.layout is not None and diff.current.layout.entry_order == "newest first"
    for new in diff.new_entries:
        rule = _NEWEST_ON_TOP if newest_first and new.position == "at the top" else _POSITION_RULES[new.position]
        items.append(Change(ChangeKind.NEW_ENTRY, new.ref, action_of(new.ref), rule, after=new.entry.text,
                            entry=new.entry))
    for moved in diff.timescale_changes:
        rule = "the timescale was revised again" if moved.revised_again else "the timescale text or due month changed"
        items.append(Change(ChangeKind.TIMESCALE, moved.ref, action_of(moved.ref), rule,
                            before=moved.before.text, after=moved.after.text, due_before=moved.before.due,
                            due_after=moved.after.due, revised_again=moved.revised_again))
    for edited in diff.field_changes:
        items.append(Change(ChangeKind.FIELD, edited.ref, action_of(edited.ref), f"the {edited.field} changed",
                            before=edited.before, after=edited.after, field=edited.field))
    for ref_change in diff.ref_changes:
        items.append(Change(ChangeKind.ACTION_RENUMBERED, ref_change.after, action_of(ref_change.after),
                            f"the same action, {ref_change.how}", before=ref_change.before, after=ref_change.after))
    for action in diff.actions_added:
        items.append(Change(ChangeKind.ACTION_ADDED, action.ref, action, "a ref not in the previous version",
                            after=action.title))
    for action in diff.actions_removed:
        items.append(Change(ChangeKind.ACTION_REMOVED, action.ref, action, "a ref no longer in the plan",
                            before=action.title))
    order = {kind: n for n, kind in enumerate(ChangeKind)}
    place = {a.ref: n for n, a in enumerate(diff.current.actions)}
    items.sort(key=lambda c: (order[c.kind], place.get(c.ref, len(place))))
    return Changes(diff.current, diff.previous, diff.since, tuple(items))

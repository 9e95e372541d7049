"""Plan, Plan -> PlanDiff: every change between two versions, as data.

Actions are aligned by ref, never by row: first the same ref, then the same number when
only the prefix was retyped ("PAP 2.3" / "2.3"), then identical wording when an action
was renumbered. Within an action, progress entries are aligned as sequences, so an entry
added at the end, in the middle or at the top of a newest-first cell is found the same
way. An entry that changed is a typo fix ("minor"), an addition to its text
("extended"), or a change to what was reported before ("rewritten", "shortened",
"redated"): those, and removed entries, are history the board may have relied on.
"""
from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from paptools.model import Action, DataWarning, Entry, Month, Plan, Status, Timescale
from paptools.read.refs import parse_ref

EDIT_PAIRING = 0.55  # below this similarity an entry was replaced, not edited
MINOR_EDIT = 0.9  # at or above this, with few characters changed, an edit is a typo fix
COMPARED_FIELDS = (
    ("title", "action"), ("owner", "owner"), ("success_criteria", "success criteria"),
    ("outcome", "outcome/impact"), ("evidence", "evidence"), ("section", "section"),
    ("priority_area", "priority area"),
)


@dataclass(frozen=True)
class NewEntry:
    ref: str
    entry: Entry
    position: str  # "appended", "inserted" or "at the top"


@dataclass(frozen=True)
class EditedEntry:
    ref: str
    before: Entry
    after: Entry
    kind: str  # "minor", "extended", "rewritten", "shortened", "redated"
    similarity: float


@dataclass(frozen=True)
class RemovedEntry:
    ref: str
    entry: Entry


@dataclass(frozen=True)
class StatusChange:
    ref: str
    before: Status | None
    after: Status | None


@dataclass(frozen=True)
class TimescaleChange:
    ref: str
    before: Timescale
    after: Timescale

    @property
    def revised_again(self) -> bool:
        """A timescale that had already been revised once and has moved again."""
        return self.before.revised_due is not None and self.after.due != self.before.due

    @property
    def later(self) -> bool:
        return bool(self.before.due and self.after.due and self.after.due > self.before.due)


@dataclass(frozen=True)
class FieldChange:
    ref: str
    field: str  # the label: "owner", "action", "success criteria" ...
    before: str
    after: str


@dataclass(frozen=True)
class RefChange:
    before: str
    after: str
    how: str  # "retyped" or "renumbered"


@dataclass(frozen=True)
class PlanDiff:
    previous: Plan | None
    current: Plan
    since: Month | None = None  # set when there is no previous version
    new_entries: tuple[NewEntry, ...] = ()
    edited_entries: tuple[EditedEntry, ...] = ()
    removed_entries: tuple[RemovedEntry, ...] = ()
    status_changes: tuple[StatusChange, ...] = ()
    actions_added: tuple[Action, ...] = ()
    actions_removed: tuple[Action, ...] = ()
    timescale_changes: tuple[TimescaleChange, ...] = ()
    field_changes: tuple[FieldChange, ...] = ()
    ref_changes: tuple[RefChange, ...] = ()
    warnings: tuple[DataWarning, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (
            self.new_entries or self.edited_entries or self.removed_entries or self.status_changes
            or self.actions_added or self.actions_removed or self.timescale_changes or self.field_changes
            or self.ref_changes
        )


# --- aligning actions -----------------------------------------------------------------

def align_actions(previous: Plan, current: Plan) -> tuple[list[tuple[Action, Action]], list[RefChange]]:
    """Pairs of (previous, current) actions that are the same action, and refs that changed."""
    pairs: list[tuple[Action, Action]] = []
    changes: list[RefChange] = []
    old_left = list(previous.actions)
    new_left = list(current.actions)

    def take(match_old: Callable[[Action], object], match_new: Callable[[Action], object], how: str | None) -> None:
        nonlocal old_left, new_left
        old_keys: dict[object, list[Action]] = {}
        new_keys: dict[object, list[Action]] = {}
        for a in old_left:
            if (k := match_old(a)) is not None:
                old_keys.setdefault(k, []).append(a)
        for a in new_left:
            if (k := match_new(a)) is not None:
                new_keys.setdefault(k, []).append(a)
        matched_old, matched_new = set(), set()
        for key, olds in old_keys.items():
            news = new_keys.get(key, [])
            if how and (len(olds) != 1 or len(news) != 1):
                continue  # a looser match must be unambiguous
            for old, new in zip(olds, news):  # duplicates pair in order of appearance
                pairs.append((old, new))
                matched_old.add(id(old))
                matched_new.add(id(new))
                if how and old.ref != new.ref:
                    changes.append(RefChange(old.ref, new.ref, how))
        old_left = [a for a in old_left if id(a) not in matched_old]
        new_left = [a for a in new_left if id(a) not in matched_new]

    # The same ref and the same wording first: when a new action is put in and the ones below
    # it are numbered on, each keeps its wording under its new ref, and is not paired with the
    # new action that took its old ref.
    take(_ref_and_wording, _ref_and_wording, None)
    take(_number_and_wording, _number_and_wording, "retyped")
    # Wording identifies an action only if no other action in either version shares it.
    unique = _unique_wordings(previous) & _unique_wordings(current)
    take(lambda a: k if (k := _wording_key(a)) in unique else None,
         lambda a: k if (k := _wording_key(a)) in unique else None, "renumbered")
    take(lambda a: a.ref, lambda a: a.ref, None)
    take(_number_key, _number_key, "retyped")
    # The ref as written and the wording, however short: "1" of "ASD assessment waits" on a sheet renamed.
    take(_as_written_and_title, _as_written_and_title, "renumbered")
    # Last, an action renumbered and reworded ("1.3 Portage service expansion" now "3.1 Expand the
    # Portage service") is known by its progress: every entry it had, still there, and no other's.
    for old, new in _by_history(old_left, new_left):
        pairs.append((old, new))
        changes.append(RefChange(old.ref, new.ref, "renumbered"))
    order = {id(a): n for n, a in enumerate(current.actions)}
    pairs.sort(key=lambda pair: order[id(pair[1])])
    return pairs, changes


def _by_history(olds: list[Action], news: list[Action]) -> list[tuple[Action, Action]]:
    """Each (old, new) whose old entries are all among the new one's, where no other action of either
    side fits (unmatched actions only). A short history ("Jan 25: No update.") is no one's own: under
    40 characters it takes the same owner and due month too (both given), under 12 nothing."""
    held = [{entry_key(e) for e in a.entries} for a in news]
    fits: dict[int, list[int]] = {}
    for i, old in enumerate(olds):
        history = {entry_key(e) for e in old.entries}
        length = sum(len(text) for _, _, text in history)
        if length >= 12:
            fits[i] = [j for j, keys in enumerate(held) if history <= keys and (length >= 40 or (
                old.owner and old.timescale.due and news[j].owner == old.owner
                and news[j].timescale.due == old.timescale.due))]
    taken = Counter(j for found in fits.values() for j in found)
    return [(olds[i], news[found[0]]) for i, found in fits.items() if len(found) == 1 and taken[found[0]] == 1]


def _as_written_and_title(action: Action) -> tuple[str, str] | None:
    title = _words(action)
    return (action.ref_text, title) if action.ref_text and title else None


def _unique_wordings(plan: Plan) -> set[str]:
    counts: dict[str, int] = {}
    for action in plan.actions:
        key = _wording_key(action)
        if key:
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n == 1}


def _number_key(action: Action) -> str | None:
    parsed = parse_ref(action.ref)
    return parsed.number + parsed.suffix if parsed else None


def _field(action: Action, name: str) -> str:
    """A compared field's text; a section that is only its sheet's name (each sheet of actions is a
    section once there are two; its ref's sheet, read back from the cleaned workbook) is no section
    of the officer's: a second sheet added is no change."""
    value: str = getattr(action, name) or ""
    return "" if name == "section" and value in (action.sheet, action.ref_sheet) else value


def _ref_and_wording(action: Action) -> tuple[str, str] | None:
    wording = _wording_key(action)
    return (action.ref, wording) if wording else None


def _number_and_wording(action: Action) -> tuple[str, str] | None:
    number, wording = _number_key(action), _wording_key(action)
    return (number, wording) if number and wording else None


def _wording_key(action: Action) -> str | None:
    words = _words(action)
    return words if len(words) > 20 else None


def _words(action: Action) -> str:
    """An action's wording, its case and spacing aside."""
    return " ".join(action.title.lower().split())


# --- aligning entries -----------------------------------------------------------------

def entry_key(entry: Entry) -> tuple[str | None, str | None, str]:
    """What makes two versions' entries the same entry: its date, initials and words."""
    return (entry.date.iso() if entry.date else None, entry.initials, " ".join(entry.text.split()))


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def diff_entries(ref: str, before: tuple[Entry, ...], after: tuple[Entry, ...]
                 ) -> tuple[list[NewEntry], list[EditedEntry], list[RemovedEntry]]:
    """(new, edited, removed) entries of one action.

    An entry written the same in both versions is the same entry wherever it stands: a cell
    turned newest first, or entries put in date order, changes nothing. The rest pair up as
    edits where their text or dated heading says so; what is left is new or removed.
    """
    waiting: dict[tuple[str | None, str | None, str], list[int]] = {}
    for i, entry in enumerate(before):
        waiting.setdefault(entry_key(entry), []).append(i)
    held: list[int] = []  # the places in `after` of entries found in `before`
    news: list[int] = []
    for j, entry in enumerate(after):
        same = waiting.get(entry_key(entry))
        if same:
            same.pop(0)
            held.append(j)
        else:
            news.append(j)
    olds = sorted(i for places in waiting.values() for i in places)
    edited: list[EditedEntry] = []
    for i, j, score in _pair_edits(before, after, olds, news):
        edited.append(EditedEntry(ref, before[i], after[j], _edit_kind(before[i], after[j], score), score))
        olds.remove(i)
        news.remove(j)
        held.append(j)
    removed = [RemovedEntry(ref, before[i]) for i in olds]
    first, last = (min(held), max(held)) if held else (len(after), -1)
    new = [NewEntry(ref, after[j], "appended" if j > last else "at the top" if j < first else "inserted")
           for j in news]
    return new, edited, removed


def _pair_edits(before: tuple[Entry, ...], after: tuple[Entry, ...], olds: list[int], news: list[int]
                ) -> list[tuple[int, int, float]]:
    """Old and new entries in a replaced block that are the same entry, edited.

    Similar text pairs them; so does the same dated heading (date and initials), since an
    officer rewriting "Nov 23: SL: ..." in place is still editing the Nov 23 entry.
    """
    candidates = []
    for i in olds:
        for j in news:
            a, b = " ".join(before[i].text.split()), " ".join(after[j].text.split())
            score = 1.0 if a == b else _similarity(a, b)
            if b.startswith(a) and a:
                score = max(score, 0.99)
            same_heading = before[i].date is not None and entry_key(before[i])[:2] == entry_key(after[j])[:2]
            if score >= EDIT_PAIRING or same_heading:
                candidates.append((score + (1.0 if same_heading else 0.0), score, i, j))
    used_old, used_new, pairs = set(), set(), []
    for _, score, i, j in sorted(candidates, key=lambda c: (-c[0], c[2], c[3])):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j, round(score, 3)))
    return sorted(pairs)


def _same_when(before: Entry, after: Entry) -> bool:
    """The same date, or a month given its day ("Dec 24:" written "12/12/24:"), or the other way:
    made more or less precise, not moved."""
    if before.date == after.date:
        return True
    if before.date is None or after.date is None:
        return False
    same_month = (before.date.year, before.date.month) == (after.date.year, after.date.month)
    return same_month and (before.date.day is None or after.date.day is None)


def _edit_kind(before: Entry, after: Entry, score: float) -> str:
    a, b = " ".join(before.text.split()), " ".join(after.text.split())
    if a == b:
        return "minor" if _same_when(before, after) else "redated"
    if b.startswith(a):
        return "extended"
    if a.startswith(b):
        return "shortened"
    changed = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in
                  difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op != "equal")
    if score >= MINOR_EDIT and changed <= max(8, len(a) // 40):
        return "minor" if _same_when(before, after) else "redated"
    return "rewritten"


# --- the whole diff -------------------------------------------------------------------

def diff_plans(previous: Plan, current: Plan) -> PlanDiff:
    pairs, ref_changes = align_actions(previous, current)
    new: list[NewEntry] = []
    edited: list[EditedEntry] = []
    removed: list[RemovedEntry] = []
    statuses: list[StatusChange] = []
    timescales: list[TimescaleChange] = []
    fields: list[FieldChange] = []
    for old, now in pairs:
        if old.progress != now.progress:  # the same text has the same entries: most actions
            n, e, r = diff_entries(now.ref, old.entries, now.entries)
            new += n
            edited += e
            removed += r
        if old.status is not now.status:
            statuses.append(StatusChange(now.ref, old.status, now.status))
        if _timescale_key(old.timescale) != _timescale_key(now.timescale):
            timescales.append(TimescaleChange(now.ref, old.timescale, now.timescale))
        for name, label in COMPARED_FIELDS:
            before, after = _field(old, name), _field(now, name)
            if " ".join(before.split()) != " ".join(after.split()):
                fields.append(FieldChange(now.ref, label, before, after))
    paired_old = {id(o) for o, _ in pairs}
    paired_new = {id(n) for _, n in pairs}
    gone = tuple(a for a in previous.actions if id(a) not in paired_old)
    warnings = []
    for change in ref_changes:
        warnings.append(DataWarning(None, None, f"ref {change.before} is now {change.after} ({change.how}); "
                                                "matched as the same action"))
    new, merged = _carried_over(new, gone)
    warnings += merged
    return PlanDiff(
        previous=previous, current=current,
        new_entries=tuple(new), edited_entries=tuple(edited), removed_entries=tuple(removed),
        status_changes=tuple(statuses),
        actions_added=tuple(a for a in current.actions if id(a) not in paired_new),
        actions_removed=gone,
        timescale_changes=tuple(timescales), field_changes=tuple(fields), ref_changes=tuple(ref_changes),
        warnings=tuple(warnings),
    )


def _carried_over(new: list[NewEntry], gone: tuple[Action, ...]) -> tuple[list[NewEntry], list[DataWarning]]:
    """New entries that are a removed action's entries, two or more carried into one action (it was
    merged into that one): not new progress, as the committee saw them; said once for each pair.
    One entry alike is not enough: an update pasted into several actions is alike by chance."""
    held = {entry_key(e): a.ref for a in gone for e in a.entries}
    if not held:
        return new, []
    found: dict[tuple[str, str], list[NewEntry]] = {}
    for item in new:
        if (source := held.get(entry_key(item.entry))) is not None:
            found.setdefault((item.ref, source), []).append(item)
    carried = {id(item) for items in found.values() if len(items) >= 2 for item in items}
    return [item for item in new if id(item) not in carried], [
        DataWarning(None, None, f"{ref} holds {len(items)} entries of {source}, which is no longer in the plan "
                    "(merged into it?): not counted as new progress")
        for (ref, source), items in found.items() if len(items) >= 2]


def _timescale_key(timescale: Timescale) -> tuple[str, Month | None, Month | None]:
    return (" ".join(timescale.text.split()), timescale.original_due, timescale.revised_due)


def diff_since(current: Plan, since: Month) -> PlanDiff:
    """Without a previous version: the entries dated from `since` are the new progress."""
    new = [
        NewEntry(a.ref, e, "dated")
        for a in current.actions for e in a.entries
        if e.date is not None and e.date.month_of >= since
    ]
    return PlanDiff(previous=None, current=current, since=since, new_entries=tuple(new))

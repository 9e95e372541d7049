"""The plan's figures a draft may quote, for PAP actions and for all actions, computed once.

Counts by status come from compare/figures.py; overdue uses the as-of date; completion
within timescale from compare/completion.py. A completion figure is what the plan records,
with a bound that counts every complete action whose completion month no entry records, so a
draft is never faulted for a figure the plan cannot settle. "No update" needs the previous
version.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paptools.check.claims import (
    ADDED,
    BY_ORIGINAL,
    BY_REVISED,
    COMPLETION_UNKNOWN,
    INCOMPLETE,
    LATE,
    MOVED,
    NEW_ENTRIES,
    NO_DUE,
    NO_STATUS,
    NO_UPDATE,
    OVERDUE,
    REMOVED,
    REVISED_AGAIN,
    STATUS_CHANGED,
    TIMESCALES,
    TOTAL,
    WITHIN,
)
from paptools.compare.changes import ChangeKind, list_changes
from paptools.compare.completion import Timeliness, completion
from paptools.compare.diff import diff_plans
from paptools.compare.figures import Counts, count, is_overdue
from paptools.model import Action, Plan, Status

KIND_LABELS = {
    Status.COMPLETE.value: "complete", Status.ON_TRACK.value: "on track",
    Status.NOT_STARTED.value: "not yet started", Status.VULNERABLE.value: "vulnerable",
    Status.AT_RISK.value: "at risk", INCOMPLETE: "incomplete", TOTAL: "in total",
    OVERDUE: "overdue (past the latest due month and not complete)",
    NO_UPDATE: "without an update since the previous version", WITHIN: "completed within timescale",
    LATE: "completed after the due month", COMPLETION_UNKNOWN: "with no recorded completion month",
    BY_ORIGINAL: "completed by the original due month", BY_REVISED: "completed by a revised due month",
    NO_DUE: "complete with no due month to compare with",
    NO_STATUS: "with no status recorded", NEW_ENTRIES: "new progress entries since the previous version",
    MOVED: "actions with new progress", STATUS_CHANGED: "actions that changed status", ADDED: "actions added",
    REMOVED: "actions removed", TIMESCALES: "timescales changed", REVISED_AGAIN: "timescales revised again",
}
SHORT_LABELS = {**KIND_LABELS, Status.NOT_STARTED.value: "not started", TOTAL: "in total",
                OVERDUE: "overdue", NO_UPDATE: "without an update", LATE: "late",
                COMPLETION_UNKNOWN: "completion month not recorded", BY_ORIGINAL: "by the original due month",
                BY_REVISED: "by a revised due month", NO_DUE: "no due month"}


@dataclass(frozen=True)
class Figure:
    """What the plan gives for one kind in one group: a value, or bounds when it is not settled."""

    low: int
    high: int
    refs: tuple[str, ...] = ()  # the actions counted, for the finding's message
    note: str = ""  # why the value is a range, when it is one

    @property
    def exact(self) -> bool:
        return self.low == self.high


@dataclass(frozen=True)
class GroupFacts:
    name: str  # "pap" or "all"
    label: str  # "PAP actions" or "actions"
    counts: Counts
    figures: dict[str, Figure]


def _refs(actions: list[Action]) -> tuple[str, ...]:
    return tuple(a.ref for a in actions)


def group_facts(name: str, actions: tuple[Action, ...], as_of: date, stale: set[str] | None) -> GroupFacts:
    """Every figure of one group of actions; completion figures are (recorded, recorded + unknown)."""
    counts = count(actions)
    figures: dict[str, Figure] = {TOTAL: Figure(counts.total, counts.total)}
    for status in Status:
        chosen = [a for a in actions if a.status is status]
        figures[status.value] = Figure(len(chosen), len(chosen), _refs(chosen))
    incomplete = [a for a in actions if a.status is not Status.COMPLETE]
    figures[INCOMPLETE] = Figure(len(incomplete), len(incomplete), _refs(incomplete))
    no_status = [a for a in actions if a.status is None]
    figures[NO_STATUS] = Figure(len(no_status), len(no_status), _refs(no_status))
    overdue = [a for a in actions if is_overdue(a, as_of)]
    figures[OVERDUE] = Figure(len(overdue), len(overdue), _refs(overdue), f"as of {as_of:%d %B %Y}")
    if stale is not None:
        chosen = [a for a in actions if a.ref in stale]
        figures[NO_UPDATE] = Figure(len(chosen), len(chosen), _refs(chosen))
    done = [c for a in actions if (c := completion(a)) is not None]

    def refs(*kinds: Timeliness) -> tuple[str, ...]:
        return tuple(c.ref for c in done if c.timeliness in kinds)

    unknown = refs(Timeliness.NOT_RECORDED)
    note = "no entry records when some complete actions were completed"
    for kind, recorded in ((BY_ORIGINAL, refs(Timeliness.WITHIN)), (BY_REVISED, refs(Timeliness.WITHIN_REVISED)),
                           (WITHIN, refs(Timeliness.WITHIN, Timeliness.WITHIN_REVISED)), (LATE, refs(Timeliness.LATE))):
        # the plan records these; an action with no recorded completion month could be any of them
        figures[kind] = Figure(len(recorded), len(recorded) + len(unknown), recorded, note)
    figures[NO_DUE] = Figure(len(refs(Timeliness.NO_DUE_DATE)), len(refs(Timeliness.NO_DUE_DATE)),
                             refs(Timeliness.NO_DUE_DATE))
    figures[COMPLETION_UNKNOWN] = Figure(len(unknown), len(unknown), unknown)
    label = {"pap": "PAP actions", "all": "actions"}.get(name, f"actions in {name.split(':', 1)[-1]}")
    return GroupFacts(name, label, counts, figures)


def change_figures(plan: Plan, previous: Plan | None) -> tuple[set[str] | None, dict[str, Figure]]:
    """Refs with no update, and the counts of what changed, since the previous version (none without it)."""
    if previous is None:
        return None, {}
    changes = list_changes(diff_plans(previous, plan))
    added = changes.of(ChangeKind.ACTION_ADDED)
    timescales = changes.of(ChangeKind.TIMESCALE)
    again = [c for c in timescales if c.revised_again]
    moved = changes.refs_with_progress() - {c.ref for c in added}

    def figure(items: tuple[object, ...] | list[object] | frozenset[str]) -> Figure:
        return Figure(len(items), len(items))

    figures = {
        NEW_ENTRIES: figure(changes.progress), MOVED: figure(moved), STATUS_CHANGED: figure(changes.of(ChangeKind.STATUS)),
        ADDED: figure(added), REMOVED: figure(changes.of(ChangeKind.ACTION_REMOVED)), TIMESCALES: figure(timescales),
        REVISED_AGAIN: figure(list(again)),
    }
    return {a.ref for a in changes.no_update()}, figures


def completion_detail(plan: Plan, refs: tuple[str, ...]) -> str:
    """'PAP 1.8 (Sep 2024, due Jun 2024)' for each late action: why a within-timescale claim fails."""
    index = plan.by_ref()
    parts = []
    for ref in refs:
        action = index[ref]
        done = completion(action)
        due = action.timescale.due
        if done is not None and done.month is not None and due is not None:
            parts.append(f"{ref} ({done.month.label()}, due {due.label()})")
        else:
            parts.append(ref)
    return ", ".join(parts)

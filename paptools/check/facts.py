"""The plan's figures a draft may quote, for PAP actions and for all actions, computed once.

Counts by status come from compare/figures.py; overdue uses the as-of date; completion
within timescale from compare/diff.py's completion months. Without the previous version
some completion months and every "no update" are unknown: those figures are given as bounds
(or as unknown), so a draft is never faulted for a figure the plan cannot settle.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paptools.check.claims import (
    COMPLETION_UNKNOWN,
    INCOMPLETE,
    LATE,
    NO_STATUS,
    NO_UPDATE,
    OVERDUE,
    TOTAL,
    WITHIN,
)
from paptools.compare.diff import completion, diff_plans, no_update
from paptools.compare.figures import Counts, count, is_overdue
from paptools.model import Action, Plan, Status

KIND_LABELS = {
    Status.COMPLETE.value: "complete", Status.ON_TRACK.value: "on track",
    Status.NOT_STARTED.value: "not yet started", Status.VULNERABLE.value: "vulnerable",
    Status.AT_RISK.value: "at risk", INCOMPLETE: "incomplete", TOTAL: "in total",
    OVERDUE: "overdue (past the latest due month and not complete)",
    NO_UPDATE: "without an update since the previous version", WITHIN: "completed within timescale",
    LATE: "completed after the due month", COMPLETION_UNKNOWN: "with no recorded completion month",
    NO_STATUS: "with no status recorded",
}
SHORT_LABELS = {**KIND_LABELS, Status.NOT_STARTED.value: "not started", TOTAL: "in total",
                OVERDUE: "overdue", NO_UPDATE: "without an update", LATE: "late",
                COMPLETION_UNKNOWN: "completion month not recorded"}


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


def group_facts(name: str, actions: tuple[Action, ...], plan: Plan, previous: Plan | None,
                as_of: date, stale: set[str] | None) -> GroupFacts:
    """Every figure of one group of actions."""
    counts = count(actions)
    figures: dict[str, Figure] = {TOTAL: Figure(counts.total, counts.total)}
    for status in Status:
        chosen = [a for a in actions if a.status is status]
        figures[status.value] = Figure(len(chosen), len(chosen), _refs(chosen))
    incomplete = [a for a in actions if a.status is not Status.COMPLETE]
    figures[INCOMPLETE] = Figure(len(incomplete), len(incomplete), _refs(incomplete))
    unknown = [a for a in actions if a.status is None]
    figures[NO_STATUS] = Figure(len(unknown), len(unknown), _refs(unknown))
    overdue = [a for a in actions if is_overdue(a, as_of)]
    figures[OVERDUE] = Figure(len(overdue), len(overdue), _refs(overdue), f"as of {as_of:%d %B %Y}")
    if stale is not None:
        chosen = [a for a in actions if a.ref in stale]
        figures[NO_UPDATE] = Figure(len(chosen), len(chosen), _refs(chosen))
    versions = [previous, plan] if previous is not None else [plan]
    done = [completion(a, versions) for a in actions if a.status is Status.COMPLETE]
    within = [c.ref for c in done if c.within_timescale is True]
    late = [c.ref for c in done if c.within_timescale is False]
    open_ = [c.ref for c in done if c.within_timescale is None]
    if previous is not None:
        figures[WITHIN] = Figure(len(within), len(within), tuple(within))
        figures[LATE] = Figure(len(late), len(late), tuple(late))
        figures[COMPLETION_UNKNOWN] = Figure(len(open_), len(open_), tuple(open_))
    else:  # completions shown only by the versions are unknown here: a range
        note = "without the previous version, some completion months are not known"
        figures[WITHIN] = Figure(len(within), len(within) + len(open_), tuple(late), note)
        figures[LATE] = Figure(len(late), len(late) + len(open_), tuple(late), note)
        figures[COMPLETION_UNKNOWN] = Figure(0, len(open_), (), note)
    return GroupFacts(name, "PAP actions" if name == "pap" else "actions", counts, figures)


def stale_refs(plan: Plan, previous: Plan | None) -> set[str] | None:
    """Refs of incomplete actions with no new progress since the previous version (None without it)."""
    if previous is None:
        return None
    return {a.ref for a in no_update(diff_plans(previous, plan))}


def completion_detail(plan: Plan, previous: Plan | None, refs: tuple[str, ...]) -> str:
    """'PAP 1.8 (Sep 2024, due Jun 2024)' for each late action: why a within-timescale claim fails."""
    versions = [previous, plan] if previous is not None else [plan]
    index = plan.by_ref()
    parts = []
    for ref in refs:
        action = index[ref]
        done = completion(action, versions)
        due = action.timescale.due
        if done.month is not None and due is not None:
            parts.append(f"{ref} ({done.month.label()}, due {due.label()})")
        else:
            parts.append(ref)
    return ", ".join(parts)

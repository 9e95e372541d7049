"""Plan (+ PlanDiff) -> Summary: the figures a board paper quotes, computed from the model.

Counts come from the actions themselves, never from formula cells in the workbook.
Percentages use the largest-remainder rule, so every breakdown adds up to exactly 100:
each share is rounded down, then the points left over go to the largest remainders
(ties to the larger count, then in Key order). 33 and 7 of 40 give 83% and 17%.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from paptools.model import STATUSES, UNKNOWN, Action, Month, Plan, Status

ROUNDING_RULE = (
    "Percentages are rounded by the largest-remainder rule so that each breakdown adds up to "
    "100%: every share is rounded down, and the points left over go to the largest remainders."
)


@dataclass(frozen=True)
class Counts:
    """How many actions have each status."""

    total: int
    by_status: tuple[tuple[Status, int], ...]
    unknown: int = 0

    def of(self, status: Status) -> int:
        return dict(self.by_status)[status]

    @property
    def incomplete(self) -> int:
        return self.total - self.of(Status.COMPLETE)

    def percentages(self) -> dict[str, int]:
        """Whole percentages by status label (and Unknown, when any), adding up to 100."""
        shares = {status.value: n for status, n in self.by_status}
        if self.unknown:
            shares[UNKNOWN] = self.unknown
        return largest_remainder(shares, self.total)


def count(actions: tuple[Action, ...] | list[Action]) -> Counts:
    tally = {status: 0 for status in STATUSES}
    unknown = 0
    for action in actions:
        if action.status is None:
            unknown += 1
        else:
            tally[action.status] += 1
    return Counts(len(actions), tuple(tally.items()), unknown)


def largest_remainder(shares: dict[str, int], total: int) -> dict[str, int]:
    """Whole percentages for the shares that add up to exactly 100 (all 0 when total is 0)."""
    if total <= 0:
        return {name: 0 for name in shares}
    exact = {name: n * 100 / total for name, n in shares.items()}
    result = {name: int(value) for name, value in exact.items()}
    left = 100 - sum(result.values())
    order = list(shares)
    ranked = sorted(
        shares, key=lambda name: (-(exact[name] - result[name]), -shares[name], order.index(name))
    )
    for name in ranked[:left]:
        result[name] += 1
    return result


@dataclass(frozen=True)
class Group:
    """The counts of one priority area, or of one section within it."""

    area: str | None
    section: str | None
    counts: Counts


@dataclass(frozen=True)
class Summary:
    """The recomputed figures of one version, as of a date."""

    source: str
    as_of: date
    all: Counts
    pap: Counts
    areas: tuple[Group, ...]
    sections: tuple[Group, ...]
    overdue: tuple[Action, ...]
    pap_prefixed: bool = True
    no_update: tuple[Action, ...] = field(default=())


def as_of_month(as_of: date) -> Month:
    return Month(as_of.year, as_of.month)


def is_overdue(action: Action, as_of: date) -> bool:
    """Past its latest due month and not complete: due Dec 2024 is overdue from 1 Jan 2025."""
    due = action.timescale.due
    return due is not None and action.status is not Status.COMPLETE and as_of_month(as_of) > due


def summarize(plan: Plan, as_of: date | None = None, no_update: tuple[Action, ...] = ()) -> Summary:
    as_of = as_of or date.today()
    areas: dict[str | None, list[Action]] = {}
    sections: dict[tuple[str | None, str | None], list[Action]] = {}
    for action in plan.actions:
        areas.setdefault(action.priority_area, []).append(action)
        sections.setdefault((action.priority_area, action.section), []).append(action)
    return Summary(
        source=plan.source,
        as_of=as_of,
        all=count(plan.actions),
        pap=count(plan.pap_actions),
        areas=tuple(Group(area, None, count(actions)) for area, actions in areas.items()),
        sections=tuple(Group(area, section, count(actions)) for (area, section), actions in sections.items()),
        overdue=tuple(a for a in plan.actions if is_overdue(a, as_of)),
        pap_prefixed=plan.pap_prefixed,
        no_update=no_update,
    )

"""Plan -> Summary: the figures a board paper quotes, computed once from the model.

Counts come from the actions themselves, never from formula cells in the workbook. One
rounding policy holds everywhere a percentage is shown (`percent`): a percentage depends only
on its count and its total, so equal counts always show equal percentages. Where one decimal
place makes every share of a total exact (40 actions: each is 2.5%) it is shown exactly;
otherwise it is rounded to the nearest whole number, halves up, and a breakdown that then does
not add to 100 carries the GOV.UK note (`ROUNDING_NOTE`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from paptools.compare.completion import Completion, completion
from paptools.model import REPORT_ORDER, STATUSES, UNKNOWN, Action, Month, Plan, Status

ROUNDING_RULE = (
    "Percentages are of the actions counted. Where one decimal place makes them exact (as with 40 "
    "actions, each 2.5%) they are shown exactly; otherwise they are rounded to the nearest whole number "
    "(halves up), so the same count always shows the same percentage and a breakdown may not add to "
    "exactly 100%."
)
ROUNDING_NOTE = "Percentages may not add to 100 because of rounding."

Percent = int | float  # a whole number, or one decimal place where that is exact


def percent(count: int, total: int) -> Percent:
    """The percentage shown for `count` of `total`: a function of the two numbers alone."""
    if total <= 0:
        return 0
    if 1000 % total == 0:  # every share of this total is exact to one decimal place
        tenths = count * 1000 // total
        return tenths // 10 if tenths % 10 == 0 else tenths / 10
    return (200 * count + total) // (2 * total)


def percent_text(count: int, total: int) -> str:
    """'82.5%', '18%': how every writer shows a percentage."""
    return f"{percent(count, total)}%"


def adds_to_100(counts: Iterable[int], total: int) -> bool:
    """Whether the shown percentages of a breakdown add up to exactly 100."""
    return total <= 0 or round(sum(percent(n, total) for n in counts), 1) == 100


@dataclass(frozen=True)
class Counts:
    """How many actions have each status."""

    total: int
    by_status: tuple[tuple[Status, int], ...]
    unknown: int = 0

    def of(self, status: Status) -> int:
        return dict(self.by_status)[status]

    def count(self, label: str) -> int:
        """The count under one of status_labels: a status's word, or Unknown."""
        return self.unknown if label == UNKNOWN else self.of(Status(label))

    @property
    def incomplete(self) -> int:
        return self.total - self.of(Status.COMPLETE)

    def percentages(self) -> dict[str, Percent]:
        """The percentage shown for each status label (and Unknown, when any)."""
        shares = {status.value: n for status, n in self.by_status}
        if self.unknown:
            shares[UNKNOWN] = self.unknown
        return {name: percent(n, self.total) for name, n in shares.items()}

    @property
    def adds_to_100(self) -> bool:
        """Whether the status breakdown's percentages add to 100 (else the note is shown)."""
        return adds_to_100([n for _, n in self.by_status] + [self.unknown], self.total)


def status_labels(*counts: Counts) -> list[str]:
    """The rows of every status table and the bars of every status chart: the statuses in report
    order, then Unknown when any of these counts has an action whose status is not known, so each
    adds up to its total."""
    return [s.value for s in REPORT_ORDER] + ([UNKNOWN] if any(c.unknown for c in counts) else [])


def count(actions: Sequence[Action]) -> Counts:
    tally = {status: 0 for status in STATUSES}
    unknown = 0
    for action in actions:
        if action.status is None:
            unknown += 1
        else:
            tally[action.status] += 1
    return Counts(len(actions), tuple(tally.items()), unknown)


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
    completions: tuple[Completion, ...] = ()  # of every complete action (see completion.py)
    pap_completions: tuple[Completion, ...] = ()  # of the complete PAP actions
    no_due_month: tuple[Action, ...] = ()  # not complete and no due month read: overdue or not is unknown
    pap_rule: str = ""  # which actions `pap` counts, as pap_rule(plan) says it (summarize gives it)

    @property
    def pap_label(self) -> str:
        """How the plan's own actions are named in sentences: 'PAP actions' when refs say so."""
        return "PAP actions" if self.pap_prefixed else "actions"


def as_of_month(as_of: date) -> Month:
    return Month(as_of.year, as_of.month)


def is_overdue(action: Action, as_of: date) -> bool:
    """Past its latest due month and not complete: due Dec 2024 is overdue from 1 Jan 2025. An
    action whose status was not read ("Superseded", "TBC": reported where read) may be complete,
    so it is not called overdue."""
    due, status = action.timescale.due, action.status
    return due is not None and status is not None and status is not Status.COMPLETE and as_of_month(as_of) > due


def version_month(plan: Plan) -> Month | None:
    """The month a version speaks for: its version date as read from the workbook, else the
    month of its latest dated entry. Never the file name: renamed files give the same figures."""
    if plan.version_date is not None:
        return Month(plan.version_date.year, plan.version_date.month)
    return plan.latest_entry_month()


def default_as_of(plan: Plan) -> date:
    """The date 'overdue' is judged at when none is given: the version's own date (the last day
    of its month when only the month is known), so an old version read today is judged as it was."""
    if plan.version_date is not None:
        return plan.version_date
    month = plan.latest_entry_month()
    if month is None:
        return date.today()
    import calendar

    return date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])


SAVED_DATE_SLACK = 3  # months between a file's last save and its latest entry before the date is questioned


def as_of_doubt(plan: Plan) -> str | None:
    """A note when the default 'as of' date is only when the file was last saved, long after its
    latest entry: an old version opened and saved again would otherwise be judged as of today."""
    when, source = plan.version_date, plan.version_date_source or ""
    latest = plan.latest_entry_month()
    if when is None or latest is None or not source.startswith("document properties"):
        return None
    if (when.year - latest.year) * 12 + when.month - latest.month <= SAVED_DATE_SLACK:
        return None
    return (f"{plan.source} is dated {when.day} {when:%B %Y} only by when the file was last saved, more than "
            f"{SAVED_DATE_SLACK} months after its latest progress entry ({latest.label()}), and 'overdue' is "
            "judged as of that date: if the plan speaks for an earlier date, give --as-of, or write "
            "'Version date: ...' in a cell near the top")


def summarize(plan: Plan, as_of: date | None = None, no_update: tuple[Action, ...] = ()) -> Summary:
    as_of = as_of or default_as_of(plan)
    areas: dict[str | None, list[Action]] = {}
    sections: dict[tuple[str | None, str | None], list[Action]] = {}
    for action in plan.actions:
        areas.setdefault(action.priority_area, []).append(action)
        sections.setdefault((action.priority_area, action.section), []).append(action)
    # Each complete action's completion is worked out once: the PAP's are a subset, in plan order.
    done = [(action.is_pap, c) for action in plan.actions if (c := completion(action)) is not None]
    return Summary(
        source=plan.source,
        as_of=as_of,
        all=count(plan.actions),
        pap=count(plan.pap_actions),
        areas=tuple(Group(area, None, count(actions)) for area, actions in areas.items()),
        sections=tuple(Group(area, section, count(actions)) for (area, section), actions in sections.items()),
        overdue=_overdue(plan, as_of),
        pap_prefixed=plan.pap_prefixed,
        no_update=no_update,
        completions=tuple(c for _, c in done),
        pap_completions=tuple(c for pap, c in done if pap),
        no_due_month=tuple(a for a in plan.actions if a.timescale.due is None and a.status is not Status.COMPLETE),
        pap_rule=pap_rule(plan),
    )


_PREFIX = re.compile(r"[^\W\d_]+")


def pap_rule(plan: Plan) -> str:
    """The rule the PAP figures were counted by, in a sentence: the prefixes the plan's PAP refs
    begin with ("P1.1" is a PAP action as "PAP 1.1" is), or the plan's own column."""
    if not plan.pap_prefixed:
        return "No ref in the plan begins with PAP, so every action counts as a PAP action."
    if plan.layout is not None and plan.layout.membership.kind == "column":
        column = plan.layout.membership.column or "Plan"
        return f"PAP actions are those the '{column}' column names as the PAP; the others count in 'all actions' only."
    starts = sorted({found.group().upper() for a in plan.pap_actions if (found := _PREFIX.match(a.ref))})
    return (f"PAP actions are those whose ref begins with {' or '.join(starts or ['PAP'])}; "
            "the others count in 'all actions' only.")


def restated(summary: Summary, plan: Plan, as_of: date | None = None) -> Summary:
    """`summarize(plan, as_of)`, given `summary` of the same plan at another date: only what depends
    on the date is worked out again (the counts and completions do not)."""
    as_of = as_of or default_as_of(plan)
    return replace(summary, as_of=as_of, overdue=_overdue(plan, as_of), no_update=())


def _overdue(plan: Plan, as_of: date) -> tuple[Action, ...]:
    return tuple(a for a in plan.actions if is_overdue(a, as_of))

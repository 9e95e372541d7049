"""Many versions of a plan -> how it moved: pure records, Plans in and History out.

The versions are put in order by the date each workbook gives for itself (`Plan.version_date`),
never by file name, so renamed or shuffled copies order the same way. A version that gives
no date is placed by its latest progress entry, with a warning; one with neither is left out,
with a warning; two versions with the same date are a warning (an identical copy is counted
once). Every count of a version is `count()` of that version alone, so the history's figures
are exactly those `paptools summary` gives for each file.
"""
from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from paptools.compare.completion import completion
from paptools.compare.figures import Counts, count
from paptools.model import Action, DataWarning, Entry, Month, Plan, Status, Timescale

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Version:
    """One version of the plan, where it stands in the history, and its counts."""

    source: str  # file name
    date: date  # the date it is ordered by
    dated_by: str  # "workbook" (its own version date) or "latest entry" (no version date in it)
    all: Counts
    pap: Counts
    warnings: tuple[DataWarning, ...] = ()  # what the reader reported about this version

    @property
    def label(self) -> str:
        """'15 Jun 2024' from the workbook's date; 'Jun 2024' when only the entries date it."""
        month = f"{calendar.month_abbr[self.date.month]} {self.date.year}"
        return f"{self.date.day} {month}" if self.dated_by == "workbook" else month


@dataclass(frozen=True)
class Point:
    """An action as one version shows it."""

    status: Status | None
    due: Month | None
    new_entries: tuple[Entry, ...]  # entries not in the action's previous version (all, at its first)


@dataclass(frozen=True)
class Timeline:
    """One action across the versions: a Point per version, None where it is not in the plan."""

    ref: str
    title: str
    is_pap: bool
    points: tuple[Point | None, ...]


@dataclass(frozen=True)
class Slip:
    """A due month that moved later: from `before` to `after`, seen at a version.

    `version` is None when the first version already shows the revision (an original and a
    revised due month in one Timescale cell).
    """

    version: int | None
    before: Month
    after: Month

    @property
    def months(self) -> int:
        return (self.after.year - self.before.year) * 12 + self.after.month - self.before.month


@dataclass(frozen=True)
class Slipped:
    """An action whose due month was put back: how often, and by how much in all."""

    ref: str
    title: str
    original_due: Month
    latest_due: Month
    slips: tuple[Slip, ...]

    @property
    def times(self) -> int:
        return len(self.slips)

    @property
    def months(self) -> int:
        """Months from the first due month known to the latest."""
        return (self.latest_due.year - self.original_due.year) * 12 + self.latest_due.month - self.original_due.month


@dataclass(frozen=True)
class Completed:
    """When an action was completed: the first version showing it complete, and the month if known.

    `source` is "entry" (an entry records the month), "versions" (completed after the version
    before `version`; the month is not recorded) or "first version" (already complete in the
    earliest version read).
    """

    ref: str
    title: str
    version: int
    month: Month | None
    source: str
    within_timescale: bool | None


@dataclass(frozen=True)
class History:
    """How the plan moved across its versions, oldest first."""

    versions: tuple[Version, ...]
    timelines: tuple[Timeline, ...]
    slipped: tuple[Slipped, ...]
    completed: tuple[Completed, ...]
    warnings: tuple[DataWarning, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """The timeline as a DataFrame: one row per action per version it is in (see frames.py)."""
        from paptools.frames import timeline_frame

        return timeline_frame(self)

    def counts_frame(self) -> pd.DataFrame:
        """One row per version: the counts of each status, for all actions and for the PAP."""
        from paptools.frames import counts_frame

        return counts_frame(self)

    def slipped_frame(self) -> pd.DataFrame:
        """One row per due month put back."""
        from paptools.frames import slipped_frame

        return slipped_frame(self)

    def completed_frame(self) -> pd.DataFrame:
        """One row per action completed."""
        from paptools.frames import completed_frame

        return completed_frame(self)


def build_history(plans: Sequence[Plan], notes: Sequence[DataWarning] = ()) -> History:
    """The history of the versions given, in any order: ordered, counted, compared.

    `notes` are warnings about the run found before the plans were read (files left out).
    """
    return history_and_firsts(plans, notes)[0]


def history_and_firsts(plans: Sequence[Plan], notes: Sequence[DataWarning] = ()
                       ) -> tuple[History, dict[str, Timescale]]:
    """build_history's history, and each action's timescale in the first version showing it
    (which joining it to the history of later versions needs: compare/history_join.py)."""
    ordered, found = order_versions(plans)
    warnings = [*notes, *found]
    versions = tuple(
        Version(plan.source, when, dated_by, count(plan.actions), count(plan.pap_actions), plan.warnings)
        for plan, when, dated_by in ordered
    )
    ordered_plans = [plan for plan, _, _ in ordered]
    timelines = _timelines(ordered_plans)
    firsts = first_timescales(timelines, ordered_plans)
    return History(
        versions=versions,
        timelines=timelines,
        slipped=slipped(timelines, firsts),
        completed=_completed(timelines, ordered_plans, versions),
        warnings=tuple(warnings),
    ), firsts


# --- ordering --------------------------------------------------------------------------

def version_date(plan: Plan) -> tuple[date, str] | None:
    """The date a version is ordered by, and what gave it; None when nothing dates it."""
    if plan.version_date is not None:
        return plan.version_date, "workbook"
    latest = plan.latest_entry_month()
    if latest is None:
        return None
    return date(latest.year, latest.month, calendar.monthrange(latest.year, latest.month)[1]), "latest entry"


def order_versions(plans: Sequence[Plan]) -> tuple[list[tuple[Plan, date, str]], list[DataWarning]]:
    """The plans oldest first by their own dates, and warnings about any that cannot be placed."""
    warnings: list[DataWarning] = []
    dated: list[tuple[Plan, date, str]] = []
    for plan in plans:
        found = version_date(plan)
        if found is None:
            warnings.append(DataWarning(None, None, f"{plan.source} has no version date and no dated progress "
                                                    "entry, so its place in the history is unknown: left out"))
            continue
        when, dated_by = found
        if dated_by != "workbook":
            warnings.append(DataWarning(None, None, f"{plan.source} has no version date (an 'Updated:' cell or "
                                                    f"the document properties): placed by its latest entry, "
                                                    f"{when:%b %Y}"))
        dated.append((plan, when, dated_by))
    dates = Counter(when for _, when, _ in dated)  # a plan's latest entry is looked for only to break a tie

    def place(item: tuple[Plan, date, str]) -> tuple[date, Month, str]:
        plan, when, _ = item
        latest = plan.latest_entry_month() if dates[when] > 1 else None
        return when, latest or Month(0, 1), plan.source

    dated.sort(key=place)
    kept: list[tuple[Plan, date, str]] = []
    for item in dated:
        plan, when, _ = item
        same = [other for other, other_when, _ in kept if other_when == when]
        if same and any(_content(other) == _content(plan) for other in same):
            copy = next(other for other in same if _content(other) == _content(plan))
            warnings.append(DataWarning(None, None, f"{plan.source} is the same version as {copy.source} "
                                                    f"(both dated {when:%d %b %Y}): counted once"))
            continue
        if same:
            warnings.append(DataWarning(None, None, f"{plan.source} has the same date as {same[0].source} "
                                                    f"({when:%d %b %Y}) but different content: both kept, "
                                                    f"ordered by their latest entries"))
        kept.append(item)
    return kept, warnings


def _content(plan: Plan) -> tuple[tuple[str, Status | None, str, str], ...]:
    return tuple((a.ref, a.status, a.progress, a.timescale.text) for a in plan.actions)


# --- the views ---------------------------------------------------------------------------

_Key = tuple[tuple[int, int, int | None] | None, str]


class _EntryKeys:
    """Each entry's key (date, text with its spacing evened out), worked out once per entry text.

    The old entries of a cell that gained one recur in every later version, so their text is
    normalised once, not once per version. The date is keyed as its numbers, which tell dates
    apart exactly as their ISO forms do, without writing them out.
    """

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}

    def of(self, entries: tuple[Entry, ...]) -> list[_Key]:
        texts = self._texts
        keys = []
        for e in entries:
            written = e.text
            text = texts.get(written)
            if text is None:
                text = texts[written] = " ".join(written.split())
            date = e.date
            keys.append(((date.year, date.month, date.day) if date else None, text))
        return keys


def _timelines(plans: list[Plan]) -> tuple[Timeline, ...]:
    """Every ref in any version, in the order the plan first lists it."""
    order: dict[str, Action] = {}
    for plan in reversed(plans):  # the latest wording and title win
        for action in plan.actions:
            order.setdefault(action.ref, action)
    first_seen: dict[str, int] = {}
    for n, plan in enumerate(plans):
        for position, action in enumerate(plan.actions):
            first_seen.setdefault(action.ref, n * 100_000 + position)
    indexes = [plan.by_ref() for plan in plans]
    keys = _EntryKeys()
    timelines = []
    for ref in sorted(order, key=lambda r: first_seen[r]):
        points: list[Point | None] = []
        before: Action | None = None
        before_keys: set[_Key] | None = None  # the keys of `before`'s entries, once worked out
        for index in indexes:
            found = index.get(ref)
            if found is None:
                points.append(None)
                continue
            action = found
            if before is not None and before.progress == action.progress:
                new: tuple[Entry, ...] = ()  # the same text has the same entries: most actions
                before_keys = None
            else:
                if before_keys is None:
                    before_keys = set(keys.of(before.entries)) if before is not None else set()
                current = keys.of(action.entries)
                new = tuple(e for e, key in zip(action.entries, current) if key not in before_keys)
                before_keys = set(current)
            points.append(Point(action.status, action.timescale.due, new))
            before = action
        latest = order[ref]
        timelines.append(Timeline(ref, latest.title, latest.is_pap, tuple(points)))
    return tuple(timelines)


def first_timescales(timelines: Sequence[Timeline], plans: Sequence[Plan]) -> dict[str, Timescale]:
    """Each action's timescale in the first version showing it (where its slips are measured from)."""
    return {t.ref: plans[next(n for n, p in enumerate(t.points) if p is not None)].by_ref()[t.ref].timescale
            for t in timelines}


def slipped(timelines: Sequence[Timeline], firsts: dict[str, Timescale]) -> tuple[Slipped, ...]:
    """The actions whose due month was put back, most often and furthest first."""
    result = []
    for timeline in timelines:
        first_timescale = firsts[timeline.ref]
        slips: list[Slip] = []
        original = first_timescale.original_due or first_timescale.due
        if original and first_timescale.due and first_timescale.due > original:
            slips.append(Slip(None, original, first_timescale.due))
        current = first_timescale.due or original
        for n, point in enumerate(timeline.points):
            if point is None or point.due is None:
                continue
            if current is not None and point.due > current:
                slips.append(Slip(n, current, point.due))
            current = point.due  # a due month brought forward is not a slip, but the next is measured from it
        if slips and original is not None and current is not None:
            result.append(Slipped(timeline.ref, timeline.title, original, current, tuple(slips)))
    result.sort(key=lambda s: (-s.times, -s.months))
    return tuple(result)


def _completed(timelines: tuple[Timeline, ...], plans: list[Plan], versions: tuple[Version, ...]) -> tuple[Completed, ...]:
    """The first version showing each action complete, and the month when an entry records it."""
    result = []
    for timeline in timelines:
        done = [n for n, p in enumerate(timeline.points) if p is not None and p.status is Status.COMPLETE]
        if not done:
            continue
        version = done[0]
        action = plans[version].by_ref()[timeline.ref]
        recorded = completion(action)  # the month only an entry recording it can give
        if recorded is not None and recorded.month is not None:
            month, source, within = recorded.month, "entry", recorded.within_timescale
        elif version == 0:
            month, source, within = None, "first version", None
        else:
            # Completed after the version before and by this one: the month is not known, but
            # the timescale can be judged when both versions fall on one side of the due month.
            month, source, within = None, "versions", None
            by, after, due = _month_of(versions[version].date), _month_of(versions[version - 1].date), \
                action.timescale.due
            if due is not None and by <= due:
                within = True
            elif due is not None and due < after:
                within = False  # still incomplete at a version after its due month
        result.append(Completed(timeline.ref, timeline.title, version, month, source, within))
    return tuple(result)


def _month_of(day: date) -> Month:
    return Month(day.year, day.month)

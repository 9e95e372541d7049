"""Two histories of consecutive runs of versions joined into the history of them all.

A history of many versions is read on two processes (paptools/history_read.py): one reads the
earlier versions, the other the later ones from the last of the earlier on (the version both
read, the "seam"), and each builds the history of its own. Joined, they are exactly what
build_history makes of all the versions, or None when that cannot be sure, and then the
caller builds the history of them all in one place:

- the seam must be the latest of the earlier versions and the earliest of the later, and
  neither part may have been ordered with a warning (an undated version, a shared date, a
  copy): ordering every version together could then differ from ordering each part;
- no action may be missing from the seam and back in the later part after being in the
  earlier one: its new entries are counted from the last version that showed it.

Every point of the later part after the seam was found from the version before it, as in one
history; the seam's own point is the earlier part's, found from the version before the seam.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from paptools.compare.history import History, Point, Timeline, history_and_firsts, slipped
from paptools.model import Plan, Timescale

__all__ = ["Part", "join", "part"]


@dataclass(frozen=True)
class Part:
    """The history of a run of versions, and each action's timescale in the first of them showing it."""

    history: History
    firsts: dict[str, Timescale]


def part(plans: Sequence[Plan]) -> Part:
    """The history of these versions, ready to be joined to the next part's."""
    return Part(*history_and_firsts(plans))


def join(earlier: Part, later: Part) -> History | None:
    """The history of the versions of both parts (the seam once), or None when it cannot be joined for certain."""
    first, second = earlier.history, later.history
    if first.warnings or second.warnings or not first.versions or not second.versions:
        return None
    seam = first.versions[-1]
    if second.versions[0] != seam:
        return None
    before, after = len(first.versions), len(second.versions) - 1  # the versions each part adds
    later_by_ref = {t.ref: t for t in second.timelines}
    timelines: list[Timeline] = []
    for timeline in first.timelines:
        found = later_by_ref.pop(timeline.ref, None)
        if found is None:
            timelines.append(replace(timeline, points=timeline.points + (None,) * after))
        elif found.points[0] is None:
            return None  # back after being left out at the seam: its new entries are the earlier part's to find
        else:  # the latest version showing it gives its title
            timelines.append(replace(found, points=timeline.points + found.points[1:]))
    for timeline in later_by_ref.values():  # first shown after the seam, in the order the later part met them
        points: tuple[Point | None, ...] = (None,) * (before - 1) + timeline.points
        timelines.append(replace(timeline, points=points))
    done_before = {c.ref: c for c in first.completed}
    done_after = {c.ref: c for c in second.completed}
    completed = []
    for timeline in timelines:
        if timeline.ref in done_before:  # titled as the latest version showing it words it
            completed.append(replace(done_before[timeline.ref], title=timeline.title))
        elif timeline.ref in done_after:  # first complete after the seam: its version counted from the first
            done = done_after[timeline.ref]
            completed.append(replace(done, title=timeline.title, version=done.version + before - 1))
    return History(
        versions=first.versions + second.versions[1:],
        timelines=tuple(timelines),
        slipped=slipped(timelines, {**later.firsts, **earlier.firsts}),
        completed=tuple(completed),
    )

"""The versions of a history read one after another, or on two processes when there are many.

With `workers=2` (the CLI on two cores) a forked child reads the later half of the versions,
from the last of the earlier half on (the seam), and builds their history; this process reads
the earlier half meanwhile and joins the two (compare/history_join.py). The child sends back
only its half's history (counts, statuses, due months, new entries), never its plans, so each
half is read, split and compared once. The versions are read in the order the dates in their
names give, when every name has one, else as given. When the halves cannot be joined for
certain (versions read out of date order, an undated version, an action back at the seam
after an absence) the later versions are read here too, after the earlier, exactly as on one
core: slower, never different. A child that could not be made, or that died, costs only time
the same way.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from paptools.compare.history import History, build_history
from paptools.compare.history_join import Part, join, part
from paptools.forked import ChildFailed, Forked
from paptools.model import DataWarning
from paptools.read.dates import find_dates
from paptools.read.versions import Progress, Versions

__all__ = ["MIN_VERSIONS", "in_name_order", "read_history"]

MIN_VERSIONS = 6  # fewer, and the second process costs about what it saves
_WORD_THEN_SEPARATOR = re.compile(r"(?<=[A-Za-z])[-_]")


def read_history(files: Sequence[Path], notes: Sequence[DataWarning] = (), progress: Progress | None = None,
                 workers: int = 1) -> History:
    """The history of these versions (api.history has gathered and checked the files)."""
    files = in_name_order(files)
    later: Forked[Part] | None = None
    middle = (len(files) + 1) // 2
    if workers > 1 and len(files) >= MIN_VERSIONS:
        later = Forked.start(lambda: part(Versions().read_all(files[middle - 1:])))
    if later is None:
        return build_history(Versions(workers=workers).read_all(files, progress), notes)
    versions = Versions()  # the child has the other core: no version's cells are split ahead
    try:
        plans = versions.read_all(files[:middle], progress, last=False)  # the rest are read after, if need be
    except BaseException:  # a version that cannot be read is reported now, not once the child is done
        later.cancel()
        raise
    if progress is not None:
        progress.stage(f"Reading the {len(files) - middle} later versions")
    try:
        joined = join(part(plans), later.result())
    except ChildFailed:
        joined = None
    if joined is not None:
        return replace(joined, warnings=tuple(notes))
    return build_history([*plans, *versions.read_all(files[middle:], progress)], notes)


def in_name_order(files: Sequence[Path]) -> list[Path]:
    """The files in the order of the dates their names give, when every name gives one; else as given.

    Only the order they are read in: the history orders the versions by the dates inside them.
    Read oldest first, each version is most like the one before (its cells are kept for the
    next), and the halves of a two-process read join ("PAP March 2025.xlsx", listed by name
    after "PAP April 2025.xlsx", would otherwise put March in the later half).
    """
    dates = []
    for path in files:
        found = find_dates(_WORD_THEN_SEPARATOR.sub(" ", path.stem))  # "pap-2025-01", "PAP_March_2025"
        if not found:
            return list(files)
        dates.append(found[-1].date)
    order = sorted(range(len(files)), key=lambda n: (dates[n].year, dates[n].month, dates[n].day or 0, n))
    return [files[n] for n in order]


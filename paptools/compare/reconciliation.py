"""Plans in, everything a board paper needs out: the changes and the figures, computed once.

`reconcile_plans` takes versions already read (oldest first; the last is current) and
compares the last two, or the current one against a month. Every writer renders the
Reconciliation it returns and decides nothing of its own.
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from paptools.compare.changes import Changes, list_changes
from paptools.compare.completion import Completion
from paptools.compare.diff import PlanDiff, diff_plans, diff_since
from paptools.compare.figures import Summary, as_of_doubt, default_as_of, restated, summarize, version_month
from paptools.model import DataWarning, Month, Plan

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Reconciliation:
    """The versions compared, the one list of changes, and the figures now."""

    plans: tuple[Plan, ...]  # every version read, oldest first
    diff: PlanDiff  # the aligner's working record; writers use `changes`
    changes: Changes
    summary: Summary
    warnings: tuple[DataWarning, ...] = ()  # about the run itself, such as versions out of order
    paths: tuple[Path, ...] = ()  # the files read, when read from files (outputs never overwrite them)

    @property
    def current(self) -> Plan:
        return self.changes.current

    @property
    def previous(self) -> Plan | None:
        return self.changes.previous

    @property
    def completions(self) -> tuple[Completion, ...]:
        return self.summary.completions

    @property
    def since(self) -> Month | None:
        return self.changes.since

    def all_warnings(self) -> list[tuple[str, DataWarning]]:
        """The run's own warnings, then those of the two versions compared, with their source."""
        pairs = [("these versions", w) for w in self.warnings]
        for plan in self.plans[-2:]:
            pairs += [(plan.source, w) for w in plan.warnings]
        return pairs

    def to_frame(self) -> pd.DataFrame:
        """The changes as a pandas DataFrame, one row per change (see paptools.frames)."""
        from paptools.frames import changes_frame

        return changes_frame(self.changes)

    def trend(self) -> list[tuple[str, Summary]]:
        """The figures of every version read, labelled by its month, for the chart of how statuses moved."""
        return self._trend

    @cached_property
    def _trend(self) -> list[tuple[str, Summary]]:
        result = []
        for plan in self.plans:
            month = version_month(plan)
            # The current version's figures are already known: only its own date is applied again.
            figures = restated(self.summary, plan) if plan is self.current else summarize(plan)
            result.append((month.label() if month else plan.title or "undated version", figures))
        return result


def reconcile_plans(plans: list[Plan] | tuple[Plan, ...], *, since: Month | None = None,
                    as_of: date | None = None, labels: tuple[str, ...] = ()) -> Reconciliation:
    """Compare the last two versions (or the last against `since`) and compute the figures.

    `labels` name the versions in warnings (their paths, when read from files)."""
    plans = tuple(plans)
    current = plans[-1]
    warnings: list[DataWarning] = []
    if len(plans) == 1:
        diff = diff_since(current, since) if since is not None else PlanDiff(previous=None, current=current)
    else:
        previous = plans[-2]
        diff = diff_plans(previous, current)
        names = labels[-2:] if len(labels) >= 2 else (previous.source, current.source)
        warnings += order_warnings(previous, current, *names)
        if since is not None:
            warnings.append(DataWarning(None, None, "--since is ignored when a previous version is given"))
    if as_of is None and (doubt := as_of_doubt(current)):
        warnings.append(DataWarning(None, None, doubt))
    changes = list_changes(diff)
    figures = summarize(current, as_of or default_as_of(current), no_update=changes.no_update())
    return Reconciliation(plans, diff, changes, figures, tuple(warnings + list(diff.warnings)))


def order_warnings(previous: Plan, current: Plan, previous_name: str, current_name: str) -> list[DataWarning]:
    """A warning when the 'previous' version looks newer than the current one."""
    before, after = version_month(previous), version_month(current)
    newest_before, newest_after = previous.latest_entry_month(), current.latest_entry_month()
    swapped = (before and after and before > after) or (
        before == after and newest_before and newest_after and newest_before > newest_after
    )
    if not swapped:
        return []
    return [DataWarning(
        None, None,
        f"the previous version {previous.source} looks newer than the current one {current.source} "
        f"(dated {before.label() if before else 'unknown'} against {after.label() if after else 'unknown'}): "
        "if so, they were given the wrong way round and each change is shown reversed; to compare them the "
        f"other way round, run paptools reconcile {shlex.quote(current_name)} {shlex.quote(previous_name)}",
    )]

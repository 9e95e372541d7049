"""The plan, its changes and its history as pandas DataFrames, for analysts' own scripts.

One row per action, entry, change, or action-and-version. Columns are typed: months and
dates are datetime64 (a month is its first day), statuses an ordered Categorical in the
Key's order (Not yet started < On track < Vulnerable < At risk < Complete; unknown is
missing), counts integers, flags booleans, text the pandas string dtype. pandas is imported
only here, and this module only when a frame is asked for.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd

from paptools.model import STATUSES, EntryDate, Month, Plan, Status

if TYPE_CHECKING:
    from paptools.compare.changes import Changes
    from paptools.compare.history import History

STATUS_DTYPE = pd.CategoricalDtype([s.value for s in STATUSES], ordered=True)

PLAN_COLUMNS = {
    "ref": "string", "ref_as_written": "string", "pap": "bool", "sheet": "string", "row": "int64",
    "priority_area": "string", "section": "string", "action": "string", "owner": "string",
    "timescale": "string", "original_due": "datetime64[ns]", "revised_due": "datetime64[ns]",
    "due": "datetime64[ns]", "success_criteria": "string", "progress": "string", "entries": "int64",
    "latest_entry": "datetime64[ns]", "outcome": "string", "evidence": "string", "status": STATUS_DTYPE,
    "status_source": "string",
}
ENTRY_COLUMNS = {
    "ref": "string", "position": "int64", "date": "datetime64[ns]", "day_known": "bool",
    "initials": "string", "author": "string", "text": "string", "source": "string", "cell": "string",
}
CHANGE_COLUMNS = {
    "change": "string", "ref": "string", "priority_area": "string", "section": "string",
    "entry_date": "datetime64[ns]", "author": "string", "before": "string", "after": "string",
    "field": "string", "status_before": STATUS_DTYPE, "status_after": STATUS_DTYPE,
    "due_before": "datetime64[ns]", "due_after": "datetime64[ns]", "revised_again": "bool",
    "history_changed": "bool", "rule": "string",
}
TIMELINE_COLUMNS = {
    "version": "int64", "version_date": "datetime64[ns]", "source": "string", "ref": "string", "pap": "bool",
    "status": STATUS_DTYPE, "due": "datetime64[ns]", "new_entries": "int64",
}
COUNT_COLUMNS: dict[str, Any] = {"version": "int64", "version_date": "datetime64[ns]", "source": "string",
                                 "dated_by": "string"}
for _group in ("all", "pap"):
    COUNT_COLUMNS |= {f"{_group}_total": "int64", f"{_group}_unknown": "int64"}
    COUNT_COLUMNS |= {f"{_group}_{s.name.lower()}": "int64" for s in STATUSES}
SLIPPED_COLUMNS = {
    "ref": "string", "action": "string", "version": "Int64", "version_date": "datetime64[ns]",
    "due_before": "datetime64[ns]", "due_after": "datetime64[ns]", "months": "int64",
    "times": "int64", "original_due": "datetime64[ns]", "latest_due": "datetime64[ns]",
}
COMPLETED_COLUMNS = {
    "ref": "string", "action": "string", "version": "int64", "version_date": "datetime64[ns]",
    "month": "datetime64[ns]", "source": "string", "within_timescale": "boolean",
}


def _timestamp(value: Month | EntryDate | date | None) -> pd.Timestamp | None:
    """A month as its first day; an entry date or a date as its day."""
    if value is None:
        return None
    day = value.day if isinstance(value, date) else (getattr(value, "day", None) or 1)
    return pd.Timestamp(value.year, value.month, day)


def _status(value: Status | None) -> str | None:
    return value.value if value is not None else None


def _frame(records: Iterable[dict[str, Any]], columns: dict[str, Any]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(list(records), columns=list(columns))
    return frame.astype(columns)


def plan_frame(plan: Plan) -> pd.DataFrame:
    """One row per action, in the plan's order."""
    records = []
    for a in plan.actions:
        dates = [e.date for e in a.entries if e.date]
        latest = max(dates, key=EntryDate.sort_key) if dates else None
        records.append({
            "ref": a.ref, "ref_as_written": a.ref_text, "pap": a.is_pap, "sheet": a.sheet, "row": a.row,
            "priority_area": a.priority_area, "section": a.section, "action": a.title, "owner": a.owner,
            "timescale": a.timescale.text, "original_due": _timestamp(a.timescale.original_due),
            "revised_due": _timestamp(a.timescale.revised_due), "due": _timestamp(a.timescale.due),
            "success_criteria": a.success_criteria, "progress": a.progress, "entries": len(a.entries),
            "latest_entry": _timestamp(latest), "outcome": a.outcome, "evidence": a.evidence,
            "status": _status(a.status), "status_source": a.status_source,
        })
    return _frame(records, PLAN_COLUMNS)


def entries_frame(plan: Plan) -> pd.DataFrame:
    """One row per progress entry; `position` counts from 0 within the action's cell."""
    records = [
        {"ref": a.ref, "position": n, "date": _timestamp(e.date), "day_known": bool(e.date and e.date.day),
         "initials": e.initials, "author": e.author, "text": e.text, "source": str(e.source), "cell": e.cell}
        for a in plan.actions for n, e in enumerate(a.entries)
    ]
    return _frame(records, ENTRY_COLUMNS)


def changes_frame(changes: Changes) -> pd.DataFrame:
    """One row per change between the two versions reconciled, in report order (history first)."""
    records = [
        {"change": c.kind.value, "ref": c.ref, "priority_area": c.action.priority_area,
         "section": c.action.section, "entry_date": _timestamp(c.entry.date if c.entry else None),
         "author": (c.entry.author or c.entry.initials) if c.entry else None, "before": c.before,
         "after": c.after, "field": c.field, "status_before": _status(c.status_before),
         "status_after": _status(c.status_after), "due_before": _timestamp(c.due_before),
         "due_after": _timestamp(c.due_after), "revised_again": c.revised_again,
         "history_changed": c.kind.changes_history, "rule": c.rule}
        for c in changes
    ]
    return _frame(records, CHANGE_COLUMNS)


def timeline_frame(history: History) -> pd.DataFrame:
    """One row per action per version it is in."""
    records = [
        {"version": n, "version_date": _timestamp(history.versions[n].date), "source": history.versions[n].source,
         "ref": t.ref, "pap": t.is_pap, "status": _status(p.status), "due": _timestamp(p.due),
         "new_entries": len(p.new_entries)}
        for t in history.timelines for n, p in enumerate(t.points) if p is not None
    ]
    return _frame(records, TIMELINE_COLUMNS).sort_values(["version", "ref"], kind="stable", ignore_index=True)


def counts_frame(history: History) -> pd.DataFrame:
    """One row per version: counts by status for all actions and for the PAP (the burn-up)."""
    records = []
    for n, v in enumerate(history.versions):
        record: dict[str, Any] = {"version": n, "version_date": _timestamp(v.date), "source": v.source,
                                  "dated_by": v.dated_by}
        for group, counts in (("all", v.all), ("pap", v.pap)):
            record[f"{group}_total"], record[f"{group}_unknown"] = counts.total, counts.unknown
            record |= {f"{group}_{s.name.lower()}": counts.of(s) for s in STATUSES}
        records.append(record)
    return _frame(records, COUNT_COLUMNS)


def slipped_frame(history: History) -> pd.DataFrame:
    """One row per due month put back; `version` is missing when the first version shows it."""
    records = [
        {"ref": s.ref, "action": s.title, "version": slip.version,
         "version_date": _timestamp(history.versions[slip.version].date) if slip.version is not None else None,
         "due_before": _timestamp(slip.before), "due_after": _timestamp(slip.after), "months": slip.months,
         "times": s.times, "original_due": _timestamp(s.original_due), "latest_due": _timestamp(s.latest_due)}
        for s in history.slipped for slip in s.slips
    ]
    return _frame(records, SLIPPED_COLUMNS)


def completed_frame(history: History) -> pd.DataFrame:
    """One row per action completed: the first version showing it, and the month when known."""
    records = [
        {"ref": c.ref, "action": c.title, "version": c.version, "version_date": _timestamp(history.versions[c.version].date),
         "month": _timestamp(c.month), "source": c.source, "within_timescale": c.within_timescale}
        for c in history.completed
    ]
    return _frame(records, COMPLETED_COLUMNS)

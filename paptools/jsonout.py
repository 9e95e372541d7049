"""The JSON documents of `show`, `summary` and `reconcile`: plain dicts, documented in the README.

Dates are "YYYY-MM" (or "YYYY-MM-DD" when a day was written); statuses are the Key's words.
"""
from __future__ import annotations

from typing import Any

from .model import Action, DataWarning, Entry, Month, Plan
from .summary import ROUNDING_RULE, Counts, Group, Summary

SCHEMA_VERSION = 1


def _month(value: Month | None) -> str | None:
    return value.iso() if value else None


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "date": entry.date.iso() if entry.date else None,
        "initials": entry.initials,
        "author": entry.author,
        "text": entry.text,
    }


def action_json(action: Action) -> dict[str, Any]:
    return {
        "ref": action.ref,
        "ref_as_written": action.ref_text,
        "pap": action.is_pap,
        "sheet": action.sheet,
        "row": action.row,
        "priority_area": action.priority_area,
        "section": action.section,
        "action": action.title,
        "owner": action.owner,
        "owners": list(action.owners),
        "timescale": {
            "text": action.timescale.text,
            "original_due": _month(action.timescale.original_due),
            "revised_due": _month(action.timescale.revised_due),
            "due": _month(action.timescale.due),
        },
        "success_criteria": action.success_criteria,
        "progress": action.progress,
        "entries": [entry_json(e) for e in action.entries],
        "outcome": action.outcome,
        "evidence": action.evidence,
        "status": action.status.value if action.status else None,
        "status_source": action.status_source,
        "extra": dict(action.extra),
    }


def counts_json(counts: Counts) -> dict[str, Any]:
    return {
        "total": counts.total,
        "by_status": {status.value: n for status, n in counts.by_status},
        "unknown": counts.unknown,
        "percent": counts.percentages(),
    }


def group_json(group: Group) -> dict[str, Any]:
    return {"priority_area": group.area, "section": group.section, "counts": counts_json(group.counts)}


def warning_json(warning: DataWarning) -> dict[str, Any]:
    return {"sheet": warning.sheet, "cell": warning.cell, "message": warning.message, "value": warning.value}


def plan_document(plan: Plan, summary: Summary) -> dict[str, Any]:
    """Everything read from one version: its actions, the recomputed figures, the warnings."""
    return {
        "schema": SCHEMA_VERSION,
        "source": plan.source,
        "title": plan.title,
        "as_of": summary.as_of.isoformat(),
        "priority_areas": [{"label": label, "description": text} for label, text in plan.priority_areas],
        "actions": [action_json(a) for a in plan.actions],
        "counts": {"all": counts_json(summary.all), "pap": counts_json(summary.pap)},
        "pap_rule": (
            "PAP actions are those whose ref starts with PAP"
            if summary.pap_prefixed else "no ref carries a PAP prefix, so every action counts as a PAP action"
        ),
        "rounding": ROUNDING_RULE,
        "areas": [group_json(g) for g in summary.areas],
        "sections": [group_json(g) for g in summary.sections],
        "overdue": [a.ref for a in summary.overdue],
        "warnings": [warning_json(w) for w in plan.warnings],
    }

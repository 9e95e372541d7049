"""The JSON documents of `show`, `summary` and `reconcile`: plain dicts, documented in the README.

Dates are "YYYY-MM" (or "YYYY-MM-DD" when a day was written); statuses are the Key's words.
"""
from __future__ import annotations

from typing import Any

from paptools.compare.figures import ROUNDING_RULE, Counts, Group, Summary
from paptools.model import Action, DataWarning, Entry, Month, Plan

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


def _entry_ref(ref: str, entry: Entry, **more) -> dict[str, Any]:
    return {"ref": ref, **entry_json(entry), **more}


def reconcile_document(result, outputs: dict | None = None) -> dict[str, Any]:
    """The reconcile JSON: every change, the figures now, and the warnings of every version."""
    from paptools.content.prose import status_sentences

    diff, summary = result.diff, result.summary
    pap_label = "PAP actions" if summary.pap_prefixed else "actions"
    return {
        "schema": SCHEMA_VERSION,
        "previous": diff.previous.source if diff.previous else None,
        "current": diff.current.source,
        "since": diff.since.iso() if diff.since else None,
        "as_of": summary.as_of.isoformat(),
        "new_entries": [_entry_ref(n.ref, n.entry, position=n.position) for n in diff.new_entries],
        "edited_entries": [
            {"ref": e.ref, "kind": e.kind, "history_changed": e.history_changed, "similarity": e.similarity,
             "before": entry_json(e.before), "after": entry_json(e.after)}
            for e in diff.edited_entries
        ],
        "removed_entries": [_entry_ref(r.ref, r.entry) for r in diff.removed_entries],
        "status_changes": [
            {"ref": s.ref, "from": s.before.value if s.before else None, "to": s.after.value if s.after else None}
            for s in diff.status_changes
        ],
        "actions_added": [action_json(a) for a in diff.actions_added],
        "actions_removed": [action_json(a) for a in diff.actions_removed],
        "timescale_changes": [
            {"ref": t.ref, "from": t.before.text, "to": t.after.text, "from_due": _month(t.before.due),
             "to_due": _month(t.after.due), "revised_again": t.revised_again}
            for t in diff.timescale_changes
        ],
        "field_changes": [{"ref": f.ref, "field": f.field, "from": f.before, "to": f.after} for f in diff.field_changes],
        "ref_changes": [{"from": r.before, "to": r.after, "how": r.how} for r in diff.ref_changes],
        "overdue": [
            {"ref": a.ref, "due": _month(a.timescale.due), "status": a.status.value if a.status else None}
            for a in summary.overdue
        ],
        "no_update": [a.ref for a in summary.no_update],
        "completions": [
            {"ref": c.ref, "month": _month(c.month), "after": _month(c.after), "source": c.source,
             "within_timescale": c.within_timescale}
            for c in result.completions if c.source != "unknown"
        ],
        "counts": {"all": counts_json(summary.all), "pap": counts_json(summary.pap)},
        "sentences": status_sentences(summary.pap, pap_label),
        "rounding": ROUNDING_RULE,
        "warnings": [dict(warning_json(w), workbook=None) for w in result.warnings]
        + [dict(warning_json(w), workbook=plan.source) for plan in result.plans[-2:] for w in plan.warnings],
        "outputs": {kind: str(path) for kind, path in (outputs or {}).items()},
    }

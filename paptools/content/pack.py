"""What the board-pack email says: its subject, the headline figures and what changed, as plain data.

The figures are the report's: the same sentences (content/prose.py) from the same Summary
(compare/figures.py), and the status table from the same counts and percentages. What
changed is the diff's own lists, counted. Nothing here knows about email or HTML: the
writer (write/eml.py) renders these lines twice, as plain text and as HTML.
"""
from __future__ import annotations

from dataclasses import dataclass

from paptools.compare.diff import Completion, PlanDiff
from paptools.compare.figures import Summary
from paptools.content.prose import all_actions_opening, count_phrase, status_sentences
from paptools.model import REPORT_ORDER, UNKNOWN, Status


@dataclass(frozen=True)
class PackContent:
    """The email's words: subject, opening line, figures (sentences and a table), changes, attention."""

    subject: str
    opening: str
    headline: tuple[str, ...]
    table_headers: tuple[str, ...]
    table_rows: tuple[tuple[str, ...], ...]
    changes_heading: str
    changes: tuple[str, ...]
    attention: tuple[str, ...]


def pack_content(diff: PlanDiff, figures: Summary, completions: tuple[Completion, ...], *, title: str,
                 version: str, previous: str | None) -> PackContent:
    """The email's content for the current version `version` of the plan `title`."""
    label = "PAP actions" if figures.pap_prefixed else "actions"
    current = diff.current.by_ref()
    pap_completions = [c for c in completions if c.ref in current and current[c.ref].is_pap]
    headline = status_sentences(figures.pap, label, pap_completions)
    if figures.all.total != figures.pap.total:
        headline += status_sentences(figures.all, opening=all_actions_opening(figures.all.total, figures.pap.total))
    return PackContent(
        subject=f"{title} – version {version}",
        opening=(f"Attached are the progress report and the updated plan, version {version}, for the board. "
                 f"The figures are counted from the plan as of {figures.as_of.day} {figures.as_of:%B %Y}."),
        headline=tuple(headline),
        table_headers=_table_headers(figures, label),
        table_rows=_table_rows(figures),
        changes_heading=f"What changed since {previous}" if previous else "What changed",
        changes=tuple(_changes(diff)),
        attention=tuple(_attention(figures)),
    )


def _both(figures: Summary) -> bool:
    return figures.all.total != figures.pap.total


def _table_headers(figures: Summary, label: str) -> tuple[str, ...]:
    headers = ("Status", label[:1].upper() + label[1:], "%")
    return headers + (("All actions", "%") if _both(figures) else ())


def _table_rows(figures: Summary) -> tuple[tuple[str, ...], ...]:
    """The report's status table: counts and percentages by status, then the total."""
    pap_pct, all_pct = figures.pap.percentages(), figures.all.percentages()
    names = [s.value for s in REPORT_ORDER] + ([UNKNOWN] if figures.all.unknown else [])
    rows = []
    for name in names:
        pap = figures.pap.unknown if name == UNKNOWN else figures.pap.of(Status(name))
        row: tuple[str, ...] = (name, str(pap), f"{pap_pct.get(name, 0)}%")
        if _both(figures):
            every = figures.all.unknown if name == UNKNOWN else figures.all.of(Status(name))
            row += (str(every), f"{all_pct.get(name, 0)}%")
        rows.append(row)
    total: tuple[str, ...] = ("Total", str(figures.pap.total), f"{sum(pap_pct.values())}%")
    if _both(figures):
        total += (str(figures.all.total), f"{sum(all_pct.values())}%")
    rows.append(total)
    return tuple(rows)


def _changes(diff: PlanDiff) -> list[str]:
    """One line per kind of change the diff lists, with the refs where they are few."""
    lines = []
    # Counted as the report counts them: new entries and entries extended, on actions not new to the plan.
    entries = len(diff.new_entries) + sum(1 for e in diff.edited_entries if e.kind == "extended")
    if entries:
        refs = diff.refs_with_progress() - {a.ref for a in diff.actions_added}
        lines.append(f"{count_phrase(entries, 'new progress entry', 'new progress entries').capitalize()} "
                     f"on {count_phrase(len(refs), 'action')}.")
    for change in diff.status_changes:
        lines.append(f"{change.ref}: status {change.before or 'unknown'} to {change.after or 'unknown'}.")
    if diff.timescale_changes:
        refs = ", ".join(c.ref for c in diff.timescale_changes)
        lines.append(f"{count_phrase(len(diff.timescale_changes), 'timescale').capitalize()} changed ({refs}).")
    for kind, actions in (("added", diff.actions_added), ("removed", diff.actions_removed)):
        if actions:
            refs = ", ".join(a.ref for a in actions)
            lines.append(f"{count_phrase(len(actions), 'action').capitalize()} {kind} ({refs}).")
    if diff.history_changes:
        lines.append(f"{count_phrase(len(diff.history_changes), 'progress entry', 'progress entries').capitalize()} "
                     "reported before edited or removed: see the report.")
    return lines or ["No changes to progress, statuses, timescales or actions."]


def _attention(figures: Summary) -> list[str]:
    lines = []
    for status in (Status.AT_RISK, Status.VULNERABLE):
        if figures.all.of(status):
            lines.append(f"{count_phrase(figures.all.of(status), 'action').capitalize()} {status.value.lower()}.")
    if figures.overdue:
        refs = ", ".join(a.ref for a in figures.overdue)
        lines.append(f"{count_phrase(len(figures.overdue), 'action').capitalize()} past the latest due date ({refs}).")
    return lines

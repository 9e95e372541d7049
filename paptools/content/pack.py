"""What the board-pack email says: its subject, the headline figures and what changed, as plain data.

The figures are the report's: the same sentences (content/prose.py) from the same Summary
(compare/figures.py), and the status table from the same counts and percentages, with the
rounding note where a breakdown does not add to 100. What changed is the one list of
changes (compare/changes.py), counted by kind. Nothing here knows about email or HTML: the
writer (write/eml.py) renders these lines twice, as plain text and as HTML.
"""
from __future__ import annotations

from dataclasses import dataclass

from paptools.compare.changes import ChangeKind, Changes
from paptools.compare.figures import ROUNDING_NOTE, Summary, percent_text, status_labels
from paptools.content.prose import all_actions_opening, count_phrase, due_unknown_sentence, in_text, status_sentences
from paptools.model import Status


@dataclass(frozen=True)
class PackContent:
    """The email's words: subject, opening line, figures (sentences and a table), changes, attention."""

    subject: str
    opening: str
    headline: tuple[str, ...]
    table_headers: tuple[str, ...]
    table_rows: tuple[tuple[str, ...], ...]
    table_note: str  # the rounding note when a breakdown does not add to 100, else ""
    changes_heading: str
    changes: tuple[str, ...]
    attention: tuple[str, ...]


def pack_content(changes: Changes, figures: Summary, *, title: str, version: str,
                 previous: str | None, committee: str | None = None) -> PackContent:
    """The email's content for the current version `version` of the plan `title`, for `committee`
    when one is named (--committee), else for the board."""
    label = figures.pap_label
    headline = status_sentences(figures.pap, label, list(figures.pap_completions))
    if figures.all.total != figures.pap.total:
        headline += status_sentences(figures.all, opening=all_actions_opening(figures.all.total, figures.pap.total))
    return PackContent(
        subject=f"{title} – version {version}",
        opening=(f"Attached are the progress report and the updated plan, version {version}, for "
                 f"{in_text(committee) if committee else 'the board'}. "
                 f"The figures are counted from the plan as of {figures.as_of.day} {figures.as_of:%B %Y}."),
        headline=tuple(headline),
        table_headers=_table_headers(figures, label),
        table_rows=_table_rows(figures),
        table_note="" if figures.pap.adds_to_100 and figures.all.adds_to_100 else ROUNDING_NOTE,
        changes_heading=f"What changed since {previous}" if previous else "What changed",
        changes=tuple(_changes(changes)),
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
    rows = []
    for name in status_labels(figures.all):
        row: tuple[str, ...] = (name, str(figures.pap.count(name)), f"{pap_pct.get(name, 0)}%")
        if _both(figures):
            row += (str(figures.all.count(name)), f"{all_pct.get(name, 0)}%")
        rows.append(row)
    total: tuple[str, ...] = ("Total", str(figures.pap.total), percent_text(figures.pap.total, figures.pap.total))
    if _both(figures):
        total += (str(figures.all.total), percent_text(figures.all.total, figures.all.total))
    rows.append(total)
    return tuple(rows)


def _changes(changes: Changes) -> list[str]:
    """One line per kind of change, with the refs where they are few."""
    lines = []
    progress = changes.progress  # new entries and entries added to, as the report counts them
    if progress:
        moved = changes.refs_with_progress() - {c.ref for c in changes.of(ChangeKind.ACTION_ADDED)}
        lines.append(f"{count_phrase(len(progress), 'new progress entry', 'new progress entries').capitalize()} "
                     f"on {count_phrase(len(moved), 'action')}.")
    for change in changes.of(ChangeKind.STATUS):
        lines.append(f"{change.ref}: status {change.status_before or 'unknown'} to {change.status_after or 'unknown'}.")
    timescales = changes.of(ChangeKind.TIMESCALE)
    if timescales:
        refs = ", ".join(c.ref for c in timescales)
        lines.append(f"{count_phrase(len(timescales), 'timescale').capitalize()} changed ({refs}).")
    for kind, word in ((ChangeKind.ACTION_ADDED, "added"), (ChangeKind.ACTION_REMOVED, "removed")):
        found = changes.of(kind)
        if found:
            refs = ", ".join(c.ref for c in found)
            lines.append(f"{count_phrase(len(found), 'action').capitalize()} {word} ({refs}).")
    if changes.history:
        lines.append(f"{count_phrase(len(changes.history), 'progress entry', 'progress entries').capitalize()} "
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
    if figures.no_due_month:
        lines.append(due_unknown_sentence(len(figures.no_due_month)))
    return lines

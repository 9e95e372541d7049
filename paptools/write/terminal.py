"""Plan, Summary and the change list as text for the terminal.

Colour is added with click.style and removed by click.echo when the output is not a
terminal; the status is always written as a word as well, so nothing depends on colour.
"""
from __future__ import annotations

import textwrap
from datetime import date
from typing import TYPE_CHECKING

import click

from paptools.compare.figures import Counts, Summary
from paptools.content.words import author_of, counted
from paptools.model import REPORT_ORDER, UNKNOWN, Action, DataWarning, Entry, Month, Plan, Status
from paptools.read.text import one_line
from paptools.write.palette import PALETTE

if TYPE_CHECKING:  # the changes are imported where used: `show` and `summary` need no diff
    from paptools.compare.changes import Change
    from paptools.compare.reconciliation import Reconciliation

STATUS_COLOURS = {status: colour.terminal for status, colour in PALETTE.items()}


def status_word(status: Status | None) -> str:
    if status is None:
        return click.style(UNKNOWN, fg="magenta")
    return click.style(status.value, fg=STATUS_COLOURS[status], bold=status is Status.AT_RISK)


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def heading(text: str) -> str:
    return click.style(text, bold=True)


def _names(text: str) -> str:
    """An Owner cell listing people a line each ("Ann Bell\nCal Dunn") on one line: "Ann Bell, Cal Dunn"."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return "".join(line if not n else (" " if lines[n - 1][-1] in ",;/&+-" else ", ") + line
                   for n, line in enumerate(lines))


def _wrap(text: str, indent: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n") or [""]:
        lines.extend(textwrap.wrap(paragraph, width=width, initial_indent=indent, subsequent_indent=indent) or [indent])
    return lines


def render_action(action: Action, width: int = 100) -> list[str]:
    due = action.timescale.due.label() if action.timescale.due else "no due month"
    lines = [f"{heading(action.ref)}  [{status_word(action.status)}]  {_names(action.owner) or 'no owner'}  · due {due}"]
    if action.timescale.text and action.timescale.text != (action.timescale.due and action.timescale.due.label()):
        lines.append(f"    Timescale: {one_line(action.timescale.text)}")
    lines.extend(_wrap(action.title, "    ", width))
    for entry in action.entries:
        when = entry.date.label() if entry.date else "undated"
        who = f" {name}" if (name := author_of(entry)) else ""
        lines.append(click.style(f"    • {when}{who}", fg="cyan"))
        lines.extend(_wrap(entry.text, "        ", width))
    return lines


def render_plan(plan: Plan, width: int = 100, refs: tuple[str, ...] = ()) -> str:
    lines = [heading(plan.title or plan.source), f"{plan.source}: {counted(len(plan.actions), 'action')}", ""]
    current = (object(), object())
    for action in plan.actions:
        if refs and action.ref not in refs:
            continue
        place = (action.priority_area, action.section)
        if place != current:
            label = " — ".join(p for p in place if p) or "Actions"
            lines += ["", heading(label), ""]
            current = place
        lines.extend(render_action(action, width))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _counts_rows(columns: list[tuple[str, Counts]]) -> list[str]:
    header = f"{'':<18}" + "".join(f"{name:>22}" for name, _ in columns)
    rows = [heading(header)]
    labels = list(REPORT_ORDER)
    show_unknown = any(c.unknown for _, c in columns)
    for status in labels + ([None] if show_unknown else []):
        name = status.value if status else UNKNOWN
        cells = []
        for _, counts in columns:
            n = counts.of(status) if status else counts.unknown
            pct = counts.percentages().get(name, 0)
            cells.append(f"{n:>14} {pct:>5}%")
        padding = " " * (18 - len(name))
        rows.append(f"{status_word(status)}{padding}" + "".join(f"{c:>22}" for c in cells))
    rows.append(f"{'Total':<18}" + "".join(f"{c.total:>14} {100 if c.total else 0:>5}%".rjust(22) for _, c in columns))
    return rows


def render_summary(summary: Summary) -> str:
    lines = [heading(f"Figures for {summary.source}") + f" (as of {long_date(summary.as_of)})", ""]
    lines += _counts_rows([("All actions", summary.all), ("PAP actions", summary.pap)])
    if not summary.pap_prefixed:
        lines.append("(No ref carries a PAP prefix, so every action counts as a PAP action.)")
    lines += ["", heading("By priority area and section")]
    for group in summary.areas:
        lines.append(f"  {heading(one_line(group.area or 'No priority area'))}: {_inline(group.counts)}")
        for section in summary.sections:
            if section.area == group.area and section.section:
                lines.append(f"      {one_line(section.section)}: {_inline(section.counts)}")
    if summary.overdue:
        lines += ["", heading(f"Overdue ({len(summary.overdue)}): past their latest due month and not complete")]
        for action in summary.overdue:
            lines.append(f"  {action.ref:<10} due {_due(action.timescale.due):<9} [{status_word(action.status)}]  {_names(action.owner)}")
    if summary.no_due_month:
        lines += ["", heading(f"No due month ({len(summary.no_due_month)}): {_NO_DUE}"), *_no_due_month(summary)]
    return "\n".join(lines) + "\n"


_NO_DUE = "not complete, and whether overdue is not known"


def _no_due_month(summary: Summary) -> list[str]:
    """The open actions whose timescale gives no month: neither overdue nor on time, as far as is known."""
    return [f"  {action.ref:<10} timescale '{one_line(action.timescale.text) or '(blank)'}' [{status_word(action.status)}]"
            for action in summary.no_due_month]


def _inline(counts: Counts) -> str:
    parts = [f"{counts.of(status)} {status.value.lower()}" for status in REPORT_ORDER if counts.of(status)]
    if counts.unknown:
        parts.append(f"{counts.unknown} unknown")
    return f"{counted(counts.total, 'action')}: " + ", ".join(parts)


def render_warnings(warnings: tuple[DataWarning, ...] | list[DataWarning], source: str) -> str:
    if not warnings:
        return ""
    lines = [click.style(f"{counted(len(warnings), 'warning')} reading {source}:", fg="yellow", bold=True)]
    for warning in warnings:
        lines.append(f"  {warning.line()}")
    return "\n".join(lines) + "\n"


# --- reconcile ------------------------------------------------------------------------

def _section(title: str, count: int | None = None, note: str = "") -> list[str]:
    label = title if count is None else f"{title} ({count})"
    return ["", heading(label.upper()) + (f"  {note}" if note else "")]


def _entry_line(entry: Entry, indent: str, width: int, prefix: str = "") -> list[str]:
    when = entry.date.label() if entry.date else "undated"
    who = f" {name}" if (name := author_of(entry)) else ""
    return [click.style(f"{indent}• {prefix}{when}{who}", fg="cyan"), *_wrap(entry.text, indent + "  ", width)]


def _due(month: Month | None) -> str:
    return month.label() if month else "no month"


def render_reconcile(result: Reconciliation, width: int = 100) -> str:
    """The reconcile job on the terminal: the figures, then the change list, section by section."""
    return "\n".join(reconcile_lines(result, width)) + "\n"


def reconcile_lines(result: Reconciliation, width: int = 100) -> list[str]:
    """render_reconcile's lines, each without its newline: a large plan's text is printed a block
    at a time (cli/reconcile.py), not held whole in several copies (at 20,000 actions 5 MB of
    text, copied by the join, the escaping and click's colour stripping)."""
    from paptools.compare.changes import ChangeKind
    from paptools.content.prose import all_actions_opening, status_sentences

    changes, summary = result.changes, result.summary
    current = changes.current
    if changes.previous is not None:
        title = f"Changes from {changes.previous.source} to {current.source}"
    elif changes.since is not None:
        title = f"Progress in {current.source} dated from {changes.since.label()}"
    else:
        title = f"Status of {current.source}"
    lines = [heading(title), f"As of {long_date(summary.as_of)}"]

    lines += _section("The figures now")
    for sentence in status_sentences(summary.pap, summary.pap_label, list(summary.pap_completions)):
        lines.extend(_wrap(sentence, "  ", width))
    if summary.all.total != summary.pap.total:
        opening = all_actions_opening(summary.all.total, summary.pap.total)
        for sentence in status_sentences(summary.all, opening=opening)[:2]:
            lines.extend(_wrap(sentence, "  ", width))
    lines.append("")
    lines += ["  " + row for row in _counts_rows([("All actions", summary.all), ("PAP actions", summary.pap)])]

    history = changes.history
    if history:
        lines += _section("History changed", len(history), click.style("progress reported before was edited or removed", fg="red"))
        for change in history:
            lines.append(click.style(f"  {change.ref}  {change.kind}", fg="red", bold=True))
            if change.previous_entry is not None and change.entry is not None:
                lines += _entry_line(change.previous_entry, "    ", width, "before: ")
                lines += _entry_line(change.entry, "    ", width, "after:  ")
            elif change.entry is not None:
                lines += _entry_line(change.entry, "    ", width)

    statuses = changes.of(ChangeKind.STATUS)
    if statuses:
        lines += _section("Status changes", len(statuses))
        for change in statuses:
            lines.append(f"  {change.ref:<10} {status_word(change.status_before)} → {status_word(change.status_after)}")

    progress = changes.progress
    by_ref: dict[str, list[Change]] = {}  # grouped once: a scan of all of them per action was quadratic
    for change in progress:
        by_ref.setdefault(change.ref, []).append(change)
    lines += _section("New progress", len(progress), f"in {counted(len(by_ref), 'action')}" if progress else "none")
    place = None
    for action in current.actions:
        mine = by_ref.get(action.ref)
        if not mine:
            continue
        if (action.priority_area, action.section) != place:
            place = (action.priority_area, action.section)
            lines.append("  " + heading(" — ".join(p for p in place if p) or "Actions"))
        lines.append(f"    {heading(action.ref)} [{status_word(action.status)}] {textwrap.shorten(action.title, width - 30)}")
        for change in mine:
            if change.kind is ChangeKind.ENTRY_EXTENDED and change.entry is not None:
                when = change.entry.date.label() if change.entry.date else "undated"
                lines.append(click.style(f"      • added to the {when} entry:", fg="cyan"))
                lines += _wrap(change.added_text, "        ", width)
            elif change.entry is not None:
                suffix = f"({change.remark}) " if change.remark else ""
                lines += _entry_line(change.entry, "      ", width, suffix)

    corrected = changes.of(ChangeKind.ENTRY_CORRECTED)
    if corrected:
        lines += _section("Corrections", len(corrected), "small edits to earlier entries (typos)")
        for change in corrected:
            when = change.entry.date.label() if change.entry and change.entry.date else "undated"
            lines.append(f"  {change.ref:<10} entry of {when}")

    added, removed = changes.of(ChangeKind.ACTION_ADDED), changes.of(ChangeKind.ACTION_REMOVED)
    if added or removed:
        lines += _section("Actions added and removed", len(added) + len(removed))
        for change in added:
            lines.append(f"  + {change.ref:<10} [{status_word(change.action.status)}] {textwrap.shorten(change.action.title, width - 30)}")
            for entry in changes.unseen_entries(change.action):  # its progress not seen before, as the report lists it
                lines += _entry_line(entry, "      ", width)
        for change in removed:
            lines.append(click.style(f"  - {change.ref:<10} {textwrap.shorten(change.action.title, width - 20)}", fg="red"))

    timescales = changes.of(ChangeKind.TIMESCALE)
    if timescales:
        lines += _section("Timescales changed", len(timescales))
        for change in timescales:
            again = click.style("  revised again", fg="yellow") if change.revised_again else ""
            lines.append(f"  {change.ref:<10} due {_due(change.due_before)} → {_due(change.due_after)}  ('{change.after}'){again}")

    fields, renumbered = changes.of(ChangeKind.FIELD), changes.of(ChangeKind.ACTION_RENUMBERED)
    if fields or renumbered:
        lines += _section("Owners, wording and refs changed", len(fields) + len(renumbered))
        for change in fields:
            lines.append(f"  {change.ref:<10} {change.field}: {textwrap.shorten(change.before or '(blank)', 40)} → {textwrap.shorten(change.after or '(blank)', 40)}")
        for change in renumbered:
            lines.append(f"  {change.before} is now {change.after} ({change.rule})")

    lines += _section("Overdue", len(summary.overdue), f"past the latest due month and not complete, as of {long_date(summary.as_of)}")
    for action in summary.overdue:
        lines.append(f"  {action.ref:<10} due {_due(action.timescale.due):<9} [{status_word(action.status)}] {_names(action.owner)}")
    if summary.no_due_month:
        lines += _section("No due month", len(summary.no_due_month), _NO_DUE) + _no_due_month(summary)
    if changes.previous is not None or changes.since is not None:
        lines += _section("No update", len(summary.no_update), "not complete, and no new progress")
        for action in summary.no_update:
            lines.append(f"  {action.ref:<10} [{status_word(action.status)}] {_names(action.owner)}")
    if changes.is_empty and changes.previous is not None:
        lines += ["", "Nothing changed between the two versions."]
    return lines

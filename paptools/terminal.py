"""Plan, Summary and PlanDiff as text for the terminal.

Colour is added with click.style and removed by click.echo when the output is not a
terminal; the status is always written as a word as well, so nothing depends on colour.
"""
from __future__ import annotations

import textwrap

import click

from .model import REPORT_ORDER, UNKNOWN, Action, DataWarning, Plan, Status
from .summary import Counts, Summary

STATUS_COLOURS = {
    Status.COMPLETE: "blue",
    Status.ON_TRACK: "green",
    Status.VULNERABLE: "yellow",
    Status.AT_RISK: "red",
    Status.NOT_STARTED: "white",
}


def status_word(status: Status | None) -> str:
    if status is None:
        return click.style(UNKNOWN, fg="magenta")
    return click.style(status.value, fg=STATUS_COLOURS[status], bold=status is Status.AT_RISK)


def heading(text: str) -> str:
    return click.style(text, bold=True)


def _wrap(text: str, indent: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n") or [""]:
        lines.extend(textwrap.wrap(paragraph, width=width, initial_indent=indent, subsequent_indent=indent) or [indent])
    return lines


def render_action(action: Action, width: int = 100) -> list[str]:
    due = action.timescale.due.label() if action.timescale.due else "no due month"
    lines = [f"{heading(action.ref)}  [{status_word(action.status)}]  {action.owner or 'no owner'}  · due {due}"]
    if action.timescale.text and action.timescale.text != (action.timescale.due and action.timescale.due.label()):
        lines.append(f"    Timescale: {action.timescale.text}")
    lines.extend(_wrap(action.title, "    ", width))
    for entry in action.entries:
        when = entry.date.label() if entry.date else "undated"
        who = f" {entry.author or entry.initials}" if entry.initials else ""
        lines.append(click.style(f"    • {when}{who}", fg="cyan"))
        lines.extend(_wrap(entry.text, "        ", width))
    return lines


def render_plan(plan: Plan, width: int = 100, refs: tuple[str, ...] = ()) -> str:
    lines = [heading(plan.title or plan.source), f"{plan.source}: {len(plan.actions)} actions", ""]
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
    lines = [heading(f"Figures for {summary.source}") + f" (as of {summary.as_of:%d %B %Y})", ""]
    lines += _counts_rows([("All actions", summary.all), ("PAP actions", summary.pap)])
    if not summary.pap_prefixed:
        lines.append("(No ref carries a PAP prefix, so every action counts as a PAP action.)")
    lines += ["", heading("By priority area and section")]
    for group in summary.areas:
        lines.append(f"  {heading(group.area or 'No priority area')}: {_inline(group.counts)}")
        for section in summary.sections:
            if section.area == group.area and section.section:
                lines.append(f"      {section.section}: {_inline(section.counts)}")
    if summary.overdue:
        lines += ["", heading(f"Overdue ({len(summary.overdue)}): past their latest due month and not complete")]
        for action in summary.overdue:
            lines.append(f"  {action.ref:<10} due {action.timescale.due.label():<9} [{status_word(action.status)}]  {action.owner}")
    return "\n".join(lines) + "\n"


def _inline(counts: Counts) -> str:
    parts = [f"{counts.of(status)} {status.value.lower()}" for status in REPORT_ORDER if counts.of(status)]
    if counts.unknown:
        parts.append(f"{counts.unknown} unknown")
    return f"{counts.total} actions: " + ", ".join(parts)


def render_warnings(warnings: tuple[DataWarning, ...] | list[DataWarning], source: str) -> str:
    if not warnings:
        return ""
    noun = "warning" if len(warnings) == 1 else "warnings"
    lines = [click.style(f"{len(warnings)} {noun} reading {source}:", fg="yellow", bold=True)]
    for warning in warnings:
        lines.append(f"  {warning.line()}")
    return "\n".join(lines) + "\n"

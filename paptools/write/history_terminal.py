"""The history as text for the terminal: the burn-up per version, what slipped, what was completed.

Percentages are those of `paptools summary` (figures.percent_text), so each version's line
reads exactly as that version's summary does.
"""
from __future__ import annotations

import textwrap

import click

from paptools.compare.figures import Counts, percent_text
from paptools.compare.history import History
from paptools.content.words import counted
from paptools.model import Status


def _share(counts: Counts) -> str:
    complete = counts.of(Status.COMPLETE)
    return f"{complete:>3} of {counts.total:<3} {percent_text(complete, counts.total):>6}"


def render_history(history: History, width: int = 100) -> str:
    """Counts per version, then the slips, then the completions by version."""
    versions = history.versions
    if not versions:
        return "No version could be placed in the history.\n"
    lines = [click.style(f"History of {len(versions)} versions, {versions[0].label} to {versions[-1].label}",
                         bold=True), ""]
    name_width = min(max(len(v.source) for v in versions), 40)
    lines.append(f"  {'Version':<{name_width}}  {'Date':<11}  {'Complete (all)':>17}  {'Complete (PAP)':>17}")
    for v in versions:
        lines.append(f"  {v.source[:name_width]:<{name_width}}  {v.label:<11}  {_share(v.all):<17}  {_share(v.pap):<17}")
    lines.append("")
    lines.append(click.style(f"SLIPPED ({counted(len(history.slipped), 'action')} had "
                             f"{'its' if len(history.slipped) == 1 else 'their'} due month put back)", bold=True))
    for s in history.slipped:
        times = "once" if s.times == 1 else f"{s.times} times"
        months = "1 month" if s.months == 1 else f"{s.months} months"
        lines.append(f"  {s.ref:<10} put back {times}, {months} in all "
                     f"({s.original_due.label()} to {s.latest_due.label()})")
    lines.append("")
    lines.append(click.style(f"COMPLETED ({counted(len(history.completed), 'action')}), by the first version showing it",
                             bold=True))
    for n, v in enumerate(versions):
        refs = [c.ref for c in history.completed if c.version == n]
        if refs:
            label = f"  {v.label}: {len(refs)}: "
            # A ref is one word ("PAP 2.14" never splits across lines): a no-break space while wrapping.
            wrapped = textwrap.wrap(", ".join(r.replace(" ", "\u00a0") for r in refs), width=width,
                                    initial_indent=label, subsequent_indent=" " * len(label))
            lines += [line.replace("\u00a0", " ") for line in wrapped]
    return "\n".join(line.rstrip() for line in lines) + "\n"

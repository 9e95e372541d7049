"""Rows taken for headings that head no action.

A heading heads the actions below it. A run of them with no action under any is something
else: the plan's own tally ("Summary", then "Complete" beside a COUNTIF formula) or, at the
foot of the sheet, a sign-off line or a footnote. Kept as empty sections they would vanish from
every output, so such a run is reported, in one warning with its cells, as not read. A run in
the middle with no formula ("Priority 2", then "Early years") is an area over its section.
"""
from __future__ import annotations

from collections.abc import Callable

from paptools.model import Note
from paptools.read.text import one_line
from paptools.read.xcell import row_of

Warn = Callable[[str | None, str | None, str, str | None], None]


def report_empty_headings(sheet: str, notes: list[Note], start: int, action_rows: list[int],
                          formula_rows: set[int], warn: Warn) -> None:
    """Turn the runs of section notes from notes[start:] that head no action into notes of text not read."""
    if not action_rows:
        return
    headings = [i for i in range(start, len(notes)) if notes[i].kind == "section" and notes[i].sheet == sheet]
    rows = [row_of(notes[i].cell) for i in headings]
    runs: list[list[int]] = []
    actions = iter(action_rows)
    below = next(actions, None)  # the first action below the heading in hand
    for n, (i, row) in enumerate(zip(headings, rows)):
        while below is not None and below < row:
            below = next(actions, None)
        following = rows[n + 1] if n + 1 < len(rows) else None
        if below is not None and (following is None or below < following):
            continue  # heads an action
        if runs and runs[-1][-1] == (headings[n - 1] if n else -1):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        tail = all(row_of(notes[i].cell) > action_rows[-1] for i in run)
        tally = any(row_of(notes[i].cell) in formula_rows for i in run)
        if tail or tally:
            _report(sheet, notes, run, tally, warn)


def _report(sheet: str, notes: list[Note], run: list[int], tally: bool, warn: Warn) -> None:
    texts = [notes[i].text for i in run]
    for i in run:
        notes[i] = Note("other", sheet, notes[i].cell, notes[i].text)
    first, last = notes[run[0]].cell, notes[run[-1]].cell
    shown = ", ".join(f"'{one_line(text, 50)}'" for text in texts[:4]) + (" ..." if len(texts) > 4 else "")
    one = len(run) == 1
    where = ("sit beside formulas, like the plan's own count of its statuses (paptools counts them itself)"
             if tally else "sit below the last action")
    warn(sheet, first if one else f"{first}:{last}",
         f"{'a row' if one else f'{len(run)} rows'} ({shown}) {'heads' if one else 'head'} no action and "
         f"{where.replace('sit', 'sits') if one else where}: not read into the plan; the text is kept here",
         "\n".join(texts))

"""Text the officer struck through inside a cell, kept in the workbook as a record of what changed.

A struck-through run is withdrawn: an old status beside the new one ("~~Amber~~ Green"), a
progress entry taken back, an old month beside the new deadline. The status and the progress
are read without it, and what was left out is reported with its cell; a Timescale reads the
struck month as the original due month (timescales.py).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from paptools.read.text import clean_text, one_line
from paptools.read.xcell import XCell

_GAPS = re.compile(r"[ \t]*\n(?:[ \t]*\n)+")


def struck_spans(text: str, struck: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the struck-through runs lie in the cleaned text (a run cleaning changed is not found)."""
    spans, at = [], 0
    for run in (clean_text(run) for run in struck):
        found = text.find(run, at) if run else -1
        if found >= 0:
            spans.append((found, found + len(run)))
            at = found + len(run)
    return spans


def without_struck(text: str, struck: tuple[str, ...]) -> tuple[str, list[str]]:
    """The text with its struck-through runs taken out (the gaps they leave closed up), and those runs."""
    spans = struck_spans(text, struck)
    if not spans:
        return text, []
    kept, taken, at = [], [], 0
    for start, end in spans:
        kept.append(text[at:start])
        taken.append(text[start:end].strip())
        if start == 0 or text[start - 1] == "\n":  # a whole line struck: its line break goes with it
            after = text[end:].lstrip(" \t")
            if after.startswith("\n"):
                end = len(text) - len(after) + 1
        at = end
    kept.append(text[at:])
    rest = _GAPS.sub("\n\n", "".join(kept))
    return re.sub(r"[ \t]{2,}", " ", rest).strip(), [t for t in taken if t]


def strike_out(sheet: str, ref: str, fields: dict[str, int], cells: list[XCell], texts: list[str],
               struck: dict[str, tuple[str, ...]], warn: Callable[[str, str, str, str], None]) -> list[str]:
    """The row's texts with the struck-through runs of its status and progress cells left out, each reported."""
    for what in ("status", "progress"):
        index = fields.get(what)
        if index is None or not isinstance(value := cells[index].value, str) or value not in struck:
            continue
        kept, taken = without_struck(texts[index], struck[value])
        if not taken:
            continue
        texts = [*texts[:index], kept, *texts[index + 1:]]
        shown = "; ".join(f"'{one_line(t, 50)}'" for t in taken)
        then = ("nothing else is written in it" if not kept else
                f"read as '{one_line(kept, 40)}'" if what == "status" else "the rest is read")
        warn(sheet, cells[index].coordinate,
             f"{ref}'s {what} has text struck through in Excel ({shown}): left out as withdrawn; {then}",
             "\n".join(taken))
    return texts

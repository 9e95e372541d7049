"""A header's columns settled by what the rows under it hold.

A header names its columns, but the cells say what they are: a "Progress" column of status
words is the status column, one of numbers (per cent complete) is not the progress, and
columns headed only by months that hold sentences are the progress, one column per month.
"""
from __future__ import annotations

from dataclasses import replace

from paptools.read.header_map import Header, map_header
from paptools.read.periods import bare_period
from paptools.read.rows import Row
from paptools.read.statuses import status_from_text
from paptools.read.text import normalise_label

__all__ = ["settled"]

MONTH_WORD = 4  # a cell with this many letters is somebody's words ("Booked"), not a timeline's mark ("x", "✓")


def settled(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A header's columns settled by what the rows under it hold."""
    return _status_words_in_progress(sheet, _month_columns(sheet, header, rows, forced), rows, forced)


def _status_words_in_progress(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A "Progress" column of status words ("Green", "Amber", "Complete") in a plan with no status
    column is its status column, and the progress is the next best column for it ("Comments")."""
    progress = header.index("progress")
    if progress is None or "status" in header.fields or len(header.rows) > 1:
        return header
    named = header.headers[progress]
    if normalise_label(named) in {normalise_label(h) for h in forced or {}}:
        return header  # the house-style file says what it is
    below = [row.texts[progress] for row in rows if row.number > header.rows[-1] and progress < len(row.texts)]
    values = [text for text in below[:200] if text]
    worded = sum(1 for text in values if len(text) <= 30 and status_from_text(text)[0] is not None)
    if len(values) < 2 or worded * 10 < len(values) * 8:
        return header
    settled = map_header(sheet, header.rows[0], header.headers, {}, {**(forced or {}), named: "status"})
    settled.columns = [replace(c, score=90, how="its cells hold status words") if c.index == progress else c
                       for c in settled.columns]
    return settled


def _month_columns(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A plan with no Progress column whose columns are headed only by months ("Oct 25", "Nov 25",
    or date cells): when those columns hold sentences, they are its progress, one column per month.
    A timeline of marks ("x") under the months is not, and stays in the extra columns.
    """
    if header.periods or "progress" in header.fields or len(header.rows) > 1:
        return header
    dated = [index for index, text in header.extra if bare_period(text)]
    if len(dated) < 2:
        return header
    below = [row for row in rows if row.number > header.rows[0]][:200]
    values = [row.texts[i] for row in below for i in dated if i < len(row.texts) and row.texts[i]]
    worded = sum(1 for value in values if sum(map(str.isalpha, value)) >= MONTH_WORD)
    if not values or worded * 2 < len(values):
        return header
    return map_header(sheet, header.rows[0], header.headers, {}, forced, frozenset(dated))

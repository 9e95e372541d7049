"""A sheet's rows as the officer sees them: each row with text, its cells and each cell's text.

Layout detection, the walk over the actions and the updates logs all read rows this way, so a
cell's text (a date as 14/01/2025, a number as Excel shows it) is the same wherever it is read.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

from paptools.model import EntryDate
from paptools.read.cells import Book, Sheet
from paptools.read.styles import Percent, shows_day
from paptools.read.text import clean_text
from paptools.read.xcell import XCell

__all__ = ["MAX_COLUMNS", "Row", "cell_text", "month_shown", "sheet_rows"]

MAX_COLUMNS = 200


def cell_text(value: object) -> str:
    """A cell's value as the officer sees it, as text."""
    if type(value) is str:  # most cells: tested first
        return clean_text(value)
    if value is None:
        return ""
    if isinstance(value, date):  # a datetime too
        return _date_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if type(value) is Percent:  # "50%", as Excel shows it
        return value.shown()
    if isinstance(value, float):
        return f"{value:.10g}"
    return clean_text(value)


@lru_cache(maxsize=4096)  # a plan's few due dates recur on many rows, and strftime is slow
def _date_text(value: date) -> str:
    if isinstance(value, datetime) and value.time() != time(0):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def month_shown(cell: XCell) -> EntryDate | None:
    """A date cell whose format shows no day ("mmm-yy": Oct-24) as that month: a header or an
    update so dated names a month, not its first day. None for any other cell."""
    value = cell.value
    return EntryDate(value.year, value.month) if isinstance(value, date) and not shows_day(cell.number_format) else None


@dataclass
class Row:
    """A row with text: its number, cells (from column A) and each cell's text."""

    number: int
    cells: list[XCell]
    texts: list[str]
    hidden: bool = False


def sheet_rows(book: Book, sheet: Sheet, text: Callable[[XCell], str] | None = None) -> list[Row]:
    """Every row with text on a sheet (the sheet's merged ranges are known once this returns).

    `text` gives a cell's text (cell_text of its value without it): one that remembers the
    texts of the version read before (read/versions.py Versions) also points the cell's value at
    that version's equal string, so a sheet's rows do not hold a second copy of each text.
    """
    rows = []
    for number, hidden, cells in book.rows(sheet, MAX_COLUMNS):
        texts = [cell_text(c.value) for c in cells] if text is None else [text(c) for c in cells]
        if any(texts):
            rows.append(Row(number, cells, texts, hidden))
    return rows

"""An action's due months: its Timescale cell, due-date columns beside it, and the rows of its
milestones, each read into a Timescale, with what could not be read said where it is written.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

from paptools.model import Month, Timescale
from paptools.read.action_row import RawAction
from paptools.read.cells import Book
from paptools.read.headers import FIELD_LABELS
from paptools.read.styles import from_excel
from paptools.read.text import clean_text
from paptools.read.timescales import parse_timescale

__all__ = ["DueReader"]

Warn = Callable[[str | None, str | None, str], None]


class DueReader:
    """Reads each action's due months for one plan (`financial`: its quarters are financial years')."""

    def __init__(self, book: Book, financial: bool, warn: Warn) -> None:
        self.book, self.financial, self.warn = book, financial, warn

    def row(self, sheet: str, value: object, cell: str | None,
            due_values: dict[str, tuple[object, str]]) -> tuple[Timescale, str | None]:
        """One row's Timescale cell and due-date cells read into its due months, and what could not be read."""
        value = self._due_serial(sheet, value, cell)
        struck = self.book.struck.get(value, ()) if self.book.struck and isinstance(value, str) else ()
        timescale, problem = _timescale(value, self.financial, struck)
        if due_values:
            timescale, problem = self._due_columns(sheet, due_values, timescale, problem)
        return timescale, problem

    def latest(self, raw: RawAction, timescale: Timescale, problem: str | None) -> tuple[Timescale, str | None]:
        """The due of an action whose rows each give their own (its milestones'): the latest row's, its
        text the span from the earliest ("Nov-24 to Mar-25"); a row's due not read is reported."""
        rows = [(timescale, problem, raw.timescale_cell)]
        for due in raw.row_dues:
            rows.append((*self.row(raw.sheet, due.value, due.cell, due.due_values), due.cell))
        read = [row for row, _, _ in rows if row.due is not None]
        if not read:  # no row gives a due month: the first row's problem is the action's
            return timescale, problem
        for _, unread, cell in rows:
            if unread and cell:
                self.warn(raw.sheet, cell, f"{unread}; {raw.ref.text}'s due month is taken from its other rows")
        earliest = min(read, key=lambda t: t.due or Month(1, 1))
        latest = max(reversed(read), key=lambda t: t.due or Month(1, 1))  # the lowest row of the latest month
        text = latest.text if earliest.due == latest.due else f"{earliest.text} to {latest.text}"
        return Timescale(text, latest.original_due, latest.revised_due), None

    def _due_serial(self, sheet: str, value: object, cell: str | None) -> object:
        """A Timescale cell holding a whole number of Excel's days (a date that lost its date format)
        is that date, reported; any other value is read as it is."""
        if (isinstance(value, (int, float)) and not isinstance(value, bool)
                and _SERIALS[0] <= value <= _SERIALS[-1] and value == int(value)):  # never inf or NaN here
            when = from_excel(value, self.book.epoch)
            if isinstance(when, datetime):
                self.warn(sheet, cell, f"timescale {int(value)} is a number: read as Excel's date "
                          f"{when.day} {when:%b %Y}; format the cell as a date")
                return when
        return value

    def _due_columns(self, sheet: str, due_values: dict[str, tuple[object, str]], timescale: Timescale,
                     problem: str | None) -> tuple[Timescale, str | None]:
        """Due-date columns beside the Timescale text: the dates win where the two disagree."""
        months: dict[str, Month] = {}
        for name, (value, cell) in due_values.items():
            if isinstance(value, (datetime, date)):
                months[name] = Month(value.year, value.month)
            elif value not in (None, ""):  # a month written as text ("Nov 2024", "Sep-25"), read as a Timescale is
                written, unread = _timescale(value, self.financial, ())
                if written.due is not None and not unread:
                    months[name] = written.due
                else:
                    self.warn(sheet, cell, f"'{clean_text(value)}' in the {FIELD_LABELS[name]} column is not a "
                              "date or a month; not used")
        original = months.get("original_due", timescale.original_due)
        latest = months.get("latest_due", timescale.due)
        text = timescale.text or _written(due_values, months)  # no Timescale column: the due cells as written
        if (original, latest) == (timescale.original_due, timescale.due):
            return (Timescale(text, timescale.original_due, timescale.revised_due) if text != timescale.text
                    else timescale), problem
        revised = latest if latest != original else None
        where = (due_values.get("latest_due") or due_values["original_due"])[1]
        if timescale.due is not None:
            self.warn(sheet, where, f"the due-date columns ({latest.label() if latest else 'none'}) and the "
                      f"Timescale text ('{timescale.text}') disagree; the columns are used")
        return Timescale(text, original, revised), None


def _written(due_values: dict[str, tuple[object, str]], months: dict[str, Month]) -> str:
    """An action's due cells as its timescale's text where the plan has no Timescale column: "Mar-25",
    or "Jul-25 (revised from Mar-25)" when a revised due is given, as officers write it in one cell."""
    def shown(name: str) -> str:
        value = due_values.get(name, (None, ""))[0]
        if isinstance(value, (datetime, date)):
            return months[name].label()
        return clean_text(value) if value not in (None, "") else ""
    original, latest = shown("original_due"), shown("latest_due")
    if original and latest and months.get("latest_due") != months.get("original_due"):
        return f"{latest} (revised from {original})"
    return original or latest


@lru_cache(maxsize=4096, typed=True)  # a plan's few timescales recur on many rows, and in every version
def _timescale(value: object, financial_quarters: bool,
               struck: tuple[str, ...] = ()) -> tuple[Timescale, str | None]:
    return parse_timescale(value, financial_quarters, struck)


_SERIALS = range(32_874, 73_051)  # Excel's day numbers of 1990 to 2099

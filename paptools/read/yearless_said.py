"""The notes on progress headings with no year, said once for a sheet that has many.

A plan whose officers head every update "w/c 4 Nov" or "14 Oct" gets a note for each heading
given a year (read/years.py): hundreds on a large plan, burying the warnings that need acting on.
Three or more on a sheet are one warning at the first, saying the rule, the first two readings
and the actions, as for a Timescale text or a fill the Key lacks (read/refs.py MANY). A heading
that could not be dated is still said where it is: its entry is left undated.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from paptools.read.refs import MANY, of_actions
from paptools.read.years import READ_AS

__all__ = ["YearlessSaid"]

Warn = Callable[[str | None, str | None, str, str | None], None]

_READING = re.compile("'(?P<heading>.*?)" + re.escape(READ_AS) + "(?P<date>[^,]+),")


class YearlessSaid:
    """Takes the notes of each action's Progress cell; `finish` says those of yearless headings given a year."""

    def __init__(self, warn: Warn) -> None:
        self._warn = warn
        self._read: dict[str, list[tuple[str | None, str, str]]] = {}  # sheet -> (cell, ref, note) of each

    def warn_for(self, ref: str) -> Warn:
        """The warn of the cell of the action `ref`: a heading's year kept back, anything else said."""
        def warn(sheet: str | None, cell: str | None, message: str, value: str | None = None) -> None:
            if sheet is not None and READ_AS in message:
                self._read.setdefault(sheet, []).append((cell, ref, message))
            else:
                self._warn(sheet, cell, message, value)
        return warn

    def finish(self) -> None:
        for sheet, found in self._read.items():
            if len(found) < MANY:
                for cell, _, note in found:
                    self._warn(sheet, cell, note, None)
                continue
            shown = [f"'{m['heading']}' as {m['date']}" for _, _, note in found[:2] if (m := _READING.match(note))]
            examples = f": {', '.join(shown)} and {len(found) - len(shown):,} more" if shown else ""
            refs = list(dict.fromkeys(ref for _, ref, _ in found))
            self._warn(sheet, found[0][0], (
                f"{len(found):,} progress headings have no year: each is read in the first year that puts it on "
                "or after the entry written before it, or, with no dated entry before it, on or before the plan's "
                f"date{examples} {of_actions(refs)}"), None)
        self._read.clear()

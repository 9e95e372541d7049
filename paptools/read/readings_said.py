"""The notes on Progress headings read by a rule, said once for a sheet that has many.

A heading with no year ("w/c 4 Nov: ...", read/years.py) is given the year the entries around it
or the plan's date say; one naming a school term ("Autumn term 2024: ...", read/headings.py) is
dated by the month the term ends; one naming a season ("Winter 2024: ...") dates nothing, and
its entry is undated unless a period column dates it. Each is a note, and a plan whose officers write every update so
got one for every heading: hundreds on a large plan, burying the warnings that need acting on.
Three or more of a kind on a sheet are one warning at the first, saying the rule, the first two
readings and the actions, as for a Timescale text or a fill the Key lacks (read/refs.py MANY). A
heading that could not be dated is still said where it is: its entry is left undated.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from paptools.read.dates import SEASON_UNDATED, TERM_READ
from paptools.read.refs import MANY, of_actions
from paptools.read.years import READ_AS

__all__ = ["ReadingsSaid"]

Warn = Callable[[str | None, str | None, str, str | None], None]


class _Kind(NamedTuple):
    marker: str  # the words every note of the kind is made with
    reading: re.Pattern[str]  # the heading (and the date, if any) read back from a note, for the examples
    rule: str  # what the one warning says of them all, after their count


_KINDS = (
    _Kind(READ_AS, re.compile("'(?P<heading>.*?)" + re.escape(READ_AS) + "(?P<date>[^,]+),"),
          "progress headings have no year: each is read in the first year that puts it on or after the entry "
          "written before it, or, with no dated entry before it, on or before the plan's date"),
    _Kind(TERM_READ, re.compile("'(?P<heading>.*?)' read as (?P<date>.+?)" + re.escape(TERM_READ)),
          "progress headings name a school term: each is dated by the month the term ends (autumn December, "
          "spring April, summer July)"),
    _Kind(SEASON_UNDATED, re.compile("'(?P<heading>.*?)" + re.escape(SEASON_UNDATED)),
          "progress headings name a season, not a month, so the entries they head take no date from them: "
          "write the month, or the school term"),
)


class ReadingsSaid:
    """Takes the notes of each action's Progress cell; `finish` says those of headings read by a rule."""

    def __init__(self, warn: Warn) -> None:
        self._warn = warn
        self._read: dict[tuple[str, int], list[tuple[str | None, str, str]]] = {}  # (sheet, kind) -> (cell, ref, note)

    def warn_for(self, ref: str) -> Warn:
        """The warn of the cell of the action `ref`: a heading read by a rule kept back, anything else said."""
        def warn(sheet: str | None, cell: str | None, message: str, value: str | None = None) -> None:
            kind = next((n for n, k in enumerate(_KINDS) if k.marker in message), None) if sheet is not None else None
            if sheet is not None and kind is not None:
                self._read.setdefault((sheet, kind), []).append((cell, ref, message))
            else:
                self._warn(sheet, cell, message, value)
        return warn

    def finish(self) -> None:
        for (sheet, n), found in self._read.items():
            if len(found) < MANY:
                for cell, _, note in found:
                    self._warn(sheet, cell, note, None)
                continue
            kind = _KINDS[n]
            shown = [f"'{m['heading']}'" + (f" as {m['date']}" if "date" in m.re.groupindex else "")
                     for _, _, note in found[:2] if (m := kind.reading.match(note))]
            examples = f": {', '.join(shown)} and {len(found) - len(shown):,} more" if shown else ""
            refs = list(dict.fromkeys(ref for _, ref, _ in found))
            self._warn(sheet, found[0][0], f"{len(found):,} {kind.rule}{examples} {of_actions(refs)}", None)
        self._read.clear()

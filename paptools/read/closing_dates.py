"""A Progress cell whose every line ends with its date in brackets: "Overdue reviews 412 (Oct-24)",
"Tracker built in Power BI (SG 06/12/24)".

Some officers add each update as a line of its own and date it at its end, not its start. With
no heading to split at, such a cell would be one undated entry. Where every line of a cell
ends so (a bracket holding a date, perhaps initials before it), each line is an entry dated by
its bracket; one line that does not means the cell is read as usual, nothing guessed.
"""
from __future__ import annotations

import re

from paptools.read.dates import find_dates
from paptools.read.entry_order import Piece

__all__ = ["dated_at_the_end"]

# "(Oct-24)", "(SG 06/12/24)", "(JS, 14 Jan 2025)." closing a line.
_CLOSING = re.compile(r"\(\s*(?:(?P<i>[A-Z][A-Za-z]?[A-Z]?)[ \t]*[,:\-–]?[ \t]+)?(?P<d>[^()\n]{4,20}?)[ \t]*\)[ \t.]*$")
_LINE = re.compile(r"[^\n]+")


def dated_at_the_end(text: str) -> list[Piece] | None:
    """A piece a line, each dated (and signed) by the bracket that closes it; None unless every
    line holding text ends in one, and there are two or more."""
    if not text.endswith((")", ").")):  # the text is stripped
        return None  # most cells: no need to look at every line
    pieces: list[Piece] = []
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        closing = _CLOSING.search(line.group())
        if closing is None:
            return None
        written = closing.group("d")
        tokens = find_dates(written)
        if len(tokens) != 1 or tokens[0].start != 0 or tokens[0].end != len(written):
            return None
        pieces.append(Piece(line.start(), line.end(), tokens[0].date, closing.group("i"), line.start()))
    return pieces if len(pieces) >= 2 else None

"""A Progress cell whose every line ends with its date in brackets: "Overdue reviews 412 (Oct-24)",
"Tracker built in Power BI (SG 06/12/24)", "No update this month - KL (Jan 25)".

Some officers add each update as a line of its own and date it at its end, not its start, or
run them on one line, each closed by its bracket and a semicolon ("Toolkit piloted (RT
13/01/25); Chapter drafted (JS 09/12/24)"). With no heading to split at, such a cell would be
one undated entry. Where every line of a cell ends so (a bracket holding a date, perhaps
initials in it or after a dash before it), each line, or each part of it closed so and by a
semicolon, is an entry dated and signed by its bracket; one line that does not end so means
the cell is read as usual, nothing guessed. A semicolon after anything else splits nothing.
"""
from __future__ import annotations

import re

from paptools.model import EntryDate
from paptools.read.dates import find_dates
from paptools.read.entry_order import Piece
from paptools.read.heading_words import INITIALS, plausible_initials

__all__ = ["dated_at_the_end"]

# "(Oct-24)", "(SG 06/12/24)", "(JS, 14 Jan 2025)." closing a line.
_CLOSING = re.compile(rf"(?:[ \t]+[-–—][ \t]*(?P<j>{INITIALS})[ \t]*)?"  # "- KL (Jan 25)"
                      r"\(\s*(?:(?P<i>[A-Z][A-Za-z]?[A-Z]?)[ \t]*[,:\-–]?[ \t]+)?(?P<d>[^()\n]{4,20}?)[ \t]*\)[ \t.]*$")
_LINE = re.compile(r"[^\n]+")
_SEMICOLON = re.compile(r"\)[ \t.]*;(?P<gap>[ \t]+)(?=\S)")  # where a bracket may close one of a line's parts


def dated_at_the_end(text: str) -> list[Piece] | None:
    """A piece a line, or a part of one closed by a semicolon, each dated (and signed) by the
    bracket that closes it; None unless every line holding text ends in one."""
    if not text.endswith((")", ").")):  # the text is stripped
        return None  # most cells: no need to look at every line
    pieces: list[Piece] = []
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        start = line.start()
        for part_end in _SEMICOLON.finditer(text, start, line.end()):
            closed = _closing(text[start:part_end.start() + 1])
            if closed is not None:
                pieces.append(Piece(start, part_end.start("gap"), closed[0], closed[1], start))
                start = part_end.end()
        closed = _closing(text[start:line.end()])
        if closed is None:
            return None
        pieces.append(Piece(start, line.end(), closed[0], closed[1], start))
    return pieces


def _closing(part: str) -> tuple[EntryDate, str | None] | None:
    """The date (and initials) of the bracket closing the part; None if it ends otherwise."""
    closing = _CLOSING.search(part)
    if closing is None:
        return None
    written = closing.group("d")
    tokens = find_dates(written)
    if len(tokens) != 1 or tokens[0].start != 0 or tokens[0].end != len(written):
        return None
    initials = closing.group("i")
    if initials is None and closing.group("j") is not None and plausible_initials(closing.group("j")):
        initials = closing.group("j")
    return tokens[0].date, initials

"""Which way a Progress cell runs, and where a newest-first cell's first text begins.

Officers add updates at the end of a cell (oldest first) or at the top (newest first). The
dates say which: most steps between consecutive dated entries go one way. In a cell written
newest first the text below the oldest entry was written before any update (the position at
the start), so it is an entry of its own, not the end of the oldest update.
"""
from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from paptools.model import EntryDate, EntryOrder

# A bullet or a milestone's number heading a line: "• ", "- ", "(1) ", "1. ", "a) ".
NUMBER_MARK = r"\(?\d{1,3}[.)]|\(?[a-z]\)"
MARK = rf"[•·*▪‣◦\-–]|{NUMBER_MARK}"
_LINE_MARK = re.compile(rf"(?:{MARK})[ \t]")
_BREAK = re.compile(r"[ \t]*(?:\n[ \t]*)+")


class Piece(NamedTuple):
    """One entry's span of the cell, before it becomes an Entry."""

    start: int
    end: int
    date: EntryDate | None
    initials: str | None
    body: int  # where its own text begins


def order_of(pieces: list[Piece]) -> EntryOrder:
    """Oldest or newest first, by which way the dates mostly step (months, not days)."""
    return order_of_dates([p.date for p in pieces])


def order_of_dates(dates: list[EntryDate | None]) -> EntryOrder:
    """order_of, from the entries' dates in the order they are written."""
    months = [(d.year, d.month) for d in dates if d is not None]
    later = sum(b > a for a, b in pairwise(months))
    earlier = sum(b < a for a, b in pairwise(months))
    if later > earlier:
        return EntryOrder.OLDEST_FIRST
    if earlier > later:
        return EntryOrder.NEWEST_FIRST
    return EntryOrder.UNKNOWN


def _breaks(text: str, start: int, end: int, newlines: int) -> list[re.Match[str]]:
    """Line breaks of at least `newlines` between start and end that end a paragraph.

    A break before a bullet or a numbered line, or after a line ending in a colon, is
    inside a list, not between entries.
    """
    found = []
    for match in _BREAK.finditer(text, start, end):
        if match.group().count("\n") < newlines:
            continue
        if text[: match.start()].rstrip().endswith(":") or _LINE_MARK.match(text, match.end()):
            continue
        if match.end() < end:
            found.append(match)
    return found


def opening_at_the_end(text: str, pieces: list[Piece], notes: list[str]) -> list[Piece]:
    """In a newest-first cell, the paragraph after the oldest entry is the cell's first entry.

    Entries are told apart by the line breaks the cell puts between them (one, or a blank
    line); a cell that runs its entries on without line breaks cannot say, and is left as
    it is.
    """
    last = pieces[-1]
    if last.date is None:
        return pieces
    dated = [p for p in pieces if p.date is not None]
    # The whitespace closing each dated entry but the last: what the cell puts between entries.
    gaps = [text[p.start : p.end][len(text[p.start : p.end].rstrip()) :] for p in dated[:-1]]
    newlines = min((g.count("\n") for g in gaps), default=1)
    if newlines == 0:
        return pieces
    # Entries with lines of their own: a break wider than any inside them is certain.
    inside = max((m.group().count("\n") for p in dated[:-1] for m in _breaks(text, p.body, p.end, 1)), default=0)
    certain = _breaks(text, last.body, last.end, max(newlines, inside + 1))
    if certain:
        cut = certain[0]
    else:
        # A narrower break than the cell puts between entries, where no other entry has
        # one, or a break no wider than those inside entries: most likely, and said so.
        possible = _breaks(text, last.body, last.end, newlines if inside else 1)
        if not possible:
            return pieces
        cut = possible[0]
        opening = " ".join(text[cut.end() : last.end].split())
        notes.append(f"the lines after the oldest entry ('{opening[:60]}') are read as the cell's first entry, "
                     "written before the dated entries above them (the cell runs newest first)")
    return [*pieces[:-1], Piece(last.start, cut.start(), last.date, last.initials, last.body),
            Piece(cut.end(), last.end, None, None, cut.end())]

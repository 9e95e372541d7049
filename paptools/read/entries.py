"""A Progress cell split into its entries: date, author initials, text.

Officers append updates to one cell in many forms: "Nov23: SL: ...", "Dec 23 SL: ...",
"Mar24 AW - ...", "21/03/24: AB: ...", "18/06/2024 - ED & H M-N - ...", "ED 19/03/2024 - ...",
run on after a full stop or without one, on new lines, as numbered milestones ("(1)
2014/05/23: ...", "1. 23 May 2014 - ..."), oldest or newest first. A date starts an entry
only where it is written as a heading: followed by a colon or a dash, by initials and a
colon or dash, or opening a sentence. A date inside a sentence ("by end of Dec 2023", "in
May 24", "(May 25)") is part of the text. Whatever comes before the first dated heading is
an undated entry of its own; in a cell written newest first, the lines after the oldest
entry are the cell's first, undated entry (the position before any update was added).

The invariant: the entries' raw texts, in order and with only whitespace between them,
are the cell. Nothing is dropped, moved or invented.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from sys import intern
from typing import NamedTuple

from paptools.model import Entry, EntryDate, EntryOrder, spanned, text_span
from paptools.read.entry_order import Piece, opening_at_the_end, order_of
from paptools.read.headings import find_starts


@dataclass(frozen=True)
class SplitCell:
    """A Progress cell's entries in the order they are written, and how the cell was read."""

    entries: tuple[Entry, ...]
    notes: tuple[str, ...]  # what was read by inference, in plain words
    detected: EntryOrder  # what the cell's own dates say (UNKNOWN with fewer than two)
    order: EntryOrder  # the order it was read in: detected, else the plan's usual order


class Part(NamedTuple):
    """One entry as the cell gives it: an Entry but for where it was written and by whom."""

    date: EntryDate | None
    initials: str | None
    written: str  # the cell's text (stripped), which the entry is a piece of
    span: int  # where the entry lies in it (model.text_span), so no copy of it is kept
    text_start: int  # where its own text begins in raw

    @property
    def raw(self) -> str:
        """The entry exactly as written, header included."""
        return spanned(self.written, self.span)


class CellParts(NamedTuple):
    """A Progress cell split, before its entries are placed: what split_cell says, as parts."""

    parts: tuple[Part, ...]
    notes: tuple[str, ...]
    detected: EntryOrder
    order: EntryOrder


def split_entries(
    text: str, usual_order: EntryOrder = EntryOrder.UNKNOWN
) -> tuple[tuple[Entry, ...], tuple[str, ...]]:
    """The entries of one Progress cell, and notes on anything read by inference."""
    cell = split_cell(text, usual_order)
    return cell.entries, cell.notes


def split_cell(text: str, usual_order: EntryOrder = EntryOrder.UNKNOWN) -> SplitCell:
    """The entries of one Progress cell, the notes, and the order the cell runs in.

    `usual_order` is the plan's usual order, used when the cell's own dates cannot tell
    (one dated entry at the top of the original text, in a plan written newest first).
    """
    cell = split_parts(text, usual_order)
    entries = tuple(Entry.within(p.written, p.span, p.date, p.initials, None, p.text_start) for p in cell.parts)
    return SplitCell(entries, cell.notes, cell.detected, cell.order)


@lru_cache(maxsize=65536)
def split_parts(text: str, usual_order: EntryOrder = EntryOrder.UNKNOWN) -> CellParts:
    """split_cell's reading of the cell, as parts the reader makes Entries of in one step.

    Cached: two versions of a plan share most of their Progress cells, and the result is
    immutable, so reconciling them splits each unchanged cell once.
    """
    usual_order = EntryOrder(usual_order)  # "newest first" as a plain string is welcome too
    text = text.strip()
    if not text:
        return CellParts((), (), EntryOrder.UNKNOWN, usual_order)
    notes: list[str] = []
    starts = find_starts(text, notes)
    pieces: list[Piece] = []
    first = starts[0][0].pos if starts else len(text)
    if text[:first].strip():
        pieces.append(Piece(0, first, None, None, 0))
    for index, (start, heading) in enumerate(starts):
        end = starts[index + 1][0].pos if index + 1 < len(starts) else len(text)
        date = pieces[-1].date if start.carry_date and pieces else heading.date
        pieces.append(Piece(start.pos, end, date, heading.initials, min(heading.body, end)))
    detected = order_of(pieces)
    order = detected if detected is not EntryOrder.UNKNOWN else usual_order
    if order is EntryOrder.NEWEST_FIRST:
        pieces = opening_at_the_end(text, pieces, notes)
    return CellParts(tuple(_part(text, piece) for piece in pieces), tuple(notes), detected, order)


def usual_order(texts: Iterable[str]) -> EntryOrder:
    """The order most of a plan's Progress cells run in; UNKNOWN when they do not lean.

    The cells' dates decide. When no cell has two dated entries (a plan's first updates),
    the cells' shape does: undated text above the first dated entry is the original
    position of a cell written oldest first; a dated entry at the top with a paragraph of
    undated text below it is an update added above the original position.
    """
    cells = [text for text in texts if text.strip()]
    by_dates = Counter(split_parts(text).detected for text in cells)
    newest, oldest = by_dates[EntryOrder.NEWEST_FIRST], by_dates[EntryOrder.OLDEST_FIRST]
    if newest == oldest == 0:
        shapes = Counter(_shape(text) for text in cells)
        newest, oldest = shapes[EntryOrder.NEWEST_FIRST], shapes[EntryOrder.OLDEST_FIRST]
    if newest > oldest:
        return EntryOrder.NEWEST_FIRST
    if oldest > newest:
        return EntryOrder.OLDEST_FIRST
    return EntryOrder.UNKNOWN


def _shape(text: str) -> EntryOrder:
    """What the layout of a cell with one dated entry suggests about its order."""
    parts = split_parts(text).parts
    if not any(p.date for p in parts):
        return EntryOrder.UNKNOWN
    if parts[0].date is None:
        return EntryOrder.OLDEST_FIRST
    if len(split_parts(text, EntryOrder.NEWEST_FIRST).parts) > len(parts):
        return EntryOrder.NEWEST_FIRST
    return EntryOrder.UNKNOWN


def _part(text: str, piece: Piece) -> Part:
    """Where the piece lies in the text, stripped of the whitespace around it, and where its own text begins.

    The initials are interned: a few of them sign a whole plan's entries (3 MB at 5,000 actions).
    """
    raw = text[piece.start : piece.end]
    stripped = raw.strip()
    start = piece.start + (len(raw) - len(raw.lstrip()) if raw[:1].isspace() else 0)
    body = text[piece.body : piece.end].strip()
    return Part(piece.date, intern(piece.initials) if piece.initials else None, text,
                text_span(start, start + len(stripped)), len(stripped) - len(body))



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

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from sys import intern
from typing import NamedTuple

from paptools.model import Entry, EntryDate, EntryOrder, EntrySource, span_bounds, spanned, text_span
from paptools.read.closing_dates import dated_at_the_end
from paptools.read.entry_order import Piece, opening_at_the_end, order_of, order_of_dates
from paptools.read.heading_words import INITIALS, plausible_initials
from paptools.read.headings import OPENING, Before, Heading, Reading, Start, before_at, read_starts
from paptools.read.years import Mark, read_years


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
    """A Progress cell split, before its entries are placed: what split_cell says, as parts.

    The parts are kept field by field, each a tuple with one item per part (a part object
    each was a fifth of a large plan's memory: the split of every cell is cached); `parts`
    gives them as Part records, `of` makes the fields from them.
    """

    text: str  # the cell's text, stripped: every part is a piece of it
    dates: tuple[EntryDate | None, ...]
    initials: tuple[str | None, ...]
    spans: tuple[int, ...]  # where each part lies in the text (model.text_span)
    text_starts: tuple[int, ...]  # where each part's own text begins in its raw
    notes: tuple[str, ...]
    detected: EntryOrder
    order: EntryOrder

    @classmethod
    def of(cls, text: str, parts: Iterable[Part], notes: tuple[str, ...], detected: EntryOrder,
           order: EntryOrder) -> CellParts:
        listed = list(parts)
        return cls(text, tuple(p.date for p in listed), tuple(p.initials for p in listed),
                   tuple(p.span for p in listed), tuple(p.text_start for p in listed), notes, detected, order)

    def entries(self, author: Callable[[str], str | None] | None = None, where: str | None = None) -> list[Entry]:
        """The cell's entries, each a piece of its text, signed by `author(initials)`, written at `where`."""
        return [Entry.within(self.text, span, date, initials, author(initials) if author and initials else None,
                             start, EntrySource.CELL, where)
                for date, initials, span, start in zip(self.dates, self.initials, self.spans, self.text_starts)]

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(Part(date, initials, self.text, span, start)
                     for date, initials, span, start in zip(self.dates, self.initials, self.spans, self.text_starts))


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
    return SplitCell(tuple(cell.entries()), cell.notes, cell.detected, cell.order)


@lru_cache(maxsize=65536)
def split_parts(text: str, usual_order: EntryOrder = EntryOrder.UNKNOWN, period: EntryDate | None = None,
                plan_date: EntryDate | None = None) -> CellParts:
    """split_cell's reading of the cell, as parts the reader makes Entries of in one step; in a
    period column dated `period`, a yearless heading takes its year from the period, and with the
    plan's date, one with no dated entry before it is read on or before that date (read/years.py).

    Cached: two versions of a plan share most of their Progress cells, and the result is
    immutable, so reconciling them splits each unchanged cell once.
    """
    usual_order = EntryOrder(usual_order)  # "newest first" as a plain string is welcome too
    text = text.strip()
    if not text:
        return CellParts.of(text, (), (), EntryOrder.UNKNOWN, usual_order)
    return _split(text, usual_order, period, plan_date)[0]


class Grown(NamedTuple):
    """A cell's split, kept so the next version of the cell, the same text with more written at
    its end, is split from a cut near the end: the pieces and notes before the cut are these."""

    text: str  # the cell's text, stripped
    cell: CellParts
    usual_order: EntryOrder
    before: Before  # how the text stands at the cut (read/headings.py)
    pieces: int  # how many pieces begin before the cut
    last: Piece  # the last of them: it runs to the first start at or after the cut
    notes: int  # how many notes were read before the cut
    marks: tuple[Mark, ...]  # the pieces a yearless heading dates (read/years.py): their years are read again


def split_grown(text: str, usual_order: EntryOrder, earlier: Grown | None) -> tuple[CellParts, Grown | None]:
    """split_parts(text, usual_order), read from the earlier version's cut when the text is that
    version's with more written at its end, and what the next version can be read on from.

    Exactly what split_parts gives. The earlier text is this one up to its end E. read_starts
    decides each candidate start at the date, separator or quarter it is read at (its source);
    the starts kept, the notes and where the date scan stands before a cut depend only on the
    sources before it, once every candidate read before the cut begins before it and every
    other at or after it (checked by before_at for the earlier text, by read_starts for this
    one): dates are scanned left to right, a separator is passed over only inside a dated
    heading that covers it, and a heading swallows only later candidates. What is decided at
    a source reads the text before it freely, but past the cut no more than _REACH characters
    while the runs of spaces and separators and of initials there are short, which _settled
    checks between the cut and E; the cut is at least _MARGIN > _REACH before E. So what was
    decided before the cut read only text the two versions share, and is the same. A cell
    that runs newest first is read whole: the entry it opens with is found from every entry. A
    yearless heading's year depends on the entries either side of it (read/years.py): read again
    from every piece's own date, those before the cut as they were read.
    """
    usual_order = EntryOrder(usual_order)
    text = text.strip()
    if not text:
        return CellParts.of(text, (), (), EntryOrder.UNKNOWN, usual_order), None
    if (earlier is not None and earlier.usual_order is usual_order and len(text) > len(earlier.text)
            and text.startswith(earlier.text) and _settled(text, earlier.before.cut, len(earlier.text))):
        grown = _split_on(text, earlier)
        if grown is not None:
            return grown.cell, grown
    cell, pieces, reading, marks = _split(text, usual_order)
    return cell, _keep(text, cell, usual_order, reading, OPENING, pieces, 0, 0, marks)


_MARGIN = 400  # the cut is at least this far before the end of the text
# How far read_starts reads after a date, a separator or a quarter, where runs of spaces and
# separators are at most _RUN long and initials at most _INITIALS: a date (its fixed parts
# and three runs), then its closing bracket (a run) and either the heading's window (80) or
# its parse: a separator, initials, spaces, the date repeated, a separator, initials and
# separators (each run, separator and initials with the character that ends it).
_RUN, _INITIALS = 8, 40
_DATE_REACH = 25 + 3 * _RUN  # day, ordinal, "of", month, ".", year and what follows each looked at
_PARSE_REACH = (_RUN + 2) + (4 * _RUN + _INITIALS + 3) + (_RUN + 1) + _DATE_REACH + (_RUN + 2) \
    + (4 * _RUN + _INITIALS + 3) + (_RUN + 1)
_REACH = _DATE_REACH + (_RUN + 1) + max(80, _PARSE_REACH)
assert _REACH < _MARGIN
_LONG_RUN = re.compile(rf"[\s,\-–—.:/'&]{{{_RUN + 1}}}")
# Initials run through capitals, a lower-case letter after one, "and", and separators: any two
# lower-case letters together (but in "and") end them.
_LONG_INITIALS = re.compile(rf"(?:[A-Z\s&/,\-]|[a-z](?![a-z])){{{_INITIALS - 2}}}")


def _settled(text: str, cut: int, end: int) -> bool:
    """Whether nothing read_starts reads for what lies before the cut can reach `end`."""
    window = text[cut:end]
    return _LONG_RUN.search(window) is None and _LONG_INITIALS.search(window.replace("and", "&&&")) is None


def _split(text: str, usual_order: EntryOrder, period: EntryDate | None = None, plan_date: EntryDate | None = None
           ) -> tuple[CellParts, list[Piece], Reading, list[Mark]]:
    """split_parts of a stripped, non-empty text, with its pieces, read_starts' reading and the yearless marks."""
    reading = read_starts(text)
    assert reading is not None  # read from the opening, every cut is clean
    starts = reading.starts
    notes = [note for _, note in reading.notes]
    pieces: list[Piece] = []
    marks: list[Mark] = []
    first = starts[0][0].pos if starts else len(text)
    if text[:first].strip():
        pieces.append(Piece(0, first, None, None, 0))
    _add_pieces(text, starts, pieces, marks)
    # One undated piece may be lines each dated at its end (read/closing_dates.py); the pieces
    # kept for a later version stay the one piece: such a cell is read whole each time.
    lines = dated_at_the_end(text) if len(pieces) == 1 and pieces[0].date is None and not marks else None
    shown = lines or pieces
    detected = order_of(shown)
    order = detected if detected is not EntryOrder.UNKNOWN else usual_order
    ordered = opening_at_the_end(text, shown, notes) if order is EntryOrder.NEWEST_FIRST else shown
    parts: Iterable[Part] = (_part(text, piece) for piece in ordered)
    if marks:
        parts = _with_years(text, list(parts), marks, order is EntryOrder.NEWEST_FIRST, notes, period, plan_date)
    return CellParts.of(text, parts, tuple(notes), detected, order), pieces, reading, marks


def _add_pieces(text: str, starts: list[tuple[Start, Heading]], pieces: list[Piece], marks: list[Mark],
                offset: int = 0) -> None:
    """Each start's piece, after `pieces` (the first of which is piece `offset` of the cell), and
    a mark for each one a yearless heading dates, or initials under one."""
    for index, (start, heading) in enumerate(starts):
        end = starts[index + 1][0].pos if index + 1 < len(starts) else len(text)
        date = pieces[-1].date if start.carry_date and pieces else heading.date
        if start.yearless is not None or (start.carry_date and marks and marks[-1][0] == offset + len(pieces) - 1):
            marks.append((offset + len(pieces), start.yearless, min(heading.body, end)))
        pieces.append(Piece(start.pos, end, date, heading.initials, min(heading.body, end)))


def _with_years(text: str, parts: list[Part], marks: list[Mark], newest_first: bool, notes: list[str],
                period: EntryDate | None = None, plan_date: EntryDate | None = None) -> list[Part]:
    """The parts with the dates read for their yearless headings (read/years.py): each part a mark
    names comes undated and is made again with its date; one left undated keeps its heading in its
    text, so its day is not lost."""
    dates = read_years(text, [part.date for part in parts], marks, newest_first, notes, period, plan_date)
    for index, found, body in marks:
        part, date = parts[index], dates[index]
        start, end = span_bounds(part.span)
        parts[index] = _part(text, Piece(start, end, date, part.initials,
                                         body if date is not None or found is None else found.opens))
    return parts


def _split_on(text: str, earlier: Grown) -> Grown | None:
    """The grown text split from the earlier version's cut on; None when it must be read whole."""
    reading = read_starts(text, earlier.before)
    if reading is None:
        return None
    starts = reading.starts
    # The last piece before the cut ends where the first start after it begins; its body is
    # where its heading ends, before the cut, so it stays.
    pieces = [earlier.last._replace(end=starts[0][0].pos if starts else len(text))]
    last = earlier.pieces - 1  # the last piece's index in the cell
    marks = [mark for mark in earlier.marks if mark[0] <= last]
    _add_pieces(text, starts, pieces, marks, last)
    # The parts before the cut lie where they did; they are pieces of this text now, those a
    # yearless heading dates undated until their years are read again.
    kept = [Part(part.date, part.initials, text, part.span, part.text_start)
            for part in earlier.cell.parts[:last]]
    for index, _, _ in marks:
        if index < last:
            kept[index] = kept[index]._replace(date=None)
    detected = order_of_dates([*(part.date for part in kept), *(piece.date for piece in pieces)])
    order = detected if detected is not EntryOrder.UNKNOWN else earlier.usual_order
    if order is EntryOrder.NEWEST_FIRST:
        return None
    notes = [*earlier.cell.notes[: earlier.notes], *(note for _, note in reading.notes)]
    parts = [*kept, *(_part(text, piece) for piece in pieces)]
    if marks:
        parts = _with_years(text, parts, marks, False, notes)
    cell = CellParts.of(text, parts, tuple(notes), detected, order)
    return _keep(text, cell, earlier.usual_order, reading, earlier.before, pieces, last, earlier.notes, marks)


def _keep(text: str, cell: CellParts, usual_order: EntryOrder, reading: Reading, earlier: Before,
          pieces: list[Piece], pieces_before: int, notes_before: int, marks: list[Mark]) -> Grown | None:
    """What the next version can be read on from: the last start at least _MARGIN from the
    end that cuts cleanly, with a piece before it (pieces: those from earlier.cut on)."""
    for index in range(len(pieces) - 1, 0, -1):
        cut = pieces[index].start
        if cut > len(text) - _MARGIN:
            continue
        before = before_at(reading, earlier, cut)
        if before is not None:
            notes = notes_before + sum(1 for sep, _ in reading.notes if sep < cut)
            return Grown(text, cell, usual_order, before, pieces_before + index, pieces[index - 1], notes,
                         tuple(marks))
    return None


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
    dates = split_parts(text).dates
    if not any(dates):
        return EntryOrder.UNKNOWN
    if dates[0] is None:
        return EntryOrder.OLDEST_FIRST
    if len(split_parts(text, EntryOrder.NEWEST_FIRST).dates) > len(dates):
        return EntryOrder.NEWEST_FIRST
    return EntryOrder.UNKNOWN


# Initials in brackets closing an entry sign it, where its heading has none: "14/01/25: Panel met (JS)."
_SIGNED_AT_END = re.compile(rf"(?<=\s)\((?P<i>(?-i:{INITIALS}))\)\.?\Z")


def _part(text: str, piece: Piece) -> Part:
    """Where the piece lies in the text, stripped of the whitespace around it, and where its own text begins.

    The initials are interned: a few of them sign a whole plan's entries (3 MB at 5,000 actions).
    """
    raw = text[piece.start : piece.end]
    stripped = raw.strip()
    start = piece.start + (len(raw) - len(raw.lstrip()) if raw[:1].isspace() else 0)
    body = text[piece.body : piece.end].strip()
    initials = piece.initials or (_signed_at_end(stripped) if ")" in stripped[-2:] else None)
    return Part(piece.date, intern(initials) if initials else None, text,
                text_span(start, start + len(stripped)), len(stripped) - len(body))


def _signed_at_end(stripped: str) -> str | None:
    """Initials in brackets closing an entry ("... Panel met (JS).")."""
    signed = _SIGNED_AT_END.search(stripped, len(stripped) - 20)
    return signed.group("i") if signed and plausible_initials(signed.group("i")) else None



"""A plan's Progress cells split on two processes at once, before its entries are built.

Splitting the Progress cells is most of a read, and each cell's split depends on its text and
the plan's usual entry order alone (read/entries.py split_parts, split_grown). On a machine with
two cores a forked child splits part of the text while this process splits the rest, and sends
back only what each split found (dates, initials, where each entry lies, notes): never the
plan, never the text, which the parent has (paptools/forked.py). The entries are then built
from these exactly as from a split made here, so the plan read is the same; a child that fails
costs nothing but the time, as every cell it did not send back is split here. Only when the
caller asks, and only when the text is long enough for it to pay.

A single plan's child starts as the workbook is opened and splits every long text from the
last on (EarlySplits); the first of several versions, whose cells are kept for the next
version to be read on from, is split by a child given its later Progress cells once they are
known (Ahead, grown_ahead).
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from sys import intern
from typing import Any, Generic, TypeVar

from paptools.forked import Feed, Forked
from paptools.model import EntryDate, EntryOrder
from paptools.read.entries import CellParts, Grown, split_grown, split_parts
from paptools.read.package import Package
from paptools.read.text import clean_text

__all__ = ["EARLY_BYTES", "MIN_CHARACTERS", "Ahead", "EarlySplits", "grown_ahead"]

# Below this much Progress text a fork costs more than it saves (about 50 actions' worth):
# measured on two cores, a 52-action plan gained nothing, a 200-action plan did.
MIN_CHARACTERS = 150_000

_Split = TypeVar("_Split")
_Work = TypeVar("_Work")
# A split as the child sends it: CellParts without its text, each date a plain tuple.
_Fields = tuple[tuple[tuple[int, int, int | None] | None, ...], tuple[str | None, ...], tuple[int, ...],
                tuple[int, ...], tuple[str, ...], EntryOrder, EntryOrder]


def grown_ahead(texts: Sequence[str], order: EntryOrder) -> Ahead[tuple[CellParts, Grown | None]]:
    """split_grown(text, order, None) of the later texts, worked out by a forked child (see Ahead):
    a plan's first version read in turn (read/progress.py CellMemo keeps what the next version is
    read on from). Asks for nothing when forking would not pay or cannot be done."""
    def work(text: str) -> tuple[_Fields, Grown | None]:
        cell, grown = split_grown(text, order, None)
        return _fields(cell), grown._replace(text="", cell=_EMPTY) if grown is not None else None

    def received(text: str, found: tuple[_Fields, Grown | None]) -> tuple[CellParts, Grown | None]:
        fields, grown = found
        cell = _parts(text.strip(), fields)
        return cell, grown._replace(text=cell.text, cell=cell) if grown is not None else None

    return Ahead(texts, work, received)


class Ahead(Generic[_Split]):
    """The splits of a plan's later Progress cells, worked out by a forked child.

    The texts are in the order the actions are read. The child takes the later ones (by length,
    a little over half: this process has the actions to build besides); this process goes on
    with the actions before them, splitting their cells as usual, and waits for the child's
    answers when the first of its texts is asked for. A child that failed answers nothing, and
    its cells are split here too. `finish()` when the plan is read.
    """

    def __init__(self, texts: Sequence[str], work: Callable[[str], _Work],
                 received: Callable[[str, _Work], _Split]) -> None:
        self._theirs: dict[str, int] = {}
        self._answers: list[Any] | None = None  # what the child sent back (pickled, so of any type to mypy)
        self._received: Callable[[str, Any], _Split] = received
        self._child: Forked[list[Any]] | None = None
        distinct = list(dict.fromkeys(text for text in texts if text))
        total = sum(map(len, distinct))
        if total < MIN_CHARACTERS:
            return
        mine, cut = 0, len(distinct)
        for index, text in enumerate(distinct):
            mine += len(text)
            if mine >= total * _SHARE:
                cut = index + 1
                break
        theirs = distinct[cut:]
        self._child = Forked.start(lambda: [work(text) for text in theirs])
        if self._child is not None:  # else every cell is split here
            self._theirs = {text: n for n, text in enumerate(theirs)}

    def get(self, text: str) -> _Split | None:
        """The child's split of `text`; None for a text this process is to split."""
        index = self._theirs.get(text)
        if index is None:
            return None
        if self._answers is None:
            self._answers = self._collect()
        return self._received(text, self._answers[index]) if index < len(self._answers) else None

    def finish(self) -> None:
        """The child waited for, if nothing of it was asked for (a plan read with an error)."""
        if self._answers is None:
            self._answers = self._collect()

    def _collect(self) -> list[Any]:
        if self._child is None:
            return []
        try:
            return self._child.result()
        except Exception:  # whatever the child met, its cells are split here instead
            return []


# This process's share of the text: besides splitting it, it builds every action (about a fifth
# of the work of splitting at 500 actions), so the child's later part is a little larger.
_SHARE = 0.45


def _fields(parts: CellParts) -> _Fields:
    """A split without its text, its dates as plain tuples: what the child sends back."""
    dates = tuple((d.year, d.month, d.day) if d else None for d in parts.dates)
    return dates, parts.initials, parts.spans, parts.text_starts, parts.notes, parts.detected, parts.order


def _parts(text: str, fields: _Fields) -> CellParts:
    """The split the child sent, made whole with the text this process holds."""
    dates, initials, spans, text_starts, notes, detected, order = fields
    return CellParts(text, tuple(EntryDate(*d) if d else None for d in dates),
                     tuple(intern(i) if i else None for i in initials),  # as the splitter keeps them
                     spans, text_starts, notes, detected, order)


_EMPTY = CellParts("", (), (), (), (), (), EntryOrder.UNKNOWN, EntryOrder.UNKNOWN)  # stands in for the cell sent


class EarlySplits:
    """A plan's long cell texts split by a child forked as soon as the workbook is open.

    Finding the layout and walking the rows is a fifth of a large plan's read, and the second
    core would wait through it for the Progress cells. This child does not wait: it takes every
    long text of the workbook (its shared strings and the sheets' own strings, cleaned as a
    cell's text is), and splits them from the last on, sending each split as it is made
    (forked.Feed), both ways a cell may be read when its dates do not tell its order. This
    process splits the cells in plan order, taking the child's split of a text once it has
    arrived; they meet in the middle and neither waits. A text the child did not send, or
    sent differently (a cell the walk joins or trims), is split here: the plan is the same.
    """

    def __init__(self, feed: Feed[tuple[bytes, _Fields, _Fields | None]]) -> None:
        self._feed = feed
        self._got: dict[bytes, tuple[_Fields, _Fields | None]] = {}
        self.order = EntryOrder.UNKNOWN  # the plan's usual order, once the layout is known

    @classmethod
    def open(cls, path: Path) -> EarlySplits | None:
        """The child started on the workbook at `path`, or None when it holds too little text for
        a child to pay (or is no workbook at all: the reader will say so)."""
        try:
            with zipfile.ZipFile(path) as archive:
                held = sum(item.file_size for item in archive.infolist() if _TEXT_PARTS.match(item.filename))
        except (OSError, zipfile.BadZipFile, ValueError):
            return None
        if held < EARLY_BYTES:
            return None
        feed: Feed[tuple[bytes, _Fields, _Fields | None]] | None = Feed.start(lambda send: _split_all(path, send))
        return cls(feed) if feed is not None else None

    def get(self, text: str) -> CellParts | None:
        """split_parts(text, self.order) as the child sent it; None when it has not (yet)."""
        text = text.strip()
        key = _key(text)
        found = self._got.get(key)
        if found is None:
            self._got.update((item[0], item[1:]) for item in self._feed.take())
            found = self._got.get(key)
            if found is None:
                return None
        oldest, newest = found
        newest_first = self.order is EntryOrder.NEWEST_FIRST
        cell = _parts(text, newest if newest is not None and newest_first else oldest)
        # a cell whose dates do not tell its order is read in the plan's usual order
        return cell if cell.detected is not EntryOrder.UNKNOWN else cell._replace(order=self.order)

    def finish(self) -> None:
        """The child stopped: every cell is read."""
        self._feed.cancel()
        self._got.clear()


# A workbook whose sheets and shared strings are smaller than this (unpacked) is read before a
# child could help: about 40 actions' worth.
EARLY_BYTES = 150_000
_TEXT_PARTS = re.compile(r"xl/(worksheets/[^/]+|sharedStrings)\.xml$", re.IGNORECASE)
_LONG = 200  # characters: a shorter text is split in no time, here


def _key(text: str) -> bytes:
    """What a text is known by between the two processes: its digest, not the text itself (a large
    plan's text would fill the pipe between them)."""
    from hashlib import blake2b  # loaded when a child is started: a small plan has none

    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _split_all(path: Path, send: Callable[[tuple[bytes, _Fields, _Fields | None]], None]) -> None:
    """In the child: each long text of the workbook split, from the last on."""
    package = Package(path)  # the child reads the workbook for itself
    strings, _, _ = package.shared_strings()
    found = [*strings, *(text for sheet in package.sheets() for text in package.long_inline_strings(sheet.path, _LONG))]
    texts = list(dict.fromkeys(clean_text(text) for text in found if len(text) >= _LONG))
    for text in reversed(texts):
        cell = split_parts(text, EntryOrder.OLDEST_FIRST)
        newest = split_parts(text, EntryOrder.NEWEST_FIRST) if cell.detected is EntryOrder.UNKNOWN else None
        send((_key(text), _fields(cell), _fields(newest) if newest is not None else None))

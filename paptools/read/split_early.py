"""A plan's long texts split by a second process started as soon as the workbook is opened.

Finding the layout and walking the rows is a fifth of a large plan's read, and the second core
would wait through it for the Progress cells. This child does not wait: it takes every long
text of the workbook (its shared strings and the sheets' own strings, cleaned as a cell's text
is), and splits them from the last on, sending each split as it is made (forked.Feed), both
ways a cell may be read when its dates do not tell its order. This process splits the cells in
plan order, taking the child's split of a text once it has arrived; they meet in the middle
and neither waits. A text the child did not send, or sent differently (a cell the walk joins
or trims), is split here: the plan is the same.

The first of several versions (reconcile, report, pack; history's first) is split the same
way, `grown`: each split with what the next version's cell is read on from
(read/entries.py split_grown), kept by read/progress.py CellMemo.

This module loads nothing of the reader or the model: the child is started before they are
imported (api.read_plan) and imports what it splits with for itself, while this process
imports the same for its own part of the work; the model and the reader are imported here
where they are used, by then loaded.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from paptools.forked import Feed

if TYPE_CHECKING:
    from paptools.model import EntryDate, EntryOrder
    from paptools.read.entries import CellParts, Grown
    from paptools.read.split_ahead import Fields

__all__ = ["EARLY_BYTES", "EarlySplits"]

# A workbook whose sheets and shared strings are smaller than this (unpacked) is read before a
# child could help: about 40 actions' worth.
EARLY_BYTES = 150_000
_TEXT_PARTS = re.compile(r"xl/(worksheets/[^/]+|sharedStrings)\.xml$", re.IGNORECASE)
_LONG = 200  # characters: a shorter text is split in no time, here
_Key = tuple[int, int]
# What the child sends of one text: its split read oldest first, read newest first when its
# dates do not tell its order, and (grown) what the next version is read on from, without its text.
_Sent = tuple[_Key, "Fields", "Fields | None", "Grown | None"]


class EarlySplits:
    """The child splitting a plan's long texts, and what it has sent back so far."""

    def __init__(self, feed: Feed[_Sent]) -> None:
        self._feed = feed
        self._got: dict[_Key, tuple[Fields, Fields | None, Grown | None]] = {}
        self._dates: dict[tuple[int, int, int | None], EntryDate] = {}  # each date received, made once
        self.order: EntryOrder | None = None  # the plan's usual order, once the layout is known

    @classmethod
    def open(cls, path: Path, grown: bool = False) -> EarlySplits | None:
        """The child started on the workbook at `path`, or None when it holds too little text for
        a child to pay (or is no workbook at all: the reader will say so). `grown`: it sends what
        each cell's next version is read on from too (get_grown)."""
        try:
            with zipfile.ZipFile(path) as archive:
                held = sum(item.file_size for item in archive.infolist() if _TEXT_PARTS.match(item.filename))
        except (OSError, zipfile.BadZipFile, ValueError):
            return None
        if held < EARLY_BYTES:
            return None
        feed: Feed[_Sent] | None = Feed.start(lambda send: _split_all(path, send, grown))
        return cls(feed) if feed is not None else None

    def get(self, text: str) -> CellParts | None:
        """split_parts(text, self.order) as the child sent it; None when it has not (yet)."""
        found = self.get_grown(text)
        return found[0] if found is not None else None

    def get_grown(self, text: str) -> tuple[CellParts, Grown | None] | None:
        """split_grown(text, self.order, None) as the child sent it (opened `grown`; else the
        Grown is None); None when it has not sent it (yet)."""
        from paptools.model import EntryOrder
        from paptools.read.split_ahead import received

        text = text.strip()
        key = _key(text)
        found = self._got.get(key)
        if found is None:
            self._got.update((item[0], item[1:]) for item in self._feed.take())
            found = self._got.get(key)
            if found is None:
                return None
        oldest, newest, grown = found
        order = self.order or EntryOrder.UNKNOWN
        cell = received(text, newest if newest is not None and order is EntryOrder.NEWEST_FIRST else oldest,
                        self._dates)
        # a cell whose dates do not tell its order is read in the plan's usual order
        if cell.detected is EntryOrder.UNKNOWN:
            cell = cell._replace(order=order)
        # where the next version is read on from does not depend on the order; the split it holds does
        return cell, grown._replace(text=text, cell=cell, usual_order=order) if grown is not None else None

    def finish(self) -> None:
        """The child stopped: every cell is read."""
        self._feed.cancel()
        self._got.clear()


def _key(text: str) -> _Key:
    """What a text is known by between the two processes: its length and hash, not the text itself
    (a large plan's text would fill the pipe between them). The child is a fork, so the two hash
    a text alike (the same hash seed); two texts of one length share a 64-bit hash about once in
    10^16 pairs, where a digest from hashlib took longer to load (OpenSSL) than to use."""
    return len(text), hash(text)


def _split_all(path: Path, send: Callable[[_Sent], None], grown: bool) -> None:
    """In the child: each long text of the workbook split, from the last on, the first of them
    as soon as it is found (the rest of a large sheet is not read through first)."""
    from itertools import chain

    from paptools.model import EntryOrder
    from paptools.read.entries import split_grown, split_parts
    from paptools.read.package import Package
    from paptools.read.split_ahead import lean_grown, sent
    from paptools.read.text import clean_text

    package = Package(path)  # the child reads the workbook for itself
    strings, _, _ = package.shared_strings()
    found = chain((text for text in reversed(strings) if len(text) >= _LONG),
                  (text for sheet in reversed(package.sheets())
                   for text in package.long_inline_strings(sheet.path, _LONG, from_last=True)))
    done: set[str] = set()
    for text in map(clean_text, found):
        if len(text) < _LONG or text in done:
            continue
        done.add(text)
        if grown:
            cell, kept = split_grown(text, EntryOrder.OLDEST_FIRST, None)
        else:
            cell, kept = split_parts(text, EntryOrder.OLDEST_FIRST), None
        newest = split_parts(text, EntryOrder.NEWEST_FIRST) if cell.detected is EntryOrder.UNKNOWN else None
        send((_key(text), sent(cell), sent(newest) if newest is not None else None, lean_grown(kept)))

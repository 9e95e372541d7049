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
last on (read/split_early.py EarlySplits, which sends its splits as made here); the first of
several versions, whose cells are kept for the next version to be read on from, is split by a
child given its later Progress cells once they are known (Ahead, grown_ahead).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from sys import intern
from typing import Any, Generic, TypeVar

from paptools.forked import Forked
from paptools.model import EntryDate, EntryOrder
from paptools.read.entries import CellParts, Grown, split_grown

__all__ = ["MIN_CHARACTERS", "Ahead", "Fields", "grown_ahead", "received", "sent"]

# Below this much Progress text a fork costs more than it saves (about 50 actions' worth):
# measured on two cores, a 52-action plan gained nothing, a 200-action plan did.
MIN_CHARACTERS = 150_000

_Split = TypeVar("_Split")
_Work = TypeVar("_Work")
# A split as the child sends it: CellParts without its text, each date a plain tuple.
Fields = tuple[tuple[tuple[int, int, int | None] | None, ...], tuple[str | None, ...], tuple[int, ...],
               tuple[int, ...], tuple[str, ...], EntryOrder, EntryOrder]


def grown_ahead(texts: Sequence[str], order: EntryOrder) -> Ahead[tuple[CellParts, Grown | None]]:
    """split_grown(text, order, None) of the later texts, worked out by a forked child (see Ahead):
    a plan's first version read in turn (read/progress.py CellMemo keeps what the next version is
    read on from). Asks for nothing when forking would not pay or cannot be done."""
    def work(text: str) -> tuple[Fields, Grown | None]:
        cell, grown = split_grown(text, order, None)
        return sent(cell), grown._replace(text="", cell=_EMPTY) if grown is not None else None

    def arrived(text: str, found: tuple[Fields, Grown | None]) -> tuple[CellParts, Grown | None]:
        fields, grown = found
        cell = received(text.strip(), fields)
        return cell, grown._replace(text=cell.text, cell=cell) if grown is not None else None

    return Ahead(texts, work, arrived)


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


def sent(parts: CellParts) -> Fields:
    """A split without its text, its dates as plain tuples: what the child sends back."""
    dates = tuple((d.year, d.month, d.day) if d else None for d in parts.dates)
    return dates, parts.initials, parts.spans, parts.text_starts, parts.notes, parts.detected, parts.order


def received(text: str, fields: Fields) -> CellParts:
    """The split the child sent, made whole with the text this process holds."""
    dates, initials, spans, text_starts, notes, detected, order = fields
    return CellParts(text, tuple(EntryDate(*d) if d else None for d in dates),
                     tuple(intern(i) if i else None for i in initials),  # as the splitter keeps them
                     spans, text_starts, notes, detected, order)


_EMPTY = CellParts("", (), (), (), (), (), EntryOrder.UNKNOWN, EntryOrder.UNKNOWN)  # stands in for the cell sent

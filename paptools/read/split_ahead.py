"""A plan's Progress cells split on two processes at once, before its entries are built.

Splitting the Progress cells is most of a read, and each cell's split depends on its text and
the plan's usual entry order alone (read/entries.py split_parts, split_grown). On a machine with
two cores a forked child splits about half the text while this process splits the rest, and
sends back only what each split found (dates, initials, where each entry lies, notes): never the
plan, never the text, which the parent has (paptools/forked.py). The entries are then built
from these exactly as from a split made here, so the plan read is the same; a child that fails
costs nothing but the time, as every cell it did not send back is split here. Only when the
caller asks, and only when the text is long enough for it to pay.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from sys import intern
from typing import TypeVar

from paptools.forked import Forked, can_fork
from paptools.model import EntryDate, EntryOrder
from paptools.read.entries import CellParts, Grown, split_grown, split_parts

__all__ = ["MIN_CHARACTERS", "grown_ahead", "split_ahead"]

# Below this much Progress text a fork costs more than it saves (about 50 actions' worth):
# measured on two cores, a 52-action plan gained nothing, a 200-action plan did.
MIN_CHARACTERS = 150_000

_Split = TypeVar("_Split")
_Work = TypeVar("_Work")
# A split as the child sends it: CellParts without its text, each date a plain tuple.
_Fields = tuple[tuple[tuple[int, int, int | None] | None, ...], tuple[str | None, ...], tuple[int, ...],
                tuple[int, ...], tuple[str, ...], EntryOrder, EntryOrder]


def split_ahead(texts: Iterable[str], order: EntryOrder) -> dict[str, CellParts]:
    """split_parts(text, order) of each distinct text, half the work done by a forked child.

    Empty when forking would not pay or cannot be done: the caller then splits as usual.
    """
    def received(text: str, found: _Fields) -> CellParts:
        return _parts(text.strip(), found)

    return _ahead(texts, lambda text: _fields(split_parts(text, order)), received)


def grown_ahead(texts: Iterable[str], order: EntryOrder) -> dict[str, tuple[CellParts, Grown | None]]:
    """split_grown(text, order, None) of each distinct text, as split_ahead: a plan's first version
    read in turn (read/progress.py CellMemo keeps what the next version is read on from)."""
    def work(text: str) -> tuple[_Fields, Grown | None]:
        cell, grown = split_grown(text, order, None)
        return _fields(cell), grown._replace(text="", cell=_EMPTY) if grown is not None else None

    def received(text: str, found: tuple[_Fields, Grown | None]) -> tuple[CellParts, Grown | None]:
        fields, grown = found
        cell = _parts(text.strip(), fields)
        return cell, grown._replace(text=cell.text, cell=cell) if grown is not None else None

    return _ahead(texts, work, received)


def _ahead(texts: Iterable[str], work: Callable[[str], _Work],
           received: Callable[[str, _Work], _Split]) -> dict[str, _Split]:
    """`work` for each distinct text, half of them (by length) in a forked child, `received`
    making the child's answer whole; just this process's half when the child sends nothing."""
    distinct = list(dict.fromkeys(text for text in texts if text))
    total = sum(map(len, distinct))
    if total < MIN_CHARACTERS or not can_fork():
        return {}
    half, cut = 0, len(distinct)
    for index, text in enumerate(distinct):
        half += len(text)
        if 2 * half >= total:
            cut = index + 1
            break
    mine, theirs = distinct[:cut], distinct[cut:]
    child = Forked(lambda: [work(text) for text in theirs])
    done = {text: received(text, work(text)) for text in mine}
    try:
        answers = child.result()
    except Exception:  # whatever the child met, its cells are split here instead
        answers = []
    done.update((text, received(text, found)) for text, found in zip(theirs, answers))
    return done


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

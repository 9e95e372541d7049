"""A split as a second process sends it: the Progress cells split on two processes at once.

Splitting the Progress cells is most of a read, and each cell's split depends on its text and
the plan's usual entry order alone (read/entries.py split_parts, split_grown). On a machine with
two cores a forked child splits the workbook's long texts from the last on while this process
reads the plan and splits from the first on (read/split_early.py EarlySplits). The child sends
back only what each split found (dates, initials, where each entry lies, notes, and where the
next version is read on from): never the plan, never the text, which this process has
(paptools/forked.py). The entries are then built from these exactly as from a split made here,
so the plan read is the same; a child that fails costs nothing but the time, as every cell it
did not send back is split here.
"""
from __future__ import annotations

from sys import intern

from paptools.model import EntryDate, EntryOrder
from paptools.read.entries import CellParts, Grown

__all__ = ["Fields", "lean_grown", "received", "sent"]

# A split as the child sends it: CellParts without its text, each date a plain tuple.
Fields = tuple[tuple[tuple[int, int, int | None] | None, ...], tuple[str | None, ...], tuple[int, ...],
               tuple[int, ...], tuple[str, ...], EntryOrder, EntryOrder]


def sent(parts: CellParts) -> Fields:
    """A split without its text, its dates as plain tuples: what the child sends back."""
    dates = tuple((d.year, d.month, d.day) if d else None for d in parts.dates)
    return dates, parts.initials, parts.spans, parts.text_starts, parts.notes, parts.detected, parts.order


def received(text: str, fields: Fields, held: dict[tuple[int, int, int | None], EntryDate]) -> CellParts:
    """The split the child sent, made whole with the text this process holds; each date is the one
    `held` holds for it (a plan's entries share a few hundred dates, as the splitter's cache shares them)."""
    dates, initials, spans, text_starts, notes, detected, order = fields
    return CellParts(text, tuple((held.get(d) or held.setdefault(d, EntryDate(*d))) if d else None for d in dates),
                     tuple(intern(i) if i else None for i in initials),  # as the splitter keeps them
                     spans, text_starts, notes, detected, order)


def lean_grown(grown: Grown | None) -> Grown | None:
    """Where the next version is read on from, without the text and the split (sent besides)."""
    return grown._replace(text="", cell=_EMPTY) if grown is not None else None


_EMPTY = CellParts("", (), (), (), (), (), EntryOrder.UNKNOWN, EntryOrder.UNKNOWN)  # stands in for the cell sent

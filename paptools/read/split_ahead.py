"""A plan's Progress cells split on two processes at once, before its entries are built.

Splitting the Progress cells is most of a read, and each cell's split depends on its text and
the plan's usual entry order alone (read/entries.py split_parts). On a machine with two cores a
forked child splits about half the text while this process splits the rest, and sends back only
what each split found (dates, initials, where each entry lies, notes): never the plan, never the
text, which the parent has. The entries are then built from these exactly as from split_parts,
so the plan read is the same; a child that fails costs nothing but the time, as every cell it
did not send back is split here.

Only a caller that asks forks (the CLI does, on two cores or more; a library call does not
unless told), and only where os.fork exists and the text is long enough for it to pay.
"""
from __future__ import annotations

import os
import pickle
from collections.abc import Iterable
from sys import intern

from paptools.model import EntryDate, EntryOrder
from paptools.read.entries import CellParts, split_parts

__all__ = ["MIN_CHARACTERS", "split_ahead"]

# Below this much Progress text a fork costs more than it saves (about 50 actions' worth):
# measured on two cores, a 52-action plan gained nothing, a 200-action plan did.
MIN_CHARACTERS = 150_000


def split_ahead(texts: Iterable[str], order: EntryOrder) -> dict[str, CellParts]:
    """split_parts(text, order) of each distinct text, half the work done by a forked child.

    Empty when forking would not pay or cannot be done: the caller then splits as usual.
    """
    distinct = list(dict.fromkeys(text for text in texts if text))
    total = sum(map(len, distinct))
    if total < MIN_CHARACTERS or not hasattr(os, "fork"):
        return {}
    half, cut = 0, len(distinct)
    for index, text in enumerate(distinct):
        half += len(text)
        if 2 * half >= total:
            cut = index + 1
            break
    mine, theirs = distinct[:cut], distinct[cut:]
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's work is checked by what the parent receives
        _child(theirs, order, reader, writer)
    os.close(writer)
    split = {text: split_parts(text, order) for text in mine}
    with os.fdopen(reader, "rb") as pipe:
        sent = pipe.read()
    os.waitpid(child, 0)
    try:
        fields = pickle.loads(sent) if sent else []
    except (pickle.UnpicklingError, EOFError):  # a child that died half way: its cells are split here
        fields = []
    for text, found in zip(theirs, fields):
        dates = tuple(EntryDate(*date) if date else None for date in found[0])
        initials = tuple(intern(i) if i else None for i in found[1])  # as the splitter keeps them
        split[text] = CellParts(text.strip(), dates, initials, *found[2:])
    return split


def _child(texts: list[str], order: EntryOrder, reader: int, writer: int) -> None:
    """In the forked child: split the texts, send back what was found, and leave at once.

    os._exit leaves without the parent's exit work (its buffered output, its exit hooks).
    """
    code = 1
    try:
        os.close(reader)
        found = []
        for text in texts:
            parts = split_parts(text, order)
            dates = tuple((d.year, d.month, d.day) if d else None for d in parts.dates)
            found.append((dates, parts.initials, parts.spans, parts.text_starts, parts.notes, parts.detected,
                          parts.order))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(pickle.dumps(found, pickle.HIGHEST_PROTOCOL))
        code = 0
    finally:
        os._exit(code)

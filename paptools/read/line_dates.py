"""A note on each date that opens a line of a Progress cell but starts no entry.

A heading written in a way the splitter does not read ("14th January 2025 (Sarah Jones): ...",
"*14/01/25* ...") leaves its update as more of the entry above it, which a reconcile would then
call an edit of that entry. Such a date is rare otherwise (a date opening a line is read as a
heading wherever a separator, initials or a word follow it), so each one is a note with its
cell: the officer sees which line to look at, and nothing is guessed.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from paptools.read.dates import DateToken
from paptools.read.entry_order import MARK

__all__ = ["unread_line_dates"]

# What may stand before a date that opens a line: spaces, then a bullet or a number ("• ", "2. ").
_OPENING = re.compile(rf"[ \t]*(?:(?:{MARK})[ \t]*)?")
_REACH = 12  # the longest such opening read back from a date


def unread_line_dates(text: str, tokens: Sequence[DateToken], begun: Sequence[int], cut: int = 0) -> list[tuple[int, str]] | None:
    """(position, note) for each token that opens a line at which no entry begins (`begun`: where
    the entries read from `cut` on begin, in order); None when a line opening before the cut has
    such a date (then its reading depends on entries before the cut: the text is read whole)."""
    notes = []
    for token in tokens:
        newline = text.rfind("\n", max(0, token.start - _REACH), token.start)
        if newline < 0 and token.start > _REACH:
            continue  # the line starts further back: the date is inside it
        line = newline + 1
        if not _OPENING.fullmatch(text, line, token.start):
            continue
        at = bisect_left(begun, line)
        if at < len(begun) and begun[at] <= token.end:
            continue  # an entry begins on the line, at or before the date's end ("12 Jan24": at the month)
        if line < cut:
            return None
        notes.append((token.start, f"'{text[token.start:token.end]}' opens a line but not an entry (its heading is "
                                   "not written in a way paptools reads): the line is read as more of the entry "
                                   "above it"))
    return notes

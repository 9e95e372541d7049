"""A note on each date that opens a line of a Progress cell, or heads it, but starts no entry.

A heading written in a way the splitter does not read ("*14/01/25* ...", "14/01/25 | AB | ...")
leaves its update as more of the entry above it, which a reconcile would then call an edit of
that entry. Such a date is rare otherwise (a date opening a line is read as a heading wherever a
separator, initials or a word follow it), so each one is a note with its cell: the officer sees
which line to look at, and nothing is guessed. So is a date after a short label of the officer's
own that a separator follows ("Meeting held 14/01/25 - ...", but not "The panel met on 14/01/25 -
..."), or after initials alone ("AB 14/01/25 Met the panel ..."): the shape of a heading.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from paptools.read.dates import DateToken
from paptools.read.entry_order import MARK
from paptools.read.heading_words import INLINE_WORDS
from paptools.read.sentences import word_before

__all__ = ["unread_line_dates"]

# What may stand before a date that opens a line: spaces, then a bullet or a number ("• ", "2. ").
_OPENING = re.compile(rf"[ \t]*(?:(?:{MARK})[ \t]*)?")
_REACH = 12  # the longest such opening read back from a date
# A label heading its line before a date: a few words, no sentence ending among them, then a
# separator after the date ("Meeting held 14/01/25 - ..."); or initials alone ("AB 14/01/25 ...").
_LABEL = re.compile(rf"[ \t]*(?:(?:{MARK})[ \t]*)?[^\W\d_][^\n.;!?:]{{0,28}}?[ \t(\[]")
_INITIALS = re.compile(rf"[ \t]*(?:(?:{MARK})[ \t]*)?[A-Z][A-Za-z]?[A-Z][A-Za-z]?[ \t]+")
_HEADING_SEP = re.compile(r"[ \t]*[)\]]?[ \t]*(?:[:|]|[\-–—](?=[ \t]))")
_LABEL_REACH = 40
_CLOSED = re.compile(r"[ \t]*[)\]]")


def unread_line_dates(text: str, tokens: Sequence[DateToken], begun: Sequence[int], cut: int = 0) -> list[tuple[int, str]] | None:
    """(position, note) for each token that opens a line at which no entry begins (`begun`: where
    the entries read from `cut` on begin, in order); None when a line opening before the cut has
    such a date (then its reading depends on entries before the cut: the text is read whole)."""
    notes = []
    for token in tokens:
        newline = text.rfind("\n", max(0, token.start - _LABEL_REACH), token.start)
        if newline < 0 and token.start > _LABEL_REACH:
            continue  # the line starts further back: the date is inside it
        line = newline + 1
        at = bisect_left(begun, line)
        if at < len(begun) and begun[at] <= token.end:
            continue  # an entry begins on the line, at or before the date's end ("12 Jan24": at the month)
        opening = token.start - line <= _REACH and _OPENING.fullmatch(text, line, token.start) is not None
        # A label's date: not one a word keeps in its sentence ("The panel met on 14/01/25 - ..."), nor a
        # month in brackets, the period a figure is for ("Baseline (Sept 2024): 18%"); a day in them is an update's.
        labelled = not opening and (_INITIALS.fullmatch(text, line, token.start) is not None or (
            _HEADING_SEP.match(text, token.end) is not None and _LABEL.fullmatch(text, line, token.start) is not None
            and word_before(text, line, token.start) not in INLINE_WORDS
            and (token.date.day is not None or text[line:token.start].rstrip()[-1:] not in "([")))
        if not (opening or labelled):
            continue
        closed = _CLOSED.match(text, token.end)  # "NHS (14/01/25)" is shown with its bracket
        if line < cut:
            return None
        heading = text[line:closed.end() if closed else token.end].strip() if labelled else text[token.start:token.end]
        notes.append((token.start, f"'{heading}' opens a line but not an entry (its heading is not written in a way "
                                   "paptools reads): the line is read as more of the entry above it"))
    return notes

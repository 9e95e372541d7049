"""Where a sentence starts, read backwards from a position in a Progress cell.

A date heads an entry only where it opens the text, a line or a sentence (read/headings.py);
these helpers look back from the date no further than LOOKBACK characters, so a long cell is
never read from its start for each of its dates.
"""
from __future__ import annotations

import re

from paptools.read.entry_order import NUMBER_MARK

__all__ = ["BULLETS", "LOOKBACK", "at_sentence_start", "last_char", "sentence_head", "word_before"]

LOOKBACK = 80  # characters either side of a date that decide whether it heads an entry
BULLETS = "•·*▪‣◦-–"
_SENTENCE_BREAK = re.compile(r"(?:[.!?;]+[\s)\"']*\s|\n)\s*(?:[•·*▪‣◦\-–]\s+)?")


def last_char(text: str, floor: int, pos: int) -> str:
    """The last character before pos (and from floor) that is not whitespace, or ""."""
    while pos > floor and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos > floor else ""


def word_before(text: str, floor: int, pos: int) -> str:
    """The word just before a date ("in May 24" gives "in"), or "" when none touches it."""
    end = pos
    while end > floor and text[end - 1] in " \t":
        end -= 1
    if end == pos:
        return ""
    start = end
    while start > floor and (text[start - 1].isascii() and (text[start - 1].isalpha() or text[start - 1] in "/'")):
        start -= 1
    return text[start:end].lower()


def sentence_head(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts, looking back only as far as initials reach."""
    floor = max(0, pos - LOOKBACK)
    head = floor
    for match in _SENTENCE_BREAK.finditer(text, floor, pos):
        head = match.end()
    return head


_LINE_SPACE = frozenset(" \t\n" + BULLETS)
_NUMBERED = re.compile(rf"^[ \t]*(?:{NUMBER_MARK})\Z", re.M)


def at_sentence_start(text: str, pos: int) -> bool:
    """Whether `pos` opens the text, a line, or a sentence (judged from the text just before it)."""
    floor = max(0, pos - LOOKBACK)
    end = pos  # read backwards from pos, never past floor
    while end > floor and text[end - 1] in _LINE_SPACE:
        end -= 1
    if end == floor:  # only spaces, line breaks and bullets since floor
        pre = text[floor:pos]
        return floor == 0 or "\n" in pre or not pre.strip()
    end = pos  # the text stripped of spaces and tabs: it holds a character not in _LINE_SPACE
    while text[end - 1] in " \t":
        end -= 1
    if text[end - 1] == "\n":
        return True
    if text[end - 1] in BULLETS:
        end -= 1
        while end > floor and text[end - 1] in " \t":
            end -= 1
        if end > floor and text[end - 1] == "\n":
            return True
    if end == pos:
        return False  # a sentence's end is followed by a space
    if text[end - 1] in ".)" and _NUMBERED.search(text, max(floor, end - 8), end):
        return True  # after a number or a letter opening a line: "1) 12/03/24 Review ...", "(b) Jan 25 ..."
    while end > floor and text[end - 1] in " \t\n\r\f\v)\"'":
        end -= 1
    return end > floor and text[end - 1] in ".!?;"

"""What a heading holds, once read/headings.py has found where it begins: the entry's date, its
initials, and where the entry's own text begins after the separators and labels around them.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from paptools.model import EntryDate
from paptools.read.dates import date_at
from paptools.read.heading_words import BY_INITIALS, INITIALS, LABEL_AFTER_DATE, SEP, plausible_initials
from paptools.read.years import Yearless

__all__ = ["BRACKET_INITIALS", "HEAD_INITIALS", "SEP_AFTER_DATE", "Heading", "Start", "parse_heading", "skip"]

SEP_AFTER_DATE = re.compile(rf"\s*{SEP}(?!\d)")
# Initials after a date and its separator, then a separator or the end of the line: "Nov23: SL: ...",
# "13/01/2025 PD" with the entry's text on the lines below.
HEAD_INITIALS = re.compile(rf"\s*\.?\s*(?P<i>{INITIALS})(?:\s*{SEP}\s*|[ \t]*\n\s*)")
BRACKET_INITIALS = re.compile(rf"[ \t]*\((?P<i>{INITIALS})\)(?:\s*{SEP})?\s*")  # "15/01/2025 (JS) ..."
_INITIALS_COLON = re.compile(rf"(?P<i>{INITIALS})\s*:\s*")
_LEADING_SEP = re.compile(r"[\s:\-–—.]+")
# A heading's date alone on its line, then labelled lines: "Date: 14/01/25\nBy: AB\nUpdate: ...".
_BY_LINE = re.compile(rf"(?:by|author|officer|updated[ \t]+by)[ \t]*:[ \t]*(?P<i>(?-i:{INITIALS}))[ \t]*\n\s*", re.I)
_FIELD_LABEL = re.compile(r"(?:update|progress|comments?|notes?|details?)[ \t]*:[ \t]*", re.I)
_SPACES = re.compile(r"\s*")
_DATE_INITIALS = frozenset("0123456789JFMASONDjfmasond")


# Tuples, not dataclasses: a plan's cells hold thousands of headings, built and thrown away.
class Start(NamedTuple):
    pos: int  # where the entry's heading begins
    date: EntryDate | None
    date_end: int  # end of the date token (or of the initials for an undated heading)
    initials_first: str | None = None
    carry_date: bool = False
    plain: bool = False  # a heading kept in the entry's text, dated or not: "Q3 23/24: ...", "Sarah Jones 14/01/25: ..."
    yearless: Yearless | None = None  # a day and month with no year: "w/c 4 Nov: ...", dated later (read/years.py)


class Heading(NamedTuple):
    date: EntryDate | None
    initials: str | None
    body: int  # where the entry's own text begins


def skip(spaces: re.Pattern[str], text: str, pos: int, limit: int) -> int:
    """Where the spaces from pos end (never past limit)."""
    match = spaces.match(text, pos, limit)
    return match.end() if match else pos


def parse_heading(text: str, start: Start) -> Heading:
    """The entry's date, initials, and where its own text begins."""
    if start.plain:  # its heading ("Q3 23/24", "Sarah Jones 14/01/25: AB:") stays in its text
        return Heading(start.date, start.initials_first, start.pos)
    # A yearless heading ("w/c 4 Nov: AB: ...") is read as a dated one: a separator, then initials.
    if start.date is None and start.yearless is None:  # initials alone: "PC: ...", perhaps after a bullet
        match = _INITIALS_COLON.search(text, start.pos)
        if match is None:  # found as initials and a colon, so always there; kept whole if not
            return Heading(None, None, start.pos)
        return Heading(None, match.group("i"), match.end())
    initials = start.initials_first
    pos = start.date_end
    if sep := SEP_AFTER_DATE.match(text, pos) or LABEL_AFTER_DATE.match(text, pos):
        pos = sep.end()
    if initials is None:
        found = HEAD_INITIALS.match(text, pos) or BRACKET_INITIALS.match(text, pos) or BY_INITIALS.match(text, pos)
        if found and plausible_initials(found.group("i")):
            initials, pos = found.group("i"), found.end()
    # The same date written twice: "May 24: May 24 – PC: ..."
    next_start = skip(_SPACES, text, pos, len(text))
    again = date_at(text, next_start) if text[next_start : next_start + 1] in _DATE_INITIALS else None
    if (again and start.date is not None and again.date.year == start.date.year
            and again.date.month == start.date.month and (sep := SEP_AFTER_DATE.match(text, again.end))):
        pos = sep.end()
        found = HEAD_INITIALS.match(text, pos)
        if found and plausible_initials(found.group("i")):
            initials, pos = initials or found.group("i"), found.end()
    if lead := _LEADING_SEP.match(text, pos):
        pos = lead.end()
    if text.find("\n", start.date_end, pos) >= 0:  # the heading's line holds no more: "Date: 14/01/25\nBy: AB\nUpdate: ..."
        by = _BY_LINE.match(text, pos) if initials is None else None
        if by and plausible_initials(by.group("i")):
            initials, pos = by.group("i"), by.end()
        if label := _FIELD_LABEL.match(text, pos):
            pos = label.end()  # the label of the entry's text, not a word of it
    return Heading(start.date, initials, pos)

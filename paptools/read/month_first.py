"""A heading dated month first, US style: "01/14/25 HW: Terms of reference agreed".

Dates are read the UK way (read/dates.py), so "01/14/25" is no date at all (there is no month
14) and such a line was glued, unread, to the entry above. Where a line opens with a date that
reads only month first (its second number too big for a month, its first one) and then a
heading's separator, perhaps after initials, it is that date, with a note saying it was read
so. A date that reads either way ("03/04/25") is left to the UK reading; one inside a sentence
stays text.
"""
from __future__ import annotations

import calendar
import re

from paptools.model import EntryDate
from paptools.read.heading_parse import Start
from paptools.read.heading_words import INITIALS, SEP

__all__ = ["month_first_starts"]

_MONTH_FIRST = (
    r"[ \t]*(?P<date>(?P<m>0?[1-9]|1[0-2])(?P<s>[/.])(?P<d>1[3-9]|2\d|3[01])(?P=s)(?P<y>20\d\d|\d\d))(?![\d/.])"
    rf"(?=[ \t]*{SEP}|[ \t]+(?:{INITIALS})[ \t]*{SEP})"
)
# Found at the very start and after each line break, which the regex engine skips to at once.
_AT_START, _AFTER_BREAK = re.compile(_MONTH_FIRST), re.compile("\n" + _MONTH_FIRST)


def month_first_starts(text: str, cut: int, sources: list[tuple[int, Start]], notes: list[tuple[int, str]]) -> None:
    """Add a start, and a note, for each line from `cut` on that opens with a heading dated month first."""
    for found in [*(() if cut else filter(None, [_AT_START.match(text)])), *_AFTER_BREAK.finditer(text, max(cut - 1, 0))]:
        year, month, day = int(found.group("y")), int(found.group("m")), int(found.group("d"))
        year += 2000 if year < 100 else 0
        if day > calendar.monthrange(year, month)[1]:
            continue  # "02/30/25" is no date either way
        date = EntryDate(year, month, day)
        pos = found.start("date")
        notes.append((pos, f"'{found.group('date')}' read as {date.label()} (the month seems to be written first)"))
        sources.append((pos, Start(pos, date, found.end("date"))))

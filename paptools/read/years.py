"""A day and a month with no year heading a line of a Progress cell ("w/c 4 Nov: ...", "4th Nov -
...", "14/11: ...", or a month alone: "November: ..."), as officers often write them, and the year each takes from the cell's other entries.

read/headings.py finds these headings, each the start of an entry; read/entries.py gives each its
year once the cell's pieces are in order, as the year depends on the entries either side of it in
time: the first year that puts it on or after the entry written before it, unless that would put
it after the entry written after it. Each year so read is a note; a heading that cannot be dated
leaves its entry undated, the heading kept in its text.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from typing import NamedTuple

from paptools.model import EntryDate
from paptools.read.dates import MONTH, MONTHS
from paptools.read.entry_order import MARK
from paptools.read.text import ascii_lower

__all__ = ["Mark", "Yearless", "read_years", "yearless_headings"]


class Yearless(NamedTuple):
    """A day and a month heading a line with no year; its words are text[head:end] ("w/c 4 Nov"),
    the heading text[opens:closes], with its label and brackets ("Update (14 Jan)")."""

    day: int  # 0 for a month alone ("November: ...")
    month: int
    head: int
    end: int
    opens: int
    closes: int


# A piece of a cell dated by a yearless heading: its index among the pieces, the heading (None for
# initials under one, "PC: ...", which take its date), and where its own text begins once dated.
Mark = tuple[int, Yearless | None, int]

_LABEL = (r"(?:w/[bce]|w\.?c\.?|wk/?c|(?:week|wk)[ \t]+(?:commencing|beginning|ending|starting|of)"
          r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?)[ \t]*")
# After a line break and perhaps a bullet: a label, a day and a month's name, then a separator
# ("4 Nov was the deadline" is a sentence), not one before a year ("4 Nov - 2024: ..."). Found
# from each line break, which the regex engine skips to at once, and at the very start; it reads
# no further than a dated heading's date does (read/entries.py _REACH).
# A date's start just after a month-alone heading's separator ("21/03/24", "2024-03", "14 Jan",
# "14th of Jan"): a range or a heading of two dates, not a month heading ("January: 64 SENCOs ..." is).
_DATE_AHEAD = rf"\d{{1,4}}[/.\-]\d|\d{{1,2}}(?i:st|nd|rd|th)?(?:[ \t]+(?:-(?![ \t]))?|-[ \t]*)(?i:of[ \t]+)?(?i:{MONTH})"
_YEARLESS = (rf"[ \t]*(?:(?:{MARK})[ \t]*)?(?P<label>(?i:update[ds]?)[ \t]*(?=[\[(]))?(?P<ob>[\[(][ \t]*)?(?P<h>(?i:{_LABEL})?(?:(?P<d>[0-3]?\d)(?i:st|nd|rd|th)?"
             rf"(?:[ \t]+(?i:of[ \t]+)?|-)(?P<m>(?i:{MONTH}))\.?(?![A-Za-z])"
             r"|(?P<fd>[0-3]?\d)/(?P<fm>[01]?\d)(?![\d/])"  # or in figures: "14/11: ..."
             rf"|(?P<m2>(?i:{MONTH}))\.?[ \t]+(?P<d2>[0-3]?\d)(?i:st|nd|rd|th)(?![A-Za-z])"  # "Jan 14th: ..." ("Jan 14" is 2014)
             rf"|(?P<mo>(?i:{MONTH}))\.?(?:[ \t]+(?i:update|progress|position|review))?(?![A-Za-z])"  # "November: ..."
             rf"(?=[ \t]*[:\-–—][ \t]*(?![ \t]|(?i:{MONTH})|{_DATE_AHEAD}))))"  # not "Mar - Sept 2023:", "Mar - 21/03/24:"
             r"(?(ob)[ \t]*[\])](?:[ \t]*[:\-–—])?|[ \t]*[:\-–—])"  # "(14 Jan) ...", "Update [14 Jan]: ..."
             r"(?!\d|[ \t]*(?:19|20)\d\d(?!\d))")
_YEARLESS_LINE = re.compile("\n" + _YEARLESS)
_LEAP_YEAR = 2024  # where the 29th of February is a day


# Said of a cell's yearless headings read with no dated entry before them (read/progress.py reads
# such a cell again by the plan's date).
UNPLACED = "no dated entry was written before"
READ_AS = "' has no year: read as "  # in each note of a yearless heading given a date


def yearless_headings(text: str, cut: int = 0) -> list[Yearless]:
    """Each yearless heading opening a line whose words begin at or after cut: read from the line
    break before the cut, as spaces or a bullet may stand between it and the words."""
    found: list[Yearless] = []
    line = text.rfind("\n", 0, cut)
    if line < 0:  # the first line, read as if a line break came before it (one pattern to compile)
        end = text.find("\n")
        _add(found, _YEARLESS_LINE.match("\n" + (text[:end] if end >= 0 else text)), -1, cut)
        if end < 0:
            return found
    for match in _YEARLESS_LINE.finditer(text, max(line, 0)):
        _add(found, match, 0, cut)
    return found


def _add(found: list[Yearless], match: re.Match[str] | None, shift: int, cut: int) -> None:
    """The heading a match found, its places moved by `shift`, unless it begins before cut or names no day."""
    if match is None:
        return
    opens = match.start("label") if match.group("label") else match.start("ob") if match.group("ob") else match.start("h")
    if opens + shift < cut:
        return
    if match.group("m"):
        day, month = int(match.group("d")), MONTHS[ascii_lower(match.group("m"))]
    elif match.group("m2"):
        day, month = int(match.group("d2")), MONTHS[ascii_lower(match.group("m2"))]
    elif match.group("mo"):  # a month alone: its day is 0, the entry dated by the month
        day, month = 0, MONTHS[ascii_lower(match.group("mo"))]
    else:  # day/month: "01/25" (a month and year) has no month 25; "10/11" is no longer October 2011 (dates.py)
        day, month = int(match.group("fd")), int(match.group("fm"))
    if 1 <= month <= 12 and (day == 0 or 1 <= day <= calendar.monthrange(_LEAP_YEAR, month)[1]):
        closes = match.end() if match.group("ob") else match.end("h")  # a bracket's heading ends with it
        found.append(Yearless(day, month, match.start("h") + shift, match.end("h") + shift, opens + shift, closes + shift))


def read_years(text: str, dates: Sequence[EntryDate | None], marks: Sequence[Mark], newest_first: bool,
               notes: list[str], period: EntryDate | None = None,
               plan_date: EntryDate | None = None) -> list[EntryDate | None]:
    """The pieces' dates with each yearless heading's year read (None where it cannot be), and a
    note on each, in the order written.

    `dates` are the pieces' own, in the order they are written, None for a yearless heading and
    the initials under it. In time order (from the foot of a cell written newest first), each
    heading is read after the nearest entry before it that has a date, its own or one so read,
    and checked against the nearest after it dated by its own text. In a period column dated
    `period` ("Q3 2024/25 update": Dec 2024) the column gives the year instead (_in_period). With
    the plan's date, a heading with no dated entry before it is read on or before that date.
    """
    read = list(dates)
    headings = {index: found for index, found, _ in marks if found is not None}
    if period is not None:
        dated = {index: _in_period(text[found.head : found.end], found, period) for index, found in headings.items()}
        for index, found, _ in marks:
            read[index] = dated[index][0] if found is not None else read[index - 1]
        notes.extend(note for _, note in (dated[index] for index in sorted(dated)) if note)
        return read
    steps = range(len(read) - 1, -1, -1) if newest_first else range(len(read))
    after: dict[int, EntryDate | None] = {}
    later = None
    for index in reversed(steps):
        if index in headings:
            after[index] = later
        elif dates[index] is not None:
            later = dates[index]
    said: dict[int, str] = {}
    unplaced: list[int] = []  # headings with no dated entry before them
    earlier: EntryDate | None = None
    for index in steps:
        found = headings.get(index)
        if found is None:
            earlier = read[index] or earlier
            continue
        if earlier is None and plan_date is not None:
            read[index], said[index] = _by_plan_date(text[found.head : found.end], found, plan_date, after[index])
            earlier = read[index] or earlier
            continue
        if earlier is None:
            unplaced.append(index)
        read[index], said[index] = _year(text[found.head : found.end], found, earlier, after[index])
        if plan_date is not None and (when := read[index]) is not None and _after(when, plan_date):
            read[index], said[index] = None, (f"'{text[found.head : found.end]}' has no year and could not be dated: "
                                              f"after the entry written before it, it would be later than the "
                                              f"plan's date ({plan_date.label()})")
        earlier = read[index] or earlier
    for index, found, _ in marks:
        if found is None:  # initials under a yearless heading: its date (in the order written, so read by now)
            read[index] = read[index - 1]
    if len(unplaced) > 1:  # one note for the cell: "'January update', 'December update' ... have no year"
        unplaced.sort()
        words = [f"'{text[headings[index].head : headings[index].end]}'" for index in unplaced]
        for index in unplaced[1:]:
            del said[index]
        said[unplaced[0]] = (f"{', '.join(words[:-1])} and {words[-1]} have no year and could not be dated: "
                             f"{UNPLACED} them")
    notes.extend(said[index] for index in sorted(said))
    return read


def _year(heading: str, found: Yearless, earlier: EntryDate | None,
          later: EntryDate | None) -> tuple[EntryDate | None, str]:
    """The date a yearless heading reads as after `earlier` and not after `later`, and the note saying so."""
    if earlier is None:
        return None, f"'{heading}' has no year and could not be dated: {UNPLACED} it"
    ahead = (found.month, found.day) < (earlier.month, earlier.day or 0) if found.day else found.month < earlier.month
    year = earlier.year + (1 if ahead else 0)
    why = f"'{heading}' has no year and could not be dated: after the entry written before it ({earlier.label()})"
    if found.day > calendar.monthrange(year, found.month)[1]:
        return None, f"{why} it would fall in {year}, which has no {found.day} {calendar.month_abbr[found.month]}"
    when = EntryDate(year, found.month, found.day or None)
    # A later entry dated by its month alone is not before any day of that month.
    if later is not None and (later.year, later.month, later.day or found.day) < (year, found.month, found.day):
        return None, f"{why} it would be {when.label()}, later than the entry written after it ({later.label()})"
    return when, (f"'{heading}{READ_AS}{when.label()}, after the entry written before it "
                  f"({earlier.label()})")


def _after(when: EntryDate, plan_date: EntryDate) -> bool:
    return (when.year, when.month, when.day or 1) > (plan_date.year, plan_date.month, plan_date.day or 31)


def _by_plan_date(heading: str, found: Yearless, plan_date: EntryDate,
                  later: EntryDate | None) -> tuple[EntryDate | None, str]:
    """The first yearless heading of a cell with no dated entry before it, in the last year that puts
    it on or before the plan's date (a plan's updates are written before its version is saved)."""
    year = plan_date.year - (1 if (found.month, found.day) > (plan_date.month, plan_date.day or 31) else 0)
    if found.day > calendar.monthrange(year, found.month)[1]:
        return None, (f"'{heading}' has no year and could not be dated: on or before the plan's date "
                      f"({plan_date.label()}) it would fall in {year}, which has no {found.day} {calendar.month_abbr[found.month]}")
    when = EntryDate(year, found.month, found.day or None)
    if later is not None and (later.year, later.month, later.day or found.day) < (year, found.month, found.day):
        return None, (f"'{heading}' has no year and could not be dated: on or before the plan's date it would be "
                      f"{when.label()}, later than the entry written after it ({later.label()})")
    return when, (f"'{heading}{READ_AS}{when.label()}, the last on or before the plan's date "
                  f"({plan_date.label()}), as no entry written before it is dated")


def _in_period(heading: str, found: Yearless, period: EntryDate) -> tuple[EntryDate | None, str | None]:
    """A yearless heading in a column of the period ending `period`: the year that puts it nearest
    that month (the earlier where two are as near), so "Dec 3rd" under "Q3 2024/25 update" is 3 Dec
    2024. Said only when that falls outside the three months up to it, where the year is less sure."""
    def away(year: int) -> int:
        return year * 12 + found.month - (period.year * 12 + period.month)

    year = min((period.year - 1, period.year, period.year + 1), key=lambda y: (abs(away(y)), away(y)))
    if found.day > calendar.monthrange(year, found.month)[1]:
        return None, (f"'{heading}' has no year and could not be dated: nearest its column's period "
                      f"({period.label()}) it would fall in {year}, which has no {found.day} {calendar.month_abbr[found.month]}")
    when = EntryDate(year, found.month, found.day or None)
    if -2 <= away(year) <= 0:
        return when, None
    return when, f"'{heading}{READ_AS}{when.label()}, nearest its column's period ({period.label()})"

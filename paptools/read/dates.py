"""Dates as officers write them.

"Sep-23", "Nov23", "Sept 2023", "21/03/24", "13 December 2023", "January 25th 2025", "Nov.23",
"2014/05/23" are all dates, and so is "01/25" where a colon or a dash follows it (a heading);
"15 June", "23/24" and "Q1/Q2 24/25" are not (no year, or an academic year).
Dates are UK style: 07/01/24 is 7 January 2024.
"""
from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from paptools.model import EntryDate
from paptools.read.text import ascii_lower

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A year: 2023 or 23, but not 24th (a day), 23/24 (an academic year) or 2023456.
YEAR = r"(?:20\d\d|\d\d)(?!\d|/\d|(?:st|nd|rd|th)\b)"
# A month and year in figures ("01/25") is a date only as a heading: a colon or a dash follows
# ("01/25: SL: ..."). Elsewhere "12/30" is as likely a fraction or a score.
_NUMERIC_HEADING_END = r"[ \t]*(?::|[-\u2013\u2014][ \t])"
# A dash with spaces either side parts a month from the number after it: "Jan - 18 families",
# "14 Jan - 18 Jan 25" (a range). Excel's own forms join them: "Jan-18", "14-Jan-18".
_NO_SPACED_DASH = r"(?![ \t,]*[ \t]-[ \t])"
# A date starts a word with a digit or a month's initial: every other position is skipped at once.
# Its parts sit on one line: "rose by 5\nDec23" is a number ending a line, then a date.
_DATE = re.compile(
    rf"\b(?=[0-9JFMASONDjfmasond])(?:(?<![\d/.])(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:[ \t]+(?:-(?![ \t]))?|-[ \t]*)(?:of[ \t]+)?(?P<m1>{MONTH})\.?(?![a-z]){_NO_SPACED_DASH}[ \t,\-]*(?P<y1>{YEAR})"
    rf"|(?<![\d/.])(?P<d2>\d{{1,2}})(?P<sep>[/.\-])(?P<m2>\d{{1,2}})(?P=sep)(?P<y2>\d{{4}}|\d{{2}})(?![\d/])"
    rf"|(?<![\d\-])(?P<y3>20\d\d)-(?P<m3>\d\d)(?:-(?P<d3>\d\d))?(?![\d\-])"
    rf"|(?<![\d/.])(?P<y5>(?:19|20)\d\d)(?P<sep5>[/.])(?P<m5>\d{{1,2}})(?P=sep5)(?P<d5>\d{{1,2}})(?!\d|[/.]\d)"
    rf"|(?<![A-Za-z])(?P<m6>{MONTH})\.?[ \t]+(?P<d6>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y6>20\d\d)(?![\d/])"
    rf"|(?<![A-Za-z])(?P<m4>{MONTH})(?![a-z]){_NO_SPACED_DASH}[ \t\-/.']{{0,3}}(?P<y4>{YEAR})"
    rf"|(?<![\d/.])(?P<m7>\d{{1,2}})/(?P<y7>20\d\d|\d\d)(?![\d/])(?={_NUMERIC_HEADING_END}))",
    re.I,
)


class DateToken(NamedTuple):
    """A date found in a text: a tuple, as a long cell holds thousands of them."""

    start: int
    end: int
    date: EntryDate
    month_start: int | None = None  # where the month begins in "12 Jan24": the day may be text


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _build(year: int, month: int, day: int | None) -> EntryDate | None:
    if not 1 <= month <= 12 or not 1990 <= year <= 2099:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return EntryDate(year, month, day)


_PARSED: dict[str, EntryDate | None] = {}  # "Nov23", "Dec 23" ... recur in every plan


def _token(match: re.Match[str]) -> EntryDate | None:
    written = match.group(0)
    if written in _PARSED:
        return _PARSED[written]
    value = _parse_token(match)
    if len(_PARSED) < 50_000:
        _PARSED[written] = value
    return value


def _parse_token(match: re.Match[str]) -> EntryDate | None:
    g = match.group
    if g("m1"):
        return _build(_year(g("y1")), MONTHS[ascii_lower(g("m1"))], int(g("d1")))
    if g("m2"):
        return _build(_year(g("y2")), int(g("m2")), int(g("d2")))
    if g("m3"):
        return _build(int(g("y3")), int(g("m3")), int(g("d3")) if g("d3") else None)
    if g("m5"):
        return _build(int(g("y5")), int(g("m5")), int(g("d5")))
    if g("m7"):
        if len(g("y7")) == 2 and int(g("y7")) <= 12:  # "10/11:" is the 10th of November (read/years.py), not 2011
            return None
        return _build(_year(g("y7")), int(g("m7")), None)
    if g("m6"):
        return _build(int(g("y6")), MONTHS[ascii_lower(g("m6"))], int(g("d6")))
    return _build(_year(g("y4")), MONTHS[ascii_lower(g("m4"))], None)


# Where a date can start, found without trying the date pattern at every word (a long cell
# has a million of them). A superset of the starts, and _DATE decides at each:
# - a digit opening a word and shaped like the start of a date: "12 Jan", "12th of",
#   "12/", "2014/", "2023-" (not "292." or "470 in");
# - a month's name before a year ("Sept 2023", "Nov23"), found by reading the text backwards
#   from the year: the run of letters before it, its first three a month's. Letters are
#   those that match [A-Za-z] under IGNORECASE, as _DATE reads them ("ſ" is an "s").
_DIGIT_SHAPED = r"(?<!\w.)(?=\d?(?:[^\W\d]{2})?[ \t\-]|\d?[/.\-]|\d\d\d[/.\-])"
_DIGIT_START = re.compile(rf"[0-9]{_DIGIT_SHAPED}")
_LETTERS = "A-Za-z\u0130\u0131\u017f\u212a"
_MONTH_BEFORE_YEAR = re.compile(
    rf"\d\d*[ \t\-/.']{{0,3}}[{_LETTERS}]*(?<=(?i:naj|bef|ram|rpa|yam|nuj|luj|gua|pes|tco|von|ced))(?![{_LETTERS}])"
)
# For a text all in ASCII (most are), both kinds are found in one forward pass, from the
# digits alone: a digit opening a number shaped like a date (as _DIGIT_START), and the first
# digit of a number with a letter before it, but for up to three of [ \t\-/.'] (a year after
# a word: the word is then read back in Python, a month's if its first three letters are).
_YEAR_AFTER_WORD = r"(?:(?<=[A-Za-z].)|(?<=[A-Za-z][ \t\-/.'].)|(?<=[A-Za-z][ \t\-/.']{2}.)|(?<=[A-Za-z][ \t\-/.']{3}.))"
_ASCII_DIGIT = re.compile(rf"[0-9](?:(?P<start>{_DIGIT_SHAPED})(?P<year>{_YEAR_AFTER_WORD})?|(?P<only_year>{_YEAR_AFTER_WORD}))")
_ASCII_LETTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_MONTH_HEADS = frozenset(name[:3] for name in MONTHS)


def _candidates(text: str, lo: int = 0) -> list[int]:
    """Every position where _DATE could match, in order (and some where it cannot); from lo on, and some before."""
    if not text.isascii():
        found = [match.start() for match in _DIGIT_START.finditer(text, lo)]
        # Read backwards from the end to lo: a month's name that begins at lo or after is read
        # as in the whole text; one cut short at lo only adds a candidate at lo.
        end = len(text)
        found += [end - match.end() for match in _MONTH_BEFORE_YEAR.finditer(text[:lo - 1:-1] if lo else text[::-1])]
        found.sort()
        return found
    found = []
    letters = _ASCII_LETTER
    for match in _ASCII_DIGIT.finditer(text, lo):  # its lookbehinds still read the text before lo
        digit = match.start()
        if match.start("start") >= 0:
            found.append(digit)
            if match.start("year") < 0:
                continue
        last = digit - 1  # the word's last letter: at most three separators back
        while text[last] not in letters:
            last -= 1
        first = last
        while first > 0 and text[first - 1] in letters:
            first -= 1
        if last - first >= 2 and text[first : first + 3].lower() in _MONTH_HEADS:
            found.append(first)
    found.sort()
    return found


# "Q3 2023/24", "Q3 23/24", "Q3 2023-24" (a financial year) or "Q3 2023" (a calendar year).
QUARTER = re.compile(r"\bq\s*([1-4])\b\W*(?:(20\d\d)(?:\s*[/-]\s*(\d\d(?:\d\d)?))?|(\d\d)\s*/\s*\d\d\b)", re.I)


# A school term, ending in the month it ends: the autumn term in December, the spring term by
# April (it ends at Easter), the summer term in July. "Spring term 2025/26" is in 2026.
TERM = re.compile(
    r"\b(?P<term>autumn|spring|summer)\s+term\s*(?:of\s+)?(?P<y>20\d\d)(?:\s*[/-]\s*(?P<y2>\d\d(?:\d\d)?)\b)?(?![\d/])",
    re.I,
)
_TERM_ENDS = {"autumn": 12, "spring": 4, "summer": 7}
TERM_READ = ", the month the term ends"  # in the note on each Progress heading a term dates
# In the note on each Progress heading naming a season ("Winter 2024: ..."), which dates nothing.
SEASON_UNDATED = ("' names a season, not a month, so the entry it heads takes no date from it: write the month, "
                  "or the school term")

def term_end(match: re.Match[str]) -> EntryDate:
    """The month a school term TERM found ends in."""
    term = match.group("term").lower()
    year = int(match.group("y"))
    if match.group("y2") and term != "autumn":  # "Summer term 2025/26": the academic year's second calendar year
        year += 1
    return EntryDate(year, _TERM_ENDS[term])


def quarter_end(quarter: re.Match[str], financial: bool = False) -> EntryDate:
    """The last month of a quarter QUARTER found. A year written "2023/24" is a financial year
    (Q1 April to June, Q4 ending in March 2024), as is any year when `financial`."""
    number, year = int(quarter.group(1)), int(quarter.group(2) or 2000 + int(quarter.group(4)))
    if financial or quarter.group(3) or quarter.group(4):
        return EntryDate(year + (1 if number == 4 else 0), (6, 9, 12, 3)[number - 1])
    return EntryDate(year, number * 3)


_TIME = re.compile(r"(?:T| (?:at )?)(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?: ?[ap]m\b)?", re.I)


def find_dates(text: str, lo: int = 0, pos: int = 0) -> list[DateToken]:
    """Every date in the text that names at least a month and a year, in order.

    Text that looks like a date but is not one ("40 Dec23": no 40th) is passed over one
    character at a time, so the real date inside it ("Dec23") is still found. With `lo`,
    only the dates starting at lo or after, `pos` being where the last date before lo
    ended: the dates find_dates(text) gives from lo on (a date is found at each position
    _DATE matches at that no date before it covers, whichever candidates lead there).
    """
    tokens = []
    pos = max(pos, lo)
    match_at = _DATE.match
    for start in _candidates(text, lo):
        if start < pos:
            continue
        match = match_at(text, start)
        if match is None:
            continue
        value = _token(match)
        if value is None:
            continue  # the next candidate is after `start`, as a search from start + 1 would go
        pos = match.end()
        if value.day is not None and text[pos : pos + 1] in ("T", " ") and (time := _TIME.match(text, pos)):
            pos = time.end()  # "2024-11-04T09:30:00", "12/03/2024 14:30": the time belongs to the date
        month_start = match.start("m1")  # -1 when the date is not written "12 Jan24"
        tokens.append(DateToken(start, pos, value, month_start if month_start >= 0 else None))
    return tokens


def date_at(text: str, pos: int) -> DateToken | None:
    """The date starting exactly at pos, if there is one."""
    match = _DATE.match(text, pos)
    if match and (value := _token(match)):
        return DateToken(match.start(), match.end(), value, match.start("m1") if match.group("m1") else None)
    return None

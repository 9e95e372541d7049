"""The words and marks that may stand around a heading's date in a Progress cell, as patterns.

Initials ("AB", "H M-N"), the separators after a date, labels before it ("Update 14.03.24 -",
"w/c 3/3/25 -"), a name or a label of the officer's own ("Sarah Jones 14/01/25:", "Mid-Jan 25:"),
who wrote it ("(Sarah Jones)", "by JS -"), and the quarters, terms and seasons that head a line;
the words that keep a date in its sentence, and which capitals are plausibly somebody's initials.
read/headings.py and read/line_dates.py decide with them where each entry begins.
"""
from __future__ import annotations

import re
from functools import lru_cache

from paptools.read.dates import MONTH

__all__ = ["BRACKET_NAME", "BY_AUTHOR", "BY_INITIALS", "CLOSE", "CLOSE_PAREN", "INITIALS", "INLINE_WORDS", "LABEL_AFTER_DATE", "LINE_LABEL", "NOT_INITIALS", "PERIOD_FIRST", "PERIOD_LINE", "QUARTER_ANYWHERE", "QUARTER_HEADING", "SEP", "WORDS_LABEL", "plausible_initials"]

_UNIT = r"[A-Z][a-z]?(?:[A-Z][a-z]?){0,3}(?:-[A-Z][a-z]?)?"
INITIALS = rf"{_UNIT}(?:(?:\s*(?:&|\band\b|/|,)\s*|\s)(?:{_UNIT}))*"
SEP = r"[:\-–—]"
# What may open a line before a dated heading and belongs to it: a label ("Update
# 14.03.24 - ...", "Update as at 14/01/25: ...", "Update provided by AB on 14/01/25: ...",
# "Position at Jan 24: ...", "w/c 3/3/25 - ...", "P10 Jan 25: ...", the date in brackets:
# "Update (March 2025): ...") or an opening bracket ("[Mar 2024] ...", "[AB 10/11/24] ...").
LINE_LABEL = re.compile(
    r"[ \t]*(?:(?P<label>(?:latest\s+|progress\s+)?update[ds]?(?:\s+(?:no\.?\s*)?\d{1,3})?"
    r"(?:\s+(?:provided|given|submitted|supplied|received|added|written))?"  # "Update provided by AB on 14/01/25: ..."
    rf"(?:\s+(?:by|from)\s+(?P<lby>(?-i:{INITIALS})))?(?:\s+(?:as\s+(?:at|of)|on))?"
    r"|(?:month|period|p)[ \t]*\d{1,2}"  # a financial month: "Month 10 (Jan 25): ...", "P10 Jan 25: ..."
    r"|progress|(?:latest\s+|current\s+)?position(?:\s+as)?(?:\s+at)?"
    r"|as\s+(?:at|of)|status(?:\s+at)?|note|comment|review(?:ed)?(?:\s+date)?|milestone(?:\s+\d{1,3})?|date"
    r"|w/[ce]|week\s+(?:commencing|beginning|ending)"
    r"|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?)"  # a weekday: "Mon 13/01/25: ..."
    rf"[ \t]*(?P<sep>[:\-–—])?[ \t]*(?P<paren>\([ \t]*(?:(?P<by>{INITIALS})[ \t]*,[ \t]*)?)?"  # "Update (JS, 14/01/25)"
    rf"|(?:(?P<pre>(?-i:{INITIALS}))[ \t]+)?(?P<open>[\[(])[ \t]*"  # "[Mar 2024] ...", "JS (14/01/25): ..."
    rf"(?:(?P<inner>(?-i:{INITIALS}))(?:[ \t]*,[ \t]*|[ \t]+))?)",  # "[AB 10/11/24] ...", "[AB, 10/11/24] ...": whose, before the date
    re.I,
)
# A name or a label of the officer's own opening the line before a dated heading ("Sarah Jones
# 14/01/25: ...", "SEND Board 14.01.25 - ...", "Early Dec 24: ...", "Mid-Jan 25: ...", "Nov/Dec
# 24: ..."): capitalised words, "of", "and" or "&" between them, no figures. It may say who wrote
# the entry or where it was reported, so it stays in the entry's text (a plain heading).
WORDS_LABEL = re.compile(
    r"[ \t]*[A-Z][A-Za-z'’.]*(?:[ \t]+(?:(?:of|and|for|the|&)[ \t]+)?[A-Z][A-Za-z'’.]*){0,3}(?:[ \t]*[,\-–—/][ \t]*|[ \t]+)"
)
CLOSE_PAREN = re.compile(rf"[ \t]*(?:,[ \t]*(?P<by>{INITIALS})[ \t]*)?\)")  # "Update (14/01/25, JS)"
_NAME = r"[A-Z][A-Za-z'’.\-]*(?:[ \t]+[A-Z][A-Za-z'’.\-]*){0,3}"
# A name in brackets after a date that opens its line: "14th January 2025 (Sarah Jones): ..."; it stays in the text.
BRACKET_NAME = re.compile(rf"[ \t]*\({_NAME}\)")
# Who wrote it, after a labelled date: "Updated 14th January 2025 by JS - ..."; it stays in the text.
BY_AUTHOR = re.compile(rf"[ \t]+by[ \t]+(?:{_NAME}|{INITIALS})[ \t]*{SEP}(?!\d)")
BY_INITIALS = re.compile(rf"[ \t]+by[ \t]+(?P<i>{INITIALS})[ \t]*{SEP}(?!\d)[ \t]*")  # read as the heading's initials
# A label after the date, before the entry's text: "March 2025 update: ...", "Jan 25 progress - ...".
LABEL_AFTER_DATE = re.compile(rf"[ \t]+(?:progress[ \t]+)?(?:update|progress|position|review)[ \t]*{SEP}(?!\d)", re.I)
CLOSE = {"[": "]", "(": ")"}
# A quarter heading a line ("Q3 23/24: ..."): an entry of its own, undated (a quarter of a
# financial or an academic year is not a month).
# "Q3 (Oct-Dec 24): ...", "Q4 (Jan - Mar 2025) - ...": the quarter's months in brackets date it by
# its last month, as a range of months is dated.
_QUARTER = (rf"Q[1-4][ \t]*(?:20\d\d/\d\d|\d\d/\d\d|20\d\d|\([ \t]*(?i:{MONTH})(?:[ \t]*\d\d(?:\d\d)?)?(?:[ \t]*[\-–—/][ \t]*|[ \t]+to[ \t]+)"
            rf"(?P<last>(?i:{MONTH}))[ \t]*(?P<year>20\d\d|\d\d)[ \t]*\))")
QUARTER_HEADING = re.compile(rf"(?:^|(?<=\n))[ \t]*(?P<h>{_QUARTER})[ \t]*[:\-–—]")
# The same quarter anywhere: it starts with a letter the regex engine can skip to at once.
QUARTER_ANYWHERE = re.compile(rf"{_QUARTER}[ \t]*[:\-–—]")
# A school term or a season heading a line ("Autumn term 2024: ...", "Winter 2024 - ..."): an
# entry of its own, its heading kept in its text; a term is dated by the month it ends (as a
# term's period column is), a season is not a month. Found from each line break, which the
# engine skips to at once, and at the very start.
_PERIOD = (r"[ \t]*(?P<h>(?i:(?P<term>autumn|spring|summer)[ \t]+term|spring|summer|autumn|winter)[ \t]*"
           r"(?P<y>20\d\d)(?:[ \t]*/[ \t]*(?P<y2>\d\d(?:\d\d)?))?)[ \t]*[:\-–—](?!\d)")
PERIOD_LINE = re.compile("\n" + _PERIOD)
PERIOD_FIRST = re.compile(_PERIOD)
# Words after which a date belongs to the sentence: "in May 24", "by Dec 2023".
INLINE_WORDS = frozenset(
    ["in", "on", "by", "from", "until", "till", "to", "since", "of", "before", "after", "during", "for", "at", "around", "about", "commence", "commencing", "commenced", "end", "w/c", "dated", "than", "between", "and", "or", "early", "late", "mid", "due", "planned", "scheduled", "expected", "the", "this", "next", "last", "within", "into", "over", "through", "starting", "started", "beginning"]
)
# Capitals that head a sentence with a colon but are not anybody's initials.
NOT_INITIALS = frozenset(
    ["NB", "PS", "RE", "FYI", "TBC", "TBA", "ETA", "NA", "N/A", "OK", "AOB", "KPI", "KPIS", "DFE", "NHS", "NHSE", "ICB", "LA", "SEND", "EHCP", "CAMHS", "SALT", "ND", "LD", "PCF", "LIP", "EB", "DD", "HT", "GP", "CPS", "NCA"]
)


@lru_cache(maxsize=4096)  # the same few initials sign a whole plan's entries
def plausible_initials(initials: str, maximum: int = 10) -> bool:
    """Two to ten letters ("A section 75" is a word), not a known acronym, and not a short word
    written as one ("By 12/03/24: ..."; "BY" may be somebody's)."""
    letters = sum(map(str.isalpha, initials))
    return 2 <= letters <= maximum and initials.upper() not in NOT_INITIALS and initials not in _TITLE_WORDS


_TITLE_WORDS = frozenset(["By", "On", "In", "At", "To", "Of", "As", "If", "So", "No", "Do", "Be", "We", "It", "Is",
                          "An", "Or", "Up", "Us", "My", "Me", "He", "Go", "Am", "Wk"])

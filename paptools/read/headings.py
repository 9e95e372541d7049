"""Where an entry's heading begins in a Progress cell.

A date starts an entry only where it is written as a heading (read/entries.py says which
forms); this module finds those places; read/heading_parse.py reads what each heading holds.
The entries themselves are assembled in read/entries.py.
"""
from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

from paptools.model import EntryDate
from paptools.read.dates import MONTH, MONTHS, SEASON_UNDATED, TERM_READ, DateToken, date_at, find_dates, term_end
from paptools.read.entry_order import MARK
from paptools.read.heading_parse import (
    BRACKET_INITIALS,
    HEAD_INITIALS,
    SEP_AFTER_DATE,
    Heading,
    Start,
    parse_heading,
    skip,
)
from paptools.read.heading_words import (
    BRACKET_NAME,
    BY_AUTHOR,
    CLOSE,
    CLOSE_PAREN,
    INITIALS,
    INLINE_WORDS,
    LINE_LABEL,
    PERIOD_FIRST,
    PERIOD_LINE,
    QUARTER_ANYWHERE,
    QUARTER_HEADING,
    SEP,
    WORDS_LABEL,
    plausible_initials,
)
from paptools.read.line_dates import unread_line_dates
from paptools.read.month_first import month_first_starts
from paptools.read.sentences import BULLETS, LOOKBACK, at_sentence_start, last_char, sentence_head, word_before
from paptools.read.text import ascii_lower
from paptools.read.years import yearless_headings

__all__ = ["OPENING", "Before", "Heading", "Reading", "Start", "before_at", "read_starts"]

# Initials after a heading's date, then a separator or the end of the line ("13/01/2025 PD" with
# the entry's text on the lines below).
_INITIALS_THEN_SEP = re.compile(rf"\s*\.?\s*(?P<i>{INITIALS})(?:\s*{SEP}(?!\d)|[ \t]*(?=\n))")
_INITIALS_BEFORE_DATE = re.compile(rf"(?P<i>{INITIALS})\s*(?:{SEP}\s*)?")
# A bullet or a milestone's number heading a line ("• ", "(1) ", "1. ", "a) "), or a
# bracketed number anywhere ("... done (2) 2014/07/01: ..."): it belongs to the entry after it.
_LINE_BULLET = re.compile(rf"(?:(?:^|\n)[ \t]*(?P<line>{MARK})|(?<=[ \t])(?P<any>\(\d{{1,3}}\)))[ \t]*$")
_WORD_BEFORE = re.compile(r"([A-Za-z/']+)[ \t]+$")
# A month missing its first letter at the head of an entry: "un 24:" for "Jun 24:".
_CLIPPED_MONTHS = {name[1:3]: number for name, number in MONTHS.items() if len(name) == 3}


_SEP_CHARS = re.compile(r"[:\-–—]")
_INITIALS_ONLY = re.compile(rf"(?P<i>{INITIALS})\s*")
_CLIPPED_TAIL = re.compile(
    rf"(?<![A-Za-z])(?P<m>{'|'.join(_CLIPPED_MONTHS)})\.?[\s\-]?(?P<y>\d\d|20\d\d)\s*\Z", re.I
)
_WORD_THEN_SPACE = re.compile(r"\s+[A-Za-z]")
# The separators read_starts looks back from, found without visiting the others: one after
# a digit (perhaps a clipped month: "un 24:"), or a colon and a space after a letter (perhaps
# initials: "PC: "), each within three characters, as the loop reads them.
_SEP_TO_READ = re.compile(
    r"[:\-–—](?:(?<=\d.)|(?<=\d\s.)|(?<=\d\s\s.)|(?:(?<=\w:)|(?<=\w\s:)|(?<=\w\s\s:))(?=\s))"
)
_MARK_ENDS = frozenset("•·*▪‣◦-–.)")  # the last character of anything _LINE_BULLET finds


class Before(NamedTuple):
    """What reading a text up to `cut` leaves for the rest, so a text that grew at its end is
    read on from the cut (read/entries.py says when that gives what reading it whole gives)."""

    cut: int  # every date, separator and quarter before it was read from the earlier text
    pos: int  # where the date scan stood at the cut: the end of the last date before it
    body: int  # the body of the last start kept before the cut: no later start begins before it
    spans: tuple[tuple[int, int], ...]  # dated headings read before the cut whose (start, body) reach past it
    headings: tuple[tuple[int, Heading], ...]  # dated headings read before the cut ending near or after it, by date end


OPENING = Before(0, 0, -1, (), ())


class Reading(NamedTuple):
    """What read_starts read from a text, from a cut on, each thing with the position it was read at."""

    starts: list[tuple[Start, Heading]]  # the starts kept
    sources: list[tuple[int, Start]]  # every candidate start, by where it was read (a date, a separator, a quarter)
    tokens: list[DateToken]
    dated: list[tuple[int, Start, Heading]]
    notes: list[tuple[int, str]]  # each note, by the separator it was read at


def read_starts(text: str, before: Before = OPENING) -> Reading | None:
    """Where each entry's heading begins and what it holds, read from before.cut on, with notes on
    what was inferred; None when a start read after the cut would begin before it (then the
    text must be read whole)."""
    cut = before.cut
    tokens = find_dates(text, cut, before.pos)
    dated = []
    for token in tokens:
        found = _day_or_month(text, token) if token.month_start is not None else token
        if start := _dated_start(text, found):
            # A dated heading depends only on where its date ends, so it is parsed once here.
            dated.append((token.start, start, parse_heading(text, start)))
    headings = dict(before.headings)
    headings.update((start.date_end, heading) for _, start, heading in dated)
    sources: list[tuple[int, Start]] = [(source, start) for source, start, _ in dated]
    notes: list[tuple[int, str]] = []
    # Headings without a date token of their own end in a separator: look back from each one
    # that is not already inside a dated heading ("Nov23: SL:" holds two of them).
    covered = sorted([*before.spans, *((start.pos, headings[start.date_end].body) for _, start, _ in dated)])
    spans = iter(covered)
    span = next(spans, None)
    for match in _SEP_TO_READ.finditer(text, cut):
        sep = match.start()
        while span is not None and span[1] <= sep:
            span = next(spans, None)
        if span is not None and span[0] <= sep < span[1]:
            continue
        before_sep = text[max(0, sep - 3) : sep].rstrip()[-1:]
        clipped = before_sep.isdigit() and _CLIPPED_TAIL.search(text, max(0, sep - 12), sep)
        if clipped and at_sentence_start(text, clipped.start()):
            month = _CLIPPED_MONTHS[ascii_lower(clipped.group("m"))]
            year = int(clipped.group("y"))
            value = EntryDate(year + 2000 if year < 100 else year, month)
            notes.append((sep, f"'{text[clipped.start():sep].rstrip()}' read as the date {value.label()} "
                               "(a letter seems to be missing)"))
            sources.append((sep, Start(clipped.start(), value, clipped.end("y"))))
        if text[sep] == ":" and text[sep + 1 : sep + 2].isspace() and before_sep.isalpha():
            head = sentence_head(text, sep)
            while head < sep and (text[head].isspace() or text[head] in BULLETS):
                head += 1
            initials = _INITIALS_ONLY.fullmatch(text, head, sep)
            if (
                initials and head > 0
                and plausible_initials(initials.group("i"), maximum=8)
                and at_sentence_start(text, head)
            ):
                sources.append((sep, Start(head, None, head, carry_date=True)))
    month_first_starts(text, cut, sources, notes)  # "01/14/25 HW: ..." (read/month_first.py)
    for quarter in QUARTER_ANYWHERE.finditer(text, cut):  # quarters are rare: the engine skips to each "Q"
        line = QUARTER_HEADING.match(text, text.rfind("\n", 0, quarter.start()) + 1)
        if line and line.start("h") == quarter.start():
            when = _quarter_months(line) if line.group("last") else None
            sources.append((quarter.start(), Start(quarter.start(), when, quarter.start(), plain=True)))
    periods = [*(() if cut else filter(None, [PERIOD_FIRST.match(text)])), *PERIOD_LINE.finditer(text, max(cut - 1, 0))]
    for period in periods:
        when = term_end(period) if period.group("term") else None
        if when is not None:  # a term is months long: which one dates it is said
            notes.append((period.start("h"), f"'{period.group('h')}' read as {when.label()}{TERM_READ}"))
        else:  # a season is no month: that its entry is not dated by it is said
            notes.append((period.start("h"), f"'{period.group('h')}{SEASON_UNDATED}"))
        sources.append((period.start("h"), Start(period.start("h"), when, period.start("h"), plain=True)))
    for yearless in yearless_headings(text, cut):  # a dated heading at the same place comes first, and wins
        sources.append((yearless.opens, Start(yearless.opens, None, yearless.closes, yearless=yearless)))
    sources = [(source, _with_bullet(text, start)) for source, start in sources]
    if cut and any(start.pos < cut for _, start in sources):
        return None
    candidates = sorted((start for _, start in sources), key=_POS)
    # A heading can swallow a later candidate ("May 24: May 24 - PC:"): keep the first.
    starts: list[tuple[Start, Heading]] = []
    body = before.body
    for candidate in candidates:
        if candidate.pos < body:
            continue
        heading = headings.get(candidate.date_end) if candidate.date and not candidate.carry_date else None
        heading = heading or parse_heading(text, candidate)
        starts.append((candidate, heading))
        body = heading.body
    unread = unread_line_dates(text, tokens, [start.pos for start, _ in starts], cut)
    if unread is None:
        return None
    if unread or len(notes) > 1:  # in the order of the text (a term's note is found after the others)
        notes = sorted([*notes, *unread], key=_POS)
    return Reading(starts, sources, tokens, dated, notes)


def before_at(reading: Reading, earlier: Before, cut: int) -> Before | None:
    """What reading the text up to `cut` leaves (`reading` read it from earlier.cut <= cut on);
    None unless every candidate read before the cut begins before it and every other at or after it."""
    if any((source < cut) != (start.pos < cut) for source, start in reading.sources):
        return None
    pos = earlier.pos
    for token in reading.tokens:
        if token.start >= cut:
            break
        pos = token.end
    kept = [heading.body for start, heading in reading.starts if start.pos < cut]
    read = [(source, start, heading) for source, start, heading in reading.dated if source < cut]
    spans = [*earlier.spans, *((start.pos, heading.body) for _, start, heading in read)]
    headings = [*earlier.headings, *((start.date_end, heading) for _, start, heading in read)]
    return Before(cut, pos, kept[-1] if kept else earlier.body, tuple(span for span in spans if span[1] > cut),
                  tuple((end, heading) for end, heading in headings if end >= cut - _CLIPPED_REACH))


_CLIPPED_REACH = 16  # a clipped month's date ends at most this far before its separator


_POS = itemgetter(0)


def _quarter_months(line: re.Match[str]) -> EntryDate:
    """"Q3 (Oct-Dec 24)": the quarter's last month."""
    year = int(line.group("year"))
    return EntryDate(year + 2000 if year < 100 else year, MONTHS[ascii_lower(line.group("last"))])


def _day_or_month(text: str, token: DateToken) -> DateToken:
    """A day before a month and year written together counts only where it opens a sentence.

    "another 12 Jan24: done" is a number, then the heading "Jan24:"; "Intro. 5 Dec23: ..."
    is the 5th of December.
    """
    if token.month_start is None or at_sentence_start(text, token.start):
        return token
    month_year = text[token.month_start : token.end]
    if any(c.isspace() for c in month_year):
        return token
    return date_at(text, token.month_start) or token


def _with_bullet(text: str, start: Start) -> Start:
    """An entry on its own line begins at its bullet, so the bullet is not left behind."""
    pos = start.pos
    floor = max(0, pos - 40)
    end = pos  # a bullet ends just before the heading, but for spaces and one line break
    while end > floor and text[end - 1] in " \t\n":
        end -= 1
    if end == floor or text[end - 1] not in _MARK_ENDS:
        return start
    mark = text[end - 1]
    if mark in ".)" and not (end - 2 >= floor and (text[end - 2].isdecimal() or (mark == ")" and "a" <= text[end - 2] <= "z"))):
        return start  # a sentence's full stop, not "1." or "a)"
    bullet = _LINE_BULLET.search(text, floor, pos)
    if bullet:
        mark = "line" if bullet.group("line") else "any"
        return Start(bullet.start(mark), start.date, start.date_end, start.initials_first, start.carry_date,
                      start.plain, start.yearless)
    return start


def _labelled_start(text: str, token: DateToken) -> Start | None:
    """A dated heading after a label or a bracket that opens its line."""
    line_start = _line_start(text, token.start)
    if line_start is None or line_start == token.start:
        return None  # nothing before the date on its line: no label
    line = LINE_LABEL.fullmatch(text, line_start, token.start)
    if line is None:
        return None
    if line.group("open"):
        close = re.compile(rf"[ \t]*{re.escape(CLOSE[line.group('open')])}").match(text, token.end)
        pre, inner = line.group("pre"), line.group("inner")  # "JS (14/01/25)", "[AB 10/11/24]"; both: whose?
        if (pre and inner) or (pre is not None and not plausible_initials(pre)) or (
                inner is not None and not plausible_initials(inner) and not _ACRONYM.fullmatch(inner)):
            return None  # "[NHS 14/01/25] ...": in the bracket, a team's acronym says whose too
        return Start(line.start("pre" if pre else "open"), token.date, close.end(), initials_first=pre or inner) if close else None
    end, signed = token.end, line.group("lby") or line.group("by")
    if line.group("paren"):
        close = CLOSE_PAREN.match(text, end)
        if close is None:
            return None
        end, signed = close.end(), signed or close.group("by")
    initials = signed if signed and plausible_initials(signed) else None
    limit = end + LOOKBACK
    after = skip(_SPACES_TABS, text, end, limit)
    if (SEP_AFTER_DATE.match(text, end, limit) or _initials_follow(text, end, limit)
            or after == min(limit, len(text)) or text[after] == "\n" or BY_AUTHOR.match(text, end, limit)
            or (line.group("sep") == ":" and after > end)  # "Update: 13/01/25 Line staffed ..."
            or (text[after] == "(" and (BRACKET_INITIALS.match(text, end, limit) or BRACKET_NAME.match(text, end, limit)))):
        # "Update 14.10.24 (AB) ...", "Update 14/10/24 (Sarah Jones): ...": who wrote it, in brackets
        return Start(line.start("label"), token.date, end, initials_first=initials)
    return None


def _line_start(text: str, pos: int) -> int | None:
    """Where the line holding pos begins; None when that is more than 40 characters back (a
    label or a name before a heading's date is shorter)."""
    newline = text.rfind("\n", max(0, pos - 41), pos)
    if newline < 0:
        return 0 if pos <= 40 else None
    return newline + 1


_SPACES_TABS = re.compile(r"[ \t]*")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_MONTH_YEAR_FIGURES = re.compile(r"\d{1,2}/\d\d(?:\d\d)?")  # "01/25", read as a date only as a heading (dates.py)
_SPACES_THEN_SEP = re.compile(rf"(\s*)({SEP}(?!\d))?")  # the spaces, and SEP_AFTER_DATE's separator if it follows


def _dated_start(text: str, token: DateToken) -> Start | None:
    labelled = _labelled_start(text, token)
    if labelled is not None:
        return labelled
    start, end = _days_start(text, token), token.end
    if ("/" in text[start + 1 : start + 3] and _MONTH_YEAR_FIGURES.fullmatch(text, start, end)
            and not at_sentence_start(text, start)):
        return None  # "01/25:" heads an entry where it opens a line or a sentence; "scored 12/30: ..." does not
    limit = end + LOOKBACK  # what follows the date is read this far, as a slice of the text
    spaced = _SPACES_THEN_SEP.match(text, end, limit)  # always matches: the spaces may be none
    if spaced is None:
        return None
    separated = spaced.lastindex == 2  # SEP_AFTER_DATE matches here
    sentence_start = at_sentence_start(text, start)
    if sentence_start:  # "Oct 24 - Jan 25: ...", "Sept 24 to Dec 24: ...", "Dec 24 / Jan 25: ...": one heading dated by its end
        joined = (spaced.end() if separated and text[spaced.start(2)] != ":"
                  else to.end() if not separated and (to := _TO.match(text, end, limit)) else None)
        if joined is not None and (ranged := _range_end(text, joined, limit)):
            return ranged._replace(pos=start)
    after = spaced.end(1)
    following = text[after : after + 1] if after < limit else ""
    initialled = None
    bracketed = False  # "12/03/2024 (PS) ...": initials in brackets, even ones that spell a word
    if not separated and (following == "." or following.isupper()):
        initialled = _initials_follow(text, end, limit)
    elif not separated and following == "(" and (bracket := BRACKET_INITIALS.match(text, end, limit)):
        initialled = bracket.group("i") if plausible_initials(bracket.group("i")) else None
        bracketed = True
    elif not separated and following == "(" and BRACKET_NAME.match(text, end, limit):
        bracketed = True
    if not (separated or initialled or (sentence_start and (bracketed or _WORD_THEN_SPACE.match(text, end, limit)))):
        return None  # a date inside a sentence: by far the most common case
    floor = max(0, start - LOOKBACK)
    if last_char(text, floor, start) == "(" or following == ")":
        return None
    # "ED 19/03/2024 - ..." and "ED and H M-N - 19/03/2024 - ...": initials head the entry.
    line_start = _line_start(text, start) if separated and not sentence_start else None
    if separated and not sentence_start:
        if (text[spaced.start(2)] != ":" and date_at(text, skip(_SPACES_TABS, text, spaced.end(), limit))
                and _range_end(text, spaced.end(), limit) is None):
            return None  # "Between Sept 24 - Dec 24 we saw ...": a range in a sentence, no heading
        head = sentence_head(text, start)
        match = _INITIALS_BEFORE_DATE.fullmatch(text, head, start)
        if match and plausible_initials(match.group("i")) and at_sentence_start(text, head):
            return Start(head, token.date, end, initials_first=match.group("i"))
        if line_start is not None and WORDS_LABEL.fullmatch(text, line_start, start):
            return _plain_start(token, line_start, _signed(text, spaced.end()))
    if not sentence_start and word_before(text, floor, start) in INLINE_WORDS:
        return None
    # "Meeting held 14/01/25 - ...": the words before the date on its line are its heading's (kept in
    # the entry's text), not the end of the entry above
    if line_start is not None and _LINE_PHRASE.fullmatch(text, line_start, start):
        return _plain_start(token, line_start, _signed(text, spaced.end()))
    return Start(start, token.date, end)


# The first of the days a heading covers, before the dash and the date of the last ("14-18 Jan 25:",
# "14th - 18th January 2025 AB:", "14 Jan - 18 Jan 25:").
_FIRST_DAY = re.compile(rf"(?<![\w/.])\d{{1,2}}(?:st|nd|rd|th)?(?:[ \t]+(?:of[ \t]+)?{MONTH}\.?)?[ \t]*[-–—][ \t]*\Z", re.I)
_DASHES = frozenset("-–—")
# What else joins the two dates of a range heading: "Sept 24 to Dec 24:", "Dec 2024 / Jan 2025:", "Dec 24 & Jan 25 -".
_TO = re.compile(r"[ \t]+(?:to|and|&)[ \t]+|[ \t]*/[ \t]*", re.I)


def _days_start(text: str, token: DateToken) -> int:
    """Where a heading dated by the last of the days it covers begins: at the first day, where that
    opens a sentence; else at the date."""
    start = token.start
    if token.date.day is None or not _DASHES.intersection(text[max(0, start - 2) : start]):
        return start
    first = _FIRST_DAY.search(text, max(0, start - 30), start)
    return first.start() if first and at_sentence_start(text, first.start()) else start


def _range_end(text: str, pos: int, limit: int) -> Start | None:
    """A heading dated by the end of the months it covers, when a second date follows the first's
    dash and a separator or initials follow it ("Oct 24 - Jan 25: ...", "Sept 24 – Dec 24 AB: ..."):
    one entry, read from the second date on (its start is set by the caller)."""
    later = date_at(text, skip(_SPACES_TABS, text, pos, limit))
    if later is None or later.end > limit:
        return None
    if not (_signed(text, later.end) or SEP_AFTER_DATE.match(text, later.end)):
        return None
    return Start(pos, later.date, later.end)


# Words before a date on its line: each begins with a letter and holds no figure, bracket, comma or
# sentence ending ("Meeting held", "Agreed with parent-carer forum & heads"); a separator on its own is no word.
_LINE_PHRASE = re.compile(r"[ \t]*(?:(?:[^\W\d_][^\s\d.,;!?:()\[\]|]*|&)[ \t]+){1,8}")


def _plain_start(token: DateToken, line_start: int, initials: str | None) -> Start:
    """A dated heading whose line's words before the date stay in the entry's text, signed by the
    initials after its separator if any ("SEND Board 14/01/25 - AB - ...")."""
    return Start(line_start, token.date, line_start, initials_first=initials, plain=True)


def _signed(text: str, pos: int) -> str | None:
    """The plausible initials and their separator at pos ("AB - ..."), if any."""
    found = HEAD_INITIALS.match(text, pos)
    return found.group("i") if found and plausible_initials(found.group("i")) else None


def _initials_follow(text: str, pos: int, limit: int) -> str | None:
    match = _INITIALS_THEN_SEP.match(text, pos, limit)
    if match and plausible_initials(match.group("i")):
        return match.group("i")
    return None

"""A Progress cell split into its entries: date, author initials, text.

Officers append updates to one cell in many forms: "Nov23: SL: ...", "Dec 23 SL: ...",
"Mar24 AW - ...", "21/03/24: AB: ...", "18/06/2024 - ED & H M-N - ...", "ED 19/03/2024 - ...",
run on after a full stop or without one, or on new lines, oldest or newest first.
A date starts an entry only where it is written as a heading: followed by a colon or a
dash, by initials and a colon or dash, or opening a sentence. A date inside a sentence
("by end of Dec 2023", "in May 24", "(May 25)") is part of the text. Whatever comes before
the first dated heading is an undated entry of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTHS, YEAR, DateToken, date_at, find_dates
from .model import Entry, EntryDate

_UNIT = r"[A-Z][a-z]?(?:[A-Z][a-z]?){0,3}(?:-[A-Z][a-z]?)?"
INITIALS = rf"{_UNIT}(?:(?:\s*(?:&|\band\b|/|,)\s*|\s)(?:{_UNIT}))*"
_SEP = r"[:\-–—]"
_INITIALS_THEN_SEP = re.compile(rf"\s*\.?\s*(?P<i>{INITIALS})\s*{_SEP}(?!\d)")
_SEP_AFTER_DATE = re.compile(rf"\s*{_SEP}(?!\d)")
_LEADING_SEP = re.compile(rf"[\s:\-–—.]+")
_HEAD_INITIALS = re.compile(rf"\s*\.?\s*(?P<i>{INITIALS})\s*{_SEP}\s*")
_INITIALS_COLON = re.compile(rf"(?P<i>{INITIALS})\s*:\s*")
_INITIALS_HEAD = re.compile(rf"(?<![A-Za-z])(?P<i>{INITIALS})\s*:\s")
_SENTENCE_BREAK = re.compile(r"(?:[.!?;]+[\s)\"']*\s|\n)\s*(?:[•·*▪‣◦\-–]\s+)?")
_LINE_BULLET = re.compile(r"(?:^|\n)[ \t]*([•·*▪‣◦\-–])[ \t]*$")
_BULLET_START = re.compile(r"^\s*(?:[•·*▪‣◦\-–]\s+)?$")
_WORD_BEFORE = re.compile(r"([A-Za-z/']+)[ \t]+$")
# Words after which a date belongs to the sentence: "in May 24", "by Dec 2023".
_INLINE_WORDS = frozenset(
    "in on by from until till to since of before after during for at around about "
    "commence commencing commenced end w/c dated than between and or early late mid "
    "due planned scheduled expected the this next last within into over through "
    "starting started beginning".split()
)
# Capitals that head a sentence with a colon but are not anybody's initials.
_NOT_INITIALS = frozenset(
    "NB PS RE FYI TBC TBA ETA NA N/A OK AOB KPI KPIS DFE NHS NHSE ICB LA SEND EHCP"
    " CAMHS SALT ND LD PCF LIP EB DD HT GP CPS NCA".split()
)
# A month missing its first letter at the head of an entry: "un 24:" for "Jun 24:".
_CLIPPED_MONTHS = {name[1:3]: number for name, number in MONTHS.items() if len(name) == 3}
_CLIPPED = re.compile(
    rf"(?<![A-Za-z])(?P<m>{'|'.join(_CLIPPED_MONTHS)})\.?[\s\-]?(?P<y>{YEAR})(?=\s*{_SEP})",
    re.I,
)


@dataclass(frozen=True)
class _Start:
    pos: int  # where the entry's heading begins
    date: EntryDate | None
    date_end: int  # end of the date token (or of the initials for an undated heading)
    initials_first: str | None = None
    carry_date: bool = False


def split_entries(text: str) -> tuple[tuple[Entry, ...], list[str]]:
    """The entries of one Progress cell, and notes on anything read by inference."""
    text = text.strip()
    if not text:
        return (), []
    notes: list[str] = []
    starts = _find_starts(text, notes)
    entries: list[Entry] = []
    opening = text[: starts[0].pos].strip() if starts else text
    if opening:
        entries.append(Entry(None, None, None, opening, opening))
    for index, start in enumerate(starts):
        end = starts[index + 1].pos if index + 1 < len(starts) else len(text)
        entries.append(_entry(text, start, end, entries))
    return tuple(entries), notes


def _find_starts(text: str, notes: list[str]) -> list[_Start]:
    candidates: list[_Start] = []
    for token in find_dates(text):
        start = _dated_start(text, token)
        if start:
            candidates.append(start)
    for match in _CLIPPED.finditer(text):
        if _at_sentence_start(text, match.start()):
            month = _CLIPPED_MONTHS[match.group("m").lower()]
            year = int(match.group("y"))
            value = EntryDate(year + 2000 if year < 100 else year, month)
            notes.append(f"'{match.group(0)}' read as the date {value.label()} (a letter seems to be missing)")
            candidates.append(_Start(match.start(), value, match.end()))
    for match in _INITIALS_HEAD.finditer(text):
        initials = match.group("i")
        letters = re.sub(r"[^A-Za-z]", "", initials)
        if (
            2 <= len(letters) <= 8
            and initials.upper() not in _NOT_INITIALS
            and _at_sentence_start(text, match.start())
            and match.start() > 0
        ):
            candidates.append(_Start(match.start(), None, match.start(), carry_date=True))
    candidates = [_with_bullet(text, c) for c in candidates]
    candidates.sort(key=lambda s: s.pos)
    # A heading can swallow a later candidate ("May 24: May 24 - PC:"): keep the first.
    starts: list[_Start] = []
    for candidate in candidates:
        if starts and candidate.pos < _heading_end(text, starts[-1]):
            continue
        starts.append(candidate)
    return starts


def _with_bullet(text: str, start: _Start) -> _Start:
    """An entry on its own line begins at its bullet, so the bullet is not left behind."""
    bullet = _LINE_BULLET.search(text, 0, start.pos)
    if bullet:
        return _Start(bullet.start(1), start.date, start.date_end, start.initials_first, start.carry_date)
    return start


def _dated_start(text: str, token: DateToken) -> _Start | None:
    pre, post = text[: token.start], text[token.end :]
    if pre.rstrip().endswith("(") or post.lstrip().startswith(")"):
        return None
    separated = bool(_SEP_AFTER_DATE.match(post))
    initialled = _initials_follow(post)
    sentence_start = _at_sentence_start(text, token.start)
    # "ED 19/03/2024 - ..." and "ED and H M-N - 19/03/2024 - ...": initials head the entry.
    if separated and not sentence_start:
        head = _sentence_head(text, token.start)
        match = re.fullmatch(rf"(?P<i>{INITIALS})\s*(?:{_SEP}\s*)?", text[head : token.start])
        if match and _plausible_initials(match.group("i")) and _at_sentence_start(text, head):
            return _Start(head, token.date, token.end, initials_first=match.group("i"))
    word = _WORD_BEFORE.search(pre)
    if word and word.group(1).lower() in _INLINE_WORDS and not sentence_start:
        return None
    if separated or initialled:
        return _Start(token.start, token.date, token.end)
    if sentence_start and re.match(r"\s+[A-Za-z]", post):
        return _Start(token.start, token.date, token.end)
    return None


def _initials_follow(post: str) -> str | None:
    match = _INITIALS_THEN_SEP.match(post)
    if match and _plausible_initials(match.group("i")):
        return match.group("i")
    return None


def _plausible_initials(initials: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", initials)
    if not 2 <= len(letters) <= 10 or initials.upper() in _NOT_INITIALS:
        return False
    units = re.findall(_UNIT, initials)
    # A lone capital ("A section 75") is a word, not initials.
    return len(units) > 1 or len(letters) > 1


def _sentence_head(text: str, pos: int) -> int:
    head = 0
    for match in _SENTENCE_BREAK.finditer(text, 0, pos):
        head = match.end()
    return head


def _at_sentence_start(text: str, pos: int) -> bool:
    pre = text[:pos]
    if _BULLET_START.match(pre):
        return True
    stripped = pre.rstrip(" \t")
    if stripped.endswith("\n"):
        return True
    stripped = re.sub(r"[•·*▪‣◦\-–]$", "", stripped).rstrip(" \t")
    if stripped.endswith("\n") or not stripped:
        return True
    return bool(re.search(r"[.!?;][\s)\"']*$", stripped)) and pre != stripped


def _heading_end(text: str, start: _Start) -> int:
    return _parse_heading(text, start)[2]


def _parse_heading(text: str, start: _Start) -> tuple[EntryDate | None, str | None, int]:
    """The entry's date, initials, and where its own text begins."""
    if start.date is None:  # an initials-only heading: "PC: ..."
        match = _INITIALS_COLON.match(text, start.pos)
        return None, match.group("i"), match.end()
    initials = start.initials_first
    pos = start.date_end
    if sep := _SEP_AFTER_DATE.match(text, pos):
        pos = sep.end()
    if initials is None:
        found = _HEAD_INITIALS.match(text, pos)
        if found and _plausible_initials(found.group("i")):
            initials, pos = found.group("i"), found.end()
    # The same date written twice: "May 24: May 24 – PC: ..."
    again = date_at(text, _skip_spaces(text, pos))
    if again and again.date.month_of == start.date.month_of and (sep := _SEP_AFTER_DATE.match(text, again.end)):
        pos = sep.end()
        found = _HEAD_INITIALS.match(text, pos)
        if found and _plausible_initials(found.group("i")):
            initials, pos = initials or found.group("i"), found.end()
    if lead := _LEADING_SEP.match(text, pos):
        pos = lead.end()
    return start.date, initials, pos


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _entry(text: str, start: _Start, end: int, previous: list[Entry]) -> Entry:
    date, initials, body_start = _parse_heading(text, start)
    if start.carry_date and previous:
        date = previous[-1].date
    raw = text[start.pos : end].strip()
    body = text[min(body_start, end) : end].strip()
    return Entry(date, initials, None, body, raw)

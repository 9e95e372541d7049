"""The due months in a Timescale cell: the original one, and the latest revised one.

Officers write a deadline as a month ("Nov-23", "31/03/2025"), a span ("April 2025 - March
2026", due at its end), a school term ("Summer term 2025", due when it ends), a financial or
an academic year by name ("financial year 2025/26": March 2026), and revise it in words
("Revised date: Jun-25", "Sep-25 (originally Mar-25)", "Jan 25 -> Apr 25"). What cannot be
read as one month ("Ongoing", "Spring 2025", "2025/26") gives no due month and says why.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from paptools.model import EntryDate, Month, Timescale
from paptools.read.dates import MONTH, QUARTER, TERM, DateToken, find_dates, quarter_end, term_end
from paptools.read.refs import MANY, of_actions
from paptools.read.struck import struck_spans
from paptools.read.text import clean_text
from paptools.read.xcell import row_of

__all__ = ["parse_timescale"]

_REVISION = re.compile(
    r"\b(?:revised|new\s+(?:timescale|date|deadline|target)|extended|re-?profiled|"
    r"moved|changed|deferred|postponed|rescheduled|now)\b|→|->|=>|⇒",
    re.I,
)
# What may stand between a revision word and the date it introduces ("Revised date: ").
_REVISION_GAP = re.compile(
    r"^(?:[\s:;,.\-–—()]|\b(?:date|timescale|deadline|target|to|until|till|is|now|of|by|for|completion|again)\b)*$",
    re.I,
)
# Words that introduce the month a deadline had before it was revised: "(originally Mar-25)",
# "(was due April 2025)", "revised from Jan 2025".
_ORIGINAL = re.compile(
    r"(?:\b(?:originally|previously|initially|was|original\s+(?:date|timescale|deadline|target))"
    r"|\b(?:revised|moved|changed|extended|deferred|postponed|rescheduled|slipped|put\s+back)\s+from)"
    r"(?:\s+due)?[\s:;,(]*$",
    re.I,
)
# The end of a calendar year, named as such: "by end of 2025", "close of 2025".
# Not "end of 2025/26" (a financial or an academic year, which end in other months).
_YEAR_END = re.compile(r"\b(?:end|close)\s+of\s+(20\d\d)\b(?!\s*[/-]\s*\d)", re.I)
# What joins the two ends of a span of months: "Sept 2024 - July 2025", "Mar-25 to Jun-25".
_RANGE = re.compile(r"\s*(?:[-–—]|to|until|till|through)\s*", re.I)
# "July-25 (timescale revised)", "Mar-25 revised": the revision word closes the text.
_REVISED_AFTER = re.compile(r"^\s*[\-–—(]?\s*(?:timescale\s+|date\s+)?revised\s*[).]?\s*$", re.I)

# A financial year (ending in March) or an academic year (ending in August), named as such.
_NAMED_YEAR = re.compile(
    r"\b(?:(?P<kind>financial|academic|fin\.?|FY)\s*(?:year\s*)?(?P<a>20\d\d|\d\d)\s*[/-]\s*(?P<b>\d\d(?:\d\d)?)\b"
    r"|(?P<a2>20\d\d)\s*[/-]\s*(?P<b2>\d\d(?:\d\d)?)\s+(?P<kind2>financial|academic)\s+year)",
    re.I,
)
# A month that says when the work starts, with no end: "Jan 2025 - ongoing", "From Jan 2025",
# "Sept 2024 onwards". Not "Ongoing (review Mar-25)", where the month is the next deadline.
_ONGOING_AFTER = re.compile(r"[\s,;:]*(?:(?:[-–—]|to|and)\s*)?(?:ongoing|onwards?|continuing|and\s+beyond)\b", re.I)
_START_BEFORE = re.compile(r"\b(?:from|starting|started|starts|commencing|commenced|beginning|began)\s*:?\s*$", re.I)
# A month in figures, its year in four ("03/2025", "3.2025"): in a Timescale cell, a month. With a year
# of two ("03/25") only as the cell's whole text, perhaps after "by": elsewhere it may be a fraction.
_IN_FIGURES = re.compile(r"(?<![\d/.\-])(0?[1-9]|1[0-2])[/.](20\d\d)(?![\d/.\-])")
_IN_FIGURES_ALONE = re.compile(r"\s*(?:by\s+|end\s+(?:of\s+)?)?(0?[1-9]|1[0-2])[/.](\d\d)\s*", re.I)
_MONTH_NO_YEAR = re.compile(rf"\b{MONTH}\b(?!\s*[\-/'.]?\s*\d)", re.I)
_SEASON = re.compile(r"\b(?:spring|summer|autumn|winter)\s*(?:20\d\d|'?\d\d)\b", re.I)
_YEAR_SPAN = re.compile(r"\b(20\d\d)\s*[/-]\s*(\d\d(?:\d\d)?)\b")


def parse_timescale(value: object, financial_quarters: bool = False,
                    struck: tuple[str, ...] = ()) -> tuple[Timescale, str | None]:
    """The Timescale cell read into due months, with a message when it could not be read for certain.

    The first month not introduced by a revision word is the original due month; the last one
    introduced by one ("Revised date:", "New timescale:", "->", "(timescale revised)") is the
    latest revised month. A month introduced as the earlier one ("originally", "was",
    "revised from") is the original, and the month written without a word is then the revised
    one. Other months in the text ("contract register completed June 24") are context, not
    deadlines; several months with no word to say which is the deadline are reported. A
    quarter ("Q3 2024/25") is a month only when the house style says the plan's quarters are
    the financial year's (`financial_quarters`): plans mix financial and academic years. A
    month in text the officer struck through (`struck`: the cell's struck-through runs) is the
    earlier one, as if introduced by "originally".
    """
    if isinstance(value, (datetime, date)):
        month = Month(value.year, value.month)
        return Timescale(value.strftime("%b-%y"), month, None), None
    text = clean_text(value)
    if not text:
        return Timescale("", None, None), None
    markers = list(_REVISION.finditer(text))
    tokens = _months(text, financial_quarters)
    if not markers:  # "April 2025 - March 2026": the work runs until its end, the due month
        tokens = [t for n, t in enumerate(tokens)
                  if n + 1 == len(tokens) or not _RANGE.fullmatch(text, t.end, tokens[n + 1].start)]
    if len(tokens) == 1 and not markers and (_ONGOING_AFTER.match(text, tokens[0].end)
                                            or _START_BEFORE.search(text, 0, tokens[0].start)):
        start = tokens[0].date.month_of
        return Timescale(text, None, None), (
            f"timescale '{text}' gives when the work starts ({start.label()}) and no end, so no due date is "
            "known: write the month it is due")
    original = revised = earlier = None
    others: list[Month] = []  # months after the first, with no word to place them
    crossed = struck_spans(text, struck)
    for n, token in enumerate(tokens):
        month = token.date.month_of
        previous = tokens[n - 1].end if n else 0
        if _ORIGINAL.search(text, previous, token.start) or any(a <= token.start < b for a, b in crossed):
            earlier = earlier or month
            continue
        before = [m for m in markers if m.end() <= token.start]
        attached = bool(before) and _REVISION_GAP.match(text[before[-1].end():token.start])
        # "revised from Jan 25 to Apr 25": the month the earlier one was revised to.
        attached = attached or (earlier is not None and n > 0 and _RANGE.fullmatch(text, previous, token.start))
        # "July-25 (timescale revised)": a revision word after the last date marks that date.
        marked_after = n == len(tokens) - 1 and _REVISED_AFTER.match(text[token.end:])
        if attached or marked_after:
            revised = month
        elif not before:
            if original is None:
                original = month
            else:
                others.append(month)
    if earlier is not None:  # "Sep-25 (originally Mar-25)": the month written plainly is the current one
        current = revised or original
        if current is None:
            return Timescale(text, earlier, None), (
                f"timescale '{text}' gives only the month it was first due, {earlier.label()}, which is used")
        return Timescale(text, earlier, current), None
    if original is None and revised is None:
        if (year_end := _YEAR_END.search(text)) and not markers:  # "by end of 2025": December 2025
            return Timescale(text, Month(int(year_end.group(1)), 12), None), None
        return Timescale(text, None, None), _no_month(text)
    if markers and revised is None and original is not None:
        return (
            Timescale(text, original, None),
            f"timescale '{text}' mentions a revision but gives no revised month; "
            f"the original month {original.label()} is used",
        )
    if others and original is not None:
        months = ", ".join(m.label() for m in (original, *others))
        return Timescale(text, original, revised), (
            f"timescale '{text}' gives more than one month ({months}) without saying which is the due "
            f"date; the first, {original.label()}, is used: if the deadline moved, write 'revised' before the new month")
    return Timescale(text, original, revised), None


def _months(text: str, financial_quarters: bool) -> list[DateToken]:
    """The months the text names, dates first, then terms, named years and months in figures that no
    date covers."""
    tokens = find_dates(text)
    named = [DateToken(m.start(), m.end(), term_end(m)) for m in TERM.finditer(text)]
    named += [DateToken(m.start(), m.end(), EntryDate(int(m.group(2)), int(m.group(1)))) for m in _IN_FIGURES.finditer(text)]
    if (alone := _IN_FIGURES_ALONE.fullmatch(text)) is not None:  # "03/25" and nothing else: March 2025
        named.append(DateToken(alone.start(1), alone.end(2), EntryDate(2000 + int(alone.group(2)), int(alone.group(1)))))
    named += [DateToken(m.start(), m.end(), end) for m in _NAMED_YEAR.finditer(text) if (end := _year_end(m))]
    if financial_quarters:
        named += [DateToken(q.start(), q.end(), quarter_end(q, True)) for q in QUARTER.finditer(text)]
    if not named:
        return tokens
    named = [t for t in named if not any(d.start < t.end and t.start < d.end for d in tokens)]
    return sorted([*tokens, *named])


def _year_end(match: re.Match[str]) -> EntryDate | None:
    """The last month of a named financial year (March) or academic year (August); None when
    its two years do not follow each other ("2025/27")."""
    kind = (match.group("kind") or match.group("kind2")).lower()
    first, second = (int(g) for g in (match.group("a") or match.group("a2"), match.group("b") or match.group("b2")))
    first += 2000 if first < 100 else 0
    if (second % 100) != (first + 1) % 100:
        return None
    return EntryDate(first + 1, 8 if kind == "academic" else 3)


def _no_month(text: str) -> str:
    """Why the text gives no due month, and what to write instead."""
    if QUARTER.search(text):
        return (f"timescale '{text}' names a quarter, not a month, so no due date is known: if the plan's "
                "quarters are the financial year's (Q1 April to June), say so in paptools.toml: "
                "quarters = \"financial year\"")
    if _SEASON.search(text):
        return (f"timescale '{text}' names a season, not a month, so no due date is known: write the month, "
                "or the school term ('Summer term 2025')")
    if span := _YEAR_SPAN.search(text):
        return (f"timescale '{text}' names the year {span.group(0)} but not whether it is the financial year "
                "(ending in March) or the academic year (ending in August), so no due date is known: "
                f"write the month, or 'financial year {span.group(0)}'")
    if _MONTH_NO_YEAR.search(text):
        return (f"timescale '{text}' names a month but no year, so no due date is known: write the year too, "
                "as in 'Sep-25'")
    return f"timescale '{text}' names no month, so no due date is known"


# A timescale problem whose advice holds whatever the text: "timescale 'Q3 2024/25' names a quarter ..."
_QUOTED_TIMESCALE = re.compile(r"timescale '(?P<text>.*)' (?=names (?:a quarter|a season|the year\b))", re.S)


def timescale_warnings(unread: dict[tuple[str, str], list[tuple[str, str]]],
                       warn: Callable[[str | None, str | None, str], None]) -> None:
    """A warning for each Timescale that could not be read for certain; one for a sheet's many
    cells of the same text ("Ongoing" on twelve actions), or of the same kind ("Q3 2024/25",
    "Q4 2024/25": each names a quarter), naming their actions."""
    kinds: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}  # (sheet, kind) -> cell, ref, problem, text
    for (sheet, problem), cells in unread.items():
        quoted = _QUOTED_TIMESCALE.match(problem)
        kind = f"each timescale {problem[quoted.end():]}" if quoted else problem
        kinds.setdefault((sheet, kind), []).extend(
            (cell, ref, problem, quoted.group("text") if quoted else "") for cell, ref in cells)
    for (sheet, kind), found in kinds.items():
        found.sort(key=lambda item: row_of(item[0]))
        problems = {problem for _, _, problem, _ in found}
        if len(found) < MANY:
            for cell, _, problem, _ in found:
                warn(sheet, cell, problem)
        elif len(problems) == 1:
            refs = [ref for _, ref, _, _ in found]
            warn(sheet, found[0][0], f"{problems.pop()} {of_actions(refs)}")
        else:
            listed = [f"{ref} '{text}'" for _, ref, _, text in found]
            warn(sheet, found[0][0], f"{kind} {of_actions(listed, 6)}")

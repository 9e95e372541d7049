"""Progress kept in one column per reporting period: which headers are periods, and their dates.

"Update Jan 24", "Q3 2023/24 update", "Position at March", "Sept update", "Spring term 2025
update" are periods; the
text in such a column is that period's progress and, where it gives no date, takes the
period's. "Baseline" and "Position at start" hold the starting position, and "Previous
updates" the earlier updates moved out of the Progress cell: their entries take no date from
the column. A month with no year takes its year from the periods beside it, left to right in time.
"""
from __future__ import annotations

import re

from paptools.model import EntryDate
from paptools.read.dates import MONTH, MONTHS, QUARTER, TERM, find_dates, quarter_end, term_end
from paptools.read.text import ascii_lower, normalise_label

_BASELINE = frozenset({
    "baseline", "position at start", "starting position", "baseline position", "initial position",
    "position at outset", "start position", "original position", "position at baseline", "baseline update",
})
# Earlier updates kept beside the latest ("Latest update" | "Previous updates"): read as
# progress too, so an update moved from one column to the other is neither new nor lost.
_EARLIER = re.compile(
    r"(?:previous|earlier|past|older|prior|historic(?:al)?|archived?)\s+(?:progress\s+)?(?:updates?|progress|commentary|comments?|narrative)"
    r"|(?:updates?|progress)\s+(?:history|archive)"
)
_PERIOD_WORD = re.compile(r"\b(?:updates?|position|progress|commentary|comments?|narrative|report|review|remarks|board|meeting)\b")
_STATUS_WORD = re.compile(r"\b(?:rag|brag|status|rating|confidence)\b")
_MONTH_WORD = re.compile(rf"\b({MONTH})\b", re.I)


def period_header(header: str) -> tuple[bool, EntryDate | None, int | None]:
    """What a period header says: (is it the baseline?, its date, a month given without a year).

    Only meaningful for a header `is_period` accepts.
    """
    label = normalise_label(header)
    if label in _BASELINE:
        return True, None, None
    quarter = QUARTER.search(header)
    if quarter:
        return False, quarter_end(quarter), None
    if term := TERM.search(header):  # "Spring term 2025 update": the month the term ends
        return False, term_end(term), None
    dates = find_dates(header)
    if dates:
        return False, dates[-1].date, None
    named = _MONTH_WORD.search(header)
    if named:
        return False, None, MONTHS[ascii_lower(named.group(1))[:3]]
    return False, None, None


_UPDATES_TITLE = re.compile(r"\b(?:updates?|progress|commentary|position|narrative|returns?)\b", re.I)


def updates_title(title: str) -> bool:
    """A sheet title that says it holds updates ("Updates", "Q1 2024-25 update", "Jan 25 progress")."""
    return bool(_UPDATES_TITLE.search(title))


def title_date(title: str) -> EntryDate | None:
    """The period a sheet's title names, read as a period column's header is ("Q1 2024-25 update":
    June 2024; "January 2025 progress": January 2025); None for a month without its year."""
    return period_header(title)[1]


def earlier_updates(header: str) -> bool:
    """A header of a column of earlier updates ("Previous updates", "Update history")."""
    return bool(_EARLIER.fullmatch(normalise_label(header)))


def is_period(header: str, in_progress_group: bool = False) -> bool:
    """A header that names a period of progress, not a progress column or a status per period."""
    label = normalise_label(header)
    if not label or len(header) > 60:
        return False
    if label in _BASELINE or _EARLIER.fullmatch(label):
        return True
    if _STATUS_WORD.search(label) and not _PERIOD_WORD.search(label):
        return False
    _baseline, when, month = period_header(header)
    dated = when is not None or month is not None
    return dated and (in_progress_group or bool(_PERIOD_WORD.search(label)))


def bare_period(header: str) -> bool:
    """A header that is nothing but a month, a quarter or a date ("Oct 25", "October", "Q1 24/25",
    a date cell): a period
    only where the column's cells say so (read/detect.py looks at them)."""
    text = header.strip(" .:")
    if _MONTH_WORD.fullmatch(text) or ((quarter := QUARTER.match(text)) and quarter.end() == len(text)):
        return True
    dates = find_dates(text)
    return len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(text)


def fill_years(found: list[tuple[EntryDate | None, int | None]]) -> list[EntryDate | None]:
    """Each period's date, a month without a year taking its year from its neighbours in order."""
    dates: list[EntryDate | None] = [when for when, _ in found]
    for n, (when, month) in enumerate(found):
        if when is not None or month is None:
            continue
        before = next((dates[k] for k in range(n - 1, -1, -1) if dates[k] is not None), None)
        if before is not None:
            dates[n] = EntryDate(before.year if month >= before.month else before.year + 1, month)
            continue
        after = next((d for _, d in ((k, dates[k]) for k in range(n + 1, len(found))) if d is not None), None)
        if after is not None:
            dates[n] = EntryDate(after.year if month <= after.month else after.year - 1, month)
    return dates

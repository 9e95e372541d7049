"""A header's columns settled by what the rows under it hold.

A header names its columns, but the cells say what they are: a "Progress" column of status
words is the status column, one of numbers (per cent complete) is not the progress, and
columns headed only by months that hold sentences are the progress, one column per month; a
"By" column of months is the timescale, not the author. In a
plan with no status column, a "% complete" column of figures is read for the status, and so is a
"Score" column of whole numbers, each counted as the plan's Key says. And the
columns Excel hides count: a hidden status column beside a visible one is set aside.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from paptools.layout import Column
from paptools.model import DataWarning
from paptools.read.header_map import LATEST_PERIOD, Header, map_header
from paptools.read.headers import QUALIFYING, match_header
from paptools.read.periods import bare_period
from paptools.read.rows import Row
from paptools.read.statuses import status_from_text
from paptools.read.text import normalise_label, one_line
from paptools.read.timescales import parse_timescale
from paptools.read.xcell import column_letter

__all__ = ["PERCENT_HOWS", "filled_below", "settled"]

MONTH_WORD = 4  # a cell with this many letters is somebody's words ("Booked"), not a timeline's mark ("x", "✓")


def settled(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None,
            hidden: frozenset[int] = frozenset()) -> Header:
    """A header's columns settled by what the rows under it hold, and by which of them are hidden."""
    header = _visible_status(sheet, header, hidden, forced)
    header = _numbers_in_periods(_month_columns(sheet, header, rows, forced), rows, forced)
    header = _numbers_in_progress(sheet, _status_words_in_progress(sheet, header, rows, forced), rows, forced)
    header = _percent_as_status(_percents_in_status(_by_when(sheet, header, rows, forced), rows), rows)
    return _score_as_status(sheet, header, rows)


def _by_when(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A column headed just "By" in a table of actions, holding months ("Mar-25"), is when each action
    is due by, not who wrote it: it is the timescale. Beside an updates log's text it stays the author."""
    author = header.index("author")
    if (author is None or "action" not in header.fields or "timescale" in header.fields or len(header.rows) > 1
            or normalise_label(header.headers[author]) != "by"):
        return header
    named = header.headers[author]
    if normalise_label(named) in {normalise_label(h) for h in forced or {}}:
        return header  # the house-style file says what it is
    values = filled_below(header, rows, author)
    dated = sum(1 for text in values if parse_timescale(text)[0].due is not None)
    if len(values) < 2 or dated * 10 < len(values) * 8:
        return header
    settled = map_header(sheet, header.rows[0], header.headers, {}, {**(forced or {}), named: "timescale"})
    settled.columns = [replace(c, score=90, how="its cells hold the months the actions are due by")
                       if c.index == author else c for c in settled.columns]
    return settled


PERCENT_HOW = "no RA, RAG or Status column: per cent complete"  # how a "% complete" column read for the status is found
FRACTIONS = ", its figures without a % fractions (0.75 is 75%, 1 is 100%)"  # ... and how its bare figures are read
_PERCENT_HEADER = re.compile(r"%|\bper ?cent(?:age)?\b", re.I)


def _percent_as_status(header: Header, rows: list[Row]) -> Header:
    """A plan with no status column but a "% complete" column of figures ("100%", 0.75): that column is
    read for the status (read/action_status.py: 100% Complete, 0% Not yet started, a figure between
    unknown), as the only thing the plan says of how far each action has got."""
    found = _stand_in_status(header, rows, lambda text: _PERCENT_HEADER.search(text) is not None, _NUMBER)
    if found is None:
        return header
    index, values = found
    bare = [float(value) for value in values if _NUMBER.fullmatch(value) and "%" not in value]
    fractions = any(0 < value < 1 for value in bare) and all(value <= 1 for value in bare)
    return _as_status(header, index, PERCENT_HOW + (FRACTIONS if fractions else ""))


_NUMBER = re.compile(r"\s*\d+(?:\.\d+)?\s*%?\s*")
# A status column whose cells are per cent complete ("75%", "100%"), not words: read as a "% complete"
# column is (read/action_status.py), not as words none of which is a status.
STATUS_PERCENT_HOW = "its cells are per cent complete"
PERCENT_HOWS = (PERCENT_HOW, STATUS_PERCENT_HOW)
_PERCENT = re.compile(r"\s*\d+(?:\.\d+)?\s*%\s*")


def _percents_in_status(header: Header, rows: list[Row]) -> Header:
    """A status column whose filled cells (two at least) are eight in ten per cent figures: read for
    how far each action has got, as a "% complete" column beside no status column is."""
    index = header.index("status")
    if index is None or len(header.rows) > 1:
        return header
    if not _mostly(filled_below(header, rows, index), _PERCENT):
        return header
    return replace(header, columns=[replace(c, how=STATUS_PERCENT_HOW) if c.index == index and c.field == "status"
                                    else c for c in header.columns])

SCORE_HOW = "no RA, RAG or Status column: a score of whole numbers"  # how a "Score" column read for the status is found
# "Score", "Progress score", "RAG score": the plan's own scale of how an action stands; a risk's or a
# priority's score says something else, and stays an extra column.
_SCORE_HEADER = re.compile(r"(?:(?:progress|delivery|status|rag|brag|action)\s+)?scores?", re.I)
_SCORE = re.compile(r"\s*(?:10|\d)\s*")


def _score_as_status(sheet: str, header: Header, rows: list[Row]) -> Header:
    """A plan with no status column but a "Score" column of whole numbers (1 to 4, say, with a Key on
    another sheet saying what each means): that column is read for the status, each number counted
    through the Key (or the house-style file's [statuses]); a number neither names is a warning of
    its own, as any word of a status column is. Said once, naming the column."""
    found = _stand_in_status(header, rows, lambda text: _SCORE_HEADER.fullmatch(normalise_label(text)) is not None,
                             _SCORE)
    if found is None:
        return header
    index = found[0]
    letter = column_letter(index + 1)
    said = DataWarning(sheet, f"{letter}{header.rows[-1]}", f"the plan has no RA, RAG or Status column: column "
                       f"{letter} '{one_line(header.headers[index])}' of whole numbers is read for the status, each "
                       "number counted as the plan's Key (or paptools.toml [statuses]) says")
    return _as_status(header, index, SCORE_HOW, said)


def _stand_in_status(header: Header, rows: list[Row], headed: Callable[[str], bool],
                     value: re.Pattern[str]) -> tuple[int, list[str]] | None:
    """In a table with no status column, the first extra column `headed` so whose filled cells (two at
    least) are eight in ten `value`: its index and those cells' texts."""
    if "status" in header.fields or len(header.rows) > 1:
        return None
    for index, text in header.extra:
        if not headed(text):
            continue
        values = filled_below(header, rows, index)
        if _mostly(values, value):
            return index, values
    return None


def _mostly(values: list[str], pattern: re.Pattern[str]) -> bool:
    """Whether two cells at least are filled and eight in ten of them are of the pattern's form."""
    return len(values) >= 2 and sum(1 for v in values if pattern.fullmatch(v)) * 10 >= len(values) * 8


def _as_status(header: Header, index: int, how: str, *said: DataWarning) -> Header:
    """The header with its extra column `index` read for the status, found as `how` says."""
    column = Column("status", index, column_letter(index + 1), header.headers[index], 85, how)
    return replace(header, columns=sorted([*header.columns, column], key=lambda c: c.index),
                   extra=[(i, h) for i, h in header.extra if i != index], warnings=[*header.warnings, *said])


def _visible_status(sheet: str, header: Header, hidden: frozenset[int], forced: dict[str, str] | None) -> Header:
    """A status column (or a stage beside it) hidden in Excel, where another column that could give
    the status is not ("RAG (Q2)" hidden beside "Outcome status" in a year-end review): the visible
    one is read, as a hidden rating is often an older one kept out of sight, and the hidden ones are
    kept as extra columns, said in a warning. Every such column hidden, they are read anyway
    (column_checks says so); a period's RAG columns are read by their dates, not by this."""
    chosen = [c for c in header.columns if c.field in ("status", "stage")]
    if (not hidden or len(header.rows) > 1 or not any(c.index in hidden for c in chosen)
            or any(c.how == LATEST_PERIOD for c in chosen)
            or "status" in {field for field in (forced or {}).values()}):
        return header
    could = [i for i, text in header.headers.items() if i in {c.index for c in chosen}
             or ((found := match_header(text)) is not None and found.field == "status" and found.score >= QUALIFYING)]
    set_aside = [i for i in could if i in hidden]
    if len(set_aside) == len(could):
        return header
    remapped = map_header(sheet, header.rows[0], {i: h for i, h in header.headers.items() if i not in set_aside},
                          {}, forced)
    status = remapped.index("status")
    if status is None:
        return header
    named = " and ".join(f"column {column_letter(i + 1)} '{one_line(header.headers[i], 40)}'" for i in set_aside)
    verb = "is" if len(set_aside) == 1 else "are"
    reading = [replace(c, how=f"the visible one; {named} {verb} hidden") if c.index == status else c
               for c in remapped.columns if c.field in ("status", "stage")]
    columns = sorted([*(c for c in header.columns if c.field not in ("status", "stage")), *reading],
                     key=lambda c: c.index)
    used = {c.index for c in columns if c.field != "stage"}  # a stage is kept as an extra column as well
    extra = sorted({*((i, h) for i, h in header.extra if i not in used),
                    *((i, " ".join(header.headers[i].split())) for i in set_aside)})
    rivals = {f"{column_letter(i + 1)}{header.rows[0]}" for i in could}  # "could also be the status column"
    letters = " and ".join(column_letter(i + 1) for i in set_aside)
    letter, plural = column_letter(status + 1), "" if len(set_aside) == 1 else "s"
    said = DataWarning(
        sheet, f"{column_letter(set_aside[0] + 1)}{header.rows[0]}",
        f"{named} {verb} hidden in Excel and column {letter} '{one_line(header.headers[status], 40)}' is not: the "
        f"statuses are read from column {letter}, as a hidden column is often an older rating kept out of sight; "
        f"column{plural} {letters} {verb} kept as an extra column{plural} (name the status column in paptools.toml "
        "to read the other)")
    warnings = [said, *(w for w in header.warnings if w.cell not in rivals),
                *(w for w in remapped.warnings if w.cell in rivals)]
    return replace(header, columns=columns, extra=extra, warnings=warnings)


def _numbers_in_progress(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A "Progress" column of numbers (per cent complete: 0.5, "75%") is not where the progress is
    written: the next best column for it ("Comments") is, and the numbers are kept as an extra column."""
    progress = header.index("progress")
    if progress is None or len(header.rows) > 1:
        return header
    named = header.headers[progress]
    if normalise_label(named) in {normalise_label(h) for h in forced or {}}:
        return header  # the house-style file says what it is
    values = filled_below(header, rows, progress)
    numbers = sum(1 for text in values if _NUMBER.fullmatch(text))
    if len(values) < 2 or numbers * 10 < len(values) * 8:
        return header
    others = {i: h for i, h in header.headers.items() if i != progress}
    settled = map_header(sheet, header.rows[0], others, {}, forced)
    if settled.index("progress") is None:
        return header  # nothing else holds the progress: the numbers are what there is
    letter = column_letter(progress + 1)
    settled.columns = [replace(c, score=90, how=f"column {letter} '{named}' holds numbers") if c.field == "progress"
                       else c for c in settled.columns]
    settled.extra = sorted([*settled.extra, (progress, " ".join(named.split()))])
    return settled


def _numbers_in_periods(header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A period column of numbers ("Baseline" beside "Target" and "Current": an outcome measure's
    figures, 32%, 18) holds no progress: it is kept as an extra column."""
    said = {normalise_label(h) for h in forced or {}}
    numeric = []
    for period in header.periods:
        values = filled_below(header, rows, period.index)
        numbers = sum(1 for text in values if _NUMBER.fullmatch(text))
        if len(values) >= 2 and numbers * 10 >= len(values) * 8 and normalise_label(period.header) not in said:
            numeric.append(period)
    if not numeric:
        return header
    return replace(header, periods=[p for p in header.periods if p not in numeric],
                   extra=sorted([*header.extra, *((p.index, " ".join(p.header.split())) for p in numeric)]))


def filled_below(header: Header, rows: list[Row], index: int) -> list[str]:
    """The filled ones of the first 200 cells of a column under the header: what the column holds."""
    below = [row.texts[index] for row in rows if row.number > header.rows[-1] and index < len(row.texts)][:200]
    return [text for text in below if text]


def _status_words_in_progress(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """A "Progress" column of status words ("Green", "Amber", "Complete") in a plan with no status
    column is its status column, and the progress is the next best column for it ("Comments")."""
    progress = header.index("progress")
    if progress is None or "status" in header.fields or len(header.rows) > 1:
        return header
    named = header.headers[progress]
    if normalise_label(named) in {normalise_label(h) for h in forced or {}}:
        return header  # the house-style file says what it is
    values = filled_below(header, rows, progress)
    worded = sum(1 for text in values if len(text) <= 30 and status_from_text(text)[0] is not None)
    if len(values) < 2 or worded * 10 < len(values) * 8:
        return header
    settled = map_header(sheet, header.rows[0], header.headers, {}, {**(forced or {}), named: "status"})
    settled.columns = [replace(c, score=90, how="its cells hold status words") if c.index == progress else c
                       for c in settled.columns]
    return settled


def _month_columns(sheet: str, header: Header, rows: list[Row], forced: dict[str, str] | None) -> Header:
    """Columns headed only by months ("Oct 25", "Nov 25", or date cells): when they hold sentences,
    they are the plan's progress, one column per month, beside any Progress or Comments column (as
    "Update Oct 25" columns are). A timeline of marks ("x") under the months is not, and stays in
    the extra columns.
    """
    if header.periods or len(header.rows) > 1:
        return header
    dated = [index for index, text in header.extra if bare_period(text)]
    if len(dated) < 2:
        return header
    below = [row for row in rows if row.number > header.rows[0]][:200]
    values = [row.texts[i] for row in below for i in dated if i < len(row.texts) and row.texts[i]]
    worded = sum(1 for value in values if sum(map(str.isalpha, value)) >= MONTH_WORD)
    if not values or worded * 2 < len(values):
        return header
    return map_header(sheet, header.rows[0], header.headers, {}, forced, frozenset(dated))

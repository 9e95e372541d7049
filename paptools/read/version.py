"""The date a version of the plan speaks for, from the workbook before its file name.

In order: a dated cell near the top of a sheet or on a cover sheet ("Updated: 14/01/2025",
"Version date" beside a date, "Position as at January 2025"), then a title that ends in its
date ("SEND Priority Action Plan - updated 3 November 2025", or in a line of its own "SEND PAP
- status at 31 January 2025", "Update: January 2025"), then a custom document property
("Version date"), then the plan's title ending in its month with no label ("SEND Priority
Action Plan - January 2025"), then a date in the file name, then the document properties
(modified, then created). Each answer says where it came from. The cells looked at are
none of a table's own (read/detect_plan.py): "Date: 13/01/25" in a Progress cell heads an entry.
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path

from paptools.model import EntryDate
from paptools.read.dates import find_dates
from paptools.read.text import one_line
from paptools.read.xcell import row_of

_LABEL = re.compile(
    r"\b(?:last\s+updated?|updated(?:\s+on)?|version\s+date|date\s+of\s+(?:this\s+)?version|"
    r"date\s+of\s+(?:the\s+)?last\s+update|"
    r"(?:position|progress|status)\s+as\s+at|as\s+at|as\s+of|correct\s+as\s+at|reporting\s+date|"
    r"report\s+date|date\s+updated|version|date)\b\s*[:\-–]?\s*",  # "Version: March 2024", "Date: 31/03/24"
    re.I,
)
# Words that date the version only in a line of its own that their date ends ("SEND PAP - status
# at 31 January 2025", "Update: January 2025", "Progress report - January 2025"): beside other
# cells the same words head a period column, or open an entry ("Update: 13/01/25 met the board").
_LINE_LABEL = re.compile(
    r"\b(?:(?:position|progress|status|update)\s+(?:(?:as\s+)?at|as\s+of)|progress\s+(?:report|update)|update)"
    r"\b\s*[:\-–]?\s*",
    re.I,
)
_END_OF = re.compile(r"(?:the\s+)?end\s+of\s+", re.I)  # "status at end of Jan 2025": the month's last day
_FILE_DATE = re.compile(r"(?<!\d)(20\d\d)[-_. ]?(0[1-9]|1[0-2])(?:[-_. ]?(0[1-9]|[12]\d|3[01]))?(?!\d)")
COVER_ROWS = 12  # how far down a sheet a version-date label is looked for
_TITLE_LENGTH = 200  # a title is one line; a longer cell is somebody's text
# What may stand before a label inside a title: "Plan, updated", "Plan - position as at", "Plan (as at".
_TITLE_BREAK = re.compile(r"(?:[,;:(\[|]|\s[-–—])\s*\Z")


def date_from_cells(cells: Iterable[tuple[str, str, object, object]]) -> tuple[date, str] | None:
    """The first labelled date among (sheet, coordinate, value, next cell's value) near the tops of
    sheets; failing that, the first title that ends in a labelled date."""
    cells = list(cells)
    return _labelled(cells) or _in_title(cells)


def _labelled(cells: list[tuple[str, str, object, object]]) -> tuple[date, str] | None:
    for sheet, coordinate, value, beside in cells:
        if not isinstance(value, str) or len(value) > 80:
            continue  # a label is short; progress text that mentions "as at" is not one
        value = value.strip(" \t(*")
        for label in _LABEL.finditer(value):  # "Version 3.2 | Date of last update: 07/02/2025": the second
            before = value[:label.start()].rstrip()
            if before and (before[-1] not in _CLAUSE_BREAKS or not _LABEL.match(before)):
                continue  # only after a label's own clause; "Revised date: Sept 24" is a timescale
            rest = value[label.end():]
            found = _opening_date(rest) if rest.strip() else _as_date(beside) if not label.start() else None
            if found is not None:
                return found, f"cell {sheet}!{coordinate} '{one_line(value, 60)}'"
    return None


_CLAUSE_BREAKS = frozenset("|;,–—-")  # what may stand before a label that is not the cell's first word
_VERSION_NUMBER = re.compile(r"v?\d{1,3}(?:\.\d{1,3})?\s*[,;:\-–]?\s*(?=\S)", re.I)  # "Version 3, 14/01/2025"


def _opening_date(rest: str) -> date | None:
    """The date a label's text opens with ("Updated: 14/01/2025 by JS"), after a version's number:
    "Date agreed: 12/09/2023" and "Updated annually; next review 31/03/2026" give none."""
    text = rest.strip()
    number = _VERSION_NUMBER.match(text)
    for start in (0, number.end()) if number else (0,):
        tokens = find_dates(text[start:])
        if tokens and tokens[0].start == 0:
            when = tokens[0].date
            return date(when.year, when.month, when.day or 1)
    return None


def _in_title(cells: list[tuple[str, str, object, object]]) -> tuple[date, str] | None:
    """A label after a break in a title, followed at once by its date and nothing more.

    "Plan - updated 3 November 2025" is a version date; "Reviews updated by June 2024" (an
    action's words, no break before the label, and "by" before the date) is not.
    """
    for sheet, coordinate, value, alone in _titles(cells):
        found = _closing_date(value.strip(" \t*)]"), alone=alone)
        if found is not None:
            return found[1], f"cell {sheet}!{coordinate} '{one_line(value.strip(), 60)}'"
    return None


def date_from_title(cells: Iterable[tuple[str, str, object, object]]) -> tuple[date, str] | None:
    """The month a plan's title ends in with no label ("SEND Priority Action Plan - January 2025"):
    after any date the workbook states with a label, before the date it was saved."""
    for sheet, coordinate, value, alone in _titles(list(cells)):
        if alone and (found := _plan_month(value.strip(" \t*)]"))) is not None:
            return found[1], f"cell {sheet}!{coordinate} '{one_line(value.strip(), 60)}'"
    return None


def _titles(cells: list[tuple[str, str, object, object]]) -> Iterator[tuple[str, str, str, bool]]:
    """(sheet, coordinate, text, whether it is a line of its own) of each cell that may be a title:
    one line of text with nothing beside it (an action has an owner beside it)."""
    alone = _alone(cells)
    for sheet, coordinate, value, beside in cells:
        if isinstance(value, str) and len(value) <= _TITLE_LENGTH and "\n" not in value.strip() and beside in (None, ""):
            yield sheet, coordinate, value, (sheet, row_of(coordinate)) in alone


# A title that names the plan, then after a break its month and nothing more: "SEND Priority
# Action Plan - January 2025", "SEND PAP: Jan 2025", "Written Statement of Action (March 2025)".
_PLAN_TITLE = re.compile(r"\b(?:plans?|pap|tracker|wsoa|statement\s+of\s+action|action\s+log)\b", re.I)
_BARE_BREAK = re.compile(r"(?:\s[-–—]|[,:(\[|])\s*")


def _plan_month(text: str) -> tuple[int, date] | None:
    """Where the break before the date a plan's title ends in begins, and the date; None for any
    other line ("Next review - March 2025" names no plan, "Plan agreed March 2025" has no break)."""
    for brk in reversed(list(_BARE_BREAK.finditer(text))):
        if (when := _only_date(text[brk.end():])) is not None:
            if not _PLAN_TITLE.search(text, 0, brk.start()):
                return None
            return brk.start(), date(when.year, when.month, when.day or 1)
    return None


def _only_date(rest: str) -> EntryDate | None:
    """The date `rest` is, and nothing more but a closing bracket or full stop ("January 2025)")."""
    tokens = find_dates(rest)
    if len(tokens) == 1 and tokens[0].start == 0 and not rest[tokens[0].end:].strip(" .)]"):
        return tokens[0].date
    return None


def _alone(cells: list[tuple[str, str, object, object]]) -> set[tuple[str, int]]:
    """The (sheet, row) of the rows holding one value: a line of their own, as a title is."""
    filled = Counter((sheet, row_of(coordinate)) for sheet, coordinate, value, _ in cells
                     if value is not None and str(value).strip())
    return {row for row, count in filled.items() if count == 1}


def _closing_date(text: str, titled: bool = False, alone: bool = False) -> tuple[int, date] | None:
    """Where the break before a title's closing labelled date begins, and the date: "Plan -
    updated 3 November 2025" gives the place of " -" and 3 November 2025. `titled`: only where
    some title stands before the break; `alone`: the text is a line of its own, where the line's
    labels count too, also opening it ("Update: January 2025")."""
    labels = [*_LABEL.finditer(text), *(_LINE_LABEL.finditer(text) if alone else ())]
    for label in sorted(labels, key=lambda found: found.start()):
        if label.re is _LINE_LABEL and not label.start():
            at = 0
        else:
            before = _TITLE_BREAK.search(text, 0, label.start()) if label.start() else None
            if before is None:
                continue
            at = before.start()
        if titled and not at:
            continue
        rest = text[label.end():]
        end_of = _END_OF.match(rest)
        rest = rest[end_of.end():] if end_of else rest
        if (when := _only_date(rest)) is not None:
            day = when.day or (calendar.monthrange(when.year, when.month)[1] if end_of else 1)
            return at, date(when.year, when.month, day)
    return None


def is_date_line(text: str) -> bool:
    """A line of its own that only states the version's date ("Updated: 14/01/2025", "Update:
    January 2025"): no title."""
    if _labelled([("", "", text, None)]) is not None:
        return True
    found = _closing_date(text.strip(" \t*)]"), alone=True)
    return found is not None and not found[0]


def without_date(title: str) -> str:
    """A title, a line of its own, without the version date it ends in ("SEND plan - updated
    14/03/2025" is the SEND plan): the date is the version's, said beside the title wherever the
    title is shown."""
    text = title.strip(" \t*)]")
    found = _closing_date(text, titled=True, alone=True)
    return text[:found[0]].rstrip() if found is not None else title


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        tokens = find_dates(value)
        if tokens:
            when = tokens[0].date
            return date(when.year, when.month, when.day or 1)
    return None


def date_from_custom(values: Mapping[str, str]) -> tuple[date, str] | None:
    """A custom document property that states the version's date ("Version date", "As at"): a
    person's statement, so it comes before the date the file was last saved."""
    for name, value in values.items():
        if not _LABEL.fullmatch(name.strip() + " "):
            continue
        when = _iso(value) or _as_date(value)
        if when is not None:
            return when, f"document property '{one_line(name, 40)}'"
    return None


def _iso(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


def date_from_properties(properties: object) -> tuple[date, str] | None:
    """The document's modified (or created) date from its core properties, if it records one."""
    for name in ("modified", "created"):
        value = getattr(properties, name, None)
        if isinstance(value, datetime):
            return value.date(), f"{_SAVED} ({name})"
    return None


_SAVED = "document properties"


def stated(source: str | None) -> bool:
    """Whether a version date is one the plan states (a cell, its title, its file's name), not the
    day the file was last saved, which a copy or a resave moves."""
    return source is not None and not source.startswith(_SAVED)


def date_from_name(path: Path) -> tuple[date, str] | None:
    """A date in the file name ("PAP_2025-01.xlsx"): the version an officer named, before when the
    file was last saved (a version opened and saved again, or written by a program, is saved later
    than the month it speaks for)."""
    match = _FILE_DATE.search(path.stem)
    if match is None:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
    return date(year, month, day), f"file name '{path.name}'"

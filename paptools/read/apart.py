"""Tables that are not of actions: a risk log, an issues log, a decisions log, a glossary.

A council often keeps one on the plan's sheet under its actions, or on a sheet of its own. Its
header passes for a plan's ("Risk ID" is an id, "Risk" an action, "Risk owner" an owner), so its
rows, read as actions, would be counted in every figure. It is told by its header: the id column
names risks, issues or decisions ("Risk ID", "Issue no.") and no column names actions, or the
register's own columns (Likelihood, Impact, Mitigation, Risk rating) outnumber an action's
(Action, Progress, Status, Timescale); an actions table's own "Risks" column is not enough. A
plan kept as a register (a sheet whose first table is one, in a workbook with no table of
actions) is read as it is. The rows are kept apart: one warning says what the table was taken
for, and the walk keeps each row's text as a note, so nothing the officer wrote is lost.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from paptools.layout import Apart, Moved
from paptools.model import DataWarning, Note
from paptools.read.header_map import Header
from paptools.read.headers import field_for
from paptools.read.rows import Row
from paptools.read.text import normalise_label, one_line
from paptools.read.xcell import XCell, column_letter


def _phrases(*parts: str) -> frozenset[str]:
    """Every header built of one choice from each part ("risk|risks", " id| ref"): "risk id" ..."""
    found = {""}
    for part in parts:
        found = {f"{head}{tail}" for head in found for tail in part.split("|")}
    return frozenset(" ".join(phrase.split()) for phrase in found)


_IDS = " id| ref| reference| no| number| code"
_STAGES = "|inherent |residual |current |target |initial |revised |overall |gross |net "


@dataclass(frozen=True)
class _Kind:
    name: str  # "a risk log"
    ids: frozenset[str]  # the header of its id column (a glossary's: its terms)
    columns: frozenset[str]  # its other columns' headers
    title: frozenset[str]  # a word that names it in a title row above its header
    ids_alone: bool = True  # its id column alone tells it, when no column names actions


_KINDS = (
    _Kind("a risk log", _phrases("risk|risks", _IDS), _phrases(_STAGES, "risk|risks", "| description| title| details"
          "| owner| rating| score| level| category| type| status| trend| response| appetite| rag")
          | _phrases(_STAGES, "likelihood|probability|impact|severity|consequence|consequences", "| score| rating")
          | _phrases("inherent|residual|current|target|initial|revised", " score| rating| rag")
          | _phrases("mitigation|mitigations|mitigating action|mitigating actions|mitigating measures|mitigating "
                     "controls|mitigation action|mitigation actions|mitigation measures|mitigation plan|mitigation "
                     "in place|control|controls|existing controls|current controls|key controls|controls in place"
                     "|control measures|proximity|trigger|triggers|response plan|l x i|lxi|i x l|ixl|p x i|pxi"),
          frozenset({"risk", "risks"})),
    _Kind("an issues log", _phrases("issue|issues", _IDS), _phrases("issue|issues", "| description| title| details"
          "| owner| type| category| priority| status") | _phrases("date raised|raised by|raised on|date identified"
          "|identified by|resolution|proposed resolution|resolution date|date resolved|resolved by|escalated to"
          "|escalation|impact|severity"), frozenset({"issue", "issues"})),
    _Kind("a decisions log", _phrases("decision|decisions", _IDS), _phrases("decision|decisions", "| made| taken"
          "| date| by| maker| description| details") | _phrases("decided by|made by|agreed by|approved by"
          "|date of decision|date decided|date agreed|rationale|reason|reasons|reason for decision"
          "|reasons for decision|reason for the decision"), frozenset({"decision", "decisions"})),
    _Kind("a glossary", _phrases("|key ", "term|terms") | _phrases("acronym|acronyms|abbreviation|abbreviations"
          "|glossary|jargon"), _phrases("definition|definitions|meaning|what it means|explanation|stands for"
          "|full name|description"), frozenset({"glossary", "terms", "acronyms", "abbreviations", "jargon"}),
          ids_alone=False),
)
_BY_NAME = {kind.name: kind for kind in _KINDS}
_ACTION_FIELDS = frozenset({"action", "progress", "status", "timescale"})
_ACTION_WORDS = frozenset({"action", "actions", "task", "tasks", "activity", "activities"})


def register_kind(headers: dict[int, str]) -> str | None:
    """What a header row heads when it is not a table of actions ("a risk log"), else None."""
    labels = [normalise_label(text) for text in headers.values()]
    best: tuple[int, str] | None = None
    for kind in _KINDS:
        named = sum(1 for label in labels if label in kind.ids)
        own = named + sum(1 for label in labels if label in kind.columns)
        if not own:
            continue
        others = [label for label in labels if label not in kind.ids and label not in kind.columns]
        actions = sum(1 for label in others if field_for(label) in _ACTION_FIELDS)
        by_id = named > 0 and kind.ids_alone and not any(
            _ACTION_WORDS.intersection(label.split()) or "what we will do" in label for label in others)
        if (by_id or (own >= 2 and own > actions)) and (best is None or own > best[0]):
            best = (own, kind.name)
    return best[1] if best else None


def registers_only(moved: list[Moved]) -> bool:
    """Whether every second header under a register heads a register too ("Closed risks"): none, actions."""
    return all(register_kind({**{c.index: c.header for c in m.columns}, **dict(m.extra)}) for m in moved)


def blocks(sheet: str, rows: list[Row], starts: list[tuple[int, str, dict[int, str]]],
           stops: list[int]) -> tuple[list[Apart], list[DataWarning]]:
    """The tables that start at `starts` (header row, kind, headers), each running to the row before
    the next header row (`stops`, or another's start) or to the sheet's end, and a warning for each.
    A short title at the left just above a header that names the table ("Risk log") is kept with
    it; a title just above the next header is that table's."""
    ends = sorted({*stops, *(row for row, _, _ in starts)})
    found: list[Apart] = []
    warnings: list[DataWarning] = []
    for number, kind, headers in starts:
        stop = next((end for end in ends if end > number), None)
        inside = [row for row in rows if number <= row.number and (stop is None or row.number < stop)]
        if stop is not None and len(inside) > 1 and _title(inside[-1], min(headers)):
            inside.pop()  # the next table's title
        above = [row for row in rows if row.number < number][-1:]
        title = _title(above[0], min(headers)) if above else ""
        first = above[0].number if _BY_NAME[kind].title.intersection(normalise_label(title).split()) else number
        apart = Apart(sheet, kind, number, (first, inside[-1].number), tuple(headers.values()), len(inside) - 1)
        found.append(apart)
        warnings.append(apart_warning(apart, [row for row in rows if first <= row.number <= apart.rows[1]]))
    return found, warnings


def apart_warning(apart: Apart, rows: list[Row]) -> DataWarning:
    """One warning for a table kept apart: where, what it was taken for, and every row's text."""
    used = [i for row in rows if row.number >= apart.header_row for i, text in enumerate(row.texts) if text]
    where = f"{column_letter(min(used) + 1)}{apart.header_row}:{column_letter(max(used) + 1)}{apart.rows[1]}"
    shown = ", ".join(f"'{one_line(text, 40)}'" for text in apart.headers[:4]) + (" ..." if len(apart.headers) > 4 else "")
    count = apart.count
    said = ("its 1 row is not read as an action nor counted; its text is kept here" if count == 1 else
            f"its {count:,} rows are not read as actions nor counted; their text is kept here")
    return DataWarning(apart.sheet, where, f"{apart.kind}, not a table of actions (header row {apart.header_row}: "
                       f"{shown}): {said}", "\n".join(" | ".join(t for t in row.texts if t) for row in rows))


@dataclass
class Register:
    """A sheet whose table is a register, and where what reading it added begins and ends in each
    list detect_layout builds (its tables, warnings, unused, Keys beside, tables kept apart)."""

    sheet: str
    kind: str
    rows: list[Row]
    header: Header
    before: tuple[int, ...]
    after: tuple[int, ...]


def lengths(*lists: list[Any]) -> tuple[int, ...]:
    """How long each list is: where what a sheet adds to it begins, or ends."""
    return tuple(len(items) for items in lists)


def registers_apart(registers: list[Register], found: list[Any], warnings: list[DataWarning], unused: list[Any],
                    besides: list[Any], apart: list[Apart]) -> None:
    """Leave each register sheet out of the plan, as there is a table of actions beside it: what
    reading it as actions added is taken back, and it is kept apart in its place, with one warning."""
    for register in reversed(registers):
        rows, header = register.rows, register.header
        record = Apart(register.sheet, register.kind, header.rows[0],
                       (rows[0].number, rows[-1].number), tuple(header.headers.values()),
                       sum(1 for row in rows if row.number > header.rows[-1]), on_its_own=True)
        (found_at, warned_at, unused_at, besides_at, apart_at), ends = register.before, register.after
        del found[found_at:ends[0]], unused[unused_at:ends[2]], besides[besides_at:ends[3]], apart[apart_at:ends[4]]
        warnings[warned_at:ends[1]] = [apart_warning(record, rows)]
        apart.insert(apart_at, record)


def outside(rows: list[Row], aparts: list[Apart]) -> list[Row]:
    """The rows of a sheet that no table kept apart holds."""
    return [row for row in rows if not any(a.rows[0] <= row.number <= a.rows[1] for a in aparts)]


Walked = tuple[int, bool, list[XCell], list[str]]  # a row as the walk takes it: number, hidden, cells, texts


def kept_apart(sheet: str, rows: Iterator[Walked], spans: list[tuple[int, int]], notes: list[Note]) -> Iterator[Walked]:
    """The walk's rows without those of the tables kept apart, whose text is kept as notes instead."""
    for row in rows:
        number, _, cells, texts = row
        if not any(first <= number <= last for first, last in spans):
            yield row
        elif any(texts):
            first_text = next(i for i, text in enumerate(texts) if text)
            notes.append(Note("other", sheet, cells[first_text].coordinate, " | ".join(t for t in texts if t)))


def _title(row: Row, left: int) -> str:
    """The row's one text when it is a short title at the left (no further right than `left`), else ""."""
    texts = [(i, text) for i, text in enumerate(row.texts) if text]
    return texts[0][1] if len(texts) == 1 and texts[0][0] <= left and len(texts[0][1]) <= 60 else ""

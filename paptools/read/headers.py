"""Columns mapped by meaning from the header text, whatever their order, with a score.

"Actions (what we will do)", "Description" and "Recommendation" are all the action column;
"RA", "RAG", "Implementation status" and "Delivery confidence" the status column; "S.No",
"Risk ID" and "POAM ID" the ref column. Each header is scored against every field: an exact
known phrase scores 100, a phrase built on a field's key word 85, a close spelling or word
order (rapidfuzz) a little less than its likeness. Headers that mean nothing known are kept
as extra columns under their own names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from paptools.layout import Moved, Table
from paptools.read.fuzzy import best_ratio
from paptools.read.text import normalise_label

# Every phrase a field is known by, normalised (lower case, punctuation as spaces).
VOCABULARY: dict[str, tuple[str, ...]] = {
    "ref": (
        "ref", "refs", "reference", "ref no", "ref number", "no", "number", "id", "s no", "sl no", "sr no",
        "serial no", "serial number", "item", "item no", "item number", "item id", "action ref", "action no",
        "action number", "action id", "pap ref", "pap no", "risk id", "risk ref", "risk no", "issue id",
        "issue ref", "issue no", "raid id", "raid ref", "recommendation number", "recommendation no",
        "recommendation ref", "rec no", "rec ref", "poam id", "poam item id", "finding id", "finding ref",
        "finding no", "ref id", "unique id",
    ),
    "status": (
        "status", "rag", "brag", "ra", "r/a/g", "r / a / g", "rag status", "ra status", "brag status", "rag rating", "rating",
        "current status", "overall status", "rag status key", "implementation status", "delivery confidence",
        "delivery confidence assessment", "dca", "confidence", "action status", "risk status", "overall rag",
        "current rag", "progress status", "rag rating key", "status rag", "progress rag", "state",
        "recommendation status", "status of implementation", "implemented", "progress rating", "delivery rating",
        "overall rating", "current rating", "performance rating",
    ),
    "status_date": (
        "status date", "date of status", "last updated", "date updated", "date last updated",
        "date of last update", "as at date", "last update date", "last review date", "date reviewed",
        "progress date", "progress update date", "date of progress update", "latest update date", "date of latest update",
    ),
    "entry_date": ("date", "update date", "date of update", "entry date", "date of entry", "date of progress"),
    "author": ("author", "updated by", "update by", "by", "entered by", "recorded by", "submitted by", "written by"),
    "original_due": (
        "original due", "original deadline", "original due date", "original due month", "original timescale",
        "original target date", "original completion date",
    ),
    "latest_due": (
        "latest due", "revised due", "current due", "latest deadline", "revised deadline", "current deadline",
        "latest due date", "revised due date", "current due date", "revised target date", "revised timescale",
        "revised completion date",
    ),
    "priority_area": ("priority area", "priority action area", "area", "priority"),
    "section": ("section", "sub section", "subsection", "theme", "workstream", "work stream", "category"),
    "plan": ("plan", "source", "plan name", "which plan", "plan type", "origin", "pap or improvement", "programme"),
    "owner": (
        "owner", "owners", "lead", "leads", "lead officer", "responsible", "responsibility", "accountable",
        "action owner", "risk owner", "issue owner", "assigned to", "responsible officer", "responsible person",
        "who", "poc", "point of contact", "lead person", "officer", "responsible manager",
    ),
    "timescale": (
        "timescale", "timescales", "deadline", "due", "due date", "target date", "by when", "completion date",
        "timeframe", "timeline", "date for completion", "target completion date", "scheduled completion date",
        "estimated completion date", "target", "when", "date due", "implementation date",
        "agreed implementation date", "target implementation date", "milestone date", "end date",
        "target end date", "planned end date", "finish date", "due by", "complete by", "to be completed by",
        "target completion", "planned completion", "expected completion", "estimated completion",
    ),
    "success_criteria": (
        "success criteria", "success", "measures of success", "measure of success", "kpi", "kpis",
        "success measures", "how will we know", "how we know it s achieved", "performance measures",
    ),
    "progress": (
        "progress", "update", "updates", "commentary", "steps taken", "remarks", "comments", "comment",
        "latest update", "progress update", "progress to date", "actions taken", "action taken",
        "milestone changes", "milestones", "entity response", "management response", "response", "notes",
        "progress notes", "narrative", "current position", "update on progress", "progress commentary",
        "progress made", "status update", "status comments", "latest position", "position",
        "position statement", "current position statement", "position update", "progress position",
        "where are we", "where are we now", "where we are", "where we are now",
        "what has been done", "what we have done", "what has been achieved", "what we have achieved",
        "what has happened", "work to date", "work done", "activity to date", "achievements to date",
    ),
    "outcome": ("outcome", "outcomes", "impact", "outcome impact", "expected outcome", "outcomes impact"),
    "evidence": ("evidence", "evidence of completion", "supporting evidence", "evidence of impact"),
    "action": (
        "action", "actions", "what we will do", "description", "task", "tasks", "recommendation",
        "recommendations", "finding", "issue", "risk", "risk description", "issue description",
        "description of action", "action description", "activity", "activities", "deliverable", "weakness",
        "weakness name", "title", "details", "agreed action", "management action", "planned action",
        "action required", "actions required", "action plan", "required action",
    ),
}
# Key words: a header built on one ("Action owner", "Risk mitigation actions") scores 85 for
# the first rule that matches, checked in this order so "Action owner" is an owner.
KEY_WORDS: tuple[tuple[str, str], ...] = (
    ("ref", r"^(?:[a-z]+ ){0,2}(?:ref|reference|id|no|number)$"),
    ("plan", r"^(?:plan|source)\b(?! date| owner| lead)"),
    ("status_date", r"\bstatus date\b|\blast updated?\b|\bdate (?:last )?updated\b"),
    ("progress", r"\b(?:status|progress) (?:update|comments?|commentary)\b"),
    ("status", r"\b(?:rag|brag|status|confidence|r ?/ ?a ?/ ?g)\b"),
    # either way round: a group header over its sub-headers reads "Deadline Revised"
    ("original_due", r"\boriginal\b.*\b(?:due|deadline|timescale|date)\b|\b(?:due|deadline|timescale)\b.*\boriginal$"),
    ("latest_due", r"\b(?:revised|latest)\b.*\b(?:due|deadline|timescale|date)\b"
                   r"|\b(?:due|deadline|timescale)\b.*\b(?:revised|latest)$"),
    ("owner", r"\b(?:owner|owners|lead|leads|responsible|responsibility|accountable|assigned)\b"),
    ("timescale", r"\b(?:timescales?|deadline|due|target date|completion date|timeframe|timeline)\b"
                  r"|\b(?:target|planned|expected|estimated) completion\b"),
    ("success_criteria", r"\b(?:success|kpis?)\b"),
    ("progress", r"\b(?:progress|updates?|commentary|comments?|remarks|response|position statement)\b"),
    ("outcome", r"\b(?:outcomes?|impact)\b"),
    ("evidence", r"\bevidence\b"),
    ("action", r"\b(?:actions?|what we will do|description|tasks?|recommendations?|activit(?:y|ies))\b"),
)
_KEY_RULES = tuple((name, re.compile(pattern)) for name, pattern in KEY_WORDS)
_PHRASES = {phrase: name for name, phrases in VOCABULARY.items() for phrase in phrases}
_FUZZY_PHRASES = tuple(p for p in _PHRASES if len(p) >= 5)
# token_sort_ratio is ratio() of the words sorted: each phrase's words are sorted once here, not
# for every header scored (every action row's ref is checked against the header words).
_FUZZY_CUTOFF = 88
_SORTED_PHRASES = tuple(" ".join(sorted(p.split())) for p in _FUZZY_PHRASES)
FIELDS = (*VOCABULARY, "stage")  # a stage beside the RAG column is found by detect.py, or named in paptools.toml
FIELD_LABELS = {
    "ref": "Ref", "action": "Action", "owner": "Owner", "timescale": "Timescale",
    "success_criteria": "Success criteria", "progress": "Progress", "outcome": "Outcome/impact",
    "evidence": "Evidence", "status": "RA status", "original_due": "Original due", "latest_due": "Latest due",
    "priority_area": "Priority area", "section": "Section", "plan": "Plan", "status_date": "Status date",
    "entry_date": "Date", "author": "Author", "stage": "Stage",
    "ref_sheet": "Sheet",  # of paptools' cleaned workbook alone (read/generated.py)
    "co_owner": "Owner",  # a partner's lead beside the Owner column (read/partners.py)
}
QUALIFYING = 80  # a header scoring less than this for every field is an extra column
MAX_HEADER = 120  # a header is short; longer text is content


class HeaderMatch(NamedTuple):
    """What one header cell means: the field, how sure (0-100), and how it was recognised."""

    field: str
    score: int
    how: str  # "known phrase", "key word", "close to 'due date'"


@lru_cache(maxsize=2048)
def match_header(header: str) -> HeaderMatch | None:
    """The field a header names, or None when it names none well enough."""
    found = _match(header)
    if found is not None and found.field in ("progress", "timescale") and _PERCENT.search(header):
        return None  # "Progress %", "Target completion %": a figure, kept as an extra column, not entries or a date
    return found


_PERCENT = re.compile(r"%|\bper ?cent(?:age)?\b", re.I)


def _match(header: str) -> HeaderMatch | None:
    whole = _match_label(header)
    halves = _HALVES.split(header.strip())
    if (whole is not None and whole.score >= QUALIFYING) or len(halves) != 2:
        return whole
    found = [m for m in map(_match_label, halves) if m is not None and m.score >= QUALIFYING]
    if not found or len({m.field for m in found}) > 1:
        return whole  # neither half names a field, or each names another ("Action / Owner"): not one field
    best = max(found, key=lambda m: m.score)
    return best._replace(how=f"{best.how}, one half of a bilingual header")


# A header in two languages, one half each side of " / " or a line break ("Ref / Cyf", "Statws\nStatus").
_HALVES = re.compile(r"\s+/\s+|\s*\n\s*")


def _match_label(header: str) -> HeaderMatch | None:
    label = normalise_label(header)
    if not label or len(header) > MAX_HEADER:
        return None
    if label in _PHRASES:
        return HeaderMatch(_PHRASES[label], 100, "known phrase")
    for name, pattern in _KEY_RULES:
        if pattern.search(label):
            return HeaderMatch(name, 85, "key word")
    if len(label) >= 5 and not _mostly_digits(label):
        words = " ".join(sorted(label.split()))
        indexes, phrases = _near_in_length(len(words))
        found = best_ratio(words, phrases, _FUZZY_CUTOFF)
        if found is not None:
            phrase = _FUZZY_PHRASES[indexes[found[2]]]
            return HeaderMatch(_PHRASES[phrase], int(found[1] * 0.9), f"close to '{phrase}'")
    return None


def _mostly_digits(label: str) -> bool:
    """Too many digits to be close to any phrase (an action's ref, "pap 1 12"): no phrase holds a
    digit, so ratio() is at most 200 * (n - d) / (2n - d) for n characters of which d are digits."""
    digits = sum(map(str.isdigit, label))
    return 200 * (len(label) - digits) < (_FUZZY_CUTOFF - 1) * (2 * len(label) - digits)


@lru_cache(maxsize=256)
def _near_in_length(length: int) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The sorted phrases (with their places) long enough and short enough to score the cutoff
    against words of this length: ratio() is at most 200 * shorter / (sum of both lengths)."""
    near = [(n, p) for n, p in enumerate(_SORTED_PHRASES)
            if 200 * min(length, len(p)) >= (_FUZZY_CUTOFF - 1) * (length + len(p))]
    return tuple(n for n, _ in near), tuple(p for _, p in near)


def field_for(header: str) -> str | None:
    """The field a header names well enough to map, or None."""
    found = match_header(header)
    return found.field if found is not None and found.score >= QUALIFYING else None


@dataclass(frozen=True)
class ColumnMap:
    """Which column (0-based) holds each field, and the extra columns by header."""

    fields: dict[str, int]
    extra: dict[int, str]
    headers: dict[int, str]  # every non-empty header cell, normalised
    row_fill: bool = False  # no status column: the status is the ref cell's fill (a row coloured by the Key)
    labels: dict[int, str] = field(default_factory=dict)  # each mapped column's header as written, on one line
    earlier_status: tuple[tuple[int, str], ...] = ()  # a status column per period: the earlier ones, newest first

    def __contains__(self, name: str) -> bool:
        return name in self.fields

    @property
    def width(self) -> int:
        """How many columns a row must have for every mapped column to exist."""
        return max([*self.fields.values(), *self.extra, 0]) + 1

    @property
    def ref_in_action(self) -> bool:
        """No Ref column: each Action cell opens with its action's ref ("1.1 Publish ...")."""
        return self.fields["ref"] == self.fields.get("action")

    @property
    def known(self) -> set[int]:
        return set(self.fields.values()) | set(self.extra)


def column_map(table: Table | Moved) -> ColumnMap:
    """The table's columns (or a moved header's) as the walk uses them: fields (periods as
    'period:N'), extras, headers."""
    periods = table.periods if isinstance(table, Table) else ()
    fields = {c.field: c.index for c in table.columns}
    fields.update({f"period:{p.index}": p.index for p in periods})
    headers = {c.index: normalise_label(c.header) for c in table.columns}
    headers.update({p.index: normalise_label(p.header) for p in periods})
    headers.update({i: normalise_label(h) for i, h in table.extra})
    row_fill = isinstance(table, Table) and table.status.by_row_fill
    labels = {c.index: " ".join(c.header.split()) for c in table.columns}
    earlier = table.earlier_status if isinstance(table, Table) else ()
    return ColumnMap(fields, dict(table.extra), headers, row_fill, labels, earlier_status=earlier)


def is_repeat_header(cells: list[str], columns: ColumnMap) -> bool:
    """A header block repeated before a group of actions, as on the printed pages."""
    ref = columns.fields["ref"]
    first = cells[ref] if ref < len(cells) else ""
    if first and (len(first) > 40 or field_for(first) != "ref"):
        return False  # a ref or other text where the header says "Ref": not a header
    cells = [c if len(c) <= MAX_HEADER else "" for c in cells]  # headers are short; progress text is not
    same = sum(
        1 for index, label in columns.headers.items()
        if index < len(cells) and cells[index] and normalise_label(cells[index]) == label
    )
    known = sum(1 for cell in cells if cell and field_for(cell))
    # Past the check above, a non-empty first cell is already known to read "Ref".
    return same >= max(2, len(columns.headers) // 2) or (known >= 3 and bool(first))

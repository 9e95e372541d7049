"""Columns mapped by meaning from the header text, whatever their order.

"Actions (what we will do)", "Action", "What we will do" are all the Action column;
"RA", "RAG", "BRAG", "Status" the status column. Headers that mean nothing known are kept as
extra columns under their own names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from paptools.read.text import normalise_label

# Checked in this order, so "Action owner" is an owner and "Action ref" a ref.
FIELD_PATTERNS: tuple[tuple[str, str], ...] = (
    ("ref", r"^(?:action |pap |item )?(?:ref|refs|reference|ref no|ref number|no|number|id|#)$"),
    ("status", r"^(?:b?rag?g?|ra|b?rag status|ra status|rag rating|status|rating|current status|overall status|rag status key)$"),
    ("original_due", r"^original (?:due|deadline|due date|due month|timescale)$"),
    ("latest_due", r"^(?:latest|revised|current) (?:due|deadline|due date|due month)$"),
    ("priority_area", r"^(?:priority (?:action )?area|area)$"),
    ("section", r"^(?:section|workstream|work stream|sub ?section|theme)$"),
    ("owner", r"\b(?:owner|owners|lead|leads|lead officer|responsible|responsibility|accountable)\b"),
    ("timescale", r"\b(?:timescale|timescales|deadline|due|due date|target date|by when|completion date|timeframe|timeline|date for completion)\b"),
    ("success_criteria", r"\b(?:success|measures? of success|kpis?)\b"),
    ("progress", r"\b(?:progress|updates?|commentary|steps taken)\b"),
    ("outcome", r"\b(?:outcome|outcomes|impact)\b"),
    ("evidence", r"\bevidence\b"),
    ("action", r"\b(?:actions?|what we will do|description|task|tasks)\b"),
)
FIELDS = tuple(name for name, _ in FIELD_PATTERNS)
_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in FIELD_PATTERNS)
FIELD_LABELS = {
    "ref": "Ref",
    "action": "Action",
    "owner": "Owner",
    "timescale": "Timescale",
    "success_criteria": "Success criteria",
    "progress": "Progress",
    "outcome": "Outcome/impact",
    "evidence": "Evidence",
    "status": "RA status",
    "original_due": "Original due",
    "latest_due": "Latest due",
    "priority_area": "Priority area",
    "section": "Section",
}


@dataclass(frozen=True)
class ColumnMap:
    """Which column (0-based) holds each field, and the extra columns by header."""

    fields: dict[str, int]
    extra: dict[int, str]
    headers: dict[int, str]  # every non-empty header cell, normalised

    def __contains__(self, name: str) -> bool:
        return name in self.fields

    @property
    def width(self) -> int:
        """How many columns a row must have for every mapped column to exist."""
        return max(list(self.fields.values()) + list(self.extra)) + 1

    @property
    def known(self) -> set[int]:
        return set(self.fields.values()) | set(self.extra)


def field_for(header: str) -> str | None:
    label = normalise_label(header)
    if not label:
        return None
    for name, pattern in _COMPILED:
        if pattern.search(label):
            return name
    return None


def map_columns(cells: list[str]) -> ColumnMap | None:
    """The column map if this row is a header row: a Ref column and two other known fields."""
    fields: dict[str, int] = {}
    extra: dict[int, str] = {}
    headers: dict[int, str] = {}
    for index, cell in enumerate(cells):
        if not cell or len(cell) > 120:
            continue
        headers[index] = normalise_label(cell)
        name = field_for(cell)
        if name and name not in fields:
            fields[name] = index
        else:
            extra[index] = " ".join(cell.split())
    if "ref" not in fields or len(fields) < 3:
        return None
    return ColumnMap(fields, extra, headers)


def is_repeat_header(cells: list[str], columns: ColumnMap) -> bool:
    """A header block repeated before a group of actions, as on the printed pages."""
    ref = columns.fields["ref"]
    first = cells[ref] if ref < len(cells) else ""
    if first and (len(first) > 40 or field_for(first) != "ref"):
        return False  # a ref or other text where the header says "Ref": not a header
    cells = [c if len(c) <= 120 else "" for c in cells]  # headers are short; progress text is not
    same = sum(
        1 for index, label in columns.headers.items()
        if index < len(cells) and cells[index] and normalise_label(cells[index]) == label
    )
    known = sum(1 for index, cell in enumerate(cells) if cell and field_for(cell))
    # Past the check above, a non-empty first cell is already known to read "Ref".
    return same >= max(2, len(columns.headers) // 2) or (known >= 3 and bool(first))

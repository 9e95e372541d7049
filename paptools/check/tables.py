"""A draft's table row -> the claims it makes, read through the table's header row.

Three kinds of table carry plan figures: a status table (a status in the first cell, then a
count and a percentage: "Complete | 33 | 83%"), a version table (statuses across the
header, a version's month down the side), and an action table (a Ref column beside Status
and Due columns). Anything else in a table is not a figure of the plan.
"""
from __future__ import annotations

import re

from paptools.check.claims import INCOMPLETE, TOTAL, Claim, Loose, RefClaim, ref_pattern
from paptools.compare.figures import version_month
from paptools.model import Month, Plan
from paptools.read.dates import find_dates
from paptools.read.drafts import Draft, DraftParagraph
from paptools.read.refs import parse_ref
from paptools.read.statuses import status_from_text

_INT = re.compile(r"^\d{1,6}$")
_PCT = re.compile(r"^(\d{1,3}(?:\.\d+)?)\s*%$")


def _header(paragraph: DraftParagraph, draft: Draft) -> DraftParagraph | None:
    for other in draft.paragraphs:
        if other.kind == "row" and other.table == paragraph.table and other.row == 0:
            return other
    return None


def _caption(paragraph: DraftParagraph, draft: Draft) -> str:
    """The caption just above a table, which often says whose actions it counts."""
    for other in reversed(draft.paragraphs[:paragraph.index]):
        if other.kind == "caption":
            return other.text
        if other.kind not in ("row",):
            return ""
    return ""


def _row_status(text: str) -> str | None:
    lowered = text.strip().lower()
    if lowered in ("total", "all actions", "all"):
        return TOTAL
    if lowered in ("incomplete", "not complete", "outstanding"):
        return INCOMPLETE
    status, _ = status_from_text(text)
    return status.value if status is not None and len(lowered.split()) <= 4 else None


def table_claims(paragraph: DraftParagraph, draft: Draft, plan: Plan, previous: Plan | None,
                 prefixes: frozenset[str]) -> list[Claim | RefClaim | Loose]:
    """The claims of one table row (none for a header row)."""
    if not paragraph.row:
        return []
    header = _header(paragraph, draft)
    heads = [h.lower() for h in header.cells] if header else []
    cells = list(paragraph.cells)
    title = " ".join(heads) + " " + _caption(paragraph, draft).lower()
    group = "pap" if "pap" in title else ("all" if re.search(r"\ball\b", title) else None)
    if any("ref" in h for h in heads):
        return _action_row(cells, heads, prefixes, paragraph.text)
    kind = _row_status(cells[0]) if cells else None
    if kind is not None:
        return _status_row(kind, cells, list(header.cells) if header else [], group, paragraph.text)
    statuses = [_row_status(h) for h in (header.cells if header else ())]
    if sum(1 for s in statuses if s) >= 2 and cells:
        return _version_row(cells, statuses, plan, previous, group, paragraph.text)
    return []


def _status_row(kind: str, cells: list[str], heads: list[str], group: str | None,
                text: str) -> list[Claim | RefClaim | Loose]:
    """'Complete | 38 | 95% | 38 | 73%': each count with the percentage beside it, in the group its
    column header names ('PAP actions', 'All actions')."""
    claims: list[Claim | RefClaim | Loose] = []
    count: tuple[int, str, str | None] | None = None  # value, as written, group
    phrase_of_count = text
    for i, cell in enumerate(cells[1:], start=1):
        written_head = heads[i] if i < len(heads) else ""
        head = written_head.lower()
        phrase = f"{cells[0]}: {cell}" + (f" ({written_head})" if written_head else "")
        column_group = "pap" if "pap" in head else ("all" if re.search(r"\ball\b", head) else group)
        percent = _PCT.match(cell)
        if _INT.match(cell):
            if count is not None:
                claims.append(Claim((kind,), count[0], count[1], None, count[2], phrase_of_count))
            count, phrase_of_count = (int(cell), cell, column_group), phrase
        elif percent:
            value, written, where = count if count is not None else (None, "", column_group)
            claims.append(Claim((kind,), value, written, float(percent.group(1)), where,
                                phrase_of_count if count is not None else phrase))
            count = None
    if count is not None:
        claims.append(Claim((kind,), count[0], count[1], None, count[2], phrase_of_count))
    return claims


def _action_row(cells: list[str], heads: list[str], prefixes: frozenset[str], text: str) -> list[Claim | RefClaim | Loose]:
    claims: list[Claim | RefClaim | Loose] = []
    ref_at = next(i for i, h in enumerate(heads) if "ref" in h)
    if ref_at >= len(cells) or not ref_pattern(prefixes).fullmatch(cells[ref_at].strip()):
        return claims
    parsed = parse_ref(cells[ref_at].strip())
    if parsed is None:
        return claims
    ref = parsed.text
    for i, head in enumerate(heads[:len(cells)]):
        value = cells[i]
        if re.search(r"\b(?:status|rag|ra)\b", head) and value:
            status, _ = status_from_text(value)
            if status is not None:
                claims.append(RefClaim(ref, "status", status.value, None, f"{ref} | {value}"))
            else:
                claims.append(Loose(f"{ref} | {value}", "a status this check does not recognise"))
        elif re.search(r"\b(?:due|deadline)\b", head) and not re.search(r"before|previous|original|was", head):
            tokens = find_dates(value)
            if tokens:
                month = Month(tokens[-1].date.year, tokens[-1].date.month)
                what = "revised due" if "revised" in head else "due"
                claims.append(RefClaim(ref, what, None, month, f"{ref} | due {value}"))
    return claims


def _version_row(cells: list[str], statuses: list[str | None], plan: Plan, previous: Plan | None,
                 group: str | None, text: str) -> list[Claim | RefClaim | Loose]:
    """A row of a version table (the current or the previous version's counts), or of a table by
    priority area or section ('Priority area 1 | 10 | 5 | 0 | 0 | 0 | 15')."""
    part = _part_of_plan(cells[0], plan)
    if part is not None:
        return [Claim((kind,), int(cell), cell, None, part, f"{cells[0]}: {cell} {kind}")
                for kind, cell in zip(statuses, cells) if kind and _INT.match(cell)]
    tokens = find_dates(cells[0])
    month = Month(tokens[0].date.year, tokens[0].date.month) if tokens else None
    is_previous = previous is not None and month is not None and month == version_month(previous)
    if month is None or (month != version_month(plan) and not is_previous):
        return [Loose(text, "a row of a version this check was not given")]
    claims: list[Claim | RefClaim | Loose] = []
    for kind, cell in zip(statuses, cells):
        if kind and _INT.match(cell):
            claims.append(Claim((kind,), int(cell), cell, None, group, f"{cells[0]}: {cell} {kind}",
                                previous=is_previous and month != version_month(plan)))
    return claims


def _part_of_plan(label: str, plan: Plan) -> str | None:
    """'area:Priority area 1' or 'section:CAMHS' when a row's label names one in the plan
    ('area:' for the report's 'No priority area')."""
    wanted = " ".join(label.split()).lower()
    if wanted == "no priority area" and any(not action.priority_area for action in plan.actions):
        return "area:"
    for action in plan.actions:
        if action.priority_area and action.priority_area.lower() == wanted:
            return f"area:{action.priority_area}"
    for action in plan.actions:
        if action.section and action.section.lower() == wanted:
            return f"section:{action.section}"
    return None

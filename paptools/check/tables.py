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
        number = next((c for c in cells[1:] if _INT.match(c)), None)
        percent = next((_PCT.match(c) for c in cells[1:] if _PCT.match(c)), None)
        if number is None and percent is None:
            return []
        return [Claim((kind,), int(number) if number else None, number or "", float(percent.group(1))
                      if percent else None, group, paragraph.text)]
    statuses = [_row_status(h) for h in (header.cells if header else ())]
    if sum(1 for s in statuses if s) >= 2 and cells:
        return _version_row(cells, statuses, plan, previous, group, paragraph.text)
    return []


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
    """A row of a version table: the current version's counts, or the previous version's."""
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

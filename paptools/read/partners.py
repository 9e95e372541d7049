"""Columns a joint plan keeps one per partner: "Education update" | "Health update", "Lead (LA)" |
"Lead (ICB)". Each partner's updates are the action's progress and each partner's lead one of its
owners, so such a column is read with the one chosen for its field, not left an extra column.

Only headers that both name the field ("update"/"progress", "lead"/"owner") and differ by a
partner's or a team's name are partners; any other pair that could each be the field
("Progress" | "Comments", "Accountable" | "Responsible officer") stays one column read and the
other reported (read/header_map.py).
"""
from __future__ import annotations

import re

from paptools.read.text import clean_text

_FIELD_WORDS = {
    "progress": re.compile(r"\b(?:updates?|progress)\b", re.I),
    "owner": re.compile(r"\b(?:leads?|owners?)\b", re.I),
}
# Words that may stand beside the field's own without naming anyone ("Latest health update").
_FILLER = frozenset({"latest", "current", "the", "of", "from", "by", "and", "&", "officer", "s"})
# Partners and teams of a SEND plan, word by word ("social care", "local authority").
_PARTNER = frozenset({
    "education", "health", "social", "care", "children", "childrens", "children's", "adult", "adults", "services",
    "service", "council", "local", "authority", "la", "icb", "ics", "ccg", "nhs", "trust", "school", "schools",
    "early", "years", "send", "sen", "inclusion", "team", "public", "camhs", "therapy", "therapies", "partner",
    "partners", "partnership", "ep", "educational", "psychology", "parent", "carer", "carers", "forum", "pcf",
    "youth", "justice", "clinical", "commissioning", "provider", "providers", "police", "dco", "dmo",
})
_ACRONYM = re.compile(r"[A-Z]{2,6}")  # a partner written in capitals ("SALT update", "Lead (DCO)")
_NOT_PARTNER = frozenset({"RAG", "BRAG", "DCA", "PAP", "KPI", "RA"})
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def partners(first: str, other: str, field: str) -> bool:
    """Whether two headers of `field` are its column for two partners: both name the field, and
    what else each says is a partner's or team's name, not the same one, in one of them at least."""
    names = [_partner_name(header, field) for header in (first, other)]
    return all(name is not None for name in names) and names[0] != names[1]


def _partner_name(header: str, field: str) -> frozenset[str] | None:
    """The partner a header names besides its field's word (empty: none), or None when it says
    something else too ("Comments update", "Accountable lead") or does not name the field."""
    text = clean_text(header)
    words = _FIELD_WORDS.get(field)
    if words is None or not words.search(text):
        return None
    name: set[str] = set()
    for word in _WORD.findall(words.sub(" ", text)):
        lower = word.lower()
        if lower in _FILLER:
            continue
        if lower not in _PARTNER and not (_ACRONYM.fullmatch(word) and word not in _NOT_PARTNER):
            return None
        name.add(lower)
    return frozenset(name)

"""A draft's sentence -> the figures it states about the plan, as Claim records.

A claim is a count bound to what it counts: "Seven actions (17%) are incomplete",
"three of these are still on track", "one at risk", "thirty-three of the 40 PAP actions now
complete", "Of a total of 40 PAP actions", "PAP 2.3 is on track", "PAP 2.3 ... Due: Mar 2025".
A count binds only to a status phrase that follows it closely ("One action has not been
started yet, however is on track" counts one not started, never one on track). A number
that counts actions, entries or timescales but states nothing this module can tie to the plan
is returned as an unchecked figure, so it is listed rather than passed silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from paptools.check.numbers import NUMBER, number_value
from paptools.model import EntryDate, Month, Status
from paptools.read.dates import find_dates
from paptools.read.refs import parse_ref

INCOMPLETE = "incomplete"
TOTAL = "total"
OVERDUE = "overdue"
NO_UPDATE = "no update"
WITHIN = "within timescale"
BY_ORIGINAL = "by the original due month"
BY_REVISED = "by a revised due month"
LATE = "late"
NO_DUE = "no due month"
COMPLETION_UNKNOWN = "completion unknown"
NO_STATUS = "no status"
# What changed since the previous version ("fourteen new progress entries ... across eleven actions").
NEW_ENTRIES = "new progress entries"
MOVED = "actions with new progress"
STATUS_CHANGED = "actions that changed status"
ADDED = "actions added"
REMOVED = "actions removed"
TIMESCALES = "timescales changed"
REVISED_AGAIN = "timescales revised again"
CHANGE_KINDS = frozenset({NEW_ENTRIES, MOVED, STATUS_CHANGED, ADDED, REMOVED, TIMESCALES, REVISED_AGAIN})

# (kind, pattern) tried at one place, longest and most specific first.
_PHRASES: tuple[tuple[str, str], ...] = (
    (BY_ORIGINAL, r"(?:been\s+)?(?:completed\s+)?by\s+(?:its|their|the)\s+original\s+(?:due\s+(?:month|date)|deadline"
                  r"|timescales?)"),
    (BY_REVISED, r"(?:been\s+)?(?:completed\s+)?(?:by\s+(?:its|their|the|a)\s+revised\s+(?:due\s+(?:month|date)|deadline)"
                 r"|within\s+(?:its|their|the|a)\s+revised\s+timescales?)"),
    (WITHIN, r"(?:been\s+)?(?:marked\s+(?:as\s+)?)?complete(?:d)?\s+(?:with)?in\s+(?:the\s+|their\s+|its\s+)?"
             r"(?:agreed\s+|original\s+)?timescales?"),
    (LATE, r"(?:(?:been\s+)?completed?\s+)?(?:late|after\s+(?:its|their|the)\s+(?:original\s+|latest\s+)?"
           r"(?:due\s+(?:month|date)|deadline|timescales?))"),
    (COMPLETION_UNKNOWN, r"(?:for\s+(?:which|whom)\s+)?(?:the\s+)?month\s+of\s+completion\s+(?:is\s+)?not\s+recorded"
                         r"|no\s+entry\s+records\s+(?:the\s+|when\s+)?(?:month\s+of\s+completion|it\s+was\s+completed)"),
    (NO_DUE, r"(?:have|has)\s+no\s+due\s+(?:month|date)(?:\s+to\s+compare\s+(?:it\s+)?with)?"),
    (NO_UPDATE, r"without\s+(?:an?\s+)?(?:new\s+)?(?:update|progress)|(?:have|has|had)\s+no\s+(?:new\s+)?"
                r"(?:update|progress)|not\s+(?:been\s+)?updated"),
    (OVERDUE, r"overdue|past\s+(?:its|their)\s+(?:latest\s+|revised\s+)?(?:due\s+(?:date|month)|deadline)"),
    (Status.NOT_STARTED.value, r"not\s+(?:yet\s+)?(?:been\s+)?started(?:\s+yet)?|yet\s+to\s+(?:start|begin)"),
    (INCOMPLETE, r"incomplete|not\s+(?:yet\s+)?(?:been\s+)?complete(?:d)?\b|outstanding|still\s+open"),
    (Status.COMPLETE.value, r"(?:fully\s+)?complete(?:d)?\b"),
    (Status.ON_TRACK.value, r"on\s+track|on\s+target"),
    (Status.VULNERABLE.value, r"vulnerable|(?:showing\s+)?some\s+slippage"),
    (Status.AT_RISK.value, r"at\s+risk|off\s+track"),
    (NO_STATUS, r"(?:have|has)\s+no\s+status(?:\s+recorded)?|no\s+status\s+recorded"),
)
_PHRASE_RES = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in _PHRASES)
_COLOUR_RES = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in (
    (Status.COMPLETE.value, r"blue\b"), (Status.ON_TRACK.value, r"green\b"),
    (Status.VULNERABLE.value, r"amber\b"), (Status.AT_RISK.value, r"red\b"),
))
_FILLER = frozenset(["is", "are", "was", "were", "has", "have", "had", "been", "be", "being", "marked", "as", "still", "now", "currently", "remain", "remains", "remaining", "rated", "recorded", "shown", "reported", "already", "judged", "considered", "also", "assessed", "which", "that", "of", "these", "them", "those", "in", "total", "overall", "all"])
_NOUN = r"(?:(?:PAP|priority|improvement[\s-]plan|further|other|remaining|more)\s+)?actions?\b"
_PER_CENT = r"(?:%|\s*per\s?cent\b|\s*percent\b)"
_PCT = r"\(\s*(?P<{name}>\d{{1,3}}(?:\.\d+)?)\s*" + _PER_CENT.replace("{", "{{").replace("}", "}}") + r"\s*\)"
_COUNT = re.compile(
    rf"(?P<num>\b{NUMBER}\b)(?:\s*{_PCT.format(name='p1')})?(?:\s+(?P<noun>{_NOUN}))?"
    rf"(?:\s*{_PCT.format(name='p2')})?",
    re.I,
)
_X_OF_Y = re.compile(rf"(?P<num>\b{NUMBER}\b)(?:\s*{_PCT.format(name='p1')})?\s+(?:out\s+)?of\s+"
                     rf"(?:the\s+|all\s+|a\s+total\s+of\s+)?(?P<of>{NUMBER})\s+(?P<noun>{_NOUN})", re.I)
_TOTAL = re.compile(
    rf"(?:(?:of\s+)?a\s+total\s+of|all(?:\s+the)?|in\s+total,?|there\s+are|the\s+plan\s+has)\s+(?P<num>{NUMBER})\s+"
    rf"(?P<noun>{_NOUN})|(?P<num2>\b{NUMBER})\s+(?P<noun2>{_NOUN})\s+in\s+(?:total|the\s+plan)", re.I)
_HEADER = re.compile(rf"\bof\s+the\s+(?P<num>{NUMBER})\s+(?P<kind>incomplete|complete(?:d)?|outstanding|open)\s+"
                     rf"(?P<noun>{_NOUN})", re.I)
_PCT_FIRST = re.compile(r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*" + _PER_CENT + r"\s+of\s+(?:the\s+|all\s+)?(?P<noun>" + _NOUN + r")", re.I)
_OTHER_NOUN = re.compile(
    rf"(?P<num>\b{NUMBER}\b)\s+(?:[a-z\-]+\s+){{0,2}}?(?:actions?|(?:progress\s+)?entries|updates|timescales)\b", re.I)
# A hedge just before a number makes it approximate: "over 40% of actions", "about ten actions".
_HEDGE = re.compile(r"\b(?:over|more than|nearly|almost|around|about|approximately|approx\.?|c\.|at least|less than"
                    r"|under|fewer than|up to|some)\s*$", re.I)
_CHANGES = tuple((kind, re.compile(pattern.replace("NUM", rf"(?P<num>\b{NUMBER})"), re.I)) for kind, pattern in (
    (NEW_ENTRIES, r"NUM\s+new\s+(?:progress\s+)?(?:entry|entries|updates?)\b"),
    (MOVED, r"\bacross\s+NUM\s+actions?\b"),
    (STATUS_CHANGED, r"NUM\s+actions?\s+(?:have\s+|has\s+)?changed\s+(?:their\s+|its\s+)?status"),
    (ADDED, r"NUM\s+(?:new\s+)?actions?\s+(?:was|were|have\s+been|has\s+been)\s+added"),
    (REMOVED, r"NUM\s+actions?\s+(?:was|were|have\s+been|has\s+been)\s+removed"),
    (TIMESCALES, r"NUM\s+timescales?\s+(?:have\s+|has\s+)?(?:changed|(?:been\s+)?revised)\s+since"),
    (REVISED_AGAIN, r"NUM\s+timescales?\s+revised\s+more\s+than\s+once"),
    (REVISED_AGAIN, r"timescales?\b.*?;\s*NUM\s+of\s+them\s+had\s+already\s+been\s+revised"),
))
_ANY_PCT = re.compile(r"\b\d{1,3}(?:\.\d+)?\s*" + _PER_CENT, re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DECIMAL = re.compile(r"(?<![\d.])\d+(?:\.\d+)+(?![\d.]*\s*%)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘'\"(])")
_COPULA = (r"(?:\s*[:\-–]\s*|\s+)(?:(?:is|are|was|were|has\s+been|have\s+been|remains?|now|still|currently|rated"
           r"|marked(?:\s+as)?|shown\s+as|reported\s+as|RAG\s+rated|status)\s+)+")


@dataclass(frozen=True)
class Claim:
    """A count (or percentage) the draft states, and what it counts."""

    kinds: tuple[str, ...]  # a Status value or one of the kinds above; several are summed
    count: int | None
    count_text: str  # the number as written: "Seven", "33"
    percent: float | None
    group: str | None  # "pap", "all" or None (the context decides)
    phrase: str  # the draft's words, quoted in a finding
    header: bool = False  # "Of the seven incomplete actions, ...": a breakdown follows
    previous: bool = False  # a figure of the previous version (a row of a version table)

    @property
    def kind(self) -> str:
        return self.kinds[0]


@dataclass(frozen=True)
class RefClaim:
    """What the draft says about one action: its status, its due month or its completion month."""

    ref: str
    what: str  # "status", "due", "revised due" or "completed"
    status: str | None  # for "status": a Status value (or "overdue")
    month: Month | None
    phrase: str


@dataclass(frozen=True)
class Loose:
    """A figure the draft states that this module could not tie to the plan."""

    phrase: str
    reason: str


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def mask(text: str, prefixes: frozenset[str]) -> str:
    """Refs, dates and years blanked (same length), so their digits are not read as counts."""
    chars = list(text)

    def blank(start: int, end: int) -> None:
        chars[start:end] = "_" * (end - start)

    for match in ref_matches(text, prefixes):
        blank(match.start(), match.end())
    for token in find_dates(text):
        blank(token.start, token.end)
    for match in _YEAR.finditer(text):
        blank(match.start(), match.end())
    for match in _DECIMAL.finditer(text):  # "1.11" (a ref without a prefix), "3.0 WTE": never a count
        blank(match.start(), match.end())
    return "".join(chars)


def ref_pattern(prefixes: frozenset[str]) -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(p) for p in prefixes if p), key=len, reverse=True)) or "PAP"
    return re.compile(rf"\b(?:{names})\s*[:.]?\s*\d{{1,3}}(?:\.\d{{1,3}})+[a-z]?\b", re.I)


def ref_matches(text: str, prefixes: frozenset[str]) -> list[re.Match[str]]:
    return list(ref_pattern(prefixes).finditer(text))


def _phrase_at(text: str, pos: int) -> tuple[str, int] | None:
    """The status phrase starting at pos after at most five filler words.

    A colour ("rated green", "are amber") counts only after a verb, never straight after the
    number: "three green spaces" states no status.
    """
    words = 0
    while True:
        for kind, pattern in _PHRASE_RES + (_COLOUR_RES if words else ()):
            match = pattern.match(text, pos)
            if match:
                return kind, match.end()
        filler = re.compile(r"([A-Za-z]+)[\s,]+").match(text, pos)
        if not filler or filler.group(1).lower() not in _FILLER or words >= 5:
            return None
        pos, words = filler.end(), words + 1


def _compound(text: str, end: int, first: str) -> tuple[tuple[str, ...], int]:
    """'at risk or vulnerable': several statuses counted together; 'and without an update' qualifies."""
    kinds = [first]
    joined = re.compile(r"\s*,?\s+(?:or|and|and/or)\s+(?:are\s+|is\s+)?").match(text, end)
    if joined:
        found = _phrase_at(text, joined.end())
        next_is_number = re.match(rf"\s*{NUMBER}\b", text[joined.end():], re.I)
        if found and not next_is_number:
            qualifiers = {NO_UPDATE, OVERDUE}
            if found[0] in qualifiers and first not in qualifiers:  # "not complete and without new progress"
                return (found[0],), found[1]
            if first in qualifiers or found[0] == INCOMPLETE:  # "past its due date and not complete"
                return (first,), found[1]
            kinds.append(found[0])
            end = found[1]
    return tuple(kinds), end


def _group(sentence: str, noun: str | None) -> str | None:
    area = re.search(r"\bpriority\s+area\s+(\d{1,2})\b", sentence, re.I)
    if area:  # "In priority area 1, eight of the ten actions are complete"
        return f"area:Priority area {int(area.group(1))}"
    if noun and re.match(r"PAP\b", noun, re.I):
        return "pap"
    if re.search(r"\bPAP\s+actions\b", sentence, re.I):
        return "pap"
    if re.search(r"\ball\s+(?:\w+\s+)?actions\b|\bimprovement[\s-]plan\b|\bacross the plan\b", sentence, re.I):
        return "all"
    return None


def _percent(match: re.Match[str]) -> float | None:
    for name in ("p1", "p2"):
        value = match.groupdict().get(name)
        if value:
            return float(value)
    return None


def count_claims(sentence: str, masked: str) -> tuple[list[Claim], list[Loose]]:
    """The counts a sentence states about the plan's statuses, and the figures left over."""
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _TOTAL.finditer(masked):
        num = match.group("num") or match.group("num2")
        noun = match.group("noun") or match.group("noun2")
        claims.append(Claim((TOTAL,), number_value(num), num, None, _group(sentence, noun),
                            sentence[match.start():match.end()].strip(), header=True))
        taken.append(match.span())
    for match in _HEADER.finditer(masked):
        kind = INCOMPLETE if match.group("kind").lower() in ("incomplete", "outstanding", "open") else "Complete"
        claims.append(Claim((kind,), number_value(match.group("num")), match.group("num"), None,
                            _group(sentence, match.group("noun")), sentence[match.start():match.end()], header=True))
        taken.append(match.span())
    for match in _X_OF_Y.finditer(masked):
        found = _phrase_at(masked, _skip_space(masked, match.end()))
        if not found or not free(*match.span()):
            continue
        kinds, end = _compound(masked, found[1], found[0])
        group = _group(sentence, match.group("noun"))
        claims.append(Claim((TOTAL,), number_value(match.group("of")), match.group("of"), None, group,
                            sentence[match.start():match.end()]))
        claims.append(Claim(kinds, number_value(match.group("num")), match.group("num"), _percent(match), group,
                            sentence[match.start():end]))
        taken.append((match.start(), end))
    for match in _COUNT.finditer(masked):
        if not free(*match.span()) or not match.group("num").strip():
            continue
        found = _phrase_at(masked, _skip_space(masked, match.end()))
        if found is None:
            continue
        kinds, end = _compound(masked, found[1], found[0])
        claims.append(Claim(kinds, number_value(match.group("num")), match.group("num"), _percent(match),
                            _group(sentence, match.group("noun")), sentence[match.start():end].strip(" ,")))
        taken.append((match.start(), end))
    for match in _PCT_FIRST.finditer(masked):
        found = _phrase_at(masked, _skip_space(masked, match.end()))
        if found and free(*match.span()):
            kinds, end = _compound(masked, found[1], found[0])
            claims.append(Claim(kinds, None, "", float(match.group("pct")), _group(sentence, match.group("noun")),
                                sentence[match.start():end]))
            taken.append((match.start(), end))
    for kind, pattern in _CHANGES:
        for match in pattern.finditer(masked):
            if free(*match.span()):
                claims.append(Claim((kind,), number_value(match.group("num")), match.group("num"), None, None,
                                    sentence[match.start():match.end()]))
                taken.append(match.span())
    approximate = [c for c in claims if _HEDGE.search(masked[:max(sentence.find(c.phrase), 0)])]
    claims = [c for c in claims if c not in approximate]
    claims.sort(key=lambda c: sentence.find(c.phrase))
    loose = [Loose(sentence[m.start():m.end()], "a count this check cannot tie to the plan's figures")
             for m in _OTHER_NOUN.finditer(masked) if free(*m.span()) and number_value(m.group("num")) is not None]
    if re.search(r"\bactions?\b|\bon track\b|\bat risk\b|\bvulnerable\b|\bcomplete\b", sentence, re.I):
        loose += [Loose(sentence[m.start():m.end()], "a percentage this check cannot tie to a count")
                  for m in _ANY_PCT.finditer(masked) if free(*m.span())]
    loose += [Loose(c.phrase, "an approximate figure ('over', 'about' ...): not checked") for c in approximate]
    return claims, loose


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t,":
        pos += 1
    return pos


def ref_claims(sentence: str, prefixes: frozenset[str], lead: str | None = None) -> list[RefClaim]:
    """What a sentence says about named actions: 'PAP 2.3 is on track', 'Due: Mar 2025'.

    `lead` is the ref a paragraph opens with ("PAP 1.5: ... Status: Complete"), which the
    'Status:' and 'Due:' fields of that paragraph belong to.
    """
    found: list[RefClaim] = []
    pattern = ref_pattern(prefixes)
    text = re.sub(r"\(was [^)]*\)", lambda m: "_" * len(m.group()), sentence)
    for match in re.finditer(rf"{pattern.pattern}(?:\s*(?:,|and|&)\s*{pattern.pattern})*", text, re.I):
        refs = [_norm(m.group()) for m in pattern.finditer(match.group())]
        after = re.compile(_COPULA, re.I).match(text, match.end())
        bracket = re.compile(r"\s*\(\s*", re.I).match(text, match.end())
        for start in filter(None, (after, bracket)):
            for kind, phrase in _PHRASE_RES:
                hit = phrase.match(text, start.end())
                if hit and kind in {s.value for s in Status} | {OVERDUE}:
                    quoted = sentence[match.start():hit.end()]
                    found += [RefClaim(ref, "status", kind, None, quoted) for ref in refs if ref]
                    break
            else:
                continue
            break
    if lead:
        status = re.search(r"\bStatus:\s*", text)
        if status:
            for kind, phrase in _PHRASE_RES:
                hit = phrase.match(text, status.end())
                if hit and kind in {s.value for s in Status}:
                    found.append(RefClaim(lead, "status", kind, None, sentence[status.start():hit.end()]))
                    break
    found += _month_claims(sentence, text, pattern, lead)
    return found


def _month_claims(sentence: str, text: str, pattern: re.Pattern[str], lead: str | None) -> list[RefClaim]:
    """Due and completion months, given to the ref named last before them (or the paragraph's)."""
    claims: list[RefClaim] = []
    refs = [(m.start(), _norm(m.group())) for m in pattern.finditer(text)]
    cues = (
        ("revised due", r"(?:revised|new)\s+(?:due\s+)?(?:date|timescale|deadline)\s*(?::|of|is|to|for)?\s*$"),
        ("due", r"\b(?:due|deadline|timescale)(?:\s+date)?\s*(?::|in|by|on|for|is)?\s*$"),
        ("completed", r"\b(?:completed|marked\s+(?:as\s+)?complete|closed|signed\s+off)\s+(?:in|on|during)\s*$"),
    )
    for token in find_dates(text):
        before = text[max(0, token.start - 40):token.start]
        for what, cue in cues:
            hit = re.search(cue, before, re.I)
            if hit:
                owner = [ref for start, ref in refs if start < token.start]
                ref = owner[-1] if owner else lead
                if ref:
                    start = token.start - len(before) + hit.start()
                    claims.append(RefClaim(ref, what, None, _month(token.date), sentence[start:token.end].strip()))
                break
    return claims


def _month(value: EntryDate) -> Month:
    return Month(value.year, value.month)


def _norm(text: str) -> str:
    ref = parse_ref(re.sub(r"\s+", " ", text.strip()))
    return ref.text if ref else ""

"""A draft report against the plan: every figure it states, checked or listed as unchecked.

The draft arrives as paragraph records (read/drafts.py); the plan's figures come from
check/facts.py. Counts and percentages of each status, totals, "x of y", breakdowns that
must add up ("Seven actions are incomplete" followed by the statuses of those seven), the
number of actions listed under a sentence, refs quoted with a status, due and completion
months, and status tables are checked. A percentage is right under half-up rounding or the
largest-remainder split of its group (check/numbers.py). Whatever cannot be tied to the plan
is returned as unchecked, never passed silently.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from paptools.check.claims import (
    BY_ORIGINAL,
    BY_REVISED,
    CHANGE_KINDS,
    COMPLETION_UNKNOWN,
    INCOMPLETE,
    LATE,
    NO_DUE,
    NO_STATUS,
    TOTAL,
    WITHIN,
    Claim,
    Loose,
    RefClaim,
    count_claims,
    mask,
    ref_claims,
    ref_pattern,
    sentences,
)
from paptools.check.facts import KIND_LABELS, SHORT_LABELS, GroupFacts, change_figures, completion_detail, group_facts
from paptools.check.lint import plan_as_of
from paptools.check.named import AGREES, UNCHECKED, judge
from paptools.check.numbers import acceptable_percents, exact_percent, half_up, status_splits
from paptools.check.outcome import Checked, DraftCheck, Unchecked
from paptools.check.tables import table_claims
from paptools.model import Finding, Plan, Status
from paptools.read.dates import find_dates
from paptools.read.drafts import Draft, DraftParagraph
from paptools.read.refs import parse_ref

_STATUS_PARTS = {s.value for s in Status if s is not Status.COMPLETE} | {NO_STATUS}
# "September 2024 (Steve Larking): ...", "Nov 2024: ...": a progress entry quoted in the draft.
_QUOTED_ENTRY = re.compile(r"^(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+\d{4}(?:\s*\([^)]*\))?\s*[:\-–]\s")
_COMPLETE_PARTS = {WITHIN, BY_ORIGINAL, BY_REVISED, LATE, NO_DUE, COMPLETION_UNKNOWN}


@dataclass
class _Breakdown:
    header: Claim
    where: str
    groups: tuple[GroupFacts, ...]
    parts: list[Claim] = field(default_factory=list)


def draft_as_of(draft: Draft) -> date | None:
    """The date a draft says its figures are 'as of' / 'as at', when it says one.

    Only a paragraph about the plan's figures counts ("All figures are counted from the
    plan ... as of 31 January 2025", "Overdue as of ..."), not "743 children as of November".
    """
    for paragraph in draft.paragraphs:
        match = re.search(r"\bas (?:of|at)\s+", paragraph.text, re.I)
        if not match or not re.search(r"\b(?:figures?|plan|overdue|actions?|status(?:es)?)\b", paragraph.text, re.I):
            continue
        tokens = [t for t in find_dates(paragraph.text) if t.start == match.end()]
        if tokens:
            value = tokens[0].date
            day = value.day or calendar.monthrange(value.year, value.month)[1]
            return date(value.year, value.month, day)
    return None


def check_draft(draft: Draft, plan: Plan, previous: Plan | None = None, as_of: date | None = None) -> DraftCheck:
    """Check every figure of the draft against the plan (and the previous version, if given)."""
    source = "--as-of"
    if as_of is None:
        as_of, source = draft_as_of(draft), "the draft ('as of ...')"
    if as_of is None:
        as_of, source = plan_as_of(plan), "the plan's version"
    if as_of is None:
        as_of, source = date.today(), "today"
    return _Checker(draft, plan, previous, as_of, source).run()


class _Checker:
    def __init__(self, draft: Draft, plan: Plan, previous: Plan | None, as_of: date, source: str):
        self.draft, self.plan, self.previous, self.as_of, self.source = draft, plan, previous, as_of, source
        self.stale, changed = change_figures(plan, previous)
        stale = self.stale
        self.facts = {
            "pap": group_facts("pap", plan.pap_actions, as_of, stale),
            "all": group_facts("all", plan.actions, as_of, stale),
        }
        for facts in self.facts.values():  # what changed is counted across the whole plan
            facts.figures.update(changed)
        self.previous_facts = {} if previous is None else {
            "pap": group_facts("pap", previous.pap_actions, plan_as_of(previous), None),
            "all": group_facts("all", previous.actions, plan_as_of(previous), None),
        }
        self.prefixes = frozenset(r.split()[0] for r in (a.ref for a in plan.actions) if " " in r) or frozenset({"PAP"})
        self.findings: list[Finding] = []
        self.checked: list[Checked] = []
        self.unchecked: list[Unchecked] = []
        self.context: str | None = None
        self.open: list[_Breakdown] = []

    def run(self) -> DraftCheck:
        paragraphs = self.draft.paragraphs
        listing = False  # after "Of a total of 40 PAP actions:", the figures that follow belong to it
        for i, paragraph in enumerate(paragraphs):
            if paragraph.kind in ("heading", "caption", "row"):
                self._close_all()
                listing = False
                if paragraph.kind == "heading":  # a new section says again whose figures it gives
                    self.context = None
                if paragraph.kind == "row":
                    self._row(paragraph)
                continue
            if not (listing or (paragraph.kind == "item" and i and paragraphs[i - 1].kind == "item")):
                self._close_all()
            claims = self._paragraph(paragraph)
            self._listing(paragraph, claims, paragraphs[i + 1:])
            if paragraph.text.rstrip().endswith(":"):
                listing = True
            elif listing and not claims:
                self._close_all()
                listing = False
            elif not listing and paragraph.kind == "paragraph":
                self._close_all()
        self._close_all()
        return DraftCheck(self.draft.source, self.plan.source, self.previous.source if self.previous else None,
                          self.as_of, self.source, tuple(self.findings), tuple(self.checked), tuple(self.unchecked))

    # -- paragraphs --------------------------------------------------------------------
    def _paragraph(self, paragraph: DraftParagraph) -> list[Claim]:
        lead_match = ref_pattern(self.prefixes).match(paragraph.text)
        lead = _norm(lead_match.group()) if lead_match else None
        all_claims: list[Claim] = []
        quoted = bool(_QUOTED_ENTRY.match(paragraph.text))
        for sentence in sentences(paragraph.text):
            claims, loose = count_claims(sentence, mask(sentence, self.prefixes))
            if quoted:  # an officer's progress entry, quoted: its counts are of other things
                loose += [Loose(c.phrase, "in a quoted progress entry, not a figure of the plan") for c in claims]
                claims = []
            for claim in claims:
                self._claim(claim, paragraph.label)
            all_claims += claims
            for item in loose:
                self.unchecked.append(Unchecked(paragraph.label, item.phrase, item.reason))
            for ref_claim in ref_claims(sentence, self.prefixes, lead):
                self._ref_claim(ref_claim, paragraph.label)
        return all_claims

    def _row(self, paragraph: DraftParagraph) -> None:
        for item in table_claims(paragraph, self.draft, self.plan, self.previous, self.prefixes):
            if isinstance(item, Claim):
                self._evaluate(item, paragraph.label, self._groups(item, item.previous))
            elif isinstance(item, RefClaim):
                self._ref_claim(item, paragraph.label)
            else:
                self.unchecked.append(Unchecked(paragraph.label, item.phrase, item.reason))

    def _listing(self, paragraph: DraftParagraph, claims: list[Claim], rest: tuple[DraftParagraph, ...]) -> None:
        """'Four actions are not complete ...' followed by a list of four actions."""
        counted = [c for c in claims if c.count is not None and c.kind != TOTAL]
        if len(counted) != 1:
            return
        items: list[DraftParagraph] = []
        for following in rest:
            if following.kind == "caption" or (following.kind == "row" and following.row == 0 and not items):
                continue
            if following.kind in ("item", "row"):
                items.append(following)
                continue
            break
        pattern = ref_pattern(self.prefixes)
        if not items or not all(pattern.match(i.cells[0] if i.cells else i.text) for i in items):
            return
        claim = counted[0]
        if claim.count == len(items):
            self.checked.append(Checked(paragraph.label, f"{claim.phrase} ({len(items)} listed)"))
        else:
            self._find("listed-count", paragraph.label, claim.phrase,
                       f"the sentence says {claim.count_text} but {len(items)} action{'s are' if len(items) != 1 else ' is'}"
                       " listed under it.", "List every action the sentence counts, or correct the number.")

    # -- counts ------------------------------------------------------------------------
    def _groups(self, claim: Claim, previous: bool = False) -> tuple[GroupFacts, ...]:
        facts = self.previous_facts if previous else self.facts
        name = claim.group or self.context
        if name and name not in facts and ":" in name:  # a priority area or a section: its own figures
            what, label = name.split(":", 1)
            chosen = tuple(a for a in self.plan.actions
                           if ((a.priority_area if what == "area" else a.section) or "") == label)
            facts[name] = group_facts(name, chosen, self.as_of, self.stale)
            return (facts[name],)
        if name:
            return (facts[name],)
        return (facts["pap"], facts["all"])

    def _claim(self, claim: Claim, where: str) -> None:
        groups = self._groups(claim)
        if claim.kind == TOTAL:  # "Of a total of 40 PAP actions": the figures that follow are of those
            if claim.header:
                self._close(lambda b: True)
            matching = [g.name for g in groups if g.counts.total == claim.count]
            self.context = claim.group or (matching[0] if matching else self.context)
            groups = self._groups(claim)
        kind = claim.kind
        also_complete = kind == WITHIN and not any(b.header.kind == Status.COMPLETE.value for b in self.open)
        self._evaluate(claim, where, groups, quiet_percent=also_complete)
        if also_complete:
            # "33 actions (83%) have been marked as complete within timescale": 33 complete, too
            claim = Claim((Status.COMPLETE.value,), claim.count, claim.count_text, claim.percent, claim.group,
                          claim.phrase)
            self._evaluate(claim, where, groups)
            kind = Status.COMPLETE.value
        self._attach(claim, kind, where, groups)

    def _attach(self, claim: Claim, kind: str, where: str, groups: tuple[GroupFacts, ...]) -> None:
        if kind == TOTAL:
            if claim.header:
                self.open.append(_Breakdown(claim, where, groups))
            return
        if kind in (INCOMPLETE, Status.COMPLETE.value):
            if not claim.header:  # "Of the seven incomplete actions" restates a part, it adds none
                self._add_part(claim, lambda b: b.header.kind == TOTAL)
            self._close(lambda b: b.header.kind == kind)
            self.open.append(_Breakdown(claim, where, groups))
        elif set(claim.kinds) <= _STATUS_PARTS:
            if not self._add_part(claim, lambda b: b.header.kind == INCOMPLETE):
                self._add_part(claim, lambda b: b.header.kind == TOTAL)
        elif set(claim.kinds) <= _COMPLETE_PARTS:
            self._add_part(claim, lambda b: b.header.kind == Status.COMPLETE.value)

    def _add_part(self, claim: Claim, which: Callable[[_Breakdown], bool]) -> bool:
        for breakdown in reversed(self.open):
            if which(breakdown):
                breakdown.parts.append(claim)
                return True
        return False

    def _close(self, which: Callable[[_Breakdown], bool]) -> None:
        for breakdown in [b for b in self.open if which(b)]:
            self.open.remove(breakdown)
            self._breakdown(breakdown)

    def _close_all(self) -> None:
        self._close(lambda b: True)

    def _breakdown(self, breakdown: _Breakdown) -> None:
        """A breakdown of two or more parts must add up to the number it breaks down."""
        parts = [p for p in breakdown.parts if p.count is not None]
        header = breakdown.header
        if len(parts) < 2 or header.count is None:
            return
        if header.kind == TOTAL:  # only a whole split of the total must add up to it
            kinds = {k for p in parts for k in p.kinds}
            whole = Status.COMPLETE.value in kinds and (INCOMPLETE in kinds or len(kinds & _STATUS_PARTS) >= 3)
            if not whole:
                return
        total = sum(p.count or 0 for p in parts)
        if total == header.count:
            self.checked.append(Checked(breakdown.where, f"{header.phrase}: the breakdown adds up to {total}"))
            return
        listing = " + ".join(f"{p.count} {' or '.join(SHORT_LABELS[k] for k in p.kinds)}" for p in parts)
        noun = "action is" if header.count == 1 else "actions are"
        what = KIND_LABELS[header.kind] if header.kind != TOTAL else "counted in total"
        facts = breakdown.groups[0]
        plan_parts = self._plan_parts(header.kind, facts)
        self._find("breakdown-sum", breakdown.where, header.phrase,
                   f"{_capital(header.count_text)} {noun} {what}, but the breakdown that follows accounts for "
                   f"{total}: {listing}." + (f" The plan has {plan_parts}." if plan_parts else ""),
                   "Make the breakdown add up: every action counted must appear in it once.")

    def _plan_parts(self, kind: str, facts: GroupFacts) -> str:
        if kind == INCOMPLETE:
            names = [s.value for s in (Status.ON_TRACK, Status.NOT_STARTED, Status.VULNERABLE, Status.AT_RISK)]
            names += [NO_STATUS]
        elif kind == TOTAL:
            names = [Status.COMPLETE.value, INCOMPLETE]
        else:
            return ""
        parts = [f"{facts.figures[n].low} {SHORT_LABELS[n]}" for n in names if facts.figures[n].high]
        value = facts.figures[kind].low
        return f"{value} {KIND_LABELS[kind]}: " + " + ".join(parts) if parts else ""

    def _evaluate(self, claim: Claim, where: str, groups: tuple[GroupFacts, ...], quiet_percent: bool = False) -> None:
        """One count (and its percentage) against the plan's figure in each group it may mean."""
        figures = [g.figures.get(k) for g in groups for k in claim.kinds]
        if any(f is None for f in figures):
            self.unchecked.append(Unchecked(where, claim.phrase, "needs the previous version of the plan: "
                                                                 "give it as PREVIOUS"))
            return
        if claim.count is not None:
            self._count(claim, where, groups)
        if claim.percent is not None and not quiet_percent:
            self._percent(claim, where, groups)

    def _value(self, claim: Claim, facts: GroupFacts) -> tuple[int, int]:
        low = sum(facts.figures[k].low for k in claim.kinds)
        high = sum(facts.figures[k].high for k in claim.kinds)
        return low, high

    def _count(self, claim: Claim, where: str, groups: tuple[GroupFacts, ...]) -> None:
        ranges = [self._value(claim, g) for g in groups]
        if any(low == claim.count for low, _ in ranges):  # what the plan records
            self.checked.append(Checked(where, claim.phrase))
            return
        if any(low <= (claim.count or 0) <= high for low, high in ranges):
            note = groups[0].figures[claim.kind].note
            self.unchecked.append(Unchecked(where, claim.phrase, f"the plan allows it but cannot settle it ({note})"))
            return
        facts = groups[0]
        low, high = ranges[0]
        label = " or ".join(KIND_LABELS[k] for k in claim.kinds)
        noun = facts.label.replace("actions", "action", 1) if low == 1 else facts.label
        if claim.kind == TOTAL:
            message = f"the plan has {low} {noun}."
        elif claim.kind in CHANGE_KINDS:
            message = f"the previous version and this one give {low} {label}."
        elif low == high:
            refs = sorted({r for k in claim.kinds for r in facts.figures[k].refs})
            shown = f" ({', '.join(refs)})" if refs and len(refs) <= 8 else ""
            message = f"the plan has {low} {noun} {label}{shown}."
        elif claim.kind == WITHIN:
            late = facts.figures[LATE]
            detail = completion_detail(self.plan, late.refs)
            complete = facts.figures[Status.COMPLETE.value].low
            message = (f"{complete} {facts.label} are complete, but the plan's entries record {late.low} of them as "
                       f"completed after their due month: {detail}.")
        else:
            message = f"the plan gives between {low} and {high} {facts.label} {label}."
        fix = ("Say how many were completed within timescale, or leave 'within timescale' out."
               if claim.kind == WITHIN else "Correct the number from the plan (paptools summary shows the figures).")
        self._find("count", where, claim.phrase, f"'{claim.phrase}': {message}", fix)

    def _percent(self, claim: Claim, where: str, groups: tuple[GroupFacts, ...]) -> None:
        percent = claim.percent or 0.0
        header = [b.header.count for b in self.open if b.header.count and b.header.kind != TOTAL]
        tried: list[tuple[int, int]] = []
        for facts in groups:
            total = facts.counts.total
            counts = [claim.count] if claim.count is not None else list(range(*_span(self._value(claim, facts))))
            name = claim.kind if len(claim.kinds) == 1 else None
            splits = status_splits(facts.counts)
            label = {"Complete": "complete", INCOMPLETE: "incomplete"}.get(name or "", name)
            for n in counts:
                for base in [total, *header]:
                    tried.append((n, base))
                    allowed = acceptable_percents(n, base, splits if base == total else (), label)
                    exact = percent != int(percent) and abs(percent - n * 100 / base) < 0.05
                    if exact or (percent == int(percent) and int(percent) in allowed):
                        self.checked.append(Checked(where, f"{percent:g}%: {n} of {base}"))
                        return
        n, base = tried[0] if tried else (0, 0)
        self._find("percentage", where, claim.phrase,
                   f"{percent:g}%: {n} of {base} is {exact_percent(n, base)}"
                   + (f", which rounds to {half_up(n, base)}%." if base else "."),
                   "Give the percentage of the count it stands beside (whole numbers, rounded half up).")

    # -- named actions -----------------------------------------------------------------
    def _ref_claim(self, claim: RefClaim, where: str) -> None:
        verdict = judge(self.plan, claim, self.as_of)
        if verdict.outcome == AGREES:
            self.checked.append(Checked(where, claim.phrase))
        elif verdict.outcome == UNCHECKED:
            self.unchecked.append(Unchecked(where, claim.phrase, verdict.message))
        else:
            self._find(verdict.rule, where, claim.phrase, verdict.message, verdict.fix, claim.ref)

    def _find(self, rule: str, where: str, phrase: str, message: str, fix: str, ref: str | None = None) -> None:
        self.findings.append(Finding(rule, message[:1].upper() + message[1:] if not message.startswith("'")
                                     else message, fix, ref=ref, where=where, phrase=phrase))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _span(bounds: tuple[int, int]) -> tuple[int, int]:
    return bounds[0], bounds[1] + 1


def _norm(text: str) -> str | None:
    ref = parse_ref(" ".join(text.split()))
    return ref.text if ref else None


__all__ = ["Checked", "DraftCheck", "Loose", "Unchecked", "check_draft"]

"""The lint rules: each a small function registered by `@rule`, in the order they report.

A rule takes the plan and a LintContext and yields Findings, each with sheet, cell, ref,
what is wrong in plain words and how to fix it. Adding a rule is writing one function here
with `@rule("rule-id", "what it checks")`; `paptools lint`, the report's data-quality annex
and the cleaned workbook's Warnings sheet all pick it up through `RULES`.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from paptools.compare.completion import completion
from paptools.layout import WordMap
from paptools.model import REPORT_ORDER, Action, Entry, Finding, Month, Plan, Status, StatusEvidence
from paptools.read.refs import written_ref
from paptools.read.statuses import WHITE, ColourKey, status_from_text
from paptools.read.vocabulary import normalise_word

# The last entry of a Complete action should not say that work goes on.
_CONTINUING = re.compile(
    r"\b(?:continu\w*|ongoing|on-going|will (?:be|continue|now|need|start|begin|commence|take place)|to be (?:agreed|completed|confirmed|reviewed|submitted)|next steps?"
    r"|awaiting|in progress|not yet|still to|remains? open|recommendation to close|pending)\b",
    re.I,
)


@dataclass(frozen=True)
class LintContext:
    """What the rules need besides the plan: the date to judge by and the reporting period."""

    as_of: date
    period_months: int = 3  # an incomplete action with no entry for longer than this is flagged
    key: ColourKey | None = None

    @property
    def month(self) -> Month:
        return Month(self.as_of.year, self.as_of.month)


RuleCheck = Callable[[Plan, LintContext], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    check: RuleCheck


RULES: list[Rule] = []


def rule(rule_id: str, title: str) -> Callable[[RuleCheck], RuleCheck]:
    """Register a lint rule under its id (the id the house-style file's [lint] disable names)."""
    def register(function: RuleCheck) -> RuleCheck:
        RULES.append(Rule(rule_id, title, function))
        return function
    return register


def _finding(rule_id: str, action: Action, message: str, fix: str, cell: str | None = None) -> Finding:
    sheet = action.sheet
    if cell and "!" in cell:  # an entry's cell may name its own sheet (a log sheet of updates)
        sheet, cell = cell.rsplit("!", 1)
        sheet = sheet.strip("'")
    return Finding(rule_id, message, fix, ref=action.ref, sheet=sheet,
                   cell=cell or action.status_cell or f"{action.row}:{action.row}")


def latest_entry(action: Action) -> Entry | None:
    """The newest dated entry (the later one in the cell on a tie), else the last undated one."""
    dated = [(e.date.sort_key(), i, e) for i, e in enumerate(action.entries) if e.date is not None]
    if dated:
        return max(dated, key=lambda item: (item[0], item[1]))[2]
    return action.entries[-1] if action.entries else None


def _months_between(earlier: Month, later: Month) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


@rule("fill-text", "The RA cell's fill colour and its words give different statuses")
def fill_and_text(plan: Plan, context: LintContext) -> Iterator[Finding]:
    key = context.key or ColourKey()
    for action in plan.actions:
        if not (action.status_word and action.status_fill) or action.status_fill == WHITE:
            continue
        said, _ = status_from_text(action.status_word)
        shown, _ = key.status_for(action.status_fill)
        if said is not None and shown is not None and said is not shown:
            yield _finding("fill-text", action,
                           f"{action.ref}'s RA cell says '{action.status_word}' but is coloured #{action.status_fill}, "
                           f"the colour of {shown}; the words are used ({said}).",
                           f"Make them agree: recolour the cell for {said}, or change the words to '{shown}'.")


@rule("status-word", "Status words outside the plan's Key")
def status_words(plan: Plan, context: LintContext) -> Iterator[Finding]:
    scale = {normalise_word(word.word): word for table in (plan.layout.tables if plan.layout else ())
             for word in table.status.vocabulary}  # the plan's own words, as inspect shows them
    keyed = [word for word in scale.values() if word.in_key and word.status is not None]
    key_words = {normalise_word(status.value) for status in Status} | {norm for norm, w in scale.items() if w.in_key}
    figures = {table.sheet for table in (plan.layout.tables if plan.layout else ()) if table.status.by_percent}
    for action in plan.actions:
        word = (action.status_word or "").strip()
        if not word or action.status_source in ("sheet name", "heading"):  # the sheet's name or a heading, no RA cell's
            continue
        if action.sheet in figures and word[:1].isdigit():  # a "% complete" figure: said once by the reader, no word
            continue
        own = scale.get(normalise_word(word))
        status = own.status if own is not None and own.status is not None else status_from_text(word)[0]
        if status is None:
            yield _finding("status-word", action, _no_status(action, word, own), _write_instead(word, own, keyed))
        elif plan.key and normalise_word(word) not in key_words:
            yield _finding("status-word", action,
                           f"{action.ref}'s status '{word}' is not a word in the plan's Key; it is read as {status}.",
                           f"Write '{status}' as the Key words it.")


def _no_status(action: Action, word: str, own: WordMap | None) -> str:
    """Why a status word counts as no status, and what the action's status is read from instead."""
    shown = {StatusEvidence.FILL: "fill colour", StatusEvidence.FONT: "font colour"}.get(action.status_source)
    if own is None or not own.in_key:
        instead = f" (its {shown} gives {action.status})" if shown and action.status else ""
        return f"{action.ref}'s status '{word}' is not one of the plan's statuses{instead}."
    instead = f"its {shown} gives {action.status}" if shown and action.status else "it is counted as unknown"
    return (f"{action.ref}'s status '{word}' is in the plan's Key but fits none of the five statuses "
            f"({own.reason.removesuffix(': fits no status')}): {instead}.")


def _write_instead(word: str, own: WordMap | None, keyed: list[WordMap]) -> str:
    """The fix: the words the plan's Key gives a status, else the five statuses; a word of the Key's
    own that fits none is said to paptools.toml."""
    if not keyed:
        return "Write one of the five statuses: " + _or([status.value for status in REPORT_ORDER]) + "."
    words = _or([w.word if normalise_word(w.word) == normalise_word(str(w.status)) else f"{w.word} ({w.status})"
                 for w in keyed])
    if own is not None and own.in_key:
        return (f"Say what '{word}' counts as under [statuses] in paptools.toml, or write one of the Key's words "
                f"that has a status: {words}.")
    return f"Write one of the Key's words: {words}."


def _or(words: list[str]) -> str:
    return f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else "".join(words)


@rule("complete-but-continuing", "Complete, but the latest entry says work continues")
def complete_but_continuing(plan: Plan, context: LintContext) -> Iterator[Finding]:
    for action in plan.actions:
        if action.status is not Status.COMPLETE:
            continue
        entry = latest_entry(action)
        if entry is None:
            continue
        match = _CONTINUING.search(entry.text)
        recorded = completion(action)
        if recorded is not None and entry.date is not None and recorded.month == entry.date.month_of:
            continue  # the latest entry itself records the completion
        if match:
            when = entry.date.label() if entry.date else "undated"
            yield _finding("complete-but-continuing", action,
                           f"{action.ref} is Complete, but its latest entry ({when}) says '{match.group()}': "
                           f"\"{_clip(entry.text)}\".",
                           "Check the status: if work goes on, set it to On track; if it is done, add a dated "
                           "entry saying it is complete.", entry.cell)


@rule("on-track-past-due", "On track, but past its revised due month with no update since")
def on_track_past_due(plan: Plan, context: LintContext) -> Iterator[Finding]:
    for action in plan.actions:
        due = action.timescale.revised_due
        if action.status is not Status.ON_TRACK or due is None or context.month <= due:
            continue
        newer = [e for e in action.entries if e.date is not None and e.date.month_of > due]
        if not newer:
            yield _finding("on-track-past-due", action,
                           f"{action.ref} is On track, but its revised due month ({due.label()}) has passed and "
                           "no entry has been written since.",
                           "Add an update saying where it stands, and revise the timescale or change the status.")


@rule("complete-no-evidence", "Complete with no dated entry and no evidence")
def complete_without_evidence(plan: Plan, context: LintContext) -> Iterator[Finding]:
    for action in plan.actions:
        if action.status is Status.COMPLETE and not any(e.date for e in action.entries) and not action.evidence.strip():
            yield _finding("complete-no-evidence", action,
                           f"{action.ref} is Complete but has no dated progress entry and no evidence.",
                           "Add a dated entry recording the completion, and the evidence that shows it.")


@rule("no-recent-update", "No update for longer than a reporting period")
def no_recent_update(plan: Plan, context: LintContext) -> Iterator[Finding]:
    for action in plan.actions:
        if action.status is Status.COMPLETE:
            continue
        dated = [e.date.month_of for e in action.entries if e.date is not None]
        latest = max(dated) if dated else None
        if latest is None:
            yield _finding("no-recent-update", action, f"{action.ref} is not complete and has no dated update.",
                           "Add a dated progress entry (for example 'Jan25: AB: ...').")
        elif _months_between(latest, context.month) > context.period_months:
            yield _finding("no-recent-update", action,
                           f"{action.ref} is not complete and its latest update is from {latest.label()}, more than "
                           f"{context.period_months} months before {context.as_of:%d %B %Y}.",
                           "Ask the owner for an update and add it as a dated entry.")


@rule("past-due-not-revised", "Due month passed, not complete, timescale not revised")
def past_due_not_revised(plan: Plan, context: LintContext) -> Iterator[Finding]:
    for action in plan.actions:
        due = action.timescale.original_due
        if action.status is Status.COMPLETE or action.timescale.revised_due is not None or due is None:
            continue
        if context.month > due:
            yield _finding("past-due-not-revised", action,
                           f"{action.ref} was due {due.label()}, is not complete, and its timescale has not been "
                           "revised.", "Agree a revised date and write it in the Timescale cell ('Revised date: ...').")


@rule("duplicate-ref", "Two or more actions with one ref")
def duplicate_refs(plan: Plan, context: LintContext) -> Iterator[Finding]:
    seen: dict[str, Action] = {}
    for action in plan.actions:
        first = seen.setdefault(written_ref(action.ref), action)
        if first is not action:
            yield _finding("duplicate-ref", action,
                           f"{first.ref} is used twice: {first.sheet} row {first.row} and {action.sheet} row "
                           f"{action.row}.", "Give each action its own ref.", f"{action.row}:{action.row}")


@rule("malformed-ref", "Refs Excel changed, or written unlike the plan's other refs")
def malformed_refs(plan: Plan, context: LintContext) -> Iterator[Finding]:
    for warning in plan.warnings:
        if warning.message.startswith(("ref was turned into a date", "ref is stored as the number")):
            yield Finding("malformed-ref", warning.message, "Format the Ref column as Text and retype the ref.",
                          sheet=warning.sheet, cell=warning.cell, phrase=warning.value)
    # Within each prefix (PAP actions, improvement-plan actions without one), one way of writing refs.
    by_prefix: dict[str, list[Action]] = {}
    for action in plan.actions:
        by_prefix.setdefault(action.ref.split()[0] if " " in action.ref else "", []).append(action)
    for actions in by_prefix.values():
        styles = Counter(_ref_style(a.ref_text) for a in actions)
        if len(styles) < 2:
            continue
        usual, _ = styles.most_common(1)[0]
        example = next(a.ref_text for a in actions if _ref_style(a.ref_text) == usual)
        for action in actions:
            if _ref_style(action.ref_text) != usual:
                yield _finding("malformed-ref", action,
                               f"{action.ref} is written '{action.ref_text}', unlike the plan's other refs "
                               f"('{example}').",
                               f"Write it as the others are, so it sorts and matches: '{_restyle(example, action)}'.",
                               f"{action.row}:{action.row}")


@rule("unknown-initials", "Initials in an entry that match no owner")
def unknown_initials(plan: Plan, context: LintContext) -> Iterator[Finding]:
    for action in plan.actions:
        for entry in action.entries:
            if entry.initials and entry.author is None:
                when = entry.date.label() if entry.date else "undated"
                yield _finding("unknown-initials", action,
                               f"{action.ref}: the initials {entry.initials} in the {when} entry match no owner "
                               "in the plan.",
                               "Check the initials, or add the person to the Owner column.", entry.cell)


@rule("future-entry", "A progress entry dated after the date the figures are as of")
def future_entries(plan: Plan, context: LintContext) -> Iterator[Finding]:
    last = (context.as_of.year, context.as_of.month)  # as a tuple: a large plan holds many thousand entries
    for action in plan.actions:
        for entry in action.entries:
            if entry.date is not None and (entry.date.year, entry.date.month) > last:
                yield _finding("future-entry", action,
                               f"{action.ref} has an entry dated {entry.date.label()}, after "
                               f"{context.as_of:%d %B %Y}: '{_clip(entry.raw, 60)}'.",
                               "Check the date as written: correct a mistyped year, or reword text that reads as "
                               "a date.", entry.cell)


def _ref_style(text: str) -> str:
    return re.sub(r"\d+(?:\.\d+)*[a-z]?", "N", text.strip())


def _restyle(example: str, action: Action) -> str:
    number = action.ref.split()[-1]
    return re.sub(r"\d+(?:\.\d+)*[a-z]?", number, example, count=1)


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

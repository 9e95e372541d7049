"""The summary sentences of a committee report, generated from the figures.

Written as the January 2025 report words them ("Of a total of 40 PAP actions, thirty-three
(83%) have been marked as complete ..."), with counts in words and totals in figures. The
breakdown of incomplete actions is built from the same counts, so it always adds up.
"""
from __future__ import annotations

from paptools.compare.completion import Completion, Timeliness
from paptools.compare.figures import Counts, percent_text
from paptools.model import Status

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    """'thirty-three' for 33; figures from 100 up, as house style writes them."""
    if n < 0 or n >= 100:
        return f"{n:,}"
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_words(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


_PHRASES = {  # (one, several)
    Status.ON_TRACK: ("is on track", "are on track"),
    Status.NOT_STARTED: ("has not yet started", "have not yet started"),
    Status.VULNERABLE: ("is vulnerable", "are vulnerable"),
    Status.AT_RISK: ("is at risk", "are at risk"),
}
_UNKNOWN_PHRASE = ("has an unknown status", "have an unknown status")  # none of the five: blank, or a word none fits


def status_sentences(counts: Counts, label: str = "PAP actions", completions: list[Completion] | None = None,
                     opening: str | None = None) -> list[str]:
    """The figures as sentences: complete and incomplete shares, then the incomplete breakdown.

    `opening` replaces "Of a total of 40 PAP actions" when the group needs describing.
    """
    total, complete = counts.total, counts.of(Status.COMPLETE)
    incomplete = total - complete
    if total == 0:
        return [f"There are no {label}."]
    share = {"complete": percent_text(complete, total), "incomplete": percent_text(incomplete, total)}
    opening = opening or f"Of a total of {total} {label}"
    if incomplete == 0:
        sentences = [f"{opening}, all {number_words(total)} (100%) have been marked as complete."]
    else:
        done = "none" if complete == 0 else number_words(complete)
        verb = "has" if complete == 1 else "have"
        is_are = "is" if incomplete == 1 else "are"
        sentences = [
            f"{opening}, {done} ({share['complete']}) {verb} been marked as complete "
            f"and {number_words(incomplete)} ({share['incomplete']}) {is_are} incomplete."
        ]
        parts = []
        for status in (Status.ON_TRACK, Status.NOT_STARTED, Status.VULNERABLE, Status.AT_RISK):
            n = counts.of(status)
            if n:
                parts.append(f"{number_words(n)} {_PHRASES[status][n != 1]}")
        if counts.unknown:
            parts.append(f"{number_words(counts.unknown)} {_UNKNOWN_PHRASE[counts.unknown != 1]}")
        noun = "action" if incomplete == 1 else "actions"
        if len(parts) == 1 and incomplete > 1:  # "Of the three incomplete actions, all three are on track."
            parts = ["both" + parts[0][len("two"):] if incomplete == 2 else f"all {parts[0]}"]
        sentences.append(f"Of the {number_words(incomplete)} incomplete {noun}, {join_words(parts)}."
                         if incomplete > 1 else capitalise(f"{join_words(parts)}.").replace("One ", "The incomplete action ", 1))
    if completions:
        sentences += completion_sentences(completions, complete)
    return sentences


def completion_sentences(completions: list[Completion], complete: int) -> list[str]:
    """Of the complete actions: how many by their original due month, by a revised one, late,
    and how many with no recorded completion month (see compare/completion.py)."""
    tally = {kind: sum(1 for c in completions if c.timeliness is kind) for kind in Timeliness}
    if complete == 0 or len(completions) == tally[Timeliness.NOT_RECORDED]:
        return []
    parts = []
    if tally[Timeliness.WITHIN]:
        n = tally[Timeliness.WITHIN]
        parts.append(f"{number_words(n)} {'was' if n == 1 else 'were'} completed by {'its' if n == 1 else 'their'} "
                     "original due month")
    if tally[Timeliness.WITHIN_REVISED]:
        n = tally[Timeliness.WITHIN_REVISED]
        parts.append(f"{number_words(n)} by {'its' if n == 1 else 'their'} revised due month")
    if tally[Timeliness.LATE]:
        n = tally[Timeliness.LATE]
        parts.append(f"{number_words(n)} after {'its' if n == 1 else 'their'} latest due month")
    if tally[Timeliness.NO_DUE_DATE]:
        n = tally[Timeliness.NO_DUE_DATE]
        parts.append(f"{number_words(n)} {'has' if n == 1 else 'have'} no due month to compare with")
    if tally[Timeliness.NOT_RECORDED]:
        n = tally[Timeliness.NOT_RECORDED]
        parts.append(f"for {number_words(n)} no entry records the month of completion")
    return [f"Of the {number_words(complete)} complete actions, {join_words(parts)}."]


def due_unknown_sentence(n: int) -> str:
    """Said wherever 'overdue' is counted and some open actions have no due month to judge it by."""
    if not n:
        return ""
    return (f"{capitalise(count_phrase(n, 'action'))} not complete {'has' if n == 1 else 'have'} no due month, so "
            f"whether {'it is' if n == 1 else 'they are'} overdue is not known.")


def count_phrase(n: int, singular: str, plural: str | None = None) -> str:
    """'one action', 'seven actions', 'no actions' (never 'zero actions' in a sentence)."""
    return f"{number_words(n) if n else 'no'} {singular if n == 1 else (plural or singular + 's')}"


def all_actions_opening(all_total: int, pap_total: int) -> str:
    """The opening of the sentence about every action, PAP and improvement-plan together."""
    others = all_total - pap_total
    return f"Counting the {number_words(others)} improvement-plan actions as well, of all {all_total} actions"


def in_text(committee: str) -> str:
    """A committee's name in a sentence, as "the Health Scrutiny Panel"."""
    return committee if committee.lower().startswith("the ") else f"the {committee}"

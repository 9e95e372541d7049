"""When each complete action was completed, and whether that was within its timescale.

Defined once, from the plan alone, so the answer never depends on which versions are passed:
the completion month is the month of the entry that records completion ("Oct 24: Marked as
complete"); an action with no such entry has no recorded completion month and is counted as
such, never guessed. It is within timescale when that month is no later than its original due
month, within its revised timescale when no later than the latest revised due month, and late
otherwise.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from paptools.model import Action, Month, Status

_COMPLETION = re.compile(
    r"^complete\b|\b(?:marked|confirmed|agreed|signed off) as complete\b|\bconfirmed complete\b"
    r"|\bnow complete\b|\baction (?:is )?complete\b|\b(?:can|will) now be closed\b|\bagreed to close\b"
    r"|\bis complete\b|\bcomplete and\b|\baction closed\b",
    re.I,
)
_NOT_YET = re.compile(r"\b(?:recommendation to close|to be agreed|once agreed|when reported|remain open)\b", re.I)
# Every match of _COMPLETION holds one of these (or starts the text with "complete"): in ASCII text,
# where the pattern's case-blind letters and these lower-case ones are the same, an entry holding
# none is settled by a few substring tests, not a search at every position of the text.
_COMPLETION_PHRASES = ("as complete", "confirmed complete", "now complete", "action complete", "is complete",
                       "complete and", "now be closed", "agreed to close", "action closed")


class Timeliness(str, enum.Enum):
    """How a completion month compares with the action's due months."""

    WITHIN = "within timescale"  # by the original due month
    WITHIN_REVISED = "within revised timescale"  # later than the original, by the revised due month
    LATE = "late"  # after the latest due month
    NOT_RECORDED = "month not recorded"  # no entry records when it was completed
    NO_DUE_DATE = "no due month"  # completed in a known month, but the plan gives no due month

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Completion:
    """When a complete action was completed, as its entries record it."""

    ref: str
    month: Month | None
    timeliness: Timeliness

    @property
    def within_timescale(self) -> bool | None:
        """True by the latest due month, False after it, None when it cannot be told."""
        if self.timeliness in (Timeliness.WITHIN, Timeliness.WITHIN_REVISED):
            return True
        return False if self.timeliness is Timeliness.LATE else None


def records_completion(text: str) -> bool:
    """Whether an entry's text records that the action was completed."""
    lowered = text.lower()
    if "complet" not in lowered and "close" not in lowered:
        return False  # most entries: no need for the patterns below
    if text.isascii() and not lowered.startswith("complete") and not any(p in lowered for p in _COMPLETION_PHRASES):
        return False
    return bool(_COMPLETION.search(text)) and not _NOT_YET.search(text)


def completion(action: Action) -> Completion | None:
    """The completion of a complete action (None for an action that is not complete)."""
    if action.status is not Status.COMPLETE:
        return None
    recorded = [e.date.month_of for e in action.entries if e.date and records_completion(e.text)]
    if not recorded:
        return Completion(action.ref, None, Timeliness.NOT_RECORDED)
    month = min(recorded)
    original, latest = action.timescale.original_due, action.timescale.due
    if latest is None:
        return Completion(action.ref, month, Timeliness.NO_DUE_DATE)
    if original is not None and month <= original:
        return Completion(action.ref, month, Timeliness.WITHIN)
    if month <= latest:
        return Completion(action.ref, month, Timeliness.WITHIN_REVISED if original != latest else Timeliness.WITHIN)
    return Completion(action.ref, month, Timeliness.LATE)


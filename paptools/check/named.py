"""What a draft says about one named action, judged against that action in the plan.

"PAP 2.3 is on track", "PAP 2.17 ... Due: Mar 2025", "PAP 2.10 was completed in October 2024":
the status must be the plan's, the due month its latest (or revised) due month, and the
completion month the one its entries record. A completion month no entry records cannot be
judged and is left unchecked.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from paptools.check.claims import OVERDUE, RefClaim
from paptools.compare.completion import completion
from paptools.model import Action, Month, Plan, Status

AGREES, UNCHECKED, FINDING = "agrees", "unchecked", "finding"


@dataclass(frozen=True)
class Verdict:
    """The outcome for one claim: it agrees, it cannot be checked (why), or a finding (what, fix)."""

    outcome: str
    message: str = ""  # the finding's message, or why it is unchecked
    rule: str = ""
    fix: str = ""


def _month_end(month: Month) -> date:
    return date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])


def judge(plan: Plan, claim: RefClaim, as_of: date) -> Verdict:
    """The verdict on one claim about a named action."""
    action = plan.by_ref().get(claim.ref)
    if action is None:
        return Verdict(FINDING, f"{claim.ref} is not an action in {plan.source}.", "unknown-ref",
                       "Check the ref against the plan.")
    if claim.what == "status":
        return _status(action, claim, as_of)
    if claim.what in ("due", "revised due"):
        return _due(action, claim)
    return _completed(action, claim)


def _status(action: Action, claim: RefClaim, as_of: date) -> Verdict:
    due = action.timescale.due
    if claim.status == OVERDUE:
        right = action.status is not Status.COMPLETE and due is not None and as_of > _month_end(due)
        said = f"{claim.ref} is {'overdue' if right else 'not overdue'} as of {as_of:%d %B %Y}"
    else:
        right = action.status is not None and action.status.value == claim.status
        said = f"{claim.ref} is {action.status.value if action.status else 'of unknown status'} in the plan"
    if right:
        return Verdict(AGREES)
    return Verdict(FINDING, f"'{claim.phrase}': {said} ({action.sheet}!{action.status_cell or action.row}).",
                   "ref-status", f"Give {claim.ref}'s status as the plan has it, or update the plan.")


def _due(action: Action, claim: RefClaim) -> Verdict:
    timescale = action.timescale
    expected = timescale.revised_due if claim.what == "revised due" else timescale.due
    if expected is None or claim.month is None:
        return Verdict(UNCHECKED, f"the plan gives no due month for {claim.ref}")
    if claim.month == expected:
        return Verdict(AGREES)
    return Verdict(FINDING, f"'{claim.phrase}': {claim.ref} is due {expected.label()} in the plan "
                            f"(Timescale '{timescale.text}').", "due-month", f"Give {claim.ref}'s latest due month.")


def _completed(action: Action, claim: RefClaim) -> Verdict:
    done = completion(action)
    if done is None:
        return Verdict(FINDING, f"'{claim.phrase}': {claim.ref} is not complete in the plan.", "completion-month",
                       f"Check {claim.ref}'s status in the plan.")
    if done.month is None:
        return Verdict(UNCHECKED, f"no entry in the plan records when {claim.ref} was completed")
    if done.month == claim.month:
        return Verdict(AGREES)
    return Verdict(FINDING, f"'{claim.phrase}': the plan records {claim.ref} as completed in {done.month.label()}.",
                   "completion-month", "Give the completion month the plan's entry records.")

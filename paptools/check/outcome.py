"""The outcome of checking a draft: findings, the figures that agree, and those not checked."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from paptools.model import Finding


@dataclass(frozen=True)
class Checked:
    """A figure the draft states that agrees with the plan."""

    where: str
    phrase: str


@dataclass(frozen=True)
class Unchecked:
    """A figure the draft states that could not be tied to the plan, and why."""

    where: str
    phrase: str
    reason: str


@dataclass(frozen=True)
class DraftCheck:
    """The outcome of checking one draft against one plan."""

    draft: str
    plan: str
    previous: str | None
    as_of: date
    as_of_source: str
    findings: tuple[Finding, ...]
    checked: tuple[Checked, ...]
    unchecked: tuple[Unchecked, ...]

"""Plan -> lint findings: the checks an officer wants before sending the plan to the board.

`lint_plan(plan)` runs every rule in check/rules.py (minus those switched off) and returns
the findings in rule order, then sheet order. The report's data-quality annex and the
cleaned workbook's Warnings sheet take the same findings (`Finding.warning()` gives each
as a DataWarning), so the plan's problems read the same everywhere.

Rules are switched off in the house-style file beside the workbook:

    [lint]
    disable = ["no-recent-update"]
    period_months = 3
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from paptools.check.rules import RULES, LintContext
from paptools.compare.figures import default_as_of
from paptools.errors import UsageError
from paptools.model import Finding, Plan
from paptools.read.statuses import ColourKey

STYLE_FILE = "paptools.toml"


@dataclass(frozen=True)
class LintSettings:
    """What the house-style file's [lint] table sets."""

    disable: tuple[str, ...] = ()
    period_months: int = 3
    source: str | None = None  # the file they came from


def plan_as_of(plan: Plan) -> date:
    """The date a plan is judged at by default: its own version date (compare/figures.py)."""
    return default_as_of(plan)


def colour_key(plan: Plan) -> ColourKey:
    """The plan's Key as colours, as the reader used it (no Key: the usual convention)."""
    key = ColourKey()
    if any(rgb for _, rgb in plan.key_fills):
        for status, rgb in plan.key_fills:
            key.add(rgb, status)
    return key


def lint_plan(plan: Plan, as_of: date | None = None, settings: LintSettings | None = None) -> tuple[Finding, ...]:
    """Every lint finding on the plan, judged as of `as_of` (default: the plan's own month)."""
    settings = settings or LintSettings()
    context = LintContext(as_of or plan_as_of(plan), settings.period_months, colour_key(plan))
    findings: list[Finding] = []
    for rule in RULES:
        if rule.id not in settings.disable:
            findings += rule.check(plan, context)
    return tuple(findings)


def rule_ids() -> tuple[str, ...]:
    return tuple(rule.id for rule in RULES)


def read_lint_settings(workbook: Path, style: Path | None = None) -> LintSettings:
    """The [lint] table of paptools.toml beside the workbook (or the file given); none is fine."""
    path = style or Path(workbook).with_name(STYLE_FILE)
    if not path.is_file():
        return LintSettings()
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(path, f"is not a valid house-style file ({error}): fix it or remove it") from None
    table = data.get("lint", {})
    if not isinstance(table, dict):
        raise UsageError(path, "[lint] must be a table: write '[lint]' on its own line, then 'disable = [...]'")
    disable = table.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(d, str) for d in disable):
        raise UsageError(path, "[lint] disable must be a list of rule ids, e.g. disable = [\"no-recent-update\"]")
    unknown = [d for d in disable if d not in rule_ids()]
    if unknown:
        raise UsageError(path, f"[lint] disable names no such rule: {', '.join(unknown)} "
                               f"(the rules are {', '.join(rule_ids())})")
    period = table.get("period_months", 3)
    if not isinstance(period, int) or isinstance(period, bool) or period < 1:
        raise UsageError(path, "[lint] period_months must be a whole number of months, e.g. period_months = 3")
    return LintSettings(tuple(disable), period, str(path))

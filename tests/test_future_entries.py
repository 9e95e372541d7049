"""An entry dated after its version (a mistyped year, or text read as a date: "18 Nov - 40
responses" is November 2040) is named by lint, and is not taken for the version's latest progress:
two versions saved the same day are still told apart by their real latest entries."""
from __future__ import annotations

from datetime import date

from conftest import action, plan_rows

from paptools.api import reconcile
from paptools.check.lint import lint_plan
from paptools.model import Month
from paptools.read.plan import read_plan

OWNER = {"owner": "Amy Brown"}


def test_lint_names_an_entry_dated_after_the_version(make_workbook):
    path = make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Jan25: AB: Work going well.", timescale="Mar-25", **OWNER),
        action("PAP 1.2", "OT", "Dec24: AB: Survey sent.\n14/01/52: AB: Survey closed, 40 responses.",
               timescale="Mar-25", **OWNER),
    ))
    plan = read_plan(path)  # saved 15 January 2025
    assert [(e.date.iso(), e.text) for e in plan.actions[1].entries] == [
        ("2024-12", "Survey sent."), ("2052-01-14", "Survey closed, 40 responses.")]
    found = [f for f in lint_plan(plan, date(2025, 1, 31)) if f.rule == "future-entry"]
    assert [(f.ref, f.sheet, f.cell, f.message, f.fix) for f in found] == [(
        "PAP 1.2", "PAP", "F5",
        "PAP 1.2 has an entry dated 14 Jan 2052, after 31 January 2025: '14/01/52: AB: Survey closed, 40 responses.'.",
        "Check the date as written: correct a mistyped year, or reword text that reads as a date.",
    )]
    assert plan.latest_entry_month() == Month(2025, 1)  # not 2052


def test_versions_saved_the_same_day_are_ordered_by_their_real_latest_entries(make_workbook):
    older = make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Dec24: AB: Survey sent.\n14/01/52: AB: Survey closed.", timescale="Mar-25", **OWNER),
    ))
    newer = make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Dec24: AB: Survey sent.\n14/01/25: AB: Survey closed.\nJan25: AB: Report drafted.",
               timescale="Mar-25", **OWNER),  # the year put right, and an update
    ))
    result = reconcile(older, newer)
    assert [w.message for w in result.warnings if "looks newer" in w.message] == []
    assert ("new progress", "PAP 1.1", "Report drafted.") in [
        (c.kind.value, c.ref, c.entry.text if c.entry else None) for c in result.changes]

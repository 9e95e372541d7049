"""The cleaned workbook read back by paptools' own headers, whatever the plan's extra columns are called.

A plan's own column kept beside paptools' ("Milestone RAG", "Previous RAG", "RAG (Q2)", the
plan's 'Status' kept as 'Status (in the plan)') looks like a status column; in the workbook
paptools wrote it must stay an extra column, or an officer reconciling next month's plan against
the cleaned workbook is shown statuses that nobody changed.
"""
from __future__ import annotations

from datetime import date

import pytest
from test_layout import build

from paptools.compare.figures import summarize
from paptools.model import EntryDate, Month, Status
from paptools.read.plan import read_plan
from paptools.read.style import HouseStyle
from paptools.write.workbook import write_clean_workbook

ON, AT, VUL, DONE = Status.ON_TRACK, Status.AT_RISK, Status.VULNERABLE, Status.COMPLETE
ENTRIES = {
    "1.1": [(EntryDate(2025, 1, 12), "AB", "Started the work.")],
    "1.2": [(EntryDate(2024, 12, 10), "CD", "Delayed."), (EntryDate(2025, 1, 14), "CD", "Still delayed.")],
    "1.3": [(EntryDate(2025, 1, 5), None, "Slipping.")],
}
PROGRESS = {"1.1": "12/01/2025 AB: Started the work.", "1.2": "10/12/2024 CD: Delayed.\n14/01/2025 CD: Still delayed.",
            "1.3": "05/01/2025: Slipping."}
PEOPLE = {"1.1": ("Amy Bell", "Mar-25"), "1.2": ("Carl Dunn", "Jun-25"), "1.3": ("Eve Ford", "Dec-24")}
DUE = {"1.1": Month(2025, 3), "1.2": Month(2025, 6), "1.3": Month(2024, 12)}


def _plan(headers: list[str], cells: dict[str, list[str]]) -> dict[str, list[list[str]]]:
    """Ref, Action, Owner, Timescale, then `headers` with each action's `cells`, then Progress."""
    rows = [["Ref", "Action", "Owner", "Timescale", *headers, "Progress"]]
    rows += [[ref, f"Action {ref}", *PEOPLE[ref], *cells[ref], PROGRESS[ref]] for ref in PEOPLE]
    return {"PAP": rows}


PLANS = {
    "Milestone RAG": (_plan(["RA", "Milestone RAG"], {"1.1": ["Green", "Red"], "1.2": ["Red", "Green"],
                                                       "1.3": ["Amber", "Blue"]}), [ON, AT, VUL]),
    "RAG (Q2)": (_plan(["RA", "RAG (Q2)"], {"1.1": ["Green", "Red"], "1.2": ["Red", "Green"],
                                             "1.3": ["Amber", "Blue"]}), [ON, AT, VUL]),
    "Status (in the plan) and Previous RAG": (
        _plan(["Status", "RAG", "Previous RAG"], {"1.1": ["Open", "Green", "Red"], "1.2": ["Open", "Red", "Green"],
                                                  "1.3": ["Closed", "Green", "Amber"]}), [ON, AT, DONE]),
}


def _cleaned(tmp_path, sheets):
    plan = read_plan(build(tmp_path / "plan.xlsx", sheets))
    path = tmp_path / "plan-clean.xlsx"
    write_clean_workbook(path, plan, summarize(plan, date(2025, 2, 1)))
    return plan, path


def _essence(plan):
    return [(a.ref, a.status, a.owner, a.timescale.due, [(e.date, e.initials, e.text) for e in a.entries])
            for a in plan.actions]


@pytest.mark.parametrize("name", PLANS)
def test_a_status_like_extra_column_stays_extra_when_the_cleaned_workbook_is_read_back(tmp_path, name):
    sheets, statuses = PLANS[name]
    expected = [(ref, status, PEOPLE[ref][0], DUE[ref], ENTRIES[ref]) for ref, status in zip(PEOPLE, statuses)]
    plan, path = _cleaned(tmp_path, sheets)
    assert _essence(plan) == expected  # the plan as its officers wrote it
    assert _essence(read_plan(path)) == expected


def test_the_plans_own_status_and_rag_are_kept_as_extra_columns_of_the_cleaned_workbook(tmp_path):
    _, path = _cleaned(tmp_path, PLANS["Status (in the plan) and Previous RAG"][0])
    again = read_plan(path)
    assert again.extra_columns == ("Status (in the plan)", "Previous RAG")
    assert [dict(a.extra) for a in again.actions] == [
        {"Status (in the plan)": "Open", "Previous RAG": "Red"},
        {"Status (in the plan)": "Open", "Previous RAG": "Green"},
        {"Status (in the plan)": "Closed", "Previous RAG": "Amber"},
    ]
    assert not again.warnings


def test_a_house_style_file_given_is_still_the_users_word(tmp_path):
    """paptools' own headers are read only when the user gave no house style: one given says it all."""
    _, path = _cleaned(tmp_path, PLANS["Milestone RAG"][0])
    again = read_plan(path, style=HouseStyle(path="given.toml", columns={"Milestone RAG": "status"}))
    assert [a.status for a in again.actions] == [AT, ON, DONE]



def test_a_joint_plans_second_lead_is_still_an_owner_when_read_back(tmp_path):
    """'Lead (ICB)' kept beside paptools' Owner: its names are owners, as they were in the plan."""
    sheets = {"PAP": [["Ref", "Action", "Lead (LA)", "Lead (ICB)", "Timescale", "RA", "Milestone RAG", "Progress"],
                      ["1.1", "Action 1.1", "Amy Bell", "Carl Dunn", "Mar-25", "Green", "Red", PROGRESS["1.1"]]]}
    plan, path = _cleaned(tmp_path, sheets)
    for read in (plan, read_plan(path)):
        assert [(a.owner, a.owners, a.status) for a in read.actions] == [("Amy Bell", ("Amy Bell", "Carl Dunn"), ON)]


def test_a_plans_own_sheet_column_is_not_taken_for_the_sheet_its_refs_are_known_by(tmp_path):
    """The cleaned workbook's Sheet column names the sheet a ref restarting on each sheet is known by
    (test_sheet_refs.py); a plan's own 'Sheet' column is kept beside it as 'Sheet (in the plan)'."""
    _, path = _cleaned(tmp_path, _plan(["Sheet"], {"1.1": ["Tab 1"], "1.2": ["Tab 2"], "1.3": ["Tab 2"]}))
    again = read_plan(path)
    assert [(a.ref, a.ref_sheet, dict(a.extra)) for a in again.actions] == [
        ("1.1", None, {"Sheet (in the plan)": "Tab 1"}), ("1.2", None, {"Sheet (in the plan)": "Tab 2"}),
        ("1.3", None, {"Sheet (in the plan)": "Tab 2"})]

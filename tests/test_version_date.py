"""The version's date from a title line that gives the plan's position at a date, and the dates
that are not the version's: every workbook is built here, its file saved long after."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from test_layout import build

from paptools.api import summarize
from paptools.read.plan import read_plan

SAVED = datetime(2026, 12, 4, 11, 0)  # when the probe copies were last saved
HEADER = ["Ref", "Action", "Lead", "Due", "RAG"]
ACTIONS = [
    ["1.1", "Refresh the SEND Strategy with parents and carers", "Head of SEND", datetime(2025, 3, 31), "Green"],
    ["1.2", "Publish a revised Local Offer website", "Local Offer Manager", datetime(2024, 12, 31), "Blue"],
    ["1.3", "Reduce EHC needs assessments completed outside 20 weeks", "EHC Team Manager",
     datetime(2025, 6, 30), "Red"],
    ["1.4", "Joint commissioning plan for speech and language therapy", "ICB Commissioner",
     datetime(2025, 9, 30), "Amber"],
    ["1.5", "Train all SENCOs in the graduated approach toolkit", "SEND Advisory Lead",
     datetime(2025, 7, 31), "Not started"],
]


def test_a_title_giving_the_status_at_a_date_dates_the_version_and_what_is_overdue(tmp_path):
    path = build(tmp_path / "comments_notes.xlsx", {"Action Plan": [
        ["SEND PAP tracker - status at 31 January 2025"], [], HEADER, *ACTIONS,
    ]}, modified=SAVED)
    plan = read_plan(path)
    assert plan.version_date == date(2025, 1, 31)
    assert plan.version_date_source == "cell Action Plan!A1 'SEND PAP tracker - status at 31 January 2025'"
    assert plan.title == "SEND PAP tracker"
    assert [(a.ref, a.timescale.due.iso()) for a in plan.actions] == [
        ("1.1", "2025-03"), ("1.2", "2024-12"), ("1.3", "2025-06"), ("1.4", "2025-09"), ("1.5", "2025-07"),
    ]
    figures = summarize(plan)
    assert figures.as_of == date(2025, 1, 31)
    assert figures.overdue == ()  # as of December 2026, four of the five were


def test_an_overview_sheets_title_giving_the_position_at_a_date_dates_the_version(tmp_path):
    path = build(tmp_path / "priority_sheets.xlsx", {
        "Overview": [["SEND Priority Action Plan - overview (position at 28 February 2025)"],
                     ["Priority", "Actions", "Complete", "On track", "Amber", "Red"]],
        "Priority 1 - Identification": [
            ["Priority 1: Identify needs early and accurately"],
            ["Ref", "Action", "Lead", "Deadline", "RAG", "Progress"],
            ["1.1", "Roll out early years SEND toolkit", "Early Years SEND Lead", datetime(2025, 3, 31), "Green",
             "12/12/2024: 64 of 90 settings trained.\n14/02/2025: 81 of 90 trained."],
        ],
    }, modified=SAVED)
    plan = read_plan(path)
    assert plan.version_date == date(2025, 2, 28)
    assert plan.version_date_source == ("cell Overview!A1 'SEND Priority Action Plan - overview (position at "
                                        "28 Februa…'")  # the cell's text cut to 60 characters, as always


@pytest.mark.parametrize("line, when, title", [
    ("Position at 31/01/2025", date(2025, 1, 31), None),
    ("Position as at 31/01/2025", date(2025, 1, 31), None),
    ("Update: January 2025", date(2025, 1, 1), None),
    ("Progress report - January 2025", date(2025, 1, 1), None),
    ("SEND Priority Action Plan: progress update January 2025", date(2025, 1, 1), "SEND Priority Action Plan"),
    ("SEND PAP (status at end of Jan 2025)", date(2025, 1, 31), "SEND PAP"),
    ("SEND PAP - position as of the end of February 2025", date(2025, 2, 28), "SEND PAP"),
])
def test_a_line_of_its_own_giving_the_position_at_a_date_dates_the_version(tmp_path, line, when, title):
    path = build(tmp_path / "PAP.xlsx", {"PAP": [[line], HEADER, *ACTIONS[:2]]}, modified=SAVED)
    plan = read_plan(path)
    assert (plan.version_date, plan.version_date_source) == (when, f"cell PAP!A1 '{line}'")
    assert plan.title == title


@pytest.mark.parametrize("rows", [
    [["SEND Priority Action Plan 2024-2027"]],
    [["SEND strategy 2023-2026"], ["Agreed by Cabinet on 12/09/2023"]],
    [["SEND PAP - update January 2025 and again in May"]],
    [["Status at 31 January 2025", "Draft for the board"]],  # not a line of its own
    [["SEND PAP"], ["Prepared for the board", None, "Update: January 2025"]],  # nor this
])
def test_dates_that_are_not_the_versions_are_not_taken(tmp_path, rows):
    path = build(tmp_path / "PAP.xlsx", {"PAP": [*rows, HEADER, *ACTIONS[:2]]}, modified=SAVED)
    plan = read_plan(path)
    assert (plan.version_date, plan.version_date_source) == (date(2026, 12, 4), "document properties (modified)")


def test_a_period_column_headed_by_an_update_and_its_month_does_not_date_the_version(tmp_path):
    path = build(tmp_path / "PAP.xlsx", {"PAP": [
        ["Ref", "Action", "Lead", "Due", "RAG", "Update Dec 24", "Update: January 2025"],
        ["1.1", "Refresh the SEND Strategy", "Head of SEND", "Mar-25", "Green", "Draft shared.", "Consulted."],
    ]}, modified=SAVED)
    plan = read_plan(path)
    assert (plan.version_date, plan.version_date_source) == (date(2026, 12, 4), "document properties (modified)")
    assert [(e.date.iso(), e.text) for e in plan.actions[0].entries] == [
        ("2024-12", "Draft shared."), ("2025-01", "Consulted."),
    ]


def test_a_label_whose_date_is_not_the_versions_does_not_date_it():
    from paptools.read.version import date_from_cells

    for text in ("Date agreed: 12/09/2023", "Version 2 - approved by Cabinet 12/09/2023",
                 "Updated annually; next review 31/03/2026"):
        assert date_from_cells([("Plan", "A1", text, None)]) is None, text
    assert date_from_cells([("Plan", "A1", "Version 2.1 - 14/01/2025", None)]) == (
        date(2025, 1, 14), "cell Plan!A1 'Version 2.1 - 14/01/2025'")


@pytest.mark.parametrize("title, when, source", [
    (["SEND PAP tracker - progress at 31 January 2025"], date(2025, 1, 31),
     "cell Action Plan!A1 'SEND PAP tracker - progress at 31 January 2025'"),
    ([], date(2026, 12, 4), "document properties (modified)"),
])
def test_an_entrys_heading_in_a_progress_cell_never_dates_the_version(tmp_path, title, when, source):
    path = build(tmp_path / "PAP.xlsx", {"Action Plan": [title, [], [*HEADER, "Commentary"], [
        *ACTIONS[0], "Date: 09/12/24\nUpdate: Terms of reference drafted.\n----\nDate: 13/01/25\nUpdate: Met.",
    ], [*ACTIONS[1], "Date: 13/01/25\nUpdate: Performance now 82%."], [*ACTIONS[2], "Update - 13/01/2025"]]},
        modified=SAVED)
    plan = read_plan(path)
    assert (plan.version_date, plan.version_date_source) == (when, source)
    assert [e.date.iso() for e in plan.actions[1].entries] == ["2025-01-13"]  # still its entry's date


@pytest.mark.parametrize("line, when", [
    ("SEND Priority Action Plan - January 2025", date(2025, 1, 1)),
    ("SEND PAP: Jan 2025", date(2025, 1, 1)),
    ("Written Statement of Action (March 2025)", date(2025, 3, 1)),
])
def test_a_plans_title_ending_in_its_month_dates_the_version(tmp_path, line, when):
    path = build(tmp_path / "PAP.xlsx", {"PAP": [[line], HEADER, *ACTIONS[:2]]}, modified=SAVED)
    plan = read_plan(path)
    assert (plan.version_date, plan.version_date_source) == (when, f"cell PAP!A1 '{line}'")
    assert summarize(plan).as_of == when  # overdue judged as of the title's month, not the save date


@pytest.mark.parametrize("line", [
    "Next review - March 2025",  # names no plan
    "SEND Priority Action Plan - January 2025 (draft)",  # more after the month
    "SEND Priority Action Plan agreed March 2025",  # no break before the month
])
def test_a_line_ending_in_a_month_that_is_no_plans_title_does_not_date_the_version(tmp_path, line):
    path = build(tmp_path / "PAP.xlsx", {"PAP": [[line], HEADER, *ACTIONS[:2]]}, modified=SAVED)
    plan = read_plan(path)
    assert (plan.version_date, plan.version_date_source) == (date(2026, 12, 4), "document properties (modified)")


def test_a_labelled_date_beats_the_month_a_title_ends_in(tmp_path):
    path = build(tmp_path / "PAP.xlsx", {"PAP": [
        ["SEND Priority Action Plan - January 2025"], ["Last updated: 03/02/2025"], HEADER, *ACTIONS[:2],
    ]}, modified=SAVED)
    plan = read_plan(path)
    assert (plan.version_date, plan.version_date_source) == (
        date(2025, 2, 3), "cell PAP!A2 'Last updated: 03/02/2025'")

"""Plans that keep one update a row beside its own Date cell, the action's cells merged down
its rows (or left blank under it): each row is an entry dated by its row, and a new row
between versions is new progress. Expected values are written out as an officer reads them."""
from __future__ import annotations

from datetime import datetime

import openpyxl

from paptools.compare.diff import diff_plans
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

HEADER = ["Ref", "Action", "Owner", "Timescale", "Status", "Date", "Progress"]


def build(path, rows, merged=()):
    """A one-sheet plan ("PAP") of these rows under HEADER, these ranges merged."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PAP"
    for row in [HEADER, *rows]:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def entries(action):
    return [(e.date.iso() if e.date else None, e.author, e.text, e.cell) for e in action.entries]


def lines(plan):
    return [w.line() for w in plan.warnings]


FIRST = [
    ["1", "Publish the Local Offer", "Jane Smith", "Mar 2025", "On track", datetime(2024, 11, 5), "Scoping done."],
    [None, None, None, None, None, datetime(2024, 12, 10), "Draft written."],
    ["2", "Train SENCOs", "Bob Jones", "June 2025", "Off track", datetime(2024, 12, 1), "Booked."],
]
MERGED_FIRST = [f"{c}2:{c}3" for c in "ABCDE"]


def test_each_row_of_a_merged_action_is_an_entry_dated_by_its_date_cell(tmp_path):
    plan = read_plan(build(tmp_path / "merged.xlsx", FIRST, MERGED_FIRST))
    assert [(a.ref, a.title, a.status.value if a.status else None) for a in plan.actions] == [
        ("1", "Publish the Local Offer", "On track"), ("2", "Train SENCOs", "At risk"),
    ]
    assert [entries(a) for a in plan.actions] == [
        [("2024-11-05", None, "Scoping done.", "PAP!G2"), ("2024-12-10", None, "Draft written.", "PAP!G3")],
        [("2024-12-01", None, "Booked.", "PAP!G4")],
    ]
    assert lines(plan) == []
    shown = render_layout("merged.xlsx", plan.layout, plan)
    assert "  Date             <- column F 'Date'" in shown
    assert "one update a row, dated by column F; rows under an action add to it" in shown


def test_rows_under_an_action_with_a_blank_ref_are_its_dated_updates_and_not_reported(tmp_path):
    plan = read_plan(build(tmp_path / "blank.xlsx", FIRST))
    assert [entries(a) for a in plan.actions] == [
        [("2024-11-05", None, "Scoping done.", "PAP!G2"), ("2024-12-10", None, "Draft written.", "PAP!G3")],
        [("2024-12-01", None, "Booked.", "PAP!G4")],
    ]
    assert lines(plan) == []


def test_a_new_row_of_an_action_is_its_new_progress(tmp_path):
    previous = read_plan(build(tmp_path / "v1.xlsx", FIRST, MERGED_FIRST))
    later = [*FIRST[:2], [None, None, None, None, None, datetime(2025, 1, 14), "Published for consultation."], FIRST[2]]
    current = read_plan(build(tmp_path / "v2.xlsx", later, [f"{c}2:{c}4" for c in "ABCDE"]))
    diff = diff_plans(previous, current)
    assert [(n.ref, n.entry.date.iso(), n.entry.text) for n in diff.new_entries] == [
        ("1", "2025-01-14", "Published for consultation."),
    ]
    assert diff.removed_entries == () and diff.edited_entries == ()


def test_one_update_a_row_with_its_date_and_author_columns(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [
        ["ID", "Action", "Responsible", "Deadline", "Status", "Date of update", "Updated by", "Update"],
        ["A1", "Publish the Local Offer", "Jane Smith", datetime(2025, 3, 31), "On track", datetime(2025, 1, 12),
         "Jane Smith", "Draft published."],
        ["A2", "Train SENCOs", "Bob Jones", datetime(2025, 6, 30), "Delayed", "TBC", None, "Trainer ill; rebooked."],
        ["A3", "Review EHCPs", "Ann Lee", datetime(2024, 12, 31), "Completed", datetime(2024, 12, 15), None,
         "Nov 24: AL: backlog cleared. All reviewed."],
        ["A4", "Set up the panel", "Ann Lee", datetime(2025, 2, 28), "On track", datetime(2025, 1, 3), None, None],
    ]:
        sheet.append(row)
    book.save(tmp_path / "dated.xlsx")
    plan = read_plan(tmp_path / "dated.xlsx")
    assert {a.ref: entries(a) for a in plan.actions} == {
        "A1": [("2025-01-12", "Jane Smith", "Draft published.", "Plan!H2")],
        "A2": [(None, None, "Trainer ill; rebooked.", "Plan!H3")],
        "A3": [("2024-11", "Ann Lee", "backlog cleared. All reviewed.", "Plan!H4")],
        "A4": [],
    }
    assert lines(plan) == [
        "Plan!F3: 'TBC' in the Date column is not a date; the update beside it is read undated",
        "Plan!F5: the date 3 Jan 2025 has no update beside it: not read",
    ]


def test_a_rows_date_goes_to_its_latest_entry_only_as_a_status_dates_does(tmp_path):
    rows = [["1", "Train SENCOs", "Bob Jones", "June 2025", "On track", datetime(2025, 2, 10),
             "Background first. Jan 25: booked."]]
    plan = read_plan(build(tmp_path / "preamble.xlsx", rows))
    assert entries(plan.actions[0]) == [
        (None, None, "Background first.", "PAP!G2"), ("2025-01", None, "booked.", "PAP!G2"),
    ]


def test_the_rows_of_an_action_that_give_different_statuses_are_reported_not_one_picked(tmp_path):
    # Each action's ref, action, lead and deadline are merged down its rows, one sub-step a row;
    # 1.2 gives each step its own status, 1.4 the same status on both its rows.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [
        ["Ref", "Action", "Lead", "Deadline", "Steps and updates", "Status"],
        ["1.1", "Redesign the EHC pathway", "EHC Manager", "Apr 2025", "Step 1: map the pathway", "On track"],
        [None, None, None, None, "12/11/2024: Mapping workshop held.", None],
        ["1.2", "A workforce programme", "Workforce Lead", "Jun 2025", "a) Training needs analysis", "Complete"],
        [None, None, None, None, "b) Commission training", "On track"],
        [None, None, None, None, "c) Evaluate impact", "Not started"],
        ["1.3", "A graduated response guide", "SEND Adviser", "Feb 2025", "03/12/2024: Draft circulated.", "Amber"],
        [None, None, None, None, "27/01/2025: Final version delayed.", None],
        ["1.4", "A SENCO network", "SEND Adviser", "Mar 2025", "a) Book venues", "On track"],
        [None, None, None, None, "b) Invite SENCOs", "On track"],
    ]:
        sheet.append(row)
    for first, last in ((2, 3), (4, 6), (7, 8), (9, 10)):
        for column in "ABCD":
            sheet.merge_cells(f"{column}{first}:{column}{last}")
    sheet.merge_cells("F2:F3")
    sheet.merge_cells("F7:F8")
    book.save(tmp_path / "steps.xlsx")
    plan = read_plan(tmp_path / "steps.xlsx")
    assert [(a.ref, a.status.value if a.status else None, a.status_word, a.status_cell) for a in plan.actions] == [
        ("1.1", "On track", "On track", "F2"),
        ("1.2", None, None, "F4:F6"),
        ("1.3", "Vulnerable", "Amber", "F7"),
        ("1.4", "On track", "On track", "F9"),
    ]
    assert lines(plan) == [
        "Plan!F4:F6: the rows of 1.2 give different statuses (F4 'Complete', F5 'On track', F6 'Not started'); "
        "status unknown: give the action one status, or each step a ref of its own",
    ]

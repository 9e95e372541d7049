"""A tracker kept one row per update: the ref and the action copied down on each update row,
each row with its own Date, Update and RAG cells. The rows of one ref are one action, each row
an entry dated by its Date cell, the status the latest update's. Expected values are written
out as an officer reads them."""
from __future__ import annotations

from datetime import datetime

import openpyxl

from paptools.api import reconcile
from paptools.compare.changes import ChangeKind
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

HEADER = ["Action ref", "Action", "Lead officer", "Deadline", "Date of update", "Update", "Updated by", "RAG"]
D = datetime
PANEL = "Establish a multi-agency EHCP QA panel."
CASELOADS = "Reduce EHCP caseloads to 1:180."
NEWSLETTER = "Launch a Local Offer newsletter with the PCF."


def build(path, rows, header=HEADER):
    """A one-sheet tracker ("Tracker"), a title and a blank row above the header (row 3)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(["Harwell SEND Partnership - PAP update tracker"])
    sheet.append([])
    for row in [header, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def entries(action):
    return [(e.date.iso() if e.date else None, e.author, e.text) for e in action.entries]


def status(action):
    return action.status.value if action.status else None


def lines(plan):
    return [w.line() for w in plan.warnings]


LONG = [  # rows 4-11; 2.1's rows out of date order: its latest update (10/01/2025, Red) is its middle row
    ["1.1", PANEL, "Head of SEND", "Mar-25", D(2024, 10, 15), "Terms of reference drafted.", "a.mills", "Green"],
    ["1.1", PANEL, "Head of SEND", "Mar-25", D(2024, 12, 10), "First panel met; 12 plans reviewed.", "a.mills",
     "Green"],
    ["1.1", PANEL, "Head of SEND", "Mar-25", D(2025, 1, 21), "Health advice weak in 7 of 12.", "dco", "Amber"],
    ["1.2", CASELOADS, "Head of SEND", "Jun-25", D(2024, 11, 5), "Business case approved.", "a.mills", "Green"],
    ["1.2", CASELOADS, "Head of SEND", "Jun-25", D(2025, 1, 14), "2 of 3 posts filled.", "a.mills", "Green"],
    ["2.1", NEWSLETTER, "Local Offer Officer", "Dec-24", D(2024, 10, 1), "Editorial group formed.", "l.offer",
     "Amber"],
    ["2.1", NEWSLETTER, "Local Offer Officer", "Dec-24", D(2025, 1, 10), "Printing paused: no budget.", "l.offer",
     "Red"],
    ["2.1", NEWSLETTER, "Local Offer Officer", "Dec-24", D(2024, 11, 20), "Two printers quoted.", "l.offer", "Amber"],
]


def test_the_rows_of_a_ref_copied_down_are_one_action_each_row_an_update(tmp_path):
    plan = read_plan(build(tmp_path / "long.xlsx", LONG))
    assert [(a.ref, a.title, a.owner, a.timescale.due.label(), status(a), a.status_word, a.status_cell, a.row)
            for a in plan.actions] == [
        ("1.1", PANEL, "Head of SEND", "Mar 2025", "Vulnerable", "Amber", "H6", 4),
        ("1.2", CASELOADS, "Head of SEND", "Jun 2025", "On track", "Green", "H8", 7),
        ("2.1", NEWSLETTER, "Local Offer Officer", "Dec 2024", "At risk", "Red", "H10", 9),
    ]
    assert [entries(a) for a in plan.actions] == [
        [("2024-10-15", "a.mills", "Terms of reference drafted."),
         ("2024-12-10", "a.mills", "First panel met; 12 plans reviewed."),
         ("2025-01-21", "dco", "Health advice weak in 7 of 12.")],
        [("2024-11-05", "a.mills", "Business case approved."), ("2025-01-14", "a.mills", "2 of 3 posts filled.")],
        [("2024-10-01", "l.offer", "Editorial group formed."), ("2025-01-10", "l.offer", "Printing paused: no budget."),
         ("2024-11-20", "l.offer", "Two printers quoted.")],
    ]
    assert lines(plan) == []  # an older row's older status is history, not a conflict
    shown = render_layout("long.xlsx", plan.layout, plan)
    assert "Sheet Tracker: actions, header row 3, 3 actions" in shown
    assert ("  Progress         <- column F 'Update'\n"
            "                      one update a row, dated by column E; rows under an action add to it\n"
            "                      rows that repeat a ref and its action are its updates, not actions of their own: "
            "1.1, 1.2, 2.1 (A4:A11)\n") in shown


def test_repeated_rows_with_the_action_blank_and_a_status_only_on_some_rows(tmp_path):
    rows = [
        ["1.1", PANEL, "Head of SEND", "Mar-25", D(2024, 10, 15), "Terms of reference drafted.", None, "Green"],
        ["1.1", None, None, None, D(2025, 1, 21), "Health advice weak in 7 of 12.", None, "Amber"],
        ["1.1", None, None, None, D(2025, 2, 3), "Chased the ICB.", None, None],
        ["1.2", CASELOADS, "Head of SEND", "Jun-25", D(2024, 11, 5), "Business case approved.", None, "Green"],
    ]
    plan = read_plan(build(tmp_path / "blank.xlsx", rows))
    assert [(a.ref, a.title, a.owner, a.timescale.text, status(a), a.status_cell) for a in plan.actions] == [
        ("1.1", PANEL, "Head of SEND", "Mar-25", "Vulnerable", "H5"),  # the latest row that gives a status
        ("1.2", CASELOADS, "Head of SEND", "Jun-25", "On track", "H7"),
    ]
    assert [entries(a) for a in plan.actions] == [
        [("2024-10-15", None, "Terms of reference drafted."), ("2025-01-21", None, "Health advice weak in 7 of 12."),
         ("2025-02-03", None, "Chased the ICB.")],
        [("2024-11-05", None, "Business case approved.")],
    ]
    assert lines(plan) == []


def test_rows_whose_dates_tie_or_are_missing_take_the_status_of_the_last_row(tmp_path):
    rows = [
        ["1.1", PANEL, "Head of SEND", "Mar-25", D(2025, 1, 21), "Panel met.", None, "Amber"],
        ["1.1", PANEL, "Head of SEND", "Mar-25", D(2025, 1, 21), "Panel met again.", None, "Green"],
        ["1.2", CASELOADS, "Head of SEND", "Jun-25", None, "Business case drafted.", None, "Red"],
        ["1.2", CASELOADS, "Head of SEND", "Jun-25", None, "Business case approved.", None, "Green"],
    ]
    plan = read_plan(build(tmp_path / "ties.xlsx", rows))
    assert [(a.ref, status(a), a.status_cell) for a in plan.actions] == [
        ("1.1", "On track", "H5"), ("1.2", "On track", "H7"),
    ]
    assert [entries(a) for a in plan.actions] == [
        [("2025-01-21", None, "Panel met."), ("2025-01-21", None, "Panel met again.")],
        [(None, None, "Business case drafted."), (None, None, "Business case approved.")],
    ]
    assert lines(plan) == []


def test_an_owner_or_timescale_that_differs_between_the_rows_is_reported_and_the_latest_used(tmp_path):
    rows = [
        ["1.1", PANEL, "Head of SEND", "Mar-25", D(2024, 10, 15), "Terms of reference drafted.", None, "Green"],
        ["1.1", PANEL, None, "Mar-25", D(2024, 12, 10), "First panel met.", None, "Green"],
        ["1.1", PANEL, "Designated Clinical Officer", "Jun-25", D(2025, 1, 21), "Handed to the DCO.", None, "Amber"],
    ]
    plan = read_plan(build(tmp_path / "owners.xlsx", rows))
    [action] = plan.actions
    assert (action.ref, action.owner, action.timescale.text, action.timescale.due.label(), status(action)) == (
        "1.1", "Designated Clinical Officer", "Jun-25", "Jun 2025", "Vulnerable")
    assert len(action.entries) == 3
    assert lines(plan) == [
        "Tracker!C4:C6: the rows of 1.1 give different owners (C4 'Head of SEND', C6 'Designated Clinical "
        "Officer'); the latest row's is used",
        "Tracker!D4:D6: the rows of 1.1 give different timescales (D4 'Mar-25', D6 'Jun-25'); the latest row's is "
        "used",
    ]


def test_a_repeated_ref_with_a_different_action_stays_two_actions_and_is_reported(tmp_path):
    rows = [
        ["1.1", PANEL, "Head of SEND", "Mar-25", D(2024, 10, 15), "Terms of reference drafted.", None, "Green"],
        ["1.1", CASELOADS, "Head of SEND", "Jun-25", D(2024, 11, 5), "Business case approved.", None, "Amber"],
    ]
    plan = read_plan(build(tmp_path / "different.xlsx", rows))
    assert [(a.ref, a.title, status(a)) for a in plan.actions] == [
        ("1.1", PANEL, "On track"), ("1.1 (2nd)", CASELOADS, "Vulnerable"),
    ]
    assert [entries(a) for a in plan.actions] == [
        [("2024-10-15", None, "Terms of reference drafted.")], [("2024-11-05", None, "Business case approved.")],
    ]
    assert lines(plan) == [
        "Tracker!A5: ref 1.1 is used twice (also at Tracker!A4); both actions are kept, this one as '1.1 (2nd)' in "
        "what paptools writes: give it a ref of its own",
    ]
    assert "repeat a ref" not in render_layout("different.xlsx", plan.layout, plan)


def test_a_ref_repeated_further_down_with_its_action_is_not_read_as_its_update(tmp_path):
    rows = [
        ["1.1", PANEL, "Head of SEND", "Mar-25", D(2024, 10, 15), "Terms of reference drafted.", None, "Green"],
        ["1.2", CASELOADS, "Head of SEND", "Jun-25", D(2024, 11, 5), "Business case approved.", None, "Green"],
        ["1.1", PANEL, "Head of SEND", "Mar-25", D(2025, 1, 21), "Health advice weak in 7 of 12.", None, "Amber"],
    ]
    plan = read_plan(build(tmp_path / "apart.xlsx", rows))
    assert [(a.ref, a.title, status(a), len(a.entries)) for a in plan.actions] == [
        ("1.1", PANEL, "On track", 1), ("1.2", CASELOADS, "On track", 1), ("1.1 (2nd)", PANEL, "Vulnerable", 1),
    ]
    assert lines(plan) == [
        "Tracker!A6: ref 1.1 is used twice (also at Tracker!A4); both actions are kept, this one as '1.1 (2nd)' in "
        "what paptools writes: give it a ref of its own",
    ]


def test_without_a_date_column_repeated_refs_stay_actions_of_their_own(tmp_path):
    header = ["Action ref", "Action", "Lead officer", "Deadline", "Update", "RAG"]
    rows = [
        ["1.1", PANEL, "Head of SEND", "Mar-25", "Terms of reference drafted.", "Green"],
        ["1.1", PANEL, "Head of SEND", "Mar-25", "Health advice weak in 7 of 12.", "Amber"],
    ]
    plan = read_plan(build(tmp_path / "undated.xlsx", rows, header))
    assert [(a.ref, status(a)) for a in plan.actions] == [("1.1", "On track"), ("1.1 (2nd)", "Vulnerable")]
    assert lines(plan) == [
        "Tracker!A5: ref 1.1 is used twice (also at Tracker!A4); both actions are kept, this one as '1.1 (2nd)' in "
        "what paptools writes: give it a ref of its own",
    ]


def test_a_row_added_under_an_action_between_versions_is_new_progress_and_its_status_the_new_status(tmp_path):
    def version(new):
        return [
            ["1.1", PANEL, "Head of SEND", "Mar-25", D(2024, 10, 15), "Terms of reference drafted.", "a.mills", "Green"],
            ["1.1", PANEL, "Head of SEND", "Mar-25", D(2025, 1, 21), "Health advice weak in 7 of 12.", "dco", "Amber"],
            *([["1.1", PANEL, "Head of SEND", "Mar-25", D(2025, 3, 18), "Panel stood down: no health attendance.",
                "a.mills", "Red"]] if new else []),
            ["1.2", CASELOADS, "Head of SEND", "Jun-25", D(2024, 11, 5), "Business case approved.", "a.mills", "Green"],
            *([["1.2", CASELOADS, "Head of SEND", "Jun-25", D(2025, 3, 11), "All 3 posts filled.", "a.mills",
                "Green"]] if new else []),
            ["2.1", NEWSLETTER, "Local Offer Officer", "Dec-24", D(2024, 9, 30), "Editorial group formed.", "l.offer",
             "Green"],
            ["2.1", NEWSLETTER, "Local Offer Officer", "Dec-24", D(2024, 12, 16), "First edition sent.", "l.offer",
             "Blue"],
        ]

    old = build(tmp_path / "old.xlsx", version(False))
    new = build(tmp_path / "new.xlsx", version(True))
    result = reconcile(old, new)
    assert [a.ref for a in result.current.actions] == ["1.1", "1.2", "2.1"]
    assert [(c.kind, c.ref, c.entry.date.iso() if c.entry else None, c.entry.text if c.entry else None,
             c.status_before.value if c.status_before else None, c.status_after.value if c.status_after else None)
            for c in result.changes] == [
        (ChangeKind.STATUS, "1.1", None, None, "Vulnerable", "At risk"),
        (ChangeKind.NEW_ENTRY, "1.1", "2025-03-18", "Panel stood down: no health attendance.", None, None),
        (ChangeKind.NEW_ENTRY, "1.2", "2025-03-11", "All 3 posts filled.", None, None),
    ]


def test_dated_rows_under_an_action_with_its_ref_left_blank_take_the_latest_rows_status_too(tmp_path):
    rows = [
        ["1.1", PANEL, "Head of SEND", "Mar-25", D(2024, 10, 15), "Terms of reference drafted.", None, "Green"],
        [None, None, None, None, D(2025, 1, 21), "Health advice weak in 7 of 12.", None, "Amber"],
        ["1.2", CASELOADS, "Head of SEND", "Jun-25", D(2025, 1, 14), "2 of 3 posts filled.", None, "Green"],
        [None, None, None, None, D(2024, 11, 5), "Business case approved.", None, "Red"],
    ]
    plan = read_plan(build(tmp_path / "under.xlsx", rows))
    assert [(a.ref, status(a), a.status_word, a.status_cell, len(a.entries)) for a in plan.actions] == [
        ("1.1", "Vulnerable", "Amber", "H5", 2),
        ("1.2", "On track", "Green", "H6", 2),  # its row below is dated earlier: the older status
    ]
    assert lines(plan) == []
    assert "repeat a ref" not in render_layout("under.xlsx", plan.layout, plan)


def test_older_update_rows_hidden_are_one_actions_rows_in_the_warning(tmp_path):
    path = build(tmp_path / "hidden.xlsx", LONG)
    book = openpyxl.load_workbook(path)
    for row in (4, 5, 7):  # 1.1's and 1.2's older updates hidden, as an officer tidies a long tracker
        book.active.row_dimensions[row].hidden = True
    book.save(path)
    plan = read_plan(path)
    assert [(a.ref, len(a.entries)) for a in plan.actions] == [("1.1", 3), ("1.2", 2), ("2.1", 3)]
    assert lines(plan) == [
        "Tracker!4:7: the rows of 2 actions are hidden in Excel (1.1, 1.2); read and counted anyway",
    ]


def test_the_latest_rows_coloured_mark_gives_the_status(tmp_path):
    """A status shown by a mark's font colour ("●" in red) is the latest update row's too."""
    from openpyxl.styles import Font

    colours = {"Green": "00B050", "Amber": "FFC000", "Red": "FF0000"}
    path = build(tmp_path / "marks.xlsx", [[*row[:7], "●"] for row in LONG[:3]])
    book = openpyxl.load_workbook(path)
    sheet = book["Tracker"]
    for n, row in enumerate(LONG[:3], start=4):
        sheet.cell(n, 8).font = Font(color=colours[row[7]])
    sheet.append([])
    sheet.append(["Key"])
    for word, rgb in colours.items():
        sheet.append(["●", {"Green": "On track", "Amber": "Vulnerable", "Red": "At risk"}[word]])
        sheet.cell(sheet.max_row, 1).font = Font(color=rgb)
    book.save(path)
    plan = read_plan(path)
    assert [(a.ref, status(a), len(a.entries)) for a in plan.actions] == [("1.1", "Vulnerable", 3)]

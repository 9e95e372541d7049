"""An updates log headed Date | Action | Update whose Action cells name the action by its ref
("Action 7.1"): read as the updates of the plan's actions, not as more actions. An update with
no date lies where it is written, and is reported. Expected values are written out as an
officer reads them."""
from __future__ import annotations

from datetime import datetime

import openpyxl

from paptools.read.plan import read_plan
from paptools.read.refs import Ref, parse_ref
from paptools.write.layout_text import render_layout


def build(path, log_rows, log_header=("Date", "Action", "Update", "Updated by")):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(["Action ref", "Action", "Lead", "Target date", "Status"])
    sheet.append(["7.1", "Single point of access for SEND advice", "Head of SEND", datetime(2025, 3, 31), "On track"])
    sheet.append(["7.2", "Embed SEND in Early Help assessments", "Early Help Manager", datetime(2025, 6, 30), "At risk"])
    sheet.append(["7.3", "Quality assure EHCP health sections", "DCO", datetime(2024, 12, 31), "Complete"])
    log = book.create_sheet("Updates")
    for row in [list(log_header), *log_rows]:
        log.append(row)
    book.save(path)
    return path


OLDEST_FIRST = [
    [datetime(2024, 11, 12), "Action 7.1", "Working group set up.", "K. Holt"],
    ["14/01/25", "Action 7.1", "Pilot with 3 clusters agreed.", "K. Holt"],
    [datetime(2025, 1, 20), "Action 7.2", "Early Help staff vacancies at 30%; training paused.", "S. Ahmed"],
    [datetime(2024, 12, 9), "Action 7.3", "Audit of 40 plans complete; report to board.", "Dr R. Jones"],
    [None, "Action 7.2", "Note: risk added to register.", "S. Ahmed"],
    [datetime(2025, 1, 22), "Action 7.4", "Transport policy consultation launched.", "M. Green"],
]


def entries(plan):
    return {a.ref: [(e.date.iso() if e.date else None, e.text, e.author, e.cell) for e in a.entries]
            for a in plan.actions}


def test_action_and_its_number_is_the_ref_alone():
    assert parse_ref("Action 7.1") == Ref("", "7.1")
    assert parse_ref("Action 7.1").text == "7.1"
    assert parse_ref("PAP 1.1").text == "PAP 1.1"


def test_an_action_column_of_refs_is_the_logs_ref_column(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", OLDEST_FIRST))
    assert [(a.ref, a.ref_text, a.status.value) for a in plan.actions] == [
        ("7.1", "7.1", "On track"), ("7.2", "7.2", "At risk"), ("7.3", "7.3", "Complete")]
    assert entries(plan) == {
        "7.1": [("2024-11-12", "Working group set up.", "K. Holt", "Updates!C2"),
                ("2025-01-14", "Pilot with 3 clusters agreed.", "K. Holt", "Updates!C3")],
        "7.2": [("2025-01-20", "Early Help staff vacancies at 30%; training paused.", "S. Ahmed", "Updates!C4"),
                (None, "Note: risk added to register.", "S. Ahmed", "Updates!C6")],
        "7.3": [("2024-12-09", "Audit of 40 plans complete; report to board.", "Dr R. Jones", "Updates!C5")],
    }
    assert [(w.line(), w.value) for w in plan.warnings] == [
        ("Updates!A6: this update for 7.2 gives no date: it is kept undated, in its place among 7.2's updates "
         "in this log", None),
        ("Updates!B7: update for ref 'Action 7.4' matches no action: not attached to the plan; its text is kept "
         "here", "22/01/2025 | Action 7.4 | Transport policy consultation launched. | M. Green"),
    ]
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert ("Sheet Updates: updates log, header row 1, one row per update\n"
            "  Ref    <- column B\n  Text   <- column C\n  Date   <- column A\n  Author <- column D\n") in text
    assert "3 actions read (3 PAP)" in text


def test_an_undated_update_in_a_log_kept_newest_first_lies_where_it_is_written(tmp_path):
    rows = [
        [datetime(2025, 3, 5), "7.1", "Published.", "K. Holt"],
        [None, "7.1", "Note: launch event booked.", "K. Holt"],
        [datetime(2025, 1, 10), "7.1", "Draft written.", "K. Holt"],
        [None, "7.2", "Scoping begun.", "S. Ahmed"],
    ]
    plan = read_plan(build(tmp_path / "plan.xlsx", rows, ("Date", "Action ref", "Update", "Updated by")))
    assert entries(plan) == {
        "7.1": [("2025-01-10", "Draft written.", "K. Holt", "Updates!C4"),
                (None, "Note: launch event booked.", "K. Holt", "Updates!C3"),
                ("2025-03-05", "Published.", "K. Holt", "Updates!C2")],
        "7.2": [(None, "Scoping begun.", "S. Ahmed", "Updates!C5")],
        "7.3": [],
    }
    assert [w.line() for w in plan.warnings] == [
        "Updates!A3: this update for 7.1 gives no date: it is kept undated, in its place among 7.1's updates "
        "in this log",
        "Updates!A5: this update for 7.2 gives no date: it is kept undated, in its place among 7.2's updates "
        "in this log",
    ]


def test_a_label_before_the_number_is_no_part_of_the_ref():
    assert [parse_ref(t).text for t in ("Ref 7.1", "Ref: 7.1", "REF. 7.1", "No. 7", "Number 7", "Item 3.2")] == [
        "7.1", "7.1", "7.1", "7", "7", "3.2"]
    assert parse_ref("PAP 7.1").text == "PAP 7.1"  # a prefix that marks the plan stays


def test_refs_written_with_a_label_are_the_same_actions_as_without(make_workbook):
    from conftest import action, plan_rows

    from paptools.api import reconcile

    before = make_workbook(plan_rows(action("Ref 1.1", title="Publish the Local Offer"),
                                     action("Ref 1.2", "AR", title="Train SENCOs")), name="PAP Jan 25.xlsx")
    after = make_workbook(plan_rows(action("1.1", title="Publish the Local Offer"),
                                    action("1.2", "AR", title="Train SENCOs")), name="PAP Apr 25.xlsx")
    assert [(a.ref, a.ref_text) for a in read_plan(before).actions] == [("1.1", "Ref 1.1"), ("1.2", "Ref 1.2")]
    changes = reconcile(before, after).changes
    assert [c.kind.value for c in changes] == []  # nothing added or removed: the same two actions


def test_a_named_level_and_an_action_number_are_one_ref():
    assert [parse_ref(t).text for t in ("Theme 1 / Action 1", "Theme 2 Action 4b", "Priority 1 Action 2",
                                        "Objective 3, action 1")] == [
        "THEME 1.1", "THEME 2.4b", "PRIORITY 1.2", "OBJECTIVE 3.1"]
    assert parse_ref("Priority 1 Action 2").is_pap  # "Priority" marks the plan's own actions, as in "Priority 1.2"


def test_a_plan_of_refs_written_theme_and_action_is_read(tmp_path):
    from test_layout import build

    path = build(tmp_path / "themes.xlsx", {"SEND PAP": [
        ["Ref", "Action", "Lead", "Due", "RAG"],
        ["Theme 1 / Action 1", "Refresh the SEND Strategy with parents", "Head of SEND", "Mar-25", "Green"],
        ["Theme 1 / Action 2", "Publish a revised Local Offer website", "Local Offer Manager", "Dec-24", "Red"],
    ]})
    plan = read_plan(path)
    assert [(a.ref, a.ref_text, a.status.value) for a in plan.actions] == [
        ("THEME 1.1", "Theme 1 / Action 1", "On track"), ("THEME 1.2", "Theme 1 / Action 2", "At risk")]


def test_a_plan_whose_refs_are_none_paptools_reads_says_so(tmp_path):
    import pytest
    from test_layout import build

    from paptools.errors import NoActions

    path = build(tmp_path / "codes.xlsx", {"SEND PAP": [
        ["Ref", "Action", "Lead", "Due", "RAG"],
        ["Alpha / Beta", "Refresh the SEND Strategy with parents", "Head of SEND", "Mar-25", "Green"],
        ["Gamma / Delta", "Publish a revised Local Offer website", "Local Offer Manager", "Dec-24", "Red"],
    ]})
    with pytest.raises(NoActions) as raised:
        read_plan(path)
    assert str(raised.value) == (
        f"{path}: has a header row but none of the 2 refs under it is one paptools reads ('Alpha / Beta' in "
        "SEND PAP!A2): "
        "write refs as 1.1, PAP 1.1, 1.1a, P1 A4 or SEND-01")


def test_a_plan_lettered_a_b_c_is_refused_naming_its_refs_not_taken_for_a_key(tmp_path):
    """ "A", "G" and "R" are also a RAG key's letters: a row of them with four cells filled is an
    action's row lettered so, whose ref paptools does not read, and the refusal says so (it said
    the Ref column was empty, having taken each action for a line of a key)."""
    import pytest
    from test_layout import build

    from paptools.errors import NoActions

    path = build(tmp_path / "lettered.xlsx", {"Sheet1": [
        ["ID", "Improvement action", "Accountable officer", "Completion date", "Current status", "Narrative"],
        ["A", "Joint commissioning strategy", "Jane Smith (AD Commissioning)", "30 April 2025", "On schedule",
         "November 2024 - Needs assessment complete."],
        ["G", "Dynamic support register", "Tom Brown (ICB)", "31 December 2024", "Completed",
         "December 2024 - Register live."],
    ]})
    with pytest.raises(NoActions) as raised:
        read_plan(path)
    assert str(raised.value) == (
        f"{path}: has a header row but none of the 2 refs under it is one paptools reads ('A' in Sheet1!A2): "
        "write refs as 1.1, PAP 1.1, 1.1a, P1 A4 or SEND-01")

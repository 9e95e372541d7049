"""A second table on the plan's sheet, under a heading that says its actions are done
("Completed actions"): its actions are Complete, as a sheet so named makes its rows; with no
such heading and no status column, every status under it is unknown, and said so."""
from __future__ import annotations

import pytest
from test_layout import build, lines, statuses

from paptools.check.explain import status_reason
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

LIVE = [
    ["ID", "Action", "Lead", "Timescale", "RAG rating", "Progress"],
    ["H1", "Publish the Local Offer", "Ann Bell", "Mar-25", "Green", "Dec 24: AB: drafted."],
    ["H2", "Cut the waiting list", "Bob Cole", "Mar-25", "Amber", "Jan 25: BC: two therapists recruited."],
    [],
]
DONE = [
    ["ID", "Action", "Date completed", "Lead", "Progress"],
    ["HC1", "Set up the SEND board", "Oct-24", "Ann Bell", "Closed at SEND Board 10/10/24."],
    ["HC2", "Name a SEND lead", "Oct-24", "Bob Cole", "Closed at SEND Board 11/10/24."],
]


def test_a_table_under_a_completed_actions_heading_has_its_actions_complete(tmp_path):
    path = build(tmp_path / "completed.xlsx", {"Plan": [*LIVE, ["Completed actions"], *DONE]})
    plan = read_plan(path)
    assert statuses(plan) == {"H1": ("On track", "Green"), "H2": ("Vulnerable", "Amber"),
                              "HC 1": ("Complete", "Completed actions"), "HC 2": ("Complete", "Completed actions")}
    assert [a.status_source for a in plan.actions] == ["text", "text", "heading", "heading"]
    assert [(a.ref, a.section) for a in plan.actions[2:]] == [("HC 1", "Completed actions"), ("HC 2", "Completed actions")]
    assert lines(plan) == []
    assert status_reason(plan, plan.actions[2]) == ("HC 1 gives no status of its own; it is under the heading "
                                                    "'Completed actions', which says its actions are Complete.")
    shown = render_layout("completed.xlsx", plan.layout, plan)
    assert ("  From row 6, a second header with the columns in another order:\n"
            "    Ref            <- column A 'ID'\n"
            "    Action         <- column B 'Action'\n"
            "    Owner          <- column D 'Lead'\n"
            "    Progress       <- column E 'Progress'\n"
            "    Status         <- the heading A5 'Completed actions': its actions are Complete\n"
            "    Kept as extra columns: C 'Date completed'") in shown


def test_under_a_closed_heading_a_status_column_still_gives_each_row_its_own_status(tmp_path):
    path = build(tmp_path / "closed.xlsx", {"Plan": [
        *LIVE, ["Closed actions"],
        ["ID", "RAG rating", "Action", "Lead", "Progress"],
        ["HC1", None, "Set up the SEND board", "Ann Bell", "Closed at SEND Board 10/10/24."],
        ["HC2", "Green", "Name a SEND lead", "Bob Cole", "Reopened at SEND Board 11/10/24."],
    ]})
    plan = read_plan(path)
    assert statuses(plan) == {"H1": ("On track", "Green"), "H2": ("Vulnerable", "Amber"),
                              "HC 1": ("Complete", "Closed actions"), "HC 2": ("On track", "Green")}
    assert lines(plan) == []
    shown = render_layout("closed.xlsx", plan.layout, plan)
    assert "    Status         <- column B; rows with no status are Complete (the heading A5 'Closed actions')" in shown


@pytest.mark.parametrize("heading", [None, "Actions not yet completed"])
def test_a_second_table_with_no_status_column_and_no_completed_heading_is_unknown_and_said(tmp_path, heading):
    above = [[heading]] if heading else [[]]
    path = build(tmp_path / "unknown.xlsx", {"Plan": [*LIVE, *above, *DONE]})
    plan = read_plan(path)
    assert statuses(plan) == {"H1": ("On track", "Green"), "H2": ("Vulnerable", "Amber"),
                              "HC 1": (None, None), "HC 2": (None, None)}
    assert lines(plan) == [
        "Plan!6:6: no RA, RAG or Status column under this second header: the status of every action under it is "
        "unknown (a heading above it such as 'Completed actions' would make them Complete)",
    ]
    shown = render_layout("unknown.xlsx", plan.layout, plan)
    assert "    Status         <- none: every status under this header is unknown (reported)" in shown

"""Plans that keep each quarter's (or month's) updates on a sheet of their own, "Ref | Update"
with no Date column: each sheet is an updates log whose title dates the updates that give no
date of their own. Expected values are written out as an officer reads them."""
from __future__ import annotations

from test_layout import build

from paptools.compare.diff import diff_plans
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

PLAN = [
    ["Ref", "Action", "Lead", "Target date", "RAG"],
    ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "Green"],
    ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "Amber"],
    ["2.1", "Audit EHCPs", "Ann Lee", "Dec 2024", "Complete"],
]
Q1 = [["Ref", "Update"], ["1.1", "Draft written."], ["1.2", "Venue booked."]]
Q2 = [["Ref", "Update"], ["1.1", "Consultation closed."], ["2.1", "14/08/2024: Audit done."], ["3.9", "Stray note."]]


def entries(action):
    return [(e.date.iso() if e.date else None, e.text, e.cell) for e in action.entries]


def test_each_update_sheet_dates_its_updates_by_its_title(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Action Plan": PLAN, "Q1 2024-25 update": Q1,
                                                     "Q2 2024-25 update": Q2}))
    by_ref = {a.ref: entries(a) for a in plan.actions}
    assert by_ref == {
        "1.1": [("2024-06", "Draft written.", "Q1 2024-25 update!B2"),
                ("2024-09", "Consultation closed.", "Q2 2024-25 update!B2")],
        "1.2": [("2024-06", "Venue booked.", "Q1 2024-25 update!B3")],
        "2.1": [("2024-08-14", "Audit done.", "Q2 2024-25 update!B3")],
    }
    assert [(w.line(), w.value) for w in plan.warnings] == [
        ("Q2 2024-25 update!A4: update for ref '3.9' matches no action: not attached to the plan; "
         "its text is kept here", "3.9 | Stray note."),
    ]


def test_inspect_shows_each_update_sheet_and_the_date_its_title_gives(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Action Plan": PLAN, "January 2025 progress": Q1,
                                                     "Updates": Q2}))
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert ("Sheet January 2025 progress: updates log, header row 1, one row per update\n"
            "  Ref    <- column A\n  Text   <- column B\n"
            "  Date   <- the sheet's title, Jan 2025, for an update that gives none\n") in text
    assert ("Sheet Updates: updates log, header row 1, one row per update\n"
            "  Ref    <- column A\n  Text   <- column B\n"
            "  Date   <- none: each update is dated by its own text\n") in text
    assert "Not read" not in text


def test_a_new_quarters_sheet_is_new_progress(tmp_path):
    previous = read_plan(build(tmp_path / "v1.xlsx", {"Action Plan": PLAN, "Q1 2024-25 update": Q1}))
    current = read_plan(build(tmp_path / "v2.xlsx", {"Action Plan": PLAN, "Q1 2024-25 update": Q1,
                                                     "Q2 2024-25 update": Q2[:3]}))
    diff = diff_plans(previous, current)
    assert [(n.ref, n.entry.date.iso(), n.entry.text) for n in diff.new_entries] == [
        ("1.1", "2024-09", "Consultation closed."),
        ("2.1", "2024-08-14", "Audit done."),
    ]
    assert diff.removed_entries == () and diff.edited_entries == ()


def test_a_ref_and_text_sheet_not_titled_as_updates_is_not_read_as_progress(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Action Plan": PLAN, "Lookups": Q1}))
    assert all(a.entries == () for a in plan.actions)

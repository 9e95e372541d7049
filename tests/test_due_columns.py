"""Plans that keep the deadline in dated columns ("Original deadline", "Revised deadline")
rather than one Timescale cell: the revised date is the due month, and nothing is reported
missing. Expected values are written out as an officer reads them."""
from __future__ import annotations

from datetime import datetime

import openpyxl

from paptools.read.plan import read_plan


def plan_of(tmp_path, rows, merged=()):
    """The plan read from a one-sheet workbook ("Plan") of these rows, these ranges merged."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(tmp_path / "plan.xlsx")
    return read_plan(tmp_path / "plan.xlsx")


def test_original_and_revised_deadline_columns_give_the_due_months(tmp_path):
    plan = plan_of(tmp_path, [
        ["Ref", "Action", "Owner", "Original deadline", "Revised deadline", "RAG", "Progress"],
        ["1.1", "Publish the local offer", "Jane Smith", datetime(2025, 3, 31), datetime(2025, 6, 30), "G",
         "Jan 25: Draft."],
        ["1.2", "Train SENCOs", "Bob Jones", datetime(2025, 6, 30), None, "A", "Jan 25: Venue booked."],
    ])
    assert {a.ref: (a.timescale.original_due.iso(), a.timescale.revised_due and a.timescale.revised_due.iso())
            for a in plan.actions} == {"1.1": ("2025-03", "2025-06"), "1.2": ("2025-06", None)}
    assert [w.line() for w in plan.warnings] == []


def test_deadline_columns_holding_months_as_text_give_the_due_months(tmp_path):
    plan = plan_of(tmp_path, [
        ["Ref", "Action", "Owner", "Original deadline", "Revised deadline", "RAG", "Progress"],
        ["1.1", "Publish the local offer", "Jane Smith", "Nov 2024", "Feb 2025", "G", "Jan 25: Draft."],
        ["1.2", "Train SENCOs", "Bob Jones", "Mar-25", "Sep-25", "A", "Jan 25: Venue booked."],
        ["1.3", "Audit EHCPs", "Ann Lee", datetime(2025, 6, 30), "When funded", "G", "Jan 25: Scoped."],
    ])
    assert {a.ref: (a.timescale.original_due.iso(), a.timescale.due.iso()) for a in plan.actions} == {
        "1.1": ("2024-11", "2025-02"), "1.2": ("2025-03", "2025-09"), "1.3": ("2025-06", "2025-06")}
    assert [w.line() for w in plan.warnings] == [
        "Plan!E4: 'When funded' in the Latest due column is not a date or a month; not used"]


def test_many_timescales_of_one_unreadable_text_share_one_warning(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"])
    for n in range(1, 8):
        sheet.append([f"1.{n}", f"Action {n}", "Jane Smith", "Ongoing" if n % 3 else "Mar 2026", "G", "Jan 25: Begun."])
    sheet.append(["2.1", "Action 8", "Jane Smith", "TBC", "G", "Jan 25: Begun."])
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert [w.line() for w in plan.warnings] == [
        "Plan!D2: timescale 'Ongoing' names no month, so no due date is known (5 actions: 1.1, 1.2, 1.4, 1.5, 1.7)",
        "Plan!D9: timescale 'TBC' names no month, so no due date is known",
    ]


def test_a_deadline_header_over_original_and_revised_sub_headers(tmp_path):
    plan = plan_of(tmp_path, [
        ["Ref", "Action", "Owner", "Deadline", None, "RAG", "Progress"],
        [None, None, None, "Original", "Revised", None, None],
        ["1.1", "Publish the local offer", "Jane Smith", datetime(2023, 12, 31), datetime(2024, 6, 30), "G",
         "Jan 24: Draft."],
        ["1.2", "Train SENCOs", "Bob Jones", datetime(2024, 6, 30), None, "A", "Jan 24: Venue booked."],
    ], merged=("D1:E1",))
    assert {a.ref: (a.timescale.original_due.iso(), a.timescale.due.iso()) for a in plan.actions} == {
        "1.1": ("2023-12", "2024-06"), "1.2": ("2024-06", "2024-06")}


def test_timescales_naming_different_quarters_share_one_warning(tmp_path):
    quarters = ["Q3 2024/25", "Q4 2024/25", "Q4 2024/25", "Q1 2025/26"]
    plan = plan_of(tmp_path, [["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
                              *[[f"1.{n}", f"Action {n}", "Jane Smith", quarter, "G", "Jan 25: Begun."]
                                for n, quarter in enumerate(quarters, 1)],
                              ["1.5", "Action 5", "Jane Smith", "Spring 2025", "G", "Jan 25: Begun."]])
    assert [a.timescale.due for a in plan.actions] == [None] * 5
    assert [w.line() for w in plan.warnings] == [
        "Plan!D2: each timescale names a quarter, not a month, so no due date is known: if the plan's quarters are "
        "the financial year's (Q1 April to June), say so in paptools.toml: quarters = \"financial year\" (4 actions: "
        "1.1 'Q3 2024/25', 1.2 'Q4 2024/25', 1.3 'Q4 2024/25', 1.4 'Q1 2025/26')",
        "Plan!D6: timescale 'Spring 2025' names a season, not a month, so no due date is known: write the month, or "
        "the school term ('Summer term 2025')",
    ]


def test_a_revised_deadline_column_added_between_versions_changes_only_the_action_it_revises(tmp_path):
    from paptools.compare.changes import ChangeKind, list_changes
    from paptools.compare.diff import diff_plans

    (tmp_path / "dec").mkdir()
    (tmp_path / "jan").mkdir()
    december = plan_of(tmp_path / "dec", [
        ["Ref", "Action", "Owner", "Deadline", "RAG", "Progress"],
        ["R1", "SEN support guidance", "Jane Smith", "Mar-25", "Green", "Dec 24: Drafted."],
        ["R2", "EHCP portal", "Bob Jones", "Mar-25", "Amber", "Dec 24: Supplier slow."],
    ])
    january = plan_of(tmp_path / "jan", [
        ["Ref", "Action", "Owner", "Original deadline", "Revised deadline", "RAG", "Progress"],
        ["R1", "SEN support guidance", "Jane Smith", "Mar-25", None, "Green", "Dec 24: Drafted.\nJan 25: Consulted."],
        ["R2", "EHCP portal", "Bob Jones", "Mar-25", "Jul-25", "Amber", "Dec 24: Supplier slow.\nJan 25: Moved."],
    ])
    assert [(a.ref, a.timescale.text) for a in january.actions] == [
        ("R1", "Mar-25"), ("R2", "Jul-25 (revised from Mar-25)")]
    moved = list_changes(diff_plans(december, january)).of(ChangeKind.TIMESCALE)
    assert [(c.ref, c.due_before.iso(), c.due_after.iso()) for c in moved] == [("R2", "2025-03", "2025-07")]

"""Plans with no Ref column whose actions are numbered in their own text ("1.1 Publish ..."):
the refs are read from there, the rest is the action, and a numbered heading alone on its row
opens a section. Expected values are written out as an officer reads them."""
from __future__ import annotations

import openpyxl

from paptools.api import write_style_file
from paptools.compare.diff import diff_plans
from paptools.read.plan import read_plan
from paptools.read.refs import cell_ref, leading_ref, parse_ref
from paptools.write.layout_text import render_layout

HEADER = ["Action", "Lead", "Timescale", "RAG", "Progress"]
ROWS = [
    ["1. Early identification"],
    ["1.1 Publish the Local Offer", "Jane Smith", "Mar 2025", "Green", "Jan 25: published."],
    ["1.2 - Train SENCOs", "Bob Jones", "Jun 2025", "Amber", "Jan 25: booked."],
    ["2. Assessment"],
    ["2.1: Review EHCP timeliness", "Ann Lee", "Dec 2024", "Red", "Dec 24: backlog."],
]


def build(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def test_refs_opening_the_action_cells_are_the_refs_and_numbered_headings_open_sections(tmp_path):
    plan = read_plan(build(tmp_path / "numbered.xlsx", [*ROWS, ["Set up a parent panel", "Ann Lee", "Sep 2025", "Green", ""]]))
    assert [(a.ref, a.ref_text, a.title, a.owner, a.section, a.priority_area) for a in plan.actions] == [
        ("1.1", "1.1", "Publish the Local Offer", "Jane Smith", "1. Early identification", "Priority area 1"),
        ("1.2", "1.2", "Train SENCOs", "Bob Jones", "1. Early identification", "Priority area 1"),
        ("2.1", "2.1", "Review EHCP timeliness", "Ann Lee", "2. Assessment", "Priority area 2"),
    ]
    assert [[(e.date.iso(), e.text) for e in a.entries] for a in plan.actions] == [
        [("2025-01", "published.")], [("2025-01", "booked.")], [("2024-12", "backlog.")],
    ]
    assert [w.line() for w in plan.warnings] == [
        "Plan!A7: row with no Ref, 'Set up a parent panel | Ann Lee | Sep 2…', is not read as an action and is "
        "left out of the plan and every count; if it is an action, start its Action cell with a ref (1.1, PAP 1.1) to "
        "have it counted; its text is kept here",
    ]
    shown = render_layout("numbered.xlsx", plan.layout, plan)
    assert "  Ref              <- column A 'Action' (the ref opening each cell, 85%)" in shown
    assert "  Action           <- column A 'Action'" in shown


def test_a_new_numbered_action_and_a_new_entry_between_versions(tmp_path):
    previous = read_plan(build(tmp_path / "v1.xlsx", ROWS))
    later = [row[:] for row in ROWS]
    later[1][4] = "Jan 25: published.\nFeb 25: first feedback in."
    later.insert(3, ["1.3 Set up a parent panel", "Ann Lee", "Sep 2025", "Green", "Feb 25: terms agreed."])
    diff = diff_plans(previous, read_plan(build(tmp_path / "v2.xlsx", later)))
    assert [a.ref for a in diff.actions_added] == ["1.3"] and diff.actions_removed == ()
    assert [(n.ref, n.entry.date.iso(), n.entry.text) for n in diff.new_entries] == [
        ("1.1", "2025-02", "first feedback in."),
    ]


def test_the_house_style_file_written_for_it_reads_it_the_same(tmp_path):
    path = build(tmp_path / "numbered.xlsx", ROWS)
    written = write_style_file(path, read_plan(path).layout).read_text()
    assert '"Action" = "action"' in written and '= "ref"' not in written
    assert [(a.ref, a.title) for a in read_plan(path).actions] == [
        ("1.1", "Publish the Local Offer"), ("1.2", "Train SENCOs"), ("2.1", "Review EHCP timeliness"),
    ]


def test_numbers_that_open_a_sentence_are_not_refs():
    assert [(cell_ref(t, leading=True) or None) and cell_ref(t, leading=True).text for t in [
        "1.1 Publish", "3) Train", "PAP 1.2 - Train", "A3: Audit", "2 new posts will be made", "Review 3 policies",
        "Priority 1: Early help",
    ]] == ["1.1", "3", "PAP 1.2", "A3", None, None, None]
    assert leading_ref("PAP 1.2 - Train staff") == (parse_ref("PAP 1.2"), "Train staff")
    assert leading_ref("1.1") == (parse_ref("1.1"), "")


def test_a_plan_numbered_by_priority_and_action_is_read(tmp_path):
    book = openpyxl.Workbook()
    for row in [["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
                ["P1 A1", "Publish the local offer", "Jane Smith", "Mar 2025", "Green", "Jan 25: Draft."],
                ["P1 A2", "Train SENCOs", "Bob Jones", "Jun 2025", "Amber", "Jan 25: Booked."],
                ["P2 A1", "Audit EHCPs", "Ann Lee", "Dec 2025", "Red", "Jan 25: Scoped."]]:
        book.active.append(row)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert [(a.ref, a.priority_area, a.status.value) for a in plan.actions] == [
        ("P1 A1", "Priority area 1", "On track"), ("P1 A2", "Priority area 1", "Vulnerable"),
        ("P2 A1", "Priority area 2", "At risk")]
    assert [w.line() for w in plan.warnings] == []


def test_a_row_that_only_heads_its_sub_actions_is_a_heading_not_an_action(tmp_path):
    book = openpyxl.Workbook()
    for row in [["Ref", "Action", "Lead", "Deadline", "RAG", "Progress update"],
                ["1.1", "Develop a SEND performance framework", None, None, None, None],
                ["1.1a", "Agree the measures", "Jane Smith", "Mar 2025", "Met", "Jan 25: Agreed."],
                ["1.1b", "Publish a dashboard", "Bob Jones", "Jun 2025", "Partially met", "Feb 25: Drafted."],
                ["1.2", "Train SENCOs", "Ann Lee", "Dec 2025", "Not started", None],
                ["2.1", "Reduce waiting times", None, None, None, None],
                ["2.2", "Recruit therapists", "Raj Patel", "Dec 2025", "Met", "Jan 25: Two appointed."]]:
        book.active.append(row)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    # 2.1 heads nothing (2.2 is not under it): an action with no status, as written
    assert [a.ref for a in plan.actions] == ["1.1a", "1.1b", "1.2", "2.1", "2.2"]
    assert [(n.kind, n.cell, n.text) for n in plan.notes if n.kind == "section"] == [
        ("section", "A2", "1.1 Develop a SEND performance framework")]


def test_a_note_between_the_actions_is_reported_and_heads_nothing(tmp_path):
    book = openpyxl.Workbook()
    for row in [["Ref", "Action", "Lead", "Deadline", "RAG", "Progress update"],
                ["Priority area 1: Identification"],
                ["1.1", "Agree the measures", "Jane Smith", "Mar 2025", "Green", "Jan 25: Agreed."],
                [None, "Note: 1.2 was agreed at the SEND Board on 12/12/2024"],
                ["1.2", "Publish a dashboard", "Bob Jones", "Jun 2025", "Amber", "Feb 25: Drafted."]]:
        book.active.append(row)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert [(a.ref, a.priority_area, a.section) for a in plan.actions] == [
        ("1.1", "Priority area 1", None), ("1.2", "Priority area 1", None)]
    assert [(w.cell, w.message, w.value) for w in plan.warnings] == [
        ("B4", "a note between the actions: not read into any action; its text is kept here",
         "Note: 1.2 was agreed at the SEND Board on 12/12/2024")]


def test_a_ref_paptools_cannot_read_is_named_in_its_warning(tmp_path):
    book = openpyxl.Workbook()
    for row in [["Ref", "Action", "Lead", "Deadline", "RAG", "Progress update"],
                ["1.1", "Agree the measures", "Jane Smith", "Mar 2025", "Green", "Jan 25: Agreed."],
                ["1.4/2.2", "Create a joint panel", "Bob Jones", "Jun 2025", "Amber", "Feb 25: Drafted."]]:
        book.active.append(row)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert [a.ref for a in plan.actions] == ["1.1"]
    assert [(w.cell, w.message) for w in plan.warnings] == [
        ("A3", "its Ref '1.4/2.2' is not a ref paptools reads (1.1, PAP 1.1, 1.1a, P1 A4, SEND-01): not read into "
               "the plan, so not counted; its text is kept here")]


def test_an_action_numbered_as_its_sub_actions_first_level_is_in_their_priority_area(tmp_path):
    """Refs 1, 1.1, 1.2 and 2: action 1 heads the actions 1.1 and 1.2, so it is in priority area 1
    with them (it was shown apart, under 'Actions', between them and 2); 2 has no sub-actions and
    stays without an area, as every action of a plan numbered 1, 2, 3 does."""
    from test_layout import build

    from paptools.read.plan import read_plan

    header = ["No.", "Action", "Lead", "Deadline", "Status", "Comments"]
    mixed = read_plan(build(tmp_path / "mixed.xlsx", {"Plan": [
        header,
        [1, "Improve EHCP timeliness", "SEN", "Mar 2025", "Green", "Dec 24: 68% within 20 weeks."],
        ["1.1", "Recruit 4 caseworkers", "HR", "Nov 2024", "Complete", "Nov 24: All in post."],
        ["1.2", "Clear the backlog", "SEN", "Feb 2025", "Amber", "Dec 24: 40 left."],
        [2, "Refresh inclusion strategy", "Inclusion", "Jun 2025", "Amber", "Dec 24: Consultation delayed."],
    ]}))
    assert [(a.ref, a.priority_area) for a in mixed.actions] == [
        ("1", "Priority area 1"), ("1.1", "Priority area 1"), ("1.2", "Priority area 1"), ("2", None)]
    flat = read_plan(build(tmp_path / "flat.xlsx", {"Plan": [
        header,
        [1, "Improve EHCP timeliness", "SEN", "Mar 2025", "Green", "Dec 24: 68% within 20 weeks."],
        [2, "Refresh inclusion strategy", "Inclusion", "Jun 2025", "Amber", "Dec 24: Consultation delayed."],
    ]}))
    assert [(a.ref, a.priority_area) for a in flat.actions] == [("1", None), ("2", None)]

"""Rows read as headings that head no action: the plan's own tally of its statuses, a footnote
under the table. They are reported, with their cells and text, and never become sections.
Expected values are written out as an officer reads them."""
from __future__ import annotations

import openpyxl

from paptools.read.plan import read_plan

HEADER = ["Ref", "Action", "Lead", "Deadline", "RAG", "Progress update"]
ACTIONS = [["1.1", "Agree the measures", "Jane Smith", "Mar 2025", "Complete", "Jan 25: Agreed."],
           ["1.2", "Publish a dashboard", "Bob Jones", "Jun 2025", "On track", "Feb 25: Drafted."],
           ["1.3", "Train SENCOs", "Ann Lee", "Dec 2025", "On track", None]]


def read_rows(tmp_path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "plan.xlsx")
    return read_plan(tmp_path / "plan.xlsx")


def test_a_tally_of_formulas_under_the_table_is_reported_not_kept_as_sections(tmp_path):
    plan = read_rows(tmp_path, [HEADER, *ACTIONS, [],
                                ["Summary"],
                                ["Complete", '=COUNTIF(E2:E4,"Complete")'],
                                ["On track", '=COUNTIF(E2:E4,"On track")'],
                                ["Total", "=COUNTA(A2:A4)"]])
    assert [(a.ref, a.status.value, a.section) for a in plan.actions] == [
        ("1.1", "Complete", None), ("1.2", "On track", None), ("1.3", "On track", None)]
    assert [(w.cell, w.message, w.value) for w in plan.warnings] == [
        ("A6:A9", "4 rows ('Summary', 'Complete', 'On track', 'Total') head no action and sit beside formulas, "
                  "like the plan's own count of its statuses (paptools counts them itself): not read into the plan; "
                  "the text is kept here", "Summary\nComplete\nOn track\nTotal")]
    assert [n.kind for n in plan.notes if n.cell in ("A6", "A7", "A8", "A9")] == ["other"] * 4


def test_a_tally_between_two_tables_is_reported_and_the_second_tables_heading_kept(tmp_path):
    plan = read_rows(tmp_path, [HEADER, *ACTIONS[:2],
                                ["Summary"],
                                ["Complete", '=COUNTIF(E2:E3,"Complete")'],
                                ["Closed at earlier boards"],
                                ["Ref", "RAG", "Action", "Lead", "Deadline", "Progress update"],
                                ["0.1", "Complete", "Appoint a SEND lead", "Nina Hale", "Jul 2024", "Jul 24: Appointed."]])
    assert [(a.ref, a.section) for a in plan.actions] == [
        ("1.1", None), ("1.2", None), ("0.1", "Closed at earlier boards")]
    assert [(w.cell, w.value) for w in plan.warnings] == [("A4:A5", "Summary\nComplete")]


def test_a_footnote_under_the_last_action_is_reported(tmp_path):
    plan = read_rows(tmp_path, [HEADER, *ACTIONS, ["Plan reviewed by the SEND Board on 12/12/2024"]])
    assert [(w.cell, w.message) for w in plan.warnings] == [
        ("A5", "a row ('Plan reviewed by the SEND Board on 12/12/2024') heads no action and sits below the last action: "
               "not read into the plan; the text is kept here")]
    assert [a.section for a in plan.actions] == [None, None, None]


def test_an_area_over_its_section_heads_the_actions_below_and_is_not_reported(tmp_path):
    plan = read_rows(tmp_path, [HEADER, ["Priority area 1: Identification"], ["Early years"], *ACTIONS])
    assert [(a.ref, a.priority_area, a.section) for a in plan.actions] == [
        ("1.1", "Priority area 1", "Early years"), ("1.2", "Priority area 1", "Early years"),
        ("1.3", "Priority area 1", "Early years")]
    assert plan.warnings == ()


def test_a_note_opened_by_nb_or_please_note_without_a_colon_heads_nothing(tmp_path):
    plan = read_rows(tmp_path, [HEADER,
                                ["Section 2: Early identification"],
                                ACTIONS[0],
                                ["NB Actions 1.2 and 1.3 were added after the DfE review meeting in October."],
                                *ACTIONS[1:],
                                ["Priority 3 - Preparing for adulthood"],
                                ["N.B. 3.1 is a joint action with the ICB"],
                                ["3.1", "Agree a transition protocol", "Raj Patel", "Mar 2026", "On track", None],
                                ["Please note the ICB leads action 3.2"],
                                ["3.2", "Review adult health pathways", "Raj Patel", "Mar 2026", "On track", None]])
    assert [(a.ref, a.priority_area, a.section) for a in plan.actions] == [
        ("1.1", "Priority area 1", "Section 2: Early identification"),
        ("1.2", "Priority area 1", "Section 2: Early identification"),
        ("1.3", "Priority area 1", "Section 2: Early identification"),
        ("3.1", "Priority area 3", None), ("3.2", "Priority area 3", None)]  # "Priority 3 - ..." heads an area
    assert plan.priority_areas == (("Priority area 3", "Preparing for adulthood"),)
    note = "a note between the actions: not read into any action; its text is kept here"
    assert [(w.cell, w.message, w.value) for w in plan.warnings] == [
        ("A4", note, "NB Actions 1.2 and 1.3 were added after the DfE review meeting in October."),
        ("A8", note, "N.B. 3.1 is a joint action with the ICB"),
        ("A10", note, "Please note the ICB leads action 3.2")]


def test_priority_banners_numbered_with_a_colon_head_areas_whatever_the_refs(tmp_path):
    plan = read_rows(tmp_path, [HEADER,
                                ["Priority 1: Identification of need"],
                                ["P1.1", "Early help SEN screening", "Jane Smith", "Mar 2025", "On track", None],
                                ["P1.2", "Health visitor checks", "Bob Jones", "Jun 2025", "On track", None],
                                ["Priority 2 - Meeting need in mainstream"],
                                ["SEND-01", "Mainstream inclusion fund", "Ann Lee", "Apr 2025", "On track", None],
                                ["2b", "SENCo toolkit", "Ann Lee", "Nov 2024", "Complete", None],
                                ["Priority 3.1", "A ref with its word, not a banner", "Ann Lee", "Nov 2025", "On track",
                                 None]])
    assert [(a.ref, a.priority_area, a.section) for a in plan.actions] == [
        ("P1.1", "Priority area 1", None), ("P1.2", "Priority area 1", None),
        ("SEND 01", "Priority area 2", None), ("2b", "Priority area 2", None),
        ("PRIORITY 3.1", "Priority area 2", None)]
    assert plan.priority_areas == (("Priority area 1", "Identification of need"),
                                   ("Priority area 2", "Meeting need in mainstream"))


def test_actions_numbered_afresh_under_each_priority_banner_are_known_by_area_and_number(tmp_path):
    plan = read_rows(tmp_path, [HEADER,
                                ["Priority 1: Identification and assessment"],
                                ["1", "Single front door for requests", "Jane Smith", "Mar 2025", "On track", None],
                                ["2", "Assessment timeliness", "Bob Jones", "Jun 2025", "At risk", None],
                                ["Priority 2: Preparation for adulthood"],
                                ["1", "PfA outcomes in EHCPs", "Ann Lee", "Sep 2025", "On track", None]])
    assert [(a.ref, a.ref_text, a.priority_area) for a in plan.actions] == [
        ("1.1", "1", "Priority area 1"), ("1.2", "2", "Priority area 1"), ("2.1", "1", "Priority area 2")]
    assert [w.line() for w in plan.warnings] == [
        "Sheet: each priority area numbers its actions afresh: each action is known by its area's number and its "
        "own, as '1.1'"]


def test_a_tally_of_typed_figures_under_the_table_is_one_warning_not_a_lost_action_each(tmp_path):
    plan = read_rows(tmp_path, [HEADER, *ACTIONS, [],
                                [None, "Summary"],
                                [None, "Complete", 1],
                                [None, "On track", 2],
                                [None, "Total", 3]])
    assert [(a.ref, a.status.value) for a in plan.actions] == [
        ("1.1", "Complete"), ("1.2", "On track"), ("1.3", "On track")]
    assert [(w.cell, w.message) for w in plan.warnings] == [
        ("B6", "a row ('Summary') heads no action and sits below the last action: not read into the plan; "
               "the text is kept here"),
        ("B7:C9", "rows 7, 8 and 9 are a summary of the actions (a label and a figure: 'Complete | 1', "
                  "'On track | 2', 'Total | 3'), not actions: not read nor counted; their text is kept here")]

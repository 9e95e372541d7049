"""Rows among a plan's actions that are neither actions nor headings: a summary under the actions
("Total actions | 10", "Complete | 2") is not read as actions nor counted, and a labelled line
between them ("Outcome: families tell us ...") is a note, not the section of the actions below.
Expected values are written out as an officer reads the workbook."""
from __future__ import annotations

from datetime import date

from test_layout import build

from paptools.compare.figures import summarize
from paptools.read.plan import read_plan

HEADER = ["Ref", "Action", "Lead", "Due", "RAG", "Progress"]
FIRST = ["1.1", "Publish the Local Offer report", "Amir Bashir", "Mar-25", "Green", "Nov 2024: drafted."]
SECOND = ["1.2", "Cut paediatric waits", "Karen Lowe", "Mar-25", "Blue", "Dec 2024: done."]


def test_a_summary_under_the_actions_is_not_read_as_actions(tmp_path):
    rows = [["Plan"], HEADER, ["Area 1"], FIRST, SECOND, [], ["2", "Total actions"], ["1", "Complete"]]
    plan = read_plan(build(tmp_path / "plan.xlsx", {"PAP": rows}))
    assert [a.ref for a in plan.actions] == ["1.1", "1.2"]
    assert summarize(plan, date(2025, 1, 31)).all.total == 2
    assert [w.line() for w in plan.warnings] == [
        "PAP!A7:B8: rows 7 and 8 are a summary of the actions (a label and a figure: 'Total actions | 2', "
        "'Complete | 1'), not actions: not read nor counted; their text is kept here"]
    assert [(n.cell, n.text) for n in plan.notes if n.kind == "other"] == [
        ("A7", "2 | Total actions"), ("A8", "1 | Complete")]


def test_an_outcome_line_between_actions_is_a_note_not_a_section(tmp_path):
    outcome = "Outcome: families tell us they feel listened to"
    rows = [["Plan"], HEADER, ["Area 1"], FIRST, [None, outcome], SECOND]
    plan = read_plan(build(tmp_path / "plan.xlsx", {"PAP": rows}))
    assert [(a.ref, a.section) for a in plan.actions] == [("1.1", "Area 1"), ("1.2", "Area 1")]
    assert [w.line() for w in plan.warnings] == [
        "PAP!B5: a note between the actions: not read into any action; its text is kept here"]
    assert [(n.cell, n.text) for n in plan.notes if n.kind == "other"] == [("B5", outcome)]

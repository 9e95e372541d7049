"""Headers settled by what the cells under them hold: a "Progress" column of numbers (per cent
complete) beside the real updates. Expected values are written out as an officer reads them."""
from __future__ import annotations

import openpyxl
from test_layout import build as workbook

from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout


def build(path, header, rows):
    """A one-sheet plan ("Plan") of these rows under this header."""
    return workbook(path, {"Plan": [header, *rows]})


def test_a_progress_column_of_numbers_gives_way_to_the_comments_beside_it(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress", "Comments"], [
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "G", 0.5, "Jan 25: Draft written."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "A", "75%", "Jan 25: Venue booked. Mar 25: Two sessions run."],
    ]))
    assert {a.ref: ([(e.date.iso(), e.text) for e in a.entries], dict(a.extra)) for a in plan.actions} == {
        "1.1": ([("2025-01", "Draft written.")], {"Progress": "0.5"}),
        "1.2": ([("2025-01", "Venue booked."), ("2025-03", "Two sessions run.")], {"Progress": "75%"}),
    }
    assert [w.line() for w in plan.warnings] == []
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert "  Progress         <- column G 'Comments' (column F 'Progress' holds numbers, 90%)\n" in text
    assert "  Kept as extra columns: F 'Progress'\n" in text


def test_a_progress_column_of_numbers_with_nothing_beside_it_stays_the_progress(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"], [
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "G", 0.5],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "A", "75%"],
    ]))
    assert plan.layout.tables[0].field("progress").header == "Progress"
    assert [(a.ref, a.progress) for a in plan.actions] == [("1.1", "0.5"), ("1.2", "75%")]


def test_a_percentage_is_read_as_excel_shows_it(tmp_path):
    from paptools.api import OutputOptions, reconcile, write_outputs

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [["Ref", "Action", "Owner", "Timescale", "RAG", "% complete", "Progress"],
                ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "G", 0.5, "Jan 25: Draft written."],
                ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "A", 0.125, "Jan 25: Venue booked."],
                ["1.3", "Audit EHCPs", "Ann Lee", "Dec 2025", "A", 0.125, "Jan 25: Started."]]:
        sheet.append(row)
    sheet["F2"].number_format = sheet["F3"].number_format = "0%"
    sheet["F4"].number_format = "0.0%"
    path = book.save(tmp_path / "plan.xlsx") or tmp_path / "plan.xlsx"
    plan = read_plan(path)
    assert [(a.ref, dict(a.extra)) for a in plan.actions] == [
        ("1.1", {"% complete": "50%"}), ("1.2", {"% complete": "13%"}), ("1.3", {"% complete": "12.5%"})]
    written = write_outputs(reconcile([path], single_ok=True),
                            OutputOptions(output_dir=tmp_path / "out", kinds=("workbook",)))
    actions = openpyxl.load_workbook(written["workbook"])["Actions"]
    headers = [cell.value for cell in actions[1]]
    assert [row[headers.index("% complete")] for row in actions.iter_rows(min_row=2, values_only=True)
            if row[0]] == ["50%", "13%", "12.5%"]


def test_a_baseline_column_of_figures_beside_target_and_current_is_no_progress(tmp_path):
    path = build(tmp_path / "plan.xlsx",
                 ["Ref", "Action", "Owner", "Due", "RAG", "Progress", "Outcome measure", "Baseline", "Target", "Current"],
                 [["5.1", "Improve EHCP timeliness", "EHC Manager", "Aug-25", "Amber", "10/01/2025: Rate 48%.",
                   "% EHCPs in 20 weeks", "32%", "65%", "48%"],
                  ["5.2", "Reduce exclusions", "Inclusion Lead", "Jul-25", "Green", "", "Exclusions a term", 18, 8, 17]])
    plan = read_plan(path)
    assert [(a.ref, [(e.date and e.date.iso(), e.text) for e in a.entries]) for a in plan.actions] == [
        ("5.1", [("2025-01-10", "Rate 48%.")]), ("5.2", [])]
    assert [dict(a.extra) for a in plan.actions] == [
        {"Baseline": "32%", "Target": "65%", "Current": "48%"}, {"Baseline": "18", "Target": "8", "Current": "17"}]


def test_a_score_column_read_through_the_key_is_the_status_when_there_is_no_rag_column(tmp_path):
    """ "Score" 1 to 4, with a Key on a later sheet saying what each means: each action's status is
    the Key's, and the officer is told which column was read for it."""
    plan = read_plan(workbook(tmp_path / "plan.xlsx", {
        "Plan": [["Ref", "Action", "Lead", "Due", "Update", "Score"],
                 ["1.1", "Early identification pathway", "SW", "Mar-25", "Jan 25: Pathway drafted.", 2],
                 ["1.2", "Training for early years", "KL", "Jun-25", "Dec 24: 40 settings trained.", 3],
                 ["1.3", "Post-16 protocol", "MP", "Dec-24", "Jan 25: Embedded.", 4],
                 ["1.4", "PfA toolkit", "MP", "Sep-25", "", 1]],
        "Key": [["Score", "Meaning"], [1, "Not started"], [2, "Started, behind"], [3, "On track"], [4, "Complete"]],
    }))
    assert {a.ref: (a.status.value, dict(a.extra)) for a in plan.actions} == {
        "1.1": ("Vulnerable", {}), "1.2": ("On track", {}), "1.3": ("Complete", {}), "1.4": ("Not yet started", {})}
    assert [w.line() for w in plan.warnings] == [
        "Plan!F1: the plan has no RA, RAG or Status column: column F 'Score' of whole numbers is read for the status, "
        "each number counted as the plan's Key (or paptools.toml [statuses]) says"]
    assert "  RA status        <- column F 'Score' (no RA, RAG or Status column: a score of whole numbers, 85%)\n" in (
        render_layout("plan.xlsx", plan.layout, plan))


def test_a_risk_score_or_a_score_beside_a_rag_column_is_no_status(tmp_path):
    """A risk's score (1 to 25) says how bad a risk is, not how an action stands; beside a RAG column a
    score is one more column. Each is kept as an extra column."""
    risk = read_plan(workbook(tmp_path / "risk.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Due", "Update", "Risk score"],
        ["1.1", "Early identification pathway", "SW", "Mar-25", "Jan 25: Pathway drafted.", 12],
        ["1.2", "Training for early years", "KL", "Jun-25", "Dec 24: 40 settings trained.", 4]]}))
    assert {a.ref: (a.status, dict(a.extra)) for a in risk.actions} == {
        "1.1": (None, {"Risk score": "12"}), "1.2": (None, {"Risk score": "4"})}
    assert [w.line() for w in risk.warnings] == [
        "Plan!1:1: no RA, RAG or Status column: every status on this sheet is unknown"]
    beside = read_plan(workbook(tmp_path / "beside.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Due", "Update", "RAG", "Score"],
        ["1.1", "Early identification pathway", "SW", "Mar-25", "Jan 25: Pathway drafted.", "G", 2],
        ["1.2", "Training for early years", "KL", "Jun-25", "Dec 24: 40 settings trained.", "A", 3]]}))
    assert {a.ref: (a.status.value, dict(a.extra)) for a in beside.actions} == {
        "1.1": ("On track", {"Score": "2"}), "1.2": ("Vulnerable", {"Score": "3"})}

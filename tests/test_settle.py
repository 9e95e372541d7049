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

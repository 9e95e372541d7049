"""Plans kept a sheet per priority area, each numbering its actions afresh ("1, 2, 3" on every
sheet): each action is known by its sheet and ref, so two versions' actions are matched on
their own sheet. Expected values are written out as an officer reads them."""
from __future__ import annotations

import openpyxl

from paptools.compare.diff import diff_plans
from paptools.read.plan import read_plan
from paptools.read.refs import restart_per_sheet

AREAS = ["Communication", "Health", "Education"]


def build(path, later=False):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for n, title in enumerate(AREAS, 1):
        sheet = book.create_sheet(title)
        sheet.append([f"Priority area {n}: {title}"])
        sheet.append(["Action no.", "Action", "Lead", "Deadline", "RAG", "Progress"])
        for i in (1, 2, 3):
            text = f"Jan 25: {title} {i} begun." + (" Mar 25: Panel met." if later and i == 2 and n == 2 else "")
            sheet.append([str(i), f"{title} action {i}", "Jane Smith", "Mar 2026", "G", text])
    book.save(path)
    return path


def test_refs_that_restart_on_each_sheet_are_known_by_their_sheet(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx"))
    assert [(a.ref, a.ref_text, a.priority_area) for a in plan.actions][:4] == [
        ("Communication 1", "1", "Priority area 1"), ("Communication 2", "2", "Priority area 1"),
        ("Communication 3", "3", "Priority area 1"), ("Health 1", "1", "Priority area 2"),
    ]
    assert [w.line() for w in plan.warnings] == [
        "each sheet numbers its actions afresh (Communication, Health, Education): each action is known by its "
        "sheet and its ref, as 'Health 1'"]


def test_new_progress_is_matched_on_its_own_sheet(tmp_path):
    diff = diff_plans(read_plan(build(tmp_path / "v1.xlsx")), read_plan(build(tmp_path / "v2.xlsx", later=True)))
    assert [(n.ref, n.entry.date.iso(), n.entry.text) for n in diff.new_entries] == [
        ("Health 2", "2025-03", "Panel met."),
    ]
    assert diff.removed_entries == () and diff.edited_entries == ()


def test_the_rule_asks_for_the_same_opening_ref_and_mostly_repeated_refs():
    assert restart_per_sheet([["1", "2", "3"], ["1", "2"], ["1", "2", "3", "4"]])
    assert not restart_per_sheet([["1.1", "1.2"], ["2.1", "2.2"]])  # numbered by area: no clash
    assert not restart_per_sheet([["1", "2", "3"]])  # one sheet
    assert not restart_per_sheet([["1", "2", "2"], ["1", "2"]])  # a repeat within a sheet: reported as it is
    assert not restart_per_sheet([["1", "2", "3", "4"], ["1", "5", "6", "7"]])  # one clash in four


def test_the_reports_ref_column_is_wide_enough_not_to_break_a_sheets_name(tmp_path):
    from libreoffice import pdf_of, pdf_text

    from paptools.api import OutputOptions, reconcile, write_outputs

    result = reconcile([build(tmp_path / "v1.xlsx"), build(tmp_path / "v2.xlsx", later=True)], single_ok=True)
    written = write_outputs(result, OutputOptions(output_dir=tmp_path / "out", kinds=("report",)))
    lines = pdf_text(pdf_of(written["report"])).splitlines()
    starts = {line.split()[0] for line in lines if line.strip()}
    assert {"Communication", "Education"} <= starts
    assert not starts & {"Commun", "Communic", "Educatio", "ication"}  # the ref column had broken them mid-word


def test_explain_finds_an_action_by_its_sheet_and_ref_as_written(tmp_path):
    from click.testing import CliRunner

    from paptools.cli import main

    outcome = CliRunner().invoke(main, ["explain", str(build(tmp_path / "plan.xlsx")), "health 2"])
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output.startswith("Health 2: Health action 2\n")


def test_refs_numbered_afresh_under_a_priority_column_are_made_whole(tmp_path):
    import openpyxl

    from paptools.read.plan import read_plan

    book = openpyxl.Workbook()
    for row in [["Priority", "Action no.", "Action", "Lead", "Deadline", "RAG", "Progress"],
                [1, 1, "JSNA chapter on SEND", "Public Health", "Mar-25", "Green", "14/01/2025: Data collated."],
                [1, 2, "SEND sufficiency plan", "Commissioning", "May-25", "Amber", "10/01/2025: Model delayed."],
                [2, 1, "Speech and language waiting list", "ICB", "Sep-25", "Red", "20/01/2025: 14 month wait."],
                [2, 2, "OT sensory pathway", "ICB", "Sep-25", "Green", "20/01/2025: Live in 2 PCNs."]]:
        book.active.append(row)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert [(a.ref, a.ref_text, a.priority_area, a.status.value) for a in plan.actions] == [
        ("1.1", "1", "Priority area 1", "On track"), ("1.2", "2", "Priority area 1", "Vulnerable"),
        ("2.1", "1", "Priority area 2", "At risk"), ("2.2", "2", "Priority area 2", "On track")]
    assert [w.line() for w in plan.warnings] == [
        "Sheet: each priority area numbers its actions afresh, the area in a column of its own: each action is known "
        "by both, as '1.1'"]

"""Plans kept a sheet per priority area, each numbering its actions afresh ("1, 2, 3" on every
sheet): each action is known by its sheet and ref, so two versions' actions are matched on
their own sheet. Expected values are written out as an officer reads them."""
from __future__ import annotations

import openpyxl

from paptools.compare.diff import diff_plans
from paptools.read.plan import read_plan
from paptools.read.refs import restart_per_sheet

AREAS = ["Communication", "Health", "Education"]


def build(path, later=False, areas=AREAS):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for n, title in enumerate(areas, 1):
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
        "Sheet: each priority area numbers its actions afresh: each action is known by its area's number and its "
        "own, as '1.1'"]


def _cleaned(tmp_path, areas=AREAS):
    """The plan as read, and the path of the cleaned workbook paptools writes of it."""
    from datetime import date

    from paptools.compare.figures import summarize
    from paptools.write.workbook import write_clean_workbook

    plan = read_plan(build(tmp_path / "plan.xlsx", areas=areas))
    path = tmp_path / "plan-clean.xlsx"
    write_clean_workbook(path, plan, summarize(plan, date(2025, 2, 1)))
    return plan, path


def _essence(plan):
    return [(a.ref, a.ref_text, a.ref_sheet, a.title, a.status.value, a.status_word, a.priority_area, a.section,
             [(e.date.iso(), e.text) for e in a.entries]) for a in plan.actions]


def test_the_cleaned_workbook_shows_each_ref_with_its_sheet_and_the_sheet_beside_it(tmp_path):
    _, path = _cleaned(tmp_path)
    rows = list(openpyxl.load_workbook(path)["Actions"].iter_rows(values_only=True))
    assert rows[0] == ("Ref", "Status", "Action", "Owner", "Latest due", "Progress", "Timescale", "Original due",
                       "Priority area", "Section", "Sheet")
    assert [(row[0], row[2], row[8], row[10]) for row in rows[1:]] == [
        ("Communication 1", "Communication action 1", "Priority area 1", "Communication"),
        ("Communication 2", "Communication action 2", "Priority area 1", "Communication"),
        ("Communication 3", "Communication action 3", "Priority area 1", "Communication"),
        ("Health 1", "Health action 1", "Priority area 2", "Health"),
        ("Health 2", "Health action 2", "Priority area 2", "Health"),
        ("Health 3", "Health action 3", "Priority area 2", "Health"),
        ("Education 1", "Education action 1", "Priority area 3", "Education"),
        ("Education 2", "Education action 2", "Priority area 3", "Education"),
        ("Education 3", "Education action 3", "Priority area 3", "Education"),
    ]


def test_the_cleaned_workbooks_ref_column_shows_the_longest_ref_whole(tmp_path):
    """'Communication 1' is not wrapped: in a column of the usual 10 characters its number was cut off."""
    _, path = _cleaned(tmp_path)
    sheet = openpyxl.load_workbook(path)["Actions"]
    assert sheet.column_dimensions["A"].width >= 18  # 15 bold characters
    assert sheet.column_dimensions["B"].width < 18  # the other columns as they were


def test_the_cleaned_workbook_reads_back_as_the_same_nine_actions(tmp_path):
    plan, path = _cleaned(tmp_path)
    again = read_plan(path)
    expected = [
        (f"{area} {i}", str(i), area, f"{area} action {i}", "On track", "G", f"Priority area {n}", area,
         [("2025-01", f"{area} {i} begun.")])
        for n, area in enumerate(AREAS, 1) for i in (1, 2, 3)]
    assert _essence(plan) == expected
    assert _essence(again) == expected
    assert expected[3] == ("Health 1", "1", "Health", "Health action 1", "On track", "G", "Priority area 2", "Health",
                           [("2025-01", "Health 1 begun.")])
    assert [w.line() for w in again.warnings] == []
    assert [a.sheet for a in again.actions] == ["Actions"] * 9  # where each was read, in the cleaned workbook


def test_sheets_named_by_their_priority_read_back_too(tmp_path):
    _, path = _cleaned(tmp_path, areas=["Priority 1", "Priority 2"])  # was: none of the refs read, no plan at all
    assert [(a.ref, a.ref_text, a.ref_sheet) for a in read_plan(path).actions] == [
        ("Priority 1 1", "1", "Priority 1"), ("Priority 1 2", "2", "Priority 1"), ("Priority 1 3", "3", "Priority 1"),
        ("Priority 2 1", "1", "Priority 2"), ("Priority 2 2", "2", "Priority 2"), ("Priority 2 3", "3", "Priority 2"),
    ]


def test_reconciling_a_plan_against_its_cleaned_copy_finds_nothing_changed(tmp_path):
    from paptools.api import clean, reconcile

    original = build(tmp_path / "plan.xlsx")
    _, copy = clean(original, output_dir=tmp_path / "out")
    for versions in ((original, copy), (copy, original)):  # last month's cleaned copy against this month's plan
        result = reconcile(*versions)
        assert [(str(c.kind), c.ref) for c in result.changes] == []
        assert len(result.previous.actions) == len(result.current.actions) == 9


def test_a_row_an_officer_adds_to_the_cleaned_workbook_is_known_by_its_sheet(tmp_path):
    _, path = _cleaned(tmp_path)
    book = openpyxl.load_workbook(path)
    book["Actions"].append(["4", "G", "Health action 4", "Jane Smith", None, "Feb 25: Begun.", None, None,
                            "Priority area 2", "Health", "Health"])
    book.save(path)
    added = read_plan(path).actions[-1]
    assert (added.ref, added.ref_text, added.ref_sheet, added.title) == ("Health 4", "4", "Health", "Health action 4")

"""The cleaned workbook: read back by content, round trip, safe to send, opens in LibreOffice."""
from __future__ import annotations

import re
import zipfile
from datetime import date, datetime

import build
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import action, example_path, plan_rows
from libreoffice import pdf_of, pdf_text

from paptools.api import OutputOptions, reconcile, write_outputs
from paptools.cli import main
from paptools.compare.diff import diff_plans
from paptools.compare.figures import summarize
from paptools.read.plan import read_plan
from paptools.write.workbook import write_clean_workbook


def cleaned(plan, path, **kw):
    write_clean_workbook(path, plan, summarize(plan, date(2026, 5, 1)), **kw)
    return path


def essence(plan):
    """What must survive the round trip, action by action."""
    return [
        (a.ref, a.status, a.title, a.owner, a.owners, a.success_criteria, a.outcome, a.evidence, a.section,
         a.priority_area, a.timescale, a.extra, [(e.date, e.initials, e.author, e.text) for e in a.entries])
        for a in plan.actions
    ]


@pytest.mark.parametrize("version", build.VERSIONS)
def test_reading_the_cleaned_workbook_back_gives_the_same_plan(example_plans, version, tmp_path):
    plan = example_plans[version]
    again = read_plan(cleaned(plan, tmp_path / "clean.xlsx"))
    assert essence(again) == essence(plan)
    assert again.title == plan.title and again.priority_areas == plan.priority_areas
    assert [s for s, _ in again.key] == [s for s, _ in plan.key]
    assert diff_plans(plan, again).is_empty


def test_cleaning_twice_changes_nothing(example_plans, tmp_path):
    once = cleaned(example_plans["2026-04"], tmp_path / "once.xlsx")
    twice = cleaned(read_plan(once), tmp_path / "twice.xlsx")
    def actions(path):
        return [[cell.value for cell in row] for row in openpyxl.load_workbook(path)["Actions"].iter_rows()]

    assert actions(once) == actions(twice)


def test_the_actions_sheet_is_one_header_row_and_one_row_per_action(example_plans, tmp_path):
    plan = example_plans["2026-04"]
    book = openpyxl.load_workbook(cleaned(plan, tmp_path / "clean.xlsx"))
    assert book.sheetnames == ["Actions", "Summary", "Warnings", "About"]
    sheet = book["Actions"]
    header = [c.value for c in sheet[1]]
    assert header == ["Ref", "Status", "Action", "Owner", "Latest due", "Progress", "Success criteria",
                      "Outcome/impact", "Evidence", "Timescale", "Original due", "Priority area", "Section"]
    assert sheet.max_row == 1 + len(plan.actions)
    row = {h: c for h, c in zip(header, sheet[23])}  # PAP 2.7
    assert row["Ref"].value == "PAP 2.7" and row["Status"].value == "Complete"
    assert row["Original due"].value == datetime(2023, 11, 1) and row["Original due"].number_format == "mmm yyyy"
    assert row["Latest due"].value == datetime(2024, 4, 1) and row["Latest due"].number_format == "mmm yyyy"
    assert row["Progress"].value.split("\n")[1].startswith("Nov 23: S&LT recovery plan drafted")
    refs = [c.value for c in sheet["A"][1:]]
    assert all(isinstance(r, str) for r in refs) and "1.11" in refs


def test_summary_sheet_has_the_figures_and_a_native_chart(example_plans, tmp_path):
    plans = [example_plans[v] for v in build.VERSIONS]
    figures = [(v, summarize(p, date(2026, 5, 1))) for v, p in zip(build.VERSIONS, plans)]
    from paptools.compare.reconciliation import reconcile_plans
    from paptools.content.changes import change_rows

    rows = change_rows(reconcile_plans(plans[-2:], as_of=date(2026, 5, 1)))
    path = cleaned(plans[-1], tmp_path / "clean.xlsx", changes=rows, trend=figures)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Actions", "Summary", "Changes", "Warnings", "About"]
    summary = [[c.value for c in row] for row in book["Summary"].iter_rows()]
    assert ["Complete", 38, 73, 38, 95] in [row[:5] for row in summary]
    assert ["Total", 52, 100, 40, 100] in [row[:5] for row in summary]
    texts = [row[0] for row in summary if row[0]]
    assert ("Of a total of 40 PAP actions, thirty-eight (95%) have been marked as complete and two (5%) "
            "are incomplete.") in texts
    with zipfile.ZipFile(path) as archive:
        charts = [archive.read(n).decode() for n in sorted(archive.namelist()) if n.startswith("xl/charts/chart")]
    assert len(charts) == 2  # the status bar chart, and the stacked trend across versions
    # counts step in whole actions: up to 38 PAP actions in a status, 52 actions in a version
    assert [re.findall(r'<c:majorUnit val="([^"]+)"/>', chart) for chart in charts] == [["10"], ["10"]]
    changes = [[c.value for c in row] for row in book["Changes"].iter_rows()]
    assert changes[1][:2] == ["Status changed", "PAP 2.4"]


def test_formula_like_text_is_written_as_text(make_workbook, tmp_path):
    texts = {"F4": '=HYPERLINK("http://evil.example","click")', "C4": "+44 161 770 3000",
             "B4": "-5% waiting times", "H4": "@channel update"}
    source = make_workbook(plan_rows(action("PAP 1.1")))
    book = openpyxl.load_workbook(source)
    for coordinate, text in texts.items():  # typed as text, as a web paste or another system would
        book["PAP"][coordinate].value = text
        book["PAP"][coordinate].data_type = "s"
    book.save(source)
    plan = read_plan(source)
    assert plan.actions[0].progress == texts["F4"]
    path = cleaned(plan, tmp_path / "clean.xlsx")
    cells = {c.value: c.data_type for c in openpyxl.load_workbook(path)["Actions"][2] if isinstance(c.value, str)}
    assert all(cells[text] == "s" for text in texts.values())
    assert essence(read_plan(path)) == essence(plan)


def test_a_real_formula_without_a_saved_result_is_reported(make_workbook):
    plan = read_plan(make_workbook(plan_rows(action("PAP 1.1", progress="=CONCAT(A1,B1)"))))
    assert plan.actions[0].progress == ""
    assert plan.warnings[0].line().startswith("PAP!F4: cell holds a formula (=CONCAT(A1,B1)) with no saved result")


def test_nothing_leaves_but_the_plans_own_data(make_workbook, tmp_path):
    source = make_workbook(plan_rows(action("PAP 1.1", "C")))
    book = openpyxl.load_workbook(source)
    book.properties.creator, book.properties.lastModifiedBy = "Jane Officer", "Jane Officer"
    book.create_sheet("Secret").sheet_state = "hidden"
    book.save(source)
    path = cleaned(read_plan(source), tmp_path / "clean.xlsx")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        core = archive.read("docProps/core.xml").decode()
        workbook_xml = archive.read("xl/workbook.xml").decode()
    assert not any("externalLink" in n or "vbaProject" in n for n in names)
    assert "Jane Officer" not in core and 'state="hidden"' not in workbook_xml and "Secret" not in workbook_xml


def test_a_cell_longer_than_excel_allows_is_continued_and_reported(make_workbook, tmp_path):
    # Excel caps a cell at 32,767 characters, but progress continued on the rows below can exceed it.
    part = lambda start: " ".join(  # noqa: E731
        f"\nMar 24: AB: Update number {n}. " + "Detail of the work done. " * 60 for n in range(start, start + 15))
    more = action("", title="", owner="", timescale="", progress=part(15), success="", outcome="", evidence="")
    more.status = None
    plan = read_plan(make_workbook(plan_rows(action("PAP 1.1", progress=part(0)), more, action("PAP 1.2"))))
    assert len(plan.actions[0].progress) > 32_767 and len(plan.actions[0].entries) == 30
    path = tmp_path / "clean.xlsx"
    notes = write_clean_workbook(path, plan, summarize(plan))
    assert notes[0].message.startswith("Progress of PAP 1.1 is ")
    assert "more than an Excel cell holds (32,767); it continues on the next 1 row(s), nothing is cut" in notes[0].message
    book = openpyxl.load_workbook(path)
    assert "A2:A3" in [str(r) for r in book["Actions"].merged_cells.ranges]
    assert notes[0].message in [c.value for c in book["Warnings"]["D"]]
    again = read_plan(path)
    assert [a.ref for a in again.actions] == ["PAP 1.1", "PAP 1.2"]
    assert [e.text for e in again.actions[0].entries] == [e.text for e in plan.actions[0].entries]
    assert again.warnings == ()  # the continuation row is recognised by its merged ref


def test_reconcile_works_between_an_original_and_a_cleaned_version(tmp_path):
    result = reconcile([example_path("2025-08"), example_path("2026-04")], as_of=date(2026, 5, 1))
    written = write_outputs(result, OutputOptions(output_dir=tmp_path, kinds=("workbook",)))
    again = reconcile([example_path("2026-04"), written["workbook"]], as_of=date(2026, 5, 1))
    assert again.diff.is_empty
    onward = reconcile([written["workbook"], example_path("2026-04")], as_of=date(2026, 5, 1))
    assert onward.diff.is_empty


def test_clean_command_writes_into_outputs_and_never_touches_the_input(tmp_path):
    source = example_path("2025-01")
    before = source.read_bytes()
    result = CliRunner().invoke(main, ["clean", str(source), "--output-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Wrote {tmp_path / 'oldham-send-pap-2025-01-clean.xlsx'} (40 actions).")
    assert source.read_bytes() == before


def test_libreoffice_opens_and_prints_the_cleaned_workbook(example_plans, tmp_path):
    pdf = pdf_of(cleaned(example_plans["2026-04"], tmp_path / "clean.xlsx"))
    text = pdf_text(pdf)
    assert "2.37 On track Balanced System" in " ".join(text.split())  # the last action, its status beside it
    assert "Of a total of 40 PAP actions" in " ".join(text.split())

"""The cleaned workbook as a board member opens, prints and edits it: read back with openpyxl, point by point."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import action, example_path, plan_rows
from housestyle import Style

from paptools.api import clean
from paptools.cli import main
from paptools.compare.figures import summarize
from paptools.read.plan import read_plan
from paptools.write.workbook import write_clean_workbook


def cleaned(plan, path, **kw):
    write_clean_workbook(path, plan, summarize(plan, date(2026, 5, 1)), **kw)
    return path


@pytest.fixture(scope="module")
def oldham(tmp_path_factory):
    """The April 2026 example, cleaned once, and its plan."""
    plan = read_plan(example_path("2026-04"))
    path = cleaned(plan, tmp_path_factory.mktemp("oldham") / "oldham-clean.xlsx")
    return plan, path


def printed_points(sheet) -> float:
    """The sheet's width in points as Excel sizes columns (7 px a character unit, plus 5 px)."""
    widths = [sheet.column_dimensions[letter].width for letter in
              (openpyxl.utils.get_column_letter(c) for c in range(1, sheet.max_column + 1))]
    return sum(int(w * 7 + 5) for w in widths) * 0.75


def test_the_actions_sheet_prints_landscape_one_page_wide_at_8pt_or_more(oldham):
    _, path = oldham
    sheet = openpyxl.load_workbook(path)["Actions"]
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and setup.paperSize == 8  # 13 columns: A3
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToHeight == 0
    assert setup.fitToWidth in (None, 1)  # absent means the default, one page wide
    # A3 landscape less 0.4in margins is 1133pt; 10pt text printed at 8pt or more allows 1416pt.
    assert printed_points(sheet) <= 1133 * 10 / 8
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.print_options.gridLines
    assert sheet.oddHeader.left.text == "SEND && Inclusion Improvement Programme: Priority Action Plan"
    assert sheet.oddHeader.right.text == "15 April 2026" and sheet.oddHeader.right.size == 10
    assert sheet.oddFooter.right.text == "Page &P of &N"
    assert sheet.column_dimensions["F"].width >= 40 and sheet["F2"].alignment.wrap_text  # Progress wraps


def test_a_plan_with_few_columns_prints_on_a4(make_workbook, tmp_path):
    style = Style(order=("ref", "action", "owner", "timescale", "progress", "status"))
    plan = read_plan(make_workbook(plan_rows(action("PAP 1.1", progress="Jan 25: AB: Started."), action("PAP 1.2")),
                                   style))
    sheet = openpyxl.load_workbook(cleaned(plan, tmp_path / "clean.xlsx"))["Actions"]
    assert [c.value for c in sheet[1]] == ["Ref", "Status", "Action", "Owner", "Latest due", "Progress", "Timescale",
                                           "Original due", "Priority area", "Section"]
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.orientation == "landscape"
    assert printed_points(sheet) <= 784 * 10 / 8  # A4 landscape's printable width at 8pt


def test_ref_status_and_header_stay_on_screen_and_dates_are_spelled_out(oldham):
    _, path = oldham
    sheet = openpyxl.load_workbook(path)["Actions"]
    assert sheet.freeze_panes == "C2"
    assert sheet["A1"].value == "Ref" and sheet["B1"].value == "Status"
    assert sheet["E2"].number_format == "mmm yyyy"  # written out: never the machine's short date


def test_the_actions_are_a_named_banded_excel_table(oldham):
    _, path = oldham
    sheet = openpyxl.load_workbook(path)["Actions"]
    table = sheet.tables["PlanActions"]
    assert table.ref == "A1:M53"
    assert table.tableStyleInfo.showRowStripes and table.autoFilter is not None
    assert [c.name for c in table.tableColumns][:5] == ["Ref", "Status", "Action", "Owner", "Latest due"]


def test_the_status_drop_down_and_colours_use_the_plans_own_words(make_workbook, tmp_path):
    rows = plan_rows(action("PAP 1.1", "OT", status_text="G"), action("PAP 1.2", "V", status_text="Amber"),
                     action("PAP 1.3", "C", status_text="Blue"), action("PAP 1.4", "OT", status_text="G"))
    plan = read_plan(make_workbook(rows, Style(status_as="text")))
    path = cleaned(plan, tmp_path / "clean.xlsx")
    sheet = openpyxl.load_workbook(path)["Actions"]
    assert [sheet.cell(r, 2).value for r in range(2, 6)] == ["G", "Amber", "Blue", "G"]
    validation = sheet.data_validations.dataValidation[0]
    assert validation.type == "list" and validation.formula1 == '"Not yet started,G,Amber,At risk,Blue"'
    assert str(validation.sqref) == "B2:B500"
    rules = {r.formula[0]: r for rng in sheet.conditional_formatting for r in rng.rules}
    assert sorted(rules) == sorted(['"Not yet started"', '"G"', '"Amber"', '"At risk"', '"Blue"'])
    assert rules['"Blue"'].dxf.fill.bgColor.rgb.endswith("0070C0")
    assert rules['"G"'].dxf.fill.bgColor.rgb.endswith("00B050")
    again = read_plan(path)
    assert [(a.ref, a.status.value, a.status_word) for a in again.actions] == [
        ("PAP 1.1", "On track", "G"), ("PAP 1.2", "Vulnerable", "Amber"), ("PAP 1.3", "Complete", "Blue"),
        ("PAP 1.4", "On track", "G")]


def test_a_plan_without_status_words_offers_the_five_statuses(oldham):
    _, path = oldham
    validation = openpyxl.load_workbook(path)["Actions"].data_validations.dataValidation[0]
    assert validation.formula1 == '"Not yet started,On track,Vulnerable,At risk,Complete"'


def test_text_that_looks_like_a_formula_carries_the_quote_prefix(make_workbook, tmp_path):
    texts = {"F4": '=HYPERLINK("http://evil.example","click")', "C4": "+44 161 770 3000",
             "B4": "-5% waiting times", "H4": "@channel update"}
    source = make_workbook(plan_rows(action("PAP 1.1"), action("PAP 1.2")))
    book = openpyxl.load_workbook(source)
    for coordinate, text in texts.items():
        book["PAP"][coordinate].value = text
        book["PAP"][coordinate].data_type = "s"
    book.save(source)
    sheet = openpyxl.load_workbook(cleaned(read_plan(source), tmp_path / "clean.xlsx"))["Actions"]
    row = {c.value: c for c in sheet[2] if isinstance(c.value, str)}
    for text in texts.values():
        assert row[text].data_type == "s" and row[text].quotePrefix, text
    assert not sheet["C3"].quotePrefix  # "Action PAP 1.2" is plain text, with no prefix
    assert sheet["C2"].value == "-5% waiting times"


def test_warnings_name_the_plan_and_the_cleaned_file_never_a_temporary_one(make_workbook, tmp_path):
    part = lambda start: " ".join(  # noqa: E731
        f"\nMar 24: AB: Update number {n}. " + "Detail of the work done. " * 60 for n in range(start, start + 15))
    more = action("", title="", owner="", timescale="", progress=part(15), success="", outcome="", evidence="")
    more.status = None  # the progress continues on the row below, as officers do past Excel's cell limit
    source = make_workbook(plan_rows(action("PAP 1.1", progress=part(0)), more, action("PAP 1.2", fill="7F7F7F")),
                           name="our-plan.xlsx")
    notes: list = []
    _, path = clean(source, output_dir=tmp_path / "out", notes=notes)
    assert path.name == "our-plan-clean.xlsx"
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(path)["Warnings"].iter_rows(min_row=2)]
    assert {row[0] for row in rows} == {"our-plan.xlsx", "our-plan-clean.xlsx"}
    assert not any(".partial" in (cell or "") for row in rows for cell in row)
    assert notes[0].message.startswith("Progress of PAP 1.1 is ")  # what the writer said reaches the caller
    assert [row[:4] for row in rows if row[1] == "Actions"] == [["our-plan-clean.xlsx", "Actions", "F2",
                                                                 notes[0].message]]


def test_the_warnings_sheet_lists_the_lint_checks_of_the_plan(tmp_path):
    _, path = clean(example_path("2026-04"), output_dir=tmp_path, as_of=date(2026, 5, 1))
    rows = [list(row) for row in openpyxl.load_workbook(path)["Warnings"].iter_rows(min_row=2, values_only=True)]
    assert rows[0] == ["oldham-send-pap-2026-04.xlsx", "PAP", "F38",
                       "'un 24' read as the date Jun 2024 (a letter seems to be missing)", None, None]
    lint = [row for row in rows if row[5] == "complete-but-continuing"]
    assert lint[0][:3] == ["oldham-send-pap-2026-04.xlsx", "PAP", "F7"]
    assert lint[0][3].startswith("PAP 1.3 is Complete, but its latest entry (undated) says 'Recommendation to close'")
    assert lint[0][3].endswith("Check the status: if work goes on, set it to On track; if it is done, add a dated "
                               "entry saying it is complete.")


def test_the_file_says_what_it_is_and_carries_no_one_elses_metadata(oldham):
    _, path = oldham
    book = openpyxl.load_workbook(path)
    assert book.properties.title == "SEND & Inclusion Improvement Programme: Priority Action Plan"
    assert book.properties.description == "Made by paptools"
    assert book.properties.subject == "SEND Priority Action Plan, version 15 April 2026"
    assert book.properties.creator in (None, "")
    assert book.properties.created is not None and book.properties.created.year >= 2026
    assert "paptools" in book.custom_doc_props.names
    about = [row[0] for row in book["About"].iter_rows(values_only=True) if row[0]]
    assert about[0] == "SEND & Inclusion Improvement Programme: Priority Action Plan"
    assert about[1].startswith("A cleaned copy of the Priority Action Plan, version 15 April 2026, made from "
                               "oldham-send-pap-2026-04.xlsx by paptools on ")
    assert "How to read the colours" in about
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        everything = "".join(archive.read(n).decode("utf-8", "replace") for n in names if n.endswith(".xml"))
    assert not any("externalLink" in n or "vbaProject" in n for n in names)
    assert "<f>" not in everything and "<hyperlink" not in everything


def test_the_summary_chart_has_alt_text_giving_its_figures(oldham):
    _, path = oldham
    with zipfile.ZipFile(path) as archive:
        drawings = "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/drawings/drawing"))
    assert ('descr="Bar chart of the 40 PAP actions by status: Complete 38 (95%), On track 1 (2.5%), '
            'Not yet started 0 (0%), Vulnerable 1 (2.5%), At risk 0 (0%)."') in drawings


def test_summary_figures_are_the_figures_the_report_is_built_from(oldham):
    _, path = oldham
    sheet = openpyxl.load_workbook(path)["Summary"]
    table = sheet.tables["StatusCounts"]
    rows = [[c.value for c in row] for row in sheet[table.ref]]
    assert rows == [
        ["Status", "All actions", "All %", "PAP actions", "PAP %"],
        ["Complete", 38, 73, 38, 95],
        ["On track", 9, 17, 1, 2.5],
        ["Not yet started", 4, 8, 0, 0],
        ["Vulnerable", 1, 2, 1, 2.5],
        ["At risk", 0, 0, 0, 0],
        ["Total", 52, 100, 40, 100],
    ]


def test_change_rows_are_tall_enough_for_their_text(tmp_path):
    from paptools.api import OutputOptions, reconcile, write_outputs

    result = reconcile([example_path("2025-08"), example_path("2026-04")], as_of=date(2026, 5, 1))
    path = write_outputs(result, OutputOptions(output_dir=tmp_path, kinds=("workbook",)))["workbook"]
    sheet = openpyxl.load_workbook(path)["Changes"]
    for row in range(2, sheet.max_row + 1):
        longest = max(len(str(sheet.cell(row, c).value or "")) for c in (7, 8))
        height = sheet.row_dimensions[row].height
        # Arial 10 fits at most about 56 characters on a line of the 48-wide Before and After columns
        # (337 px at 6 px a character), 12.75pt a line.
        assert height >= 12.75 * min(-(-longest // 56), 31), (row, longest, height)


def test_show_reads_the_cleaned_workbook_as_the_original(oldham):
    _, path = oldham
    original = CliRunner().invoke(main, ["show", str(example_path("2026-04"))])
    again = CliRunner().invoke(main, ["show", str(path)])
    assert original.exit_code == again.exit_code == 0
    same = lambda text: re.sub(r"^\S+\.xlsx: ", "", text.stdout, flags=re.M)  # noqa: E731
    assert same(again) == same(original)
    assert "PAP 2.7  [Complete]" in again.stdout


def resaved_by_libreoffice(path: Path) -> Path:
    """The file opened and saved again as .xlsx by LibreOffice, as someone without Excel would."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    out = Path(tempfile.mkdtemp(prefix="paptools-lo-xlsx-"))
    profile = Path(tempfile.mkdtemp(prefix="paptools-lo-profile-"))
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out), str(path)], check=False, capture_output=True, timeout=180)
    shutil.rmtree(profile, ignore_errors=True)
    again = out / path.name
    assert again.exists(), f"LibreOffice could not open and save {path}"
    return again


def test_saved_again_by_libreoffice_it_still_reads_the_same(oldham):
    plan, path = oldham
    again = read_plan(resaved_by_libreoffice(path))
    assert [(a.ref, a.status, a.title, a.owner, a.timescale, [(e.date, e.initials, e.text) for e in a.entries])
            for a in again.actions] == [
        (a.ref, a.status, a.title, a.owner, a.timescale, [(e.date, e.initials, e.text) for e in a.entries])
        for a in plan.actions]
    assert len(again.actions) == 52 and again.actions[21].ref == "PAP 2.7"


def test_a_breakdown_that_does_not_add_to_100_carries_the_rounding_note(make_workbook, tmp_path):
    plan = read_plan(make_workbook(plan_rows(action("PAP 1.1", "C"), action("PAP 1.2", "OT"), action("PAP 1.3", "AR"))))
    sheet = openpyxl.load_workbook(cleaned(plan, tmp_path / "clean.xlsx"))["Summary"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(max_col=5)]
    assert ["Complete", 1, 33, 1, 33] in rows and ["At risk", 1, 33, 1, 33] in rows
    total = rows.index(["Total", 3, 100, 3, 100])
    assert rows[total + 1][0] == "Percentages may not add to 100 because of rounding."

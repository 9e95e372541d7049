"""The date 'overdue' is judged at: the version's own date, and a note when that is only a save date."""
from __future__ import annotations

from datetime import date, datetime

import openpyxl
from click.testing import CliRunner

from paptools.cli import main


def plan_saved(tmp_path, *, labelled: str | None = None):
    """A plan whose entries end in January 2024, saved now (openpyxl stamps the save time)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    if labelled:
        sheet.append([labelled])
    sheet.append(["Ref", "Action", "Owner", "Timescale", "Progress", "RAG"])
    sheet.append(["PAP 1.1", "Set up the forum", "Sue Green", "Dec-23", "Nov 23: SG: first meeting held", "Green"])
    sheet.append(["PAP 1.2", "Publish the report", "Sue Green", "Mar-24", "Jan 24: SG: drafted", "Amber"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return path


def test_a_version_dated_only_by_a_much_later_save_is_questioned(tmp_path):
    path = plan_saved(tmp_path)
    today = date.today()
    saved = f"{today.day} {today:%B %Y}"
    result = CliRunner().invoke(main, ["summary", str(path)])
    assert result.exit_code == 0, result.output
    assert f"Figures for plan.xlsx (as of {saved})" in result.stdout
    assert (f"Note: plan.xlsx is dated {saved} only by when the file was last saved, more than 3 months "
            "after its latest progress entry (Jan 2024), and 'overdue' is judged as of that date") in result.stderr
    quiet = CliRunner().invoke(main, ["summary", str(path), "--as-of", "2024-01"])
    assert "Note:" not in quiet.stderr and "(as of 31 January 2024)" in quiet.stdout


def test_a_labelled_version_date_is_used_and_not_questioned(tmp_path):
    path = plan_saved(tmp_path, labelled="Version date: 31 January 2024")
    result = CliRunner().invoke(main, ["summary", str(path)])
    assert result.exit_code == 0, result.output
    assert "Figures for plan.xlsx (as of 31 January 2024)" in result.stdout
    assert "Note:" not in result.stderr


def test_a_version_or_date_label_dates_the_version_but_a_version_number_does_not(tmp_path):
    for label, shown in [("Version: 31 January 2024", "31 January 2024"), ("Date: 31/01/2024", "31 January 2024")]:
        path = plan_saved(tmp_path, labelled=label)
        result = CliRunner().invoke(main, ["summary", str(path)])
        assert f"Figures for plan.xlsx (as of {shown})" in result.stdout and "Note:" not in result.stderr
    path = plan_saved(tmp_path, labelled="Version 3.1")
    assert "Note: plan.xlsx is dated" in CliRunner().invoke(main, ["summary", str(path)]).stderr


def test_a_version_date_custom_property_is_a_statement_not_a_save_date(tmp_path):
    from openpyxl.packaging.custom import DateTimeProperty

    path = plan_saved(tmp_path)
    book = openpyxl.load_workbook(path)
    book.custom_doc_props.append(DateTimeProperty(name="Version date", value=datetime(2024, 2, 29)))
    book.save(path)
    result = CliRunner().invoke(main, ["summary", str(path)])
    assert result.exit_code == 0, result.output
    assert "Figures for plan.xlsx (as of 29 February 2024)" in result.stdout
    assert "Note:" not in result.stderr
    shown = CliRunner().invoke(main, ["inspect", str(path)])
    assert "Version date: 29 February 2024 (from document property 'Version date')" in shown.stdout

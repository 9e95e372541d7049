"""A period column headed by a real date cell: dated by the month the cell shows ("mmm-yy":
Oct-24), as a header written "Oct-24" is, never by a day nobody wrote; by its day only where
the cell's number format shows one."""
from __future__ import annotations

from datetime import datetime

import openpyxl

from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout


def _tracker(path, number_format: str, dates: tuple[datetime, datetime]):
    """Two header rows, "Progress" merged over one column a month whose header cells are dates."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(["Action", None, None, None, None, "Progress", None])
    sheet.append(["Ref", "Action", "Lead", "Timescale", "Status", *dates])
    sheet.append(["1.1", "Publish the Local Offer", "Ann Bell", "Mar-25", "On track",
                  "Site drafted.", "[AB 10/11/24] Site live."])
    sheet.append(["1.2", "Cut the waiting list", "Bob Cole", "Mar-25", "Off track",
                  "10.10.24 - BC - Two therapists recruited.", "Waiting list at 318."])
    sheet.merge_cells("F1:G1")
    for cell in ("F2", "G2"):
        sheet[cell].number_format = number_format
    book.save(path)
    return path


def _entries(plan):
    return [[(e.date.iso() if e.date else None, e.text, e.cell) for e in a.entries] for a in plan.actions]


def test_a_date_cell_shown_as_a_month_dates_its_column_by_the_month(tmp_path):
    path = _tracker(tmp_path / "months.xlsx", "mmm-yy", (datetime(2024, 10, 1), datetime(2024, 11, 1)))
    plan = read_plan(path)
    assert _entries(plan)[0][0] == ("2024-10", "Site drafted.", "Plan!F3")
    assert _entries(plan)[1] == [
        ("2024-10-10", "Two therapists recruited.", "Plan!F4"),
        ("2024-11", "Waiting list at 318.", "Plan!G4"),
    ]
    shown = render_layout("months.xlsx", plan.layout, plan)
    assert ("       F 'Progress Oct 2024' -> Oct 2024\n"
            "       G 'Progress Nov 2024' -> Nov 2024") in shown
    assert [w.line() for w in plan.warnings] == []


def test_a_date_cell_whose_format_shows_the_day_dates_its_column_by_that_day(tmp_path):
    path = _tracker(tmp_path / "days.xlsx", "dd/mm/yyyy", (datetime(2024, 10, 14), datetime(2024, 11, 11)))
    plan = read_plan(path)
    assert _entries(plan)[1] == [
        ("2024-10-10", "Two therapists recruited.", "Plan!F4"),
        ("2024-11-11", "Waiting list at 318.", "Plan!G4"),
    ]
    shown = render_layout("days.xlsx", plan.layout, plan)
    assert "       G 'Progress 11/11/2024' -> 11 Nov 2024" in shown

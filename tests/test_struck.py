"""Timescale cells where the officer struck the old month through and wrote the new one beside
it: the struck month is the original due month and the other the revised one, in a workbook
saved with shared strings (as Excel saves) or with inline strings. Expected values are written
out as an officer reads them."""
from __future__ import annotations

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from paptools.read.plan import read_plan

HEADER = ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"]
ROWS = [["1.1", "Publish the local offer", "Jane Smith", None, "G", "Jan 25: Draft."],
        ["1.2", "Train SENCOs", "Bob Jones", None, "A", "Jan 25: Venue booked."],
        ["1.3", "Audit EHCPs", "Ann Lee", None, "G", "Jan 25: Started."]]


def due(plan):
    return {a.ref: (a.timescale.text, a.timescale.original_due and a.timescale.original_due.iso(),
                    a.timescale.revised_due and a.timescale.revised_due.iso()) for a in plan.actions}


EXPECTED = {
    "1.1": ("Mar-25 Jun-25", "2025-03", "2025-06"),
    "1.2": ("Sep-25 Jun-25", "2025-06", "2025-09"),
    "1.3": ("Dec-25 (draft)", "2025-12", None),
}


def test_a_struck_month_in_shared_strings_is_the_original(tmp_path):
    path = tmp_path / "plan.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Plan")
    struck = book.add_format({"font_strikeout": True})
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    sheet.write_rich_string(1, 3, struck, "Mar-25", " Jun-25")
    sheet.write_rich_string(2, 3, "Sep-25 ", struck, "Jun-25")
    sheet.write_rich_string(3, 3, "Dec-25", struck, " (draft)")
    book.close()
    plan = read_plan(path)
    assert due(plan) == EXPECTED
    assert [w.line() for w in plan.warnings] == []


def test_a_struck_month_in_inline_strings_is_the_original(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [HEADER, *ROWS]:
        sheet.append(row)
    strike = InlineFont(strike=True)
    sheet["D2"] = CellRichText([TextBlock(strike, "Mar-25"), " Jun-25"])
    sheet["D3"] = CellRichText(["Sep-25 ", TextBlock(strike, "Jun-25")])
    sheet["D4"] = CellRichText(["Dec-25", TextBlock(strike, " (draft)")])
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert due(plan) == EXPECTED
    assert [w.line() for w in plan.warnings] == []


def test_without_the_strike_two_months_are_reported(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [HEADER, ["1.1", "Publish the local offer", "Jane Smith", "Mar-25 Jun-25", "G", "Jan 25: Draft."]]:
        sheet.append(row)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert due(plan) == {"1.1": ("Mar-25 Jun-25", "2025-03", None)}
    assert [w.line() for w in plan.warnings] == [
        "Plan!D2: timescale 'Mar-25 Jun-25' gives more than one month (Mar 2025, Jun 2025) without saying which "
        "is the due date; the first, Mar 2025, is used: if the deadline moved, write 'revised' before the new month"]


def test_an_action_struck_through_is_counted_and_reported(tmp_path):
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [HEADER, ["1.1", "Publish the local offer", "Jane Smith", "Mar-25", "G", "Jan 25: Draft."],
                ["1.2", "Train SENCOs", "Bob Jones", "Jun-25", "R", "Jan 25: Dropped."]]:
        sheet.append(row)
    for cell in sheet[3]:
        cell.font = Font(strike=True)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert [(a.ref, a.status.value) for a in plan.actions] == [("1.1", "On track"), ("1.2", "At risk")]
    assert [w.line() for w in plan.warnings] == [
        "Plan!B3: 1.2's action is struck through in Excel; it is read and counted as usual (if it was dropped, "
        "say so in its status, or take it out of the plan)"]


def test_a_struck_status_word_and_a_struck_entry_are_left_out_and_reported(tmp_path):
    path = tmp_path / "plan.xlsx"
    book = xlsxwriter.Workbook(str(path))  # shared strings, as Excel saves
    sheet = book.add_worksheet("Plan")
    struck = book.add_format({"font_strikeout": True})
    for r, row in enumerate([HEADER, ["1.1", "Publish the local offer", "Jane Smith", "Mar-25", None, None],
                             ["1.2", "Train SENCOs", "Bob Jones", "Jun-25", "G", "Jan 25: Venue booked."]]):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    sheet.write_rich_string(1, 4, struck, "G", " R")
    sheet.write_rich_string(1, 5, "05/11/2024: Draft written.\n", struck, "02/12/2024: Published.\n",
                            "16/12/2024: Publication delayed.")
    book.close()
    plan = read_plan(path)
    assert [(a.ref, a.status.value, a.status_word) for a in plan.actions] == [
        ("1.1", "At risk", "R"), ("1.2", "On track", "G")]
    first = plan.actions[0]
    assert [(e.date.iso(), e.text) for e in first.entries] == [
        ("2024-11-05", "Draft written."), ("2024-12-16", "Publication delayed.")]
    assert first.progress == "05/11/2024: Draft written.\n16/12/2024: Publication delayed."
    assert [(w.cell, w.message, w.value) for w in plan.warnings] == [
        ("E2", "1.1's status has text struck through in Excel ('G'): left out as withdrawn; read as 'R'", "G"),
        ("F2", "1.1's progress has text struck through in Excel ('02/12/2024: Published.'): left out as withdrawn; "
               "the rest is read", "02/12/2024: Published.")]


def test_a_progress_cell_struck_through_whole_in_inline_strings_has_no_entries(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [HEADER, ["1.1", "Publish the local offer", "Jane Smith", "Mar-25", "G", None]]:
        sheet.append(row)
    sheet["F2"] = CellRichText([TextBlock(InlineFont(strike=True), "Jan 25: Draft sent to the board.")])
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert [(a.ref, a.entries, a.progress) for a in plan.actions] == [("1.1", (), "")]
    assert [w.line() for w in plan.warnings] == [
        "Plan!F2: 1.1's progress has text struck through in Excel ('Jan 25: Draft sent to the board.'): left out "
        "as withdrawn; nothing else is written in it"]

"""A large plan's cleaned workbook is streamed row by row: the same cells, a plain filtered range, read back by content.

LARGE_PLAN is lowered so that the example plans take the large plans' path in a second.
"""
from __future__ import annotations

import zipfile
from datetime import date, datetime

import build
import openpyxl
import pytest
from conftest import action, plan_rows

import paptools.write.workbook as workbook
from paptools.compare.figures import summarize
from paptools.compare.reconciliation import reconcile_plans
from paptools.content.changes import change_rows
from paptools.read.plan import read_plan
from paptools.write.workbook import write_clean_workbook

MADE = datetime(2026, 5, 1, 9, 30)


def cleaned(plan, path, **kw):
    write_clean_workbook(path, plan, summarize(plan, date(2026, 5, 1)), made=MADE, name="clean.xlsx", **kw)
    return path


def streamed(plan, path, monkeypatch, **kw):
    with monkeypatch.context() as patch:
        patch.setattr(workbook, "LARGE_PLAN", 0)
        return cleaned(plan, path, **kw)


def shown(path):
    """Everything a person sees of each sheet: every cell's value and look, rows, columns, merges, panes, print."""
    book = openpyxl.load_workbook(path)
    sheets = {}
    for sheet in book.worksheets:
        cells = [(c.coordinate, c.value, c.number_format, c.font.b, c.font.color.rgb if c.font.color else None,
                  c.fill.fgColor.rgb if c.fill.fill_type else None, c.alignment.wrap_text, c.alignment.vertical,
                  c.quotePrefix, c.border.top.style)
                 for row in sheet.iter_rows() for c in row if c.value is not None or c.has_style]
        sheets[sheet.title] = {
            "cells": cells,
            "heights": {r: d.height for r, d in sheet.row_dimensions.items() if d.height},
            "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
            "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
            "panes": sheet.freeze_panes,
            "print": (sheet.page_setup.orientation, sheet.page_setup.paperSize, sheet.print_title_rows,
                      sheet.oddHeader.left.text, sheet.oddFooter.right.text),
            "statuses": [(v.sqref, v.formula1) for v in sheet.data_validations.dataValidation],
            "colours": [str(rule.sqref) for rule in sheet.conditional_formatting],
        }
    return sheets


@pytest.fixture(scope="module")
def pair(example_plans, tmp_path_factory):
    """The April 2026 example with its changes and trend, written as a small plan is and streamed."""
    plans = [example_plans[v] for v in build.VERSIONS]
    trend = [(v, summarize(p, date(2026, 5, 1))) for v, p in zip(build.VERSIONS, plans)]
    rows = change_rows(reconcile_plans(plans[-2:], as_of=date(2026, 5, 1)))
    folder = tmp_path_factory.mktemp("streamed")
    plain = cleaned(plans[-1], folder / "plain.xlsx", changes=rows, trend=trend)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(workbook, "LARGE_PLAN", 0)
        large = cleaned(plans[-1], folder / "large.xlsx", changes=rows, trend=trend)
    return plans[-1], plain, large


def test_a_streamed_workbook_shows_the_same_cells_as_a_small_plans(pair):
    _, plain, large = pair
    with zipfile.ZipFile(large) as archive:
        assert "t=\"inlineStr\"" in archive.read("xl/worksheets/sheet1.xml").decode()  # really streamed
    assert shown(large) == shown(plain)


def test_a_streamed_actions_sheet_is_a_filtered_range_with_every_action_in_order(pair):
    plan, plain, large = pair
    assert list(openpyxl.load_workbook(plain)["Actions"].tables) == ["PlanActions"]
    book = openpyxl.load_workbook(large)
    sheet = book["Actions"]
    assert list(sheet.tables) == [] and list(book["Summary"].tables) == []  # the only difference
    assert len(plan.actions) == 52 and sheet.auto_filter.ref == "A1:M53"
    assert [c.value for c in sheet[1]][:6] == ["Ref", "Status", "Action", "Owner", "Latest due", "Progress"]
    assert sheet["A1"].fill.fgColor.rgb == "FF1F3864" and sheet["A1"].font.b
    rows = list(openpyxl.load_workbook(large, read_only=True)["Actions"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [a.ref for a in plan.actions]
    assert rows[0][:2] == ("PAP 1.1", "Complete") and rows[-1][:2] == ("2.37", "On track")
    assert rows[21][5].split("\n")[1].startswith("Nov 23: S&LT recovery plan drafted")  # PAP 2.7's second entry
    summary = [[c.value for c in row] for row in book["Summary"].iter_rows()]
    assert ["Status", "All actions", "All %", "PAP actions", "PAP %"] in [row[:5] for row in summary]
    assert ["Total", 52, 100, 40, 100] in [row[:5] for row in summary]


def test_a_streamed_workbook_reads_back_as_the_same_plan(pair):
    plan, _, large = pair
    again = read_plan(large)
    assert [(a.ref, a.status, a.title, a.owner, a.timescale, [e.raw for e in a.entries]) for a in again.actions] \
        == [(a.ref, a.status, a.title, a.owner, a.timescale, [e.raw for e in a.entries]) for a in plan.actions]


def _long_progress(start: int, count: int) -> str:
    return " ".join(f"\nMar 24: AB: Update number {n}. " + "Detail of the work done. " * 60
                    for n in range(start, start + count))


def test_a_streamed_text_past_the_cell_limit_continues_on_the_next_row_under_a_merged_ref(
        make_workbook, tmp_path, monkeypatch):
    more = action("", title="", owner="", timescale="", progress=_long_progress(15, 15), success="", outcome="",
                  evidence="")
    more.status = None
    rows = plan_rows(action("PAP 1.0"), action("PAP 1.1", progress=_long_progress(0, 15)), more, action("PAP 1.2"))
    plan = read_plan(make_workbook(rows))
    assert [a.ref for a in plan.actions] == ["PAP 1.0", "PAP 1.1", "PAP 1.2"]
    plain = cleaned(plan, tmp_path / "plain.xlsx")
    large = streamed(plan, tmp_path / "large.xlsx", monkeypatch)
    with zipfile.ZipFile(large) as archive:
        assert "t=\"inlineStr\"" in archive.read("xl/worksheets/sheet1.xml").decode()
    assert shown(large) == shown(plain)
    sheet = openpyxl.load_workbook(large)["Actions"]
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A3:A4"]
    assert [sheet.cell(r, 1).value for r in range(1, 6)] == ["Ref", "PAP 1.0", "PAP 1.1", None, "PAP 1.2"]
    progress = sheet["F3"].value + "\n" + sheet["F4"].value
    assert progress == "\n".join(e.raw for e in plan.actions[1].entries)
    assert sheet.auto_filter.ref == "A1:M5"
    again = read_plan(large)
    assert [a.ref for a in again.actions] == ["PAP 1.0", "PAP 1.1", "PAP 1.2"]
    assert [e.text for e in again.actions[1].entries] == [e.text for e in plan.actions[1].entries]


def test_a_large_plan_whose_text_takes_three_rows_is_written_whole_as_a_small_plans_is(
        make_workbook, tmp_path, monkeypatch):
    """Streamed, a merge over three rows would lose its middle row: such a plan is not streamed. Its parts go
    through temporary files to the same workbook, and nothing of it is left for the collector."""
    import gc

    import xlsxwriter
    import xlsxwriter.worksheet

    from paptools.write.xlsx_actions import ActionsSheet
    from paptools.write.xlsx_style import Styles

    continued = []
    for start in (20, 40):
        more = action("", title="", owner="", timescale="", progress=_long_progress(start, 20), success="",
                      outcome="", evidence="")
        more.status = None
        continued.append(more)
    plan = read_plan(make_workbook(plan_rows(action("PAP 1.1", progress=_long_progress(0, 20)), *continued)))
    assert len(plan.actions) == 1 and len(plan.actions[0].progress) > 2 * 32_767
    in_memory = cleaned(plan, tmp_path / "in-memory.xlsx")
    large = streamed(plan, tmp_path / "large.xlsx", monkeypatch)
    assert [o for o in gc.get_objects() if isinstance(o, xlsxwriter.worksheet.Worksheet)] == []
    with zipfile.ZipFile(in_memory) as first, zipfile.ZipFile(large) as second:
        assert first.namelist() == second.namelist()
        for name in first.namelist():
            assert first.read(name) == second.read(name), name
        assert "inlineStr" not in second.read("xl/worksheets/sheet1.xml").decode()
    sheet = openpyxl.load_workbook(large)["Actions"]
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A2:A4"]
    assert "\n".join(sheet.cell(r, 6).value for r in (2, 3, 4)) == "\n".join(e.raw for e in plan.actions[0].entries)
    assert [e.text for e in read_plan(large).actions[0].entries] == [e.text for e in plan.actions[0].entries]
    book = xlsxwriter.Workbook(str(tmp_path / "raw.xlsx"), {"constant_memory": True})
    with pytest.raises(ValueError, match=r"PAP 1\.1 takes 3 rows: a streamed sheet holds at most 2"):
        ActionsSheet(Styles(book), plan).write(book.add_worksheet("Actions"), title="t", version="v", streamed=True)
    book.close()


def test_libreoffice_opens_and_prints_a_streamed_workbook(pair):
    from libreoffice import pdf_of, pdf_text

    _, _, large = pair
    text = " ".join(pdf_text(pdf_of(large)).split())
    assert "2.37 On track Balanced System" in text  # the last action, its status beside it
    assert "Of a total of 40 PAP actions" in text

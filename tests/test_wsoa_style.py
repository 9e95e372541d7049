"""A written statement of action kept in its own style: a cover sheet with the date, an "Area
of weakness" heading over each sheet's actions, "Start date" and "End date" columns and
statuses as fills read through a Key sheet. Expected values are written out as an officer
reads them."""
from __future__ import annotations

from datetime import datetime

import openpyxl
from openpyxl.styles import PatternFill

from paptools.read.plan import read_plan


def build(path):
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append(["Bury Local Area SEND Written Statement of Action - Tracker"])
    cover.append(["Last updated: 12th March 2025"])
    key = book.create_sheet("Key")
    key.append(["RAG rating", "Definition"])
    for word, rgb, meaning in [("Red", "FF0000", "Off track"), ("Amber", "FFC000", "Some concerns"),
                               ("Green", "00B050", "On track"), ("Grey", "BFBFBF", "Not yet started")]:
        key.append([word, meaning])
        key[f"A{key.max_row}"].fill = PatternFill("solid", fgColor=rgb)
    for n, (weakness, refs) in enumerate([("Waiting times for ASD assessment", ["1.1a", "1.1b"]),
                                          ("Quality of EHC plans", ["2.1"])], 1):
        sheet = book.create_sheet(f"AoW{n}")
        sheet.append([f"Area of weakness {n}: {weakness}"])
        sheet.append(["Ref", "Action", "Lead Officer", "Start date", "End date", "RAG", "Update (March 2025)"])
        for i, ref in enumerate(refs):
            sheet.append([ref, f"Action {ref}", "Sam Lee", datetime(2024, 9, 1), datetime(2025, 6 + i, 30), None,
                          f"Progress on {ref}."])
            sheet[f"F{sheet.max_row}"].fill = PatternFill("solid", fgColor=["00B050", "FFC000"][i])
    book.save(path)
    return path


def test_a_written_statement_of_action_in_its_own_style(tmp_path):
    plan = read_plan(build(tmp_path / "wsoa.xlsx"))
    assert [(a.ref, a.status.value, a.timescale.due.iso(), a.priority_area, dict(a.extra)["Start date"])
            for a in plan.actions] == [
        ("1.1a", "On track", "2025-06", "Priority area 1", "01/09/2024"),
        ("1.1b", "Vulnerable", "2025-07", "Priority area 1", "01/09/2024"),
        ("2.1", "On track", "2025-06", "Priority area 2", "01/09/2024"),
    ]
    assert dict(plan.priority_areas) == {"Priority area 1": "Waiting times for ASD assessment",
                                         "Priority area 2": "Quality of EHC plans"}
    assert plan.version_date.isoformat() == "2025-03-12"
    assert [w.line() for w in plan.warnings] == []
    assert [(u.sheet, u.what) for u in plan.layout.unused] == [
        ("Cover", "a cover or contents sheet: read for the plan's title and version date, not for actions")]


def test_a_progress_date_under_a_merged_progress_header_dates_the_update_beside_it(tmp_path):
    """ "Progress" merged over "Update" and "Date", under a title block: the Date column says when
    each row's update was written, as a "Last updated" column does."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Improvement Plan"
    sheet["A1"] = "Written Statement of Action - Monitoring"
    sheet["A2"] = "Version: 14 January 2025"
    sheet.append([])
    sheet.append([])
    sheet.append(["WSoA area", "Ref", "Action", "Lead", "Due", "Progress", None, "RAG"])
    sheet.append([None, None, None, None, None, "Update", "Date", None])
    sheet.merge_cells("F5:G5")
    sheet.append(["1. Identification", "1a", "Joint assessment pathway", "Health", "Mar 2025", "Pathway live.",
                  datetime(2025, 1, 9), "G"])
    sheet.append(["1. Identification", "1b", "Waiting list recovery", "Health", "Jun 2025",
                  "Dec 24: Trajectory agreed.\nStill behind it.", datetime(2025, 1, 7), "R"])
    book.save(tmp_path / "wsoa.xlsx")
    plan = read_plan(tmp_path / "wsoa.xlsx")
    assert {a.ref: [(e.date.iso(), e.text) for e in a.entries] for a in plan.actions} == {
        "1a": [("2025-01-09", "Pathway live.")],
        "1b": [("2024-12", "Trajectory agreed.\nStill behind it.")],
    }
    assert [(c.field, c.letter, c.header) for c in plan.layout.tables[0].columns if c.field == "status_date"] == [
        ("status_date", "G", "Progress Date")]

"""The Changes, Warnings and About sheets of the cleaned workbook.

Changes: one row per change between the two versions, as the changes file lists them.
Warnings: every warning of the run, in the words the terminal uses, with the workbook it
concerns named by its real file name. About: what the file is, which version, how it was
made and how to read the colours. The reader skips all three when it reads the file back.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from xlsxwriter.worksheet import Worksheet

from paptools.compare.figures import ROUNDING_RULE
from paptools.content.changes import COLUMNS as CHANGE_COLUMNS
from paptools.content.changes import ChangeRow
from paptools.model import DataWarning, Finding, Status
from paptools.write.palette import PALETTE
from paptools.write.xlsx_style import A4, Column, PageFit, Styles, fit_columns, set_page, wrapped_height

CHANGE_WIDTHS = (Column("Change", 16), Column("Ref", 10), Column("Priority area", 12, 10),
                 Column("Section", 14, 10), Column("Entry date", 11), Column("Author", 16, 12),
                 Column("Before", 48, 34), Column("After", 48, 34), Column("Note", 32, 22))
WARNING_WIDTHS = (Column("Workbook", 26, 18), Column("Sheet", 14), Column("Cell", 8),
                  Column("What paptools could not read for certain, or found to check", 70, 50),
                  Column("The text concerned", 60, 36), Column("Check", 16))
ABOUT_WIDTH = 75  # one column that fits a portrait A4 page at full size, with room for a wider default font
_FIRST_CELL_LIMIT = 32_767  # a cell's most; a warning's value is kept whole in the terminal and the report


def _header(sheet: Worksheet, styles: Styles, headers: Sequence[str], widths: Sequence[float]) -> None:
    for col, (header, width) in enumerate(zip(headers, widths)):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, header, styles["header"])
    sheet.set_row(0, 30)
    sheet.freeze_panes(1, 0)


def write_changes(sheet: Worksheet, styles: Styles, rows: list[ChangeRow], *, title: str, version: str) -> None:
    """One row per change, the row tall enough for its longest wrapped text."""
    fit = fit_columns(CHANGE_WIDTHS)
    _header(sheet, styles, CHANGE_COLUMNS, fit.widths)
    for row, change in enumerate(rows, start=1):
        cells = change.cells()
        for col, text in enumerate(cells):
            if text:
                styles.text(sheet, row, col, text[:_FIRST_CELL_LIMIT], "text")
        sheet.set_row(row, wrapped_height(zip(cells, fit.widths)))
    last = max(len(rows), 1)
    alert = styles.book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006", "bold": True})
    sheet.conditional_format(1, 8, last, 8, {"type": "text", "criteria": "begins with",
                                             "value": "HISTORY CHANGED", "format": alert})
    sheet.autofilter(0, 0, last, len(CHANGE_COLUMNS) - 1)
    set_page(sheet, fit, title=title, version=version)


def warning_cells(source: str, warning: DataWarning) -> tuple[str, ...]:
    """A reading warning as a row: workbook, sheet, cell, message, the text concerned, no check."""
    return (source, warning.sheet or "", warning.cell or "", warning.message, warning.value or "", "")


def finding_cells(source: str, finding: Finding) -> tuple[str, ...]:
    """A lint finding as a row: its message and what to do, and the rule that found it."""
    message = f"{finding.message} {finding.fix}".strip()
    return (source, finding.sheet or "", finding.cell or "", message, "", finding.rule)


def write_warnings(sheet: Worksheet, styles: Styles, rows: Sequence[tuple[str, ...]], *, title: str,
                   version: str) -> None:
    """Every warning and lint finding with the workbook it concerns, its sheet and cell, in plain words."""
    fit = fit_columns(WARNING_WIDTHS)
    _header(sheet, styles, [c.header for c in WARNING_WIDTHS], fit.widths)
    if not rows:
        styles.text(sheet, 1, 0, "No warnings: everything in the workbook was read for certain.", "plain")
    for row, cells in enumerate(rows, start=1):
        for col, text in enumerate(cells):
            if text:
                styles.text(sheet, row, col, text[:_FIRST_CELL_LIMIT], "text")
        sheet.set_row(row, wrapped_height(zip(cells, fit.widths)))
    if rows:
        sheet.autofilter(0, 0, len(rows), len(WARNING_WIDTHS) - 1)
    set_page(sheet, fit, title=title, version=version)


def about_lines(*, title: str, version: str, source: str, made: datetime, sheets: Sequence[str],
                words: dict[str, Status]) -> list[tuple[str, str]]:
    """The About sheet as (style, text) lines: what this is, which version, how made, how to read it."""
    colours = {status: colour.name for status, colour in PALETTE.items()}
    lines = [
        ("title", title),
        ("text", f"A cleaned copy of the Priority Action Plan, version {version}, made from {source} "
                 f"by paptools on {made.day} {made:%B %Y}. The plan itself was only read, never changed."),
        ("subtitle", "What is in this file"),
    ]
    described = {
        "Actions": "one row per action: Ref, Status, Action, Owner, Latest due, then the progress entries "
                   "(one per line) and the other columns of the plan. Filter and sort them with the buttons on "
                   "the header row.",
        "Summary": "how many actions have each status, with percentages, the same figures as the report.",
        "Changes": "what changed since the previous version: new progress, status changes, timescales, "
                   "actions added or removed, and earlier progress that was edited or removed.",
        "Warnings": "what paptools could not read for certain, and what its checks of the plan found (an "
                    "entry that contradicts the status, progress gone quiet ...), with the sheet and cell.",
    }
    lines += [("text", f"{name}: {described[name]}") for name in sheets if name in described]
    lines += [
        ("subtitle", "How to read the colours"),
        ("text", "The Status column shows each action's status as a word, coloured by its status: "
                 + "; ".join(f"{', '.join(repr(w) for w, s in words.items() if s is status)} in "
                             f"{colours[status]}" for status in Status if status in words.values())
                 + ". Choose a status from the drop-down and its colour follows; to change a colour, edit "
                   "its rule in Home > Conditional Formatting > Manage Rules."),
        ("subtitle", "How the figures are calculated"),
        ("text", "Counts come from the status of each action, never from formulas in the plan. "
                 + ROUNDING_RULE),
        ("subtitle", "Safe to send"),
        ("text", "No formulas, macros, external links or hidden sheets. Text that starts with =, +, - or @ is "
                 "kept as text."),
    ]
    return lines


def write_about(sheet: Worksheet, styles: Styles, lines: list[tuple[str, str]], *, title: str,
                version: str) -> None:
    """The About lines, one wrapped paragraph each, on one portrait page."""
    sheet.set_column(0, 0, ABOUT_WIDTH)
    row = 0
    for style, text in lines:
        if style == "subtitle":
            row += 1
        styles.text(sheet, row, 0, text, style)
        if style == "text":
            sheet.set_row(row, wrapped_height([(text, ABOUT_WIDTH)]))
        row += 1
    set_page(sheet, PageFit(A4, (ABOUT_WIDTH,), True), title=title, version=version, repeat_header=False,
             landscape=False, gridlines=False)
    sheet.set_print_scale(100)  # one column that fits the page: printed at full size, never fitted (LibreOffice enlarges)

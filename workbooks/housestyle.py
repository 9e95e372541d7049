"""Write a Priority Action Plan workbook the way officers keep it in Excel.

Used to build the example workbooks, the test workbooks and the benchmark plans. The
layout follows the real plan: a title row, a header row in rich text, the priority areas
merged across the columns, bold section rows, the header block repeated before groups of
actions, status shown only by the fill of the RA cell, and the Key at the bottom.
Options produce other councils' reasonable house styles (status as text, theme or
indexed colours, another column order, several sheets).
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.packaging.custom import DateTimeProperty
from openpyxl.styles import Alignment, Border, Color, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from paptools.write.workbook import row_height  # the same autofit estimate as the cleaned workbook

FONT = "Arial"
VERSION_DATE_PROPERTY = "Version date"
STATUS_WORDS = {
    "NYS": "Not yet started",
    "OT": "On track",
    "V": "Vulnerable",
    "AR": "At risk",
    "C": "Complete",
}
KEY_COLOURS = {"NYS": "FFFFFF", "OT": "00B050", "V": "FFC000", "AR": "FF0000", "C": "0070C0"}
KEY_TEXT = {
    "NYS": "The action is planned as part of expected delivery timescales but is not yet due and/or is dependent on preceding actions.",
    "OT": "The action has started, is on track for completion, and there are no issues raised requiring escalation.",
    "V": "Action looks unlikely to be achieved, or timescales met, as planned and this may have implications on improvements, so requires escalation.",
    "AR": "There is a risk that this action will not be completed, and escalation is required and a plan to mitigate risks must be implemented.",
    "C": "Action fully completed and intended impact/outcome is evident.",
}
FIELDS = ("ref", "action", "owner", "timescale", "success", "progress", "outcome", "evidence", "status")
HEADERS = {
    "ref": "Ref",
    "action": "Actions <i>(what we will do)</i>",
    "owner": "Owner",
    "timescale": "Timescale",
    "success": "Success criteria <i>(how we know it's achieved)</i>",
    "progress": "Progress <i>(what steps we have taken so far)</i>",
    "outcome": "Outcome/impact <i>(the difference this made)</i>",
    "evidence": "Evidence <i>(how we show this)</i>",
    "status": "RA",
}
WIDTHS = {"ref": 10, "action": 42, "owner": 18, "timescale": 16, "success": 36,
          "progress": 90, "outcome": 36, "evidence": 30, "status": 7}
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass
class Row:
    """One row of the plan as officers lay it out."""

    kind: str  # title, blank, header, areas, section, action, key
    text: str = ""
    other: str = ""  # the right-hand merged text of an "areas" row
    values: dict = field(default_factory=dict)  # for actions: field -> value
    status: str | None = None  # NYS, OT, V, AR, C for actions
    fill: object = None  # an explicit fill for the RA cell (RGB string or openpyxl Color)
    status_text: str | None = None  # words typed into the RA cell, when the style uses them


@dataclass
class Style:
    """A council's way of keeping the plan."""

    order: tuple[str, ...] = FIELDS
    status_as: str = "fill"  # fill, text or both
    colours: dict = field(default_factory=lambda: dict(KEY_COLOURS))
    key: bool = True
    header_title: bool = True
    sheet_title: str = "PAP"


def rich(markup: str, size: float = 10, bold: bool = False):
    """A cell value from the export's markup: <b>, <i>, <u>, <p> and <a> become real rich text."""
    markup = markup.replace("</p> <p>", "</p><p>")
    tokens = re.split(r"(<[^<>]+>)", markup)
    runs: list[tuple[str, dict]] = []
    state = {"b": bold, "i": False, "u": False}
    paragraphs = 0
    for token in tokens:
        if not token:
            continue
        tag = re.match(r"<(/?)(\w+)", token)
        if tag and token.startswith("<") and token.endswith(">"):
            closing, name = tag.group(1) == "/", tag.group(2).lower()
            if name in ("b", "strong"):
                state["b"] = bold if closing else True
            elif name in ("i", "em"):
                state["i"] = not closing
            elif name == "u":
                state["u"] = not closing
            elif name == "p" and not closing:
                if paragraphs:
                    runs.append(("\n", dict(state)))
                paragraphs += 1
            continue
        runs.append((html.unescape(token), dict(state)))
    runs = [(t, s) for t, s in runs if t]
    text = "".join(t for t, _ in runs)
    if not any(s["b"] != bold or s["i"] or s["u"] for _, s in runs):
        return text
    blocks = []
    for t, s in runs:
        font = InlineFont(rFont=FONT, sz=size, b=s["b"] or None, i=s["i"] or None, u="single" if s["u"] else None)
        blocks.append(TextBlock(font, t))
    return CellRichText(blocks)


def _fill(colour) -> PatternFill:
    if isinstance(colour, Color):
        return PatternFill(fill_type="solid", fgColor=colour)
    return PatternFill(fill_type="solid", fgColor=f"FF{colour}")


def write_workbook(path, sheets: list[tuple[str, list[Row]]] | list[Row], style: Style | None = None,
                   when: datetime | None = None, version_date: datetime | None = None) -> None:
    """Write the rows (or several named sheets of rows) as a plan workbook.

    `when` fixes the saved timestamps, so rebuilding the same plan gives the same file.
    `version_date` is the date the version speaks for, kept in the document properties
    (a custom "Version date" property) so a renamed copy still says when it is from.
    """
    style = style or Style()
    if sheets and isinstance(sheets[0], Row):
        sheets = [(style.sheet_title, sheets)]
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets:
        _write_sheet(workbook.create_sheet(title), rows, style)
    workbook.properties.creator = "SEND & Inclusion Improvement Programme"
    if when is not None:
        workbook.properties.created = workbook.properties.modified = when
    if version_date is not None:
        workbook.custom_doc_props.append(DateTimeProperty(name=VERSION_DATE_PROPERTY, value=version_date))
    workbook.save(path)
    if when is not None:
        _fix_timestamps(path, when)


def _fix_timestamps(path, when: datetime) -> None:
    """openpyxl stamps the time of saving; fixing it makes a rebuild byte-for-byte the same."""
    import zipfile

    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as source:
        parts = [(item, source.read(item)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item, data in parts:
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            fixed = zipfile.ZipInfo(item.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


def _write_sheet(ws, rows: Iterable[Row], style: Style) -> None:
    order = style.order
    last = get_column_letter(len(order))
    for index, name in enumerate(order, start=1):
        ws.column_dimensions[get_column_letter(index)].width = WIDTHS.get(name, 20)
    ws.sheet_view.zoomScale = 80
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    status_col = order.index("status") + 1 if "status" in order else None
    r = 0
    for row in rows:
        r += 1
        if row.kind == "blank":
            continue
        if row.kind == "title":
            ws.cell(r, 1, row.text).font = Font(name=FONT, size=14, bold=True)
            ws.merge_cells(f"A{r}:{last}{r}")
        elif row.kind == "header":
            for c, name in enumerate(order, start=1):
                cell = ws.cell(r, c, rich(row.values.get(name, HEADERS.get(name, name)), bold=True))
                cell.font = Font(name=FONT, size=10, bold=True)
                cell.fill = _fill("D9E1F2")
                cell.alignment = Alignment(wrap_text=True, vertical="center")
                cell.border = BORDER
            ws.row_dimensions[r].height = 27
        elif row.kind == "areas":
            split = max(2, len(order) - 3)
            ws.cell(r, 1, rich(row.text)).alignment = WRAP
            ws.merge_cells(f"A{r}:{get_column_letter(split)}{r}")
            if row.other:
                ws.cell(r, split + 1, rich(row.other)).alignment = WRAP
                ws.merge_cells(f"{get_column_letter(split + 1)}{r}:{get_column_letter(len(order) - 1)}{r}")
            ws.row_dimensions[r].height = 75
        elif row.kind == "section":
            cell = ws.cell(r, 1, row.text)
            cell.font = Font(name=FONT, size=11, bold=True)
            cell.fill = _fill("F2F2F2")
        elif row.kind == "action":
            _write_action(ws, r, row, order, status_col, style)
        elif row.kind == "key":
            r = _write_key(ws, r, style)
        else:
            raise ValueError(f"unknown row kind {row.kind}")


def _write_action(ws, r, row: Row, order, status_col, style: Style) -> None:
    ws.row_dimensions[r].height = row_height(
        (str(row.values.get(name) or ""), WIDTHS.get(name, 20)) for name in order
    )
    for c, name in enumerate(order, start=1):
        value = row.values.get(name)
        if name == "status":
            value = None
            if style.status_as in ("text", "both") and row.status:
                value = row.status_text or STATUS_WORDS[row.status]
            elif row.status_text:
                value = row.status_text
        if isinstance(value, str) and "<" in value:
            value = rich(value)
        cell = ws.cell(r, c, value)
        cell.font = Font(name=FONT, size=10, bold=(name == "ref"))
        cell.alignment = WRAP
        cell.border = BORDER
        if name == "timescale" and isinstance(value, datetime):
            cell.number_format = "mmm-yy"
    if status_col and style.status_as in ("fill", "both"):
        colour = row.fill if row.fill is not None else (
            style.colours.get(row.status) if row.status and row.status != "NYS" else None
        )
        if colour is not None:
            ws.cell(r, status_col).fill = _fill(colour)


def _write_key(ws, r: int, style: Style) -> int:
    ws.cell(r, 1, "Key").font = Font(name=FONT, size=11, bold=True)
    for code in ("NYS", "OT", "V", "AR", "C"):
        r += 2
        swatch = ws.cell(r, 1)
        swatch.fill = _fill(style.colours[code])
        swatch.border = BORDER
        ws.cell(r, 2, rich(f"<b>{STATUS_WORDS[code]}:</b> {KEY_TEXT[code]}")).alignment = WRAP
        ws.merge_cells(f"B{r}:{get_column_letter(min(6, len(style.order)))}{r}")
    return r

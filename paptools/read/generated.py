"""What marks a workbook paptools wrote, and the headers its Actions sheet is read back by.

write/workbook.py sets GENERATED_PROPERTY on the cleaned workbook and names the Actions
sheet's columns by OWN_HEADERS (write/xlsx_actions.py). An officer may reconcile next month's
plan against that workbook, so it must read back as the plan it was written from: its columns
are read by these headers alone, and a plan's own column kept beside them ("Milestone RAG",
"Previous RAG", its 'Status' as 'Status (in the plan)') stays an extra column, however much its
header looks like a field's. Refs that restart on each sheet are written with their sheet
("Health 1") and the sheet beside them, so all the plan's actions are on one sheet yet each is
still known by its own sheet and ref. Its version is the plan's too: the writer states the plan's
version date in VERSION_PROPERTY, read before any dated cell, since its Summary's "as of" date
(the day overdue was judged at, which --as-of moves) is no version date.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from paptools.read.style import HouseStyle

GENERATED_PROPERTY = "paptools"  # the custom document property set on the workbooks paptools writes
CLEANED = "cleaned workbook"  # its value on the cleaned workbook (a history workbook has another)
VERSION_PROPERTY = "Version date"  # the plan's version date on the cleaned workbook: yyyy-mm-dd, "" when none
GENERATED_SHEETS = {"Changes", "Warnings", "About"}  # its sheets that hold no actions
OWN_SHEET = "Actions"
OWN_HEADERS: dict[str, str] = {  # field -> the header of its column on the Actions sheet
    "ref": "Ref",
    "status": "Status",
    "action": "Action",
    "owner": "Owner",
    "latest_due": "Latest due",
    "progress": "Progress",
    "success_criteria": "Success criteria",
    "outcome": "Outcome/impact",
    "evidence": "Evidence",
    "timescale": "Timescale",
    "original_due": "Original due",
    "priority_area": "Priority area",
    "section": "Section",
    "ref_sheet": "Sheet",  # written only where each sheet numbers its actions afresh (Action.ref_sheet)
}


def own_ref(text: str, sheet: str) -> str:
    """A Ref cell's text without the sheet the Sheet cell beside it names: '1' of 'Health 1' (the
    ref as the plan wrote it, known by its sheet again by read/plan.py); an officer's added row
    may give the ref alone ('4')."""
    return text[len(sheet) + 1:] if sheet and text.startswith(f"{sheet} ") else text


def own_style(house: HouseStyle, properties: dict[str, str]) -> HouseStyle:
    """The house style to read a workbook with: for paptools' cleaned workbook (by its custom
    `properties`), when the user gave none, its header row and columns as the writer made them,
    every other column an extra one."""
    if properties.get(GENERATED_PROPERTY) != CLEANED or house.path is not None:
        return house
    return HouseStyle(header_rows={OWN_SHEET: 1}, columns={h: f for f, h in OWN_HEADERS.items()}, only_columns=True)


def own_version(properties: Mapping[str, str]) -> tuple[date | None, str | None] | None:
    """The version date of the plan a cleaned workbook (by its custom `properties`) was written
    from, and where it was read: (None, None) when that plan had none. None when the workbook
    states none (not ours, or written before VERSION_PROPERTY was), to be read as any other."""
    if properties.get(GENERATED_PROPERTY) != CLEANED or VERSION_PROPERTY not in properties:
        return None
    text = properties[VERSION_PROPERTY].strip()
    if not text:
        return None, None
    try:
        return date.fromisoformat(text), f"document property '{VERSION_PROPERTY}'"
    except ValueError:  # edited by hand into something else: read as any other workbook
        return None

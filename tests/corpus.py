"""A corpus of hostile and odd workbooks, built from one good small plan by editing its zip.

Each case is what a public corpus of real spreadsheets or a hostile user produced (issue 17):
an empty style attribute, escapes for characters no file may hold, control sequences, Strict
Open XML, other formats under an .xlsx name, a workbook without styles, whole-row formatting
by the Key, a huge styled-but-empty range, entity declarations. `build(folder)` writes them all;
tests/test_bad_input_corpus.py states the exact outcome of each.
"""
from __future__ import annotations

import re
import sys
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "workbooks"))

import housestyle  # noqa: E402
from housestyle import Row, Style  # noqa: E402

SHEET = "xl/worksheets/sheet1.xml"
TITLE_CELL = b'<c r="A1" s="1" t="inlineStr"><is><t>Priority Action Plan</t></is></c>'
STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    b"http://schemas.openxmlformats.org/drawingml/2006/main": b"http://purl.oclc.org/ooxml/drawingml/main",
}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def base(path: Path) -> Path:
    """The good plan every case starts from: three actions (On track, Complete, At risk) and a Key."""
    rows = [Row("title", "Priority Action Plan"), Row("header"), Row("section", "PAP 1"),
            _action("PAP 1.1", "OT", "Nov 23: started."), _action("PAP 1.2", "C"), _action("PAP 1.3", "AR"),
            Row("blank"), Row("key")]
    housestyle.write_workbook(path, rows, Style(), when=datetime(2025, 1, 15))
    return path


def _action(ref: str, status: str, progress: str = "") -> Row:
    return Row("action", status=status, values={
        "ref": ref, "action": f"Action {ref}", "owner": "Amber Burton", "timescale": "Sep-24",
        "success": "Success criteria", "progress": progress, "outcome": "Outcome", "evidence": "Evidence"})


def edited(source: Path, target: Path, changes: dict[str, Callable[[bytes], bytes | None]],
           added: dict[str, bytes] | None = None) -> Path:
    """A copy of `source` with parts changed (a change returning None drops the part) or added."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item)
            change = changes.get(item.filename) or changes.get("*")
            result = change(data) if change else data
            if result is not None:
                copy.writestr(item.filename, result)
        for name, data in (added or {}).items():
            copy.writestr(name, data)
    return target


def _cell_text(text: bytes) -> Callable[[bytes], bytes]:
    return lambda xml: xml.replace(TITLE_CELL, TITLE_CELL.replace(b"Priority Action Plan", text))


def _strict(xml: bytes) -> bytes:
    for old, new in STRICT.items():
        xml = xml.replace(old, new)
    return xml


def _huge_styled_empty(xml: bytes) -> bytes:
    """20,000 rows of 26 styled, empty cells below the plan (formatting dragged down a whole sheet)."""
    rows = "".join(f'<row r="{n}" s="1" customFormat="1">'
                   + "".join(f'<c r="{chr(65 + i)}{n}" s="1"/>' for i in range(26)) + "</row>"
                   for n in range(100, 20_100))
    return xml.replace(b"</sheetData>", rows.encode() + b"</sheetData>")


def _grey_key(path: Path) -> Path:
    """Whole-row grey formatting on the Key's rows: every cell but the colour swatches grey, out to column 60."""
    import openpyxl
    from openpyxl.styles import PatternFill

    book = openpyxl.load_workbook(path)
    sheet = book.active
    key = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Key")
    for row in range(key, sheet.max_row + 1):
        for column in range(1, 61):
            cell = sheet.cell(row, column)
            if cell.value is not None or cell.fill.fill_type is None:  # the swatches keep their colour
                cell.fill = PatternFill("solid", fgColor="FFD9D9D9")
    book.save(path)
    return path


def build(folder: Path) -> dict[str, Path]:
    """Write every case into `folder`; name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    good = base(folder / "good.xlsx")
    cases: dict[str, Path] = {"good": good}

    def case(name: str, changes: dict[str, Callable[[bytes], bytes | None]], file_name: str | None = None,
             added: dict[str, bytes] | None = None) -> None:
        cases[name] = edited(good, folder / (file_name or f"{name}.xlsx"), changes, added)

    case("empty-style", {SHEET: lambda xml: xml.replace(b'<c r="A1" s="1"', b'<c r="A1" s=""', 1)})
    case("missing-style", {SHEET: lambda xml: xml.replace(b'<c r="A1" s="1"', b'<c r="A1" s="999"', 1)})
    case("empty-shared-string", {SHEET: lambda xml: xml.replace(
        TITLE_CELL, TITLE_CELL + b'<c r="J1" t="s"><v></v></c><c r="K1" t="s"/><c r="L1" t="s"><v>7</v></c>')})
    case("lone-surrogate", {SHEET: _cell_text(b"Priority Action Plan _xD800_ (draft)")})
    case("control-characters", {SHEET: _cell_text(b"Priority Action Plan _x001B_]0;owned_x0007_ done")})
    case("escaped-underscore", {SHEET: _cell_text(b"Plan _x005F_x0041_ and \xe2\x80\x8d joined")})
    case("strict", {"*": _strict})
    case("no-styles", {"xl/styles.xml": lambda xml: None,
                       "xl/_rels/workbook.xml.rels": lambda xml: re.sub(rb"<Relationship [^>]*styles\.xml\"/>",
                                                                        b"", xml)})
    case("huge-styled-empty", {SHEET: _huge_styled_empty})
    case("print-area", {"xl/workbook.xml": lambda xml: xml.replace(
        b"</workbook>", b"<definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">"
                        b"'PAP'!$A:$I</definedName></definedNames></workbook>")
        if b"<definedNames>" not in xml else xml})
    case("doctype", {SHEET: lambda xml: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + xml})
    case("dash-name", {}, file_name="-plan.xlsx")
    cases["grey-key"] = _grey_key(edited(good, folder / "grey-key.xlsx", {}))
    cases["non-utf8-name"] = Path(_copy(good, folder, b"plan-\xff.xlsx"))
    # Other formats under a spreadsheet's name, recognised from their bytes.
    cases["xls"] = _write(folder / "old.xlsx", OLE2 + b"\0" * 2048 + "Workbook".encode("utf-16-le"))
    cases["encrypted"] = _write(folder / "locked.xlsx", OLE2 + b"\0" * 2048 + "EncryptionInfo".encode("utf-16-le")
                                + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le"))
    cases["xlsb"] = _zip(folder / "binary.xlsx", {"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\x83\x01"})
    cases["ods"] = _zip(folder / "calc.xlsx", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                               "content.xml": b"<office:document-content/>"})
    cases["csv"] = _write(folder / "export.xlsx", b"Ref,Action,Owner\nPAP 1.1,Create board,AB\n")
    cases["html"] = _write(folder / "report.xls", b"<html><body><table><tr><td>Ref</td></tr></table></body></html>")
    return cases


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _copy(source: Path, folder: Path, name: bytes) -> bytes:
    """A copy under a name that is not UTF-8 (bytes, as another system may have made it)."""
    import os

    target = os.path.join(os.fsencode(folder), name)
    with open(target, "wb") as handle:
        handle.write(source.read_bytes())
    return os.fsdecode(target).encode("utf-8", "surrogateescape").decode("utf-8", "surrogateescape")

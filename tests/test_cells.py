"""The .xlsx layer on its own: properties, names, drop-down lists, conditional formats, cell records."""
from __future__ import annotations

import re
import zipfile
from datetime import datetime

import openpyxl
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from paptools.read.cells import open_book
from paptools.read.rules import ConditionalFormat, Validation
from paptools.read.text import decode_escapes


def build(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PAP"
    lists = book.create_sheet("Lists")
    for row, word in enumerate(["Complete", "On track", "At risk"], start=1):
        lists.cell(row, 1, word)
    lists["B1"] = 2
    sheet["A1"], sheet["B1"] = "Ref", "RA"
    quoted = DataValidation(type="list", formula1='"Blue,Green,Amber,Red"')
    quoted.add("B2:B50")
    ranged = DataValidation(type="list", formula1="Lists!$A$1:$A$3")
    ranged.add("C2:C50")
    ranged.add("E2:E5")
    named = DataValidation(type="list", formula1="Statuses")
    named.add("D2:D50")
    whole = DataValidation(type="whole", operator="between", formula1="1", formula2="9")
    whole.add("F2")
    for rule in (quoted, ranged, named, whole):
        sheet.add_data_validation(rule)
    book.defined_names["Statuses"] = DefinedName("Statuses", attr_text="'Lists'!$A$1:$A$2")
    sheet.conditional_formatting.add(
        "B2:B50", CellIsRule(operator="equal", formula=['"Complete"'], fill=PatternFill(bgColor="FF0070C0")))
    sheet.conditional_formatting.add(
        "A2:A50", FormulaRule(formula=['$B2="At risk"'], fill=PatternFill(bgColor="FFFF0000"), stopIfTrue=True))
    book.properties.title = "SEND Priority Action Plan"
    book.properties.subject = "Board, January"
    book.properties.creator = "Jane Officer"
    book.properties.lastModifiedBy = "Amber Burton"
    book.properties.created = datetime(2024, 6, 3, 9, 30)
    book.save(path)
    # openpyxl stamps the save time as "modified": put the version's own date back, as Excel would have it.
    rewrite(path, "docProps/core.xml",
            lambda xml: re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-15T16:05:00Z", xml))


def rewrite(path, part, change):
    """Edit one part of a saved workbook in place (the zip rewritten whole)."""
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for item, data in items:
            target.writestr(item, change(data) if item.filename == part else data)


def test_properties_names_validations_and_conditional_formats(tmp_path):
    path = tmp_path / "plan.xlsx"
    build(path)
    book = open_book(path)
    try:
        properties = book.properties
        assert (properties.title, properties.subject, properties.creator, properties.last_modified_by) == (
            "SEND Priority Action Plan", "Board, January", "Jane Officer", "Amber Burton")
        assert properties.created.replace(tzinfo=None) == datetime(2024, 6, 3, 9, 30)
        assert properties.modified.replace(tzinfo=None) == datetime(2025, 1, 15, 16, 5)
        assert book.title == "SEND Priority Action Plan"
        assert book.defined_names == {"Statuses": "'Lists'!$A$1:$A$2"}
        sheet = book.sheets[0]
        assert book.validations(sheet) == [
            Validation(("B2:B50",), "list", '"Blue,Green,Amber,Red"', ("Blue", "Green", "Amber", "Red")),
            Validation(("C2:C50", "E2:E5"), "list", "Lists!$A$1:$A$3", ("Complete", "On track", "At risk")),
            Validation(("D2:D50",), "list", "Statuses", ("Complete", "On track")),
            Validation(("F2",), "whole", "1", ()),
        ]
        assert book.validations(sheet)[1].covers("E4") and not book.validations(sheet)[1].covers("D4")
        assert book.conditional_formats(sheet) == [
            ConditionalFormat(("B2:B50",), "cellIs", "equal", ('"Complete"',), None, "0070C0", 1, False),
            ConditionalFormat(("A2:A50",), "expression", None, ('$B2="At risk"',), None, "FF0000", 2, True),
        ]
    finally:
        book.close()


def test_cells_are_plain_records_with_their_fill_and_number_format(tmp_path):
    path = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = 1.1
    sheet["A1"].number_format = "0.00"
    sheet["B1"] = "On track"
    sheet["B1"].fill = PatternFill("solid", fgColor="FF00B050")
    sheet["C1"] = datetime(2025, 1, 31)
    sheet["C1"].number_format = "mmm-yy"
    sheet["D1"].fill = PatternFill("solid", fgColor="FFFFC000")  # filled, no text: kept for its colour
    sheet["E1"].number_format = "0.00"  # styled, empty, unfilled: nothing to hand out
    sheet["F1"] = "last"
    book.save(path)
    opened = open_book(path)
    try:
        [(number, hidden, cells)] = list(opened.rows(opened.sheets[0]))
        assert (number, hidden) == (1, False)
        assert [(c.coordinate, c.value, c.fill, c.number_format) for c in cells] == [
            ("A1", 1.1, None, "0.00"), ("B1", "On track", "00B050", "General"),
            ("C1", datetime(2025, 1, 31), None, "mmm-yy"), ("D1", None, "FFC000", "General"),
            ("E1", None, None, "General"), ("F1", "last", None, "General"),
        ]
    finally:
        opened.close()


def test_excel_escapes_are_decoded_once():
    assert decode_escapes("a_x000D_b") == ("a\rb", False)
    assert decode_escapes("_x005F_x0041_") == ("_x0041_", False)  # a literal "_x0041_" typed in Excel
    assert decode_escapes("_xD83D__xDE00_") == ("\U0001F600", False)  # an escaped surrogate pair
    assert decode_escapes("x_xD800_y") == ("x\ufffdy", True)


def test_a_list_from_a_whole_column_and_an_x14_list_on_another_sheet(tmp_path):
    path = tmp_path / "plan.xlsx"
    build(path)
    x14 = ('<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
           'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
           '<x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" count="1">'
           '<x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lists!$B:$B</xm:f></x14:formula1>'
           '<xm:sqref>G2:G9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>')
    rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</worksheet>", x14.encode()))
    book = open_book(path)
    try:
        assert book.validations(book.sheets[0])[-1] == Validation(("G2:G9",), "list", "Lists!$B:$B", ("2",))
    finally:
        book.close()


def test_cells_out_of_order_are_placed_by_column_and_a_missing_style_is_reported_per_cell(tmp_path):
    path = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (1, 2, 3):
        sheet.cell(row, 1, f"a{row}")
        sheet.cell(row, 2, f"b{row}")
        sheet.cell(row, 2).fill = PatternFill("solid", fgColor="FF00B050")
    book.save(path)

    def damage(xml: bytes) -> bytes:
        xml = re.sub(rb'(<c r="A2"[^>]*>.*?</c>)(<c r="B2"[^>]*>.*?</c>)', rb"\2\1", xml)  # B2 written before A2
        return re.sub(rb'<c r="A3"( s="\d+")?', b'<c r="A3" s="99"', xml)  # a style the workbook lacks

    rewrite(path, "xl/worksheets/sheet1.xml", damage)
    opened = open_book(path)
    try:
        rows = [[(c.coordinate, c.value, c.fill) for c in cells] for _, _, cells in opened.rows(opened.sheets[0])]
        assert rows == [[("A1", "a1", None), ("B1", "b1", "00B050")], [("A2", "a2", None), ("B2", "b2", "00B050")],
                        [("A3", "a3", None), ("B3", "b3", "00B050")]]
        assert [(w.cell, w.message) for w in opened.warnings] == [
            ("A3", "cell names a style the workbook does not have; read without its fill or number format")]
    finally:
        opened.close()


def test_inline_text_plain_rich_and_with_phonetic_guides(tmp_path):
    path = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    for column in "ABCD":
        book.active[f"{column}1"] = "x"
    book.save(path)
    inline = {"A": b"<is><t>plain</t></is>", "B": b"<is><r><t>Actions </t></r><r><t>(what)</t></r></is>",
              "C": b"<is><t>\xe6\x9d\xb1</t><rPh sb=\"0\" eb=\"1\"><t>\xe3\x81\xb2</t></rPh></is>",
              "D": b"<is><t>_x0041_ and _x005F_x0041_</t></is>"}
    rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: re.sub(
        rb'<c r="([A-D])1"[^>]*>.*?</c>',
        lambda m: b'<c r="' + m.group(1) + b'1" t="inlineStr">' + inline[m.group(1).decode()] + b"</c>", xml))
    opened = open_book(path)
    try:
        [(_, _, cells)] = list(opened.rows(opened.sheets[0]))
        assert [c.value for c in cells] == ["plain", "Actions (what)", "\u6771", "A and _x0041_"]
    finally:
        opened.close()

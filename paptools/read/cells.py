"""The .xlsx file itself: the only module that opens workbooks and hands out their cells.

The package parts (workbook, relationships, styles, theme, shared strings, properties) are
parsed with lxml by read/package.py and read/styles.py; each sheet is then streamed, so
memory stays flat however large the plan. One pass gives plain cell records (value as Excel
shows it, resolved fill RGB, number format, formula, error), each row's hidden flag and, at
the end of the sheet, its merged ranges, validation lists and conditional formats. Nothing
calls back into a library's workbook object. Anything odd in the file itself (a lone
surrogate, a style or shared string that does not exist, no styles part) becomes a
DataWarning in `Book.warnings`.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import etree

from paptools.errors import NotAWorkbook, PapError, UnsafeWorkbook
from paptools.model import DataWarning
from paptools.read.inputs import MAX_CELL_TEXT, MAX_CELLS, check_workbook
from paptools.read.package import Package, Properties, struck_runs
from paptools.read.rules import (
    X14,
    ConditionalFormat,
    RawRule,
    Validation,
    bounds,
    list_values,
    read_conditional_formats,
    read_validations,
)
from paptools.read.styles import (
    MAC_EPOCH,
    PLAIN,
    WINDOWS_EPOCH,
    CellLook,
    Percent,
    Styles,
    from_excel,
    iso_date,
    number_value,
    shown,
)
from paptools.read.text import decode_escapes
from paptools.read.xcell import XCell, column_index, column_letter

_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_COLUMNS: dict[str, int] = {}
_SURROGATE_WARNING = ("cell holds a character that cannot exist on its own (an unpaired surrogate); "
                      "shown as \ufffd")
_STYLE_WARNING = "cell names a style the workbook does not have; read without its fill or number format"


@dataclass
class Sheet:
    title: str
    state: str
    path: str
    rels_path: str
    hidden_columns: set[int] = field(default_factory=set)
    merges: list[str] = field(default_factory=list)  # filled in once the sheet is streamed
    max_row: int = 0
    max_column: int = 0  # the widest column holding a value, once streamed
    streamed: bool = False
    validation_items: list[tuple[tuple[str, ...], str, str | None]] = field(default_factory=list)
    rule_items: list[RawRule] = field(default_factory=list)


class Book:
    """An opened workbook: parts parsed once, cells streamed on demand as plain records."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.package = Package(path)
        self.warnings: list[DataWarning] = []
        self._warned: set[tuple[str, str, str]] = set()
        self._filled = 0  # cells holding a value in the sheet being streamed
        try:
            self._load()
        except BaseException:
            self.package.close()
            raise

    def _load(self) -> None:
        package = self.package
        main = self.main = package.main
        self.properties: Properties = package.properties()
        self.title = self.properties.title
        self.custom_values: dict[str, str] = package.custom_properties()
        self.custom_properties = set(self.custom_values)
        self.epoch = MAC_EPOCH if package.date1904() else WINDOWS_EPOCH
        styles_part = package.related(package.workbook_part, "styles")
        theme_part = package.related(package.workbook_part, "theme")
        self.styles = Styles(package.xml(styles_part) if styles_part else None,
                             package.xml(theme_part) if theme_part else None, main)
        if not self.styles.present:
            self.warnings.append(DataWarning(
                None, None, "the workbook has no styles part (it was not saved by Excel), so no cell has a fill "
                            "colour: every status shown only by colour reads as Not yet started; open and save it in "
                            "Excel, then run again"))
        self.sheets = [Sheet(entry.title, entry.state, entry.path, _rels_path(entry.path))
                       for entry in package.sheets()]
        self._looks: dict[str | None, tuple[CellLook, int]] = {}  # a cell's s="..." -> its resolved look
        # The shared strings, and the numbers of those holding a lone surrogate (read as U+FFFD).
        self.shared_strings, self._bad_strings, self.struck = package.shared_strings()
        self._tags = {name: main + name for name in ("row", "c", "v", "f", "is", "t", "r", "rPh", "mergeCell",
                                                       "col", "dimension", "si", "dataValidation",
                                                       "conditionalFormatting")}

    def close(self) -> None:
        self.package.close()

    # -- styles (kept for callers that hold a style index) ---------------------------------
    def number_format(self, style: int) -> str:
        look = self.styles.look(style)
        return look.number_format if look is not None else "General"

    def fill(self, style: int) -> tuple[str | None, str | None]:
        """(RGB or None for no fill, a message if the fill had to be simplified)."""
        look = self.styles.look(style)
        return (look.fill, look.fill_note) if look is not None else (None, None)

    # -- workbook-level parts ----------------------------------------------------------------
    @cached_property
    def defined_names(self) -> dict[str, str]:
        """Workbook names -> the reference or formula they stand for ('Sheet!Name' if local to a sheet)."""
        return self.package.defined_names()

    def comments(self, sheet: Sheet) -> dict[str, str]:
        """The sheet's cell comments (and threaded comments' plain text) by coordinate."""
        return self.package.comments(sheet.path)

    # -- validations and conditional formats ---------------------------------------------------
    def validations(self, sheet: Sheet) -> list[Validation]:
        """The sheet's data validations; a list's allowed values resolved (quoted list, range, name)."""
        self._scan(sheet)
        found = []
        for ranges, kind, formula in sheet.validation_items:
            values = list_values(formula, self.defined_names, sheet.title, self._range_values) if kind == "list" else ()
            found.append(Validation(ranges, kind, formula, values))
        return found

    def conditional_formats(self, sheet: Sheet) -> list[ConditionalFormat]:
        """The sheet's conditional-formatting rules with the fill each paints, highest priority first."""
        self._scan(sheet)
        rules = []
        for raw in sheet.rule_items:
            if raw.inline_fill is not None:
                fill = self.styles.differential_fill(raw.inline_fill)
            else:
                fill = self.styles.dxf_fill(raw.dxf) if raw.dxf is not None else None
            rules.append(ConditionalFormat(raw.ranges, raw.kind, raw.operator, raw.formulas, raw.text, fill,
                                           raw.priority, raw.stop_if_true))
        return sorted(rules, key=lambda rule: rule.priority)

    def _scan(self, sheet: Sheet) -> None:
        """Read the sheet once if it has not been streamed yet (its rules come at its end)."""
        if not sheet.streamed:
            for _ in self.rows(sheet, max_columns=0):
                pass

    def _range_values(self, title: str, ref: str) -> list[str]:
        """The shown values of a range on a sheet, row by row (blank cells left out)."""
        sheet = next((s for s in self.sheets if s.title.lower() == title.lower()), None)
        if sheet is None:
            return []
        c1, r1, c2, r2 = bounds(ref)
        values: list[str] = []
        for number, _, cells in self.rows(sheet, max_columns=min(c2, 16_384), record=False):
            if number > r2:
                break
            if number >= r1:
                values += [shown(cell.value) for cell in cells[c1 - 1:] if cell.value not in (None, "")]
        return values

    # -- the stream ----------------------------------------------------------------------
    def rows(self, sheet: Sheet, max_columns: int = 200, progress: Callable[[int], None] | None = None,
             *, record: bool = True) -> Iterator[tuple[int, bool, list[XCell]]]:
        """Each row holding a value: (row number, hidden, cells by column from 1 to the widest).

        Rows of styled but empty cells are passed over without building their cells.
        """
        tags = self._tags
        row_tag, value_tags = tags["row"], (tags["v"], tags["is"], tags["f"])
        wanted = (row_tag, tags["mergeCell"], tags["col"], tags["dimension"], tags["dataValidation"],
                  tags["conditionalFormatting"], X14 + "dataValidation", X14 + "conditionalFormatting")
        if record:
            sheet.merges.clear()
            sheet.validation_items.clear()
            sheet.rule_items.clear()
        next_row, self._filled = 1, 0
        for element in self.package.stream(sheet.path, wanted):
            tag = element.tag
            if tag == row_tag:
                number = _int(element.get("r")) or next_row
                next_row = number + 1
                hidden = element.get("hidden") in ("1", "true")
                holds_values = next(element.iter(*value_tags), None) is not None
                cells = self._cells(sheet, element, number, max_columns) if holds_values else []
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
                if progress and number % 500 == 0:
                    progress(number)
                if cells:
                    yield number, hidden, cells
            elif not record:
                continue
            elif tag == tags["mergeCell"]:
                if element.get("ref"):
                    sheet.merges.append(element.get("ref") or "")
            elif tag == tags["col"]:
                if element.get("hidden") in ("1", "true"):
                    first, last = _int(element.get("min")) or 0, _int(element.get("max")) or 0
                    sheet.hidden_columns.update(range(first, min(last, 16_384) + 1))
            elif tag == tags["dimension"]:
                found = _CELL_REF.findall(element.get("ref") or "")
                if found:
                    sheet.max_row = int(found[-1][1])
            elif tag in (tags["dataValidation"], X14 + "dataValidation"):
                sheet.validation_items += read_validations(element, self.main)
            else:
                sheet.rule_items += read_conditional_formats(element, self.main)
        if record:
            sheet.streamed = True

    def _cells(self, sheet: Sheet, row: etree._Element, number: int, max_columns: int) -> list[XCell]:
        tags = self._tags
        c_tag, v_tag, f_tag, is_tag, t_tag = tags["c"], tags["v"], tags["f"], tags["is"], tags["t"]
        epoch, looks = self.epoch, self._looks
        found: list[XCell] = []
        column = widest = 0
        ordered = True  # every cell so far in its own column, from A on
        columns = _COLUMNS
        for c in row.iterchildren(c_tag):
            get = c.get
            reference = get("r")
            letters = reference.rstrip("0123456789") if reference else ""
            previous = column
            if letters:
                column = columns.get(letters) or columns.setdefault(letters, column_index(letters))
            if not letters or column < 1:  # no reference, or a damaged one: the next column
                column = previous + 1
            raw = formula = holder = None
            for child in c:
                tag = child.tag
                if tag == v_tag:
                    raw = child.text
                elif tag == f_tag:
                    formula = "=" + (child.text or "")
                elif tag == is_tag:
                    holder = child
            if column > max_columns:
                if raw is not None or formula is not None or holder is not None:
                    sheet.max_column = max(sheet.max_column, column)
                continue
            style_text = get("s")
            known = looks.get(style_text)
            look, style = known if known is not None else self._look(sheet, column, number, style_text)
            kind = get("t", "n")
            value: object = None
            error = False
            if kind == "s":
                value = self._shared(sheet, column, number, raw)
            elif kind == "inlineStr":
                if holder is not None:
                    first = holder[0] if len(holder) == 1 else None
                    if first is not None and first.tag == t_tag and not len(first):  # <is><t>text</t></is>
                        text = first.text or ""
                    else:  # rich text: every run's text, phonetic guides left out
                        text = "".join(t.text or "" for t in holder.iter(t_tag) if t.getparent().tag != tags["rPh"])
                        if crossed := struck_runs(holder, self.main):
                            self.struck[text] = crossed
                    value = self._decoded(sheet, column, number, text) if "_x" in text else text
            elif kind == "str":
                value = self._decoded(sheet, column, number, raw) if raw is not None else None
            elif kind == "b":
                value = raw in ("1", "true") if raw is not None else None
            elif kind == "e":
                value, error = raw, True
            elif kind == "d":
                value = iso_date(raw)
            elif raw:
                value = number_value(raw)
                if look.is_date and isinstance(value, (int, float)):
                    value = from_excel(value, epoch)
                elif look.percent is not None and isinstance(value, (int, float)):
                    value = Percent(value, look.percent)
            if value is None:
                if formula is None and look.fill is None:
                    continue  # styled but empty and unfilled: nothing for the reader
            else:
                if column > sheet.max_column:
                    sheet.max_column = column
                self._filled += 1
                if self._filled > MAX_CELLS:
                    raise UnsafeWorkbook(self.path, f"sheet {sheet.title} holds more than {MAX_CELLS:,} filled "
                                                    "cells, far more than any plan: refused for safety")
                if isinstance(value, str) and len(value) > MAX_CELL_TEXT:
                    raise UnsafeWorkbook(self.path, f"cell {sheet.title}!{column_letter(column)}{number} holds "
                                              f"{len(value):,} characters, more than the {MAX_CELL_TEXT:,} paptools "
                                              "accepts (Excel itself stops at 32,767): refused for safety")
            ordered = ordered and column == len(found) + 1
            found.append(XCell(number, column, value, style, formula, error, look))
            if column > widest:
                widest = column
        if ordered:  # every column from A on: nothing to place or fill in
            return found
        cells: list[XCell | None] = [None] * widest
        for cell in found:
            cells[cell.column - 1] = cell
        return [cell if cell is not None else XCell(number, index + 1) for index, cell in enumerate(cells)]

    def _look(self, sheet: Sheet, column: int, number: int, style_text: str | None) -> tuple[CellLook, int]:
        """A style's (look, index) the first time it is met, remembered by its text; a bad one is warned about."""
        style = int(style_text) if style_text and style_text.isdigit() else 0
        look = self.styles.look(style)
        if look is None or (style_text and not style_text.isdigit()):
            if self.styles.present:  # without a styles part, one warning about the workbook says it all
                self._warn(sheet, column, number, _STYLE_WARNING)
            return PLAIN, style
        self._looks[style_text] = look, style
        return look, style

    def _shared(self, sheet: Sheet, column: int, number: int, raw: str | None) -> str | None:
        """A shared-string cell's text; an empty one is blank, a missing one is reported."""
        if raw is None or not raw.strip():
            return None
        index = _int(raw)
        if index is None or not 0 <= index < len(self.shared_strings):
            self._warn(sheet, column, number, f"cell refers to shared text number {raw.strip()}, which the file "
                                              "does not hold (the file is damaged); read as blank")
            return None
        if index in self._bad_strings:
            self._warn(sheet, column, number, _SURROGATE_WARNING)
        return self.shared_strings[index]

    def _decoded(self, sheet: Sheet, column: int, number: int, text: str) -> str:
        decoded, replaced = decode_escapes(text)
        if replaced:
            self._warn(sheet, column, number, _SURROGATE_WARNING)
        return decoded

    def _warn(self, sheet: Sheet, column: int, number: int, message: str) -> None:
        key = (sheet.title, f"{column_letter(column)}{number}", message)
        if key not in self._warned:
            self._warned.add(key)
            self.warnings.append(DataWarning(*key))


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def _rels_path(target: str) -> str:
    folder, _, name = target.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def open_book(path: Path) -> Book:
    """The workbook at `path`, checked first; any failure to open it is one NotAWorkbook error."""
    check_workbook(path)
    try:
        return Book(path)
    except PapError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError, EOFError, NotImplementedError,
            zlib.error) as error:
        raise NotAWorkbook(
            path, f"could not be read as a workbook ({type(error).__name__}): open it in Excel, save it again as "
                  ".xlsx, and retry",
        ) from None

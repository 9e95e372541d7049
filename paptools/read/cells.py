"""The .xlsx file itself: the only module that opens workbooks and parses their XML.

openpyxl reads the workbook's structure, styles, theme and properties (read-only mode, so no
sheet is loaded whole); the sheets and the shared strings are then streamed with lxml, which
is several times faster than building openpyxl's cell objects and keeps memory flat however
large the plan. One pass gives each cell's value, style and formula, each row's hidden flag,
and, at the end of the sheet, its merged ranges. XML with a DOCTYPE or entity declarations
is refused (Excel never writes them), and no entity is ever expanded.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from paptools.errors import NotAWorkbook, UnsafeWorkbook
from paptools.read.inputs import MAX_CELL_TEXT, causes, check_workbook
from paptools.read.statuses import apply_tint, normalise_rgb

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _C, _V, _F, _IS, _T, _R, _RPH = (NS + t for t in ("row", "c", "v", "f", "is", "t", "r", "rPh"))
_MERGE, _COL, _DIMENSION, _SI = (NS + t for t in ("mergeCell", "col", "dimension", "si"))
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)")
# Office 2013+ default theme, in Excel's theme-index order (lt1, dk1, lt2, dk2, accents, links).
_DEFAULT_THEME = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31",
                  "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72"]
_THEME_ORDER = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink"]
_LETTERS: dict[int, str] = {}
_COLUMNS: dict[str, int] = {}


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA (cached: every cell's coordinate needs one)."""
    letters = _LETTERS.get(index)
    if letters is None:
        n, letters = index, ""
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(65 + rest) + letters
        _LETTERS[index] = letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


class XCell:
    """One cell as streamed: its value (as Excel shows it), style, and formula if any."""

    __slots__ = ("column", "error", "formula", "row", "style", "value")

    def __init__(self, row: int, column: int, value=None, style: int = 0, formula: str | None = None,
                 error: bool = False):
        self.row, self.column, self.value, self.style = row, column, value, style
        self.formula, self.error = formula, error

    @property
    def coordinate(self) -> str:
        return f"{column_letter(self.column)}{self.row}"


@dataclass
class Sheet:
    title: str
    state: str
    path: str
    rels_path: str
    hidden_columns: set[int] = field(default_factory=set)
    merges: list[str] = field(default_factory=list)  # filled in once the sheet is streamed
    max_row: int = 0
    max_column: int = 0


class Book:
    """An opened workbook: metadata from openpyxl, cells streamed on demand."""

    def __init__(self, path: Path):
        self.path = path
        self._reader = _open(path)
        self._archive = self._reader.archive
        workbook = self._reader.wb
        self.title = workbook.properties.title
        props = getattr(workbook, "custom_doc_props", None)
        self.custom_properties = set(getattr(props, "names", []) or [])
        self.epoch = workbook.epoch
        self.theme = _theme_colours(getattr(workbook, "loaded_theme", None))
        self.palette = list(getattr(workbook, "_colors", None) or [])
        self._styles = list(workbook._cell_styles)
        self._fills = list(workbook._fills)
        self._formats = list(workbook._number_formats)
        self._date_styles = set(getattr(workbook, "_date_formats", ()) or ())
        self._fill_cache: dict[int, tuple[str | None, str | None]] = {}
        self.sheets = [
            Sheet(ws.title, ws.sheet_state, ws._worksheet_path, _rels_path(ws._worksheet_path))
            for ws in workbook.worksheets if hasattr(ws, "_worksheet_path")
        ]
        self.shared_strings = self._shared_strings()

    def close(self) -> None:
        self._archive.close()

    # -- styles ------------------------------------------------------------------------
    def number_format(self, style: int) -> str:
        from openpyxl.styles.numbers import BUILTIN_FORMATS

        if not 0 <= style < len(self._styles):
            return "General"
        number = self._styles[style].numFmtId
        if number in BUILTIN_FORMATS:
            return BUILTIN_FORMATS[number]
        index = number - 164
        return self._formats[index] if 0 <= index < len(self._formats) else "General"

    def fill(self, style: int) -> tuple[str | None, str | None]:
        """(RGB or None for no fill, a message if the fill had to be simplified)."""
        cached = self._fill_cache.get(style)
        if cached is None:
            fill = None
            if 0 <= style < len(self._styles):
                fill_id = self._styles[style].fillId
                fill = self._fills[fill_id] if 0 <= fill_id < len(self._fills) else None
            cached = self._fill_cache[style] = self._resolve_fill(fill)
        return cached

    def _resolve_fill(self, fill) -> tuple[str | None, str | None]:
        if fill is None:
            return None, None
        if type(fill).__name__ == "GradientFill":
            stops = list(getattr(fill, "stop", None) or [])
            if not stops:
                return None, None
            return self.rgb(stops[0].color), "the cell has a gradient fill; its first colour is used"
        if fill.fill_type in (None, "none"):
            return None, None
        return self.rgb(fill.fgColor), None

    def rgb(self, colour) -> str | None:
        """An openpyxl colour (plain, theme with tint, or indexed palette) as RGB."""
        if colour is None:
            return None
        kind = getattr(colour, "type", None)
        if kind == "rgb":
            return normalise_rgb(colour.rgb)
        if kind == "theme":
            index = colour.theme
            if not isinstance(index, int) or not 0 <= index < len(self.theme):
                return None
            return apply_tint(self.theme[index], float(colour.tint or 0))
        if kind == "indexed":
            index = colour.indexed
            if not isinstance(index, int) or index >= 64 or index >= len(self.palette):
                return None  # 64 and 65 are the system's own foreground and background
            return normalise_rgb(self.palette[index])
        return None

    # -- parts ---------------------------------------------------------------------------
    def _open_part(self, name: str):
        """A part of the package, refused if its XML declares a DTD or entities."""
        with self._archive.open(name) as handle:
            head = handle.read(65536)
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise UnsafeWorkbook(self.path, "contains XML entity declarations, which Excel never writes: refused for safety")
        return self._archive.open(name)

    def _parse(self, name: str, tags):
        from lxml import etree

        source = self._open_part(name)
        try:
            yield from etree.iterparse(source, events=("end",), tag=tags, resolve_entities=False,
                                       no_network=True, load_dtd=False, huge_tree=True, remove_comments=True)
        except etree.XMLSyntaxError:
            raise NotAWorkbook(self.path, f"has a damaged part ({name}): open it in Excel, save it again as .xlsx, "
                                          "and retry") from None
        finally:
            source.close()

    def _shared_strings(self) -> list[str]:
        names = set(self._archive.namelist())
        target = next((n for n in ("xl/sharedStrings.xml", "xl/SharedStrings.xml") if n in names), None)
        strings: list[str] = []
        if target is None:
            return strings
        for _, item in self._parse(target, _SI):
            parts = []
            for child in item:
                if child.tag == _T:
                    parts.append(child.text or "")
                elif child.tag == _R:
                    text = child.find(_T)
                    if text is not None:
                        parts.append(text.text or "")
            strings.append("".join(parts))
            item.clear()
        return strings

    def comments(self, sheet: Sheet) -> dict[str, str]:
        """The sheet's cell comments by coordinate (rare, so parsed with openpyxl's classes)."""
        if sheet.rels_path not in self._archive.namelist():
            return {}
        from openpyxl.comments.comment_sheet import CommentSheet
        from openpyxl.packaging.relationship import get_dependents
        from openpyxl.xml.constants import COMMENTS_NS
        from openpyxl.xml.functions import fromstring

        found: dict[str, str] = {}
        rels = get_dependents(self._archive, sheet.rels_path)
        for rel in rels.find(COMMENTS_NS):
            if rel.target in self._archive.namelist():
                comment_sheet = CommentSheet.from_tree(fromstring(self._archive.read(rel.target)))
                for ref, comment in comment_sheet.comments:
                    found[ref] = comment.text or ""
        return found

    # -- the stream ----------------------------------------------------------------------
    def rows(self, sheet: Sheet, max_columns: int = 200,
             progress: Callable[[int], None] | None = None) -> Iterator[tuple[int, bool, list[XCell]]]:
        """Each non-empty row: (row number, hidden, cells by column from 1 to the widest)."""
        strings, dates = self.shared_strings, self._date_styles
        next_row = 1
        for _, element in self._parse(sheet.path, (_ROW, _MERGE, _COL, _DIMENSION)):
            tag = element.tag
            if tag == _ROW:
                number = int(element.get("r") or next_row)
                next_row = number + 1
                hidden = element.get("hidden") in ("1", "true")
                cells = self._cells(element, number, strings, dates, max_columns)
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
                if progress and number % 500 == 0:
                    progress(number)
                if cells:
                    yield number, hidden, cells
            elif tag == _MERGE:
                if element.get("ref"):
                    sheet.merges.append(element.get("ref"))
            elif tag == _COL:
                if element.get("hidden") in ("1", "true"):
                    first, last = int(element.get("min", 0)), int(element.get("max", 0))
                    sheet.hidden_columns.update(range(first, min(last, max_columns) + 1))
            elif tag == _DIMENSION:
                bounds = _CELL_REF.findall(element.get("ref") or "")
                if bounds:
                    sheet.max_row = int(bounds[-1][1])
                    sheet.max_column = _column_index(bounds[-1][0])

    def _cells(self, row, number: int, strings, dates, max_columns: int) -> list[XCell]:
        found: list[XCell] = []
        column = 0
        columns = _COLUMNS
        for c in row:
            if c.tag != _C:
                continue
            attributes = c.attrib
            reference = attributes.get("r")
            if reference:
                letters = reference.rstrip("0123456789")
                column = columns.get(letters) or columns.setdefault(letters, _column_index(letters))
            else:
                column += 1
            if column > max_columns:
                continue
            kind = attributes.get("t", "n")
            style = int(attributes.get("s", 0))
            raw = formula = holder = None
            for child in c:
                tag = child.tag
                if tag == _V:
                    raw = child.text
                elif tag == _F:
                    formula = "=" + (child.text or "")
                elif tag == _IS:
                    holder = child
            value, error = None, False
            if kind == "s":
                if raw is not None:
                    index = int(raw)
                    value = strings[index] if 0 <= index < len(strings) else None
            elif kind == "inlineStr":
                if holder is not None:
                    value = "".join(t.text or "" for t in holder.iter(_T) if t.getparent().tag != _RPH)
            elif kind == "str":
                value = raw
            elif kind == "b":
                value = raw in ("1", "true") if raw is not None else None
            elif kind == "e":
                value, error = raw, True
            elif kind == "d":
                value = _iso_date(raw)
            elif raw:
                value = _number(raw)
                if style in dates and not isinstance(value, str):
                    value = _from_excel(value, self.epoch)
            if value is None and formula is None and not style:
                continue
            if isinstance(value, str) and len(value) > MAX_CELL_TEXT:
                raise UnsafeWorkbook(
                    self.path, f"cell {column_letter(column)}{number} holds {len(value):,} characters: refused for safety"
                )
            found.append(XCell(number, column, value, style, formula, error))
        if not found:
            return []
        cells: list[XCell | None] = [None] * max(cell.column for cell in found)
        for cell in found:
            cells[cell.column - 1] = cell
        return [cell if cell is not None else XCell(number, index + 1) for index, cell in enumerate(cells)]


def _number(raw: str):
    """A cell's number, or its text if it is not one (a damaged or hand-made file)."""
    try:
        return float(raw) if any(ch in raw for ch in ".eEnN") else int(raw)
    except ValueError:
        return raw


def _rels_path(target: str) -> str:
    folder, _, name = target.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def _iso_date(raw: str | None):
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.rstrip("Z"))
    except ValueError:
        return raw


def _from_excel(value: float, epoch: datetime) -> datetime | float:
    from openpyxl.utils.datetime import from_excel

    try:
        return from_excel(value, epoch)
    except (ValueError, OverflowError, TypeError):
        return value


def _theme_colours(raw: bytes | str | None) -> list[str]:
    if not raw:
        return list(_DEFAULT_THEME)
    from defusedxml import ElementTree

    try:
        root = ElementTree.fromstring(raw)
    except Exception:
        return list(_DEFAULT_THEME)
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    scheme = root.find(f".//{ns}clrScheme")
    if scheme is None:
        return list(_DEFAULT_THEME)
    found: dict[str, str | None] = {}
    for child in scheme:
        srgb, system = child.find(f"{ns}srgbClr"), child.find(f"{ns}sysClr")
        value = srgb.get("val") if srgb is not None else system.get("lastClr") if system is not None else None
        found[child.tag.replace(ns, "")] = normalise_rgb(value)
    return [found.get(name) or default for name, default in zip(_THEME_ORDER, _DEFAULT_THEME)]


def _open(path: Path):
    """openpyxl's reader in read-only mode, without its (slower) shared-strings parse."""
    from openpyxl.reader.excel import ExcelReader

    class _Reader(ExcelReader):
        def read_strings(self):  # streamed with lxml by Book instead
            self.shared_strings = []

    check_workbook(path)
    try:
        reader = _Reader(str(path), read_only=True, data_only=True, keep_links=False)
        reader.read()
        return reader
    except (NotAWorkbook, UnsafeWorkbook):
        raise
    except Exception as error:  # openpyxl raises many kinds for damaged parts
        from defusedxml import DefusedXmlException

        if any(isinstance(cause, DefusedXmlException) for cause in causes(error)):
            raise UnsafeWorkbook(
                path, "contains XML entity declarations, which Excel never writes: refused for safety"
            ) from None
        raise NotAWorkbook(
            path,
            f"could not be read as a workbook ({type(error).__name__}): open it in Excel, save it again as .xlsx, "
            "and retry",
        ) from None


def open_book(path: Path) -> Book:
    try:
        return Book(path)
    except (NotAWorkbook, UnsafeWorkbook):
        raise
    except Exception as error:
        raise NotAWorkbook(
            path, f"could not be read as a workbook ({type(error).__name__}): open it in Excel, save it again as "
                  ".xlsx, and retry",
        ) from None


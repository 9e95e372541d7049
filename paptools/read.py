"""Workbook -> Plan: the only module that reads .xlsx files.

On every sheet it finds the header row wherever it is and maps columns by meaning, then
walks the rows: titles and repeated header blocks are skipped, priority-area and section
rows set the context of the actions below them, the Key's coloured cells define what each
fill means, and every other row with a ref is an action. Whatever cannot be interpreted
for certain becomes a DataWarning with its sheet and cell; nothing is dropped silently.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from .dates import parse_timescale
from .entries import split_entries
from .errors import NoActions, UnsafeWorkbook
from .headers import FIELD_LABELS, ColumnMap, is_repeat_header, map_columns
from .inputs import MAX_CELL_TEXT, load_workbook
from .model import Action, DataWarning, Month, Note, Plan, Status, Timescale
from .people import People, split_owners
from .refs import RefCandidate, number_text, parse_ref, resolve_numeric_refs
from .statuses import WHITE, ColourKey, apply_tint, key_status, normalise_rgb, status_from_text
from .text import clean_text, normalise_label, one_line

EXCEL_CELL_LIMIT = 32_767
GENERATED_PROPERTY = "paptools"  # set by workbook.py on the cleaned workbooks it writes
GENERATED_SHEETS = {"Changes", "Warnings"}
MAX_COLUMNS = 200
_DUE_FIELDS = ("original_due", "latest_due")
_KEY_MARKERS = {"key", "legend", "rag key", "ra key", "key to rag", "status key", "rag rating key", "key to ra"}
_PRIORITY_AREA = re.compile(
    r"^[ \t]*priority[ \t]+(?:action[ \t]+)?area[ \t]*(?P<n>\d+|[ivx]+)\b[ \t]*[:\-–—.]?[ \t]*", re.I | re.M
)
_AREA_SECTION = re.compile(r"^(?:pap|priority(?: action)?(?: area)?|area|pa)\s*(?P<n>\d+|[ivx]+)$", re.I)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
# Office 2013+ default theme, in Excel's theme-index order (lt1, dk1, lt2, dk2, accents, links).
_DEFAULT_THEME = [
    "FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31",
    "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72",
]
_THEME_ORDER = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink"]


def read_plan(path: str | Path) -> Plan:
    """Read one version of the plan. Raises a PapError only when no actions can be read."""
    path = Path(path)
    workbook = load_workbook(path, data_only=True)
    try:
        reader = _WorkbookReader(path, workbook)
        reader.read()
        if _has_formulas(path):
            reader.note_formulas(load_workbook(path, data_only=False))
        return reader.plan()
    finally:
        workbook.close()


def area_label(number: str | int) -> str:
    if isinstance(number, str) and number.lower() in _ROMAN:
        number = _ROMAN[number.lower()]
    return f"Priority area {int(number)}"


class _Colours:
    """Fill colours resolved to RGB: plain, theme with tint, and indexed palette."""

    def __init__(self, workbook):
        self.theme = _theme_colours(getattr(workbook, "loaded_theme", None))
        self.palette = list(getattr(workbook, "_colors", None) or [])
        self._by_fill: dict[int, tuple[str | None, str | None]] = {}

    def of_cell(self, cell) -> tuple[str | None, str | None]:
        """(RGB or None for no fill, a message if the fill had to be simplified)."""
        style = getattr(cell, "_style", None)
        key = style.fillId if style is not None else None
        if key is not None and key in self._by_fill:
            return self._by_fill[key]
        result = self._resolve(cell.fill)
        if key is not None:
            self._by_fill[key] = result
        return result

    def _resolve(self, fill) -> tuple[str | None, str | None]:
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


def _has_formulas(path: Path) -> bool:
    """Whether any sheet holds a formula, so a second, formula-aware load is worth it."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
                with archive.open(name) as handle:
                    while chunk := handle.read(1 << 20):
                        if b"<f>" in chunk or b"<f " in chunk or b"<x:f" in chunk:
                            return True
    return False


@dataclass
class _RawAction:
    """An action row as found, before refs, statuses and authors are settled."""

    sheet: str
    row: int
    ref: RefCandidate
    ref_text: str
    ref_cell: str
    fields: dict[str, str]
    timescale_value: object
    timescale_cell: str | None
    progress_cell: str | None
    status_text: str
    status_rgb: str | None
    status_cell: str | None
    extra: list[tuple[str, str]]
    section: str | None
    area: str | None
    due_values: dict[str, tuple[object, str]] = field(default_factory=dict)  # field -> (value, cell)


@dataclass
class _Sheet:
    """What one sheet contributed."""

    name: str
    actions: list[_RawAction] = field(default_factory=list)
    text_statuses: int = 0
    fill_statuses: int = 0


class _WorkbookReader:
    def __init__(self, path: Path, workbook):
        self.path = path
        self.workbook = workbook
        self.colours = _Colours(workbook)
        self.warnings: list[DataWarning] = []
        self.notes: list[Note] = []
        self.sheets: list[_Sheet] = []
        self.key_lines: list[tuple[Status, str | None, str]] = []  # status, rgb, description
        self.areas: dict[str, str] = {}
        self.title: str | None = None
        self.headed_sheets = 0
        self.progress_sheets = 0
        self.action_cells: set[tuple[str, str]] = set()
        self.any_text = False

    # -- warnings ----------------------------------------------------------------------
    def warn(self, sheet: str | None, cell: str | None, message: str, value: str | None = None) -> None:
        self.warnings.append(DataWarning(sheet, cell, message, value))

    # -- the walk ----------------------------------------------------------------------
    def read(self) -> None:
        props = getattr(self.workbook, "custom_doc_props", None)
        self.generated = bool(props is not None and GENERATED_PROPERTY in getattr(props, "names", []))
        if not self.title and self.generated and self.workbook.properties.title:
            self.title = self.workbook.properties.title
        action_sheets = [
            ws for ws in self.workbook.worksheets
            if not (self.generated and ws.title in GENERATED_SHEETS)  # our own Changes and Warnings
        ]
        multi = sum(1 for ws in action_sheets if ws.max_row > 1) > 1
        for ws in action_sheets:
            self._read_sheet(ws, multi)
        if not self.any_text:
            raise NoActions(self.path, "has no text on any sheet: check it is the right file, saved after editing")
        if not self.headed_sheets:
            raise NoActions(
                self.path,
                "has no header row with a Ref column on any sheet: check it is the action plan "
                "(a header row naming Ref, Action, Owner, Progress ...)",
            )
        if not self.progress_sheets:
            raise NoActions(
                self.path, "has a header row but no Progress column: add a column headed 'Progress'"
            )

    def _read_sheet(self, ws, multi: bool) -> None:
        sheet = _Sheet(ws.title)
        if ws.sheet_state != "visible":
            self.warn(ws.title, None, f"sheet is {ws.sheet_state} in Excel; read anyway")
        width = min(ws.max_column or 1, MAX_COLUMNS)
        if (ws.max_column or 0) > MAX_COLUMNS:
            self.warn(ws.title, None, f"sheet uses {ws.max_column} columns; only the first {MAX_COLUMNS} were read")
        merged = _merged_tops(ws)
        columns: ColumnMap | None = None
        titles: set[str] = set()
        area = section = None
        in_key = False
        last: _RawAction | None = None
        seen_key_here = False
        has_content = False
        for cells in ws.iter_rows(max_col=width):
            texts = [self._text(ws.title, cell) for cell in cells]
            if not any(texts):
                continue
            has_content = self.any_text = True
            number = cells[0].row
            if columns is None:
                columns = map_columns(texts)
                if columns is not None:
                    self.headed_sheets += 1
                    self._check_columns(ws, columns, number)
                    if "progress" in columns:
                        self.progress_sheets += 1
                    continue
                kind = self._loose_row(ws.title, cells, texts, number, titles)
                seen_key_here |= kind == "key"
                if kind == "area":
                    area, section = self._area_from(texts), None
                continue
            if "progress" not in columns:
                continue
            if is_repeat_header(texts, columns):
                continue
            nonempty = [i for i, t in enumerate(texts) if t]
            first = texts[nonempty[0]]
            single = len(nonempty) == 1
            if single and first in titles:
                continue
            if single and normalise_label(first) in _KEY_MARKERS:
                in_key = seen_key_here = True
                self.notes.append(Note("key", ws.title, cells[nonempty[0]].coordinate, first))
                continue
            ref_index = columns.fields["ref"]
            ref, ref_text = self._ref(ws.title, cells[ref_index], texts[ref_index])
            content = any(
                texts[i] for name, i in columns.fields.items() if name not in ("ref", "status") and i < len(texts)
            )
            if ref is not None and (content or "." in ref.text):
                last = self._action(ws, sheet, columns, cells, texts, ref, ref_text, section, area, multi)
                self._check_merges(ws, columns, cells, merged, last)
                continue
            if ref is not None:  # "PAP 1" alone on its row: a section heading
                match = _AREA_SECTION.match(normalise_label(first))
                if match:
                    area = area_label(match.group("n"))
                section = first
                self.notes.append(Note("section", ws.title, cells[nonempty[0]].coordinate, first))
                continue
            if self._is_key_line(cells, texts, nonempty, first, in_key):
                self._key_line(cells, texts, nonempty, first)
                in_key = seen_key_here = True
                continue
            if _PRIORITY_AREA.search(first):
                found = self._record_areas(ws.title, cells[nonempty[0]].coordinate, texts, nonempty)
                if len(found) == 1:
                    area, section = found[0], None
                continue
            if single and len(first) <= 150 and not in_key:
                match = _AREA_SECTION.match(normalise_label(first))
                if match:
                    area = area_label(match.group("n"))
                section = first
                self.notes.append(Note("section", ws.title, cells[nonempty[0]].coordinate, first))
                continue
            if content and not texts[ref_index] and last is not None:
                if self._continue(ws, columns, cells, texts, last, merged, number):
                    continue
            text = " | ".join(texts[i] for i in nonempty)
            self.notes.append(Note("other", ws.title, cells[nonempty[0]].coordinate, text))
            if not in_key:
                self.warn(
                    ws.title, cells[nonempty[0]].coordinate,
                    "row is not an action (no Ref) nor a heading: not read into the plan; its text is kept here",
                    text,
                )
        if columns is None and has_content and not seen_key_here and not self.generated:
            self.warn(ws.title, None, "sheet has no header row with a Ref column; not read as actions")
        elif columns is not None and "progress" not in columns:
            self.warn(ws.title, None, "sheet has a header row but no Progress column; not read as actions")
        self.sheets.append(sheet)

    def _check_columns(self, ws, columns: ColumnMap, row: int) -> None:
        from openpyxl.utils import get_column_letter

        if "status" not in columns:
            self.warn(ws.title, f"{row}:{row}", "no RA, RAG or Status column: every status on this sheet is unknown")
        for name in ("action", "owner", "timescale"):
            if name not in columns:
                self.warn(ws.title, f"{row}:{row}", f"no {FIELD_LABELS[name]} column found in the header row")
        for name, index in columns.fields.items():
            letter = get_column_letter(index + 1)
            dimension = ws.column_dimensions.get(letter) if hasattr(ws.column_dimensions, "get") else None
            if dimension is not None and dimension.hidden:
                self.warn(ws.title, f"{letter}{row}", f"the {FIELD_LABELS[name]} column is hidden in Excel; read anyway")

    # -- cells -------------------------------------------------------------------------
    def _text(self, sheet: str, cell) -> str:
        value = cell.value
        if value is None:
            return ""
        if isinstance(value, str):
            if len(value) > MAX_CELL_TEXT:
                raise UnsafeWorkbook(
                    self.path, f"cell {sheet}!{cell.coordinate} holds {len(value):,} characters: refused for safety"
                )
            if len(value) > EXCEL_CELL_LIMIT:
                self.warn(sheet, cell.coordinate, f"cell holds {len(value):,} characters, more than Excel allows ({EXCEL_CELL_LIMIT:,}); kept whole")
            return clean_text(value)
        if isinstance(value, datetime):
            return value.strftime("%d/%m/%Y") if value.time() == time(0) else value.strftime("%d/%m/%Y %H:%M")
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, float):
            return f"{value:.10g}"
        return clean_text(value)

    def _ref(self, sheet: str, cell, text: str) -> tuple[RefCandidate | None, str]:
        value = cell.value
        if isinstance(value, bool):
            return None, text
        if isinstance(value, (int, float)):
            if not 0 < value < 1000 or value != value:  # not a ref number: 0, negative, huge, NaN
                return None, text
            written, ambiguous = number_text(value, cell.number_format)
            if parse_ref(written) is None:
                return None, text
            return RefCandidate(written, ambiguous), written
        if isinstance(value, (datetime, date)):
            guess = f"{value.day}.{value.month}"
            self.warn(sheet, cell.coordinate, f"ref was turned into a date by Excel ({text}); read as {guess}: retype it as text")
            return RefCandidate(guess), text
        parsed = parse_ref(text) if text else None
        return (RefCandidate(parsed.text) if parsed else None), text

    def _row_fill(self, cells) -> str | None:
        for cell in cells:
            rgb, _ = self.colours.of_cell(cell)
            if rgb and rgb != WHITE:
                return rgb
        return None

    # -- rows --------------------------------------------------------------------------
    def _loose_row(self, sheet: str, cells, texts, number: int, titles: set[str]) -> str:
        """A row above the header: the title, a priority area, the Key, or a note."""
        nonempty = [i for i, t in enumerate(texts) if t]
        first = texts[nonempty[0]]
        coordinate = cells[nonempty[0]].coordinate
        if normalise_label(first) in _KEY_MARKERS:
            self.notes.append(Note("key", sheet, coordinate, first))
            return "key"
        if self._is_key_line(cells, texts, nonempty, first, False):
            self._key_line(cells, texts, nonempty, first)
            return "key"
        if _PRIORITY_AREA.search(first):
            found = self._record_areas(sheet, coordinate, texts, nonempty)
            return "area" if len(found) == 1 else "areas"
        if self.title is None and len(nonempty) == 1:
            self.title = first
        if len(nonempty) == 1:
            titles.add(first)
            self.notes.append(Note("title", sheet, coordinate, first))
            return "title"
        self.notes.append(Note("other", sheet, coordinate, " | ".join(texts[i] for i in nonempty)))
        return "other"

    def _area_from(self, texts) -> str | None:
        for text in texts:
            found = _PRIORITY_AREA.findall(text)
            if len(found) == 1:
                return area_label(found[0])
        return None

    def _record_areas(self, sheet: str, coordinate: str, texts, nonempty) -> list[str]:
        found: list[str] = []
        for index in nonempty:
            text = texts[index]
            matches = list(_PRIORITY_AREA.finditer(text))
            for n, match in enumerate(matches):
                end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
                label = area_label(match.group("n"))
                description = text[match.end():end].strip()
                if description or label not in self.areas:  # a bare "Priority area 1" adds nothing
                    self.areas[label] = description if not self.areas.get(label) else self.areas[label]
                found.append(label)
            if not matches:  # "Responsible bodies: ..." beside the priority areas
                self.notes.append(Note("priority area", sheet, coordinate, text))
        for label in found:
            if self.areas[label]:
                self.notes.append(Note("priority area", sheet, coordinate, f"{label}: {self.areas[label]}"))
        return found

    def _is_key_line(self, cells, texts, nonempty, first: str, in_key: bool) -> bool:
        """A legend line: a status word with a description, or alone in a coloured cell.

        A figures table ("Complete | 38 | 73%") names statuses too, but with numbers.
        """
        if not key_status(first):
            return False
        if any(isinstance(cells[i].value, (int, float)) for i in nonempty):
            return False
        rest = " ".join(texts[i] for i in nonempty)[len(first.split(":")[0]):]
        described = len(re.findall(r"[A-Za-z]{2,}", rest)) >= 2
        return described or bool(self._row_fill(cells)) or (in_key and len(nonempty) == 1)

    def _key_line(self, cells, texts, nonempty, first: str) -> None:
        status = key_status(first)
        own = cells[nonempty[0]]
        rgb, _ = self.colours.of_cell(own)
        if not rgb or rgb == WHITE:
            rgb = self._row_fill(cells) or rgb
        description = " ".join(texts[i] for i in nonempty)
        self.key_lines.append((status, rgb, description))
        self.notes.append(Note("key", own.parent.title, own.coordinate, description))

    def _action(self, ws, sheet: _Sheet, columns, cells, texts, ref, ref_text, section, area, multi) -> _RawAction:
        def cell_of(name):
            index = columns.fields.get(name)
            return cells[index] if index is not None and index < len(cells) else None

        fields = {
            name: texts[index] if index < len(texts) else ""
            for name, index in columns.fields.items() if name not in ("ref", "status", *_DUE_FIELDS)
        }
        due_values = {
            name: (cells[columns.fields[name]].value, cells[columns.fields[name]].coordinate)
            for name in _DUE_FIELDS if name in columns.fields and columns.fields[name] < len(cells)
        }
        timescale_cell = cell_of("timescale")
        status_cell = cell_of("status")
        status_text, rgb = "", None
        if status_cell is not None:
            status_text = texts[columns.fields["status"]]
            rgb, message = self.colours.of_cell(status_cell)
            if message:
                self.warn(ws.title, status_cell.coordinate, message)
            if status_text:
                sheet.text_statuses += 1
            elif rgb:
                sheet.fill_statuses += 1
        extra = [(header, texts[i]) for i, header in columns.extra.items() if i < len(texts) and texts[i]]
        for i in range(len(texts)):
            if texts[i] and i not in columns.fields.values() and i not in columns.extra:
                self.warn(ws.title, cells[i].coordinate, "text in a column with no header: not read", texts[i])
        row = cells[0].row
        if ws.row_dimensions[row].hidden:
            self.warn(ws.title, f"A{row}", f"row of {ref.text} is hidden in Excel; read anyway")
        raw = _RawAction(
            sheet=ws.title, row=row, ref=ref, ref_text=ref_text,
            ref_cell=cells[columns.fields["ref"]].coordinate, fields=fields,
            timescale_value=timescale_cell.value if timescale_cell is not None else None,
            timescale_cell=timescale_cell.coordinate if timescale_cell is not None else None,
            progress_cell=cell_of("progress").coordinate if cell_of("progress") is not None else None,
            status_text=status_text, status_rgb=rgb,
            status_cell=status_cell.coordinate if status_cell is not None else None,
            extra=extra, section=fields.pop("section", "") or section or (ws.title if multi else None),
            area=fields.pop("priority_area", "") or area, due_values=due_values,
        )
        for cell in cells:
            self.action_cells.add((ws.title, cell.coordinate))
            if getattr(cell, "comment", None) is not None and cell.comment.text:
                self.warn(ws.title, cell.coordinate, "cell has a comment, which is not part of the plan's text", clean_text(cell.comment.text))
        sheet.actions.append(raw)
        return raw

    def _check_merges(self, ws, columns, cells, merged: dict[str, str], raw: _RawAction) -> None:
        """A cell merged with the row above: its text was the row above's, not this action's."""
        from openpyxl.utils.cell import coordinate_from_string

        for name, index in columns.fields.items():
            if index >= len(cells) or name == "ref":
                continue
            top = merged.get(cells[index].coordinate)
            if top and coordinate_from_string(top)[1] != raw.row:
                self.warn(ws.title, cells[index].coordinate,
                          f"the {FIELD_LABELS[name]} cell of {raw.ref.text} is merged with {top} above, so its text "
                          "belongs to that row; unmerge the cells and give each action its own text")

    def _continue(self, ws, columns, cells, texts, last: _RawAction, merged, number) -> bool:
        """A row without a ref below an action: the rest of that action's cells."""
        ref_index = columns.fields["ref"]
        ref_coordinate = cells[ref_index].coordinate
        in_merge = merged.get(ref_coordinate) == last.ref_cell
        action_index = columns.fields.get("action")
        if not in_merge and action_index is not None and texts[action_index]:
            return False  # a new action that lacks a ref: reported by the caller
        for name, index in columns.fields.items():
            if name in ("ref", "status") or index >= len(texts) or not texts[index]:
                continue
            joined = "\n".join(filter(None, [last.fields.get(name, ""), texts[index]]))
            last.fields[name] = joined
        if not in_merge:
            self.warn(
                ws.title, ref_coordinate,
                f"row has no Ref and no Action; its text was read as part of {last.ref.text} above",
                " | ".join(t for t in texts if t),
            )
        return True

    # -- formulas ----------------------------------------------------------------------
    def note_formulas(self, formula_workbook) -> None:
        try:
            for ws in formula_workbook.worksheets:
                for row in ws.iter_rows():
                    for cell in row:
                        if cell.data_type == "f" and (ws.title, cell.coordinate) in self.action_cells:
                            formula = one_line(str(cell.value), 60)
                            saved = self.workbook[ws.title][cell.coordinate].value
                            self.warn(
                                ws.title, cell.coordinate,
                                f"cell holds a formula ({formula}); its last calculated value is used"
                                if saved not in (None, "") else
                                f"cell holds a formula ({formula}) with no saved result (the file was not last "
                                "saved by Excel), so it reads as blank: type the text in, or open and save in Excel",
                            )
        finally:
            formula_workbook.close()

    # -- the plan ----------------------------------------------------------------------
    def plan(self) -> Plan:
        key = self._colour_key()
        all_raw = [raw for sheet in self.sheets for raw in sheet.actions]
        for sheet in self.sheets:
            resolved = resolve_numeric_refs([raw.ref for raw in sheet.actions])
            for raw, (text, message) in zip(sheet.actions, resolved):
                raw.ref = RefCandidate(text)
                if message:
                    self.warn(raw.sheet, raw.ref_cell, message)
        prefixed = any(parse_ref(raw.ref.text).is_pap for raw in all_raw if parse_ref(raw.ref.text))
        owner_lists = [split_owners(raw.fields.get("owner", "")) for raw in all_raw]
        people = People(owner_lists)
        text_mode = {s.name: s.text_statuses > s.fill_statuses for s in self.sheets}
        actions: list[Action] = []
        first_place: dict[str, str] = {}
        for raw, owners in zip(all_raw, owner_lists):
            ref = parse_ref(raw.ref.text)
            if raw.ref.text in first_place:
                self.warn(raw.sheet, raw.ref_cell,
                          f"ref {raw.ref.text} is used twice (also at {first_place[raw.ref.text]}); both actions are kept")
            first_place.setdefault(raw.ref.text, f"{raw.sheet}!{raw.ref_cell}")
            timescale, problem = parse_timescale(raw.timescale_value)
            if raw.due_values:
                timescale, problem = self._due_columns(raw, timescale, problem)
            if problem and raw.timescale_cell:
                self.warn(raw.sheet, raw.timescale_cell, problem)
            elif raw.timescale_cell and not timescale.text:
                self.warn(raw.sheet, raw.timescale_cell, f"{raw.ref.text} has no timescale")
            progress = raw.fields.get("progress", "")
            entries, notes = split_entries(progress)
            for note in notes:
                self.warn(raw.sheet, raw.progress_cell, note)
            status, source = self._status(raw, key, text_mode.get(raw.sheet, False))
            area = raw.area or (area_label(ref.parts[0]) if ref and len(ref.parts) > 1 else None)
            actions.append(Action(
                ref=raw.ref.text, ref_text=raw.ref_text, is_pap=(ref.is_pap if prefixed and ref else True),
                title=raw.fields.get("action", ""), owner=raw.fields.get("owner", ""), owners=owners,
                timescale=timescale, success_criteria=raw.fields.get("success_criteria", ""),
                progress=progress, entries=people.with_authors(entries, owners),
                outcome=raw.fields.get("outcome", ""), evidence=raw.fields.get("evidence", ""),
                status=status, status_source=source, section=raw.section, priority_area=area,
                sheet=raw.sheet, row=raw.row, extra=tuple(raw.extra),
            ))
        if not actions:
            raise NoActions(self.path, "has a header row but no actions under it: check the Ref column is filled in")
        return Plan(
            source=self.path.name, actions=tuple(actions), warnings=tuple(self._sorted_warnings()),
            title=self.title, priority_areas=tuple(self.areas.items()),
            key=tuple((status, description) for status, _, description in self.key_lines),
            notes=tuple(self.notes), pap_prefixed=prefixed,
            extra_columns=tuple(dict.fromkeys(h for raw in all_raw for h, _ in raw.extra)),
        )

    def _due_columns(self, raw: _RawAction, timescale: Timescale, problem: str | None):
        """Due-date columns beside the Timescale text: the dates win where the two disagree."""
        months = {}
        for name, (value, cell) in raw.due_values.items():
            if isinstance(value, (datetime, date)):
                months[name] = Month(value.year, value.month)
            elif value not in (None, ""):
                self.warn(raw.sheet, cell, f"'{clean_text(value)}' in the {FIELD_LABELS[name]} column is not a date; not used")
        original = months.get("original_due", timescale.original_due)
        latest = months.get("latest_due", timescale.due)
        if (original, latest) == (timescale.original_due, timescale.due):
            return timescale, problem
        revised = latest if latest != original else None
        where = raw.due_values.get("latest_due", raw.due_values.get("original_due"))[1]
        if timescale.due is not None:
            self.warn(raw.sheet, where, f"the due-date columns ({latest.label() if latest else 'none'}) and the "
                      f"Timescale text ('{timescale.text}') disagree; the columns are used")
        return Timescale(timescale.text, original, revised), None

    def _colour_key(self) -> ColourKey:
        key = ColourKey()
        if not any(rgb and rgb != WHITE for _, rgb, _ in self.key_lines):
            return key  # no coloured Key: the usual convention applies
        for status, rgb, description in self.key_lines:
            problem = key.add(rgb, status)
            if problem:
                self.warn(None, None, problem, description)
        return key

    def _status(self, raw: _RawAction, key: ColourKey, text_mode: bool) -> tuple[Status | None, str]:
        where = (raw.sheet, raw.status_cell)
        if raw.status_cell is None:
            return None, "unknown"
        from_fill, fill_message = (key.status_for(raw.status_rgb) if raw.status_rgb else (None, None))
        if raw.status_text:
            status, recognised = status_from_text(raw.status_text)
            if status is not None:
                if from_fill is not None and from_fill is not status and raw.status_rgb != WHITE:
                    self.warn(*where, f"status text says {status} but the fill colour says {from_fill}; the text is used")
                return status, "text"
            self.warn(*where, f"'{raw.status_text}' is not one of the five statuses"
                      + ("; the fill colour is used" if from_fill else "; status unknown"), raw.status_text)
        if raw.status_rgb and raw.status_rgb != WHITE:
            if fill_message:
                self.warn(*where, fill_message)
            return from_fill, ("fill" if from_fill else "unknown")
        blank = key.blank_status()
        if raw.status_text:
            return None, "unknown"
        if text_mode or blank is None:
            self.warn(*where, f"{raw.ref.text} has no status (the RA cell is blank); status unknown")
            return None, "unknown"
        return blank, "blank"

    def _sorted_warnings(self) -> list[DataWarning]:
        order = {sheet.name: n for n, sheet in enumerate(self.sheets)}

        def key(w: DataWarning):
            row = int(re.sub(r"\D", "", (w.cell or "0").split(":")[0]) or 0)
            return (order.get(w.sheet, -1), row, w.cell or "")

        return sorted(self.warnings, key=key)


def _merged_tops(ws) -> dict[str, str]:
    """For every cell inside a merged range (but its top-left), the range's top-left cell."""
    from openpyxl.utils import get_column_letter

    tops: dict[str, str] = {}
    for merged in ws.merged_cells.ranges:
        if merged.size["rows"] * merged.size["columns"] > 5000:
            continue
        top = merged.start_cell.coordinate
        for row, column in merged.cells:
            coordinate = f"{get_column_letter(column)}{row}"
            if coordinate != top:
                tops[coordinate] = top
    return tops

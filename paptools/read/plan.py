"""Workbook -> Plan: the interpretation of a plan's rows (xlsx.py streams them from the file).

On every sheet it finds the header row wherever it is and maps columns by meaning, then
walks the rows: titles and repeated header blocks are skipped, priority-area and section
rows set the context of the actions below them, the Key's coloured cells define what each
fill means, and every other row with a ref is an action. Whatever cannot be interpreted
for certain becomes a DataWarning with its sheet and cell; nothing is dropped silently.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from paptools.errors import NoActions
from paptools.model import Action, DataWarning, Month, Note, Plan, Status, Timescale
from paptools.read.cells import Book, Sheet, XCell, column_letter, open_book
from paptools.read.dates import parse_timescale
from paptools.read.entries import split_entries
from paptools.read.headers import FIELD_LABELS, ColumnMap, is_repeat_header, map_columns
from paptools.read.inputs import display_name
from paptools.read.people import People, split_owners
from paptools.read.refs import RefCandidate, number_text, parse_ref, resolve_numeric_refs
from paptools.read.rules import bounds
from paptools.read.statuses import WHITE, ColourKey, family, key_status, status_from_text
from paptools.read.text import clean_text, normalise_label, one_line

EXCEL_CELL_LIMIT = 32_767
GENERATED_PROPERTY = "paptools"  # set by workbook.py on the cleaned workbooks it writes
GENERATED_SHEETS = {"Changes", "Warnings", "About"}
MAX_COLUMNS = 200
_DUE_FIELDS = ("original_due", "latest_due")
_KEY_MARKERS = {"key", "legend", "rag key", "ra key", "key to rag", "status key", "rag rating key", "key to ra"}
_PRIORITY_AREA = re.compile(
    r"^[ \t]*priority[ \t]+(?:action[ \t]+)?area[ \t]*(?P<n>\d+|[ivx]+)\b[ \t]*[:\-–—.]?[ \t]*", re.I | re.M
)
_AREA_SECTION = re.compile(r"^(?:pap|priority(?: action)?(?: area)?|area|pa)\s*(?P<n>\d+|[ivx]+)$", re.I)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
def read_plan(path: str | Path, progress: Callable[[int, int], None] | None = None) -> Plan:
    """Read one version of the plan. Raises a PapError only when no actions can be read.

    `progress(rows_read, rows_in_sheet)` is called now and then on large sheets.
    """
    path = Path(path)
    book = open_book(path)
    try:
        reader = _WorkbookReader(path, book)
        reader.read(progress)
        return reader.plan()
    finally:
        book.close()


def area_label(number: str | int) -> str:
    if isinstance(number, str) and number.lower() in _ROMAN:
        number = _ROMAN[number.lower()]
    return f"Priority area {int(number)}"


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


@dataclass
class _Pending:
    """A row without a ref below an action, decided once the sheet's merged cells are known."""

    action: _RawAction
    ref_coordinate: str
    texts: list[str]
    first_coordinate: str
    has_action_text: bool


class _WorkbookReader:
    def __init__(self, path: Path, book: Book):
        self.path = path
        self.book = book
        self.warnings: list[DataWarning] = []
        self.notes: list[Note] = []
        self.sheets: list[_Sheet] = []
        self.key_lines: list[tuple[Status, str | None, str]] = []  # status, rgb, description
        self.areas: dict[str, str] = {}
        self.title: str | None = None
        self.headed_sheets = 0
        self.progress_sheets = 0
        self.any_text = False
        self.generated = False

    # -- warnings ----------------------------------------------------------------------
    def warn(self, sheet: str | None, cell: str | None, message: str, value: str | None = None) -> None:
        self.warnings.append(DataWarning(sheet, cell, message, value))

    # -- the walk ----------------------------------------------------------------------
    def read(self, progress: Callable[[int, int], None] | None = None) -> None:
        self.generated = GENERATED_PROPERTY in self.book.custom_properties
        if self.generated and self.book.title:
            self.title = self.book.title
        for sheet in self.book.sheets:
            if not (self.generated and sheet.title in GENERATED_SHEETS):  # our own Changes and Warnings
                self._read_sheet(sheet, progress)
        self.warnings.extend(self.book.warnings)  # about the file itself: odd characters, missing styles
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

    def _read_sheet(self, ws: Sheet, progress) -> None:
        sheet = _Sheet(ws.title)
        if ws.state != "visible":
            self.warn(ws.title, None, f"sheet is {ws.state} in Excel; read anyway")
        comments = self.book.comments(ws)
        columns: ColumnMap | None = None
        titles: set[str] = set()
        area = section = None
        in_key = False
        last: _RawAction | None = None
        seen_key_here = False
        has_content = False
        pending: list[_Pending] = []
        merge_checks: list[tuple[_RawAction, dict[str, str]]] = []
        report = (lambda row: progress(row, ws.max_row)) if progress else None
        for number, hidden, cells in self.book.rows(ws, MAX_COLUMNS, report):
            if columns is not None and len(cells) < columns.width:
                cells = cells + [XCell(number, c) for c in range(len(cells) + 1, columns.width + 1)]
            texts = [self._text(ws.title, cell) for cell in cells]
            if not any(texts):
                continue
            has_content = self.any_text = True
            if columns is None:
                columns = map_columns(texts)
                if columns is not None:
                    self.headed_sheets += 1
                    self._check_columns(ws, columns, number)
                    if "progress" in columns:
                        self.progress_sheets += 1
                    continue
                kind = self._loose_row(ws.title, cells, texts, titles)
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
            content = any(texts[i] for name, i in columns.fields.items() if name not in ("ref", "status"))
            if ref is not None and (content or "." in ref.text):
                last = self._action(ws, sheet, columns, cells, texts, ref, ref_text, section, area, hidden, comments)
                empty = {name: cells[i].coordinate for name, i in columns.fields.items()
                         if name != "ref" and not texts[i]}
                merge_checks.append((last, empty))
                continue
            if ref is not None:  # "PAP 1" alone on its row: a section heading
                match = _AREA_SECTION.match(normalise_label(first))
                if match:
                    area = area_label(match.group("n"))
                section = first
                self.notes.append(Note("section", ws.title, cells[nonempty[0]].coordinate, first))
                continue
            if self._is_key_line(cells, texts, nonempty, first, in_key):
                self._key_line(ws.title, cells, texts, nonempty, first)
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
                action_index = columns.fields.get("action")
                pending.append(_Pending(last, cells[ref_index].coordinate, texts, cells[nonempty[0]].coordinate,
                                        action_index is not None and bool(texts[action_index])))
                continue
            self._not_read(ws.title, cells[nonempty[0]].coordinate, texts, in_key)
        merged = _merged_tops(ws.merges)
        for row in pending:
            self._continue(ws, columns, row, merged)
        for raw, empty in merge_checks:
            self._check_merges(ws, raw, empty, merged)
        if columns is None and has_content and not seen_key_here and not self.generated:
            self.warn(ws.title, None, "sheet has no header row with a Ref column; not read as actions")
        elif columns is not None and "progress" not in columns:
            self.warn(ws.title, None, "sheet has a header row but no Progress column; not read as actions")
        if ws.max_column > MAX_COLUMNS:
            self.warn(ws.title, None, f"sheet uses {ws.max_column} columns; only the first {MAX_COLUMNS} were read")
        self.sheets.append(sheet)

    def _not_read(self, sheet: str, coordinate: str, texts: list[str], in_key: bool) -> None:
        text = " | ".join(t for t in texts if t)
        self.notes.append(Note("other", sheet, coordinate, text))
        if not in_key:
            self.warn(sheet, coordinate,
                      "row is not an action (no Ref) nor a heading: not read into the plan; its text is kept here", text)

    def _check_columns(self, ws: Sheet, columns: ColumnMap, row: int) -> None:
        if "status" not in columns:
            self.warn(ws.title, f"{row}:{row}", "no RA, RAG or Status column: every status on this sheet is unknown")
        for name in ("action", "owner", "timescale"):
            if name not in columns:
                self.warn(ws.title, f"{row}:{row}", f"no {FIELD_LABELS[name]} column found in the header row")
        for name, index in columns.fields.items():
            if index + 1 in ws.hidden_columns:
                self.warn(ws.title, f"{column_letter(index + 1)}{row}",
                          f"the {FIELD_LABELS[name]} column is hidden in Excel; read anyway")

    # -- cells -------------------------------------------------------------------------
    def _text(self, sheet: str, cell) -> str:
        value = cell.value
        if value is None:
            return ""
        if isinstance(value, str):
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
            if not 0 < value < 10_000 or value != value:  # not a ref number: 0, negative, huge, NaN
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
            if cell.fill and cell.fill != WHITE:
                return cell.fill
        return None

    def _key_colour(self, cells, word: int) -> str | None:
        """The colour a Key line gives its status: the word's own fill, else the nearest swatch.

        Whole-row formatting (a grey band out to the last column) is the row's background, not
        a status colour: a grey or white fill that three or more cells of the row share is passed over.
        """
        fills = [(i, cell.fill) for i, cell in enumerate(cells) if cell.fill]
        shared = Counter(rgb for _, rgb in fills).most_common(1)
        background = shared[0][0] if shared and shared[0][1] >= 3 and family(shared[0][0]) in ("white", "other") \
            else None
        own = cells[word].fill
        if own and own not in (WHITE, background):
            return own
        swatches = sorted((rgb == WHITE, abs(i - word), rgb) for i, rgb in fills if rgb != background)
        return swatches[0][2] if swatches else own

    # -- rows --------------------------------------------------------------------------
    def _loose_row(self, sheet: str, cells, texts, titles: set[str]) -> str:
        """A row above the header: the title, a priority area, the Key, or a note."""
        nonempty = [i for i, t in enumerate(texts) if t]
        first = texts[nonempty[0]]
        coordinate = cells[nonempty[0]].coordinate
        if normalise_label(first) in _KEY_MARKERS:
            self.notes.append(Note("key", sheet, coordinate, first))
            return "key"
        if self._is_key_line(cells, texts, nonempty, first, False):
            self._key_line(sheet, cells, texts, nonempty, first)
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

    def _key_line(self, sheet: str, cells, texts, nonempty, first: str) -> None:
        status = key_status(first)
        own = cells[nonempty[0]]
        rgb = self._key_colour(cells, nonempty[0])
        description = " ".join(texts[i] for i in nonempty)
        self.key_lines.append((status, rgb, description))
        self.notes.append(Note("key", sheet, own.coordinate, description))

    def _action(self, ws: Sheet, sheet: _Sheet, columns, cells, texts, ref, ref_text, section, area,
                hidden: bool, comments: dict[str, str]) -> _RawAction:
        def cell_of(name):
            index = columns.fields.get(name)
            return cells[index] if index is not None else None

        fields = {
            name: texts[index] for name, index in columns.fields.items()
            if name not in ("ref", "status", *_DUE_FIELDS)
        }
        due_values = {
            name: (cells[columns.fields[name]].value, cells[columns.fields[name]].coordinate)
            for name in _DUE_FIELDS if name in columns.fields
        }
        timescale_cell = cell_of("timescale")
        status_cell = cell_of("status")
        status_text, rgb = "", None
        if status_cell is not None:
            status_text = texts[columns.fields["status"]]
            rgb, message = status_cell.fill, status_cell.look.fill_note
            if message:
                self.warn(ws.title, status_cell.coordinate, message)
            if status_text:
                sheet.text_statuses += 1
            elif rgb:
                sheet.fill_statuses += 1
        extra = [(header, texts[i]) for i, header in columns.extra.items() if i < len(texts) and texts[i]]
        known = columns.known
        for i in range(len(texts)):
            if texts[i] and i not in known:
                self.warn(ws.title, cells[i].coordinate, "text in a column with no header: not read", texts[i])
        row = cells[0].row
        if hidden:
            self.warn(ws.title, f"A{row}", f"row of {ref.text} is hidden in Excel; read anyway")
        raw = _RawAction(
            sheet=ws.title, row=row, ref=ref, ref_text=ref_text,
            ref_cell=cells[columns.fields["ref"]].coordinate, fields=fields,
            timescale_value=timescale_cell.value if timescale_cell is not None else None,
            timescale_cell=timescale_cell.coordinate if timescale_cell is not None else None,
            progress_cell=cell_of("progress").coordinate if cell_of("progress") is not None else None,
            status_text=status_text, status_rgb=rgb,
            status_cell=status_cell.coordinate if status_cell is not None else None,
            extra=extra, section=fields.pop("section", "") or section,
            area=fields.pop("priority_area", "") or area, due_values=due_values,
        )
        for cell in cells:
            if cell.formula is not None:
                self._formula(ws.title, cell)
            elif cell.error:
                self.warn(ws.title, cell.coordinate, f"cell shows an Excel error ({cell.value}); read as that text")
            if comments and cell.coordinate in comments and comments[cell.coordinate].strip():
                self.warn(ws.title, cell.coordinate, "cell has a comment, which is not part of the plan's text",
                          clean_text(comments[cell.coordinate]))
        sheet.actions.append(raw)
        return raw

    def _formula(self, sheet: str, cell: XCell) -> None:
        formula = one_line(cell.formula, 60)
        if cell.value not in (None, ""):
            self.warn(sheet, cell.coordinate, f"cell holds a formula ({formula}); its last calculated value is used")
        else:
            self.warn(sheet, cell.coordinate,
                      f"cell holds a formula ({formula}) with no saved result (the file was not last saved by "
                      "Excel), so it reads as blank: type the text in, or open and save in Excel")

    def _check_merges(self, ws: Sheet, raw: _RawAction, empty: dict[str, str], merged: dict[str, str]) -> None:
        """A cell merged with the row above: its text was the row above's, not this action's."""
        for name, coordinate in empty.items():
            top = merged.get(coordinate)
            if top and int(re.sub(r"\D", "", top)) != raw.row:
                self.warn(ws.title, coordinate,
                          f"the {FIELD_LABELS[name]} cell of {raw.ref.text} is merged with {top} above, so its text "
                          "belongs to that row; unmerge the cells and give each action its own text")

    def _continue(self, ws: Sheet, columns: ColumnMap, row: _Pending, merged: dict[str, str]) -> None:
        """A row without a ref below an action: the rest of that action's cells, or a row not read."""
        in_merge = merged.get(row.ref_coordinate) == row.action.ref_cell
        if not in_merge and row.has_action_text:  # a new action that lacks a ref
            self._not_read(ws.title, row.first_coordinate, row.texts, False)
            return
        for name, index in columns.fields.items():
            if name in ("ref", "status") or not row.texts[index]:
                continue
            row.action.fields[name] = "\n".join(filter(None, [row.action.fields.get(name, ""), row.texts[index]]))
        if not in_merge:
            self.warn(
                ws.title, row.ref_coordinate,
                f"row has no Ref and no Action; its text was read as part of {row.action.ref.text} above",
                " | ".join(t for t in row.texts if t),
            )

    # -- the plan ----------------------------------------------------------------------
    def plan(self) -> Plan:
        key = self._colour_key()
        all_raw = [raw for sheet in self.sheets for raw in sheet.actions]
        if sum(1 for sheet in self.sheets if sheet.actions) > 1:  # several action sheets: each a section
            for raw in all_raw:
                raw.section = raw.section or raw.sheet
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
                status_word=raw.status_text or None, status_fill=raw.status_rgb, status_cell=raw.status_cell,
            ))
        if not actions:
            raise NoActions(self.path, "has a header row but no actions under it: check the Ref column is filled in")
        return Plan(
            source=display_name(self.path), actions=tuple(actions), warnings=tuple(self._sorted_warnings()),
            title=self.title, priority_areas=tuple(self.areas.items()),
            key=tuple((status, description) for status, _, description in self.key_lines),
            key_fills=tuple((status, rgb) for status, rgb, _ in self.key_lines),
            notes=tuple(self.notes), pap_prefixed=prefixed,
            extra_columns=tuple(dict.fromkeys(h for raw in all_raw for h, _ in raw.extra)),
            # A stand-in until the layout reader's fuller search lands: the date it was last saved.
            version_date=modified.date() if (modified := self.book.properties.modified) else None,
            version_date_source="document properties (last saved)" if modified else None,
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
            status, _recognised = status_from_text(raw.status_text)
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


def _merged_tops(ranges: list[str]) -> dict[str, str]:
    """For every cell inside a merged range (but its top-left), the range's top-left cell."""
    tops: dict[str, str] = {}
    for text in ranges:
        # rules.bounds, not openpyxl's range_boundaries: importing openpyxl (and numpy) for it
        # cost a quarter of a second on every read.
        first_column, first_row, last_column, last_row = bounds(text)
        if (last_row - first_row + 1) * (last_column - first_column + 1) > 5000:
            continue
        top = f"{column_letter(first_column)}{first_row}"
        for row in range(first_row, last_row + 1):
            for column in range(first_column, last_column + 1):
                coordinate = f"{column_letter(column)}{row}"
                if coordinate != top:
                    tops[coordinate] = top
    return tops

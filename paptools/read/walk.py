"""The row walk: one sheet's rows, read through its table in the layout, into raw actions.

Rows above the header give the title, priority areas and the Key; below it, repeated header
blocks are skipped, priority-area and section rows set the context of the actions below
them, Key lines give each colour its status, and every other row with an id and some text
is an action. A row with an id and nothing else is not an action (trackers pre-fill ids far
down the sheet). Whatever cannot be interpreted for certain becomes a DataWarning with its
sheet and cell; nothing is dropped silently.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from paptools.layout import Layout, Table
from paptools.model import DataWarning, Note, Status
from paptools.read.cells import Book, Sheet
from paptools.read.column_checks import DUE_FIELDS, check_columns
from paptools.read.context import AREA_SECTION, PRIORITY_AREA, ContextRows, area_label
from paptools.read.continued import Pending, add_update, carry_on, check_merges, merged_tops
from paptools.read.detect_plan import COVER, GENERATED_SHEETS, LEFT_OUT
from paptools.read.empty_headings import report_empty_headings
from paptools.read.headers import ColumnMap, column_map, is_repeat_header
from paptools.read.keys import KEY_MARKERS
from paptools.read.parents import heading_parents
from paptools.read.progress import RowUpdate
from paptools.read.refs import RefCandidate, leading_ref, named_refs, number_text, parse_ref
from paptools.read.rows import MAX_COLUMNS, Row, cell_text
from paptools.read.struck import strike_out
from paptools.read.text import clean_text, normalise_label, one_line
from paptools.read.update_rows import update_rows
from paptools.read.xcell import XCell, column_letter, row_of

EXCEL_CELL_LIMIT = 32_767
_NOTE = re.compile(r"(?:notes?|n\.?\s?b\.?|please note)\s*[:\-\u2013]", re.I)  # a row written as a note


@dataclass
class RawAction:
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
    status_unsaved: bool = False  # the status cell is a formula with no saved result: its status is not known
    updates: list[RowUpdate] = field(default_factory=list)  # each row's update, where a Date or Author column says whose
    row_statuses: list[tuple[str, str]] = field(default_factory=list)  # (cell, word): the status of each row below it
    status_font: str | None = None  # the status cell's text colour, if it could say something (not black)
    status_mark: bool = False  # the status cell holds a lone mark ("●"), whose font colour may be its status


@dataclass
class SheetRead:
    """What one sheet contributed."""

    name: str
    actions: list[RawAction] = field(default_factory=list)
    text_statuses: int = 0
    fill_statuses: int = 0
    hidden: list[tuple[int, str]] = field(default_factory=list)  # (row, ref) of the actions whose rows are hidden
    formulas: list[XCell] = field(default_factory=list)  # the actions' cells that hold formulas


class Walker(ContextRows):
    """Walks every sheet of a workbook through its layout, collecting raw actions and notes."""

    def __init__(self, book: Book, layout: Layout, seen: dict[str, list[Row]] | None = None):
        self.book = book
        self.layout = layout
        self.seen = seen or {}
        self.warnings: list[DataWarning] = list(layout.warnings)
        self.notes: list[Note] = []
        self.sheets: list[SheetRead] = []
        self.key_lines: list[tuple[Status, str | None, str]] = []  # status, rgb, description
        self.areas: dict[str, str] = {}
        self.title: str | None = None
        self.any_text = False
        self.generated = False
        self.unread_refs: list[tuple[str, str, str]] = []  # (sheet, cell, text) of Ref cells whose rows were not read
        self._key_rows = {(sheet, row) for sheet, first, last in layout.key_cells
                          for row in range(row_of(first), row_of(last) + 1)}

    # -- warnings ----------------------------------------------------------------------
    def warn(self, sheet: str | None, cell: str | None, message: str, value: str | None = None) -> None:
        self.warnings.append(DataWarning(sheet, cell, message, value))

    # -- the walk ----------------------------------------------------------------------
    def read(self, generated: bool, progress: Callable[[int, int], None] | None = None) -> None:
        """Walk each sheet the layout names (views and the updates logs are read elsewhere or not twice)."""
        self.generated = generated
        if self.generated and self.book.title:
            self.title = self.book.title
        tables = {t.sheet: t for t in self.layout.tables}
        left_out = {u.sheet for u in self.layout.unused if u.what == LEFT_OUT}
        logs = {log.sheet for log in self.layout.logs}
        for sheet in self.book.sheets:
            table = tables.get(sheet.title)
            if sheet.title in logs or (table is not None and table.view_of is not None):
                self.any_text = True
                continue
            if table is None and self.generated and sheet.title in GENERATED_SHEETS:
                continue
            if sheet.title in left_out:
                continue
            self._read_sheet(sheet, table, progress)
        self.warnings.extend(self.book.warnings)  # about the file itself: odd characters, missing styles

    def _read_sheet(self, ws: Sheet, table: Table | None, progress: Callable[[int, int], None] | None) -> None:
        sheet = SheetRead(ws.title)
        if ws.state != "visible":
            self.warn(ws.title, None, f"sheet is {ws.state} in Excel; read anyway")
        comments = self.book.comments(ws)
        columns: ColumnMap | None = None
        titles: set[str] = set()
        area = section = None
        last: RawAction | None = None
        pending: list[Pending] = []
        merge_checks: list[tuple[RawAction, dict[str, str]]] = []
        id_only: list[int] = []
        has_content = seen_key = in_key = False
        first_note, formula_rows = len(self.notes), set()
        report = (lambda row: progress(row, ws.max_row)) if progress else None
        moved = {m.row: m for m in table.moved} if table is not None else {}
        for number, hidden, cells, texts in self._rows(ws, report):
            if columns is not None and len(cells) < columns.width:
                cells = cells + [XCell(number, c) for c in range(len(cells) + 1, columns.width + 1)]
                texts = texts + [""] * (len(cells) - len(texts))
            if self.layout.keys_beside:
                texts = self._without_key_beside(ws.title, number, cells, texts)
            if not any(texts):
                continue
            self.any_text = has_content = True
            if (ws.title, number) in self._key_rows:
                self._layout_key_row(ws.title, cells, texts)
                in_key = seen_key = True
                continue
            if table is not None and number in table.header_rows:
                if number == table.header_row:
                    columns = column_map(table)
                    check_columns(ws.title, ws.hidden_columns, table, self.layout, self.warn)
                continue
            if number in moved:  # a second table's header, its columns in another order
                columns, last = column_map(moved[number]), None
                continue
            if columns is None:
                kind = self._loose_row(ws.title, cells, texts, titles)
                seen_key |= kind == "key"
                if kind == "area":
                    area, section = self._area_from(texts), None
                continue
            if is_repeat_header(texts, columns):
                continue
            nonempty = [i for i, t in enumerate(texts) if t]
            first = texts[nonempty[0]]
            single = len(nonempty) == 1
            if single and first in titles:
                continue
            if single and normalise_label(first) in KEY_MARKERS:
                in_key = True
                self.notes.append(Note("key", ws.title, cells[nonempty[0]].coordinate, first))
                continue
            ref_index = columns.fields["ref"]
            if columns.ref_in_action:  # "1.1 Publish ...": the ref taken off the Action cell's text
                ref, ref_text, texts = _leading_ref(texts, ref_index)
                if ref is not None and single and "." not in ref.text:  # "1. Early identification" alone: a heading
                    area, section = self._section(ws.title, cells[nonempty[0]].coordinate, first, area)
                    continue
            else:
                ref, ref_text = self._ref(ws.title, cells[ref_index], texts[ref_index])
            content = any(texts[i] for name, i in columns.fields.items() if name not in ("ref", "status"))
            if ref is not None and (content or "." in ref.text):
                last = self._action(ws, sheet, columns, cells, texts, ref, ref_text, section, area, hidden, comments)
                empty = {name: cells[i].coordinate for name, i in columns.fields.items()
                         if name != "ref" and not texts[i]}
                merge_checks.append((last, empty))
                continue
            if ref is not None and single and nonempty[0] == ref_index and not AREA_SECTION.match(
                    normalise_label(first)):
                id_only.append(number)  # an id and nothing else: a pre-filled row, not an action
                continue
            if ref is not None:  # "PAP 1" alone on its row: a section heading
                area, section = self._section(ws.title, cells[nonempty[0]].coordinate, first, area)
                continue
            if self._is_key_line(cells, texts, nonempty, first, in_key):
                self._key_line(ws.title, cells, texts, nonempty, first)
                in_key = True
                continue
            if PRIORITY_AREA.search(first):
                found = self._record_areas(ws.title, cells[nonempty[0]].coordinate, texts, nonempty)
                if len(found) == 1:
                    area, section = found[0], None
                continue
            # A heading sits at the left; one text right of the Action column under an action
            # carries on that action (a Progress cell spilt onto the next row), as below.
            left = nonempty[0] <= columns.fields.get("action", ref_index)
            if single and _NOTE.match(first):  # "Note: actions 1.3 and 1.4 were agreed ...": not a heading
                self.notes.append(Note("other", ws.title, cells[nonempty[0]].coordinate, first))
                self.warn(ws.title, cells[nonempty[0]].coordinate,
                          "a note between the actions: not read into any action; its text is kept here", first)
                continue
            if single and len(first) <= 150 and not in_key and (left or last is None):
                area, section = self._section(ws.title, cells[nonempty[0]].coordinate, first, area)
                if any(cell.formula for cell in cells):
                    formula_rows.add(number)
                continue
            if content and not texts[ref_index] and last is not None:
                action_index = columns.fields.get("action")
                pending.append(Pending(last, cells[ref_index].coordinate, texts, cells, cells[nonempty[0]].coordinate,
                                        action_index is not None and bool(texts[action_index]), columns))
                continue
            written = "" if columns.ref_in_action else texts[ref_index]  # "2.3 ii", "1.4/2.2": a ref not read
            if written:
                self.unread_refs.append((ws.title, cells[ref_index].coordinate, written))
            self._not_read(ws.title, cells[nonempty[0]].coordinate, texts, in_key,
                           written if len(written) <= 20 and any(map(str.isdigit, written)) else "")
        merged = merged_tops(ws.merges)
        for row in pending:
            if not carry_on(ws.title, row, merged, self.warn):
                self._not_read(ws.title, row.first_coordinate, row.texts, False)
        merge_checks = update_rows(sheet, table, merge_checks, self.notes, self.warn)  # one update a row, ref copied
        check_merges(ws.title, merge_checks, merged, self.warn)
        report_empty_headings(ws.title, self.notes, first_note, [raw.row for raw in sheet.actions], formula_rows,
                              self.warn)
        if table is None and has_content and not seen_key and not self.generated:
            said = next((u.what for u in self.layout.unused if u.sheet == ws.title and u.cell is None), "")
            if said.startswith("a summary") or said == COVER:
                self.notes.append(Note("other", ws.title, "A1", f"sheet {ws.title}: {said}"))
            else:
                self.warn(ws.title, None, "sheet has no header row with a Ref column; not read as actions")
        self._formulas(ws.title, sheet.formulas)
        if sheet.hidden:  # one warning for them all: a plan often hides its completed actions' rows
            top, bottom = sheet.hidden[0][0], sheet.hidden[-1][0]
            refs = [hidden_ref for _, hidden_ref in sheet.hidden]
            named = named_refs(refs)
            self.warn(ws.title, f"A{top}" if top == bottom else f"{top}:{bottom}",
                      f"row of {named} is hidden in Excel; read anyway" if len(refs) == 1 else
                      f"the rows of {len(refs):,} actions are hidden in Excel ({named}); read and counted anyway")
        if id_only and columns is not None:
            letter = column_letter(columns.fields["ref"] + 1)
            self.warn(ws.title, f"{letter}{id_only[0]}:{letter}{id_only[-1]}",
                      f"{len(id_only):,} row(s) have an id and nothing else: not read as actions")
        if ws.max_column > MAX_COLUMNS:
            self.warn(ws.title, None, f"sheet uses {ws.max_column} columns; only the first {MAX_COLUMNS} were read")
        sheet.actions, parents = heading_parents(sheet.actions)
        self.notes += [Note("section", ws.title, raw.ref_cell, f"{raw.ref_text} {raw.fields.get('action', '')}".strip())
                       for raw in parents]
        self.sheets.append(sheet)

    def _rows(self, ws: Sheet, report: Callable[[int], None] | None
              ) -> Iterator[tuple[int, bool, list[XCell], list[str]]]:
        """Each row with its texts: from the rows detection kept (let go once walked), else streamed again."""
        kept = self.seen.pop(ws.title, None)
        if kept is None:
            for number, hidden, cells in self.book.rows(ws, MAX_COLUMNS, report):
                yield number, hidden, cells, [self._text(ws.title, cell) for cell in cells]
            return
        kept.reverse()
        n = 0
        while kept:  # each row let go once walked: what the walk builds takes its place
            row = kept.pop()
            if report is not None and n % 500 == 0:
                report(row.number)
            n += 1
            for cell in row.cells:
                if isinstance(cell.value, str) and len(cell.value) > EXCEL_CELL_LIMIT:
                    self._text(ws.title, cell)  # says the cell is longer than Excel allows
            yield row.number, row.hidden, row.cells, row.texts

    def _section(self, sheet: str, coordinate: str, first: str, area: str | None) -> tuple[str | None, str]:
        """A section heading row: (the priority area it opens, when it names one, and the section)."""
        match = AREA_SECTION.match(normalise_label(first))
        self.notes.append(Note("section", sheet, coordinate, first))
        return (area_label(match.group("n")) if match else area), first

    def _not_read(self, sheet: str, coordinate: str, texts: list[str], in_key: bool, ref: str = "") -> None:
        text = " | ".join(t for t in texts if t)
        self.notes.append(Note("other", sheet, coordinate, text))
        if in_key:
            return
        why = (f"its Ref '{one_line(ref, 20)}' is not a ref paptools reads (1.1, PAP 1.1, 1.1a, P1 A4, SEND-01)"
               if ref else "row is not an action (no Ref) nor a heading")
        self.warn(sheet, coordinate, f"{why}: not read into the plan{', so not counted' if ref else ''}; its text is kept here",
                  text)

    # -- cells -------------------------------------------------------------------------
    def _text(self, sheet: str, cell: XCell) -> str:
        value = cell.value
        if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
            self.warn(sheet, cell.coordinate, f"cell holds {len(value):,} characters, more than Excel allows "
                      f"({EXCEL_CELL_LIMIT:,}); kept whole")
        return cell_text(value)

    def _ref(self, sheet: str, cell: XCell, text: str) -> tuple[RefCandidate | None, str]:
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

    def _action(self, ws: Sheet, sheet: SheetRead, columns: ColumnMap, cells: list[XCell], texts: list[str],
                ref: RefCandidate, ref_text: str, section: str | None, area: str | None,
                hidden: bool, comments: dict[str, str]) -> RawAction:
        def cell_of(name: str) -> XCell | None:
            index = columns.fields.get(name)
            return cells[index] if index is not None else None

        if self.book.struck:  # "~~Amber~~ Green", an entry taken back: read without the struck-through text
            texts = strike_out(ws.title, ref.text, columns.fields, cells, texts, self.book.struck, self.warn)
        fields = {
            name: texts[index] for name, index in columns.fields.items()
            if name not in ("ref", "status", *DUE_FIELDS)
        }
        due_values = {
            name: (cells[columns.fields[name]].value, cells[columns.fields[name]].coordinate)
            for name in DUE_FIELDS if name in columns.fields
        }
        if (struck := cell_of("action") or cells[columns.fields["ref"]]).look.struck:
            self.warn(ws.title, struck.coordinate, f"{ref.text}'s action is struck through in Excel; it is read and "
                      "counted as usual (if it was dropped, say so in its status, or take it out of the plan)")
        timescale_cell, status_cell = cell_of("timescale"), cell_of("status")
        if status_cell is None and columns.row_fill:  # the row is coloured by the Key: its ref cell says
            status_cell = cells[columns.fields["ref"]]
        status_text, rgb, font, mark = "", None, None, False
        if status_cell is not None:
            status_text = texts[columns.fields["status"]] if "status" in columns.fields else ""
            rgb, message = status_cell.fill, status_cell.look.fill_note
            if status_text:  # a lone mark ("●") may show the status by its font colour
                font, mark = status_cell.look.font_colour, status_cell.look.mark_colour(status_text) is not None
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
            sheet.hidden.append((row, ref.text))
        raw = RawAction(
            sheet=ws.title, row=row, ref=ref, ref_text=ref_text,
            ref_cell=cells[columns.fields["ref"]].coordinate, fields=fields,
            timescale_value=timescale_cell.value if timescale_cell is not None else None,
            timescale_cell=timescale_cell.coordinate if timescale_cell is not None else None,
            progress_cell=progress_cell.coordinate if (progress_cell := cell_of("progress")) is not None else None,
            status_text=status_text, status_rgb=rgb,
            status_cell=status_cell.coordinate if status_cell is not None else None,
            extra=extra, section=fields.pop("section", "") or section,
            area=fields.pop("priority_area", "") or area, due_values=due_values,
            status_unsaved=status_cell is not None and status_cell.formula is not None and status_cell.value in (None, ""),
            status_font=font, status_mark=mark,
        )
        add_update(raw, columns, cells, texts)
        for cell in cells:
            if cell.formula is not None:
                sheet.formulas.append(cell)
            elif cell.error:
                self.warn(ws.title, cell.coordinate, f"cell shows an Excel error ({cell.value}); read as that text")
            if comments and cell.coordinate in comments and comments[cell.coordinate].strip():
                self.warn(ws.title, cell.coordinate, "cell has a comment, which is not part of the plan's text",
                          clean_text(comments[cell.coordinate]))
        sheet.actions.append(raw)
        return raw

    def _formulas(self, sheet: str, cells: list[XCell]) -> None:
        """The formulas in the actions' cells, one warning a column (a computed RAG column has one a row)."""
        groups: dict[tuple[int, bool], list[XCell]] = {}
        for cell in cells:
            groups.setdefault((cell.column, cell.value not in (None, "")), []).append(cell)
        for (_, saved), group in sorted(groups.items(), key=lambda item: (item[1][0].row, item[0])):
            first, one = group[0], len(group) == 1
            formula = one_line(first.formula or "", 60)
            where = first.coordinate if one else f"{first.coordinate}:{group[-1].coordinate}"
            held = f"cell holds a formula ({formula})" if one else f"{len(group):,} cells hold formulas (the first: {formula})"
            if saved:
                self.warn(sheet, where, held + ("; its last calculated value is used" if one else
                                                "; their last calculated values are used"))
            else:
                self.warn(sheet, where, f"{held} with no saved result (the file was not last saved by Excel), so "
                          f"{'it reads' if one else 'they read'} as blank: type the text in, or open and save in Excel")

def _leading_ref(texts: list[str], index: int) -> tuple[RefCandidate | None, str, list[str]]:
    """The ref opening an Action cell, as written, and the row's texts with it taken off that cell."""
    text = texts[index]
    found = leading_ref(text) if text else None
    if found is None:
        return None, text, texts
    parsed, rest = found
    return RefCandidate(parsed.text), text[:len(text) - len(rest)].strip(" .:)-–—"), [*texts[:index], rest, *texts[index + 1:]]

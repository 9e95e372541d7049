"""The row walk: one sheet's rows, read through its table in the layout, into raw actions.

Rows above the header give the title, priority areas and the Key; below it, repeated header
blocks are skipped, priority-area and section rows set the context of the actions below
them, Key lines give each colour its status, and every other row with an id and some text
is an action (read into a RawAction by read/action_row.py). A row with an id and nothing else
is not an action (trackers pre-fill ids far down the sheet). Whatever cannot be interpreted for
certain becomes a DataWarning with its sheet and cell; nothing is dropped silently.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from paptools.layout import Layout, Table
from paptools.model import DataWarning, Note, Status
from paptools.read.action_row import EXCEL_CELL_LIMIT, ActionRows, RawAction, SheetRead
from paptools.read.cells import Book, Sheet
from paptools.read.column_checks import check_columns, check_moved
from paptools.read.context import AREA_SECTION, PRIORITY_AREA, ContextRows, area_label
from paptools.read.continued import Pending, carry_on, check_merges, merged_tops, rows_note
from paptools.read.detect_plan import COVER, LEFT_OUT
from paptools.read.empty_headings import report_empty_headings
from paptools.read.generated import GENERATED_SHEETS, own_ref
from paptools.read.headers import ColumnMap, column_map, is_repeat_header
from paptools.read.keys import KEY_MARKERS
from paptools.read.parents import heading_parents
from paptools.read.refs import RefCandidate, leading_ref, named_refs
from paptools.read.rows import MAX_COLUMNS, Row
from paptools.read.summary_rows import is_summary_row, summary_warning
from paptools.read.text import normalise_label, one_line
from paptools.read.update_rows import update_rows
from paptools.read.xcell import XCell, column_letter, row_of

# A row written as a note: "Note: ...", "NB - ...", a label and a colon ("Outcome: families tell us ...",
# "Impact: ..."; "Outcome 2: ..." is a heading), or "NB", "N.B." or "Please note" opening a sentence of
# three words or more ("NB Actions H5 to H8 were added ..."), which no heading does.
_NOTE = re.compile(r"(?:notes?|n\.?\s?b\.?|please note)\s*[:\-\u2013]|(?:outcomes?|impact|comments?)\s*:\s*\S|(?:n\.?\s?b\.?|please note)\s+\S+\s+\S+\s+\S",
                   re.I)


class Walker(ContextRows, ActionRows):
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
        self.tabled: set[str] = set()
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
        totals: list[tuple[int, str, str, str, list[str]]] = []  # a summary under the actions: not read
        has_content = seen_key = in_key = False
        first_note, formula_rows = len(self.notes), set()
        report = (lambda row: progress(row, ws.max_row)) if progress else None
        moved = {m.row: m for m in table.moved} if table is not None else {}
        for number, hidden, cells, texts in self._apart(ws.title, self._rows(ws, report)):
            if columns is not None and len(cells) < columns.width:
                cells = cells + [XCell(number, c) for c in range(len(cells) + 1, columns.width + 1)]
                texts = texts + [""] * (len(cells) - len(texts))
            if self.layout.keys_beside:
                texts = self._without_key_beside(ws.title, number, cells, texts)
            if table is not None:
                texts = table.without_beside(number, texts)
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
            if table is not None and number in moved:  # a second table's header, its columns in another order
                columns, last = column_map(moved[number]), None
                check_moved(ws.title, moved[number], table, self.layout, self.warn)
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
                shown = texts[ref_index]
                if (on := columns.fields.get("ref_sheet")) is not None:  # the cleaned workbook's "Health 1", Sheet "Health"
                    shown = own_ref(shown, texts[on])
                ref, ref_text = self._ref(ws.title, cells[ref_index], shown)
            if ref is not None and last is not None and is_summary_row(texts, ref_index):
                totals.append((number, cells[nonempty[0]].coordinate, cells[nonempty[-1]].coordinate,
                               texts[ref_index], texts))  # "Total actions | 10" under the actions
                self.notes.append(Note("other", ws.title, cells[nonempty[0]].coordinate,
                                       " | ".join(t for t in texts if t)))
                continue
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
            extra_text = any(texts[i] for i in columns.extra)  # a milestone's row (read/continued.py) may give only these
            if (content or extra_text) and not texts[ref_index] and last is not None:
                action_index = columns.fields.get("action")
                pending.append(Pending(last, cells[ref_index].coordinate, texts, cells, cells[nonempty[0]].coordinate,
                                        action_index is not None and bool(texts[action_index]), columns))
                continue
            written = "" if columns.ref_in_action else texts[ref_index]  # "2.3 ii", "1.4/2.2": a ref not read
            if written:
                self.unread_refs.append((ws.title, cells[ref_index].coordinate, written))
            self._not_read(ws.title, cells[nonempty[0]].coordinate, texts, in_key, columns.ref_in_action,
                           written if len(written) <= 20 and any(map(str.isdigit, written)) else "")
        merged = merged_tops(ws.merges)
        for row in pending:
            if carry_on(ws.title, row, merged, self.warn):
                continue
            if is_summary_row(row.texts, row.columns.fields["ref"]):  # "Green | 4" under the actions, no ref
                filled = [cell.coordinate for cell, text in zip(row.cells, row.texts) if text]
                totals.append((row_of(filled[0]), filled[0], filled[-1], "", row.texts))
                self.notes.append(Note("other", ws.title, filled[0], " | ".join(t for t in row.texts if t)))
            else:
                self._not_read(ws.title, row.first_coordinate, row.texts, False, row.columns.ref_in_action)
        if totals:
            self.warnings.append(summary_warning(ws.title, sorted(totals)))
        if (note := rows_note(ws.title, pending, merged)) is not None:
            self.notes.append(note)
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

    def _not_read(self, sheet: str, coordinate: str, texts: list[str], in_key: bool, leading: bool,
                  ref: str = "") -> None:
        text = " | ".join(t for t in texts if t)
        self.notes.append(Note("other", sheet, coordinate, text))
        if in_key:
            return
        if ref:
            self.warn(sheet, coordinate, f"its Ref '{one_line(ref, 20)}' is not a ref paptools reads (1.1, PAP 1.1, "
                      "1.1a, P1 A4, SEND-01): not read into the plan, so not counted; its text is kept here", text)
            return
        # Said plainly: the row is left out of the plan and every count, and how to have it counted.
        fix = ("start its Action cell with a ref (1.1, PAP 1.1)" if leading
               else "give it a ref in the Ref column")
        self.warn(sheet, coordinate, f"row with no Ref, '{one_line(text, 40)}', is not read as an action and is left "
                  f"out of the plan and every count; if it is an action, {fix} to have it counted; its text is kept here", text)

def _leading_ref(texts: list[str], index: int) -> tuple[RefCandidate | None, str, list[str]]:
    """The ref opening an Action cell, as written, and the row's texts with it taken off that cell."""
    text = texts[index]
    found = leading_ref(text) if text else None
    if found is None:
        return None, text, texts
    parsed, rest = found
    return RefCandidate(parsed.text), text[:len(text) - len(rest)].strip(" .:)-–—"), [*texts[:index], rest, *texts[index + 1:]]

"""An action's row read into a RawAction: its fields, due cells, status cell (word, fill, or a
mark's font colour), extra columns, and the warnings its cells call for (a formula, an Excel
error, a comment, text under no header, a cell longer than Excel allows).

A mixin of the row walk (read/walk.py), which finds the action rows; what happens to the raw
actions next (refs settled, statuses and entries read) is read/plan.py's.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from paptools.read.cells import Book, Sheet
from paptools.read.column_checks import DUE_FIELDS
from paptools.read.continued import RowDue, add_update
from paptools.read.headers import ColumnMap
from paptools.read.progress import RowUpdate
from paptools.read.refs import RefCandidate, number_text, parse_ref
from paptools.read.rows import cell_text
from paptools.read.struck import strike_out
from paptools.read.text import clean_text, one_line
from paptools.read.xcell import XCell

__all__ = ["EXCEL_CELL_LIMIT", "ActionRows", "RawAction", "SheetRead"]

EXCEL_CELL_LIMIT = 32_767
_NOT_TEXT = frozenset(("ref", "status", *DUE_FIELDS))  # cells read apart from the text fields


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
    # Rows of its own cells (one a milestone), read/continued.py: each row's cells by column, this row's first
    # (kept as its extra columns, a line a row), and the due cells of each row below, for its due month.
    rows: list[dict[int, str]] = field(default_factory=list)
    row_dues: list[RowDue] = field(default_factory=list)
    # The latest period's status cell was blank, so status_cell is an earlier period's: (the blank cell, that
    # period's header). read/action_status.py says so.
    status_older: tuple[str, str] | None = None
    ref_sheet: str | None = None  # the sheet whose numbering the ref follows, where each sheet numbers afresh


@dataclass
class SheetRead:
    """What one sheet contributed."""

    name: str
    actions: list[RawAction] = field(default_factory=list)
    text_statuses: int = 0
    fill_statuses: int = 0
    hidden: list[tuple[int, str]] = field(default_factory=list)  # (row, ref) of the actions whose rows are hidden
    formulas: list[XCell] = field(default_factory=list)  # the actions' cells that hold formulas


class ActionRows:
    """Reads an action's row; the walk supplies the book and where warnings go."""

    book: Book
    warn: Callable[..., None]

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
            if name not in _NOT_TEXT
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
        status_index, older = columns.fields.get("status"), None
        if status_cell is not None and status_index is not None and columns.earlier_status \
                and _blank(status_cell, texts[status_index]):
            for index, header in columns.earlier_status:  # the latest period's cell is blank: the latest rating given
                if index < len(cells) and not _blank(cells[index], texts[index]):
                    older, status_cell, status_index = (status_cell.coordinate, header), cells[index], index
                    break
        status_text, rgb, font, mark = "", None, None, False
        if status_cell is not None:
            status_text = texts[status_index] if status_index is not None else ""
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
            extra=extra, section=fields.pop("section", "") or section, ref_sheet=fields.pop("ref_sheet", "") or None,
            area=fields.pop("priority_area", "") or area, due_values=due_values,
            status_unsaved=status_cell is not None and status_cell.formula is not None and status_cell.value in (None, ""),
            status_font=font, status_mark=mark, status_older=older,
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


def _blank(cell: XCell, text: str) -> bool:
    """A status cell that gives nothing: no text, no fill but white, no formula waiting to be calculated."""
    return not text and cell.fill in (None, "FFFFFF") and cell.formula is None

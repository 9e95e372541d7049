"""The Actions sheet of the cleaned workbook: one header row, one row per action, as an Excel table.

The columns people look for first come first (Ref, Status in the plan's own words, Action,
Owner, Latest due), then the long text; Ref, Status and the header stay on screen. Columns
no action fills are left out, so the sheet prints as large as it can. The status colours
are conditional formats keyed on the words (xlsxwriter cannot write named cell styles):
one rule per word, so restyling a status is one edit in Conditional Formatting > Manage
Rules, and a word typed or picked from the drop-down takes its colour at once. The headers
are read/generated.py's OWN_HEADERS, the ones the reader reads paptools' own workbook by, so
reading the sheet back gives the same plan whatever the plan's extra columns are called.

Streamed (a large plan's workbook in xlsxwriter's constant_memory mode, see workbook.py), every
row goes to the file as it is written and cannot be gone back to: the header row comes first,
each row is whole before the next begins, and the sheet is a plain filtered range (a table is
refused in that mode), as it already is when a text continues on further rows.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from xlsxwriter.worksheet import Worksheet

from paptools.content.written import progress_cell
from paptools.model import Action, DataWarning, Month, Plan, Status
from paptools.read.generated import OWN_HEADERS
from paptools.read.plan import EXCEL_CELL_LIMIT
from paptools.read.statuses import status_from_text
from paptools.write.xlsx_style import (
    Column,
    PageFit,
    Styles,
    fit_columns,
    formula_like,
    set_page,
    wrapped_height,
)

TABLE_NAME = "PlanActions"
VALIDATION_ROWS = 500  # the drop-down reaches rows added below the plan's last action


@dataclass(frozen=True)
class ActionColumn:
    """One column of the Actions sheet: what it holds and how it prints."""

    column: Column
    value: Callable[[Action], str | Month | None]
    kind: str = "text"  # "text", "ref", "status", "month"
    always: bool = False  # kept even when no action fills it


def status_word(action: Action) -> str:
    """The status in the plan's own word when it has one that reads back as the same status."""
    if action.status is None:
        return action.status_word or ""
    if action.status_word and status_from_text(action.status_word)[0] is action.status:
        return action.status_word
    return action.status.value


def _reads_back(word: str, status: Status) -> bool:
    """Whether the reader, with no house-style file, takes `word` for `status`."""
    return status_from_text(word)[0] is status


def vocabulary(plan: Plan) -> dict[str, Status]:
    """The plan's own status words, in the Key's order: its declared scale (Key, drop-down) and the words
    its actions use, where they read back as the same status; the Key's word for a status with none."""
    declared = [(m.word, m.status) for table in (plan.layout.tables if plan.layout else ())
                for m in table.status.vocabulary if m.status is not None]
    used = [(status_word(a), a.status) for a in plan.actions if a.status is not None and a.status_word]
    words: dict[str, Status] = {}
    for status in Status:
        own = {w.casefold(): w for w, s in reversed(declared + used) if s is status and _reads_back(w, status)}
        for word in reversed(own.values()) if own else [status.value]:  # first spelling of each word kept
            words.setdefault(word, status)
    return words


BASE_COLUMNS: tuple[ActionColumn, ...] = (
    ActionColumn(Column(OWN_HEADERS["ref"], 10), lambda a: a.ref, "ref", always=True),
    ActionColumn(Column(OWN_HEADERS["status"], 13), status_word, "status", always=True),
    ActionColumn(Column(OWN_HEADERS["action"], 40, 26), lambda a: a.title, always=True),
    ActionColumn(Column(OWN_HEADERS["owner"], 16, 13), lambda a: a.owner, always=True),
    ActionColumn(Column(OWN_HEADERS["latest_due"], 10), lambda a: a.timescale.due, "month", always=True),
    ActionColumn(Column(OWN_HEADERS["progress"], 70, 42), progress_cell, always=True),
    ActionColumn(Column(OWN_HEADERS["success_criteria"], 34, 20), lambda a: a.success_criteria),
    ActionColumn(Column(OWN_HEADERS["outcome"], 30, 18), lambda a: a.outcome),
    ActionColumn(Column(OWN_HEADERS["evidence"], 26, 15), lambda a: a.evidence),
    ActionColumn(Column(OWN_HEADERS["timescale"], 16, 12), lambda a: a.timescale.text),
    ActionColumn(Column(OWN_HEADERS["original_due"], 10), lambda a: a.timescale.original_due, "month"),
    ActionColumn(Column(OWN_HEADERS["priority_area"], 12, 10), lambda a: a.priority_area or ""),
    ActionColumn(Column(OWN_HEADERS["section"], 14, 10), lambda a: a.section or ""),
    ActionColumn(Column(OWN_HEADERS["ref_sheet"], 14, 10), lambda a: a.ref_sheet or ""),  # how a ref is read back
)


def action_columns(plan: Plan) -> list[ActionColumn]:
    """The columns this plan needs: the first six always, the others when an action fills them."""
    used = {c.column.header.casefold() for c in BASE_COLUMNS}

    def extra(name: str) -> ActionColumn:
        """The plan's own column, under a header no other column of the table has (Excel requires it):
        the plan's 'Status' beside paptools' own is 'Status (in the plan)'."""
        shown, n = name, 1
        while shown.casefold() in used:
            n += 1
            shown = f"{name} (in the plan)" if n == 2 else f"{name} ({n})"
        used.add(shown.casefold())
        return ActionColumn(Column(shown, 20, 12), lambda a: dict(a.extra).get(name, ""))

    columns = [_ref_column(plan), *BASE_COLUMNS[1:]] + [extra(name) for name in plan.extra_columns]
    return [c for c in columns if c.always or any(c.value(a) for a in plan.actions)]


def _ref_column(plan: Plan) -> ActionColumn:
    """The Ref column, as wide as the longest ref needs ("Communication 1", a ref known by its sheet),
    which is not wrapped: cut short, the number that tells the actions apart would not show."""
    ref = BASE_COLUMNS[0]
    longest = max((len(action.ref) for action in plan.actions), default=0)
    width = min(max(ref.column.width, round(longest * 1.15 + 1)), 30)  # bold: a little wider than its characters
    return replace(ref, column=replace(ref.column, width=width))


def split_long(text: str, limit: int = EXCEL_CELL_LIMIT) -> list[str]:
    """Text cut into pieces Excel can hold, at line breaks (between entries) where possible."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    pieces.append(text)
    return pieces


def _parts(action: Action, columns: list[ActionColumn]) -> list[list[str | Month | None]]:
    """Each column's value for the action, a text past Excel's cell limit cut into the pieces of its rows."""
    parts: list[list[str | Month | None]] = [
        [value] if not isinstance(value, str) or len(value) <= EXCEL_CELL_LIMIT else list(split_long(value))
        for value in (column.value(action) for column in columns)]
    return parts


def tallest(plan: Plan) -> int:
    """The most rows one action takes on the sheet (more than one where a text is past Excel's cell limit)."""
    columns = action_columns(plan)
    return max((max(len(p) for p in _parts(a, columns)) for a in plan.actions), default=1)


class ActionsSheet:
    """Writes the Actions sheet; `notes` says what had to be continued on further rows."""

    def __init__(self, styles: Styles, plan: Plan):
        self.styles, self.plan = styles, plan
        self.columns = action_columns(plan)
        self.fit: PageFit = fit_columns([c.column for c in self.columns])
        self.notes: list[DataWarning] = []

    def write(self, sheet: Worksheet, *, title: str, version: str, streamed: bool = False) -> None:
        """The sheet; `streamed`: in row order for constant_memory mode, as a plain filtered range.

        Streamed, an action may take at most two rows (tallest(plan) <= 2): the Ref merge of a
        taller block would have to be begun before its middle rows were written."""
        widths = self.fit.widths
        headers = [c.column.header for c in self.columns]
        if streamed:
            self._header(sheet, headers)
        row, continued = 1, False
        for action in self.plan.actions:  # one action at a time: nothing of the rows is kept but the sheet's
            parts = _parts(action, self.columns)
            continued = continued or any(len(p) > 1 for p in parts)
            row = self._action_rows(sheet, row, action, parts, widths, streamed)
        last = max(row - 1, 1)
        for col, width in enumerate(widths):
            sheet.set_column(col, col, width)
        if streamed or continued:  # a table cannot hold merged cells (nor be streamed): a plain filtered range
            if not streamed:
                self._header(sheet, headers)
            sheet.autofilter(0, 0, last, len(headers) - 1)
        else:
            sheet.add_table(0, 0, last, len(headers) - 1, {
                "name": TABLE_NAME, "style": "Table Style Light 1", "banded_rows": True, "autofilter": True,
                "columns": [{"header": h, "header_format": self.styles["header"]} for h in headers],
                "title": "Actions of the plan",
                "description": "One row per action: ref, status, action, owner, latest due month and progress.",
            })
            sheet.set_row(0, 30)
        sheet.freeze_panes(1, 2)  # the header row, Ref and Status stay on screen
        self._statuses(sheet, max(last, VALIDATION_ROWS - 1))  # 0-based: to Excel row 500
        set_page(sheet, self.fit, title=title, version=version)
        sheet.activate()

    def _header(self, sheet: Worksheet, headers: list[str]) -> None:
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, self.styles["header"])
        sheet.set_row(0, 30)

    def _action_rows(self, sheet: Worksheet, row: int, action: Action, parts: list[list[str | Month | None]],
                     widths: tuple[float, ...], streamed: bool) -> int:
        height = max(len(p) for p in parts)
        for col, (column, texts) in enumerate(zip(self.columns, parts)):
            if len(texts) > 1:
                self.notes.append(DataWarning(
                    "Actions", f"{_letter(col)}{row + 1}",
                    f"{column.column.header} of {action.ref} is {sum(len(str(t)) for t in texts):,} characters, "
                    f"more than an Excel cell holds ({EXCEL_CELL_LIMIT:,}); it continues on the next "
                    f"{len(texts) - 1} row(s), nothing is cut",
                ))
        for part in range(height):
            shown: list[tuple[str, float]] = []
            for col, (column, texts) in enumerate(zip(self.columns, parts)):
                value = texts[part] if part < len(texts) else None
                if isinstance(value, Month):
                    sheet.write_datetime(row + part, col, datetime(value.year, value.month, 1),
                                         self.styles["month"])
                elif value:
                    self.styles.text(sheet, row + part, col, value, column.kind if column.kind != "month" else "text")
                    shown.append((value, widths[col]))
            sheet.set_row(row + part, wrapped_height(shown))
            if streamed and height > 1 and part == 0:
                # The merge's last write begins the next row: so it comes once its first row is whole.
                # It writes the ref as the first row had it, and the blank below as the other way does.
                if height > 2:
                    raise ValueError(f"{action.ref} takes {height} rows: a streamed sheet holds at most 2")
                sheet.merge_range(row, 0, row + 1, 0, action.ref, self.styles.format("ref", formula_like(action.ref)))
                sheet.write_blank(row + 1, 0, None, self.styles["ref"])
        if height > 1 and not streamed:
            sheet.merge_range(row, 0, row + height - 1, 0, "", self.styles["ref"])
            self.styles.text(sheet, row, 0, action.ref, "ref")
        return row + height

    def _statuses(self, sheet: Worksheet, last: int) -> None:
        """The drop-down of the plan's own status words, and each word's colour."""
        col = [c.kind for c in self.columns].index("status")
        words = vocabulary(self.plan)
        listed = ", ".join(words)
        sheet.data_validation(1, col, last, col, {
            "validate": "list", "source": list(words),
            "input_title": "Status", "input_message": f"Choose one of: {listed}"[:255],
            "error_title": "Not a status", "error_message": f"Use one of: {listed}"[:255],
        })
        for word, status in words.items():
            sheet.conditional_format(1, col, last, col, {
                "type": "cell", "criteria": "==", "value": '"' + word.replace('"', '""') + '"',
                "format": self.styles.conditional[status],
            })


def _letter(col: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return str(xl_col_to_name(col))

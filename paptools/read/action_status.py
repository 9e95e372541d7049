"""An action's status: from its RA cell (the plan's word, or a Key colour: its fill, or the font
colour of a mark, "●" in red), a stage column beside the RAG, the heading over its table
("Completed actions") or the sheet's name ("Closed"), with the evidence for it.

Words beat a fill that is not a Key colour, and any font colour; a mark's font colour is read
only through a Key. A word or colour that fits no status, or rows of one action that give
different statuses, are reported and left unknown, never guessed.
read/plan.py asks for each action's status in turn.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from paptools.layout import Table
from paptools.model import Status, StatusEvidence
from paptools.read.action_row import RawAction
from paptools.read.progress import LogStatus
from paptools.read.refs import MANY, named_refs, of_actions
from paptools.read.scale import lookup
from paptools.read.settle import FRACTIONS, STATUS_PERCENT_HOW
from paptools.read.statuses import WHITE, ColourKey, status_from_text
from paptools.read.text import one_line

__all__ = ["StatusRead", "StatusReader"]

Warn = Callable[..., None]  # (sheet, cell, message, value=None), as the read's own warn
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(%?)")  # a "% complete" cell's figure: "75%", 0.75, "100"


class StatusRead(NamedTuple):
    status: Status | None
    source: StatusEvidence
    word: str | None  # the plan's own word for it
    cell: str | None  # where it was read: the RA cell, or a stage cell beside it
    fill: str | None  # that cell's fill (a stage cell's is not read)
    font: str | None = None  # its text's colour, if it could say something


class StatusReader:
    """Reads each action's status against the plan's colour Key, reporting what it cannot place."""

    def __init__(self, key: ColourKey, warn: Warn, logged: dict[str, LogStatus] | None = None) -> None:
        self.key, self.warn, self.logged = key, warn, logged or {}
        self._colours: dict[tuple[str, str], list[tuple[str | None, str]]] = {}  # (sheet, message) -> (cell, ref)
        # No Key: each status word's cell filled in a RAG colour, by sheet: (cell, its fill, the word's status, the fill's)
        self._painted: dict[str, list[tuple[str | None, str, Status, Status]]] = {}
        # (sheet, column, header, whether a status column) -> "CB02 75%" of each between
        self._percents: dict[tuple[str, str, str, bool], list[str]] = {}

    def finish(self) -> None:
        """The warnings on fills not in the Key, said once for a sheet's many cells of one colour
        (a green a shade off the Key's on thirty rows), naming their actions, as for timescales."""
        for (sheet, message), found in self._colours.items():
            if len(found) < MANY:
                for cell, _ in found:
                    self.warn(sheet, cell, message)
            else:
                self.warn(sheet, found[0][0], f"{message} {of_actions([ref for _, ref in found])}")
        self._colours.clear()
        for sheet, painted in self._painted.items():
            if len(painted) >= MANY and len({rgb for _, rgb, _, _ in painted}) == 1:
                continue  # one colour behind every word: the column's decoration, not a status
            for cell, _, status, from_fill in painted:
                if from_fill is not status:
                    self.warn(sheet, cell, _fill_clash(status, from_fill))
        self._painted.clear()
        for (sheet, cell, header, in_status), between in self._percents.items():
            letter = cell.rstrip("0123456789")
            read = (f"column {letter} '{header}' holds per cent complete, not status words: it is read" if in_status
                    else f"the plan has no RA, RAG or Status column: column {letter} '{header}' is read for the status,")
            self.warn(sheet, cell, read + " 100% as Complete and 0% as Not yet started" + (
                "; a figure between says how much is done, not whether it is on track or at risk, so its status is "
                f"unknown ({len(between)} action{'s' if len(between) > 1 else ''}: {named_refs(between)}); "
                + ("write their RAG status instead" if in_status else "add a RAG or Status column")
                + " to count them" if between else ""))
        self._percents.clear()

    def read(self, raw: RawAction, table: Table, text_mode: bool) -> StatusRead:
        """The action's status, how it was read, the plan's own word, and the cell (and its fill) it was read from."""
        if (staged := self._staged(raw, table)) is not None:
            stage = table.field("stage")
            return StatusRead(*staged, f"{stage.letter}{raw.row}" if stage is not None else raw.status_cell, None)
        read = self._one_for_all(raw, table, StatusRead(*self._cell(raw, table, text_mode), raw.status_cell,
                                                        raw.status_rgb, raw.status_font))
        if raw.status_older is not None and read.status is not None and read.cell == raw.status_cell:
            self._older(raw, table, read)
        return read

    def _older(self, raw: RawAction, table: Table, read: StatusRead) -> None:
        """An action whose latest period's rating is blank, read by its latest earlier one: said, naming
        the action, the blank cell and the period the rating is from, so no one takes it for this period's."""
        blank, period = raw.status_older or ("", "")
        latest = table.field("status")
        shown = f"'{raw.status_text}' in {raw.status_cell}" if raw.status_text else f"the colour of {raw.status_cell}"
        self.warn(raw.sheet, blank, f"{raw.ref.text} has no rating for {one_line(latest.header) if latest else 'this period'} "
                  f"({blank} is blank); its rating for {period}, {shown}, is used: an older rating, {read.status}, "
                  "until one is given")

    def _one_for_all(self, raw: RawAction, table: Table, read: StatusRead) -> StatusRead:
        """An action over several rows that gives a status on more than one ("Complete", "On track",
        "Not started" for its sub-steps): one status when they all agree, else reported and unknown,
        never one of them picked. Rows dated by a Date column came settled: read/update_rows.py."""
        agreed = read.status is not None and all(_word_status(table, word) is read.status for _, word in raw.row_statuses)
        if not raw.row_statuses or agreed:
            return read
        own = (f"{raw.status_cell} '{raw.status_text}'" if raw.status_text else
               f"{raw.status_cell} {read.status} by its colour" if read.status else f"{raw.status_cell} blank")
        said = ", ".join([own, *(f"{cell} '{word}'" for cell, word in raw.row_statuses)])
        cells = f"{raw.status_cell}:{raw.row_statuses[-1][0]}"
        self.warn(raw.sheet, cells, f"the rows of {raw.ref.text} give different statuses ({said}); status unknown: "
                  "give the action one status, or each step a ref of its own",
                  " | ".join(w for w in (raw.status_text, *(word for _, word in raw.row_statuses)) if w))
        return StatusRead(None, StatusEvidence.UNKNOWN, None, cells, None)

    def _staged(self, raw: RawAction, table: Table) -> tuple[Status, StatusEvidence, str] | None:
        """The status a Stage column beside the RAG gives ("Status": Closed, "RAG": G): Complete
        there counts whatever the RAG says, and any other stage counts where the RAG cell gives
        no status; None when the RAG cell is to be read (_cell)."""
        stage = raw.fields.get("stage", "")
        if not stage:
            return None
        status = _word_status(table, stage)
        if status is None:
            return None
        if status is Status.COMPLETE or not self._rag_says(raw, table):
            return status, StatusEvidence.TEXT, stage
        return None

    def _rag_says(self, raw: RawAction, table: Table) -> bool:
        """Whether the RA cell gives a status, by its word or a Key colour."""
        if raw.status_text:
            return _word_status(table, raw.status_text) is not None or self._by_mark(raw) is not None
        rgb = raw.status_rgb
        return rgb is not None and rgb != WHITE and self.key.status_for(rgb)[0] is not None

    def _cell(self, raw: RawAction, table: Table, text_mode: bool) -> tuple[Status | None, StatusEvidence, str | None]:
        """(status, how it was read, the plan's own word). Words beat a fill that is not a Key colour."""
        where = (raw.sheet, raw.status_cell)
        if raw.status_unsaved:  # a formula never calculated: blank is not "not started" (reported with the formulas)
            return None, StatusEvidence.UNKNOWN, None
        if table.status.by_percent and raw.status_cell is not None and (read := self._percent(raw, table)) is not None:
            return read
        implied = _implied(table, raw)
        if raw.status_cell is None:
            if implied is not None:
                return implied
            if (logged := self.logged.get(raw.ref.text)) is not None:  # no status column: the latest update's
                status = _word_status(table, logged.word)
                if status is None:
                    self.warn(*logged.cell.split("!", 1), f"'{logged.word}' is not one of the five statuses; status "
                              "unknown (say what the word counts as under [statuses] in paptools.toml)", logged.word)
                return status, StatusEvidence.LOG if status else StatusEvidence.UNKNOWN, logged.word
            return None, StatusEvidence.UNKNOWN, None
        from_fill, fill_message = (self.key.status_for(raw.status_rgb) if raw.status_rgb else (None, None))
        key_colour = raw.status_rgb in self.key.colours  # any other fill is decoration beside a word
        if raw.status_text:
            status = _word_status(table, raw.status_text)
            font = self.key.colours.get(raw.status_font or "")  # the Key's status for the text's colour
            if status is not None:
                if key_colour and from_fill is not None and from_fill is not status and raw.status_rgb != WHITE:
                    self.warn(*where, _fill_clash(status, from_fill))
                elif not self.key.colours and from_fill not in (None, Status.NOT_STARTED):  # a RAG colour, not a pale one
                    self._painted.setdefault(raw.sheet, []).append((raw.status_cell, raw.status_rgb or "", status,
                                                                    from_fill))  # said in finish(), unless decoration
                if font is not None and font is not status:
                    self.warn(*where, f"status text says {status} but the font colour says {font}; the text is used")
                return status, StatusEvidence.TEXT, raw.status_text
            use_fill = from_fill is not None and raw.status_rgb in self.key.colours
            if not use_fill and raw.status_mark and raw.status_font:
                return self._mark(raw, table)
            use_font = not use_fill and font is not None
            self.warn(*where, f"'{raw.status_text}' is not one of the five statuses"
                      + ("; the fill colour is used" if use_fill else "; the font colour is used" if use_font
                         else "; status unknown")
                      + " (say what the word counts as under [statuses] in paptools.toml)", raw.status_text)
            if use_fill:
                return from_fill, StatusEvidence.FILL, raw.status_text
            if use_font:
                return font, StatusEvidence.FONT, raw.status_text
            return None, StatusEvidence.UNKNOWN, raw.status_text
        if raw.status_rgb and raw.status_rgb != WHITE:
            if fill_message:  # said in finish()
                self._colours.setdefault((raw.sheet, fill_message), []).append((raw.status_cell, raw.ref.text))
            return from_fill, (StatusEvidence.FILL if from_fill else StatusEvidence.UNKNOWN), _key_word(table, raw.status_rgb)
        if implied is not None:
            return implied
        blank = self.key.blank_status()
        if text_mode or blank is None or table.status.by_percent:
            named = f"{one_line(column.header, 40)} cell" if table.status.by_percent and (column := table.field("status")) \
                else "RA cell"
            self.warn(*where, f"{raw.ref.text} has no status (the {named} is blank); status unknown")
            return None, StatusEvidence.UNKNOWN, None
        return blank, StatusEvidence.BLANK, None

    def _percent(self, raw: RawAction, table: Table) -> tuple[Status | None, StatusEvidence, str | None] | None:
        """A "% complete" figure read for the status of a plan with no status column: 100% is Complete and
        0% Not yet started; a figure between says how much is done, not whether it is on track or at risk,
        so it is unknown (said once for the sheet, in finish()). None for a cell that holds no figure."""
        text = raw.status_text.strip()
        found = _FIGURE.fullmatch(text)
        if found is None:
            return None  # blank, or words typed in: read as any status cell is
        value, column = float(found.group(1)), table.field("status")
        fractions = column is not None and column.how.endswith(FRACTIONS)  # 0.75 and 1 beside it: 75% and 100%
        if not found.group(2) and (0 < value < 1 or (fractions and value == 1)):
            value *= 100  # 0.75 shown as a number: Excel keeps 75% so
        where = (raw.sheet, raw.status_cell)
        if (not found.group(2) and value == 1) or value > 100:
            self.warn(*where, f"'{text}' in the {one_line(column.header, 40) if column else '% complete'} column is "
                      + ("1% or 100%, as it is not shown as a percentage" if value == 1 else "more than 100%")
                      + "; status unknown (format the column as a percentage, or type the figure with its %)", text)
            return None, StatusEvidence.UNKNOWN, text
        if column is not None:
            between = self._percents.setdefault((raw.sheet, f"{column.letter}{table.header_row}",
                                                 one_line(column.header, 40), column.how == STATUS_PERCENT_HOW), [])
            if 0 < value < 100:
                between.append(f"{raw.ref.text} {text if found.group(2) else f'{value:g}%'}")
        if value in (0, 100):
            return Status.COMPLETE if value else Status.NOT_STARTED, StatusEvidence.TEXT, text
        return None, StatusEvidence.UNKNOWN, text

    def _by_mark(self, raw: RawAction) -> Status | None:
        """The status a lone mark's font colour stands for in the Key ("●" in red), if there is a Key."""
        if not (raw.status_mark and raw.status_font and self.key.colours):
            return None
        return self.key.status_for(raw.status_font, "font colour")[0]

    def _mark(self, raw: RawAction, table: Table) -> tuple[Status | None, StatusEvidence, str | None]:
        """A lone mark in a font colour ("●" in red) and no word: its colour through the Key, as a
        fill's is; without a Key it says nothing, and the officer is told what to add."""
        font = raw.status_font or ""
        if not self.key.colours:
            self.warn(raw.sheet, raw.status_cell, f"'{raw.status_text}' is shown in font colour {font}, but the "
                      "workbook has no Key saying what each colour means; status unknown (add a Key: a 'Key' heading, "
                      "then the mark in each colour beside its status word)", raw.status_text)
            return None, StatusEvidence.UNKNOWN, None
        status, message = self.key.status_for(font, "font colour")
        if message:
            self.warn(raw.sheet, raw.status_cell, message)
        return status, (StatusEvidence.FONT if status else StatusEvidence.UNKNOWN), _key_word(table, font)


def _implied(table: Table, raw: RawAction) -> tuple[Status, StatusEvidence, str] | None:
    """The status a row that gives none takes from the heading over its second table ("Completed
    actions") or from its sheet's name ("Closed"), with that heading or name as the plan's word."""
    under = next((m for m in reversed(table.moved) if m.row < raw.row), None)
    if under is not None and under.status is not None and under.heading is not None:
        return under.status, StatusEvidence.HEADING, under.heading[1]
    if table.sheet_status is not None:
        return table.sheet_status, StatusEvidence.SHEET_NAME, raw.sheet
    return None


def _word_status(table: Table, text: str) -> Status | None:
    """The status a word stands for in the plan's own scale, else by its meaning."""
    word = lookup(table.status.vocabulary, text)
    return word.status if word is not None else status_from_text(text)[0]


def _key_word(table: Table, rgb: str) -> str | None:
    """The key's own word for a colour (a fill's, or a mark's font colour), when the key gives one."""
    return next((w.word for w in table.status.vocabulary if w.colour == rgb), None)


def _fill_clash(status: Status, from_fill: Status) -> str:
    """What is said of a status word whose cell's fill colour says another status."""
    return f"status text says {status} but the fill colour says {from_fill}; the text is used"

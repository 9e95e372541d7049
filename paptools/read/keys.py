"""The plan's Key (or legend): which words, and which colours, stand for which status.

A Key is a block of rows after a "Key" heading, or anywhere on a sheet named Key, Guidance or
Read me, or a block of columns beside the table headed "Key", on the actions' own rows, or one
cell ("RAG key: B = complete, N/S = not started"; its codes colours, letters, numbers, symbols). Each
line gives a word, perhaps a colour (a filled cell, or a mark in a font colour: "●" in red
beside "At risk"), and perhaps a description: "A | At risk" says what the plan's own "A" means
(read/scale.py applies it). read/detect_plan.py decides which Key a table
uses; the walk (read/walk.py, read/context.py) reads its lines for the report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from paptools.layout import KeyBeside
from paptools.model import Status
from paptools.read.header_map import Header
from paptools.read.headers import match_header
from paptools.read.rows import Row
from paptools.read.scale import word_status
from paptools.read.statuses import status_from_text
from paptools.read.text import normalise_label, one_line
from paptools.read.xcell import XCell, column_letter

__all__ = ["KEY_MARKERS", "KEY_SHEET", "KeyBlock", "key_beside", "key_blocks", "marked_line"]

KEY_MARKERS = {"key", "legend", "rag key", "ra key", "key to rag", "status key", "rag rating key", "key to ra",
               "brag key", "rag status key", "status legend", "rag rating", "rag ratings", "rag status",
               "rag statuses", "rating key", "colour key", "colour coding", "status ratings"}
KEY_SHEET = re.compile(r"\b(?:key|legend|guidance|read ?me|instructions|lookups?|lists?|definitions)\b", re.I)
_KEY_HEADINGS = {"meaning", "meanings", "description", "definition", "what it means", "explanation"}
_BESIDE_LINES = 12  # a Key beside the table has at most this many lines


@dataclass
class KeyBlock:
    sheet: str
    words: dict[str, str | None]  # word -> fill colour
    first: str
    last: str
    # word -> the status its description names (None: the description fits none), and the description
    meanings: dict[str, tuple[Status | None, str]] = field(default_factory=dict)
    twice: set[str] = field(default_factory=set)  # words the Key gives two meanings ("●" in blue, "●" in red)
    described: dict[str, str] = field(default_factory=dict)  # word -> its description, as the Key writes it

    def add(self, word: str, rgb: str | None, description: str, last: str) -> None:
        """One Key line: its word, colour, and a description that may name the word's status. A word
        given two meanings means neither ("●" beside two statuses, told apart by nothing read)."""
        meaning = status_from_text(description)[0] if description else None
        if word in self.words and self.meanings.get(word, (None,))[0] is not meaning:
            self.twice.add(word)
            self.meanings.pop(word, None)
            self.described.pop(word, None)
        elif description and word not in self.twice:  # "A | At risk": the Key says what its word means
            self.meanings[word] = (meaning, one_line(description))
        if description and word not in self.twice:
            self.described[word] = description
        self.words[word] = rgb
        self.last = last


# A Key written out in one cell: "RAG key: Blue = not yet started, Green = complete, Amber = on track",
# "Delivery confidence key: 5 = Complete, 4 = On track, ...", "RAG key: B = complete, N/S = not started".
_TEXT_KEY = re.compile(r"^\s*(?:[^\s:=]+\s+){0,3}?(?:key|legend|ratings?)\s*[:\-\u2013]", re.I)
_COLOUR_NAMES = {"blue": "0070C0", "green": "00B050", "amber": "FFC000", "yellow": "FFC000", "orange": "FFC000",
                 "red": "FF0000", "white": "FFFFFF"}  # a named colour stands for its family (statuses.family)
_NAMED = "|".join(_COLOUR_NAMES)
_PAIR = re.compile(rf"\b({_NAMED})\b\s*(?:=|:|-|\u2013|means)\s*(.+?)\s*(?=[,;.\n]|\b(?:{_NAMED})\b\s*(?:=|:|-|\u2013|means)|$)",
                   re.I)
_CODE = re.compile(r"\s*([^\s=:]{1,4})\s*(?:=|:|\u2013|-(?=\s))\s*(.+?)\s*")  # "B = complete", "5 = Complete", "✔ = done"


def _text_key(sheet: str, row: Row, text: str) -> KeyBlock | None:
    """A Key written out in one cell, naming three colours or more and what each means, else three
    codes of the plan's own (letters, numbers, symbols) each said to mean a status."""
    opening = _TEXT_KEY.match(text)
    if opening is None:
        return None
    rest = text[opening.end():]
    pairs: list[tuple[str, str, str | None]] = [
        (colour.capitalize(), meaning, _COLOUR_NAMES[colour.lower()]) for colour, meaning in _PAIR.findall(rest)]
    if len({colour for colour, _, _ in pairs}) < 3:
        codes = [found.groups() for part in re.split(r"[,;\n]", rest) if (found := _CODE.fullmatch(part))]
        if len({code for code, meaning in codes if status_from_text(meaning)[0] is not None}) < 3:
            return None
        pairs = [(code, meaning, None) for code, meaning in codes]
    cell = row.cells[next(i for i, t in enumerate(row.texts) if t)].coordinate
    block = KeyBlock(sheet, {}, cell, cell)
    for word, meaning, rgb in pairs:
        block.add(word, rgb, meaning, cell)
    return block


def marked_line(cells: list[XCell], texts: list[str], nonempty: list[int]) -> tuple[str | None, list[int]]:
    """A Key line whose colour is a mark's font colour ("●" in red beside "At risk"): the colour and
    the line's other cells, the mark being its swatch; (None, the line) for any other line."""
    if len(nonempty) < 2:
        return None, nonempty
    for i in nonempty:
        if i < len(cells) and (colour := cells[i].look.mark_colour(texts[i])) is not None:
            return colour, [j for j in nonempty if j != i]
    return None, nonempty


def key_blocks(sheet: str, rows: list[Row]) -> list[KeyBlock]:
    """Key or legend blocks: after a 'Key' heading, or anywhere on a sheet named Key, Guidance, Read
    me, or written out in one cell ("RAG key: Blue = not yet started, Green = complete, ...")."""
    blocks: list[KeyBlock] = []
    whole = bool(KEY_SHEET.search(sheet))
    current: KeyBlock | None = None
    last_row = 0
    for row in rows:
        nonempty = [i for i, t in enumerate(row.texts) if t]
        first = row.texts[nonempty[0]]
        if len(nonempty) == 1 and (written := _text_key(sheet, row, first)) is not None:
            blocks.append(written)
            current = None
            continue
        if len(nonempty) == 1 and normalise_label(first) in KEY_MARKERS:
            current, last_row = None, row.number
            whole_here = True
        else:
            whole_here = whole or (last_row > 0 and row.number - last_row <= 2)
        line = nonempty  # with its mark, if its colour is one
        mark, nonempty = marked_line(row.cells, row.texts, nonempty) if whole_here else (None, nonempty)
        first = row.texts[nonempty[0]]
        word = first.split(":")[0].strip() if ":" in first[:41] else first
        if not whole_here or len(word) > 40 or len(word.split()) > 5:
            current = None if not whole else current
            continue
        header_like = match_header(word)
        if normalise_label(word) in KEY_MARKERS or (header_like is not None and header_like.field == "status"):
            continue
        status, _ = word_status(word)
        described = len(nonempty) > 1 or word != first
        fills = [cell.fill for cell in row.cells[:nonempty[-1] + 1]]
        rgb = next((f for f in fills if f and f != "FFFFFF"), None) or mark
        if status is None and not described and rgb is None:
            continue  # a word of the plan's own beside a colour is a Key line: the colour says what it means
        description = " ".join(row.texts[i] for i in nonempty[1:]) if word == first else first.split(":", 1)[1].strip()
        if status is None and normalise_label(description) in _KEY_HEADINGS:
            continue  # the Key table's own header ("Code | Meaning"), no line of it
        coordinate = row.cells[0 if rgb and not row.texts[0] else line[0]].coordinate
        end = row.cells[line[-1]].coordinate
        if current is None:
            current = KeyBlock(sheet, {}, coordinate, end)
            blocks.append(current)
        current.add(word, rgb, description, end)
        last_row = row.number
    return [b for b in blocks if len(b.words) >= 2]


def key_beside(sheet: str, rows: list[Row], header: Header) -> tuple[KeyBlock, KeyBeside] | None:
    """A Key kept in the columns right of the table ("Key" over a word column and its meanings),
    on the rows of the actions themselves: its block, and where it lies so the walk reads those
    cells as the Key's and not as the actions'."""
    right = max([c.index for c in header.columns] + [p.index for p in header.periods])
    marked = next(((n, i) for n, row in enumerate(rows[:header.rows[-1] + 60]) for i, text in enumerate(row.texts)
                   if i > right and text and normalise_label(text) in KEY_MARKERS), None)
    if marked is None:
        return None
    at, column = marked
    block = KeyBlock(sheet, {}, "", "")
    widest, last_row, statuses = column, rows[at].number, 0
    for row in rows[at + 1: at + 1 + _BESIDE_LINES]:
        if row.number != last_row + 1 or column >= len(row.cells):
            break
        word, description = row.texts[column], row.texts[column + 1] if column + 1 < len(row.texts) else ""
        rgb = next((c.fill for c in row.cells[column:column + 2] if c.fill and c.fill != "FFFFFF"), None)
        mark, rest = marked_line(row.cells, row.texts, [i for i in (column, column + 1) if i < len(row.texts)
                                                        and row.texts[i]])
        if rgb is None and mark is not None:  # "●" in red beside "At risk": the mark is the line's swatch
            rgb, word, description = mark, "", row.texts[rest[0]]
        swatch = not word and rgb is not None and bool(description)  # a cell of colour beside its word
        if swatch:
            word, description = description, ""
        if not word or len(word) > 40 or len(word.split()) > 5:
            break
        statuses += word_status(word)[0] is not None or status_from_text(description)[0] is not None
        end = column + 1 if description or swatch else column  # the line's last cell
        widest = max(widest, end)
        block.first = block.first or row.cells[column].coordinate
        block.add(word, rgb, description, row.cells[end].coordinate)
        last_row = row.number
    if statuses < 2:
        return None
    block.last = f"{column_letter(widest + 1)}{last_row}"  # the block's bottom right, whichever line reaches it
    return block, KeyBeside(sheet, (rows[at].number, last_row), (column, widest))

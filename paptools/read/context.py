"""Rows that are not actions: the title, priority areas, section headings, the Key, a risk log.

A mixin of the row walk (read/walk.py): it records the plan's title, the priority areas and
their descriptions, and each Key line's status, colour (a fill, or a mark's font colour) and
description, as notes; the rows of a table that is not of actions (read/apart.py) are kept as
notes and not walked at all.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from paptools.layout import Layout
from paptools.model import Note, Status
from paptools.read.apart import Walked, kept_apart
from paptools.read.cells import Book
from paptools.read.keys import KEY_MARKERS, marked_line
from paptools.read.statuses import WHITE, family, key_status
from paptools.read.text import ascii_lower, normalise_label
from paptools.read.version import is_date_line, without_date
from paptools.read.xcell import XCell

# "Priority area 2: ...", "Priority 2 - ..." (its number then a colon or a dash: "Priority 2.1" is a
# ref), and a written statement of action's own names for them: "Area of weakness 2", "Area for
# improvement 2", "Area of concern 2".
PRIORITY_AREA = re.compile(
    r"^[ \t]*(?:priority[ \t]+(?:action[ \t]+)?area|priority(?=[ \t]+(?:\d+|[ivx]+)[ \t]*[:\-–—])"
    r"|area[ \t]+(?:of[ \t]+weakness|for[ \t]+improvement|of[ \t]+concern))"
    r"[ \t]*(?P<n>\d+|[ivx]+)\b[ \t]*[:\-–—.]?[ \t]*", re.I | re.M
)
AREA_SECTION = re.compile(r"^(?:pap|priority(?: action)?(?: area)?|area|pa)\s*(?P<n>\d+|[ivx]+)$", re.I)
# Words that name a plan: a title row without one ("Bradfield Council") gives way to one below it that has one.
_TITLE_WORDS = re.compile(r"\b(?:plans?|actions?|statement|tracker|programme|priorit(?:y|ies)|improvement|send|wsoa)\b",
                          re.I)
# Lines that are not the plan's name: words to whoever fills it in ("PAP tracker - please update the
# Progress column on Sheet2", "Leads should update ...", "Enter the RAG rating from the list", "Do not
# change the refs", "Instructions: ..."), a sentence (a title has no full stop), or the statuses to use
# ("Statuses: Green, Amber, Red, Complete.").
_NOT_TITLE = re.compile(
    r"\bplease\b|\bdo\s+not\b|\bdon[’']t\b|\b(?:should|must)\b|(?:\S+\s+){4,}\S*[a-z)]\.\s*$|^\W*(?:instructions?|guidance|how\s+to\s+(?:use|complete|update|fill))\b"
    r"|^\W*(?:(?:rag\s+)?(?:status(?:es)?|ratings?)|key|legend)\s*[:\-–]"
    r"|^\W*(?:enter|update|complete|fill\s+in|select|choose|use|add|type|record|write|insert|click)\s+"
    r"(?:the|your|each|every|all|any|a|an|this|these|in|on|from|here|below)\b",
    re.I,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def area_label(number: str | int) -> str:
    """'Priority area 2' from 2, '2' or 'ii'."""
    if isinstance(number, str) and ascii_lower(number) in _ROMAN:
        number = _ROMAN[ascii_lower(number)]
    return f"Priority area {int(number)}"


class ContextRows:
    """Reads the rows around the actions; the walk supplies the book and the records."""

    book: Book
    notes: list[Note]
    areas: dict[str, str]
    key_lines: list[tuple[Status, str | None, str]]  # status, rgb, description
    title: str | None
    tabled: set[str]  # sheets with a row of several cells above any header: the rows under it are a table's
    layout: Layout

    def _apart(self, sheet: str, rows: Iterator[Walked]) -> Iterator[Walked]:
        """The sheet's rows but those of its tables that are not of actions (a risk log, read/apart.py),
        whose text is kept as notes instead."""
        spans = [apart.rows for apart in self.layout.apart if apart.sheet == sheet]
        return kept_apart(sheet, rows, spans, self.notes) if spans else rows

    def _without_key_beside(self, sheet: str, number: int, cells: list[XCell], texts: list[str]) -> list[str]:
        """The row's texts without the cells of a Key kept beside the table, whose line is read here."""
        for area in self.layout.keys_beside:
            if area.holds(sheet, number):
                first, last = area.columns
                if any(texts[first:last + 1]):
                    self._layout_key_row(sheet, cells[first:last + 1], texts[first:last + 1])
                return [*texts[:first], *[""] * len(texts[first:last + 1]), *texts[last + 1:]]
        return texts

    def _layout_key_row(self, sheet: str, cells: list[XCell], texts: list[str]) -> None:
        """A row of a key or legend block the layout found: a Key line if it names a status (beside a
        mark in its colour, perhaps: "●" in red, "At risk"), else a note."""
        nonempty = [i for i, t in enumerate(texts) if t]
        first = texts[nonempty[0]]
        mark, words = marked_line(cells, texts, nonempty)
        if key_status(first):
            self._key_line(sheet, cells, texts, nonempty, first)
        elif mark is not None and key_status(texts[words[0]]):
            self._key_line(sheet, cells, texts, nonempty, texts[words[0]])
        else:
            self.notes.append(Note("key", sheet, cells[nonempty[0]].coordinate, " ".join(texts[i] for i in nonempty)))

    def _row_fill(self, cells: list[XCell]) -> str | None:
        for cell in cells:
            if cell.fill and cell.fill != WHITE:
                return cell.fill
        return None

    def _key_colour(self, cells: list[XCell], word: int) -> str | None:
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
    def _loose_row(self, sheet: str, cells: list[XCell], texts: list[str], titles: set[str]) -> str:
        """A row above the header: the title, a priority area, the Key, or a note."""
        nonempty = [i for i, t in enumerate(texts) if t]
        first = texts[nonempty[0]]
        coordinate = cells[nonempty[0]].coordinate
        if normalise_label(first) in KEY_MARKERS:
            self.notes.append(Note("key", sheet, coordinate, first))
            return "key"
        if self._is_key_line(cells, texts, nonempty, first, False):
            self._key_line(sheet, cells, texts, nonempty, first)
            return "key"
        if PRIORITY_AREA.search(first):
            found = self._record_areas(sheet, coordinate, texts, nonempty)
            return "area" if len(found) == 1 else "areas"
        # Kept as a note, never the plan's name: an instruction, or a line under a row of several cells
        # ("Status | Count" over "Green"), a table's row, unless it names a plan.
        if len(nonempty) == 1 and (_NOT_TITLE.search(first) or (sheet in self.tabled and not _TITLE_WORDS.search(first))):
            self.notes.append(Note("other", sheet, coordinate, first))
            return "other"
        if len(nonempty) == 1 and not is_date_line(first) and (
                self.title is None or (not _TITLE_WORDS.search(self.title) and _TITLE_WORDS.search(first))):
            self.title = without_date(first)  # the plan's name, over a council's or directorate's above it
        if len(nonempty) == 1:
            titles.add(first)
            self.notes.append(Note("title", sheet, coordinate, first))
            return "title"
        self.tabled.add(sheet)
        self.notes.append(Note("other", sheet, coordinate, " | ".join(texts[i] for i in nonempty)))
        return "other"

    def _area_from(self, texts: list[str]) -> str | None:
        for text in texts:
            found = PRIORITY_AREA.findall(text)
            if len(found) == 1:
                return area_label(found[0])
        return None

    def _record_areas(self, sheet: str, coordinate: str, texts: list[str], nonempty: list[int]) -> list[str]:
        found: list[str] = []
        for index in nonempty:
            text = texts[index]
            matches = list(PRIORITY_AREA.finditer(text))
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

    def _is_key_line(self, cells: list[XCell], texts: list[str], nonempty: list[int], first: str,
                     in_key: bool) -> bool:
        """A legend line: a status word with a description, or alone in a coloured cell.

        A figures table ("Complete | 38 | 73%") names statuses too, but with numbers; an action's
        row whose ref is a letter ("A", "G") fills four cells or more, a legend line fewer.
        """
        if not key_status(first):
            return False
        if any(isinstance(cells[i].value, (int, float)) for i in nonempty):
            return False
        if len(nonempty) >= 4:  # an action's row ("A | Joint commissioning | Jane Smith | Apr 2025 | ..."), lettered
            return False
        rest = " ".join(texts[i] for i in nonempty)[len(first.split(":")[0]):]
        described = len(re.findall(r"[A-Za-z]{2,}", rest)) >= 2
        return described or bool(self._row_fill(cells)) or (in_key and len(nonempty) == 1)

    def _key_line(self, sheet: str, cells: list[XCell], texts: list[str], nonempty: list[int], first: str) -> None:
        status = key_status(first)
        if status is None:
            return
        own = cells[nonempty[0]]
        mark, words = marked_line(cells, texts, nonempty)  # the mark is the line's colour, not its words
        rgb = self._key_colour(cells, words[0])
        if mark is not None and rgb in (None, WHITE):
            rgb = mark
        description = " ".join(texts[i] for i in words)
        self.key_lines.append((status, rgb, description))
        self.notes.append(Note("key", sheet, own.coordinate, description))

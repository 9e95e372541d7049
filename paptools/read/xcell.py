"""One cell as the sheet stream hands it out, and column letters.

A plain record with slots, not openpyxl's Cell: a large plan streams millions of them.
"""
from __future__ import annotations

from paptools.read.styles import PLAIN, CellLook

__all__ = ["CellValue", "XCell", "column_index", "column_letter", "row_of"]

# A cell's value as read: text, a number, a date, True or False, or None. Named, not written `object`, where a
# NamedTuple field holds one: a NamedTuple compiled by mypyc looks its fields' types up among the module's names.
CellValue = object

_LETTERS: dict[int, str] = {}


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


def column_index(letters: str) -> int:
    """A -> 1, AA -> 27."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


def row_of(coordinate: str) -> int:
    """The row number of a cell reference ("C12" -> 12; "C12:C14" -> 12); 0 for none."""
    digits = "".join(c for c in coordinate.partition(":")[0] if c.isdigit())
    return int(digits) if digits else 0


class XCell:
    """One cell as streamed: its value (as Excel shows it), style index and look, and formula if any."""

    __slots__ = ("column", "error", "formula", "look", "row", "style", "value")

    def __init__(self, row: int, column: int, value: object = None, style: int = 0, formula: str | None = None,
                 error: bool = False, look: CellLook = PLAIN) -> None:
        self.row, self.column, self.value, self.style = row, column, value, style
        self.formula, self.error, self.look = formula, error, look

    @property
    def coordinate(self) -> str:
        return f"{column_letter(self.column)}{self.row}"

    @property
    def fill(self) -> str | None:
        """The cell's fill as RGB, or None for no fill."""
        return self.look.fill

    @property
    def number_format(self) -> str:
        return self.look.number_format

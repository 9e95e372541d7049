"""A second table beside the first on one sheet (A:F and H:M, each with its own "Ref | Action"
header, a blank column between): its cells are not the first table's extra columns. Its columns
are cut from the header row read, and one warning names its range and the rows it holds; they
are not read as actions (a table is bounded by its header row's cells, read/detect.py)."""
from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from paptools.model import DataWarning
from paptools.read.rows import Row
from paptools.read.xcell import column_letter

__all__ = ["beside", "beside_warning"]


def beside(headers: dict[int, str], qualifies: Callable[[dict[int, str]], bool]) -> int | None:
    """The first column (0-based) of a second table's header after a blank column, when the header
    cells each side of it qualify as a header row on their own; None when there is no such gap."""
    columns = sorted(headers)
    for before, after in pairwise(columns):
        if after - before < 2:
            continue
        left = {i: t for i, t in headers.items() if i < after}
        right = {i: t for i, t in headers.items() if i >= after}
        if qualifies(left) and qualifies(right):
            return after
    return None


def beside_warning(sheet: str, header_row: int, headers: dict[int, str], first: int,
                   rows: list[Row]) -> DataWarning:
    """What the second table holds, said so: its range, its first headers and its rows with text."""
    last = max(headers)
    held = [r for r in rows if r.number >= header_row and any(r.texts[first:last + 1])]
    below = [r.number for r in held if r.number > header_row]
    end = below[-1] if below else header_row
    letters = f"{column_letter(first + 1)}:{column_letter(last + 1)}"
    names = [headers[i] for i in sorted(headers) if i >= first]
    shown = ", ".join(f"'{n}'" for n in names[:4]) + (" ..." if len(names) > 4 else "")
    return DataWarning(
        sheet, f"{column_letter(first + 1)}{header_row}:{column_letter(last + 1)}{end}",
        f"a second table beside the one read (columns {letters}, header {shown}) is not read: its "
        f"{len(below)} rows are not counted as actions (move it under the first table, or onto a sheet of its own)",
        "\n".join(" | ".join(t for t in r.texts[first:last + 1] if t) for r in held))

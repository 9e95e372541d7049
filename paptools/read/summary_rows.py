"""A summary under a plan's actions ("Total actions | 10", "Complete | 2"): its figure sits in the
Ref column, so it would read as an action "10" of unknown status and be counted. A row whose would-be
ref is a bare number, and whose other cells hold only a short label (a total, a count, a status word)
and figures, below the actions, is taken for such a summary: not read nor counted, one warning names
its rows, and their text is kept as notes (read/walk.py). So is such a row with no ref at all
("Green | 4" under the table), which would otherwise be a warning of its own each, as if an action
had lost its ref."""
from __future__ import annotations

import re

from paptools.model import DataWarning
from paptools.read.vocabulary import map_status_word

__all__ = ["is_summary_row", "summary_warning"]

_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*%?")
_TOTAL = re.compile(r"\b(?:total|totals|count|number|sum|no\. of|actions?|overall|all)\b", re.I)


def is_summary_row(texts: list[str], ref_index: int) -> bool:
    """Whether a row whose ref cell holds a bare number, or nothing, is a label and figures, not an
    action ("Total actions | 10"; "Green | 4" with no ref)."""
    ref = texts[ref_index].strip()
    if ref and not ref.isdigit():
        return False
    others = [t.strip() for i, t in enumerate(texts) if t and i != ref_index]
    labels = [t for t in others if not _FIGURE.fullmatch(t)]
    if len(labels) != 1 or len(labels[0]) > 40 or (not ref and len(others) == 1):
        return False
    label = labels[0].rstrip(":")
    return bool(_TOTAL.search(label)) or map_status_word(label).status is not None


def summary_warning(sheet: str, rows: list[tuple[int, str, str, str, list[str]]]) -> DataWarning:
    """One warning for a sheet's summary rows: (row, first and last cell with text, ref text, texts) each."""
    numbers = [row[0] for row in rows]
    named = (f"row {numbers[0]} is" if len(numbers) == 1 else
             f"rows {', '.join(map(str, numbers[:-1]))} and {numbers[-1]} are")
    shown = ", ".join("'" + " | ".join([*(t for t in texts if t and t != ref), *([ref] if ref else [])]) + "'"
                      for _, _, _, ref, texts in rows)
    return DataWarning(sheet, f"{rows[0][1]}:{rows[-1][2]}",
                       f"{named} a summary of the actions (a label and a figure: {shown}), not actions: "
                       "not read nor counted; their text is kept here",
                       "\n".join(" | ".join(t for t in texts if t) for *_, texts in rows))

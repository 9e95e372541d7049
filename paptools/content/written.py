"""The cleaned workbook's Progress cell: each entry as written, with its date where its text lacks it.

A plan may keep an entry's date outside its text: in the period column it is in ("Jan 25
update"), its row's Date cell, an updates log's Date column or title. The cleaned workbook has
one Progress cell, so such an entry is written under a heading the reader reads ("Jan 2025:
...", "14 Jan 2025 JS: ..."): an officer sees when it was written, and paptools, reading the
cleaned workbook back (a reconcile against last month's copy), gives it the same date. An entry
whose own text gives its date is written exactly as it is.
"""
from __future__ import annotations

import re

from paptools.model import Action, Entry, EntryDate, EntrySource
from paptools.read.entries import split_parts

_DIGIT = re.compile(r"\d")


def progress_cell(action: Action) -> str:
    """The Progress cell, tidied: every entry kept whole, one entry per line, each with its date."""
    if not action.entries:
        return action.progress
    return "\n".join(written_entry(entry, before) for before, entry in zip((None, *action.entries), action.entries))


def written_entry(entry: Entry, before: Entry | None = None) -> str:
    """The entry as the Progress cell holds it, after `before`: as written when its own text gives
    its date, else under a heading of its date and initials (those of the heading it replaces, or
    the Author column's when they read as initials) before its own text."""
    when = entry.date
    if when is None or _dated_as_written(entry, before):
        return entry.raw
    text = entry.text
    signed = entry.initials if entry.text_start > 0 else None  # in the text when it has no heading
    if signed is None and entry.initials is None and entry.author:  # an Author cell's, not in the text
        headed = f"{when.label()} {entry.author}: {text}"
        if _read(headed, None) == (when, entry.author, text):
            return headed
    return f"{when.label()}{f' {signed}' if signed else ''}: {text}".rstrip()  # a heading with no text: "Jan 2025:"


def _dated_as_written(entry: Entry, before: Entry | None) -> bool:
    """Whether the entry's text, after `before`, gives its date (and its own text the same).

    In a Progress cell, most headings hold a figure ("Nov23: SL: ", "w/c 4 Nov - AB - "), the
    cheap answer: a yearless one is dated by the entries beside it, which stay beside it; and
    initials alone ("PAP: ...") take the date of the entry before them. A period column's or a
    log's entries move into one cell, so theirs must give the date alone."""
    raw, start = entry.raw, entry.text_start
    in_cell = entry.source is EntrySource.CELL
    if in_cell and start > 0 and (_DIGIT.search(raw, 0, start) or (
            entry.initials and before is not None and before.date == entry.date)):
        return True
    read = _read(raw, entry.date if in_cell else None)
    return read is not None and read[0] == entry.date and read[2] == entry.text


def _read(text: str, plan_date: EntryDate | None) -> tuple[EntryDate | None, str | None, str] | None:
    """The date, initials and own text the reader gives `text` as a cell of its own (None for more than one entry)."""
    parts = split_parts(text, plan_date=plan_date).parts
    if len(parts) != 1:
        return None
    part = parts[0]
    return part.date, part.initials, part.raw[part.text_start:]

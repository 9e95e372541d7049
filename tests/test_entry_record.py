"""An Entry keeps where its raw text lies in the cell, not a copy: it must still behave as a record of values."""
from __future__ import annotations

import copy
import dataclasses
import pickle

from paptools.model import Entry, EntryDate, EntrySource, spanned, text_span
from paptools.read.entries import split_cell, split_parts

CELL = "Intro.\n\nNov23: SL: started   \n Dec23: AB: done"


def test_an_entry_within_a_text_equals_one_built_from_its_copy():
    placed = Entry.within(CELL, text_span(8, 26), EntryDate(2023, 11), "SL", "Steve Larking", 11,
                          EntrySource.CELL, "Plan!H4")
    built = Entry(EntryDate(2023, 11), "SL", "Steve Larking", "Nov23: SL: started", 11, EntrySource.CELL, "Plan!H4")
    assert (placed.raw, placed.text) == ("Nov23: SL: started", "started")
    assert placed == built and hash(placed) == hash(built) and repr(placed) == repr(built)
    assert placed != dataclasses.replace(built, cell="Plan!H5")
    assert spanned(CELL, text_span(8, 26)) == "Nov23: SL: started"


def test_an_entry_is_still_a_dataclass_record():
    entry = split_cell(CELL).entries[1]
    assert [f.name for f in dataclasses.fields(entry)] == [
        "date", "initials", "author", "raw", "text_start", "source", "cell"]
    assert dataclasses.asdict(entry) == {
        "date": {"year": 2023, "month": 11, "day": None}, "initials": "SL", "author": None,
        "raw": "Nov23: SL: started", "text_start": 11, "source": EntrySource.CELL, "cell": None}
    moved = dataclasses.replace(entry, cell="Plan!H9", author="Steve Larking")
    assert (moved.raw, moved.text, moved.cell, moved.author) == ("Nov23: SL: started", "started", "Plan!H9",
                                                                 "Steve Larking")
    for again in (pickle.loads(pickle.dumps(entry)), copy.deepcopy(entry), copy.copy(entry)):
        assert again == entry and again.text == "started"
    try:
        entry.date = None  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("an Entry must stay frozen")


def test_replaced_keeps_the_place_and_changes_only_what_it_is_given():
    entry = split_cell(CELL).entries[2]
    assert entry.replaced(cell="Log!B2", source=EntrySource.LOG_SHEET) == Entry(
        EntryDate(2023, 12), "AB", None, "Dec23: AB: done", 11, EntrySource.LOG_SHEET, "Log!B2")
    assert entry.replaced(date=None, author="Ann Brown") == Entry(
        None, "AB", "Ann Brown", "Dec23: AB: done", 11, EntrySource.CELL, None)
    assert entry.replaced() == entry


def test_parts_lie_in_the_cell_stripped_of_the_space_around_them():
    parts = split_parts("  " + CELL + "\n").parts
    assert [(p.raw, p.text_start) for p in parts] == [
        ("Intro.", 0), ("Nov23: SL: started", 11), ("Dec23: AB: done", 11)]
    assert {p.written for p in parts} == {CELL}


def test_a_negative_text_start_reads_as_a_slice_of_raw_did():
    assert Entry(None, None, None, "abcdef", -2).text == "ef"

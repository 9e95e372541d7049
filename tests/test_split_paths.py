"""The splitter's quick paths give what the plain ones give: literal expectations, no timing.

find_dates tries the date pattern only where a date can start; the reader builds each
Entry once, with where it was written and by whom. Both must change nothing.
"""
from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from paptools.model import Entry, EntryDate, EntryOrder, EntrySource
from paptools.read import dates
from paptools.read.dates import DateToken, find_dates
from paptools.read.entries import split_cell, split_parts
from paptools.read.progress import cell_entries


def plain_find_dates(text: str) -> list[DateToken]:
    """find_dates as first written: the date pattern searched from every position (and a day's date
    taking the time after it, as find_dates does)."""
    tokens = []
    pos = 0
    while (match := dates._DATE.search(text, pos)) is not None:
        value = dates._parse_token(match)
        if value is None:
            pos = match.start() + 1
            continue
        pos = match.end()
        if value.day is not None and (time := dates._TIME.match(text, pos)):  # "12/03/2024 14:30": the time is the date's
            pos = time.end()
        tokens.append(DateToken(match.start(), pos, value, match.start("m1") if match.group("m1") else None))
    return tokens


def found(text: str) -> list[tuple[int, int, str, int | None]]:
    return [(t.start, t.end, t.date.iso(), t.month_start) for t in find_dates(text)]


def test_dates_are_found_where_they_start():
    assert found("Nov23: SL: done") == [(0, 5, "2023-11", None)]
    assert found("met 07/01/24, Sept 2023, 2014/05/23 and 2023-05") == [
        (4, 12, "2024-01-07", None), (14, 23, "2023-09", None), (25, 35, "2014-05-23", None), (40, 47, "2023-05", None)]
    assert found("another 12 Jan24: done") == [(8, 16, "2024-01-12", 11)]
    assert found("on 5 Sept. 23") == [(3, 13, "2023-09-05", 5)]
    assert found("12th of March 2024 (Q1 24/25)") == [(0, 18, "2024-03-12", 8)]


def test_numbers_and_words_that_are_not_dates_hide_none():
    # "x12" does not open a word and there is no 40th: the months after them are still found
    assert found("x12 Jan24 and 40 Dec23") == [(4, 9, "2024-01", None), (17, 22, "2023-12", None)]
    assert found("from 470 to 364 in July 2023") == [(19, 28, "2023-07", None)]


def test_text_beyond_ascii_reads_the_same():
    # an en dash sends the text down the Unicode path; a year in Arabic-Indic digits is a year
    assert found("Dec \u2013 Nov 23") == [(6, 12, "2023-11", None)]
    assert found("Jan \u0662\u0663 \u2013 Feb-24") == [(0, 6, "2023-01", None), (9, 15, "2024-02", None)]


PIECES = ["Jan", "sept", "December", "May", "of", "12", "3", "2023", "24", "40", "07/01/24", "2014/05/23",
          "2023-05", "th", " ", "  ", "\n", "-", "/", ".", ":", "'", ",", "(", "x", "SL", "Q1", "\u2013", "\u0663"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16))
@example(["07/01/24", " ", "3", ".", "12"])  # a day's date and a time: one token
@example(["07/01/24", " ", "\u0663", ".", "12"])
def test_find_dates_is_the_plain_search(pieces):
    text = "".join(pieces)
    assert find_dates(text) == plain_find_dates(text)


def test_a_cells_entries_are_built_once_with_place_and_author():
    text = "Nov23: SL: started\nDec23: AB: done"
    authors = {"SL": "Steve Larking"}
    entries = cell_entries(text, "Plan", "H4", lambda *_: None, EntryOrder.OLDEST_FIRST, authors.get)
    assert entries == [
        Entry(EntryDate(2023, 11), "SL", "Steve Larking", "Nov23: SL: started", 11, EntrySource.CELL, "Plan!H4"),
        Entry(EntryDate(2023, 12), "AB", None, "Dec23: AB: done", 11, EntrySource.CELL, "Plan!H4"),
    ]
    # the same entries as split_cell gives, but for where and by whom
    assert [(e.date, e.initials, e.raw, e.text_start) for e in split_cell(text).entries] == [
        (e.date, e.initials, e.raw, e.text_start) for e in entries]


def test_split_cell_is_split_parts_as_entries():
    text = "Intro. (1) 2014/05/23: begun\n(2) 2014/07/01 - JB - finished"
    parts = split_parts(text)
    cell = split_cell(text)
    assert [(p.date, p.initials, p.raw, p.text_start) for p in parts.parts] == [
        (None, None, "Intro.", 0),
        (EntryDate(2014, 5, 23), None, "(1) 2014/05/23: begun", 16),
        (EntryDate(2014, 7, 1), "JB", "(2) 2014/07/01 - JB - finished", 22),
    ]
    assert cell.entries == tuple(Entry(p.date, p.initials, None, p.raw, p.text_start) for p in parts.parts)
    assert (cell.notes, cell.detected, cell.order) == (parts.notes, parts.detected, parts.order)

"""Letters outside ASCII that a case-insensitive pattern takes for ASCII ones: read, never a crash.

Python's re matches "İ" and "ı" as i, "ſ" as s and the Kelvin sign as k when a pattern
ignores case, so "ſep 23" or "APRİL 24" reaches every lookup keyed by ASCII month names.
"""
from __future__ import annotations

from conftest import action, plan_rows

from paptools.model import EntryDate
from paptools.read.context import AREA_SECTION, area_label
from paptools.read.dates import find_dates
from paptools.read.entries import split_cell
from paptools.read.plan import read_plan


def test_months_spelt_with_the_odd_letters_are_read_as_those_months():
    assert [t.date for t in find_dates("APRİL 24: started")] == [EntryDate(2024, 4)]
    assert [t.date for t in find_dates("done ſep 23 and 1 auguſt 2023")] == [EntryDate(2023, 9), EntryDate(2023, 8, 1)]


def test_a_progress_cell_with_them_splits_into_its_entries():
    entries = split_cell("ſep 23: SL: began.\nOct 23: SL: more.").entries
    assert [(e.date, e.initials, e.raw) for e in entries] == [
        (EntryDate(2023, 9), "SL", "ſep 23: SL: began."),
        (EntryDate(2023, 10), "SL", "Oct 23: SL: more."),
    ]


def test_a_priority_area_in_roman_numerals_with_a_dotless_i():
    assert area_label(AREA_SECTION.match("PAP ıı").group("n")) == "Priority area 2"


def test_a_workbook_holding_them_is_read(make_workbook):
    path = make_workbook(plan_rows(action("PAP 1.1", progress="ſep 23: SL: began. APRİL 24: SL: done.")))
    (only,) = read_plan(path).actions
    assert [(e.date, e.raw) for e in only.entries] == [
        (EntryDate(2023, 9), "ſep 23: SL: began."),
        (EntryDate(2024, 4), "APRİL 24: SL: done."),
    ]

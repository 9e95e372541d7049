"""Random cells under the headers of the less common layouts (numbered actions with no Ref
column, one update a row beside its Date cell, status words in a Progress column, a Key
beside the table, a column of earlier updates), some of them merged: every plan is read or
refused with the tool's own error, never a crash."""
from __future__ import annotations

from datetime import datetime

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paptools.errors import PapError
from paptools.read.plan import read_plan

CELL = st.one_of(
    st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=60),
    st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.sampled_from(["1.1 Do it", "2) Train", "PAP 1.2 - x", "1. Heading", "Green", "Amber", "Complete",
                     "Jan 25: done.", "12/01/2025", "PA1-03", "1-3", "Q1 24/25", 45838, "Key", "G", "R",
                     "Not started", "✓", "Summer term 2025", "Jul-25 / Sep-25"]),
    st.dates().map(lambda d: datetime(d.year, d.month, d.day)),
)
HEADERS = (
    ["Action", "Lead", "Timescale", "RAG", "Progress"],
    ["Ref", "Action", "Owner", "Timescale", "Status", "Date", "Progress", "Updated by"],
    ["Ref", "Action", "Lead", "Due", "Progress", "Comments"],
    ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress", None, "Key"],
    ["Ref", "Action", "Owner", "Timescale", "Status", "Latest update", "Previous updates", "Next steps"],
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(HEADERS), st.lists(st.lists(CELL, min_size=8, max_size=8), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 7), st.integers(2, 9), st.integers(1, 3)), max_size=3))
def test_uncommon_layouts_with_random_cells_are_read_or_refused(tmp_path, header, rows, merges):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    sheet.append(header)
    for row in rows:
        sheet.append(row[:len(header)])
    for column, top, span in merges:
        sheet.merge_cells(f"{'ABCDEFGH'[column]}{top}:{'ABCDEFGH'[column]}{top + span}")
    path = tmp_path / "plan.xlsx"
    book.save(path)
    try:
        plan = read_plan(path)
    except PapError:
        return
    assert plan.actions and all(action.ref for action in plan.actions)

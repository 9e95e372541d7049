"""A Progress cell whose every line ends with its date in brackets: an entry a line, each dated by
its bracket. Expected entries are written out as an officer reads the cell."""
from __future__ import annotations

from datetime import datetime

from test_layout import build

from paptools.model import EntryOrder
from paptools.read.entries import split_parts
from paptools.read.plan import read_plan


def entries(text, order=EntryOrder.UNKNOWN):
    cell = split_parts(text, order)
    return [(d.iso() if d else None, i, p.raw) for d, i, p in zip(cell.dates, cell.initials, cell.parts)]


def test_each_line_dated_at_its_end_is_an_entry():
    assert entries("Overdue reviews 412 (Oct-24)\nOverdue reviews 377; two agency staff started (Dec-24)\n"
                   "Overdue reviews 351 (Jan-25)") == [
        ("2024-10", None, "Overdue reviews 412 (Oct-24)"),
        ("2024-12", None, "Overdue reviews 377; two agency staff started (Dec-24)"),
        ("2025-01", None, "Overdue reviews 351 (Jan-25)"),
    ]


def test_initials_in_the_bracket_sign_the_entry():
    assert entries("Tracker specified with BI team (SG 14/10/24)\nTracker built in Power BI (SG 06/12/24).") == [
        ("2024-10-14", "SG", "Tracker specified with BI team (SG 14/10/24)"),
        ("2024-12-06", "SG", "Tracker built in Power BI (SG 06/12/24)."),
    ]


def test_a_cell_with_a_line_not_dated_at_its_end_is_read_as_usual():
    text = "Survey sent to all schools (Oct-24)\nResponses still coming in."
    assert entries(text) == [(None, None, text)]
    assert entries("Survey sent to all schools (Oct-24)") == [(None, None, "Survey sent to all schools (Oct-24)")]
    assert entries("Met the PCF (see minutes)\nAgreed the terms (draft two)") == [
        (None, None, "Met the PCF (see minutes)\nAgreed the terms (draft two)")]


def test_a_plan_kept_so_reads_its_entries_and_their_order(tmp_path):
    path = build(tmp_path / "closing.xlsx", {"PAP": [
        ["Ref", "Action", "Lead", "Deadline", "RAG", "Progress"],
        ["1.1", "Cut overdue annual reviews", "Sam Green", datetime(2025, 3, 31), "Amber",
         "Overdue reviews 351 (Jan-25)\nOverdue reviews 377 (Dec-24)\nOverdue reviews 412 (Oct-24)"],
        ["1.2", "Build the SEND data tracker", "Sam Green", datetime(2025, 1, 31), "Green",
         "Tracker built in Power BI (SG 06/12/24)\nTracker specified (SG 14/10/24)"],
    ]})
    plan = read_plan(path)
    assert [[(e.date.iso(), e.author, e.text) for e in a.entries] for a in plan.actions] == [
        [("2025-01", None, "Overdue reviews 351 (Jan-25)"), ("2024-12", None, "Overdue reviews 377 (Dec-24)"),
         ("2024-10", None, "Overdue reviews 412 (Oct-24)")],
        [("2024-12-06", "Sam Green", "Tracker built in Power BI (SG 06/12/24)"),
         ("2024-10-14", "Sam Green", "Tracker specified (SG 14/10/24)")],
    ]

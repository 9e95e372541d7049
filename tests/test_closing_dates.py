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
    assert entries("Met the PCF (see minutes)\nAgreed the terms (draft two)") == [
        (None, None, "Met the PCF (see minutes)\nAgreed the terms (draft two)")]


def test_one_line_dated_at_its_end_is_a_dated_entry():
    assert entries("Protocol consulted with young people (14/01/25)") == [
        ("2025-01-14", None, "Protocol consulted with young people (14/01/25)")]
    assert entries("Survey sent to all schools (AB 13/01/25)") == [
        ("2025-01-13", "AB", "Survey sent to all schools (AB 13/01/25)")]


def test_initials_after_a_dash_before_the_bracket_sign_the_entry():
    assert entries("No update this month - KL (Jan 25)") == [("2025-01", "KL", "No update this month - KL (Jan 25)")]
    assert entries("Escalated to the board - AB (Dec 24)\nNow complete - AB (Jan 25)") == [
        ("2024-12", "AB", "Escalated to the board - AB (Dec 24)"), ("2025-01", "AB", "Now complete - AB (Jan 25)")]
    # A word after a dash is the text's, not initials.
    assert entries("Panel met - Agreed (Jan 25)") == [("2025-01", None, "Panel met - Agreed (Jan 25)")]


def test_parts_separated_by_semicolons_each_dated_at_its_end_are_entries():
    assert entries("Waiting list down; longest wait 31 weeks (RT 13/01/25); Chapter drafted (JS 09/12/24)") == [
        ("2025-01-13", "RT", "Waiting list down; longest wait 31 weeks (RT 13/01/25);"),
        ("2024-12-09", "JS", "Chapter drafted (JS 09/12/24)"),
    ]


def test_semicolons_in_ordinary_sentences_split_nothing():
    text = "Met the forum; agreed the terms; next meeting in March"
    assert entries(text) == [(None, None, text)]
    text = "Met the forum (see minutes); agreed the terms (Jan 25)"
    assert entries(text) == [("2025-01", None, text)]
    text = "Toolkit piloted (RT 13/01/25); chapter still to draft"
    assert entries(text) == [(None, None, text)]


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

"""The cleaned workbook keeps each entry's date where the plan kept it outside the entry's text.

Period columns ("Jan 25 update"), an updates log's Date column and a row's own Date cell date
the entries beside them. The cleaned workbook has one Progress cell, so such an entry is written
under its date ("Jan 2025: ...", "14 Jan 2025 JS: ...") and reads back with it: an officer
reconciling next month's plan against the cleaned copy is given the same dates. An entry whose
own text gives its date is written exactly as it is. Expected values are written out.
"""
from __future__ import annotations

from datetime import date, datetime

import openpyxl
from test_layout import build

from paptools.compare.figures import summarize
from paptools.model import EntryDate
from paptools.read.plan import read_plan
from paptools.write.workbook import write_clean_workbook


def _cleaned(tmp_path, source):
    """The plan read from `source`, its cleaned workbook's Progress cells by ref, and that workbook read back."""
    plan = read_plan(source)
    path = tmp_path / "plan-clean.xlsx"
    write_clean_workbook(path, plan, summarize(plan, date(2025, 3, 1)))
    sheet = openpyxl.load_workbook(path)["Actions"]
    header = [c.value for c in sheet[1]]
    ref, progress = header.index("Ref"), header.index("Progress")
    cells = {row[ref]: row[progress] for row in sheet.iter_rows(min_row=2, values_only=True)}
    return plan, cells, read_plan(path)


def _entries(plan):
    return {a.ref: [(e.date, e.initials, e.author, e.text) for e in a.entries] for a in plan.actions}


def test_period_columns_entries_are_written_under_their_periods_date_and_read_back_with_it(tmp_path):
    source = build(tmp_path / "periods.xlsx", {"PAP": [
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Jan 25 update", "Feb 25 update"],
        ["1.1", "Publish the Local Offer", "Ann Bell", "Mar-25", "Green",
         "Chapter drafted.", "14/02/2025 AB: Toolkit piloted in 5 nurseries."],
        ["1.2", "Cut the waiting list", "Bob Cole", "Jun-25", "Amber",
         "Three workshops held.", "Dec 3rd: Two therapists recruited."],
    ]})
    plan, cells, again = _cleaned(tmp_path, source)
    expected = {
        "1.1": [(EntryDate(2025, 1), None, None, "Chapter drafted."),
                (EntryDate(2025, 2, 14), "AB", "Ann Bell", "Toolkit piloted in 5 nurseries.")],
        "1.2": [(EntryDate(2025, 1), None, None, "Three workshops held."),
                (EntryDate(2024, 12, 3), None, None, "Two therapists recruited.")],
    }
    assert _entries(plan) == expected  # as the plan's officers wrote them
    assert cells == {
        # the column's month before an entry that gives none; an entry giving its own date as written
        "1.1": "Jan 2025: Chapter drafted.\n14/02/2025 AB: Toolkit piloted in 5 nurseries.",
        # "Dec 3rd" took its year from the February column: written with it, or it would read as Dec 2025
        "1.2": "Jan 2025: Three workshops held.\n3 Dec 2024: Two therapists recruited.",
    }
    assert _entries(again) == expected


def test_rows_dated_by_their_date_cell_are_written_under_that_date_with_the_authors_initials(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [
        ["ID", "Action", "Responsible", "Deadline", "Status", "Date of update", "Updated by", "Update"],
        ["A1", "Set up the panel", "Jane Smith", datetime(2025, 3, 31), "On track", datetime(2025, 1, 14), "JS",
         "Terms agreed."],
        [None, None, None, None, None, datetime(2025, 2, 10), "KL", "Chair appointed."],
        ["A2", "Train SENCOs", "Bob Jones", datetime(2025, 6, 30), "Delayed", datetime(2025, 1, 31), None,
         "Trainer ill; rebooked."],
        ["A3", "Review EHCPs", "Ann Lee", datetime(2024, 12, 31), "Completed", datetime(2024, 12, 15), None,
         "Nov 24: AL: backlog cleared."],
    ]:
        sheet.append(row)
    sheet["F4"].number_format = "mmm-yy"  # shows "Jan-25": the month the update was written in, not a day of it
    book.save(tmp_path / "rows.xlsx")
    plan, cells, again = _cleaned(tmp_path, tmp_path / "rows.xlsx")
    assert _entries(plan) == {
        "A1": [(EntryDate(2025, 1, 14), None, "JS", "Terms agreed."),
               (EntryDate(2025, 2, 10), None, "KL", "Chair appointed.")],
        "A2": [(EntryDate(2025, 1), None, None, "Trainer ill; rebooked.")],
        "A3": [(EntryDate(2024, 11), "AL", "Ann Lee", "backlog cleared.")],
    }
    assert cells == {
        "A1": "14 Jan 2025 JS: Terms agreed.\n10 Feb 2025 KL: Chair appointed.",
        "A2": "Jan 2025: Trainer ill; rebooked.",
        "A3": "Nov 24: AL: backlog cleared.",  # its own heading dates it: no second date
    }
    # The Author cell's initials now sign the entry in its text: JS is the action's owner, KL nobody's.
    assert _entries(again) == {
        "A1": [(EntryDate(2025, 1, 14), "JS", "Jane Smith", "Terms agreed."),
               (EntryDate(2025, 2, 10), "KL", None, "Chair appointed.")],
        "A2": [(EntryDate(2025, 1), None, None, "Trainer ill; rebooked.")],
        "A3": [(EntryDate(2024, 11), "AL", "Ann Lee", "backlog cleared.")],
    }


def test_an_updates_logs_entries_are_written_under_their_log_dates(tmp_path):
    source = build(tmp_path / "log.xlsx", {
        "Actions": [
            ["ID", "Description", "Owner", "Target date", "Status"],
            ["A1", "Train every SENCo", "Jo Bloggs", "Sep-25", "On track"],
            ["A2", "Open the new hub", "Sam Hill", "Jan-26", "On track"],
        ],
        "Updates": [
            ["ID", "Date", "Updated by", "Update"],
            ["A1", datetime(2025, 1, 10), "JB", "Kick-off held with 12 schools."],
            ["A2", datetime(2025, 2, 1), None, "Site found."],
            ["A1", datetime(2025, 2, 5), None, "05/02/2025: Two sessions moved to May."],
        ],
    })
    plan, cells, again = _cleaned(tmp_path, source)
    expected_dates = {
        "A1": [(EntryDate(2025, 1, 10), "Kick-off held with 12 schools."),
               (EntryDate(2025, 2, 5), "Two sessions moved to May.")],
        "A2": [(EntryDate(2025, 2, 1), "Site found.")],
    }
    assert {a.ref: [(e.date, e.text) for e in a.entries] for a in plan.actions} == expected_dates
    assert cells == {
        "A1": "10 Jan 2025 JB: Kick-off held with 12 schools.\n05/02/2025: Two sessions moved to May.",
        "A2": "1 Feb 2025: Site found.",
    }
    assert {a.ref: [(e.date, e.text) for e in a.entries] for a in again.actions} == expected_dates
    assert [(e.initials, e.author) for e in again.actions[0].entries] == [("JB", "Jo Bloggs"), (None, None)]


def test_a_progress_cells_entries_are_written_exactly_as_the_officer_wrote_them(tmp_path):
    """Initials alone take the date of the entry above them, which stays above them: no heading added."""
    written = "Scoping under way.\n10/12/2024: Draft written.\nJS: Chased the ICB.\nw/c 13 Jan - AB - Published."
    source = build(tmp_path / "cell.xlsx", {"PAP": [
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
        ["1.1", "Publish the Local Offer", "Ann Bell", "Mar-25", "Green", written],
    ]})
    plan, cells, again = _cleaned(tmp_path, source)
    expected = [(None, None, None, "Scoping under way."), (EntryDate(2024, 12, 10), None, None, "Draft written."),
                (EntryDate(2024, 12, 10), "JS", None, "Chased the ICB."),
                (EntryDate(2025, 1, 13), "AB", "Ann Bell", "Published.")]
    assert _entries(plan) == {"1.1": expected}
    assert cells == {"1.1": written}
    assert _entries(again) == {"1.1": expected}


def test_a_status_dates_entry_is_written_under_it(tmp_path):
    source = build(tmp_path / "status-date.xlsx", {"PAP": [
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress", "Status date"],
        ["1.1", "Publish the Local Offer", "Ann Lee", "Jun-25", "Green", "Vendor contacted.", datetime(2025, 1, 14)],
        ["1.2", "Train SENCOs", "Bo Khan", "Jul-25", "Green", "Dec 24: sessions booked.", datetime(2025, 1, 15)],
    ]})
    plan, cells, again = _cleaned(tmp_path, source)
    expected = {"1.1": [(EntryDate(2025, 1, 14), None, None, "Vendor contacted.")],
                "1.2": [(EntryDate(2024, 12), None, None, "sessions booked.")]}
    assert _entries(plan) == expected
    assert cells == {"1.1": "14 Jan 2025: Vendor contacted.", "1.2": "Dec 24: sessions booked."}
    assert _entries(again) == expected

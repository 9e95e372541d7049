"""Updates headed by a day and a month with no year ("w/c 4 Nov: ...", "4th Nov - ..."), as UK
council officers often write them: each is an entry of its own, its year taken from the cell's
other entries, and every year so taken is a note. Expected entries and notes are written out.
"""
from __future__ import annotations

import pytest
from conftest import action, plan_rows
from test_split_grown import whole

from paptools.model import EntryOrder
from paptools.read.entries import split_cell, split_grown
from paptools.read.plan import read_plan

OLDEST, NEWEST = EntryOrder.OLDEST_FIRST, EntryOrder.NEWEST_FIRST


def splits(text: str, usual: EntryOrder = EntryOrder.UNKNOWN) -> tuple[list[tuple[str | None, str | None, str]],
                                                                          list[str]]:
    cell = split_cell(text, usual)
    return [(e.date.iso() if e.date else None, e.initials, e.text) for e in cell.entries], list(cell.notes)


def test_week_commencing_lines_in_an_oldest_first_cell_are_entries_dated_after_the_one_before():
    text = ("14/10/24: Working group met and agreed the terms of reference.\n"
            "w/c 4 Nov: SENCO survey sent to all schools.\n"
            "w/c 18 Nov - 40 responses received so far.\n"
            "Dec 24: Survey closed with 61 responses.")
    assert splits(text) == ([
        ("2024-10-14", None, "Working group met and agreed the terms of reference."),
        ("2024-11-04", None, "SENCO survey sent to all schools."),
        ("2024-11-18", None, "40 responses received so far."),
        ("2024-12", None, "Survey closed with 61 responses."),
    ], [
        "'w/c 4 Nov' has no year: read as 4 Nov 2024, after the entry written before it (14 Oct 2024)",
        "'w/c 18 Nov' has no year: read as 18 Nov 2024, after the entry written before it (4 Nov 2024)",
    ])
    assert split_cell(text, OLDEST).entries == split_cell(text).entries


def test_in_a_newest_first_cell_the_year_comes_from_the_entry_below():
    text = ("Jan 25: AB: Panel agreed the new criteria.\n"
            "w/c 6th Jan: AB: Draft criteria shared with SENCOs.\n"
            "4 Dec - Consultation closed.\n"
            "Nov 24: Consultation opened.\n"
            "Original position: no agreed criteria.")
    assert splits(text) == ([
        ("2025-01", "AB", "Panel agreed the new criteria."),
        ("2025-01-06", "AB", "Draft criteria shared with SENCOs."),
        ("2024-12-04", None, "Consultation closed."),
        ("2024-11", None, "Consultation opened."),
        (None, None, "Original position: no agreed criteria."),
    ], [
        "'w/c 6th Jan' has no year: read as 6 Jan 2025, after the entry written before it (4 Dec 2024)",
        "'4 Dec' has no year: read as 4 Dec 2024, after the entry written before it (Nov 2024)",
    ])
    assert split_cell(text).order is NEWEST


def test_the_year_rolls_over_after_december():
    assert splits("Dec 24: Survey closed.\nw/c 6 Jan: Results shared with the board.") == (
        [("2024-12", None, "Survey closed."), ("2025-01-06", None, "Results shared with the board.")],
        ["'w/c 6 Jan' has no year: read as 6 Jan 2025, after the entry written before it (Dec 2024)"])


@pytest.mark.parametrize(
    "line, heading, iso, initials, text",
    [
        ("w/c 18th November - JS: Plan shared.", "w/c 18th November", "2024-11-18", "JS", "Plan shared."),
        ("W/C 18 Nov: Plan shared.", "W/C 18 Nov", "2024-11-18", None, "Plan shared."),
        ("Week commencing 4 November: Plan shared.", "Week commencing 4 November", "2024-11-04", None,
         "Plan shared."),
        ("wc 4 Nov – Plan shared.", "wc 4 Nov", "2024-11-04", None, "Plan shared."),
        ("Wk of 4 Nov: Plan shared.", "Wk of 4 Nov", "2024-11-04", None, "Plan shared."),
        ("4 Nov: Plan shared.", "4 Nov", "2024-11-04", None, "Plan shared."),
        ("4th Nov - Plan shared.", "4th Nov", "2024-11-04", None, "Plan shared."),
        ("• 4 Nov — AB - Plan shared.", "4 Nov", "2024-11-04", "AB", "Plan shared."),
        ("Mon 4 Nov: Plan shared.", "Mon 4 Nov", "2024-11-04", None, "Plan shared."),
        ("Nov 4th - AB - Plan shared.", "Nov 4th", "2024-11-04", "AB", "Plan shared."),
        ("(4 Nov) Plan shared.", "4 Nov", "2024-11-04", None, "Plan shared."),
        ("[4th Nov]: JS: Plan shared.", "4th Nov", "2024-11-04", "JS", "Plan shared."),
        ("Update (4 Nov): Plan shared.", "4 Nov", "2024-11-04", None, "Plan shared."),
    ],
)
def test_the_forms_of_a_yearless_heading(line, heading, iso, initials, text):
    entries, notes = splits(f"Oct 24: Plan drafted.\n{line}")
    assert entries == [("2024-10", None, "Plan drafted."), (iso, initials, text)]
    day = int(iso[-2:])
    assert notes == [f"'{heading}' has no year: read as {day} Nov 2024, after the entry written before it (Oct 2024)"]


def test_initials_under_a_yearless_heading_take_its_date():
    assert splits("Oct 24: Plan drafted.\nw/c 4 Nov: Survey sent.\nPC: Chased the schools.")[0] == [
        ("2024-10", None, "Plan drafted."), ("2024-11-04", None, "Survey sent."),
        ("2024-11-04", "PC", "Chased the schools.")]


def test_a_first_entry_with_no_year_is_its_own_entry_undated_keeping_its_heading():
    assert splits("w/c 4 Nov: AB: SENCO survey sent.\n14/11/24: 40 responses.") == (
        [(None, "AB", "w/c 4 Nov: AB: SENCO survey sent."), ("2024-11-14", None, "40 responses.")],
        ["'w/c 4 Nov' has no year and could not be dated: no dated entry was written before it"])
    assert splits("4 Nov: Survey sent.") == (
        [(None, None, "4 Nov: Survey sent.")],
        ["'4 Nov' has no year and could not be dated: no dated entry was written before it"])


def test_bracketed_yearless_headings_with_no_dated_entry_before_are_entries_each_undated():
    assert splits("(14 Jan) Audit half done.\n(9 Dec) Audit started.") == (
        [(None, None, "(14 Jan) Audit half done."), (None, None, "(9 Dec) Audit started.")],
        ["'14 Jan' and '9 Dec' have no year and could not be dated: no dated entry was written before them"])


def test_a_day_and_month_in_prose_or_with_a_year_is_no_yearless_heading():
    for text in ("Oct 24: Forms drafted.\n4 Nov was the deadline for returns.",
                 "Oct 24: Forms drafted. w/c 4 Nov: returns chased.",
                 "Oct 24: Forms drafted, returns due by\n4 Nov.",
                 "Oct 24: Forms drafted.\n31 Nov: not a date.",
                 "Oct 24: Forms drafted.\n(4 Nov was the deadline for returns.)"):
        assert splits(text) == ([("2024-10", None, text[len("Oct 24: "):])], [])
    assert splits("Oct 24: Forms drafted.\nw/c 4 Nov 2024: Returns chased.") == (
        [("2024-10", None, "Forms drafted."), ("2024-11-04", None, "Returns chased.")], [])


def test_a_year_that_would_put_it_after_the_next_entry_leaves_it_undated():
    text = "14/10/24: Panel met.\n14/11/24: Panel met again.\nw/c 28 Oct: Letters sent.\nDec 24: Panel agreed."
    assert splits(text) == ([
        ("2024-10-14", None, "Panel met."), ("2024-11-14", None, "Panel met again."),
        (None, None, "w/c 28 Oct: Letters sent."), ("2024-12", None, "Panel agreed."),
    ], [
        "'w/c 28 Oct' has no year and could not be dated: after the entry written before it (14 Nov 2024) it would "
        "be 28 Oct 2025, later than the entry written after it (Dec 2024)",
    ])


def test_a_29th_of_february_is_dated_only_in_a_leap_year():
    assert splits("Dec 23: Panel met.\n29 Feb: Letters sent.")[0][1] == ("2024-02-29", None, "Letters sent.")
    assert splits("Dec 24: Panel met.\n29 Feb: Letters sent.") == (
        [("2024-12", None, "Panel met."), (None, None, "29 Feb: Letters sent.")],
        ["'29 Feb' has no year and could not be dated: after the entry written before it (Dec 2024) it would "
         "fall in 2025, which has no 29 Feb"])


# --- a cell read on from its earlier version: the years are those of the whole cell -----------

def _update(n: int) -> str:
    return (f"w/c {n + 6} Jan: SL: Update {n} on the placements review, shared with the board and the parent "
            "carer forum; the next steps are agreed.")


_OPENING = "Oct 24: SL: Review planned.\nNov 24: SL: Panel set up.\nDec 24: SL: Review begun.\n"
_OLD = _OPENING + "\n".join(_update(n) for n in range(6))
_LATE = "\nNov 24: SL: An earlier letter found."  # now every January is after the entry written after it
_UNDATED = ["2024-10", "2024-11", "2024-12", None, None, None, None, None, None, "2024-11"]


@pytest.mark.plain_python
def test_a_grown_cell_takes_its_years_from_the_whole_cell(monkeypatch):
    import paptools.read.entries as entries

    cuts = []
    read_starts = entries.read_starts
    monkeypatch.setattr(entries, "read_starts", lambda text, before=entries.OPENING: (
        cuts.append(before.cut), read_starts(text, before))[1])
    _, grown = split_grown(_OLD, OLDEST, None)
    assert grown is not None and grown.before.cut > len(_OPENING) + 100  # yearless lines before the cut
    later = _OLD + _LATE
    cuts.clear()
    cell, again = split_grown(later, OLDEST, grown)
    assert cuts == [grown.before.cut]  # read on from the cut, not whole
    assert cell == whole(later, OLDEST)
    assert [d.iso() if d else None for d in cell.dates] == _UNDATED
    latest = later + "\nFeb 25: SL: Review closed."
    assert split_grown(latest, OLDEST, again)[0] == whole(latest, OLDEST)
    fixed = _OLD + "\nFeb 25: SL: Review closed."
    cell, _ = split_grown(fixed, OLDEST, grown)
    assert cell == whole(fixed, OLDEST)
    assert [d.iso() if d else None for d in cell.dates] == [
        "2024-10", "2024-11", "2024-12", *(f"2025-01-{n + 6:02d}" for n in range(6)), "2025-02"]


def test_a_cut_at_an_indented_yearless_heading_reads_it_again():
    """Spaces between the line break and the heading: the heading at the cut is still read from its line."""
    old = _OPENING + " " + "\n ".join(_update(n) for n in range(6))
    _, grown = split_grown(old, OLDEST, None)
    assert grown is not None and old[grown.before.cut - 2 : grown.before.cut] == "\n "
    later = old + "".join("\n " + _update(n) for n in range(6, 10))
    cell, _ = split_grown(later, OLDEST, grown)
    assert cell == whole(later, OLDEST)
    assert [d.iso() if d else None for d in cell.dates] == [
        "2024-10", "2024-11", "2024-12", *(f"2025-01-{n + 6:02d}" for n in range(10))]


def test_a_cell_kept_between_versions_reads_its_years_again():
    from paptools.read.progress import CellMemo, cell_entries

    memo = CellMemo()
    memo.entries(_OLD, "PAP", "F4", lambda *a: None, OLDEST, lambda i: None, "PAP 1.1")
    memo.next_version()
    later = _OLD + _LATE
    notes: list[str] = []
    again = memo.entries(later, "PAP", "F4", lambda *a: notes.append(a[2]), OLDEST, lambda i: None, "PAP 1.1")
    assert [e.date.iso() if e.date else None for e in again] == _UNDATED
    assert [e.text.split(":")[0] for e in again[3:9]] == [f"w/c {n + 6} Jan" for n in range(6)]  # its heading kept
    assert list(again) == cell_entries(later, "PAP", "F4", lambda *a: None, OLDEST)
    assert notes[0] == ("'w/c 6 Jan' has no year and could not be dated: after the entry written before it "
                        "(Dec 2024) it would be 6 Jan 2025, later than the entry written after it (Nov 2024)")


# --- a workbook and a reconcile ---------------------------------------------------------------

def test_a_week_commencing_line_added_is_one_new_entry_and_its_year_a_warning_naming_the_cell(make_workbook):
    from paptools.api import reconcile
    from paptools.compare.changes import ChangeKind

    first = "14/10/24: Working group met and agreed the terms of reference."
    before = make_workbook(plan_rows(action("PAP 1.1", progress=first)), name="PAP Oct 24.xlsx")
    second = first + "\nw/c 4 Nov: SENCO survey sent to all schools."
    after = make_workbook(plan_rows(action("PAP 1.1", progress=second)), name="PAP Nov 24.xlsx")
    plan = read_plan(after)
    assert [(e.date.iso(), e.text) for e in plan.actions[0].entries] == [
        ("2024-10-14", "Working group met and agreed the terms of reference."),
        ("2024-11-04", "SENCO survey sent to all schools.")]
    assert [w.line() for w in plan.warnings if "no year" in w.message] == [
        "PAP!F4: 'w/c 4 Nov' has no year: read as 4 Nov 2024, after the entry written before it (14 Oct 2024)"]
    changes = reconcile(before, after).changes
    entries = [c for c in changes if c.kind.is_entry]
    assert [(c.kind, c.ref, c.entry.date.iso(), c.entry.text) for c in entries if c.entry] == [
        (ChangeKind.NEW_ENTRY, "PAP 1.1", "2024-11-04", "SENCO survey sent to all schools.")]


def test_many_yearless_headings_on_a_sheet_are_one_warning_with_the_rule_and_their_actions(make_workbook):
    """A plan whose officers head their updates "w/c 4 Nov" gets one warning for the sheet, not one a
    heading; each entry is dated as before. One that cannot be dated is still said at its cell."""
    headed = "14/10/24: Group met.\nw/c 4 Nov: Survey sent.\nw/c 18 Nov: Replies in."
    path = make_workbook(plan_rows(
        action("PAP 1.1", progress=headed), action("PAP 1.2", progress=headed),
        action("PAP 1.3", progress="14/10/24: Group met."), action("PAP 1.4", progress="w/c 2 Dec: Plan shared."),
        action("PAP 1.5", progress="Oct 24: Plan drafted.\n29 Feb: Plan shared."),
        title="SEND Priority Action Plan: progress at 16 December 2024"))
    plan = read_plan(path)
    assert [[(e.date.iso() if e.date else None, e.text) for e in a.entries] for a in plan.actions] == [
        [("2024-10-14", "Group met."), ("2024-11-04", "Survey sent."), ("2024-11-18", "Replies in.")],
        [("2024-10-14", "Group met."), ("2024-11-04", "Survey sent."), ("2024-11-18", "Replies in.")],
        [("2024-10-14", "Group met.")],
        [("2024-12-02", "Plan shared.")],
        [("2024-10", "Plan drafted."), (None, "29 Feb: Plan shared.")]]
    assert [w.line() for w in plan.warnings if "no year" in w.message] == [
        "PAP!F4: 5 progress headings have no year: each is read in the first year that puts it on or after the "
        "entry written before it, or, with no dated entry before it, on or before the plan's date: 'w/c 4 Nov' as "
        "4 Nov 2024, 'w/c 18 Nov' as 18 Nov 2024 and 3 more (3 actions: PAP 1.1, PAP 1.2, PAP 1.4)",
        "PAP!F8: '29 Feb' has no year and could not be dated: after the entry written before it (Oct 2024) it "
        "would fall in 2025, which has no 29 Feb"]


@pytest.mark.parametrize(("line", "heading", "iso", "initials", "text"), [
    ("14/11: Plan shared.", "14/11", "2024-11-14", None, "Plan shared."),
    ("4/11 - AB - Plan shared.", "4/11", "2024-11-04", "AB", "Plan shared."),
    ("w/c 04/11: Plan shared.", "w/c 04/11", "2024-11-04", None, "Plan shared."),
    ("10/11: Plan shared.", "10/11", "2024-11-10", None, "Plan shared."),  # not October 2011
])
def test_a_day_and_month_in_figures_is_a_yearless_heading(line, heading, iso, initials, text):
    entries, notes = splits(f"Oct 24: Plan drafted.\n{line}")
    assert entries == [("2024-10", None, "Plan drafted."), (iso, initials, text)]
    day = int(iso[-2:])
    assert notes == [f"'{heading}' has no year: read as {day} Nov 2024, after the entry written before it (Oct 2024)"]


def test_a_month_and_year_in_figures_is_still_a_month():
    assert splits("01/25: SL: Plan drafted.\n03/25 - Plan shared.") == (
        [("2025-01", "SL", "Plan drafted."), ("2025-03", None, "Plan shared.")], [])
    assert splits("Oct 24: Plan drafted.\n1/2 of the schools replied.\n31/11 - not a date.")[0] == [
        ("2024-10", None, "Plan drafted.\n1/2 of the schools replied.\n31/11 - not a date.")]


def test_a_month_alone_heading_a_line_is_an_entry_dated_by_that_month():
    text = "Oct 24: Plan drafted.\nNovember: Panel met.\nDecember update - Draft shared.\nJanuary: Signed off."
    assert splits(text) == ([
        ("2024-10", None, "Plan drafted."), ("2024-11", None, "Panel met."),
        ("2024-12", None, "Draft shared."), ("2025-01", None, "Signed off."),
    ], [
        "'November' has no year: read as Nov 2024, after the entry written before it (Oct 2024)",
        "'December update' has no year: read as Dec 2024, after the entry written before it (Nov 2024)",
        "'January' has no year: read as Jan 2025, after the entry written before it (Dec 2024)",
    ])
    assert splits("14 Nov 24: Plan drafted.\nNovember: Panel met.")[0] == [
        ("2024-11-14", None, "Plan drafted."), ("2024-11", None, "Panel met.")]  # the same month, not a year on
    assert splits("Oct 24: Plan drafted.\nMay we ask: who chairs it?")[0] == [
        ("2024-10", None, "Plan drafted.\nMay we ask: who chairs it?")]


def test_headings_of_one_cell_that_cannot_be_dated_share_one_note():
    assert splits("January update: 64 SENCOs trained.\nDecember update: materials signed off.\nNovember: provider "
                  "commissioned.") == ([
        (None, None, "January update: 64 SENCOs trained."), (None, None, "December update: materials signed off."),
        (None, None, "November: provider commissioned."),
    ], ["'January update', 'December update' and 'November' have no year and could not be dated: no dated entry "
        "was written before them"])


def test_a_plan_of_yearless_headings_alone_is_dated_on_or_before_the_plans_date(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "14 Oct: AB - Audit done.\n11 Nov: AB - Posts advertised.\n13 Jan: Board agreed."),
        action("PAP 1.2", "OT", "13 Jan: Survey sent.\n9 Dec: Forum met.", owner="Cal Dunn"),  # newest first
        action("PAP 1.3", "OT", "20 Feb: Panel met."),  # after the plan's date: the year before
        title="SEND Priority Action Plan 2024/25: progress at 15 January 2025",
    )))
    assert plan.version_date.isoformat() == "2025-01-15"
    entries = {a.ref: [(e.date.iso() if e.date else None, e.initials, e.text) for e in a.entries] for a in plan.actions}
    assert entries["PAP 1.1"] == [  # before: three undated entries, their headings in their text
        ("2024-10-14", "AB", "Audit done."), ("2024-11-11", "AB", "Posts advertised."), ("2025-01-13", None, "Board agreed.")]
    assert entries["PAP 1.2"] == [  # read in the plan's order, 9 Dec would fall after the plan's date: not guessed
        ("2025-01-13", None, "Survey sent."), (None, None, "9 Dec: Forum met.")]
    assert entries["PAP 1.3"] == [("2024-02-20", None, "Panel met.")]
    assert [w.line() for w in plan.warnings if "no year" in w.message] == [  # five read: one warning for them
        "PAP!F4: 5 progress headings have no year: each is read in the first year that puts it on or after the "
        "entry written before it, or, with no dated entry before it, on or before the plan's date: '14 Oct' as "
        "14 Oct 2024, '11 Nov' as 11 Nov 2024 and 3 more (3 actions: PAP 1.1, PAP 1.2, PAP 1.3)",
        "PAP!F5: '9 Dec' has no year and could not be dated: after the entry written before it, it would be later "
        "than the plan's date (15 Jan 2025)"]


def test_a_cell_kept_between_versions_is_dated_by_each_versions_own_date():
    from paptools.model import EntryDate
    from paptools.read.progress import CellMemo, cell_entries

    text = "9 Jun: Forum met.\n14 Jul: Survey sent."
    memo = CellMemo()
    first = memo.entries(text, "PAP", "F4", lambda *a: None, OLDEST, lambda i: None, "PAP 1.1", EntryDate(2025, 1, 15))
    memo.next_version()
    second = memo.entries(text, "PAP", "F4", lambda *a: None, OLDEST, lambda i: None, "PAP 1.1", EntryDate(2026, 3, 15))
    assert [e.date.iso() for e in first] == ["2024-06-09", "2024-07-14"]
    assert [e.date.iso() for e in second] == ["2025-06-09", "2025-07-14"]  # not the first version's, kept
    assert list(second) == cell_entries(text, "PAP", "F4", lambda *a: None, OLDEST, plan_date=EntryDate(2026, 3, 15))

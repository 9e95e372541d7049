"""An entry whose heading opens with a name or a label of the officer's own before its date
("Sarah Jones 14/01/25: ...", "SEND Board 12/11/24 - AB - ...", "Mid-Jan 25: ...", "Nov/Dec 24:
...") is one dated entry, its heading kept in its text. Before, the name was left at the end of
the entry above, and a reconcile called the next update a change to that entry."""
from __future__ import annotations

from conftest import action, plan_rows

from paptools.api import reconcile
from paptools.read.plan import read_plan

BEFORE = ("SEND Board 12/11/24 - AB - baseline agreed.\n"
          "Sarah Jones 02/12/24: venues booked.")
AFTER = BEFORE + "\nSarah Jones 14/01/25: surgeries running monthly."
QUALIFIED = ("Early Nov 2024 - 40 of 62 plans reviewed.\n"
             "Nov/Dec 24: data sharing agreement signed.\n"
             "Mid-Jan 25: 38% within 6 weeks.")


def _entries(plan, ref):
    found = next(a for a in plan.actions if a.ref == ref)
    return [(e.date.iso() if e.date else None, e.initials, e.text) for e in found.entries]


def test_a_name_or_a_label_before_the_date_heads_one_dated_entry(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", AFTER, owner="Sarah Jones & Amir Bhatt"),
        action("PAP 1.2", "OT", QUALIFIED),
    )))
    assert _entries(plan, "PAP 1.1") == [
        ("2024-11-12", "AB", "SEND Board 12/11/24 - AB - baseline agreed."),
        ("2024-12-02", None, "Sarah Jones 02/12/24: venues booked."),
        ("2025-01-14", None, "Sarah Jones 14/01/25: surgeries running monthly."),
    ]
    assert [e.author for e in plan.actions[0].entries] == ["Amir Bhatt", None, None]
    assert _entries(plan, "PAP 1.2") == [
        ("2024-11", None, "Early Nov 2024 - 40 of 62 plans reviewed."),
        ("2024-12", None, "Nov/Dec 24: data sharing agreement signed."),
        ("2025-01", None, "Mid-Jan 25: 38% within 6 weeks."),
    ]


def test_the_next_update_under_a_named_heading_is_new_progress(make_workbook):
    before = make_workbook(plan_rows(action("PAP 1.1", "OT", BEFORE, owner="Sarah Jones")))
    after = make_workbook(plan_rows(action("PAP 1.1", "OT", AFTER, owner="Sarah Jones")))
    result = reconcile(before, after)
    assert [(c.kind.value, c.ref, c.entry.text if c.entry else None) for c in result.changes] == [
        ("new progress", "PAP 1.1", "Sarah Jones 14/01/25: surgeries running monthly.")]


def test_initials_before_the_date_are_still_initials(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "AB 12/11/24: baseline agreed.\nSJ 02/12/24 - venues booked.",
               owner="Sarah Jones & Amir Bhatt"),
    )))
    assert _entries(plan, "PAP 1.1") == [
        ("2024-11-12", "AB", "baseline agreed."), ("2024-12-02", "SJ", "venues booked.")]


def test_a_numbered_line_a_bracketed_name_or_by_whom_after_the_date_heads_an_entry(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "1) 12/03/24 Review of the process completed.\n2) 09/07/24 Improvement plan drafted."),
        action("PAP 1.2", "OT", "10th December 2024 (Amir Patel): Draft shared.\n"
                                "14th January 2025 (Sarah Jones): Panel met."),
        action("PAP 1.3", "OT", "Updated 10th December 2024 by JS - Draft shared.\n"
                                "Updated 14th January 2025 by Sarah Jones - Panel met.", owner="Jo Smith"),
    )))
    assert _entries(plan, "PAP 1.1") == [
        ("2024-03-12", None, "Review of the process completed."), ("2024-07-09", None, "Improvement plan drafted.")]
    assert _entries(plan, "PAP 1.2") == [
        ("2024-12-10", None, "(Amir Patel): Draft shared."), ("2025-01-14", None, "(Sarah Jones): Panel met.")]
    assert _entries(plan, "PAP 1.3") == [
        ("2024-12-10", "JS", "Draft shared."), ("2025-01-14", None, "by Sarah Jones - Panel met.")]
    assert [e.author for e in plan.actions[2].entries] == ["Jo Smith", None]
    assert [w.message for w in plan.warnings if "opens a line" in w.message] == []


def test_a_date_opening_a_line_but_no_entry_is_a_warning_naming_the_cell(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Oct 24: Plan drafted.\n*14/01/25* Panel met and agreed the plan."),
    )))
    assert _entries(plan, "PAP 1.1") == [
        ("2024-10", None, "Plan drafted.\n*14/01/25* Panel met and agreed the plan.")]  # kept, not guessed
    assert [(w.sheet, w.cell, w.message) for w in plan.warnings if "opens a line" in w.message] == [
        ("PAP", "F4", "'14/01/25' opens a line but not an entry (its heading is not written in a way paptools "
                      "reads): the line is read as more of the entry above it")]


def test_initials_in_a_labelled_dates_brackets_are_the_entrys_initials(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Update (AB, 10/12/24): Draft shared.\nUpdate (14/01/25, JS): Panel met.",
               owner="Jo Smith & Amir Bhatt"),
    )))
    assert _entries(plan, "PAP 1.1") == [("2024-12-10", "AB", "Draft shared."), ("2025-01-14", "JS", "Panel met.")]
    assert [e.author for e in plan.actions[0].entries] == ["Amir Bhatt", "Jo Smith"]


def test_initials_before_a_bracketed_date_sign_the_entry(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Oct 24: Plan drafted.\nJS (14/01/25): Panel met.\nAB [Feb 2025] Report shared.\n"
                                "The (March 2025) review is next.", owner="Jo Smith & Amir Bhatt"),
    )))
    assert _entries(plan, "PAP 1.1") == [
        ("2024-10", None, "Plan drafted."), ("2025-01-14", "JS", "Panel met."),
        ("2025-02", "AB", "Report shared.\nThe (March 2025) review is next.")]  # "The" is a word, not initials

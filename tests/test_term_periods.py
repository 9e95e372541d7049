"""Progress kept one column per school term ("Autumn term 2024 update"), as schools and SEND
services report: each column is a period dated by the month its term ends. Expected values
are written out as an officer reads them."""
from __future__ import annotations

import openpyxl

from paptools.read.plan import read_plan


def test_a_column_per_school_term_is_progress_dated_by_the_terms_end(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Autumn term 2024 update", "Spring term 2025 update",
         "Summer term 2025 update"],
        ["1.1", "Publish the local offer", "Jane Smith", "Summer term 2025", "G", "Scoped.", "Drafted.", None],
        ["1.2", "Train SENCOs", "Bob Jones", "Spring term 2025", "A", "Planned.", "Two sessions run.", "All run."],
    ]:
        sheet.append(row)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert [(p.letter, p.date.iso()) for p in plan.layout.tables[0].periods] == [
        ("F", "2024-12"), ("G", "2025-04"), ("H", "2025-07")]
    assert {a.ref: (a.timescale.due.iso(), [(e.date.iso(), e.text) for e in a.entries], dict(a.extra))
            for a in plan.actions} == {
        "1.1": ("2025-07", [("2024-12", "Scoped."), ("2025-04", "Drafted.")], {}),
        "1.2": ("2025-04", [("2024-12", "Planned."), ("2025-04", "Two sessions run."), ("2025-07", "All run.")], {}),
    }
    assert [w.line() for w in plan.warnings] == []



def test_a_progress_heading_naming_a_term_is_dated_by_its_end_and_said(make_workbook):
    """ "Autumn term 2024: ..." is months long: the month it is read as is a note; three or more on
    a sheet are one warning with the rule and the actions, as yearless headings are."""
    from conftest import action, plan_rows

    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Summer term 2024: Draft written.\nAutumn term 2024 - Published."),
        action("PAP 1.2", "OT", "Spring term 2025/26: Reviewed.")), name="terms.xlsx"))
    assert [[(e.date.iso(), e.text) for e in a.entries] for a in plan.actions] == [
        [("2024-07", "Summer term 2024: Draft written."), ("2024-12", "Autumn term 2024 - Published.")],
        [("2026-04", "Spring term 2025/26: Reviewed.")]]
    assert [w.line() for w in plan.warnings if "term" in w.message] == [
        "PAP!F4: 3 progress headings name a school term: each is dated by the month the term ends (autumn "
        "December, spring April, summer July): 'Summer term 2024' as Jul 2024, 'Autumn term 2024' as Dec 2024 "
        "and 1 more (2 actions: PAP 1.1, PAP 1.2)"]
    one = read_plan(make_workbook(plan_rows(action("PAP 1.1", "OT", "Autumn term 2024: Audit begun.")), name="one.xlsx"))
    assert [w.line() for w in one.warnings if "term" in w.message] == [
        "PAP!F4: 'Autumn term 2024' read as Dec 2024, the month the term ends"]


def test_a_progress_heading_naming_a_season_dates_nothing_and_is_said(make_workbook):
    """ "Winter 2024: ..." is an entry of its own, but a season is no month: its entry is undated, and
    the officer is told why and what to write; three or more on a sheet are one warning."""
    from conftest import action, plan_rows

    one = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Sept 2024: Audit started.\nWinter 2024: Half the plans audited.")), name="one.xlsx"))
    assert [(e.date and e.date.iso(), e.text) for e in one.actions[0].entries] == [
        ("2024-09", "Audit started."), (None, "Winter 2024: Half the plans audited.")]
    assert [w.line() for w in one.warnings if "season" in w.message] == [
        "PAP!F4: 'Winter 2024' names a season, not a month, so the entry it heads takes no date from it: write "
        "the month, or the school term"]
    many = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Winter 2024: Scoped.\nSpring 2025 - Drafted."),
        action("PAP 1.2", "OT", "Summer 2025: Published.")), name="many.xlsx"))
    assert [[(e.date, e.text) for e in a.entries] for a in many.actions] == [
        [(None, "Winter 2024: Scoped."), (None, "Spring 2025 - Drafted.")], [(None, "Summer 2025: Published.")]]
    assert [w.line() for w in many.warnings if "season" in w.message] == [
        "PAP!F4: 3 progress headings name a season, not a month, so the entries they head take no date from them: "
        "write the month, or the school term: 'Winter 2024', 'Spring 2025' and 1 more (2 actions: PAP 1.1, PAP 1.2)"]

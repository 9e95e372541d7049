"""Plans whose actions each span several rows, one a milestone with its own owner, due date and
RAG, the action's Ref, Action, Overall RAG and Progress merged down its rows or written on its
first row only. Every row is read with its action: its owners once each, its due month its last
milestone's, its status the Overall RAG, and each row's cells kept as extra columns, a line a
row. Expected values are written out as an officer reads them."""
from __future__ import annotations

from datetime import date, datetime

import click
import openpyxl

from paptools.compare.figures import summarize
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout
from paptools.write.terminal import render_plan, render_summary
from paptools.write.workbook import write_clean_workbook

HEADER = ["Ref", "Action", "Milestone", "Milestone owner", "Milestone due", "Milestone RAG", "Overall RAG", "Progress"]
ROWS = [
    ["1.1", "Publish the Local Offer", "M1: Draft", "Ann Bell", datetime(2024, 11, 28), "Blue", "Green",
     "Dec 24: AB: Draft agreed.\nJan 25: AB: Consultation open."],
    [None, None, "M2: Consultation", "Cal Dunn", datetime(2025, 1, 31), "Green", None, None],
    [None, None, "M3: Sign-off at board", "Ann Bell", datetime(2025, 3, 28), "Amber", None, None],
    ["1.2", "Train SENCOs", "M1: Book trainers", "Eve Ford", datetime(2024, 12, 20), "Blue", "Blue",
     "Dec 24: EF: Trainers booked."],
    [None, None, "M2: Deliver training", "Eve Ford", datetime(2025, 1, 15), "Blue", None, None],
    ["1.3", "Set up the panel", "M1: Terms of reference", "Gil Hart", datetime(2025, 2, 28), "Green", "Green", None],
]
MERGED = [f"{column}{first}:{column}{last}" for first, last in ((2, 4), (5, 6)) for column in "ABGH"]


def build(path, rows=ROWS, merged=MERGED):
    """A one-sheet plan ("PAP milestones") of these rows under HEADER, these ranges merged, the dues shown as Mmm-yy."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "PAP milestones"
    for row in [HEADER, *rows]:
        sheet.append(row)
    for cell in sheet["E"][1:]:
        cell.number_format = "mmm-yy"
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def read(path):
    plan = read_plan(path)
    return plan, [(a.ref, a.status.value if a.status else None, a.owner, a.owners, a.timescale.text,
                   a.timescale.due.iso() if a.timescale.due else None) for a in plan.actions]


ACTIONS = [
    ("1.1", "On track", "Ann Bell\nCal Dunn", ("Ann Bell", "Cal Dunn"), "Nov-24 to Mar-25", "2025-03"),
    ("1.2", "Complete", "Eve Ford", ("Eve Ford",), "Dec-24 to Jan-25", "2025-01"),
    ("1.3", "On track", "Gil Hart", ("Gil Hart",), "Feb-25", "2025-02"),
]
EXTRA = [
    (("Milestone", "M1: Draft\nM2: Consultation\nM3: Sign-off at board"),
     ("Milestone owner", "Ann Bell\nCal Dunn\nAnn Bell"),
     ("Milestone due", "28/11/2024\n31/01/2025\n28/03/2025"),
     ("Milestone RAG", "Blue\nGreen\nAmber")),
    (("Milestone", "M1: Book trainers\nM2: Deliver training"),  # one owner: the Owner says it
     ("Milestone due", "20/12/2024\n15/01/2025"),
     ("Milestone RAG", "Blue\nBlue")),
    (("Milestone", "M1: Terms of reference"), ("Milestone RAG", "Green")),
]


def test_each_milestone_row_is_read_with_its_action_merged_down_its_rows(tmp_path):
    plan, actions = read(build(tmp_path / "merged.xlsx"))
    assert actions == ACTIONS
    assert [a.extra for a in plan.actions] == EXTRA
    assert plan.extra_columns == ("Milestone", "Milestone owner", "Milestone due", "Milestone RAG")
    assert [[(e.date.iso(), e.initials, e.text, e.cell) for e in a.entries] for a in plan.actions] == [
        [("2024-12", "AB", "Draft agreed.", "PAP milestones!H2"),
         ("2025-01", "AB", "Consultation open.", "PAP milestones!H2")],
        [("2024-12", "EF", "Trainers booked.", "PAP milestones!H5")],
        [],
    ]
    assert [w.line() for w in plan.warnings] == []
    shown = render_layout("merged.xlsx", plan.layout, plan)
    assert ("  Actions span several rows (A2:A6): each row gives its own Milestone, Milestone owner, Milestone due,\n"
            "    Milestone RAG (a milestone or step of the action); Ref, Action, Overall RAG, Progress are merged down each\n"
            "    action's rows.\n"
            "    Every row is read with its action: its Milestone, Milestone owner, Milestone due, Milestone RAG kept as\n"
            "    extra columns, a line a row; the action's owners are its rows' (each once), its due month the latest\n"
            "    row's.\n") in shown


def test_the_same_plan_with_ref_and_action_on_the_first_row_only_is_read_the_same(tmp_path):
    plan, actions = read(build(tmp_path / "blank.xlsx", merged=()))
    assert actions == ACTIONS
    assert [a.extra for a in plan.actions] == EXTRA
    assert [w.line() for w in plan.warnings] == []
    shown = render_layout("blank.xlsx", plan.layout, plan)
    assert ("  Actions span several rows (A2:A6): each row gives its own Milestone, Milestone owner, Milestone due,\n"
            "    Milestone RAG (a milestone or step of the action); Ref and Action are written on each action's first row\n"
            "    only.\n") in shown


def test_the_figures_count_an_action_overdue_only_past_its_last_milestone(tmp_path):
    plan = read_plan(build(tmp_path / "merged.xlsx"))
    assert [a.ref for a in summarize(plan, date(2025, 2, 10)).overdue] == []
    summary = summarize(plan, date(2025, 4, 15))
    assert [a.ref for a in summary.overdue] == ["1.1", "1.3"]
    lines = click.unstyle(render_summary(summary)).splitlines()
    assert "  1.1        due Mar 2025  [On track]  Ann Bell, Cal Dunn" in lines  # one line, each owner once
    shown = click.unstyle(render_plan(plan)).splitlines()
    assert "1.1  [On track]  Ann Bell, Cal Dunn  · due Mar 2025" in shown
    assert "    Timescale: Nov-24 to Mar-25" in shown


def test_a_milestone_whose_due_cannot_be_read_is_reported_and_the_others_give_the_due_month(tmp_path):
    rows = [list(row) for row in ROWS]
    rows[1][4] = "TBC"
    plan, actions = read(build(tmp_path / "tbc.xlsx", rows))
    assert actions[0] == ("1.1", "On track", "Ann Bell\nCal Dunn", ("Ann Bell", "Cal Dunn"), "Nov-24 to Mar-25",
                          "2025-03")
    assert dict(plan.actions[0].extra)["Milestone due"] == "28/11/2024\nTBC\n28/03/2025"
    assert [w.line() for w in plan.warnings] == [
        "PAP milestones!E3: timescale 'TBC' names no month, so no due date is known; 1.1's due month is taken from "
        "its other rows",
    ]


def test_rows_below_giving_only_extra_cells_are_read_with_the_action_and_reported(tmp_path):
    rows = [["1.1", "Publish the Local Offer", "M1: Draft", "Ann Bell", datetime(2025, 3, 28), "Blue", "Green", None],
            [None, None, "M2: Consultation", None, None, "Green", None, None]]
    plan, actions = read(build(tmp_path / "extra.xlsx", rows, ()))
    assert actions == [("1.1", "On track", "Ann Bell", ("Ann Bell",), "Mar-25", "2025-03")]
    assert plan.actions[0].extra == (("Milestone", "M1: Draft\nM2: Consultation"), ("Milestone RAG", "Blue\nGreen"))
    assert [w.line() for w in plan.warnings] == [
        "PAP milestones!A3: row has no Ref and no Action; its text was read as part of 1.1 above",
    ]


def test_the_cleaned_workbook_shows_each_actions_milestones_in_its_extra_columns(tmp_path):
    plan = read_plan(build(tmp_path / "merged.xlsx"))
    path = tmp_path / "clean.xlsx"
    write_clean_workbook(path, plan, summarize(plan, date(2025, 2, 10)))
    rows = list(openpyxl.load_workbook(path)["Actions"].iter_rows(values_only=True))
    header = rows[0]
    first = dict(zip(header, rows[1]))
    assert (first["Ref"], first["Owner"], first["Timescale"]) == ("1.1", "Ann Bell\nCal Dunn", "Nov-24 to Mar-25")
    assert [first[name] for name in ("Milestone", "Milestone owner", "Milestone due", "Milestone RAG")] == [
        text for _, text in EXTRA[0]]


def test_rows_that_copy_the_actions_owner_and_due_down_are_not_milestones(tmp_path):
    rows = [["1.1", "Publish the Local Offer", "M1: Draft", "Ann Bell", datetime(2025, 3, 28), "Green", "Green",
             "Dec 24: AB: Draft agreed."],
            [None, None, None, "Ann Bell", datetime(2025, 3, 28), None, None, "Jan 25: AB: Consultation open."]]
    plan, actions = read(build(tmp_path / "copied.xlsx", rows, ()))
    assert actions == [("1.1", "On track", "Ann Bell", ("Ann Bell",), "Mar-25", "2025-03")]
    assert plan.actions[0].extra == (("Milestone", "M1: Draft"), ("Milestone RAG", "Green"))
    assert [e.text for e in plan.actions[0].entries] == ["Draft agreed.", "Consultation open."]
    assert [w.line() for w in plan.warnings] == [
        "PAP milestones!A3: row has no Ref and no Action; its text was read as part of 1.1 above",
    ]
    assert "Actions span several rows" not in render_layout("copied.xlsx", plan.layout, plan)

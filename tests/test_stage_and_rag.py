"""Plans that keep a stage ("Status": Open, In progress, Closed) beside a RAG rating ("RAG": G,
A, R): Complete in the stage counts whatever the RAG says, the RAG gives how an open action is
going, and the stage counts where the RAG cell is blank. Expected values are written out as an
officer reads them."""
from __future__ import annotations

import openpyxl
from test_layout import build as workbook

from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout


def build(path, header, rows):
    """A one-sheet plan ("Plan") of these rows under this header."""
    return workbook(path, {"Plan": [header, *rows]})


def statuses(plan):
    return {a.ref: (a.status.value if a.status else None, a.status_word, dict(a.extra)) for a in plan.actions}


def test_a_stage_beside_the_rag_rating(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", ["Ref", "Action", "Owner", "Timescale", "Status", "RAG rating",
                                                     "Progress"], [
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "Closed", "G", "Jan 25: Published."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "Open", "A", "Jan 25: Venue booked."],
        ["1.3", "Audit EHCPs", "Ann Lee", "Dec 2025", "In progress", "R", "Jan 25: Two weeks late."],
        ["1.4", "Map provision", "Ann Lee", "Dec 2025", "Not started", None, "Jan 25: Due to start."],
        ["1.5", "Fund the hub", "Ann Lee", "Dec 2025", "Open", None, "Jan 25: Bid written."],
        ["1.6", "Write the strategy", "Ann Lee", "Dec 2025", "Complete", "R", "Jan 25: Signed off."],
    ]))
    assert statuses(plan) == {
        "1.1": ("Complete", "Closed", {"Status": "Closed"}),
        "1.2": ("Vulnerable", "A", {"Status": "Open"}),
        "1.3": ("At risk", "R", {"Status": "In progress"}),
        "1.4": ("Not yet started", "Not started", {"Status": "Not started"}),
        "1.5": (None, None, {"Status": "Open"}),
        "1.6": ("Complete", "Complete", {"Status": "Complete"}),
    }
    assert [w.line() for w in plan.warnings] == ["Plan!F6: 1.5 has no status (the RA cell is blank); status unknown"]
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert ("  Stage            <- column E 'Status'\n"
            "                      Complete there counts whatever the RAG says; else read where the RAG cell gives "
            "no status\n"
            "  RA status        <- column F 'RAG rating'\n") in text
    assert "could also be" not in text


def test_two_status_columns_that_are_not_a_stage_and_a_rating_still_say_which_is_used(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", ["Ref", "Action", "Owner", "Timescale", "Status",
                                                     "Current status", "Progress"], [
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "Green", "Amber", "Jan 25: Draft."],
    ]))
    assert "Stage" not in render_layout("plan.xlsx", plan.layout, plan)
    assert [w.line() for w in plan.warnings] == [
        "Plan!F1: column F 'Current status' could also be the RA status column; column E 'Status' is used "
        "(name the right one in paptools.toml)"]


def test_the_house_style_written_for_a_stage_reads_the_plan_the_same_way(tmp_path):
    from paptools.read.style import load_style

    path = build(tmp_path / "plan.xlsx", ["Ref", "Action", "Owner", "Timescale", "Status", "RAG rating", "Progress"], [
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "Closed", "G", "Jan 25: Published."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "Open", "A", "Jan 25: Venue booked."],
    ])
    (tmp_path / "paptools.toml").write_text('[columns]\n"Status" = "stage"\n"RAG rating" = "status"\n')
    plan = read_plan(path, style=load_style(tmp_path / "paptools.toml"))
    assert statuses(plan) == {
        "1.1": ("Complete", "Closed", {"Status": "Closed"}),
        "1.2": ("Vulnerable", "A", {"Status": "Open"}),
    }


def test_explain_names_the_stage_cell_a_status_came_from(tmp_path):
    from click.testing import CliRunner

    from paptools.cli import main

    path = build(tmp_path / "plan.xlsx", ["Ref", "Action", "Owner", "Timescale", "Status", "RAG rating", "Progress"], [
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "Closed", "R", "Jan 25: Published."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "Open", "A", "Jan 25: Venue booked."],
    ])
    runner = CliRunner()
    first = " ".join(runner.invoke(main, ["explain", str(path), "1.1", "--as-of", "2025-01-31"]).output.split())
    assert "Status: Complete (Plan!E2)" in first
    assert ("The 'Status' cell Plan!E2 says \"Closed\", which the plan's words map to Complete: Complete there "
            "counts whatever the RAG says, and any other stage where the RAG cell gives no status.") in first
    second = " ".join(runner.invoke(main, ["explain", str(path), "1.2", "--as-of", "2025-01-31"]).output.split())
    assert "The RA cell Plan!F3 says \"A\", which the plan's words map to Vulnerable." in second
    plan = read_plan(path)
    assert [(a.ref, a.status_cell, a.status_fill) for a in plan.actions] == [("1.1", "E2", None), ("1.2", "F3", None)]


def test_the_cleaned_workbook_keeps_the_plans_status_column_under_its_own_header(tmp_path):
    import warnings

    from paptools.api import OutputOptions, reconcile, write_outputs

    path = build(tmp_path / "plan.xlsx", ["Ref", "Action", "Owner", "Timescale", "Status", "RAG rating", "Progress"], [
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "Closed", "R", "Jan 25: Published."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "Open", "A", "Jan 25: Venue booked."],
    ])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # xlsxwriter warns of a table with two columns of one name
        written = write_outputs(reconcile([path], single_ok=True),
                                OutputOptions(output_dir=tmp_path / "out", kinds=("workbook",)))
    sheet = openpyxl.load_workbook(written["workbook"])["Actions"]
    table = next(iter(sheet.tables.values()))
    headers = [column.name for column in table.tableColumns]
    assert len({h.casefold() for h in headers}) == len(headers)
    rows = {row[0]: dict(zip(headers, row)) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}
    # paptools' Status column holds the plan's word each status was read from, coloured for its status
    assert {ref: (row["Status"], row["Status (in the plan)"]) for ref, row in rows.items()} == {
        "1.1": ("Closed", "Closed"), "1.2": ("A", "Open")}

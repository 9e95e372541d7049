"""The reader on trackers kept in other house styles: each workbook is built here, in the test.

Every expectation (actions, statuses in canonical and own words, entries, where each came
from) is written out literally, as a careful person reading the workbook would write it down.
"""
from __future__ import annotations

import re
import zipfile
from datetime import datetime

import click
import openpyxl
import pytest
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from paptools.errors import NoActions
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout
from paptools.write.terminal import render_plan


def build(path, sheets: dict[str, list[list]], fills: dict[tuple[str, str], str] | None = None,
          modified: datetime | None = None, merged: tuple[tuple[str, str], ...] = (),
          hidden: tuple[tuple[str, int], ...] = (), fonts: dict[tuple[str, str], Font] | None = None,
          hidden_sheets: frozenset[str] = frozenset(), hidden_columns: tuple[tuple[str, str], ...] = ()):
    """A workbook with these sheets of rows (None for a blank cell), these cell fills and fonts,
    these (sheet, range) merged, these (sheet, row) and (sheet, column letter) hidden and these
    sheets hidden."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    for (title, cell), rgb in (fills or {}).items():
        book[title][cell].fill = PatternFill("solid", fgColor=rgb)
    for (title, cell), font in (fonts or {}).items():
        book[title][cell].font = font
    for title, cells in merged:
        book[title].merge_cells(cells)
    for title, row in hidden:
        book[title].row_dimensions[row].hidden = True
    for title in hidden_sheets:
        book[title].sheet_state = "hidden"
    for title, letter in hidden_columns:
        book[title].column_dimensions[letter].hidden = True
    book.properties.created = datetime(2023, 6, 1, 9, 0)
    book.save(path)
    _set_modified(path, modified or datetime(2025, 1, 20, 9, 0))
    return path


def _set_modified(path, when: datetime) -> None:
    """The document's last-modified date, as Excel would record it (openpyxl stamps the time of saving)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    core = parts["docProps/core.xml"].decode()
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    parts["docProps/core.xml"] = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", rf"\g<1>{stamp}", core).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def entries(action) -> list[tuple[str | None, str, str, str | None]]:
    return [(e.date.iso() if e.date else None, e.text, e.source.value, e.cell) for e in action.entries]


def statuses(plan) -> dict[str, tuple[str | None, str | None]]:
    return {a.ref: (a.status.value if a.status else None, a.status_word) for a in plan.actions}


def lines(plan) -> list[str]:
    return [w.line() for w in plan.warnings]


def test_one_column_per_period_gives_each_period_its_entries_and_dates(tmp_path):
    path = build(tmp_path / "periods.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Deadline", "Baseline", "Update Jan 24", "Q4 2023/24 update", "Position at June",
         "RAG"],
        ["1.1", "Cut the waiting list", "Ann Lee", "Jun-24", "Waiting list at 120.", "Recruited two therapists.",
         "Waiting list down to 80.", "14/06/2024: list at 40.", "G"],
        ["1.2", "Publish the local offer", "Bo Khan", "Mar-24", None, None, "Draft shared with parents.", None,
         "Amber"],
    ]})
    plan = read_plan(path)
    first, second = plan.actions
    assert entries(first) == [
        (None, "Waiting list at 120.", "period column", "Plan!E2"),
        ("2024-01", "Recruited two therapists.", "period column", "Plan!F2"),
        ("2024-03", "Waiting list down to 80.", "period column", "Plan!G2"),
        ("2024-06-14", "list at 40.", "period column", "Plan!H2"),
    ]
    assert entries(second) == [("2024-03", "Draft shared with parents.", "period column", "Plan!G3")]
    assert statuses(plan) == {"1.1": ("On track", "G"), "1.2": ("Vulnerable", "Amber")}
    table = plan.layout.tables[0]
    assert [(p.letter, p.header, p.date.iso() if p.date else None, p.baseline) for p in table.periods] == [
        ("E", "Baseline", None, True), ("F", "Update Jan 24", "2024-01", False),
        ("G", "Q4 2023/24 update", "2024-03", False), ("H", "Position at June", "2024-06", False),
    ]
    assert lines(plan) == []


def test_period_columns_headed_by_the_board_they_went_to(tmp_path):
    path = build(tmp_path / "board.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Deadline", "RAG", "SEND Board 14.01.25", "SEND Board 12/11/24",
         "Board meeting Sept 2024"],
        ["1.1", "Cut the waiting list", "Ann Lee", "Jun-25", "G", "List down to 80.", "Two therapists recruited.",
         "Waiting list at 120."],
    ]})
    plan = read_plan(path)
    assert entries(plan.actions[0]) == [
        ("2025-01-14", "List down to 80.", "period column", "Plan!F2"),
        ("2024-11-12", "Two therapists recruited.", "period column", "Plan!G2"),
        ("2024-09", "Waiting list at 120.", "period column", "Plan!H2"),
    ]
    assert lines(plan) == []


def test_an_updates_log_dated_by_month_dates_its_entries_by_the_month(tmp_path):
    path = build(tmp_path / "log.xlsx", {
        "Actions": [
            ["ID", "Description", "Owner", "Target date", "Status"],
            ["A1", "Train every SENCo", "Jo Bloggs", "Sep-25", "On track"],
        ],
        "Updates": [
            ["ID", "Date", "Updated by", "Update"],
            ["A1", datetime(2025, 1, 1), "Jo Bloggs", "Kick-off held with 12 schools."],
            ["A1", datetime(2025, 2, 14), "Jo Bloggs", "Two sessions moved to May."],
        ],
    })
    book = openpyxl.load_workbook(path)
    book["Updates"]["B2"].number_format = "mmm-yy"  # shows "Jan-25": the month, not its first day
    book.save(path)
    plan = read_plan(path)
    assert [(e.date.iso(), e.text) for e in plan.actions[0].entries] == [
        ("2025-01", "Kick-off held with 12 schools."), ("2025-02-14", "Two sessions moved to May."),
    ]


def test_an_updates_log_with_the_key_on_a_third_sheet(tmp_path):
    path = build(tmp_path / "log.xlsx", {
        "Actions": [
            ["ID", "Description", "Owner", "Target date", "Status"],
            ["A1", "Train every SENCo", "Jo Bloggs", "Sep-24", "Some slippage"],
            ["A2", "Open the new hub", "Sam Hill", "Jan-24", "Achieved"],
        ],
        "Updates": [
            ["ID", "Date", "Updated by", "Update"],
            ["A1", datetime(2024, 1, 10), "Jo Bloggs", "Kick-off held with 12 schools."],
            ["A2", datetime(2024, 2, 1), "Sam Hill", "Hub opened."],
            ["A1", datetime(2024, 3, 5), "Jo Bloggs", "Two sessions moved to May."],
            ["A9", datetime(2024, 3, 6), "Sam Hill", "Note for an action that is not in the plan."],
        ],
        "Guidance": [
            ["Status", "Meaning"],
            ["Achieved", "The action is complete."],
            ["On track", "Going to plan."],
            ["Some slippage", "Behind, but recoverable."],
            ["Off track", "Will not be delivered without help."],
            ["Not started", "Not due to start yet."],
        ],
    })
    plan = read_plan(path)
    assert statuses(plan) == {"A1": ("Vulnerable", "Some slippage"), "A2": ("Complete", "Achieved")}
    one, two = plan.actions
    assert [(e.date.iso(), e.author, e.text, e.source.value, e.cell) for e in one.entries] == [
        ("2024-01-10", "Jo Bloggs", "Kick-off held with 12 schools.", "log sheet", "Updates!D2"),
        ("2024-03-05", "Jo Bloggs", "Two sessions moved to May.", "log sheet", "Updates!D4"),
    ]
    assert [(e.date.iso(), e.text) for e in two.entries] == [("2024-02-01", "Hub opened.")]
    assert lines(plan) == [
        "Updates!A5: update for ref 'A9' matches no action: not attached to the plan; its text is kept here",
    ]
    assert plan.warnings[0].value == "A9 | 06/03/2024 | Sam Hill | Note for an action that is not in the plan."
    status = plan.layout.tables[0].status
    assert status.vocabulary_source == "sheet Guidance A2:B6"
    assert [(w.word, w.status.value if w.status else None, w.count) for w in status.vocabulary] == [
        ("Achieved", "Complete", 1), ("On track", "On track", 0), ("Some slippage", "Vulnerable", 1),
        ("Off track", "At risk", 0), ("Not started", "Not yet started", 0),
    ]
    assert [log.sheet for log in plan.layout.logs] == ["Updates"]



def test_a_log_written_without_the_plans_prefix_is_attached_where_one_action_has_the_number(tmp_path):
    path = build(tmp_path / "log-refs.xlsx", {
        "Plan": [["Ref", "Action", "Owner", "Timescale", "RAG"],
                 ["PAP 1.1", "Publish", "Jane Smith", "Mar 2025", "Green"],
                 ["PAP 1.2", "Train", "Bob Jones", "Jun 2025", "Amber"],
                 ["SEND 1.2", "Audit", "Ann Lee", "Jun 2025", "Amber"]],
        "Updates": [["Action Ref", "Date", "Update", "Officer"],
                    ["1.1", datetime(2025, 1, 10), "Draft done.", "Jane Smith"],
                    ["PAP 1.1", datetime(2025, 2, 10), "Published.", "Jane Smith"],
                    ["1.2", datetime(2025, 2, 11), "Which one?", "Bob Jones"]],
    })
    plan = read_plan(path)
    assert {a.ref: [(e.date.iso(), e.author, e.text, e.cell) for e in a.entries] for a in plan.actions} == {
        "PAP 1.1": [("2025-01-10", "Jane Smith", "Draft done.", "Updates!C2"),
                    ("2025-02-10", "Jane Smith", "Published.", "Updates!C3")],
        "PAP 1.2": [], "SEND 1.2": [],
    }
    assert lines(plan) == [
        "Updates!A2: update for ref '1.1' attached to PAP 1.1, the only action numbered 1.1",
        "Updates!A4: update for ref '1.2' matches no action: not attached to the plan; its text is kept here",
    ]


def test_an_updates_log_a_year_every_log_is_read_and_merged_by_date(tmp_path):
    path = build(tmp_path / "logs.xlsx", {
        "Actions": [
            ["Ref", "Action", "Lead", "Timescale", "Status", "Progress"],
            ["1.1", "Write the plan", "Ann Bell", "Mar-25", "Complete", "Jan25: AB: final draft to the board."],
            ["1.2", "Train staff", "Cal Dunn", "Jun-25", "On track", ""],
        ],
        "Updates 2025": [
            ["Ref", "Date", "By", "Update"],
            ["1.2", datetime(2025, 2, 10), "Cal Dunn", "Two sessions held."],
            ["1.1", datetime(2025, 1, 20), "Ann Bell", "Signed off."],
        ],
        "Updates 2024": [
            ["Action ref", "Update", "Date of update", "Updated by"],
            ["1.2", "Booked trainers.", datetime(2024, 12, 1), "Cal Dunn"],
            ["1.3", "For an action since removed.", datetime(2024, 12, 2), "Cal Dunn"],
        ],
    })
    plan = read_plan(path)
    assert [log.sheet for log in plan.layout.logs] == ["Updates 2025", "Updates 2024"]
    one, two = plan.actions
    assert [(e.date.iso(), e.initials, e.author, e.text, e.source.value, e.cell) for e in one.entries] == [
        ("2025-01", "AB", "Ann Bell", "final draft to the board.", "progress cell", "Actions!F2"),
        ("2025-01-20", None, "Ann Bell", "Signed off.", "log sheet", "Updates 2025!D3"),
    ]
    assert [(e.date.iso(), e.author, e.text, e.cell) for e in two.entries] == [
        ("2024-12-01", "Cal Dunn", "Booked trainers.", "Updates 2024!B2"),
        ("2025-02-10", "Cal Dunn", "Two sessions held.", "Updates 2025!D2"),
    ]
    assert lines(plan) == [
        "Updates 2024!A3: update for ref '1.3' matches no action: not attached to the plan; its text is kept here",
    ]
    shown = render_layout("logs.xlsx", plan.layout, plan)
    assert "Sheet Updates 2025: updates log, header row 1, one row per update" in shown
    assert "Sheet Updates 2024: updates log, header row 1, one row per update" in shown
    assert "Not read" not in shown
    on_screen = click.unstyle(render_plan(plan, 100, ()))
    assert "    • 1 Dec 2024 Cal Dunn\n        Booked trainers." in on_screen  # a log names its author, no initials


def test_a_second_table_on_the_sheet_with_its_columns_in_another_order_is_read_through_its_own_header(tmp_path):
    path = build(tmp_path / "two-tables.xlsx", {"Actions": [
        ["Ref", "Action", "Lead", "Timescale", "Status", "Progress"],
        ["1.1", "Write the plan", "Ann Bell", "Mar-25", "On track", "Jan25: AB: drafted."],
        [None, None, None, None, None, "Feb25: AB: second draft."],
        [],
        ["Completed actions"],
        ["Ref", "Status", "Action", "Progress", "Lead", "Timescale"],
        ["2.1", "Complete", "Set up the board", "Dec24: EF: signed off.", "Eve Ford", "Dec-24"],
        ["Ref", "Status", "Action", "Progress", "Lead", "Timescale"],
        ["2.2", "Complete", "Name a SEND lead", "Nov24: EF: appointed.", "Eve Ford", "Nov-24"],
    ]})
    plan = read_plan(path)
    assert [(a.ref, a.title, a.owner, a.timescale.due.iso(), a.section) for a in plan.actions] == [
        ("1.1", "Write the plan", "Ann Bell", "2025-03", None),
        ("2.1", "Set up the board", "Eve Ford", "2024-12", "Completed actions"),
        ("2.2", "Name a SEND lead", "Eve Ford", "2024-11", "Completed actions"),
    ]
    assert statuses(plan) == {"1.1": ("On track", "On track"), "2.1": ("Complete", "Complete"),
                              "2.2": ("Complete", "Complete")}
    assert [[(e.date.iso(), e.initials, e.text, e.cell) for e in a.entries] for a in plan.actions] == [
        [("2025-01", "AB", "drafted.", "Actions!F2"), ("2025-02", "AB", "second draft.", "Actions!F2")],
        [("2024-12", "EF", "signed off.", "Actions!D7")],
        [("2024-11", "EF", "appointed.", "Actions!D9")],
    ]
    assert lines(plan) == [
        "Actions!A3: row has no Ref and no Action; its text was read as part of 1.1 above",
    ]
    table = plan.layout.tables[0]
    assert [(m.row, [(c.field, c.letter) for c in m.columns]) for m in table.moved] == [
        (6, [("ref", "A"), ("status", "B"), ("action", "C"), ("progress", "D"), ("owner", "E"), ("timescale", "F")]),
    ]
    shown = render_layout("two-tables.xlsx", plan.layout, plan)
    assert "  From row 6, a second header with the columns in another order:" in shown
    assert "    Owner          <- column E 'Lead'" in shown


def test_a_percentage_column_is_kept_as_a_figure_and_the_comments_are_the_progress(tmp_path):
    path = build(tmp_path / "percent.xlsx", {"Plan": [
        ["Action ID", "What we will do", "Responsible", "By when", "Progress %", "Status", "Comments"],
        ["A1", "Write it", "Ann Bell", "Mar-25", "100%", "Complete", "Feb25: AB: done."],
        ["A2", "Do it", "Cal Dunn", "Sep-25", "40%", "On Track", "Going well."],
    ]})
    plan = read_plan(path)
    table = plan.layout.tables[0]
    assert [(c.field, c.letter) for c in table.columns] == [
        ("ref", "A"), ("action", "B"), ("owner", "C"), ("timescale", "D"), ("status", "F"), ("progress", "G"),
    ]
    assert table.extra == ((4, "Progress %"),)
    assert [(a.ref, a.progress, a.extra) for a in plan.actions] == [
        ("A1", "Feb25: AB: done.", (("Progress %", "100%"),)),
        ("A2", "Going well.", (("Progress %", "40%"),)),
    ]
    assert lines(plan) == []


def test_columns_headed_only_by_quarters_of_a_financial_year_are_the_progress(tmp_path):
    path = build(tmp_path / "quarters.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Deadline", "RAG", "Q1 24/25", "Q2 24/25", "Q4 2024-25"],
        ["1.1", "Recruit EPs", "Ann Bell", "Mar-25", "Green", "Advert out.", "Two appointed.", "All in post."],
        ["1.2", "Cut waiting list", "Cal Dunn", "Jun-25", "Amber", "List at 120.", None, "Jan25: CD: list at 90."],
    ]})
    plan = read_plan(path)
    table = plan.layout.tables[0]
    assert [(p.letter, p.header, p.date.iso()) for p in table.periods] == [
        ("F", "Q1 24/25", "2024-06"), ("G", "Q2 24/25", "2024-09"), ("H", "Q4 2024-25", "2025-03"),
    ]
    assert [[(e.date.iso(), e.initials, e.text, e.cell) for e in a.entries] for a in plan.actions] == [
        [("2024-06", None, "Advert out.", "Plan!F2"), ("2024-09", None, "Two appointed.", "Plan!G2"),
         ("2025-03", None, "All in post.", "Plan!H2")],
        [("2024-06", None, "List at 120.", "Plan!F3"), ("2025-01", "CD", "list at 90.", "Plan!H3")],
    ]
    assert lines(plan) == []

def test_a_drop_down_list_gives_the_scale_and_an_unmappable_word_is_reported_not_counted(tmp_path):
    path = tmp_path / "register.xlsx"
    build(path, {"Register": [
        ["Item", "Issue", "Owner", "Due date", "Comments", "Current status"],
        ["I-01", "Transport contract", "Kim Day", "Feb-25", "Retendered.", "Closed"],
        ["I-02", "EHCP backlog", "Lee Ray", "Mar-25", "Weekly panel.", "In progress"],
        ["I-03", "Therapy gap", "Kim Day", "Apr-25", "With the ICB.", "Escalated"],
        ["I-04", "Parent survey", "Lee Ray", "May-25", "Not yet begun.", "Open"],
    ]})
    book = openpyxl.load_workbook(path)
    rule = DataValidation(type="list", formula1='"Open,In progress,Escalated,Closed"')
    rule.add("F2:F200")
    book["Register"].add_data_validation(rule)
    book.save(path)
    plan = read_plan(path)
    assert statuses(plan) == {"I01": ("Complete", "Closed"), "I02": ("On track", "In progress"),
                              "I03": ("At risk", "Escalated"), "I04": (None, "Open")}
    status = plan.layout.tables[0].status
    assert status.vocabulary_source == "drop-down list on Register!F2:F200"
    assert [w.word for w in status.vocabulary] == ["Open", "In progress", "Escalated", "Closed"]
    assert lines(plan) == ["Register!F5: 'Open' is not one of the five statuses; status unknown (say what the word counts as under [statuses] in paptools.toml)"]


def test_a_coloured_key_in_the_plans_own_words_gives_fills_their_status(tmp_path):
    path = build(tmp_path / "colours.xlsx", {"PAP": [
        ["Ref", "Action", "Owner", "Timescale", "Progress", "RAG"],
        ["PAP 1.1", "Audit EHCPs", "Ann Lee", "Dec-24", "Nov 24: AL: half done.", None],
        ["PAP 1.2", "New panel", "Bo Khan", "Jan-25", "Dec 24: BK: panel met.", None],
        [],
        ["Key"],
        [None, "Delivered"],
        [None, "Progressing well"],
        [None, "Some slippage"],
    ]}, fills={("PAP", "F2"): "FFC000", ("PAP", "F3"): "92D050", ("PAP", "A6"): "5B9BD5",
               ("PAP", "A7"): "92D050", ("PAP", "A8"): "FFC000"})
    plan = read_plan(path)
    assert statuses(plan) == {"PAP 1.1": ("Vulnerable", "Some slippage"), "PAP 1.2": ("On track", "Progressing well")}
    status = plan.layout.tables[0].status
    assert [(w.word, w.status.value, w.colour) for w in status.vocabulary] == [
        ("Delivered", "Complete", "5B9BD5"), ("Progressing well", "On track", "92D050"),
        ("Some slippage", "Vulnerable", "FFC000"),
    ]
    assert lines(plan) == []


def test_a_plan_column_decides_which_actions_are_the_paps(tmp_path):
    path = build(tmp_path / "membership.xlsx", {"Actions": [
        ["Ref", "Action", "Owner", "Timescale", "Progress", "Status", "Plan: PAP / Improvement"],
        ["1.1", "A", "Ann Lee", "Dec-24", "Nov 24: done.", "Complete", "PAP"],
        ["1.2", "B", "Ann Lee", "Dec-24", "Nov 24: begun.", "On track", "Improvement plan"],
        ["1.3", "C", "Ann Lee", "Dec-24", "Nov 24: begun.", "On track", "PAP"],
    ]})
    plan = read_plan(path)
    assert [(a.ref, a.is_pap) for a in plan.actions] == [("1.1", True), ("1.2", False), ("1.3", True)]
    assert plan.layout.membership.kind == "column"
    assert plan.layout.membership.pap_values == ("PAP",)


def test_newest_first_cells_are_recognised_as_the_plans_order(tmp_path):
    path = build(tmp_path / "newest.xlsx", {"PAP": [
        ["Ref", "Action", "Owner", "Timescale", "Progress", "RA"],
        ["PAP 1.1", "A", "Ann Lee", "Dec-24", "Mar 24: finished.\nFeb 24: halfway.\nJan 24: started.", "Complete"],
        ["PAP 1.2", "B", "Ann Lee", "Dec-24", "Apr 24: review.\nJan 24: kick-off.", "On track"],
    ]})
    plan = read_plan(path)
    assert plan.layout.entry_order == "newest first"
    assert [(e.date.iso(), e.text) for e in plan.actions[0].entries] == [
        ("2024-03", "finished."), ("2024-02", "halfway."), ("2024-01", "started."),
    ]


def test_newest_first_cells_whose_headings_open_with_a_word_are_recognised(tmp_path):
    """"Update 14.01.25 – ..." at the top of each cell: the plan runs newest first, so the set-up
    paragraph under the oldest update is an entry of its own, not more of that update."""
    path = build(tmp_path / "updates.xlsx", {"Action Plan": [
        ["Ref", "Action", "Lead", "Target date", "Status", "Progress"],
        ["PA1.1", "Recruit EHC coordinators", "Head of SEND", "Dec-24", "Complete",
         "Update 14.01.25 – All in post.\nUpdate 11.11.24 – Two appointed."],
        ["PA1.2", "Improve EHCP timeliness", "Head of SEND", "Jul-25", "On track",
         "Update 14.01.25 – Timeliness 41%.\nBaseline (Sept 2024): 20-week timeliness 18%."],
        ["PA2.1", "Refresh the Local Offer", "Local Offer Manager", "Apr-25", "On track",
         "Update 14.01.25 – Workshops held.\nUpdate 11.11.24 – Survey launched.\nUpdate 09.09.24 – ToR agreed."],
    ]})
    plan = read_plan(path)
    assert plan.layout.entry_order == "newest first"
    assert [(e.date.iso() if e.date else None, e.text) for e in plan.actions[1].entries] == [
        ("2025-01-14", "Timeliness 41%."), (None, "Baseline (Sept 2024): 20-week timeliness 18%.")]


def test_a_header_spread_over_two_rows_with_merged_groups(tmp_path):
    path = tmp_path / "two-rows.xlsx"
    build(path, {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "Progress update", None, None, "RAG"],
        [None, None, None, None, "Jan 24", "Feb 24", "Mar 24", None],
        ["2.1", "Hire staff", "Ann Lee", "Apr-24", "Advert out.", "Interviews.", "Two appointed.", "Green"],
    ]})
    book = openpyxl.load_workbook(path)
    book["Plan"].merge_cells("E1:G1")
    book.save(path)
    plan = read_plan(path)
    table = plan.layout.tables[0]
    assert table.header_rows == (1, 2)
    assert [(p.letter, p.header, p.date.iso()) for p in table.periods] == [
        ("E", "Progress update Jan 24", "2024-01"), ("F", "Progress update Feb 24", "2024-02"),
        ("G", "Progress update Mar 24", "2024-03"),
    ]
    assert entries(plan.actions[0]) == [
        ("2024-01", "Advert out.", "period column", "Plan!E3"),
        ("2024-02", "Interviews.", "period column", "Plan!F3"),
        ("2024-03", "Two appointed.", "period column", "Plan!G3"),
    ]
    assert statuses(plan) == {"2.1": ("On track", "Green")}


@pytest.mark.parametrize("name", ["PAP latest.xlsx", "PAP v12 FINAL.xlsx", "PAP_2023-02.xlsx"])
def test_renamed_files_give_the_same_version_date_and_figures(tmp_path, name):
    path = build(tmp_path / name, {"PAP": [
        ["Position as at 14 January 2025"],
        ["Ref", "Action", "Owner", "Timescale", "Progress", "RA"],
        ["PAP 1.1", "A", "Ann Lee", "Dec-24", "Nov 24: done.", "Complete"],
        ["PAP 1.2", "B", "Ann Lee", "Mar-25", "Dec 24: begun.", "On track"],
    ]})
    plan = read_plan(path)
    assert plan.version_date.isoformat() == "2025-01-14"
    assert plan.version_date_source == "cell PAP!A1 'Position as at 14 January 2025'"
    assert plan.title is None  # a cell stating only the date is no title
    assert statuses(plan) == {"PAP 1.1": ("Complete", "Complete"), "PAP 1.2": ("On track", "On track")}


@pytest.mark.parametrize("title, expected, shown", [
    ("SEND Priority Action Plan - updated 3 November 2025",
     ("2025-11-03", "cell PAP!A1 'SEND Priority Action Plan - updated 3 November 2025'"), "SEND Priority Action Plan"),
    ("Oldham SEND PAP, position as at January 2025",
     ("2025-01-01", "cell PAP!A1 'Oldham SEND PAP, position as at January 2025'"), "Oldham SEND PAP"),
    ("Priority Action Plan (as at 31/03/2025)",
     ("2025-03-31", "cell PAP!A1 'Priority Action Plan (as at 31/03/2025)'"), "Priority Action Plan"),
    # no break before the label, or more after the date: an action's words, not the version's date
    ("Annual reviews updated June 2024", ("2025-02-03", "document properties (modified)"),
     "Annual reviews updated June 2024"),
    ("Plan - updated June 2024 and again in May", ("2025-02-03", "document properties (modified)"),
     "Plan - updated June 2024 and again in May"),
])
def test_a_title_that_ends_in_its_date_dates_the_version_and_is_shown_without_it(tmp_path, title, expected, shown):
    path = build(tmp_path / "PAP.xlsx", {"PAP": [
        [title],
        ["Ref", "Action", "Owner", "Timescale", "Progress", "RA"],
        ["PAP 1.1", "A", "Ann Lee", "Dec-24", "Nov 24: done.", "Complete"],
    ]}, modified=datetime(2025, 2, 3, 10, 0))
    plan = read_plan(path)
    assert (plan.version_date.isoformat(), plan.version_date_source) == expected
    assert plan.title == shown


def test_an_action_whose_words_end_in_a_date_does_not_date_the_version(tmp_path):
    path = build(tmp_path / "PAP.xlsx", {"PAP": [
        ["Ref", "Action", "Owner", "Timescale", "Progress", "RA"],
        ["PAP 1.1", "Reviews - updated June 2024", "Ann Lee", "Dec-24", "Nov 24: done.", "Complete"],
    ]}, modified=datetime(2025, 2, 3, 10, 0))
    assert read_plan(path).version_date.isoformat() == "2025-02-03"


def test_without_a_dated_cell_the_file_names_date_and_then_the_save_date_date_the_version(tmp_path):
    rows = [["Ref", "Action", "Owner", "Timescale", "Progress", "RA"],
            ["PAP 1.1", "A", "Ann Lee", "Dec-24", "Nov 24: done.", "Complete"]]
    named = read_plan(build(tmp_path / "PAP 2025-01.xlsx", {"PAP": rows}, modified=datetime(2026, 12, 3, 10, 0)))
    assert (named.version_date.isoformat(), named.version_date_source) == ("2025-01-01", "file name 'PAP 2025-01.xlsx'")
    saved = read_plan(build(tmp_path / "PAP.xlsx", {"PAP": rows}, modified=datetime(2025, 2, 3, 10, 0)))
    assert (saved.version_date.isoformat(), saved.version_date_source) == ("2025-02-03", "document properties (modified)")


def test_a_raid_log_with_a_five_point_confidence_scale(tmp_path):
    path = build(tmp_path / "raid.xlsx", {"RAID": [
        ["Risk ID", "Risk description", "Risk owner", "Due date", "Actions taken", "Delivery confidence"],
        ["R-001", "Staff shortages", "Ann Lee", "Jun-25", "Agency cover agreed.", "A/G"],
        ["R-002", "Budget overspend", "Bo Khan", "Jul-25", "Recovery plan drafted.", "A/R"],
        ["R-003", "Data quality", "Ann Lee", "Aug-25", "Audit done.", "G"],
        ["R-004", "Estates", "Bo Khan", "Sep-25", "Survey booked.", "A"],
        ["R-005", "Transport", "Bo Khan", "Oct-25", "Contract lapsed.", "R"],
    ]})
    plan = read_plan(path)
    assert statuses(plan) == {
        "R001": ("On track", "A/G"), "R002": ("At risk", "A/R"), "R003": ("On track", "G"),
        "R004": ("Vulnerable", "A"), "R005": ("At risk", "R"),
    }
    assert [(a.title, a.owner, a.progress) for a in plan.actions[:1]] == [
        ("Staff shortages", "Ann Lee", "Agency cover agreed.")]
    columns = {c.field: (c.letter, c.header) for c in plan.layout.tables[0].columns}
    assert columns["ref"] == ("A", "Risk ID") and columns["status"] == ("F", "Delivery confidence")
    assert columns["progress"] == ("E", "Actions taken")


def test_an_audit_recommendations_tracker(tmp_path):
    path = build(tmp_path / "audit.xlsx", {"Recommendations": [
        ["Recommendation Number", "Recommendation", "Responsible officer", "Agreed implementation date",
         "Entity response", "Implementation status"],
        [1, "Review the SEND panel terms", "Ann Lee", "Mar-24", "Terms revised.", "Fully implemented"],
        [2, "Publish panel decisions", "Bo Khan", "Jun-24", "Half published.", "Partially implemented"],
        [3, "Train panel members", "Ann Lee", "Sep-24", "Not begun.", "Not implemented"],
    ]})
    plan = read_plan(path)
    assert statuses(plan) == {"1": ("Complete", "Fully implemented"), "2": ("On track", "Partially implemented"),
                              "3": ("Not yet started", "Not implemented")}
    assert [a.progress for a in plan.actions] == ["Terms revised.", "Half published.", "Not begun."]


def test_several_registers_a_filtered_view_and_a_summary_sheet(tmp_path):
    header = ["ID", "Description", "Owner", "Due date", "Update", "Status"]
    path = build(tmp_path / "registers.xlsx", {
        "Summary": [["Status", "Count"], ["Open", 3], ["Closed", 1]],
        "Risks": [header, ["R1", "Staffing", "Ann Lee", "Jun-25", "Agency cover.", "Open"],
                  ["R2", "Budget", "Bo Khan", "Jul-25", "Plan drafted.", "On track"]],
        "Issues": [header, ["I1", "Transport", "Bo Khan", "Feb-25", "Retendered.", "Closed"]],
        "Open risks": [header, ["R2", "Budget", "Bo Khan", "Jul-25", "Plan drafted.", "On track"]],
    })
    plan = read_plan(path)
    assert [(a.ref, a.sheet) for a in plan.actions] == [("R1", "Risks"), ("R2", "Risks"), ("I1", "Issues")]
    unused = [(u.sheet, u.what) for u in plan.layout.unused]
    assert ("Open risks", "repeats rows of sheet Risks (same ids and text): a view, not counted twice") in unused
    assert ("Summary", "a summary, pivot or chart sheet: skipped (the figures are counted from the actions "
                       "themselves)") in unused
    assert lines(plan) == ["Risks!F2: 'Open' is not one of the five statuses; status unknown (say what the word counts as under [statuses] in paptools.toml)"]


def test_ids_prefilled_far_down_the_sheet_are_not_actions(tmp_path):
    rows = [["S.No", "Action", "Owner", "Timescale", "Remarks", "Status"],
            [1, "First", "Ann Lee", "Dec-24", "Nov 24: begun.", "In progress"],
            [2, "Second", "Ann Lee", "Dec-24", "Nov 24: done.", "Done"]]
    rows += [[n] for n in range(3, 9000)]
    plan = read_plan(build(tmp_path / "prefilled.xlsx", {"Tracker": rows}))
    assert statuses(plan) == {"1": ("On track", "In progress"), "2": ("Complete", "Done")}
    assert lines(plan) == ["Tracker!A4:A9000: 8,997 row(s) have an id and nothing else: not read as actions"]


def test_open_and_closed_sheets_give_rows_without_a_status_their_sheets_status(tmp_path):
    header = ["Ref", "Action", "Owner", "Timescale", "Progress", "Status"]
    path = build(tmp_path / "open-closed.xlsx", {
        "Open": [header, ["1.1", "A", "Ann Lee", "Dec-25", "Nov 24: begun.", "On track"]],
        "Closed": [header, ["1.2", "B", "Ann Lee", "Dec-24", "Oct 24: finished.", None]],
    })
    plan = read_plan(path)
    assert [(a.ref, a.status.value, a.status_source, a.status_word) for a in plan.actions] == [
        ("1.1", "On track", "text", "On track"), ("1.2", "Complete", "sheet name", "Closed")]


def test_a_sheet_named_for_actions_not_yet_completed_gives_no_status(tmp_path):
    header = ["Ref", "Action", "Owner", "Timescale", "Progress", "Status"]
    path = build(tmp_path / "not-done.xlsx", {
        "Not completed": [header, ["1.1", "A", "Ann Lee", "Dec-25", "Nov 24: begun.", None]],
        "Completed": [header, ["1.2", "B", "Ann Lee", "Dec-24", "Oct 24: finished.", None]],
    })
    plan = read_plan(path)
    assert [(a.ref, a.status.value if a.status else None, a.status_source) for a in plan.actions] == [
        ("1.1", "Not yet started", "blank"), ("1.2", "Complete", "sheet name")]  # 1.1 was Complete, by "completed"


def test_the_refusal_names_the_closest_header_row_and_what_it_lacked(tmp_path):
    path = build(tmp_path / "tracker.xlsx", {"Tracker": [
        ["Team tracker"],
        ["Item", "Notes", "Budget"],
        ["1", "Called the school.", "£100"],
    ]})
    with pytest.raises(NoActions) as raised:
        read_plan(path)
    assert raised.value.detail == (
        "has no header row with a Ref column on any sheet: check it is the action plan (a header row naming Ref, "
        "Action, Owner, Progress ...); closest: sheet Tracker row 2 has 'Item', 'Notes', 'Budget' (read as "
        "Progress, Ref) but lacks another column such as Action, Owner, Timescale, Status; run 'paptools inspect' "
        "on it to see what was "
        "found, and name the columns in a paptools.toml house-style file (see the README)")


def test_a_tracker_with_no_id_column_is_told_to_number_its_actions(tmp_path):
    path = build(tmp_path / "no-ids.xlsx", {"Plan": [
        ["Action", "Lead", "Timescale", "RAG", "Progress"],
        ["Publish the Local Offer", "Jane Smith", "Mar 2025", "Green", "Jan 25: published."],
    ]})
    with pytest.raises(NoActions) as raised:
        read_plan(path)
    assert raised.value.detail == (
        "has no header row with a Ref column on any sheet: check it is the action plan (a header row naming Ref, "
        "Action, Owner, Progress ...); closest: sheet Plan row 1 has 'Action', 'Lead', 'Timescale', 'RAG', "
        "'Progress' (read as Action, Owner, Progress, RA status, Timescale) but lacks an id column (Ref, ID, No.); "
        "paptools follows each action from one version to the next by its ref, so add a Ref column numbering the "
        "actions (1.1, 1.2 ...), or, if another column holds the refs, name it in a paptools.toml house-style file "
        "(see the README)")


def test_a_status_per_period_reads_the_latest_and_keeps_the_others(tmp_path):
    path = build(tmp_path / "rag-periods.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "Progress", "RAG Jan 24", "RAG Feb 24", "RAG Mar 24"],
        ["1.1", "A", "Ann Lee", "Jun-24", "Mar 24: AL: on course.", "Red", "Amber", "Green"],
    ]})
    plan = read_plan(path)
    assert statuses(plan) == {"1.1": ("On track", "Green")}
    assert plan.actions[0].extra == (("RAG Jan 24", "Red"), ("RAG Feb 24", "Amber"))
    assert lines(plan) == []


def test_two_columns_that_could_both_be_progress_are_a_warning(tmp_path):
    path = build(tmp_path / "rivals.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "Comments", "Remarks", "Status"],
        ["1.1", "A", "Ann Lee", "Jun-24", "Mar 24: on course.", "Chased.", "Green"],
    ]})
    plan = read_plan(path)
    assert [e.text for e in plan.actions[0].entries] == ["on course."]
    assert plan.actions[0].extra == (("Remarks", "Chased."),)
    assert lines(plan) == ["Plan!F1: column F 'Remarks' could also be the Progress column; column E 'Comments' is "
                           "used (name the right one in paptools.toml)"]


def test_status_words_coloured_by_conditional_formatting_are_read_as_words(tmp_path):
    from openpyxl.formatting.rule import CellIsRule
    path = build(tmp_path / "cf.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "Progress", "Status"],
        ["1.1", "A", "Ann Lee", "Jun-24", "Mar 24: on course.", "Delayed"],
        ["1.2", "B", "Ann Lee", "Jun-24", "Mar 24: done.", "Done"],
    ]})
    book = openpyxl.load_workbook(path)
    book["Plan"].conditional_formatting.add(
        "F2:F100", CellIsRule(operator="equal", formula=['"Delayed"'], fill=PatternFill("solid", bgColor="FFC000")))
    book.save(path)
    plan = read_plan(path)
    assert statuses(plan) == {"1.1": ("Vulnerable", "Delayed"), "1.2": ("Complete", "Done")}
    status = plan.layout.tables[0].status
    assert status.kind == "text (coloured by conditional formatting)"
    assert lines(plan) == []


def test_columns_headed_only_by_months_hold_the_progress_of_each_month(tmp_path):
    path = build(tmp_path / "tracker.xlsx", {"Tracker": [
        ["ID", "Action", "Lead", "Due", "RAG", "Oct 25", "Nov 25", "Dec"],
        ["A1", "Recruit caseworkers", "Ann Lee", "Mar-26", "G", "Advert out", "Two appointed", None],
        ["A2", "Train SENCOs", "Bo Khan", "Mar-26", "A", "Booked", None, "14/12/25: first session held"],
    ]})
    plan = read_plan(path)
    assert entries(plan.actions[0]) == [
        ("2025-10", "Advert out", "period column", "Tracker!F2"),
        ("2025-11", "Two appointed", "period column", "Tracker!G2"),
    ]
    assert entries(plan.actions[1]) == [
        ("2025-10", "Booked", "period column", "Tracker!F3"),
        ("2025-12-14", "first session held", "period column", "Tracker!H3"),
    ]
    assert lines(plan) == []


def test_month_columns_beside_a_comments_column_are_read_as_well(tmp_path):
    path = build(tmp_path / "tracker.xlsx", {"Tracker": [
        ["ID", "Action", "Lead", "Due", "RAG", "Jan 25", "Feb 25", "Comments"],
        ["A1", "Recruit caseworkers", "Ann Lee", "Mar-26", "G", "Advert out", "Two appointed", "Budget agreed"],
        ["A2", "Train SENCOs", "Bo Khan", "Mar-26", "A", "Sessions booked", None, None],
    ]})
    plan = read_plan(path)
    assert entries(plan.actions[0]) == [
        (None, "Budget agreed", "progress cell", "Tracker!H2"),
        ("2025-01", "Advert out", "period column", "Tracker!F2"),
        ("2025-02", "Two appointed", "period column", "Tracker!G2"),
    ]
    assert entries(plan.actions[1]) == [("2025-01", "Sessions booked", "period column", "Tracker!F3")]
    assert lines(plan) == []


def test_date_cells_heading_month_columns_date_the_month(tmp_path):
    path = build(tmp_path / "tracker.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Due", "RAG", datetime(2025, 10, 1), datetime(2025, 11, 1)],
        ["PAP 1.1", "Recruit", "Ann Lee", "Mar-26", "G", "Advert out", "Two appointed"],
    ]})
    assert entries(read_plan(path).actions[0]) == [
        ("2025-10", "Advert out", "period column", "Plan!F2"),
        ("2025-11", "Two appointed", "period column", "Plan!G2"),
    ]


def test_a_timeline_of_marks_under_months_is_not_progress(tmp_path):
    path = build(tmp_path / "gantt.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Due", "RAG", "Oct 25", "Nov 25", "Dec 25"],
        ["PAP 1.1", "Recruit", "Ann Lee", "Dec-25", "G", "x", "x", None],
        ["PAP 1.2", "Train", "Ann Lee", "Dec-25", "A", None, "x", "x"],
    ]})
    plan = read_plan(path)
    assert [e for a in plan.actions for e in a.entries] == []
    assert plan.actions[0].extra == (("Oct 25", "x"), ("Nov 25", "x"))
    assert lines(plan) == [
        "Plan!1:1: no Progress column, period columns or updates sheet: the actions are read without progress "
        "(their statuses still count); name the progress column in paptools.toml"
    ]


def test_inspect_shows_what_each_colour_counts_as_when_the_plan_has_no_key(tmp_path):
    path = build(tmp_path / "fills.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Due", "RAG", "Update"],
        ["1", "Write it", "Ann Bell", "Mar-26", None, "Jan26: AB: drafted."],
        ["2", "Do it", "Cal Dunn", "Jun-26", None, "Feb26: CD: started."],
    ]}, fills={("Plan", "E2"): "FF0070C0", ("Plan", "E3"): "FFFFC000"})
    plan = read_plan(path)
    assert statuses(plan) == {"1": ("Complete", None), "2": ("Vulnerable", None)}
    assert ("       colours, as there is no Key: blue -> Complete, green -> On track, amber -> Vulnerable, "
            "red -> At risk, white or none -> Not yet started") in render_layout("fills.xlsx", plan.layout, plan)


KEY_ROWS = [[], ["Key"], ["Complete"], ["On track"], ["Some slippage"], ["Off track"]]
KEY_FILLS = {("Plan", "A8"): "FF0070C0", ("Plan", "A9"): "FF00B050", ("Plan", "A10"): "FFFFC000",
             ("Plan", "A11"): "FFFF0000"}


def _coloured_rows(rgbs: list[str | None]) -> dict[tuple[str, str], str]:
    return {("Plan", f"{column}{row}"): rgb for row, rgb in enumerate(rgbs, 2) if rgb for column in "ABCDE"}


def test_rows_coloured_in_the_keys_colours_give_the_status_when_there_is_no_status_column(tmp_path):
    rows = [["Ref", "Action", "Lead", "Due", "Progress"],
            *([str(n), f"Action {n}", "Ann Bell", "Mar-26", f"Jan26: AB: note {n}."] for n in range(1, 5)),
            *KEY_ROWS]
    path = build(tmp_path / "rows.xlsx", {"Plan": rows},
                 fills={**KEY_FILLS, **_coloured_rows(["FF00B050", "FFFFC000", "FF0070C0", "FF00B050"])})
    plan = read_plan(path)
    assert statuses(plan) == {"1": ("On track", "On track"), "2": ("Vulnerable", "Some slippage"),
                              "3": ("Complete", "Complete"), "4": ("On track", "On track")}
    assert (plan.layout.tables[0].status.kind, plan.layout.tables[0].status.column) == ("row fill", "A")
    assert lines(plan) == []
    # banded rows in colours the Key does not give stay unknown, as before, with the warning
    banded = build(tmp_path / "banded.xlsx", {"Plan": rows},
                   fills={**KEY_FILLS, **_coloured_rows(["FFD9E1F2", None, "FFD9E1F2", None])})
    plan = read_plan(banded)
    assert set(statuses(plan).values()) == {(None, None)}
    assert lines(plan) == ["Plan!1:1: no RA, RAG or Status column: every status on this sheet is unknown"]
    # rows in status colours with no Key to read them by: unknown, and the warning says what to add
    unkeyed = build(tmp_path / "unkeyed.xlsx", {"Plan": rows[:5]},
                    fills=_coloured_rows(["FF00B050", "FFFF0000", "FF00B050", "FFFFC000"]))
    plan = read_plan(unkeyed)
    assert set(statuses(plan).values()) == {(None, None)}
    assert lines(plan) == [
        "Plan!1:1: no RA, RAG or Status column: every status on this sheet is unknown; the action rows are coloured "
        "(green, red, amber), but no Key says what each colour means: add one (a 'Key' heading, then a cell of each "
        "colour beside its status word)",
    ]


def test_refs_with_a_dash_between_levels_are_actions_in_their_priority_areas(tmp_path):
    path = build(tmp_path / "dashes.xlsx", {"Action Plan": [
        ["SEND Priority Action Plan 2025"],
        [],
        ["Action No.", "Action", "Lead Officer", "Target Date", "RAG", "Latest update"],
        ["PA1-01", "Publish the Local Offer", "Jane Smith", "Mar-25", "Green", "12/01/25 JS: Draft published."],
        ["PA1-02", "Train SENCOs", "Bob Jones", "Jun-25", "Amber", "Jan 25: Training booked."],
        ["PA2-01", "Review EHCP timeliness", "Ann Lee", "Dec-24", "Red", "Nov 24 - AL: Backlog remains."],
    ]})
    plan = read_plan(path)
    assert [(a.ref, a.ref_text, a.priority_area, a.is_pap, a.status.value if a.status else None) for a in plan.actions] == [
        ("PA 1-01", "PA1-01", "Priority area 1", True, "On track"),
        ("PA 1-02", "PA1-02", "Priority area 1", True, "Vulnerable"),
        ("PA 2-01", "PA2-01", "Priority area 2", True, "At risk"),
    ]


def test_a_written_statement_tracker_with_a_council_name_above_its_title_and_position_statements(tmp_path):
    header = ["No.", "What we will do", "Accountable Officer", "By when", "RAG rating", "Position statement"]
    path = build(tmp_path / "wsoa.xlsx", {
        "Priority 1": [
            ["Bradfield Council"], ["SEND Written Statement of Action - tracker"], ["Last updated: 14 February 2025"], [],
            header,
            ["1.1", "Refresh the Local Offer", "Head of SEND", "31/03/2025", "G",
             "March 2025 update: site live.\nFebruary 2025 update: content drafted."],
            ["1.2", "Audit EHCP quality", "Principal EP", "Dec 2024", "C", "12th December 2024 - audit completed."],
        ],
        "Key": [["RAG rating", "Meaning"], ["C", "Complete"], ["G", "On track"], ["A", "At risk of slipping"]],
    })
    plan = read_plan(path)
    assert plan.title == "SEND Written Statement of Action - tracker"
    assert plan.version_date.isoformat() == "2025-02-14"
    assert [(c.field, c.letter) for c in plan.layout.tables[0].columns] == [
        ("ref", "A"), ("action", "B"), ("owner", "C"), ("timescale", "D"), ("status", "E"), ("progress", "F"),
    ]
    assert {a.ref: [(e.date.iso(), e.text) for e in a.entries] for a in plan.actions} == {
        "1.1": [("2025-03", "site live."), ("2025-02", "content drafted.")],
        "1.2": [("2024-12-12", "audit completed.")],
    }
    assert statuses(plan) == {"1.1": ("On track", "G"), "1.2": ("Complete", "C")}
    assert lines(plan) == []


def test_a_due_date_that_lost_its_date_format_is_read_as_the_date_and_reported(tmp_path):
    path = build(tmp_path / "serial.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "Status", "Progress"],
        ["1", "Train SENCOs", "Bob Jones", 45838, "On track", "Feb 25: booked."],
        ["2", "Count the cost", "Ann Lee", 12, "On track", "Feb 25: started."],
        ["3", "Largest number", "Ann Lee", 1.7976931348623157e308, "On track", "Feb 25: started."],  # reads as inf
    ]})
    plan = read_plan(path)
    assert [(a.ref, a.timescale.due.iso() if a.timescale.due else None) for a in plan.actions] == [
        ("1", "2025-06"), ("2", None), ("3", None),
    ]
    assert lines(plan) == [
        "Plan!D2: timescale 45838 is a number: read as Excel's date 30 Jun 2025; format the cell as a date",
        "Plan!D3: timescale '12' names no month, so no due date is known",
        "Plan!D4: timescale 'inf' names no month, so no due date is known",
    ]


def test_a_plan_that_hides_its_completed_actions_rows_gets_one_warning_for_them_all(tmp_path):
    from paptools.content.words import data_notes

    rows = [["Ref", "Action", "Owner", "Timescale", "Status", "Progress"],
            *([f"1.{n}", f"Action {n}", "Jane Smith", "Mar 2025", "Complete" if n < 4 else "On track",
               f"Jan 25: note {n}."] for n in range(1, 6))]
    plan = read_plan(build(tmp_path / "hidden.xlsx", {"Plan": rows}, hidden=(("Plan", 2), ("Plan", 3), ("Plan", 4))))
    assert len(plan.actions) == 5
    assert lines(plan) == [
        "Plan!2:4: the rows of 3 actions are hidden in Excel (1.1, 1.2, 1.3); read and counted anyway",
    ]
    assert data_notes(plan, list(plan.warnings)) == [
        "The rows of 3 actions are hidden in Excel (1.1, 1.2, 1.3); read and counted anyway.",
    ]


def test_a_status_column_of_formulas_is_read_by_their_saved_results_with_one_warning(tmp_path):
    import xlsxwriter

    def plan_with(path, results):
        book = xlsxwriter.Workbook(str(path))
        sheet = book.add_worksheet("Plan")
        sheet.write_row(0, 0, ["Ref", "Action", "Owner", "Timescale", "Status", "Progress", "Done"])
        for n, result in enumerate(results, 1):
            sheet.write_row(n, 0, [f"1.{n}", f"Action {n}", "Jane Smith", "Mar 2025"])
            sheet.write_formula(n, 4, f'=IF(G{n + 1}=1,"Complete","On track")', None, result)
            sheet.write_row(n, 5, [f"Jan 25: note {n}.", 1 if result == "Complete" else 0.5])
        book.close()
        return path

    saved = read_plan(plan_with(tmp_path / "saved.xlsx", ["Complete", "On track", "On track"]))
    assert statuses(saved) == {"1.1": ("Complete", "Complete"), "1.2": ("On track", "On track"),
                               "1.3": ("On track", "On track")}
    assert lines(saved) == [
        "Plan!E2:E4: 3 cells hold formulas (the first: =IF(G2=1,\"Complete\",\"On track\")); their last calculated "
        "values are used",
    ]
    # never calculated (written by a program, not saved by Excel): unknown, not 'not yet started'
    unsaved = read_plan(plan_with(tmp_path / "unsaved.xlsx", ["", "", ""]))
    assert statuses(unsaved) == {"1.1": (None, None), "1.2": (None, None), "1.3": (None, None)}
    assert lines(unsaved) == [
        "Plan!E2:E4: 3 cells hold formulas (the first: =IF(G2=1,\"Complete\",\"On track\")) with no saved result "
        "(the file was not last saved by Excel), so they read as blank: type the text in, or open and save in Excel",
    ]


def test_a_progress_column_of_rag_words_is_the_status_and_the_comments_are_the_progress(tmp_path):
    path = build(tmp_path / "progress-rag.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Due", "Progress", "Comments"],
        ["1.1", "Publish", "Jane Smith", "Mar 2025", "Green", "Jan 25: published the draft."],
        ["1.2", "Train", "Bob Jones", "Jun 2025", "Amber", "Jan 25: booked."],
        ["1.3", "Audit", "Ann Lee", "Dec 2024", "Complete", "Dec 24: done."],
    ]})
    plan = read_plan(path)
    table = plan.layout.tables[0]
    assert [(c.field, c.letter, c.how) for c in table.columns if c.field in ("status", "progress")] == [
        ("status", "E", "its cells hold status words"), ("progress", "F", "known phrase"),
    ]
    assert statuses(plan) == {"1.1": ("On track", "Green"), "1.2": ("Vulnerable", "Amber"),
                              "1.3": ("Complete", "Complete")}
    assert [[(e.date.iso(), e.text) for e in a.entries] for a in plan.actions] == [
        [("2025-01", "published the draft.")], [("2025-01", "booked.")], [("2024-12", "done.")],
    ]
    assert lines(plan) == []
    # a Progress column of sentences stays the progress
    prose = build(tmp_path / "prose.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Due", "Progress", "Comments"],
        ["1.1", "Publish", "Jane Smith", "Mar 2025", "Jan 25: published the draft.", "Green"],
        ["1.2", "Train", "Bob Jones", "Jun 2025", "Jan 25: booked.", "Amber"],
    ]})
    assert [(c.field, c.letter) for c in read_plan(prose).layout.tables[0].columns if c.field == "progress"] == [
        ("progress", "E"),
    ]


def test_an_owner_timescale_and_status_merged_down_a_group_of_actions_belong_to_each(tmp_path):
    path = build(tmp_path / "merged.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "Status", "Progress", "Outcome"],
        ["1.1", "Publish", "Jane Smith", "Mar 2025", "Off track", "Jan 25: a.", "More use"],
        ["1.2", "Train", None, None, None, "Jan 25: b.", None],
        ["1.3", "Audit", None, None, "Complete", "Jan 25: c.", None],
        ["2.1", "Panel", "Bob Jones", "Jun 2025", "On track", "Jan 25: d.", None],
    ]}, merged=tuple(("Plan", cells) for cells in ("C2:C4", "D2:D4", "E2:E3", "G2:G3")))
    plan = read_plan(path)
    assert [(a.ref, a.owner, a.timescale.due.iso(), a.status.value, a.outcome) for a in plan.actions] == [
        ("1.1", "Jane Smith", "2025-03", "At risk", "More use"),
        ("1.2", "Jane Smith", "2025-03", "At risk", ""),
        ("1.3", "Jane Smith", "2025-03", "Complete", ""),
        ("2.1", "Bob Jones", "2025-06", "On track", ""),
    ]
    assert lines(plan) == [
        "Plan!C2:C4: the Owner cell is merged down the rows of 1.1, 1.2, 1.3: each of them is read with it",
        "Plan!D2:D4: the Timescale cell is merged down the rows of 1.1, 1.2, 1.3: each of them is read with it",
        "Plan!E2:E3: the RA status cell is merged down the rows of 1.1, 1.2: each of them is read with it",
        "Plan!G3: the Outcome/impact cell of 1.2 is merged with G2 above, so its text belongs to that row; unmerge "
        "the cells and give each action its own text",
    ]


def test_a_key_that_gives_its_letters_other_meanings_is_followed(tmp_path):
    path = build(tmp_path / "own-key.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "Status", "Progress"],
        ["1.1", "Publish", "Jane Smith", "Mar 2025", "A", "Jan 25: a."],
        ["1.2", "Train", "Bob Jones", "Jun 2025", "G", "Jan 25: b."],
        ["1.3", "Audit", "Ann Lee", "Dec 2024", "B", "Dec 24: c."],
        ["1.4", "Panel", "Ann Lee", "Dec 2024", "R", "Dec 24: d."],
        [], ["Key"],
        ["B", "Not started"], ["G", "Complete"], ["A", "At risk"], ["R", "Red"],
    ]})
    plan = read_plan(path)
    assert statuses(plan) == {"1.1": ("At risk", "A"), "1.2": ("Complete", "G"), "1.3": ("Not yet started", "B"),
                              "1.4": ("At risk", "R")}
    assert [(w.word, w.status.value, w.reason) for w in plan.layout.tables[0].status.vocabulary] == [
        ("B", "Not yet started", "the plan's Key gives it as 'Not started'"),
        ("G", "Complete", "the plan's Key gives it as 'Complete'"),
        ("A", "At risk", "the plan's Key gives it as 'At risk'"),
        ("R", "At risk", "red in a RAG scale means at risk -> At risk"),
    ]
    assert lines(plan) == []


INSTRUCTIONS = [["PAP tracker - please update the Progress column on Sheet2 by the 10th of each month."],
                ["Statuses: Green, Amber, Red, Complete."]]
TRACKER = [["No", "Action", "Officer", "Target date", "Status", "Progress"],
           ["1", "Recruit two Designated Clinical Officers", "Karen Lowe", "14/03/2025", "Amber",
            "Jan '25: KL - posts out to advert."]]


@pytest.mark.parametrize("own, title", [
    ([], None),  # no title anywhere: the plan's name is said for it, as for any plan without a title
    ([["Kelso SEND Priority Action Plan"]], "Kelso SEND Priority Action Plan"),
])
def test_an_instruction_on_another_sheet_is_not_the_plans_title(tmp_path, own, title):
    summary = [["Status", "Count"], ["Green", '=COUNTIF(Sheet2!E2:E10,"Green")'], ["Total", "=SUM(B2:B2)"]]
    path = build(tmp_path / "PAP tracker FINAL v3 (2).xlsx", {
        "Sheet1": INSTRUCTIONS, "Summary": summary, "Sheet2": [*own, *TRACKER],  # the counts not yet worked out
    })
    plan = read_plan(path)
    assert plan.title == title
    assert [a.ref for a in plan.actions] == ["1"]
    assert ("Sheet1", "A1", "PAP tracker - please update the Progress column on Sheet2 by the 10th of each month.") in [
        (n.sheet, n.cell, n.text) for n in plan.notes]  # kept, as a note, not a title
    assert ("Summary", "A2", "Green") in [(n.sheet, n.cell, n.text) for n in plan.notes]  # a row of a table: no title


@pytest.mark.parametrize("line", [
    "Please enter your update in the Progress column",
    "Enter the RAG rating from the drop-down list",
    "Do not change the refs in column A",
    "Instructions: update monthly",
    "How to use this plan",
])
def test_an_instruction_above_the_header_is_not_the_plans_title(tmp_path, line):
    path = build(tmp_path / "PAP.xlsx", {"PAP": [[line], *TRACKER]})
    assert read_plan(path).title is None


@pytest.mark.parametrize("line", [
    "Leads should update the Commentary column before each SEND Board.",
    "The plan is reviewed by the SEND Board every month.",
])
def test_a_sentence_on_a_read_me_sheet_is_not_the_plans_title(tmp_path, line):
    path = build(tmp_path / "PAP.xlsx", {"Read me": [["How to use this plan"], [line]], "Plan": TRACKER})
    assert read_plan(path).title is None


def test_a_heading_row_under_the_header_that_ends_before_the_ref_column_is_no_crash(tmp_path):
    # The Ref column is the fourth; the area heading under the header fills only the third cell.
    rows = [["RAG", "Progress update", "Action", "Ref", "Lead", "Due"],
            [None, None, "Area 1: Leadership and governance"],
            ["G", "13/01/25: Guidance launched.", "Co-produce a communication strategy.", "GS1", "Amir Bashir", "Mar-25"],
            ["A", "09/12/24: Data request sent.", "Review alternative provision.", "GS2", "Karen Lowe", "Mar-25"]]
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": rows}))  # before: "unexpected IndexError"
    assert [(a.ref, a.status.value, a.section) for a in plan.actions] == [
        ("GS 1", "On track", "Area 1: Leadership and governance"), ("GS 2", "Vulnerable", "Area 1: Leadership and governance")]


def test_refs_in_roman_numerals_are_read_not_refused(tmp_path):
    rows = [["Ref", "Action", "Lead", "Timescale", "Status", "Progress"],
            ["(i)", "Embed the guidance.", "Amir Bashir", "March 2025", "Green", "14/10/24 AB: Launched."],
            ["(ii)", "Create an outreach team.", "Karen Lowe", "March 2025", "Amber", "14/10/24 KL: Posts out."],
            ["iii)", "Audit personal budgets.", "Paul Davies", "March 2025", "Complete", ""],
            ["ix.", "Refresh the JSNA chapter.", "Rachel Turner", "March 2025", "Red", ""]]
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": rows}))  # before: refused, "none of the 4 refs ..."
    assert [(a.ref, a.ref_text, a.status.value) for a in plan.actions] == [
        ("(i)", "(i)", "On track"), ("(ii)", "(ii)", "Vulnerable"), ("(iii)", "iii)", "Complete"), ("(ix)", "ix.", "At risk")]
    from paptools.read.refs import parse_ref, sort_key
    assert [parse_ref(text) for text in ("i", "iv", "(a)", "(I)", "(vv)")] == [None] * 5  # a word, a letter, no numeral
    assert sorted(["(x)", "(ix)", "(ii)"], key=sort_key) == ["(ii)", "(ix)", "(x)"]


def test_an_action_without_a_ref_is_said_to_be_left_out_of_the_plan_and_every_count(tmp_path):
    plan = read_plan(build(tmp_path / "no_ref.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "Progress", "RAG"],
        ["1.1", "Publish the Local Offer", "Jane Smith", "Mar 2025", "Jan 25: published.", "Green"],
        [None, "Train every SENCO in the new graduated approach toolkit", "Bob Jones", "Jun 2025", "Jan 25: booked.",
         "Amber"],
        ["1.3", "Review EHCP timeliness", "Ann Lee", "Sep 2025", "Dec 24: backlog.", "Red"],
    ]}))
    assert [a.ref for a in plan.actions] == ["1.1", "1.3"]  # the unnumbered action is not counted
    assert len(plan.to_frame()) == 2
    assert lines(plan) == [
        "Plan!B3: row with no Ref, 'Train every SENCO in the new graduated…', is not read as an action and is left "
        "out of the plan and every count; if it is an action, give it a ref in the Ref column to have it counted; "
        "its text is kept here"]
    assert plan.warnings[0].value == ("Train every SENCO in the new graduated approach toolkit | Bob Jones | Jun 2025 | "
                                      "Jan 25: booked. | Amber")


def test_a_key_spelling_out_its_letters_is_what_inspect_credits(tmp_path):
    path = build(tmp_path / "letters.xlsx", {"Plan": [
        ["SEND Improvement Plan tracker"],
        ["Key: C = Complete, IP = In progress, NS = Not started, D = Delayed"],
        [],
        ["Ref", "Action", "Owner", "Due", "Status", "Progress"],
        ["1", "Outreach from special schools", "Heads", "Apr-25", "IP", "Jan 25: 4 schools offering outreach."],
        ["2", "Autism training for GPs", "ICB", "Dec-24", "C", "Dec 24: 80 GPs trained."],
        ["3", "SEND data dashboard", "BI", "Jun-25", "NS", None],
        ["4", "Health input to EHC needs assessments", "DCO", "Mar-25", "D", "Jan 25: 55% within 6 weeks."],
    ]})
    plan = read_plan(path)
    assert statuses(plan) == {"1": ("On track", "IP"), "2": ("Complete", "C"), "3": ("Not yet started", "NS"),
                              "4": ("Vulnerable", "D")}
    assert [(w.word, w.status.value, w.reason) for w in plan.layout.tables[0].status.vocabulary] == [
        ("C", "Complete", "the plan's Key gives it as 'Complete'"),
        ("IP", "On track", "the plan's Key gives it as 'In progress'"),
        ("NS", "Not yet started", "the plan's Key gives it as 'Not started'"),
        ("D", "Vulnerable", "the plan's Key gives it as 'Delayed'"),
    ]

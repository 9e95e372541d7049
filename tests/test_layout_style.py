"""The house-style file and `paptools inspect`: what detection cannot place, said once and shown."""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from click.testing import CliRunner
from test_layout import build, statuses

from paptools.cli import main
from paptools.errors import NoActions
from paptools.read.plan import read_plan
from paptools.read.style import StyleError


def tracker(tmp_path, name="tracker.xlsx"):
    """A tracker whose headers detection cannot place: 'Code', 'What', 'Notes so far', 'Flag'."""
    return build(tmp_path / name, {
        "Cover": [["Version date", datetime(2025, 3, 31)]],
        "Tracker": [
            ["Code", "What", "Who", "Notes so far", "Flag"],
            ["T1", "Open the hub", "Ann Lee", "Mar 25: AL: opened.", "Delivered"],
            ["T2", "Train staff", "Bo Khan", "Feb 25: BK: two sessions.", "Parked"],
        ],
    })


STYLE = """\
sheets = ["Tracker", "Cover"]
version_date = "Cover!B1"

[columns]
"Code" = "ref"
"What" = "action"
"Notes so far" = "progress"
"Flag" = "status"

[statuses]
"Parked" = "At risk"
"""


def test_a_house_style_file_beside_the_workbook_places_what_detection_cannot(tmp_path):
    path = tracker(tmp_path)
    with pytest.raises(NoActions):
        read_plan(path)
    (tmp_path / "paptools.toml").write_text(STYLE, encoding="utf-8")
    plan = read_plan(path)
    assert statuses(plan) == {"T1": ("Complete", "Delivered"), "T2": ("At risk", "Parked")}
    assert [(e.date.iso(), e.author, e.text) for e in plan.actions[0].entries] == [("2025-03", "Ann Lee", "opened.")]
    assert (plan.version_date.isoformat(), plan.version_date_source) == ("2025-03-31", "cell Cover!B1 (house-style file)")
    scale = {w.word: (w.status.value, w.reason) for w in plan.layout.tables[0].status.vocabulary}
    assert scale["Parked"] == ("At risk", "from the house-style file")


@pytest.mark.parametrize("text, message", [
    ('sheets = ["Tracker"]\ncolour = "red"\n', "line 2: unknown setting 'colour': the settings are colours, columns, "),
    ('[columns]\n"Code" = "reference"\n',
     "line 2: 'reference' is not a field: use one of ref, status, status_date, entry_date, author, original_due, "
     "latest_due, priority_area, section, plan, owner, timescale, success_criteria, progress, outcome, evidence, "
     "action, stage"),
    ('[statuses]\n"Parked" = "Stalled"\n',
     "line 2: 'Stalled' is not a status: use one of Not yet started, On track, Vulnerable, At risk, Complete or "
     "'none'"),
    ('entry_order = "backwards"\n', 'line 1: entry_order must be "oldest first" or "newest first"'),
    ('quarters = "academic"\n', 'line 1: quarters must be "financial year" (Q1 April to June), or left out'),
    ("sheets = [\n", None),
])
def test_a_wrong_key_or_value_is_an_error_naming_the_file_and_line(tmp_path, text, message):
    path = tracker(tmp_path)
    style = tmp_path / "house.toml"
    style.write_text(text, encoding="utf-8")
    with pytest.raises(StyleError) as raised:
        read_plan(path, style=style)
    assert str(raised.value).startswith(f"{style}: ")
    if message is None:
        assert raised.value.detail.startswith("is not valid TOML: ")
    elif message.endswith(", "):  # the list of settings grows as commands add theirs: its start is pinned
        assert raised.value.detail.startswith(message)
    else:
        assert raised.value.detail == message


def test_the_cli_takes_style_and_reports_a_bad_one_in_one_line(tmp_path):
    path = tracker(tmp_path)
    style = tmp_path / "house.toml"
    style.write_text(STYLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["summary", str(path), "--style", str(style)])
    assert result.exit_code == 0, result.output
    style.write_text("colour = 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["show", str(path), "--style", str(style)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].startswith(f"Error: {style}: line 1: unknown setting 'colour'")


def test_inspect_shows_how_each_thing_was_read(tmp_path):
    path = build(tmp_path / "plan.xlsx", {
        "Plan": [
            ["Updated: 14/01/2025"],
            ["S.No", "Action", "Lead", "Deadline", "Update Jan 24", "Update Feb 24", "Implementation status"],
            [1, "Cut the waiting list", "Ann Lee", "Jun-24", "Recruited two.", "List at 80.", "Some slippage"],
            [2, "Publish the offer", "Bo Khan", "Mar-24", "Drafted.", None, "Fully implemented"],
        ],
        "Summary": [["Status", "Count"], ["Complete", 1]],
    })
    result = CliRunner().invoke(main, ["inspect", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "How plan.xlsx is read",
        "  Version date: 14 January 2025 (from cell Plan!A1 'Updated: 14/01/2025')",
        "  PAP actions: those whose ref starts PAP, PA, P or Priority (every action, if no ref has a prefix)",
        "  Progress entries are written oldest first",
        "",
        "Sheet Plan: actions, header row 2, 2 actions",
        "  Ref              <- column A 'S.No'",
        "  Action           <- column B 'Action'",
        "  Owner            <- column C 'Lead'",
        "  Timescale        <- column D 'Deadline'",
        "  RA status        <- column G 'Implementation status'",
        "  Progress         <- columns E:F, one per period:",
        "       E 'Update Jan 24' -> Jan 2024",
        "       F 'Update Feb 24' -> Feb 2024",
        "  Status           <- column G text, scale from words used in column G:",
        "       'Some slippage' -> Vulnerable (means behind schedule -> Vulnerable, used 1x)",
        "       'Fully implemented' -> Complete (means finished -> Complete, used 1x)",
        "",
        "Not read",
        "  Summary: a summary, pivot or chart sheet: skipped (the figures are counted from the actions themselves)",
        "",
        "2 actions read (2 PAP), 0 warnings",
    ]
    layout = json.loads(CliRunner().invoke(main, ["inspect", str(path), "--json"]).output)
    assert layout["tables"][0]["header_row"] == 2
    assert layout["version_date"] == "2025-01-14"
    assert [p["date"] for p in layout["tables"][0]["periods"]] == [{"year": 2024, "month": 1, "day": None},
                                                                   {"year": 2024, "month": 2, "day": None}]


def test_write_style_writes_a_file_that_reads_the_plan_the_same_way(tmp_path):
    path = tracker(tmp_path)
    (tmp_path / "house.toml").write_text(STYLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["inspect", str(path), "--style", str(tmp_path / "house.toml"),
                                       "--write-style"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "paptools.toml").read_text(encoding="utf-8")
    assert '"Notes so far" = "progress"' in written
    assert '"Parked" = "At risk"' in written
    plan = read_plan(path)  # through the paptools.toml just written
    assert statuses(plan) == {"T1": ("Complete", "Delivered"), "T2": ("At risk", "Parked")}
    again = CliRunner().invoke(main, ["inspect", str(path), "--write-style"])
    assert again.exit_code == 1
    assert "exists already" in again.output


def test_a_status_word_beats_a_fill_that_is_not_a_key_colour(tmp_path):
    path = build(tmp_path / "pastel.xlsx", {"Log": [
        ["ID", "Description", "Owner", "Due date", "Update", "Status"],
        ["R1", "Staffing", "Ann Lee", "Jun-25", "Agency cover.", "Closed"],
        ["R2", "Budget", "Bo Khan", "Jul-25", "Plan drafted.", "Open"],
    ]}, fills={("Log", "F2"): "D9D9D9", ("Log", "F3"): "FFF2CC"})
    plan = read_plan(path)
    assert statuses(plan) == {"R1": ("Complete", "Closed"), "R2": (None, "Open")}
    assert [w.line() for w in plan.warnings] == ["Log!F3: 'Open' is not one of the five statuses; status unknown (say what the word counts as under [statuses] in paptools.toml)"]


def test_a_status_date_column_dates_the_latest_undated_entry(tmp_path):
    path = build(tmp_path / "status-date.xlsx", {"POAM": [
        ["POAM ID", "Weakness name", "Point of contact", "Scheduled completion date", "Milestone changes",
         "Status", "Status date"],
        ["P-1", "Patch servers", "Ann Lee", "Jun-25", "Vendor contacted about the patch.", "Ongoing",
         datetime(2024, 6, 2)],
        ["P-2", "Rotate keys", "Bo Khan", "Jul-25", "May 24: keys rotated.", "Done", datetime(2024, 6, 3)],
    ]})
    plan = read_plan(path)
    assert [[(e.date.iso(), e.text) for e in a.entries] for a in plan.actions] == [
        [("2024-06-02", "Vendor contacted about the patch.")], [("2024-05", "keys rotated.")]]


def test_inspect_on_an_unreadable_workbook_shows_the_closest_rows_then_the_error(tmp_path):
    path = build(tmp_path / "notes.xlsx", {"Notes": [["Item", "Notes", "Budget"], ["1", "Called.", "£100"]]})
    result = CliRunner().invoke(main, ["inspect", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-6:] == [
        "No header row found. The closest rows:",
        "  Notes row 1: 'Item', 'Notes', 'Budget'",
        "    recognised Progress, Ref; lacks another column such as Action, Owner, Timescale, Status",
        "",
        "Not read",
        "  Notes: no header row: not read as actions",
    ]
    assert result.stderr.startswith(f"Error: {path}: has no header row with a Ref column on any sheet")


def test_the_style_file_names_the_header_row_colours_and_membership(tmp_path):
    path = build(tmp_path / "coloured.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Due date", "Progress", "Status", "Source"],  # a decoy: the real header is row 3
        [],
        ["Ref", "Action", "Owner", "Due date", "Progress", "Status", "Source"],
        ["1.1", "A", "Ann Lee", "Jun-24", "Mar 24: AL: begun.", None, "Inspection"],
        ["1.2", "B", "Ann Lee", "Jun-24", "Mar 24: AL: done.", None, "Self-assessment"],
    ]}, fills={("Plan", "F4"): "C00000", ("Plan", "F5"): "7030A0"})
    (tmp_path / "paptools.toml").write_text(
        '[header_rows]\n"Plan" = 3\n\n[colours]\n"7030A0" = "Complete"\n"C00000" = "At risk"\n\n'
        '[membership]\ncolumn = "Source"\npap = ["Inspection"]\n', encoding="utf-8")
    plan = read_plan(path)
    assert plan.layout.tables[0].header_rows == (3,)
    assert [(a.ref, a.status.value, a.is_pap) for a in plan.actions] == [
        ("1.1", "At risk", True), ("1.2", "Complete", False)]
    assert plan.layout.style_file == str(tmp_path / "paptools.toml")


def test_the_style_file_says_timescales_quarters_are_the_financial_years(tmp_path):
    path = build(tmp_path / "quarters.xlsx", {"Plan": [
        ["Position as at 14 March 2025"],
        ["Ref", "Action", "Lead", "Timescale", "Status", "Progress"],
        ["1.1", "Improve EHCP timeliness", "Jane Smith", "Q3 2024/25", "On track", "Jan25: JS: 60%."],
        ["1.2", "Co-produce the local offer", "Raj Patel", "Q1 2025/26", "On track", "Dec24: RP: workshop."],
    ]})
    assert [a.timescale.due for a in read_plan(path).actions] == [None, None]
    (tmp_path / "paptools.toml").write_text('quarters = "financial year"\n', encoding="utf-8")
    plan = read_plan(path)
    assert [(a.ref, a.timescale.due.iso()) for a in plan.actions] == [("1.1", "2024-12"), ("1.2", "2025-06")]
    assert plan.warnings == ()
    summary = CliRunner().invoke(main, ["summary", str(path)]).stdout
    assert "Overdue (1): past their latest due month and not complete\n  1.1        due Dec 2024" in summary
    shown = CliRunner().invoke(main, ["inspect", str(path), "--write-style"])
    assert "  Quarters in timescales are of the financial year (Q1 April to June; from the house-style file)" \
        in shown.stdout
    assert 'quarters = "financial year"' in (tmp_path / "paptools.toml").read_text(encoding="utf-8")


def test_write_style_names_a_version_date_cell_on_a_sheet_whose_name_has_a_space(tmp_path):
    path = build(tmp_path / "plan.xlsx", {"SEND PAP": [
        ["SEND Priority Action Plan"],
        ["Updated:", datetime(2025, 1, 14)],
        ["Ref", "Action", "Lead", "Deadline", "RAG", "Progress"],
        ["1.1", "Publish the Local Offer", "Ann Lee", "Mar-25", "Green", "Dec 24: draft agreed."],
    ]})
    result = CliRunner().invoke(main, ["inspect", str(path), "--write-style"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "paptools.toml").read_text(encoding="utf-8")
    assert 'version_date = "SEND PAP!A2"' in written
    plan = read_plan(path)  # through the paptools.toml just written
    assert (plan.version_date.isoformat(), plan.version_date_source) == ("2025-01-14", "cell SEND PAP!A2 'Updated:'")


def test_with_no_key_a_rag_fill_that_contradicts_its_word_is_said(tmp_path):
    path = build(tmp_path / "clash.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Due", "Status", "Progress"],
        ["V1", "Local offer", "Ann Lee", "Mar-25", "Green", "Jan 25: Live."],
        ["V2", "EHCP portal", "Bo Khan", "Jun-25", "Green", "Jan 25: Supplier late."],
        ["V3", "Short breaks", "Cy Day", "Sep-25", "Amber", "Jan 25: Review begun."],
    ]}, fills={("Plan", "E3"): "FF0000"})
    plan = read_plan(path)
    assert statuses(plan) == {"V1": ("On track", "Green"), "V2": ("On track", "Green"), "V3": ("Vulnerable", "Amber")}
    assert [w.line() for w in plan.warnings] == [
        "Plan!E3: status text says On track but the fill colour says At risk; the text is used"]


def test_with_no_key_one_colour_behind_every_status_word_is_decoration(tmp_path):
    path = build(tmp_path / "banded.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Due", "Status", "Progress"],
        ["V1", "Local offer", "Ann Lee", "Mar-25", "Green", "Jan 25: Live."],
        ["V2", "EHCP portal", "Bo Khan", "Jun-25", "Red", "Jan 25: Supplier late."],
        ["V3", "Short breaks", "Cy Day", "Sep-25", "Amber", "Jan 25: Review begun."],
    ]}, fills={("Plan", f"E{row}"): "FFC000" for row in (2, 3, 4)})
    plan = read_plan(path)
    assert statuses(plan) == {"V1": ("On track", "Green"), "V2": ("At risk", "Red"), "V3": ("Vulnerable", "Amber")}
    assert plan.warnings == ()

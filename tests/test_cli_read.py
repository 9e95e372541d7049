"""`paptools show` and `paptools summary`: what a user sees, and the JSON a script reads."""
from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import example_path

from paptools.cli import main
from paptools.cli.app import COMMANDS


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_summary_prints_the_recomputed_figures():
    result = run("summary", example_path("2025-01"), "--as-of", "2025-01-15")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Figures for oldham-send-pap-2025-01.xlsx (as of 15 January 2025)"
    assert "Complete                       33  82.5%             33  82.5%" in lines
    assert "On track                        4    10%              4    10%" in lines
    assert "Total                          40   100%             40   100%" in lines
    assert "      Community Paediatrics: 6 actions: 4 complete, 1 on track, 1 at risk" in lines
    assert "  PAP 2.21   due Dec 2024  [On track]  Catherine Fox" in lines
    assert "PAP!F29: 'un 24' read as the date Jun 2024 (a letter seems to be missing)" in result.stderr



def test_a_count_of_one_is_one_action_not_one_actions(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Ref", "Action", "Lead", "Due", "Status", "Progress"],
                ["Theme 1: Early identification"],
                ["1.1", "Screen at two", "Ann Bell", "Mar-26", "On track", "Jan26: AB: begun."],
                ["1.2", "Train health visitors", "Ann Bell", "Jun-26", "Complete", "Feb26: AB: done."],
                ["Theme 2: Inclusion"],
                ["2.1", "Inclusion charter", "Cal Dunn", "Jun-26", "At risk", "Feb26: CD: delayed."]):
        sheet.append(row)
    book.save(tmp_path / "plan.xlsx")
    summary = run("summary", tmp_path / "plan.xlsx", "--as-of", "2026-03-01").stdout.splitlines()
    assert "  Priority area 1: 2 actions: 1 complete, 1 on track" in summary
    assert "      Theme 2: Inclusion: 1 action: 1 at risk" in summary
    assert run("show", tmp_path / "plan.xlsx").stdout.splitlines()[1] == "plan.xlsx: 3 actions"
    assert "3 actions read (3 PAP), 0 warnings" in run("inspect", tmp_path / "plan.xlsx").stdout

def test_summary_json_has_the_documented_fields():
    result = run("summary", example_path("2026-04"), "--json", "--as-of", "2026-05-01")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["counts"]["all"]["total"] == 52
    assert document["counts"]["pap"] == {
        "total": 40,
        "by_status": {"Not yet started": 0, "On track": 1, "Vulnerable": 1, "At risk": 0, "Complete": 38},
        "unknown": 0,
        "percent": {"Not yet started": 0, "On track": 2.5, "Vulnerable": 2.5, "At risk": 0, "Complete": 95},
        "percent_adds_to_100": True,
    }
    first = document["actions"][0]
    assert {k: first[k] for k in ("ref", "status", "section", "priority_area", "owner")} == {
        "ref": "PAP 1.1", "status": "Complete", "section": "PAP 1", "priority_area": "Priority area 1",
        "owner": "Amber Burton & Steve Larking",
    }
    assert first["timescale"] == {"text": "Sep-23", "original_due": "2023-09", "revised_due": None, "due": "2023-09"}
    assert first["entries"][0]["date"] == "2023-09" and first["entries"][0]["initials"] is None
    dated = next(a for a in document["actions"] if a["ref"] == "PAP 1.7")["entries"][1]
    assert dated == {"date": "2024-03-21", "initials": "AB", "author": "Amber Burton",
                     "text": dated["text"]} and dated["text"].startswith("LAIP had been drafted")
    assert document["warnings"][0] == {
        "sheet": "PAP", "cell": "F38", "value": None,
        "message": "'un 24' read as the date Jun 2024 (a letter seems to be missing)",
    }


def test_show_lists_an_actions_entries():
    result = run("show", example_path("2026-04"), "--ref", "PAP: 2.28")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "PAP 2.28  [Complete]  Gary Flanagan & Emma Dewar  · due Dec 2023" in out
    assert "    • 19 Mar 2024 Emma Dewar" in out
    assert "PAP 2.29" not in out


def test_a_missing_workbook_is_one_line_and_exit_1(tmp_path):
    result = run("summary", tmp_path / "nope.xlsx")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope.xlsx'}: file not found: check the name and the folder\n"


def test_every_command_has_help():
    for command in COMMANDS:
        result = run(command, "--help")
        assert result.exit_code == 0 and len(result.stdout.splitlines()) > 3, command


def test_progress_is_silent_for_quick_runs_and_plain_when_not_a_terminal():
    import io

    from paptools.write.progress import Progress

    quick = io.StringIO()
    progress = Progress(quick)
    progress.stage("Reading plan.xlsx")
    progress.advance(10, 100)
    progress.done()
    assert quick.getvalue() == ""  # under a second: nothing

    log = io.StringIO()
    progress = Progress(log)
    progress.started -= 5  # a long run
    progress.stage("Reading plan.xlsx")
    progress.advance(500, 20000)
    progress.advance(1000, 20000)
    progress.stage("Writing plan-report.docx")
    progress.done()
    assert log.getvalue() == "Reading plan.xlsx...\nWriting plan-report.docx...\n"  # no bars in a log


def test_progress_draws_one_line_with_a_bar_on_a_terminal():
    import io

    from paptools.write.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    progress = Progress(screen)
    progress.started -= 5
    progress.stage("Reading plan.xlsx")
    progress.advance(5000, 20000)
    progress.done()
    assert "Reading plan.xlsx [#######-----------------------]  25%" in screen.getvalue()
    assert screen.getvalue().endswith("\r\x1b[2K")  # the line is cleared at the end


def test_every_command_is_documented_in_the_readme():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"### `paptools {command}" in readme, command


def test_owners_on_several_lines_are_shown_on_one(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Ref", "Action", "Lead", "Due", "Status", "Progress"],
                ["1.1", "Screen at two", "Ann Bell\nCal Dunn", "Mar-26", "On track", "Jan26: AB: begun."],
                ["1.2", "Train health visitors", "Ann Bell,\nDee Ely", "Tbc", "At risk", "Feb26: AB: late."]):
        sheet.append(row)
    book.save(tmp_path / "plan.xlsx")
    summary = run("summary", tmp_path / "plan.xlsx", "--as-of", "2026-05-01").stdout.splitlines()
    assert "  1.1        due Mar 2026  [On track]  Ann Bell, Cal Dunn" in summary
    shown = run("show", tmp_path / "plan.xlsx", "--as-of", "2026-05-01").stdout.splitlines()
    assert "1.1  [On track]  Ann Bell, Cal Dunn  · due Mar 2026" in shown
    assert "1.2  [At risk]  Ann Bell, Dee Ely  · due no due month" in shown

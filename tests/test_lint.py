"""`paptools lint` and `paptools explain`: each rule finds its problem in a small workbook built
here, and nothing in a clean one; explain names the Key's colour for a fill-coloured action."""
from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from conftest import action, example_path, plan_rows

from paptools.check.explain import explain_action
from paptools.check.lint import LintSettings, lint_plan, read_lint_settings
from paptools.check.rules import RULES
from paptools.cli import main
from paptools.errors import UsageError
from paptools.read.plan import read_plan

AS_OF = date(2025, 1, 31)
OWNER = {"owner": "Amy Brown"}


def clean_rows() -> list:
    return [
        action("PAP 1.1", "C", "Dec24: AB: Marked as complete.", timescale="Dec-24", evidence="Minutes", **OWNER),
        action("PAP 1.2", "OT", "Jan25: AB: Work going well.", timescale="Mar-25", **OWNER),
    ]


def problem_rows() -> list:
    return [
        *clean_rows(),
        action("PAP 1.3", "OT", "Jan25: AB: Work going well.", timescale="Mar-25", status_text="At risk", **OWNER),
        action("PAP 1.4", "C", "Jan25: AB: Work continues with schools.", timescale="Mar-25", **OWNER),
        action("PAP 1.5", "OT", "Oct24: AB: Draft ready.", timescale="Jun-24 Revised date: Nov-24", **OWNER),
        action("PAP 1.6", "C", "Work done.", timescale="Mar-25", evidence="", **OWNER),
        action("PAP 1.7", "OT", "Jun24: AB: Started.", timescale="Dec-25", **OWNER),
        action("PAP 1.8", "OT", "Jan25: AB: Nearly there.", timescale="Oct-24", **OWNER),
        action("PAP 1.9", "OT", "Jan25: AB: Fine.", timescale="Dec-25", **OWNER),
        action("PAP 1.9", "OT", "Jan25: AB: Fine too.", timescale="Dec-25", **OWNER),
        action("PAP:1.10", "OT", "Jan25: AB: Fine.", timescale="Dec-25", **OWNER),
        action("PAP 1.11", "OT", "Jan25: ZQ: Update.", timescale="Dec-25", **OWNER),
        action("PAP 1.12", "OT", "Jan25: AB: Fine.", timescale="Dec-25", status_text="Purple", **OWNER),
        action("PAP 1.13", "OT", "Jan25: AB: Fine.\n14/01/52: AB: Closed.", timescale="Dec-25", **OWNER),
    ]


def test_each_rule_finds_its_problem(make_workbook):
    plan = read_plan(make_workbook(plan_rows(*problem_rows())))
    found = [(f.rule, f.ref, f.sheet, f.cell) for f in lint_plan(plan, AS_OF)]
    assert found == [
        ("fill-text", "PAP 1.3", "PAP", "I6"),
        ("status-word", "PAP 1.12", "PAP", "I16"),
        ("complete-but-continuing", "PAP 1.4", "PAP", "F7"),
        ("on-track-past-due", "PAP 1.5", "PAP", "I8"),
        ("complete-no-evidence", "PAP 1.6", "PAP", "I9"),
        ("no-recent-update", "PAP 1.7", "PAP", "I10"),
        ("past-due-not-revised", "PAP 1.8", "PAP", "I11"),
        ("duplicate-ref", "PAP 1.9 (2nd)", "PAP", "13:13"),  # the second action written PAP 1.9
        ("malformed-ref", "PAP 1.10", "PAP", "14:14"),
        ("unknown-initials", "PAP 1.11", "PAP", "F15"),
        ("future-entry", "PAP 1.13", "PAP", "F17"),
    ]
    assert {rule.id for rule in RULES} == {f[0] for f in found}
    messages = {f.rule: (f.message, f.fix) for f in lint_plan(plan, AS_OF)}
    assert messages["fill-text"] == (
        "PAP 1.3's RA cell says 'At risk' but is coloured #00B050, the colour of On track; the words are used "
        "(At risk).", "Make them agree: recolour the cell for At risk, or change the words to 'On track'.")
    assert messages["complete-but-continuing"][0] == (
        "PAP 1.4 is Complete, but its latest entry (Jan 2025) says 'continues': \"Work continues with schools.\".")
    assert messages["on-track-past-due"][0] == (
        "PAP 1.5 is On track, but its revised due month (Nov 2024) has passed and no entry has been written since.")
    assert messages["no-recent-update"][0] == (
        "PAP 1.7 is not complete and its latest update is from Jun 2024, more than 3 months before 31 January 2025.")
    assert messages["malformed-ref"][0] == "PAP 1.10 is written 'PAP:1.10', unlike the plan's other refs ('PAP 1.1')."
    assert messages["unknown-initials"][0] == "PAP 1.11: the initials ZQ in the Jan 2025 entry match no owner in the plan."
    assert messages["status-word"][0] == "PAP 1.12's status 'Purple' is not one of the plan's statuses (its fill colour gives On track)."


def test_a_clean_workbook_has_no_finding(make_workbook):
    plan = read_plan(make_workbook(plan_rows(*clean_rows())))
    assert lint_plan(plan, AS_OF) == ()


def test_rules_switched_off_and_the_findings_as_warnings(make_workbook):
    plan = read_plan(make_workbook(plan_rows(*problem_rows())))
    kept = lint_plan(plan, AS_OF, LintSettings(disable=("no-recent-update", "duplicate-ref")))
    assert "no-recent-update" not in {f.rule for f in kept} and "duplicate-ref" not in {f.rule for f in kept}
    warning = kept[0].warning()
    assert (warning.sheet, warning.cell) == ("PAP", "I6")
    assert warning.message.endswith("Make them agree: recolour the cell for At risk, or change the words to 'On track'.")


def test_the_house_style_file_switches_rules_off_on_the_command_line(make_workbook):
    path = make_workbook(plan_rows(*problem_rows()))
    (path.parent / "paptools.toml").write_text('[lint]\ndisable = ["no-recent-update"]\nperiod_months = 6\n',
                                               encoding="utf-8")
    outcome = CliRunner().invoke(main, ["lint", str(path), "--as-of", "2025-01-31", "--json"])
    assert outcome.exit_code == 1
    document = json.loads(outcome.output)
    assert document["disabled"] == ["no-recent-update"]
    assert [f["rule"] for f in document["findings"]].count("no-recent-update") == 0
    assert document["findings"][0] == {
        "rule": "fill-text", "ref": "PAP 1.3", "sheet": "PAP", "cell": "I6", "where": None, "phrase": None,
        "message": "PAP 1.3's RA cell says 'At risk' but is coloured #00B050, the colour of On track; the words "
                   "are used (At risk).",
        "fix": "Make them agree: recolour the cell for At risk, or change the words to 'On track'.",
    }


def test_lint_exit_codes(make_workbook, tmp_path):
    runner = CliRunner()
    clean = make_workbook(plan_rows(*clean_rows()))
    outcome = runner.invoke(main, ["lint", str(clean), "--as-of", "2025-01-31"])
    assert (outcome.exit_code, outcome.output) == (0, f"Lint of {clean.name}: 0 findings.\n\n")
    outcome = runner.invoke(main, ["lint", str(tmp_path / "missing.xlsx")])
    assert outcome.exit_code == 2
    bad = tmp_path / "bad" / "paptools.toml"
    bad.parent.mkdir()
    bad.write_text('[lint]\ndisable = ["no-such-rule"]\n', encoding="utf-8")
    with pytest.raises(UsageError, match="no such rule: no-such-rule"):
        read_lint_settings(bad.parent / "plan.xlsx")
    outcome = runner.invoke(main, ["lint", str(clean), "--style", str(bad)])
    assert outcome.exit_code == 2
    assert "[lint] disable names no such rule: no-such-rule" in outcome.output


def test_explain_names_the_key_colour_of_a_fill_coloured_action():
    plan = read_plan(example_path("2025-01"))
    explanation = explain_action(plan, "PAP 2.21", lint_plan(plan, AS_OF))
    assert explanation is not None
    assert explanation.status == "On track"
    assert explanation.reason == ("The RA cell PAP!I68 has no words; its fill colour #00B050 (green) is the same "
                                  "colour as the Key's colour for On track, #00B050 in PAP!B96.")
    assert explanation.due == "\"New timescale: Dec-24\", revised to December 2024"
    assert explanation.entries[0].startswith("Nov 2024: Transitions framework shared with all community paediatric")
    assert [f.rule for f in explanation.findings] == ["on-track-past-due"]


def test_explain_on_the_command_line(make_workbook):
    path = make_workbook(plan_rows(*problem_rows()))
    runner = CliRunner()
    outcome = runner.invoke(main, ["explain", str(path), "1.3", "--as-of", "2025-01-31"])
    assert outcome.exit_code == 0, outcome.output
    assert "Status: At risk (PAP!I6)" in outcome.output
    assert "The RA cell PAP!I6 says \"At risk\". The cell is also coloured #00B050 (green); the words win." \
        in " ".join(outcome.output.split())
    outcome = runner.invoke(main, ["explain", str(path), "PAP 1.7", "--json", "--as-of", "2025-01-31"])
    document = json.loads(outcome.output)
    assert document["reason"].startswith("The RA cell PAP!I10 has no words; its fill colour #00B050 (green) is "
                                         "the same colour as the Key's colour for On track, #00B050")
    assert [f["rule"] for f in document["findings"]] == ["no-recent-update"]
    outcome = runner.invoke(main, ["explain", str(path), "PAP 9.9"])
    assert outcome.exit_code == 2


def test_explain_says_how_the_plans_own_word_was_mapped(make_workbook):
    from housestyle import Style

    rows = plan_rows(action("PAP 1.1", "V", "Jan25: AB: Slipping.", timescale="Mar-25", status_text="Some slippage",
                            **OWNER))
    plan = read_plan(make_workbook(rows, Style(status_as="text")))
    explanation = explain_action(plan, "PAP 1.1", lint_plan(plan, AS_OF))
    assert explanation is not None
    assert explanation.reason == "The RA cell PAP!I4 says \"Some slippage\", which the plan's words map to Vulnerable."
    assert [(f.rule, f.message) for f in explanation.findings] == [
        ("status-word", "PAP 1.1's status 'Some slippage' is not a word in the plan's Key; it is read as Vulnerable.")]


def test_a_key_in_the_plans_own_letters_makes_those_letters_its_words(tmp_path):
    import openpyxl

    from paptools.content.report import _finding_row

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    for row in [["Ref", "Action", "Owner", "Due", "BRAG", "Commentary"],
                ["1.1", "Publish", "JS", "Mar-25", "G", "Jan 25: drafted."],
                ["1.2", "Train", "BJ", "Jun-25", "Green", "Jan 25: booked."],
                [], ["Key"], ["B", "Complete"], ["G", "On track"], ["A", "Some slippage"], ["R", "Off track"]]:
        sheet.append(row)
    book.save(tmp_path / "letters.xlsx")
    plan = read_plan(tmp_path / "letters.xlsx")
    found = [(f.rule, f.ref, f.message) for f in lint_plan(plan, date(2025, 1, 31)) if f.rule == "status-word"]
    assert found == [("status-word", "1.2", "1.2's status 'Green' is not a word in the plan's Key; it is read as On track.")]
    assert _finding_row("1.2", found[0][2]) == (
        "1.2", "Status 'Green' is not a word in the plan's Key; it is read as On track.")

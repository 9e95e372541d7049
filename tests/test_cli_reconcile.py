"""`paptools reconcile` as a user runs it: the examples, two files, --since, JSON, the changes file."""
from __future__ import annotations

import csv
import json

from click.testing import CliRunner
from conftest import ROOT, example_path

from paptools.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_with_no_arguments_it_reconciles_the_two_newest_examples(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("reconcile", "--as-of", "2026-05-01", "--output-dir", tmp_path)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Changes from oldham-send-pap-2025-08.xlsx to oldham-send-pap-2026-04.xlsx\n")
    assert "  PAP 2.17   At risk → On track" in out
    assert "  + 2.37       [On track] Balanced System model implementation for improved access to [...]" in out
    assert "  PAP 2.25   due Sep 2025 → Sep 2026  ('Revised Date: September 2026')  revised again" in out
    assert f"  changes   {tmp_path / 'oldham-send-pap-2026-04-changes.csv'}" in out


def test_the_changes_file_opens_as_a_table(tmp_path):
    result = run("reconcile", example_path("2024-06"), example_path("2025-01"), "--as-of", "2025-01-20",
                 "--output-dir", tmp_path)
    assert result.exit_code == 0, result.output
    with (tmp_path / "oldham-send-pap-2025-01-changes.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    kinds = [r["Change"] for r in rows]
    assert kinds.count("New progress") == 14 and kinds.count("Status changed") == 17
    assert kinds[0] == "Status changed"  # no history changed here: a typo fix is listed after new progress
    edit = rows[kinds.index("Entry edited")]
    assert (edit["Ref"], edit["Before"][:40], edit["Note"]) == (
        "PAP 2.18", "In addition to sending text remiders adm", "a small correction (typo) to an entry reported before"
    )
    overdue = [r for r in rows if r["Change"] == "Overdue"]
    assert [(r["Ref"], r["Note"]) for r in overdue] == [("PAP 2.21", "due Dec 2024, On track")]


def test_json_lists_every_change(tmp_path):
    result = run("reconcile", example_path("2024-06"), example_path("2025-01"), "--as-of", "2025-01-20",
                 "--json", "--no-files")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["previous"] == "oldham-send-pap-2024-06.xlsx"
    changes = document["changes"]
    new = [c for c in changes if c["kind"] == "new progress"]
    assert len(new) == 14
    assert (new[0]["ref"], new[0]["rule"], new[0]["entry"]) == (
        "PAP 1.6", "a new entry between earlier ones",
        {"date": "2024-09", "initials": None, "author": None, "text": "Signed off as complete in LIP EB"},
    )
    assert {(c["ref"], c["status_before"], c["status_after"]) for c in changes if c["kind"] == "status changed"} >= {
        ("PAP 2.17", "On track", "At risk")
    }
    assert [(c["ref"], c["kind"], c["history_changed"]) for c in changes if c["kind"].startswith("entry")] == [
        ("PAP 2.18", "entry corrected", False)
    ]
    assert document["actions_added"] == []
    assert document["overdue"] == [{"ref": "PAP 2.21", "due": "2024-12", "status": "On track"}]
    assert document["no_update"] == ["PAP 1.3", "PAP 2.4", "PAP 2.16", "PAP 2.25"]
    assert document["counts"]["pap"]["by_status"]["Complete"] == 33
    assert document["sentences"][1] == (
        "Of the seven incomplete actions, four are on track, one has not yet started, one is vulnerable and one is at risk."
    )
    assert document["outputs"] == {}


def test_since_a_month_with_one_workbook(tmp_path):
    result = run("reconcile", example_path("2025-01"), "--since", "2024-09", "--as-of", "2025-01-20",
                 "--no-files", "--json")
    document = json.loads(result.stdout)
    assert document["since"] == "2024-09" and document["previous"] is None
    new = [c for c in document["changes"] if c["kind"] == "new progress"]
    assert len(new) == 14
    assert all(c["entry"]["date"] >= "2024-09" for c in new)


def test_one_workbook_without_since_is_a_usage_error():
    result = run("reconcile", example_path("2025-01"))
    assert result.exit_code == 2
    assert "is only one version: give the previous version too, or --since YYYY-MM" in result.stderr


def test_an_existing_output_is_never_overwritten_without_force(tmp_path):
    args = ("reconcile", example_path("2025-08"), example_path("2026-04"), "--output-dir", tmp_path)
    (tmp_path / "oldham-send-pap-2026-04-changes.csv").write_text("keep me", encoding="utf-8")
    assert run(*args).exit_code == 0
    assert (tmp_path / "oldham-send-pap-2026-04-changes.csv").read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "oldham-send-pap-2026-04-changes-2.csv").exists()
    assert run(*args, "--force").exit_code == 0
    assert (tmp_path / "oldham-send-pap-2026-04-changes.csv").read_text(encoding="utf-8") != "keep me"


def test_the_change_list_printed_a_block_at_a_time_is_the_whole_text(tmp_path, monkeypatch):
    """A large plan's text is printed in blocks of lines: together they are exactly render_reconcile's text."""
    from datetime import date

    import click

    import paptools.cli.reconcile as command
    from paptools.api import reconcile
    from paptools.write.terminal import render_reconcile

    paths = [example_path("2024-06"), example_path("2025-01")]
    whole = click.unstyle(render_reconcile(reconcile(paths, as_of=date(2025, 1, 20)), 76))  # COLUMNS less 4
    monkeypatch.setattr(command, "_BLOCK", 7)
    monkeypatch.setenv("COLUMNS", "80")
    result = run("reconcile", *paths, "--as-of", "2025-01-20", "--no-files")
    assert result.exit_code == 0, result.output
    assert whole.count("\n") > 7 * 3 and result.stdout.startswith(whole)
    assert result.stdout.startswith("Changes from oldham-send-pap-2024-06.xlsx to oldham-send-pap-2025-01.xlsx\n")


def test_an_added_actions_progress_is_shown_under_it(tmp_path):
    import openpyxl

    paths = []
    for rows in ([["1.1", "Publish the local offer", "Jan 25: Drafted."]],
                 [["1.1", "Publish the local offer", "Jan 25: Drafted."], ["1.2", "Train SENCOs", "Mar 25: Booked."]]):
        book = openpyxl.Workbook()
        book.active.append(["Ref", "Action", "Progress", "RAG"])
        for row in rows:
            book.active.append([*row, "Green"])
        paths.append(tmp_path / f"plan-{len(paths)}.xlsx")
        book.save(paths[-1])
    result = run("reconcile", *paths, "--no-files", "--as-of", "2025-03-31")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = lines.index("  + 1.2        [On track] Train SENCOs")
    assert lines[at + 1:at + 3] == ["      • Mar 2025", "        Booked."]

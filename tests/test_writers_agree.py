"""Every writer shows the same changes and figures for one plan pair (issue 16.1).

The June 2024 -> January 2025 example, reconciled once with every output written. Between
them the two versions have 14 new progress entries on 11 actions and 17 status changes, and
the January plan has 33 of 40 PAP actions complete (82.5%). Each output is read back by its
content (terminal text, JSON, CSV, the .docx, the .xlsx, the .eml) and must say exactly that.
"""
from __future__ import annotations

import csv
import email
import email.policy
import json

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import example_path

from paptools.cli import main

PAIR = (example_path("2024-06"), example_path("2025-01"))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("agree")
    runner = CliRunner()
    terminal = runner.invoke(main, ["reconcile", *map(str, PAIR), "--pack", "--output-dir", str(folder)])
    assert terminal.exit_code == 0, terminal.output
    document = runner.invoke(main, ["reconcile", *map(str, PAIR), "--json", "--no-files"])
    assert document.exit_code == 0, document.output
    return folder, terminal.stdout, json.loads(document.stdout)


def test_the_terminal(outputs):
    _, text, _ = outputs
    assert "NEW PROGRESS (14)  in 11 actions" in text
    assert "STATUS CHANGES (17)" in text
    assert "thirty-three (82.5%) have been marked as complete" in " ".join(text.split())


def test_the_json(outputs):
    _, _, document = outputs
    kinds = [c["kind"] for c in document["changes"]]
    assert kinds.count("new progress") == 14 and kinds.count("status changed") == 17
    assert len({c["ref"] for c in document["changes"] if c["progress"]}) == 11
    assert document["counts"]["pap"]["by_status"]["Complete"] == 33
    assert document["counts"]["pap"]["percent"]["Complete"] == 82.5


def test_the_changes_csv(outputs):
    folder, _, _ = outputs
    with (folder / "oldham-send-pap-2025-01-changes.csv").open(encoding="utf-8-sig", newline="") as handle:
        kinds = [row["Change"] for row in csv.DictReader(handle)]
    assert kinds.count("New progress") == 14 and kinds.count("Status changed") == 17


def test_the_cleaned_workbook(outputs):
    folder, _, _ = outputs
    book = openpyxl.load_workbook(folder / "oldham-send-pap-2025-01-clean.xlsx")
    kinds = [row[0] for row in book["Changes"].iter_rows(min_row=2, values_only=True)]
    assert kinds.count("New progress") == 14 and kinds.count("Status changed") == 17
    summary = [list(row) for row in book["Summary"].iter_rows(values_only=True)]
    assert any(row[:5] == ["Complete", 33, 82.5, 33, 82.5] for row in summary)


def test_the_report(outputs):
    folder, _, _ = outputs
    text = " ".join(p.text for p in docx.Document(folder / "oldham-send-pap-2025-01-report.docx").paragraphs)
    assert "fourteen new progress entries were recorded across eleven actions" in text
    assert "seventeen actions changed status" in text
    assert "thirty-three (82.5%) have been marked as complete" in text


def test_the_email(outputs):
    folder, _, _ = outputs
    with (folder / "oldham-send-pap-2025-01-pack.eml").open("rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    body = message.get_body(("plain",)).get_content()
    assert "Fourteen new progress entries on eleven actions." in body
    assert sum(1 for line in body.splitlines() if ": status " in line) == 17
    assert "thirty-three (82.5%) have been marked as complete" in " ".join(body.split())


def test_lint_rules_switched_off_in_the_house_style_file_leave_every_output(tmp_path):
    """[lint] disable in paptools.toml beside the plan: the rule is gone from the Warnings sheet and
    the report's notes alike (one set of findings, computed once for both)."""
    import shutil

    for path in PAIR:
        shutil.copy(path, tmp_path / path.name)
    previous, current = (str(tmp_path / p.name) for p in PAIR)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["reconcile", previous, current, "--output-dir", str(out)]).exit_code == 0
    (tmp_path / "paptools.toml").write_text('[lint]\ndisable = ["complete-but-continuing"]\n', encoding="utf-8")
    out_off = tmp_path / "off"
    assert CliRunner().invoke(main, ["reconcile", previous, current, "--output-dir", str(out_off)]).exit_code == 0

    def checks(folder):
        book = openpyxl.load_workbook(folder / "oldham-send-pap-2025-01-clean.xlsx")
        rules = [row[5] for row in book["Warnings"].iter_rows(min_row=2, values_only=True)]
        report = " ".join(p.text for p in docx.Document(folder / "oldham-send-pap-2025-01-report.docx").paragraphs)
        cells = " ".join(c.text for t in docx.Document(folder / "oldham-send-pap-2025-01-report.docx").tables
                         for row in t.rows for c in row.cells)
        return rules, report + cells

    rules_on, report_on = checks(out)
    rules_off, report_off = checks(out_off)
    assert "complete-but-continuing" in rules_on and "complete-but-continuing" not in rules_off
    assert "says 'continue'" in report_on and "says 'continue'" not in report_off

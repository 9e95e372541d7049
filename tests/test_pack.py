"""The board pack: an email draft that opens in Outlook ready to send, with the report's figures in its body."""
from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import example_path

from paptools.cli import main

PREVIOUS, CURRENT = example_path("2025-08"), example_path("2026-04")
HEADLINE = ("Of a total of 40 PAP actions, thirty-eight (95%) have been marked as complete and two (5%) "
            "are incomplete.")
ALL_ACTIONS = ("Counting the twelve improvement-plan actions as well, of all 52 actions, thirty-eight (73%) have "
               "been marked as complete and fourteen (27%) are incomplete.")
TABLE = [
    ["Complete", "38", "95%", "38", "73%"],
    ["On track", "1", "2.5%", "9", "17%"],
    ["Not yet started", "0", "0%", "4", "8%"],
    ["Vulnerable", "1", "2.5%", "1", "2%"],
    ["At risk", "0", "0%", "0", "0%"],
    ["Total", "40", "100%", "52", "100%"],
]


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    """`paptools pack` on the example pair, once: the files written and the draft parsed."""
    out = tmp_path_factory.mktemp("pack")
    result = CliRunner().invoke(main, ["pack", str(PREVIOUS), str(CURRENT), "--output-dir", str(out),
                                       "--as-of", "2026-05-01", "--to", "board@example.gov.uk",
                                       "--to", "clerk@example.gov.uk", "--cc", "officer@example.gov.uk"])
    assert result.exit_code == 0, result.output
    eml = out / "oldham-send-pap-2026-04-pack.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    return out, result, message


def test_pack_writes_the_report_the_workbook_and_the_draft(pack):
    out, result, _ = pack
    assert sorted(p.name for p in out.iterdir()) == [
        "oldham-send-pap-2026-04-clean.xlsx", "oldham-send-pap-2026-04-pack.eml", "oldham-send-pap-2026-04-report.docx"]
    assert f"Wrote {out / 'oldham-send-pap-2026-04-pack.eml'} (pack)." in result.stdout


def test_the_draft_is_unsent_with_its_subject_and_recipients(pack):
    _, _, message = pack
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == "SEND & Inclusion Improvement Programme: Priority Action Plan – version 15 April 2026"
    assert message["To"] == "board@example.gov.uk, clerk@example.gov.uk"
    assert message["Cc"] == "officer@example.gov.uk"
    assert message["Bcc"] is None and message["From"] is None  # the officer's own mail program fills From


def test_both_files_are_attached_byte_for_byte_with_their_types(pack):
    out, _, message = pack
    attachments = {a.get_filename(): a for a in message.iter_attachments()}
    assert sorted(attachments) == ["oldham-send-pap-2026-04-clean.xlsx", "oldham-send-pap-2026-04-report.docx"]
    report = attachments["oldham-send-pap-2026-04-report.docx"]
    workbook = attachments["oldham-send-pap-2026-04-clean.xlsx"]
    assert report.get_content_type() == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert workbook.get_content_type() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert report.get_content() == (out / "oldham-send-pap-2026-04-report.docx").read_bytes()
    assert workbook.get_content() == (out / "oldham-send-pap-2026-04-clean.xlsx").read_bytes()


def test_the_body_gives_the_reports_figures(pack):
    out, _, message = pack
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert HEADLINE in plain and HEADLINE in html
    assert ALL_ACTIONS in plain and ALL_ACTIONS in html
    table = [line.split() for line in plain.splitlines() if line.startswith(("Complete", "On track", "Total"))]
    assert table == [["Complete", "38", "95%", "38", "73%"], ["On", "track", "1", "2.5%", "9", "17%"],
                     ["Total", "40", "100%", "52", "100%"]]
    cells = [re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", html)]
    assert cells[1:] == TABLE
    # The report says the same.
    report = docx.Document(str(out / "oldham-send-pap-2026-04-report.docx"))
    paragraphs = [p.text.split("\t")[-1] for p in report.paragraphs]
    assert HEADLINE in paragraphs and ALL_ACTIONS in paragraphs
    assert [[c.text for c in row.cells] for row in report.tables[0].rows][1:] == TABLE
    # And so does the cleaned workbook's Summary sheet.
    summary = openpyxl.load_workbook(out / "oldham-send-pap-2026-04-clean.xlsx")["Summary"]
    assert [[c.value for c in row] for row in summary[summary.tables["StatusCounts"].ref]][1:3] == [
        ["Complete", 38, 73, 38, 95], ["On track", 9, 17, 1, 2.5]]


def test_the_body_says_what_changed(pack):
    _, _, message = pack
    plain = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    changed = plain.split("WHAT CHANGED SINCE THE PREVIOUS VERSION (15 AUGUST 2025)\n")[1].split("\n\n")[0]
    assert changed.splitlines() == [
        "- Two new progress entries on two actions.",
        "- PAP 2.4: status On track to Complete.",
        "- PAP 2.17: status At risk to On track.",
        "- Two timescales changed (PAP 2.17, PAP 2.25).",
        "- Twelve actions added (1.11, 1.12, 1.13, 1.14, 1.15, 2.31, 2.32, 2.33, 2.34, 2.35, 2.36, 2.37).",
    ]


def test_reconcile_pack_writes_the_draft_beside_its_other_files(tmp_path):
    result = CliRunner().invoke(main, ["reconcile", str(PREVIOUS), str(CURRENT), "--output-dir", str(tmp_path),
                                       "--as-of", "2026-05-01", "--pack"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "oldham-send-pap-2026-04-changes.csv", "oldham-send-pap-2026-04-clean.xlsx",
        "oldham-send-pap-2026-04-pack.eml", "oldham-send-pap-2026-04-report.docx"]
    message = email.message_from_bytes((tmp_path / "oldham-send-pap-2026-04-pack.eml").read_bytes(),
                                       policy=email.policy.default)
    assert message["X-Unsent"] == "1" and message["To"] == "" and message["Cc"] is None
    assert len(list(message.iter_attachments())) == 2


def test_reconcile_without_pack_writes_no_draft(tmp_path):
    result = CliRunner().invoke(main, ["reconcile", str(PREVIOUS), str(CURRENT), "--output-dir", str(tmp_path),
                                       "--as-of", "2026-05-01"])
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("*.eml"))


def _copies_with_style(tmp_path, style: str):
    import shutil

    folder = tmp_path / "plans"
    folder.mkdir()
    previous, current = (Path(shutil.copy(p, folder)) for p in (PREVIOUS, CURRENT))
    (folder / "paptools.toml").write_text(style, encoding="utf-8")
    return previous, current


def test_recipients_come_from_the_house_style_file_unless_given(tmp_path):
    previous, current = _copies_with_style(
        tmp_path, '[pack]\nto = ["board@example.gov.uk", "clerk@example.gov.uk"]\ncc = "officer@example.gov.uk"\n')
    out = tmp_path / "out"
    args = ["pack", str(previous), str(current), "--output-dir", str(out), "--as-of", "2026-05-01"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes((out / "oldham-send-pap-2026-04-pack.eml").read_bytes(),
                                       policy=email.policy.default)
    assert message["To"] == "board@example.gov.uk, clerk@example.gov.uk" and message["Cc"] == "officer@example.gov.uk"
    result = CliRunner().invoke(main, [*args, "--to", "chair@example.gov.uk", "--force"])
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes((out / "oldham-send-pap-2026-04-pack.eml").read_bytes(),
                                       policy=email.policy.default)
    assert message["To"] == "chair@example.gov.uk" and message["Cc"] is None


def test_a_wrong_pack_setting_is_one_line_naming_the_file(tmp_path):
    previous, current = _copies_with_style(tmp_path, '[pack]\nto = ["board"]\n')
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["pack", str(previous), str(current), "--output-dir", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'plans' / 'paptools.toml'}: [pack] to must be an email address "
                             'or a list of them, e.g. to = ["board@example.gov.uk"]\n')
    assert not out.exists()

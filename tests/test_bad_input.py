"""Bad input never crashes the tool or loses anything: one line, the right exit code, no trace."""
from __future__ import annotations

import hashlib
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import action, example_path, plan_rows
from housestyle import Row, Style
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paptools.cli import main
from paptools.errors import NotAWorkbook, PapError
from paptools.read.plan import read_plan


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def error_of(path, command="summary"):
    result = run(command, path)
    return result.exit_code, result.stderr


def expect(path, message, code=1):
    exit_code, stderr = error_of(path)
    assert (exit_code, stderr) == (code, f"Error: {path}: {message}\n")


# --- files that are not a workbook ------------------------------------------------------

def test_missing_file(tmp_path):
    expect(tmp_path / "PAP v3.xlsx", "file not found: check the name and the folder")


def test_a_folder(tmp_path):
    expect(tmp_path, "is a folder, not a workbook: give the .xlsx file inside it")


def test_a_csv_renamed_xlsx(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_text("Ref,Action,Owner\nPAP 1.1,Create board,AB\n")
    expect(path, "is not an Excel workbook (it is a CSV or text file): open it in Excel and Save As "
                 "'Excel Workbook (.xlsx)'")


def test_a_pdf_renamed_xlsx(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    expect(path, "is not an Excel workbook (it is a PDF): give the .xlsx file")


def test_an_empty_file(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"")
    expect(path, "is empty (0 bytes): ask for the workbook to be sent again")


def test_a_word_document_renamed_xlsx(tmp_path):
    from docx import Document

    path = tmp_path / "plan.xlsx"
    Document().save(str(path))
    expect(path, "is a Word document, not an Excel workbook: give the .xlsx file")


def test_a_truncated_download(tmp_path):
    path = tmp_path / "plan.xlsx"
    data = example_path("2025-01").read_bytes()
    path.write_bytes(data[: len(data) // 2])
    expect(path, "is damaged (not a complete .xlsx): ask for it again, or open and re-save it in Excel")


def test_a_damaged_part_inside_the_zip(tmp_path):
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(example_path("2025-01")) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 3]  # cut off mid-element
            target.writestr(item, data)
    expect(path, "has a damaged part (xl/worksheets/sheet1.xml): open it in Excel, save it again as .xlsx, and retry")


def test_a_zip_part_flagged_as_encrypted(tmp_path):  # found by the mutated-workbook corpus
    import struct

    data = bytearray(example_path("2025-01").read_bytes())
    for signature, flags, name_length, name_at in ((b"PK\x03\x04", 6, 26, 30), (b"PK\x01\x02", 8, 28, 46)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            length = struct.unpack_from("<H", data, at + name_length)[0]
            if data[at + name_at : at + name_at + length] == b"_rels/.rels":
                data[at + flags] |= 1  # zip's "encrypted" flag on one part, as a damaged or odd archiver leaves it
            at += 4
    path = tmp_path / "plan.xlsx"
    path.write_bytes(bytes(data))
    expect(path, "has a damaged part (_rels/.rels): open it in Excel, save it again as .xlsx, and retry")


def test_a_password_protected_workbook(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    path = tmp_path / "plan.xlsx"
    with example_path("2025-01").open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("Oldham2025", target)
    expect(path, "is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook), "
                 "save a copy and give that copy")


def test_a_legacy_xls(tmp_path):
    path = tmp_path / "plan.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096 + "Workbook".encode("utf-16-le"))
    expect(path, "is an old .xls workbook: open it in Excel and Save As 'Excel Workbook (.xlsx)'")


def test_excels_lock_file(tmp_path):
    path = tmp_path / "~$PAP January 2025.xlsx"
    path.write_bytes(b"\x0cJane Officer" + b" " * 150)
    expect(path, "is Excel's lock file for an open workbook, not the workbook itself: give 'PAP January 2025.xlsx' instead")


# --- workbooks that are not a plan ------------------------------------------------------

def test_a_workbook_with_no_header_row(tmp_path):
    path = tmp_path / "budget.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Budget line", "2024/25", "2025/26"])
    book.active.append(["Staffing", 120000, 125000])
    book.save(path)
    expect(path, "has no header row with a Ref column on any sheet: check it is the action plan "
                 "(a header row naming Ref, Action, Owner, Progress ...); run 'paptools inspect' on it to see what "
                 "was found, and name the columns in a paptools.toml house-style file (see the README)")


def test_a_header_without_any_progress_is_read_with_a_warning(make_workbook):
    path = make_workbook([Row("header"), action("PAP 1.1")], Style(order=("ref", "action", "owner", "status")))
    plan = read_plan(path)
    assert [(a.ref, a.status.value, a.entries) for a in plan.actions] == [("PAP 1.1", "On track", ())]
    assert [w.line() for w in plan.warnings] == [
        "PAP!1:1: no Timescale column found in the header row",
        "PAP!1:1: no Progress column, period columns or updates sheet: the actions are read without progress "
        "(their statuses still count); name the progress column in paptools.toml",
    ]


def test_an_empty_workbook(tmp_path):
    path = tmp_path / "plan.xlsx"
    openpyxl.Workbook().save(path)
    expect(path, "has no text on any sheet: check it is the right file, saved after editing")


def test_a_header_with_nothing_under_it(make_workbook):
    path = make_workbook([Row("title", "Priority Action Plan"), Row("header")])
    expect(path, "has a header row but no actions under it: check the Ref column is filled in")


# --- hostile files ----------------------------------------------------------------------

def test_a_zip_bomb_is_refused_before_loading(tmp_path):
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(example_path("2025-01")) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        with target.open("xl/media/padding.bin", "w") as padding:
            for _ in range(40):
                padding.write(b"\0" * (1024 * 1024))
    code, stderr = error_of(path)
    assert code == 1
    assert stderr.startswith(f"Error: {path}: part xl/media/padding.bin is compressed ")
    assert stderr.endswith(" times over, as zip bombs are: refused for safety\n")


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
          b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>')


def with_entities(source: Path, target: Path, part: str) -> None:
    """A copy of the workbook whose `part` declares entities and uses one."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        assert part in original.namelist()
        for item in original.infolist():
            data = original.read(item)
            if item.filename == part:
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = LAUGHS + body.replace(b"</t>", b"&lol3;</t>", 1)
            copy.writestr(item, data)


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
def test_xml_entity_expansion_is_refused(tmp_path, part):
    source = example_path("2025-01")
    if part == "xl/sharedStrings.xml":  # as Excel writes it: paptools' own xlsxwriter output has one
        assert run("clean", source, "--output-dir", tmp_path).exit_code == 0
        source = tmp_path / "oldham-send-pap-2025-01-clean.xlsx"
    path = tmp_path / "hostile.xlsx"
    with_entities(source, path, part)
    expect(path, "contains XML entity declarations, which Excel never writes: refused for safety")


# --- arguments ----------------------------------------------------------------------------

def test_the_same_file_twice_is_a_usage_error(tmp_path):
    path = example_path("2025-01")
    result = run("reconcile", path, path, "--output-dir", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {path}: is given twice (also as {path}): give the previous version first, "
                             "then the current one\n")


def test_previous_newer_than_current_is_a_warning_that_says_how_to_swap_and_the_report_says_so(tmp_path):
    import docx

    newer, older = tmp_path / "PAP Aug 25.xlsx", tmp_path / "PAP Jan 25.xlsx"  # names a shell would split
    newer.write_bytes(example_path("2025-08").read_bytes())
    older.write_bytes(example_path("2025-01").read_bytes())
    result = run("reconcile", newer, older, "--output-dir", tmp_path / "out")
    assert result.exit_code == 0
    assert (f"the previous version {newer.name} looks newer than the current one {older.name} (dated Aug 2025 "
            "against Jan 2025): if so, they were given the wrong way round and each change is shown reversed; to "
            f"compare them the other way round, run paptools reconcile '{older}' '{newer}'") in result.stderr
    report = docx.Document(str(tmp_path / "out" / "PAP Jan 25-report.docx"))
    assert (f"The previous version {newer.name} looks newer than the current one {older.name} (dated Aug 2025 against "
            "Jan 2025): if so, they were given the wrong way round and each change is shown reversed."
            ) in [p.text for p in report.paragraphs]


def test_a_bad_as_of_date_is_a_usage_error():
    result = run("summary", example_path("2025-01"), "--as-of", "next Tuesday")
    assert result.exit_code == 2 and "'next Tuesday' is not a date: use YYYY-MM-DD or YYYY-MM" in result.stderr


def test_debug_shows_the_traceback_instead():
    result = run("--debug", "summary", "missing.xlsx")
    assert isinstance(result.exception, NotAWorkbook)


@pytest.mark.parametrize("command", [["show"], ["show", "--json"], ["summary"], ["lint"], ["explain", "PAP 1.1"]])
def test_a_wrong_as_of_date_stops_the_command_before_it_reads(command, monkeypatch):
    def unread(*args, **kwargs):
        raise AssertionError("read")

    monkeypatch.setattr("paptools.api.read_plan", unread)
    name, *rest = command
    result = run(name, example_path("2026-04"), *rest, "--as-of", "someday")
    assert result.exit_code == 2
    assert result.stdout == ""  # `show` printed the plan and ignored it
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--as-of': 'someday' is not a date: use YYYY-MM-DD or YYYY-MM")


def test_an_unexpected_failure_is_still_one_line(monkeypatch):
    def broken(path, style=None, progress=None, workers=1, early=None):
        raise ValueError("a bug")

    monkeypatch.setattr("paptools.api.read_plan", broken)  # what the CLI reads through
    result = run("summary", example_path("2025-01"))
    assert result.exit_code == 1
    assert result.stderr == ("Error: unexpected ValueError: a bug. Run again with --debug and send the output "
                             "to the paptools maintainers.\n")
    assert "Traceback" not in result.output


# --- nothing lost -------------------------------------------------------------------------

def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_command_changes_an_input_workbook(tmp_path):
    inputs = [example_path("2025-08"), example_path("2026-04")]
    before = [digest(p) for p in inputs]
    for args in (("show", inputs[1]), ("summary", inputs[1]), ("clean", inputs[1], "--output-dir", tmp_path),
                 ("report", *inputs, "--output-dir", tmp_path), ("reconcile", *inputs, "--output-dir", tmp_path)):
        assert run(*args).exit_code == 0, args
    assert [digest(p) for p in inputs] == before


def test_a_failure_while_writing_leaves_nothing_of_the_run(tmp_path, monkeypatch):
    def failing(report, path, sections=None):
        Path(path).write_bytes(b"PK half a report")
        raise OSError("the network drive went away")

    monkeypatch.setattr("paptools.write.docx_package.write_docx", failing)
    result = run("reconcile", example_path("2025-08"), example_path("2026-04"), "--output-dir", tmp_path)
    assert (result.exit_code, result.stderr) == (1, (
        f"Error: {tmp_path}: writing failed (the network drive went away): check the folder, or choose another "
        "--output-dir; nothing of this run was written, earlier outputs are unchanged\n"))
    # The changes file and the cleaned workbook were finished, but the set was not: none of it is kept.
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_leaves_nothing_and_earlier_outputs_untouched(tmp_path, monkeypatch):
    import errno

    earlier = {"oldham-send-pap-2026-04-changes.csv": b"earlier changes",
               "oldham-send-pap-2026-04-clean.xlsx": b"earlier workbook"}
    for name, data in earlier.items():
        (tmp_path / name).write_bytes(data)

    def full(path, plan, summary, **kw):
        Path(path).write_bytes(b"PK half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("paptools.write.workbook.write_clean_workbook", full)
    result = run("reconcile", example_path("2025-08"), example_path("2026-04"), "--output-dir", tmp_path, "--force")
    assert (result.exit_code, result.stderr) == (1, (
        f"Error: {tmp_path}: the disk is full: free some space or choose another --output-dir; nothing of this run "
        "was written, earlier outputs are unchanged\n"))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == earlier


def test_a_second_run_into_the_same_folder_fails_clearly_while_one_runs(tmp_path):
    import os

    (tmp_path / ".paptools.lock").write_text(f"{os.getpid()} {__import__('socket').gethostname()}")
    result = run("clean", example_path("2026-04"), "--output-dir", tmp_path)
    assert (result.exit_code, result.stderr) == (1, (
        f"Error: {tmp_path}: another paptools run is writing to this folder (its lock file is .paptools.lock): "
        "wait for it to finish, or choose another --output-dir; if no run is going, delete that file\n"))
    assert [p.name for p in tmp_path.iterdir()] == [".paptools.lock"]


def test_a_lock_left_by_a_run_that_died_is_taken_over(tmp_path):
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / ".paptools.lock").write_text(f"{dead.stdout.strip()} {__import__('socket').gethostname()}")
    result = run("clean", example_path("2026-04"), "--output-dir", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["oldham-send-pap-2026-04-clean.xlsx"]


def test_ctrl_c_while_writing_leaves_no_half_written_file(tmp_path, monkeypatch):
    def interrupted(path, plan, summary, **kw):
        Path(path).write_bytes(b"PK half a workbook")
        raise KeyboardInterrupt

    monkeypatch.setattr("paptools.write.workbook.write_clean_workbook", interrupted)
    result = run("clean", example_path("2026-04"), "--output-dir", tmp_path)
    assert result.exit_code == 130
    assert result.stderr == "Interrupted: nothing of this run was written; earlier outputs are unchanged.\n"
    assert list(tmp_path.iterdir()) == []


# --- odd but readable data: warnings, never a stop ------------------------------------------

def test_odd_data_becomes_warnings_with_sheet_and_cell(make_workbook):
    rows = plan_rows(action("PAP 1.1", "OT", "Nov 23: started."), action("PAP 1.2", "C", timescale="Summer term"),
                     action("PAP 1.3", "OT"))
    path = make_workbook(rows)
    book = openpyxl.load_workbook(path)
    sheet = book["PAP"]
    sheet.row_dimensions[5].hidden = True
    sheet["F6"].comment = openpyxl.comments.Comment("Chased AB for an update 3/2", "Jane")
    sheet.merge_cells("G5:G6")  # the outcome of PAP 1.3 merged up into PAP 1.2's row
    extra = book.create_sheet("Old notes")
    extra.sheet_state = "hidden"
    extra["A1"] = "Notes from the 2023 workshop"
    book.save(path)
    plan = read_plan(path)
    assert [a.ref for a in plan.actions] == ["PAP 1.1", "PAP 1.2", "PAP 1.3"]
    assert [w.line() for w in plan.warnings] == [
        "PAP!A5: row of PAP 1.2 is hidden in Excel; read anyway",
        "PAP!D5: timescale 'Summer term' names no month, so no due date is known",
        "PAP!F6: cell has a comment, which is not part of the plan's text",
        "PAP!G6: the Outcome/impact cell of PAP 1.3 is merged with G5 above, so its text belongs to that row; "
        "unmerge the cells and give each action its own text",
        "Old notes: sheet is hidden in Excel; read anyway",
        "Old notes: sheet has no header row with a Ref column; not read as actions",
    ]
    assert plan.warnings[2].value == "Chased AB for an update 3/2"  # the comment, kept whole


# --- any cell contents: read, or the tool's own error -------------------------------------

CELL = st.one_of(
    st.none(), st.text(max_size=300), st.integers(-10**9, 10**9), st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(), st.dates().map(lambda d: __import__("datetime").datetime(d.year, d.month, d.day)),
    st.sampled_from(["PAP: 1.1", "=SUM(A1:A3)", "Complete", "Nov23: SL: done", "Revised date: May-25", "\x00\x07",
                     "<b>bold</b> &amp;", "1.10", "Key", "Priority area 1: ...", "~~~", "@x", "-"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELL, min_size=9, max_size=9), min_size=1, max_size=6), st.booleans())
def test_random_cell_contents_read_or_raise_the_tools_own_error(rows, with_header):
    book = openpyxl.Workbook()
    sheet = book.active
    if with_header:
        sheet.append(["Ref", "Action", "Owner", "Timescale", "Success criteria", "Progress", "Outcome", "Evidence", "RA"])
    for row in rows:
        try:
            sheet.append(row)
        except (ValueError, TypeError):  # openpyxl refuses to write some values (control characters)
            sheet.append([None] * 9)
        except Exception as error:  # IllegalCharacterError: Excel files cannot hold them either
            if type(error).__name__ != "IllegalCharacterError":
                raise
            sheet.append([None] * 9)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.xlsx"
        book.save(path)
        try:
            plan = read_plan(path)
        except PapError as error:
            assert str(error).startswith(str(path))
            return
        assert all(a.ref for a in plan.actions)
        assert all(w.message for w in plan.warnings)

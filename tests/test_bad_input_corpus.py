"""The corpus of hostile and odd workbooks (tests/corpus.py): each case's exact outcome, and a fuzz test."""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
import time
import zipfile
from pathlib import Path

import corpus
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paptools.cli import main
from paptools.errors import PapError
from paptools.model import Plan
from paptools.read.plan import read_plan

SAVE_AS = "open it in Excel and Save As 'Excel Workbook (.xlsx)'"
REFUSED = {
    "xls": f"is an old .xls workbook: {SAVE_AS}",
    "encrypted": "is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook), "
                 "save a copy and give that copy",
    "xlsb": f"is an Excel Binary Workbook (.xlsb), which paptools cannot read: {SAVE_AS}",
    "ods": "is an OpenDocument spreadsheet (.ods), which paptools cannot read: open it in Excel or LibreOffice Calc "
           "and save it as 'Excel Workbook (.xlsx)'",
    "csv": f"is not an Excel workbook (it is a CSV or text file): {SAVE_AS}",
    "html": f"is a web page (HTML) saved with a spreadsheet's name, not an Excel workbook: {SAVE_AS}",
    "doctype": "contains XML entity declarations, which Excel never writes: refused for safety",
}
STATUSES = [("PAP 1.1", "On track"), ("PAP 1.2", "Complete"), ("PAP 1.3", "At risk")]
READ = {  # case -> (statuses, title, warning lines)
    "good": (STATUSES, "Priority Action Plan", []),
    "empty-style": (STATUSES, "Priority Action Plan", []),
    "missing-style": (STATUSES, "Priority Action Plan",
                      ["PAP!A1: cell names a style the workbook does not have; read without its fill or number format"]),
    "empty-shared-string": (STATUSES, "Priority Action Plan", [
        "PAP!L1: cell refers to shared text number 7, which the file does not hold (the file is damaged); "
        "read as blank"]),
    "lone-surrogate": (STATUSES, "Priority Action Plan \ufffd (draft)", [
        "PAP!A1: cell holds a character that cannot exist on its own (an unpaired surrogate); shown as \ufffd"]),
    "control-characters": (STATUSES, "Priority Action Plan \x1b]0;owned\x07 done", []),
    "escaped-underscore": (STATUSES, "Plan _x0041_ and \u200d joined", []),
    "strict": (STATUSES, "Priority Action Plan", []),
    "no-styles": ([("PAP 1.1", "Not yet started"), ("PAP 1.2", "Not yet started"), ("PAP 1.3", "Not yet started")],
                  "Priority Action Plan", [
        "the workbook has no styles part (it was not saved by Excel), so no cell has a fill colour: every status "
        "shown only by colour reads as Not yet started; open and save it in Excel, then run again"]),
    "grey-key": (STATUSES, "Priority Action Plan", []),
    "huge-styled-empty": (STATUSES, "Priority Action Plan", []),
    "print-area": (STATUSES, "Priority Action Plan", []),
    "dash-name": (STATUSES, "Priority Action Plan", []),
    "non-utf8-name": (STATUSES, "Priority Action Plan", []),
}


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    return corpus.build(tmp_path_factory.mktemp("corpus"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_each_refused_file_gets_one_line_naming_it_and_what_to_do(cases, name):
    path = cases[name]
    before = digest(path)
    result = CliRunner().invoke(main, ["summary", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {path}: {REFUSED[name]}\n")
    assert digest(path) == before


@pytest.mark.parametrize("name", sorted(READ))
def test_each_odd_but_readable_file_is_read_with_exactly_these_warnings(cases, name):
    statuses, title, warnings = READ[name]
    started = time.perf_counter()
    plan = read_plan(cases[name])
    assert time.perf_counter() - started < 20  # the huge styled range is passed over, not built cell by cell
    assert [(a.ref, a.status.value) for a in plan.actions] == statuses
    assert plan.title == title
    assert [w.line() for w in plan.warnings] == warnings


def test_control_characters_are_shown_escaped_on_the_terminal_but_kept_in_the_data(cases):
    path = cases["control-characters"]
    shown = CliRunner().invoke(main, ["show", str(path)])
    assert shown.exit_code == 0
    assert "\x1b]" not in shown.stdout and "\x07" not in shown.stdout
    assert "Priority Action Plan \\x1b]0;owned\\x07 done" in shown.stdout
    as_json = CliRunner().invoke(main, ["show", "--json", str(path)])
    assert '"title": "Priority Action Plan \\u001b]0;owned\\u0007 done"' in as_json.stdout


def test_a_zero_width_joiner_is_kept(cases):
    shown = CliRunner().invoke(main, ["show", str(cases["escaped-underscore"])])
    assert "Plan _x0041_ and \u200d joined" in shown.stdout


def test_a_print_area_of_whole_columns_makes_no_noise(cases):
    result = CliRunner().invoke(main, ["summary", str(cases["print-area"]), "--as-of", "2024-01"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_file_named_like_an_option_is_read_after_double_dash(cases, monkeypatch):
    monkeypatch.chdir(cases["dash-name"].parent)
    assert CliRunner().invoke(main, ["summary", "--", "-plan.xlsx"]).exit_code == 0
    refused = CliRunner().invoke(main, ["summary", "-plan.xlsx"])
    assert refused.exit_code == 2
    assert refused.stderr.endswith("Error: No such option '-p'. If -plan.xlsx is a file, put -- before it: "
                                   "paptools summary -- -plan.xlsx\n")


def test_a_file_name_that_is_not_utf8_is_read_written_and_printed(cases, tmp_path):
    path = cases["non-utf8-name"]
    result = CliRunner().invoke(main, ["clean", str(path), "--output-dir", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote {tmp_path}/plan-\ufffd-clean.xlsx (3 actions).\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan-\ufffd-clean.xlsx"]


def test_an_unreadable_file_is_named_not_a_usage_error(cases, tmp_path, monkeypatch):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(cases["good"].read_bytes())
    path.chmod(0)
    if os.name != "posix" or os.geteuid() == 0:  # root (as on CI) reads any file: refuse it as the OS would
        from pathlib import Path

        real_open = Path.open

        def refuse(self, *args, **kwargs):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    result = CliRunner().invoke(main, ["summary", str(path)])
    assert (result.exit_code, result.stderr) == (1, f"Error: {path}: cannot be opened (permission denied): if it "
                                                    "is open in Excel, close it and try again\n")


def test_a_library_warning_becomes_one_note_line(cases, monkeypatch):
    import warnings

    from paptools import api

    real = api.read_plan

    def noisy(*args, **kwargs):
        warnings.warn("Print area cannot be set to\nDefined name '$A:$I'.", UserWarning, stacklevel=1)
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "read_plan", noisy)
    result = CliRunner().invoke(main, ["summary", str(cases["good"]), "--as-of", "2024-01"])
    assert (result.exit_code, result.stderr) == (
        0, "Note: UserWarning from a library: Print area cannot be set to Defined name '$A:$I'.\n")


# --- fuzz: any damage to a small workbook is read or refused with the tool's own error ---------

SMALL = io.BytesIO()


def small_workbook() -> bytes:
    if not SMALL.getvalue():
        with tempfile.TemporaryDirectory() as folder:
            SMALL.write(corpus.base(Path(folder) / "small.xlsx").read_bytes())
    return SMALL.getvalue()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_mutated_workbook_is_read_or_refused_with_a_paptools_error(data):
    original = zipfile.ZipFile(io.BytesIO(small_workbook()))
    names = original.namelist()
    target = data.draw(st.sampled_from(names))
    part = bytearray(original.read(target))
    kind = data.draw(st.sampled_from(["flip", "cut", "insert", "drop", "raw"]))
    if kind == "flip" and part:
        for _ in range(data.draw(st.integers(1, 8))):
            position = data.draw(st.integers(0, len(part) - 1))
            part[position] = data.draw(st.integers(0, 255))
    elif kind == "cut":
        part = part[: data.draw(st.integers(0, len(part)))]
    elif kind == "insert":
        position = data.draw(st.integers(0, len(part)))
        part[position:position] = data.draw(st.sampled_from(
            [b'<c r="B9" s=""/>', b"_xD800_", b"\x00", b"<!DOCTYPE a>", b"&amp;", b"<v>-1</v>", b"\xff\xfe", b"]]>"]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.xlsx"
        if kind == "raw":  # damage to the zip itself
            raw = bytearray(small_workbook())
            for _ in range(data.draw(st.integers(1, 16))):
                raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
            path.write_bytes(bytes(raw))
        else:
            with zipfile.ZipFile(path, "w") as copy:
                for name in names:
                    if name == target and kind == "drop":
                        continue
                    copy.writestr(name, bytes(part) if name == target else original.read(name))
        try:
            plan = read_plan(path)
        except PapError as error:
            assert str(error).startswith(str(path))
            return
        assert isinstance(plan, Plan)


def test_the_stated_limits_give_the_stated_errors(cases, monkeypatch):
    """The README's limits, lowered so a small plan reaches them."""
    path = cases["good"]
    monkeypatch.setattr("paptools.read.cells.MAX_CELLS", 20)
    result = CliRunner().invoke(main, ["summary", str(path)])
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {path}: sheet PAP holds more than 20 filled cells, far more than any plan: refused for safety\n")
    monkeypatch.setattr("paptools.read.cells.MAX_CELLS", 5_000_000)
    monkeypatch.setattr("paptools.read.cells.MAX_CELL_TEXT", 12)
    result = CliRunner().invoke(main, ["summary", str(path)])
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {path}: cell PAP!A1 holds 20 characters, more than the 12 paptools accepts (Excel itself stops "
           "at 32,767): refused for safety\n")

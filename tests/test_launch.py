"""The `paptools` program starts the child that splits a one-plan command's Progress cells before
click is loaded (paptools/__main__.py), and the plan it prints is the plan the library reads."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

import housestyle
import pytest
from click.testing import CliRunner
from conftest import action, plan_rows
from housestyle import Style

from paptools.__main__ import workbook_named
from paptools.cli import main

FILLER = " Progress was reviewed with the team and the next steps agreed." * 40


def _plan(tmp_path, actions: int = 60):
    """A plan with enough text for the second process to pay (split_early.EARLY_BYTES)."""
    rows = plan_rows(*(action(f"PAP 1.{n}", "OT", f"12/03/24: AB: Review {n} started.{FILLER}\n"
                                                  f"15/04/24 - CD - Review {n} finished.{FILLER}")
                       for n in range(1, actions + 1)))
    path = tmp_path / "plan.xlsx"
    housestyle.write_workbook(path, rows, Style(), when=datetime(2025, 4, 30))
    return path


@pytest.mark.parametrize(("args", "named"), [
    (["show", "plan.xlsx"], "plan.xlsx"),
    (["show", "--json", "--ref", "PAP 1.1", "Plan.XLSX"], "Plan.XLSX"),
    (["summary", "--as-of", "2025-01", "plan.xlsm", "--style", "paptools.toml"], "plan.xlsm"),
    (["--debug", "lint", "plan.xlsx"], "plan.xlsx"),
    (["explain", "plan.xlsx", "PAP 1.1"], "plan.xlsx"),
    (["check", "draft.docx", "plan.xlsx"], "plan.xlsx"),
    (["check", "draft.docx", "plan.xlsx", "before.xlsx"], None),  # two workbooks: the read decides
    (["reconcile", "a.xlsx", "b.xlsx"], "a.xlsx"),  # versions: the first is read first
    (["reconcile", "--since", "2024-09", "--output-dir", "out.xlsx", "b.xlsx"], "b.xlsx"),
    (["pack", "--to", "a@b.org", "--template", "t.xlsx", "a.xlsx", "b.xlsx", "c.xlsx"], "a.xlsx"),
    (["report", "--narrative", "n.xlsx", "a.xlsx"], "a.xlsx"),
    (["history", "a.xlsx", "b.xlsx"], None),  # history reads its versions its own way
    (["inspect", "plan.xlsx"], None),
    (["show", "--ref", "old.xlsx"], None),  # an option's value is not the workbook
    (["show"], None),
    (["--help"], None),
    ([], None),
])
def test_the_workbook_a_command_reads_first(args, named):
    assert workbook_named(args) == named


PROGRAM = """
import json, os, sys
from paptools.read import split_early

started = []
real = split_early.EarlySplits.open

def spied(path, grown=False):
    early = real(path, grown)
    if early is not None:
        started.append((str(path), "click" in sys.modules, early._feed._child, grown))
    return early

split_early.EarlySplits.open = spied
sys.argv = ["paptools", *sys.argv[1:]]
from paptools.__main__ import run
try:
    run()
except SystemExit as done:
    code = done.code
for path, click_loaded, child, grown in started:
    try:
        os.waitpid(child, os.WNOHANG)
        left = True
    except ChildProcessError:  # reaped already
        left = False
    print("STARTED:", json.dumps([os.path.basename(path), click_loaded, left]), "grown" * grown, file=sys.stderr)
"""


def _program(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROGRAM, *args], capture_output=True, text=True, timeout=120)


def test_the_program_starts_the_child_before_click_and_prints_the_plan_the_library_reads(tmp_path):
    path = _plan(tmp_path)
    done = _program("show", "--json", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == 'STARTED: ["plan.xlsx", false, false] '  # once, before click; reaped
    printed = json.loads(done.stdout)
    assert printed == json.loads(CliRunner().invoke(main, ["show", "--json", str(path)]).output)
    assert len(printed["actions"]) == 60
    assert [(e["date"], e["initials"], e["text"][:17]) for e in printed["actions"][-1]["entries"]] == [
        ("2024-03-12", "AB", "Review 60 started"), ("2024-04-15", "CD", "Review 60 finishe")]


def test_the_first_of_two_versions_is_split_by_the_child_started_before_click(tmp_path):
    first = _plan(tmp_path)
    second = tmp_path / "plan-2.xlsx"
    rows = plan_rows(*(action(f"PAP 1.{n}", "OT", f"12/03/24: AB: Review {n} started.{FILLER}\n"
                                                  f"15/04/24 - CD - Review {n} finished.{FILLER}\n"
                                                  f"20/05/24: EF: Review {n} signed off.")
                       for n in range(1, 61)))
    housestyle.write_workbook(second, rows, Style(), when=datetime(2025, 5, 30))
    done = _program("reconcile", "--json", "--no-files", str(first), str(second))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == 'STARTED: ["plan.xlsx", false, false] grown'
    printed = json.loads(done.stdout)
    alone = CliRunner().invoke(main, ["reconcile", "--json", "--no-files", str(first), str(second)])
    assert printed == json.loads(alone.stdout)
    assert [(c["kind"], c["ref"], c["entry"]["date"], c["entry"]["text"]) for c in printed["changes"]][-1] == (
        "new progress", "PAP 1.60", "2024-05-20", "Review 60 signed off.")


def test_a_command_that_stops_before_its_read_leaves_no_child_running(tmp_path):
    path = _plan(tmp_path)
    done = _program("summary", "--as-of", "someday", str(path))
    assert done.returncode == 2
    assert "'someday' is not a date" in done.stderr
    assert done.stderr.splitlines()[-1] == 'STARTED: ["plan.xlsx", false, false] '


def test_a_child_started_on_another_workbook_is_stopped_and_the_named_one_read(tmp_path):
    path = _plan(tmp_path)
    other = tmp_path / "other.xlsx"
    other.write_bytes(path.read_bytes())
    done = _program("check", str(tmp_path / "draft.docx"), str(path))  # no draft: refused before any read
    assert done.returncode != 0
    assert done.stderr.splitlines()[-1] == 'STARTED: ["plan.xlsx", false, false] '
    assert "draft.docx" in done.stderr


def test_a_small_plan_or_another_command_starts_no_child(tmp_path):
    small = _plan(tmp_path, 3)
    done = _program("show", "--json", str(small))
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["actions"]) == 3
    assert "STARTED" not in done.stderr

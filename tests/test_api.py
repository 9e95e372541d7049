"""The library (`import paptools`), its DataFrames, and the conventions of the command line."""
from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT, WORKBOOKS, example_path

import paptools
from paptools.cli import main
from paptools.cli.app import COMMANDS

HEAVY = ("pandas", "matplotlib", "docx", "docxtpl", "xlsxwriter", "openpyxl", "numpy", "lxml")
STATUS_ORDER = ["Not yet started", "On track", "Vulnerable", "At risk", "Complete"]


def test_import_paptools_loads_none_of_the_heavy_libraries():
    code = (
        "import json, sys, paptools\n"
        "names = paptools.__all__\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_reading_a_plan_does_not_load_pandas_until_a_frame_is_asked_for():
    code = (
        "import json, sys, paptools\n"
        f"plan = paptools.read_plan({str(example_path('2025-01'))!r})\n"
        "before = 'pandas' in sys.modules\n"
        "plan.to_frame()\n"
        "print(json.dumps([before, 'pandas' in sys.modules, len(plan.actions)]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [False, True, 40]


def test_every_public_name_is_listed_and_resolves():
    assert set(paptools.__all__) == set(paptools._EXPORTS) | {"__version__"}
    for name in paptools.__all__:
        assert getattr(paptools, name) is not None, name
    assert paptools.Plan.__module__ == "paptools.model"
    assert callable(paptools.history) and callable(paptools.reconcile) and callable(paptools.read_plan)
    with pytest.raises(AttributeError):
        paptools.no_such_name  # noqa: B018


def test_plan_frame_has_the_documented_columns_and_dtypes():
    frame = paptools.read_plan(example_path("2026-04")).to_frame()
    assert len(frame) == 52
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == {
        "ref": "string", "ref_as_written": "string", "pap": "bool", "sheet": "string", "row": "int64",
        "priority_area": "string", "section": "string", "action": "string", "owner": "string",
        "timescale": "string", "original_due": "datetime64[ns]", "revised_due": "datetime64[ns]",
        "due": "datetime64[ns]", "success_criteria": "string", "progress": "string", "entries": "int64",
        "latest_entry": "datetime64[ns]", "outcome": "string", "evidence": "string", "status": "category",
        "status_source": "string",
    }
    assert frame["status"].cat.ordered and list(frame["status"].cat.categories) == STATUS_ORDER
    first = frame.iloc[0]
    assert (first["ref"], first["ref_as_written"], first["status"], first["due"]) == (
        "PAP 1.1", "PAP: 1.1", "Complete", pd.Timestamp(2023, 9, 1))
    assert frame["status"].value_counts().to_dict() == {
        "Complete": 38, "On track": 9, "Not yet started": 4, "Vulnerable": 1, "At risk": 0}
    assert (frame["status"] > "Vulnerable").sum() == 38  # ordered: At risk and Complete come after Vulnerable


def test_entries_frame_has_one_row_per_entry():
    plan = paptools.read_plan(example_path("2026-04"))
    frame = plan.entries_frame()
    assert list(frame.columns) == ["ref", "position", "date", "day_known", "initials", "author", "text", "source",
                                   "cell"]
    assert [str(t) for t in frame.dtypes] == ["string", "int64", "datetime64[ns]", "bool", "string", "string",
                                              "string", "string", "string"]
    dated = frame[(frame["ref"] == "PAP 1.7") & (frame["position"] == 1)].iloc[0]
    assert (dated["date"], dated["day_known"], dated["initials"], dated["author"]) == (
        pd.Timestamp(2024, 3, 21), True, "AB", "Amber Burton")
    assert dated["text"].startswith("LAIP had been drafted")


def test_changes_frame_has_one_row_per_change():
    result = paptools.reconcile(example_path("2025-08"), example_path("2026-04"))
    frame = result.to_frame()
    assert {n: str(t) for n, t in frame.dtypes.items()} == {
        "change": "string", "ref": "string", "priority_area": "string", "section": "string",
        "entry_date": "datetime64[ns]", "author": "string", "before": "string", "after": "string",
        "field": "string", "status_before": "category", "status_after": "category",
        "due_before": "datetime64[ns]", "due_after": "datetime64[ns]", "revised_again": "bool",
        "history_changed": "bool", "rule": "string",
    }
    assert list(frame["status_after"].cat.categories) == STATUS_ORDER and frame["status_after"].cat.ordered
    statuses = frame[frame["change"] == "status changed"][["ref", "status_before", "status_after"]].values.tolist()
    assert statuses == [["PAP 2.4", "On track", "Complete"], ["PAP 2.17", "At risk", "On track"]]
    assert frame["change"].value_counts().to_dict() == {
        "action added": 12, "status changed": 2, "new progress": 2, "timescale changed": 2}
    timescales = frame[frame["change"] == "timescale changed"]
    assert timescales[["ref", "due_before", "due_after", "revised_again"]].values.tolist() == [
        ["PAP 2.17", pd.Timestamp(2025, 12, 1), pd.Timestamp(2027, 3, 1), True],
        ["PAP 2.25", pd.Timestamp(2025, 9, 1), pd.Timestamp(2026, 9, 1), True],
    ]


def test_history_frames_have_the_documented_columns_and_dtypes():
    history = paptools.history(WORKBOOKS)
    timeline = history.to_frame()
    assert {n: str(t) for n, t in timeline.dtypes.items()} == {
        "version": "int64", "version_date": "datetime64[ns]", "source": "string", "ref": "string", "pap": "bool",
        "status": "category", "due": "datetime64[ns]", "new_entries": "int64",
    }
    assert list(timeline["status"].cat.categories) == STATUS_ORDER and timeline["status"].cat.ordered
    assert len(timeline) == 6 * 40 + 52
    counts = history.counts_frame()
    assert counts["all_complete"].tolist() == [14, 18, 27, 33, 35, 37, 38]
    assert counts["pap_total"].tolist() == [40, 40, 40, 40, 40, 40, 40]
    assert str(counts["version_date"].dtype) == "datetime64[ns]" and counts["version_date"].is_monotonic_increasing
    slipped = history.slipped_frame()
    assert str(slipped["version"].dtype) == "Int64" and str(slipped["due_after"].dtype) == "datetime64[ns]"
    assert slipped[slipped["ref"] == "PAP 2.17"]["due_after"].tolist() == [
        pd.Timestamp(2025, 3, 1), pd.Timestamp(2025, 12, 1), pd.Timestamp(2027, 3, 1)]
    completed = history.completed_frame()
    assert str(completed["within_timescale"].dtype) == "boolean" and len(completed) == 38


def _commands():
    return sorted(COMMANDS)


@pytest.mark.parametrize("command", [None, *_commands()])
def test_every_command_help_has_a_worked_example(command):
    args = ["--help"] if command is None else [command, "--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    example = f"paptools {command} " if command else "paptools "
    lines = [line.strip() for line in result.output.splitlines()]
    assert any(line.startswith(example) for line in lines), result.output


def test_no_color_turns_colour_off():
    args = ["summary", str(example_path("2025-01")), "--as-of", "2025-01-31"]
    coloured = CliRunner().invoke(main, args, color=True)
    plain = CliRunner().invoke(main, args, color=True, env={"NO_COLOR": "1"})
    assert coloured.exit_code == plain.exit_code == 0
    assert "\x1b[" in coloured.output
    assert "\x1b[" not in plain.output
    assert plain.stdout.splitlines()[0] == "Figures for oldham-send-pap-2025-01.xlsx (as of 31 January 2025)"


def _scripts():
    """Every file meant to be run (one with a `__main__` block), outside the package."""
    found = [p for folder in ("workbooks", "benchmarks", "tests") for p in sorted((ROOT / folder).rglob("*.py"))
             if re.search(r"^if __name__ == .__main__.:", p.read_text(encoding="utf-8"), re.M)]
    assert ROOT / "workbooks" / "build.py" in found and ROOT / "benchmarks" / "history_bench.py" in found
    return found


@pytest.mark.parametrize("script", _scripts(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_script_answers_help(script):
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=60,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "usage" in done.stdout.lower()


def _text_io_without_encoding(tree: ast.AST) -> list[int]:
    """Lines that open, read or write text with the locale's encoding (cp1252 on Windows)."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or any(k.arg == "encoding" for k in node.keywords):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in ("read_text", "write_text"):
            lines.append(node.lineno)
        elif name in ("open", "fdopen") and (isinstance(func, ast.Name) or name == "fdopen"):
            modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
            modes += [k.value.value for k in node.keywords if k.arg == "mode" and isinstance(k.value, ast.Constant)]
            if not any("b" in str(m) for m in modes):
                lines.append(node.lineno)
    return lines


def test_the_package_names_the_encoding_of_every_text_file_it_opens():
    found = {}
    for path in sorted((ROOT / "paptools").rglob("*.py")):
        lines = _text_io_without_encoding(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[str(path.relative_to(ROOT))] = lines
    assert found == {}

"""Shared fixtures: the example workbooks, and small workbooks built inside the tests."""
from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKBOOKS = ROOT / "workbooks"
sys.path.insert(0, str(WORKBOOKS))
sys.path.insert(0, str(ROOT / "benchmarks"))

from plain_python import is_compiled, use_plain_python  # noqa: E402

if os.environ.get("PAPTOOLS_PLAIN") == "1":  # the suite as it runs where the reader is not compiled (.ci/run)
    use_plain_python()

import build  # noqa: E402
import housestyle  # noqa: E402
from housestyle import Row, Style  # noqa: E402

from paptools.read.plan import read_plan  # noqa: E402

STATUS_WORDS = housestyle.STATUS_WORDS
COMPILED = is_compiled()


def pytest_collection_modifyitems(config, items):
    """Tests marked plain_python check the reader's own mechanics by replacing a function inside it (which
    compiled code calls directly) or by the objects it shares (which compiled code makes its own way): they
    run where the reader is plain Python (PAPTOOLS_PLAIN=1, as .ci/run runs the suite a second time)."""
    if COMPILED:
        skip = pytest.mark.skip(reason="checks the plain-Python reader's mechanics: runs with PAPTOOLS_PLAIN=1")
        for item in items:
            if "plain_python" in item.keywords:
                item.add_marker(skip)


def example_path(version: str) -> Path:
    return WORKBOOKS / build.file_name(version)


@pytest.fixture(scope="session")
def example_plans():
    """The four example versions, read once: version -> Plan."""
    return {version: read_plan(example_path(version)) for version in build.VERSIONS}


def action(ref, status="OT", progress="", *, title=None, owner="Amber Burton", timescale="Sep-24",
           fill=None, status_text=None, **more) -> Row:
    """One action row, with sensible defaults so a test shows only what it is about."""
    values = {
        "ref": ref, "action": f"Action {ref}" if title is None else title, "owner": owner, "timescale": timescale,
        "success": "Success criteria", "progress": progress, "outcome": "Outcome", "evidence": "Evidence",
    }
    values.update(more)
    return Row("action", values=values, status=status, fill=fill, status_text=status_text)


def plan_rows(*actions: Row, title="Priority Action Plan", key=True, section="PAP 1") -> list[Row]:
    rows = [Row("title", title), Row("header")]
    if section:
        rows.append(Row("section", section))
    rows.extend(actions)
    if key:
        rows += [Row("blank"), Row("key")]
    return rows


@pytest.fixture
def make_workbook(tmp_path):
    """Write rows (or named sheets of rows) in a house style and return the file's path."""
    counter = iter(range(1000))

    def make(rows, style: Style | None = None, name: str | None = None) -> Path:
        path = tmp_path / (name or f"plan-{next(counter)}.xlsx")
        housestyle.write_workbook(path, rows, style or Style(), when=datetime(2025, 1, 15))
        return path

    return make

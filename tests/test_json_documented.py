"""The README documents every key the JSON documents hold, and no key they do not: an officer's
script written from the README reads what is printed."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import example_path

from paptools.api import reconcile, summarize
from paptools.read.plan import read_plan
from paptools.write.jsondoc import plan_document, reconcile_document

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _section(start: str, end: str) -> str:
    return README[README.index(start):README.index(end, README.index(start))]


def _keys(text: str) -> set[str]:
    return set(re.findall(r"`([a-z_0-9]+)`", text))


def test_the_show_json_keys_are_the_documented_ones():
    plan = read_plan(example_path("2025-08"))
    document = plan_document(plan, summarize(plan))
    table = _section("`show --json` and `summary --json` print one document:", "`reconcile --json` prints:")
    documented = {row.split("|")[1].strip() for row in table.splitlines() if row.startswith("| `")}
    assert {key for row in documented for key in _keys(row)} == set(document)
    assert set(document["actions"][0]) <= _keys(table)
    assert set(document["counts"]["all"]) <= _keys(table)


def test_the_reconcile_json_keys_are_the_documented_ones():
    result = reconcile([example_path("2025-04"), example_path("2025-08")])
    document = reconcile_document(result)
    text = _section("`reconcile --json` prints:", "## Exit codes")
    assert set(document) <= _keys(text)
    assert set(document["changes"][0]) <= _keys(text)
    assert set(document["completions"][0]) <= _keys(text)

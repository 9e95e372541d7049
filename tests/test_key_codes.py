"""Statuses written as codes (1-4) that a Key sheet's table (Code | Meaning) defines: `inspect`,
the warnings and `lint` say what the plan's own Key says, headers with line breaks are shown on
one line, and a code the Key gives a meaning that fits no status is reported as such. Expected
text is written out as an officer reads it."""
from __future__ import annotations

from datetime import date

from test_layout import build

from paptools.check.lint import lint_plan
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

HEADER = ["Ref", "Workstream", "Deliverable", "Responsible\nofficer", "By when", "RAG rating\n(1-4)", "Progress update"]
ROWS = [
    ["W1.1", "Identification", "Recruit two Designated Clinical Officers", "Amir Bashir", "Mar 2025", 2,
     "14th October 2024 (AB): Posts out to advert."],
    ["W1.2", "Identification", "Agree a neurodevelopmental pathway", "Karen Lowe", "Mar 2025", 3,
     "14th October 2024 - Chapter drafted."],
    ["W1.3", "Identification", "Train SENCOs", "Paul Davies", "Dec 2024", 4, "14th October 2024 (PD): Done."],
    ["W2.1", "Health", "Agree a Section 75", "Helen Wright", "Mar 2025", 1, None],
]
KEY = [["Code", "Meaning"], [1, "Not started"], [2, "In progress - on track"], [3, "In progress - delayed"],
       [4, "Completed"]]


def test_codes_a_key_table_defines_are_shown_with_the_keys_meanings_and_headers_on_one_line(tmp_path):
    plan = read_plan(build(tmp_path / "dunmere-pap.xlsx", {"PAP": [HEADER, *ROWS], "Key": KEY}))
    shown = render_layout("dunmere-pap.xlsx", plan.layout, plan)
    assert "  Owner            <- column D 'Responsible officer'\n" in shown
    assert "  RA status        <- column F 'RAG rating (1-4)'\n" in shown
    assert ("  Status           <- column F text, scale from sheet Key A2:B5:\n"
            "       '1' -> Not yet started (the plan's Key gives it as 'Not started', used 1x)\n"
            "       '2' -> On track (the plan's Key gives it as 'In progress - on track', used 1x)\n"
            "       '3' -> Vulnerable (the plan's Key gives it as 'In progress - delayed', used 1x)\n"
            "       '4' -> Complete (the plan's Key gives it as 'Completed', used 1x)\n") in shown
    assert "'Code'" not in shown  # the Key table's own header is no status word


def test_lint_flags_only_the_code_the_key_gives_no_status_and_says_so(tmp_path):
    key = [row if row[0] != 3 else [3, "Superseded by another action"] for row in KEY]
    plan = read_plan(build(tmp_path / "dunmere-pap.xlsx", {"PAP": [HEADER, *ROWS], "Key": key}))
    found = [(f.ref, f.message, f.fix) for f in lint_plan(plan, date(2025, 1, 31)) if f.rule == "status-word"]
    assert found == [(
        "W1.2",
        "W1.2's status '3' is in the plan's Key but fits none of the five statuses (the plan's Key gives it as "
        "'Superseded by another action', which fits no status): it is counted as unknown.",
        "Say what '3' counts as under [statuses] in paptools.toml, or write one of the Key's words that has a "
        "status: 1 (Not yet started), 2 (On track) or 4 (Complete).",
    )]


def test_lint_names_the_five_statuses_when_the_plan_has_no_key(tmp_path):
    rows = [["Ref", "Action", "Owner", "Due", "RAG"], ["1.1", "Train SENCOs", "Paul Davies", "Mar 2025", "Purple"]]
    plan = read_plan(build(tmp_path / "PAP.xlsx", {"PAP": rows}))
    found = [(f.message, f.fix) for f in lint_plan(plan, date(2025, 1, 31)) if f.rule == "status-word"]
    assert found == [("1.1's status 'Purple' is not one of the plan's statuses.",
                      "Write one of the five statuses: Complete, On track, Not yet started, Vulnerable or At risk.")]

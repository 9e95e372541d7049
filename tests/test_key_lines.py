"""A Key written one line a cell, each a colour and its meaning ("Blue - completed"), the white
line left unfilled as officers leave it: every line is the Key's, and a blank RA cell is what
the white line says only where the Key has one. Expected values are written out as an officer
reads them."""
from __future__ import annotations

from test_layout import build

from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

HEADER = ["Ref", "Action", "Lead officer", "Target date", "Status", "Latest update"]
ACTIONS = [
    ["S1", "Publish the local offer", "Amir Bashir", "Mar-25", None, "Jan 25: Published."],
    ["S2", "Train SENCOs", "Karen Lowe", "Mar-25", None, "Jan 25: Two sessions held."],
    ["S3", "Audit EHC plans", "Paul Davies", "Mar-25", None, "Jan 25: Behind by a month."],
    ["S4", "Recruit two DCOs", "Rachel Turner", "Mar-25", None, "Jan 25: Posts out to advert."],
    ["S5", "Agree a neurodevelopmental pathway", "Helen Wright", "Mar-25", None, None],
]
FILLS = {("Actions", "E2"): "0070C0", ("Actions", "E3"): "00B050", ("Actions", "E4"): "FFC000",
         ("Actions", "E5"): "FF0000", ("Key", "A2"): "0070C0", ("Key", "A3"): "00B050", ("Key", "A4"): "FFC000",
         ("Key", "A5"): "FF0000"}
KEY = [["Key"], ["Blue - completed"], ["Green - on track"], ["Amber - some slippage"], ["Red - significant concern"]]


def statuses(plan):
    return {a.ref: a.status.value if a.status else None for a in plan.actions}


def test_an_unfilled_white_key_line_gives_a_blank_status_cell_its_meaning(tmp_path):
    path = build(tmp_path / "white.xlsx", {"Actions": [HEADER, *ACTIONS],
                                           "Key": [*KEY, ["White - not yet started"]]}, FILLS)
    plan = read_plan(path)
    assert statuses(plan) == {"S1": "Complete", "S2": "On track", "S3": "Vulnerable", "S4": "At risk",
                              "S5": "Not yet started"}
    assert [w.line() for w in plan.warnings] == []
    assert ("  Status           <- column E fill, scale from sheet Key A2:A6:\n"
            "       'Blue - completed' -> Complete (starts with 'blue': blue in a BRAG scale means complete -> Complete, "
            "colour 0070C0)\n") in render_layout("white.xlsx", plan.layout, plan)
    assert ("       'White - not yet started' -> Not yet started (starts with 'white': white in a RAG scale means not "
            "started -> Not yet started)\n") in render_layout("white.xlsx", plan.layout, plan)


def test_without_a_white_key_line_a_blank_status_cell_is_unknown(tmp_path):
    path = build(tmp_path / "no-white.xlsx", {"Actions": [HEADER, *ACTIONS], "Key": KEY}, FILLS)
    plan = read_plan(path)
    assert statuses(plan) == {"S1": "Complete", "S2": "On track", "S3": "Vulnerable", "S4": "At risk", "S5": None}
    assert [w.line() for w in plan.warnings] == [
        "Actions!E6: S5 has no status (the RA cell is blank); status unknown"]

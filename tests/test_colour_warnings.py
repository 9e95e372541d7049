"""A green a shade off the Key's on many rows is one warning naming its actions, not one per cell:
thirty of the same line buried the warnings that matter."""
from __future__ import annotations

from test_layout import build

from paptools.read.plan import read_plan

HEADER = ["Ref", "Action", "Owner", "Timescale", "Progress", "RAG"]
KEY = [["Key"], ["Complete"], ["On track"], ["Vulnerable"], ["At risk"]]
KEY_FILLS = {("Key", "A2"): "0070C0", ("Key", "A3"): "00B050", ("Key", "A4"): "FFC000", ("Key", "A5"): "FF0000"}


def _plan(tmp_path, fills):
    rows = [[f"1.{n}", f"Action {n}", "Ann Lee", "Dec-25", "Nov 24: begun.", None] for n in range(1, 7)]
    return read_plan(build(tmp_path / "plan.xlsx", {"Actions": [HEADER, *rows], "Key": KEY},
                           {**KEY_FILLS, **{("Actions", f"F{row}"): rgb for row, rgb in fills.items()}}))


def test_many_cells_of_one_colour_the_key_lacks_share_one_warning(tmp_path):
    plan = _plan(tmp_path, {2: "92D050", 3: "92D050", 4: "00B050", 5: "92D050", 6: "C00000", 7: "92D050"})
    assert [a.status.value if a.status else None for a in plan.actions] == [
        "On track", "On track", "On track", "On track", "At risk", "On track"]
    assert [(w.cell, w.message) for w in plan.warnings] == [
        ("F2", "fill colour 92D050 is not one of the Key's colours; read as On track (nearest Key colour 00B050) "
               "(4 actions: 1.1, 1.2, 1.4, 1.6)"),
        ("F6", "fill colour C00000 is not one of the Key's colours; read as At risk (nearest Key colour FF0000)")]


def test_two_cells_of_one_colour_are_each_named(tmp_path):
    plan = _plan(tmp_path, {2: "92D050", 3: "00B050", 4: "92D050", 5: "0070C0", 6: "0070C0", 7: "0070C0"})
    assert [(w.cell, w.message) for w in plan.warnings] == [
        ("F2", "fill colour 92D050 is not one of the Key's colours; read as On track (nearest Key colour 00B050)"),
        ("F4", "fill colour 92D050 is not one of the Key's colours; read as On track (nearest Key colour 00B050)")]

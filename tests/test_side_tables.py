"""Two tables of actions side by side on one sheet (A:F and H:M, each with its own header row):
the left one is read; the right one is never folded into the left one's actions as extra columns,
and one warning names its range and how many rows it holds that were not read. Expected values
are written out as an officer reads the workbook."""
from __future__ import annotations

from test_layout import build

from paptools.read.plan import read_plan

HEADER = ["Ref", "Action", "Lead", "Due", "Status", "Progress"]
LEFT = [
    ["Action 1", "Set up a transition panel", "Amir Bashir", "Mar 2025", "on track", "Nov 2024: panel met."],
    ["Action 2", "Cut paediatric waits", "Karen Lowe", "Mar 2025", "delayed", "Dec 2024: posts advertised."],
]
RIGHT = [
    ["Action 6", "Refresh the JSNA chapter", "Helen Wright", "Mar 2025", "on track", "Oct 2024: drafted."],
    ["Action 7", "Early years toolkit", "Sunita Chauhan", "Mar 2025", "delayed", "Nov 2024: piloted."],
    ["Action 8", "Parent workshops", "Jane Smith", "Mar 2025", "complete", "Dec 2024: held."],
]


def test_a_second_table_beside_the_first_is_not_folded_into_its_actions(tmp_path):
    rows = [["Plan"], [*HEADER, None, *HEADER],
            [*LEFT[0], None, *RIGHT[0]], [*LEFT[1], None, *RIGHT[1]], [None] * 7 + RIGHT[2]]
    plan = read_plan(build(tmp_path / "plan.xlsx", {"PAP": rows}))
    assert [(a.ref, a.title) for a in plan.actions] == [
        ("1", "Set up a transition panel"), ("2", "Cut paediatric waits")]
    assert all(not a.extra for a in plan.actions)
    assert [w.line() for w in plan.warnings] == [
        "PAP!H2:M5: a second table beside the one read (columns H:M, header 'Ref', 'Action', 'Lead', 'Due' ...) "
        "is not read: its 3 rows are not counted as actions (move it under the first table, or onto a sheet of "
        "its own)"]

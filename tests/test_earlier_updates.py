"""Plans that keep the latest update in one column and the earlier ones in another ("Latest
update" | "Previous updates"): both are the action's progress, so an update moved from one
column to the other between versions is neither new nor lost. Expected values are written out
as an officer reads them."""
from __future__ import annotations

from test_layout import build as workbook

from paptools.compare.diff import diff_plans
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

HEADER = ["Ref", "Action", "Owner", "Timescale", "Status", "Latest update", "Previous updates", "Next steps"]


def build(path, rows, header=HEADER):
    """A one-sheet plan ("Plan") of these rows under this header."""
    return workbook(path, {"Plan": [header, *rows]})


def entries(action):
    return [(e.date.iso() if e.date else None, e.text, e.cell) for e in action.entries]


JANUARY = [
    ["1.1", "Publish the Local Offer", "Jane Smith", "Mar 2025", "On track", "Jan 25: Draft written.",
     "Nov 24: Scoping done.", "Consult parents."],
    ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "At risk", "Jan 25: No venue yet.", None, "Book a venue."],
]
MARCH = [
    ["1.1", "Publish the Local Offer", "Jane Smith", "Mar 2025", "Complete", "Mar 25: Published.",
     "Nov 24: Scoping done.\nJan 25: Draft written.", None],
    ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "On track", "Mar 25: Venue booked.", "Jan 25: No venue yet.",
     "Run the sessions."],
]


def test_the_earlier_updates_column_is_progress_before_the_latest(tmp_path):
    plan = read_plan(build(tmp_path / "march.xlsx", MARCH))
    first, second = plan.actions
    assert entries(first) == [
        ("2024-11", "Scoping done.", "Plan!G2"),
        ("2025-01", "Draft written.", "Plan!G2"),
        ("2025-03", "Published.", "Plan!F2"),
    ]
    assert entries(second) == [("2025-01", "No venue yet.", "Plan!G3"), ("2025-03", "Venue booked.", "Plan!F3")]
    assert dict(first.extra) == {}
    assert dict(second.extra) == {"Next steps": "Run the sessions."}
    assert [w.line() for w in plan.warnings if "Previous" in w.message] == []


def test_an_update_moved_to_the_earlier_column_is_not_new_and_not_removed(tmp_path):
    previous = read_plan(build(tmp_path / "january.xlsx", JANUARY))
    current = read_plan(build(tmp_path / "march.xlsx", MARCH))
    diff = diff_plans(previous, current)
    assert [(n.ref, n.entry.date.iso(), n.entry.text) for n in diff.new_entries] == [
        ("1.1", "2025-03", "Published."),
        ("1.2", "2025-03", "Venue booked."),
    ]
    assert diff.removed_entries == () and diff.edited_entries == ()


def test_inspect_says_the_earlier_updates_are_read_too(tmp_path):
    plan = read_plan(build(tmp_path / "march.xlsx", MARCH))
    text = render_layout("march.xlsx", plan.layout, plan)
    assert "  Progress         <- column F 'Latest update'\n" in text
    assert "  Progress         <- column G 'Previous updates' too: earlier updates, each dated by its own text\n" in text
    assert "Kept as extra columns: H 'Next steps'" in text


def test_update_history_beside_a_progress_column_written_newest_first(tmp_path):
    header = ["Ref", "Action", "Owner", "Timescale", "Status", "Progress", "Update history"]
    rows = [["1.1", "Publish the Local Offer", "Jane Smith", "Mar 2025", "On track",
             "Mar 25: Published.", "Feb 25: Consulted.\nJan 25: Drafted.\nDec 24: Scoped."]]
    plan = read_plan(build(tmp_path / "newest.xlsx", rows, header))
    assert str(plan.layout.entry_order) == "newest first"
    assert entries(plan.actions[0]) == [
        ("2025-03", "Published.", "Plan!F2"),
        ("2025-02", "Consulted.", "Plan!G2"),
        ("2025-01", "Drafted.", "Plan!G2"),
        ("2024-12", "Scoped.", "Plan!G2"),
    ]

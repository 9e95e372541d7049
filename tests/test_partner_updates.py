"""Joint plans that keep one progress column per partner ("Education update" | "Health update")
and one lead per partner ("Lead (LA)" | "Lead (ICB)"): every partner's updates are the action's
progress, in time order with the others', and every partner's lead is one of its owners.
Columns that could each be the Progress column but are not told apart by a partner's name
("Progress" | "Comments") are still one column read and the other reported. Expected values are
written out as an officer reads them."""
from __future__ import annotations

from click.testing import CliRunner
from test_layout import build as workbook

from paptools.cli import main
from paptools.compare.diff import diff_plans
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

HEADER = ["Ref", "Action", "Lead (LA)", "Lead (ICB)", "Timescale", "Status", "Education update", "Health update"]


def build(path, rows, header=HEADER):
    """A one-sheet plan ("Joint plan") of these rows under this header."""
    return workbook(path, {"Joint plan": [header, *rows]})


def entries(action):
    return [(e.date.iso() if e.date else None, e.author, e.text, e.cell) for e in action.entries]


JANUARY = [
    ["1.1", "Publish the Local Offer", "Jane Smith", "Mary Owen", "Mar 2025", "On track",
     "14/11/24 JS: Scoping done.\n14/01/25 JS: Draft written.", "03/12/24 MO: Health pages drafted."],
    ["1.2", "Train SENCOs", "Bob Jones", "Hugh Wells", "Jun 2025", "At risk", "14/01/25 BJ: No venue yet.", None],
]
MARCH = [
    ["1.1", "Publish the Local Offer", "Jane Smith", "Mary Owen", "Mar 2025", "Complete",
     "14/11/24 JS: Scoping done.\n14/01/25 JS: Draft written.\n12/03/25 JS: Published.",
     "03/12/24 MO: Health pages drafted.\n20/02/25 MO: Therapies added."],
    ["1.2", "Train SENCOs", "Bob Jones", "Hugh Wells", "Jun 2025", "On track", "14/01/25 BJ: No venue yet.",
     "20/02/25 HW: Clinic staff booked on."],
]


def test_both_partners_updates_are_the_actions_entries_in_date_order(tmp_path):
    plan = read_plan(build(tmp_path / "march.xlsx", MARCH))
    first, second = plan.actions
    assert entries(first) == [
        ("2024-11-14", "Jane Smith", "Scoping done.", "Joint plan!G2"),
        ("2024-12-03", "Mary Owen", "Health pages drafted.", "Joint plan!H2"),
        ("2025-01-14", "Jane Smith", "Draft written.", "Joint plan!G2"),
        ("2025-02-20", "Mary Owen", "Therapies added.", "Joint plan!H2"),
        ("2025-03-12", "Jane Smith", "Published.", "Joint plan!G2"),
    ]
    assert entries(second) == [
        ("2025-01-14", "Bob Jones", "No venue yet.", "Joint plan!G3"),
        ("2025-02-20", "Hugh Wells", "Clinic staff booked on.", "Joint plan!H3"),
    ]
    assert "Health update: 20/02/25 HW: Clinic staff booked on." in second.progress


def test_each_partners_lead_is_an_owner(tmp_path):
    plan = read_plan(build(tmp_path / "march.xlsx", MARCH))
    first, second = plan.actions
    assert (first.owner, first.owners) == ("Jane Smith", ("Jane Smith", "Mary Owen"))
    assert (second.owner, second.owners) == ("Bob Jones", ("Bob Jones", "Hugh Wells"))
    assert dict(first.extra) == {"Lead (ICB)": "Mary Owen"}  # still shown beside the action, as written
    assert [w.line() for w in plan.warnings] == []


def test_a_partners_new_update_is_new_progress(tmp_path):
    previous = read_plan(build(tmp_path / "january.xlsx", JANUARY))
    current = read_plan(build(tmp_path / "march.xlsx", MARCH))
    diff = diff_plans(previous, current)
    assert sorted((n.ref, n.entry.date.iso(), n.entry.text) for n in diff.new_entries) == [
        ("1.1", "2025-02-20", "Therapies added."),
        ("1.1", "2025-03-12", "Published."),
        ("1.2", "2025-02-20", "Clinic staff booked on."),
    ]
    assert diff.removed_entries == () and diff.edited_entries == ()


def test_inspect_says_both_columns_are_read_as_progress_and_both_leads_as_owners(tmp_path):
    plan = read_plan(build(tmp_path / "march.xlsx", MARCH))
    text = render_layout("march.xlsx", plan.layout, plan)
    assert "  Owner            <- column C 'Lead (LA)'\n" in text
    assert "  Owner            <- column D 'Lead (ICB)' too: its names are owners as well\n" in text
    assert "  Progress         <- column G 'Education update' (key word, 85%)\n" in text
    assert ("  Progress         <- column H 'Health update' too: a partner's updates, each dated by its own text, "
            "in date order with the others\n") in text
    assert "Kept as extra columns: D 'Lead (ICB)'\n" in text


def test_team_progress_columns_newest_first(tmp_path):
    header = ["Ref", "Action", "Owner", "Timescale", "Status", "LA progress", "ICB progress", "Social care update"]
    rows = [["1.1", "Publish the Local Offer", "Jane Smith", "Mar 2025", "On track",
             "Mar 25: Published.\nJan 25: Drafted.", "Feb 25: Therapies added.", "Dec 24: Care pages agreed."]]
    plan = read_plan(build(tmp_path / "teams.xlsx", rows, header))
    assert str(plan.layout.entry_order) == "newest first"
    assert entries(plan.actions[0]) == [
        ("2025-03", None, "Published.", "Joint plan!F2"),
        ("2025-02", None, "Therapies added.", "Joint plan!G2"),
        ("2025-01", None, "Drafted.", "Joint plan!F2"),
        ("2024-12", None, "Care pages agreed.", "Joint plan!H2"),
    ]
    assert plan.actions[0].extra == ()


def test_progress_and_comments_are_still_one_column_and_a_warning(tmp_path):
    header = ["Ref", "Action", "Owner", "Timescale", "Status", "Progress", "Comments"]
    rows = [["1.1", "Publish the Local Offer", "Jane Smith", "Mar 2025", "On track", "Jan 25: Drafted.",
             "Feb 25: Checked."]]
    plan = read_plan(build(tmp_path / "unclear.xlsx", rows, header))
    assert entries(plan.actions[0]) == [("2025-01", None, "Drafted.", "Joint plan!F2")]
    assert dict(plan.actions[0].extra) == {"Comments": "Feb 25: Checked."}
    assert [w.line() for w in plan.warnings] == [
        "Joint plan!G1: column G 'Comments' could also be the Progress column; column F 'Progress' is used (name "
        "the right one in paptools.toml)"]


def test_an_accountable_and_a_responsible_owner_are_not_partners(tmp_path):
    header = ["Ref", "Action", "Accountable lead", "Responsible lead", "Timescale", "Status", "Progress"]
    rows = [["1.1", "Publish the Local Offer", "Jane Smith", "Mary Owen", "Mar 2025", "On track", "Jan 25: Drafted."]]
    plan = read_plan(build(tmp_path / "roles.xlsx", rows, header))
    assert plan.actions[0].owners == ("Jane Smith",)
    assert dict(plan.actions[0].extra) == {"Responsible lead": "Mary Owen"}


def test_a_line_under_a_partners_update_stays_with_it_in_date_order(tmp_path):
    rows = [["1.1", "Publish the Local Offer", "Jane Smith", "Mary Owen", "Mar 2025", "On track",
             "14/11/24 JS: Scoping done.\n14/01/25 JS: Draft written.",
             "03/12/24 MO: Health pages drafted.\nTherapists to review the pages."]]
    plan = read_plan(build(tmp_path / "undated.xlsx", rows))
    assert [(date, text) for date, _, text, _ in entries(plan.actions[0])] == [
        ("2024-11-14", "Scoping done."),
        ("2024-12-03", "Health pages drafted.\nTherapists to review the pages."),
        ("2025-01-14", "Draft written."),
    ]


def test_the_style_file_names_both_leads_owner_and_reads_the_plan_the_same_way(tmp_path):
    path = build(tmp_path / "march.xlsx", MARCH)
    result = CliRunner().invoke(main, ["inspect", str(path), "--write-style"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "paptools.toml").read_text(encoding="utf-8")
    assert '"Lead (LA)" = "owner"\n"Lead (ICB)" = "owner"\n' in written
    plan = read_plan(path)  # through the paptools.toml just written
    assert plan.actions[1].owners == ("Bob Jones", "Hugh Wells")
    assert [text for _, _, text, _ in entries(plan.actions[1])] == ["No venue yet.", "Clinic staff booked on."]

"""A workbook holding the plan twice: last quarter's position kept beside the live sheet (the same
actions, other statuses and progress). The live copy is counted, the other named in a warning;
before, the live sheet was taken for a view of the old one and the old position counted."""
from __future__ import annotations

from test_layout import build

from paptools.read.plan import read_plan

HEADER = ["Ref", "Action", "Lead officer", "Target date", "RAG", "Latest update"]
LIVE = [HEADER,
        ["K1", "Publish the local offer", "Ann Lee", "Mar-25", "Complete",
         "Jan 25: Published.\nOct 24: Draft written."],
        ["K2", "Train SENCOs", "Bo Khan", "Jun-25", "On track", "Jan 25: Two sessions held.\nOct 24: Scoping."],
        ["K3", "Review EHCP timeliness", "Cy Dee", "Sep-25", "Red", "Jan 25: Backlog grew.\nOct 24: Scoping."],
        ["K4", "Set up the parent forum", "Ann Lee", "Dec-25", "Amber", "Jan 25: First meeting set.\nOct 24: Scoping."]]
OLD = [HEADER, *([ref, action, lead, due, "Amber", "Oct 24: Scoping."] for ref, action, lead, due, *_ in LIVE[1:])]


def _read(plan):
    return [(a.ref, a.sheet, a.status.value if a.status else None, len(a.entries)) for a in plan.actions]


def test_a_hidden_older_copy_beside_the_live_sheet_is_not_counted(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"PAP": LIVE, "Oct 24 position": OLD}, hidden_sheets=frozenset({"Oct 24 position"})))
    assert _read(plan) == [("K1", "PAP", "Complete", 2), ("K2", "PAP", "On track", 2),
                           ("K3", "PAP", "At risk", 2), ("K4", "PAP", "Vulnerable", 2)]
    assert ("Oct 24 position", "an older copy of sheet PAP (the same actions, other statuses or progress): "
                               "not counted") in [(u.sheet, u.what) for u in plan.layout.unused]
    assert [w.message for w in plan.warnings if w.sheet == "Oct 24 position"] == [
        "this sheet holds the same actions as sheet PAP with other statuses or progress: taken for an older copy "
        "of the plan and not counted (it is hidden in Excel and sheet PAP is not); if it is the live plan, name it "
        "in paptools.toml: sheets = [\"Oct 24 position\"]"]


def test_of_two_visible_copies_the_one_with_more_progress_is_counted_though_an_action_was_added(tmp_path):
    added = [*LIVE, ["K5", "Recruit two EPs", "Bo Khan", "Jul-25", "Amber", "Jan 25: Advert out."]]
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Oct 24 position": OLD, "PAP": added}))  # the old one first
    assert [(ref, sheet) for ref, sheet, _, _ in _read(plan)] == [
        ("K1", "PAP"), ("K2", "PAP"), ("K3", "PAP"), ("K4", "PAP"), ("K5", "PAP")]
    assert [w.message for w in plan.warnings if w.sheet == "Oct 24 position"] == [
        "this sheet holds the same actions as sheet PAP with other statuses or progress: taken for an older copy "
        "of the plan and not counted (the progress of sheet PAP is the longer, and progress grows with each "
        "update); if it is the live plan, name it in paptools.toml: sheets = [\"Oct 24 position\"]"]


def test_a_view_of_the_same_rows_is_still_read_once_without_a_warning(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"PAP": LIVE, "Red actions": [HEADER, LIVE[3]]}))
    assert [(ref, sheet) for ref, sheet, _, _ in _read(plan)] == [("K1", "PAP"), ("K2", "PAP"), ("K3", "PAP"),
                                                                  ("K4", "PAP")]
    assert [w for w in plan.warnings if w.sheet == "Red actions"] == []


def test_sheets_sharing_a_few_refs_are_each_read(tmp_path):
    other = [HEADER, ["K1", "Publish the local offer", "Ann Lee", "Mar-25", "Amber", "Oct 24: Scoping."],
             ["K7", "Audit transport", "Di Ek", "May-25", "Green", "Jan 25: Audit begun."],
             ["K8", "Train panel members", "Di Ek", "May-25", "Green", "Jan 25: Dates set."]]
    plan = read_plan(build(tmp_path / "plan.xlsx", {"PAP": LIVE, "Transport": other}))
    assert [(ref, sheet) for ref, sheet, _, _ in _read(plan)] == [
        ("K1", "PAP"), ("K2", "PAP"), ("K3", "PAP"), ("K4", "PAP"),
        ("K1 (2nd)", "Transport"), ("K7", "Transport"), ("K8", "Transport")]


def test_a_filtered_sheet_left_behind_by_the_live_one_is_not_counted_twice(tmp_path):
    stale = [HEADER, ["K3", "Review EHCP timeliness", "Cy Dee", "Sep-25", "Amber", "Oct 24: Scoping."]]
    plan = read_plan(build(tmp_path / "plan.xlsx", {"PAP": LIVE, "Red actions": stale}))
    assert [(ref, sheet, status) for ref, sheet, status, _ in _read(plan)] == [
        ("K1", "PAP", "Complete"), ("K2", "PAP", "On track"), ("K3", "PAP", "At risk"), ("K4", "PAP", "Vulnerable")]
    assert [w.message.split(":")[0] for w in plan.warnings if w.sheet == "Red actions"] == [
        "this sheet holds the same actions as sheet PAP with other statuses or progress"]


def test_of_copies_kept_one_a_board_the_sheet_named_for_the_later_month_is_counted(tmp_path):
    """Sheets "Nov 24" and "Jan 25", each the whole plan at that board: January's is the live plan,
    whatever order the sheets are in and though neither's progress is the longer."""
    header = ["Ref", "Action", "Owner", "Due", "RAG", "Progress"]
    nov = [header, ["1", "EHCP timeliness", "SEN", "Mar-25", "A", "55%"], ["2", "Annual reviews", "SEN", "Jun-25", "R", "Backlog 380"]]
    jan = [header, ["1", "EHCP timeliness", "SEN", "Mar-25", "G", "61%"], ["2", "Annual reviews", "SEN", "Jun-25", "A", "Backlog 300"]]
    for sheets in ({"Nov 24": nov, "Jan 25": jan}, {"Jan 25": jan, "Nov 24": nov}):
        plan = read_plan(build(tmp_path / "boards.xlsx", sheets))
        assert [(a.ref, a.sheet, a.status.value, [e.text for e in a.entries]) for a in plan.actions] == [
            ("1", "Jan 25", "On track", ["61%"]), ("2", "Jan 25", "Vulnerable", ["Backlog 300"])]
        assert [w.line() for w in plan.warnings] == [
            "Nov 24: this sheet holds the same actions as sheet Jan 25 with other statuses or progress: taken for an "
            "older copy of the plan and not counted (sheet Jan 25 is named for the later month); if it is the live "
            "plan, name it in paptools.toml: sheets = [\"Nov 24\"]"]

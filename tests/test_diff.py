"""Reconciling two versions: every kind of change officers make, and nothing invented."""
from __future__ import annotations

from datetime import date

import pytest
from conftest import action, plan_rows
from conftest import example_path as build_path
from test_layout import build

from paptools.compare.changes import ChangeKind, list_changes
from paptools.compare.completion import Timeliness, completion
from paptools.compare.diff import diff_plans, diff_since
from paptools.compare.figures import summarize
from paptools.model import Month, Status
from paptools.read.plan import read_plan

P11 = "Sep 23: Groups in place. Nov 23: SL: Terms of reference agreed."
P12 = "Dec 23: AB: Draft governance structure written. Jan 24: AB: Structure approved by partners."


def base_actions(**changes):
    """Three actions as in a first version; keyword arguments replace one action's row."""
    rows = {
        "PAP 1.1": action("PAP 1.1", "OT", P11, owner="Steve Larking"),
        "PAP 1.2": action("PAP 1.2", "OT", P12, owner="Amber Burton"),
        "PAP 1.3": action("PAP 1.3", "NYS", "", owner="Abi Ajayi", timescale="Revised date: Sept 24"),
    }
    rows.update(changes)
    return list(rows.values())


@pytest.fixture
def pair(make_workbook):
    """(previous, current) plans: the base plan, and the same with the given edits."""
    def make(current_rows, previous_rows=None, current_sheet="PAP"):
        previous = read_plan(make_workbook(plan_rows(*(previous_rows or base_actions()))))
        current = read_plan(make_workbook([(current_sheet, plan_rows(*current_rows))]))
        return previous, current
    return make


def texts(items):
    return [(i.ref, i.entry.text) for i in items]


def test_a_version_diffed_with_itself_shows_nothing(example_plans):
    for plan in example_plans.values():
        assert diff_plans(plan, plan).is_empty


def test_new_entries_one_way_are_removed_entries_the_other(example_plans):
    older, newer = example_plans["2024-06"], example_plans["2025-01"]
    forward, backward = diff_plans(older, newer), diff_plans(newer, older)
    assert texts(forward.new_entries) and sorted(texts(forward.new_entries)) == sorted(texts(backward.removed_entries))
    assert {(s.ref, s.before, s.after) for s in forward.status_changes} == {
        (s.ref, s.after, s.before) for s in backward.status_changes
    }


def test_an_entry_appended_at_the_end(pair):
    rows = base_actions(**{"PAP 1.2": action("PAP 1.2", "C", P12 + " Mar 24: AB: Launched.", owner="Amber Burton")})
    diff = diff_plans(*pair(rows))
    assert [(n.ref, n.entry.date.iso(), n.entry.initials, n.entry.text, n.position) for n in diff.new_entries] == [
        ("PAP 1.2", "2024-03", "AB", "Launched.", "appended")
    ]
    assert [(s.ref, s.before, s.after) for s in diff.status_changes] == [("PAP 1.2", Status.ON_TRACK, Status.COMPLETE)]
    changes = list_changes(diff)
    assert [(c.kind, c.ref) for c in changes] == [(ChangeKind.STATUS, "PAP 1.2"), (ChangeKind.NEW_ENTRY, "PAP 1.2")]
    assert changes.history == ()


def test_entries_added_at_the_top_of_a_newest_first_cell(pair):
    newest_first = "Jan 24: AB: Structure approved by partners. Dec 23: AB: Draft governance structure written."
    before = base_actions(**{"PAP 1.2": action("PAP 1.2", "OT", newest_first, owner="Amber Burton")})
    after = base_actions(**{"PAP 1.2": action("PAP 1.2", "OT", "Apr 24: AB: First board held. " + newest_first,
                                              owner="Amber Burton")})
    diff = diff_plans(*pair(after, before))
    assert [(n.ref, n.entry.text, n.position) for n in diff.new_entries] == [("PAP 1.2", "First board held.", "at the top")]
    assert diff.removed_entries == () and diff.edited_entries == ()


def test_a_cell_turned_newest_first_keeps_its_history_and_gains_one_entry(pair):
    newest_first = "Mar 24: AB: Launched. Jan 24: AB: Structure approved by partners. Dec 23: AB: Draft governance structure written."
    rows = base_actions(**{"PAP 1.2": action("PAP 1.2", "OT", newest_first, owner="Amber Burton")})
    diff = diff_plans(*pair(rows))  # the previous version has P12 oldest first
    assert [(n.ref, n.entry.date.iso(), n.entry.text, n.position) for n in diff.new_entries] == [
        ("PAP 1.2", "2024-03", "Launched.", "at the top")]
    assert diff.removed_entries == () and diff.edited_entries == ()


def test_entries_put_in_another_order_are_no_change(pair):
    reordered = "Nov 23: SL: Terms of reference agreed. Sep 23: Groups in place."
    rows = base_actions(**{"PAP 1.1": action("PAP 1.1", "OT", reordered, owner="Steve Larking")})
    diff = diff_plans(*pair(rows))
    assert (diff.new_entries, diff.removed_entries, diff.edited_entries) == ((), (), ())


def test_a_new_entry_on_top_of_a_newest_first_plan_is_not_remarked_on(pair):
    def newest(p12):  # each entry on a line of its own, the newest on top
        return [action("PAP 1.1", "OT", "Nov 23: SL: Terms of reference agreed.\nSep 23: SL: Groups in place.",
                       owner="Steve Larking"),
                action("PAP 1.2", "OT", p12, owner="Amber Burton"),
                action("PAP 1.3", "OT", "Feb 24: AA: Panel met.\nJan 24: AA: Panel set up.", owner="Abi Ajayi")]
    before = newest("Jan 24: AB: Structure approved by partners.\nDec 23: AB: Draft governance structure written.")
    after = newest("Mar 24: AB: Launched.\nJan 24: AB: Structure approved by partners.\n"
                   "Dec 23: AB: Draft governance structure written.")
    previous, current = pair(after, before)
    assert current.layout.entry_order == "newest first"
    changes = list_changes(diff_plans(previous, current))
    assert [(c.kind, c.ref, c.after, c.rule, c.remark) for c in changes] == [
        (ChangeKind.NEW_ENTRY, "PAP 1.2", "Launched.", "a new entry at the top, where the plan writes its newest", "")]


def test_an_action_put_in_with_the_ones_below_numbered_on_is_added_and_they_renumbered(pair):
    titles = {"PAP 1.1": "Agree the governance of the partnership", "PAP 1.2": "Publish highlight reports monthly",
              "PAP 1.3": "Agree shared data protocols with the ICB"}
    before = [action(ref, "OT", f"Jan 25: AB: {ref} begun.", title=title) for ref, title in titles.items()]
    after = [before[0], action("PAP 1.2", "NYS", "", title="Co-produce a communications plan with parents"),
             action("PAP 1.3", "C", "Jan 25: AB: PAP 1.2 begun. Mar 25: AB: Done.", title=titles["PAP 1.2"]),
             action("PAP 1.4", "OT", "Jan 25: AB: PAP 1.3 begun.", title=titles["PAP 1.3"])]
    diff = diff_plans(*pair(after, before))
    assert [(r.before, r.after, r.how) for r in diff.ref_changes] == [
        ("PAP 1.2", "PAP 1.3", "renumbered"), ("PAP 1.3", "PAP 1.4", "renumbered")]
    assert [a.ref for a in diff.actions_added] == ["PAP 1.2"] and diff.actions_removed == ()
    assert [(s.ref, s.before, s.after) for s in diff.status_changes] == [("PAP 1.3", Status.ON_TRACK, Status.COMPLETE)]
    assert [(n.ref, n.entry.text) for n in diff.new_entries] == [("PAP 1.3", "Done.")]
    assert diff.removed_entries == () and diff.field_changes == () and diff.timescale_changes == ()


def test_complete_actions_moved_to_a_sheet_of_their_own_change_no_section(make_workbook):
    previous = read_plan(make_workbook(plan_rows(*base_actions(), section="")))
    rows = base_actions()
    current = read_plan(make_workbook([("PAP", plan_rows(*rows[:2], section="")),
                                       ("Completed actions", plan_rows(rows[2], section=""))]))
    assert [(a.ref, a.section) for a in current.actions] == [
        ("PAP 1.1", "PAP"), ("PAP 1.2", "PAP"), ("PAP 1.3", "Completed actions")]  # each sheet a section
    assert diff_plans(previous, current).field_changes == ()


def test_entries_of_an_action_merged_into_another_are_not_new_progress(pair):
    before = base_actions()
    before[2] = action("PAP 1.3", "NYS", "Sep 23: AA: Panel set up. Oct 23: AA: Panel met.", owner="Abi Ajayi")
    merged = action("PAP 1.2", "OT", P12 + " Mar 24: AB: Merged with 1.3. Sep 23: AA: Panel set up. Oct 23: AA: "
                    "Panel met.", owner="Amber Burton")
    diff = diff_plans(*pair([before[0], merged], before))  # 1.3 taken into 1.2, its two entries with it
    assert [(n.ref, n.entry.text) for n in diff.new_entries] == [("PAP 1.2", "Merged with 1.3.")]
    assert [a.ref for a in diff.actions_removed] == ["PAP 1.3"]
    assert [w.message for w in diff.warnings] == [
        "PAP 1.2 holds 2 entries of PAP 1.3, which is no longer in the plan (merged into it?): not counted as new "
        "progress"]


def test_one_entry_alike_in_a_removed_action_is_still_new_progress(pair):
    before = base_actions()
    before[2] = action("PAP 1.3", "NYS", "Mar 24: AB: Discussed at the SEND board.", owner="Abi Ajayi")
    pasted = action("PAP 1.2", "OT", P12 + " Mar 24: AB: Discussed at the SEND board.", owner="Amber Burton")
    diff = diff_plans(*pair([before[0], pasted], before))
    assert [(n.ref, n.entry.text) for n in diff.new_entries] == [("PAP 1.2", "Discussed at the SEND board.")]
    assert diff.warnings == ()


def test_an_action_split_in_two_shows_only_its_unseen_entries(pair):
    before = base_actions()
    halves = [action("PAP 1.2a", "OT", P12 + " Mar 24: AB: Board set up.", title="Governance: the board",
                     owner="Amber Burton"),
              action("PAP 1.2b", "OT", P12, title="Governance: the structure", owner="Amber Burton")]
    changes = list_changes(diff_plans(*pair([before[0], *halves, before[2]], before)))
    added = [c.action for c in changes.of(ChangeKind.ACTION_ADDED)]
    assert [(a.ref, [e.text for e in changes.unseen_entries(a)]) for a in added] == [
        ("PAP 1.2a", ["Board set up."]), ("PAP 1.2b", [])]


def test_an_entry_inserted_in_the_middle(pair):
    rows = base_actions(**{"PAP 1.1": action("PAP 1.1", "OT", "Sep 23: Groups in place. Oct 23: Chairs agreed. "
                                             "Nov 23: SL: Terms of reference agreed.", owner="Steve Larking")})
    diff = diff_plans(*pair(rows))
    assert [(n.entry.text, n.position) for n in diff.new_entries] == [("Chairs agreed.", "inserted")]


def test_an_entry_added_after_the_last_one_was_removed_is_appended_not_inserted(pair):
    rows = base_actions(**{"PAP 1.2": action("PAP 1.2", "OT", "Dec 23: AB: Draft governance structure written. "
                                             "Mar 24: AB: Board dates set.", owner="Amber Burton")})
    diff = diff_plans(*pair(rows))
    assert [(n.entry.text, n.position) for n in diff.new_entries] == [("Board dates set.", "appended")]
    assert [r.entry.text for r in diff.removed_entries] == ["Structure approved by partners."]


def test_a_typo_fix_is_a_small_edit_not_lost_history(pair):
    rows = base_actions(**{"PAP 1.1": action("PAP 1.1", "OT", P11.replace("Terms of reference", "Terms of referance"),
                                             owner="Steve Larking")})
    previous, current = pair(base_actions(), rows)  # the typo is in the previous version
    diff = diff_plans(previous, current)
    assert [(e.ref, e.kind) for e in diff.edited_entries] == [("PAP 1.1", "minor")]
    assert diff.new_entries == () and diff.removed_entries == ()
    changes = list_changes(diff)
    assert [(c.kind, c.ref) for c in changes] == [(ChangeKind.ENTRY_CORRECTED, "PAP 1.1")]
    assert changes.history == () and changes.progress == ()


def test_a_rewritten_entry_is_flagged_as_changed_history(pair):
    rows = base_actions(**{"PAP 1.1": action("PAP 1.1", "OT", "Sep 23: Groups in place. Nov 23: SL: The terms of "
                                             "reference are still with legal and have not been agreed.",
                                             owner="Steve Larking")})
    diff = diff_plans(*pair(rows))
    edit = diff.edited_entries[0]
    assert (edit.ref, edit.kind) == ("PAP 1.1", "rewritten")
    assert edit.before.text == "Terms of reference agreed."
    history = list_changes(diff).history
    assert [(c.kind, c.ref, c.before, c.rule) for c in history] == [
        (ChangeKind.ENTRY_REWRITTEN, "PAP 1.1", "Terms of reference agreed.", "an entry reported before was rewritten")
    ]


def test_a_deleted_entry_is_flagged_as_changed_history(pair):
    rows = base_actions(**{"PAP 1.2": action("PAP 1.2", "OT", "Jan 24: AB: Structure approved by partners.",
                                             owner="Amber Burton")})
    diff = diff_plans(*pair(rows))
    assert texts(diff.removed_entries) == [("PAP 1.2", "Draft governance structure written.")]
    assert diff.new_entries == ()
    assert [(c.kind, c.before) for c in list_changes(diff).history] == [
        (ChangeKind.ENTRY_REMOVED, "Draft governance structure written.")
    ]


def test_text_added_to_an_existing_entry_is_new_progress(pair):
    rows = base_actions(**{"PAP 1.1": action("PAP 1.1", "OT", P11 + " Chairs confirmed too.", owner="Steve Larking")})
    diff = diff_plans(*pair(rows))
    edit = diff.edited_entries[0]
    assert edit.kind == "extended"
    changes = list_changes(diff)
    assert [(c.kind, c.added_text) for c in changes.progress] == [(ChangeKind.ENTRY_EXTENDED, "Chairs confirmed too.")]
    assert changes.history == ()
    assert changes.refs_with_progress() == {"PAP 1.1"}


def test_a_row_inserted_mid_sheet_and_a_sheet_renamed_change_nothing_else(pair):
    rows = base_actions()
    rows.insert(1, action("PAP 1.1a", "NYS", "", title="A new action between the others", owner="Amber Burton"))
    diff = diff_plans(*pair(rows, current_sheet="Priority Action Plan 2025"))
    assert [a.ref for a in diff.actions_added] == ["PAP 1.1a"]
    assert not (diff.new_entries or diff.edited_entries or diff.removed_entries or diff.status_changes
                or diff.field_changes or diff.timescale_changes or diff.actions_removed)


def test_a_retyped_ref_is_the_same_action(pair):
    rows = base_actions(**{"PAP 1.2": action("PAP: 1.2", "OT", P12, owner="Amber Burton"),
                           "PAP 1.3": action("1.3", "NYS", "", owner="Abi Ajayi", timescale="Revised date: Sept 24")})
    diff = diff_plans(*pair(rows))
    assert [(c.before, c.after, c.how) for c in diff.ref_changes] == [("PAP 1.3", "1.3", "retyped")]
    assert diff.actions_added == () and diff.actions_removed == ()
    assert [w.message for w in diff.warnings] == ["ref PAP 1.3 is now 1.3 (retyped); matched as the same action"]


def test_a_removed_action_and_changed_fields(pair):
    rows = base_actions(**{"PAP 1.2": action("PAP 1.2", "OT", P12, owner="Amber Burton & Matt Bulmer",
                                             title="Agree and publish the governance system",
                                             success="Governance system agreed and published"),
                           "PAP 1.3": action("PAP 1.3", "NYS", "", owner="Abi Ajayi",
                                             timescale="Revised date: March 25")})
    rows = [r for r in rows if r.values["ref"] != "PAP 1.1"]
    diff = diff_plans(*pair(rows))
    assert [a.ref for a in diff.actions_removed] == ["PAP 1.1"]
    assert [(f.ref, f.field, f.after) for f in diff.field_changes] == [
        ("PAP 1.2", "action", "Agree and publish the governance system"),
        ("PAP 1.2", "owner", "Amber Burton & Matt Bulmer"),
        ("PAP 1.2", "success criteria", "Governance system agreed and published"),
    ]
    change = diff.timescale_changes[0]
    assert (change.ref, change.before.due.iso(), change.after.due.iso(), change.revised_again) == (
        "PAP 1.3", "2024-09", "2025-03", True
    )


def test_overdue_and_no_update_as_of_a_date(pair):
    rows = base_actions(**{"PAP 1.2": action("PAP 1.2", "C", P12 + " Mar 24: AB: Launched.", owner="Amber Burton")})
    previous, current = pair(rows)
    diff = diff_plans(previous, current)
    assert [a.ref for a in list_changes(diff).no_update()] == ["PAP 1.1", "PAP 1.3"]
    on_time = summarize(current, date(2024, 9, 30))
    assert on_time.overdue == ()  # due Sep-24 is late only from October
    late = summarize(current, date(2024, 10, 1))
    assert [a.ref for a in late.overdue] == ["PAP 1.1", "PAP 1.3"]


def test_since_a_month_without_a_previous_version(example_plans):
    diff = diff_since(example_plans["2025-01"], Month(2024, 9))
    assert len(diff.new_entries) == 14
    assert all(n.entry.date.month_of >= Month(2024, 9) for n in diff.new_entries)
    assert {n.ref for n in diff.new_entries} == {
        "PAP 1.6", "PAP 1.7", "PAP 1.8", "PAP 1.10", "PAP 2.1", "PAP 2.10", "PAP 2.12", "PAP 2.17",
        "PAP 2.21", "PAP 2.22", "PAP 2.24",
    }


def test_whole_plan_january_to_august_2025(example_plans):
    """The changes between two example versions, written out by hand from the export."""
    diff = diff_plans(example_plans["2025-01"], example_plans["2025-08"])
    assert [(n.ref, n.entry.date.iso(), n.entry.text[:40]) for n in diff.new_entries] == [
        ("PAP 1.7", "2025-04", "Outcomes Framework to go to May LIP EB, "),
        ("PAP 1.7", "2025-08", "Outcomes Framework will be monitored at "),
        ("PAP 2.4", "2025-04", "VH to write DBV evaluation report and br"),
        ("PAP 2.16", "2025-04", "ELSEC Paper coming to LIP EB June 25."),
        ("PAP 2.16", "2025-08", "ELSEC paper presented in June to LIP EB."),
        ("PAP 2.17", "2025-03", "Sleep will form part of the GM ND pathwa"),
        ("PAP 2.21", "2025-04", "Recommendation to close (agreed by LIP E"),
        ("PAP 2.25", "2025-04", "Paper came to LIP EB Feb 25, this is bei"),
        ("PAP 2.25", "2025-07", "Agreed at LIP EB, action to remain open."),
    ]
    assert [(s.ref, s.before.value, s.after.value) for s in diff.status_changes] == [
        ("PAP 1.3", "On track", "Complete"), ("PAP 1.7", "On track", "Complete"),
        ("PAP 2.4", "Not yet started", "On track"), ("PAP 2.16", "On track", "Complete"),
        ("PAP 2.21", "On track", "Complete"),
    ]
    assert [(t.ref, t.before.text, t.after.text, t.revised_again) for t in diff.timescale_changes] == [
        ("PAP 2.16", "Mar-25", "July-25 (timescale revised)", False),
        ("PAP 2.17", "Revised date: March 25", "Revised date: Dec-25", True),
        ("PAP 2.25", "Revised date: March 25", "Revised date: Sept 25", True),
    ]
    assert not (diff.edited_entries or diff.removed_entries or diff.actions_added or diff.actions_removed
                or diff.field_changes or diff.ref_changes)
    assert list_changes(diff).no_update() == ()
    figures = summarize(example_plans["2025-08"], date(2025, 9, 1))
    assert (figures.pap.of(Status.COMPLETE), figures.pap.of(Status.ON_TRACK), figures.pap.of(Status.VULNERABLE),
            figures.pap.of(Status.AT_RISK)) == (37, 1, 1, 1)
    assert [a.ref for a in figures.overdue] == []


def test_first_to_second_version_finds_the_corrected_typo_and_retyped_refs(example_plans):
    diff = diff_plans(example_plans["2024-06"], example_plans["2025-01"])
    assert [(e.ref, e.kind) for e in diff.edited_entries] == [("PAP 2.18", "minor")]
    assert diff.ref_changes == ()  # "PAP 1.4" and "PAP: 1.4" are one ref
    inserted = [n for n in diff.new_entries if n.position == "inserted"]
    assert [(n.ref, n.entry.text) for n in inserted] == [("PAP 1.6", "Signed off as complete in LIP EB")]


def test_completion_month_comes_from_the_entry_that_records_it(example_plans):
    actions = example_plans["2025-01"].by_ref()
    recorded = completion(actions["PAP 2.10"])  # "Oct 24: Marked as complete ..." due Sep-24
    assert (recorded.month.iso(), recorded.timeliness) == ("2024-10", Timeliness.LATE)
    assert recorded.within_timescale is False
    silent = completion(actions["PAP 1.9"])  # complete, but no entry says when
    assert (silent.month, silent.timeliness, silent.within_timescale) == (None, Timeliness.NOT_RECORDED, None)
    assert completion(actions["PAP 1.3"]) is None  # not complete


def test_within_timescale_is_the_same_whichever_versions_are_compared(example_plans):
    from paptools.compare.reconciliation import reconcile_plans

    versions = list(example_plans.values())  # oldest first
    answers = set()
    for older in versions[:-1]:
        result = reconcile_plans([older, versions[-1]])
        answers.add(tuple((c.ref, c.timeliness) for c in result.summary.pap_completions))
    answers.add(tuple((c.ref, c.timeliness) for c in reconcile_plans(versions).summary.pap_completions))
    assert len(answers) == 1


def test_wording_shared_by_other_actions_does_not_pair_a_removed_and_an_added_action(pair):
    same = "Review the training offer for SENCOs and strengthen the offer for SLCN"
    before = base_actions(**{"PAP 1.2": action("PAP 1.2", "OT", P12, title=same),
                             "PAP 1.3": action("PAP 1.3", "NYS", "", title=same)})
    after = [r for r in before if r.values["ref"] != "PAP 1.3"] + [action("PAP 1.9", "NYS", "", title=same)]
    diff = diff_plans(*pair(after, before))
    assert [a.ref for a in diff.actions_removed] == ["PAP 1.3"] and [a.ref for a in diff.actions_added] == ["PAP 1.9"]
    assert diff.ref_changes == ()


def test_unique_wording_pairs_a_renumbered_action(pair):
    wording = "Agree shared protocols for reporting and use of data across the partnership"
    before = base_actions(**{"PAP 1.2": action("PAP 1.2", "OT", P12, title=wording)})
    after = base_actions(**{"PAP 1.2": action("PAP 1.7", "OT", P12, title=wording)})  # same wording, new number
    diff = diff_plans(*pair(after, before))
    assert [(c.before, c.after, c.how) for c in diff.ref_changes] == [("PAP 1.2", "PAP 1.7", "renumbered")]
    assert diff.actions_added == () and diff.actions_removed == ()


def test_a_missing_previous_version_is_one_clear_error(tmp_path):
    from paptools.api import reconcile
    from paptools.errors import NotAWorkbook

    with pytest.raises(NotAWorkbook) as raised:
        reconcile([tmp_path / "missing.xlsx", build_path("2025-01")])
    assert str(raised.value) == f"{tmp_path / 'missing.xlsx'}: file not found: check the name and the folder"


def test_library_calls_leave_the_garbage_collector_as_they_found_it(tmp_path):
    """No global side effects (issue 16.4): a library user's gc setting is theirs."""
    import gc

    from paptools.api import OutputOptions, reconcile, write_outputs

    was = gc.isenabled()
    try:
        for enabled in (True, False):
            gc.enable() if enabled else gc.disable()
            result = reconcile([build_path("2025-08"), build_path("2026-04")], as_of=date(2026, 5, 1))
            write_outputs(result, OutputOptions(output_dir=tmp_path / str(enabled)))
            assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_completions_of_all_actions_and_of_the_pap_alone(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "C", "Oct 24: AB: Marked as complete at the board.", timescale="Sep-24"),
        action("1.2", "C", "Aug 24: AB: Action complete and signed off.", timescale="Sep-24"),
        action("PAP 1.3", "OT", "Aug 24: AB: Going well."),
        action("PAP 1.4", "C", "Jul 24: AB: Work done.", timescale="Sep-24"),
    )))
    figures = summarize(plan, date(2024, 11, 1))
    assert [(a.ref, a.is_pap) for a in plan.actions] == [
        ("PAP 1.1", True), ("1.2", False), ("PAP 1.3", True), ("PAP 1.4", True)]
    assert [(c.ref, c.month and c.month.iso(), c.timeliness) for c in figures.completions] == [
        ("PAP 1.1", "2024-10", Timeliness.LATE), ("1.2", "2024-08", Timeliness.WITHIN),
        ("PAP 1.4", None, Timeliness.NOT_RECORDED)]
    assert [c.ref for c in figures.pap_completions] == ["PAP 1.1", "PAP 1.4"]


def test_the_trend_gives_the_current_version_its_own_date(example_plans):
    """The trend's figures of the current version are those of summarize() at its own date."""
    from paptools.compare.figures import restated
    from paptools.compare.reconciliation import reconcile_plans

    older, newer = example_plans["2025-04"], example_plans["2025-08"]
    result = reconcile_plans([older, newer], as_of=date(2025, 12, 1))
    assert ([a.ref for a in result.summary.overdue], [a.ref for a in result.summary.no_update]) == (
        ["PAP 2.25"], ["PAP 2.4", "PAP 2.17"])
    trend = result.trend()
    assert [(label, figures.as_of.isoformat(), [a.ref for a in figures.overdue], figures.no_update)
            for label, figures in trend] == [
        ("Apr 2025", "2025-04-15", ["PAP 1.7"], ()), ("Aug 2025", "2025-08-15", [], ())]
    assert trend[-1][1] == summarize(newer) == restated(result.summary, newer)
    assert trend[0][1] == summarize(older)


@pytest.mark.parametrize(("text", "records"), [
    ("Complete: signed off at the board", True),
    ("Marked as complete by the SEND board", True),
    ("Officers SIGNED OFF AS COMPLETE", True),
    ("Confirmed complete in the review", True),
    ("The audit is now complete.", True),
    ("Action is complete and evidenced", True),
    ("Action closed at LIP", True),
    ("This can now be closed", True),
    ("The board agreed to close it", True),
    ("Work is complete but to be agreed at board", False),  # not yet
    ("Completed the first draft", False),
    ("Review to be completed by March", False),
    ("The close of the consultation", False),
    ("Marked as completed", False),
    ("Café: action closed", True),  # not ASCII: the patterns decide
    ("Café: now complete", True),
    ("Café: completed", False),
])
def test_an_entry_records_completion_only_in_the_words_that_say_so(text: str, records: bool) -> None:
    from paptools.compare.completion import records_completion

    assert records_completion(text) is records


def _plan_of(path, sheets):
    """The plan of a workbook of these sheets, each of these rows under one header."""
    header = ["Ref", "Action", "Owner", "Due", "RAG", "Progress"]
    return read_plan(build(path, {title: [header, *rows] for title, rows in sheets.items()}))


def test_an_action_renumbered_and_reworded_is_known_by_its_progress(tmp_path):
    december = _plan_of(tmp_path / "dec.xlsx", {"Plan": [
        ["1.1", "Health visitor 2-year checks", "PH", "Jun-25", "Red", "Dec 24: 61% completed."],
        ["1.3", "Portage service expansion", "EY", "Sep-25", "Amber", "Dec 24: Bid to schools forum."]]})
    january = _plan_of(tmp_path / "jan.xlsx", {"Plan": [
        ["1.1", "Health visitor 2-year checks", "PH", "Jun-25", "Red", "Dec 24: 61% completed.\nJan 25: 64%."],
        ["3.1", "Expand the Portage service", "EY", "Sep-25", "Amber",
         "Dec 24: Bid to schools forum.\nJan 25: Bid approved."]]})
    changes = list_changes(diff_plans(december, january))
    assert [(c.ref, c.before, c.after) for c in changes.of(ChangeKind.ACTION_RENUMBERED)] == [("3.1", "1.3", "3.1")]
    assert [(c.ref, c.after) for c in changes.of(ChangeKind.NEW_ENTRY)] == [("1.1", "64%."), ("3.1", "Bid approved.")]
    assert changes.of(ChangeKind.ACTION_ADDED) == () and changes.of(ChangeKind.ACTION_REMOVED) == ()


def test_a_sheet_renamed_keeps_its_actions_known_by_sheet_and_number(tmp_path):
    rows = [["1", "ASD assessment waits", "ICB", "Mar-26", "Red", "Dec 24: 98 weeks."],
            ["2", "Therapy workforce plan", "ICB", "Sep-25", "Amber", "Dec 24: Gaps mapped."]]
    education = [["1", "SENCo network", "SI", "Apr-25", "Green", "Dec 24: Met twice."]]
    december = _plan_of(tmp_path / "dec.xlsx", {"Education": education, "Health": rows})
    january = _plan_of(tmp_path / "jan.xlsx", {"Education": education, "Health and Care": [
        [*row[:5], row[5] + "\nJan 25: Moved on."] for row in rows]})
    changes = list_changes(diff_plans(december, january))
    assert sorted((c.before, c.after) for c in changes.of(ChangeKind.ACTION_RENUMBERED)) == [
        ("Health 1", "Health and Care 1"), ("Health 2", "Health and Care 2")]
    assert [(c.ref, c.after) for c in changes.of(ChangeKind.NEW_ENTRY)] == [
        ("Health and Care 1", "Moved on."), ("Health and Care 2", "Moved on.")]
    assert changes.of(ChangeKind.ACTION_ADDED) == () and changes.of(ChangeKind.ACTION_REMOVED) == ()


def test_an_entrys_month_given_its_day_is_a_correction_not_a_redating(tmp_path):
    december = _plan_of(tmp_path / "dec.xlsx", {"Plan": [
        ["H1", "Short breaks review", "CM", "Jun-25", "Green", "Dec 24: Survey out.\nOct 24: Scoped."]]})
    january = _plan_of(tmp_path / "jan.xlsx", {"Plan": [
        ["H1", "Short breaks review", "CM", "Jun-25", "Green", "12/12/24: Survey out.\n03/11/24: Scoped."]]})
    changes = list_changes(diff_plans(december, january))
    assert [(c.kind, c.ref) for c in changes] == [
        (ChangeKind.ENTRY_REDATED, "H1"), (ChangeKind.ENTRY_CORRECTED, "H1")]  # October moved to November

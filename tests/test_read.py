"""The reader on the example plans and on workbooks kept in other house styles."""
from __future__ import annotations

import build
import pytest
from conftest import STATUS_WORDS, action, plan_rows
from housestyle import Row, Style
from openpyxl.styles import Color

from paptools.compare.figures import summarize
from paptools.model import Status
from paptools.read.plan import read_plan


def statuses(plan) -> dict[str, str | None]:
    return {a.ref: (a.status.value if a.status else None) for a in plan.actions}


def messages(plan) -> list[str]:
    return [w.line() for w in plan.warnings]


@pytest.mark.parametrize("version", build.VERSIONS)
def test_each_example_reads_with_exactly_the_statuses_it_was_built_with(example_plans, version):
    expected = {
        ref.replace("PAP: ", "PAP "): STATUS_WORDS[codes[version]]
        for ref, codes in build.statuses().items() if codes[version]
    }
    assert statuses(example_plans[version]) == expected


def test_the_january_2025_figures_are_those_of_the_committee_report(example_plans):
    figures = summarize(example_plans["2025-01"])
    assert figures.pap.total == 40 and figures.pap.of(Status.COMPLETE) == 33
    assert figures.pap.percentages()["Complete"] == 82.5  # 33 of 40, exact to one decimal place
    assert figures.pap.incomplete == 7


def test_the_latest_example_has_the_40_pap_and_12_newer_actions(example_plans):
    plan = example_plans["2026-04"]
    assert len(plan.actions) == 52 and len(plan.pap_actions) == 40
    newer = [a.ref for a in plan.actions if not a.is_pap]
    assert newer == ["1.11", "1.12", "1.13", "1.14", "1.15", "2.31", "2.32", "2.33", "2.34", "2.35", "2.36", "2.37"]


def test_sections_and_priority_areas_come_from_the_rows_above(example_plans):
    plan = example_plans["2026-04"]
    place = {a.ref: (a.priority_area, a.section) for a in plan.actions}
    assert place["PAP 1.1"] == ("Priority area 1", "PAP 1")
    assert place["1.15"] == ("Priority area 1", "PAP 1")
    assert place["PAP 2.4"] == ("Priority area 2", "PAP 2")
    assert place["PAP 2.5"] == ("Priority area 2", "Speech & Language Therapy: backlog recovery")
    assert place["PAP 2.16"] == ("Priority area 2", "Speech & Language Therapy: backlog recovery")
    assert place["PAP 2.17"] == ("Priority area 2", "Community Paediatrics")
    assert place["2.37"] == ("Priority area 2", "CAMHS")
    areas = dict(plan.priority_areas)
    assert areas["Priority area 1"].startswith("Leaders at Oldham Metropolitan Borough Council")
    assert "speech and language therapy" in areas["Priority area 2"]


def test_the_plans_own_key_is_read(example_plans):
    plan = example_plans["2026-04"]
    assert [status for status, _ in plan.key] == list(Status)
    assert dict(plan.key)[Status.VULNERABLE].startswith("Vulnerable: Action looks unlikely")


def test_fields_and_timescales_of_an_action(example_plans):
    act = {a.ref: a for a in example_plans["2026-04"].actions}["PAP 2.7"]
    assert act.owner == "Kate McKenna & Heather Martin-Netherwood"
    assert act.owners == ("Kate McKenna", "Heather Martin-Netherwood")
    assert act.timescale.original_due.iso() == "2023-11" and act.timescale.revised_due.iso() == "2024-04"
    assert act.title.startswith("Produce a detailed S&LT waiting list recovery plan")
    assert act.entries[2].author == "Heather Martin-Netherwood"
    assert "<" not in act.progress and "&amp;" not in act.progress


def test_progress_only_grows_from_version_to_version(example_plans):
    for older, newer in zip(build.VERSIONS, build.VERSIONS[1:]):
        before = {a.ref: a for a in example_plans[older].actions}
        for act in example_plans[newer].actions:
            if act.ref in before and act.ref != "PAP 2.18":  # 2.18 had a typo corrected
                old_texts = [e.text for e in before[act.ref].entries]
                new_texts = [e.text for e in act.entries]
                assert all(t in new_texts for t in old_texts), act.ref


def test_a_refs_spelling_does_not_change_the_ref(example_plans):
    first = {a.ref: a for a in example_plans["2024-06"].actions}
    assert first["PAP 1.4"].ref_text == "PAP 1.4" and first["PAP 2.19"].ref_text == "PAP:2.19"


# --- other house styles ---------------------------------------------------------------

def test_theme_colours_with_tint_are_read_through_the_key(make_workbook):
    theme = {"NYS": Color(theme=0), "OT": Color(theme=6), "V": Color(theme=9), "AR": Color(theme=5), "C": Color(theme=4)}
    rows = plan_rows(
        action("PAP 1.1", "C"), action("PAP 1.2", "AR"),
        action("PAP 1.3", fill=Color(theme=4, tint=0.3999755851924192)),
    )
    plan = read_plan(make_workbook(rows, Style(colours=theme)))
    assert statuses(plan) == {"PAP 1.1": "Complete", "PAP 1.2": "At risk", "PAP 1.3": "Complete"}
    assert len(plan.warnings) == 1
    assert "PAP!I6: fill colour" in messages(plan)[0] and "read as Complete" in messages(plan)[0]


def test_indexed_palette_fills_without_a_key(make_workbook):
    rows = plan_rows(
        action("PAP 1.1", fill=Color(indexed=12)), action("PAP 1.2", fill=Color(indexed=17)),
        action("PAP 1.3", fill=Color(indexed=51)), action("PAP 1.4", fill=Color(indexed=10)),
        action("PAP 1.5", status="NYS"), key=False,
    )
    plan = read_plan(make_workbook(rows))
    assert statuses(plan) == {
        "PAP 1.1": "Complete", "PAP 1.2": "On track", "PAP 1.3": "Vulnerable", "PAP 1.4": "At risk",
        "PAP 1.5": "Not yet started",
    }
    assert plan.warnings == ()


def test_status_as_text_in_a_different_column_order(make_workbook):
    order = ("status", "ref", "owner", "action", "progress", "timescale", "evidence", "success", "outcome")
    header = Row("header", values={"status": "RAG", "owner": "Lead officer", "progress": "Update",
                                   "timescale": "Deadline", "action": "Action", "ref": "Ref No.",
                                   "success": "Measures of success", "outcome": "Impact", "evidence": "Evidence"})
    rows = [
        Row("title", "Area SEND Written Statement of Action"), header,
        action("1.1", status_text="Blue"), action("1.2", status_text="G"), action("1.3", status_text="green "),
        action("1.4", status_text="Amber"), action("1.5", status_text="At Risk"),
        action("1.6", status_text="Not started", progress="Nov 23: SL: Meeting held."),
    ]
    plan = read_plan(make_workbook(rows, Style(order=order, status_as="text", key=False)))
    assert statuses(plan) == {
        "1.1": "Complete", "1.2": "On track", "1.3": "On track", "1.4": "Vulnerable",
        "1.5": "At risk", "1.6": "Not yet started",
    }
    last = plan.actions[-1]
    assert last.owner == "Amber Burton" and last.entries[0].initials == "SL" and last.status_source == "text"
    assert plan.pap_prefixed is False and len(plan.pap_actions) == 6  # no prefix: all count as PAP


def test_header_not_on_the_first_row_and_notes_above_it(make_workbook):
    rows = [Row("blank"), Row("blank"), Row("title", "Priority Action Plan"),
            Row("title", "Version 7, updated by AB"), Row("blank"), Row("header"),
            action("PAP 1.1", "C"), action("PAP 1.2", "OT")]
    plan = read_plan(make_workbook(rows))
    assert statuses(plan) == {"PAP 1.1": "Complete", "PAP 1.2": "On track"}
    assert plan.title == "Priority Action Plan"
    assert [n.text for n in plan.notes if n.kind == "title"] == ["Priority Action Plan", "Version 7, updated by AB"]


def test_two_sheets_share_one_key(make_workbook):
    first = [Row("title", "Priority area 1"), Row("header"), action("PAP 1.1", "C"), action("PAP 1.2", "V")]
    second = [Row("title", "Priority area 2"), Row("header"), action("PAP 2.1", "AR"), Row("blank"), Row("key")]
    plan = read_plan(make_workbook([("Area 1", first), ("Area 2", second)]))
    assert statuses(plan) == {"PAP 1.1": "Complete", "PAP 1.2": "Vulnerable", "PAP 2.1": "At risk"}
    assert [(a.sheet, a.section, a.priority_area) for a in plan.actions] == [
        ("Area 1", "Area 1", "Priority area 1"), ("Area 1", "Area 1", "Priority area 1"),
        ("Area 2", "Area 2", "Priority area 2"),
    ]
    assert plan.warnings == ()


def test_numeric_refs_never_merge_two_actions(make_workbook):
    rows = plan_rows(action(1.8), action(1.9), action(1.1, title="The tenth action"), action(1.11))
    plan = read_plan(make_workbook(rows))
    assert [a.ref for a in plan.actions] == ["1.8", "1.9", "1.10", "1.11"]
    assert plan.actions[2].title == "The tenth action"
    assert messages(plan) == ["PAP!A6: ref is stored as the number 1.1; read as 1.10 because it follows 1.9"]


def test_text_and_colour_that_disagree_are_reported_and_the_text_wins(make_workbook):
    rows = plan_rows(action("PAP 1.1", "C", status_text="On track"))
    plan = read_plan(make_workbook(rows, Style(status_as="both")))
    assert statuses(plan) == {"PAP 1.1": "On track"}
    assert messages(plan) == ["PAP!I4: status text says On track but the fill colour says Complete; the text is used"]


def test_unknown_colour_and_unknown_words_are_reported_not_guessed(make_workbook):
    rows = plan_rows(action("PAP 1.1", fill="7030A0"), action("PAP 1.2", "C", status_text="On hold"),
                     action("PAP 1.3", None, status_text="Open"))
    plan = read_plan(make_workbook(rows))
    assert statuses(plan) == {"PAP 1.1": None, "PAP 1.2": "Complete", "PAP 1.3": None}
    assert messages(plan) == [
        "PAP!I4: fill colour 7030A0 is not one of the Key's colours; status unknown",
        "PAP!I5: 'On hold' is not one of the five statuses; the fill colour is used (say what the word counts as under [statuses] in paptools.toml)",
        "PAP!I6: 'Open' is not one of the five statuses; status unknown (say what the word counts as under [statuses] in paptools.toml)",
    ]
    assert summarize(plan).all.unknown == 2


def test_status_words_of_other_scales_are_read_by_meaning(make_workbook):
    rows = plan_rows(action("PAP 1.1", None, status_text="Closed"), action("PAP 1.2", None, status_text="Ongoing"),
                     action("PAP 1.3", None, status_text="Some slippage"), action("PAP 1.4", None, status_text="A/R"))
    plan = read_plan(make_workbook(rows))
    assert statuses(plan) == {"PAP 1.1": "Complete", "PAP 1.2": "On track", "PAP 1.3": "Vulnerable",
                              "PAP 1.4": "At risk"}
    assert messages(plan) == []


def test_duplicate_refs_keep_both_actions(make_workbook):
    rows = plan_rows(action("PAP 1.1", title="First"), action("PAP: 1.1", title="Second"))
    plan = read_plan(make_workbook(rows))
    assert [(a.ref, a.ref_text, a.title) for a in plan.actions] == [
        ("PAP 1.1", "PAP 1.1", "First"), ("PAP 1.1 (2nd)", "PAP: 1.1", "Second")]
    assert messages(plan) == ["PAP!A5: ref PAP 1.1 is used twice (also at PAP!A4); both actions are kept, this one "
                              "as 'PAP 1.1 (2nd)' in what paptools writes: give it a ref of its own"]


def test_a_footnote_mark_after_a_ref_is_no_part_of_it(make_workbook):
    # "K4*" over a footnote "* Joint action with the ICB": the action is K4, the mark kept as written
    rows = plan_rows(action("PAP 1.1", "C"), action("PAP 1.2*", "V"), action("PAP 1.3 \u2020", "AR"),
                     action("PAP 1.4\u2021", "OT"), action("PAP 1.5**", "C"),
                     action("*", "OT", title="Joint action with the ICB"), action("TBC*", "OT", title="New action"))
    plan = read_plan(make_workbook(rows))
    assert [(a.ref, a.ref_text, a.status.value) for a in plan.actions] == [
        ("PAP 1.1", "PAP 1.1", "Complete"), ("PAP 1.2", "PAP 1.2*", "Vulnerable"),
        ("PAP 1.3", "PAP 1.3 \u2020", "At risk"), ("PAP 1.4", "PAP 1.4\u2021", "On track"),
        ("PAP 1.5", "PAP 1.5**", "Complete")]
    assert messages(plan) == [  # a mark alone, or after text, is still no ref
        "PAP!A9: row with no Ref, '* | Joint action with the ICB | Amber B…', is not read as an action "
        "and is left out of the plan and every count; if it is an action, give it a ref in the Ref column to have it "
        "counted; its text is kept here",
        "PAP!A10: row with no Ref, 'TBC* | New action | Amber Burton | Sep-…', is not read as an action and is "
        "left out of the plan and every count; if it is an action, give it a ref in the Ref column to have it "
        "counted; its text is kept here"]


def test_extra_columns_are_kept(make_workbook):
    order = ("ref", "action", "owner", "timescale", "progress", "status", "budget")
    rows = [Row("header", values={"budget": "Budget (£)"}), action("PAP 1.1", budget="£12,000")]
    plan = read_plan(make_workbook(rows, Style(order=order, key=False)))
    assert plan.actions[0].extra == (("Budget (£)", "£12,000"),)
    assert plan.extra_columns == ("Budget (£)",)


def test_a_blank_status_in_a_text_kept_plan_is_reported(make_workbook):
    rows = [Row("header"), action("1.1", status_text="Green"), action("1.2", status_text="Amber"), action("1.3", None)]
    plan = read_plan(make_workbook(rows, Style(status_as="text", key=False)))
    assert statuses(plan)["1.3"] is None
    assert messages(plan) == ["PAP!I4: 1.3 has no status (the RA cell is blank); status unknown"]


def test_rows_without_a_ref_are_never_dropped_silently(make_workbook):
    rows = plan_rows(
        action("PAP 1.1", progress="Nov 23: started."),
        action("", title="", owner="", timescale="", progress="Dec 23: continued on the next row."),
        action("", title="An action somebody forgot to number", progress="Jan 24: done."),
    )
    plan = read_plan(make_workbook(rows))
    first = plan.actions[0]
    assert [e.text for e in first.entries] == ["started.", "continued on the next row."]
    lines = messages(plan)
    assert lines[0] == "PAP!A5: row has no Ref and no Action; its text was read as part of PAP 1.1 above"
    assert lines[1] == ("PAP!B6: row with no Ref, 'An action somebody forgot to number | A…', is not read as an "
                        "action and is left out of the plan and every count; if it is an action, give it a ref "
                        "in the Ref column to have it counted; its text is kept here")
    assert "An action somebody forgot to number" in plan.warnings[1].value


def test_rows_detection_kept_are_walked_once_and_let_go(example_plans):
    from conftest import example_path

    from paptools.read.cells import open_book
    from paptools.read.detect_plan import detect_layout
    from paptools.read.plan import read_through

    version = build.VERSIONS[-1]
    book = open_book(example_path(version))
    try:
        seen: dict = {}
        layout = detect_layout(book, None, seen)
        assert set(seen) == {sheet.title for sheet in book.sheets}
        kept = dict(seen)
        assert any(kept.values())
        plan = read_through(book, layout, None, None, seen)
        assert seen == {}  # each sheet's rows taken out once walked
        assert not any(kept.values())  # and each row let go as it was walked
        again = read_through(book, layout)  # no rows kept: the sheets are streamed again, to the same plan
    finally:
        book.close()
    assert plan.actions == again.actions == example_plans[version].actions
    assert plan.warnings == again.warnings == example_plans[version].warnings

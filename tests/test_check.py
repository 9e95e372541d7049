"""`paptools check`: a draft report's figures against the plan, with literal drafts.

The draft under test is the Executive Summary of the real January 2025 committee report
(seeds/004_...), copied here word for word with its bullets. Against the January 2025
example plan it must report that the seven incomplete actions are broken down into six,
that three on track should be four, and that not all 33 were completed within timescale;
nothing else.
"""
from __future__ import annotations

import json

import docx
import pytest
from click.testing import CliRunner
from conftest import example_path
from hypothesis import given
from hypothesis import strategies as st

from paptools.check.draft import check_draft
from paptools.check.numbers import acceptable_percents, half_up, number_value
from paptools.cli import main
from paptools.read.drafts import NotADraft, draft_from_text, read_draft
from paptools.read.plan import read_plan

BULLET = "\uf0b7"  # the bullet character of the Word export
SEED_SUMMARY = f"""Executive Summary

Significant progress has been made to fulfil the commitments made in the PAP through
close partnership working between key partner organisation; the council, the integrated
care partnership, parents/carers, and schools/settings.  Of a total of 40 PAP actions:

{BULLET} Thirty-three actions (83%) have been marked as complete within timescale.

{BULLET} Seven actions (17%) are incomplete, however, three of these are still on track,
albeit with revised timescales of 2024/2025.

{BULLET} One action has not been started yet, however is on track with initial appointments
and first evaluation in December 2024.

{BULLET} One action is vulnerable and one at risk of not being completed.

For the ‘vulnerable’ and ‘at risk’ actions and any other vulnerabilities around inclusion, a
risk register is maintained.  This includes all high-level risks that the LIP Executive Board
need to be sighted on.  All risks have mitigating actions attached to them.
"""
SEVEN_BUT_SIX = (
    "Seven actions are incomplete, but the breakdown that follows accounts for 6: 3 on track + 1 not started "
    "+ 1 vulnerable + 1 at risk. The plan has 7 incomplete: 4 on track + 1 not started + 1 vulnerable + 1 at risk."
)
THREE_ON_TRACK = ("'three of these are still on track': the plan has 4 PAP actions on track "
                  "(PAP 1.3, PAP 1.7, PAP 2.16, PAP 2.21).")
WITHIN_TIMESCALE = (
    "'Thirty-three actions (83%) have been marked as complete within timescale': 33 PAP actions are complete, "
    "but the plan's entries record 5 of them as completed after their due month: PAP 1.8 (Sep 2024, due Jun "
    "2024), PAP 2.3 (Jun 2024, due May 2024), PAP 2.8 (Jun 2024, due Nov 2023), PAP 2.10 (Oct 2024, due Sep "
    "2024), PAP 2.24 (Nov 2024, due Nov 2023)."
)
SEVEN_ITEM = "Executive Summary, 'Seven actions (17%) are incomplete, however,…'"
CORRECT = """Executive summary

Of a total of 40 PAP actions, thirty-three (83%) have been marked as complete and seven (17%) are incomplete.
Of the seven incomplete actions, four are on track, one has not yet started, one is vulnerable and one is at risk.

PAP 2.17 is at risk and PAP 2.25 is vulnerable. PAP 2.10 was completed in October 2024.
PAP 2.21 is on track, with a new timescale: Dec 2024.
"""


@pytest.fixture(scope="module")
def january():
    return read_plan(example_path("2025-01"))


@pytest.fixture(scope="module")
def june():
    return read_plan(example_path("2024-06"))


def messages(result) -> list[tuple[str, str, str]]:
    return [(f.rule, f.where, f.message) for f in result.findings]


def test_the_seed_summary_finds_seven_broken_down_into_six_and_nothing_false(january):
    result = check_draft(draft_from_text(SEED_SUMMARY), january)
    assert messages(result) == [
        ("count", "Executive Summary, 'Thirty-three actions (83%) have been marked…'", WITHIN_TIMESCALE),
        ("count", SEVEN_ITEM, THREE_ON_TRACK),
        ("breakdown-sum", SEVEN_ITEM, SEVEN_BUT_SIX),
    ]
    assert result.findings[2].phrase == "Seven actions (17%) are incomplete"
    assert result.unchecked == ()
    checked = [c.phrase for c in result.checked]
    assert "Of a total of 40 PAP actions" in checked
    assert "17%: 7 of 40" in checked
    assert "One action has not been started yet" in checked
    assert "one at risk" in checked


def test_the_seed_summary_without_its_bullets_is_read_the_same_way(january):
    plain = SEED_SUMMARY.replace(f"{BULLET} ", "")
    rules = [f.rule for f in check_draft(draft_from_text(plain), january).findings]
    assert rules == ["count", "count", "breakdown-sum"]


def test_a_wrong_percentage_is_a_finding_too(january):
    wrong = SEED_SUMMARY.replace("Thirty-three actions (83%)", "Thirty-three actions (80%)")
    result = check_draft(draft_from_text(wrong), january)
    percentages = [f for f in result.findings if f.rule == "percentage"]
    assert [(f.message, f.phrase) for f in percentages] == [
        ("80%: 33 of 40 is 82.5%, which rounds to 83%.",
         "Thirty-three actions (80%) have been marked as complete within timescale"),
    ]
    assert SEVEN_BUT_SIX in [f.message for f in result.findings]
    assert len(result.findings) == 4


def test_a_correct_draft_has_no_finding_and_nothing_unchecked(january):
    result = check_draft(draft_from_text(CORRECT), january)
    assert result.findings == ()
    assert result.unchecked == ()
    assert [c.phrase for c in result.checked] == [
        "Of a total of 40 PAP actions",
        "thirty-three (83%) have been marked as complete", "83%: 33 of 40",
        "seven (17%) are incomplete", "17%: 7 of 40",
        "Of the seven incomplete actions", "four are on track", "one has not yet started", "one is vulnerable",
        "one is at risk",
        "Of a total of 40 PAP actions: the breakdown adds up to 40",
        "Of the seven incomplete actions: the breakdown adds up to 7",
        "PAP 2.17 is at risk", "PAP 2.25 is vulnerable", "PAP 2.10 was completed", "completed in October 2024",
        "PAP 2.21 is on track", "new timescale: Dec 2024",
    ]


def test_both_roundings_of_a_tie_are_right(january):
    draft = draft_from_text("Of a total of 40 PAP actions, one (2%) has not yet started, one (3%) is vulnerable "
                            "and one (2%) is at risk.")
    assert check_draft(draft, january).findings == ()


def test_colours_and_per_cent_are_understood(january):
    draft = draft_from_text("Of a total of 40 PAP actions, thirty-three (83 per cent) are complete, four are "
                            "rated green and two are amber. There are three green spaces.")
    result = check_draft(draft, january)
    assert [f.message for f in result.findings] == [
        "'two are amber': the plan has 1 PAP action vulnerable (PAP 2.25)."]
    assert "83%: 33 of 40" in [c.phrase for c in result.checked]
    assert "four are rated green" in [c.phrase for c in result.checked]


def test_figures_of_a_priority_area_are_checked_against_that_area(january):
    draft = draft_from_text("In priority area 1, eight of the ten actions are complete and two are on track. "
                            "In priority area 2, three actions are at risk.")
    result = check_draft(draft, january)
    assert [f.message for f in result.findings] == [
        "'three actions are at risk': the plan has 1 action in Priority area 2 at risk (PAP 2.17)."]
    assert [c.phrase for c in result.checked] == [
        "eight of the ten actions", "eight of the ten actions are complete", "two are on track"]


def test_a_wrong_ref_status_and_due_month_are_findings(january):
    draft = draft_from_text("PAP 2.21 is at risk. PAP 2.17 is due in March 2024. PAP 9.9 is on track.")
    result = check_draft(draft, january)
    assert [(f.rule, f.ref) for f in result.findings] == [
        ("ref-status", "PAP 2.21"), ("due-month", "PAP 2.17"), ("unknown-ref", "PAP 9.9"),
    ]
    assert result.findings[0].message == "'PAP 2.21 is at risk': PAP 2.21 is On track in the plan (PAP!I68)."
    assert result.findings[1].message == ("'due in March 2024': PAP 2.17 is due Mar 2025 in the plan "
                                          "(Timescale 'Revised date: March 25').")


def test_the_number_of_actions_listed_under_a_sentence_is_checked(january):
    draft = draft_from_text("One action is overdue:\n\n- PAP 2.21 Review transition\n\n- PAP 2.17 Sleep pathway\n")
    result = check_draft(draft, january)
    assert [(f.rule, f.message) for f in result.findings] == [
        ("listed-count", "The sentence says One but 2 actions are listed under it."),
    ]


def test_a_count_it_cannot_tie_is_listed_as_unchecked(january):
    result = check_draft(draft_from_text("Fourteen new progress entries were recorded across eleven actions. "
                                         "Nine workstreams met."), january)
    assert result.findings == ()
    assert [(u.phrase, u.reason) for u in result.unchecked] == [
        ("Fourteen new progress entries", "needs the previous version of the plan: give it as PREVIOUS"),
        ("across eleven actions", "needs the previous version of the plan: give it as PREVIOUS"),
    ]


def test_what_changed_is_checked_against_the_previous_version(january, june):
    draft = draft_from_text("Since June, three new progress entries were recorded across eleven actions and "
                            "seventeen actions changed status.")
    result = check_draft(draft, january, june)
    assert [f.message for f in result.findings] == [
        "'three new progress entries': the previous version and this one give 14 new progress entries since the "
        "previous version."]
    assert [c.phrase for c in result.checked] == ["across eleven actions", "seventeen actions changed status"]


def test_a_word_draft_with_list_items_and_a_status_table(tmp_path, january):
    document = docx.Document()
    document.add_heading("Executive summary", level=1)
    document.add_paragraph("2.1\tOf a total of 40 PAP actions:")
    document.add_paragraph("Thirty-three actions (83%) are complete.", style="List Bullet")
    document.add_paragraph("Seven actions (17%) are incomplete, of which three are on track,", style="List Bullet")
    document.add_paragraph("one has not started, one is vulnerable and one is at risk.", style="List Bullet")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("RA status", "PAP actions", "%"), ("Complete", "33", "83%"),
                                        ("On track", "4", "11%")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    path = tmp_path / "draft.docx"
    document.save(path)
    draft = read_draft(path)
    assert [(p.kind, p.number) for p in draft.paragraphs[:3]] == [("heading", None), ("paragraph", "2.1"),
                                                                   ("item", None)]
    result = check_draft(draft, january)
    assert [(f.rule, f.where) for f in result.findings] == [
        ("count", "Executive summary, 'Seven actions (17%) are incomplete, of…'"),
        ("breakdown-sum", "Executive summary, 'Seven actions (17%) are incomplete, of…'"),
        ("percentage", "table 1, row 2: 'On track | 4…'"),
    ]
    assert result.findings[2].message == "11%: 4 of 40 is 10%, which rounds to 10%."


def test_a_markdown_draft_with_a_table(tmp_path, january):
    path = tmp_path / "draft.md"
    path.write_text("# Summary\n\n| Ref | Action | Status |\n|---|---|---|\n| PAP 2.17 | Sleep | On track |\n",
                    encoding="utf-8")
    result = check_draft(read_draft(path), january)
    assert [(f.rule, f.ref, f.phrase) for f in result.findings] == [("ref-status", "PAP 2.17", "PAP 2.17 | On track")]


@pytest.mark.parametrize("previous, current", [("2024-06", "2025-01"), ("2025-08", "2026-04")])
def test_the_tools_own_report_has_no_finding(tmp_path, previous, current):
    """Whatever `paptools report` writes, checked against its own plan, has no finding."""
    outcome = CliRunner().invoke(main, ["report", str(example_path(previous)), str(example_path(current)),
                                        "--output-dir", str(tmp_path)])
    assert outcome.exit_code == 0, outcome.output
    report = read_draft(next(tmp_path.glob("*.docx")))
    plan, before = read_plan(example_path(current)), read_plan(example_path(previous))
    with_previous = check_draft(report, plan, before)
    assert messages(with_previous) == []
    assert len(with_previous.checked) > 100  # the figures, the status tables and every action's status and due
    assert messages(check_draft(report, plan)) == []


def test_approximate_and_quoted_figures_are_not_checked(january):
    draft = draft_from_text("Over 40% of actions are complete.\n\n"
                            "- Nov 2024 (Amy Brown): two actions are at risk in the school's own plan.\n")
    result = check_draft(draft, january)
    assert result.findings == ()
    assert [(u.phrase, u.reason) for u in result.unchecked] == [
        ("40% of actions are complete", "an approximate figure ('over', 'about' ...): not checked"),
        ("two actions are at risk", "in a quoted progress entry, not a figure of the plan"),
    ]


def test_numbers_as_words_and_percentages_a_careful_writer_may_give():
    assert [number_value(t) for t in ("Seven", "thirty-three", "Thirty three", "40", "1,234", "none")] == [
        7, 33, 33, 40, 1234, 0]
    assert half_up(33, 40) == 83
    assert acceptable_percents(33, 40) == {82, 83}  # 82.5: a tie
    assert acceptable_percents(1, 40) == {2, 3}
    assert acceptable_percents(4, 40) == {10}
    assert acceptable_percents(1, 3, ({"a": 34, "b": 33, "c": 33},), "a") == {33, 34}


def test_cli_exit_codes_and_json(tmp_path):
    runner = CliRunner()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(SEED_SUMMARY, encoding="utf-8")
    right = tmp_path / "right.txt"
    right.write_text(CORRECT, encoding="utf-8")
    workbook = str(example_path("2025-01"))
    outcome = runner.invoke(main, ["check", str(wrong), workbook])
    assert outcome.exit_code == 1
    assert "3 findings:" in outcome.output
    assert "Seven actions are incomplete, but the breakdown that follows accounts for 6" in outcome.output
    outcome = runner.invoke(main, ["check", str(right), workbook, "--json"])
    assert outcome.exit_code == 0
    document = json.loads(outcome.output)
    assert document["findings"] == [] and document["plan"] == "oldham-send-pap-2025-01.xlsx"
    assert document["as_of"] == "2025-01-15"  # the plan's version date
    outcome = runner.invoke(main, ["check", str(wrong), workbook, "--json"])
    assert json.loads(outcome.output)["findings"][2]["message"] == SEVEN_BUT_SIX
    outcome = runner.invoke(main, ["check", str(tmp_path / "missing.docx"), workbook])
    assert outcome.exit_code == 2
    assert outcome.output.strip().endswith("missing.docx: file not found: check the name and the folder")
    outcome = runner.invoke(main, ["check", str(right), str(wrong)])
    assert outcome.exit_code == 2


def test_a_file_that_is_not_a_draft_is_refused(tmp_path):
    fake = tmp_path / "draft.docx"
    fake.write_text("not really Word", encoding="utf-8")
    with pytest.raises(NotADraft, match=r"is not a Word \.docx file"):
        read_draft(fake)
    pdf = tmp_path / "draft.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    with pytest.raises(NotADraft, match="not a draft report"):
        read_draft(pdf)


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=2, max_size=6))
def test_every_largest_remainder_share_is_accepted_and_the_split_adds_to_100(counts):
    from paptools.check.numbers import largest_remainder

    total = sum(counts)
    if total == 0:
        return
    shares = {f"s{i}": n for i, n in enumerate(counts)}
    split = largest_remainder(shares, total)
    assert sum(split.values()) == 100
    for name, n in shares.items():
        assert split[name] in acceptable_percents(n, total, (split,), name)
        assert n * 100 // total <= split[name] <= -(-n * 100 // total)  # the floor or the ceiling


def test_a_table_row_for_actions_without_a_priority_area_is_checked(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["Ref", "Action", "Lead", "Timescale", "Status", "Progress"],
                ["1", "Improve EHCP timeliness", "Jane Smith", "Jun-25", "On track", "Jan25: JS: rate at 60%."],
                ["2", "Co-produce the local offer", "Raj Patel", "Sep-25", "At risk", "Dec24: RP: first workshop."]):
        book.active.append(row)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    table = ("# Performance\n\n| Priority area | Complete | On track | Not yet started | Vulnerable | At risk | Total |\n"
             "|---|---|---|---|---|---|---|\n| No priority area | 0 | {on} | 0 | 0 | 1 | 2 |\n")
    right, wrong = tmp_path / "right.md", tmp_path / "wrong.md"
    right.write_text(table.format(on=1), encoding="utf-8")
    wrong.write_text(table.format(on=2), encoding="utf-8")
    checked = check_draft(read_draft(right), plan)
    assert (messages(checked), [u.phrase for u in checked.unchecked]) == ([], [])
    assert [(f.rule, f.phrase) for f in check_draft(read_draft(wrong), plan).findings] == [
        ("count", "No priority area: 2 On track")]

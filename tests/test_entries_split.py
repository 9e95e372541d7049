"""Entry splitting that cannot lose text: newest-first cells, numbers at line ends, milestone lists.

Expected entries are written out literally, or generated together with the cell they are
rendered into (never produced by the splitter itself).
"""
from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paptools.compare.diff import diff_entries, diff_plans
from paptools.model import Action, Entry, EntryOrder, Plan, Status, Timescale
from paptools.read.entries import split_cell, split_entries, usual_order
from paptools.read.text import clean_text

WORKBOOKS = Path(__file__).resolve().parent.parent / "workbooks"
OLDEST, NEWEST, UNKNOWN = EntryOrder.OLDEST_FIRST, EntryOrder.NEWEST_FIRST, EntryOrder.UNKNOWN


def splits(text: str, usual: EntryOrder = UNKNOWN) -> list[tuple[str | None, str | None, str]]:
    return [(e.date.iso() if e.date else None, e.initials, e.text) for e in split_cell(text, usual).entries]


def assert_rebuilds(text: str, entries: tuple[Entry, ...]) -> None:
    """Every character of the cell is in exactly one entry: raws in order, only whitespace between."""
    pos = 0
    for entry in entries:
        assert entry.raw and entry.raw == entry.raw.strip()
        assert 0 <= entry.text_start <= len(entry.raw)
        while pos < len(text) and text[pos].isspace():
            pos += 1
        assert text.startswith(entry.raw, pos), (text[pos : pos + 60], entry.raw[:60])
        pos += len(entry.raw)
    assert not text[pos:].strip(), f"text left over: {text[pos:pos + 60]!r}"


# --- the cases of issue 11 and 19, written out ---------------------------------------------

def test_an_entry_ending_in_a_number_keeps_the_next_lines_date():
    assert splits("Waiting list rose by 5\nDec23: another 12\nJan24: done") == [
        (None, None, "Waiting list rose by 5"),
        ("2023-12", None, "another 12"),
        ("2024-01", None, "done"),
    ]


def test_a_number_that_cannot_be_a_day_does_not_hide_the_date_after_it():
    assert splits("Nov23: waiting list down to 40\nDec23: SL: started") == [
        ("2023-11", None, "waiting list down to 40"),
        ("2023-12", "SL", "started"),
    ]


def test_newest_first_the_trailing_text_is_the_opening_entry():
    text = "Mar24: AW: third update\nJan24: second update\nDec23: first update\nOriginal position: nothing in place."
    cell = split_cell(text)
    assert (cell.detected, cell.order) == (NEWEST, NEWEST)
    assert splits(text) == [
        ("2024-03", "AW", "third update"),
        ("2024-01", None, "second update"),
        ("2023-12", None, "first update"),
        (None, None, "Original position: nothing in place."),
    ]
    assert cell.notes == ()


def test_newest_first_with_paragraphs_splits_at_the_blank_line():
    text = ("Mar24: AW: third update\n\nJan24: second update\nwith a second line\n\n"
            "Dec23: first update\nand more\n\nOriginal position: nothing in place.")
    assert splits(text) == [
        ("2024-03", "AW", "third update"),
        ("2024-01", None, "second update\nwith a second line"),
        ("2023-12", None, "first update\nand more"),
        (None, None, "Original position: nothing in place."),
    ]
    assert split_cell(text).notes == ()


def test_newest_first_when_entries_have_lines_of_their_own_the_reading_is_reported():
    text = "Jan24: second update\nwith a second line\nDec23: first update\nOriginal position."
    assert splits(text) == [
        ("2024-01", None, "second update\nwith a second line"),
        ("2023-12", None, "first update"),
        (None, None, "Original position."),
    ]
    assert split_cell(text).notes == (
        "the lines after the oldest entry ('Original position.') are read as the cell's first entry, "
        "written before the dated entries above them (the cell runs newest first)",
    )


def test_newest_first_with_blank_lines_but_the_original_text_just_below_is_reported():
    text = "Mar24: c\n\nJan24: b\n\nDec23: a\nOriginal position."
    assert splits(text) == [("2024-03", None, "c"), ("2024-01", None, "b"), ("2023-12", None, "a"),
                            (None, None, "Original position.")]
    assert len(split_cell(text).notes) == 1


def test_a_bulleted_list_stays_with_its_entry():
    text = "Jan24: b\nDec23: first update:\n• one\n• two\nOriginal position."
    assert splits(text) == [
        ("2024-01", None, "b"),
        ("2023-12", None, "first update:\n• one\n• two"),
        (None, None, "Original position."),
    ]


def test_oldest_first_trailing_lines_belong_to_the_latest_entry():
    text = "Original position.\nDec23: first update\nJan24: second update\nand a second line"
    cell = split_cell(text)
    assert cell.detected is OLDEST
    assert splits(text) == [
        (None, None, "Original position."),
        ("2023-12", None, "first update"),
        ("2024-01", None, "second update\nand a second line"),
    ]


def test_one_dated_entry_follows_the_plans_usual_order():
    text = "Dec23: first update\nOriginal position."
    assert split_cell(text).detected is UNKNOWN
    assert splits(text) == [("2023-12", None, "first update\nOriginal position.")]
    assert splits(text, NEWEST) == [("2023-12", None, "first update"), (None, None, "Original position.")]
    assert split_cell(text, NEWEST).order is NEWEST
    assert splits(text, OLDEST) == [("2023-12", None, "first update\nOriginal position.")]


def test_run_on_newest_first_entries_cannot_say_where_the_original_text_starts():
    assert splits("Jan24: b. Dec23: first update. Original position.") == [
        ("2024-01", None, "b."),
        ("2023-12", None, "first update. Original position."),
    ]


def test_an_out_of_place_entry_does_not_turn_the_order():
    cell = split_cell("Nov23: a\nJan24: b\nSep24: c\nMay24: d\nNov24: e")
    assert cell.detected is OLDEST


def test_numbered_milestones_with_iso_dates():
    text = "(1) 2014/05/23: kickoff held\n(2) 2014/07/01: design agreed\n(3) 2014/09/30: build started"
    assert splits(text) == [
        ("2014-05-23", None, "kickoff held"),
        ("2014-07-01", None, "design agreed"),
        ("2014-09-30", None, "build started"),
    ]
    assert [e.raw for e in split_entries(text)[0]] == [
        "(1) 2014/05/23: kickoff held", "(2) 2014/07/01: design agreed", "(3) 2014/09/30: build started"
    ]


def test_numbered_milestones_on_one_line():
    assert [e.raw for e in split_entries("(1) 2014/05/23: kickoff held (2) 2014/07/01: design agreed")[0]] == [
        "(1) 2014/05/23: kickoff held", "(2) 2014/07/01: design agreed"
    ]


def test_numbered_milestones_with_written_dates():
    text = "1. 23 May 2014 - kickoff\n2. 1 July 2014 - design\n3. 30 September 2014 - build"
    assert splits(text) == [
        ("2014-05-23", None, "kickoff"), ("2014-07-01", None, "design"), ("2014-09-30", None, "build")
    ]
    assert [e.raw for e in split_entries(text)[0]] == [
        "1. 23 May 2014 - kickoff", "2. 1 July 2014 - design", "3. 30 September 2014 - build"
    ]


def test_a_date_and_a_day_on_one_line_still_read_as_a_day_date():
    assert splits("Start. 12 Jan 2024: agreed") == [(None, None, "Start."), ("2024-01-12", None, "agreed")]
    assert splits("Intro. 5 Dec23: SL: started") == [(None, None, "Intro."), ("2023-12-05", "SL", "started")]


def test_a_number_before_a_month_written_with_its_year_is_text_on_one_line_too():
    assert splits("Waiting list rose by 5 Dec23: another 12 Jan24: done") == [
        (None, None, "Waiting list rose by 5"),
        ("2023-12", None, "another 12"),
        ("2024-01", None, "done"),
    ]
    assert splits("Met on 12 Jan24 and agreed.") == [(None, None, "Met on 12 Jan24 and agreed.")]


def test_the_plans_usual_order_is_what_most_cells_say():
    cells = ["Mar24: c\nJan24: b", "Feb24: b\nDec23: a\nOriginal.", "Nov23: a\nDec23: b", "no dates", "Dec23: one"]
    assert usual_order(cells) is NEWEST
    assert usual_order(cells[2:]) is OLDEST
    assert usual_order(["no dates", "Mar24: c\nJan24: b", "Nov23: a\nDec23: b"]) is UNKNOWN


def test_a_plans_first_updates_are_ordered_by_the_cells_shape():
    newest = ["Dec23: first update\nOriginal position.", "Jan24: SL: started\nNothing in place yet.", "No update yet."]
    assert usual_order(newest) is NEWEST
    oldest = ["Original position.\nDec23: first update", "Nothing in place yet. Jan24: SL: started", "No update."]
    assert usual_order(oldest) is OLDEST
    assert usual_order(["Dec23: first update", "No update yet."]) is UNKNOWN


def test_the_usual_order_may_be_given_as_words():
    assert split_cell("Dec23: first update\nOriginal position.", "newest first").order is NEWEST  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, want",
    [
        ("12/03/2024 JB: chased supplier again, no reply\n05/02/2024 JB: raised with supplier\n"
         "Risk identified at project board.",
         [("2024-03-12", "JB", "chased supplier again, no reply"), ("2024-02-05", "JB", "raised with supplier"),
          (None, None, "Risk identified at project board.")]),
        ("Update 14.03.24 - survey closed with 120 responses\nUpdate 10.01.24 - survey launched",
         [("2024-03-14", None, "survey closed with 120 responses"), ("2024-01-10", None, "survey launched")]),
        ("[Mar 2024] Policy approved by Cabinet.\n[Jan 2024] Draft policy out to consultation.\n"
         "Baseline: no policy in place.",
         [("2024-03", None, "Policy approved by Cabinet."), ("2024-01", None, "Draft policy out to consultation."),
          (None, None, "Baseline: no policy in place.")]),
        ("2024-03-12: Training delivered to 40 staff\n2024-01-09: Training booked\n\n"
         "Baseline (Sept 2023): 0 staff trained",
         [("2024-03-12", None, "Training delivered to 40 staff"), ("2024-01-09", None, "Training booked"),
          (None, None, "Baseline (Sept 2023): 0 staff trained")]),
        ("Position at Jan 24: two posts filled\nPosition as at Oct 23 - none filled",
         [("2024-01", None, "two posts filled"), ("2023-10", None, "none filled")]),
        ("Q4 23/24: all posts filled\nQ3 23/24: 2 of 4 posts filled",
         [(None, None, "Q4 23/24: all posts filled"), (None, None, "Q3 23/24: 2 of 4 posts filled")]),
        ("2024-11-04T09:30:00 - Panel met.\n2024-12-02T14:00:00 - Second panel.\n12/03/2025 14:30: Third.",
         [("2024-11-04", None, "Panel met."), ("2024-12-02", None, "Second panel."), ("2025-03-12", None, "Third.")]),
        ("Meeting on 12/03/2024 at 14:30 went well.", [(None, None, "Meeting on 12/03/2024 at 14:30 went well.")]),
        ("Summer term 2024: Draft written.\nAutumn term 2024 - Published.\nSpring term 2025/26: Reviewed.",
         [("2024-07", None, "Summer term 2024: Draft written."), ("2024-12", None, "Autumn term 2024 - Published."),
          ("2026-04", None, "Spring term 2025/26: Reviewed.")]),
        ("Sept 2024: Audit started.\nWinter 2024: Half the plans audited. In the autumn term 2024: more.",
         [("2024-09", None, "Audit started."), (None, None, "Winter 2024: Half the plans audited. In the autumn term "
                                                          "2024: more.")]),
        ("March 2024\nPolicy approved.\nJanuary 2024\nDraft out to consultation.",
         [("2024-03", None, "Policy approved."), ("2024-01", None, "Draft out to consultation.")]),
        ("Update (March 2025): Panel met.\nUpdate (April 2025) AB: Second panel.",
         [("2025-03", None, "Panel met."), ("2025-04", "AB", "Second panel.")]),
        ("w/c 3/3/25 - Panel met.\nWeek commencing 14 April 2025: Second panel.",
         [("2025-03-03", None, "Panel met."), ("2025-04-14", None, "Second panel.")]),
        ("Update (see March 2025 minutes): panel met.",  # no date in brackets on its own: one entry
         [(None, None, "Update (see March 2025 minutes): panel met.")]),
        ("January 25th 2025: Panel met.\nFebruary 3rd, 2025 - Second panel.",
         [("2025-01-25", None, "Panel met."), ("2025-02-03", None, "Second panel.")]),
        ("15/01/2025 (JS) Panel met.\n03/02/2025 (JS): Second panel.\nHeld on 10/02/2025 (JS) and agreed.",
         [("2025-01-15", "JS", "Panel met."), ("2025-02-03", "JS", "Second panel.\nHeld on 10/02/2025 (JS) and agreed.")]),
        ("March 2025 update: site live.\nFebruary 2025 Update - JS: content drafted.\nJan 25 progress: Scoped.",
         [("2025-03", None, "site live."), ("2025-02", "JS", "content drafted."), ("2025-01", None, "Scoped.")]),
        ("Since May 2024 update: the policy applies.",  # a date inside a sentence: no heading
         [(None, None, "Since May 2024 update: the policy applies.")]),
        ("Update 1 (Jan 25): Draft written.\nUpdate 2 (Mar 25): Published.",  # numbered updates
         [("2025-01", None, "Draft written."), ("2025-03", None, "Published.")]),
        ("Update 12 - 14/03/2025: Panel met.\nUpdate no. 13 - 20/04/2025: Second panel.",
         [("2025-03-14", None, "Panel met."), ("2025-04-20", None, "Second panel.")]),
        ("Progress - Jan 25: Scoped.\nUpdated 3 schools in Mar 25.",
         [("2025-01", None, "Scoped.\nUpdated 3 schools in Mar 25.")]),
    ],
)
def test_tracker_house_styles(text, want):
    assert splits(text) == want


# --- every cell of the examples, and variants of them -------------------------------------

def workbook_progress_cells() -> list[str]:
    """Every Progress cell of every example workbook, read with openpyxl (not paptools)."""
    cells: list[str] = []
    for path in sorted(WORKBOOKS.glob("*.xlsx")):
        book = openpyxl.load_workbook(path, read_only=True)
        for sheet in book.worksheets:
            column = None
            for row in sheet.iter_rows(values_only=True):
                headers = [i for i, v in enumerate(row) if isinstance(v, str) and v.startswith("Progress")]
                if headers:
                    column = headers[0]
                elif column is not None and column < len(row) and isinstance(row[column], str):
                    cells.append(row[column])
        book.close()
    return cells


CELLS = workbook_progress_cells()


def test_the_examples_have_progress_cells():
    assert len(CELLS) > 250  # seven versions of about 50 actions, some not yet written


def test_every_progress_cell_of_the_examples_is_split_without_losing_a_character():
    for text in CELLS:
        for form in (text, clean_text(text)):
            for usual in (UNKNOWN, NEWEST):
                assert_rebuilds(form, split_cell(form, usual).entries)


def _lines_reversed(text: str) -> str:
    return "\n".join(reversed(text.split(". ")))


@given(st.sampled_from(CELLS or [""]), st.randoms(use_true_random=False),
       st.sampled_from(["shuffle", "reverse", "numbers", "newlines"]))
@settings(max_examples=300, deadline=None)
def test_variants_of_the_example_cells_lose_nothing(text, rnd, how):
    sentences = text.split(". ")
    if how == "shuffle":
        rnd.shuffle(sentences)
        variant = ". ".join(sentences)
    elif how == "reverse":
        variant = _lines_reversed(text)
    elif how == "numbers":
        variant = "\n".join(f"{s} {rnd.randint(0, 99)}" for s in sentences)
    else:
        variant = "\n".join(sentences)
    for usual in (UNKNOWN, NEWEST):
        assert_rebuilds(variant, split_cell(variant, usual).entries)


PIECES = st.sampled_from([
    "Nov23: SL: ", "Dec 23 ", "Mar24 AW - ", "21/03/24: AB: ", "ED 19/03/2024 - ", "un 24: ", "(May 25)", ". ",
    "\n", "\n\n", "• ", "by end of Dec 2023", "PC: ", "May 24: May 24 – PC: ", "Sept 2023:", "Jan24-CF: ", " - ",
    "text ", "rose by 5", "12", "40\n", "(1) ", "2. ", "2014/05/23: ", "1 July 2014 - ", "Original position.",
    "Q1/Q2 24/25", "1.10", "&", "Complete", "  ", ":", "-", "Update ", "[", "]", "(", ")", "Q3 23/24: ",
    "Position at ", "2024-11-04T09:30:00 - ", "12/03/2024 14:30 ", "Autumn term 2024: ", "\nWinter 2024 - ", "Spring term 2025/26:",
    "\nw/c 4 Nov: ", "\n4th Dec - ", "\n• 6 Jan: AB: ", "\n29 Feb: ", "\nWeek commencing 18 November – ",
    "\nSarah Jones 14/01/25: ", "\nSEND Board 12.11.24 - AB - ", "\nMid-Jan 25: ", "Nov/Dec 24: ", "\nEarly Nov 2024 - ",
    "Head of SEND, 02/12/24: ", "Jones ", "\n14/11: ", "\n4/11 - AB - ", "10/12: ", "\n1) 12/03/24 ", "\n(b) Jan 25 ",
    "\n14th January 2025 (Sarah Jones): ", "\n*14/01/25* ", "\nUpdated 10th December 2024 by JS - ", " by AB - ",
    "\nUpdate (JS, 14/01/25): ", "\nUpdate (14/01/25, AB): ", "(NHS, ", "\nNovember: ", "\nJanuary update - ", "May ", "\nJan 14th: ", "\nFeb 3rd - AB - ", "\nJS (14/01/25): ", "\nAB [Feb 2025] ", "\nThe (",
    "\nMeeting held ", "\nUpdate as at ", "\nNHS (14/01/25): ", "\nAB 14/01/25 ", "\nBy ", "held on ",
    "Oct 24 - Jan 25: ", "\nSept 24 – Dec 24 AB: ", " - Jan 25 ", "\nDec 2024 / Jan 2025: ", "Dec 24 & Jan 25 - ", " / ",
])


@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=25), st.sampled_from(list(EntryOrder)))
@settings(max_examples=300, deadline=None)
def test_any_text_is_split_without_losing_a_character(pieces, usual):
    text = "".join(pieces)
    assert_rebuilds(text, split_cell(text, usual).entries)


# --- generated cells with their entries known in advance ----------------------------------

MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WORDS = st.sampled_from(["waiting", "list", "down", "to", "rose", "by", "plan", "agreed", "the", "board", "and",
                         "posts", "filled", "12", "40", "5", "98"])


@st.composite
def dated_entries(draw: st.DrawFn, least: int = 1) -> list[tuple[str, str, str | None, str]]:
    """(heading, iso date, initials, text) for entries in date order, one month apart or more."""
    n = draw(st.integers(least, 6))
    start = draw(st.integers(2019 * 12, 2027 * 12))
    steps = draw(st.lists(st.integers(1, 5), min_size=n, max_size=n))
    result = []
    month_index = start
    for step in steps:
        month_index += step
        year, month = divmod(month_index, 12)
        name = MONTH_NAMES[month]
        form = draw(st.sampled_from(["compact", "spaced", "long", "day"]))
        if form == "compact":
            written, iso = f"{name}{year % 100:02d}", f"{year}-{month + 1:02d}"
        elif form == "spaced":
            written, iso = f"{name} {year % 100:02d}", f"{year}-{month + 1:02d}"
        elif form == "long":
            written, iso = f"{name} {year}", f"{year}-{month + 1:02d}"
        else:
            day = draw(st.integers(1, 28))
            written, iso = f"{day:02d}/{month + 1:02d}/{year % 100:02d}", f"{year}-{month + 1:02d}-{day:02d}"
        initials = draw(st.sampled_from([None, "SL", "AW", "HMN", "PC"]))
        heading = f"{written}: " if initials is None else draw(st.sampled_from([f"{written}: {initials}: ",
                                                                               f"{written} {initials} - "]))
        text = " ".join(draw(st.lists(WORDS, min_size=1, max_size=8)))
        result.append((heading, iso, initials, text))
    return result


@given(dated_entries(), st.sampled_from(["\n", "\n\n"]), st.booleans(), st.booleans())
@settings(max_examples=300, deadline=None)
def test_generated_cells_split_into_the_entries_they_were_written_from(entries, gap, newest, opening):
    original = "Original position: nothing in place" if opening else None
    written = list(reversed(entries)) if newest else entries
    parts = [heading + text for heading, _, _, text in written]
    if original:
        parts = [*parts, original] if newest else [original, *parts]
    text = gap.join(parts)
    want = [(iso, initials, body) for _, iso, initials, body in written]
    if original:
        want = [*want, (None, None, original)] if newest else [(None, None, original), *want]
    usual = NEWEST if newest else OLDEST
    assert splits(text, usual) == want
    if len(entries) > 1:
        assert split_cell(text).detected is usual
        assert splits(text) == want


@given(dated_entries(least=2), st.sampled_from(["\n", "\n\n"]), st.booleans())
@settings(max_examples=200, deadline=None)
def test_adding_an_entry_is_one_new_entry_and_no_history_change(entries, gap, newest):
    def cell(chosen):
        parts = [heading + text for heading, _, _, text in chosen]
        parts = [*reversed(parts), "Original position"] if newest else ["Original position", *parts]
        return gap.join(parts)

    usual = NEWEST if newest else OLDEST
    before = split_cell(cell(entries[:-1]), usual).entries
    after = split_cell(cell(entries), usual).entries
    new, edited, removed = diff_entries("PAP 1.1", before, after)
    assert [(n.entry.date.iso(), n.entry.text) for n in new] == [(entries[-1][1], entries[-1][3])]
    assert (list(edited), list(removed)) == ([], [])


# --- diffing a plan with itself -----------------------------------------------------------

def _plan(progress_cells: list[str], statuses: list[Status | None]) -> Plan:
    actions = []
    for n, (progress, status) in enumerate(zip(progress_cells, statuses), start=1):
        entries, _ = split_entries(progress)
        actions.append(Action(
            ref=f"PAP 1.{n}", ref_text=f"PAP: 1.{n}", is_pap=True, title=f"Action {n}", owner="Amber Burton",
            owners=("Amber Burton",), timescale=Timescale("Sep-24", None, None), success_criteria="",
            progress=progress, entries=entries, outcome="", evidence="", status=status, status_source="text",
            section="PAP 1", priority_area="Priority area 1", sheet="PAP", row=n + 3,
        ))
    return Plan(source="plan.xlsx", actions=tuple(actions))


PROGRESS = st.one_of(
    st.sampled_from(CELLS[:60] or [""]),
    st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=15).map("".join),
)


@given(st.lists(st.tuples(PROGRESS, st.sampled_from([*Status, None])), min_size=1, max_size=8))
@settings(max_examples=100, deadline=None)
def test_diffing_a_plan_with_itself_finds_nothing(rows):
    plan = _plan([p for p, _ in rows], [s for _, s in rows])
    assert diff_plans(plan, plan).is_empty
    assert diff_plans(plan, copy.deepcopy(plan)).is_empty
    # The same progress read again, entry by entry, is the same history.
    for action in plan.actions:
        again = split_entries(action.progress + " ")[0]
        assert diff_entries(action.ref, action.entries, again) == ([], [], [])


def test_a_self_diff_would_see_a_change():
    """The property above can fail: one changed status is found."""
    plan = _plan(CELLS[:2], [Status.ON_TRACK, Status.COMPLETE])
    changed = replace(plan, actions=(plan.actions[0], replace(plan.actions[1], status=Status.AT_RISK)))
    assert not diff_plans(plan, changed).is_empty



# --- through the reader: a plan written newest first ---------------------------------------

def test_a_newest_first_plan_read_and_reconciled(make_workbook):
    from conftest import action, plan_rows

    from paptools.read.plan import read_plan

    before = {
        "PAP 1.1": "Jan24: SL: second update\nDec23: SL: first update\nOriginal position: no panel.",
        "PAP 1.2": "Feb24: AW: posts advertised\nNov23: AW: budget agreed\nNo posts at the start.",
        "PAP 1.3": "Dec23: PC: scoping began\nNothing in place at the inspection.",
    }
    added = {"PAP 1.1": "Mar24: SL: panel met", "PAP 1.2": "Apr24: AW: two appointed", "PAP 1.3": "Feb24: PC: plan drafted"}
    after = {ref: f"{added[ref]}\n{text}" for ref, text in before.items()}
    old = read_plan(make_workbook(plan_rows(*(action(ref, progress=text) for ref, text in before.items()))))
    new = read_plan(make_workbook(plan_rows(*(action(ref, progress=text) for ref, text in after.items()))))
    assert [(e.date.iso() if e.date else None, e.initials, e.text) for e in new.by_ref()["PAP 1.3"].entries] == [
        ("2024-02", "PC", "plan drafted"),
        ("2023-12", "PC", "scoping began"),
        (None, None, "Nothing in place at the inspection."),
    ]
    assert [(e.date.iso() if e.date else None, e.text) for e in old.by_ref()["PAP 1.3"].entries] == [
        ("2023-12", "scoping began"), (None, "Nothing in place at the inspection.")
    ]
    diff = diff_plans(old, new)
    assert [(n.ref, n.entry.text, n.position) for n in diff.new_entries] == [
        ("PAP 1.1", "panel met", "at the top"),
        ("PAP 1.2", "two appointed", "at the top"),
        ("PAP 1.3", "plan drafted", "at the top"),
    ]
    assert (diff.edited_entries, diff.removed_entries) == ((), ())

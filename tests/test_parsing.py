"""Timescales, refs, status words and colours: the small readings everything else relies on."""
from __future__ import annotations

from datetime import datetime

import pytest

from paptools.model import Status
from paptools.read.dates import find_dates
from paptools.read.people import People, initials_fit
from paptools.read.refs import RefCandidate, number_text, parse_ref, resolve_numeric_refs, sort_key
from paptools.read.statuses import ColourKey, apply_tint, family, key_status, status_from_text
from paptools.read.text import clean_text, decode_escapes
from paptools.read.timescales import parse_timescale


@pytest.mark.parametrize(
    "text, original, revised",
    [
        ("Sep-23", "2023-09", None),
        ("Nov-23 Revised date: April 24 (CPS/CAM HS review new ND referral process)", "2023-11", "2024-04"),
        ("Revised date: May-25", None, "2025-05"),
        ("July-25 (timescale revised)", None, "2025-07"),
        ("New timescale: Dec-24", None, "2024-12"),
        ("Dec 23 Revised: May 24.", "2023-12", "2024-05"),
        ("Apr-27", "2027-04", None),
        ("June-24 Revised date: Sept 24 – contract register completed June 24", "2024-06", "2024-09"),
        ("May-24 Revised date: June 24", "2024-05", "2024-06"),
        ("Revised Date: March 2027", None, "2027-03"),
        ("Revised date: Sept 24 - to keep in line with timeline for joint commissioning strategy", None, "2024-09"),
        ("Sep-23 revised to Dec-23, revised again to Mar-24", "2023-09", "2024-03"),
        ("31/03/2025", "2025-03", None),
        # a span of months is due at its end
        ("April 2025 - March 2026", "2026-03", None),
        ("Sept 2024 – July 2025", "2025-07", None),
        ("From Jan 2025 to Dec 2025", "2025-12", None),
        ("Mar-25 to Jun-25", "2025-06", None),
        ("Dec-23 - Mar-24 (revised)", "2023-12", "2024-03"),  # with a revision word, not a span
        # the end of a calendar year is its December
        ("by end of 2025", "2025-12", None),
        ("Close of 2024", "2024-12", None),
        # a month in figures: its year in four anywhere, in two only as the whole cell
        ("03/2025", "2025-03", None),
        ("by 3.2025", "2025-03", None),
        ("03/25", "2025-03", None),
        ("03/2025 (revised from 12/2024)", "2024-12", "2025-03"),
    ],
)
def test_timescale_text_gives_original_and_latest_revised_month(text, original, revised):
    timescale, problem = parse_timescale(text)
    assert problem is None
    assert timescale.text == text
    assert (timescale.original_due and timescale.original_due.iso()) == original
    assert (timescale.revised_due and timescale.revised_due.iso()) == revised


@pytest.mark.parametrize("text", ["end of the 2025 term", "2025"])
def test_a_year_alone_is_no_due_month(text):
    timescale, problem = parse_timescale(text)
    assert timescale.due is None and problem == f"timescale '{text}' names no month, so no due date is known"


@pytest.mark.parametrize("text", ["By Sept", "March"])
def test_a_month_with_no_year_is_no_due_month_and_says_to_write_the_year(text):
    timescale, problem = parse_timescale(text)
    assert timescale.due is None and problem == (
        f"timescale '{text}' names a month but no year, so no due date is known: write the year too, as in 'Sep-25'")


def test_a_figure_over_two_digits_in_words_is_no_month():
    timescale, problem = parse_timescale("score 3/25 at review")
    assert timescale.due is None and problem == "timescale 'score 3/25 at review' names no month, so no due date is known"


@pytest.mark.parametrize("text, year", [("end of 2025/26", "2025/26"), ("End of 2025-26", "2025-26")])
def test_a_year_that_may_be_financial_or_academic_is_no_due_month_and_says_what_to_write(text, year):
    timescale, problem = parse_timescale(text)
    assert timescale.due is None
    assert problem == (f"timescale '{text}' names the year {year} but not whether it is the financial year "
                       "(ending in March) or the academic year (ending in August), so no due date is known: "
                       f"write the month, or 'financial year {year}'")


@pytest.mark.parametrize(
    "text, original, revised",
    [
        # a school term is due when it ends; the spring term ends at Easter, by April
        ("Summer term 2025", "2025-07", None),
        ("End of the autumn term 2025", "2025-12", None),
        ("Spring term 2026", "2026-04", None),
        ("Spring term 2025/26", "2026-04", None),
        ("Autumn term 2025/26", "2025-12", None),
        # a named financial year ends in March, an academic year in August
        ("Financial year 2025/26", "2026-03", None),
        ("by end of FY 25/26", "2026-03", None),
        ("2024/25 financial year", "2025-03", None),
        ("Academic year 2025-26", "2026-08", None),
        ("Autumn term 2025, revised to Spring term 2026", "2025-12", "2026-04"),
        # the month a deadline had before, introduced as such
        ("September 2025 (originally March 2025)", "2025-03", "2025-09"),
        ("Revised: July 2025 (was April 2025)", "2025-04", "2025-07"),
        ("Sep 2025 (was due Mar 2025)", "2025-03", "2025-09"),
        ("March 2025 (revised from Jan 2025)", "2025-01", "2025-03"),
        ("Moved from Jan 2025 to Apr 2025", "2025-01", "2025-04"),
        # an arrow from the old month to the new
        ("Jan 25 -> Apr 25", "2025-01", "2025-04"),
        ("Jan 25 → Apr 25", "2025-01", "2025-04"),
    ],
)
def test_terms_named_years_and_earlier_months_are_read(text, original, revised):
    timescale, problem = parse_timescale(text)
    assert problem is None
    assert (timescale.original_due and timescale.original_due.iso()) == original
    assert (timescale.revised_due and timescale.revised_due.iso()) == revised


def test_a_season_is_no_due_month_and_says_to_write_the_term():
    timescale, problem = parse_timescale("Spring 2025")
    assert timescale.due is None
    assert problem == ("timescale 'Spring 2025' names a season, not a month, so no due date is known: "
                       "write the month, or the school term ('Summer term 2025')")


def test_two_months_with_no_word_between_are_reported_and_the_first_used():
    timescale, problem = parse_timescale("Jul-25 / Sep-25")
    assert (timescale.original_due.iso(), timescale.revised_due) == ("2025-07", None)
    assert problem == ("timescale 'Jul-25 / Sep-25' gives more than one month (Jul 2025, Sep 2025) without saying "
                       "which is the due date; the first, Jul 2025, is used: if the deadline moved, write 'revised' "
                       "before the new month")


def test_only_the_earlier_month_is_reported_and_used():
    timescale, problem = parse_timescale("Originally Mar 25")
    assert (timescale.original_due.iso(), timescale.revised_due) == ("2025-03", None)
    assert problem == "timescale 'Originally Mar 25' gives only the month it was first due, Mar 2025, which is used"


def test_a_real_excel_date_is_a_due_month_shown_as_excel_shows_it():
    timescale, problem = parse_timescale(datetime(2023, 9, 1))
    assert problem is None and timescale.text == "Sep-23" and timescale.due.iso() == "2023-09"


@pytest.mark.parametrize("text", ["Ongoing", "TBC"])
def test_a_timescale_without_a_month_is_reported(text):
    timescale, problem = parse_timescale(text)
    assert timescale.due is None and timescale.text == text
    assert problem == f"timescale '{text}' names no month, so no due date is known"


@pytest.mark.parametrize("text, start", [
    ("Jan 2025 - ongoing", "Jan 2025"), ("From Jan 2025", "Jan 2025"), ("Sept 2024 onwards", "Sep 2024"),
    ("Started Sept 24, ongoing", "Sep 2024"),
])
def test_a_month_the_work_starts_from_is_no_due_month(text, start):
    """"Jan 2025 - ongoing" is not due in January 2025: read so, it was overdue from February."""
    timescale, problem = parse_timescale(text)
    assert timescale.due is None and timescale.text == text
    assert problem == (f"timescale '{text}' gives when the work starts ({start}) and no end, so no due date is "
                       "known: write the month it is due")


def test_an_ongoing_action_with_a_review_month_is_due_then():
    timescale, problem = parse_timescale("Ongoing (review Mar-25)")
    assert (timescale.due.iso(), problem) == ("2025-03", None)


def test_a_quarter_is_a_due_month_only_when_the_house_style_says_whose_year():
    timescale, problem = parse_timescale("Q3 2024/25")
    assert timescale.due is None
    assert problem == ("timescale 'Q3 2024/25' names a quarter, not a month, so no due date is known: if the plan's "
                       "quarters are the financial year's (Q1 April to June), say so in paptools.toml: "
                       "quarters = \"financial year\"")
    read = {text: parse_timescale(text, financial_quarters=True) for text in
            ("Q3 2024/25", "Q4 24/25", "Q1 2025", "Dec-24 revised to Q1 2025/26")}
    assert {text: (t.original_due and t.original_due.iso(), t.revised_due and t.revised_due.iso(), problem)
            for text, (t, problem) in read.items()} == {
        "Q3 2024/25": ("2024-12", None, None), "Q4 24/25": ("2025-03", None, None),
        "Q1 2025": ("2025-06", None, None), "Dec-24 revised to Q1 2025/26": ("2024-12", "2025-06", None),
    }


def test_a_revision_without_a_new_month_is_reported():
    timescale, problem = parse_timescale("Dec-23 Revised date: TBC")
    assert timescale.due.iso() == "2023-12"
    assert "mentions a revision but gives no revised month" in problem


def test_dates_need_a_year_and_respect_uk_order():
    found = [t.date.iso() for t in find_dates("met 07/01/24, then 15 June, 23/24, Sept 2023 and 13 December 2023")]
    assert found == ["2024-01-07", "2023-09", "2023-12-13"]
    found = [t.date.iso() for t in find_dates("January 25th 2025, Jan 25th, Nov 30, 2024, May 24 and Sept 23 2023/24")]
    assert found == ["2025-01-25", "2024-11-30", "2024-05", "2023-09"]


@pytest.mark.parametrize("text", ["PAP: 1.1", "PAP 1.1", "PAP:1.1", "pap1.1", " PAP - 1.1 "])
def test_ref_spellings_are_one_ref(text):
    ref = parse_ref(text)
    assert ref.text == "PAP 1.1" and ref.is_pap


@pytest.mark.parametrize("text, ref", [
    ("SEND/01", "SEND 01"), ("(3)", "3"), ("3)", "3"), ("2.3 (new)", "2.3"), ("PAP 1.1 (moved from 2.4)", "PAP 1.1"),
    ("(a)", None), ("2.3 new", None),
    ("PA1-03", "PA 1-03"), ("SEND-2-1", "SEND 2-1"), ("1-3", "1-3"), ("2024-25", None), ("1.1-2", None),
    ("1.a", "1a"), ("1.1.b", "1.1b"), ("1.ab", None),
    ("P1 A4", "P1 A4"), ("p2-a1", "P2 A1"), ("P1A4", "P1 A4"), ("PA1 A2b", "PA1 A2b"), ("P1 A4 B2", None),
    ("K4*", "K4"), ("K9 *", "K9"), ("PAP 1.2**", "PAP 1.2"), ("2.1 \u2020", "2.1"), ("1.1a\u2021", "1.1a"),
    ("P1 A4*", "P1 A4"), ("*", None), ("**", None), ("TBC*", None), ("* Joint action with the ICB", None),
])
def test_refs_in_other_house_styles(text, ref):
    parsed = parse_ref(text)
    assert (parsed.text if parsed else None) == ref


def test_a_dash_between_levels_orders_and_groups_like_a_dot():
    assert parse_ref("PA1-03").parts == (1, 3) and parse_ref("PA1-03").is_pap
    assert sorted(["PA 1-10", "PA 2-1", "PA 1-9"], key=sort_key) == ["PA 1-9", "PA 1-10", "PA 2-1"]


def test_a_two_part_ref_is_a_priority_and_an_action():
    assert parse_ref("P1 A4").parts == (1, 4) and parse_ref("P1 A4").is_pap
    assert sorted(["P1 A10", "P2 A1", "P1 A9"], key=sort_key) == ["P1 A9", "P1 A10", "P2 A1"]


def test_refs_of_large_combined_plans():
    assert parse_ref("PAP: 9.2216").text == "PAP 9.2216" and parse_ref("12.10345").text == "12.10345"
    assert parse_ref("PAP 1.123456") is None  # six digits is not a ref


def test_plain_and_prefixed_refs_differ():
    assert parse_ref("1.11").text == "1.11" and not parse_ref("1.11").is_pap
    assert parse_ref("Key") is None and parse_ref("Speech & Language Therapy") is None


def test_a_number_ref_with_fixed_decimals_keeps_them():
    assert number_text(1.1, "0.00") == ("1.10", False)
    assert number_text(1.1, "General") == ("1.1", True)
    assert number_text(2.0, "General") == ("2", False)


def test_numeric_refs_are_read_from_their_neighbours():
    rows = [RefCandidate("1.8"), RefCandidate("1.9", True), RefCandidate("1.1", True), RefCandidate("1.11", True)]
    resolved = resolve_numeric_refs(rows)
    assert [text for text, _ in resolved] == ["1.8", "1.9", "1.10", "1.11"]
    assert resolved[2][1] == "ref is stored as the number 1.1; read as 1.10 because it follows 1.9"
    assert resolved[1][1] is None and resolved[3][1] is None


def test_a_numeric_ref_already_used_is_never_merged():
    rows = [RefCandidate("1.1"), RefCandidate("1.2"), RefCandidate("1.1", True)]
    resolved = resolve_numeric_refs(rows)
    assert [text for text, _ in resolved] == ["1.1", "1.2", "1.10"]
    assert "because 1.1 is already used" in resolved[2][1]


def test_an_undecidable_numeric_ref_is_kept_and_reported():
    resolved = resolve_numeric_refs([RefCandidate("3.1"), RefCandidate("4.2", True), RefCandidate("7.7")])
    assert resolved[1] == ("4.2", "ref is stored as the number 4.2; kept as 4.2; check it is not 4.20")


def test_a_number_ref_beside_dashed_refs_is_read_from_their_levels():
    resolved = resolve_numeric_refs([RefCandidate("1-9"), RefCandidate("1.1", True), RefCandidate("0-0")])
    assert resolved == [("1-9", None), ("1.10", "ref is stored as the number 1.1; read as 1.10 because it follows 1-9"),
                        ("0-0", None)]


@pytest.mark.parametrize(
    "text, status",
    [
        ("Complete", Status.COMPLETE), ("Blue", Status.COMPLETE), ("completed ", Status.COMPLETE),
        ("G", Status.ON_TRACK), ("green ", Status.ON_TRACK), ("On Track", Status.ON_TRACK),
        ("Amber", Status.VULNERABLE), ("A", Status.VULNERABLE), ("At Risk", Status.AT_RISK),
        ("RED", Status.AT_RISK), ("Not started", Status.NOT_STARTED), ("Not yet started", Status.NOT_STARTED),
        ("Complete - agreed at LIP EB May 25", Status.COMPLETE),
    ],
)
def test_status_words(text, status):
    assert status_from_text(text) == (status, True)


@pytest.mark.parametrize("text", ["Open", "On hold", "Purple", "see note", "0"])
def test_words_that_are_not_a_status_are_not_guessed(text):
    assert status_from_text(text) == (None, False)


def test_key_lines_name_their_status():
    assert key_status("Not yet started: The action is planned as part of expected delivery") is Status.NOT_STARTED
    assert key_status("At risk: There is a risk that this action will not be completed") is Status.AT_RISK
    assert key_status("Completed actions") is None


@pytest.mark.parametrize(
    "rgb, name",
    [("0070C0", "blue"), ("00B0F0", "blue"), ("00B050", "green"), ("92D050", "green"), ("C6EFCE", "green"),
     ("FFC000", "amber"), ("FFFF00", "amber"), ("FFEB9C", "amber"), ("FF0000", "red"), ("C00000", "red"),
     ("FFC7CE", "red"), ("FFFFFF", "white"), ("F2F2F2", "white"), ("808080", "other"), ("7030A0", "other")],
)
def test_colour_families(rgb, name):
    assert family(rgb) == name


def test_excel_tint_lightens_and_darkens():
    assert apply_tint("4472C4", 0.7999816888943144) == "DAE3F3"  # Excel's "Blue, Accent 1, Lighter 80%"
    assert apply_tint("4472C4", -0.249977111117893) == "2F5597"  # "Darker 25%"


def test_the_key_decides_and_other_shades_are_reported():
    key = ColourKey()
    for rgb, status in [("0070C0", Status.COMPLETE), ("00B050", Status.ON_TRACK), ("FFC000", Status.VULNERABLE),
                        ("FF0000", Status.AT_RISK), ("FFFFFF", Status.NOT_STARTED)]:
        key.add(rgb, status)
    assert key.status_for("00B050") == (Status.ON_TRACK, None)
    status, message = key.status_for("92D050")
    assert status is Status.ON_TRACK and "not one of the Key's colours; read as On track" in message
    assert key.status_for("7030A0") == (None, "fill colour 7030A0 is not one of the Key's colours; status unknown")


def test_without_a_key_the_usual_colours_apply():
    key = ColourKey()
    assert key.status_for("0070C0") == (Status.COMPLETE, None)
    assert key.status_for("FF0000") == (Status.AT_RISK, None)
    assert key.status_for("808080")[0] is None
    assert key.blank_status() is Status.NOT_STARTED


def test_markup_and_odd_spacing_come_out_clean():
    assert clean_text("<p><b>Priority area 1</b> : Leaders &amp; partners</p> <p>Second</p>") == (
        "Priority area 1 : Leaders & partners\nSecond"
    )
    assert clean_text("May 24: <a href=\"https://m-thrive.org/\">https://m-thrive.org/</a>  ICB\u00a0work") == (
        "May 24: https://m-thrive.org/ ICB work"
    )
    assert clean_text(decode_escapes("waits < 18 weeks _x000D_\r\nnext")[0]) == "waits < 18 weeks\nnext"


@pytest.mark.parametrize(
    "initials, name, fits",
    [("SL", "Steve Larking", True), ("StLA", "Steven Larking", True), ("MBA", "Mike Barker", True),
     ("H M-N", "Heather Martin-Netherwood", True), ("HMN", "Heather Martin-Netherwood", True),
     ("MBA", "Matt Bulmer", False), ("AW", "Amber Burton", False), ("CF", "Dr Catherine Fox", True)],
)
def test_initials_fit_names(initials, name, fits):
    assert initials_fit(initials, name) is fits


def test_initials_prefer_the_actions_own_owners_then_the_busiest_owner():
    people = People([("Steve Larking",), ("Steve Larking", "Amber Burton"), ("Sarah Leah",)])
    assert people.author("SL", ("Sarah Leah", "Catherine Fox")) == "Sarah Leah"
    assert people.author("SL", ("Julie Daniels",)) == "Steve Larking"
    assert people.author("ED & HMN", ()) is None  # nobody of those initials owns an action
    assert People([("Sam Lee",), ("Sarah Leah",)]).author("SL", ()) is None  # a tie is not guessed


def test_initials_fitting_several_owners_take_the_busiest_the_same_under_every_action():
    people = People([("Steve Larking",), ("Steve Larking", "Sarah Leah"), ("Sarah Leah", "Sam Lee"), ("Sarah Leah",)])
    assert people.author("SL", ("Steve Larking", "Sam Lee")) == "Steve Larking"  # both the action's own: the busier
    assert people.author("SL", ("Julie Daniels",)) == "Sarah Leah"  # nobody of the action's own: the plan's busiest
    assert people.author("SL", ("Catherine Fox",)) == "Sarah Leah"
    assert people.author("SL & SL", ("Kim Ray",)) == "Sarah Leah & Sarah Leah"
    assert people.author("SL", ("Sam Lee", "Kim Ray")) == "Sam Lee"


def test_one_spelling_per_ref_as_trackers_write_them():
    from paptools.read.refs import parse_ref

    spellings = {"PAP: 1.1": "PAP 1.1", "PAP1.1": "PAP 1.1", "pap 2.10": "PAP 2.10", "R1": "R1", "R 001": "R001",
                 "A-3": "A3", "1.4a": "1.4a", "REC 12": "REC 12"}
    assert {text: parse_ref(text).text for text in spellings} == spellings


def test_odd_characters_are_tidied_in_ascii_and_other_text_alike():
    assert clean_text("Nov23:\tSL: met\tthe board") == "Nov23: SL: met the board"
    assert clean_text("Nov23:\tSL: met\u00a0the\u200b board\u3000 \ttoday\ufeff") == "Nov23: SL: met the board today"
    assert clean_text("caf\u00e9\u00adbar\u2060 \u2028 x") == "caf\u00e9bar \u2028 x"


@pytest.mark.parametrize("header, field, score, how", [
    ("Item numbr", "ref", 85, "close to 'item number'"),
    ("Number item 1", "ref", 82, "close to 'item number'"),  # words in any order
    ("Sucess criteria", "success_criteria", 87, "close to 'success criteria'"),
    ("respnsible officer", "owner", 87, "close to 'responsible officer'"),
])
def test_headers_spelt_nearly_right_are_matched_by_their_sorted_words(header, field, score, how):
    from paptools.read.headers import HeaderMatch, match_header

    assert match_header(header) == HeaderMatch(field, score, how)
    assert match_header("PAP: 1.12") is None  # an action's ref is no header
    assert match_header("Item number 12") == HeaderMatch("ref", 79, "close to 'item number'")  # digits, but few


def test_no_known_phrase_holds_a_digit():
    """match_header skips the close-spelling search for labels mostly of digits: sound only while
    no phrase has one."""
    from paptools.read.headers import VOCABULARY

    assert not [phrase for phrases in VOCABULARY.values() for phrase in phrases if any(c.isdigit() for c in phrase)]

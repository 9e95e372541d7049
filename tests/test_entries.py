"""The Progress splitter on every cell of the real export, and on the forms officers use."""
from __future__ import annotations

import re

import pytest
from conftest import WORKBOOKS
from hypothesis import given, settings
from hypothesis import strategies as st

from paptools.read.entries import split_entries
from paptools.read.text import clean_text


def export_progress() -> dict[str, str]:
    """ref -> Progress cell, for every action row of the real workbook's export."""
    cells = {}
    for line in (WORKBOOKS / "source" / "pap-export.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 6 and re.match(r"(PAP: )?\d+\.\d+$", parts[0].strip()):
            cells[parts[0].strip()] = clean_text(parts[5])
    return cells


EXPORT = export_progress()


def splits(text: str) -> list[tuple]:
    entries, _ = split_entries(text)
    return [(e.date.iso() if e.date else None, e.initials, e.text) for e in entries]


# (date, initials, how the entry's text begins), written out by hand from the export.
EXPECTED = {
    "PAP: 1.1": [
        ("2023-09", None, "All strategic groups"),
        ("2023-09", None, "High level, nationally recognised independent chair agreed, to commence Jan 2024."),
    ],
    "PAP: 1.4": [
        (None, None, "Meeting has taken place"),
        ("2023-09", None, "service level data being shared between NCA and LA."),
        ("2023-11", "AA", "Confirmed complete"),
    ],
    "PAP: 1.5": [
        (None, None, "Job description has been reviewed as part of ICP restructure. Appointments planned for Oct/Nov 2023."),
        ("2023-12", None, "DCO job description is currently under review again"),
        ("2024-01", "AW", "still awaiting a date"),
        ("2024-03", "AW", "advert went out"),
    ],
    "PAP: 1.6": [
        ("2023-11", "MBA", "High Level discussions"),
        ("2024-01", "SL", "Arrangements for Joint funding packages to be tabled in March/April 2024."),
        ("2024-09", None, "Signed off as complete in LIP EB"),
        ("2024-05", "AB", "meeting with PHE"),
        ("2024-09", "SL", "JSNA has been populated"),
        ("2024-11", None, "LIP EB to continue to monitor for 6 months. Reports to LIP EB in Feb and May 25."),
    ],
    "PAP: 1.7": [
        (None, None, "YP Conference planned for December 2023"),
        ("2024-03-21", "AB", "LAIP had been drafted"),
        ("2024-02", None, "Local Area Inclusion Plan (LAIP) drafted."),
        ("2024-09", "AB", "Outcomes framework is drafted"),
        ("2025-04", None, "Outcomes Framework to go to May LIP EB, recommendation to complete action once agreed at board (May 25)."),
        ("2025-08", None, "Outcomes Framework will be monitored"),
    ],
    "PAP: 1.8": [
        ("2023-11", "SL", "GM CYP MH Transformation group"),
        ("2023-12", "AW", "resource is being secured to update the iTHRIVE directory early in the new year"),
        ("2024-01", "AW", "CYP MH commissioning support"),
        ("2024-03", "PC", "initial high level system mapping"),
        ("2024-05", None, "https://m-thrive.org/ ICB commissioning"),
        ("2024-06", "PC", "Deadline closed 15 June"),
        ("2024-09", None, "Complete and all key stakeholders"),
    ],
    "PAP: 1.9": [
        ("2023-11", "SL", "A draft ICB CYP Health Transformation Tracker"),
        ("2023-12", "SL", "Edits being made following discussion, workshop to be held on 13/12/23"),
        ("2024-01", "SL", "Tracker being further developed"),
        ("2024-03", "PC", "CYP MH commissioner joined"),
        ("2024-03", "AW", "CYP Health Transformation Tracker now forms part"),
        ("2024-05", None, "Paul Cosens has also joined"),
        ("2024-06", None, "CYP MH partnership group first meeting"),
    ],
    "PAP: 2.1": [
        ("2023-07", None, "Final stage 1 grant bid"),
        ("2023-09", None, "Stage 2 grant bid"),
        ("2023-11", "VH", "DDR drafted"),
        ("2024-12", None, "all posts about to be established"),
    ],
    "PAP: 2.3": [
        (None, None, "The Balanced System work"),
        ("2023-12", "SL", "SLCN workshop scheduled for January 2024 which"),
        ("2024-01", "SL", "Workshop 1 of 2 held"),
        ("2024-05", None, "Proposals will be tabled"),
        ("2024-06", None, "StLA presented the proposals"),
    ],
    "PAP: 2.4": [
        (None, None, "Links to PAP 2.1 On track with initial appointments. First evaluation will occur in Dec 24"),
        ("2025-04", None, "VH to write DBV evaluation report"),
        ("2025-09", None, "DBV paper presented"),
    ],
    "PAP: 2.8": [
        ("2023-09", None, "Work between key services"),
        ("2023-11", "PG", "EHCP and AR QA workstream"),
        ("2023-11", "HMN", "Date set to meet on 29/11/23"),
        ("2023-12", None, "Meeting on 29/11/23 identified"),
        ("2024-03-21", "AB", "Consideration being given"),
        ("2024-05", "PG", "being actioned via the S&LT recovery plan"),
        ("2024-06", "PG", "better join up"),
    ],
    "PAP: 2.10": [
        ("2023-11", "SL", "A S&LT waiting list recovery plan"),
        ("2023-12", "HMN", "Validation of the mainstream waiting list from 6th October to 6th December 23."),
        ("2024-01", "HMN", "Mainstream schools waiting list validation"),
        ("2024-09", None, "928 waiting as of end Aug"),
        ("2024-10", None, "Marked as complete"),
    ],
    "PAP: 2.11": [
        (None, None, "Intel gathering has begun"),
        ("2023-11", "ED", "scoping meeting to be scheduled before 01/12"),
        ("2023-12", "HMN & ED", "Final details will be gathered"),
        ("2024-04", "HMN", "Cluster and Link Therapist work"),
        ("2024-05", None, "Following the 2nd SLCN workshop, which was delivered on the 8th May, we have planned"),
        ("2024-06-18", "ED & H M-N", "Following the 2nd SLCN workshop, which was delivered on the 8th May, we met"),
    ],
    "PAP: 2.14": [
        (None, None, "Promote/share the SLCF at upcoming SENCo Development Day (Sep 23)"),
        ("2023-11", "ED & HMN", "revised Total Communication Policy"),
        ("2024-03-19", "ED and H M-N", "The SLCF will be trialled"),
    ],
    "PAP: 2.16": [
        ("2023-11", "SL", "Review of the programme"),
        ("2023-12", "AW", "Project Implementation Plan agreed 8.12.23."),
        ("2024-01", "AW", "feedback loop and evaluation"),
        ("2024-03", "AW", "implementation plan in place"),
        ("2025-04", None, "ELSEC Paper coming to LIP EB June 25."),
        ("2025-08", None, "ELSEC paper presented in June to LIP EB"),
    ],
    "PAP: 2.17": [
        (None, None, "Task & finish group has been set up"),
        ("2023-11", "CF", "Meeting held on 13/11/23"),
        ("2023-12", "AW", "final draft proposal to be shared with wider stakeholder group w/c 11.12.23"),
        ("2023-12", "CF", "CF & AW meeting with partners"),
        ("2024-01", "AW", "further updates have been made"),
        ("2024-01", "CF", "Document reviewed and revised"),
        ("2024-03", "AW", "the sleep proposal has been drafted"),
        ("2024-05", None, "The proposal will be presented to the LIP Exec in May 2024"),
        ("2024-11", None, "First Sleep Proposal"),
        ("2025-03", None, "Sleep will form part of the GM ND pathway"),
        ("2025-11", None, "Task & finish group established"),
    ],
    "PAP: 2.21": [
        (None, None, "Dr Howard attending regular transitions meetings"),
        ("2023-11", "CF", "Dr Howard attends NCA transition group"),
        ("2024-01", None, "operational pathway in place"),
        ("2024-03", "CF", "Dr Howard and Lisa Fern"),
        ("2024-06", None, "Paper to be completed reviewing both tools by Sept 2024."),
        ("2024-11", None, "Transitions framework shared"),
        ("2025-04", None, "Recommendation to close (agreed by LIP EB May 25)."),
    ],
    "PAP: 2.22": [
        (None, None, "Neurodevelopmental patients transferred"),
        ("2023-11", "CF", "Review of medics' clinic templates"),
        ("2024-01", "CF", "New patient waiting list = 260."),
        ("2024-05", None, "The number of new patients on the waiting list continues to reduce"),
        ("2024-06", None, "207 patients on the new patient waiting list"),
        ("2024-09", None, "Significant improvement. Gone from 46 to 22 weeks."),
    ],
    "PAP: 2.23": [
        (None, None, "Referrals being forwarded"),
        ("2023-11", "GF", "Now Implemented."),
        ("2023-11", "VCo", "CAMHS attended SENCO Forum in Nov23."),
        ("2023-11", "PC", "performance reporting from community paediatrics"),
        ("2024-03", "AW", "a review of the updated pathway to be undertaken 3.4.24."),
    ],
    "PAP: 2.24": [
        (None, None, "DRAFT has been provided for ICB boards in Sep 23"),
        ("2023-11", "GF", "Proposal has been developed"),
        ("2024-03", "PC", "GM ICB ND transformation programme"),
        ("2024-05", "PC", "ICB Board members were presented"),
        ("2024-06", None, "ICB GM ND programme in progress"),
        ("2024-11", None, "Agreed as complete during LIP EB. MBa to request timeline from GM."),
    ],
    "PAP: 2.26": [
        ("2023-11", "CF", "Devised agreed process to manage referrals (1/8/23)"),
        ("2023-12", "AW", "funding to support SALT recovery plan"),
        ("2024-01", "AW", "can the date be changed"),
        ("2024-01", "CF", "to review in April"),
        ("2024-05", None, "This action is on track"),
    ],
    "PAP: 2.28": [
        (None, None, "Opportunities to launch at: Headteachers"),
        ("2023-11", "ED", "Different forum needs to be considered"),
        ("2023-12", "ED", "email chain discussion"),
        ("2024-03-19", "ED", "Revised Pathways launched with Headteachers"),
        ("2024-06-18", None, "ED to confirm if secondary heads forum went ahead"),
    ],
    "PAP: 2.30": [
        (None, None, "In process of recruiting to posts"),
        ("2024-03", "AW", "a number of appointments have been made"),
        ("2024-05", "PC", "Commissioner-operational meetings"),
        ("2024-06", "PC", "Comprehensive CAMHS recruitment in progress."),
    ],
    "2.36": [(None, None, "CAMHS spec has been written in to contracts to commence March 2026 Waiting list review")],
    "2.31": [],
}


@pytest.mark.parametrize("ref", sorted(EXPECTED))
def test_tricky_cells_split_as_a_careful_person_would(ref):
    got = splits(EXPORT[ref])
    want = EXPECTED[ref]
    assert [(d, i) for d, i, _ in got] == [(d, i) for d, i, _ in want]
    for (_, _, text), (_, _, start) in zip(got, want):
        assert text.startswith(start), (text[:80], start)


@pytest.mark.parametrize("ref", sorted(EXPORT))
def test_every_export_cell_splits_without_losing_a_word(ref):
    text = EXPORT[ref]
    entries, _ = split_entries(text)
    assert " ".join(" ".join(e.raw for e in entries).split()) == " ".join(text.split())
    for entry in entries:
        assert entry.text, "an entry without text"
        assert not entry.text.startswith((")", ":", "-")), entry.text[:40]
        if entry.date is not None:
            # Every dated entry starts at its heading: the date or the initials before it.
            assert re.match(r"[A-Za-z0-9]", entry.raw)


# (dated entries, undated entries) in each Progress cell of the export, counted by hand.
ENTRY_COUNTS = {
    "PAP: 1.1": (2, 0), "PAP: 1.2": (0, 1), "PAP: 1.3": (0, 1), "PAP: 1.4": (2, 1), "PAP: 1.5": (3, 1),
    "PAP: 1.6": (6, 0), "PAP: 1.7": (5, 1), "PAP: 1.8": (7, 0), "PAP: 1.9": (7, 0), "PAP: 1.10": (4, 0),
    "1.11": (0, 1), "1.12": (0, 1), "1.13": (0, 1), "1.14": (0, 1), "1.15": (0, 1),
    "PAP: 2.1": (4, 0), "PAP: 2.2": (1, 0), "PAP: 2.3": (4, 1), "PAP: 2.4": (2, 1), "PAP: 2.5": (2, 0),
    "PAP: 2.6": (3, 1), "PAP: 2.7": (4, 1), "PAP: 2.8": (7, 0), "PAP: 2.9": (4, 0), "PAP: 2.10": (5, 0),
    "PAP: 2.11": (5, 1), "PAP: 2.12": (4, 1), "PAP: 2.13": (3, 1), "PAP: 2.14": (2, 1), "PAP: 2.15": (2, 1),
    "PAP: 2.16": (6, 0), "PAP: 2.17": (10, 1), "PAP: 2.18": (1, 1), "PAP: 2.19": (1, 1), "PAP: 2.20": (1, 1),
    "PAP: 2.21": (6, 1), "PAP: 2.22": (5, 1), "PAP: 2.23": (4, 1), "PAP: 2.24": (5, 1), "PAP: 2.25": (6, 1),
    "PAP: 2.26": (5, 0), "PAP: 2.27": (2, 1), "PAP: 2.28": (4, 1), "PAP: 2.29": (2, 0), "PAP: 2.30": (3, 1),
    "2.31": (0, 0), "2.32": (0, 0), "2.33": (0, 0), "2.34": (0, 0), "2.35": (0, 1), "2.36": (0, 1), "2.37": (0, 1),
}


def test_every_cell_of_the_export_has_the_entries_counted_by_hand():
    assert set(ENTRY_COUNTS) == set(EXPORT)
    got = {}
    for ref, text in EXPORT.items():
        entries, _ = split_entries(text)
        got[ref] = (sum(1 for e in entries if e.date), sum(1 for e in entries if e.date is None))
    assert got == ENTRY_COUNTS


def test_a_clipped_month_is_read_and_reported():
    entries, notes = split_entries("Proposals tabled. un 24: StLA presented the proposals.")
    assert [(e.date and e.date.iso(), e.text) for e in entries] == [
        (None, "Proposals tabled."), ("2024-06", "StLA presented the proposals.")
    ]
    assert notes == ("'un 24' read as the date Jun 2024 (a letter seems to be missing)",)


@pytest.mark.parametrize(
    "text",
    [
        "Independent chair appointed by end of Dec 2023.",
        "Report coming to LIP Exec in March/April 2024.",
        "Recommendation to close (agreed by LIP EB May 25).",
        "Workshop held on 15/11/2023 to bring partners together.",
        "Deadline closed 15 June for all suggested amendments.",
        "Will go live in the new academic year 2024 – 2025.",
        "Was as high as 10% in July - 4% in October.",
        "Phase 3 planned for Q1/Q2 24/25 with Phase 4 in 24/25 and 25/26.",
        "The QA audits have been undertaken in December 23 and March 24 and a system bought.",
        "Attendance scored 12/30: an improvement on the spring.",
        "About 1/3 of schools have been visited - the rest by summer.",
        "23/24: the academic year's plan was agreed.",
        "Sat 12 pupils in the exam on 12/03/24 and all passed.",
    ],
)
def test_dates_inside_sentences_do_not_start_entries(text):
    assert splits(text) == [(None, None, text)]


def test_entries_on_separate_lines_newest_first():
    text = "March 2025 - HMN: Recovery plan signed off.\nFeb 25: AB: Draft circulated.\n• Jan 2025 Posts advertised."
    assert splits(text) == [
        ("2025-03", "HMN", "Recovery plan signed off."),
        ("2025-02", "AB", "Draft circulated."),
        ("2025-01", None, "Posts advertised."),
    ]


def test_the_same_date_written_twice_is_one_heading():
    assert splits("Intro. May 24: May 24 – PC: ICB agreed a plan.") == [
        (None, None, "Intro."), ("2024-05", "PC", "ICB agreed a plan.")
    ]


def test_a_month_and_year_in_figures_heads_an_entry():
    text = "01/25: SL: Panel agreed the criteria.\n02/2025 - Visits to all schools done.\n• 03/25 – AB – Report drafted."
    assert splits(text) == [
        ("2025-01", "SL", "Panel agreed the criteria."),
        ("2025-02", None, "Visits to all schools done."),
        ("2025-03", "AB", "Report drafted."),
    ]


def test_a_weekday_or_a_label_before_the_date_belongs_to_its_heading():
    assert splits("Mon 13/01/25: First huddle held.\nTue 11/02/25: Huddle moved online.") == [
        ("2025-01-13", None, "First huddle held."), ("2025-02-11", None, "Huddle moved online.")]
    assert splits("Review date 13/01/25 - Plan redrafted.\nUpdate: 11/02/25 Signed off by the board.") == [
        ("2025-01-13", None, "Plan redrafted."), ("2025-02-11", None, "Signed off by the board.")]


def test_a_date_opening_a_line_before_bracketed_letters_is_a_heading_whatever_the_letters():
    # "PS" and "GP" are also words paptools does not take for initials: the dates still head entries
    assert splits("12/03/2024 (PS) Update on progress.\n14/04/2024 (GP) More progress.") == [
        ("2024-03-12", None, "(PS) Update on progress."), ("2024-04-14", None, "(GP) More progress.")]


def test_day_dates_and_initials_before_the_date():
    assert splits("Start. ED 19/03/2024 - Launched. 18/06/2024 - ED & H M-N - Met again.") == [
        (None, None, "Start."),
        ("2024-03-19", "ED", "Launched."),
        ("2024-06-18", "ED & H M-N", "Met again."),
    ]


PIECES = st.sampled_from([
    "Nov23: SL: ", "Dec 23 ", "Mar24 AW - ", "21/03/24: AB: ", "ED 19/03/2024 - ", "un 24: ", "(May 25)", ". ",
    "\n", "• ", "by end of Dec 2023", "PC: ", "May 24: May 24 – PC: ", "Sept 2023:", "Jan24-CF: ", " - ", "text ",
    "Q1/Q2 24/25", "1.10", "&", "Complete", "  ", "01/25: ", "12/2024 - ", "3/12: ",
])


@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=25))
@settings(max_examples=400, deadline=None)
def test_any_progress_text_splits_without_losing_or_inventing_text(pieces):
    text = clean_text("".join(pieces))
    entries, _ = split_entries(text)
    # No character lost or invented (the space between entries is layout, not text).
    assert "".join("".join(e.raw for e in entries).split()) == "".join(text.split())
    for entry in entries:
        assert " ".join(entry.text.split()) in " ".join(entry.raw.split())


@given(st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_any_timescale_text_is_read_or_reported(text):
    from paptools.read.timescales import parse_timescale

    timescale, problem = parse_timescale(text)
    assert timescale.text == clean_text(text)
    assert timescale.due is not None or problem is not None or not clean_text(text)

"""Header words found in other councils' trackers, each mapped to its field: every workbook is
built here, and what a careful reader would take from it written out literally."""
from __future__ import annotations

from datetime import datetime

import pytest
from test_layout import build

from paptools.read.headers import HeaderMatch, match_header
from paptools.read.plan import read_plan


def columns(plan) -> dict[str, tuple[str, str]]:
    return {c.field: (c.letter, c.header) for c in plan.layout.tables[0].columns}


def test_a_where_are_we_column_is_the_progress(tmp_path):
    path = build(tmp_path / "PAP v3 FINAL (2) - Copy.xlsx", {"Sheet1": [
        ["No.", "Action Required", "Who", "When", "Where are we?", "Status"],
        [1, "Agree SEND Ofsted/CQC improvement governance", "DCS", "Sept 2024",
         "Sept 24 - Board stood up, meets monthly.", "Done"],
        [2, "Hold termly SENCO forums", "SEND Advisory Team", "Termly",
         "Oct 24 - Autumn forum held (72 attendees).\nJan 25 - Spring forum booked.", "In progress"],
        [3, "Publish ordinarily available provision guidance", "Inclusion Lead", "By Easter 2025",
         "Jan 25 - Draft with schools for comment; late.", "Delayed"],
        [4, "Review SEN banding funding", "Finance Business Partner", "Summer 2025", "", "Not yet due"],
        [5, "Annual SEND conference", "Head of SEND", "Ongoing", "Nov 24 - Venue booked for June.", "In progress"],
    ]})
    plan = read_plan(path)
    assert columns(plan)["progress"] == ("E", "Where are we?")
    assert plan.layout.tables[0].extra == ()
    assert [(a.ref, [(e.date.iso(), e.text) for e in a.entries]) for a in plan.actions] == [
        ("1", [("2024-09", "Board stood up, meets monthly.")]),
        ("2", [("2024-10", "Autumn forum held (72 attendees)."), ("2025-01", "Spring forum booked.")]),
        ("3", [("2025-01", "Draft with schools for comment; late.")]),
        ("4", []),
        ("5", [("2024-11", "Venue booked for June.")]),
    ]
    assert not [w for w in plan.warnings if "progress" in w.message.lower()]


def test_a_target_completion_column_is_the_timescale(tmp_path):
    path = build(tmp_path / "pct_only.xlsx", {"Tracker": [
        ["ID", "Action", "Lead officer", "Target completion", "% complete", "Comments"],
        ["P1.1", "Develop joint SEND data dashboard", "BI Manager", datetime(2024, 12, 31), 1.0,
         "15/12/2024: Dashboard live and shared with LIP board."],
        ["P1.2", "Implement annual review tracker", "EHC Manager", datetime(2025, 4, 30), 0.75,
         "10/01/2025: Build complete, user testing in Feb."],
        ["P1.3", "Launch parent carer survey", "PCF Liaison", datetime(2025, 2, 28), "25%",
         "06/01/2025: Questions agreed with PCF."],
        ["P1.4", "Agree inclusion charter with all secondary heads", "Inclusion Lead", datetime(2025, 7, 31), 0, ""],
        ["P1.5", "SENCO network relaunch", "SEND Advisory Lead", datetime(2025, 1, 31), "50% - behind plan",
         "20/01/2025: Two of four sessions delivered, venue issue."],
    ]})
    plan = read_plan(path)
    assert columns(plan)["timescale"] == ("D", "Target completion")
    assert plan.layout.tables[0].extra == ()  # no status column: "% complete" is read for the status
    assert [(a.ref, a.status.value if a.status else None) for a in plan.actions] == [
        ("P1.1", "Complete"), ("P1.2", None), ("P1.3", None), ("P1.4", "Not yet started"), ("P1.5", None)]
    assert [(a.ref, a.timescale.due.iso()) for a in plan.actions] == [
        ("P1.1", "2024-12"), ("P1.2", "2025-04"), ("P1.3", "2025-02"), ("P1.4", "2025-07"), ("P1.5", "2025-01"),
    ]
    assert not [w for w in plan.warnings if "Timescale" in w.message]


@pytest.mark.parametrize("header, found", [
    ("Where are we now?", HeaderMatch("progress", 100, "known phrase")),
    ("Where we are", HeaderMatch("progress", 100, "known phrase")),
    ("Planned completion", HeaderMatch("timescale", 100, "known phrase")),
    ("Expected completion (month)", HeaderMatch("timescale", 100, "known phrase")),
    ("Planned completion month", HeaderMatch("timescale", 85, "key word")),
    ("Target completion date", HeaderMatch("timescale", 100, "known phrase")),
    ("Target completion %", None),  # a figure, not a date
    ("Target %", None),
    ("What has been done", HeaderMatch("progress", 100, "known phrase")),
    ("What we have achieved", HeaderMatch("progress", 100, "known phrase")),
    ("Work to date", HeaderMatch("progress", 100, "known phrase")),
    ("Progress Date", HeaderMatch("status_date", 100, "known phrase")),
    ("What next", None),  # the next steps: kept as an extra column
])
def test_more_header_words(header, found):
    assert match_header(header) == found


@pytest.mark.parametrize("header, found", [
    ("R/A/G", HeaderMatch("status", 100, "known phrase")),
    ("R / A / G", HeaderMatch("status", 100, "known phrase")),
    ("R/A/G status", HeaderMatch("status", 85, "key word")),
    # a bilingual header: either half may name the field
    ("Ref / Cyf", HeaderMatch("ref", 100, "known phrase, one half of a bilingual header")),
    ("Dyddiad\nDate", HeaderMatch("entry_date", 100, "known phrase, one half of a bilingual header")),
    ("Cyf / Ref", HeaderMatch("ref", 100, "known phrase, one half of a bilingual header")),
    ("Owner / Lead", HeaderMatch("owner", 85, "key word")),
    ("Outcome/impact", HeaderMatch("outcome", 85, "key word")),
    ("Action / Owner", HeaderMatch("owner", 85, "key word")),
])
def test_status_and_bilingual_headers(header, found):
    assert match_header(header) == found


def test_a_bilingual_plan_is_read_by_either_half_of_its_headers(tmp_path):
    path = build(tmp_path / "aberwen.xlsx", {"Cynllun - Plan": [
        ["Ref / Cyf", "Cam gweithredu / Action", "Arweinydd / Lead", "Amserlen / Timescale", "Statws / Status",
         "Cynnydd / Progress"],
        ["AB1", "Publish the Local Offer website", "Amir Bashir", "March 2025", "Green",
         "11/11/24 - AB: Terms of reference drafted."],
        ["AB2", "Recruit two educational psychologists", "Karen Lowe", "June 2025", "Amber",
         "13/01/25 - KL: Advert out."],
    ]})
    plan = read_plan(path)
    assert columns(plan) == {
        "ref": ("A", "Ref / Cyf"), "action": ("B", "Cam gweithredu / Action"), "owner": ("C", "Arweinydd / Lead"),
        "timescale": ("D", "Amserlen / Timescale"), "status": ("E", "Statws / Status"),
        "progress": ("F", "Cynnydd / Progress"),
    }
    assert [(a.ref, a.status.value, a.owner) for a in plan.actions] == [
        ("AB 1", "On track", "Amir Bashir"), ("AB 2", "Vulnerable", "Karen Lowe")]


def test_a_by_column_of_months_is_the_timescale_not_the_author(tmp_path):
    path = build(tmp_path / "greystone.xlsx", {"Improvement plan": [
        ["Greystone SEND Improvement Plan"],
        ["RAG", "Progress update", "Action", "Ref", "Lead", "By"],
        [None, None, "Area 1: Leadership and governance"],
        ["G", "13/01/25: Strategy launched.", "Co-produce a communication strategy", "GS1", "Amir Bashir", "Mar-25"],
        ["A", "13/01/25: Draft with schools.", "Publish the banding review", "GS2", "Karen Lowe", "Jun-25"],
        ["R", "", "Recruit two educational psychologists", "GS3", "Paul Davies", "Sept 2025"],
    ]})
    plan = read_plan(path)
    assert columns(plan)["timescale"] == ("F", "By")
    assert "author" not in columns(plan)
    assert [(a.ref, a.timescale.due.iso()) for a in plan.actions] == [
        ("GS 1", "2025-03"), ("GS 2", "2025-06"), ("GS 3", "2025-09")]
    assert not [w for w in plan.warnings if "Timescale" in w.message]

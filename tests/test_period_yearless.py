"""A heading with a day and month but no year ("Dec 3rd: ...") in a column of one reporting
period ("Q3 2024/25 update": October to December 2024): the column gives its year, the one that
puts it nearest the period, so it is 3 Dec 2024 with no note; a note only where the heading falls
outside the three months up to the period's end. Expected values are written out."""
from __future__ import annotations

from test_layout import build, lines

from paptools.read.plan import read_plan


def test_a_yearless_heading_in_a_quarters_column_takes_the_quarters_year(tmp_path):
    path = build(tmp_path / "quarters.xlsx", {"PAP": [
        ["Ref", "Action", "Owner", "Deadline", "RAG", "Q2 2024/25 update", "Q3 2024/25 update"],
        ["1.1", "Publish the Local Offer", "Ann Bell", "Mar-25", "Green",
         "3rd Sep 2024 - Chapter drafted.", "Dec 3rd: Toolkit piloted in 5 nurseries."],
        ["1.2", "Cut the waiting list", "Bob Cole", "Mar-25", "Amber",
         "Sep 3rd: Three workshops held.\nw/c 15 Jul - AB - Panel set up.", "November: Two therapists recruited."],
        ["1.3", "Train SENCOs", "Ann Bell", "Mar-25", "Green",
         "Mar 4th: Trainers booked.", "Jan 14th: Sessions run in the new year."],
    ]})
    plan = read_plan(path)
    assert [[(e.date.iso() if e.date else None, e.initials, e.text, e.cell) for e in a.entries]
            for a in plan.actions] == [
        [("2024-09-03", None, "Chapter drafted.", "PAP!F2"),
         ("2024-12-03", None, "Toolkit piloted in 5 nurseries.", "PAP!G2")],
        [("2024-09-03", None, "Three workshops held.", "PAP!F3"),
         ("2024-07-15", "AB", "Panel set up.", "PAP!F3"),
         ("2024-11", None, "Two therapists recruited.", "PAP!G3")],
        [("2024-03-04", None, "Trainers booked.", "PAP!F4"),
         ("2025-01-14", None, "Sessions run in the new year.", "PAP!G4")],
    ]
    assert lines(plan) == [
        "PAP!F4: 'Mar 4th' has no year: read as 4 Mar 2024, nearest its column's period (Sep 2024)",
        "PAP!G4: 'Jan 14th' has no year: read as 14 Jan 2025, nearest its column's period (Dec 2024)",
    ]

"""A heading written month first, US style: "01/14/25 HW: ..." can only be 14 January 2025, so
it is read so, with a warning; one that reads either way ("03/04/25") is read the UK way."""
from __future__ import annotations

from paptools.read.entries import split_entries


def _split(text):
    entries, notes = split_entries(text)
    return [(e.date.iso() if e.date else None, e.initials, e.text) for e in entries], notes


def test_a_heading_that_reads_only_month_first_is_dated_so_and_reported():
    assert _split("10/12/24 HW: Draft shared.\n01/14/25 HW: Terms of reference agreed.") == (
        [("2024-12-10", "HW", "Draft shared."), ("2025-01-14", "HW", "Terms of reference agreed.")],
        ("'01/14/25' read as 14 Jan 2025 (the month seems to be written first)",),
    )
    assert _split("01/14/2025: Terms of reference agreed.") == (
        [("2025-01-14", None, "Terms of reference agreed.")],
        ("'01/14/2025' read as 14 Jan 2025 (the month seems to be written first)",),
    )


def test_a_date_that_reads_either_way_is_read_the_uk_way():
    assert _split("10/12/24 HW: Draft shared.\n03/04/25 HW: Terms agreed.") == (
        [("2024-12-10", "HW", "Draft shared."), ("2025-04-03", "HW", "Terms agreed.")], ())


def test_a_month_first_date_inside_a_sentence_is_text():
    text = "10/12/24 HW: Draft shared, to be agreed by 01/14/25 at the board."
    assert _split(text) == ([("2024-12-10", "HW", "Draft shared, to be agreed by 01/14/25 at the board.")], ())

"""The committee report's sentences, generated: numbers in words, breakdowns that add up."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from paptools.compare.figures import Counts, adds_to_100, percent, percent_text
from paptools.content.prose import count_phrase, number_words, status_sentences
from paptools.model import STATUSES


def counts(**by_name) -> Counts:
    tally = {s: by_name.get(s.name, 0) for s in STATUSES}
    return Counts(sum(tally.values()) + by_name.get("unknown", 0), tuple(tally.items()), by_name.get("unknown", 0))


def test_the_january_2025_figures_in_the_reports_words():
    figures = counts(COMPLETE=33, ON_TRACK=4, NOT_STARTED=1, VULNERABLE=1, AT_RISK=1)
    assert status_sentences(figures) == [
        "Of a total of 40 PAP actions, thirty-three (82.5%) have been marked as complete and seven (17.5%) are incomplete.",
        "Of the seven incomplete actions, four are on track, one has not yet started, one is vulnerable and one is at risk.",
    ]


def test_singular_all_and_unknown():
    assert status_sentences(counts(COMPLETE=5)) == [
        "Of a total of 5 PAP actions, all five (100%) have been marked as complete."
    ]
    assert status_sentences(counts(COMPLETE=1, AT_RISK=1, unknown=1))[1] == (
        "Of the two incomplete actions, one is at risk and one has an unknown status."
    )
    assert status_sentences(counts(COMPLETE=3, VULNERABLE=1))[1] == "The incomplete action is vulnerable."


def test_when_every_incomplete_action_has_one_status_it_is_all_or_both():
    assert status_sentences(counts(ON_TRACK=3), "actions")[1] == "Of the three incomplete actions, all three are on track."
    assert status_sentences(counts(COMPLETE=1, AT_RISK=2))[1] == "Of the two incomplete actions, both are at risk."
    assert status_sentences(counts(COMPLETE=1, unknown=2))[1] == (
        "Of the two incomplete actions, both have an unknown status.")


def test_number_words():
    assert [number_words(n) for n in (0, 7, 13, 20, 33, 99, 100, 1234)] == [
        "zero", "seven", "thirteen", "twenty", "thirty-three", "ninety-nine", "100", "1,234"
    ]


def test_a_count_of_nothing_is_said_as_no():
    assert [count_phrase(n, "action") for n in (0, 1, 2)] == ["no actions", "one action", "two actions"]
    assert count_phrase(0, "new progress entry", "new progress entries") == "no new progress entries"


WORDS = {number_words(n): n for n in range(100)} | {"both": 2}


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=6, max_size=6))
def test_every_breakdown_adds_up(numbers):
    c, ot, nys, v, ar, unknown = numbers
    figures = counts(COMPLETE=c, ON_TRACK=ot, NOT_STARTED=nys, VULNERABLE=v, AT_RISK=ar, unknown=unknown)
    sentences = status_sentences(figures)
    if figures.incomplete > 1:
        said = re.findall(r"(?:, | and )(?:all )?([a-z-]+) (?:is|are|has|have) ", sentences[1])
        assert sum(WORDS[w] for w in said) == figures.incomplete
        assert sentences[1].startswith(f"Of the {number_words(figures.incomplete)} incomplete actions")


def test_percentages_are_exact_where_one_decimal_allows_and_whole_otherwise():
    assert [percent_text(n, 40) for n in (33, 7, 1, 4, 0, 40)] == ["82.5%", "17.5%", "2.5%", "10%", "0%", "100%"]
    assert [percent_text(n, 52) for n in (38, 14, 1, 26)] == ["73%", "27%", "2%", "50%"]
    assert [percent_text(n, 3) for n in (1, 2)] == ["33%", "67%"]
    assert percent_text(1, 8) == "12.5%" and percent_text(1, 200) == "0.5%"
    assert percent_text(1, 16) == "6%"  # 6.25: not exact to one decimal, so whole, halves up
    assert percent_text(1, 6) == "17%" and percent_text(5, 6) == "83%"


def test_a_breakdown_that_does_not_add_to_100_is_known():
    assert adds_to_100([1, 1, 1], 3) is False  # 33% + 33% + 33%
    assert adds_to_100([33, 7], 40) is True
    assert counts(COMPLETE=1, ON_TRACK=1, AT_RISK=1).adds_to_100 is False
    assert counts(COMPLETE=33, ON_TRACK=4, NOT_STARTED=1, VULNERABLE=1, AT_RISK=1).adds_to_100 is True


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500))
def test_equal_counts_show_equal_percentages_within_half_a_point(n, total):
    n = min(n, total)
    shown = percent(n, total)
    assert abs(shown - n * 100 / total) <= 0.5  # never more than half a point from the exact share
    assert percent(n, total) == shown  # a function of the count and total alone

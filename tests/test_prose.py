"""The committee report's sentences, generated: numbers in words, breakdowns that add up."""
from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from paptools.compare.figures import Counts, largest_remainder
from paptools.content.prose import number_words, status_sentences
from paptools.model import STATUSES


def counts(**by_name) -> Counts:
    tally = {s: by_name.get(s.name, 0) for s in STATUSES}
    return Counts(sum(tally.values()) + by_name.get("unknown", 0), tuple(tally.items()), by_name.get("unknown", 0))


def test_the_january_2025_figures_in_the_reports_words():
    figures = counts(COMPLETE=33, ON_TRACK=4, NOT_STARTED=1, VULNERABLE=1, AT_RISK=1)
    assert status_sentences(figures) == [
        "Of a total of 40 PAP actions, thirty-three (83%) have been marked as complete and seven (17%) are incomplete.",
        "Of the seven incomplete actions, four are on track, one has not yet started, one is vulnerable and one is at risk.",
    ]


def test_singular_all_and_unknown():
    assert status_sentences(counts(COMPLETE=5)) == [
        "Of a total of 5 PAP actions, all five (100%) have been marked as complete."
    ]
    assert status_sentences(counts(COMPLETE=1, AT_RISK=1, unknown=1))[1] == (
        "Of the two incomplete actions, one is at risk and one has no status recorded."
    )
    assert status_sentences(counts(COMPLETE=3, VULNERABLE=1))[1] == "The incomplete action is vulnerable."


def test_number_words():
    assert [number_words(n) for n in (0, 7, 13, 20, 33, 99, 100, 1234)] == [
        "zero", "seven", "thirteen", "twenty", "thirty-three", "ninety-nine", "100", "1,234"
    ]


WORDS = {number_words(n): n for n in range(100)}


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=6, max_size=6))
def test_every_breakdown_adds_up(numbers):
    c, ot, nys, v, ar, unknown = numbers
    figures = counts(COMPLETE=c, ON_TRACK=ot, NOT_STARTED=nys, VULNERABLE=v, AT_RISK=ar, unknown=unknown)
    assert sum(figures.percentages().values()) == (100 if figures.total else 0)
    sentences = status_sentences(figures)
    if figures.incomplete > 1:
        said = re.findall(r"(?:, | and )([a-z-]+) (?:is|are|has|have) ", sentences[1])
        assert sum(WORDS[w] for w in said) == figures.incomplete
        assert sentences[1].startswith(f"Of the {number_words(figures.incomplete)} incomplete actions")


@given(st.dictionaries(st.sampled_from("abcdefg"), st.integers(min_value=0, max_value=500), min_size=1))
def test_largest_remainder_always_totals_100(shares):
    total = sum(shares.values())
    result = largest_remainder(shares, total)
    assert sum(result.values()) == (100 if total else 0)
    for name, n in shares.items():
        exact = n * 100 / total if total else 0
        assert abs(result[name] - exact) < 1  # never more than a point from the exact share

"""Close matches: rapidfuzz's own answer, asked only of the choices that could reach the cutoff."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rapidfuzz import fuzz, process

from paptools.read.fuzzy import best_ratio, best_token_sort

PHRASES = ("due date", "progress", "ra status", "action owner", "item number", "lead officer")
WORDS = ("complete", "on track", "fully implemented", "not yet started", "some slippage")


@pytest.mark.parametrize(("query", "found"), [
    ("progres", ("progress", 93.33333333333333, 1)),
    ("duedate", ("due date", 93.33333333333333, 0)),
    ("item numbr", ("item number", 95.23809523809523, 4)),
    ("9 pap", None),  # shares too few letters with any phrase: rapidfuzz is not asked
    ("early years", None),
    ("", None),
])
def test_the_best_ratio_is_rapidfuzzs(query: str, found: tuple[str, float, int] | None) -> None:
    assert best_ratio(query, PHRASES, 88) == found
    expected = process.extractOne(query, PHRASES, scorer=fuzz.ratio, score_cutoff=88)
    assert (tuple(expected) if expected is not None else None) == found


@pytest.mark.parametrize(("query", "found"), [
    ("compelte", ("complete", 87.5, 0)),
    ("implemented fully", ("fully implemented", 100.0, 2)),
    ("some slipage", ("some slippage", 96.0, 4)),
    ("not yet strated", ("not yet started", 93.33333333333333, 3)),
    ("incomplete", ("complete", 88.88888888888889, 0)),  # the negation is vocabulary.py's to refuse
    ("on track by june", None),
    ("on trakc ö", None),  # not ASCII: every choice is asked
])
def test_the_best_token_sort_ratio_is_rapidfuzzs(query: str, found: tuple[str, float, int] | None) -> None:
    assert best_token_sort(query, WORDS, 85) == found
    expected = process.extractOne(query, WORDS, scorer=fuzz.token_sort_ratio, score_cutoff=85)
    assert (tuple(expected) if expected is not None else None) == found


def test_a_plan_whose_words_are_known_is_read_without_rapidfuzz() -> None:
    probe = ("import sys, paptools; paptools.read_plan('workbooks/oldham-send-pap-2026-04.xlsx'); "
             "print('rapidfuzz' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

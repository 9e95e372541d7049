"""The ASCII text's one-pass date prefilter finds what the general (two-pass) one finds."""
from __future__ import annotations

import pytest

from paptools.read.dates import _candidates

CASES = [
    ("May 24: x", [0]),
    ("Jan.2024", [0]),
    ("sept- 23", [0]),
    ("xMay 24", []),
    ("Mayo 2", [0]),
    ("Ma 24", []),
    ("No Nov -- -24", []),
    ("12 Jan24", [0, 3]),
    ("Update 14.03.24 - done by Dec 2023", [7, 10, 13, 26]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ascii_and_general_prefilters_agree(text: str, expected: list[int]) -> None:
    assert _candidates(text) == expected
    # The general path, for a text not all in ASCII: the same places, two characters on.
    assert _candidates("é\n" + text) == [pos + 2 for pos in expected]

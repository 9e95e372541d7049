"""Row heights of the cleaned workbook: the line count Excel's wrapping gives, and its fast path."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paptools.write.xlsx_style import _word_lines, lines_needed, wrapped_height

WIDTH = 10  # a column 10 characters wide holds 11 characters of Arial 10 prose here


@pytest.mark.parametrize(("text", "lines"), [
    ("", 1),
    ("hello world", 1),  # exactly a line
    ("hello world again", 2),
    ("hello  world again", 2),  # a double space counts as a character between the words
    ("hello world ", 2),  # a trailing space after a full line wraps
    (" hello world", 1),  # a leading space is not counted
    ("abcdefghijklmnopqrstuvwxyz", 3),  # a word longer than a line breaks where it must
    ("ab abcdefghijklmnopqrstuvwxyz", 4),
    ("one two three four five six seven eight", 4),
    ("hello world\nhi\n\nthere", 4),  # every line break starts a line, an empty paragraph too
])
def test_lines_needed(text: str, lines: int) -> None:
    assert lines_needed(text, WIDTH) == lines


def test_counting_stops_at_the_most_asked_for() -> None:
    assert lines_needed("a\n" * 40, WIDTH) == 41
    assert lines_needed("a\n" * 40, WIDTH, most=32) == 32
    assert lines_needed("a\nb", WIDTH, most=32) == 2


def test_wrapped_height() -> None:
    assert wrapped_height([("hello world again", WIDTH), ("hi", WIDTH)]) == 29.5  # 2 lines
    assert wrapped_height([("", WIDTH)]) == 16.75  # one line, however empty
    assert wrapped_height([("a\n" * 30, WIDTH)]) == 399.25  # 31 lines
    assert wrapped_height([("a\n" * 31, WIDTH)]) == 409.0  # 32 lines and more: Excel's tallest row
    assert wrapped_height([("a\n" * 500, WIDTH)]) == 409.0


@given(st.text(alphabet="ab \n", max_size=120), st.sampled_from([0.5, 1, 2, 3, 5, 10, 42.0, 70]))
@settings(max_examples=500, deadline=None)
def test_line_at_a_time_counts_as_word_by_word(text: str, width: float) -> None:
    """The fast count gives the word-by-word count of every paragraph (the rule itself)."""
    capacity = max(int((width * 7 + 1) / 6.4), 1)
    assert lines_needed(text, width) == sum(_word_lines(p, capacity) for p in text.split("\n"))

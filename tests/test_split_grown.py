"""A Progress cell that grew at its end is split from the earlier version's cut: exactly as whole.

`read.entries.split_grown` reads only the end of a cell the officer added to, taking the
entries before a cut near the old end from the earlier version. Whatever the texts, the
result must be split_parts' own, so every test here compares the two (split_parts with its
cache taken out), on generated and on real cells, grown, shrunk, prepended and chained.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_entries_split import CELLS, PIECES

from paptools.model import EntryOrder
from paptools.read.entries import Grown, split_grown, split_parts

whole = split_parts.__wrapped__
ORDERS = st.sampled_from(list(EntryOrder))
LONG_CELLS = [text for text in CELLS if len(text.strip()) > 450]
WORDS = st.sampled_from(["the", "review", "was", "agreed", "by", "the", "board", "in", "and", "waiting", "list",
                         "posts", "filled", "12", "40", "with", "families", "report", "shared", "SEND", "EHCP"])
TEXT = st.lists(st.one_of(PIECES, WORDS.map(lambda w: w + " "), st.text(max_size=6)), max_size=40).map("".join)


def _chain(texts: list[str], order: EntryOrder) -> list[Grown | None]:
    """Each text split after the one before, as the reader does version by version; each must be whole's."""
    kept: list[Grown | None] = []
    grown = None
    for text in texts:
        cell, grown = split_grown(text, order, grown)
        assert cell == whole(text, order)
        kept.append(grown)
    return kept


def _entry(n: int) -> str:
    month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][n % 12]
    return (f"{month}{24 + n // 12}: SL: Update {n} on the placements review, shared with the board and "
            "the parent carer forum; the next steps are agreed.")


def test_a_cell_grown_at_its_end_is_split_from_the_cut_as_whole():
    old = " ".join(_entry(n) for n in range(8))
    new = old + " " + _entry(8)
    grown = _chain([old], EntryOrder.OLDEST_FIRST)[0]
    assert grown is not None and 0 < grown.before.cut <= len(old) - 400  # the next version is read from here
    cell, _ = split_grown(new, EntryOrder.OLDEST_FIRST, grown)
    assert [(p.date.iso() if p.date else None, p.initials, p.raw[p.text_start:][:8]) for p in cell.parts] == [
        (f"20{24 + n // 12}-{n % 12 + 1:02d}", "SL", f"Update {n}") for n in range(9)
    ]
    assert cell == whole(new, EntryOrder.OLDEST_FIRST)


def test_what_the_new_text_joins_on_to_is_read_again():
    old = " ".join(_entry(n) for n in range(8)) + " Further work is planned for the end of"
    for joined in (" Dec 2025: SL: done.", " Dec 2025.", "\nDec 2025: SL: done.", " PC: asked", " un 25: late"):
        _chain([old, old + joined, old + joined + " " + _entry(30)], EntryOrder.OLDEST_FIRST)


def test_a_cell_changed_elsewhere_or_cut_short_is_split_whole():
    old = " ".join(_entry(n) for n in range(8))
    for new in (old.replace("Update 1 ", "Update one "), old[:-30], _entry(20) + " " + old, old, ""):
        _chain([old, new], EntryOrder.OLDEST_FIRST)
        _chain([old, new], EntryOrder.NEWEST_FIRST)


@given(st.sampled_from(LONG_CELLS or [""]), st.lists(TEXT, min_size=1, max_size=3), ORDERS)
@settings(max_examples=300, deadline=None)
def test_a_real_cell_grown_by_any_text_splits_as_whole(cell, additions, order):
    texts = [cell]
    for addition in additions:
        texts.append(texts[-1] + addition)
    _chain(texts, order)


@given(st.lists(TEXT, min_size=12, max_size=30), st.lists(TEXT, min_size=1, max_size=3), ORDERS)
@settings(max_examples=300, deadline=None)
def test_any_text_grown_by_any_text_splits_as_whole(parts, additions, order):
    texts = ["".join(parts)]
    for addition in additions:
        texts.append(texts[-1] + addition)
    _chain(texts, order)


@given(st.sampled_from(LONG_CELLS or [""]), TEXT, ORDERS)
@settings(max_examples=100, deadline=None)
def test_a_real_cell_with_an_entry_added_at_the_top_splits_as_whole(cell, addition, order):
    _chain([cell, addition + cell], order)


@given(st.sampled_from(LONG_CELLS or [""]), st.integers(1, 400), ORDERS)
@settings(max_examples=200, deadline=None)
def test_a_real_cell_read_on_from_any_shorter_version_of_it_splits_as_whole(cell, cut_short, order):
    cell = cell.strip()
    _chain([cell[: max(1, len(cell) - cut_short)], cell], order)


def test_a_month_alone_before_a_date_on_its_line_is_no_heading_and_reads_as_whole():
    # found by fuzzing: " Mar - 21/03/24: AB: ..." read as a month heading split otherwise grown than whole
    texts = ['\n Mar - 21/03/24: AB: • Jan24-CF: text NHS May 24: May 24 – PC: of Jan 14 (May 25)\n 10/12 - the \n21/03/24: AB: \nEnd Dec 24: 1/2 (1) )PC: (14/01/25) (Amir Patel) (Amir Patel) )and the \n(b) Jan 25 Sept 2023:\n10/12: (1) \nDec: \nFeb 3rd - AB - )SEND  by AB - \n3) 10/12: Jones Mid-Head of Head of SEND, 02/12/24: [May 24: May 24 – PC: Jan24-CF: \n14/11: \nJanuary update - ]\n14th January 2025 (Sarah Jones): text ', '\n Mar - 21/03/24: AB: • Jan24-CF: text NHS May 24: May 24 – PC: of Jan 14 (May 25)\n 10/12 - the \n21/03/24: AB: \nEnd Dec 24: 1/2 (1) )PC: (14/01/25) (Amir Patel) (Amir Patel) )and the \n(b) Jan 25 Sept 2023:\n10/12: (1) \nDec: \nFeb 3rd - AB - )SEND  by AB - \n3) 10/12: Jones Mid-Head of Head of SEND, 02/12/24: [May 24: May 24 – PC: Jan24-CF: \n14/11: \nJanuary update - ]\n14th January 2025 (Sarah Jones): text SEND ']
    _chain(texts, EntryOrder.OLDEST_FIRST)

"""Numbers as a draft writes them, and the percentages a careful writer may give.

"Seven", "thirty-three", "40" and "1,234" are all numbers. A percentage is right when some
rounding a careful writer may use gives it from the count: half up (82.5% -> 83%), or the
largest-remainder split of its group, which gives every share its whole part and hands the
points left over to the largest remainders so that the split adds up to 100 (33 and 7 of 40
give 83% and 17%; 1 and 1 of 40 may give 3% and 2% either way round, a tie).
"""
from __future__ import annotations

import math
import re
from fractions import Fraction

from paptools.compare.figures import Counts
from paptools.model import Status

_UNITS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "both": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_UNIT_WORDS = "|".join(sorted((w for w in _UNITS if w not in ("no", "none", "zero", "both")), key=len, reverse=True))
_TEN_WORDS = "|".join(_TENS)
# A number as a word or as figures: "thirty-three", "thirty three", "a hundred", "40", "1,234".
NUMBER = (
    rf"(?:(?:{_TEN_WORDS})(?:[\s\-](?:{_UNIT_WORDS}))?|(?:a|one)\s+hundred|{_UNIT_WORDS}|none|both"
    r"|\d{1,3}(?:,\d{3})+|\d+)"
)
NUMBER_RE = re.compile(rf"\b{NUMBER}\b", re.I)


def number_value(text: str) -> int | None:
    """The value of a number written as words or figures; None when it is not one."""
    words = text.lower().replace("-", " ").replace(",", "").split()
    if not words:
        return None
    if words[0].isdigit():
        return int(words[0]) if len(words) == 1 else None
    if words[-1] == "hundred":
        return 100
    total = 0
    for word in words:
        if word in _TENS:
            total += _TENS[word]
        elif word in _UNITS:
            total += _UNITS[word]
        else:
            return None
    return total


def half_up(count: int, total: int) -> int:
    """The whole percentage, rounded half up (82.5 -> 83)."""
    return math.floor(Fraction(count * 100, total) + Fraction(1, 2)) if total else 0


def exact_percent(count: int, total: int) -> str:
    """'82.5%' or '83%': the share as it is, for a finding's message."""
    if not total:
        return "undefined (no actions)"
    value = Fraction(count * 100, total)
    if value.denominator == 1:
        return f"{value.numerator}%"
    return f"{float(value):.1f}".rstrip("0").rstrip(".") + "%"


def acceptable_percents(count: int, total: int, splits: tuple[dict[str, int], ...] = (),
                        name: str | None = None) -> set[int]:
    """Every whole percentage a careful writer may give for count of total.

    Half up; the floor on an exact half (a tie the largest-remainder rule may break either
    way); and the value the largest-remainder split gives `name` in each of `splits`.
    """
    if total <= 0:
        return {0}
    exact = Fraction(count * 100, total)
    allowed = {half_up(count, total)}
    if exact - math.floor(exact) == Fraction(1, 2):
        allowed.add(math.floor(exact))
    for split in splits:
        if name is not None and name in split:
            allowed.add(split[name])
    return allowed


def largest_remainder(shares: dict[str, int], total: int) -> dict[str, int]:
    """Whole percentages that add up to exactly 100: each share rounded down, then the points
    left over given to the largest remainders (ties to the larger count, then in order)."""
    if total <= 0:
        return {name: 0 for name in shares}
    exact = {name: Fraction(n * 100, total) for name, n in shares.items()}
    result = {name: math.floor(value) for name, value in exact.items()}
    left = 100 - sum(result.values())
    order = list(shares)
    ranked = sorted(shares, key=lambda name: (-(exact[name] - result[name]), -shares[name], order.index(name)))
    for name in ranked[:max(left, 0)]:
        result[name] += 1
    return result


def status_splits(counts: Counts) -> tuple[dict[str, int], ...]:
    """The two splits a board paper uses: by the statuses, and complete against incomplete."""
    shares = {status.value: n for status, n in counts.by_status}
    if counts.unknown:
        shares["Unknown"] = counts.unknown
    complete = counts.of(Status.COMPLETE)
    return (
        largest_remainder(shares, counts.total),
        largest_remainder({"complete": complete, "incomplete": counts.total - complete}, counts.total),
    )

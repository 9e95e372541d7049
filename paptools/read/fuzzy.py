"""Close matches for header and status words (rapidfuzz), loaded only when a word could be close.

rapidfuzz takes about 10 ms to import, and most words a plan uses are known exactly or are
nowhere near any known phrase ("PAP 3", "Early years"). Its ratio() is 200 x the longest
common subsequence / the sum of both lengths, and a common subsequence is never longer than
the letters both strings hold, counted with repeats. So a choice whose shared letters cannot
reach the cutoff is left out before rapidfuzz is asked, and rapidfuzz is imported only when
some choice is left: the best choice found, its score and its place are rapidfuzz's own.
"""
from __future__ import annotations

from collections.abc import Sequence


def _near(query: str, choices: Sequence[str], cutoff: float) -> list[int]:
    """The places of the choices whose ratio() with `query` could reach `cutoff` (a point spared)."""
    letters = tuple(set(query))
    counts = tuple(map(query.count, letters))
    return [index for index, choice in enumerate(choices)
            if 200 * sum(map(min, counts, map(choice.count, letters))) >= (cutoff - 1) * (len(query) + len(choice))]


def best_ratio(query: str, choices: Sequence[str], cutoff: float) -> tuple[str, float, int] | None:
    """rapidfuzz's extractOne(query, choices, scorer=ratio, score_cutoff=cutoff): (choice, score, index)."""
    near = _near(query, choices, cutoff)
    if not near:
        return None
    from rapidfuzz import fuzz, process

    found = process.extractOne(query, [choices[i] for i in near], scorer=fuzz.ratio, score_cutoff=cutoff)
    return None if found is None else (found[0], found[1], near[found[2]])


def best_token_sort(query: str, choices: Sequence[str], cutoff: float) -> tuple[str, float, int] | None:
    """rapidfuzz's extractOne(query, choices, scorer=token_sort_ratio, score_cutoff=cutoff).

    token_sort_ratio is ratio() of each text's words sorted and joined by one space; words of
    ASCII text split the same way here, so the bound is taken on the same strings.
    """
    if query.isascii() and all(choice.isascii() for choice in choices):
        near = _near(" ".join(sorted(query.split())), [" ".join(sorted(c.split())) for c in choices], cutoff)
    else:  # other scripts' spaces are rapidfuzz's to split: every choice is asked
        near = list(range(len(choices)))
    if not near:
        return None
    from rapidfuzz import fuzz, process

    found = process.extractOne(query, [choices[i] for i in near], scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
    return None if found is None else (found[0], found[1], near[found[2]])

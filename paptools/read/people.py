"""Owners and the initials officers sign their progress entries with.

"SL" is Steve Larking, "HMN" and "H M-N" are Heather Martin-Netherwood, "StLA" is Steven
Larking, "MBA" is Mike Barker. Initials are matched to the action's own owners first, then
to anyone who owns an action in the plan; when several people fit, the one who owns the
most actions is taken, and a tie leaves the entry without an author.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from sys import intern

from paptools.model import Entry

_OWNER_SPLIT = re.compile(r"\s*(?:&|\+|/|;|,|\band\b|\n)\s*", re.I)
_PERSON_SPLIT = re.compile(r"\s*(?:&|/|,|\band\b)\s*")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "cllr"})


def split_owners(owner: str) -> tuple[str, ...]:
    """The people and teams named in an Owner cell (each name interned: a plan names a few dozen, thousands of times)."""
    return tuple(intern(p.strip()) for p in _OWNER_SPLIT.split(owner) if p.strip())


@lru_cache(maxsize=1024)  # a plan names a few dozen people, each tried against every set of initials
def _name_words(name: str) -> tuple[str, ...]:
    words = [w for w in re.split(r"[\s\-]+", name.lower()) if w]
    return tuple(re.sub(r"[^a-z]", "", w) for w in words if w.strip(".") not in _TITLES)


@lru_cache(maxsize=4096)
def initials_fit(initials: str, name: str) -> bool:
    """Whether one person's initials could be this name: each piece a prefix of a word, in order."""
    letters = re.sub(r"[^a-z]", "", initials.lower())
    words = _name_words(name)
    if len(words) < 2 or not letters:
        return False
    return _fit(letters, words, 0, 0)


def _fit(letters: str, words: tuple[str, ...], li: int, wi: int) -> bool:
    if li == len(letters):
        return wi == len(words)  # the surname must be used too
    if wi == len(words):
        return False
    word = words[wi]
    for size in range(1, len(word) + 1):
        if li + size > len(letters) or letters[li : li + size] != word[:size]:
            break
        if _fit(letters, words, li + size, wi + 1):
            return True
    # A middle name may be skipped, but never the first or the last.
    return 0 < wi < len(words) - 1 and _fit(letters, words, li, wi + 1)


class People:
    """Everyone who owns an action in the plan, by how many actions they own."""

    def __init__(self, owner_lists: list[tuple[str, ...]]):
        self.counts = Counter(name for owners in owner_lists for name in owners)
        self._authors: dict[tuple[str, tuple[str, ...]], str | None] = {}
        self._anyone: dict[str, str | None] = {}  # initials -> the owner they fit in the whole plan

    def author(self, initials: str | None, owners: tuple[str, ...]) -> str | None:
        if not initials:
            return None
        key = (initials, owners)  # the same initials under the same owners recur all through a plan
        if key not in self._authors:
            self._authors[key] = self._author(initials, owners)
        return self._authors[key]

    def _author(self, initials: str, owners: tuple[str, ...]) -> str | None:
        names = []
        for person in _PERSON_SPLIT.split(initials):
            name = self._one(person, owners)
            if name is None:
                return None
            names.append(name)
        return " & ".join(names)

    def _one(self, initials: str, owners: tuple[str, ...]) -> str | None:
        local = [o for o in owners if initials_fit(initials, o)]
        if len(local) == 1:
            return local[0]
        if local:
            return self._most_actions(local)
        if initials not in self._anyone:  # the same for every action: the whole plan's owners, looked through once
            self._anyone[initials] = self._most_actions([name for name in self.counts if initials_fit(initials, name)])
        return self._anyone[initials]

    def _most_actions(self, pool: list[str]) -> str | None:
        """The one who owns the most actions; None for nobody, or a tie."""
        if not pool:
            return None
        ranked = sorted(pool, key=lambda n: -self.counts[n])
        if len(ranked) > 1 and self.counts[ranked[0]] == self.counts[ranked[1]]:
            return None
        return ranked[0]

    def with_authors(self, entries: tuple[Entry, ...], owners: tuple[str, ...]) -> tuple[Entry, ...]:
        return tuple(
            e.replaced(author=self.author(e.initials, owners)) if e.initials else e
            for e in entries
        )

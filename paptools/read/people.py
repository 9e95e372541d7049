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

_OWNER_SPLIT = re.compile(r"\s*(&|\+|/|;|,|\band\b|\n)\s*", re.I)
_PERSON_SPLIT = re.compile(r"\s*(?:&|/|,|\band\b)\s*")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "cllr"})
# Words of a job title, of a department or organisation, of a team (an owner of its own), and of
# a job title in Welsh: what tells "Assistant Director, Education and Skills" (one owner) from
# "Jane Smith, Bob Jones" (two). A part they do not name is split off, as it always was.
_ROLES = frozenset({
    "head", "director", "manager", "officer", "lead", "leader", "nurse", "chief", "principal", "coordinator",
    "ordinator", "adviser", "advisor", "psychologist", "commissioner", "chair", "senco", "sendco", "executive",
    "deputy", "assistant", "clinician", "therapist", "consultant", "specialist", "administrator", "practitioner",
    "analyst", "inspector", "secretary", "paediatrician", "dco", "dmo", "ep"})
_PLACES = frozenset({
    "education", "skills", "services", "service", "children", "childrens", "families", "health", "care", "social",
    "inclusion", "learning", "send", "aln", "icb", "nhs", "ccg", "camhs", "council", "trust", "commissioning",
    "safeguarding", "schools", "early", "years", "public", "adult", "adults", "integrated", "wellbeing",
    "disabilities", "transport", "finance"})
_TEAMS = frozenset({"team", "teams", "forum", "board", "group", "panel", "network"})
_WELSH_ROLES = frozenset({
    "pennaeth", "rheolwr", "arweinydd", "swyddog", "cyfarwyddwr", "cydlynydd", "dirprwy", "prif", "uwch",
    "ymgynghorydd", "seicolegydd", "cadeirydd", "nyrs", "therapydd"})


def split_owners(owner: str) -> tuple[str, ...]:
    """The people and teams named in an Owner cell (each name interned: a plan names a few dozen,
    thousands of times). A job title's department after a comma or "and" ("Assistant Director,
    Education and Skills", "Deputy Chief Nurse, ICB") and one role in Welsh and English
    ("Pennaeth ADY / Head of ALN") stay one owner."""
    spans: list[list[int]] = []  # each owner's start and end in the cell
    tail = False  # the last owner ends in a department joined to its job title ("..., Education and")
    start, sep, previous = 0, "", ""
    for found in [*_OWNER_SPLIT.finditer(owner), None]:
        end = found.start() if found else len(owner)
        piece = owner[start:end].strip()
        if piece:
            if spans and _continues(owner[spans[-1][0]:spans[-1][1]], previous, sep, piece, tail):
                spans[-1][1], tail = end, sep != "/"
            else:
                spans.append([start, end])
                tail = False
            previous = piece
        if found:
            start, sep = found.end(), found.group(1).lower()
    return tuple(intern(owner[a:b].strip()) for a, b in spans)


def _continues(owner: str, previous: str, sep: str, piece: str, tail: bool) -> bool:
    """Whether `piece`, after `sep`, is more of the owner before it rather than another owner."""
    if sep == "/":  # one role in Welsh and English
        return not tail and owner == previous and bool(_words(previous) & _WELSH_ROLES) != bool(_words(piece) & _WELSH_ROLES)
    words = _words(piece)
    if not words & _PLACES or words & (_ROLES | _TEAMS):
        return False  # a person's name, another role or a team
    if sep == ",":
        return bool(_words(owner) & _ROLES)
    return sep in ("and", "&") and (tail or (bool(_words(owner) & _ROLES) and _last_word(owner) in _PLACES))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower().replace("'s", "s").replace("\u2019s", "s")))


def _last_word(text: str) -> str:
    found = re.findall(r"[a-z]+", text.lower())
    return found[-1] if found else ""


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

"""Status words mapped onto the five canonical statuses by what they mean.

Plans keep their own scales: RAG and BRAG colours and letters, implementation scales
(Fully / Partially / Not implemented), register lifecycles (Closed / Escalated / Pending),
five-point confidence ratings (G, A/G, A, A/R, R), "Some slippage", "Done". Each word is
kept as the plan writes it and mapped onto Complete, On track, Vulnerable, At risk or Not
yet started with the reason in plain words, so `inspect` can show the mapping and the
house-style file can override it. A word whose meaning fits no status maps to None and
says so: it is never guessed. Spelling slips and word order ("Compelte", "Implemented
fully") are matched with rapidfuzz, but never across a negation ("Incomplete" is not
"Complete").
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from paptools.model import Status
from paptools.read.fuzzy import best_token_sort


class WordMapping(NamedTuple):
    """One status word as the plan writes it, the canonical status it stands for, and why."""

    word: str  # as the plan writes it: "Some slippage"
    status: Status | None  # None when the word fits no status
    reason: str  # "means behind schedule -> Vulnerable", "from the house-style file", "fits no status"


# What the words that say only that the work is under way mean ("In progress"): read as On track
# alone, and as their qualifier when it says how the work is going ("In progress - behind").
_UNDER_WAY = "means under way with no problem reported"
# (what the words mean, the status they stand for, the words normalised). The order of the
# groups does not matter: a word appears once.
_MEANINGS: tuple[tuple[str, Status | None, tuple[str, ...]], ...] = (
    ("means finished", Status.COMPLETE, (
        "complete", "completed", "done", "achieved", "fully achieved", "finished", "delivered",
        "implemented", "fully implemented", "closed complete", "complete closed", "signed off",
    )),
    ("means done and now part of everyday work", Status.COMPLETE, (
        "embedded", "fully embedded", "business as usual", "bau", "moved to business as usual",
        "transferred to business as usual", "mainstreamed",
    )),
    ("means closed as done in a register", Status.COMPLETE, (
        "closed", "met", "validated", "verified", "resolved", "closed validated", "archived",
    )),
    ("blue in a BRAG scale means complete", Status.COMPLETE, ("blue", "b", "c")),
    ("a tick means done", Status.COMPLETE, ("✓", "✔", "✅", "☑")),
    ("a blue circle in a BRAG scale means complete", Status.COMPLETE, ("🔵",)),
    ("a green circle in a RAG scale means on track", Status.ON_TRACK, ("🟢",)),
    ("an amber or yellow circle in a RAG scale means vulnerable", Status.VULNERABLE, ("🟠", "🟡")),
    ("a red circle in a RAG scale means at risk", Status.AT_RISK, ("🔴",)),
    ("means on track", Status.ON_TRACK, (
        "on track", "ontrack", "on target", "on schedule", "in progress on track", "good progress",
        "progressing well", "going well", "progressing as planned", "on plan", "ahead of schedule", "ahead",
    )),
    (_UNDER_WAY, Status.ON_TRACK, (
        "in progress", "ongoing", "on going", "started", "underway", "under way", "progressing", "in hand", "wip",
        "partially", "partially implemented", "partly implemented", "partially achieved", "partially met",
    )),
    ("green in a RAG scale means on track", Status.ON_TRACK, ("green", "g")),
    ("amber/green in a confidence scale means success is probable", Status.ON_TRACK, (
        "a/g", "amber/green", "g/a", "green/amber",
    )),
    ("in a delivery confidence scale means success is likely", Status.ON_TRACK, (
        "highly likely", "probable", "likely",
    )),
    ("means vulnerable", Status.VULNERABLE, ("vulnerable",)),
    ("means behind schedule", Status.VULNERABLE, (
        "some slippage", "slippage", "minor slippage", "slipping", "slipped", "delayed", "behind",
        "behind schedule", "some delay", "minor delay", "some issues", "minor issues", "some concerns",
        "slight slippage",
    )),
    ("amber in a RAG scale means vulnerable", Status.VULNERABLE, ("amber", "a", "yellow", "orange")),
    ("in a delivery confidence scale means success is feasible but uncertain", Status.VULNERABLE, ("feasible",)),
    ("means at risk", Status.AT_RISK, ("at risk", "risk", "high risk")),
    ("means off track", Status.AT_RISK, (
        "off track", "offtrack", "not on track", "off target", "not on target", "significant slippage", "significant delay",
        "significantly delayed", "significant issues", "major issues", "major slippage", "major delay", "stalled",
        "blocked",
    )),
    ("means raised for help because it is in trouble", Status.AT_RISK, ("escalated",)),
    ("red in a RAG scale means at risk", Status.AT_RISK, ("red", "r")),
    ("amber/red in a confidence scale means success is in doubt", Status.AT_RISK, (
        "a/r", "amber/red", "r/a", "red/amber",
    )),
    ("in a delivery confidence scale means success is in doubt", Status.AT_RISK, (
        "in doubt", "unlikely", "unachievable",
    )),
    ("means not started yet", Status.NOT_STARTED, (
        "not yet started", "not started", "not started yet", "nys", "yet to start", "to start",
        "not commenced", "not yet commenced", "not begun",
    )),
    ("means not due to start yet", Status.NOT_STARTED, (
        "not due", "not yet due", "not due to start", "not due to start yet", "not yet due to start", "planned", "future",
    )),
    ("means waiting to start", Status.NOT_STARTED, ("pending", "awaiting start")),
    ("means nothing implemented yet (the due date shows whether that is late)", Status.NOT_STARTED, (
        "not implemented", "not yet implemented",
    )),
    ("white in a RAG scale means not started", Status.NOT_STARTED, ("white",)),
    # Words that sound like a status but do not say which one.
    ("says the item is open, not how it is going", None, ("open", "live", "active")),
    ("says the work is paused", None, ("on hold", "paused", "deferred", "parked")),
    ("says the action no longer applies", None, (
        "cancelled", "canceled", "withdrawn", "superseded", "no longer required", "not applicable", "n/a", "n a", "na",
    )),
    ("says the status is not known", None, ("tbc", "tba", "?", "unknown", "not assessed", "not known")),
    ("says it is late, not whether it will recover", None, ("overdue", "late", "past due")),
    ("says it is not finished, not how it is going", None, (
        "incomplete", "not complete", "not completed", "not achieved", "not met",
    )),
    ("a colour with no status meaning", None, ("grey", "gray", "purple", "black")),
)
_KNOWN: dict[str, tuple[str, Status | None]] = {
    word: (meaning, status) for meaning, status, words in _MEANINGS for word in words
}
# Longest first, so "not yet started" wins over "not started" when a word leads longer text.
_LEADING = tuple(sorted((w for w in _KNOWN if len(w) > 2), key=lambda w: -len(w)))
_FUZZY_CHOICES = tuple(w for w in _KNOWN if len(w) >= 5)
_REORDERED = {" ".join(sorted(w.split())): w for w in _KNOWN if " " in w}  # "implemented fully"
_FUZZY_CUTOFF = 85.0
_NEGATION = re.compile(r"\b(?:not|no|non|never)\b|\b(?:un|in)(?=[a-z]{4})")
_COLOUR_PAIR = re.compile(r"(amber|green|red|a|g|r)(?:\s*[-–/]\s*|\s+)(amber|green|red|a|g|r)")
_PREFIX = re.compile(r"^\s*(?:(?:b?rag|current|overall|delivery)\s+)?(?:status|b?rag|rating|confidence)\s*[:\-–]\s*", re.I)
_HEAD = re.compile(r"^(?P<head>[^:(\-–—]+?)\s*(?:[:\-–—]|\((?P<paren>[^)]*)\)?)")
_NUMBER = re.compile(r"[\d.,%\s]+")
# "Amber (was Green)", "Red - previously Amber", "Green (up from Amber in Oct)": the status now, then
# the one it was, which is history, not a second status.
_EARLIER = re.compile(r"\s*[,;(\-–—]?\s*\b(?:was|previously|formerly|(?:up |down |changed |moved )?from)\s+"
                      r"(?P<earlier>[^()]+?)\s*\)?\s*$", re.I)
# A RAG letter and what it means in the cell: "G - On track", "A: Some slippage", "R (Off track)".
_LETTER_FIRST = re.compile(r"\s*(?P<letter>[BRAGbrag])\s*(?:[-–—:]\s*|\(\s*)(?P<rest>[^()]{3,}?)\s*\)?\s*$")
_SYMBOLS = frozenset("✓✔✅☑🔵🟢🟠🟡🔴")  # a tick or a coloured circle standing alone for a status


@lru_cache(maxsize=4096)  # a plan writes a handful of words thousands of times
def normalise_word(text: str) -> str:
    """A status word reduced for comparison: case, spacing and punctuation set aside."""
    text = text.strip().lower().replace("&", " and ")
    if (symbol := text.replace("\ufe0f", "").strip()) in _SYMBOLS:  # "✔️" is "✔" shown as an emoji
        return symbol
    pair = _COLOUR_PAIR.fullmatch(text)
    if pair:
        return f"{pair.group(1)}/{pair.group(2)}"
    text = re.sub(r"\s*/\s*", "/", text)
    words = " ".join(re.sub(r"[^a-z0-9/?]+", " ", text).split())
    # A symbol standing alone ("●", "▲") is a word of the plan's own when its Key says what it means.
    return words or "".join(c for c in text if unicodedata.category(c) == "So")


def _negated(word: str) -> bool:
    return _NEGATION.search(word) is not None


def _fuzzy(word: str, choices: Iterable[str]) -> str | None:
    """The choice a misspelt or reordered word stands for, never across a negation."""
    if len(word) < 5:
        return None
    found = best_token_sort(word, list(choices), _FUZZY_CUTOFF)
    if found is None:
        return None
    choice = found[0]
    if _negated(choice) != _negated(word) or (choice[0] != word[0] and sorted(choice.split()) != sorted(word.split())):
        return None
    return choice if _slips(word, choice) else None


def _slips(word: str, choice: str) -> bool:
    """Whether each word differs from its nearest in the choice by a slip of the keys (a letter
    missed, doubled, swapped), not by being another word: "Major slippage" is not "Minor slippage"."""
    from rapidfuzz.distance import OSA  # loaded already: only a close match gets here

    theirs = choice.split()
    for own in word.split():
        nearest = min(theirs, key=lambda other: OSA.distance(own, other), default=None)
        if nearest is None:  # more words than the choice ("on track" as "ontrack" is fewer)
            return True
        if OSA.distance(own, nearest) > (1 if len(own) < 9 else 2):
            return len(word.split()) != len(theirs) and OSA.distance(word.replace(" ", ""), choice.replace(" ", "")) <= 2
        theirs.remove(nearest)
    return True


def _mapping(word: str, known: str, how: str = "") -> WordMapping:
    meaning, status = _KNOWN[known]
    quoted = f"read as '{known}' ({how}): " if how else ""
    if status is None:
        return WordMapping(word, None, f"{quoted}{meaning}: fits no status")
    return WordMapping(word, status, f"{quoted}{meaning} -> {status}")


def only_under_way(text: str) -> bool:
    """Whether the text is exactly one word that says only that the work is under way ("In progress")."""
    known = _KNOWN.get(normalise_word(text))
    return known is not None and known[0] == _UNDER_WAY


def is_status_word(text: str) -> bool:
    """Whether the text is exactly one known status word that fits a status (no description)."""
    known = _KNOWN.get(normalise_word(text))
    return known is not None and known[1] is not None


@lru_cache(maxsize=4096)
def map_status_word(word: str) -> WordMapping:
    """The canonical status a plan's status word stands for, by meaning, with the reason.

    Tried in turn: the word itself; a known word leading longer text ("Complete - agreed
    at LIP EB", "Green (on track)"), which must not disagree with its bracket; a close
    spelling or word order ("Compelte", "Implemented fully"). A number is a placeholder,
    not a status ("0" for not assessed). Anything else fits no status and says so.
    """
    norm = normalise_word(_PREFIX.sub("", word))
    if not norm:
        return WordMapping(word, None, "blank: fits no status")
    if norm in _KNOWN:
        return _mapping(word, norm)
    reordered = _REORDERED.get(" ".join(sorted(norm.split())))
    if reordered is not None:
        return _mapping(word, reordered, "word order")
    if _NUMBER.fullmatch(word.strip()):
        return WordMapping(word, None, "a number, not a status word (often a placeholder for not assessed): "
                                       "fits no status")
    if (earlier := _EARLIER.search(word)) is not None and earlier.start() > 0 and _a_status(earlier.group("earlier")):
        now = map_status_word(word[: earlier.start()])
        if now.status is not None:
            return WordMapping(word, now.status, f"the status now, before '{earlier.group(0).strip(' ,;()-–—')}': "
                                                 f"{now.reason}")
    leading = _leading(_PREFIX.sub("", word), norm)
    if leading is not None:
        return WordMapping(word, *leading)
    close = _fuzzy(norm, _FUZZY_CHOICES)
    if close is not None:
        return _mapping(word, close, "spelling or word order")
    if letter := _LETTER_FIRST.match(word):  # "G - On track": the words say what the letter means
        said = map_status_word(letter.group("rest"))
        if said.status is not None:
            return WordMapping(word, said.status, f"the words after its letter, '{letter.group('rest')}': {said.reason}")
        if said.reason == "fits no status":  # "G - see note": a note, not a status; the letter is
            return _mapping(word, letter.group("letter").lower(), f"its letter, before '{letter.group('rest')}'")
    halves = [half.strip() for half in word.split("/")] if word.count("/") == 1 else []
    if len(halves) == 2 and all(halves):  # "Gwyrdd / Green": one word in two languages, one of them known
        read = [map_status_word(half) for half in halves]
        known = [(half, r) for half, r in zip(halves, read) if r.status is not None]
        if len(known) == 1 and any(r.reason == "fits no status" for r in read):
            half, said = known[0]
            return WordMapping(word, said.status, f"its half '{half}': {said.reason}")
    return WordMapping(word, None, "fits no status")


def _a_status(text: str) -> bool:
    """Whether a text is a status, or opens with a status word ("Amber in Oct")."""
    words = normalise_word(text).split(" ")
    return map_status_word(text).status is not None or (words[0] in _KNOWN and _KNOWN[words[0]][1] is not None)


def _leading(raw: str, norm: str) -> tuple[Status | None, str] | None:
    """A known word opening longer text and set off from the rest by punctuation.

    "Complete - agreed at LIP EB" and "Green (on track)" are statuses with a description;
    "Risk accepted" or "Started late" say something else, so they are not read by their
    first word. A bracketed or trailing status word must agree with the first.
    """
    for known in _LEADING:
        if not (norm.startswith(known) and norm[len(known)] in " /"):
            continue
        opener = r"\W+".join(re.escape(part) for part in re.split(r"[ /]", known))
        if not (opened := re.match(rf"\W*{opener}\s*(?:[:\-–—(,;.!/]|and\b|$)", raw.strip(), re.I)):
            return None
        first = _mapping(norm, known)
        rest = norm[len(known):].strip()
        if (how := _how_it_is_going(known, raw.strip()[opened.end():])) is not None:
            return how
        others = [status for status in _statuses_in(rest) if status is not first.status]
        if first.status is not None and others:
            return None, f"names two statuses ({first.status} and {others[0]}): fits no status"
        trouble = _TROUBLE.search(rest)
        if first.status in (Status.ON_TRACK, Status.COMPLETE) and trouble:
            return None, f"starts with '{known}' but also says '{trouble.group(0)}': fits no status"
        if first.status is Status.COMPLETE and (undone := _NOT_DONE.search(rest)):
            return None, f"starts with '{known}' but also says '{undone.group(0)}': fits no status"
        return first.status, f"starts with '{known}': {first.reason}"
    return None


def _how_it_is_going(known: str, qualifier: str) -> tuple[Status, str] | None:
    """A word that says only that the work is under way ("In progress", "Ongoing") qualified by words
    that are a status of their own saying how it is going ("Behind", "At risk", "On track"): that
    status, as the qualifier alone would be read. A qualifier that says it is finished or not begun
    contradicts "under way" and is not read so."""
    if _KNOWN[known][0] != _UNDER_WAY:
        return None
    qualifier = qualifier.strip().rstrip(")").strip()
    said = map_status_word(qualifier) if qualifier else None
    if said is None or said.status not in (Status.ON_TRACK, Status.VULNERABLE, Status.AT_RISK):
        return None
    return said.status, f"'{known}' says it is under way; '{qualifier}' says how: {said.reason}"


# Words that say something is wrong: "In progress - slight delay" is not simply on track.
_TROUBLE = re.compile(r"\b(?:delay(?:s|ed)?|behind|slipp(?:age|ed|ing)|late|overdue|stalled|paused|on hold|blocked"
                      r"|at risk|off track|concerns?)\b")
# Words that say an action was closed without being done: "Closed - merged into 2.3".
_NOT_DONE = re.compile(r"\b(?:merged|superseded|replaced|transferred|duplicated?|withdrawn|cancell?ed|abandoned"
                       r"|not (?:needed|required|achieved|completed?|done))\b")


_DENIED = re.compile(r"\b(?:not|no|non|never|nor|without|un[a-z]{4,})\b")  # "not" said outside the status words


def described_status(description: str) -> Status | None:
    """The one status a Key's description of a word names by the status words in it ("action complete
    and now part of business as usual": Complete), for a word of the plan's own that fits no status by
    itself ("Embedded"). None when it names none ("past its target date"), two, a word that fits no
    status ("completed or superseded"), or says "not" outside them ("paused, not yet complete")."""
    norm = normalise_word(description)
    kept = _known_words_in(norm, fitting=False)
    statuses = {status for _, _, status in kept}
    if len(statuses) != 1 or None in statuses:
        return None
    rest = "".join(" " if any(s <= i < e for s, e, _ in kept) else char for i, char in enumerate(norm))
    return None if _DENIED.search(rest) else statuses.pop()


def _statuses_in(text: str) -> list[Status]:
    """The statuses of the known words written anywhere in a status word's description."""
    return [status for _, _, status in _known_words_in(text, fitting=True) if status is not None]


def _known_words_in(text: str, fitting: bool) -> list[tuple[int, int, Status | None]]:
    """Where each known word (of three letters or more; `fitting`: only those that fit a status) is
    written in a normalised text, and its status. A word within a longer one is that one's: "not yet
    started" is not also "started" (On track)."""
    found = [(hit.start(), hit.end(), status) for word, (_, status) in _KNOWN.items()
             if len(word) > 2 and (status is not None or not fitting)
             for hit in re.finditer(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text)]
    return [(start, end, status) for start, end, status in found
            if not any(s <= start and end <= e and e - s > end - start for s, e, _ in found)]


@dataclass(frozen=True)
class Vocabulary:
    """A plan's own status scale, each word mapped, and where in the workbook it was found."""

    words: tuple[WordMapping, ...]
    source: str  # "key on sheet Guidance A4:B8", "drop-down list on F5:F60", "words used in column F"

    @classmethod
    def from_words(
        cls, words: Iterable[str], source: str, overrides: Mapping[str, Status | None] | None = None
    ) -> Vocabulary:
        """Map each distinct word once (first spelling kept); the house-style file's words win.

        An override to None says the word fits no status (reported, never counted).
        """
        chosen = {normalise_word(k): (k, v) for k, v in (overrides or {}).items()}
        mapped: dict[str, WordMapping] = {}
        for word in words:
            text = word.strip()
            norm = normalise_word(text)
            if not norm or norm in mapped:
                continue
            if norm in chosen:
                mapped[norm] = WordMapping(text, chosen[norm][1], "from the house-style file")
            else:
                mapped[norm] = map_status_word(text)
        for norm, (text, status) in chosen.items():  # declared by the house style but not seen
            mapped.setdefault(norm, WordMapping(text.strip(), status, "from the house-style file"))
        return cls(tuple(mapped.values()), source)

    @classmethod
    def standard(cls) -> Vocabulary:
        """The five canonical statuses in their own words: the scale when a plan declares none."""
        return cls(tuple(WordMapping(s.value, s, "one of the five statuses") for s in Status),
                   "paptools' five statuses")

    def lookup(self, text: str) -> WordMapping | None:
        """The word of this scale a cell's text names, or None when it names none of them.

        Case, spacing and punctuation are set aside, and so are a "Status:" label and a
        description after the word ("Status: Green (on track)", "Complete - agreed at board").
        """
        return _lookup(self.words, text)


@lru_cache(maxsize=8192)
def _lookup(words: tuple[WordMapping, ...], text: str) -> WordMapping | None:
    index = {normalise_word(m.word): m for m in words}
    text = _PREFIX.sub("", text)
    norm = normalise_word(text)
    if not norm:
        return None
    if norm in index:
        return index[norm]
    head = _HEAD.match(text.strip())
    if head is not None:
        found = index.get(normalise_word(head.group("head")))
        if found is not None:
            return found
    for known in sorted((w for w in index if len(w) > 2), key=lambda w: -len(w)):
        if norm.startswith(known) and norm[len(known)] in " /":
            return index[known]
    close = _fuzzy(norm, [w for w in index if len(w) >= 5])
    return index[close] if close is not None else None

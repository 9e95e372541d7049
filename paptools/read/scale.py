"""A plan's own status scale: its words, what each counts as, and where the scale came from.

The words are kept as the plan writes them ("Some slippage") and each is mapped onto the five
canonical statuses by meaning (read/statuses.py), with the reason shown by `inspect`; the
house-style file's mapping wins. A word that fits none stays unmapped and is reported.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from paptools.layout import WordMap
from paptools.model import Status
from paptools.read.statuses import DEFAULT_FAMILIES, family
from paptools.read.text import one_line
from paptools.read.vocabulary import Vocabulary, WordMapping, described_status, map_status_word, normalise_word

_SHEET_STATUS = re.compile(r"\b(?:closed|completed?|archived?|done|implemented)\b", re.I)
_NOT_YET = re.compile(r"\b(?:not|yet|to\s+be|awaiting)\b", re.I)  # "Actions not yet completed"


def word_status(word: str) -> tuple[Status | None, str]:
    """The canonical status a status word stands for, and why; None when it fits none."""
    mapping = map_status_word(word)
    return mapping.status, mapping.reason


def build_scale(used: Counter[str], key_words: Mapping[str, str | None],
                overrides: Mapping[str, Status | None] | None = None,
                key_meanings: Mapping[str, tuple[Status | None, str]] | None = None,
                described: Mapping[str, str] | None = None) -> tuple[WordMap, ...]:
    """The scale: the key's words (with their colours) then the other words used, each mapped once
    by the vocabulary (read/vocabulary.py), with how often the plan uses it. A Key word whose
    description names another status than the word's usual one ("A | At risk") means what the Key
    says, one that fits no status says what the Key gives it as ("3 | In progress - delayed"), and a
    Key word of the plan's own that fits no status means the one status its description names
    ("Embedded | action complete and now part of business as usual"); the house-style file's
    words win over all three."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for word, n in used.items():
        norm = normalise_word(word)
        counts[norm] += n
        spelling.setdefault(norm, word)
    colours = {normalise_word(word): colour for word, colour in key_words.items()}
    vocabulary = Vocabulary.from_words([*key_words, *(spelling[n] for n in counts)], "", overrides)
    said = {normalise_word(word): meaning for word, meaning in (key_meanings or {}).items()}
    declared = {normalise_word(word) for word in overrides or {}}
    vocabulary = Vocabulary(tuple(
        _as_key_says(m, *said[norm]) if (norm := normalise_word(m.word)) in said and norm not in declared else m
        for m in vocabulary.words), vocabulary.source)
    words = _by_colour(_coloured(_described(vocabulary.words, described or {}, declared), colours, declared),
                       colours, declared)
    return tuple(WordMap(m.word, m.status, m.reason, colours.get(norm := normalise_word(m.word)), counts.get(norm, 0),
                         norm in colours) for m in words)


_COLOURS = frozenset({"red", "amber", "green", "blue", "white", "black", "grey", "gray", "purple", "yellow", "orange"})


def _as_key_says(m: WordMapping, status: Status | None, description: str) -> WordMapping:
    """A Key word read as its description says, where that names another status than the word's
    own; a word that fits no status, described by words that fit none either, says so."""
    spelt_out = len(m.word) <= 2 < len(description) and normalise_word(description) not in _COLOURS  # "C = Complete"
    if status is not None and (status is not m.status or spelt_out):
        return WordMapping(m.word, status, f"the plan's Key gives it as '{one_line(description, 40)}'")
    if status is None and m.status is None and normalise_word(description) != normalise_word(m.word):
        return WordMapping(m.word, None, f"the plan's Key gives it as '{one_line(description, 40)}', which "
                                         f"{map_status_word(description).reason}")
    return m


def _described(words: tuple[WordMapping, ...], described: Mapping[str, str],
               declared: set[str]) -> tuple[WordMapping, ...]:
    """A Key word of the plan's own that fits no status ("Embedded") described by words naming one
    status ("action complete and now part of business as usual") means that status, and inspect
    says so (vocabulary.described_status: never across a "not", never one of two)."""
    said = {normalise_word(word): text for word, text in described.items()}
    out = []
    for m in words:
        norm = normalise_word(m.word)
        text = said.get(norm) if m.status is None and norm not in declared else None
        status = described_status(text) if text else None
        out.append(m if status is None else WordMapping(
            m.word, status, f"the plan's Key describes it as '{one_line(text or '', 60)}'; the word fits no status"))
    return tuple(out)


def _coloured(words: tuple[WordMapping, ...], colours: Mapping[str, str | None],
              declared: set[str]) -> tuple[WordMapping, ...]:
    """A Key word of the plan's own that fits no status ("Significant concern") beside a status
    colour means what that colour means (red At risk), and inspect says so."""
    out = []
    for m in words:
        rgb = colours.get(norm := normalise_word(m.word))
        status = DEFAULT_FAMILIES.get(family(rgb)) if rgb and m.status is None and norm not in declared else None
        out.append(m if status is None else
                   WordMapping(m.word, status, f"its colour in the Key, {family(rgb or '')}; the word fits no status"))
    return tuple(out)


def _by_colour(words: tuple[WordMapping, ...], colours: Mapping[str, str | None],
               declared: set[str]) -> tuple[WordMapping, ...]:
    """Two Key words of different colours read as one status ("At risk" in amber and "Off track" in
    red, both At risk) would fold two levels of the plan's scale into one: those words then count
    as their colours do (amber Vulnerable, red At risk), when that tells every one of them apart."""
    keyed: list[tuple[WordMapping, Status, str]] = []  # a Key word with a colour, its status, its colour family
    for m in words:
        rgb = colours.get(norm := normalise_word(m.word))
        if m.status is not None and rgb and norm not in declared:
            keyed.append((m, m.status, family(rgb)))
    merged = {status for _, status, fam in keyed if len({f for _, s, f in keyed if s is status}) > 1}
    if not merged:
        return words
    changed = {m.word: (DEFAULT_FAMILIES.get(fam), fam, status) for m, status, fam in keyed if status in merged}
    targets = {m.word: changed[m.word][0] for m, _, _ in keyed if m.word in changed}
    if None in targets.values() or len(set(targets.values())) < len(targets):
        return words  # the colours cannot tell them apart either: each keeps its reading
    out = []
    for m in words:
        new, fam, status = changed.get(m.word, (m.status, "", m.status))
        if new is None or new is m.status:
            out.append(m)
            continue
        same = [repr(k.word) for k, s, _ in keyed if s is status]
        out.append(WordMapping(m.word, new, f"the Key's {fam}; {' and '.join(same)} would "
                               f"{'both' if len(same) == 2 else 'all'} read as {status}"))
    return tuple(out)


def folded(scale: tuple[WordMap, ...]) -> tuple[str, ...]:
    """The plan's own words that all count as At risk when none counts as Vulnerable ("At risk" and
    "Off track"): two levels of its scale may have been read as one. Colour names and letters
    ("Red", "R") are the same level written another way, and a coloured Key tells levels apart."""
    used = [w for w in scale if w.count or w.in_key]
    if any(w.status is Status.VULNERABLE for w in used) or any(w.colour for w in used):
        return ()
    words = [w.word for w in used if w.status is Status.AT_RISK and normalise_word(w.word) not in ("red", "r")]
    return tuple(words) if len(words) >= 2 else ()


def lookup(scale: tuple[WordMap, ...], text: str) -> WordMap | None:
    """The word of the scale a cell's text names, or None."""
    norm = normalise_word(text)
    return next((w for w in scale if normalise_word(w.word) == norm), None)


def sheet_status(name: str) -> Status | None:
    """The status a sheet's name ("Closed", "Completed", "Archive") or a heading over a second table
    ("Completed actions") implies for rows that give none, unless it says they are not done yet
    ("Not completed", "Actions to be completed")."""
    return Status.COMPLETE if _SHEET_STATUS.search(name) and not _NOT_YET.search(name) else None

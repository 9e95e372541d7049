"""Action refs: one spelling for each ref, and refs that Excel turned into numbers.

"PAP: 1.1", "PAP 1.1" and "PAP:1.1" are one ref. Typing "1.10" into a cell stores the
number 1.1, which would silently merge two actions; a numeric ref is therefore read back
from its place among its neighbours, and any inference is reported.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# "PAP 1.1", "R1", "1.1a", "SEND/01", "(3)", "3)", and "2.3 (new)" (a note in brackets after the
# ref, kept where the ref is shown as written); "PA1-03", "SEND-2-1" and "1-3" (a dash between
# levels of one or two digits: "2024-25" is a year, not a ref).
_REF = re.compile(
    r"^\(?(?P<prefix>[A-Za-z][A-Za-z&]{0,7})?\s*[:.\-#/]?\s*"
    r"(?P<num>\d{1,4}(?:\.\d{1,5}){0,3}|\d{1,2}(?:-\d{1,2}){1,2}(?!\d))"
    r"(?:\.?(?P<suffix>[a-z]))?\s*[.:)]?(?:\s*\([^()]{1,30}\))?$"
)
# "P1 A4", "P2-A1", "PA1 A3": a priority's letter and number, then an action's. Read as the
# levels 1.4, and written back as it was ("P1 A4").
_TWO_PART = re.compile(
    r"^(?P<prefix>[A-Za-z]{1,8})\s*(?P<first>\d{1,3})\s*[ ,:.\-/]?\s*(?P<inner>[A-Za-z]{1,2})\s*(?P<second>\d{1,3})"
    r"(?P<suffix>[a-z])?\s*[.:)]?$"
)
# "Theme 1 / Action 2", "Priority 1 Action 2", "Objective 3, action 1": a named level's number, then
# an action's under it, read as the levels 1.2 of the first word's prefix ("THEME 1.2").
_NAMED_LEVELS = re.compile(
    r"^(?P<prefix>[A-Za-z]{2,12})\s*(?P<first>\d{1,3})\s*[,:.\-/]?\s*(?:action|act|item|no\.?)\s*(?P<second>\d{1,3})"
    r"(?P<suffix>[a-z])?\s*[.:)]?$", re.I
)
# A footnote mark after a ref ("K4*", "2.1 †", "PAP 1.2**"): the ref is read without it; the mark
# stays in the ref as written. A mark alone is no ref.
_FOOTNOTE = re.compile(r"(?<=\S)\s*[*\u2020\u2021]{1,3}$")
_LEVEL = re.compile(r"[.\-]")
# A lower-case Roman numeral up to xxxix, in brackets or before one or a full stop (never alone: "i" is a word).
_NUMERAL = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
_ROMAN = re.compile(rf"^(?:\((?P<a>{_NUMERAL})\)|(?P<b>{_NUMERAL})[.)])$")
_ROMAN_VALUES = (("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def _from_roman(numeral: str) -> int:
    value, at = 0, 0
    for letters, worth in _ROMAN_VALUES:
        while numeral.startswith(letters, at):
            value, at = value + worth, at + len(letters)
    return value


def _to_roman(value: int) -> str:
    out = ""
    for letters, worth in _ROMAN_VALUES:
        while value >= worth:
            out, value = out + letters, value - worth
    return out
# Prefixes that mark a Priority Action Plan action (as against improvement-plan actions).
PAP_PREFIXES = frozenset({"PAP", "PA", "P", "PRIORITY"})
# Words that only say what the number is ("Action 7.1", "Ref 7.1", "No. 7" are 7.1, 7.1, 7): no prefix of the ref.
_LABELS = frozenset({"ACTION", "REF", "NO", "NUMBER", "ITEM"})


class Ref(NamedTuple):
    prefix: str  # upper case, "" when none
    number: str  # "1.10": kept as text so 1.1 and 1.10 stay apart
    suffix: str = ""
    inner: str = ""  # the action's letter of a two-part ref ("A" of "P1 A4", whose number is "1.4")
    roman: bool = False  # numbered in Roman numerals: "(iv)", whose number is "4"

    @property
    def text(self) -> str:
        """One spelling per ref: "PAP 1.1" for a word prefix, "R1" for a single letter, as trackers write
        them; "P1 A4" for a two-part ref; "(iv)" for one in Roman numerals."""
        if self.roman:
            return f"({_to_roman(int(self.number))})"
        if self.inner:
            first, second = self.number.split(".")
            return f"{self.prefix}{first} {self.inner}{second}{self.suffix}"
        body = self.number + self.suffix
        if not self.prefix:
            return body
        return f"{self.prefix}{body}" if len(self.prefix) == 1 else f"{self.prefix} {body}"

    @property
    def parts(self) -> tuple[int, ...]:
        return _levels(self.number)

    @property
    def is_pap(self) -> bool:
        return self.prefix in PAP_PREFIXES


@lru_cache(maxsize=8192)  # each ref cell is read five times or more: finding the layout, walking, assembling
def parse_ref(text: str) -> Ref | None:
    """The ref in a cell's text, or None when the text is not a ref."""
    text = _FOOTNOTE.sub("", text.strip())
    match = _REF.match(text)
    if not match:
        if two := _TWO_PART.match(text):
            return Ref(two.group("prefix").upper(), f"{int(two.group('first'))}.{int(two.group('second'))}",
                       two.group("suffix") or "", two.group("inner").upper())
        if roman := _ROMAN.match(text):  # "(iv)", "iv)", "iv.": numbered in Roman numerals
            return Ref("", str(_from_roman(roman.group("a") or roman.group("b"))), roman=True)
        if named := _NAMED_LEVELS.match(text):
            prefix = named.group("prefix").upper()
            return Ref("" if prefix in _LABELS else prefix, f"{int(named.group('first'))}.{int(named.group('second'))}",
                       named.group("suffix") or "")
        return None
    prefix = (match.group("prefix") or "").upper()
    return Ref("" if prefix in _LABELS else prefix, match.group("num"), match.group("suffix") or "")


# A ref opening an Action cell: "1.1 Publish ...", "1. Publish", "2) Train", "PAP 1.2 - Train", "A3: Audit".
# A bare number needs a dot between levels or a mark after it: "2 new posts" is not a ref.
_LEADING = re.compile(
    r"\s*(?P<ref>(?:[A-Z]{1,4}\s*[:.\-]?\s*)?\d{1,4}(?:\.\d{1,5}){1,3}[a-z]?|[A-Z]{1,4}\s*[:.\-]?\s*\d{1,4}[a-z]?"
    r"|\d{1,4}(?=\s*[.:)\-–—]))\s*[.:)\-–—]?\s+(?P<rest>\S)",
)


def leading_ref(text: str) -> tuple[Ref, str] | None:
    """The ref opening an Action cell (a plan with no Ref column numbers its actions in their
    text) and the text after it; a cell that is only a ref gives its ref and no text."""
    if found := _LEADING.match(text):
        parsed = parse_ref(found.group("ref"))
        return (parsed, text[found.start("rest"):]) if parsed else None
    parsed = parse_ref(text)
    return (parsed, "") if parsed else None


def cell_ref(text: str, leading: bool = False) -> Ref | None:
    """The ref a Ref cell holds; with `leading`, the ref opening an Action cell (leading_ref)."""
    if leading:
        found = leading_ref(text)
        return found[0] if found else None
    return parse_ref(text)


def sort_key(ref: str) -> tuple[object, ...]:
    """Orders "PAP 1.2" before "PAP 1.10", and unparseable refs last."""
    parsed = parse_ref(ref)
    if parsed is None:
        return (1, (), ref)
    return (0, parsed.parts, parsed.prefix + parsed.suffix)


def number_text(value: float, number_format: str | None) -> tuple[str, bool]:
    """A numeric ref cell as text, and whether a trailing zero may have been lost.

    A cell formatted with fixed decimals ("0.00") shows exactly what the officer sees;
    otherwise 1.1 could have been typed as "1.1" or "1.10".
    """
    if float(value).is_integer():
        return str(int(value)), False
    decimals = _fixed_decimals(number_format or "")
    if decimals:
        return f"{value:.{decimals}f}", False
    return f"{value:.10g}", True


def _fixed_decimals(number_format: str) -> int:
    match = re.fullmatch(r"0\.(0+)", number_format.strip())
    return len(match.group(1)) if match else 0


class RefCandidate(NamedTuple):
    """A ref as read from one row: fixed, or a number that may have lost a trailing zero."""

    text: str
    ambiguous: bool = False


def resolve_numeric_refs(candidates: list[RefCandidate]) -> list[tuple[str, str | None]]:
    """Final ref text for each row in sheet order, with a message where one was inferred.

    A number like 1.1 may be 1.1 or 1.10. The reading that continues the sequence of its
    neighbours (1.9 -> 1.10 -> 1.11) wins; a reading already used by another row loses.
    Anything still undecided keeps the plain reading and is reported.
    """
    result: list[tuple[str, str | None]] = []
    # Identity includes the prefix: "PAP 2.3" does not take the plain number 2.3.
    taken = {c.text for c in candidates if not c.ambiguous}
    for index, candidate in enumerate(candidates):
        if not candidate.ambiguous:
            result.append((candidate.text, None))
            continue
        plain = candidate.text
        padded = plain + "0"
        prev = _number_of(result[-1][0]) if result else None
        nxt = _number_of(candidates[index + 1].text) if index + 1 < len(candidates) else None
        choice, reason = _choose(plain, padded, prev, nxt, taken)
        taken.add(choice)
        message = None
        if reason:
            message = f"ref is stored as the number {plain}; {reason}"
        result.append((choice, message))
    return result


def _choose(plain: str, padded: str, prev: str | None, nxt: str | None, taken: set[str]) -> tuple[str, str | None]:
    if plain in taken and padded not in taken:
        return padded, f"read as {padded} because {plain} is already used"
    plain_next = _consecutive(prev, plain) or _consecutive(plain, nxt)
    padded_next = _consecutive(prev, padded) or _consecutive(padded, nxt)
    if plain_next and not padded_next:
        return plain, None
    if padded_next and not plain_next:
        where = f"it follows {prev}" if _consecutive(prev, padded) else f"it precedes {nxt}"
        return padded, f"read as {padded} because {where}"
    if plain in taken:
        return plain, f"{plain} is used twice and {padded} is taken too: check the ref"
    plain_fits, padded_fits = _between(prev, plain, nxt), _between(prev, padded, nxt)
    if plain_fits and not padded_fits:
        return plain, None
    if padded_fits and not plain_fits:
        return padded, f"read as {padded} because it lies between {prev} and {nxt}"
    return plain, f"kept as {plain}; check it is not {padded}"


def _number_of(text: str | None) -> str | None:
    if text is None:
        return None
    parsed = parse_ref(text)
    return parsed.number if parsed else None


def _levels(number: str) -> tuple[int, ...]:
    """A ref number's levels: "1.10" and "1-10" are (1, 10)."""
    return tuple(int(p) for p in _LEVEL.split(number))


def _parts(number: str | None) -> tuple[int, ...] | None:
    return _levels(number) if number else None


def _consecutive(first: str | None, second: str | None) -> bool:
    a, b = _parts(first), _parts(second)
    if not a or not b or len(a) != len(b):
        return False
    return a[:-1] == b[:-1] and b[-1] == a[-1] + 1


def _between(prev: str | None, value: str, nxt: str | None) -> bool:
    v, before, after = _parts(value), _parts(prev), _parts(nxt)
    if v is None:
        return False
    return (before is None or before < v) and (after is None or v < after)


def restart_per_sheet(refs: list[list[str]]) -> bool:
    """Whether each sheet numbers its actions afresh ("1, 2, 3" on every priority area's sheet):
    refs unique within each sheet, every sheet opening with the same ref, and most of the later
    sheets' refs used on an earlier one. Such refs are known by their sheet as well."""
    if len(refs) < 2 or any(not r or len(set(r)) != len(r) for r in refs) or len({r[0] for r in refs}) != 1:
        return False
    seen, repeats, later = set(refs[0]), 0, 0
    for sheet in refs[1:]:
        repeats += sum(1 for ref in sheet if ref in seen)
        later += len(sheet)
        seen.update(sheet)
    return repeats * 2 >= later


_AREA_NUMBER = re.compile(r"(?:(?:priority|area|pap?)\s*)*(\d{1,2})(?:\W.*)?", re.I | re.S)


def refs_within_areas(refs: list[str], areas: list[str], sheets: list[str]) -> list[str] | None:
    """Refs numbered afresh in each priority area on one sheet, the area in a column of its own or a
    banner row (Priority 1, 2; Action no. 1, 2, 3 under each): each made whole as area.number ("1.3"). None
    unless every ref is a bare number, every area names one, a number repeats on a sheet (refs
    that restart on each sheet are known by their sheet instead) and no pair repeats."""
    numbers = [found.group(1) if (found := _AREA_NUMBER.fullmatch(area.strip())) else None for area in areas]
    if not refs or not all(ref.isdigit() for ref in refs) or None in numbers:
        return None
    if len(set(zip(sheets, refs))) == len(refs):
        return None
    whole = [f"{int(area or 0)}.{int(ref)}" for ref, area in zip(refs, numbers)]
    return whole if len(set(whole)) == len(whole) else None


def named_refs(refs: list[str], shown: int = 10) -> str:
    """Refs for a warning about many actions: "1.1, 1.2 and 3 more" (the first `shown` named)."""
    rest = len(refs) - shown
    return ", ".join(refs[:shown]) + (f" and {rest:,} more" if rest > 0 else "")


# This many warnings of one kind on a sheet (a Timescale text, a fill the Key lacks) are said once,
# at the first cell, naming their actions (of_actions).
MANY = 3


def of_actions(refs: list[str], shown: int = 10) -> str:
    """What a warning said once for many actions ends with: "(4 actions: 1.1, 1.2, 1.4, 1.6)"."""
    return f"({len(refs)} actions: {named_refs(refs, shown)})"


_REPEATED = re.compile(r"(?P<ref>.+) \((?P<n>\d+)(?:st|nd|rd|th)\)")


def repeated_ref(ref: str, n: int) -> str:
    """What the nth action written with one ref is known as: 'PAP 2.2 (2nd)'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{ref} ({n}{suffix})"


def written_ref(known_as: str) -> str:
    """The ref as written of an action known as repeated_ref gave it, or the ref itself."""
    found = _REPEATED.fullmatch(known_as)
    return found.group("ref") if found else known_as

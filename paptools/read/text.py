"""Cell text to clean plain text.

Officers paste text from web systems and emails, so cells can carry markup (`<b>`, `<p>`,
`&amp;`), odd spaces and stray line breaks. Cleaning removes only markup and invisible
characters: every word the officer wrote is kept.
"""
from __future__ import annotations

import re

# Only tags that really are markup: a bare "<" in text ("waits < 18 weeks") is left alone.
_TAG_NAMES = r"(?:b|i|u|em|strong|p|br|div|span|a|font|sup|sub|s|strike|ul|ol|li|h[1-6])"
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6])\b[^<>]*>", re.I)
_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p\b[^<>]*>", re.I)
_INLINE_TAG = re.compile(rf"</?{_TAG_NAMES}\b[^<>]*>", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.I)
_SPACES = re.compile(r" {2,}")
# Invisible characters go; tabs and the many kinds of space become a plain space. Zero-width
# joiners and non-joiners stay: emoji sequences and several scripts need them.
_TIDY_CHARACTERS = {
    **dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None),
    **dict.fromkeys(map(ord, "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                             "\u202f\u205f\u3000"), " "),
}
# Excel's escape for characters XML cannot hold, e.g. _x000D_ for a carriage return, _x005F_ for "_".
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_SURROGATE = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")  # not written as literals, which mypyc cannot compile


# Characters clean_text changes; with no double spaces or untidy line ends, most cells are done.
_ODD_CHARACTERS = re.compile(r"[\r\t\v\u00a0\u00ad\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]")
_BLANK_LINES = re.compile(r"\n{3,}")
_CARRIAGE_RETURNS = re.compile(r"\r+\n?")
_BRACKETS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^a-z0-9/&#]+")


def clean_text(value: object) -> str:
    """Plain, tidy text for any cell value: no tags, no entities, one space between words.

    Each kind of untidiness is looked for separately, so the common clean cell costs a few
    substring tests.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "<" in text:
        text = _PARAGRAPH_BREAK.sub("\n", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _INLINE_TAG.sub("", text)
    if "&" in text and _ENTITY.search(text):
        import html  # loaded on the first cell holding an entity: most plans have none

        text = html.unescape(text)
    if "\r" in text or "\v" in text:
        text = _CARRIAGE_RETURNS.sub("\n", text).replace("\v", "\n")
    if text.isascii():  # a tab is the only odd character left that ASCII holds
        if "\t" in text:
            text = text.replace("\t", " ")
    else:  # each odd character present replaced in one pass of its own: far quicker than translate()
        for char in set(_ODD_CHARACTERS.findall(text)):
            text = text.replace(char, _TIDY_CHARACTERS.get(ord(char), char) or "")
    if "  " in text or " \n" in text or "\n " in text:
        text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def decode_escapes(text: str) -> tuple[str, bool]:
    """A cell's stored text with Excel's `_xHHHH_` escapes decoded, once, left to right.

    `_x005F_x0041_` is the literal text `_x0041_`. An escaped surrogate pair becomes its one
    character; a lone surrogate (which no file or terminal can hold) becomes U+FFFD, and the
    second value says that happened so the reader can report it.
    """
    if "_x" not in text:
        return text, False
    decoded = _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if not _SURROGATE.search(decoded):
        return decoded, False
    merged = decoded.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return merged, merged.count("\ufffd") > decoded.count("\ufffd")


def one_line(text: str, limit: int | None = None) -> str:
    """Text folded onto one line, optionally shortened with an ellipsis, for messages."""
    flat = " ".join(text.split())
    if limit is not None and len(flat) > limit:
        return flat[: limit - 1].rstrip() + "…"
    return flat


def normalise_label(text: str) -> str:
    """A header or label reduced to lower-case words, without its (explanatory) brackets."""
    text = _BRACKETS.sub(" ", clean_text(text).lower())
    return " ".join(_NON_WORD.sub(" ", text).split())


# The four non-ASCII letters that a case-insensitive [a-z] also matches (Python's re docs):
# "APRİL 24" or "ſep 23" is read as the month it spells, never a crash on a dictionary lookup.
_CASE_FOLDED = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


def ascii_lower(word: str) -> str:
    """A word matched by a case-insensitive ASCII pattern, in the ASCII lower case it stands for."""
    return word.translate(_CASE_FOLDED).lower()

"""Text made safe for a terminal, without changing the data it came from.

A cell can hold control characters (an escape sequence that retitles the window, clears the
screen or hides text); printed raw, they act on the officer's terminal. Here every control
character other than tab and newline is shown escaped (`\\x1b`), as are unpaired surrogates
(a file name that is not UTF-8 shows its odd bytes as `\\xff`). The colours paptools adds
itself (click.style's SGR sequences) are kept. Every other character, zero-width joiners
included, is printed as it is.
"""
from __future__ import annotations

import re

# click.style writes ESC [ n ; ... m with these parameters: reset, bold, dim, underline, colours.
_OWN_STYLE = r"\x1b\[(?:(?:0|1|2|4|22|24|39|49|3[0-7]|9[0-7]|4[0-7]|10[0-7])(?:;|(?=m)))*m"
_UNSAFE = re.compile(rf"({_OWN_STYLE})|([\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff])")


def terminal_safe(text: str) -> str:
    """`text` with control characters (bar tab and newline) and lone surrogates shown escaped."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1)
    code = ord(match.group(2))
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")
# A C1 control in UTF-8 (C2 80-9F); DEL is the byte 7F, and a lone surrogate cannot be encoded at all.
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def json_safe_utf8(data: bytes) -> bytes:
    """json_safe for JSON already in UTF-8 (orjson's): the same bytes when there is nothing to escape."""
    return _escaped(data.decode("utf-8")).encode("utf-8") if _unsafe(data) else data


def json_safe(document: str) -> str:
    """JSON text (from json.dumps(ensure_ascii=False)) with C1 controls and lone surrogates as \\u escapes.

    json.dumps already escapes the C0 controls; these others can only occur inside strings,
    where a \\u escape means the same character, so the document says exactly what it did.
    A document without them (nearly every one) is found so by its UTF-8 bytes, several times
    faster than scanning the text itself (show --json of a large plan is megabytes).
    """
    try:
        data = document.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: escaped
        return _escaped(document)
    return _escaped(document) if _unsafe(data) else document


def _unsafe(data: bytes) -> bool:
    """Whether UTF-8 JSON holds a DEL or a C1 control. Both tests first look for one byte, which
    is far quicker than the pattern over a large plan's megabytes; the pattern is only needed
    when C2 is there (as in "£" or a no-break space)."""
    return b"\x7f" in data or (b"\xc2" in data and _C1_UTF8.search(data) is not None)


def _escaped(document: str) -> str:
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", document)

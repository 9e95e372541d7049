"""Who the board-pack email goes to, from the house-style file's [pack] table.

```
[pack]
to = ["board@example.gov.uk", "clerk@example.gov.uk"]
cc = "officer@example.gov.uk"
```

The file is paptools.toml beside the current workbook (or the one given). Each of `to` and
`cc` is an address or a list of them; anything else is an error naming the file, so a
misspelt setting never sends the draft to nobody in silence. No file, or no [pack], is none.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from paptools.read.style import STYLE_NAME, StyleError

_PACK_KEYS = ("to", "cc")


@dataclass(frozen=True)
class Recipients:
    """The addresses a draft is made out to; empty when the officer is to fill them in."""

    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()


def pack_recipients(workbook: Path, style: Path | None = None) -> Recipients:
    """The [pack] recipients of the house-style file for `workbook` (the file given, else the one beside it)."""
    path = style if style is not None else Path(workbook).parent / STYLE_NAME
    if style is None and not path.is_file():
        return Recipients()
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise StyleError(path, f"house-style file cannot be read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise StyleError(path, f"is not valid TOML: {error}") from None
    table = data.get("pack", {})
    if not isinstance(table, dict):
        raise StyleError(path, "[pack] must be a table: write '[pack]' on its own line, then 'to = [...]'")
    unknown = [key for key in table if key not in _PACK_KEYS]
    if unknown:
        raise StyleError(path, f"[pack] has no setting '{unknown[0]}': the settings are to and cc")
    return Recipients(_addresses(path, table, "to"), _addresses(path, table, "cc"))


def _addresses(path: Path, table: dict[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and "@" in v for v in values):
        raise StyleError(path, f"[pack] {key} must be an email address or a list of them, "
                               f'e.g. {key} = ["board@example.gov.uk"]')
    return tuple(v.strip() for v in values)


def choose_recipients(to: tuple[str, ...], cc: tuple[str, ...], workbook: Path | None,
                      style: Path | None = None) -> Recipients:
    """--to/--cc when given (either one replaces the file's [pack]), else the house-style file's."""
    if to or cc or workbook is None:
        return Recipients(to, cc)
    return pack_recipients(workbook, style)

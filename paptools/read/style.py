"""The house-style file, paptools.toml: what detection cannot place, stated once by a person.

It sits beside the workbook (or is given with --style) and can name the sheets to read, the
header row of a sheet, which header is which field, what each status word and colour means,
the entry order, the version-date cell and how PAP membership is decided. A key paptools
does not know, or a value it cannot use, is an error naming the file and line: a misspelt
setting must never be ignored in silence. `inspect --write-style` writes the same format.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from paptools.errors import PapError
from paptools.layout import Layout, Membership
from paptools.model import Status
from paptools.read.headers import FIELDS
from paptools.read.statuses import normalise_rgb

STYLE_NAME = "paptools.toml"
# "lint" ([lint] disable = [...], period_months = 3) is read and checked by check/lint.py;
# "pack" ([pack] to = [...], cc = [...]) by read/recipients.py.
_KEYS = {"sheets", "header_rows", "columns", "statuses", "colours", "entry_order", "version_date", "membership",
         "quarters", "lint", "pack"}
_MEMBERSHIP_KEYS = {"column", "pap", "prefix"}
_ORDERS = ("oldest first", "newest first")
_NO_STATUS = ("none", "unknown", "no status")


class StyleError(PapError):
    """The house-style file has a key or value paptools cannot use."""


@dataclass(frozen=True)
class HouseStyle:
    """What a house-style file says; empty when there is none."""

    path: str | None = None
    sheets: tuple[str, ...] = ()
    header_rows: dict[str, int] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)  # header text -> field
    statuses: dict[str, Status | None] = field(default_factory=dict)
    colours: dict[str, Status] = field(default_factory=dict)  # RGB -> status
    entry_order: str | None = None
    version_cell: str | None = None  # "Cover!B3"
    membership: Membership | None = None
    quarters: str | None = None  # "financial year": a timescale's "Q3 2024/25" is due in December 2024
    only_columns: bool = False  # the columns named are the only fields, any other header an extra (read/generated.py)

    def version_date(self, tops: list[tuple[str, str, object, object]]) -> tuple[date, str] | None:
        """The date in the version-date cell the file names, when it is among the cells seen."""
        if not self.version_cell:
            return None
        from paptools.read.version import _as_date

        sheet, _, coordinate = self.version_cell.rpartition("!")
        for name, cell, value, _ in tops:
            if cell == coordinate and (not sheet or name == sheet):
                found = _as_date(value)
                if found is not None:
                    return found, f"cell {name}!{cell} (house-style file)"
        return None


def find_style(workbook: Path, given: Path | None = None) -> HouseStyle:
    """The house style for a workbook: the file given, else paptools.toml beside it, else none."""
    path = given if given is not None else workbook.parent / STYLE_NAME
    if given is None and not path.is_file():
        return HouseStyle()
    return load_style(path)


def load_style(path: Path) -> HouseStyle:
    """Read and check a house-style file; any key or value it cannot use is a StyleError."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise StyleError(path, f"house-style file cannot be read ({error.strerror or error})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StyleError(path, f"is not valid TOML: {error}") from None
    return _parse(path, text, data)


def _line(text: str, key: str) -> int:
    """The line a key is written on, for messages (1 when it cannot be found)."""
    pattern = re.compile(rf"^\s*(?:\[\s*)?[\"']?{re.escape(key)}[\"']?\s*[=\]]", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _fail(path: Path, text: str, key: str, message: str) -> StyleError:
    return StyleError(path, f"line {_line(text, key)}: {message}")


def _status(path: Path, text: str, key: str, value: Any) -> Status | None:
    if isinstance(value, str) and value.strip().lower() in _NO_STATUS:
        return None
    for status in Status:
        if isinstance(value, str) and value.strip().lower() == status.value.lower():
            return status
    raise _fail(path, text, key, f"'{value}' is not a status: use one of "
                + ", ".join(s.value for s in Status) + " or 'none'")


def _parse(path: Path, text: str, data: dict[str, Any]) -> HouseStyle:
    for key in data:
        if key not in _KEYS:
            raise _fail(path, text, key, f"unknown setting '{key}': the settings are " + ", ".join(sorted(_KEYS)))
    sheets = data.get("sheets", [])
    if not isinstance(sheets, list) or not all(isinstance(s, str) for s in sheets):
        raise _fail(path, text, "sheets", "'sheets' must be a list of sheet names, e.g. [\"Actions\"]")
    header_rows = {}
    for sheet, row in _table(path, text, data, "header_rows").items():
        if not isinstance(row, int) or row < 1:
            raise _fail(path, text, sheet, f"header row of '{sheet}' must be a row number, e.g. 4")
        header_rows[sheet] = row
    columns = {}
    for header, name in _table(path, text, data, "columns").items():
        if name not in FIELDS:
            raise _fail(path, text, header, f"'{name}' is not a field: use one of " + ", ".join(FIELDS))
        columns[header] = name
    statuses = {word: _status(path, text, word, value) for word, value in _table(path, text, data, "statuses").items()}
    colours = {}
    for colour, value in _table(path, text, data, "colours").items():
        rgb = normalise_rgb(colour)
        status = _status(path, text, colour, value)
        if rgb is None or status is None:
            raise _fail(path, text, colour, f"'{colour}' must be a colour such as \"92D050\" with a status")
        colours[rgb] = status
    order = data.get("entry_order")
    if order is not None and order not in _ORDERS:
        raise _fail(path, text, "entry_order", "entry_order must be \"oldest first\" or \"newest first\"")
    cell = data.get("version_date")
    if cell is not None and not (isinstance(cell, str) and re.fullmatch(r"(?:.+!)?[A-Z]{1,3}\d+", cell)):
        raise _fail(path, text, "version_date", "version_date must be a cell such as \"Cover!B3\"")
    quarters = data.get("quarters")
    if quarters is not None and quarters != "financial year":
        raise _fail(path, text, "quarters", "quarters must be \"financial year\" (Q1 April to June), or left out")
    return HouseStyle(str(path), tuple(sheets), header_rows, columns, statuses, colours, order, cell,
                      _membership(path, text, data), quarters)


def _table(path: Path, text: str, data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise _fail(path, text, key, f"'{key}' must be a table: write it as [{key}] with one setting a line")
    return value


def _membership(path: Path, text: str, data: dict[str, Any]) -> Membership | None:
    value = _table(path, text, data, "membership")
    if not value:
        return None
    for key in value:
        if key not in _MEMBERSHIP_KEYS:
            raise _fail(path, text, key, f"unknown membership setting '{key}': use column and pap, or prefix")
    if "column" in value:
        pap = value.get("pap", ["PAP"])
        if not isinstance(pap, list):
            raise _fail(path, text, "pap", "pap must be a list of the column's values that mean PAP")
        return Membership("column", str(value["column"]), tuple(str(v) for v in pap))
    if "prefix" in value:
        return Membership("ref prefix", None, (str(value["prefix"]).upper(),))
    raise _fail(path, text, "membership", "membership needs column (with pap) or prefix")


_SOURCE_CELL = re.compile(r"cell (.+?![A-Z]{1,3}\d+)(?: '|$)")  # where read/version.py says a version date was read


def style_text(layout: Layout) -> str:
    """The detected layout written as a house-style file, a starting point to edit."""
    lines = ["# paptools house style: how this workbook is read. Edit, then keep it beside the workbook.", ""]
    read = layout.read_tables
    lines.append("sheets = [" + ", ".join(_quote(t.sheet) for t in read) + "]")
    lines.append(f"entry_order = {_quote(layout.entry_order)}")
    if layout.quarters:
        lines.append(f"quarters = {_quote(layout.quarters)}")
    if layout.version_date_source and (cell := _SOURCE_CELL.match(layout.version_date_source)):
        lines.append(f"version_date = {_quote(cell.group(1))}")  # "SEND PAP!A2": a sheet's name may hold spaces
    lines += ["", "[header_rows]"] + [f"{_quote(t.sheet)} = {t.header_row}" for t in read]
    lines += ["", "[columns]  # header as written = field"]
    seen: set[str] = set()
    for table in read:
        for column in table.columns:
            if column.field == "ref" and column.index == next((c.index for c in table.columns if c.field == "action"), None):
                continue  # refs opening the Action cells: found again from the cells, not named
            if column.header not in seen:
                seen.add(column.header)
                named = "owner" if column.field == "co_owner" else column.field  # found again as a partner's
                lines.append(f"{_quote(column.header)} = {_quote(named)}")
    lines += ["", "[statuses]  # the plan's own word = Complete, On track, Vulnerable, At risk, Not yet started or none"]
    words: set[str] = set()
    colours: dict[str, str] = {}
    for table in read:
        for word in table.status.vocabulary:
            if word.word not in words:
                words.add(word.word)
                lines.append(f"{_quote(word.word)} = {_quote(str(word.status) if word.status else 'none')}")
            if word.colour and word.status:
                colours.setdefault(word.colour, str(word.status))
    if colours:
        lines += ["", "[colours]"] + [f"{_quote(rgb)} = {_quote(s)}" for rgb, s in colours.items()]
    membership = layout.membership
    if membership.kind == "column" and membership.column:
        lines += ["", "[membership]", f"column = {_quote(membership.column)}",
                  "pap = [" + ", ".join(_quote(v) for v in membership.pap_values) + "]"]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'

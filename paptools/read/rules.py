"""A sheet's data-validation lists and conditional formats, as plain records.

A drop-down list says which words a column allows (its statuses, say); a conditional format
can be what paints a status cell, so a cell with no fill of its own may still show a colour.
Both are found at the end of a sheet's XML, in the main namespace or (Excel 2010 and later,
for lists on another sheet and for newer rules) in the x14 extension; both are read here.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from lxml import etree

X14 = "{http://schemas.microsoft.com/office/spreadsheetml/2009/9/main}"
XM = "{http://schemas.microsoft.com/office/excel/2006/main}"
_BOUND = r"\$?([A-Z]{1,3})?\$?(\d+)?"
_REFERENCE = re.compile(rf"^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?({_BOUND}(?::{_BOUND})?)$")
_CELL = re.compile(r"([A-Z]{1,3})(\d+)")


class Validation(NamedTuple):
    """A data-validation rule: the ranges it covers and, for a list, the values it allows."""

    ranges: tuple[str, ...]
    kind: str  # list, whole, decimal, date, time, textLength, custom or none
    formula: str | None  # formula1 as written
    values: tuple[str, ...] = ()  # for a list: the allowed values, resolved where they can be

    def covers(self, coordinate: str) -> bool:
        return any(in_range(coordinate, ref) for ref in self.ranges)


class ConditionalFormat(NamedTuple):
    """One conditional-formatting rule: where, when (type, operator, formulas) and the fill it paints."""

    ranges: tuple[str, ...]
    kind: str  # cellIs, expression, containsText, beginsWith, colorScale, ...
    operator: str | None
    formulas: tuple[str, ...]
    text: str | None  # the text of a containsText / beginsWith / endsWith rule
    fill: str | None  # RGB of the fill the rule paints, if it paints one
    priority: int
    stop_if_true: bool

    def covers(self, coordinate: str) -> bool:
        return any(in_range(coordinate, ref) for ref in self.ranges)


class RawRule(NamedTuple):
    """A conditional format as found, before its differential style is looked up."""

    ranges: tuple[str, ...]
    kind: str
    operator: str | None
    formulas: tuple[str, ...]
    text: str | None
    dxf: int | None
    inline_fill: etree._Element | None
    priority: int
    stop_if_true: bool


def read_validations(element: etree._Element, main: str) -> list[tuple[tuple[str, ...], str, str | None]]:
    """(ranges, type, formula1) of a <dataValidation> or an x14 one."""
    if element.tag == X14 + "dataValidation":
        sqref = element.findtext(XM + "sqref") or ""
        formula = element.findtext(f"{X14}formula1/{XM}f")
    else:
        sqref = element.get("sqref") or ""
        formula = element.findtext(main + "formula1")
    return [(tuple(sqref.split()), element.get("type") or "none", formula.strip() if formula else None)]


def read_conditional_formats(element: etree._Element, main: str) -> list[RawRule]:
    """The rules of a <conditionalFormatting> block (or an x14 one, whose fill is inline)."""
    x14 = element.tag == X14 + "conditionalFormatting"
    ranges = tuple((element.findtext(XM + "sqref") if x14 else element.get("sqref") or "").split())
    rules = []
    for rule in element.iter(X14 + "cfRule" if x14 else main + "cfRule"):
        formulas = rule.findall(XM + "f") if x14 else rule.findall(main + "formula")
        dxf = rule.get("dxfId")
        inline = rule.find(f"{X14}dxf/{main}fill") if x14 else None
        rules.append(RawRule(
            ranges=ranges, kind=rule.get("type") or "", operator=rule.get("operator"),
            formulas=tuple((f.text or "").strip() for f in formulas), text=rule.get("text"),
            dxf=int(dxf) if dxf and dxf.isdigit() else None, inline_fill=inline,
            priority=int(rule.get("priority") or 0) if (rule.get("priority") or "").isdigit() else 0,
            stop_if_true=(rule.get("stopIfTrue") or "").lower() in ("1", "true"),
        ))
    return rules


def list_values(formula: str | None, names: dict[str, str], sheet: str,
                cells: Callable[[str, str], list[str]]) -> tuple[str, ...]:
    """The values a list validation allows: a quoted comma list, or the cells of a range or name.

    `cells(sheet, range)` reads a range's shown values. A formula that computes the list
    (INDIRECT, OFFSET) gives no values.
    """
    if not formula:
        return ()
    text = formula.strip().lstrip("=")
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return tuple(part.strip() for part in text[1:-1].replace('""', '"').split(",") if part.strip())
    for _ in range(3):  # a name may point at another name
        named = names.get(f"{sheet}!{text}") or names.get(text)
        if named is None:
            break
        text = named.lstrip("=")
    target = parse_reference(text)
    if target is None:
        return ()
    return tuple(cells(target[0] or sheet, target[1]))


def parse_reference(text: str) -> tuple[str | None, str] | None:
    """'Lists'!$A$1:$A$5 -> ('Lists', 'A1:A5'); A:A stays a whole column; None if not a reference."""
    match = _REFERENCE.match(text.strip())
    if not match or not (match.group(4) or match.group(5)):
        return None
    if ":" not in match.group(3) and not (match.group(4) and match.group(5)):
        return None  # "RAG" alone is a name, not a column
    sheet = match.group(1).replace("''", "'") if match.group(1) else match.group(2)
    return sheet, match.group(3).replace("$", "")


def bounds(ref: str) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row) of A1, A1:B5, A:A or 3:3 (open ends are huge)."""
    first, _, last = ref.replace("$", "").partition(":")
    last = last or first
    c1, r1 = _split(first)
    c2, r2 = _split(last)
    return c1 or 1, r1 or 1, c2 or 16_384, r2 or 1_048_576


def in_range(coordinate: str, ref: str) -> bool:
    column, row = _split(coordinate)
    c1, r1, c2, r2 = bounds(ref)
    return c1 <= (column or 0) <= c2 and r1 <= (row or 0) <= r2


def _split(part: str) -> tuple[int | None, int | None]:
    letters = "".join(ch for ch in part if ch.isalpha()).upper()
    digits = "".join(ch for ch in part if ch.isdigit())
    column = 0
    for char in letters:
        column = column * 26 + ord(char) - 64
    return (column or None), (int(digits) if digits else None)

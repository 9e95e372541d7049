"""Words for a committee: officers' entries tidied, names by choice, data notes in plain language.

An entry keeps every word the officer wrote; only its layout is tidied (spaces, a repeated
date heading, a missing full stop, a lower-case start). Acronyms and initials inside the text
stay as written. A data warning becomes one sentence tied to the action it concerns, without
cell references or colour codes (those stay in the JSON and the Warnings sheet).
"""
from __future__ import annotations

import re

from paptools.model import Action, DataWarning, Entry, Plan

# A date heading left at the start of an entry's text ("Dec 24: ", "12/12/24 - ").
_HEADING = re.compile(
    r"^\s*(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*'?\d{2,4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})\s*[:\-–]\s*",
    re.I,
)
_HEX = re.compile(r"\s*\((?:[^()]*\b[0-9A-F]{6}\b[^()]*)\)|\b(?:(?:fill|font) )?colou?r [0-9A-F]{6}\b")
_CELL = re.compile(r"\b(?:cell |in )?(?:\w+!)?[A-Z]{1,3}\d{1,7}\b(?::[A-Z]{1,3}\d{1,7})?")
_TOOL_ASIDE = re.compile(r"\s*\([^()]*paptools\.toml[^()]*\)")  # "(name the right one in paptools.toml)"
# ": if ..., say so in paptools.toml: ...", "; give them the other way round: paptools reconcile ...", "give --as-of"
_TOOL_ADVICE = re.compile(r"[:;]\s+[^:;]*(?:paptools\.toml|paptools reconcile|--as-of).*$")
_EMPTIED = re.compile(r"\s*\((?:also )?(?:at|in)?\s*\)")  # "(also at PAP!A5)" once its cell is taken out
_QUOTED = re.compile(r"((?<!\w)'[^']*'(?!\w))")  # the officer's own words, quoted: "'Q3 2024/25'" is no cell


def tidy_entry(text: str) -> str:
    """An entry as whole sentences: one space between words, a capital first, a full stop last."""
    text = " ".join(text.split())
    while (match := _HEADING.match(text)) and match.end() < len(text):
        text = text[match.end():]
    text = re.sub(r"\.{2,}$", ".", text).strip(" ;,-–")
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?)\"'’”" else text + "."


def counted(n: int, noun: str) -> str:
    """'1 action', '12 actions': a count in figures with its noun, for the terminal."""
    return f"{n} {noun if n == 1 else noun + 's'}"


def author_of(entry: Entry) -> str | None:
    """Who wrote an entry, by name where the initials match an owner, else the initials."""
    return entry.author or entry.initials


def entry_line(entry: Entry, names: bool) -> str:
    """'December 2024: Text.' or, with names, 'December 2024 (Steve Larking): Text.'."""
    when = entry.date.long_label() if entry.date else "Undated"
    who = author_of(entry) if names else None
    return f"{when}{f' ({who})' if who else ''}: {tidy_entry(entry.text)}"


def plan_label(plan: Plan) -> str:
    """The plan as a committee knows it: its title and the month it speaks for, never a file name."""
    title = plan.title or "Priority Action Plan"
    if plan.version_date is not None:
        return f"{title}, version of {plan.version_date.day} {plan.version_date:%B %Y}"
    month = plan.latest_entry_month()
    return f"{title}, updated to {month.long_label()}" if month else title


def version_label(plan: Plan) -> str:
    """A short name for one version (a chart's category): its month, never its file name."""
    if plan.version_date is not None:
        return f"{plan.version_date:%b %Y}"
    month = plan.latest_entry_month()
    return month.label() if month else "Undated version"


def plain_warning(warning: DataWarning) -> str:
    """A reader's warning without cell references, colour codes and advice on paptools.toml (which is
    for the officer, not the committee), as one sentence."""
    text = _TOOL_ADVICE.sub("", _TOOL_ASIDE.sub("", warning.message))
    text = _HEX.sub(lambda m: "" if m.group(0).lstrip().startswith("(") else "the status colour", text)
    text = "".join(part if n % 2 else _EMPTIED.sub("", _CELL.sub("", part)) for n, part in enumerate(_QUOTED.split(text)))
    text = " ".join(text.split()).strip(" ;:,")
    text = text.replace("status text says", "the status text says").replace(
        "but the fill colour says", "but the status colour says").replace("but the font colour says", "but its colour says")
    return (text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else ""


def warning_action(plan: Plan, warning: DataWarning) -> Action | None:
    """The action whose row a warning's cell is on, if any."""
    if not warning.sheet or not warning.cell or ":" in warning.cell:  # a range: about rows, not one action
        return None
    match = re.match(r"[A-Z]{0,3}(\d+)", warning.cell)
    if not match:
        return None
    row = int(match.group(1))
    return next((a for a in plan.actions if a.sheet == warning.sheet and a.row == row), None)


def data_notes(plan: Plan, warnings: list[DataWarning]) -> list[str]:
    """One plain sentence per warning, led by the action it concerns ("Action PAP 2.7: ...")."""
    notes: list[str] = []
    for warning in warnings:
        action = warning_action(plan, warning)
        text = plain_warning(warning)
        if not text:
            continue
        line = f"Action {action.ref}: {text[0].lower() + text[1:] if text[1:2].islower() else text}" if action else text
        if line not in notes:
            notes.append(line)
    return notes

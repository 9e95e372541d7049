"""The history's views as plain tables, and the CSV files and JSON document made from them.

Four views, each a Table of plain values (text, whole numbers, dates, None): `counts` (one
row per version: the burn-up), `timeline` (one row per action per version it is in),
`slipped` (one row per due month put back) and `completed` (one row per action completed).
The history workbook, the CSV files and the JSON all render these same rows, so they
cannot disagree. Months are written YYYY-MM, dates YYYY-MM-DD.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from paptools.compare.history import History
from paptools.model import STATUSES, Month, Status

Cell = str | int | bool | None


@dataclass(frozen=True)
class Table:
    """A view: its title, what it shows (the sheet's description), column names and rows."""

    name: str
    title: str
    description: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _month(value: Month | None) -> str | None:
    return value.iso() if value else None


def _day(value: date) -> str:
    return value.isoformat()


def _status(value: Status | None) -> str:
    return value.value if value else "Unknown"


def counts_table(history: History) -> Table:
    columns = ["version", "version_date", "dated_by", "source"]
    for group in ("all", "pap"):
        columns += [f"{group}_total", *(f"{group}_{s.value.lower().replace(' ', '_')}" for s in STATUSES),
                    f"{group}_unknown"]
    rows = []
    for n, v in enumerate(history.versions, start=1):
        row: list[Cell] = [n, _day(v.date), v.dated_by, v.source]
        for counts in (v.all, v.pap):
            row += [counts.total, *(counts.of(s) for s in STATUSES), counts.unknown]
        rows.append(tuple(row))
    return Table("counts", "Counts per version",
                 "How many actions had each status in each version, for all actions and for the PAP actions: "
                 "the burn-up of Complete against the total.", tuple(columns), tuple(rows))


def timeline_table(history: History) -> Table:
    rows = []
    for t in history.timelines:
        for n, point in enumerate(t.points):
            if point is None:
                continue
            texts = "\n".join(
                f"{e.date.label() if e.date else 'undated'}: {e.text}" for e in point.new_entries
            )
            rows.append((t.ref, t.title, "yes" if t.is_pap else "no", n + 1, _day(history.versions[n].date),
                         _status(point.status), _month(point.due), len(point.new_entries), texts))
    return Table("timeline", "Timeline of each action",
                 "Each action in each version it is in: its status, its due month, and the progress entries "
                 "new in that version.",
                 ("ref", "action", "pap", "version", "version_date", "status", "due", "new_entries", "new_entry_texts"),
                 tuple(rows))


def slipped_table(history: History) -> Table:
    rows = [
        (s.ref, s.title, s.times, s.months, _month(s.original_due), _month(s.latest_due),
         slip.version + 1 if slip.version is not None else None,
         _day(history.versions[slip.version].date) if slip.version is not None else None,
         _month(slip.before), _month(slip.after), slip.months)
        for s in history.slipped for slip in s.slips
    ]
    return Table("slipped", "Actions that slipped",
                 "Each time an action's due month was put back: when it was seen (blank when the first version "
                 "already showed a revised date), from and to which month, and how often and by how much in all.",
                 ("ref", "action", "times", "months_in_all", "original_due", "latest_due", "version",
                  "version_date", "due_before", "due_after", "months"), tuple(rows))


def completed_table(history: History) -> Table:
    within = {True: "yes", False: "no", None: "not known"}
    rows = [
        (c.ref, c.title, c.version + 1, _day(history.versions[c.version].date), _month(c.month), c.source,
         within[c.within_timescale])
        for c in history.completed
    ]
    return Table("completed", "When actions were completed",
                 "Each action complete in any version: the first version showing it complete, and the month it "
                 "was completed when an entry records it (blank otherwise: it was completed after the version "
                 "before).",
                 ("ref", "action", "version", "version_date", "completed", "from", "within_timescale"), tuple(rows))


def history_tables(history: History) -> tuple[Table, ...]:
    """The four views, in the order the workbook's sheets and the CSV files take them."""
    return (counts_table(history), timeline_table(history), slipped_table(history), completed_table(history))


def csv_safe(value: Cell) -> Cell:
    """Text Excel would run as a formula (= + - @ at the start) is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_csvs(tables: tuple[Table, ...], names: dict[str, Path]) -> None:
    """One CSV per view into the paths given (UTF-8 with a byte-order mark, for Excel)."""
    for table in tables:
        with names[table.name].open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.columns)
            writer.writerows([csv_safe(c) for c in row] for row in table.rows)


def history_document(history: History, tables: tuple[Table, ...], written: dict[str, Path]) -> dict[str, Any]:
    """The `history --json` document: the versions, each view's rows as objects, the warnings."""
    document: dict[str, Any] = {
        "versions": [
            {"version": n, "source": v.source, "version_date": _day(v.date), "dated_by": v.dated_by}
            for n, v in enumerate(history.versions, start=1)
        ],
    }
    for table in tables:
        document[table.name] = [dict(zip(table.columns, row)) for row in table.rows]
    document["warnings"] = [{"workbook": None, "sheet": None, "cell": None, "message": w.message, "value": w.value}
                            for w in history.warnings]
    document["warnings"] += [
        {"workbook": v.source, "sheet": w.sheet, "cell": w.cell, "message": w.message, "value": w.value}
        for v in history.versions for w in v.warnings
    ]
    document["outputs"] = {kind: str(path) for kind, path in written.items()}
    return document

"""A header row's cells mapped to the plan's fields: each field to its best-scoring column.

The cells are scored by meaning (read/headers.py); columns that name a reporting period go to
their own list (read/periods.py), and whatever maps to no field is kept as an extra column. A
close runner-up for a field is a warning; a stage ("Status") beside a RAG rating is read with
it, and so is a partner's column beside a joint plan's Progress or Owner column
(read/partners.py). read/detect.py finds the header row; read/settle.py adjusts the mapping by
what the rows under it hold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from paptools.layout import Column, LogSheet, Period
from paptools.model import DataWarning, EntryDate
from paptools.read.headers import FIELD_LABELS, HeaderMatch, match_header
from paptools.read.partners import partners
from paptools.read.periods import earlier_updates, fill_years, is_period, period_header, title_date
from paptools.read.text import normalise_label, one_line
from paptools.read.xcell import column_letter

__all__ = ["LATEST_PERIOD", "RIVAL_MARGIN", "STAGE_HOW", "Header", "map_header"]

LATEST_PERIOD = "the latest of its period columns"  # how the status column of "RAG Oct 24", "RAG Dec 24" is found
OWN_HOW = "paptools' own header"  # how a column of the workbook paptools wrote is found
RIVAL_MARGIN = 10  # a second column scoring within this of the winner makes the choice uncertain


@dataclass
class Header:
    """A header row found on a sheet: its rows, each column's header text, and how it was mapped."""

    rows: tuple[int, ...]
    headers: dict[int, str]
    columns: list[Column]
    extra: list[tuple[int, str]]
    periods: list[Period]
    warnings: list[DataWarning] = field(default_factory=list)
    by_ref_alone: bool = False  # a sheet of updates titled as such, with ref and text columns alone
    above: list[tuple[int, str, dict[int, str]]] = field(default_factory=list)  # a risk log above: row, kind, headers
    earlier_status: list[int] = field(default_factory=list)  # a status column per period: the earlier ones, newest first
    beside: tuple[int, int] | None = None  # a second table's first and last column (0-based) beside this one: not read

    def index(self, name: str) -> int | None:
        return next((c.index for c in self.columns if c.field == name), None)

    @property
    def fields(self) -> set[str]:
        return {c.field for c in self.columns}

    @property
    def is_log(self) -> bool:
        """An updates log: ids, update text and dates (or a title that dates them), but no action column."""
        return ({"ref", "progress"} <= self.fields and "action" not in self.fields
                and ("entry_date" in self.fields or self.by_ref_alone))

    def log_sheet(self, sheet: str) -> LogSheet:
        author = self.index("author")
        return LogSheet(sheet, self.rows[-1], self.index("ref") or 0, self.index("progress") or 0,
                        self.index("entry_date"), self.index("owner") if author is None else author,  # a log's officer wrote it
                        title_date(sheet), self.index("status"))


def map_header(sheet: str, row: int, headers: dict[int, str], groups: dict[int, str],
                forced: dict[str, str] | None = None, months: frozenset[int] = frozenset(),
                only: bool = False) -> Header:
    """Each field to its best column; periods to their own list; the rest kept as extra columns.

    `months` are columns headed only by a month that _month_columns found holding progress.
    `only`: the `forced` columns are the only fields (paptools' own workbook, read/generated.py).
    """
    matches: dict[int, HeaderMatch] = {}
    period_columns: list[tuple[int, str]] = []
    key = one_line if only else normalise_label  # 'Status (in the plan)' is not paptools' 'Status'
    forced_fields = {key(h): f for h, f in (forced or {}).items()}
    for index, text in headers.items():
        label = key(text)
        if label in forced_fields:
            matches[index] = HeaderMatch(forced_fields[label], 100, OWN_HOW if only else "house-style file")
        elif only:
            continue
        elif index in months or is_period(text, _group_field(groups.get(index)) == "progress"):
            period_columns.append((index, text))
        else:
            found = match_header(text)
            if found is not None and found.score >= 80:
                matches[index] = found
    columns: list[Column] = []
    warnings: list[DataWarning] = []
    taken: set[int] = set()
    partner_progress: list[int] = []  # a partner's updates beside the Progress column: read as progress too
    earlier: list[int] = []
    for name in dict.fromkeys(m.field for m in matches.values()):
        ranked = sorted((i for i, m in matches.items() if m.field == name), key=lambda i: (-matches[i].score, i))
        dated = _dated_columns(ranked, headers)
        if dated:  # "RAG Jan 24", "RAG Feb 24": one per period, the latest is the status now
            ranked = dated[::-1]
            if name == "status":  # the earlier ones give an action's status where its latest cell is blank
                earlier = ranked[1:]
        winner = ranked[0]
        if name == "status" and not dated and (pair := _stage_and_rag(ranked, headers)) is not None:
            stage, winner = pair  # "Status" (Open, Closed) beside "RAG" (G, A, R): both are read
            ranked = [winner, *(i for i in ranked if i not in pair)]
            columns.append(Column("stage", stage, column_letter(stage + 1), headers[stage], matches[stage].score,
                                  STAGE_HOW))  # also kept as an extra column: its words are the officer's
        how = LATEST_PERIOD if dated else matches[winner].how
        columns.append(Column(name, winner, column_letter(winner + 1), headers[winner], matches[winner].score,
                              STAGE_HOW if name == "stage" else how))
        if name != "stage":  # a stage is kept as an extra column as well
            taken.add(winner)
        joint = [] if dated else [i for i in ranked[1:] if partners(headers[winner], headers[i], name)]
        if name == "progress":
            partner_progress += joint
        elif joint:  # the first partner's lead beside the Owner column: its names are owners too (kept as written)
            joint = joint[:1]
            columns.append(Column("co_owner", joint[0], column_letter(joint[0] + 1), headers[joint[0]],
                                  matches[joint[0]].score, matches[joint[0]].how))
        for other in ranked[1:]:
            if other in joint:
                continue
            if not dated and matches[winner].score - matches[other].score < RIVAL_MARGIN:
                warnings.append(DataWarning(
                    sheet, f"{column_letter(other + 1)}{row}",
                    f"column {column_letter(other + 1)} '{headers[other]}' could also be the {FIELD_LABELS[name]} "
                    f"column; column {column_letter(winner + 1)} '{headers[winner]}' is used (name the right one "
                    "in paptools.toml)"))
    if only:
        columns += _partner_lead(columns, headers)
    found_periods = [(i, h, *(_month_of(period_header(h)) if i in months else period_header(h)))
                     for i, h in period_columns]
    dates = fill_years([(when, month) for _, _, _, when, month in found_periods])
    periods = [Period(i, column_letter(i + 1), h, when, baseline, earlier_updates(h))
               for (i, h, baseline, _, _), when in zip(found_periods, dates)]
    periods += [Period(i, column_letter(i + 1), headers[i], None, partner=True) for i in partner_progress]
    for period in periods:
        if period.date is None and not period.baseline and period.beside is None:
            warnings.append(DataWarning(sheet, f"{period.letter}{row}",
                                        f"period column '{period.header}' gives no year; its entries are dated "
                                        "only where their text has a date"))
    extra = [(i, " ".join(h.split())) for i, h in headers.items()
             if i not in taken and i not in {p.index for p in periods}]
    return Header((row,), headers, sorted(columns, key=lambda c: c.index), extra, periods, warnings,
                  earlier_status=earlier)


def _partner_lead(columns: list[Column], headers: dict[int, str]) -> list[Column]:
    """In paptools' own workbook, a joint plan's second lead kept as an extra column beside its Owner
    ("Lead (ICB)"): its names are the action's owners too, as they were in the plan (read/partners.py)."""
    owner = next((c.header for c in columns if c.field == "owner"), None)
    if owner is None:
        return []
    named = {c.index for c in columns}
    for index, text in headers.items():
        found = None if index in named else match_header(text)
        if found is not None and found.field == "owner" and found.score >= 80 and partners(owner, text, "owner"):
            return [Column("co_owner", index, column_letter(index + 1), text, found.score, found.how)]
    return []


STAGE_HOW = "Complete there counts whatever the RAG says; else read where the RAG cell gives no status"
_RAG_HEADER = re.compile(r"\b(?:b?rag|ra|rating|confidence|dca)\b")


def _stage_and_rag(ranked: list[int], headers: dict[int, str]) -> tuple[int, int] | None:
    """(stage, RAG) when the status columns are a stage ("Status": Open, Closed, Complete) and a
    RAG rating ("RAG": G, A, R) beside it, told apart by their headers; None otherwise."""
    rag = [i for i in ranked if _RAG_HEADER.search(normalise_label(headers[i]))]
    stage = [i for i in ranked if i not in rag]
    return (stage[0], rag[0]) if rag and stage else None


def _month_of(found: tuple[bool, EntryDate | None, int | None]) -> tuple[bool, EntryDate | None, int | None]:
    """A date cell on the 1st heading one of a row of month columns dates the month, not its first
    day, even where its format shows the day ("01/10/2025"); one shown as a month ("Oct-25") came
    as that month already (detect.py _headers_of)."""
    baseline, when, month = found
    if when is not None and when.day == 1:
        when = EntryDate(when.year, when.month)
    return baseline, when, month


def _dated_columns(columns: list[int], headers: dict[int, str]) -> list[int]:
    """Columns of one field that each name a period, oldest first; empty unless all of them do."""
    if len(columns) < 2:
        return []
    dates = {}
    for index in columns:
        _, when, _ = period_header(headers[index])
        if when is None:
            return []
        dates[index] = when.sort_key()
    return sorted(columns, key=lambda i: dates[i])


def _group_field(text: str | None) -> str | None:
    if not text:
        return None
    if normalise_label(text) in ("progress", "updates", "update", "progress updates", "commentary"):
        return "progress"
    found = match_header(text)
    return found.field if found else None

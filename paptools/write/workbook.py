"""Plan + figures -> the cleaned .xlsx to email (xlsxwriter): the sheets, in order, and the file's properties.

Actions (an Excel table, statuses in the plan's own words), Summary (the report's figures and
a chart with alt text), Changes (when there was a previous version), Warnings (everything the
reader and this writer reported, named by the plan's real file name) and About. Safe to send:
no formulas (text that looks like one carries the quote prefix), no links, no macros, no
hidden sheets, nothing of the input's metadata. The file is itself a valid input: reading it
back gives the same plan (GENERATED_PROPERTY tells the reader it is ours).

A plan of more than LARGE_PLAN actions is streamed: xlsxwriter's constant_memory mode writes
each row to a temporary file as it is finished, its text inline, so the writer holds nothing of
the cells (holding them all took a 20,000-action reconcile from 371 MiB to 488; streamed, 383). The
cells, formats and colours are the same; what differs is that the Actions sheet and the
Summary's counts are plain ranges under a header row (Actions with a filter) instead of Excel
tables, which that mode cannot write, and that the native charts carry no cached copy of their
figures (Excel and LibreOffice draw them from the cells). A large plan with a text so long that
an action takes more than two rows is not streamed (see ActionsSheet.write): it is written as
a smaller plan is.
"""
from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from paptools.compare.figures import Summary, version_month
from paptools.content.changes import ChangeRow
from paptools.model import DataWarning, Finding, Plan
from paptools.read.generated import (  # what the reader recognises as ours
    CLEANED,
    GENERATED_PROPERTY,
    OWN_SHEET,
    VERSION_PROPERTY,
)
from paptools.write.xlsx_actions import ActionsSheet, tallest, vocabulary
from paptools.write.xlsx_sheets import (
    about_lines,
    finding_cells,
    warning_cells,
    write_about,
    write_changes,
    write_warnings,
)
from paptools.write.xlsx_style import STATUS_FILLS, Styles, row_height
from paptools.write.xlsx_summary import SummarySheet

__all__ = ["STATUS_FILLS", "row_height", "version_label", "write_clean_workbook"]

# Up to this many actions xlsxwriter assembles the file's parts in memory, not in temporary files
# (0.1 s less at 500 actions on a busy disk); a larger plan's parts would add to the run's peak
# memory (78 MiB more at 5,000 actions), so they go through temporary files, and its rows are
# streamed (see above).
LARGE_PLAN = 2_000


def version_label(plan: Plan) -> str:
    """The version date as a person reads it: '15 January 2025', or the month of the version."""
    if plan.version_date is not None:
        return f"{plan.version_date.day} {plan.version_date:%B %Y}"
    month = version_month(plan)
    return month.long_label() if month else "date not known"


def write_clean_workbook(
    path: Path,
    plan: Plan,
    summary: Summary,
    *,
    changes: list[ChangeRow] | None = None,
    trend: list[tuple[str, Summary]] | None = None,
    warnings: list[tuple[str, DataWarning]] | None = None,
    name: str | None = None,
    made: datetime | None = None,
    findings: Sequence[Finding] = (),
) -> list[DataWarning]:
    """Write the cleaned workbook to `path`; returns the notes of what had to be split across rows.

    `changes` are the change list's rows (content/changes.py), when there was a comparison.
    `name` is the file name the workbook will have once written (the writer may be given a
    temporary path): the Warnings sheet names it. `made` is when this run made it (default now).
    `findings` are the lint checks of the plan (check/lint.py), listed on the Warnings sheet too.
    """
    large = len(plan.actions) > LARGE_PLAN
    streamed = large and tallest(plan) <= 2
    notes = _write_sheets(path, plan, summary, changes, trend, warnings, name, made, findings, streamed)
    if large and not streamed:
        # xlsxwriter's sheets keep their workbook's add_format, so the closed workbook and every cell it
        # held are freed only by the collector's next full pass, maybe never before the Word report is
        # built beside them. Reconcile's peak: 5,000 actions 417 -> 366 MiB for 1.03x the CPU; 20,000
        # actions 1,472 -> 1,273 MiB for 1.12x (the pass itself is 2 s of it): memory bought with time.
        # (A streamed workbook leaves about 1 MiB to collect at 5,000 actions: not worth the pass.)
        gc.collect()
    return notes


def _write_sheets(path: Path, plan: Plan, summary: Summary, changes: list[ChangeRow] | None,
                  trend: list[tuple[str, Summary]] | None, warnings: list[tuple[str, DataWarning]] | None,
                  name: str | None, made: datetime | None, findings: Sequence[Finding],
                  streamed: bool) -> list[DataWarning]:
    """The workbook itself (see write_clean_workbook); nothing of it outlives this call but the file."""
    import xlsxwriter

    made = made or datetime.now(timezone.utc)
    title = plan.title or "Priority Action Plan"
    version = version_label(plan)
    book = xlsxwriter.Workbook(str(path), {
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        "default_date_format": "d mmm yyyy", "in_memory": len(plan.actions) <= LARGE_PLAN,
        "constant_memory": streamed,
    })
    book.set_properties({
        "title": title,
        "subject": f"SEND Priority Action Plan, version {version}",
        "comments": "Made by paptools",
        "created": made.replace(tzinfo=None),
        "author": "", "company": "", "manager": "",
    })
    book.set_custom_property(GENERATED_PROPERTY, CLEANED)
    # The plan's version date as read (none: ""), which reading this workbook back gives.
    book.set_custom_property(VERSION_PROPERTY, plan.version_date.isoformat() if plan.version_date else "")
    styles = Styles(book)
    actions = ActionsSheet(styles, plan)
    actions.write(book.add_worksheet(OWN_SHEET), title=title, version=version, streamed=streamed)
    SummarySheet(book, styles, plan, summary).write(book.add_worksheet("Summary"), trend, title=title,
                                                     version=version, streamed=streamed)
    sheets = [OWN_SHEET, "Summary"]
    if changes is not None:
        write_changes(book.add_worksheet("Changes"), styles, changes, title=title, version=version)
        sheets.append("Changes")
    all_warnings = list(warnings if warnings is not None else [(plan.source, w) for w in plan.warnings])
    all_warnings += [(name or path.name, note) for note in actions.notes]
    rows = [warning_cells(source, w) for source, w in all_warnings]
    rows += [finding_cells(plan.source, finding) for finding in findings]
    write_warnings(book.add_worksheet("Warnings"), styles, rows, title=title, version=version)
    sheets.append("Warnings")
    lines = about_lines(title=title, version=version, source=plan.source, made=made, sheets=sheets,
                        words=vocabulary(plan))
    write_about(book.add_worksheet("About"), styles, lines, title=title, version=version)
    book.close()
    return actions.notes

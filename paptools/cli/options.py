"""The options and arguments the commands share: paths, dates, months, and the report's options.

A value is read as the command line is parsed (a wrong --as-of stops the command before any
read), and a path becomes a pathlib.Path only when a command runs.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from datetime import date

    from paptools.model import Month

F = TypeVar("F", bound=Callable[..., Any])


def _as_of(value: str | None) -> date | None:
    """The --as-of date (read as the option is parsed, so a wrong one stops the command before
    any read); None leaves it to the plan (the version's own date)."""
    from datetime import datetime

    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m", "%d/%m/%Y"):
        try:
            parsed = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if fmt == "%Y-%m":  # a month means its last day: due that month is not yet overdue
            from calendar import monthrange

            parsed = parsed.replace(day=monthrange(parsed.year, parsed.month)[1])
        return parsed
    raise click.BadParameter(f"'{value}' is not a date: use YYYY-MM-DD or YYYY-MM")


class _PathType(click.Path):
    """A path argument turned into a pathlib.Path only when a command runs."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        from pathlib import Path

        return Path(os.fsdecode(super().convert(value, param, ctx)))


WORKBOOK = _PathType(dir_okay=True, exists=False, readable=False)  # an unreadable file is named by check_workbook
FOLDER = _PathType(file_okay=False)
FILE = _PathType(dir_okay=False)
STYLE = click.option("--style", "style", type=_PathType(dir_okay=False, exists=True), metavar="FILE",
                     help="House-style file saying how the workbook is laid out (default: paptools.toml beside "
                          "the workbook, if there is one; see `paptools inspect`).")
AS_OF = click.option("--as-of", "as_of", metavar="DATE", callback=lambda ctx, param, value: _as_of(value), help="Date for 'overdue' (YYYY-MM-DD or YYYY-MM). Default: the date of the (newer) version.")


def _month(value: str | None) -> Month | None:
    if not value:
        return None
    from paptools.model import Month

    try:
        return Month.parse(value)
    except (ValueError, IndexError):
        raise click.BadParameter(f"'{value}' is not a month: use YYYY-MM, e.g. 2024-09") from None


def report_options(function: F) -> F:
    """The options that shape the Word report, shared by `reconcile` and `report`."""
    options = [
        click.option("--title", help="Title of the report (default: the plan's title and 'progress report')."),
        click.option("--committee", help="Committee the report goes to, e.g. 'Children's Scrutiny Board' "
                                         "(default: 'the committee')."),
        click.option("--meeting-date", metavar="YYYY-MM-DD", help="Date of the meeting, shown on the report."),
        click.option("--template", type=FILE,
                     help="Your own Word document with {{ }} placeholders (see `paptools template`)."),
        click.option("--narrative", type=FILE,
                     help="Markdown file with your own sections: Background, Impact, Feedback ... (see README)."),
        click.option("--names/--no-names", default=False,
                     help="Show officers' names beside their entries (default: no, for a public paper)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def pack_options(function: Callable[..., None]) -> Callable[..., None]:
    """Recipients of the board-pack email draft, shared by `pack` and `reconcile --pack`."""
    options = [
        click.option("--to", "to", multiple=True, metavar="ADDRESS",
                     help="Recipient of the email draft (repeatable); blank when not given."),
        click.option("--cc", "cc", multiple=True, metavar="ADDRESS", help="Copy the email draft to (repeatable)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _report_settings(title: str | None, committee: str | None, meeting_date: str | None, template: Path | None,
                     narrative: Path | None, names: bool = False) -> dict[str, Any]:
    settings: dict[str, Any] = {"names": names}
    if title:
        settings["title"] = title
    if committee:
        settings["committee"] = committee
    if meeting_date:
        settings["meeting_date"] = _as_of(meeting_date)
    from paptools.api import report_inputs

    settings |= report_inputs(template or None, narrative or None)
    return settings

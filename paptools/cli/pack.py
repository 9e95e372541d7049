"""`paptools pack`: the board pack, ready to send: the report, the cleaned workbook and an email draft."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from paptools.cli.app import _cores, _echo_notes, _echo_run_warnings, _paths, _Progress, _read_versions, echo, main
from paptools.cli.options import AS_OF, FOLDER, STYLE, WORKBOOK, _month, _report_settings, pack_options, report_options

if TYPE_CHECKING:
    from datetime import date


@main.command()
@click.argument("workbooks", nargs=-1, type=WORKBOOK)
@click.option("--since", metavar="YYYY-MM", help="With one workbook: new progress is the entries dated from this month.")
@AS_OF
@click.option("--output-dir", type=FOLDER, default="outputs", show_default=True,
              help="Folder for the report, the cleaned workbook and the email draft.")
@click.option("--force", is_flag=True, help="Replace files that exist (otherwise new names are used).")
@pack_options
@report_options
@STYLE
def pack(workbooks: tuple[Path, ...], since: str | None, as_of: date | None, output_dir: Path, force: bool,
         to: tuple[str, ...], cc: tuple[str, ...], title: str | None, committee: str | None,
         meeting_date: str | None, template: Path | None, narrative: Path | None, names: bool = False,
         style: Path | None = None) -> None:
    """Write the board pack: the report, the cleaned workbook and an email draft with both attached.

    \b
    Example:
      paptools pack PREVIOUS.xlsx CURRENT.xlsx --to board@example.gov.uk
      paptools pack CURRENT.xlsx --since 2024-09

    The draft (<current>-pack.eml) opens in Outlook or Thunderbird ready to edit and send:
    its subject is the plan's title and version date, its body the headline figures and
    what changed (the report's own figures). Nothing is sent. Recipients come from
    --to and --cc, else from the [pack] table of the house-style file (paptools.toml
    beside the current workbook, or --style), else the draft has none.
    """
    from paptools.api import OutputOptions, write_outputs
    from paptools.read.recipients import choose_recipients

    settings = _report_settings(title, committee, meeting_date, template, narrative, names)
    paths = _paths(workbooks)
    recipients = choose_recipients(to, cc, paths[-1] if paths else None, style)
    options = OutputOptions(output_dir=output_dir, force=force, workers=_cores(), kinds=("report", "workbook", "pack"),
                            report=settings, to=recipients.to, cc=recipients.cc, style=style)
    with _Progress() as progress:
        result = _read_versions(paths, named=bool(workbooks), since=_month(since), as_of=as_of, progress=progress,
                                style=style)
        written = write_outputs(result, options, progress)
    for kind, path in written.items():
        echo(f"Wrote {path} ({kind}).")
    _echo_run_warnings(result, False)
    _echo_notes(written["workbook"].name, options.notes)

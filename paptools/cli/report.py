"""`paptools report` (the committee report in Word) and `paptools template` (a starter template)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from paptools.cli.app import _echo_run_warnings, _paths, _Progress, _read_versions, echo, main
from paptools.cli.options import AS_OF, FILE, FOLDER, STYLE, WORKBOOK, _month, _report_settings, report_options

if TYPE_CHECKING:
    from datetime import date


@main.command()
@click.argument("workbooks", nargs=-1, type=WORKBOOK)
@click.option("--since", metavar="YYYY-MM", help="With one workbook: progress is the entries dated from this month.")
@AS_OF
@click.option("--output-dir", type=FOLDER, default="outputs", show_default=True, help="Folder for the report.")
@click.option("--force", is_flag=True, help="Replace the report if it exists (otherwise a new name is used).")
@report_options
@STYLE
def report(workbooks: tuple[Path, ...], since: str | None, as_of: date | None, output_dir: Path, force: bool,
           title: str | None, committee: str | None, meeting_date: str | None, template: Path | None,
           narrative: Path | None, names: bool, style: Path | None) -> None:
    """Write the Word progress report for the committee.

    \b
    Example:
    paptools report PREVIOUS.xlsx CURRENT.xlsx --meeting-date 2025-01-28 \\
        --committee "Children's Services Scrutiny Committee" --narrative our-words.md
    paptools report CURRENT.xlsx --since 2024-09
    paptools report PREVIOUS.xlsx CURRENT.xlsx --template our-report.docx

    Writes <current>-report.docx to --output-dir in the order of a committee paper:
    purpose, executive summary (the figures, a status table and chart), recommendations,
    then numbered sections: background, progress by priority area, current position and
    impact, performance (actions needing attention), feedback and a summary, and two
    appendices. The sections only you can write are marked for you, or taken from
    --narrative. With --template, your own document is kept as written and its
    placeholders are filled in (see `paptools template`).
    """
    from paptools.api import OutputOptions, write_outputs

    settings = _report_settings(title, committee, meeting_date, template, narrative, names)
    options = OutputOptions(output_dir=output_dir, force=force, kinds=("report",), report=settings,
                            style=style)
    with _Progress() as progress:
        result = _read_versions(_paths(workbooks), named=bool(workbooks), since=_month(since), as_of=as_of,
                                progress=progress, style=style, single_ok=True)
        written = write_outputs(result, options, progress)
    echo(f"Wrote {written['report']}.")
    _echo_run_warnings(result, False)


@main.command()
@click.argument("output", type=FILE, default="report-template.docx", required=False)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
def template(output: Path, force: bool) -> None:
    """Write a starter Word template for `paptools report --template`.

    \b
    Example:
    paptools template our-report.docx
    paptools report PREVIOUS.xlsx CURRENT.xlsx --template our-report.docx

    The starter reproduces the default report with a placeholder, such as
    {{p sections.executive_summary }} or {{ pap_complete }}, wherever paptools writes, and
    your own text where only you can write. Edit it in Word: add your letterhead, write
    your sections, move or delete placeholders. A box at the end lists every placeholder
    (it is not copied into the report).
    """
    from paptools.errors import UsageError
    from paptools.write.docx_starter import write_starter
    from paptools.write.outputs import atomic

    if output.exists() and not force:
        raise UsageError(output, "exists: give another name, or --force to replace it")
    with atomic(output) as temporary:
        write_starter(temporary)
    echo(f"Wrote {output}.")

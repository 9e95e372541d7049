"""`paptools reconcile` and `paptools clean`: the pre-board job, and a cleaned copy of one version."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from paptools.cli.app import (
    _cores,
    _echo_json,
    _echo_notes,
    _echo_run_warnings,
    _echo_warnings,
    _paths,
    _Progress,
    _read_versions,
    _width,
    echo,
    main,
)
from paptools.cli.options import AS_OF, FOLDER, STYLE, WORKBOOK, _month, _report_settings, pack_options, report_options

if TYPE_CHECKING:
    from datetime import date

    from paptools.model import DataWarning

_BLOCK = 2_000  # lines printed at a time


@main.command()
@click.argument("workbooks", nargs=-1, type=WORKBOOK)
@click.option("--since", metavar="YYYY-MM", help="With one workbook: new progress is the entries dated from this month.")
@AS_OF
@click.option("--json", "as_json", is_flag=True, help="Print every change and the figures as JSON (see README).")
@click.option("--output-dir", type=FOLDER, default="outputs",
              show_default=True, help="Folder for the changes file, the report and the cleaned workbook.")
@click.option("--force", is_flag=True, help="Replace output files that exist (otherwise new names are used).")
@click.option("--no-files", is_flag=True, help="Print only; write no files.")
@click.option("--pack", is_flag=True, help="Also write the board-pack email draft (.eml) with the report and the "
                                           "cleaned workbook attached (see `paptools pack`).")
@pack_options
@report_options
@STYLE
def reconcile(workbooks: tuple[Path, ...], since: str | None, as_of: date | None, as_json: bool,
              output_dir: Path, force: bool, no_files: bool, pack: bool, to: tuple[str, ...], cc: tuple[str, ...],
              title: str | None, committee: str | None, meeting_date: str | None, template: Path | None,
              narrative: Path | None, names: bool, style: Path | None) -> None:
    """Reconcile the previous version of the plan with the current one.

    \b
    Example:
      paptools reconcile PREVIOUS.xlsx CURRENT.xlsx
      paptools reconcile CURRENT.xlsx --since 2024-09
      paptools reconcile                 (the example versions in ./workbooks)

    Prints what changed (new progress, status changes, history edited or removed,
    timescales, owners), the figures now, what is overdue and what has no update;
    writes the changes file, the Word report and the cleaned workbook to --output-dir.
    Given more than two versions, the last two are reconciled and all of them give the
    trend.
    """
    from paptools.api import OutputOptions, write_outputs

    settings = _report_settings(title, committee, meeting_date, template, narrative, names)
    options = OutputOptions(output_dir=output_dir, force=force, workers=_cores(), report=settings, to=to, cc=cc,
                            style=style)
    paths = _paths(workbooks)
    if pack:
        from paptools.read.recipients import choose_recipients

        recipients = choose_recipients(to, cc, paths[-1] if paths else None, style)
        options.kinds, options.to, options.cc = (*options.kinds, "pack"), recipients.to, recipients.cc
    made: list[list[str]] = []  # the terminal's lines, made while a second process writes the workbook

    def terminal_lines() -> None:
        from paptools.write.terminal import reconcile_lines

        made.append(reconcile_lines(result, _width()))
    with _Progress() as progress:
        result = _read_versions(paths, named=bool(workbooks), since=_month(since), as_of=as_of, progress=progress,
                                style=style)
        written = {} if no_files else write_outputs(result, options, progress, None if as_json else terminal_lines)
    if as_json:
        from paptools.write.jsondoc import reconcile_document

        _echo_json(reconcile_document(result, written))
    else:
        if not made:  # no files written
            terminal_lines()
        lines = made[0]
        for start in range(0, len(lines), _BLOCK):  # the same text as render_reconcile's, a block at a time
            echo("\n".join(lines[start:start + _BLOCK]) + "\n", nl=False)
        if written:
            echo("\n" + click.style("FILES WRITTEN", bold=True))
            for kind, path in written.items():
                echo(f"  {kind:<9} {path}")
    _echo_run_warnings(result, as_json)
    if "workbook" in written:
        _echo_notes(written["workbook"].name, options.notes)


@main.command()
@click.argument("workbook", type=WORKBOOK)
@click.option("--output-dir", type=FOLDER, default="outputs",
              show_default=True, help="Folder for the cleaned workbook.")
@click.option("--force", is_flag=True, help="Replace the cleaned workbook if it exists (otherwise a new name is used).")
@AS_OF
@STYLE
def clean(workbook: Path, output_dir: Path, force: bool, as_of: date | None, style: Path | None) -> None:
    """Write a tidy copy of WORKBOOK to send: <name>-clean.xlsx in --output-dir.

    \b
    Example:
      paptools clean workbooks/oldham-send-pap-2026-04.xlsx --output-dir outputs

    One Actions sheet (one row per action, statuses as words with their colours, a
    drop-down of the five statuses, due months as dates), a Summary sheet with the figures
    and a chart, and a Warnings sheet. The input is never changed.
    """
    from paptools.api import clean as run_clean
    from paptools.content.words import counted

    notes: list[DataWarning] = []
    with _Progress() as progress:
        plan, path = run_clean(workbook, output_dir=output_dir, force=force, as_of=as_of, progress=progress,
                               notes=notes, style=style)
    echo(f"Wrote {path} ({counted(len(plan.actions), 'action')}).")
    _echo_warnings(plan, False)
    _echo_notes(path.name, notes)

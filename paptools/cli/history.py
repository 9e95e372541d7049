"""`paptools history`: how the plan moved across every version in a folder."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from paptools.cli.app import _cores, _echo_json, _Progress, _width, echo, main
from paptools.cli.options import FOLDER, WORKBOOK

if TYPE_CHECKING:
    from pathlib import Path

    from paptools.compare.history import History


@main.command()
@click.argument("versions", nargs=-1, type=WORKBOOK)
@click.option("--json", "as_json", is_flag=True, help="Print the versions, the four views and the warnings as JSON.")
@click.option("--csv", "csv_dir", type=FOLDER, metavar="DIR", help="Also write one CSV file per view into DIR.")
@click.option("--output-dir", type=FOLDER, default="outputs", show_default=True,
              help="Folder for the history workbook.")
@click.option("--force", is_flag=True, help="Replace output files that exist (otherwise new names are used).")
@click.option("--no-files", is_flag=True, help="Print only; write no workbook (--csv still writes its files).")
def history(versions: tuple[Path, ...], as_json: bool, csv_dir: Path | None, output_dir: Path, force: bool,
            no_files: bool) -> None:
    """How the plan moved across its versions: give a folder of them, or the files.

    \b
    Example:
      paptools history workbooks/
      paptools history plan-*.xlsx --csv history-csv --json

    The versions are put in order by the date each workbook gives (its version date),
    not by file name. Prints the complete actions per version (all and PAP), the actions
    whose due month was put back, and when each was completed; writes
    <latest>-history.xlsx to --output-dir with one sheet per view and burn-up charts.
    With no arguments, uses the example versions in ./workbooks.
    """
    from pathlib import Path

    from paptools.api import history as read_history
    from paptools.api import write_history

    sources = list(versions) or [Path("workbooks")]
    with _Progress() as progress:
        result = read_history(sources, progress=progress, workers=_cores())
    inputs = [p for p in sources if not p.is_dir()]
    written = write_history(result, output_dir=None if no_files else output_dir, csv_dir=csv_dir, force=force,
                            inputs=inputs)
    if as_json:
        from paptools.write.history_tables import history_document, history_tables

        _echo_json(history_document(result, history_tables(result), written))
    else:
        from paptools.write.history_terminal import render_history

        echo(render_history(result, _width()), nl=False)
        if written:
            echo("\n" + click.style("FILES WRITTEN", bold=True))
            for kind, path in written.items():
                echo(f"  {kind:<9} {path}")
    _echo_history_warnings(result, as_json)


def _echo_history_warnings(result: History, as_json: bool) -> None:
    from paptools.content.words import counted
    from paptools.write.terminal import render_warnings

    total = len(result.warnings) + sum(len(v.warnings) for v in result.versions)
    if as_json:
        if total:
            echo(f"{counted(total, 'warning')}: see 'warnings' in the JSON.", err=True)
        return
    if result.warnings:
        echo(render_warnings(result.warnings, "these versions"), err=True, nl=False)
    read = [(v.source, len(v.warnings)) for v in result.versions if v.warnings]
    if read:
        listed = ", ".join(f"{source} ({n})" for source, n in read)
        echo(f"Warnings reading {listed}: see the Warnings sheet, or run paptools show on that file.", err=True)

"""`paptools inspect`: how a workbook was read, for an officer to check in a minute.

It prints the detected layout (sheets, header rows, which column gave each field, where the
statuses and progress came from and the scale of status words with what each counts as,
the version date and its source, and everything seen but not read), then how many actions
were read. `--write-style` saves the layout as a paptools.toml to edit.
"""
from __future__ import annotations

from pathlib import Path

import click

from paptools.cli.app import _echo_json, _echo_warnings, echo, main
from paptools.cli.options import STYLE, WORKBOOK


@main.command()
@click.argument("workbook", type=WORKBOOK)
@click.option("--json", "as_json", is_flag=True, help="Print the detected layout as JSON.")
@STYLE
@click.option("--write-style", is_flag=True, help="Write the detected layout as paptools.toml beside the workbook.")
def inspect(workbook: Path, as_json: bool, style: Path | None, write_style: bool) -> None:
    """Show how WORKBOOK is read: sheets, header rows, columns, statuses, progress, date.

    \b
    Example:
      paptools inspect plan.xlsx
      paptools inspect plan.xlsx --write-style     (then edit paptools.toml)

    Check each line against the workbook; where detection got something wrong, say it
    once in paptools.toml beside the workbook (see the README) and every command uses it.
    """
    from paptools.api import inspect_workbook, write_style_file
    from paptools.write.layout_text import plain, render_layout

    layout, plan, refusal = inspect_workbook(workbook, style)
    if as_json:
        _echo_json(plain(layout))
    else:
        echo(render_layout(workbook.name, layout, plan), nl=False)
    if write_style:
        target = write_style_file(workbook, layout)
        echo(f"Wrote {target}: edit it where the layout above is wrong.", err=True)
    if refusal is not None:
        raise refusal
    if plan is not None:
        _echo_warnings(plan, as_json)

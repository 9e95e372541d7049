"""`paptools show` and `paptools summary`: one version of the plan, its actions and its figures."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from paptools.cli.app import _echo_json, _echo_warnings, _read, _width, echo, main
from paptools.cli.options import AS_OF, STYLE, WORKBOOK

if TYPE_CHECKING:
    from datetime import date


@main.command()
@click.argument("workbook", type=WORKBOOK)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON (see README).")
@click.option("--ref", "refs", multiple=True, metavar="REF", help="Show only this action (repeatable), e.g. --ref 'PAP 2.3'.")
@AS_OF
@STYLE
def show(workbook: Path, as_json: bool, refs: tuple[str, ...], as_of: date | None, style: Path | None) -> None:
    """Show every action of WORKBOOK: status, owner, due month and its progress entries.

    \b
    Example:
      paptools show workbooks/oldham-send-pap-2026-04.xlsx --ref "PAP 2.3"
      paptools show plan.xlsx --json --as-of 2025-01-31
    """
    plan = _read(workbook, style)  # first: the read starts its second process before the model is loaded
    from paptools.api import normalise_ref, summarize

    wanted = tuple(normalise_ref(r) for r in refs)
    if as_json:
        from paptools.write.jsondoc import plan_document

        document = plan_document(plan, summarize(plan, as_of))
        if wanted:
            document["actions"] = [a for a in document["actions"] if a["ref"] in wanted]
        _echo_json(document)
    else:
        from paptools.write.terminal import render_plan

        width = _width()
        echo(render_plan(plan, width, wanted), nl=False)
    _echo_warnings(plan, as_json)


@main.command()
@click.argument("workbook", type=WORKBOOK)
@click.option("--json", "as_json", is_flag=True, help="Print the figures (and the actions) as JSON (see README).")
@AS_OF
@STYLE
def summary(workbook: Path, as_json: bool, as_of: date | None, style: Path | None) -> None:
    """Count the actions of WORKBOOK by status: all, PAP only, and per priority area and section.

    \b
    Example:
      paptools summary workbooks/oldham-send-pap-2025-01.xlsx --as-of 2025-01-31
    """
    plan = _read(workbook, style)
    from paptools.api import as_of_doubt, summarize

    figures = summarize(plan, as_of)
    if as_json:
        from paptools.write.jsondoc import plan_document

        _echo_json(plan_document(plan, figures))
    else:
        from paptools.write.terminal import render_summary

        echo(render_summary(figures), nl=False)
    _echo_warnings(plan, as_json)
    if not as_of and (doubt := as_of_doubt(plan)):
        click.echo(f"Note: {doubt}.", err=True)

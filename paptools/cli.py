"""The `paptools` command: parse options, call the library, print.

Every PapError becomes one line, `Error: <file>: <what to do>`, on stderr with its exit
code (1 for a problem with the data or files, 2 for a usage problem); an unexpected
failure says so in one line too. --debug shows the traceback instead.
"""
from __future__ import annotations

import json
import shutil
import sys
from datetime import date, datetime
from pathlib import Path

import click

from .errors import DATA_PROBLEM, PapError


class _Group(click.Group):
    """Turns every failure into one line on stderr and a non-zero exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except PapError as error:
            if ctx.meta.get("paptools.debug"):
                raise
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("Interrupted: nothing was written.", err=True)
            ctx.exit(130)
        except Exception as error:  # a bug: still one line, and how to report it
            if ctx.meta.get("paptools.debug"):
                raise
            click.echo(
                f"Error: unexpected {type(error).__name__}: {error}. "
                "Run again with --debug and send the output to the paptools maintainers.",
                err=True,
            )
            ctx.exit(DATA_PROBLEM)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.version_option(package_name="paptools")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Read a SEND Priority Action Plan workbook, reconcile two versions, and write the
    board report and a cleaned workbook.

    Run `paptools reconcile` with no arguments to see it work on the example workbooks.
    """
    ctx.meta["paptools.debug"] = debug


def _as_of(value: str | None) -> date:
    if not value:
        return date.today()
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


def _echo_warnings(plan, as_json: bool) -> None:
    from .terminal import render_warnings

    if not plan.warnings:
        return
    if as_json:
        click.echo(f"{len(plan.warnings)} warning(s) reading {plan.source}: see 'warnings' in the JSON.", err=True)
    else:
        click.echo(render_warnings(plan.warnings, plan.source), err=True, nl=False)


WORKBOOK = click.Path(path_type=Path, dir_okay=True, exists=False)
AS_OF = click.option("--as-of", "as_of", metavar="DATE", help="Date for 'overdue' (YYYY-MM-DD or YYYY-MM). Default: today.")


@main.command()
@click.argument("workbook", type=WORKBOOK)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON (see README).")
@click.option("--ref", "refs", multiple=True, metavar="REF", help="Show only this action (repeatable), e.g. --ref 'PAP 2.3'.")
@AS_OF
def show(workbook: Path, as_json: bool, refs: tuple[str, ...], as_of: str | None) -> None:
    """Show every action of WORKBOOK: status, owner, due month and its progress entries."""
    from .read import read_plan
    from .refs import parse_ref
    from .summary import summarize

    plan = read_plan(workbook)
    wanted = tuple(parse_ref(r).text if parse_ref(r) else r for r in refs)
    if as_json:
        from .jsonout import plan_document

        document = plan_document(plan, summarize(plan, _as_of(as_of)))
        if wanted:
            document["actions"] = [a for a in document["actions"] if a["ref"] in wanted]
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        from .terminal import render_plan

        width = min(shutil.get_terminal_size((100, 24)).columns, 120) - 4
        click.echo(render_plan(plan, width, wanted), nl=False)
    _echo_warnings(plan, as_json)


@main.command()
@click.argument("workbook", type=WORKBOOK)
@click.option("--json", "as_json", is_flag=True, help="Print the figures (and the actions) as JSON (see README).")
@AS_OF
def summary(workbook: Path, as_json: bool, as_of: str | None) -> None:
    """Count the actions of WORKBOOK by status: all, PAP only, and per priority area and section."""
    from .read import read_plan
    from .summary import summarize

    plan = read_plan(workbook)
    figures = summarize(plan, _as_of(as_of))
    if as_json:
        from .jsonout import plan_document

        click.echo(json.dumps(plan_document(plan, figures), indent=2, ensure_ascii=False))
    else:
        from .terminal import render_summary

        click.echo(render_summary(figures), nl=False)
    _echo_warnings(plan, as_json)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

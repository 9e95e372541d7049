"""`paptools check`, `lint` and `explain`: the checks before the board.

Exit codes for check and lint: 0 when everything agrees, 1 when there are findings, 2 when
the check could not be made (a file that cannot be read, wrong arguments). `explain` exits 0,
or 2 when the ref is not in the plan.
"""
from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from paptools.cli.app import _echo_json, _read, echo, main
from paptools.cli.options import AS_OF, STYLE, WORKBOOK
from paptools.errors import PapError

if TYPE_CHECKING:
    from datetime import date

    from paptools.check.draft import DraftCheck
    from paptools.model import Finding, Plan

AGREE, FINDINGS, COULD_NOT_CHECK = 0, 1, 2
T = TypeVar("T")


def _guard(ctx: click.Context, job: Callable[[], T]) -> T:
    """Run job; a problem with the files is one line on stderr and exit code 2 (could not check)."""
    try:
        return job()
    except PapError as error:
        if ctx.meta.get("paptools.debug"):
            raise
        echo(f"Error: {error}", err=True)
        ctx.exit(COULD_NOT_CHECK)
        raise  # unreachable: ctx.exit raises


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent)


def render_check(result: DraftCheck) -> str:
    """The outcome of `check` as text for the terminal."""
    from paptools.content.words import counted

    against = f"{result.plan}" + (f" (previous: {result.previous})" if result.previous else "")
    lines = [f"Checked {result.draft} against {against}; figures as of {result.as_of:%d %B %Y} "
             f"(from {result.as_of_source}).", ""]
    if result.findings:
        lines.append(f"{counted(len(result.findings), 'finding')}:")
        for number, finding in enumerate(result.findings, 1):
            lines.append(f"{number:>3}. {finding.where}")
            lines.append(_wrap(finding.message, "     "))
            if finding.fix:
                lines.append(_wrap(f"Fix: {finding.fix}", "     "))
        lines.append("")
    if result.unchecked:
        lines.append(f"{counted(len(result.unchecked), 'figure')} not checked (they could not be tied to the plan):")
        for item in result.unchecked:
            lines.append(_wrap(f"- {item.where}: \"{item.phrase}\": {item.reason}", "     "))
        lines.append("")
    agree = "agrees" if len(result.checked) == 1 else "agree"
    lines.append(f"{counted(len(result.checked), 'figure')} {agree} with the plan; "
                 f"{counted(len(result.findings), 'finding')}; {len(result.unchecked)} not checked.")
    return "\n".join(lines) + "\n"


def check_document(result: DraftCheck) -> dict[str, Any]:
    from paptools.check.explain import finding_document

    return {
        "draft": result.draft, "plan": result.plan, "previous": result.previous,
        "as_of": result.as_of.isoformat(), "as_of_source": result.as_of_source,
        "findings": [finding_document(f) for f in result.findings],
        "checked": [{"where": c.where, "phrase": c.phrase} for c in result.checked],
        "unchecked": [{"where": u.where, "phrase": u.phrase, "reason": u.reason} for u in result.unchecked],
    }


def render_lint(source: str, findings: tuple[Finding, ...], disabled: tuple[str, ...]) -> str:
    from paptools.content.words import counted

    lines = [f"Lint of {source}: {counted(len(findings), 'finding')}"
             + (f" (rules switched off: {', '.join(disabled)})" if disabled else "") + ".", ""]
    for finding in findings:
        lines.append(f"{finding.place():<12} {finding.ref or '':<10} [{finding.rule}]")
        lines.append(_wrap(finding.message, "    "))
        lines.append(_wrap(f"Fix: {finding.fix}", "    "))
    return "\n".join(lines) + "\n"


@main.command()
@click.argument("draft", type=click.Path(path_type=Path))
@click.argument("workbook", type=WORKBOOK)
@click.argument("previous", type=WORKBOOK, required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the findings, checked and unchecked figures as JSON.")
@AS_OF
@STYLE
@click.pass_context
def check(ctx: click.Context, draft: Path, workbook: Path, previous: Path | None, as_json: bool,
          as_of: date | None, style: Path | None) -> None:
    """Check the figures of a DRAFT report (.docx, .md or .txt) against the plan in WORKBOOK.

    \b
    Example:
      paptools check board-paper.docx workbooks/oldham-send-pap-2025-01.xlsx
      paptools check draft.md plan-2025-01.xlsx plan-2024-06.xlsx --json

    Counts and percentages of each status, totals, "x of y", breakdowns that must add up
    ("Seven actions are incomplete" then the statuses of those seven), the actions listed
    under a sentence, refs quoted with a status, due and completion months, and status
    tables. Give PREVIOUS to check "no update" and completion within timescale exactly.
    Figures it cannot tie to the plan are listed as not checked. Overdue is judged as of
    --as-of, else the date the draft gives ("as of 31 January 2025"), else the plan's month.
    Exit code 0: every figure agrees; 1: findings; 2: could not check.
    """
    from paptools.check.draft import check_draft
    from paptools.read.drafts import read_draft

    def job() -> DraftCheck:
        document = read_draft(draft)
        plan = _read(workbook, style)
        before = _read(previous, style) if previous is not None else None
        return check_draft(document, plan, before, as_of)

    result = _guard(ctx, job)
    if as_json:
        _echo_json(check_document(result))
    else:
        echo(render_check(result), nl=False)
    ctx.exit(FINDINGS if result.findings else AGREE)


@main.command()
@click.argument("workbook", type=WORKBOOK)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON records.")
@STYLE
@AS_OF
@click.pass_context
def lint(ctx: click.Context, workbook: Path, as_json: bool, style: Path | None, as_of: date | None) -> None:
    """Check WORKBOOK for the mistakes a careful reviewer would catch before the board.

    \b
    Example:
      paptools lint workbooks/oldham-send-pap-2025-01.xlsx
      paptools lint plan.xlsx --as-of 2025-01-31 --json

    Fill colour and status words that disagree; status words outside the Key; Complete
    while the latest entry says work continues; On track past a revised due month with no
    update since; Complete with no dated entry or evidence; no update for longer than a
    reporting period (3 months); due months passed with no revision; duplicate or oddly
    written refs; initials in an entry that match no owner. Each finding gives the sheet,
    cell, ref and a fix. Switch rules off in paptools.toml beside the workbook:
    [lint] disable = ["no-recent-update"], period_months = 3.
    Exit code 0: no findings; 1: findings; 2: could not check.
    """
    from paptools.check.lint import lint_plan, read_lint_settings

    def job() -> tuple[Plan, Any, tuple[Finding, ...]]:
        settings = read_lint_settings(workbook, style)
        plan = _read(workbook, style)
        return plan, settings, lint_plan(plan, as_of, settings)

    plan, settings, findings = _guard(ctx, job)
    if as_json:
        from paptools.check.explain import finding_document

        document = {"workbook": plan.source, "disabled": list(settings.disable),
                    "findings": [finding_document(f) for f in findings]}
        _echo_json(document)
    else:
        echo(render_lint(plan.source, findings, settings.disable), nl=False)
    ctx.exit(FINDINGS if findings else AGREE)


@main.command()
@click.argument("workbook", type=WORKBOOK)
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@AS_OF
@STYLE
@click.pass_context
def explain(ctx: click.Context, workbook: Path, ref: str, as_json: bool, as_of: date | None,
            style: Path | None) -> None:
    """Explain why action REF of WORKBOOK has the status it has.

    \b
    Example:
      paptools explain workbooks/oldham-send-pap-2025-01.xlsx "PAP 2.21"
      paptools explain plan.xlsx 2.21 --json

    Says which cell the status came from and how (the fill colour, or a mark's font
    colour, matched to the Key's colour, the words in the RA cell, or a blank cell), the
    due and revised months, the latest entries, and any lint finding on the action: one
    screen for a member's "why is this one green?".
    """
    from paptools.check.explain import explain_action
    from paptools.check.lint import lint_plan, read_lint_settings
    from paptools.read.refs import parse_ref

    plan, settings = _guard(ctx, lambda: (_read(workbook, style), read_lint_settings(workbook, style)))
    wanted = _find_ref(plan, ref, parse_ref)
    explanation = explain_action(plan, wanted, lint_plan(plan, as_of, settings)) if wanted else None
    if explanation is None:
        echo(f"Error: {workbook}: no action with ref '{ref}': run 'paptools show {workbook}' to list them",
                   err=True)
        ctx.exit(COULD_NOT_CHECK)
        return
    if as_json:
        _echo_json(explanation.document())
    else:
        lines = explanation.lines()
        echo("\n".join(_wrap(line.strip(), " " * (len(line) - len(line.lstrip()))) for line in lines))


def _find_ref(plan: Plan, ref: str, parse: Callable[[str], Any]) -> str | None:
    """'PAP 2.21', 'pap:2.21' or '2.21' (when only one action has that number)."""
    parsed = parse(ref.strip())
    text = parsed.text if parsed else ref.strip()
    if text in plan.by_ref():
        return text
    same = [a.ref for a in plan.actions if " ".join(a.ref.split()).upper() == " ".join(ref.split()).upper()]
    if len(same) == 1:  # "Health 2", a ref known by its sheet, written as the plan writes it
        return same[0]
    number = text.split()[-1]
    matches = [a.ref for a in plan.actions if a.ref.split()[-1] == number]
    return matches[0] if len(set(matches)) == 1 else None

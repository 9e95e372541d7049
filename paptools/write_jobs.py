"""The library's writing jobs: a reconcile's files (the changes file, the Word report, the
cleaned workbook, the board pack) written together, and one version's cleaned copy.

Part of the library (paptools/api.py exports these). All or nothing: the files are written into
a staging folder and placed together at the end (write/outputs.py OutputSet).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from paptools.compare.reconciliation import Reconciliation
    from paptools.model import DataWarning, Finding, Plan
    from paptools.read.versions import Progress

__all__ = ["OUTPUT_KINDS", "OutputOptions", "clean", "lint_findings", "write_outputs"]

OUTPUT_KINDS = ("changes", "report", "workbook")


@dataclass
class OutputOptions:
    output_dir: Path = Path("outputs")
    force: bool = False
    kinds: tuple[str, ...] = OUTPUT_KINDS
    report: dict[str, Any] = field(default_factory=dict)  # title, committee, meeting date, template, narrative
    notes: list[DataWarning] = field(default_factory=list)  # what the writers reported, filled in as they write
    to: tuple[str, ...] = ()  # recipients of the board-pack email draft (kind "pack")
    cc: tuple[str, ...] = ()
    style: Path | None = None  # the house-style file given with --style (its [lint] table switches rules off)
    workers: int = 1  # 2: the cleaned workbook is written by a second process beside the report (paptools/forked.py)


def write_outputs(result: Reconciliation, options: OutputOptions, progress: Progress | None = None,
                  meanwhile: Callable[[], object] | None = None) -> dict[str, Path]:
    """Write the chosen outputs; returns kind -> path written. `progress` is told each stage.
    `meanwhile()` is the caller's work done while a second process finishes the workbook (the
    CLI's lines for the terminal), or once the files are written when there is none."""
    from paptools.content.changes import change_rows, write_changes_csv
    from paptools.forked import Forked
    from paptools.write.outputs import OutputSet

    stem = Path(result.current.source).stem
    inputs = list(result.paths)
    names = {"changes": f"{stem}-changes.csv", "report": f"{stem}-report.docx", "workbook": f"{stem}-clean.xlsx",
             "pack": f"{stem}-pack.eml"}
    findings = _lint(result, options)  # once: the report and the Warnings sheet show the same ones
    # All or nothing: the files are written into a staging folder and placed together at the end.
    with OutputSet(options.output_dir, force=options.force, inputs=inputs) as outputs:
        staged = {kind: outputs.add(names[kind]) for kind in (*OUTPUT_KINDS, "pack") if kind in options.kinds}
        rows = change_rows(result) if {"changes", "workbook"} & staged.keys() else []  # once, for both
        written: Forked[list[DataWarning]] | None = None
        if "workbook" in staged:
            from paptools.write.workbook import write_clean_workbook

            if progress:
                progress.stage(f"Writing {staged['workbook'].name}")
            compared = result.previous is not None or result.since is not None

            def workbook() -> list[DataWarning]:
                return write_clean_workbook(
                    staged["workbook"], result.current, result.summary,
                    changes=rows if compared else None, trend=result.trend(),
                    warnings=result.all_warnings(), name=staged["workbook"].name,
                    findings=findings)
            if options.workers > 1 and "report" in staged:
                written = Forked.start(workbook)  # the longest, first: on the second core while the rest is written
            if written is None:
                options.notes += workbook()
        if "changes" in staged:
            if progress:
                progress.stage(f"Writing {staged['changes'].name}")
            write_changes_csv(rows, staged["changes"])
        if "report" in staged:
            if progress:
                progress.stage(f"Writing {staged['report'].name}")
            _write_report(result, options, staged["report"], findings)
        if written is not None:
            if meanwhile is not None:
                meanwhile()
                meanwhile = None
            options.notes += written.result()
        if "pack" in staged:  # last: it attaches the report and the workbook as they were written
            if progress:
                progress.stage(f"Writing {staged['pack'].name}")
            _write_pack(result, options, staged)
    if meanwhile is not None:
        meanwhile()
    return {kind: outputs.final(path) for kind, path in staged.items()}


def _lint(result: Reconciliation, options: OutputOptions) -> tuple[Finding, ...]:
    """The lint checks of the current plan, with the rules its house-style file switches off."""
    return lint_findings(result.current, result.summary.as_of, result.paths[-1] if result.paths else None,
                         options.style)


def lint_findings(plan: Plan, as_of: date, workbook: Path | None, style: Path | None = None) -> tuple[Finding, ...]:
    """The plan's lint findings, honouring the [lint] table of paptools.toml (beside `workbook`, or `style`)."""
    from paptools.check.lint import LintSettings, lint_plan, read_lint_settings

    settings = read_lint_settings(workbook, style) if workbook is not None else LintSettings()
    return lint_plan(plan, as_of, settings)


def _write_pack(result: Reconciliation, options: OutputOptions, staged: dict[str, Path]) -> None:
    """The email draft with the report and the cleaned workbook attached, byte for byte as written."""
    from paptools.content.pack import pack_content
    from paptools.write.eml import draft_message, write_draft
    from paptools.write.workbook import version_label

    if result.previous is not None:
        previous: str | None = f"the previous version ({version_label(result.previous)})"
    else:
        previous = result.since.long_label() if result.since else None
    content = pack_content(result.changes, result.summary, title=result.current.title or "Priority Action Plan",
                           version=version_label(result.current), previous=previous,
                           committee=options.report.get("committee"))
    attachments = [staged[kind] for kind in ("report", "workbook") if kind in staged]
    write_draft(staged["pack"], draft_message(content, attachments, to=options.to, cc=options.cc))


def _write_report(result: Reconciliation, options: OutputOptions, path: Path,
                  findings: tuple[Finding, ...]) -> None:
    from paptools.content.report import ReportSettings, build_report, report_in_parts

    settings = dict(options.report)
    template = settings.pop("template", None)
    wanted = ReportSettings(**settings, findings=findings)
    if template is None:  # each section laid out as it is made, never the whole paper held
        from paptools.write.docx_package import write_docx

        frame, sections = report_in_parts(result, wanted)
        write_docx(frame, path, sections)
    else:
        from paptools.write.docx_template import render_template

        render_template(build_report(result, wanted), template, path)


def clean(path: Path, *, output_dir: Path, force: bool = False, as_of: date | None = None,
          progress: Progress | None = None, notes: list[DataWarning] | None = None,
          style: str | Path | None = None) -> tuple[Plan, Path]:
    """Read one workbook and write its cleaned copy; returns the plan and the path written.

    What the writer reports (a cell continued on a second row) is added to `notes` when given.
    """
    from paptools.api import read_plan
    from paptools.compare.figures import summarize
    from paptools.write.outputs import OutputSet
    from paptools.write.workbook import write_clean_workbook

    if progress is not None:
        progress.stage(f"Reading {Path(path).name}")
    plan = read_plan(path, progress=progress.advance if progress is not None else None, style=style)
    if progress is not None:
        progress.stage(f"Writing {Path(plan.source).stem}-clean.xlsx")
    with OutputSet(output_dir, force=force, inputs=[path]) as outputs:
        staged = outputs.add(f"{Path(plan.source).stem}-clean.xlsx")
        figures = summarize(plan, as_of)
        written = write_clean_workbook(staged, plan, figures, name=staged.name,
                                       findings=lint_findings(plan, figures.as_of, Path(path),
                                                                      Path(style) if style else None))
    if notes is not None:
        notes += written
    return plan, outputs.final(staged)

"""The whole pre-board job: read the versions, diff the last two, recompute, write the files.

`reconcile()` reads and computes; `write_outputs()` writes the changes file, the Word report
and the cleaned workbook into the output folder. The CLI calls one, then the other.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from paptools.compare.figures import summarize, version_month
from paptools.compare.reconciliation import Reconciliation, reconcile_plans
from paptools.errors import UsageError
from paptools.model import DataWarning, Month, Plan
from paptools.read.plan import read_plan


class Progress(Protocol):
    """What a long job tells the person waiting: the stage, and how far through a sheet."""

    def stage(self, label: str) -> None: ...

    def advance(self, done: int, total: int) -> None: ...


OUTPUT_KINDS = ("changes", "report", "workbook")


def find_examples(folder: Path) -> list[Path]:
    """The example versions in a folder (ordered later by the version date read from each)."""
    paths = sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith(("~$", ".")))
    if len(paths) < 2:
        raise UsageError(
            folder, "needs at least two workbook versions: give PREVIOUS.xlsx CURRENT.xlsx, or CURRENT.xlsx --since YYYY-MM"
        )
    return paths


def reconcile(
    paths: list[Path],
    *,
    since: Month | None = None,
    as_of: date | None = None,
    progress: Progress | None = None,
    single_ok: bool = False,
    order_by_date: bool = False,
) -> Reconciliation:
    """Read the versions (oldest first; the last is current) and reconcile the last two.

    With one version and no `since`, only a status report is possible: `single_ok` allows it.
    `order_by_date` orders the versions by the date read from each workbook (for a folder of
    versions, whatever their file names). `progress` (a terminal.Progress, or None) is told
    what is being read.
    """
    paths = [Path(p) for p in paths]
    if not paths:
        raise UsageError(None, "give the current workbook, and the previous one or --since YYYY-MM")
    if since is None and len(paths) < 2 and not single_ok:
        raise UsageError(paths[0], "is only one version: give the previous version too, or --since YYYY-MM")
    _check_distinct(paths)

    def read_here(path: Path) -> Plan:
        if progress is None:
            return read_plan(path)
        progress.stage(f"Reading {path.name}")
        return read_plan(path, progress=progress.advance)

    plans = [read_here(path) for path in paths]
    if order_by_date:
        order = sorted(range(len(plans)), key=lambda i: (version_month(plans[i]) or Month(0, 1), paths[i].name))
        plans, paths = [plans[i] for i in order], [paths[i] for i in order]
    result = reconcile_plans(plans, since=since, as_of=as_of, labels=tuple(str(p) for p in paths))
    return replace(result, paths=tuple(paths))


def _check_distinct(paths: list[Path]) -> None:
    seen: dict[Path, Path] = {}
    for path in paths:
        try:
            key = path.resolve()
        except OSError:
            key = path
        if key in seen:
            raise UsageError(
                path, f"is given twice (also as {seen[key]}): give the previous version first, then the current one"
            )
        seen[key] = path


@dataclass
class OutputOptions:
    output_dir: Path = Path("outputs")
    force: bool = False
    kinds: tuple[str, ...] = OUTPUT_KINDS
    report: dict[str, Any] = field(default_factory=dict)  # title, committee, meeting date, template, narrative
    notes: list[DataWarning] = field(default_factory=list)  # what the writers reported, filled in as they write


def write_outputs(result: Reconciliation, options: OutputOptions, progress: Progress | None = None) -> dict[str, Path]:
    """Write the chosen outputs; returns kind -> path written. `progress` is told each stage."""
    from paptools.content.changes import change_rows, write_changes_csv
    from paptools.write.outputs import OutputSet

    stem = Path(result.current.source).stem
    inputs = list(result.paths)
    names = {"changes": f"{stem}-changes.csv", "report": f"{stem}-report.docx", "workbook": f"{stem}-clean.xlsx"}
    # All or nothing: the files are written into a staging folder and placed together at the end.
    with OutputSet(options.output_dir, force=options.force, inputs=inputs) as outputs:
        staged = {kind: outputs.add(names[kind]) for kind in OUTPUT_KINDS if kind in options.kinds}
        if "changes" in staged:
            if progress:
                progress.stage(f"Writing {staged['changes'].name}")
            write_changes_csv(change_rows(result), staged["changes"])
        if "workbook" in staged:
            from paptools.write.workbook import write_clean_workbook

            if progress:
                progress.stage(f"Writing {staged['workbook'].name}")
            compared = result.previous is not None or result.since is not None
            options.notes += write_clean_workbook(
                staged["workbook"], result.current, result.summary,
                changes=change_rows(result) if compared else None, trend=result.trend(),
                warnings=result.all_warnings(), name=staged["workbook"].name)
        if "report" in staged:
            if progress:
                progress.stage(f"Writing {staged['report'].name}")
            _write_report(result, options, staged["report"])
    return {kind: outputs.final(path) for kind, path in staged.items()}


def _write_report(result: Reconciliation, options: OutputOptions, path: Path) -> None:
    from paptools.write.report import ReportOptions, write_report

    report_options = ReportOptions(**options.report, warnings=result.all_warnings())
    write_report(path, result, report_options)


def clean(path: Path, *, output_dir: Path, force: bool = False, as_of: date | None = None,
          progress: Progress | None = None, notes: list[DataWarning] | None = None) -> tuple[Plan, Path]:
    """Read one workbook and write its cleaned copy; returns the plan and the path written.

    What the writer reports (a cell continued on a second row) is added to `notes` when given.
    """
    from paptools.write.outputs import OutputSet
    from paptools.write.workbook import write_clean_workbook

    if progress is not None:
        progress.stage(f"Reading {Path(path).name}")
    plan = read_plan(path, progress=progress.advance if progress is not None else None)
    if progress is not None:
        progress.stage(f"Writing {Path(plan.source).stem}-clean.xlsx")
    with OutputSet(output_dir, force=force, inputs=[path]) as outputs:
        staged = outputs.add(f"{Path(plan.source).stem}-clean.xlsx")
        written = write_clean_workbook(staged, plan, summarize(plan, as_of), name=staged.name)
    if notes is not None:
        notes += written
    return plan, outputs.final(staged)

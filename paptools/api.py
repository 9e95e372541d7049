"""The whole pre-board job: read the versions, diff the last two, recompute, write the files.

`reconcile()` reads and computes; `write_outputs()` writes the changes file, the Word report
and the cleaned workbook into the output folder. The CLI calls one, then the other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from paptools.compare.diff import Completion, PlanDiff, completion, diff_plans, diff_since, no_update, version_month
from paptools.compare.figures import Summary, summarize
from paptools.errors import UsageError
from paptools.model import DataWarning, Month, Plan
from paptools.read.plan import read_plan
from paptools.scaling import PARALLEL_BYTES, Background, collector_paused, map_in_processes, sizes_of

OUTPUT_KINDS = ("changes", "report", "workbook")


@dataclass(frozen=True)
class Reconciliation:
    """Everything the board paper needs, computed from the versions."""

    plans: tuple[Plan, ...]  # every version read, oldest first
    diff: PlanDiff
    summary: Summary
    completions: tuple[Completion, ...]
    warnings: tuple[DataWarning, ...] = ()  # about the run itself, such as versions out of order
    paths: tuple[Path, ...] = ()

    @property
    def current(self) -> Plan:
        return self.diff.current

    @property
    def previous(self) -> Plan | None:
        return self.diff.previous

    def all_warnings(self) -> list[tuple[str, DataWarning]]:
        """The run's own warnings, then those of the two versions compared, with their source."""
        pairs = [("these versions", w) for w in self.warnings]
        for plan in self.plans[-2:]:
            pairs += [(plan.source, w) for w in plan.warnings]
        return pairs

    def trend(self) -> list[tuple[str, Summary]]:
        """The figures of every version read, for the chart of how statuses moved."""
        return self._trend

    @cached_property
    def _trend(self) -> list[tuple[str, Summary]]:
        # Both the report and the cleaned workbook chart it: worked out once.
        result = []
        for plan in self.plans:
            month = version_month(plan)
            result.append((month.label() if month else plan.source, summarize(plan, self.summary.as_of)))
        return result


def find_examples(folder: Path) -> list[Path]:
    """The example versions in a folder, oldest first by the month in their names."""
    paths = [p for p in folder.glob("*.xlsx") if not p.name.startswith(("~$", "."))]
    if len(paths) < 2:
        raise UsageError(
            folder, "needs at least two workbook versions: give PREVIOUS.xlsx CURRENT.xlsx, or CURRENT.xlsx --since YYYY-MM"
        )
    return sorted(paths, key=lambda p: (_name_month(p) or Month(0, 1), p.name))


def _name_month(path: Path) -> Month | None:
    return version_month(Plan(source=path.name, actions=()))


def reconcile(
    paths: list[Path],
    *,
    since: Month | None = None,
    as_of: date | None = None,
    progress=None,
    single_ok: bool = False,
) -> Reconciliation:
    """Read the versions (oldest first; the last is current) and reconcile the last two.

    With one version and no `since`, only a status report is possible: `single_ok` allows it.
    `progress` (a terminal.Progress, or None) is told what is being read.
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

    plans = map_in_processes(read_plan, paths, sizes_of(paths), local=read_here)
    current = plans[-1]
    warnings: list[DataWarning] = []
    if len(plans) == 1:
        diff = diff_since(current, since) if since is not None else PlanDiff(previous=None, current=current)
    else:
        previous = plans[-2]
        diff = diff_plans(previous, current)
        warnings += _order_warnings(paths[-2], previous, paths[-1], current)
        if since is not None:
            warnings.append(DataWarning(None, None, "--since is ignored when a previous version is given"))
    figures = summarize(current, as_of, no_update=no_update(diff))
    completions = tuple(completion(a, plans) for a in current.actions)
    return Reconciliation(tuple(plans), diff, figures, completions, tuple(warnings + list(diff.warnings)), tuple(paths))


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


def _order_warnings(previous_path: Path, previous: Plan, current_path: Path, current: Plan) -> list[DataWarning]:
    before, after = version_month(previous), version_month(current)
    newest_before, newest_after = previous.latest_entry_month(), current.latest_entry_month()
    swapped = (before and after and before > after) or (
        newest_before and newest_after and newest_before > newest_after
    )
    if not swapped:
        return []
    return [DataWarning(
        None, None,
        f"the previous version {previous_path.name} looks newer than the current one {current_path.name} "
        f"(latest entries {newest_before and newest_before.label()} against {newest_after and newest_after.label()}): "
        f"if so, swap them: paptools reconcile {current_path} {previous_path}",
    )]


@dataclass
class OutputOptions:
    output_dir: Path = Path("outputs")
    force: bool = False
    kinds: tuple[str, ...] = OUTPUT_KINDS
    report: dict = field(default_factory=dict)  # title, committee, meeting date, template, narrative
    notes: list[DataWarning] = field(default_factory=list)  # what the writers reported, filled in as they write


def write_outputs(result: Reconciliation, options: OutputOptions, progress=None) -> dict[str, Path]:
    """Write the chosen outputs; returns kind -> path written. `progress` is told each stage."""
    with collector_paused():
        return _write_outputs(result, options, progress)


def _write_outputs(result: Reconciliation, options: OutputOptions, progress) -> dict[str, Path]:
    from paptools.content.changes import change_rows, write_changes_csv
    from paptools.write.outputs import atomic, output_path

    stem = Path(result.current.source).stem
    written: dict[str, Path] = {}
    inputs = list(result.paths)
    names = {"changes": f"{stem}-changes.csv", "report": f"{stem}-report.docx", "workbook": f"{stem}-clean.xlsx"}
    for kind in OUTPUT_KINDS:
        if kind in options.kinds:
            written[kind] = output_path(options.output_dir, names[kind], force=options.force, inputs=inputs)
    # The report and the cleaned workbook are independent: for a large plan, both at once.
    report = None
    if "report" in written:
        report = Background(lambda: _write_report(result, options, written["report"]),
                            large=sum(sizes_of(inputs)) >= PARALLEL_BYTES and "workbook" in written)
    if "changes" in written:
        if progress:
            progress.stage(f"Writing {written['changes'].name}")
        with atomic(written["changes"]) as temporary:
            write_changes_csv(change_rows(result.diff, result.summary), temporary)
    if "workbook" in written:
        from paptools.write.workbook import write_clean_workbook

        if progress:
            progress.stage(f"Writing {written['workbook'].name}")
        with atomic(written["workbook"]) as temporary:
            options.notes += write_clean_workbook(
                temporary, result.current, result.summary, diff=result.diff, trend=result.trend(),
                warnings=result.all_warnings(), name=written["workbook"].name)
    if report is not None:
        if progress:
            progress.stage(f"Writing {written['report'].name}")
        report.wait()
    return {kind: written[kind] for kind in OUTPUT_KINDS if kind in written}


def _write_report(result: Reconciliation, options: OutputOptions, path: Path) -> None:
    from paptools.content.report import ReportSettings, build_report
    from paptools.write.outputs import atomic

    settings = dict(options.report)
    template = settings.pop("template", None)
    report = build_report(plans=result.plans, diff=result.diff, summary=result.summary,
                          completions=result.completions, trend=tuple(s for _, s in result.trend()),
                          warnings=tuple(result.current.warnings) + tuple(result.diff.warnings),
                          settings=ReportSettings(**settings))
    with atomic(path) as temporary:
        if template is None:
            from paptools.write.docx import write_docx

            write_docx(report, temporary)
        else:
            from paptools.write.docx_template import render_template

            render_template(report, template, temporary)


def clean(path: Path, *, output_dir: Path, force: bool = False, as_of: date | None = None,
          progress=None, notes: list[DataWarning] | None = None) -> tuple[Plan, Path]:
    """Read one workbook and write its cleaned copy; returns the plan and the path written.

    What the writer reports (a cell continued on a second row) is added to `notes` when given.
    """
    from paptools.write.outputs import atomic, output_path
    from paptools.write.workbook import write_clean_workbook

    if progress is not None:
        progress.stage(f"Reading {Path(path).name}")
    plan = read_plan(path, progress=progress.advance if progress is not None else None)
    if progress is not None:
        progress.stage(f"Writing {Path(plan.source).stem}-clean.xlsx")
    target = output_path(output_dir, f"{Path(plan.source).stem}-clean.xlsx", force=force, inputs=[path])
    with atomic(target) as temporary:
        written = write_clean_workbook(temporary, plan, summarize(plan, as_of), name=target.name)
    if notes is not None:
        notes += written
    return plan, target

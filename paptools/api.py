"""The library: what `import paptools` offers, and the jobs the CLI is built on.

`read_plan()` reads one version; `reconcile()` reads the versions and computes the changes
and figures; `history()` reads a folder of versions and works out how the plan moved;
`write_outputs()` writes the changes file, the Word report and the cleaned workbook into the
output folder. The CLI calls these and prints; it reaches into no other module for the work.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paptools.errors import NoActions, UsageError

if TYPE_CHECKING:  # imported where used: `show` and `summary` need neither the diff nor the history; the
    # model and the reader are loaded once a read has begun (read_plan), after its second process starts
    from paptools.compare.figures import as_of_doubt as as_of_doubt  # a note when the as-of is only a save date
    from paptools.compare.figures import summarize as summarize  # part of the library: the figures of one plan
    from paptools.compare.history import History
    from paptools.compare.reconciliation import Reconciliation as Reconciliation  # what reconcile() returns
    from paptools.layout import Layout
    from paptools.model import DataWarning, Finding, Month, Plan
    from paptools.read.split_early import EarlySplits
    from paptools.read.versions import Progress  # what a long job tells the person waiting


OUTPUT_KINDS = ("changes", "report", "workbook")
PathLike = str | Path


def __getattr__(name: str) -> Any:
    """`summarize` and `as_of_doubt`, from compare/figures.py when first asked for (PEP 562)."""
    if name in ("summarize", "as_of_doubt"):
        from paptools.compare import figures

        return getattr(figures, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def read_plan(path: PathLike, style: PathLike | None = None, *,
              progress: Callable[[int, int], None] | None = None, workers: int = 1,
              early: EarlySplits | None = None) -> Plan:
    """Read one version of the plan workbook into a Plan (see README, "How the workbook is read").

    `style` is a house-style file (paptools.toml) stating what the workbook's layout cannot
    show; without it, a paptools.toml beside the workbook is used. Raises a PapError subclass
    (NotAWorkbook, UnsafeWorkbook, NoActions) naming the file when it cannot be read;
    anything odd but readable is in `plan.warnings`. `workers=2` splits the Progress cells on
    two processes where the system can fork: the same plan, sooner on two cores; `early` is
    that second process when the caller started it on this workbook already
    (`read.split_early.EarlySplits.open(path)`, as the `paptools` program does before it loads
    the command line), and is stopped once the plan is read.

    >>> import paptools
    >>> paptools.read_plan("workbooks/oldham-send-pap-2026-04.xlsx").to_frame()  # doctest: +SKIP
    """
    if early is None and workers > 1:  # the child that splits the text starts before the rest of the reader is loaded
        from paptools.read.split_early import EarlySplits

        early = EarlySplits.open(Path(path))
    from paptools.read.plan import read_plan as read

    # whether a second process pays was decided here: the reader is not to look again
    return read(path, progress=progress, style=style, early=early)


def report_inputs(template: Path | None = None, narrative: Path | None = None) -> dict[str, Any]:
    """The report's own inputs, checked and read: the council's .docx template and the narrative.

    Returns the settings `OutputOptions.report` takes ("template", "narrative"); a file that
    cannot be used raises a PapError naming it.
    """
    settings: dict[str, Any] = {}
    if template is not None:
        from paptools.read.inputs import check_document

        check_document(template)
        settings["template"] = template
    if narrative is not None:
        from paptools.content.narrative import read_narrative

        settings["narrative"] = read_narrative(narrative)
    return settings


def normalise_ref(text: str) -> str:
    """A ref as paptools stores it: 'PAP: 2.3', 'PAP 2.3' and 'PAP:2.3' are all 'PAP 2.3'."""
    from paptools.read.refs import parse_ref

    parsed = parse_ref(text)
    return parsed.text if parsed else text


def _flatten(versions: tuple[PathLike | Sequence[PathLike], ...]) -> list[Path]:
    paths: list[Path] = []
    for item in versions:
        if isinstance(item, (str, Path)):
            paths.append(Path(item))
        else:
            paths.extend(Path(p) for p in item)
    return paths


def workbooks_in(folder: Path) -> list[Path]:
    """The .xlsx files in a folder, leaving out Excel's ~$ lock files and hidden files."""
    return sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith(("~$", ".")))


def history(*paths: PathLike | Sequence[PathLike], progress: Progress | None = None, workers: int = 1) -> History:
    """Read every version given (files, or folders of .xlsx files) and work out how the plan moved.

    The versions are ordered by the date each workbook gives, not by file name; see
    paptools.compare.history for the records and `History.to_frame()` for a DataFrame.
    `workers=2` reads the later half of six versions or more on a second process (the same
    history, sooner on two cores: paptools/history_read.py); with fewer, it splits the first
    version's Progress cells on two, as in reconcile.
    """
    from paptools.model import DataWarning

    files: list[Path] = []
    skipped: list[DataWarning] = []
    for path in _flatten(paths):
        if not path.is_dir():
            files.append(path)
            continue
        for found in workbooks_in(path):
            if _written_by_paptools(found):  # a cleaned copy or a history: not a version of the plan
                skipped.append(DataWarning(None, None, f"{found.name} was written by paptools, so it is not a "
                                                       "version of the plan: left out"))
            else:
                files.append(found)
    if not files:
        raise UsageError(_flatten(paths)[0] if paths else None, "holds no .xlsx workbook: give a folder of versions")
    _check_distinct(files)
    from paptools.history_read import read_history

    return read_history(files, skipped, progress, workers)


def _written_by_paptools(path: Path) -> bool:
    """Whether a workbook carries the custom property paptools marks its own outputs with."""
    from zipfile import BadZipFile

    from paptools.errors import PapError
    from paptools.read.inputs import check_workbook
    from paptools.read.package import Package
    from paptools.read.plan import GENERATED_PROPERTY

    try:
        check_workbook(path)  # refused files are reported by the reader, in its own words
        package = Package(path)
    except (PapError, OSError, ValueError, BadZipFile):
        return False
    try:
        return GENERATED_PROPERTY in package.custom_property_names()
    finally:
        package.close()


def write_history(history: History, *, output_dir: Path | None, csv_dir: Path | None = None,
                  force: bool = False, inputs: Sequence[Path] = ()) -> dict[str, Path]:
    """Write the history workbook into `output_dir` and one CSV per view into `csv_dir`.

    Returns kind -> path written ("workbook", "counts", "timeline", "slipped", "completed").
    Either folder may be None to skip it. All or nothing: the files of each folder are staged
    and placed together once all are written.
    """
    from paptools.write.history_tables import history_tables, write_csvs
    from paptools.write.outputs import OutputSet

    written: dict[str, Path] = {}
    if output_dir is None and csv_dir is None:
        return written  # nothing to write: the tables are not built
    tables = history_tables(history)
    stem = Path(history.versions[-1].source).stem if history.versions else "plan"
    if output_dir is not None:
        from paptools.write.history_workbook import write_history_workbook

        with OutputSet(output_dir, force=force, inputs=inputs) as outputs:
            staged = outputs.add(f"{stem}-history.xlsx")
            write_history_workbook(staged, history, tables)
        written["workbook"] = outputs.final(staged)
    if csv_dir is not None:
        with OutputSet(csv_dir, force=force, inputs=inputs) as outputs:
            files = {table.name: outputs.add(f"{stem}-history-{table.name}.csv") for table in tables}
            write_csvs(tables, files)
        written |= {name: outputs.final(path) for name, path in files.items()}
    return written


def find_examples(folder: Path) -> list[Path]:
    """The example versions in a folder (ordered later by the version date read from each)."""
    paths = workbooks_in(folder)
    if len(paths) < 2:
        raise UsageError(
            folder, "needs at least two workbook versions: give PREVIOUS.xlsx CURRENT.xlsx, or CURRENT.xlsx --since YYYY-MM"
        )
    return paths


def reconcile(
    *versions: PathLike | Sequence[PathLike],
    since: Month | None = None,
    as_of: date | None = None,
    progress: Progress | None = None,
    single_ok: bool = False,
    order_by_date: bool = False,
    style: PathLike | None = None,
    workers: int = 1,
    early: EarlySplits | None = None,
) -> Reconciliation:
    """Read the versions (oldest first; the last is current) and reconcile the last two.

    `paptools.reconcile("old.xlsx", "new.xlsx")`, or a list of paths. With one version and no
    `since`, only a status report is possible: `single_ok` allows it. `order_by_date` orders
    the versions by the date read from each workbook (for a folder of versions, whatever their
    file names). `progress` (a terminal.Progress, or None) is told
    what is being read. `style` is a house-style file for every version (else each
    workbook's own paptools.toml, if it has one). `workers=2` splits the first version's
    Progress cells on two processes where the system can fork (read/split_early.py); `early`
    is that second process when the caller started it on the first workbook already
    (`EarlySplits.open(path, grown=True)`, as the `paptools` program does), stopped once it is read.
    """
    paths = _flatten(versions)
    if not paths:
        raise UsageError(None, "give the current workbook, and the previous one or --since YYYY-MM")
    if since is None and len(paths) < 2 and not single_ok:
        raise UsageError(paths[0], "is only one version: give the previous version too, or --since YYYY-MM")
    _check_distinct(paths)
    if early is None and workers > 1:  # the first version's splitting child, before the reader is loaded
        from paptools.read.split_early import EarlySplits

        early = EarlySplits.open(Path(paths[0]), grown=True)
    from paptools.read.versions import Versions

    # A cell unchanged since the previous version is cleaned and split once.
    plans = Versions(style, workers, early).read_all(paths, progress)
    if order_by_date:
        from paptools.compare.figures import version_month
        from paptools.model import Month

        order = sorted(range(len(plans)), key=lambda i: (version_month(plans[i]) or Month(0, 1), paths[i].name))
        plans, paths = [plans[i] for i in order], [paths[i] for i in order]
    from paptools.compare.reconciliation import reconcile_plans

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
                           version=version_label(result.current), previous=previous)
    attachments = [staged[kind] for kind in ("report", "workbook") if kind in staged]
    write_draft(staged["pack"], draft_message(content, attachments, to=options.to, cc=options.cc))


def _write_report(result: Reconciliation, options: OutputOptions, path: Path,
                  findings: tuple[Finding, ...]) -> None:
    from paptools.content.report import ReportSettings, build_report

    settings = dict(options.report)
    template = settings.pop("template", None)
    report = build_report(result, ReportSettings(**settings, findings=findings))
    if template is None:
        from paptools.write.docx_package import write_docx

        write_docx(report, path)
    else:
        from paptools.write.docx_template import render_template

        render_template(report, template, path)


def clean(path: Path, *, output_dir: Path, force: bool = False, as_of: date | None = None,
          progress: Progress | None = None, notes: list[DataWarning] | None = None,
          style: PathLike | None = None) -> tuple[Plan, Path]:
    """Read one workbook and write its cleaned copy; returns the plan and the path written.

    What the writer reports (a cell continued on a second row) is added to `notes` when given.
    """
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


def inspect_workbook(path: PathLike, style: PathLike | None = None
                     ) -> tuple[Layout, Plan | None, NoActions | None]:
    """How a workbook is read: its detected layout, the plan read through it, and the refusal
    when no actions could be read (the layout is still worth showing then)."""
    from paptools.read.cells import open_book
    from paptools.read.detect_plan import detect_layout
    from paptools.read.plan import read_through
    from paptools.read.rows import Row
    from paptools.read.style import find_style

    house = find_style(Path(path), Path(style) if style else None)
    book = open_book(Path(path))
    try:
        seen: dict[str, list[Row]] = {}  # the rows detection streamed, read again without a second parse
        layout = detect_layout(book, house, seen)
        try:
            return layout, read_through(book, layout, None, house, seen), None
        except NoActions as error:
            return layout, None, error
    finally:
        book.close()


def write_style_file(workbook: PathLike, layout: Layout) -> Path:
    """The detected layout written as paptools.toml beside the workbook, never over an existing one."""
    from paptools.errors import OutputExists
    from paptools.read.style import STYLE_NAME, style_text

    target = Path(workbook).parent / STYLE_NAME
    if target.exists():
        raise OutputExists(target, "exists already: edit it, or move it away to write the detected layout")
    target.write_text(style_text(layout), encoding="utf-8")
    return target

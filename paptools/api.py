"""The library: what `import paptools` offers, and the jobs the CLI is built on.

`read_plan()` reads one version; `reconcile()` reads the versions and computes the changes
and figures; `history()` reads a folder of versions and works out how the plan moved;
`write_outputs()` writes the changes file, the Word report and the cleaned workbook into the
output folder (paptools/write_jobs.py, as `clean()`). The CLI calls these and prints; it reaches
into no other module for the work.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paptools.errors import NoActions, UsageError
from paptools.write_jobs import OUTPUT_KINDS as OUTPUT_KINDS  # the files a reconcile writes, and the jobs writing them
from paptools.write_jobs import OutputOptions as OutputOptions
from paptools.write_jobs import clean as clean
from paptools.write_jobs import lint_findings as lint_findings
from paptools.write_jobs import write_outputs as write_outputs

if TYPE_CHECKING:  # imported where used: `show` and `summary` need neither the diff nor the history; the
    # model and the reader are loaded once a read has begun (read_plan), after its second process starts
    from paptools.compare.figures import as_of_doubt as as_of_doubt  # a note when the as-of is only a save date
    from paptools.compare.figures import summarize as summarize  # part of the library: the figures of one plan
    from paptools.compare.history import History
    from paptools.compare.reconciliation import Reconciliation as Reconciliation  # what reconcile() returns
    from paptools.layout import Layout
    from paptools.model import DataWarning, Month, Plan
    from paptools.read.split_early import EarlySplits
    from paptools.read.versions import Progress  # what a long job tells the person waiting


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

"""The `paptools` command: parse options, call the library, print.

Every PapError becomes one line, `Error: <file>: <what to do>`, on stderr with its exit
code (1 for a problem with the data or files, 2 for a usage problem); an unexpected
failure says so in one line too. --debug shows the traceback instead.
"""
from __future__ import annotations

import atexit
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from paptools import __version__
from paptools.errors import DATA_PROBLEM, PapError

if TYPE_CHECKING:  # imported where used, so `paptools --help` starts quickly
    import warnings
    from datetime import date

    from paptools.compare.reconciliation import Reconciliation
    from paptools.model import DataWarning, Month, Plan
    from paptools.read.split_early import EarlySplits
    from paptools.write.progress import Progress

# Each command -> the module in paptools/cli that defines it (with `@main.command()`). A module is
# imported when one of its commands runs or is listed (`paptools --help`), so `paptools summary`
# and `paptools --version` do not build the options of every other command.
COMMANDS = {
    "check": "check", "explain": "check", "lint": "check",
    "clean": "reconcile", "reconcile": "reconcile",
    "history": "history",
    "inspect": "inspect",
    "pack": "pack",
    "report": "report", "template": "report",
    "show": "read", "summary": "read",
}


class _Group(click.Group):
    """Turns every failure into one line on stderr and a non-zero exit code.

    Warnings that libraries raise while a command runs are caught here (and the filters put
    back as they were): deprecations are for developers and dropped; any other becomes one
    `Note:` line after the command's output, never a library's multi-line message.
    Commands are loaded from their modules (COMMANDS) when first asked for.
    """

    # In a program run, what its command made (a plan, a JSON document), held until the process
    # ends at once (_end_now) rather than freed object by object as the command returns.
    kept: list[object] | None = None
    # In a program run, the child splitting the workbook a one-plan command names, started before
    # click was loaded (paptools/__main__.py), until that command's read takes it.
    early: tuple[Path, EarlySplits] | None = None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            import importlib

            # an unknown name loads them all, so click's "Did you mean" sees every command
            for module in [COMMANDS[cmd_name]] if cmd_name in COMMANDS else sorted(set(COMMANDS.values())):
                importlib.import_module(f"paptools.cli.{module}")
        return super().get_command(ctx, cmd_name)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        """Run the command line. Without `args` in standalone mode this is the program itself (the
        `paptools` script, `python -m paptools`), and the process ends when it returns or raises.

        Then, once every other exit hook has run, the process ends at once (_end_now), its output
        flushed: tearing down a read's millions of objects one by one frees nothing that ending
        does not (show --json of 500 actions: 0.96x wall). A run that ends in a traceback
        (--debug) exits as usual.
        """
        if args is None and standalone_mode:
            status: list[int] = []
            self.kept = []
            atexit.register(_end_now, status, self.kept)  # registered before the command runs, so run after its hooks
            try:
                return super().main(args, prog_name, complete_var, standalone_mode, **extra)
            except SystemExit as done:
                if done.code is None or isinstance(done.code, int):
                    status.append(done.code or 0)
                raise
        return super().main(args, prog_name, complete_var, standalone_mode, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        import warnings

        # A command is one short process whose records (two plans of 5,000 actions: over a million
        # objects) hold no reference cycles, so the collector's automatic full passes only rescan
        # them: reconcile of 5,000 actions takes 0.78x the CPU with them paused, at the same peak.
        # Paused here, for the command's run only, never by the library; what does make cycles is
        # collected where it is let go (write/workbook.py, after a large workbook).
        collecting = gc.isenabled()
        gc.disable()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("default")
                warnings.simplefilter("ignore", DeprecationWarning)
                warnings.simplefilter("ignore", PendingDeprecationWarning)
                result = self._invoke(ctx)
        finally:
            if collecting and self.kept is None:  # a program run ends at once, with nothing to collect
                gc.enable()
        _echo_library_notes(caught)
        return result

    def _invoke(self, ctx: click.Context) -> Any:
        given = list(ctx.args)  # the command's own arguments, before click hands them on
        try:
            return super().invoke(ctx)
        except click.NoSuchOption as error:
            word = next((a for a in given if a.startswith(error.option_name)), error.option_name)
            if "." in word or Path(word).exists():  # "-plan.xlsx": a file, not a mistyped option
                hint = f" If {word} is a file, put -- before it: paptools {ctx.invoked_subcommand} -- {word}"
                raise click.NoSuchOption(error.option_name, error.message + hint, error.possibilities,
                                         error.ctx) from None
            raise
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except PapError as error:
            if ctx.meta.get("paptools.debug"):
                raise
            echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            echo("Interrupted: nothing of this run was written; earlier outputs are unchanged.", err=True)
            ctx.exit(130)
        except Exception as error:  # a bug: still one line, and how to report it
            if ctx.meta.get("paptools.debug"):
                raise
            echo(
                f"Error: unexpected {type(error).__name__}: {error}. "
                "Run again with --debug and send the output to the paptools maintainers.",
                err=True,
            )
            ctx.exit(DATA_PROBLEM)


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """click.echo, with control characters from cells shown escaped (write/safe.py) so they cannot act
    on the terminal; the data itself is unchanged. Every command prints through this."""
    from paptools.write.safe import terminal_safe

    click.echo(terminal_safe(text), err=err, nl=nl)


def _echo_library_notes(caught: list[warnings.WarningMessage]) -> None:
    seen: set[str] = set()
    for warning in caught:
        line = " ".join(str(warning.message).split())
        if line and line not in seen:
            seen.add(line)
            echo(f"Note: {warning.category.__name__} from a library: {line}", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.version_option(version=__version__)  # not package_name: importlib.metadata doubles start-up
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Read a SEND Priority Action Plan workbook, reconcile two versions, and write the
    board report and a cleaned workbook.

    \b
    Example:
      paptools reconcile            (the example versions in ./workbooks)
      paptools summary plan.xlsx

    Set the NO_COLOR environment variable to turn colour off.
    """
    ctx.meta["paptools.debug"] = debug
    if os.environ.get("NO_COLOR"):  # set and not empty, as no-color.org defines it
        ctx.color = False


class _Progress:
    """The terminal progress line for a command, always cleared before anything else prints."""

    def __enter__(self) -> Progress:
        from paptools.write.progress import Progress

        self.progress = Progress()
        return self.progress

    def __exit__(self, *exc: object) -> None:
        self.progress.done()


def _end_now(status: list[int], kept: list[object]) -> None:
    """The program's last exit hook: its output flushed, the process ends with `status` without
    the interpreter's teardown. Nothing is left to do then: files are closed where written, a
    child process is reaped where it ends. With no status, or output that cannot be flushed (a
    closed pipe), the interpreter exits as usual and says what it says."""
    if not status:
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(status[-1])


_Kept = TypeVar("_Kept")


def keep(thing: _Kept) -> _Kept:
    """`thing`, held until the program ends (_Group.kept); from a call in Python, left as it is."""
    if main.kept is not None:
        main.kept.append(thing)
    return thing


def _read(path: Path, style: Path | None = None) -> Plan:
    """Read one workbook, showing progress on large ones."""
    from paptools.api import read_plan
    from paptools.write.safe import terminal_safe

    with _Progress() as progress:
        progress.stage(f"Reading {terminal_safe(path.name)}")
        return keep(read_plan(path, style=style, progress=progress.advance, workers=_cores(), early=_early_for(path)))


def _read_versions(paths: list[Path], *, named: bool, since: Month | None, as_of: date | None, progress: Progress,
                   style: Path | None, single_ok: bool = False) -> Reconciliation:
    """Read the versions a reconcile, report or pack names (`named`; else the example folder's,
    ordered by their dates) and reconcile the last two, the first split by the program's child."""
    from paptools.api import reconcile

    return reconcile(paths, since=since, as_of=as_of, progress=progress, single_ok=single_ok,
                     order_by_date=not named, style=style, workers=_cores(), early=_early_for(paths[0]))


def _early_for(path: Path) -> EarlySplits | None:
    """The child the program started on `path` (paptools/__main__.py), taken once; one started on another
    workbook is stopped."""
    early, main.early = main.early, None
    if early is None:
        return None
    if early[0].resolve() == path.resolve():
        return early[1]
    early[1].finish()
    return None


def _cores() -> int:
    """The processors this run may use: a read splits its Progress cells on two when it has them."""
    from paptools.forked import usable_cores

    return min(2, usable_cores())


def _echo_warnings(plan: Plan, as_json: bool) -> None:
    if not plan.warnings:
        return
    from paptools.content.words import counted
    from paptools.write.terminal import render_warnings

    if as_json:
        echo(f"{counted(len(plan.warnings), 'warning')} reading {plan.source}: see 'warnings' in the JSON.", err=True)
    else:
        echo(render_warnings(plan.warnings, plan.source), err=True, nl=False)


def _echo_json(document: Any) -> None:
    """Print the document as JSON. json_bytes escapes every C0 and C1 control and lone surrogate, so
    it is printed as it is, not through `echo` (whose scan would find nothing in megabytes of
    text): as UTF-8 bytes into a pipe or file (a large plan's 4.7 MB, never decoded and encoded
    again), as text on a terminal, whose encoding click knows."""
    from paptools.write.jsondoc import json_bytes

    data = json_bytes(document)
    keep(document)
    click.echo(data.decode("utf-8") if sys.stdout.isatty() else data)


def _width() -> int:
    import shutil

    return min(shutil.get_terminal_size((100, 24)).columns, 120) - 4


def _paths(workbooks: tuple[Path, ...]) -> list[Path]:
    from pathlib import Path

    from paptools.api import find_examples

    paths = list(workbooks)
    if not paths:
        folder = Path("workbooks")
        if not folder.is_dir():
            raise click.UsageError("give PREVIOUS.xlsx CURRENT.xlsx (no ./workbooks folder of example plans here)")
        paths = find_examples(folder)
    return paths


def _echo_notes(name: str, notes: list[DataWarning]) -> None:
    """What a writer reported about a file it wrote (also on that file's Warnings sheet)."""
    for note in notes:
        echo(f"Note on {name}: {note.line()}", err=True)


def _echo_run_warnings(result: Reconciliation, as_json: bool) -> None:
    from paptools.content.words import counted
    from paptools.write.terminal import render_warnings

    if as_json:
        total = len(result.warnings) + sum(len(p.warnings) for p in result.plans[-2:])
        if total:
            echo(f"{counted(total, 'warning')}: see 'warnings' in the JSON.", err=True)
        return
    if result.warnings:
        echo(render_warnings(result.warnings, "these versions"), err=True, nl=False)
    for plan in result.plans[-2:]:
        _echo_warnings(plan, False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

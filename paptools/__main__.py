"""The `paptools` program (its script and `python -m paptools`): the command line (paptools/cli), run.

A command that reads one plan splits its Progress cells on a second process (read/split_early.py),
as does one that reads the versions of a plan for its first version. The program starts that
process here, before click and the commands are loaded, so that loading them (about 30 ms of a
500-action plan's half second) is done while the child splits instead of before it: `show --json`
of 500 actions in 0.97x the wall time. The command line is still parsed by click alone: this only
looks for the workbook such a command reads first, and a wrong guess costs a child that is
stopped unasked. This module, not paptools.cli, is the program's start:
importing paptools.cli loads click.
"""
from __future__ import annotations

import gc
import os
import sys
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paptools.read.split_early import EarlySplits

# The commands that read one workbook with a second process (cli/app.py `_read`), those that read
# versions of a plan, the first named first (api.reconcile), and the options of theirs that take a
# value, which is then not a workbook.
_ONE_PLAN = frozenset({"show", "summary", "explain", "lint", "check"})
_VERSIONS = frozenset({"reconcile", "report", "pack"})
_VALUED = frozenset({"--as-of", "--style", "--ref", "--since", "--output-dir", "--to", "--cc", "--title", "--committee",
                     "--meeting-date", "--template", "--narrative"})
_EXCEL = frozenset({".xlsx", ".xlsm"})


def run() -> None:
    """Run the command line as a program."""
    # The program's collector is paused for the command's run (cli/app.py _Group.invoke): here
    # already, so that the child forked below runs without it too.
    gc.disable()
    early = _started(sys.argv[1:])
    from paptools.cli.app import main

    main.early = early  # taken by the command's read (cli/app.py _early_for)
    try:
        main()
    finally:  # a command that ended before its read (a usage error) leaves no child running
        if main.early is not None:
            main.early[1].finish()


def workbook_named(args: list[str]) -> str | None:
    """The one workbook a one-plan command line names, or the first a versions command line names;
    None for any other command line."""
    if args[:1] == ["--debug"]:
        args = args[1:]
    if not args or args[0] not in _ONE_PLAN | _VERSIONS:
        return None
    named = [arg for before, arg in pairwise(args) if before not in _VALUED and Path(arg).suffix.lower() in _EXCEL]
    return named[0] if len(named) == 1 or (named and args[0] in _VERSIONS) else None


def _started(args: list[str]) -> tuple[Path, EarlySplits] | None:
    """The child splitting the workbook named, started; None when there is none, on one core, or
    when the workbook holds too little text for a child to pay."""
    named = workbook_named(args)
    if named is None or not os.path.isfile(named):
        return None
    from paptools.forked import usable_cores
    from paptools.read.split_early import EarlySplits

    if usable_cores() < 2:
        return None
    path = Path(named)
    command = args[1] if args[0] == "--debug" else args[0]
    started = EarlySplits.open(path, grown=command in _VERSIONS)  # a first version is split to be read on from
    return (path, started) if started is not None else None


if __name__ == "__main__":
    run()

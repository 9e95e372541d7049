"""`paptools --help` and `--version` start quickly: they import none of the heavy libraries."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from paptools.cli import main

PROBE = """
import sys
sys.argv = ["paptools", sys.argv[1]]
from paptools.__main__ import run  # the program's own start
try:
    run()
except SystemExit:
    pass
heavy = {"openpyxl", "numpy", "pandas", "docx", "docxtpl", "xlsxwriter", "PIL", "lxml", "rapidfuzz", "matplotlib"}
print("HEAVY:", ",".join(sorted({name.split(".")[0] for name in sys.modules} & heavy)))
"""


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_start_up_imports_nothing_heavy(option: str) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, option], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "HEAVY: "


def test_version_is_the_package_version() -> None:
    result = CliRunner().invoke(main, ["--version"], prog_name="paptools")
    assert result.exit_code == 0
    assert result.output == "paptools, version 0.1.0\n"


LOADED = """
import sys
sys.argv = ["paptools", *sys.argv[1:]]
from paptools.__main__ import run
try:
    run()
except SystemExit:
    pass
print("LOADED:", ",".join(sorted(n for n in sys.modules if n.startswith("paptools.cli."))))
"""


@pytest.mark.parametrize(("args", "loaded"), [
    (["--version"], "paptools.cli.app"),
    (["summary", "--help"], "paptools.cli.app,paptools.cli.options,paptools.cli.read"),
    (["lint", "--help"], "paptools.cli.app,paptools.cli.check,paptools.cli.options"),
    (["--help"], "paptools.cli.app,paptools.cli.check,paptools.cli.history,paptools.cli.inspect,paptools.cli.options,"
                 "paptools.cli.pack,paptools.cli.read,paptools.cli.reconcile,paptools.cli.report"),
])
def test_a_command_module_is_loaded_only_when_one_of_its_commands_is_asked_for(args: list[str], loaded: str) -> None:
    done = subprocess.run([sys.executable, "-c", LOADED, *args], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == f"LOADED: {loaded}"


def test_the_command_table_names_every_command_its_module_registers() -> None:
    import importlib
    import pkgutil

    import paptools.cli
    from paptools.cli.app import COMMANDS

    for info in pkgutil.iter_modules(paptools.cli.__path__):
        importlib.import_module(f"paptools.cli.{info.name}")
    assert {name: command.callback.__module__ for name, command in main.commands.items()
            if command.callback is not None} == {name: f"paptools.cli.{module}" for name, module in COMMANDS.items()}
    assert len(COMMANDS) == 12


def test_a_mistyped_command_is_still_matched_against_every_command() -> None:
    # in a fresh process, where no command module is loaded yet
    done = subprocess.run([sys.executable, "-m", "paptools", "sumary", "plan.xlsx"], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "Error: No such command 'sumary'. Did you mean 'summary'?"

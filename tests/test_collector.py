"""The CLI pauses the garbage collector only while a command runs, and leaves it as it found it."""
from __future__ import annotations

import gc
from pathlib import Path

from click.testing import CliRunner
from conftest import example_path

from paptools.cli import main


def test_a_command_runs_with_the_collector_paused_and_restores_it(monkeypatch):
    import paptools.api

    during = []
    summarize = paptools.api.summarize
    monkeypatch.setattr(paptools.api, "summarize", lambda *a, **k: during.append(gc.isenabled()) or summarize(*a, **k))
    result = CliRunner().invoke(main, ["summary", str(example_path("2025-01")), "--as-of", "2025-01-31"])
    assert result.exit_code == 0, result.output
    assert during == [False]
    assert gc.isenabled()
    assert main.kept is None  # nothing held on to: only a program run keeps its plan until it ends


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        result = CliRunner().invoke(main, ["--version"], prog_name="paptools")
        assert result.exit_code == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_program_ends_with_its_output_whole_its_exit_code_and_the_hooks_of_its_run():
    """Run as the program (no arguments given to main), the process ends at once after the exit
    hooks registered while the command ran, its output flushed and its exit code kept."""
    import subprocess
    import sys

    probe = ("import atexit, sys\n"
             "import paptools.cli.read as read\n"
             "real = read._read\n"
             "def hooked(*args, **kwargs):  # a library registering an exit hook as the command runs\n"
             "    atexit.register(lambda: print('its hook ran'))\n"
             "    return real(*args, **kwargs)\n"
             "read._read = hooked\n"
             "sys.argv = ['paptools'] + sys.argv[1:]\n"
             "from paptools.cli import main\n"
             "main()\n")
    workbook = str(example_path("2025-01"))
    done = subprocess.run([sys.executable, "-c", probe, "summary", workbook, "--as-of", "2025-01-31"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Figures for oldham-send-pap-2025-01.xlsx (as of 31 January 2025)"
    assert lines[-1] == "its hook ran"  # after everything the command printed
    failed = subprocess.run([sys.executable, "-c", probe, "summary", str(Path(workbook).with_name("none.xlsx"))],
                            capture_output=True, text=True)
    assert failed.returncode == 1  # a problem with the files: the code the README gives
    assert failed.stderr == f"Error: {Path(workbook).with_name('none.xlsx')}: file not found: check the name and the folder\n"
    assert failed.stdout == "its hook ran\n"

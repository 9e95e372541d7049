"""The CLI pauses the garbage collector only while a command runs, and leaves it as it found it."""
from __future__ import annotations

import gc

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


def test_a_collector_switched_off_by_the_caller_stays_off():
    gc.disable()
    try:
        result = CliRunner().invoke(main, ["--version"], prog_name="paptools")
        assert result.exit_code == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_program_ends_with_the_collector_still_paused():
    """Run as the program (no arguments given to main), the process ends with the collector paused, so the
    interpreter does not collect every object still alive on its way out."""
    import subprocess
    import sys

    probe = ("import gc, sys\nsys.argv = ['paptools', '--version']\nfrom paptools.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    print(gc.isenabled())")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["paptools, version 0.1.0", "False"]

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


def test_the_program_ends_with_the_collector_paused_and_leaves_it_running_until_then():
    """Run as the program (no arguments given to main), the collector is paused by an exit hook, so the
    interpreter does not collect every object still alive on its way out; until then it is as it was."""
    import subprocess
    import sys

    probe = ("import atexit, gc, sys\n"
             "atexit.register(lambda: print('at exit:', gc.isenabled()))  # runs after main's own hook\n"
             "sys.argv = ['paptools', '--version']\nfrom paptools.cli import main\n"
             "for _ in range(2):\n"
             "    try:\n        main()\n    except SystemExit:\n        print('after:', gc.isenabled())")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["paptools, version 0.1.0", "after: True", "paptools, version 0.1.0",
                                        "after: True", "at exit: False"]

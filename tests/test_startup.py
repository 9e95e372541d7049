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
from paptools.cli import main
try:
    main()
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

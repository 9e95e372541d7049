"""The compiled reader: its sources used in its place once they change after the install compiled it."""
from __future__ import annotations

import os
import subprocess
import sys

from paptools.compiled import PACKAGE, stale_source

SO = ".cpython-311-x86_64-linux-gnu.so"


def _files(folder, *names_and_times):
    for name, mtime in names_and_times:
        (folder / name).write_text("")
        os.utime(folder / name, (mtime, mtime))


def test_a_source_newer_than_its_compiled_module_is_found(tmp_path):
    _files(tmp_path, ("entries.py", 2_000), ("entries" + SO, 1_000), ("dates.py", 1_000), ("dates" + SO, 2_000))
    assert stale_source((tmp_path,)) == tmp_path / "entries.py"


def test_sources_older_than_their_compiled_modules_and_sources_alone_are_not_stale(tmp_path):
    _files(tmp_path, ("entries.py", 1_000), ("entries" + SO, 2_000), ("report.py", 9_000), ("__init__.py", 9_000))
    assert stale_source((tmp_path,)) is None
    assert stale_source((tmp_path / "missing",)) is None


def test_the_sources_are_imported_when_asked_and_other_packages_as_before():
    code = ("from paptools.compiled import use_sources; use_sources(); "
            "import paptools.read.entries as e, lxml.etree as x; print(e.__file__); print(x.__file__)")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert shown[0] == str(PACKAGE / "read" / "entries.py")
    assert not shown[1].endswith(".py")  # lxml's compiled etree, found as before

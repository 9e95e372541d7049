"""paptools imported as plain Python, beside its compiled reader: for the checks that need both.

An install compiles the reader with mypyc (setup.py). The simple path (simple_path.py) replaces
functions inside the reader, which compiled code calls directly, and .ci/run runs the tests a
second time as the reader runs where it cannot be compiled (no C compiler): both want the
sources, imported as paptools does itself when they changed after the install
(paptools/compiled.py). Call it before any module of the reader is imported.
"""
from __future__ import annotations

import sys

from paptools.compiled import is_compiled, use_sources

__all__ = ["is_compiled", "use_plain_python"]


def use_plain_python() -> None:
    """Import paptools' reader from its source files from now on (in this process)."""
    if any(name.startswith(("paptools.read", "paptools.layout")) for name in sys.modules):
        raise RuntimeError("the reader was imported already: call use_plain_python() first")
    use_sources()

"""paptools imported as plain Python, beside its compiled reader: for the checks that need both.

An install compiles the reader with mypyc (setup.py), and Python prefers a compiled module to its
source in the same folder. The simple path (simple_path.py) replaces functions inside the reader,
which compiled code calls directly, and the tests run a second time as the reader runs where it
cannot be compiled (Windows without a C compiler): both want the source. This makes Python find
paptools' modules by their .py files only (importlib.machinery.FileFinder with the source loader),
leaving every other package as it is. Call it before paptools is imported.
"""
from __future__ import annotations

import sys
from importlib.machinery import SOURCE_SUFFIXES, FileFinder, SourceFileLoader
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "paptools"


def use_plain_python() -> None:
    """Import paptools from its source files from now on (in this process)."""
    if any(name == "paptools" or name.startswith("paptools.") for name in sys.modules):
        raise RuntimeError("paptools was imported already: call use_plain_python() first")
    source_only = FileFinder.path_hook((SourceFileLoader, SOURCE_SUFFIXES))

    def hook(path: str) -> FileFinder:
        if not Path(path).resolve().is_relative_to(PACKAGE):
            raise ImportError  # not paptools: the next hook finds it as before
        return source_only(path)

    sys.path_hooks.insert(0, hook)
    sys.path_importer_cache.clear()
    sys.path.insert(0, str(PACKAGE.parent))  # the package itself, found before an installed copy


def is_compiled() -> bool:
    """Whether the paptools imported is the compiled reader (a module of it loaded from a C extension)."""
    import paptools.read.entries as entries

    return not (entries.__file__ or "").endswith(".py")

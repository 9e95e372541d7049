"""The compiled reader, and its sources used in its place when they changed after it was compiled.

An install compiles paptools/read and layout.py with mypyc (setup.py), and Python imports a
compiled module rather than the source beside it. In an editable install (the README's), a
`git pull` or an edit changes the sources and not the compiled files, which would go on running
the code from before without a word. So `import paptools` compares the two: when a source is
newer than its compiled file, every paptools module is imported from its source instead (the
same results, at plain Python's speed) and a warning says to install again. This module is never
compiled itself.
"""
from __future__ import annotations

import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, SOURCE_SUFFIXES, FileFinder, SourceFileLoader
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importlib.abc loads importlib.resources, tempfile and random: 8 ms of every start
    from importlib.abc import PathEntryFinder

__all__ = ["PACKAGE", "is_compiled", "stale_source", "use_sources"]

PACKAGE = Path(__file__).resolve().parent
_FOLDERS = (PACKAGE, PACKAGE / "read")  # where setup.py compiles


def stale_source(folders: tuple[Path, ...] = _FOLDERS) -> Path | None:
    """A compiled module's source that is newer than its compiled file, or None."""
    for folder in folders:
        try:
            found = list(os.scandir(folder))
        except OSError:
            continue
        sources = {entry.name[:-3]: entry for entry in found if entry.name.endswith(".py")}
        for entry in found:
            suffix = next((s for s in EXTENSION_SUFFIXES if entry.name.endswith(s)), None)
            source = sources.get(entry.name[: -len(suffix)]) if suffix else None
            if source is not None and source.stat().st_mtime > entry.stat().st_mtime:
                return Path(source.path)
    return None


def use_sources() -> None:
    """Import paptools' modules from their .py files from now on, every other package as before.
    Only before a compiled module is imported: one already loaded stays as it is."""
    source_only = FileFinder.path_hook((SourceFileLoader, SOURCE_SUFFIXES))

    def hook(path: str) -> PathEntryFinder:
        if not Path(path).resolve().is_relative_to(PACKAGE):
            raise ImportError  # not paptools': the next hook finds it as before
        return source_only(path)

    sys.path_hooks.insert(0, hook)
    sys.path_importer_cache.clear()


def is_compiled() -> bool:
    """Whether the reader in use is the compiled one (its modules loaded from C extensions)."""
    import paptools.read.entries as entries

    return not (entries.__file__ or "").endswith(".py")

"""The reader compiled to C by mypyc where it can be: the same code, about a sixth less time a plan.

Everything else about the package is in pyproject.toml. The modules of paptools/read, and the
layout they find, are compiled with mypyc (a part of mypy, which builds C extensions from the
type-annotated code as it stands: no second language). Where they cannot be (no C compiler, as
on most Windows machines, or PAPTOOLS_COMPILE=0 set while working on the code), paptools installs
as plain Python, reads every plan the same, only more slowly. See ARCHITECTURE.md, "Compiled".
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
# Compiled: the reader and the layout it finds, but for three modules mypyc's classes cannot hold:
# styles.py (its Percent is a float subclass), action_row.py (walk.py's Walker takes both its
# ActionRows and context.py's ContextRows as bases, and a compiled class has one compiled base) and
# continued.py (its Pending names RawAction, which it may not import: a compiled class looks up its
# fields' types when it is made).
# The rest of paptools runs a few times a plan, not a few times a cell.
SKIPPED = {"paptools/read/__init__.py", "paptools/read/styles.py", "paptools/read/action_row.py",
           "paptools/read/continued.py"}


def compiled_modules() -> list[str]:
    read = sorted(p.relative_to(HERE).as_posix() for p in (HERE / "paptools" / "read").glob("*.py"))
    return [p for p in read if p not in SKIPPED] + ["paptools/layout.py"]


class OptionalBuildExt(build_ext):
    """build_ext that falls back to plain Python when the C build fails, rather than failing the install,
    and compiles the C files on every core."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # any failure of the C build leaves plain Python, which works
            # All or nothing: a module's compiled stub left without the shared library it loads would not import.
            for ext in self.extensions:
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            _fall_back(error)


def _fall_back(error: BaseException) -> None:
    print(f"paptools: the reader is not compiled ({error}); installing it as plain Python, which reads "
          "every plan the same, more slowly", file=sys.stderr)


def extensions() -> list[object]:
    if os.environ.get("PAPTOOLS_COMPILE", "1") == "0":
        return []
    try:
        from mypyc.build import mypycify

        return list(mypycify(compiled_modules(), group_name="paptools", opt_level="3", multi_file=True))
    except (Exception, SystemExit) as error:  # mypyc missing, or refusing (it exits): plain Python
        _fall_back(error)
        return []


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})

"""Writing outputs safely: to a temporary file renamed into place, never over an input.

A crash or Ctrl-C while a report is being written leaves no half-written file, only the
previous one (if any). An existing output is kept: the new one gets a free name such as
"plan-report-2.docx", unless --force says to replace it.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from paptools.errors import OutputExists, PapError


def output_path(directory: Path, name: str, *, force: bool, inputs: list[Path] = ()) -> Path:
    """Where to write `name`: in `directory`, under a free name unless forced."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PapError(directory, f"cannot create the output folder ({error.strerror}): choose another with --output-dir") from None
    if not os.access(directory, os.W_OK):
        raise PapError(directory, "cannot write to the output folder: choose another with --output-dir")
    path = directory / name
    protected = {p.resolve() for p in inputs}
    if not force or path.resolve() in protected:
        stem, suffix, n = path.stem, path.suffix, 2
        while path.exists() or path.resolve() in protected:
            path = directory / f"{stem}-{n}{suffix}"
            n += 1
    if path.resolve() in protected:  # pragma: no cover - guarded above
        raise OutputExists(path, "is an input workbook and is never overwritten")
    return path


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`; renamed onto it only if the writing finished."""
    temporary = path.with_name(f".{path.stem}.partial-{os.getpid()}{path.suffix}")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()

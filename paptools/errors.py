"""The few fatal problems, each carrying the file and what the user should do.

The CLI prints `Error: <message>` on one line and exits with `exit_code`; nothing else
in the package prints or exits.
"""
from __future__ import annotations

from pathlib import Path

DATA_PROBLEM = 1  # the input cannot be read, or an output cannot be written
USAGE_PROBLEM = 2  # the command was given wrong arguments (click uses 2 as well)


class PapError(Exception):
    """A problem the user can fix; the message names the file and the fix."""

    exit_code = DATA_PROBLEM

    def __init__(self, path: str | Path | None, message: str):
        self.path = Path(path) if path is not None else None
        self.detail = message
        super().__init__(f"{self.path}: {message}" if self.path is not None else message)

    def __reduce__(self) -> tuple[type[PapError], tuple[Path | None, str]]:  # raised in a worker process, re-raised here whole
        return (type(self), (self.path, self.detail))


class NotAWorkbook(PapError):
    """Missing, a folder, not an .xlsx, corrupt, encrypted, legacy .xls, a lock file."""


class UnsafeWorkbook(PapError):
    """Refused before loading: a zip bomb or a cell too large to be plan text."""


class NoActions(PapError):
    """Readable, but no header row with a Ref column, or no Progress column."""


class UsageError(PapError):
    """Arguments that cannot work together, such as the same file twice."""

    exit_code = USAGE_PROBLEM


class OutputExists(PapError):
    """An output would overwrite a file: pass --force or choose another folder."""

"""Writing outputs safely: a run's files appear all together or not at all, never over an input.

All the files of one run are written into a hidden folder inside the output folder (so on the
same file system) and moved into place only when every one of them is finished. If anything
fails, a full disk or Ctrl-C included, nothing of the run is left and earlier outputs are as
they were. A lock file in the output folder stops a second run writing there at the same time.
An existing output is kept: the new one gets a free name such as "plan-report-2.docx", unless
--force says to replace it.
"""
from __future__ import annotations

import errno
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from paptools.errors import OutputExists, PapError

LOCK_NAME = ".paptools.lock"


class OutputBusy(PapError):
    """Another paptools run is writing into the same output folder."""


def output_path(directory: Path, name: str, *, force: bool, inputs: Sequence[Path] = (),
                taken: Sequence[Path] = ()) -> Path:
    """Where to write `name`: in `directory`, under a free name unless forced."""
    _prepare(directory)
    path = directory / name
    protected = {p.resolve() for p in inputs} | {p.resolve() for p in taken}
    if not force or path.resolve() in protected:
        stem, suffix, n = path.stem, path.suffix, 2
        while path.exists() or path.resolve() in protected:
            path = directory / f"{stem}-{n}{suffix}"
            n += 1
    if path.resolve() in protected:  # pragma: no cover - guarded above
        raise OutputExists(path, "is an input workbook and is never overwritten")
    return path


def _prepare(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PapError(directory, f"cannot create the output folder ({error.strerror}): "
                                  "choose another with --output-dir") from None
    if not os.access(directory, os.W_OK):
        raise PapError(directory, "cannot write to the output folder: choose another with --output-dir")


class OutputSet:
    """The outputs of one run: `add(name)` gives a path to write; leaving the block places them all.

    ```
    with OutputSet(folder, force=False, inputs=[workbook]) as outputs:
        write_report(outputs.add("plan-report.docx"), ...)
    outputs.placed  # {staged path: final path}
    ```
    """

    def __init__(self, directory: Path, *, force: bool = False, inputs: Sequence[Path] = ()) -> None:
        self.directory = Path(directory)
        self.force = force
        self.inputs = [Path(p) for p in inputs]
        self.placed: dict[Path, Path] = {}
        self._staged: dict[Path, Path] = {}  # staged path -> final path
        self._lock: Path | None = None
        self._staging: Path | None = None

    def __enter__(self) -> OutputSet:
        _prepare(self.directory)
        self._lock = _take_lock(self.directory)
        try:
            self._staging = Path(tempfile.mkdtemp(prefix=".paptools-run-", dir=self.directory))
        except OSError as error:
            self._release()
            raise _write_error(self.directory, error) from None
        return self

    def add(self, name: str) -> Path:
        """The path to write output `name` to now; it is moved to its final place at the end."""
        assert self._staging is not None, "use OutputSet in a with block"
        final = output_path(self.directory, name, force=self.force, inputs=self.inputs,
                            taken=list(self._staged.values()))
        staged = self._staging / final.name
        self._staged[staged] = final
        return staged

    def final(self, staged: Path) -> Path:
        """Where a staged file goes (or went)."""
        return self._staged[staged]

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            if kind is None:
                self._commit()
        except OSError as failure:
            raise _write_error(self.directory, failure) from None
        finally:
            self._release()
        if isinstance(error, OSError) and not isinstance(error, PapError):
            raise _write_error(self.directory, error) from None

    def _commit(self) -> None:
        """Move every staged file into place; if one move fails, undo the others."""
        assert self._staging is not None
        missing = [staged for staged in self._staged if not staged.exists()]
        if missing:
            raise PapError(self.directory, f"the output {missing[0].name} was not written; nothing of this run "
                                           "was kept: run again with --debug and send the output to the maintainers")
        backups = self._staging / ".replaced"
        done: list[tuple[Path, Path, Path | None]] = []
        try:
            for staged, final in self._staged.items():
                backup = None
                if final.exists():  # only with --force: kept until every file is in place
                    backups.mkdir(exist_ok=True)
                    backup = backups / final.name
                    os.replace(final, backup)
                done.append((staged, final, backup))
                os.replace(staged, final)
        except BaseException:
            for staged, final, backup in reversed(done):
                if final.exists() and not staged.exists():
                    os.replace(final, staged)
                if backup is not None and backup.exists():
                    os.replace(backup, final)
            raise
        self.placed = dict(self._staged)

    def _release(self) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None
        if self._lock is not None:
            self._lock.unlink(missing_ok=True)
            self._lock = None


def _take_lock(directory: Path) -> Path:
    """Create the folder's lock file, or fail naming the run that holds it (a dead run's lock is taken over)."""
    lock = directory / LOCK_NAME
    owner = f"{os.getpid()} {socket.gethostname()}"
    for _ in range(2):
        try:
            handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if _stale(lock):
                lock.unlink(missing_ok=True)
                continue
            raise OutputBusy(directory, f"another paptools run is writing to this folder (its lock file is "
                                        f"{LOCK_NAME}): wait for it to finish, or choose another --output-dir; "
                                        "if no run is going, delete that file") from None
        except OSError as error:
            raise _write_error(directory, error) from None
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(owner)
        return lock
    raise OutputBusy(directory, f"could not take the lock file {LOCK_NAME}: try again")


def _stale(lock: Path) -> bool:
    """A lock left by a run on this machine that has ended (killed, or the machine restarted)."""
    try:
        pid_text, _, host = lock.read_text(encoding="utf-8").partition(" ")
        pid = int(pid_text)
    except (OSError, ValueError):
        return False
    if host != socket.gethostname() or os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _write_error(directory: Path, error: OSError) -> PapError:
    """One line for a failure while writing: what happened, and that nothing of the run was kept."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "the disk is full"
        fix = "free some space or choose another --output-dir"
    else:
        what = f"writing failed ({error.strerror or error or type(error).__name__})"
        fix = "check the folder, or choose another --output-dir"
    return PapError(directory, f"{what}: {fix}; nothing of this run was written, earlier outputs are unchanged")


@contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed onto it only if the writing finished (one file alone)."""
    temporary = path.with_name(f".{path.stem}.partial-{os.getpid()}{path.suffix}")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()

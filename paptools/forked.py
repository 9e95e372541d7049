"""Work done in a forked child process while this one goes on: one command on two cores.

For work that is large, independent of what this process does meanwhile, and whose answer is
small: the Progress cells' splits (read/split_ahead.py), the cleaned workbook written beside
the Word report (api.write_outputs). The child is a fork, so nothing is sent to it; it sends
back its answer, pickled, or what it raised, and leaves without the parent's exit work. A
`Feed` child sends its answers one by one instead, each taken as soon as it has arrived and
never waited for: work the parent may just as well do itself when an answer is not there yet.

Only where os.fork exists, and only when a caller asks (the CLI does on two cores or more; a
library call does not unless told): forking a process that runs threads is unsafe.
"""
from __future__ import annotations

import fcntl
import os
import pickle
import signal
from collections.abc import Callable
from contextlib import suppress
from typing import Any, Generic, TypeVar

__all__ = ["ChildFailed", "Feed", "Forked", "can_fork", "usable_cores"]

T = TypeVar("T")


class ChildFailed(RuntimeError):
    """The child ended without an answer, or with one that could not be sent back."""


def can_fork() -> bool:
    return hasattr(os, "fork")


def usable_cores() -> int:
    """How many processors this process may run on (its affinity, where the system tells it)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class _Child:
    """A forked child and the pipe it answers on: made, stopped and reaped here, once."""

    _child, _reader = 0, -1  # none yet: a child that could not be made leaves nothing to release

    def __init__(self, run: Callable[[int, int], None]) -> None:
        """Fork a child that does run(reader, writer) and never returns; this process keeps the reader."""
        reader, writer = os.pipe()
        try:
            child = os.fork()
        except OSError:  # no process to be had: the pipe goes too
            os.close(reader)
            os.close(writer)
            raise
        if child == 0:  # pragma: no cover - the child's work is checked by what the parent receives
            run(reader, writer)
        os.close(writer)
        self._child, self._reader = child, reader

    @classmethod
    def _started(cls: type[_C], *args: Any) -> _C | None:
        """cls(*args); None when no child can be made (no os.fork, as on Windows; too many
        processes; no memory to spare): the caller then does the work itself."""
        if not can_fork():
            return None
        try:
            return cls(*args)
        except OSError:
            return None

    def cancel(self) -> None:
        """The child stopped and reaped, whatever it is doing; its answer is not wanted."""
        if self._child:
            with suppress(ProcessLookupError):
                os.kill(self._child, signal.SIGKILL)
        self._release()

    def _release(self) -> None:
        """The pipe closed and the child reaped, once."""
        reader, self._reader = self._reader, -1
        child, self._child = self._child, 0
        if reader >= 0:
            os.close(reader)
        if child:
            with suppress(ChildProcessError):  # reaped already
                os.waitpid(child, 0)


_C = TypeVar("_C", bound=_Child)


class Forked(_Child, Generic[T]):
    """`work()` started in a forked child; `result()` waits for its answer (or raises what it raised)."""

    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__(lambda reader, writer: _run(work, reader, writer))

    @classmethod
    def start(cls, work: Callable[[], T]) -> Forked[T] | None:
        """`work()` in a forked child; None when no child can be made."""
        return cls._started(work)

    def result(self) -> T:
        reader, self._reader = self._reader, -1
        with os.fdopen(reader, "rb") as pipe:
            sent = pipe.read()
        child, self._child = self._child, 0
        os.waitpid(child, 0)
        try:
            done, answer = pickle.loads(sent)
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError):
            raise ChildFailed("the second process ended without an answer") from None
        if done:
            return answer  # type: ignore[no-any-return]
        raise answer

    def __del__(self) -> None:
        """A child never asked for (its caller stopped on an error) is not left behind as a zombie:
        its pipe closed, its answer cannot be sent and it leaves."""
        self._release()


class Feed(_Child, Generic[T]):
    """`produce(send)` run in a forked child, every item it sends taken here with `take()`
    as soon as it has arrived, without waiting; `cancel()` ends the child, whatever it is doing.

    A child that fails, or is slow, only sends less: the caller does itself what it did not get.
    """

    def __init__(self, produce: Callable[[Callable[[T], None]], None]) -> None:
        super().__init__(lambda reader, writer: _feed(produce, reader, writer))
        with suppress(AttributeError, OSError):  # room for a megabyte of answers, on Linux: the child seldom waits
            fcntl.fcntl(self._reader, fcntl.F_SETPIPE_SZ, 1 << 20)
        os.set_blocking(self._reader, False)
        self._pending = b""

    @classmethod
    def start(cls, produce: Callable[[Callable[[T], None]], None]) -> Feed[T] | None:
        """`produce(send)` in a forked child; None when no child can be made."""
        return cls._started(produce)

    def take(self) -> list[T]:
        """The items that have arrived since the last take (none once cancelled)."""
        if self._reader < 0:
            return []
        chunks = [self._pending]
        while True:
            try:
                chunk = os.read(self._reader, 1 << 20)
            except BlockingIOError:
                break
            if not chunk:  # the child has finished and its pipe is empty
                break
            chunks.append(chunk)
        data, items, at = b"".join(chunks), [], 0
        while at + 4 <= len(data):
            size = int.from_bytes(data[at:at + 4], "little")
            if at + 4 + size > len(data):
                break
            items.append(pickle.loads(data[at + 4:at + 4 + size]))
            at += 4 + size
        self._pending = data[at:]
        return items

    def __del__(self) -> None:
        """A child still sending is not left behind: it may be long at work before its next send."""
        self.cancel()


def _feed(produce: Callable[[Callable[[T], None]], None], reader: int, writer: int) -> None:
    """In a Feed's child: each item sent as it is made, framed by its length; os._exit at the end."""
    try:
        os.close(reader)

        def send(item: T) -> None:
            data = pickle.dumps(item, pickle.HIGHEST_PROTOCOL)
            view = memoryview(len(data).to_bytes(4, "little") + data)
            while view:
                view = view[os.write(writer, view):]
        produce(send)
    finally:  # a parent that stopped reading (a closed pipe), or anything else: the child just ends
        os._exit(0)


def _run(work: Callable[[], object], reader: int, writer: int) -> None:
    """In the child: do the work and send back what came of it; os._exit, whatever happens."""
    code = 1
    try:
        os.close(reader)
        try:
            answer: tuple[bool, object] = (True, work())
        except BaseException as error:  # sent back, to be raised in the parent
            answer = (False, error)
        try:
            data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # an answer pickle cannot carry
            data = pickle.dumps((False, ChildFailed(f"the second process's answer could not be sent: {error}")))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)

"""Large plans: using more than one core, and sparing the garbage collector.

Reading two versions and writing the report beside the cleaned workbook are independent
jobs. For small plans a second process costs more than it saves, so below PARALLEL_BYTES
everything runs in order, as it always does where processes cannot be forked.

Reading, diffing and writing create millions of small, long-lived objects and no garbage
cycles worth collecting, so the cyclic collector is paused while they run: it would only
rescan live data (about a seventh of the time of reading a large plan).
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

PARALLEL_BYTES = 2_000_000  # about 2,500 actions: below this one process is quicker


def cores() -> int:
    return os.cpu_count() or 1


def map_in_processes(function: Callable, items: list, sizes: list[int], local: Callable | None = None) -> list:
    """function(item) for each item; in worker processes when the items are large enough.

    The last item is done here meanwhile, so one worker fewer is needed. `local` (say, the
    same job reporting its progress) does the items done in this process.
    """
    local = local or function
    if len(items) < 2 or cores() < 2 or sum(sizes) < PARALLEL_BYTES:
        return [local(item) for item in items]
    context = _context()
    with ProcessPoolExecutor(max_workers=min(len(items) - 1, cores() - 1), mp_context=context) as pool:
        futures = [pool.submit(function, item) for item in items[:-1]]
        last = local(items[-1])
        return [future.result() for future in futures] + [last]


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class Background:
    """A job run in a forked child while this process does other work; its error comes back.

    Forking shares the data the job needs without copying it through a pipe, so it is used
    only where the system forks (Linux); elsewhere the job simply runs when asked.
    """

    def __init__(self, job: Callable[[], None], large: bool):
        self.job = job
        self.process = None
        if large and cores() > 1 and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self.receiver, sender = context.Pipe(duplex=False)
            self.process = context.Process(target=_run_and_report, args=(job, sender), daemon=True)
            self.process.start()
            sender.close()

    def wait(self) -> None:
        """Run the job now if it was not started; else wait, and raise what it raised."""
        if self.process is None:
            self.job()
            return
        try:
            error = self.receiver.recv()
        except EOFError:  # the child ended without a word: its exit code tells
            error = None
        self.process.join()
        if error is not None:
            raise error
        if self.process.exitcode != 0:
            raise RuntimeError(f"a worker process stopped unexpectedly (exit code {self.process.exitcode})")


def _run_and_report(job: Callable[[], None], sender) -> None:
    try:
        job()
        sender.send(None)
    except BaseException as error:  # sent back whole, so the user sees the real message
        try:
            sender.send(error)
        except Exception:
            sender.send(RuntimeError(f"{type(error).__name__}: {error}"))
    finally:
        sender.close()


def sizes_of(paths: list[Path]) -> list[int]:
    return [Path(p).stat().st_size if Path(p).exists() else 0 for p in paths]


@contextmanager
def collector_paused():
    """Pause the cyclic garbage collector for a heavy step; restore it as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

"""The terminal's progress line for a long run: a module of its own, loaded before the work
begins, so it loads nothing of the plan."""
from __future__ import annotations

from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """What a long run is doing, on stderr: silent for the first second, so quick runs stay quiet.

    On a terminal it redraws one line with a bar; elsewhere (a log, a pipe) it prints each stage
    once, as plain text.
    """

    DELAY = 1.0  # seconds before a terminal shows anything
    LOG_DELAY = 5.0  # a log or pipe only needs to hear about really long runs
    WIDTH = 30

    def __init__(self, stream: TextIO | None = None) -> None:
        import sys
        import time

        self.stream = stream or sys.stderr
        self.clock = time.monotonic
        self.started = self.clock()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.label = ""
        self.shown = False
        self.printed: set[str] = set()

    def stage(self, label: str) -> None:
        self.label = label
        self._show(None)

    def advance(self, done: int, total: int) -> None:
        self._show(done / total if total else None)

    def _show(self, fraction: float | None) -> None:
        if self.clock() - self.started < (self.DELAY if self.tty else self.LOG_DELAY) or not self.label:
            return
        if not self.tty:
            if self.label not in self.printed:
                self.printed.add(self.label)
                self.stream.write(f"{self.label}...\n")
                self.stream.flush()
            return
        if fraction is None:
            line = f"{self.label}..."
        else:
            fraction = min(max(fraction, 0.0), 1.0)
            filled = int(self.WIDTH * fraction)
            line = f"{self.label} [{'#' * filled}{'-' * (self.WIDTH - filled)}] {fraction:4.0%}"
        self.stream.write("\r\x1b[2K" + line)
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False

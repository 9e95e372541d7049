"""Whole-process measurements: wall time, CPU time and peak memory of a command, A against B.

Each command runs as its own process; the kernel's own accounting of the finished child
(`os.wait4`) gives its user and system CPU time and its peak resident set. The commands
compared are run in turn, A B A B ..., after a warm-up of each, and every ratio is taken
round by round, so a comparison holds when a shared machine's speed drifts from one minute
to the next.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    """One finished run of a command."""

    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mb: float  # the process's maximum resident set, MiB
    exit_code: int


@dataclass
class Series:
    """The runs of one command."""

    command: Sequence[str]
    samples: list[Sample] = field(default_factory=list)

    def median(self, figure: str) -> float:
        return statistics.median(getattr(sample, figure) for sample in self.samples)

    def peak(self) -> float:
        return max(sample.peak_mb for sample in self.samples)

    def failures(self) -> list[int]:
        return [sample.exit_code for sample in self.samples if sample.exit_code != 0]


def ratio(a: Series, b: Series, figure: str = "wall") -> tuple[float, float, float]:
    """A/B run by run (runs of one round pair up): median, min and max."""
    ratios = [getattr(x, figure) / getattr(y, figure) for x, y in zip(a.samples, b.samples)]
    return statistics.median(ratios), min(ratios), max(ratios)


# The command is started by a small timer process of its own (no site, nothing imported), not
# forked from this one: a forked child's peak resident set counts the parent's pages it copied,
# so every command would seem to use as much memory as this benchmark holds.
TIMER = """
import os, sys, time
began = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    try:
        os.execv(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - began
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
"""


def run(command: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Sample:
    """Run a command to the end, its output thrown away; the kernel's figures for it."""
    program = shutil.which(command[0]) or command[0]
    done = subprocess.run([sys.executable, "-I", "-S", "-c", TIMER, program, *command[1:]], capture_output=True,
                          text=True, env=env, cwd=cwd, check=True)
    wall, cpu, peak, code = done.stdout.split()
    return Sample(float(wall), float(cpu), float(peak), int(code))


def interleave(commands: Sequence[Sequence[str]], runs: int, env: dict[str, str] | None = None,
               cwd: Path | None = None, warmup: int = 1) -> list[Series]:
    """Every command once per round, in turn, for `runs` rounds after `warmup` uncounted ones."""
    series = [Series(command) for command in commands]
    for round_number in range(warmup + runs):
        for one in series:
            sample = run(one.command, env, cwd)
            if round_number >= warmup:
                one.samples.append(sample)
    return series


def load() -> str:
    """How busy the machine is: load averages over 1, 5 and 15 minutes, against its cores."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"

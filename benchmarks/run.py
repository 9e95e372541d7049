"""Issue 18's speed targets, each against its baseline measured in the same run.

    .venv/bin/python benchmarks/run.py             # 52, 200, 500, 5,000 and 20,000 actions, 5 runs
                                                   # (15 up to 500 actions, 10 for start-up)
    .venv/bin/python benchmarks/run.py --quick     # 52 and 500 actions, 3 runs: for iterating

Every figure is a whole process (start-up included), timed by the kernel's own accounting of
the finished child; the commands compared run in turn, A B A B ..., after a warm-up, and each
ratio is the median of the round-by-round ratios, so the machine's drift cancels out. Prints
each target, its baseline, the ratio, PASS or FAIL, and how busy the machine was; exits 1 if a
target or a correctness check failed. Before timing anything it checks that the reader found
every generated action and that the fast paths give byte for byte the JSON of the simple one
(simple_path.py: the same command with every cache of the library taken out).
"""
from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import action_counts, generate  # noqa: E402
from measure import Series, interleave, load, ratio  # noqa: E402

PYTHON = sys.executable
SCRIPT = Path(PYTHON).parent / "paptools"
PAPTOOLS = [str(SCRIPT)] if SCRIPT.exists() else [PYTHON, "-m", "paptools"]
AS_OF = "2025-07-31"
LOAD = "import sys, openpyxl\nfor p in sys.argv[1:]:\n    openpyxl.load_workbook(p).close()"
# Children run as an installed tool does, with compiled bytecode.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
SIMPLE = [PYTHON, str(HERE / "simple_path.py")]


@dataclass(frozen=True)
class Verdict:
    """One target: what was measured, against what, and whether it held."""

    name: str
    measured: str
    baseline: str
    value: float
    limit: float
    spread: tuple[float, float] | None = None

    @property
    def held(self) -> bool:
        return self.value <= self.limit

    def line(self) -> str:
        spread = f" ({self.spread[0]:.2f}-{self.spread[1]:.2f})" if self.spread else ""
        return (f"  {'PASS' if self.held else 'FAIL'}  {self.name:<44} {self.value:5.2f}x{spread:<13} <= {self.limit}x"
                f"   {self.measured}  vs  {self.baseline}")


def seconds(series: Series) -> str:
    return f"{series.median('wall'):.2f} s wall, {series.median('cpu'):.2f} s cpu, {series.peak():.0f} MiB"


def timed(name: str, a: Series, b: Series, limit: float) -> Verdict:
    value, low, high = ratio(a, b, "wall")
    return Verdict(name, seconds(a), seconds(b), value, limit, (low, high))


def reconcile(first: Path, second: Path, folder: str) -> list[str]:
    return [*PAPTOOLS, "reconcile", str(first), str(second), "--output-dir", folder, "--force", "--as-of", AS_OF]


def loads(*paths: Path) -> list[str]:
    return [PYTHON, "-c", LOAD, *map(str, paths)]


def output(command: Sequence[str], simple: bool = False) -> bytes:
    """What a paptools command prints; `simple`: run with the library's caches taken out."""
    if simple:
        command = [*SIMPLE, *command[len(PAPTOOLS):]]
    done = subprocess.run(list(command), capture_output=True, env=ENV, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return done.stdout


def check(size: int, first: Path, second: Path) -> list[str]:
    """Every action read, and the fast paths' JSON byte for byte the simple path's."""
    import json

    problems = []
    for path, expected in zip((first, second), action_counts(size, HERE / "data")):
        document = output([*PAPTOOLS, "show", "--json", "--as-of", AS_OF, str(path)])
        found = len(json.loads(document)["actions"])
        if found != expected:
            problems.append(f"{path.name}: {found:,} actions read of {expected:,}")
        if document != output([*PAPTOOLS, "show", "--json", "--as-of", AS_OF, str(path)], simple=True):
            problems.append(f"{path.name}: show --json differs from the simple path")
    command = [*PAPTOOLS, "reconcile", str(first), str(second), "--json", "--no-files", "--as-of", AS_OF]
    if output(command) != output(command, simple=True):
        problems.append(f"{first.name} -> {second.name}: reconcile --json differs from the simple path")
    return problems


def startup(runs: int) -> list[Verdict]:
    bare, helped, version = interleave([[PYTHON, "-c", "pass"], [*PAPTOOLS, "--help"], [*PAPTOOLS, "--version"]],
                                       runs, env=ENV)
    return [timed("paptools --help / python -c pass", helped, bare, 2.5),
            timed("paptools --version / python -c pass", version, bare, 2.5)]


def real_sized(size: int, runs: int, folder: str) -> list[Verdict]:
    first, second = generate(size, HERE / "data")
    one = [*PAPTOOLS, "{}", "--as-of", AS_OF, str(second)]
    commands = [loads(first, second), reconcile(first, second, folder), loads(second),
                [part.format("summary") for part in one], [*(part.format("show") for part in one), "--json"]]
    both, whole, single, summary, show = interleave(commands, runs, env=ENV)
    return [timed(f"reconcile {size:,} / openpyxl load of both", whole, both, 2.0),
            timed(f"summary {size:,} / openpyxl load", summary, single, 1.0),
            timed(f"show --json {size:,} / openpyxl load", show, single, 1.0)]


def large(sizes: list[int], runs: int, folder: str) -> list[Verdict]:
    commands = []
    for size in sizes:
        first, second = generate(size, HERE / "data")
        commands += [loads(first, second), reconcile(first, second, folder)]
    series = interleave(commands, runs, env=ENV)
    verdicts = []
    measured = dict(zip(sizes, zip(series[::2], series[1::2])))
    for size, (both, whole) in measured.items():
        if size == 5000:
            verdicts.append(timed("reconcile 5,000 / openpyxl load of both", whole, both, 3.0))
        verdicts.append(Verdict(f"peak memory, reconcile {size:,} / load of both", f"{whole.peak():.0f} MiB",
                                f"{both.peak():.0f} MiB", whole.peak() / both.peak(), 1.5))
    if 5000 in measured and 20000 in measured:
        verdicts.append(timed("reconcile 20,000 / reconcile 5,000", measured[20000][1], measured[5000][1], 4.5))
    return verdicts


def history_versions() -> list[Path]:
    """36 versions of a 200-action plan (history_bench.py makes them once)."""
    from history_bench import make_versions

    return make_versions(36, 200, HERE / "data" / "history")


def check_history() -> list[str]:
    """The history's JSON byte for byte the simple path's (which reads every version in one process)."""
    command = [*PAPTOOLS, "history", *map(str, history_versions()), "--json", "--no-files"]
    return [] if output(command) == output(command, simple=True) else ["history --json differs from the simple path"]


def history(runs: int) -> list[Verdict]:
    """`paptools history` over 36 versions of a 200-action plan."""
    paths = history_versions()
    bare, whole = interleave([loads(*paths), [*PAPTOOLS, "history", *map(str, paths), "--no-files"]], runs, env=ENV)
    return [timed(f"history of {len(paths)} versions / openpyxl load of all", whole, bare, 1.0)]


def machine() -> str:
    cpu = platform.machine()
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    return f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()} on {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="52 and 500 actions only, 3 runs (for iterating)")
    parser.add_argument("--runs", type=int, default=5, help="counted runs of each command (default 5; at least 5 "
                                                            "unless --quick)")
    parser.add_argument("--sizes", type=int, nargs="+", help="plan sizes to run (default 52 200 500 5000 20000)")
    args = parser.parse_args()
    runs = 3 if args.quick else max(args.runs, 5)
    sizes = args.sizes or ([52, 500] if args.quick else [52, 200, 500, 5000, 20000])
    print(f"Machine: {machine()}\nAt the start: {load()}\nMedian of {runs} runs ({max(runs, 10)} for start-up, "
          f"{runs if args.quick else max(runs, 15)} up to 500 actions), interleaved with a warm-up; "
          "ratios round by round (min-max in brackets)\n", flush=True)
    compileall.compile_dir(str(ROOT / "paptools"), quiet=1)
    problems = []
    for size in sizes:
        first, second = generate(size, HERE / "data")
        problems += check(size, first, second)
    if not args.quick:
        problems += check_history()
    print("Correctness: " + ("every action read; fast and simple paths give the same JSON" if not problems
                             else "\n  ".join(["PROBLEMS", *problems])), flush=True)
    verdicts: list[Verdict] = []

    def report(found: list[Verdict]) -> None:  # printed as they come: a full run is long
        verdicts.extend(found)
        for verdict in found:
            print(verdict.line(), flush=True)
        print(f"        ({load()})", flush=True)

    report(startup(max(runs, 10)))
    # A command of a real-sized plan takes under a second, and on a shared two-core machine its
    # ratio to the load spreads by a quarter either way from one round to the next (0.71-1.55
    # in one 20-pair call): five rounds left the median of the one-plan commands a coin toss
    # about their 1.0x line. Fifteen rounds cost under two minutes more.
    short = runs if args.quick else max(runs, 15)
    with tempfile.TemporaryDirectory() as folder:
        for size in (s for s in sizes if s <= 500):
            report(real_sized(size, short, folder))
        if any(s > 500 for s in sizes):
            report(large([s for s in sizes if s > 500], runs, folder))
    if not args.quick:
        report(history(runs))
    print(f"\nAt the end: {load()}")
    failed = [v.name for v in verdicts if not v.held]
    print(f"\n{len(verdicts) - len(failed)} of {len(verdicts)} targets met" + (f"; {len(problems)} correctness "
                                                                            "problem(s)" if problems else ""))
    sys.exit(1 if failed or problems else 0)


if __name__ == "__main__":
    main()

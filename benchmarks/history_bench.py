"""`paptools history` over many versions, timed against a bare openpyxl load of the same files.

    python benchmarks/history_bench.py                 # 36 versions of a 200-action plan, 5 runs
    python benchmarks/history_bench.py --versions 12 --actions 500 --runs 3

The versions are the generated plan of benchmarks/generate.py, moved on month by month
(new entries, status moves, revised timescales, a few actions added and removed), each
carrying its version date. Both jobs run as fresh processes, side by side, and the median
of the runs is printed with the ratio (issue 18's target: history at most 1.0x the load).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LOAD = "import sys, openpyxl\nfor p in sys.argv[1:]:\n    openpyxl.load_workbook(p).close()"


def make_versions(n_versions: int, n_actions: int, folder: Path) -> list[Path]:
    """The versions of one plan, written once into `folder` and reused."""
    sys.path.insert(0, str(HERE))
    from generate import later_version, plan_rows
    from housestyle import Style, write_workbook

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"plan-{n_actions}-{k + 1:02d}.xlsx" for k in range(n_versions)]
    if all(p.exists() for p in paths):
        return paths
    rows, state = plan_rows(n_actions)
    for k, path in enumerate(paths):
        if k:
            rows = later_version(rows, state, seed=100 + k)
            for row in rows:  # actions added in this version move on like the others
                ref = row.values.get("ref") if row.kind == "action" else None
                if ref and ref not in state:
                    state[ref] = dict(state[ref.rstrip("a")])
            for info in state.values():
                info["next"] += 1  # next month's entries are dated a month later
        when = datetime(2023 + (k + 6) // 12, (k + 6) % 12 + 1, 15, 9, 0)
        write_workbook(path, rows, Style(), when=when, version_date=when)
    return paths


def _time(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def measure(paths: list[Path], runs: int) -> dict[str, float]:
    """Median seconds of each job over `runs`, alternating so both see the same machine load."""
    load: list[float] = []
    history: list[float] = []
    for _ in range(runs):
        load.append(_time([sys.executable, "-c", LOAD, *map(str, paths)]))
        history.append(_time([sys.executable, "-m", "paptools", "history", *map(str, paths), "--no-files"]))
    return {"load": statistics.median(load), "history": statistics.median(history)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--versions", type=int, default=36, help="number of versions (default 36)")
    parser.add_argument("--actions", type=int, default=200, help="actions in the plan (default 200)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each job; the median is printed (default 5)")
    parser.add_argument("--folder", type=Path, default=HERE / "data" / "history",
                        help="where the versions are written (default benchmarks/data/history)")
    args = parser.parse_args(argv)
    paths = make_versions(args.versions, args.actions, args.folder)
    size = sum(p.stat().st_size for p in paths) / 1e6
    figures = measure(paths, args.runs)
    ratio = figures["history"] / figures["load"]
    print(f"history of {len(paths)} versions of a {args.actions}-action plan ({size:.1f} MB), median of {args.runs}:")
    print(f"  bare openpyxl.load_workbook of the {len(paths)} files  {figures['load']:6.2f} s")
    print(f"  paptools history --no-files             {figures['history']:6.2f} s   {ratio:.2f}x  (target 1.0x)")


if __name__ == "__main__":
    main()

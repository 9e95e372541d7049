"""How fast paptools is on large plans, beside the fastest possible reads of the same files.

    .venv/bin/python benchmarks/run.py            # 50, 500, 5,000 and 20,000 actions
    .venv/bin/python benchmarks/run.py --sizes 50 500 --repeats 3

Every measurement runs in a fresh Python process, so times exclude start-up and peak memory
(the process's maximum resident set) is that operation's own. Times are medians of the
repeats. Beside paptools' reader stand, on the same file, a bare openpyxl load (what the
reader must do at least) and a value-only read with python-calamine (the floor: it reads no
fills, so it cannot replace openpyxl). Prints the table, the ratios and whether each target
of benchmarks/README.md holds.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
TARGETS = {
    "reader / bare openpyxl load": 1.2,
    "reconcile 5,000 / openpyxl load of both": 2.5,
    "20,000 / 5,000 (reader)": 4.5,
    "20,000 / 5,000 (reconcile)": 4.5,
    "paptools --help / python -c pass": 3.0,
}


# --- the child: one operation, timed inside its own process --------------------------------

def child(operation: str, paths: list[str]) -> None:
    import resource

    sys.path.insert(0, str(ROOT))
    steps: dict[str, float] = {}
    start = time.perf_counter()
    if operation == "openpyxl":
        import openpyxl

        openpyxl.load_workbook(paths[0], data_only=True, keep_links=False).close()
    elif operation == "calamine":
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(paths[0])
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    elif operation == "read":
        from paptools.read.plan import read_plan

        plan = read_plan(paths[0])
        steps["actions"] = len(plan.actions)  # checked: a fast wrong answer is no answer
    elif operation == "reconcile":  # end to end, as `paptools reconcile` runs it
        import tempfile
        from datetime import date

        from paptools.api import OutputOptions, reconcile, write_outputs

        result = reconcile([Path(p) for p in paths], as_of=date(2025, 7, 31))
        with tempfile.TemporaryDirectory() as folder:
            write_outputs(result, OutputOptions(output_dir=Path(folder)))
    elif operation == "steps":  # the same work one step at a time, to see where it goes
        import tempfile
        from datetime import date

        from paptools.api import OutputOptions, Reconciliation, write_outputs
        from paptools.compare.diff import completion, diff_plans, no_update
        from paptools.compare.figures import summarize
        from paptools.read.plan import read_plan

        def step(name, function):
            began = time.perf_counter()
            value = function()
            steps[name] = time.perf_counter() - began
            return value

        plans = step("read both, one after the other", lambda: (read_plan(paths[0]), read_plan(paths[1])))
        diff = step("diff", lambda: diff_plans(*plans))
        figures = step("summary", lambda: (summarize(plans[1], date(2025, 7, 31), no_update=no_update(diff)),
                                           tuple(completion(a, plans) for a in plans[1].actions)))
        result = Reconciliation(plans, diff, figures[0], figures[1], paths=tuple(map(Path, paths)))
        with tempfile.TemporaryDirectory() as folder:
            for kind, label in (("changes", "changes file"), ("report", "Word report"), ("workbook", "cleaned workbook")):
                step(label, lambda kind=kind: write_outputs(result, OutputOptions(output_dir=Path(folder), kinds=(kind,))))
    else:
        raise SystemExit(f"unknown operation {operation}")
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "steps": steps}))


# Children run as an installed tool does: with its compiled bytecode (openpyxl's was compiled at
# install; paptools is installed editable, so compileall does the same for it once).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(operation: str, paths: list[Path], repeats: int) -> dict:
    runs = []
    for _ in range(repeats):
        output = subprocess.run([PYTHON, __file__, "--child", operation, *map(str, paths)],
                                capture_output=True, text=True, check=True, env=CHILD_ENV).stdout
        runs.append(json.loads(output.strip().splitlines()[-1]))
    steps = {name: statistics.median(r["steps"][name] for r in runs) for name in runs[0]["steps"]}
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "peak_mb": max(r["peak_mb"] for r in runs), "steps": steps}


def wall(command: list[str], repeats: int = 15) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=CHILD_ENV)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


# --- the parent: generate, measure, print ---------------------------------------------------

def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}; Python {platform.python_version()} on {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 500, 5000, 20000])
    parser.add_argument("--repeats", type=int, default=None, help="runs per measurement (default 5, 3 from 5,000)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], args.child[1:])

    sys.path.insert(0, str(HERE))
    from generate import generate

    print(f"Machine: {machine()}")
    import compileall

    compileall.compile_dir(str(ROOT / "paptools"), quiet=1)
    results = {}
    for size in args.sizes:
        began = time.perf_counter()
        first, second = generate(size, HERE / "data")
        made = time.perf_counter() - began
        repeats = args.repeats or (5 if size <= 500 else 3)
        print(f"\n{size:,} actions: {first.name} {first.stat().st_size / 1e6:.1f} MB, "
              f"{second.name} {second.stat().st_size / 1e6:.1f} MB"
              + (f" (generated in {made:.0f} s)" if made > 1 else "") + f"; median of {repeats}", flush=True)
        # Interleaved: each repeat runs every measurement once, so a ratio compares runs made
        # under the same conditions (this kind of machine's speed drifts from minute to minute).
        plan = [("calamine", [first]), ("openpyxl", [first]), ("read", [first]), ("openpyxl v2", [second]),
                ("reconcile", [first, second])]
        runs = {name: [] for name, _ in plan}
        for _ in range(repeats):
            for name, paths in plan:
                runs[name].append(measure(name.split()[0], paths, 1))
        row = {name: {"seconds": statistics.median(r["seconds"] for r in values),
                      "peak_mb": max(r["peak_mb"] for r in values)} for name, values in runs.items()}
        row["read ratio"] = statistics.median(
            r["seconds"] / o["seconds"] for r, o in zip(runs["read"], runs["openpyxl"]))
        row["reconcile ratio"] = statistics.median(
            r["seconds"] / (a["seconds"] + b["seconds"])
            for r, a, b in zip(runs["reconcile"], runs["openpyxl"], runs["openpyxl v2"]))
        row["steps"] = measure("steps", [first, second], 1)
        read_counts = {int(r["steps"]["actions"]) for r in runs["read"]}
        if read_counts != {size}:
            raise SystemExit(f"the reader found {read_counts} actions in a plan of {size:,}: fix that first")
        results[size] = row
        print(f"  {'calamine values (floor)':<32}{row['calamine']['seconds']:>8.2f} s {row['calamine']['peak_mb']:>7.0f} MB")
        print(f"  {'bare openpyxl load':<32}{row['openpyxl']['seconds']:>8.2f} s {row['openpyxl']['peak_mb']:>7.0f} MB")
        ratio = row["read ratio"]
        print(f"  {'paptools reader':<32}{row['read']['seconds']:>8.2f} s {row['read']['peak_mb']:>7.0f} MB"
              f"   {ratio:.2f}x openpyxl, {row['read']['seconds'] / row['calamine']['seconds']:.1f}x calamine")
        print(f"  {'reconcile, end to end':<32}{row['reconcile']['seconds']:>8.2f} s {row['reconcile']['peak_mb']:>7.0f} MB"
              f"   {row['reconcile ratio']:.2f}x openpyxl load of both")
        print("    the same steps one at a time, in one process:")
        for step, seconds in row["steps"]["steps"].items():
            print(f"      {step:<32}{seconds:>8.2f} s")

    python_start = wall([PYTHON, "-c", "pass"])
    help_start = wall([PYTHON, "-m", "paptools", "--help"])
    print(f"\nStart-up: python -c pass {python_start * 1000:.0f} ms, paptools --help {help_start * 1000:.0f} ms")

    print("\nTargets (ratios measured in this run)")
    ratios = {"paptools --help / python -c pass": help_start / python_start}
    for size, row in results.items():
        ratios[f"reader / bare openpyxl load ({size:,})"] = row["read ratio"]
    if 5000 in results:
        ratios["reconcile 5,000 / openpyxl load of both"] = results[5000]["reconcile ratio"]
    if 5000 in results and 20000 in results:
        ratios["20,000 / 5,000 (reader)"] = results[20000]["read"]["seconds"] / results[5000]["read"]["seconds"]
        ratios["20,000 / 5,000 (reconcile)"] = (results[20000]["reconcile"]["seconds"]
                                                / results[5000]["reconcile"]["seconds"])
    failed = 0
    for name, value in ratios.items():
        target = next(t for key, t in TARGETS.items() if name.startswith(key))
        ok = value <= target
        failed += not ok
        print(f"  {name:<45}{value:>6.2f}   target <= {target:<4} {'ok' if ok else 'MISSED'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

"""Large plans in the real house style, and a later version of each, for the benchmark.

The text comes from the real plan's export (sentences and owners), so progress cells look
like the real thing: 5-20 dated entries of 1,000-3,000 characters in the forms officers use,
status as the RA cell's fill, section rows, the header block repeated every few actions, and
the Key at the bottom. The later version adds entries to a third of the actions, moves some
statuses, revises some timescales, adds and removes a few actions.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "workbooks"))
sys.path.insert(0, str(ROOT))

from housestyle import Row, Style, write_workbook  # noqa: E402

SECTIONS = ["Governance", "Speech & Language Therapy: backlog recovery", "Community Paediatrics", "CAMHS",
            "Preparation for adulthood", "Annual reviews", "Joint commissioning", "Early years"]
FORMS = ["{m}{y}: {i}: ", "{m} {y} {i}: ", "{m}{y} {i} - ", "{d:02d}/{n:02d}/{y}: {i}: ", "{m} {y}: ", "{M} 20{y} {i}: "]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _vocabulary():
    text = (ROOT / "workbooks" / "source" / "pap-export.txt").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", text)
    sentences = sorted({s.strip() for s in re.split(r"(?<=[.])\s+", text)
                        if 40 <= len(s.strip()) <= 220 and not re.search(r"\b(?:\d\d|20\d\d)\b", s)})
    owners = sorted({o.strip() for line in text.splitlines() for o in re.split(r"&|/", (line.split("\t") + [""] * 3)[2])
                     if re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-zA-Z\-]+", o.strip())})
    actions = sorted({line.split("\t")[1].strip() for line in text.splitlines()
                      if line.startswith(("PAP", "1.", "2.")) and len(line.split("\t")) > 2})
    return sentences, owners, actions


SENTENCES, OWNERS, ACTIONS = _vocabulary()


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.split())


def _entries(rng: random.Random, owners: list[str], start: int, count: int, target: int) -> list[str]:
    """Dated entries from month index `start` (months since Jan 2023), about `target` characters."""
    per = max(60, target // count)
    entries = []
    for k in range(count):
        month = start + k
        y, m = 23 + month // 12, month % 12
        form = rng.choice(FORMS)
        head = form.format(m=MONTHS[m], M=LONG[m], y=y, i=_initials(rng.choice(owners)), d=rng.randint(1, 28), n=m + 1)
        body = []
        while sum(map(len, body)) < per:
            body.append(rng.choice(SENTENCES))
        entries.append(head + " ".join(body))
    return entries


def plan_rows(n_actions: int, seed: int = 1) -> tuple[list[Row], dict]:
    """The first version's rows, and what the later version needs to change them."""
    rng = random.Random(seed)
    rows: list[Row] = [Row("title", "SEND & Inclusion Improvement Programme: Priority Action Plan"), Row("header")]
    state = {}
    areas = max(1, min(9, n_actions // 40 or 1))
    per_area = -(-n_actions // areas)
    made = 0
    for area in range(1, areas + 1):
        rows.append(Row("section", f"PAP {area}"))
        for k in range(1, per_area + 1):
            if made == n_actions:
                break
            if k % 15 == 1 and k > 1:
                rows.append(Row("section", rng.choice(SECTIONS)))
            if k % 8 == 0:
                rows += [Row("blank"), Row("title", "SEND & Inclusion Improvement Programme: Priority Action Plan"),
                         Row("header")]
            ref = f"PAP: {area}.{k}"
            owners = rng.sample(OWNERS, rng.randint(1, 3))
            count = rng.randint(5, 20)
            start = rng.randint(0, 12)
            entries = _entries(rng, owners, start, count, rng.randint(1000, 3000))
            due = datetime(2024 + rng.randint(0, 3), rng.randint(1, 12), 1)
            status = rng.choices(["C", "OT", "V", "AR", "NYS"], weights=[55, 25, 8, 4, 8])[0]
            values = {"ref": ref, "action": rng.choice(ACTIONS), "owner": " & ".join(owners), "timescale": due,
                      "success": rng.choice(SENTENCES), "progress": " ".join(entries),
                      "outcome": rng.choice(SENTENCES), "evidence": "1) Meeting minutes. 2) Highlight reports."}
            rows.append(Row("action", values=values, status=status))
            state[ref] = {"owners": owners, "next": start + count, "due": due}
            made += 1
    rows += [Row("blank"), Row("key")]
    return rows, state


def later_version(rows: list[Row], state: dict, seed: int = 2) -> list[Row]:
    """The plan some months on: new entries, status moves, revised timescales, actions added/removed."""
    rng = random.Random(seed)
    result: list[Row] = []
    for row in rows:
        if row.kind != "action":
            result.append(row)
            continue
        if rng.random() < 0.005:
            continue  # removed
        values = dict(row.values)
        info = state[values["ref"]]
        status = row.status
        if rng.random() < 0.33:
            values["progress"] += " " + " ".join(_entries(rng, info["owners"], info["next"], rng.randint(1, 2), 400))
            if status != "C" and rng.random() < 0.4:
                status = rng.choice(["C", "OT", "V"])
        if rng.random() < 0.05:
            values["timescale"] = f"{info['due']:%b-%y} Revised date: {LONG[rng.randint(0, 11)]} 2027"
        result.append(Row("action", values=values, status=status))
        if rng.random() < 0.01:
            extra = dict(values, ref=values["ref"] + "a", progress=" ".join(_entries(rng, info["owners"], 30, 5, 1200)))
            result.append(Row("action", values=extra, status="NYS"))
    return result


def generate(n_actions: int, folder: Path) -> tuple[Path, Path]:
    """The two versions of a plan of n_actions, written once and reused."""
    folder.mkdir(parents=True, exist_ok=True)
    first, second = folder / f"plan-{n_actions}-v1.xlsx", folder / f"plan-{n_actions}-v2.xlsx"
    if not (first.exists() and second.exists()):
        rows, state = plan_rows(n_actions)
        later = later_version(rows, state)
        write_workbook(first, rows, Style(), when=datetime(2025, 1, 15))
        write_workbook(second, later, Style(), when=datetime(2025, 7, 15))
        _counts_file(folder, n_actions).write_text(json.dumps({"v1": _count(rows), "v2": _count(later)}))
    return first, second


def action_counts(n_actions: int, folder: Path) -> tuple[int, int]:
    """How many actions each version holds, as generated: what a reader must find."""
    path = _counts_file(folder, n_actions)
    if not path.exists():
        rows, state = plan_rows(n_actions)
        path.write_text(json.dumps({"v1": _count(rows), "v2": _count(later_version(rows, state))}))
    counts = json.loads(path.read_text())
    return counts["v1"], counts["v2"]


def _counts_file(folder: Path, n_actions: int) -> Path:
    return folder / f"plan-{n_actions}-actions.json"


def _count(rows: list[Row]) -> int:
    return sum(1 for row in rows if row.kind == "action")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", type=int, nargs="*", default=[52], help="numbers of actions (default 52)")
    parser.add_argument("--folder", type=Path, default=HERE / "data", help="where to write (default benchmarks/data)")
    args = parser.parse_args()
    for size in args.sizes:
        print(*generate(size, args.folder))


if __name__ == "__main__":
    main()

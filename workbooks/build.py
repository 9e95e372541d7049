"""Build the example workbooks from the text export of the real plan.

    python workbooks/build.py

`source/pap-export.txt` is the real workbook exported to text (the latest version). The
six earlier versions are that plan as it stood some months before: each Progress cell holds
only the entries dated up to the version's month, statuses are those the text supports at
the time (see STATUSES), a few timescales had not yet been revised, and a few refs were
typed differently. Each version's date (the 15th of its month) is in its document
properties, so a renamed copy still says when it is from. The January 2025 version
matches the committee report of that month: 33 of the 40 PAP actions complete.
"""
from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from housestyle import Row, Style, write_workbook  # noqa: E402

from paptools.model import Month  # noqa: E402
from paptools.read.text import clean_text  # noqa: E402

EXPORT = HERE / "source" / "pap-export.txt"
VERSIONS = ("2024-03", "2024-06", "2024-10", "2025-01", "2025-04", "2025-08", "2026-04")
# The latest month of the entries each version holds (None: the whole export).
CUTOFF = {
    "2024-03": Month(2024, 3), "2024-06": Month(2024, 6), "2024-10": Month(2024, 10), "2025-01": Month(2024, 12),
    "2025-04": Month(2025, 4), "2025-08": Month(2025, 8), "2026-04": None,
}
FIRST_VERSIONS = ("2024-03", "2024-06")  # before some refs were retyped and a typo corrected


def file_name(version: str) -> str:
    return f"oldham-send-pap-{version}.xlsx"


def version_datetime(version: str) -> datetime:
    """When a version was saved: the 15th of its month (its timestamps and its version date)."""
    year, month = map(int, version.split("-"))
    return datetime(year, month, 15, 9, 0)


# Status of every action in each version (- : not yet in the plan).
STATUSES_TABLE = """
#          2024-03 2024-06 2024-10 2025-01 2025-04 2025-08 2026-04
PAP: 1.1   C   C   C   C   C   C   C
PAP: 1.2   C   C   C   C   C   C   C
PAP: 1.3   OT  OT  OT  OT  C   C   C
PAP: 1.4   C   C   C   C   C   C   C
PAP: 1.5   AR  AR  AR  C   C   C   C
PAP: 1.6   OT  OT  C   C   C   C   C
PAP: 1.7   OT  OT  OT  OT  OT  C   C
PAP: 1.8   OT  OT  C   C   C   C   C
PAP: 1.9   OT  OT  C   C   C   C   C
PAP: 1.10  OT  OT  C   C   C   C   C
1.11       -   -   -   -   -   -   OT
1.12       -   -   -   -   -   -   OT
1.13       -   -   -   -   -   -   OT
1.14       -   -   -   -   -   -   OT
1.15       -   -   -   -   -   -   OT
PAP: 2.1   C   C   C   C   C   C   C
PAP: 2.2   C   C   C   C   C   C   C
PAP: 2.3   OT  C   C   C   C   C   C
PAP: 2.4   NYS NYS NYS NYS OT  OT  C
PAP: 2.5   C   C   C   C   C   C   C
PAP: 2.6   C   C   C   C   C   C   C
PAP: 2.7   OT  C   C   C   C   C   C
PAP: 2.8   OT  C   C   C   C   C   C
PAP: 2.9   OT  C   C   C   C   C   C
PAP: 2.10  OT  OT  C   C   C   C   C
PAP: 2.11  OT  OT  C   C   C   C   C
PAP: 2.12  C   C   C   C   C   C   C
PAP: 2.13  V   V   V   C   C   C   C
PAP: 2.14  C   C   C   C   C   C   C
PAP: 2.15  OT  V   V   C   C   C   C
PAP: 2.16  OT  OT  OT  OT  OT  C   C
PAP: 2.17  OT  OT  OT  AR  AR  AR  OT
PAP: 2.18  OT  OT  OT  C   C   C   C
PAP: 2.19  C   C   C   C   C   C   C
PAP: 2.20  C   C   C   C   C   C   C
PAP: 2.21  OT  OT  OT  OT  C   C   C
PAP: 2.22  OT  OT  OT  C   C   C   C
PAP: 2.23  C   C   C   C   C   C   C
PAP: 2.24  OT  OT  OT  C   C   C   C
PAP: 2.25  OT  OT  V   V   V   V   V
PAP: 2.26  OT  OT  C   C   C   C   C
PAP: 2.27  C   C   C   C   C   C   C
PAP: 2.28  OT  OT  C   C   C   C   C
PAP: 2.29  C   C   C   C   C   C   C
PAP: 2.30  OT  OT  C   C   C   C   C
2.31       -   -   -   -   -   -   NYS
2.32       -   -   -   -   -   -   NYS
2.33       -   -   -   -   -   -   NYS
2.34       -   -   -   -   -   -   NYS
2.35       -   -   -   -   -   -   OT
2.36       -   -   -   -   -   -   OT
2.37       -   -   -   -   -   -   OT
"""


def statuses() -> dict[str, dict[str, str | None]]:
    """ref (as in the export) -> version -> status code, or None when not in that version."""
    table = {}
    for line in STATUSES_TABLE.strip().splitlines():
        if line.startswith("#"):
            continue
        words = line.split()
        ref, codes = " ".join(words[:-len(VERSIONS)]), words[-len(VERSIONS):]
        table[ref] = {v: (None if s == "-" else s) for v, s in zip(VERSIONS, codes)}
    return table


# Timescales before they were revised to what the export shows.
EARLIER_TIMESCALES = {
    "PAP: 1.3": {"2024-03": datetime(2023, 11, 1), "2024-06": datetime(2023, 11, 1)},
    "PAP: 1.6": {"2024-03": "Revised date: Sept 24", "2024-06": "Revised date: Sept 24"},
    "PAP: 1.7": {"2024-03": "Revised date: Sept 24", "2024-06": "Revised date: Sept 24"},
    "PAP: 2.16": {"2024-03": datetime(2025, 3, 1), "2024-06": datetime(2025, 3, 1), "2024-10": datetime(2025, 3, 1),
                  "2025-01": datetime(2025, 3, 1)},
    "PAP: 2.17": {"2024-03": "Revised date: Sept 24", "2024-06": "Revised date: Sept 24",
                  "2024-10": "Revised date: March 25", "2025-01": "Revised date: March 25",
                  "2025-04": "Revised date: Dec-25", "2025-08": "Revised date: Dec-25"},
    "PAP: 2.21": {"2024-03": datetime(2024, 6, 1), "2024-06": datetime(2024, 6, 1)},
    "PAP: 2.25": {"2024-03": "Revised date: Sept 24", "2024-06": "Revised date: Sept 24",
                  "2024-10": "Revised date: March 25", "2025-01": "Revised date: March 25",
                  "2025-04": "Revised date: Sept 25", "2025-08": "Revised date: Sept 25"},
}
# Refs typed differently in the first versions, retyped later.
EARLIER_REFS = {"PAP: 1.4": "PAP 1.4", "PAP: 2.19": "PAP:2.19"}
# A typo in the first versions, corrected later.
EARLIER_TYPOS = {"PAP: 2.18": ("text reminders", "text remiders")}
# Fills that are not quite the Key's colours, as happens when cells are copied about.
ODD_FILLS = {("PAP: 2.4", "2025-08"): "92D050"}


def _odd_theme_fill():
    from openpyxl.styles import Color

    return Color(theme=6, tint=-0.249977111117893)  # a darker shade of the theme's green


def parse_export(path: Path = EXPORT) -> list[Row]:
    """The export's rows, in order, as house-style rows (latest version)."""
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        cells = line.split("\t")
        first = cells[0].strip()
        if not any(c.strip() for c in cells):
            if rows:  # the export's leading empty line is not a row of the sheet
                rows.append(Row("blank"))
        elif cells[:3] == ["A", "B", "C"]:
            continue  # the export's column letters, not part of the sheet
        elif first == "Ref":
            names = ("ref", "action", "owner", "timescale", "success", "progress", "outcome", "evidence", "status")
            rows.append(Row("header", values=dict(zip(names, cells))))
        elif first.startswith("SEND & Inclusion Improvement Programme"):
            rows.append(Row("title", first))
        elif first.startswith("<p><b>Priority area"):
            rows.append(Row("areas", first, cells[6] if len(cells) > 6 else ""))
        elif first == "Key":
            rows.append(Row("key"))
            break  # the Key's lines are written by the house style, with their colours
        elif first.startswith("<b>") and not any(c.strip() for c in cells[1:]):
            rows.append(Row("section", clean_text(first)))
        else:
            rows.append(_action_row(cells))
    return rows


def _action_row(cells: list[str]) -> Row:
    cells = (cells + [""] * 9)[:9]
    ref, action, owner, timescale, success, progress, outcome, evidence, _ = cells
    values = {
        "ref": _typed_ref(ref.strip()), "action": action, "owner": owner.strip(),
        "timescale": _typed_timescale(timescale.strip()), "success": success,
        "progress": clean_text(progress), "outcome": outcome, "evidence": evidence,
    }
    return Row("action", values=values)


def _typed_ref(ref: str):
    """A plain number typed into Excel is stored as a number: 1.11 becomes 1.11."""
    return float(ref) if re.fullmatch(r"\d+\.\d+", ref) else ref


def _typed_timescale(text: str):
    """'Sep-23' in the export is a real date shown with the format mmm-yy."""
    match = re.fullmatch(r"([A-Z][a-z]{2})-(\d\d)", text)
    if match:
        return datetime.strptime(f"01 {match.group(1)} 20{match.group(2)}", "%d %b %Y")
    return text


def _export_ref(row: Row) -> str:
    ref = row.values["ref"]
    return f"{ref:.2f}".rstrip("0") if isinstance(ref, float) else ref


# The build decides which entries each version holds with its own simple reading of the
# export's headings, not paptools' splitter: a bug in the code under test must not move the
# examples and the expectations together. A heading is a month and year ("Nov23", "Dec 24",
# "Sept 2023", "21/03/24"), perhaps after initials ("ED 19/03/2024 -"), that opens a
# sentence and is followed by a separator, initials or a capital, or that sits anywhere and
# is followed by a colon or by initials and a separator ("... capacity Mar24 AW - ...").
_HEADING = re.compile(
    r"(?:^|(?<=\s)|(?<=[.!?]))(?:[A-Z][A-Za-z]{1,3}\s+)?"
    r"(?P<date>(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2,4})|(?P<mon>[A-Z][a-z]{2,8})\.?\s?-?(?P<y2>20\d\d|\d\d)(?!\d))"
)
_AFTER_SENTENCE_START = re.compile(r"\s*(?:[:\-–]|[A-Z][A-Za-z&\- ]{0,12}[:\-–]|\s*[A-Z])")
_AFTER_ANYWHERE = re.compile(r"\s?:|\s+[A-Z][A-Za-z]{1,3}\s*[-–:]|\s*[-–]\s*[A-Z][A-Za-z]{1,3}\s*:")
_SENTENCE_END = re.compile(r"(?:[.!?;)]\s*|\n\s*)$")
_MONTHS = {
    name: n for n, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}


def _heading_month(match: re.Match) -> Month | None:
    if match.group("m"):
        year = int(match.group("y"))
        return Month(year + 2000 if year < 100 else year, int(match.group("m")))
    number = _MONTHS.get(match.group("mon")[:3].lower())
    year = int(match.group("y2"))
    return Month(year + 2000 if year < 100 else year, number) if number else None


def export_entries(text: str) -> list[tuple[str, Month | None]]:
    """The export cell's entries as (text, month of its heading), read by the rule above."""
    starts: list[tuple[int, Month]] = []
    for match in _HEADING.finditer(text):
        month = _heading_month(match)
        if month is None:
            continue
        sentence = match.start() == 0 or _SENTENCE_END.search(text, 0, match.start())
        if sentence and _AFTER_SENTENCE_START.match(text, match.end()):
            starts.append((match.start(), month))
        elif _AFTER_ANYWHERE.match(text, match.end()):
            starts.append((match.start("date"), month))
    pieces: list[tuple[str, Month | None]] = []
    if not starts or starts[0][0] > 0:
        pieces.append((text[: starts[0][0] if starts else len(text)].strip(), None))
    for n, (start, month) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(text)
        pieces.append((text[start:end].strip(), month))
    return [(piece, month) for piece, month in pieces if piece]


def progress_until(text: str, cutoff: Month | None) -> str:
    """The Progress cell as it stood at the cutoff month: entries dated up to it."""
    if cutoff is None:
        return text
    return " ".join(piece for piece, month in export_entries(text) if month is None or month <= cutoff)


def version_rows(version: str, rows: list[Row] | None = None) -> list[Row]:
    """The rows of one version of the plan."""
    rows = rows if rows is not None else parse_export()
    table = statuses()
    result: list[Row] = []
    for row in rows:
        if row.kind != "action":
            result.append(row)
            continue
        ref = _export_ref(row)
        status = table[ref][version]
        if status is None:
            continue
        values = dict(row.values)
        values["progress"] = progress_until(values["progress"], CUTOFF[version])
        if version in FIRST_VERSIONS:
            values["ref"] = EARLIER_REFS.get(ref, values["ref"])
            if ref in EARLIER_TYPOS:
                right, wrong = EARLIER_TYPOS[ref]
                values["progress"] = values["progress"].replace(right, wrong)
        values["timescale"] = EARLIER_TIMESCALES.get(ref, {}).get(version, values["timescale"])
        fill = ODD_FILLS.get((ref, version))
        if (ref, version) == ("PAP: 2.17", "2026-04"):
            fill = _odd_theme_fill()
        result.append(Row("action", values=values, status=status, fill=fill))
    return _drop_empty_blocks(result)


def _drop_empty_blocks(rows: list[Row]) -> list[Row]:
    """A repeated header block left with no actions (the newer actions' pages) is dropped."""
    blocks: list[list[Row]] = [[]]
    for row in rows:
        if row.kind in ("title", "key") and blocks[-1]:
            blocks.append([])
        blocks[-1].append(row)
    kept = [
        block for n, block in enumerate(blocks)
        if n == 0 or block[0].kind == "key" or any(r.kind in ("action", "section") for r in block)
    ]
    return [row for block in kept for row in block]


def build(out_dir: Path = HERE) -> list[Path]:
    rows = parse_export()
    written = []
    for version in VERSIONS:
        path = out_dir / file_name(version)
        when = version_datetime(version)
        write_workbook(path, version_rows(version, [Row(r.kind, r.text, r.other, dict(r.values)) for r in rows]),
                       Style(), when=when, version_date=when)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    """Rebuild the example versions (the same files, byte for byte, every time)."""
    import argparse

    parser = argparse.ArgumentParser(
        description="Build the seven example versions of the plan from workbooks/source/pap-export.txt.",
        epilog="example: python workbooks/build.py --out-dir workbooks",
    )
    parser.add_argument("--out-dir", type=Path, default=HERE, help="folder for the workbooks (default: workbooks/)")
    args = parser.parse_args(argv)
    for written in build(args.out_dir):
        print(f"wrote {written}")


if __name__ == "__main__":
    main()

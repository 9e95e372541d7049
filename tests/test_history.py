"""`paptools history`: the versions in their own order, and each version's figures exactly as read alone."""
from __future__ import annotations

import csv
import json
import random
import shutil
import uuid
import zipfile
from datetime import date

import build
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import WORKBOOKS, example_path

import paptools
from paptools.cli import main
from paptools.compare.figures import summarize
from paptools.compare.history import build_history
from paptools.model import STATUSES, Plan

# Per version, in the Key's order: total, not yet started, on track, vulnerable, at risk, complete.
EXPECTED_ALL = {
    "2024-03": (40, 1, 23, 1, 1, 14),
    "2024-06": (40, 1, 18, 2, 1, 18),
    "2024-10": (40, 1, 8, 3, 1, 27),
    "2025-01": (40, 1, 4, 1, 1, 33),
    "2025-04": (40, 0, 3, 1, 1, 35),
    "2025-08": (40, 0, 1, 1, 1, 37),
    "2026-04": (52, 4, 9, 1, 0, 38),
}
EXPECTED_PAP = {**EXPECTED_ALL, "2026-04": (40, 0, 1, 1, 0, 38)}
ORDER = ["2024-03", "2024-06", "2024-10", "2025-01", "2025-04", "2025-08", "2026-04"]


def _counts(counts) -> tuple[int, ...]:
    return (counts.total, *(counts.of(s) for s in STATUSES))


@pytest.fixture(scope="module")
def example_history():
    return paptools.history(WORKBOOKS)


def test_there_are_seven_example_versions():
    assert list(build.VERSIONS) == ORDER
    assert sorted(p.name for p in WORKBOOKS.glob("*.xlsx")) == [f"oldham-send-pap-{v}.xlsx" for v in ORDER]


def test_each_versions_counts_are_those_of_the_version_read_alone(example_history, example_plans):
    assert [v.source for v in example_history.versions] == [f"oldham-send-pap-{v}.xlsx" for v in ORDER]
    for version, month in zip(example_history.versions, ORDER):
        assert _counts(version.all) == EXPECTED_ALL[month], month
        assert _counts(version.pap) == EXPECTED_PAP[month], month
        alone = summarize(example_plans[month], date(2026, 5, 1))
        assert (_counts(alone.all), _counts(alone.pap)) == (EXPECTED_ALL[month], EXPECTED_PAP[month])
        assert version.all.unknown == version.pap.unknown == 0


def test_renamed_and_shuffled_copies_are_put_in_order_by_their_own_dates(tmp_path):
    names = {}
    for month in ORDER:
        name = f"{uuid.uuid4().hex}.xlsx"
        shutil.copy(example_path(month), tmp_path / name)
        names[name] = month
    shuffled = list(names)
    random.Random(7).shuffle(shuffled)
    for given in ([tmp_path / n for n in shuffled], [tmp_path]):
        result = paptools.history(given)
        assert [names[v.source] for v in result.versions] == ORDER
        assert [v.all.of(paptools.Status.COMPLETE) for v in result.versions] == [14, 18, 27, 33, 35, 37, 38]


def test_a_copy_of_a_version_is_counted_once_with_a_warning(tmp_path):
    shutil.copy(example_path("2025-01"), tmp_path / "board-pack-copy.xlsx")
    result = paptools.history([example_path("2024-06"), example_path("2025-01"), tmp_path / "board-pack-copy.xlsx"])
    assert len(result.versions) == 2
    copies = [w.message for w in result.warnings if "same version" in w.message]
    assert len(copies) == 1 and "counted once" in copies[0]
    assert {"board-pack-copy.xlsx", "oldham-send-pap-2025-01.xlsx"} == {
        word for word in copies[0].replace("(", " ").split() if word.endswith(".xlsx")
    }


def _plan(name: str, when: date | None, progress: str) -> Plan:
    """A one-action version of a plan, built as the reader would build it."""
    from paptools.read.entries import split_entries

    entries, _ = split_entries(progress)
    act = paptools.Action(
        ref="PAP 1.1", ref_text="PAP 1.1", is_pap=True, title="Act", owner="", owners=(),
        timescale=paptools.Timescale("Sep-24", paptools.Month(2024, 9), None), success_criteria="",
        progress=progress, entries=tuple(entries), outcome="", evidence="", status=paptools.Status.ON_TRACK,
        status_source="text", section=None, priority_area=None, sheet="PAP", row=4,
    )
    return Plan(source=name, actions=(act,), version_date=when)


def test_an_undatable_version_is_left_out_with_a_warning():
    result = build_history([_plan("no-dates.xlsx", None, "Work has started."),
                            _plan("dated.xlsx", None, "Mar24: AB: Done.")])
    assert [(v.source, v.dated_by) for v in result.versions] == [("dated.xlsx", "latest entry")]
    assert [w.message for w in result.warnings] == [
        "no-dates.xlsx has no version date and no dated progress entry, so its place in the history is "
        "unknown: left out",
        "dated.xlsx has no version date (an 'Updated:' cell or the document properties): placed by its "
        "latest entry, Mar 2024",
    ]


def test_a_version_date_in_the_workbook_orders_it_before_its_entries_do():
    later = _plan("b.xlsx", date(2024, 12, 1), "Jan24: AB: Started.")
    earlier = _plan("a.xlsx", date(2024, 6, 1), "Jan24: AB: Started. Mar24: AB: More.")
    result = build_history([later, earlier])
    assert [(v.source, v.dated_by, v.label) for v in result.versions] == [
        ("a.xlsx", "workbook", "1 Jun 2024"), ("b.xlsx", "workbook", "1 Dec 2024"),
    ]
    assert result.warnings == ()


def test_two_different_versions_with_one_date_are_both_kept_with_a_warning():
    result = build_history([_plan("b.xlsx", date(2024, 6, 1), "Jan24: AB: Started. Mar24: AB: More."),
                            _plan("a.xlsx", date(2024, 6, 1), "Jan24: AB: Started.")])
    assert [v.source for v in result.versions] == ["a.xlsx", "b.xlsx"]  # the fewer entries first
    assert [w.message for w in result.warnings] == [
        "b.xlsx has the same date as a.xlsx (01 Jun 2024) but different content: both kept, ordered by their "
        "latest entries",
    ]


def test_slips_and_completions_of_the_example_plan(example_history):
    slipped = {s.ref: s for s in example_history.slipped}
    assert sorted(slipped) == sorted(["PAP 1.3", "PAP 1.6", "PAP 1.7", "PAP 1.8", "PAP 1.9", "PAP 1.10", "PAP 2.7",
                                      "PAP 2.11", "PAP 2.16", "PAP 2.17", "PAP 2.21", "PAP 2.25"])
    s = slipped["PAP 2.17"]
    assert (s.times, s.months, s.original_due.iso(), s.latest_due.iso()) == (3, 30, "2024-09", "2027-03")
    assert [(x.version, x.before.iso(), x.after.iso()) for x in s.slips] == [
        (2, "2024-09", "2025-03"), (4, "2025-03", "2025-12"), (6, "2025-12", "2027-03"),
    ]
    first = slipped["PAP 2.7"]  # "Nov-23 Revised date: April 24" already in the first version
    assert [(x.version, x.before.iso(), x.after.iso()) for x in first.slips] == [(None, "2023-11", "2024-04")]
    assert example_history.slipped[0].ref == "PAP 2.17"  # most often first

    done = {c.ref: c for c in example_history.completed}
    assert len(done) == 38
    recorded = done["PAP 2.10"]  # "Oct 24: Marked as complete", due Sep-24
    assert (recorded.version, recorded.month.iso(), recorded.source, recorded.within_timescale) == (
        2, "2024-10", "entry", False)
    between = done["PAP 1.5"]  # at risk until the January 2025 version, due Jan-24
    assert (between.version, between.source, between.within_timescale) == (3, "versions", False)
    assert (done["PAP 1.1"].version, done["PAP 1.1"].source) == (0, "first version")


def test_the_timeline_shows_status_and_new_entries_per_version(example_history):
    timeline = next(t for t in example_history.timelines if t.ref == "PAP 2.4")
    assert [p.status.value for p in timeline.points] == [
        "Not yet started", "Not yet started", "Not yet started", "Not yet started", "On track", "On track",
        "Complete",
    ]
    assert [len(p.new_entries) for p in timeline.points] == [1, 0, 0, 0, 1, 0, 1]
    assert [e.date.iso() for e in timeline.points[4].new_entries] == ["2025-04"]
    added = next(t for t in example_history.timelines if t.ref == "1.11")
    assert added.points[:6] == (None,) * 6 and added.points[6].status is paptools.Status.ON_TRACK


def test_history_command_writes_the_workbook_csv_and_json(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["history", str(WORKBOOKS), "--output-dir", str(tmp_path / "out"),
                                  "--csv", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("History of 7 versions, ")
    # the date column says where the version's date came from (the workbook's, or its latest entry)
    assert [line.split()[-8:] for line in lines if line.startswith("  oldham-send-pap-2025-01.xlsx  ")] == [
        ["33", "of", "40", "82.5%", "33", "of", "40", "82.5%"]]
    assert "  PAP 2.17   put back 3 times, 30 months in all (Sep 2024 to Mar 2027)" in lines

    path = tmp_path / "out" / "oldham-send-pap-2026-04-history.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Counts per version", "Statuses", "Timeline of each action", "Actions that slipped",
                               "When actions were completed", "Warnings"]
    rows = [[c.value for c in row] for row in book["Counts per version"].iter_rows(min_row=4)]
    assert [(r[0], r[3], r[4], r[9]) for r in rows] == [
        (1, "oldham-send-pap-2024-03.xlsx", 40, 14), (2, "oldham-send-pap-2024-06.xlsx", 40, 18),
        (3, "oldham-send-pap-2024-10.xlsx", 40, 27), (4, "oldham-send-pap-2025-01.xlsx", 40, 33),
        (5, "oldham-send-pap-2025-04.xlsx", 40, 35), (6, "oldham-send-pap-2025-08.xlsx", 40, 37),
        (7, "oldham-send-pap-2026-04.xlsx", 52, 38),
    ]
    statuses = {row[0].value: [c.value for c in row[2:]] for row in book["Statuses"].iter_rows(min_row=4)}
    assert statuses["PAP 2.17"] == ["On track", "On track", "On track", "At risk", "At risk", "At risk", "On track"]
    with zipfile.ZipFile(path) as archive:
        drawing = archive.read("xl/drawings/drawing1.xml").decode("utf-8")
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    assert 'descr="Burn-up of complete actions per version. ' in drawing
    assert ": 14 of 40 actions complete, 14 of 40 PAP actions; " in drawing
    assert "15 Jan 2025: 33 of 40 actions complete, 33 of 40 PAP actions; " in drawing
    assert ": 38 of 52 actions complete, 38 of 40 PAP actions." in drawing

    with (tmp_path / "csv" / "oldham-send-pap-2026-04-history-slipped.csv").open(encoding="utf-8-sig", newline="") as f:
        slipped = list(csv.DictReader(f))
    assert [(r["ref"], r["version"], r["due_before"], r["due_after"]) for r in slipped if r["ref"] == "PAP 2.25"] == [
        ("PAP 2.25", "3", "2024-09", "2025-03"), ("PAP 2.25", "5", "2025-03", "2025-09"),
        ("PAP 2.25", "7", "2025-09", "2026-09"),
    ]

    as_json = runner.invoke(main, ["history", str(WORKBOOKS), "--json", "--no-files"])
    assert as_json.exit_code == 0, as_json.output
    document = json.loads(as_json.stdout)
    assert list(document) == ["versions", "counts", "timeline", "slipped", "completed", "warnings", "outputs"]
    assert document["counts"][3]["pap_complete"] == 33 and document["counts"][6]["all_total"] == 52
    assert document["outputs"] == {}


def test_history_of_a_folder_without_workbooks_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["history", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path}: holds no .xlsx workbook: give a folder of versions\n"


def test_workbooks_paptools_wrote_into_the_folder_are_not_versions(tmp_path):
    for month in ORDER:
        shutil.copy(example_path(month), tmp_path / f"v-{month}.xlsx")
    runner = CliRunner()
    for args in (["clean", str(tmp_path / "v-2026-04.xlsx"), "--output-dir", str(tmp_path)],
                 ["history", str(tmp_path), "--output-dir", str(tmp_path)]):
        assert runner.invoke(main, args).exit_code == 0
    assert sorted(p.name for p in tmp_path.glob("*.xlsx")) == sorted(
        [f"v-{month}.xlsx" for month in ORDER] + ["v-2026-04-clean.xlsx", "v-2026-04-history.xlsx"])
    result = paptools.history(tmp_path)
    assert [v.source for v in result.versions] == [f"v-{month}.xlsx" for month in ORDER]
    assert [w.message for w in result.warnings] == [
        "v-2026-04-clean.xlsx was written by paptools, so it is not a version of the plan: left out",
        "v-2026-04-history.xlsx was written by paptools, so it is not a version of the plan: left out",
    ]

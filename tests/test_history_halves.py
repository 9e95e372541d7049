"""On two cores a history of six versions or more reads its later half in a forked child, and is the same.

The child builds the history of the later versions, from the last of the earlier on (the
seam), and this process joins it to the history of the earlier ones (compare/history_join.py).
Where the halves cannot be joined for certain (versions out of date order, an action back at
the seam after an absence, a child that dies) the later versions are read here instead. Each
case is checked against what a person reading the six versions would write down, and against
the history read in one process.
"""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import housestyle
import pytest
from conftest import action, plan_rows
from housestyle import Style

import paptools
from paptools import history_read
from paptools.errors import PapError
from paptools.model import Month, Status

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a second process needs os.fork")

ROUTE = "Jan25: AB: Route agreed."
SIGNED = "May25: AB: Signed off by the board."


def _six(gone_at_the_seam: bool = False):
    """Six monthly versions, January to June 2025, as (version date, action rows).

    PAP 1.1 is completed after the seam (May); PAP 1.2's due month is put back twice, once
    after the seam; PAP 1.3 is added in May; PAP 1.4 is complete from February and renamed in
    June; PAP 1.5 is dropped after February (or, with `gone_at_the_seam`, missing in March only).
    """
    versions = []
    for month in range(1, 7):
        progress = ROUTE + ("\nMay25: AB: Signed off by the board." if month >= 5 else "")
        timescale = "Mar-25" if month < 2 else "Mar-25 Revised date: Jun-25" if month < 4 else "Mar-25 Revised date: Sep-25"
        rows = [
            action("PAP 1.1", "C" if month >= 5 else "OT", progress),
            action("PAP 1.2", "OT", "", timescale=timescale),
            *([action("PAP 1.3", "NYS", "")] if month >= 5 else []),
            action("PAP 1.4", "C" if month >= 2 else "OT", "", title="Board renamed" if month == 6 else None),
        ]
        if (month != 3) if gone_at_the_seam else (month <= 2):
            rows.append(action("PAP 1.5", "AR", f"{['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'][month - 1]}25: AB: "
                                                 "Still waiting."))
        versions.append((datetime(2025, month, 15), plan_rows(*rows)))
    return versions


def _write(folder, versions, name="plan-{when:%Y-%m}.xlsx"):
    paths = []
    for n, (when, rows) in enumerate(versions):
        path = folder / name.format(when=when, letter="abcdef"[n])
        housestyle.write_workbook(path, rows, Style(), when=when, version_date=when)
        paths.append(path)
    return paths


@pytest.fixture
def joins(monkeypatch):
    """What each join in this process gave: a History, or None where the halves could not be joined."""
    seen: list[object] = []
    join = history_read.join

    def recorded(earlier, later):
        seen.append(found := join(earlier, later))
        return found

    monkeypatch.setattr(history_read, "join", recorded)
    return seen


def test_the_later_half_is_read_by_a_second_process_and_joined(tmp_path, joins):
    paths = _write(tmp_path, _six())
    result = paptools.history(*paths, workers=2)
    assert len(joins) == 1 and joins[0] is not None  # joined, not read again here
    assert [v.label for v in result.versions] == [f"15 {m} 2025" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun")]
    assert [(v.all.total, v.all.of(Status.COMPLETE)) for v in result.versions] == [
        (4, 0), (4, 1), (3, 1), (3, 1), (4, 2), (4, 2)]
    timelines = {t.ref: t for t in result.timelines}
    assert [t.ref for t in result.timelines] == ["PAP 1.1", "PAP 1.2", "PAP 1.4", "PAP 1.5", "PAP 1.3"]
    done = timelines["PAP 1.1"].points
    assert [p.status.value for p in done] == ["On track"] * 4 + ["Complete"] * 2
    assert [[e.raw for e in p.new_entries] for p in done] == [[ROUTE], [], [], [], [SIGNED], []]
    assert [p is None for p in timelines["PAP 1.3"].points] == [True] * 4 + [False] * 2
    assert [p is None for p in timelines["PAP 1.5"].points] == [False] * 2 + [True] * 4
    assert timelines["PAP 1.4"].title == "Board renamed"
    assert [(s.ref, s.original_due, s.latest_due, [(x.version, x.before, x.after) for x in s.slips])
            for s in result.slipped] == [
        ("PAP 1.2", Month(2025, 3), Month(2025, 9),
         [(1, Month(2025, 3), Month(2025, 6)), (3, Month(2025, 6), Month(2025, 9))])]
    assert [(c.ref, c.title, c.version) for c in result.completed] == [
        ("PAP 1.1", "Action PAP 1.1", 4), ("PAP 1.4", "Board renamed", 1)]
    assert result == paptools.history(*paths, workers=1)


def test_versions_out_of_date_order_are_read_here_after_the_earlier_half(tmp_path, joins):
    paths = _write(tmp_path, _six(), name="version {letter}.xlsx")  # no date in the names
    shuffled = [paths[3], paths[0], paths[5], paths[1], paths[4], paths[2]]
    result = paptools.history(*shuffled, workers=2)
    assert joins == [None]
    assert [v.source for v in result.versions] == [f"version {c}.xlsx" for c in "abcdef"]
    assert result == paptools.history(*paths, workers=1)


def test_versions_named_by_month_are_read_in_the_order_their_names_give(tmp_path, joins):
    _write(tmp_path, _six(), name="PAP {when:%B} 2025.xlsx")
    result = paptools.history(tmp_path, workers=2)  # a folder lists April, February, January, June, March, May
    assert len(joins) == 1 and joins[0] is not None  # so the halves join
    assert [v.source for v in result.versions] == [
        "PAP January 2025.xlsx", "PAP February 2025.xlsx", "PAP March 2025.xlsx", "PAP April 2025.xlsx",
        "PAP May 2025.xlsx", "PAP June 2025.xlsx"]
    assert result == paptools.history(tmp_path, workers=1)


def test_the_order_of_reading_comes_from_dates_in_every_name_or_none():
    named = ["pap-2025-01.xlsx", "PAP_March_2024.xlsx", "PAP 12.03.25.xlsx", "plan 2023-11 copy.xlsx"]
    assert [p.name for p in history_read.in_name_order([Path(n) for n in named])] == [
        "plan 2023-11 copy.xlsx", "PAP_March_2024.xlsx", "pap-2025-01.xlsx", "PAP 12.03.25.xlsx"]
    some = ["plan-200-03.xlsx", "PAP March 2024.xlsx", "plan-200-01.xlsx"]  # not every name has a date: as given
    assert [p.name for p in history_read.in_name_order([Path(n) for n in some])] == some


def test_an_action_back_after_missing_at_the_seam_is_read_here(tmp_path, joins):
    paths = _write(tmp_path, _six(gone_at_the_seam=True))
    result = paptools.history(*paths, workers=2)
    assert joins == [None]
    back = next(t for t in result.timelines if t.ref == "PAP 1.5").points
    assert [p is None for p in back] == [False, False, True, False, False, False]
    assert [[e.raw for e in p.new_entries] for p in back if p is not None] == [  # each counted from the last shown
        ["Jan25: AB: Still waiting."], ["Feb25: AB: Still waiting."], ["Apr25: AB: Still waiting."],
        ["May25: AB: Still waiting."], ["Jun25: AB: Still waiting."]]
    assert result == paptools.history(*paths, workers=1)


def test_a_child_that_dies_costs_only_time(tmp_path, joins, monkeypatch):
    paths = _write(tmp_path, _six())
    parent, part = os.getpid(), history_read.part

    def dies_in_the_child(plans):
        if os.getpid() != parent:
            os._exit(1)
        return part(plans)

    monkeypatch.setattr(history_read, "part", dies_in_the_child)
    assert paptools.history(*paths, workers=2) == paptools.history(*paths, workers=1)
    assert joins == []  # nothing to join: the later versions were read here


def test_a_bad_later_version_is_reported_as_in_one_process(tmp_path):
    paths = _write(tmp_path, _six())
    paths[4].write_bytes(b"not a workbook")
    with pytest.raises(PapError) as two:
        paptools.history(*paths, workers=2)
    with pytest.raises(PapError) as one:
        paptools.history(*paths, workers=1)
    assert str(two.value) == str(one.value) and paths[4].name in str(two.value)


def test_five_versions_are_read_in_one_process(tmp_path, joins):
    paths = _write(tmp_path, _six()[:5])
    assert history_read.MIN_VERSIONS == 6
    assert [v.all.total for v in paptools.history(*paths, workers=2).versions] == [4, 4, 3, 3, 4]
    assert joins == []


def test_a_bad_earlier_version_stops_the_second_process_at_once(tmp_path, monkeypatch):
    paths = _write(tmp_path, _six())
    paths[1].write_bytes(b"not a workbook")
    cancelled = []
    cancel = history_read.Forked.cancel

    def spied(forked):
        cancelled.append(forked._child)
        cancel(forked)

    monkeypatch.setattr(history_read.Forked, "cancel", spied)
    with pytest.raises(PapError) as two:
        paptools.history(*paths, workers=2)
    assert paths[1].name in str(two.value)
    assert len(cancelled) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(cancelled[0], os.WNOHANG)  # stopped and reaped, not left behind

"""On two cores a command does part of its work in a forked child, and its results are the same.

The CLI asks for it on two cores. A read splits about half its Progress text in the child
(read/split_ahead.py), which sends back what it found; a child that fails costs only time.
Reconcile writes the cleaned workbook in the child while the report is written
(api.write_outputs); what the child raises is raised as if written here, and nothing is kept.
"""
from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import docx
import housestyle
import openpyxl
import pytest
from conftest import action, example_path, plan_rows
from housestyle import Style

from paptools.api import OutputOptions, reconcile, write_outputs
from paptools.errors import PapError
from paptools.model import EntryDate, EntryOrder
from paptools.read import entries as entries_module
from paptools.read import plan as plan_module
from paptools.read import progress as progress_module
from paptools.read import split_ahead as ahead
from paptools.read.plan import read_plan
from paptools.read.versions import Versions

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="splitting ahead needs os.fork")

FILLER = " Progress was reviewed with the team and the next steps agreed." * 40


def _cell(n: int) -> str:
    return f"12/03/24: AB: Review {n} started.{FILLER}\n15/04/24 - CD - Review {n} finished.{FILLER}"


def _plan(tmp_path, actions: int):
    rows = plan_rows(*(action(f"PAP 1.{n}", "OT", _cell(n)) for n in range(1, actions + 1)))
    path = tmp_path / "plan.xlsx"
    housestyle.write_workbook(path, rows, Style(), when=datetime(2025, 4, 30))
    return path


def _answered(found, texts):
    """Which texts the child's answers cover, in order."""
    return [text for text in texts if found.get(text) is not None]


def test_the_later_texts_are_split_by_a_second_process_as_they_would_be_here():
    texts = [_cell(n) for n in range(1, 61)]
    assert sum(map(len, texts)) > ahead.MIN_CHARACTERS
    found = ahead.split_ahead([*texts, texts[0], ""], EntryOrder.UNKNOWN)
    answered = _answered(found, texts)
    assert answered == texts[-len(answered):] and 25 <= len(answered) <= 35  # the later half or so, each once
    last = found.get(texts[-1])
    assert last.text == texts[-1]
    assert last.dates == (EntryDate(2024, 3, 12), EntryDate(2024, 4, 15))
    assert last.initials == ("AB", "CD")
    assert [entry.text[:27] for entry in last.entries()] == ["Review 60 started. Progress", "Review 60 finished. Progres"]
    found.finish()


def test_too_little_text_is_not_worth_a_second_process(monkeypatch):
    def no_fork(work):
        raise AssertionError("forked for two cells")

    monkeypatch.setattr(ahead, "Forked", no_fork)
    found = ahead.split_ahead([_cell(1), _cell(2)], EntryOrder.UNKNOWN)
    assert _answered(found, [_cell(1), _cell(2)]) == []


def test_a_child_that_fails_leaves_its_cells_to_the_reader(monkeypatch):
    parent = os.getpid()
    real = ahead.split_parts

    def fails_in_the_child(text, order):
        if os.getpid() != parent:
            raise RuntimeError("the child dies")
        return real(text, order)

    monkeypatch.setattr(ahead, "split_parts", fails_in_the_child)
    texts = [_cell(n) for n in range(1, 61)]
    found = ahead.split_ahead(texts, EntryOrder.UNKNOWN)
    assert _answered(found, texts) == []  # nothing came back: every cell is split by the reader


def test_a_child_never_asked_is_not_left_behind():
    texts = [_cell(n) for n in range(1, 61)]
    found = ahead.split_ahead(texts, EntryOrder.UNKNOWN)
    child = found._child._child
    del found  # a read that stopped on an error
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already reaped


def test_a_plan_read_on_two_processes_is_the_plan_read_on_one(tmp_path, monkeypatch):
    path = _plan(tmp_path, 60)
    sent = []

    def spied(texts, order):
        found = ahead.split_ahead(texts, order)
        sent.append(len(_answered(found, texts)))
        return found

    monkeypatch.setattr(plan_module, "split_ahead", spied)
    two = read_plan(path, workers=2)
    assert len(sent) == 1 and 25 <= sent[0] <= 35  # the later cells split by the child
    assert two == read_plan(path)
    last = two.actions[-1]
    assert last.ref == "PAP 1.60"
    assert [(e.date, e.initials, e.cell) for e in last.entries] == [
        (EntryDate(2024, 3, 12), "AB", "PAP!F63"), (EntryDate(2024, 4, 15), "CD", "PAP!F63")]


def test_versions_read_in_turn_on_two_processes_are_each_read_as_alone(tmp_path, monkeypatch):
    paths = []
    for month, more in ((4, ""), (5, "\n20/05/24: EF: Review {n} signed off.")):
        rows = plan_rows(*(action(f"PAP 1.{n}", "OT", _cell(n) + more.format(n=n)) for n in range(1, 61)))
        paths.append(tmp_path / f"plan-2025-0{month}.xlsx")
        housestyle.write_workbook(paths[-1], rows, Style(), when=datetime(2025, month, 28))
    sent, read_on = [], []
    real_ahead, real_on = progress_module.grown_ahead, entries_module._split_on

    def spied_ahead(texts, order):
        found = real_ahead(texts, order)
        sent.append(len(_answered(found, texts)))
        return found

    def spied_on(text, earlier):
        read_on.append(earlier.text[:20])
        return real_on(text, earlier)

    monkeypatch.setattr(progress_module, "grown_ahead", spied_ahead)
    monkeypatch.setattr(entries_module, "_split_on", spied_on)
    versions = Versions(workers=2)
    plans = [versions.read(path) for path in paths]
    assert len(sent) == 1 and 25 <= sent[0] <= 35  # the first version split ahead; the second read on from it
    assert len(read_on) == 60 and read_on[-1] == "12/03/24: AB: Review"  # each grown cell, from the child's cut
    assert plans == [read_plan(path) for path in paths]
    assert [(e.date, e.initials) for e in plans[1].actions[-1].entries] == [
        (EntryDate(2024, 3, 12), "AB"), (EntryDate(2024, 4, 15), "CD"), (EntryDate(2024, 5, 20), "EF")]


def _outputs(folder):
    """What an officer sees in each file written: the report's paragraphs and tables, every sheet's values."""
    report = docx.Document(next(folder.glob("*-report.docx")))
    book = openpyxl.load_workbook(next(folder.glob("*-clean.xlsx")))
    return ([p.text for p in report.paragraphs], [[c.text for c in row.cells] for t in report.tables for row in t.rows],
            {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book},
            next(folder.glob("*-changes.csv")).read_text(encoding="utf-8"))


def test_the_workbook_written_beside_the_report_is_the_workbook_written_after_it(tmp_path):
    result = reconcile(example_path("2025-08"), example_path("2026-04"), as_of=date(2026, 4, 30))
    one, two = OutputOptions(output_dir=tmp_path / "one"), OutputOptions(output_dir=tmp_path / "two", workers=2)
    write_outputs(result, one)
    write_outputs(result, two)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")
    sheets = _outputs(tmp_path / "two")[2]
    assert list(sheets) == ["Actions", "Summary", "Changes", "Warnings", "About"]
    assert sheets["Actions"][0][:2] == ["Ref", "Status"] and len(sheets["Actions"]) == 53  # header and 52 actions


def test_a_failure_in_the_second_process_is_raised_and_nothing_is_kept(tmp_path, monkeypatch):
    import errno

    def full(path, plan, summary, **kw):
        Path(path).write_bytes(b"PK half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("paptools.write.workbook.write_clean_workbook", full)
    result = reconcile(example_path("2025-08"), example_path("2026-04"))
    with pytest.raises(PapError, match="the disk is full"):
        write_outputs(result, OutputOptions(output_dir=tmp_path, workers=2))
    assert list(tmp_path.iterdir()) == []


def test_no_process_to_be_had_leaves_the_work_here(tmp_path, monkeypatch):
    def no_fork():
        raise OSError(11, "Resource temporarily unavailable")

    path = _plan(tmp_path, 60)
    alone = read_plan(path)
    open_before = len(os.listdir("/dev/fd"))
    monkeypatch.setattr(os, "fork", no_fork)
    assert read_plan(path, workers=2) == alone  # every cell split in this process
    assert len(os.listdir("/dev/fd")) == open_before  # the pipe made for the child closed again
    result = reconcile(example_path("2025-08"), example_path("2026-04"), as_of=date(2026, 4, 30))
    write_outputs(result, OutputOptions(output_dir=tmp_path / "out", workers=2))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "oldham-send-pap-2026-04-changes.csv", "oldham-send-pap-2026-04-clean.xlsx", "oldham-send-pap-2026-04-report.docx"]

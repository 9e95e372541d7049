"""On two cores a command does part of its work in a forked child, and its results are the same.

The CLI asks for it on two cores. A single plan's long texts are split by a child started as
the workbook is opened, from the last on, while this process finds the layout and then splits
from the first on (read/split_early.py EarlySplits); the first of several versions likewise,
each split with what the next version is read on from. A child sends back what it found; a
child that fails costs only time.
Reconcile writes the cleaned workbook in the child while the report is written
(api.write_outputs); what the child raises is raised as if written here, and nothing is kept.
"""
from __future__ import annotations

import os
import re
import zipfile
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
from paptools.forked import Feed
from paptools.model import EntryDate, EntryOrder
from paptools.read import entries as entries_module
from paptools.read import split_early
from paptools.read.entries import split_grown, split_parts
from paptools.read.package import Package
from paptools.read.plan import open_book, read_plan
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


def test_too_little_text_is_not_worth_a_second_process(monkeypatch, tmp_path):
    def no_fork(work):
        raise AssertionError("forked for two cells")

    monkeypatch.setattr(split_early, "Feed", no_fork)
    assert split_early.EarlySplits.open(_plan(tmp_path, 2)) is None  # a small plan is read before a child could help
    assert split_early.EarlySplits.open(_plan(tmp_path, 2), grown=True) is None
    assert split_early.EarlySplits.open(tmp_path / "missing.xlsx") is None  # the reader will say what is wrong
    (tmp_path / "not.xlsx").write_text("not a workbook")
    assert split_early.EarlySplits.open(tmp_path / "not.xlsx") is None


def test_a_child_that_fails_leaves_its_cells_to_the_reader(monkeypatch, tmp_path):
    parent = os.getpid()

    def fails_early(text, order):
        if os.getpid() != parent:
            raise RuntimeError("the child dies")
        return split_parts(text, order)

    def fails_grown(text, order, earlier):
        if os.getpid() != parent:
            raise RuntimeError("the child dies")
        return split_grown(text, order, earlier)

    path = _plan(tmp_path, 60)
    monkeypatch.setattr("paptools.read.entries.split_parts", fails_early)  # as the child imports it
    monkeypatch.setattr("paptools.read.entries.split_grown", fails_grown)
    assert read_plan(path, workers=2) == read_plan(path)
    assert Versions(workers=2).read(path) == read_plan(path)


def test_a_child_never_asked_is_not_left_behind(tmp_path):
    early = split_early.EarlySplits.open(_plan(tmp_path, 60), grown=True)
    child = early._feed._child
    del early  # a read that stopped on an error
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # already reaped


def _waited(early, text, seconds=60.0, grown=False):
    """The child's split of `text`, once it has arrived (this process never waits for it when reading)."""
    import time

    until = time.monotonic() + seconds
    while (found := (early.get_grown if grown else early.get)(text)) is None and time.monotonic() < until:
        time.sleep(0.02)
    return found


def test_a_single_plan_is_split_by_a_child_started_as_the_workbook_opens(tmp_path):
    early = split_early.EarlySplits.open(_plan(tmp_path, 60))
    assert early is not None
    early.order = EntryOrder.OLDEST_FIRST
    last = _waited(early, _cell(60))  # the child splits from the last text on
    assert last == split_parts(_cell(60), EntryOrder.OLDEST_FIRST)
    assert last.dates == (EntryDate(2024, 3, 12), EntryDate(2024, 4, 15))
    assert last.initials == ("AB", "CD")
    assert [entry.text[:27] for entry in last.entries()] == ["Review 60 started. Progress", "Review 60 finished. Progres"]
    assert early.get("a text the workbook does not hold") is None  # split by the reader
    early.finish()


def test_a_cell_whose_dates_do_not_tell_its_order_is_read_in_the_plans_order(tmp_path):
    lone = f"12/03/24: AB: Review started.{FILLER}\n\nThe review is planned.{FILLER}"
    rows = plan_rows(*(action(f"PAP 1.{n}", "OT", _cell(n)) for n in range(1, 60)), action("PAP 1.60", "OT", lone))
    path = tmp_path / "plan.xlsx"
    housestyle.write_workbook(path, rows, Style(), when=datetime(2025, 4, 30))
    early = split_early.EarlySplits.open(path)
    for order in (EntryOrder.NEWEST_FIRST, EntryOrder.OLDEST_FIRST, EntryOrder.UNKNOWN):
        early.order = order
        assert _waited(early, lone) == split_parts(lone, order)
    early.order = EntryOrder.NEWEST_FIRST  # the dated update written above the original position
    assert [(e.date, e.text[:21]) for e in early.get(lone).entries()] == [
        (EntryDate(2024, 3, 12), "Review started. Progr"), (None, "The review is planned")]
    early.order = EntryOrder.OLDEST_FIRST  # one entry, the text below it its own
    assert [(e.date, e.text[:21]) for e in early.get(lone).entries()] == [(EntryDate(2024, 3, 12), "Review started. Progr")]
    early.finish()


def _shared_plan(path, actions):
    """A plan saved with its text in the shared strings, as Excel saves it."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Plan")
    sheet.write_row(0, 0, ["Ref", "Action", "Owner", "Status", "Progress"])
    for n in range(1, actions + 1):
        sheet.write_row(n, 0, [f"PAP 1.{n}", f"Review {n}", "OT", "On track", _cell(n)])
    book.close()
    return path


@pytest.mark.plain_python
def test_a_plan_read_on_two_processes_is_the_plan_read_on_one(tmp_path, monkeypatch):
    path = _plan(tmp_path, 60)
    started = []
    real = split_early.EarlySplits.open

    def spied(path, grown=False):
        assert not grown  # a single plan: nothing is read on from it
        started.append(real(path))
        return started[-1]

    monkeypatch.setattr(split_early.EarlySplits, "open", spied)
    two = read_plan(path, workers=2)
    assert len(started) == 1 and started[0] is not None  # the child started as the workbook opened
    assert two == read_plan(path)
    last = two.actions[-1]
    assert last.ref == "PAP 1.60"
    assert [(e.date, e.initials, e.cell) for e in last.entries] == [
        (EntryDate(2024, 3, 12), "AB", "PAP!F63"), (EntryDate(2024, 4, 15), "CD", "PAP!F63")]
    assert _cell(60) in Package(path).long_inline_strings("xl/worksheets/sheet1.xml", 200)  # the child finds it


def test_a_plan_saved_with_shared_strings_is_split_by_the_child_too(tmp_path):
    path = _shared_plan(tmp_path / "plan.xlsx", 60)
    book = open_book(path)
    assert book.shared_strings[-1] == _cell(60)
    book.close()
    early = split_early.EarlySplits.open(path)
    early.order = EntryOrder.OLDEST_FIRST
    assert _waited(early, _cell(60)) == split_parts(_cell(60), EntryOrder.OLDEST_FIRST)
    early.finish()
    two = read_plan(path, workers=2)
    assert two == read_plan(path)
    assert [(e.date, e.initials, e.cell) for e in two.actions[-1].entries] == [
        (EntryDate(2024, 3, 12), "AB", "Plan!E61"), (EntryDate(2024, 4, 15), "CD", "Plan!E61")]


def test_the_long_texts_written_in_cells_are_read_as_the_cells_are(tmp_path):
    path = tmp_path / "plan.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "x"
    book.save(path)
    long = "Progress reviewed & agreed <on time>. " * 8
    cells = [
        f"<is><t>{long.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</t></is>",
        f'<is><t xml:space="preserve">{"Line one.&#10;Line two. " * 12}</t></is>',
        f"<is><r><rPr><b/></rPr><t>12/03/24: AB: </t></r><r><t>{'Bold date, plain text. ' * 10}</t></r>"
        f'<rPh sb="0" eb="1"><t>guide</t></rPh></is>',
        f"<is><t><![CDATA[{'Written <as> it is. ' * 12}]]></t></is>",
        "<is><t>too short to send</t></is>",
        f"<x:is><x:t>{'A prefixed tag is passed over. ' * 10}</x:t></x:is>",
        f"<is><t>{'_x0041_ decoded as Excel writes it. ' * 8}</t></is>",
        f"<is><t>{'Agreed &#8211; on time &#x2014; &amp;#8211; as written. ' * 5}</t></is>",
    ]
    body = "".join(f'<c r="A{n}" t="inlineStr">{cell}</c>' for n, cell in enumerate(cells, start=1))
    rewrite_sheet = re.compile(rb"<sheetData>.*</sheetData>|<sheetData/>", re.S)
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for item, data in items:
            if item.filename == "xl/worksheets/sheet1.xml":
                data = rewrite_sheet.sub(f"<sheetData><row r=\"1\">{body}</row></sheetData>".encode(), data)
            target.writestr(item, data)
    assert list(Package(path).long_inline_strings("xl/worksheets/sheet1.xml", 200)) == [
        "Progress reviewed & agreed <on time>. " * 8,
        "Line one.\nLine two. " * 12,
        "12/03/24: AB: " + "Bold date, plain text. " * 10,
        "Written <as> it is. " * 12,
        "A decoded as Excel writes it. " * 8,
        "Agreed – on time — &#8211; as written. " * 5,  # a character by number, and an escaped "&" kept
    ]


def test_a_feed_stopped_while_its_child_still_works_leaves_no_child_behind():
    def forever(send):
        n = 0
        while True:
            send(n)
            n += 1

    feed = Feed.start(forever)
    import time

    taken = []
    until = time.monotonic() + 30
    while len(taken) < 100 and time.monotonic() < until:
        taken += feed.take()
    assert taken[:100] == list(range(100))  # in the order sent, none lost at the pipe's seams
    child = feed._child
    feed.cancel()
    assert feed.take() == []
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # ended and reaped


def test_the_first_version_is_split_with_what_the_next_is_read_on_from(tmp_path):
    lone = f"12/03/24: AB: Review started.{FILLER}\n\nThe review is planned.{FILLER}"
    rows = plan_rows(*(action(f"PAP 1.{n}", "OT", _cell(n)) for n in range(1, 60)), action("PAP 1.60", "OT", lone))
    path = tmp_path / "plan.xlsx"
    housestyle.write_workbook(path, rows, Style(), when=datetime(2025, 4, 30))
    early = split_early.EarlySplits.open(path, grown=True)
    for order in (EntryOrder.NEWEST_FIRST, EntryOrder.OLDEST_FIRST, EntryOrder.UNKNOWN):
        early.order = order
        for text in (lone, _cell(59), _cell(1)):
            assert _waited(early, text, grown=True) == split_grown(text, order, None)
    cell, grown = early.get_grown(_cell(59))
    assert grown.usual_order is EntryOrder.UNKNOWN and grown.text == _cell(59) and grown.cell == cell
    assert grown.before.cut > 0  # read on from a cut, once more is written at its end
    more = _cell(59) + "\n20/05/24: EF: Review 59 signed off."
    assert split_grown(more, EntryOrder.UNKNOWN, grown) == split_grown(more, EntryOrder.UNKNOWN, None)
    assert early.get_grown("a text the workbook does not hold") is None  # split by the reader
    early.finish()


@pytest.mark.plain_python
def test_versions_read_in_turn_on_two_processes_are_each_read_as_alone(tmp_path, monkeypatch):
    paths = []
    for month, more in ((4, ""), (5, "\n20/05/24: EF: Review {n} signed off.")):
        rows = plan_rows(*(action(f"PAP 1.{n}", "OT", _cell(n) + more.format(n=n)) for n in range(1, 61)))
        paths.append(tmp_path / f"plan-2025-0{month}.xlsx")
        housestyle.write_workbook(paths[-1], rows, Style(), when=datetime(2025, month, 28))
    started, read_on = [], []
    real_open, real_on = split_early.EarlySplits.open, entries_module._split_on

    def spied_open(path, grown=False):
        started.append((Path(path).name, grown))
        return real_open(path, grown)

    def spied_on(text, earlier):
        read_on.append(earlier.text[:20])
        return real_on(text, earlier)

    monkeypatch.setattr(split_early.EarlySplits, "open", spied_open)
    monkeypatch.setattr(entries_module, "_split_on", spied_on)
    versions = Versions(workers=2)
    plans = [versions.read(path) for path in paths]
    assert started == [("plan-2025-04.xlsx", True)]  # the first version split on two processes
    assert len(read_on) == 60 and read_on[-1] == "12/03/24: AB: Review"  # each grown cell, from the first's cut
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


def test_the_callers_work_is_done_while_the_second_process_writes_the_workbook(tmp_path, monkeypatch):
    from paptools import forked

    result = reconcile(example_path("2025-08"), example_path("2026-04"), as_of=date(2026, 4, 30))
    events = []
    real = forked.Forked.result

    def waited(self):
        events.append("waited for the workbook")
        return real(self)

    monkeypatch.setattr(forked.Forked, "result", waited)
    written = write_outputs(result, OutputOptions(output_dir=tmp_path / "two", workers=2),
                            meanwhile=lambda: events.append("the caller's work"))
    assert events == ["the caller's work", "waited for the workbook"]
    assert sorted(written) == ["changes", "report", "workbook"]
    events.clear()
    write_outputs(result, OutputOptions(output_dir=tmp_path / "one"), meanwhile=lambda: events.append("the caller's work"))
    assert events == ["the caller's work"]  # once, with no second process too
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


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

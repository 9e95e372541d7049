"""History reads many versions of one plan, each exactly as `read_plan` reads it alone.

`read.versions.Versions` remembers the cells cleaned in the version before, so the versions are
built here to change between them: a column moves, rows shift, cells gain entries.
"""
from __future__ import annotations

from datetime import datetime

import housestyle
import pytest
from conftest import action, plan_rows
from housestyle import FIELDS, Style

import paptools
from paptools.api import write_history
from paptools.read.plan import read_plan
from paptools.read.versions import Versions

MOVED = ("ref", "status", "progress", "action", "owner", "timescale", "success", "outcome", "evidence")


def _write(folder, versions, name="v{n}.xlsx"):
    """Each (version date, rows, house style) as a workbook dated by it; their paths, in order."""
    paths = []
    for n, (when, rows, style) in enumerate(versions, start=1):
        path = folder / name.format(n=n)
        housestyle.write_workbook(path, rows, style, when=when, version_date=when)
        paths.append(path)
    return paths


def _versions(folder):
    """Three versions: the second keeps its columns in another order, the third adds a row at the top."""
    january = plan_rows(
        action("PAP 1.1", "OT", "Jan25: AB: Started the review."),
        action("PAP 1.2", "NYS", ""),
        action("PAP 1.3", "OT", "Dec24: AB: Draft written.", timescale="Mar-25"),
    )
    february = plan_rows(
        action("PAP 1.1", "C", "Jan25: AB: Started the review.\nFeb25: AB: Marked as complete."),
        action("PAP 1.2", "OT", "Feb25: AB: Kick-off meeting held."),
        action("PAP 1.3", "OT", "Dec24: AB: Draft written.", timescale="Mar-25 Revised date: Jun-25"),
    )
    march = plan_rows(
        action("PAP 1.0", "AR", "Mar25: AB: Added to the plan."),
        action("PAP 1.1", "C", "Jan25: AB: Started the review.\nFeb25: AB: Marked as complete."),
        action("PAP 1.2", "AR", "Feb25: AB: Kick-off meeting held.\nMar25: AB: Funding not yet agreed."),
        action("PAP 1.3", "OT", "Dec24: AB: Draft written.", timescale="Mar-25 Revised date: Jun-25"),
    )
    return _write(folder, [(datetime(2025, month, 15), rows, Style(order=order))
                           for month, rows, order in ((1, january, FIELDS), (2, february, MOVED), (3, march, FIELDS))],
                  "plan-2025-0{n}.xlsx")


def test_each_version_is_read_as_read_plan_reads_it_alone(tmp_path):
    paths = _versions(tmp_path)
    versions = Versions()
    plans = [versions.read(path) for path in paths]
    assert plans == [read_plan(path) for path in paths]
    moved = plans[1]  # status in column B, progress in C: read from where they now are
    assert [(a.ref, a.status.value, a.status_cell, a.progress) for a in moved.actions] == [
        ("PAP 1.1", "Complete", "B4", "Jan25: AB: Started the review.\nFeb25: AB: Marked as complete."),
        ("PAP 1.2", "On track", "B5", "Feb25: AB: Kick-off meeting held."),
        ("PAP 1.3", "On track", "B6", "Dec24: AB: Draft written."),
    ]
    assert [a.title for a in moved.actions] == ["Action PAP 1.1", "Action PAP 1.2", "Action PAP 1.3"]
    shifted = plans[2]  # a row added at the top: every later action one row down
    assert [(a.ref, a.row, a.status.value) for a in shifted.actions] == [
        ("PAP 1.0", 4, "At risk"), ("PAP 1.1", 5, "Complete"), ("PAP 1.2", 6, "At risk"), ("PAP 1.3", 7, "On track"),
    ]


def test_history_across_a_moved_column_and_shifted_rows(tmp_path):
    _versions(tmp_path)
    result = paptools.history(tmp_path)
    assert [(v.source, v.label) for v in result.versions] == [
        ("plan-2025-01.xlsx", "15 Jan 2025"), ("plan-2025-02.xlsx", "15 Feb 2025"), ("plan-2025-03.xlsx", "15 Mar 2025"),
    ]
    assert [(v.all.total, v.all.of(paptools.Status.COMPLETE)) for v in result.versions] == [(3, 0), (3, 1), (4, 1)]
    timelines = {t.ref: t for t in result.timelines}
    assert list(timelines) == ["PAP 1.1", "PAP 1.2", "PAP 1.3", "PAP 1.0"]
    statuses = {ref: [p.status.value if p else None for p in t.points] for ref, t in timelines.items()}
    assert statuses == {
        "PAP 1.1": ["On track", "Complete", "Complete"],
        "PAP 1.2": ["Not yet started", "On track", "At risk"],
        "PAP 1.3": ["On track", "On track", "On track"],
        "PAP 1.0": [None, None, "At risk"],
    }
    new = {ref: [[e.text for e in p.new_entries] if p else None for p in t.points] for ref, t in timelines.items()}
    assert new == {
        "PAP 1.1": [["Started the review."], ["Marked as complete."], []],
        "PAP 1.2": [[], ["Kick-off meeting held."], ["Funding not yet agreed."]],
        "PAP 1.3": [["Draft written."], [], []],
        "PAP 1.0": [None, None, ["Added to the plan."]],
    }
    assert [(s.ref, s.original_due.iso(), s.latest_due.iso(), [x.version for x in s.slips]) for s in result.slipped] == [
        ("PAP 1.3", "2025-03", "2025-06", [1]),
    ]
    assert [(c.ref, c.version, c.month.iso(), c.source) for c in result.completed] == [
        ("PAP 1.1", 1, "2025-02", "entry"),
    ]


def test_an_old_entry_kept_with_other_spacing_is_not_new(tmp_path):
    first = plan_rows(action("PAP 1.1", "OT", "Jan25: AB: Started the review of the\nplacements."))
    second = plan_rows(action("PAP 1.1", "OT", "Jan25: AB: Started the review of the placements.\n"
                                               "Feb25: AB: Placements listed."))
    _write(tmp_path, [(datetime(2025, 1, 15), first, Style()), (datetime(2025, 2, 15), second, Style())])
    timeline = paptools.history(tmp_path).timelines[0]
    assert [[e.text for e in p.new_entries] for p in timeline.points] == [
        ["Started the review of the\nplacements."], ["Placements listed."],
    ]


def test_nothing_is_written_without_a_folder(tmp_path):
    _versions(tmp_path)
    result = paptools.history(tmp_path)
    assert write_history(result, output_dir=None, csv_dir=None) == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan-2025-01.xlsx", "plan-2025-02.xlsx", "plan-2025-03.xlsx"]


def _entry_versions(folder):
    """Two versions whose Progress cells stay the same text while what they are read with changes."""
    first = plan_rows(
        action("PAP 1.1", "OT", "Jan25: AB: Started.", owner="Amber Burton"),
        action("PAP 1.2", "OT", "Jan25: AB: Scoped.", owner="Alan Baker"),
        action("PAP 1.3", "OT", "Jan25: AB: Asked.", owner="Panel"),
        action("PAP 1.4", "OT", "un 24: CD: Clipped.\nJan25: CD: Again.", owner="Chris Day"),
        action("PAP 1.5", "OT", "Jan25: CD: Begun.", owner="Chris Day"),
    )
    second = plan_rows(
        action("PAP 1.1", "OT", "Jan25: AB: Started.", owner="Amber Burton"),  # same cell, same row
        action("PAP 1.2", "OT", "Jan25: AB: Scoped.", owner="Panel"),  # its owner changed, and so who AB is
        action("PAP 1.2a", "OT", "", owner="Amber Burton"),  # added: the rows below move down
        action("PAP 1.3", "OT", "Jan25: AB: Asked.", owner="Panel"),  # AB now names the owner of more actions
        action("PAP 1.4", "OT", "un 24: CD: Clipped.\nJan25: CD: Again.", owner="Chris Day"),  # moved, with a note
        action("PAP 1.5", "OT", "Jan25: CD: Begun.\nFeb25: CD: Done.", owner="Chris Day"),  # its text changed
    )
    return _write(folder, [(datetime(2025, 1, 15), first, Style()), (datetime(2025, 2, 15), second, Style())])


def test_a_progress_cell_read_before_gives_what_read_plan_gives(tmp_path):
    paths = _entry_versions(tmp_path)
    versions = Versions()
    plans = [versions.read(path) for path in paths]
    assert plans == [read_plan(path) for path in paths]

    def entries(plan):
        return {a.ref: [(e.cell, e.initials, e.author, e.text) for e in a.entries] for a in plan.actions}

    assert entries(plans[0]) == {
        "PAP 1.1": [("PAP!F4", "AB", "Amber Burton", "Started.")],
        "PAP 1.2": [("PAP!F5", "AB", "Alan Baker", "Scoped.")],
        "PAP 1.3": [("PAP!F6", "AB", None, "Asked.")],  # Amber Burton or Alan Baker: a tie
        "PAP 1.4": [("PAP!F7", "CD", "Chris Day", "Clipped."), ("PAP!F7", "CD", "Chris Day", "Again.")],
        "PAP 1.5": [("PAP!F8", "CD", "Chris Day", "Begun.")],
    }
    assert entries(plans[1]) == {
        "PAP 1.1": [("PAP!F4", "AB", "Amber Burton", "Started.")],
        "PAP 1.2": [("PAP!F5", "AB", "Amber Burton", "Scoped.")],
        "PAP 1.2a": [],
        "PAP 1.3": [("PAP!F7", "AB", "Amber Burton", "Asked.")],
        "PAP 1.4": [("PAP!F8", "CD", "Chris Day", "Clipped."), ("PAP!F8", "CD", "Chris Day", "Again.")],
        "PAP 1.5": [("PAP!F9", "CD", "Chris Day", "Begun."), ("PAP!F9", "CD", "Chris Day", "Done.")],
    }
    clipped = "'un 24' read as the date Jun 2024 (a letter seems to be missing)"
    assert [(w.cell, w.message) for w in plans[0].warnings if w.sheet] == [("F7", clipped)]
    assert [(w.cell, w.message) for w in plans[1].warnings if w.sheet] == [("F8", clipped)]
    # The cell that did not change, on the same row and under the same owners, is not built again.
    assert plans[1].actions[0].entries[0] is plans[0].actions[0].entries[0]


def test_a_cell_that_grows_version_by_version_is_read_as_read_plan_reads_it(tmp_path):
    """Three versions of a long cell, each with an entry added at its end: split from near the old end."""
    entries = [f"{month}24: SL: The review of placements met on the {month} date; the panel agreed the "
               "next steps and the families were told by letter and at the forum." for month in
               ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"]]
    paths = _write(tmp_path, [
        (datetime(2024, 6 + version, 15), plan_rows(
            action("PAP 1.1", "OT", " ".join(entries[:count]), owner="Steve Larking"),
            action("PAP 1.2", "OT", "Jan24: SL: Started.")), Style())
        for version, count in enumerate((6, 7, 9), start=1)])
    versions = Versions()
    plans = [versions.read(path) for path in paths]
    assert plans == [read_plan(path) for path in paths]
    assert [[(e.date.iso(), e.author, e.text[:26]) for e in plan.actions[0].entries] for plan in plans][2] == [
        (f"2024-{n:02d}", "Steve Larking", "The review of placements m") for n in range(1, 10)
    ]


def test_a_timescale_read_once_is_the_same_for_every_row_and_version():
    from datetime import date

    from paptools.read.action_due import _timescale
    from paptools.read.timescales import parse_timescale

    values = ["Sep-24", "Mar-25 Revised date: Jun-25", 45000, 45000.0, True, 1, datetime(2025, 3, 1),
              date(2025, 3, 1), None, "", "Sep-24"]
    assert [_timescale(v, False) for v in values] == [parse_timescale(v) for v in values]
    assert [_timescale(v, False)[0].due.iso() if _timescale(v, False)[0].due else None for v in values[:2]] == ["2024-09", "2025-06"]


def test_the_last_version_read_gives_what_read_plan_gives_and_keeps_nothing(tmp_path):
    """Told a version is the last, the reader keeps no texts nor entries for a next one, and lets go
    of the version before's; the plans are those read_plan reads."""
    paths = _entry_versions(tmp_path) + _versions(tmp_path)
    versions = Versions()
    plans = [versions.read(path, last=n == len(paths)) for n, path in enumerate(paths, start=1)]
    assert plans == [read_plan(path) for path in paths]
    assert (versions._same_before, versions._same, versions._cleaned_before, versions._cleaned) == ({}, {}, {}, {})
    cells = versions._cells
    assert (cells._before, cells._now, cells._actions_before, cells._actions_now) == ({}, {}, {}, {})


def test_the_last_version_uses_the_version_before_but_keeps_nothing(tmp_path):
    first, second = _entry_versions(tmp_path)
    versions = Versions()
    earlier = versions.read(first)
    assert versions._same and versions._cells._now  # kept for a next version
    later = versions.read(second, last=True)
    assert later == read_plan(second)
    assert later.actions[0].entries is earlier.actions[0].entries  # the unchanged cell's entries reused, as one tuple
    assert later.actions[0].progress is earlier.actions[0].progress  # and its text, cleaned once
    assert (versions._same_before, versions._same, versions._cleaned_before, versions._cleaned) == ({}, {}, {}, {})
    assert (versions._cells._before, versions._cells._now) == ({}, {})
    again = versions.read(first)  # read after the last all the same: in full, as the first
    assert again == read_plan(first)


def test_a_cell_memo_told_no_version_follows_keeps_nothing():
    from paptools.model import EntryOrder
    from paptools.read.progress import CellMemo

    memo = CellMemo()
    warnings = []

    def warn(*args):
        warnings.append(args)

    def entries(ref):
        return memo.entries("Jan25: AB: Started.", "PAP", "F4", warn, EntryOrder.OLDEST_FIRST, lambda i: "Amber Burton",
                            ref)

    kept = entries("PAP 1.1")
    assert [(e.initials, e.author, e.text) for e in kept] == [("AB", "Amber Burton", "Started.")]
    memo.next_version(keep=False)
    again = entries("PAP 1.1")
    assert again[0] is kept[0]  # read from the version before
    assert (memo._now, memo._actions_now) == ({}, {})  # but nothing kept for a next one
    memo.next_version()
    assert (memo._before, memo._actions_before) == ({}, {})
    assert entries("PAP 1.1")[0] is not kept[0]


@pytest.mark.plain_python
def test_reconcile_and_history_tell_the_reader_which_version_is_the_last(tmp_path, monkeypatch):
    paths = _versions(tmp_path)
    told = []
    read = Versions.read

    def spy(self, path, progress=None, *, last=False):
        told.append((path.name, last))
        return read(self, path, progress, last=last)

    monkeypatch.setattr(Versions, "read", spy)
    paptools.reconcile(paths)
    assert told == [("plan-2025-01.xlsx", False), ("plan-2025-02.xlsx", False), ("plan-2025-03.xlsx", True)]
    told.clear()
    paptools.history(tmp_path)
    assert told == [("plan-2025-01.xlsx", False), ("plan-2025-02.xlsx", False), ("plan-2025-03.xlsx", True)]


@pytest.mark.plain_python
def test_the_rows_of_a_version_hold_the_texts_of_the_version_before_not_copies(tmp_path, monkeypatch):
    """A cell whose text is as it was is read into the same string as before, whether cleaning
    changes it or not, and the new version's rows point at that string instead of a copy."""
    import paptools.read.detect_plan as detect_plan

    def version(progress):
        return plan_rows(action("PAP 1.1", "OT", progress, title="Panel &amp; forum  agreed"),
                         action("PAP 1.2", "OT", "Jan25: AB: Scoped."))

    paths = _write(tmp_path, [(datetime(2025, 1, 15), version("Jan25: AB: Started."), Style()),
                              (datetime(2025, 2, 15), version("Jan25: AB: Started.\nFeb25: AB: Met."), Style())])
    rows = {}
    sheet_rows = detect_plan.sheet_rows

    def kept(book, sheet, text=None):
        found = sheet_rows(book, sheet, text)
        rows[book.path.name, sheet.title] = {cell.coordinate: cell.value for row in found for cell in row.cells}
        return found

    monkeypatch.setattr(detect_plan, "sheet_rows", kept)
    versions = Versions()
    first = versions.read(paths[0])
    second = versions.read(paths[1], last=True)
    before, now = rows[paths[0].name, "PAP"], rows[paths[1].name, "PAP"]
    assert [first, second] == [read_plan(path) for path in paths]
    title = first.actions[0].title
    assert (title, second.actions[0].title) == ("Panel & forum agreed", "Panel & forum agreed")
    assert second.actions[0].title is title
    where = next(c for c, v in now.items() if v == "Panel &amp; forum  agreed")
    assert now[where] is before[where]  # the raw text, which cleaning changes: the first version's
    unchanged = next(c for c, v in now.items() if v == "Jan25: AB: Scoped.")
    assert now[unchanged] is before[unchanged] is first.actions[1].progress
    grown = next(c for c, v in now.items() if isinstance(v, str) and v.endswith("Met."))
    assert second.actions[0].progress == now[grown] != before[grown]


def test_a_kept_cell_gives_back_its_split_whole_from_its_entries():
    """The memo keeps a cell's split only as far as its entries do not hold it; given back, it is
    the split split_grown made, part for part, so the next version is split from it the same."""
    from paptools.model import EntryOrder
    from paptools.read.entries import split_grown
    from paptools.read.progress import CellMemo

    entries = [f"{month}24: SL: The review of placements met on the {month} date; the panel agreed the "
               "next steps and the families were told by letter and at the forum." for month in
               ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul"]]
    text = " ".join(entries[:6])
    memo = CellMemo()

    def author(initials):
        return "Steve Larking"

    first = memo.entries(text, "PAP", "F4", lambda *a: None, EntryOrder.OLDEST_FIRST, author, "PAP 1.1")
    kept = memo._now[(text, "PAP", EntryOrder.OLDEST_FIRST.value)]
    _, grown = split_grown(text, EntryOrder.OLDEST_FIRST, None)
    assert grown is not None and grown.cell.dates
    assert (kept.grown.cell.dates, kept.grown.cell.initials, kept.grown.cell.text_starts) == ((), (), ())
    assert kept.grown.cell.spans == grown.cell.spans
    assert kept.grown_again() == grown
    assert kept.entries is first
    memo.next_version()
    later = " ".join(entries)  # one more entry at its end, on another row
    again = memo.entries(later, "PAP", "F5", lambda *a: None, EntryOrder.OLDEST_FIRST, author, "PAP 1.1")
    assert [(e.date.iso(), e.author, e.cell, e.raw) for e in again] == [
        (f"2024-{n:02d}", "Steve Larking", "PAP!F5", entry) for n, entry in enumerate(entries, start=1)]
    assert [e.raw for e in again] == [e.raw for e in split_grown(later, EntryOrder.OLDEST_FIRST, grown)[0].entries()]


def test_the_initials_and_authors_a_memo_checks_are_held_once_for_the_plan():
    from paptools.model import EntryOrder
    from paptools.read.progress import CellMemo

    memo = CellMemo()
    for n, text in enumerate(["Jan25: AB: Started. Feb25: CD: Met.", "Jan25: AB: Scoped. Feb25: CD: Agreed."]):
        memo.entries(text, "PAP", f"F{n + 4}", lambda *a: None, EntryOrder.OLDEST_FIRST,
                     {"AB": "Amber Burton", "CD": "Chris Day"}.get, f"PAP 1.{n}")
    one, two = memo._now.values()
    assert one.signed == two.signed == (("AB", "Amber Burton"), ("CD", "Chris Day"))
    assert all(a is b for a, b in zip(one.signed, two.signed))


def test_a_cell_on_another_row_names_it_once_for_all_its_entries(tmp_path):
    first, second = _entry_versions(tmp_path)
    versions = Versions()
    versions.read(first)
    moved = versions.read(second, last=True).actions[4]  # PAP 1.4, a row further down than before
    assert [(e.cell, e.text) for e in moved.entries] == [("PAP!F8", "Clipped."), ("PAP!F8", "Again.")]
    assert moved.entries[0].cell is moved.entries[1].cell


def test_the_owners_of_a_plan_are_split_once_per_owner_cell_and_each_name_held_once(tmp_path):
    paths = _write(tmp_path, [(datetime(2025, 1, 15), plan_rows(
        action("PAP 1.1", owner="Amber Burton & Chris Day"), action("PAP 1.2", owner="Amber Burton & Chris Day"),
        action("PAP 1.3", owner="Chris Day, Amber Burton")), Style())])
    plan = read_plan(paths[0])
    one, two, three = (a.owners for a in plan.actions)
    assert one == two == ("Amber Burton", "Chris Day") and three == ("Chris Day", "Amber Burton")
    assert one is two
    assert three[1] is one[0] and three[0] is one[1]

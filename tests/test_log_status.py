"""Updates logs that carry a status beside each update ("RAG"), for a plan whose actions sheet
has no status column: each action's status is the one beside its latest update. A log column
that is not read is reported. Expected values are written out as an officer reads them."""
from __future__ import annotations

from datetime import datetime

import openpyxl

from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout


def build(path, actions_header, log_header, log_rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(actions_header)
    sheet.append(["A1", "Publish the local offer", "Jane Smith", "Mar 2025", *(["G"] if len(actions_header) > 4 else [])])
    sheet.append(["A2", "Train SENCOs", "Bob Jones", "Jun 2025", *(["G"] if len(actions_header) > 4 else [])])
    log = book.create_sheet("Updates")
    for row in [log_header, *log_rows]:
        log.append(row)
    book.save(path)
    return path


ROWS = [
    ["A1", datetime(2025, 1, 10), "Draft written.", "Green", "Consult parents"],
    ["A2", datetime(2025, 3, 6), "Venue booked.", "Amber", ""],
    ["A1", datetime(2025, 3, 5), "Published.", "Complete", ""],
    ["A2", datetime(2025, 1, 12), "No venue.", "Red", "Find a venue"],
]


def test_the_status_beside_the_latest_update_is_the_actions(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", ["ID", "Action", "Owner", "Deadline"],
                           ["ID", "Date", "Update", "RAG", "Next steps"], ROWS))
    assert [(a.ref, a.status.value, a.status_word, str(a.status_source)) for a in plan.actions] == [
        ("A1", "Complete", "Complete", "log"), ("A2", "Vulnerable", "Amber", "log")]
    assert [w.line() for w in plan.warnings] == [
        "Updates!E1: column E 'Next steps' of this updates log is not read: only each update's ref, date, author, "
        "text and status are"]
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert "  Status           <- the status beside each action's latest update in sheet Updates" in text
    assert "  Status <- column D, for an action with no status column of its own\n" in text


def test_a_logs_status_beside_an_actions_own_status_is_reported_not_read(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", ["ID", "Action", "Owner", "Deadline", "RAG"],
                           ["ID", "Date", "Update", "RAG"], [row[:4] for row in ROWS]))
    assert [(a.ref, a.status.value) for a in plan.actions] == [("A1", "On track"), ("A2", "On track")]
    assert [w.line() for w in plan.warnings] == [
        "Updates!D1: this updates log's status column is not read: each action's status is read from its own row"]

"""Plans that keep the deadline in dated columns ("Original deadline", "Revised deadline")
rather than one Timescale cell: the revised date is the due month, and nothing is reported
missing. Expected values are written out as an officer reads them."""
from __future__ import annotations

from datetime import datetime

import openpyxl

from paptools.read.plan import read_plan


def test_original_and_revised_deadline_columns_give_the_due_months(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Plan"
    for row in [
        ["Ref", "Action", "Owner", "Original deadline", "Revised deadline", "RAG", "Progress"],
        ["1.1", "Publish the local offer", "Jane Smith", datetime(2025, 3, 31), datetime(2025, 6, 30), "G",
         "Jan 25: Draft."],
        ["1.2", "Train SENCOs", "Bob Jones", datetime(2025, 6, 30), None, "A", "Jan 25: Venue booked."],
    ]:
        sheet.append(row)
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert {a.ref: (a.timescale.original_due.iso(), a.timescale.revised_due and a.timescale.revised_due.iso())
            for a in plan.actions} == {"1.1": ("2025-03", "2025-06"), "1.2": ("2025-06", None)}
    assert [w.line() for w in plan.warnings] == []

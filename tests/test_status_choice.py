"""Where a plan's status is taken from, in house styles that keep it in more than one place or in
no status column at all, and status phrases of the plan's own: each workbook is built here, in the
test, and the expected values written out as an officer reads them."""
from __future__ import annotations

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation
from test_layout import build, lines, statuses

from paptools.read.plan import read_plan

HEADER = ["Ref", "Action", "Lead", "Timescale", "Status", "Progress"]


def test_a_drop_down_of_in_progress_phrases_is_read_by_how_each_says_it_is_going(tmp_path):
    path = build(tmp_path / "plan.xlsx", {"Sheet1": [
        ["Action ID", "Action", "Lead", "Target date", "Status", "Updates (newest first)"],
        ["OAK-01", "Develop a pathway", "Amir Bashir", "31/03/2025", "In Progress - On Track", "13/01/2025 AB\nDrafted."],
        ["OAK-02", "Train SENCOs", "Karen Lowe", "31/03/2025", "In Progress - Behind", "13/01/2025 KL\nLate."],
        ["OAK-03", "Review annual reviews", "Paul Davies", "31/03/2025", "In Progress - At Risk", "13/01/2025 PD\nStuck."],
        ["OAK-04", "Improve health advice", "Rachel Turner", "30/06/2025", "Completed", "13/01/2025 RT\nDone."],
        ["OAK-05", "Launch a protocol", "Helen Wright", "30/06/2025", "Not Started", None],
    ]})
    book = openpyxl.load_workbook(path)
    rule = DataValidation(type="list", formula1='"Not Started,In Progress - On Track,In Progress - Behind,'
                                                'In Progress - At Risk,Completed"')
    rule.add("E2:E200")
    book["Sheet1"].add_data_validation(rule)
    book.save(path)
    plan = read_plan(path)
    assert statuses(plan) == {
        "OAK 01": ("On track", "In Progress - On Track"), "OAK 02": ("Vulnerable", "In Progress - Behind"),
        "OAK 03": ("At risk", "In Progress - At Risk"), "OAK 04": ("Complete", "Completed"),
        "OAK 05": ("Not yet started", "Not Started")}
    assert lines(plan) == []


def test_a_key_of_numbered_codes_whose_meanings_are_in_progress_phrases(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {
        "PAP": [["Ref", "Workstream", "Deliverable", "Responsible officer", "By when", "RAG rating (1-4)",
                 "Progress update"],
                ["W1.1", "Identification", "Recruit two clinicians", "Amir Bashir", "Mar 2025", 2, "Oct 24: Advertised."],
                ["W1.2", "Identification", "Develop a pathway", "Karen Lowe", "Mar 2025", 3, "Oct 24: Drafting late."],
                ["W1.3", "Identification", "Train SENCOs", "Paul Davies", "Mar 2025", 4, "Oct 24: Done."],
                ["W2.1", "Health", "Agree a strategy", "Michael O'Neill", "Jun 2025", 1, None]],
        "Key": [["Code", "Meaning"], [1, "Not started"], [2, "In progress - on track"], [3, "In progress - delayed"],
                [4, "Completed"]],
    }))
    assert {ref: status for ref, (status, _) in statuses(plan).items()} == {
        "W1.1": "On track", "W1.2": "Vulnerable", "W1.3": "Complete", "W2.1": "Not yet started"}
    assert not [line for line in lines(plan) if "not one of the five statuses" in line]

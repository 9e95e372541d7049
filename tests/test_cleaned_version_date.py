"""The cleaned workbook reads back as a version of the plan's own version date, not its "as of" date.

An officer who runs reconcile with --as-of 2025-07-31 on a plan updated 15 July 2025 gets a
cleaned copy whose Summary says "as of 31 July 2025": that is the day overdue was judged at.
Reconciling next month's plan against that copy (or running history over a folder holding it)
must see the version of 15 July 2025, as the plan itself said. Expected values are written out.
"""
from __future__ import annotations

from datetime import date

import openpyxl
from test_layout import build

from paptools.compare.figures import default_as_of, summarize
from paptools.read.generated import own_version
from paptools.read.plan import read_plan
from paptools.write.workbook import write_clean_workbook


def test_a_cleaned_workbook_judged_as_of_another_day_reads_back_with_the_plans_version_date(tmp_path):
    source = build(tmp_path / "plan.xlsx", {"PAP": [
        ["SEND Priority Action Plan - updated 15 July 2025"],
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
        ["1.1", "Publish the Local Offer", "Ann Bell", "Mar-25", "Green", "Chapter drafted."],
        ["1.2", "Cut the waiting list", "Bob Cole", "Jul-25", "Amber", "Two therapists recruited."],
    ]})
    plan = read_plan(source)
    assert plan.version_date == date(2025, 7, 15)
    path = tmp_path / "plan-clean.xlsx"
    write_clean_workbook(path, plan, summarize(plan, date(2025, 7, 31)))  # reconcile --as-of 2025-07-31
    book = openpyxl.load_workbook(path)
    assert book["Summary"]["A2"].value == (
        "Figures recomputed by paptools from plan.xlsx, version 15 July 2025, as of 31 July 2025.")
    assert {p.name: p.value for p in book.custom_doc_props.props} == {
        "paptools": "cleaned workbook", "Version date": "2025-07-15"}
    again = read_plan(path)
    assert again.version_date == date(2025, 7, 15)  # was 31 July 2025, the Summary's "as of" date
    assert again.version_date_source == "document property 'Version date'"
    assert default_as_of(again) == date(2025, 7, 15)  # overdue judged as of the version's date, as for the plan


def test_a_plan_dated_only_by_its_last_save_keeps_that_date_in_its_cleaned_workbook(tmp_path):
    source = build(tmp_path / "plan.xlsx", {"PAP": [  # no date in a cell or the name: last saved 20 January 2025 (build)
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
        ["1.1", "Publish the Local Offer", "Ann Bell", "Mar-25", "Green", "Chapter drafted."],
    ]})
    plan = read_plan(source)
    assert plan.version_date == date(2025, 1, 20)
    path = tmp_path / "plan-clean-2025-07.xlsx"  # a date in the copy's name is no version date either
    write_clean_workbook(path, plan, summarize(plan, date(2025, 7, 31)))
    assert read_plan(path).version_date == date(2025, 1, 20)  # not the day it was written


def test_what_a_cleaned_workbooks_properties_say_of_its_version():
    cleaned = {"paptools": "cleaned workbook"}
    assert own_version({**cleaned, "Version date": "2025-07-15"}) == (
        date(2025, 7, 15), "document property 'Version date'")
    assert own_version({**cleaned, "Version date": ""}) == (None, None)  # the plan had none: nor has its copy
    assert own_version(cleaned) is None  # written before the property was: read as any workbook
    assert own_version({**cleaned, "Version date": "mid July"}) is None  # edited by hand: likewise
    assert own_version({"paptools": "history workbook", "Version date": "2025-07-15"}) is None
    assert own_version({"Version date": "2025-07-15"}) is None  # somebody's own property: read as before

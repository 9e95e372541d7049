"""'Overdue' means past the due month and not complete: an action whose status could not be read
("Superseded", "TBC") may be complete, so it is not listed overdue; its status is reported."""
from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner
from conftest import action, plan_rows

from paptools.api import summarize
from paptools.cli import main
from paptools.read.plan import read_plan


def _plan(make_workbook):
    return make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Dec24: AB: Going well.", timescale="Oct-24"),
        action("PAP 1.2", None, "Dec24: AB: Merged into 1.1.", timescale="Oct-24", status_text="Superseded"),
        action("PAP 1.3", None, "Dec24: AB: Awaiting the panel.", timescale="Oct-24", status_text="TBC"),
        action("PAP 1.4", "C", "Dec24: AB: Done.", timescale="Oct-24"),
    ))


def test_an_action_whose_status_is_not_read_is_not_listed_overdue(make_workbook):
    plan = read_plan(_plan(make_workbook))
    assert [(a.ref, a.status.value if a.status else None) for a in plan.actions] == [
        ("PAP 1.1", "On track"), ("PAP 1.2", None), ("PAP 1.3", None), ("PAP 1.4", "Complete")]
    summary = summarize(plan, date(2025, 1, 31))
    assert [a.ref for a in summary.overdue] == ["PAP 1.1"]
    assert (summary.all.total, summary.all.unknown) == (4, 2)
    assert [w.cell for w in plan.warnings if "Superseded" in w.message or "TBC" in w.message] == ["I5", "I6"]


def test_the_figures_on_the_command_line_list_only_the_known_overdue(make_workbook):
    result = CliRunner().invoke(main, ["summary", str(_plan(make_workbook)), "--as-of", "2025-01-31", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["overdue"] == ["PAP 1.1"]

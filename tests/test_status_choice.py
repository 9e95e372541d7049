"""Where a plan's status is taken from, in house styles that keep it in more than one place or in
no status column at all, and status phrases of the plan's own: each workbook is built here, in the
test, and the expected values written out as an officer reads them."""
from __future__ import annotations

import openpyxl
from openpyxl.worksheet.datavalidation import DataValidation
from test_layout import build, lines, statuses

from paptools.check.explain import status_reason
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

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


def _year_end(tmp_path, hidden_columns=(("Year end review", "E"),)):
    return read_plan(build(tmp_path / "plan.xlsx", {"Year end review": [
        ["Marlow SEND PAP - year end review 2024/25"],
        ["Position at 31 March 2025"],
        ["Ref", "Action", "Lead", "Timescale", "RAG (Q2)", "Outcome status", "Impact", "Progress"],
        ["M1", "Create an outreach team", "Amir Bashir", "March 2025", "Green", "Achieved", "Waits down",
         "Q4 (Jan-Mar 25): Now complete."],
        ["M2", "Audit personal budgets", "Karen Lowe", "March 2025", "Amber", "Partially achieved", "None yet",
         "Q4 (Jan-Mar 25): Half the audits done."],
        ["M3", "Introduce a toolkit", "Rachel Turner", "March 2025", "Red", "Not achieved", "Waits down",
         "Q4 (Jan-Mar 25): Not delivered."],
        ["M4", "Set up a panel", "Helen Wright", "March 2025", "Blue", "Achieved", "Better communication",
         "Q4 (Jan-Mar 25): Panel meets monthly."],
    ]}, hidden_columns=hidden_columns))


def test_a_visible_status_column_wins_over_a_hidden_older_rating(tmp_path):
    """A year-end review keeps its visible "Outcome status" and, hidden beside it, the half-year RAG:
    the visible column is the status now; the hidden one is kept as an extra column, and a warning
    and inspect say which was chosen and why."""
    plan = _year_end(tmp_path)
    assert statuses(plan) == {"M1": ("Complete", "Achieved"), "M2": ("On track", "Partially achieved"),
                              "M3": (None, "Not achieved"), "M4": ("Complete", "Achieved")}
    assert lines(plan) == [
        "Year end review!E3: column E 'RAG (Q2)' is hidden in Excel and column F 'Outcome status' is not: "
        "the statuses are read from column F, as a hidden column is often an older rating kept out of sight; "
        "column E is kept as an extra column (name the status column in paptools.toml to read the other)",
        "Year end review!F6: 'Not achieved' is not one of the five statuses; status unknown (say what the word "
        "counts as under [statuses] in paptools.toml)",
    ]
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert ("  RA status        <- column F 'Outcome status' (the visible one; column E 'RAG (Q2)' is hidden, 85%)\n"
            in text), text
    assert "Stage" not in text
    assert "  Kept as extra columns: E 'RAG (Q2)'" in text
    assert dict(plan.actions[0].extra) == {"RAG (Q2)": "Green"}


def test_a_rating_beside_a_stage_both_visible_are_still_read_together(tmp_path):
    plan = _year_end(tmp_path, hidden_columns=())
    assert statuses(plan)["M2"] == ("Vulnerable", "Amber")  # the RAG gives how an open action is going
    assert statuses(plan)["M1"] == ("Complete", "Achieved")
    assert not [line for line in lines(plan) if "hidden" in line]


def test_a_hidden_stage_beside_a_visible_rating_is_not_read(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "Status", "RAG rating", "Progress"],
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "Closed", "G", "Jan 25: Published, then reopened."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "Open", "A", "Jan 25: Venue booked."],
    ]}, hidden_columns=(("Plan", "E"),)))
    assert statuses(plan) == {"1.1": ("On track", "G"), "1.2": ("Vulnerable", "A")}
    assert lines(plan) == [
        "Plan!E1: column E 'Status' is hidden in Excel and column F 'RAG rating' is not: the statuses are read from "
        "column F, as a hidden column is often an older rating kept out of sight; column E is kept as an extra "
        "column (name the status column in paptools.toml to read the other)"]


ESKVALE_KEY = "Key: B = complete, G = on track, A = some slippage, R = at risk, W = not started"


def _eskvale(path, periods, rows):
    return build(path, {"Plan": [
        ["Eskvale SEND PAP - position at February 2025"],
        ["Ref", "Action", "Lead officer", "Due", *periods, "Progress"],
        *rows,
        [],
        [ESKVALE_KEY],
    ]})


def test_a_blank_rating_for_the_latest_period_takes_the_latest_earlier_rating_said_as_older(tmp_path):
    """One RAG column per period: an action whose latest cell is blank keeps its latest earlier
    rating, and a warning names the action, the cell and the period it comes from; one with no
    rating in any period is unknown, never guessed."""
    plan = read_plan(_eskvale(tmp_path / "v2.xlsx", ["RAG Oct 24", "RAG Dec 24", "RAG Feb 25"], [
        ["E1", "Train SENCOs", "Amir Bashir", "Mar-25", "G", "G", "B", "Feb 25: Done."],
        ["E4", "Improve health advice", "Rachel Turner", "Mar-25", "R", "A", None, "Dec 24: Recovering."],
        ["E8", "Review AP commissioning", "Jane Smith", "Mar-25", "G", "B", None, "Dec 24: Signed off."],
        ["E9", "Set up a transition panel", "Amir Bashir", "Mar-25", "G", None, None, "Oct 24: Panel planned."],
        ["E11", "Write the SEF", "Karen Lowe", "Mar-25", None, None, None, "Feb 25: Not yet."],
    ]))
    assert statuses(plan) == {"E1": ("Complete", "B"), "E4": ("Vulnerable", "A"), "E8": ("Complete", "B"),
                              "E9": ("On track", "G"), "E11": (None, None)}
    assert lines(plan) == [
        "Plan!G4: E4 has no rating for RAG Feb 25 (G4 is blank); its rating for RAG Dec 24, 'A' in F4, is used: "
        "an older rating, Vulnerable, until one is given",
        "Plan!G5: E8 has no rating for RAG Feb 25 (G5 is blank); its rating for RAG Dec 24, 'B' in F5, is used: "
        "an older rating, Complete, until one is given",
        "Plan!G6: E9 has no rating for RAG Feb 25 (G6 is blank); its rating for RAG Oct 24, 'G' in E6, is used: "
        "an older rating, On track, until one is given",
        "Plan!G7: E11 has no status (the RA cell is blank); status unknown",
    ]
    e8 = plan.by_ref()["E8"]
    assert (e8.status_cell, e8.status_source.value) == ("F5", "text")
    assert status_reason(plan, e8) == (
        "Its cell for RAG Feb 25 is blank; its latest earlier rating, for RAG Dec 24, is used: the RA cell Plan!F5 "
        "says \"B\", which the plan's words map to Complete.")
    text = render_layout("v2.xlsx", plan.layout, plan)
    assert ("  RA status        <- column G 'RAG Feb 25' (the latest of its period columns, 85%)\n"
            "                      a blank cell takes the action's latest earlier rating, from columns F, E "
            "(reported)\n") in text, text


def test_a_rating_carried_from_an_earlier_period_is_no_status_change(tmp_path):
    from paptools.api import reconcile
    from paptools.model import Status

    rows = [["E1", "Train SENCOs", "Amir Bashir", "Mar-25", "G", "G"],
            ["E8", "Review AP commissioning", "Jane Smith", "Mar-25", "G", "B"]]
    v1 = _eskvale(tmp_path / "v1.xlsx", ["RAG Oct 24", "RAG Dec 24"], [[*r, "Dec 24: Update."] for r in rows])
    v2 = _eskvale(tmp_path / "v2.xlsx", ["RAG Oct 24", "RAG Dec 24", "RAG Feb 25"], [
        [*rows[0], "B", "Dec 24: Update.\nFeb 25: Done."], [*rows[1], None, "Dec 24: Update."]])
    result = reconcile(v1, v2)
    assert [(c.ref, str(c.status_before), str(c.status_after)) for c in result.changes if c.kind.value == "status changed"] \
        == [("E1", "On track", "Complete")]
    assert result.summary.all.of(Status.COMPLETE) == 2


def _percent_plan(tmp_path):
    path = build(tmp_path / "plan.xlsx", {"Action Plan": [
        ["Calderbridge SEND Priority Action Plan - January 2025"],
        [],
        ["Action No", "What we will do", "Lead", "Target date", "% complete", "Commentary / evidence"],
        ["CB01", "Publish the local offer", "Amir Bashir", "Mar 2025", 1, "Dec 24: Published."],
        ["CB02", "Cut the therapy waits", "Karen Lowe", "Mar 2025", 0.75, "Nov 24: Waits down."],
        ["CB03", "Recruit two clinicians", "Rachel Turner", "Mar 2025", 0, None],
        ["CB04", "Develop a pathway", "Michael O'Neill", "Mar 2025", "60%", "Nov 24: Sessions held."],
        ["CB05", "Agree a strategy", "Jane Smith", "Mar 2025", "100%", "Nov 24: Signed off."],
        ["CB06", "Launch a protocol", "Karen Lowe", "Mar 2025", 0.9, "Dec 24: Consulted on."],
        ["CB07", "Train SENCOs", "Helen Wright", "Mar 2025", None, "Dec 24: Booked."],
    ]})
    book = openpyxl.load_workbook(path)
    for row in range(4, 11):
        if not isinstance(book["Action Plan"].cell(row, 5).value, str):
            book["Action Plan"].cell(row, 5).number_format = "0%"
    book.save(path)
    return read_plan(path)


def test_a_plan_with_no_status_column_but_a_per_cent_complete_column(tmp_path):
    """No RAG or Status column, only "% complete": 100% is Complete and 0% Not yet started; a figure
    between says how much is done, not whether it is on track or at risk, so it is unknown; one
    warning says all of it, and inspect says how the column is read."""
    plan = _percent_plan(tmp_path)
    assert statuses(plan) == {"CB 01": ("Complete", "100%"), "CB 02": (None, "75%"), "CB 03": ("Not yet started", "0%"),
                              "CB 04": (None, "60%"), "CB 05": ("Complete", "100%"), "CB 06": (None, "90%"),
                              "CB 07": (None, None)}
    assert lines(plan) == [
        "Action Plan!E3: the plan has no RA, RAG or Status column: column E '% complete' is read for the status, "
        "100% as Complete and 0% as Not yet started; a figure between says how much is done, not whether it is on "
        "track or at risk, so its status is unknown (3 actions: CB 02 75%, CB 04 60%, CB 06 90%); add a RAG or Status "
        "column to count them",
        "Action Plan!E10: CB 07 has no status (the % complete cell is blank); status unknown",
    ]
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert ("  RA status        <- column E '% complete' (no RA, RAG or Status column: per cent complete, 85%)\n"
            in text), text
    assert ("  Status           <- column E per cent complete: 100% -> Complete, 0% -> Not yet started, a figure "
            "between -> no status (it says how much is done, not whether it is on track or at risk; reported)\n"
            in text), text
    assert "scale from" not in text
    assert status_reason(plan, plan.by_ref()["CB 01"]) == (
        "The plan has no status column; its '% complete' cell Action Plan!E4 says 100%, which counts as Complete.")


def test_inspect_says_what_a_plan_with_no_status_column_at_all_means(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Timescale", "Progress"],
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "Jan 25: Published."],
    ]}))
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert ("  Status           <- none: no RA, RAG or Status column, so every status is unknown (reported; name "
            "the status column in paptools.toml if it is headed otherwise)\n") in text, text
    assert lines(plan) == ["Plan!1:1: no RA, RAG or Status column: every status on this sheet is unknown"]


def test_a_per_cent_figure_that_could_be_two_figures_is_not_guessed(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": [
        ["Ref", "Action", "Lead", "Timescale", "Percentage complete", "Progress"],
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", 1, "Jan 25: Published."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "120%", "Jan 25: Over-delivered."],
        ["1.3", "Audit EHCPs", "Ann Lee", "Jun 2025", "100", "Jan 25: Done."],
        ["1.4", "Map provision", "Ann Lee", "Jun 2025", "Complete", "Jan 25: Mapped."],
        ["1.5", "Fund the hub", "Ann Lee", "Jun 2025", 0, None],
    ]}))
    assert statuses(plan) == {"1.1": (None, "1"), "1.2": (None, "120%"), "1.3": ("Complete", "100"),
                              "1.4": ("Complete", "Complete"), "1.5": ("Not yet started", "0")}
    assert lines(plan) == [
        "Plan!E1: the plan has no RA, RAG or Status column: column E 'Percentage complete' is read for the status, "
        "100% as Complete and 0% as Not yet started",
        "Plan!E2: '1' in the Percentage complete column is 1% or 100%, as it is not shown as a percentage; status "
        "unknown (format the column as a percentage, or type the figure with its %)",
        "Plan!E3: '120%' in the Percentage complete column is more than 100%; status unknown (format the column as "
        "a percentage, or type the figure with its %)",
    ]


def test_a_word_of_the_plans_own_means_what_its_guidance_sheet_says(tmp_path):
    """A "Guidance" sheet of status definitions: "Sustained" fits none of the five statuses by itself,
    but the plan defines it as "action complete and now part of business as usual", so it is
    Complete; a definition that names no status ("past its target date"), or that says "not" of
    one, leaves its word unknown, and a word that has a status keeps it."""
    plan = read_plan(build(tmp_path / "plan.xlsx", {
        "Joint plan": [
            ["Ref", "Action", "Lead", "Timescale", "Status", "Update"],
            ["H1", "Review AP commissioning", "Amir Bashir", "March 2025", "Ongoing", "14/11/24: Started."],
            ["H2", "Set up a transition panel", "Karen Lowe", "March 2025", "Delayed", "14/11/24: Late."],
            ["H3", "Cut the paediatrics wait", "Paul Davies", "March 2025", "Sustained", "14/11/24: Business as usual."],
            ["H4", "Embed the OAP", "Jane Smith", "March 2025", "Overdue", "14/11/24: Past its date."],
            ["H5", "Audit personal budgets", "Karen Lowe", "March 2025", "Parked", "14/11/24: Waiting."],
            ["H6", "Refresh the JSNA", "Paul Davies", "March 2025", "Closed", "14/11/24: Done."],
        ],
        "Guidance": [
            ["Status definitions"],
            [],
            ["Sustained", "action complete and now part of business as usual"],
            ["Closed", "action completed or superseded"],
            ["Ongoing", "work under way and on schedule"],
            ["Delayed", "behind schedule, recovery plan in place"],
            ["Overdue", "past its target date"],
            ["Parked", "work paused for now, not complete"],
        ],
    }))
    assert {ref: status for ref, (status, _) in statuses(plan).items()} == {
        "H1": "On track", "H2": "Vulnerable", "H3": "Complete", "H4": None, "H5": None, "H6": "Complete"}
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert ("       'Sustained' -> Complete (the plan's Key describes it as 'action complete and now part of "
            "business as usual'; the word fits no status, used 1x)\n") in text, text
    assert [line for line in lines(plan) if "not one of the five" in line] == [
        "Joint plan!E5: 'Overdue' is not one of the five statuses; status unknown (say what the word counts as "
        "under [statuses] in paptools.toml)",
        "Joint plan!E6: 'Parked' is not one of the five statuses; status unknown (say what the word counts as under "
        "[statuses] in paptools.toml)",
    ]


def test_lint_does_not_call_a_per_cent_figure_a_status_word(tmp_path):
    from paptools.check.lint import lint_plan

    plan = _percent_plan(tmp_path)
    assert [f for f in lint_plan(plan) if f.rule == "status-word"] == []


def test_a_progress_rating_column_of_slippage_words_is_the_status(tmp_path):
    path = build(tmp_path / "plan.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Due", "Progress rating", "Progress"],
        ["M1", "Map the graduated approach", "SEND Lead", "Mar-25", "On target", "14/01/25: Drafted."],
        ["M2", "Train SENCOs", "EP Lead", "Mar-25", "Minor slippage", "14/01/25: Two sessions moved."],
        ["M3", "Cut waits for assessment", "EHC Manager", "Jun-25", "Major slippage", "14/01/25: Backlog grew."],
        ["M4", "Publish the Local Offer", "Local Offer Manager", "Dec-24", "Completed", "12/12/24: Published."],
        ["M5", "Review transport policy", "Transport Lead", "Sep-25", "Not due to start", None],
    ]})
    plan = read_plan(path)
    assert statuses(plan) == {
        "M1": ("On track", "On target"), "M2": ("Vulnerable", "Minor slippage"), "M3": ("At risk", "Major slippage"),
        "M4": ("Complete", "Completed"), "M5": ("Not yet started", "Not due to start"),
    }
    assert [a.extra for a in plan.actions] == [(), (), (), (), ()]  # the rating is read, not kept aside
    assert [(e.date.iso(), e.text) for e in plan.actions[1].entries] == [("2025-01-14", "Two sessions moved.")]


def test_a_status_column_of_per_cent_figures_is_read_as_per_cent_complete(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": [
        HEADER,
        ["1", "Publish the local offer", "Jane Smith", "Mar 2025", "75%", "Jan 25: Drafted."],
        ["2", "Train SENCOs", "Bob Jones", "Jun 2025", "100%", "Jan 25: All trained."],
        ["3", "Audit EHCPs", "Ann Lee", "Jun 2025", "0%", None],
        ["4", "Map provision", "Ann Lee", "Jun 2025", "40%", "Jan 25: Half mapped."],
    ]}))
    assert statuses(plan) == {"1": (None, "75%"), "2": ("Complete", "100%"), "3": ("Not yet started", "0%"),
                              "4": (None, "40%")}
    assert lines(plan) == [
        "Plan!E1: column E 'Status' holds per cent complete, not status words: it is read 100% as Complete and 0% "
        "as Not yet started; a figure between says how much is done, not whether it is on track or at risk, so its "
        "status is unknown (2 actions: 1 75%, 4 40%); write their RAG status instead to count them",
    ]

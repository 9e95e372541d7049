"""Plans that keep their Key in columns beside the table, on the actions' own rows ("Key" over
the words and what each means): the Key gives the statuses, and its cells are neither an
extra column of the actions nor text in a column with no header. Expected values are written
out as an officer reads them."""
from __future__ import annotations

from test_layout import build as workbook

from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout


def build(path, rows, fills=None):
    """A one-sheet plan ("Plan") of these rows, these cells filled."""
    return workbook(path, {"Plan": rows}, {("Plan", cell): rgb for cell, rgb in (fills or {}).items()})


def statuses(plan):
    return {a.ref: (a.status.value if a.status else None, a.status_word, dict(a.extra)) for a in plan.actions}


def test_a_key_beside_the_table_gives_its_letters_their_own_meanings(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress", None, "RAG key"],
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "A", "Jan 25: Draft.", None, "B", "Not started"],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "G", "Jan 25: Done.", None, "G", "Complete"],
        ["1.3", "Audit EHCPs", "Ann Lee", "Dec 2025", "B", "Jan 25: Scoped.", None, "A", "At risk"],
        [None, None, None, None, None, None, None, "R", "Off track"],
        [],
        [None, None, None, None, None, None, None, "Reviewed monthly"],
    ]))
    # A is At risk and G Complete, as the Key says, not amber and green's usual meanings
    assert statuses(plan) == {
        "1.1": ("At risk", "A", {}),
        "1.2": ("Complete", "G", {}),
        "1.3": ("Not yet started", "B", {}),
    }
    # the Key's own cells are not reported; text below it in its column is
    assert [w.line() for w in plan.warnings] == [
        "Plan!H7: row is not an action (no Ref) nor a heading: not read into the plan; its text is kept here"]
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert "  Status           <- column E text, scale from sheet Plan H2:I5:\n" in text
    assert "       'A' -> At risk (the plan's Key gives it as 'At risk', used 1x)\n" in text
    assert "Kept as extra columns" not in text


def test_a_key_of_colours_beside_the_title_and_header_rows(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["SEND Priority Action Plan", None, None, None, None, None, None, "Key"],
        [None, None, None, None, None, None, None, None, "Complete"],
        [None, None, None, None, None, None, None, None, "On track"],
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress", None, None, "At risk"],
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", None, "Jan 25: Draft."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", None, "Jan 25: Done."],
    ], {"H2": "0070C0", "H3": "00B050", "H4": "FF0000", "E5": "0070C0", "E6": "FF0000"}))
    assert statuses(plan) == {"1.1": ("Complete", "Complete", {}), "1.2": ("At risk", "At risk", {})}
    assert plan.title == "SEND Priority Action Plan"
    assert [w.line() for w in plan.warnings] == []


def test_a_column_headed_key_that_holds_no_statuses_is_an_extra_column(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress", None, "Key"],
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "Green", "Jan 25: Draft.", None, "Yes"],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "Amber", "Jan 25: Done.", None, "No"],
    ]))
    assert statuses(plan) == {
        "1.1": ("On track", "Green", {"Key": "Yes"}),
        "1.2": ("Vulnerable", "Amber", {"Key": "No"}),
    }


def test_a_key_whose_lines_end_in_different_columns_is_read_whole(tmp_path):
    # found by Hypothesis: a shorter last line made reading the Key fail
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress", None, "Key"],
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "G", "Jan 25: Draft.", None, "G", "Complete"],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "R", "Jan 25: Done.", None, "R"],
    ]))
    assert statuses(plan) == {"1.1": ("Complete", "G", {}), "1.2": ("At risk", "R", {})}
    assert "scale from sheet Plan H2:I3:" in render_layout("plan.xlsx", plan.layout, plan)


def test_a_key_whose_amber_and_red_words_both_mean_at_risk_keeps_its_two_levels_apart(tmp_path):
    # This council's scale: amber "At risk", red "Off track". Read by their words alone both
    # would be At risk and Vulnerable would be empty; the Key's colours keep them apart.
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["SEND Priority Action Plan", None, None, None, None, None, None, "Key"],
        [None, None, None, None, None, None, None, None, "Complete"],
        [None, None, None, None, None, None, None, None, "On track"],
        [None, None, None, None, None, None, None, None, "At risk"],
        [None, None, None, None, None, None, None, None, "Off track"],
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", None, "Jan 25: Draft."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", None, "Jan 25: Done."],
        ["1.3", "Audit EHCPs", "Ann Lee", "Dec 2025", None, "Jan 25: Scoped."],
        ["1.4", "Recruit an EP", "Raj Patel", "Dec 2025", None, "Jan 25: Advertised."],
    ], {"H2": "0070C0", "H3": "00B050", "H4": "FFC000", "H5": "FF0000",
        "E7": "0070C0", "E8": "FFC000", "E9": "FF0000", "E10": "00B050"}))
    assert {a.ref: a.status.value for a in plan.actions} == {
        "1.1": "Complete", "1.2": "Vulnerable", "1.3": "At risk", "1.4": "On track"}
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert ("       'At risk' -> Vulnerable (the Key's amber; 'At risk' and 'Off track' would both read as "
            "At risk, colour FFC000)\n") in text



def test_a_legend_on_another_sheet_gives_every_colour_its_meaning(tmp_path):
    # "RAG rating" heads the legend on a sheet of its own; "Significant concern" is the council's
    # own word for red, and "Not started" has no fill: blank cells are not started.
    path = workbook(tmp_path / "PAP v3 FINAL (2).xlsx", {
        "Sheet1": [
            ["ID", "What we will do", "Who", "When", "Progress RAG", "Update"],
            ["1", "Publish the local offer", "Jane Smith", "Mar 2025", None, "Jan 25: Draft."],
            ["2", "Train SENCOs", "Bob Jones", "Jun 2025", None, "Jan 25: Booked."],
            ["3", "Audit EHCPs", "Ann Lee", "Dec 2025", None, "Jan 25: Scoped."],
            ["4", "Recruit an EP", "Raj Patel", "Dec 2025", None, "Jan 25: Advertised."],
            ["5", "Review transport", "Sam Cole", "Dec 2025", None, "Not begun."],
        ],
        "Sheet2": [["RAG rating"], [None, "Met"], [None, "On track"], [None, "Some slippage"],
                   [None, "Significant concern"], [None, "Not started"]],
    }, {("Sheet2", "A2"): "00B0F0", ("Sheet2", "A3"): "92D050", ("Sheet2", "A4"): "FFC000",
        ("Sheet2", "A5"): "FF0000", ("Sheet2", "A6"): "FFFFFF", ("Sheet1", "E2"): "00B0F0",
        ("Sheet1", "E3"): "FFC000", ("Sheet1", "E4"): "FF0000", ("Sheet1", "E5"): "92D050"})
    plan = read_plan(path)
    assert {a.ref: a.status.value for a in plan.actions} == {
        "1": "Complete", "2": "Vulnerable", "3": "At risk", "4": "On track", "5": "Not yet started"}
    assert [w.line() for w in plan.warnings] == []
    text = render_layout(path.name, plan.layout, plan)
    assert "scale from sheet Sheet2 A2:B6:\n" in text
    assert ("       'Significant concern' -> At risk (its colour in the Key, red; the word fits no status, "
            "colour FF0000)\n") in text


def test_a_key_written_out_in_one_cell_gives_the_colours_their_meanings(tmp_path):
    # Blue is not started and green complete here: the plan's own key, not the usual BRAG.
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["Dalesford SEND Action Plan"],
        ["RAG key: Blue = not yet started, Green = complete, Amber = on track, Red = delayed"],
        [],
        ["No.", "Key actions", "Responsible", "Deadline", "RAG", "Update"],
        ["1.1", "Refresh the strategy", "Sarah Lewis", "Dec 2024", None, "03/24: Reported to the board."],
        ["1.2", "Set up the panel", "James Patel", "Dec 2024", None, "03/24: Terms agreed."],
        ["1.3", "Improve timeliness", "Helen Morris", "Dec 2024", None, "03/24: Tracker built."],
    ], {"E5": "0070C0", "E6": "00B050", "E7": "FFC000"}))
    assert {a.ref: a.status.value for a in plan.actions} == {
        "1.1": "Not yet started", "1.2": "Complete", "1.3": "On track"}
    assert [(e.date.iso(), e.text) for e in plan.actions[0].entries] == [("2024-03", "Reported to the board.")]
    assert [w.line() for w in plan.warnings] == []
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert "       'Blue' -> Not yet started (the plan's Key gives it as 'not yet started', colour 0070C0)\n" in text


def test_two_words_of_the_plan_that_both_count_as_at_risk_are_reported(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["Ref", "Action", "Owner", "Timescale", "Status", "Progress"],
        ["1.1", "Publish the local offer", "Jane Smith", "Mar 2025", "On track", "Jan 25: Draft."],
        ["1.2", "Train SENCOs", "Bob Jones", "Jun 2025", "At risk", "Jan 25: Booked."],
        ["1.3", "Audit EHCPs", "Ann Lee", "Dec 2025", "Off track", "Jan 25: Scoped."],
    ]))
    assert {a.ref: a.status.value for a in plan.actions} == {"1.1": "On track", "1.2": "At risk", "1.3": "At risk"}
    assert [w.line() for w in plan.warnings] == [
        "Plan!E1: 'At risk' and 'Off track' both count as At risk and no word of the plan counts as Vulnerable: "
        "if one of them is the plan's amber, say so under [statuses] in paptools.toml"]

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
        "Plan!H7: row with no Ref, 'Reviewed monthly', is not read as an action and is left out of the plan "
        "and every count; if it is an action, give it a ref in the Ref column to have it counted; its text is kept here"]
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


def test_a_key_written_out_in_one_cell_gives_letter_codes_their_meanings(tmp_path):
    # "N/S" is the plan's own code for not started: only its Key says so.
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
        ["2.1", "Recruit two EPs", "Principal EP", "Mar 2025", "B", "Jan 25: Both posts filled."],
        ["2.2", "Reduce the EP backlog", "Principal EP", "Jun 2025", "G", "Jan 25: Backlog at 84."],
        ["2.3", "Commission AP", "AP Commissioner", "Apr 2025", "A", "Dec 24: Timetable slipped."],
        ["2.4", "Open 40 places", "Capital Lead", "Sep 2025", "R", "Jan 25: Planning refused."],
        ["2.5", "Develop a post-16 offer", "Post-16 Lead", "Dec 2025", "N/S", None],
        [],
        [None, "RAG key: B = complete, G = on track, A = some slippage, R = significant issues, N/S = not started"],
    ]))
    assert {a.ref: a.status.value for a in plan.actions} == {
        "2.1": "Complete", "2.2": "On track", "2.3": "Vulnerable", "2.4": "At risk", "2.5": "Not yet started"}
    assert [w.line() for w in plan.warnings] == []
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert "  Status           <- column E text, scale from sheet Plan B8:B8:\n" in text
    assert "       'N/S' -> Not yet started (the plan's Key gives it as 'not started', used 1x)\n" in text


def test_a_key_of_codes_written_above_the_header_is_read_and_is_not_the_title(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["RAG key: B = complete, G = on track, A = some slippage, R = significant issues, N/S = not started"],
        [],
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
        ["2.1", "Recruit two EPs", "Principal EP", "Mar 2025", "B", "Jan 25: Both posts filled."],
        ["2.2", "Develop a post-16 offer", "Post-16 Lead", "Dec 2025", "N/S", None],
    ]))
    assert {a.ref: a.status.value for a in plan.actions} == {"2.1": "Complete", "2.2": "Not yet started"}
    assert [w.line() for w in plan.warnings] == []
    assert plan.title is None
    assert "scale from sheet Plan A1:A1:\n" in render_layout("plan.xlsx", plan.layout, plan)


def test_a_key_written_out_in_one_cell_makes_numbers_statuses(tmp_path):
    # A number in a status cell is a placeholder, unless the plan's Key says what each number means.
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["Ref", "Action", "Lead", "End date", "Delivery confidence (1-5)", "Commentary"],
        ["8.1", "Relaunch the SEND Hub website", "Comms Lead", "Jan 2025", 5, "28/01/2025: Live."],
        ["8.2", "Key worker offer", "ICB Commissioner", "Jun 2025", 4, "16/01/2025: Provider mobilising."],
        ["8.3", "Clear the annual review backlog", "EHC Manager", "Mar 2025", 3, "16/01/2025: 210 overdue."],
        ["8.4", "Joint placement panel", "Head of Inclusion", "Feb 2025", 2, "16/01/2025: Health not attending."],
        ["8.5", "SEND capital programme phase 2", "Capital Lead", "Sep 2025", 1, None],
        [],
        [None, "Delivery confidence key: 5 = Complete, 4 = On track, 3 = Some slippage, 2 = Off track, "
               "1 = Not started"],
    ]))
    assert {a.ref: a.status.value for a in plan.actions} == {
        "8.1": "Complete", "8.2": "On track", "8.3": "Vulnerable", "8.4": "At risk", "8.5": "Not yet started"}
    assert [w.line() for w in plan.warnings] == []
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert "scale from sheet Plan B8:B8:\n" in text
    assert "       '5' -> Complete (the plan's Key gives it as 'Complete', used 1x)\n" in text


def test_a_key_of_symbols_beside_the_table_gives_each_symbol_its_meaning(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", [
        ["Action No.", "What we will do", "Responsible officer", "By when", "Progress update", "Status", None, "Key"],
        ["A1", "Set up a partnership board", "Director", "Oct 2024", "Oct 2024 - First board held.", "✔", None,
         "✔", "Complete"],
        ["A2", "A single front door", "Head of SEND", "Mar 2025", "Jan 2025 - Pilot started.", "●", None,
         "●", "On track"],
        ["A3", "Cut assessment waits", "ICB Lead", "Jun 2025", "Dec 2024 - Validation delayed.", "▲", None,
         "▲", "Some slippage"],
        ["A4", "Recommission short breaks", "Commissioner", "Jan 2025", "Jan 2025 - No bids.", "✖", None,
         "✖", "Off track"],
        ["A5", "A preparation for adulthood pathway", "PfA Lead", "Sep 2025", None, "○", None, "○", "Not started"],
        ["A6", "Audit EHC plans", "Principal EP", "Feb 2025", "Jan 2025 - Sample drawn.", "◐"],
    ]))
    assert {a.ref: a.status.value if a.status else None for a in plan.actions} == {
        "A1": "Complete", "A2": "On track", "A3": "Vulnerable", "A4": "At risk", "A5": "Not yet started", "A6": None}
    assert [w.line() for w in plan.warnings] == [
        "Plan!F7: '◐' is not one of the five statuses; status unknown (say what the word counts as under "
        "[statuses] in paptools.toml)"]
    text = render_layout("plan.xlsx", plan.layout, plan)
    assert "  Status           <- column F text, scale from sheet Plan H2:I6:\n" in text
    assert "       '●' -> On track (the plan's Key gives it as 'On track', used 1x)\n" in text
    assert "       '○' -> Not yet started (the plan's Key gives it as 'Not started', used 1x)\n" in text


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


def test_a_symbol_the_key_gives_two_meanings_is_reported_not_read_as_either(tmp_path):
    # The Key tells its dots apart by their font colour, which is not read: the dots are reported.
    path = workbook(tmp_path / "plan.xlsx", {
        "Actions": [
            ["Ref", "Action", "Owner", "Timescale", "Status", "Progress"],
            ["6.1", "Refresh the local offer", "Local Offer Manager", "Dec 2024", "●", "Dec 24: Relaunched."],
            ["6.2", "Cut independent placements", "Head of SEND", "Mar 2025", "N/A", "Jan 25: Up 12%."],
        ],
        "Key": [["Key"], ["●", "Complete"], ["●", "On track"], ["●", "At risk"], ["N/A", "Not applicable"]],
    })
    plan = read_plan(path)
    assert {a.ref: a.status for a in plan.actions} == {"6.1": None, "6.2": None}
    assert [w.line() for w in plan.warnings] == [
        "Actions!E2: '●' is not one of the five statuses; status unknown (say what the word counts as under "
        "[statuses] in paptools.toml)",
        "Actions!E3: 'N/A' is not one of the five statuses; status unknown (say what the word counts as under "
        "[statuses] in paptools.toml)"]

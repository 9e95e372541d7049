"""Plans that show each action's status by the font colour of a mark in its status cell ("●" in
red), with a Key in the same style (the mark in each colour beside its status): the Key gives
each colour its status, and a word in the cell still wins. Without a Key the colours are not
guessed. Expected values are written out as an officer reads them."""
from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.styles.colors import Color
from test_layout import build as workbook

from paptools.check.explain import explain_action
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

BLUE, GREEN, AMBER, RED, GREY = "FF0070C0", "FF00B050", "FFFFC000", "FFFF0000", "FFA6A6A6"
HEADER = ["Ref", "Action", "Owner", "Timescale", "Status", "Progress"]
ACTIONS = [
    ["6.1", "Refresh the local offer with the PCF", "Local Offer Manager", "Dec-24", "●", "Dec 24: Relaunched."],
    ["6.2", "Health advice within 6 weeks", "Designated Clinical Officer", "Mar-25", "●", "Jan 25: 78% in time."],
    ["6.3", "Build new special school places", "Capital Lead", "Sep-25", "●", "Jan 25: Start delayed 8 weeks."],
    ["6.4", "Reduce independent placements", "Head of SEND", "Mar-25", "●", "Jan 25: Placements up 12%."],
    ["6.5", "Preparation for adulthood pathway", "ICB PfA Lead", "Jul-25", "●", None],
]
KEY_WORDS = ["Complete", "On track", "Vulnerable", "At risk", "Not started"]
EXPECTED = {"6.1": "Complete", "6.2": "On track", "6.3": "Vulnerable", "6.4": "At risk", "6.5": "Not yet started"}


def build(path, sheets, fonts=None, fills=None):
    """A workbook of these sheets of rows, these cells' fonts and fills set (test_layout.build)."""
    return workbook(path, sheets, fills, fonts=fonts)


def statuses(plan):
    return {a.ref: a.status.value if a.status else None for a in plan.actions}


def sources(plan):
    return {a.ref: str(a.status_source) for a in plan.actions}


def lines(plan):
    return [w.line() for w in plan.warnings]


def coloured(sheet, column, first, colours, name=None):
    """Fonts of these colours down a column from a row: {(sheet, cell): Font}."""
    return {(sheet, f"{column}{row}"): Font(color=colour, name=name) for row, colour in enumerate(colours, first)}


def test_marks_coloured_as_the_key_sheet_shows_give_the_statuses(tmp_path):
    path = build(tmp_path / "dots.xlsx", {
        "Actions": [HEADER, *ACTIONS],
        "Key": [["Key"], *(["●", word] for word in KEY_WORDS)],
    }, {**coloured("Actions", "E", 2, [BLUE, GREEN, AMBER, RED, GREY]),
        **coloured("Key", "A", 2, [BLUE, GREEN, AMBER, RED, GREY])})
    plan = read_plan(path)
    assert statuses(plan) == EXPECTED
    assert set(sources(plan).values()) == {"font colour"}
    assert lines(plan) == []
    # the Key's own word for each colour, as for a filled cell
    assert [a.status_word for a in plan.actions] == ["Complete", "On track", "Vulnerable", "At risk", "Not started"]
    text = render_layout("dots.xlsx", plan.layout, plan)
    assert "  Status           <- column E font colour, scale from sheet Key A2:B6:\n" in text
    assert "       'At risk' -> At risk (means at risk -> At risk, colour FF0000)\n" in text
    assert "'●'" not in text
    explanation = explain_action(plan, "6.4")
    assert explanation is not None
    assert explanation.reason == ("The RA cell Actions!E5 gives no status in words; its font colour #FF0000 (red) is "
                                  "the same colour as the Key's colour for At risk, #FF0000 in Key!A5.")


def test_a_key_of_wingdings_marks_under_the_table_on_the_same_sheet(tmp_path):
    rows = [HEADER, *([*action[:4], "l", action[5]] for action in ACTIONS),
            [], ["Key"], *(["l", word] for word in KEY_WORDS)]
    path = build(tmp_path / "wingdings.xlsx", {"Plan": rows},
                 {**coloured("Plan", "E", 2, [BLUE, GREEN, AMBER, RED, GREY], "Wingdings"),
                  **coloured("Plan", "A", 9, [BLUE, GREEN, AMBER, RED, GREY], "Wingdings")})
    plan = read_plan(path)
    assert statuses(plan) == EXPECTED
    assert set(sources(plan).values()) == {"font colour"}
    assert lines(plan) == []
    assert "  Status           <- column E font colour, scale from sheet Plan A9:B13:\n" in render_layout(
        "wingdings.xlsx", plan.layout, plan)


def test_a_key_of_marks_beside_the_table(tmp_path):
    rows = [[*HEADER, None, "Key"], *([*action, None, mark, word] for action, mark, word in
                                      zip(ACTIONS, ["▲"] * 5, KEY_WORDS))]
    path = build(tmp_path / "beside.xlsx", {"Plan": rows},
                 {**coloured("Plan", "E", 2, [RED, GREEN, BLUE, AMBER, GREY]),
                  **coloured("Plan", "H", 2, [BLUE, GREEN, AMBER, RED, GREY])})
    plan = read_plan(path)
    assert statuses(plan) == {"6.1": "At risk", "6.2": "On track", "6.3": "Complete", "6.4": "Vulnerable",
                              "6.5": "Not yet started"}
    assert lines(plan) == []
    assert all(a.extra == () for a in plan.actions)


def test_a_key_with_each_mark_after_its_status_word(tmp_path):
    path = build(tmp_path / "after.xlsx", {
        "Actions": [HEADER, *ACTIONS[:4]],
        "Key": [["Status", "Colour"], *([word, "⬤"] for word in KEY_WORDS[:4])],
    }, {**coloured("Actions", "E", 2, [AMBER, RED, BLUE, GREEN]), **coloured("Key", "B", 2, [BLUE, GREEN, AMBER, RED])})
    plan = read_plan(path)
    assert statuses(plan) == {"6.1": "Vulnerable", "6.2": "At risk", "6.3": "Complete", "6.4": "On track"}
    assert lines(plan) == []


def test_theme_font_colours_are_read_through_the_theme(tmp_path):
    # openpyxl's theme: accent1 4F81BD, accent2 C0504D, accent3 9BBB59, accent6 F79646
    theme = {"blue": Color(theme=4), "red": Color(theme=5), "green": Color(theme=6), "orange": Color(theme=9)}
    path = build(tmp_path / "theme.xlsx", {
        "Actions": [HEADER, *([*action[:4], "■", action[5]] for action in ACTIONS[:4])],
        "Key": [["Key"], ["■", "Complete"], ["■", "On track"], ["■", "Vulnerable"], ["■", "At risk"]],
    }, {("Actions", "E2"): Font(color=theme["blue"]), ("Actions", "E3"): Font(color=GREEN),
        ("Actions", "E4"): Font(color=theme["orange"]), ("Actions", "E5"): Font(color=theme["red"]),
        ("Key", "A2"): Font(color=theme["blue"]), ("Key", "A3"): Font(color=theme["green"]),
        ("Key", "A4"): Font(color=theme["orange"]), ("Key", "A5"): Font(color="FFC0504D")})
    plan = read_plan(path)
    assert statuses(plan) == {"6.1": "Complete", "6.2": "On track", "6.3": "Vulnerable", "6.4": "At risk"}
    # a green the Key does not give is read by the Key's nearest green, and said so, as for a fill
    assert lines(plan) == ["Actions!E3: font colour 00B050 is not one of the Key's colours; read as On track "
                           "(nearest Key colour 9BBB59)"]
    assert "       'At risk' -> At risk (means at risk -> At risk, colour C0504D)\n" in render_layout(
        "theme.xlsx", plan.layout, plan)


def test_a_word_in_the_cell_wins_over_its_font_colour(tmp_path):
    rows = [HEADER,
            ["1.1", "Publish the local offer", "Jane Smith", "Mar-25", "On track", "Jan 25: Draft."],
            ["1.2", "Train SENCOs", "Bob Jones", "Jun-25", "At risk", "Jan 25: Delayed."],
            ["1.3", "Audit EHCPs", "Ann Lee", "Dec-25", "●", "Jan 25: Scoped."],
            ["1.4", "Review short breaks", "Cal Dunn", "Dec-25", "See note", "Jan 25: Waiting."],
            [], ["Key"], ["●", "Complete"], ["●", "On track"], ["●", "At risk"]]
    path = build(tmp_path / "words.xlsx", {"Plan": rows},
                 {**coloured("Plan", "E", 2, [RED, RED, GREEN, BLUE]), **coloured("Plan", "A", 8, [BLUE, GREEN, RED])})
    plan = read_plan(path)
    assert statuses(plan) == {"1.1": "On track", "1.2": "At risk", "1.3": "On track", "1.4": "Complete"}
    assert sources(plan) == {"1.1": "text", "1.2": "text", "1.3": "font colour", "1.4": "font colour"}
    assert lines(plan) == [
        "Plan!E2: status text says On track but the font colour says At risk; the text is used",
        "Plan!E5: 'See note' is not one of the five statuses; the font colour is used (say what the word "
        "counts as under [statuses] in paptools.toml)",
    ]


def test_coloured_marks_without_a_key_are_not_guessed(tmp_path):
    path = build(tmp_path / "unkeyed.xlsx", {"Plan": [HEADER, *ACTIONS[:3]]},
                 coloured("Plan", "E", 2, [BLUE, GREEN, "FF7030A0"]))
    plan = read_plan(path)
    assert statuses(plan) == {"6.1": None, "6.2": None, "6.3": None}
    advice = ("but the workbook has no Key saying what each colour means; status unknown (add a Key: a 'Key' "
              "heading, then the mark in each colour beside its status word)")
    assert lines(plan) == [f"Plan!E2: '●' is shown in font colour 0070C0, {advice}",
                           f"Plan!E3: '●' is shown in font colour 00B050, {advice}",
                           f"Plan!E4: '●' is shown in font colour 7030A0, {advice}"]
    text = render_layout("unkeyed.xlsx", plan.layout, plan)
    assert "  Status           <- column E font colour, scale from paptools' five statuses:\n" in text
    assert "       font colours, as there is no Key: not read (each such status unknown, reported)\n" in text


def test_black_and_white_text_says_nothing_by_its_colour(tmp_path):
    rows = [HEADER,
            ["1.1", "Publish the local offer", "Jane Smith", "Mar-25", "Complete", "Jan 25: Done."],
            ["1.2", "Train SENCOs", "Bob Jones", "Jun-25", "On track", "Jan 25: Booked."],
            ["1.3", "Audit EHCPs", "Ann Lee", "Dec-25", "At risk", "Jan 25: Behind."],
            ["1.4", "Review short breaks", "Cal Dunn", "Dec-25", "●", "Jan 25: Waiting."],
            [], ["Key"], ["Complete"], ["On track"], ["At risk"], ["Not started"]]
    path = build(tmp_path / "black.xlsx", {"Plan": rows},
                 {("Plan", "E2"): Font(color="FF000000"), ("Plan", "E3"): Font(color="FFFFFFFF"),
                  ("Plan", "E4"): Font(color=Color(theme=1)), ("Plan", "E5"): Font(color="FF000000")},
                 {("Plan", "E3"): GREEN, ("Plan", "A8"): BLUE, ("Plan", "A9"): GREEN, ("Plan", "A10"): RED})
    plan = read_plan(path)
    assert statuses(plan) == {"1.1": "Complete", "1.2": "On track", "1.3": "At risk", "1.4": None}
    assert sources(plan) == {"1.1": "text", "1.2": "text", "1.3": "text", "1.4": "unknown"}
    # white text on a green fill is not "Not started" by the Key's uncoloured line; a black mark is a word
    assert lines(plan) == ["Plan!E5: '●' is not one of the five statuses; status unknown (say what the word counts "
                           "as under [statuses] in paptools.toml)"]
    assert "  Status           <- column E text, scale from sheet Plan A8:A11:\n" in render_layout(
        "black.xlsx", plan.layout, plan)

"""Tables on a plan's sheets that are not tables of actions: a risk log, an issues log, a decisions
log, a glossary. Their rows are not actions and are not counted; one warning says what each table
was taken for, and its rows' text is kept. Tables of actions, and a plan's own "Risks" column, are
read as before. Expected values are written out as an officer reads the workbook."""
from __future__ import annotations

from datetime import date

from test_layout import build

from paptools.compare.figures import summarize
from paptools.layout import Apart
from paptools.model import Note, Status
from paptools.read.plan import read_plan
from paptools.write.layout_text import render_layout

ACTIONS = [
    ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
    ["PAP 1.1", "Cut the time to issue an EHCP", "Head of SEND", "Jul-25", "Amber", "Nov24: 31 weeks."],
    ["PAP 1.2", "Improve health advice", "Designated Clinical Officer", "Apr-25", "Blue", "Dec24: template agreed."],
    ["PAP 2.1", "Publish the Local Offer report", "Local Offer Lead", "Dec-24", "Green", "Dec24: drafted."],
]
RISK_HEADER = ["Risk ID", "Risk", "Likelihood", "Impact", "Risk owner", "Mitigation", "Risk rating", "Last reviewed"]
RISKS = [
    ["R1", "EP vacancies delay advice.", "High", "High", "Principal EP", "Jan25: locums.", "Red", "21/01/2025"],
    ["R2", "Deficit limits provision.", "High", "High", "Director", "Dec24: Safety Valve.", "Red", "10/12/2024"],
    ["R3", "Confidence falls.", "Medium", "Medium", "Transport Manager", "Jan25: joint comms.", "Amber", "15/01/2025"],
]
RISK_TEXTS = [
    "Risk ID | Risk | Likelihood | Impact | Risk owner | Mitigation | Risk rating | Last reviewed",
    "R1 | EP vacancies delay advice. | High | High | Principal EP | Jan25: locums. | Red | 21/01/2025",
    "R2 | Deficit limits provision. | High | High | Director | Dec24: Safety Valve. | Red | 10/12/2024",
    "R3 | Confidence falls. | Medium | Medium | Transport Manager | Jan25: joint comms. | Amber | 15/01/2025",
]
RISK_WARNING = ("a risk log, not a table of actions (header row {row}: 'Risk ID', 'Risk', 'Likelihood', 'Impact' ...): "
                "its 3 rows are not read as actions nor counted; their text is kept here")


def plain(rows: list[list]) -> list[list]:
    """The plan's rows with its refs' PAP prefix taken off ("PAP 1.1" -> "1.1")."""
    return [[row[0].removeprefix("PAP "), *row[1:]] if row and row[0] else row for row in rows]


def lines(plan) -> list[str]:
    return [w.line() for w in plan.warnings]


def other_notes(plan) -> list[tuple[str, str]]:
    return [(n.cell, n.text) for n in plan.notes if n.kind == "other"]


def test_a_risk_log_under_the_actions_is_not_read_as_actions(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"SEND PAP": [*ACTIONS, [], [], ["Risk log"], RISK_HEADER, *RISKS]}))
    assert [(a.ref, a.status) for a in plan.actions] == [
        ("PAP 1.1", Status.VULNERABLE), ("PAP 1.2", Status.COMPLETE), ("PAP 2.1", Status.ON_TRACK)]
    assert lines(plan) == [f"SEND PAP!A8:H11: {RISK_WARNING.format(row=8)}"]
    assert plan.warnings[0].value == "\n".join(["Risk log", *RISK_TEXTS])
    assert other_notes(plan) == [("A7", "Risk log"), ("A8", RISK_TEXTS[0]), ("A9", RISK_TEXTS[1]),
                                 ("A10", RISK_TEXTS[2]), ("A11", RISK_TEXTS[3])]
    assert not any(n.kind == "section" for n in plan.notes)  # "Risk log" heads no actions
    figures = summarize(plan, date(2025, 1, 31))
    assert (figures.all.total, figures.pap.total, figures.pap.of(Status.COMPLETE)) == (3, 3, 1)
    assert figures.pap.percentages()["Complete"] == 33
    table = plan.layout.tables[0]
    assert table.moved == ()
    assert plan.layout.apart == (Apart("SEND PAP", "a risk log", 8, (7, 11), tuple(RISK_HEADER), 3),)
    assert [w.word for w in table.status.vocabulary] == ["Amber", "Blue", "Green"]  # not the risks' ratings
    shown = render_layout("plan.xlsx", plan.layout, plan).splitlines()
    assert "Sheet SEND PAP: actions, header row 1, 3 actions" in shown
    at = shown.index("  From row 8, a risk log, not a table of actions: its 3 rows, to row 11, are not counted")
    assert shown[at + 1] == ("    Header: 'Risk ID' | 'Risk' | 'Likelihood' | 'Impact' | 'Risk owner' | 'Mitigation' "
                             "| 'Risk rating' | 'Last reviewed'")
    assert shown[-1] == "3 actions read (3 PAP), 1 warning"


def test_a_risk_log_under_actions_whose_refs_have_no_prefix_is_not_counted_among_them(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": plain([*ACTIONS, [], RISK_HEADER, *RISKS])}))
    assert [a.ref for a in plan.actions] == ["1.1", "1.2", "2.1"]
    assert lines(plan) == [f"Plan!A6:H9: {RISK_WARNING.format(row=6)}"]
    assert other_notes(plan) == [("A6", RISK_TEXTS[0]), ("A7", RISK_TEXTS[1]), ("A8", RISK_TEXTS[2]),
                                 ("A9", RISK_TEXTS[3])]
    figures = summarize(plan, date(2025, 1, 31))
    assert (figures.pap.total, figures.pap.unknown, figures.pap.percentages()["Complete"]) == (3, 0, 33)
    assert figures.no_due_month == ()


def test_an_issues_log_and_a_decisions_log_under_the_actions_are_not_read_as_actions(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": plain([
        *ACTIONS, [], ["Issues log"],
        ["Issue ID", "Issue", "Raised by", "Date raised", "Owner", "Resolution", "Status"],
        ["I1", "Panel dates clash with half term.", "SENCO forum", "10/01/2025", "Panel Chair", "Dates moved.", "Closed"],
        ["I2", "EHCP portal down.", "Caseworker", "12/01/2025", "IT lead", None, "Open"],
        [], ["Decisions log"],
        ["Decision no.", "Decision", "Date", "Made by", "Rationale"],
        ["D1", "Pause the transport review.", "10/01/2025", "Board", "Consultation first."],
    ])}))
    assert [a.ref for a in plan.actions] == ["1.1", "1.2", "2.1"]
    assert lines(plan) == [
        "Plan!A7:G9: an issues log, not a table of actions (header row 7: 'Issue ID', 'Issue', 'Raised by', "
        "'Date raised' ...): its 2 rows are not read as actions nor counted; their text is kept here",
        "Plan!A12:E13: a decisions log, not a table of actions (header row 12: 'Decision no.', 'Decision', 'Date', "
        "'Made by' ...): its 1 row is not read as an action nor counted; its text is kept here",
    ]
    assert [(a.kind, a.header_row, a.rows, a.count) for a in plan.layout.apart] == [
        ("an issues log", 7, (6, 9), 2), ("a decisions log", 12, (11, 13), 1)]
    assert [w.word for w in plan.layout.tables[0].status.vocabulary] == ["Amber", "Blue", "Green"]  # not Open, Closed
    assert other_notes(plan)[-1] == ("A13", "D1 | Pause the transport review. | 10/01/2025 | Board | Consultation first.")


def test_a_glossary_under_the_actions_is_one_warning(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": plain([
        *ACTIONS, [], ["Glossary"], ["Term", "Definition"],
        ["EHCP", "Education, Health and Care Plan"], ["DCO", "Designated Clinical Officer"],
    ])}))
    assert [a.ref for a in plan.actions] == ["1.1", "1.2", "2.1"]
    assert lines(plan) == [
        "Plan!A7:B9: a glossary, not a table of actions (header row 7: 'Term', 'Definition'): its 2 rows are not "
        "read as actions nor counted; their text is kept here"]


def test_a_risk_log_on_a_sheet_of_its_own_is_left_out(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"SEND PAP": ACTIONS, "Risks": [RISK_HEADER, *RISKS]}))
    assert [a.ref for a in plan.actions] == ["PAP 1.1", "PAP 1.2", "PAP 2.1"]
    assert [t.sheet for t in plan.layout.tables] == ["SEND PAP"]
    assert lines(plan) == [f"Risks!A1:H4: {RISK_WARNING.format(row=1)}"]
    assert plan.layout.apart == (Apart("Risks", "a risk log", 1, (1, 4), tuple(RISK_HEADER), 3, on_its_own=True),)
    assert [n for n in plan.notes if n.sheet == "Risks"] == [
        Note("other", "Risks", f"A{n}", text) for n, text in enumerate(RISK_TEXTS, 1)]
    shown = render_layout("plan.xlsx", plan.layout, plan).splitlines()
    at = shown.index("Sheet Risks: a risk log, not a table of actions, header row 1: its 3 rows, to row 4, "
                     "are not counted")
    assert shown[at + 1].startswith("  Header: 'Risk ID' | 'Risk' | 'Likelihood'")
    assert "Not read" not in shown


def test_a_risk_log_above_the_actions_is_kept_apart_and_the_actions_are_the_table(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {
        "Plan": [["Risk log"], RISK_HEADER, *RISKS, [], *ACTIONS],
        "Closed": [ACTIONS[0], ["PAP 0.1", "Agree the plan", "Director", "Sep-24", "Blue", "Sep24: agreed."]],
    }))
    assert [(a.sheet, a.ref) for a in plan.actions] == [
        ("Plan", "PAP 1.1"), ("Plan", "PAP 1.2"), ("Plan", "PAP 2.1"), ("Closed", "PAP 0.1")]
    assert [(t.sheet, t.header_row, t.moved) for t in plan.layout.tables] == [("Plan", 7, ()), ("Closed", 1, ())]
    assert plan.layout.apart == (Apart("Plan", "a risk log", 2, (1, 5), tuple(RISK_HEADER), 3),)
    assert lines(plan) == [f"Plan!A2:H5: {RISK_WARNING.format(row=2)}"]
    assert other_notes(plan) == [("A1", "Risk log"), ("A2", RISK_TEXTS[0]), ("A3", RISK_TEXTS[1]),
                                 ("A4", RISK_TEXTS[2]), ("A5", RISK_TEXTS[3])]


def test_a_key_under_the_risk_log_is_still_the_plans_key(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": [
        ["Ref", "Action", "Owner", "Timescale", "RAG", "Progress"],
        ["1.1", "Cut the time to issue an EHCP", "Head of SEND", "Jul-25", "B", "Nov24: 31 weeks."],
        ["1.2", "Improve health advice", "DCO", "Apr-25", "G", "Dec24: template agreed."],
        [], RISK_HEADER, *RISKS, [], ["Key"], ["B", "Complete"], ["G", "On track"],
    ]}))
    assert [(a.ref, a.status, a.status_word) for a in plan.actions] == [
        ("1.1", Status.COMPLETE, "B"), ("1.2", Status.ON_TRACK, "G")]
    assert [a.rows for a in plan.layout.apart] == [(5, 8)]  # to the last risk: the Key is the plan's
    assert lines(plan) == [f"Plan!A5:H8: {RISK_WARNING.format(row=5)}"]
    assert plan.key == ((Status.COMPLETE, "B Complete"), (Status.ON_TRACK, "G On track"))


def test_a_second_table_of_actions_is_still_read_as_actions(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": [
        *ACTIONS, [], ["Improvement plan actions"],
        ["Ref", "RAG", "Action", "Progress", "Risks"],
        ["IP 1", "Green", "Recruit two EPs", "Jan25: one appointed.", "Market shortage of EPs"],
        ["IP 2", "Amber", "Audit EHCP quality", "Dec24: sample chosen.", None],
    ]}))
    assert [(a.ref, a.title, a.status, a.section) for a in plan.actions] == [
        ("PAP 1.1", "Cut the time to issue an EHCP", Status.VULNERABLE, None),
        ("PAP 1.2", "Improve health advice", Status.COMPLETE, None),
        ("PAP 2.1", "Publish the Local Offer report", Status.ON_TRACK, None),
        ("IP 1", "Recruit two EPs", Status.ON_TRACK, "Improvement plan actions"),
        ("IP 2", "Audit EHCP quality", Status.VULNERABLE, "Improvement plan actions"),
    ]
    assert plan.actions[3].extra == (("Risks", "Market shortage of EPs"),)
    assert [m.row for m in plan.layout.tables[0].moved] == [7]
    assert plan.layout.apart == ()
    assert lines(plan) == []


def test_a_risks_column_of_the_actions_is_not_a_risk_log(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"Plan": [
        [*ACTIONS[0], "Risks/issues", "Likelihood", "Impact"],
        [*ACTIONS[1], "EP shortage", "High", "Fewer assessments"],
        [*ACTIONS[2], None, None, None],
        [*ACTIONS[3], "Printing delays", "Low", "Late report"],
    ]}))
    assert [(a.ref, a.outcome, a.extra) for a in plan.actions] == [
        ("PAP 1.1", "Fewer assessments", (("Risks/issues", "EP shortage"), ("Likelihood", "High"))),
        ("PAP 1.2", "", ()),
        ("PAP 2.1", "Late report", (("Risks/issues", "Printing delays"), ("Likelihood", "Low"))),
    ]
    assert plan.layout.apart == ()
    assert lines(plan) == []


REGISTER = {
    "Risks": [
        ["Risk ID", "Risk", "Likelihood", "Impact", "Risk owner", "Mitigation", "Status", "Progress"],
        ["R1", "EP vacancies delay advice.", "High", "High", "Principal EP", "Locums.", "Amber", "Jan25: two locums."],
        [], ["Closed risks"],
        ["Risk ID", "Status", "Risk", "Likelihood", "Impact", "Risk owner", "Mitigation", "Progress"],
        ["R2", "Complete", "Deficit limits provision.", "High", "High", "Director", "Safety Valve.", "Dec24: agreed."],
        [], ["Issues"],
        ["Issue ID", "Issue", "Raised by", "Owner", "Resolution", "Status"],
        ["I1", "Portal down.", "Caseworker", "IT lead", "Fixed.", "Closed"],
    ],
    "Decisions": [
        ["Decision no.", "Description", "Owner", "Date agreed", "Rationale", "Status"],
        ["D1", "Pause the transport review.", "Director", "10/01/2025", "Consultation first.", "Complete"],
    ],
}


def test_a_plan_kept_as_a_register_is_read_whole(tmp_path):
    """A workbook with no table of actions but registers: the registers are the plan, read as they are."""
    plan = read_plan(build(tmp_path / "plan.xlsx", REGISTER))
    assert [(a.sheet, a.ref, a.title, a.status) for a in plan.actions] == [
        ("Risks", "R1", "EP vacancies delay advice.", Status.VULNERABLE),
        ("Risks", "R2", "Deficit limits provision.", Status.COMPLETE),
        ("Risks", "I1", "Portal down.", Status.COMPLETE),
        ("Decisions", "D1", "Pause the transport review.", Status.COMPLETE),
    ]
    assert [m.row for m in plan.layout.tables[0].moved] == [5, 9]
    assert plan.layout.apart == ()
    assert not any("not a table of actions" in line for line in lines(plan))


def test_registers_beside_a_table_of_actions_are_left_out_whole(tmp_path):
    plan = read_plan(build(tmp_path / "plan.xlsx", {"SEND PAP": ACTIONS, **REGISTER}))
    assert [a.ref for a in plan.actions] == ["PAP 1.1", "PAP 1.2", "PAP 2.1"]
    assert [(a.sheet, a.kind, a.header_row, a.rows, a.count, a.on_its_own) for a in plan.layout.apart] == [
        ("Risks", "a risk log", 1, (1, 10), 7, True), ("Decisions", "a decisions log", 1, (1, 2), 1, True)]
    assert lines(plan) == [
        "Risks!A1:H10: a risk log, not a table of actions (header row 1: 'Risk ID', 'Risk', 'Likelihood', 'Impact' ...): "
        "its 7 rows are not read as actions nor counted; their text is kept here",
        "Decisions!A1:F2: a decisions log, not a table of actions (header row 1: 'Decision no.', 'Description', 'Owner', "
        "'Date agreed' ...): its 1 row is not read as an action nor counted; its text is kept here",
    ]
    assert len([n for n in plan.notes if n.sheet in ("Risks", "Decisions")]) == 8 + 2  # every row with text

"""Which actions the PAP figures count, said as the plan gives it: refs such as "P1.1" are PAP
actions as "PAP 1.1" are, and the rule printed names the prefix the plan used. Each workbook is
built here."""
from __future__ import annotations

from test_layout import build

from paptools.compare.figures import summarize
from paptools.read.plan import read_plan
from paptools.write.jsondoc import plan_document

HEADER = ["Ref", "Action", "Owner", "Due", "RAG", "Progress"]


def test_refs_beginning_with_p_are_the_pap_and_the_rule_says_so(tmp_path):
    path = build(tmp_path / "plan.xlsx", {"Plan": [
        HEADER,
        ["P1.1", "Map the graduated approach", "SEND Lead", "Mar-25", "Green", "14/01/25: Drafted."],
        ["P1.2", "Train SENCOs", "EP Lead", "Mar-25", "Amber", "14/01/25: Two sessions moved."],
        ["SEND-01", "Refresh the SEND strategy", "Head of SEND", "Jun-25", "Green", "14/01/25: Consulted."],
        ["2b", "Review transport policy", "Transport Lead", "Sep-25", "Red", "14/01/25: Stalled."],
    ]})
    plan = read_plan(path)
    figures = summarize(plan)
    assert [a.ref for a in plan.pap_actions] == ["P1.1", "P1.2"]
    assert (figures.all.total, figures.pap.total) == (4, 2)
    assert figures.pap_rule == "PAP actions are those whose ref begins with P; the others count in 'all actions' only."
    assert plan_document(plan, figures)["pap_rule"] == figures.pap_rule


def test_a_plan_whose_refs_carry_no_pap_prefix_counts_every_action(tmp_path):
    path = build(tmp_path / "plan.xlsx", {"Plan": [
        HEADER,
        ["1.1", "Map the graduated approach", "SEND Lead", "Mar-25", "Green", "14/01/25: Drafted."],
        ["1.2", "Train SENCOs", "EP Lead", "Mar-25", "Amber", "14/01/25: Two sessions moved."],
    ]})
    plan = read_plan(path)
    figures = summarize(plan)
    assert (figures.all.total, figures.pap.total) == (2, 2)
    assert figures.pap_rule == "No ref in the plan begins with PAP, so every action counts as a PAP action."

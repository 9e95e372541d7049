"""Headings an officer writes with words of their own before the date: "Update as at 14/01/25:",
"Meeting held 14/01/25 - ...", "By 14/01/25: ...". Each is one dated entry, its words kept. A
line shaped like a heading that is still not read ("NHS (14/01/25): ...", "AB 14/01/25 Met ...")
is a warning naming the cell; before, each was silently more of the entry above it."""
from __future__ import annotations

from conftest import action, plan_rows

from paptools.read.plan import read_plan

FIRST = "10/12/24: AB: Draft shared with schools."


def _entries(plan, ref):
    found = next(a for a in plan.actions if a.ref == ref)
    return [(e.date.iso() if e.date else None, e.initials, e.text) for e in found.entries]


def _unread(plan):
    return [(w.cell, w.message.split("' opens")[0] + "'") for w in plan.warnings if "opens a line" in w.message]


def test_words_of_the_officers_own_before_a_dated_heading(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", f"{FIRST}\nUpdate as at 14/01/25: Panel met and agreed the plan."),
        action("PAP 1.2", "OT", f"{FIRST}\nMeeting held 14/01/25 - Panel met and agreed the plan."),
        action("PAP 1.3", "OT", f"{FIRST}\nBy 14/01/25: all schools to return their forms."),
        action("PAP 1.4", "OT", f"{FIRST}\nAgreed with the parent carer forum 14/01/25 - AB - next steps set."),
        action("PAP 1.5", "OT", f"{FIRST}\nLatest position (14/01/25): Panel met and agreed the plan."),
    )))
    assert _entries(plan, "PAP 1.1") == [
        ("2024-12-10", "AB", "Draft shared with schools."), ("2025-01-14", None, "Panel met and agreed the plan.")]
    assert _entries(plan, "PAP 1.2") == [
        ("2024-12-10", "AB", "Draft shared with schools."),
        ("2025-01-14", None, "Meeting held 14/01/25 - Panel met and agreed the plan.")]  # not "Meeting held" above
    assert _entries(plan, "PAP 1.3") == [
        ("2024-12-10", "AB", "Draft shared with schools."),
        ("2025-01-14", None, "By 14/01/25: all schools to return their forms.")]  # "By" is not anybody's initials
    assert _entries(plan, "PAP 1.4") == [
        ("2024-12-10", "AB", "Draft shared with schools."),
        ("2025-01-14", "AB", "Agreed with the parent carer forum 14/01/25 - AB - next steps set.")]
    assert _entries(plan, "PAP 1.5")[1:] == [("2025-01-14", None, "Panel met and agreed the plan.")]
    assert _unread(plan) == []


def test_a_line_shaped_like_a_heading_but_not_read_is_a_warning_naming_the_cell(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", f"{FIRST}\nNHS (14/01/25): the trust agreed to share data."),
        action("PAP 1.2", "OT", f"{FIRST}\nAB 14/01/25 Panel met and agreed the plan."),
        action("PAP 1.3", "OT", f"{FIRST}\nThe panel met on 14/01/25 - and agreed the plan."),  # a sentence
        action("PAP 1.4", "OT", f"{FIRST}\nBaseline (Sept 2024): 18% within 20 weeks."),  # a period a figure is for
    )))
    assert _entries(plan, "PAP 1.1") == [
        ("2024-12-10", "AB", "Draft shared with schools.\nNHS (14/01/25): the trust agreed to share data.")]
    assert _entries(plan, "PAP 1.2") == [
        ("2024-12-10", "AB", "Draft shared with schools.\nAB 14/01/25 Panel met and agreed the plan.")]
    assert _entries(plan, "PAP 1.3") == [
        ("2024-12-10", "AB", "Draft shared with schools.\nThe panel met on 14/01/25 - and agreed the plan.")]
    assert _entries(plan, "PAP 1.4") == [
        ("2024-12-10", "AB", "Draft shared with schools.\nBaseline (Sept 2024): 18% within 20 weeks.")]
    assert _unread(plan) == [("F4", "'NHS (14/01/25)'"), ("F5", "'AB 14/01/25'")]


def test_a_heading_covering_months_is_one_entry_dated_by_its_last(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", f"{FIRST}\nOct 24 - Jan 25: Panel met monthly.\nFeb 25: Report agreed."),
        action("PAP 1.2", "OT", f"{FIRST}\nNov 24 – Jan 25 AB: Forum met twice."),
        action("PAP 1.3", "OT", f"{FIRST}\nFamilies were seen from Sept 24 - Dec 24 in 40 visits.\nFeb 25: Report agreed."),
    )))
    assert [(d, i, t, e.raw) for (d, i, t), e in zip(_entries(plan, "PAP 1.1"), plan.actions[0].entries)][1:] == [
        ("2025-01", None, "Panel met monthly.", "Oct 24 - Jan 25: Panel met monthly."),  # not an empty 'Oct 24 -'
        ("2025-02", None, "Report agreed.", "Feb 25: Report agreed.")]
    assert _entries(plan, "PAP 1.2")[1:] == [("2025-01", "AB", "Forum met twice.")]
    assert _entries(plan, "PAP 1.3") == [  # a sentence, not a heading
        ("2024-12-10", "AB", "Draft shared with schools.\nFamilies were seen from Sept 24 - Dec 24 in 40 visits."),
        ("2025-02", None, "Report agreed.")]


def test_months_joined_by_a_slash_an_ampersand_or_and_head_one_entry_dated_by_the_last(make_workbook):
    """A two-monthly update headed "Dec 2024 / Jan 2025:" was an undated entry 'Dec 2024 /' of its own
    (one entry too many in every count) and the update after it; a sentence so opened is still no heading."""
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", f"{FIRST}\nDec 2024 / Jan 2025: Two panels held.\nFeb 25: Report agreed."),
        action("PAP 1.2", "OT", f"{FIRST}\nDec 24/Jan 25: CF - Forum met twice."),
        action("PAP 1.3", "OT", f"{FIRST}\nDec 24 & Jan 25 - Visits made."),
        action("PAP 1.4", "OT", f"{FIRST}\nNov 24 and Dec 24: Training run."),
        action("PAP 1.5", "OT", f"{FIRST}\nDec 2024 / Jan 2025 saw two panels held."),
    )))
    assert [(d, i, t, e.raw) for (d, i, t), e in zip(_entries(plan, "PAP 1.1"), plan.actions[0].entries)][1:] == [
        ("2025-01", None, "Two panels held.", "Dec 2024 / Jan 2025: Two panels held."),
        ("2025-02", None, "Report agreed.", "Feb 25: Report agreed.")]
    assert _entries(plan, "PAP 1.2")[1:] == [("2025-01", "CF", "Forum met twice.")]
    assert _entries(plan, "PAP 1.3")[1:] == [("2025-01", None, "Visits made.")]
    assert _entries(plan, "PAP 1.4")[1:] == [("2024-12", None, "Training run.")]
    assert _entries(plan, "PAP 1.5")[1:] == [(None, None, "Dec 2024 / Jan 2025 saw two panels held.")]  # no heading


def test_a_heading_covering_days_is_one_entry_dated_by_its_last_day(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", f"{FIRST}\n14-18 Jan 25: Panel met daily.\nFeb 25: Report agreed."),
        action("PAP 1.2", "OT", f"{FIRST}\n14 Jan - 18 Jan 25: Panel met daily."),  # not 14 January 2018
        action("PAP 1.3", "OT", f"{FIRST}\n14th - 18th January 2025 AB: Forum met daily."),
        action("PAP 1.4", "OT", f"{FIRST} 1 - 5 Dec 24 - Visits made."),
        action("PAP 1.5", "OT", f"{FIRST}\nSept 24 to Dec 24: Panel met monthly."),  # as "Sept 24 - Dec 24:"
    )))
    assert [(d, i, t, e.raw) for (d, i, t), e in zip(_entries(plan, "PAP 1.1"), plan.actions[0].entries)] == [
        ("2024-12-10", "AB", "Draft shared with schools.", "10/12/24: AB: Draft shared with schools."),  # no '14-'
        ("2025-01-18", None, "Panel met daily.", "14-18 Jan 25: Panel met daily."),
        ("2025-02", None, "Report agreed.", "Feb 25: Report agreed.")]
    assert _entries(plan, "PAP 1.2") == [
        ("2024-12-10", "AB", "Draft shared with schools."), ("2025-01-18", None, "Panel met daily.")]
    assert _entries(plan, "PAP 1.3")[1:] == [("2025-01-18", "AB", "Forum met daily.")]
    assert _entries(plan, "PAP 1.4") == [
        ("2024-12-10", "AB", "Draft shared with schools."), ("2024-12-05", None, "Visits made.")]
    assert _entries(plan, "PAP 1.5")[1:] == [("2024-12", None, "Panel met monthly.")]


def test_a_spaced_dash_between_a_month_and_a_number_makes_no_year(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", f"{FIRST}\nJan - 18 families attended the first session."),  # January, not 2018
        action("PAP 1.2", "OT", f"{FIRST}\nWe met on 14 Jan - 18 were there."),
        action("PAP 1.3", "OT", f"{FIRST}\nJan-18: Panel met.\n14-Jan-18 AB: Forum met."),  # Excel's own forms stay dates
    )))
    assert _entries(plan, "PAP 1.1") == [  # a month heading, its year from the entry before
        ("2024-12-10", "AB", "Draft shared with schools."), ("2025-01", None, "18 families attended the first session.")]
    assert _entries(plan, "PAP 1.2") == [
        ("2024-12-10", "AB", "Draft shared with schools.\nWe met on 14 Jan - 18 were there.")]
    assert _entries(plan, "PAP 1.3")[1:] == [("2018-01", None, "Panel met."), ("2018-01-14", "AB", "Forum met.")]


def test_words_and_a_range_of_months_in_a_sentence_start_no_entry(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", f"{FIRST}\nBetween Sept 24 - Dec 24 we saw 40 families."),
        action("PAP 1.2", "OT", f"{FIRST}\nFigures for Sept 24 - Dec 24 show 40 families seen."),
    )))
    assert _entries(plan, "PAP 1.1") == [
        ("2024-12-10", "AB", "Draft shared with schools.\nBetween Sept 24 - Dec 24 we saw 40 families.")]
    assert _entries(plan, "PAP 1.2") == [
        ("2024-12-10", "AB", "Draft shared with schools.\nFigures for Sept 24 - Dec 24 show 40 families seen.")]


def test_a_labelled_date_signed_in_brackets_heads_its_entry(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Update 14.10.24 (AB) Panel met.\nUpdate 11.11.24 (AB) Report agreed."),
        action("PAP 1.2", "OT", f"{FIRST}\nUpdate 14/01/25 (JS): Forum met."),
        action("PAP 1.3", "OT", f"{FIRST}\nUpdate 14/01/25 (Sarah Jones) Forum met."),  # a name stays in the text
    )))
    assert _entries(plan, "PAP 1.1") == [  # not an undated 'Update' and one left at the end of each entry
        ("2024-10-14", "AB", "Panel met."), ("2024-11-11", "AB", "Report agreed.")]
    assert _entries(plan, "PAP 1.2")[1:] == [("2025-01-14", "JS", "Forum met.")]
    assert _entries(plan, "PAP 1.3")[1:] == [("2025-01-14", None, "(Sarah Jones) Forum met.")]


def test_initials_then_a_date_in_square_brackets_head_an_entry_signed_by_them(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "[AB 10/11/24] Site live.\n[CD 14/01/25] Panel met.", owner="Ann Bell, Cal Dunn"),
        action("PAP 1.2", "OT", f"{FIRST}\n(CD 14/01/25) Panel met.", owner="Ann Bell, Cal Dunn"),
        action("PAP 1.3", "OT", f"{FIRST}\nJS [CD 14/01/25] Panel met.", owner="Ann Bell, Cal Dunn"),
    )))
    assert _entries(plan, "PAP 1.1") == [("2024-11-10", "AB", "Site live."), ("2025-01-14", "CD", "Panel met.")]
    assert _entries(plan, "PAP 1.2") == [
        ("2024-12-10", "AB", "Draft shared with schools."), ("2025-01-14", "CD", "Panel met.")]
    assert _entries(plan, "PAP 1.3") == [  # initials before the bracket and in it: whose it is is not known
        ("2024-12-10", "AB", "Draft shared with schools.\nJS [CD 14/01/25] Panel met.")]
    assert [a.entries[-1].author for a in plan.actions[:2]] == ["Cal Dunn", "Cal Dunn"]


def test_a_team_or_initials_and_a_comma_in_square_brackets_head_an_entry(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "[NHS 14/01/25] Clinic slots added.\n[ICB 10/02/25] Waiting list down to 300."),
        action("PAP 1.2", "OT", "[AB, 10/11/24] Site live.\n[CD, 14/01/25] Panel met.", owner="Ann Bell, Cal Dunn"),
    )))
    assert _entries(plan, "PAP 1.1") == [  # before: one undated entry holding both, with no warning
        ("2025-01-14", "NHS", "Clinic slots added."), ("2025-02-10", "ICB", "Waiting list down to 300.")]
    assert _entries(plan, "PAP 1.2") == [("2024-11-10", "AB", "Site live."), ("2025-01-14", "CD", "Panel met.")]
    assert [e.author for e in plan.actions[1].entries] == ["Ann Bell", "Cal Dunn"]


def test_an_update_provided_by_somebody_on_a_date_is_signed_by_them(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Update provided by AB on 14/01/25: Draft agreed.\n"
                                "Updated by CD 10/02/25 - Signed off.", owner="Ann Bell, Cal Dunn"),
    )))
    assert _entries(plan, "PAP 1.1") == [("2025-01-14", "AB", "Draft agreed."), ("2025-02-10", "CD", "Signed off.")]


def test_a_financial_month_before_its_date_is_part_of_the_heading(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Month 10 (Jan 25): Draft agreed.\nMonth 11 (Feb 25): Signed off."),
        action("PAP 1.2", "OT", "P10 Jan 25: Draft agreed.\nP11 Feb 25: Signed off."),  # before: "P11" ended 1.2's first entry
        action("PAP 1.3", "OT", "Period 10 - Jan 25: Draft agreed.\nPeriod 11 - Feb 25: Signed off."),
    )))
    for ref in ("PAP 1.1", "PAP 1.2", "PAP 1.3"):
        assert _entries(plan, ref) == [("2025-01", None, "Draft agreed."), ("2025-02", None, "Signed off.")], ref


def test_a_quarter_with_its_months_in_brackets_is_dated_by_its_last_month(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Q3 (Oct-Dec 24): Draft agreed.\nQ4 (Jan - Mar 2025) - Signed off."),
        action("PAP 1.2", "OT", "Q3 (October to December 2024): Draft agreed."),
        action("PAP 1.3", "OT", "Q3 2024/25: Draft agreed.\nQ4 2024/25: Signed off."),  # a quarter alone is not a month
    )))
    assert _entries(plan, "PAP 1.1") == [  # before: one undated entry holding both
        ("2024-12", None, "Q3 (Oct-Dec 24): Draft agreed."), ("2025-03", None, "Q4 (Jan - Mar 2025) - Signed off.")]
    assert _entries(plan, "PAP 1.2") == [("2024-12", None, "Q3 (October to December 2024): Draft agreed.")]
    assert _entries(plan, "PAP 1.3") == [(None, None, "Q3 2024/25: Draft agreed."), (None, None, "Q4 2024/25: Signed off.")]


def test_a_date_and_initials_on_a_line_of_their_own_head_the_text_below(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "13/01/2025 PD\nSecond.\n----\n14/10/2024 AB\nFirst.", owner="Ann Bell, Pat Dunn"),
        action("PAP 1.2", "OT", "14/10/2024 AB\nFirst.\n\n13/01/2025 PD\nSecond.", owner="Ann Bell, Pat Dunn"),
    )))
    # before: "PD" and "AB" were text, and newest first the oldest entry's text became an undated entry of its own
    assert _entries(plan, "PAP 1.1") == [  # a line drawn between entries stays, as every character of the cell does
        ("2025-01-13", "PD", "Second.\n----"), ("2024-10-14", "AB", "First.")]
    assert _entries(plan, "PAP 1.2") == [("2024-10-14", "AB", "First."), ("2025-01-13", "PD", "Second.")]
    assert [e.author for e in plan.actions[0].entries] == ["Pat Dunn", "Ann Bell"]
    assert [w.message for w in plan.warnings if "first entry" in w.message] == []


def test_a_form_of_labelled_lines_is_read_as_date_author_and_text(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "Date: 14/10/24\nUpdate: First.\n----\nDate: 11/11/24\nUpdate: Second."),
        action("PAP 1.2", "OT", "Date: 14/10/24\nBy: AB\nUpdate: First.\nDate: 11/11/24\nBy: Sarah Jones\nUpdate: Second."),
        action("PAP 1.3", "OT", "14/10/24: Update: the plan was agreed."),  # a label on the heading's line is kept
    )))
    assert _entries(plan, "PAP 1.1") == [("2024-10-14", None, "First.\n----"), ("2024-11-11", None, "Second.")]
    assert _entries(plan, "PAP 1.2") == [  # a name stays in the text: it is not initials
        ("2024-10-14", "AB", "First."), ("2024-11-11", None, "By: Sarah Jones\nUpdate: Second.")]
    assert _entries(plan, "PAP 1.3") == [("2024-10-14", None, "Update: the plan was agreed.")]


def test_initials_in_brackets_closing_an_entry_sign_it(make_workbook):
    plan = read_plan(make_workbook(plan_rows(
        action("PAP 1.1", "OT", "14/10/24: First draft shared (AB).\n\n11/11/24: Signed off at the board (CD).",
               owner="Ann Bell, Cal Dunn"),
        action("PAP 1.2", "OT", "14/10/24 CD: Signed off (AB).\n11/11/24: Referred to the (ASD) team.",
               owner="Ann Bell, Cal Dunn"),
    )))
    assert _entries(plan, "PAP 1.1") == [  # before: no initials, so no author
        ("2024-10-14", "AB", "First draft shared (AB)."), ("2024-11-11", "CD", "Signed off at the board (CD).")]
    assert [e.author for e in plan.actions[0].entries] == ["Ann Bell", "Cal Dunn"]
    assert _entries(plan, "PAP 1.2") == [  # the heading's initials come first; brackets inside a sentence sign nothing
        ("2024-10-14", "CD", "Signed off (AB)."), ("2024-11-11", None, "Referred to the (ASD) team.")]

"""The report's content tree, with no Word in it: literal sentences for the January 2025 example."""
from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import example_path

from paptools.api import reconcile
from paptools.content.narrative import parse_narrative
from paptools.content.report import ReportSettings, build_report, report_in_parts
from paptools.content.tree import BulletList, Figure, Paragraph, Placeholder, Report, Section, walk


def report_for(versions, settings: ReportSettings | None = None, as_of=date(2025, 1, 20)) -> Report:
    result = reconcile([example_path(v) for v in versions], as_of=as_of, single_ok=True)
    return build_report(result, settings or ReportSettings())


@pytest.fixture(scope="module")
def january() -> Report:
    return report_for(["2024-06", "2025-01"])


def paragraphs(section: Section) -> list[str]:
    return [b.text for b in section.blocks if isinstance(b, Paragraph)]


def test_sections_follow_the_committee_papers_order(january):
    assert [(s.title, s.numbered) for s in january.sections] == [
        ("Purpose of report", False), ("Executive summary", False), ("Recommendations", False),
        ("Background", True), ("Progress by priority area", True), ("Current position and impact", True),
        ("Performance", True), ("Feedback", True), ("Summary", True),
        ("Appendix A: Status of every action", False), ("Appendix B: How the figures are calculated", False)]
    for key in ("impact", "feedback", "background"):
        assert any(isinstance(b, Placeholder) for b in january.section(key).blocks), key


def test_the_sections_made_one_at_a_time_are_the_whole_reports(january):
    result = reconcile([example_path(v) for v in ["2024-06", "2025-01"]], as_of=date(2025, 1, 20))
    frame, sections = report_in_parts(result, ReportSettings())
    assert frame.sections == ()
    assert frame.title == january.title == "SEND & Inclusion Improvement Programme: Priority Action Plan: progress report"
    assert frame.front == january.front
    made = list(sections)
    assert [s.title for s in made][:2] == ["Purpose of report", "Executive summary"]
    assert tuple(made) == january.sections


def test_the_figures_as_sentences(january):
    summary = paragraphs(january.section("executive_summary"))
    assert summary[:2] == [
        "Of a total of 40 PAP actions, thirty-three (82.5%) have been marked as complete and seven (17.5%) are incomplete.",
        "Of the seven incomplete actions, four are on track, one has not yet started, one is vulnerable and one is "
        "at risk."]
    assert ("Across the plan, one action is at risk, one is vulnerable, one is past its latest due date and four "
            "are without an update since the last version.") in summary
    figure = next(b for b in january.section("executive_summary").blocks if isinstance(b, Figure))
    assert figure.categories == ("Complete", "On track", "Not yet started", "Vulnerable", "At risk")
    assert figure.series[0].values == (33, 4, 1, 1, 1)
    assert figure.table.rows[0] == ("Complete", "33", "82.5%")
    assert "PAP actions: Complete 33, On track 4, Not yet started 1, Vulnerable 1, At risk 1 (total 40)" in \
        figure.alt_text
    assert january.section("summary").blocks[0].text == (
        "Thirty-three of the 40 PAP actions are complete. The seven PAP actions still open will continue to be "
        "monitored until they are complete.")


def test_no_new_update_is_said_once_as_a_list_of_refs(january):
    text = january.text()
    assert text.count("No new update was recorded") == 1
    assert "No new update was recorded for PAP 1.3, PAP 2.4, PAP 2.16 and PAP 2.25 (open actions, four in all)." in text


def test_each_changed_action_is_listed_once_with_its_tidied_entries(january):
    response = january.section("response")
    leads = [b.runs[0].text for s in walk((response,)) for b in s.blocks
             if isinstance(b, Paragraph) and b.runs[0].bold]
    assert len(leads) == len(set(leads)) == 21
    bullets = [item.text for s in walk((response,)) for b in s.blocks if isinstance(b, BulletList) for item in b.items]
    assert "September 2024: JSNA has been populated with SEND and Health data and has been published on the " \
           "website." in " ".join(bullets)
    assert all(not line.endswith("..") for line in bullets)


def test_names_are_off_by_default_and_on_when_asked(january):
    assert "(Steve Larking)" not in january.text()
    named = report_for(["2024-06", "2025-01"], ReportSettings(names=True))
    assert "September 2024 (Steve Larking): JSNA has been populated" in named.text()


def test_no_file_name_and_no_council_default(january):
    text = january.text()
    assert "oldham-send-pap" not in text and ".xlsx" not in text
    assert january.front[0].text == "Report to: The committee"
    assert "Plan: SEND & Inclusion Improvement Programme: Priority Action Plan, version of 15 January 2025" in text
    assert "Compared with: SEND & Inclusion Improvement Programme: Priority Action Plan, version of 15 June 2024" \
        in text


def test_data_notes_are_plain_and_name_the_action():
    report = report_for(["2025-01", "2025-08"], as_of=date(2025, 9, 1))
    notes = [item.text for s in walk((report.section("appendix_method"),)) for b in s.blocks
             if isinstance(b, BulletList) for item in b.items]
    assert "Action PAP 2.4: the status colour is not one of the Key's colours; read as On track." in notes
    assert not any("92D050" in note or "I30" in note for note in notes)


def test_a_data_note_keeps_the_officers_quoted_words_and_drops_cell_references():
    from paptools.content.words import plain_warning
    from paptools.model import DataWarning

    assert plain_warning(DataWarning("PAP", "D3", "timescale 'Q3 2024/25' names no month, so no due date is known")) \
        == "Timescale 'Q3 2024/25' names no month, so no due date is known."
    assert plain_warning(DataWarning("PAP", "A9", "ref 1.1 is used twice (also at PAP!A5); both actions are kept")) \
        == "Ref 1.1 is used twice; both actions are kept."
    # advice on paptools.toml is for the officer, not the committee
    assert plain_warning(DataWarning("PAP", "G1", "column G 'Notes' could also be the Progress column; column F "
                                                  "'Update' is used (name the right one in paptools.toml)")) \
        == "Column G 'Notes' could also be the Progress column; column F 'Update' is used."
    assert plain_warning(DataWarning("PAP", "E5", "'Overdue' is not one of the five statuses; status unknown (say what "
                                                  "the word counts as under [statuses] in paptools.toml)")) \
        == "'Overdue' is not one of the five statuses; status unknown."


def test_narrative_sections_land_in_their_places_with_subheadings():
    narrative = parse_narrative(
        "Our partnership was inspected in June 2023.\n\n"
        "# Background\nThe plan was **approved** in October 2023.\n\n## Governance\n- A board meets monthly.\n\n"
        "# Local offer\nThe local offer moved to the parent carer forum.\n\n"
        "# Summary\nMuch done, more to do.\n")
    report = report_for(["2024-06", "2025-01"], ReportSettings(narrative=narrative))
    titles = [s.title for s in report.sections]
    assert titles[3] == "Background" and titles[8:10] == ["Local offer", "Summary"]
    background = report.section("background")
    assert background.blocks[0].runs[1].text == "approved" and background.blocks[0].runs[1].bold
    assert [(s.title, s.level) for s in background.subsections] == [("Governance", 2)]
    assert paragraphs(report.section("purpose")) == ["Our partnership was inspected in June 2023."]
    assert paragraphs(report.section("summary")) == ["Much done, more to do."]


def test_equal_counts_have_equal_percentages(january):
    rows = next(b for b in january.section("executive_summary").blocks if isinstance(b, Figure)).table.rows
    by_count: dict[str, set[str]] = {}
    for _, count, percent in rows:
        by_count.setdefault(count, set()).add(percent)
    assert all(len(percents) == 1 for percents in by_count.values()), by_count


def test_within_timescale_is_the_same_whatever_versions_are_passed():
    def sentence(versions):
        text = report_for(versions).text()
        return next(line for line in text.splitlines() if line.startswith("Of the thirty-three complete actions"))

    assert sentence(["2025-01"]) == sentence(["2024-06", "2025-01"])


def test_a_plan_with_nothing_complete_says_none_not_zero(tmp_path):
    import openpyxl

    paths = []
    for name, status in (("10 January 2025", "Amber"), ("14 March 2025", "Green")):
        book = openpyxl.Workbook()
        for row in ([f"Position as at {name}"], ["Ref", "Action", "Lead", "Timescale", "RAG", "Progress"],
                    ["1", "Improve EHCP timeliness", "Jane Smith", "Jun-25", status, "Jan25: JS: rate at 60%."],
                    ["2", "Co-produce the local offer", "Raj Patel", "Sep-25", "Green", "Dec24: RP: first workshop."]):
            book.active.append(row)
        book.save(tmp_path / name)
        paths.append(tmp_path / name)
    report = build_report(reconcile(paths, as_of=date(2025, 3, 14)), ReportSettings())
    assert report.section("summary").blocks[0].text == (
        "None of the 2 actions is complete yet. The two actions still open will continue to be monitored until "
        "they are complete.")
    recommendations = next(b for b in report.section("recommendations").blocks if isinstance(b, BulletList))
    assert recommendations.items[0].text == (
        "Note the progress made since the previous version of the plan (updated to January 2025), with none of "
        "the 2 actions yet complete.")


def test_open_actions_with_no_due_month_are_not_said_to_be_on_time(tmp_path):
    import openpyxl
    from click.testing import CliRunner

    from paptools.cli import main

    paths = []
    for when, progress in (("10 January 2025", "Jan25: JS: 60%."), ("14 March 2025", "Jan25: JS: 60%.\nMar25: JS: 75%.")):
        book = openpyxl.Workbook()
        for row in ([f"Position as at {when}"], ["Ref", "Action", "Lead", "Timescale", "Status", "Progress"],
                    ["1.1", "Improve EHCP timeliness", "Jane Smith", "Q3 2024/25", "On track", progress],
                    ["1.2", "Co-produce the local offer", "Raj Patel", "Ongoing", "On track", "Dec24: RP: workshop."],
                    ["1.3", "Open the hub", "Raj Patel", "TBC", "Complete", "Nov24: RP: opened."]):
            book.active.append(row)
        book.save(tmp_path / f"plan-{len(paths)}.xlsx")
        paths.append(tmp_path / f"plan-{len(paths)}.xlsx")
    result = reconcile(paths, as_of=date(2025, 3, 14))
    assert [a.ref for a in result.summary.no_due_month] == ["1.1", "1.2"]  # 1.3 is complete
    report = build_report(result, ReportSettings())
    assert ("Across the plan, one action is without an update since the last version; none is at risk or "
            "vulnerable. Two actions not complete have no due month, so whether they are overdue is not known."
            ) in paragraphs(report.section("executive_summary"))
    assert ("No action is at risk, vulnerable, known to be overdue or with a timescale revised more than once. "
            "Two actions not complete have no due month, so whether they are overdue is not known.") in report.text()
    shown = CliRunner().invoke(main, ["summary", str(paths[1])]).stdout.splitlines()
    assert shown[-3:] == ["No due month (2): not complete, and whether overdue is not known",
                          "  1.1        timescale 'Q3 2024/25' [On track]",
                          "  1.2        timescale 'Ongoing' [On track]"]
    document = json.loads(CliRunner().invoke(main, ["summary", str(paths[1]), "--json"]).stdout)
    assert (document["overdue"], document["no_due_month"]) == ([], ["1.1", "1.2"])


def test_an_unknown_status_has_its_own_column_and_bar_so_each_version_adds_up(tmp_path):
    import docx
    import openpyxl
    from click.testing import CliRunner

    from paptools.cli import main

    paths = []
    for when, status in (("10 January 2025", "Amber"), ("14 March 2025", "Paused")):
        book = openpyxl.Workbook()
        for row in ([f"Position as at {when}"], ["Ref", "Action", "Lead", "Timescale", "RAG", "Progress"],
                    ["1", "Improve EHCP timeliness", "Jane Smith", "Jun-25", status, "Jan25: JS: rate at 60%."],
                    ["2", "Co-produce the local offer", "Raj Patel", "Sep-25", "Green", "Dec24: RP: first workshop."],
                    ["3", "Open the hub", "Raj Patel", "Sep-25", "Green", "Dec24: RP: site found."]):
            book.active.append(row)
        book.save(tmp_path / f"plan-{len(paths)}.xlsx")
        paths.append(tmp_path / f"plan-{len(paths)}.xlsx")
    result = CliRunner().invoke(main, ["reconcile", *map(str, paths), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(next((tmp_path / "out").glob("*-report.docx"))))
    trend = next(t for t in document.tables if t.rows[0].cells[0].text == "Version")
    assert [[c.text for c in row.cells] for row in trend.rows] == [
        ["Version", "Complete", "On track", "Not yet started", "Vulnerable", "At risk", "Unknown", "Total"],
        ["Jan 2025", "0", "2", "0", "1", "0", "0", "3"],
        ["Mar 2025", "0", "2", "0", "0", "0", "1", "3"]]
    docpr = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    descriptions = [p.get("descr") for p in document.element.body.iter(docpr)]
    assert descriptions == [
        "Bar chart of actions by status. Actions: Complete 0, On track 2, Not yet started 0, Vulnerable 0, "
        "At risk 0, Unknown 1 (total 3).",
        "Stacked column chart of all actions by status in each version of the plan. Jan 2025: Complete 0, "
        "On track 2, Not yet started 0, Vulnerable 1, At risk 0, Unknown 0; Mar 2025: Complete 0, On track 2, "
        "Not yet started 0, Vulnerable 0, At risk 0, Unknown 1."]


def test_a_version_with_nothing_new_says_so_without_zero(tmp_path):
    import shutil

    first, second = tmp_path / "plan-jan.xlsx", tmp_path / "plan-jan-copy.xlsx"
    shutil.copy(example_path("2025-01"), first)
    shutil.copy(example_path("2025-01"), second)
    report = build_report(reconcile([first, second], as_of=date(2025, 1, 20)), ReportSettings())
    assert paragraphs(report.section("response"))[0] == (
        "No action has new progress or a change of status since the previous version of the plan (updated to "
        "January 2025).")
    assert " zero " not in report.text()


def test_an_added_action_shows_the_progress_the_committee_has_not_seen(tmp_path):
    import openpyxl

    paths = []
    for name, rows in (("10 January 2025", [["1", "Improve EHCP timeliness", "Jan25: JS: rate at 60%."]]),
                       ("14 March 2025", [["1a", "Improve EHCP timeliness: the panel", "Jan25: JS: rate at 60%.\n"
                                                                                       "Mar25: JS: panel weekly."],
                                          ["2", "Open the hub", "Feb25: RP: site found."]])):
        book = openpyxl.Workbook()
        book.active.append([f"Position as at {name}"])
        book.active.append(["Ref", "Action", "Progress", "RAG"])
        for ref, title, progress in rows:
            book.active.append([ref, title, progress, "Green"])
        book.save(tmp_path / f"plan-{len(paths)}.xlsx")
        paths.append(tmp_path / f"plan-{len(paths)}.xlsx")
    report = build_report(reconcile(paths, as_of=date(2025, 3, 14)), ReportSettings())
    added = next(s for s in walk((report.section("response"),)) if isinstance(s, Section)
                 and s.title == "Actions added to the plan")
    assert [b.text for b in added.blocks if isinstance(b, Paragraph)] == [
        "1a: new progress recorded.", "2: new progress recorded."]
    assert [[item.text for item in b.items] for b in added.blocks if isinstance(b, BulletList)] == [
        ["March 2025: Panel weekly."], ["February 2025: Site found."]]


def test_a_row_copied_with_its_ref_is_a_second_action_and_the_first_keeps_its_progress(tmp_path):
    import openpyxl

    paths = []
    for name, rows in (("10 January 2025", [["2.2", "Publish the pathway", "Dec-25", "Jan25: AW: Drafted."]]),
                       ("14 March 2025", [["2.2", "Publish the pathway", "Dec-25", "Jan25: AW: Drafted.\n"
                                                                                  "Mar25: AW: Consultation closed."],
                                          ["2.2", "Train SENCOs in the pathway", "Jun-26", ""]])):
        book = openpyxl.Workbook()
        book.active.append([f"Position as at {name}"])
        book.active.append(["Ref", "Action", "Timescale", "Progress", "RAG"])
        for ref, title, due, progress in rows:
            book.active.append([ref, title, due, progress, "Green"])
        book.save(tmp_path / f"plan-{len(paths)}.xlsx")
        paths.append(tmp_path / f"plan-{len(paths)}.xlsx")
    report = build_report(reconcile(paths, as_of=date(2025, 3, 14)), ReportSettings())
    assert any(text.startswith(
        "Since the previous version of the plan (updated to January 2025), one new progress entry was recorded "
        "across one action, no action changed status and one action was added")
        for text in paragraphs(report.section("executive_summary")))
    assert "March 2025: Consultation closed." in report.text()
    assert "2.2 (2nd)" in report.text()


def test_a_committee_named_is_the_committee_in_the_sentences_and_the_email():
    from paptools.compare.changes import list_changes
    from paptools.content.pack import pack_content

    result = reconcile([example_path(v) for v in ["2024-06", "2025-01"]], as_of=date(2025, 1, 20))
    report = build_report(result, ReportSettings(committee="Children's Overview and Scrutiny Committee"))
    assert report.front[0].text == "Report to: Children's Overview and Scrutiny Committee"
    assert paragraphs(report.section("purpose"))[0].startswith(
        "This report updates the Children's Overview and Scrutiny Committee on progress against the SEND & "
        "Inclusion Improvement Programme: Priority Action Plan since the previous version")
    assert paragraphs(report.section("recommendations"))[0] == (
        "The Children's Overview and Scrutiny Committee is recommended to:")
    email = pack_content(list_changes(result.diff), result.summary, title="Priority Action Plan", version="15 Jan 2025",
                         previous=None, committee="Children's Overview and Scrutiny Committee")
    assert email.opening.startswith("Attached are the progress report and the updated plan, version 15 Jan 2025, "
                                    "for the Children's Overview and Scrutiny Committee. ")


def test_a_small_plans_sentences_read_as_written_for_it(tmp_path):
    from test_layout import build

    header = ["Ref", "Action", "Owner", "Due", "RAG", "Progress"]
    paths = [build(tmp_path / "dec.xlsx", {"Plan": [["Position as at 31 December 2024"], header,
                                                    ["1.1", "Local offer", "Ann Lee", "Mar-25", "Green", "Dec 24: Drafted."],
                                                    ["1.2", "Short breaks", "Bo Khan", "Jun-25", "Amber", "Dec 24: Scoped."]]}),
             build(tmp_path / "jan.xlsx", {"Plan": [["Position as at 31 January 2025"], header,
                                                    ["1.1", "Local offer", "Ann Lee", "Mar-25", "Green",
                                                     "Dec 24: Drafted.\nJan 25: Published."],
                                                    ["1.2", "Short breaks", "Bo Khan", "Jun-25", "Amber", "Dec 24: Scoped."]]})]
    report = build_report(reconcile(paths, as_of=date(2025, 1, 31)), ReportSettings())
    assert "No new update was recorded for 1.2, an open action." in paragraphs(report.section("response"))
    assert paragraphs(report.section("appendix_actions"))[0].startswith("Both actions in the plan, by priority area")

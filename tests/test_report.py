"""The committee report, read back from the .docx: structure, figures, changes, accessibility."""
from __future__ import annotations

import itertools
import re
from datetime import date

import pytest
from click.testing import CliRunner
from conftest import action, example_path, plan_rows
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from libreoffice import pdf_of, pdf_text

from paptools.api import OutputOptions, reconcile, write_outputs
from paptools.cli import main
from paptools.content.narrative import parse_narrative
from paptools.write.report import STATUS_SHADING


def make_report(paths, tmp_path, as_of=date(2025, 1, 20), **report):
    result = reconcile(paths, as_of=as_of, single_ok=True)
    written = write_outputs(result, OutputOptions(output_dir=tmp_path, kinds=("report",), report=report))
    return result, Document(str(written["report"])), written["report"]


@pytest.fixture(scope="module")
def january(tmp_path_factory):
    """The report for June 2024 -> January 2025, the period of the real committee report."""
    folder = tmp_path_factory.mktemp("january")
    return make_report([example_path("2024-06"), example_path("2025-01")], folder, meeting_date=date(2025, 1, 28))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def all_text(document) -> str:
    parts = texts(document)
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def headings(document) -> list[tuple[int, str]]:
    return [(int(p.style.name[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def test_sections_are_real_headings_in_order(january):
    _, document, _ = january
    top = [text for level, text in headings(document) if level == 1]
    assert top == ["1. Purpose of report", "2. Executive summary", "3. Progress since the last report",
                   "4. Actions needing attention", "5. Recommendations", "Appendix A: Status of every action",
                   "Appendix B: How the figures are calculated, and data warnings"]
    levels = [level for level, _ in headings(document)]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "a heading level is skipped"
    assert document.paragraphs[0].style.name == "Title"


def test_the_figures_are_the_recomputed_ones_as_sentences(january):
    _, document, _ = january
    paragraphs = texts(document)
    assert "2.1\tOf a total of 40 PAP actions, thirty-three (82.5%) have been marked as complete and seven (17.5%) are incomplete." in paragraphs
    assert ("2.2\tOf the seven incomplete actions, four are on track, one has not yet started, one is vulnerable "
            "and one is at risk.") in paragraphs
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["RA status", "PAP actions", "% of PAP actions"]
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == [
        ["Complete", "33", "82.5%"], ["On track", "4", "10%"], ["Not yet started", "1", "2.5%"],
        ["Vulnerable", "1", "2.5%"], ["At risk", "1", "2.5%"], ["Total", "40", "100%"],
    ]


def test_paragraphs_are_numbered_in_the_committee_manner(january):
    _, document, _ = january
    section, expected = 0, 0
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 1" and re.match(r"\d+\. ", paragraph.text):
            section, expected = int(paragraph.text.split(".")[0]), 0
        if paragraph.style.name == "Numbered Paragraph":
            expected += 1
            assert paragraph.text.startswith(f"{section}.{expected}\t"), paragraph.text[:30]


def test_every_changed_action_and_new_entry_is_in_the_report(january):
    result, document, _ = january
    text = all_text(document)
    for new in result.diff.new_entries:
        assert new.entry.text in text, new.entry.text[:50]
    for change in result.diff.status_changes:
        assert re.search(rf"{re.escape(change.ref)}: .*Status: {change.after.value} \(was {change.before.value}\)", text)
    assert "September 2024 (Steve Larking): JSNA has been populated" in text
    assert "No new progress entry was recorded with this change of status." in text  # PAP 1.5


def test_actions_needing_attention(january):
    _, document, _ = january
    subsections = [text for level, text in headings(document) if level == 2]
    for title in ("At risk", "Vulnerable", "Overdue as of 20 January 2025", "No update since the last report",
                  "Timescales revised"):
        assert title in subsections
    overdue = next(t for t in document.tables if t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val"))
                   == "Overdue as of 20 January 2025")
    assert [c.text for c in overdue.rows[1].cells][:5] == [
        "PAP 2.21", overdue.rows[1].cells[1].text, "Catherine Fox", "Dec 2024", "On track"]


def test_appendix_lists_every_action_in_a_landscape_section(january):
    result, document, _ = january
    appendix = [t for t in document.tables
                if t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")).startswith("Status of every action")]
    refs = [row.cells[0].text for table in appendix for row in table.rows[1:]]
    assert refs == [a.ref for a in result.current.actions]
    assert document.sections[-1].orientation == 1  # landscape
    assert abs(document.sections[0].page_width - Cm(21)) < Cm(0.1)  # A4 portrait before it


def test_tables_are_accessible(january):
    _, document, _ = january
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None, "header row not marked"
        props = table._tbl.tblPr
        assert props.find(qn("w:tblCaption")).get(qn("w:val"))
        assert props.find(qn("w:tblDescription")).get(qn("w:val"))
        assert not table._tbl.xpath(".//w:gridSpan") and not table._tbl.xpath(".//w:vMerge"), "merged cells"


def test_status_colours_always_come_with_their_word_and_enough_contrast(january):
    _, document, _ = january
    for table in document.tables:
        for row in table.rows[1:]:
            for cell in row.cells:
                shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
                if shading is not None:
                    assert cell.text in {"Complete", "On track", "Not yet started", "Vulnerable", "At risk"}

    def luminance(hex_colour):
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for fill, ink in STATUS_SHADING.values():
        light, dark = sorted((luminance(fill), luminance(ink)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (fill, ink)


def test_charts_have_alternative_text_with_the_figures(january):
    _, document, _ = january
    shapes = document.inline_shapes
    assert len(shapes) == 2
    descriptions = [s._inline.docPr.get("descr") for s in shapes]
    assert "PAP actions: Complete 33, On track 4, Not yet started 1, Vulnerable 1, At risk 1 (total 40)" in descriptions[0]
    assert "Jun 2024: Complete 18, On track 18" in descriptions[1]


def test_document_title_language_header_and_page_numbers(january):
    _, document, _path = january
    assert document.core_properties.title.startswith("Special educational needs and/or disabilities (SEND)")
    assert document.core_properties.language == "en-GB"
    lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"
    assert document.sections[0].header.paragraphs[0].text == "Overview and Scrutiny Committee, 28 January 2025"
    footer = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_changed_history_is_flagged_in_the_report(make_workbook, tmp_path):
    before = make_workbook(plan_rows(action("PAP 1.1", "OT", "Nov 23: SL: Terms agreed. Dec 23: SL: Chair appointed.")))
    after = make_workbook(plan_rows(action("PAP 1.1", "OT", "Dec 23: SL: Chair appointed. Jan 24: SL: First meeting.")))
    _, document, _ = make_report([before, after], tmp_path)
    assert "Changes to progress reported before" in [text for _, text in headings(document)]
    table = next(t for t in document.tables if t.rows[0].cells[2].text == "Change")
    assert [c.text for c in table.rows[1].cells] == ["PAP 1.1", "Nov 2023", "Entry removed", "Terms agreed.", "(removed)"]
    assert "One entry of progress reported before has been changed or removed (section 4)." in all_text(document)


def test_a_single_version_gives_a_status_report(tmp_path):
    _, document, _ = make_report([example_path("2026-04")], tmp_path, as_of=date(2026, 5, 1))
    assert "3. Latest progress" in [text for _, text in headings(document)]
    assert "No update since the last report" not in [text for _, text in headings(document)]


def test_narrative_file_supplies_purpose_recommendations_and_own_sections(tmp_path):
    narrative = parse_narrative(
        "# Purpose of report\nA joint Ofsted/CQC area SEND inspection took place in June 2023.\n\n"
        "## Background\nThe PAP was approved in October 2023.\n\n"
        "# Recommendations\n- Note the progress since the inspection.\n- Note the **key** risks.\n"
    )
    _, document, _ = make_report([example_path("2024-06"), example_path("2025-01")], tmp_path, narrative=narrative)
    paragraphs = texts(document)
    assert "1.1\tA joint Ofsted/CQC area SEND inspection took place in June 2023." in paragraphs
    assert "This report updates" not in all_text(document)
    top = [text for level, text in headings(document) if level == 1]
    assert top[4:6] == ["5. Background", "6. Recommendations"]
    assert "Note the key risks." in paragraphs


def test_a_council_template_gives_styles_and_letterhead(tmp_path):
    template = Document()
    template.styles["Normal"].font.name = "Georgia"
    template.sections[0].header.paragraphs[0].text = "Oldham Council — Children's Services"
    template.add_paragraph("Template body text that must not appear in the report.")
    path = tmp_path / "house.docx"
    template.save(str(path))
    _, document, _ = make_report([example_path("2024-06"), example_path("2025-01")], tmp_path, template=path)
    assert document.styles["Normal"].font.name == "Georgia"
    assert document.sections[0].header.paragraphs[0].text == "Oldham Council — Children's Services"
    assert "Template body text" not in all_text(document)
    assert "1. Purpose of report" in [text for _, text in headings(document)]


def test_report_command_options(tmp_path):
    result = CliRunner().invoke(main, [
        "report", str(example_path("2025-08")), str(example_path("2026-04")), "--as-of", "2026-05-01",
        "--output-dir", str(tmp_path), "--title", "SEND PAP: progress to May 2026",
        "--committee", "Children and Young People Scrutiny Board", "--meeting-date", "2026-05-19"])
    assert result.exit_code == 0, result.output
    document = Document(str(tmp_path / "oldham-send-pap-2026-04-report.docx"))
    assert document.paragraphs[0].text == "SEND PAP: progress to May 2026"
    assert document.sections[0].header.paragraphs[0].text == "Children and Young People Scrutiny Board, 19 May 2026"


def test_a_template_that_is_not_a_docx_is_refused(tmp_path):
    bad = tmp_path / "house.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 not a docx")
    result = CliRunner().invoke(main, ["report", str(example_path("2026-04")), "--template", str(bad),
                                       "--output-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {bad}: is not a Word .docx file (an old .doc or .dotx? Save it as .docx): give a .docx as --template\n"


def test_libreoffice_opens_and_prints_the_report(january):
    _, _, path = january
    text = " ".join(pdf_text(pdf_of(path)).split())
    assert "Of a total of 40 PAP actions, thirty-three (82.5%) have been marked as complete" in text
    assert "Appendix A: Status of every action" in text
    assert re.search(r"page 1 of \d+", text)

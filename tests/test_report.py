"""The committee report, read back from the .docx: structure, numbering, tables, properties, pages."""
from __future__ import annotations

import itertools
import re
import subprocess
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import example_path
from docx import Document
from docx.oxml.ns import qn
from libreoffice import pdf_of

from paptools.api import OutputOptions, reconcile, write_outputs
from paptools.cli import main
from paptools.write.docx import BULLET
from paptools.write.docx_render import STATUS_SHADING

ROOT = Path(__file__).resolve().parent.parent


def make_report(paths, tmp_path, as_of=date(2025, 1, 20), **report):
    result = reconcile(paths, as_of=as_of, single_ok=True)
    written = write_outputs(result, OutputOptions(output_dir=tmp_path, kinds=("report",), report=report))
    return result, Document(str(written["report"])), written["report"]


@pytest.fixture(scope="module")
def january(tmp_path_factory):
    """The report for June 2024 -> January 2025, the period of the real committee report."""
    folder = tmp_path_factory.mktemp("january")
    return make_report([example_path("2024-06"), example_path("2025-01")], folder, meeting_date=date(2025, 1, 28),
                       committee="Overview and Scrutiny Committee")


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def headings(document) -> list[tuple[int, str]]:
    return [(int(p.style.name[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def numbered(paragraph) -> tuple[str, str] | None:
    """(ilvl, numId) of a paragraph's own list numbering, or None."""
    num = paragraph.paragraph_format.element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    return None if num is None else (num.find(qn("w:ilvl")).get(qn("w:val")), num.find(qn("w:numId")).get(qn("w:val")))


def test_sections_are_real_headings_in_the_seed_order(january):
    _, document, _ = january
    top = [text for level, text in headings(document) if level == 1]
    assert top == ["Purpose of report", "Executive summary", "Recommendations", "Background",
                   "Progress by priority area", "Current position and impact", "Performance", "Feedback", "Summary",
                   "Appendix A: Status of every action", "Appendix B: How the figures are calculated"]
    levels = [level for level, _ in headings(document)]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "a heading level is skipped"
    assert document.paragraphs[0].style.name == "Title"


def test_numbering_is_words_own_multilevel_list(january):
    _, document, path = january
    by_heading = {p.text: numbered(p) for p in document.paragraphs if p.style.name == "Heading 1"}
    assert by_heading["Background"][0] == "0" and by_heading["Summary"][0] == "0"
    assert by_heading["Purpose of report"] is None and by_heading["Appendix A: Status of every action"] is None
    num_id = by_heading["Background"][1]
    body = [p for p in document.paragraphs if p.style.name == "Numbered Paragraph"]
    assert body and all(numbered(p) == ("1", num_id) for p in body)
    assert not any(re.match(r"\d+\.\d+\t", p.text) for p in document.paragraphs), "typed numbers"
    numbering = zipfile.ZipFile(path).read("word/numbering.xml").decode()
    assert '<w:lvlText w:val="%1.%2."/>' in numbering and '<w:multiLevelType w:val="multilevel"/>' in numbering


def test_no_input_file_name_appears_anywhere(january):
    _, _, path = january
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            data = package.read(name)
            assert b"oldham-send-pap" not in data and b".xlsx" not in data, name


def test_tables_fit_the_margins_repeat_their_header_and_keep_rows_whole(january):
    _, document, _ = january
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    tables = list(document.element.body.iter(qn("w:tbl")))
    assert len(tables) >= 6
    for table in tables:
        grid = table.find(qn("w:tblGrid"))
        assert sum(int(col.get(qn("w:w"))) for col in grid.findall(qn("w:gridCol"))) * 635 <= text_width + 635
        rows = table.findall(qn("w:tr"))
        assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None, "header row not marked"
        assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows), "a row may split"
        props = table.find(qn("w:tblPr"))
        assert props.find(qn("w:tblCaption")).get(qn("w:val"))
        assert props.find(qn("w:tblDescription")).get(qn("w:val"))
        assert not table.findall(f".//{qn('w:gridSpan')}") and not table.findall(f".//{qn('w:vMerge')}"), "merged"


def contrast(a: str, b: str) -> float:
    def luminance(hex_colour):
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_text_colour_meets_wcag_aa(january):
    _, document, _ = january
    for style in document.styles:
        if style.type == 1 and style.font.color is not None and style.font.color.rgb is not None and style.name in (
                "Caption", "Title", "Heading 1", "Heading 2", "Heading 3", "Report Note", "Normal"):
            assert contrast(str(style.font.color.rgb), "FFFFFF") >= 4.5, style.name
    assert document.styles["Caption"].font.color.rgb is not None
    assert document.styles["Caption"].font.color.theme_color is None
    for fill, ink in STATUS_SHADING.values():
        assert contrast(fill, ink) >= 4.5, (fill, ink)
    for table in document.element.body.iter(qn("w:tbl")):
        for row in table.findall(qn("w:tr"))[1:]:
            for cell in row.findall(qn("w:tc")):
                if cell.find(f"{qn('w:tcPr')}/{qn('w:shd')}") is not None:
                    text = "".join(t.text for t in cell.iter(qn("w:t")))
                    assert text in {"Complete", "On track", "Not yet started", "Vulnerable", "At risk"}


def test_the_chart_has_alternative_text_and_its_figures_in_a_table(january):
    _, document, _ = january
    docpr = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
    descriptions = [p.get("descr") for p in document.element.body.iter(docpr)]
    assert len(descriptions) == 2
    assert "PAP actions: Complete 33, On track 4, Not yet started 1, Vulnerable 1, At risk 1 (total 40)" in descriptions[0]
    assert "Jun 2024: Complete 18, On track 18" in descriptions[1]
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[:4] == ["Figure 1: Actions by status", "Table 1: Actions by status",
                            "Figure 2: How the statuses have moved across versions of the plan",
                            "Table 2: All actions by status in each version"]
    assert [c.text for c in document.tables[0].rows[1].cells] == ["Complete", "33", "82.5%"]


def test_document_properties_come_from_the_plan_and_this_run(january):
    _, document, path = january
    props = document.core_properties
    assert props.title == "SEND & Inclusion Improvement Programme: Priority Action Plan: progress report"
    assert props.last_modified_by == "paptools" and props.language == "en-GB"
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for when in (props.created, props.modified):
        assert abs(when.replace(tzinfo=None) - now) < timedelta(minutes=10)
    assert "python-docx" not in (props.comments + props.author)
    with zipfile.ZipFile(path) as package:
        assert "docProps/thumbnail.jpeg" not in package.namelist()
        app = package.read("docProps/app.xml").decode()
        assert "<Application>paptools</Application>" in app and "Microsoft" not in app
        assert 'TOC \\o "1-2"' in package.read("word/document.xml").decode()
        # the rounding policy and what "within timescale" means are footnotes to the sentences they explain
        footnotes = package.read("word/footnotes.xml").decode()
        assert "Where one decimal place makes them exact" in footnotes
        assert "An action was completed within timescale when" in footnotes
        assert package.read("word/document.xml").decode().count("<w:footnoteReference ") == 2
    assert document.sections[0].header.paragraphs[0].text == "Overview and Scrutiny Committee, 28 January 2025"


def test_a_template_keeps_the_officers_own_paragraphs_and_fills_the_placeholders(tmp_path):
    template = Document()
    template.sections[0].header.paragraphs[0].text = "Our Council: Children's Services"
    template.add_heading("1. Where we were", level=1)
    own = ["Our partnership was inspected in June 2023; this paragraph is ours.",
           "The plan was approved in October 2023."]
    for text in own:
        template.add_paragraph(text)
    template.add_paragraph("Of {{ pap_total }} PAP actions, {{ pap_complete }} ({{ pap_complete_percent }}) are done.")
    template.add_paragraph("{{p status_figure }}")
    template.add_heading("2. What we did", level=1)
    template.add_paragraph("{{p sections.response }}")
    path = tmp_path / "ours.docx"
    template.save(str(path))
    _, document, _ = make_report([example_path("2024-06"), example_path("2025-01")], tmp_path, template=path)
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["1. Where we were", *own]
    assert "Of 40 PAP actions, 33 (82.5%) are done." in texts
    assert "2. What we did" in texts and "Priority area 1" in texts
    assert document.sections[0].header.paragraphs[0].text == "Our Council: Children's Services"
    assert len(document.inline_shapes) == 1 and "{{" not in all_text(document)


def test_a_letterhead_with_no_placeholder_gets_the_whole_report_after_its_text(tmp_path):
    template = Document()
    template.sections[0].header.paragraphs[0].text = "Our Council"
    template.add_paragraph("Children's Services: report to the scrutiny board")
    path = tmp_path / "letterhead.docx"
    template.save(str(path))
    _, document, _ = make_report([example_path("2024-06"), example_path("2025-01")], tmp_path, template=path)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Children's Services: report to the scrutiny board"
    assert "Purpose of report" in texts and "Appendix A: Status of every action" in texts
    assert "Of a total of 40 PAP actions, thirty-three (82.5%) have been marked as complete and seven (17.5%) are "\
           "incomplete." in texts
    assert document.sections[0].header.paragraphs[0].text == "Our Council"


def test_template_command_writes_a_starter_that_renders(tmp_path):
    runner = CliRunner()
    starter = tmp_path / "starter.docx"
    assert runner.invoke(main, ["template", str(starter)]).exit_code == 0
    text = "\n".join(p.text for p in Document(str(starter)).paragraphs)
    for placeholder in ("{{p sections.executive_summary }}", "{{ pap_complete }}", "{{p status_figure }}"):
        assert placeholder in text
    result = runner.invoke(main, ["report", str(example_path("2024-06")), str(example_path("2025-01")),
                                  "--template", str(starter), "--output-dir", str(tmp_path), "--as-of", "2025-01-20"])
    assert result.exit_code == 0, result.output
    report = Document(str(tmp_path / "oldham-send-pap-2025-01-report.docx"))
    text = all_text(report)
    assert "Of a total of 40 PAP actions, thirty-three (82.5%)" in text
    assert "{{" not in text and "{%" not in text and "Placeholders you can use" not in text
    # paptools' paragraphs in the template's numbered sections are numbered by Word, through their style
    numbered_style = report.styles["Numbered Paragraph"].element
    assert numbered_style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
    assert any(p.style.name == "Numbered Paragraph" and p.text.startswith("This section sets out")
               for p in report.paragraphs)
    assert runner.invoke(main, ["template", str(starter)]).exit_code == 2  # exists: not replaced


def test_report_command_options_and_help_examples(tmp_path):
    result = CliRunner().invoke(main, [
        "report", str(example_path("2025-08")), str(example_path("2026-04")), "--as-of", "2026-05-01",
        "--output-dir", str(tmp_path), "--title", "SEND PAP: progress to May 2026",
        "--committee", "Children and Young People Scrutiny Board", "--meeting-date", "2026-05-19", "--names"])
    assert result.exit_code == 0, result.output
    document = Document(str(tmp_path / "oldham-send-pap-2026-04-report.docx"))
    assert document.paragraphs[0].text == "SEND PAP: progress to May 2026"
    assert document.sections[0].header.paragraphs[0].text == "Children and Young People Scrutiny Board, 19 May 2026"
    for command in ("report", "template"):
        assert "paptools " + command in CliRunner().invoke(main, [command, "--help"]).output


def test_a_single_version_gives_a_status_report(tmp_path):
    _, document, _ = make_report([example_path("2026-04")], tmp_path, as_of=date(2026, 5, 1))
    assert "No earlier version of the plan was given" in all_text(document)


def test_no_council_words_in_the_report_code():
    code = [ROOT / "paptools" / "content", ROOT / "paptools" / "write", ROOT / "paptools" / "cli"]
    for folder in code:
        for path in folder.glob("*.py"):
            text = path.read_text()
            for word in ("Oldham", "Overview and Scrutiny", "Ofsted", "CQC", "Local Inclusion", "LIP "):
                assert word not in text, (path.name, word)


def test_no_page_of_the_printed_report_is_empty(january):
    _, _, path = january
    pdf = pdf_of(path)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                               text=True).stdout).group(1))
    assert pages >= 5
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                              capture_output=True, text=True).stdout
        body = [line for line in text.splitlines() if line.strip() and "page" not in line
                and "Overview and Scrutiny Committee" not in line]
        least = 3 if page == pages else 8  # the last page may be short, never blank
        assert len(body) >= least, f"page {page} is (nearly) empty: {body}"


def test_a_template_with_a_broken_placeholder_is_one_clear_error(tmp_path):
    template = Document()
    template.add_paragraph("Of {{ pap_total PAP actions")
    path = tmp_path / "broken.docx"
    template.save(str(path))
    result = CliRunner().invoke(main, ["report", str(example_path("2024-06")), str(example_path("2025-01")),
                                       "--template", str(path), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: a placeholder in the template cannot be read (")
    assert result.stderr.endswith("check the {{ }} and {% %} marks\n")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.docx"))


def test_a_template_naming_an_unknown_placeholder_is_refused(tmp_path):
    template = Document()
    template.add_paragraph("Of {{ pap_totl }} PAP actions")
    path = tmp_path / "typo.docx"
    template.save(str(path))
    result = CliRunner().invoke(main, ["report", str(example_path("2025-01")), "--template", str(path),
                                       "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {path}: the template uses {{{{ pap_totl }}}}, which paptools does not fill: "
                             "see the placeholders `paptools template` lists\n")


def test_a_paragraph_leading_into_a_list_keeps_with_it(january):
    from itertools import pairwise

    from docx.oxml.ns import qn

    _, document, _ = january
    lead_ins = [p for p, after in pairwise(document.paragraphs)
                if after.style.name == BULLET and p.style.name != BULLET and not p.style.name.startswith("Heading")]
    assert lead_ins and all(p._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in lead_ins)

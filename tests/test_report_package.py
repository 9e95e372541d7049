"""The default report written from the shipped skeleton: the same document python-docx builds, read back."""
from __future__ import annotations

import io
import struct
import weakref
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from docx import Document
from lxml import etree

from paptools.content.tree import (
    BulletList,
    Figure,
    Note,
    Paragraph,
    Placeholder,
    Properties,
    Report,
    Run,
    Section,
    Series,
    Table,
)
from paptools.write.docx import DocxTarget, build_skeleton, house_style
from paptools.write.docx_package import SKELETON, picture_height, write_docx
from paptools.write.docx_render import Renderer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODD = "Fish & chips <hot> \"quoted\" tab\there\nnext line  "


def sample_report(rows: int = 15, language: str = "en-GB") -> Report:
    """Every kind of block once, text with XML's special characters, a table longer than 12 rows."""
    table = Table("Status of every action", "Each action with its status.", ("Ref", "Action", "Status"),
                  tuple((f"A{n}", ODD if n == 1 else f"Action {n}", "Complete" if n % 2 else "At risk")
                        for n in range(1, rows + 1)), (0.2, 0.6, 0.2), status_column=2)
    figure = Figure("Actions by status", "bars", ("Complete", "At risk"), (Series("PAP actions", (3, 1)),),
                    "Bar chart: Complete 3, At risk 1.",
                    Table("Actions by status", "Counts.", ("Status", "Actions"), (("Complete", "3"), ("At risk", "1")),
                          (0.5, 0.5), status_column=0))
    return Report(
        title="Plan: progress report",
        front=(Paragraph((Run("Report to: ", bold=True), Run("The committee")), numbered=False),),
        sections=(
            Section("Purpose of report", 1, (Paragraph.of("Why.", numbered=False),), numbered=False),
            Section("Background", 1, (
                Paragraph((Run("Of 4 actions, 3 are complete."), Run(" Rounded", italic=True, footnote="Halves up.")),),
                BulletList((Paragraph.of("First", numbered=False), Paragraph.of(ODD, numbered=False))),
                Note("Percentages may not add to 100."), Placeholder("What the partnership did."), figure,
            ), (Section("Area 1", 2, (Paragraph.of("Numbered under a numbered section."), table)),)),
            Section("Appendix A", 1, (Paragraph.of("Last.", numbered=False),), numbered=False, new_page=True),
        ),
        properties=Properties("Plan: progress report", "Plan: progress", "Priority Action Plan", language),
        header="Scrutiny & Board, 28 January 2025", footer="Plan: progress report")


def body_of(path: Path) -> list[bytes]:
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return [etree.tostring(element, method="c14n") for element in root.find(f"{W}body")]


def test_the_shipped_skeleton_is_what_the_house_style_makes_today(tmp_path):
    """If house_style changes, rebuild it: python -c "from paptools.write.docx import build_skeleton as b;
    from paptools.write.docx_package import SKELETON as s; b(s)" (then this test passes again)."""
    build_skeleton(tmp_path / "skeleton.docx")
    with zipfile.ZipFile(tmp_path / "skeleton.docx") as built, zipfile.ZipFile(SKELETON) as shipped:
        assert built.namelist() == shipped.namelist()
        for name in built.namelist():
            if name != "docProps/core.xml":  # its dates; the report writes its own
                assert built.read(name) == shipped.read(name), name


def test_the_package_holds_the_body_python_docx_builds_for_the_same_report(tmp_path):
    report = sample_report()
    write_docx(report, tmp_path / "fast.docx")
    document = Document()
    house_style(document)
    renderer = Renderer(DocxTarget(document))
    renderer.title_block(report)
    for section in report.sections:
        renderer.section(section)
    document.save(str(tmp_path / "plain.docx"))
    fast, plain = body_of(tmp_path / "fast.docx"), body_of(tmp_path / "plain.docx")
    assert len(fast) == len(plain) == 25
    assert fast[:-1] == plain[:-1]  # every block; the section properties differ by the header and footer only


def test_sections_made_one_at_a_time_give_the_same_document_and_each_is_let_go_first(tmp_path):
    """The default report takes its sections as the content makes them (report_in_parts): the
    document is the one the whole report gives, title block and contents first, and no section
    is still held when the next is made."""
    report = sample_report()
    write_docx(report, tmp_path / "whole.docx")
    held: list[weakref.ref[Section]] = []

    def one_at_a_time() -> Iterator[Section]:
        for section in report.sections:
            copy = replace(section)  # held by nothing else, as a section the content makes
            assert all(ref() is None for ref in held), "a section was still held when the next was made"
            held.append(weakref.ref(copy))
            yield copy
            del copy

    write_docx(replace(report, sections=()), tmp_path / "streamed.docx", one_at_a_time())
    assert len(held) == 3
    assert body_of(tmp_path / "streamed.docx") == body_of(tmp_path / "whole.docx")
    paragraphs = [p.text for p in Document(str(tmp_path / "streamed.docx")).paragraphs]
    assert paragraphs[:4] == ["Plan: progress report", "Report to: The committee", "Contents",
                              "Purpose of report\n1. Background\nAppendix A\n"]


def test_the_report_reads_back_with_its_text_styles_table_and_furniture(tmp_path):
    write_docx(sample_report(), tmp_path / "report.docx")
    document = Document(str(tmp_path / "report.docx"))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[:4] == [("Title", "Plan: progress report"), ("Normal", "Report to: The committee"),
                              ("Contents Heading", "Contents"),
                              ("Normal", "Purpose of report\n1. Background\nAppendix A\n")]
    assert ("List Bullet", ODD) in paragraphs
    assert ("Report Note", "Note: Percentages may not add to 100.") in paragraphs
    assert ("Officer Placeholder", "For the officer to write: What the partnership did.") in paragraphs
    assert ("Caption", "Table 2: Status of every action") in paragraphs
    appendix = next(p for p in document.paragraphs if p.text == "Appendix A")
    assert appendix.paragraph_format.page_break_before is True
    table = document.tables[1]
    assert [c.text for c in table.rows[1].cells] == ["A1", 'Fish & chips <hot> "quoted" tab\there\nnext line  ',
                                                     "Complete"]
    assert len(table.rows) == 16
    # more than 12 rows: body rows may break across pages between rows (no keep-with-next)
    assert table.rows[1].cells[0].paragraphs[0].paragraph_format.keep_with_next is None
    assert document.sections[0].header.paragraphs[0].text == "Scrutiny & Board, 28 January 2025"
    assert document.sections[0].footer.paragraphs[0].text == "Plan: progress report: page  of "  # the numbers are fields
    assert document.core_properties.title == "Plan: progress report"
    assert document.core_properties.author == "paptools"
    assert document.core_properties.language == "en-GB"
    assert len(document.inline_shapes) == 1 and document.inline_shapes[0].width == 3420000


def test_a_footnote_and_another_language(tmp_path):
    write_docx(sample_report(language="cy-GB"), tmp_path / "report.docx")
    with zipfile.ZipFile(tmp_path / "report.docx") as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
        styles = etree.fromstring(package.read("word/styles.xml"))
    assert [n.get(f"{W}id") for n in notes] == ["-1", "0", "1"]
    assert "".join(notes[2].itertext()) == " Halves up."
    normal = next(s for s in styles if s.get(f"{W}styleId") == "Normal")
    assert normal.find(f"{W}rPr/{W}lang").get(f"{W}val") == "cy-GB"
    document = Document(str(tmp_path / "report.docx"))
    assert document.core_properties.language == "cy-GB"


def _png(width: int, height: int, dots_per_metre: int | None) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    physical = chunk(b"pHYs", struct.pack(">IIB", dots_per_metre, dots_per_metre, 1)) if dots_per_metre else b""
    return b"\x89PNG\r\n\x1a\n" + header + physical + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_a_picture_keeps_its_aspect_ratio_as_python_docx_computes_it():
    assert picture_height(_png(200, 100, None), 3420000) == 1710000  # 72 dpi when the PNG does not say
    assert picture_height(_png(300, 200, 5906), 5400000) == 3600000  # 150 dpi
    document = Document()
    shape = document.add_paragraph().add_run().add_picture(io.BytesIO(_png(637, 311, 3780)), width=3420000)
    assert picture_height(_png(637, 311, 3780), 3420000) == shape.height


def test_control_characters_xml_forbids_are_dropped_and_nothing_else(tmp_path):
    odd = "Bell\x07 and vertical\x0btab, curly ’quotes’ kept"
    report = sample_report(rows=2)
    table = Table("Odd", "Odd text.", ("Ref", "Text"), (("A1", odd),), (0.5, 0.5))
    report = Report(report.title, report.front, (Section("Odd", 1, (Paragraph.of(odd), table)),),
                    report.properties, report.header, report.footer)
    write_docx(report, tmp_path / "report.docx")
    document = Document(str(tmp_path / "report.docx"))
    assert ("Numbered Paragraph", "Bell and verticaltab, curly ’quotes’ kept") in [
        (p.style.name, p.text) for p in document.paragraphs]
    assert [c.text for c in document.tables[0].rows[1].cells] == ["A1", "Bell and verticaltab, curly ’quotes’ kept"]

"""Reconciliation -> the committee report .docx (the only python-docx module).

A committee paper an officer can submit after light editing: A4, real heading styles,
numbered paragraphs ("2.3"), the recomputed figures as sentences, a table and a chart,
every action that changed with its new entries, what needs attention, recommendations, and
appendices with the status of every action and the data warnings. Built to the public
sector accessibility expectations: headings in order, table header rows marked and repeated,
alternative text on images, status always written as a word, colours with AA contrast, the
document's title and language set.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from paptools.compare.diff import PlanDiff
from paptools.compare.figures import ROUNDING_RULE, Summary
from paptools.content.narrative import Block, Narrative
from paptools.content.prose import all_actions_opening, count_phrase, number_words, status_sentences
from paptools.content.prose import capitalise as capital
from paptools.model import REPORT_ORDER, UNKNOWN, Action, Entry, Status

DEFAULT_TITLE = "Special educational needs and/or disabilities (SEND): Priority Action Plan progress report"
DEFAULT_COMMITTEE = "Overview and Scrutiny Committee"
HEADER_FILL = "1F3864"
STATUS_SHADING = {  # fill, text colour: each pair at least 4.5:1 contrast
    Status.COMPLETE: ("0070C0", "FFFFFF"),
    Status.ON_TRACK: ("00B050", "000000"),
    Status.NOT_STARTED: ("FFFFFF", "000000"),
    Status.VULNERABLE: ("FFC000", "000000"),
    Status.AT_RISK: ("C00000", "FFFFFF"),
}


@dataclass
class ReportOptions:
    title: str = DEFAULT_TITLE
    committee: str = DEFAULT_COMMITTEE
    meeting_date: date | None = None
    template: Path | None = None
    narrative: Narrative | None = None
    warnings: list = field(default_factory=list)  # (source, DataWarning) to list in the appendix


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _month(action: Action) -> str:
    due = action.timescale.due
    return due.label() if due else "not set"


def _first_sentences(text: str, limit: int = 320) -> str:
    """Up to `limit` characters of an entry, cut at a sentence end where possible."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = max(text.rfind(". ", 0, limit), text.rfind("; ", 0, limit))
    return (text[: cut + 1] if cut > limit // 3 else text[:limit].rsplit(" ", 1)[0]) + " …"


def _latest(action: Action) -> Entry | None:
    dated = [e for e in action.entries if e.date]
    if dated:
        return max(dated, key=lambda e: e.date.sort_key())
    return action.entries[-1] if action.entries else None


_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n")  # not allowed in XML


def _text_xml(text: str) -> str:
    """Run content: text, with tabs and line breaks as Word's own elements."""
    from xml.sax.saxutils import escape

    parts = []
    for line_number, line in enumerate(text.translate(_CONTROL).split("\n")):
        if line_number:
            parts.append("<w:br/>")
        for tab_number, chunk in enumerate(line.split("\t")):
            if tab_number:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return "".join(parts)


def _run_xml(text: str, bold: bool = False, italic: bool = False, colour: str | None = None,
             size: int | None = None) -> str:
    properties = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + (
        f'<w:color w:val="{colour}"/>' if colour else "") + (f'<w:sz w:val="{size}"/>' if size else "")
    return f"<w:r>{'<w:rPr>' + properties + '</w:rPr>' if properties else ''}{_text_xml(text)}</w:r>"


def _row_xml(values: list[object], twips: list[int], status_column: int | None, keep: bool) -> str:
    """One table row: the first cell bold, a status cell shaded in its colour with its word."""
    cells = []
    for index, (value, width) in enumerate(zip(values, twips)):
        text = str(value) if value is not None else ""
        shade, ink, bold = None, None, index == 0
        if index == status_column and isinstance(value, Status):
            shade, ink = STATUS_SHADING[value]
            bold = True
        elif index == status_column and text == UNKNOWN:
            bold = True
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ""
        keep_next = "<w:pPr><w:keepNext/></w:pPr>" if keep else ""
        cells.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>'
            f"<w:p>{keep_next}{_run_xml(text, bold=bold, colour=ink, size=20)}</w:p></w:tc>"
        )
    return f'<w:tr><w:trPr><w:cantSplit w:val="true"/></w:trPr>{"".join(cells)}</w:tr>'


class _Document:
    """python-docx with the house style: numbered paragraphs, accessible tables and images."""

    def __init__(self, options: ReportOptions):
        from docx import Document

        self.options = options
        if options.template:
            self.doc = Document(str(options.template))
            self._clear_body()
        else:
            self.doc = Document()
            self._house_style()
        self._ensure_styles()
        self.section_no = 0
        self.para_no = 0
        self.tables = 0
        self.figures = 0
        self._style_ids: dict[str, str] = {}
        # Found once: lxml counts a body's children one by one, so asking each time is quadratic.
        last = self.doc.element.body[-1] if len(self.doc.element.body) else None
        self._body_end = last if last is not None and last.tag.endswith("}sectPr") else None

    # -- set-up ------------------------------------------------------------------------
    def _clear_body(self) -> None:
        """A template gives its styles, page and letterhead; its body text is not ours."""
        body = self.doc.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)

    def _house_style(self) -> None:
        from docx.enum.text import WD_LINE_SPACING
        from docx.shared import Cm, Pt, RGBColor

        for section in self.doc.sections:
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
            section.left_margin = section.right_margin = Cm(2.2)
            section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size = "Arial", Pt(11)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        normal.paragraph_format.line_spacing = 1.15
        for name, size, colour in (("Title", 20, "1F3864"), ("Heading 1", 14, "1F3864"),
                                   ("Heading 2", 12, "1F3864"), ("Heading 3", 11, "000000")):
            style = styles[name]
            style.font.name, style.font.size, style.font.bold = "Arial", Pt(size), True
            style.font.color.rgb = RGBColor.from_string(colour)
            style.font.italic = False
            style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
            style.paragraph_format.space_after = Pt(6)
            style.paragraph_format.keep_with_next = True
            self._font_everywhere(style, "Arial")
        bullets = styles["List Bullet"]
        bullets.paragraph_format.left_indent = Cm(1.85)
        bullets.paragraph_format.first_line_indent = Cm(-0.6)
        bullets.paragraph_format.space_after = Pt(3)
        self._font_everywhere(normal, "Arial")
        self._language(normal, "en-GB")

    @staticmethod
    def _font_everywhere(style, name: str) -> None:
        """Set the font for every script (the theme font would otherwise win for some text)."""
        from docx.oxml.ns import qn

        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), name)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)

    @staticmethod
    def _language(style, language: str) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        rpr = style.element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), language)
        lang.set(qn("w:eastAsia"), language)

    def _ensure_styles(self) -> None:
        """Styles the report uses, created from Normal when a template lacks them."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Cm, Pt

        styles = self.doc.styles
        names = {s.name for s in styles}
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
            if name not in names:
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = styles["Normal"]
                style.font.bold = True
        if "Numbered Paragraph" not in names:
            style = styles.add_style("Numbered Paragraph", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.paragraph_format.left_indent = Cm(1.25)
            style.paragraph_format.first_line_indent = Cm(-1.25)
            style.paragraph_format.tab_stops.add_tab_stop(Cm(1.25))
        if "Report Bullet" not in names:
            style = styles.add_style("Report Bullet", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.paragraph_format.left_indent = Cm(1.9)
            style.paragraph_format.first_line_indent = Cm(-0.5)
            style.paragraph_format.space_after = Pt(3)
        self.bullet_style = "List Bullet" if "List Bullet" in names else "Report Bullet"

    # -- header, footer, properties ----------------------------------------------------
    def furniture(self, title: str, committee: str, meeting: str | None, source: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        props = self.doc.core_properties
        props.title, props.subject = title, f"{committee}: Priority Action Plan progress"
        props.author, props.last_modified_by, props.comments = committee, "", f"Generated by paptools from {source}"
        props.language = "en-GB"
        props.keywords = "SEND, Priority Action Plan, progress report"
        section = self.doc.sections[0]
        header = section.header
        if not any(p.text.strip() for p in header.paragraphs):  # keep a template's letterhead
            paragraph = header.paragraphs[0]
            paragraph.text = committee + (f", {meeting}" if meeting else "")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.font.size = Pt(9)
        footer = section.footer
        paragraph = footer.paragraphs[0] if not footer.paragraphs[0].text.strip() else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(f"{title} — page ")
        run.font.size = Pt(9)
        self._field(paragraph, "PAGE")
        run = paragraph.add_run(" of ")
        run.font.size = Pt(9)
        self._field(paragraph, "NUMPAGES")

    @staticmethod
    def _field(paragraph, instruction: str) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt

        field_element = OxmlElement("w:fldSimple")
        field_element.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), str(int(Pt(9).pt * 2)))
        rpr.append(size)
        run.append(rpr)
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field_element.append(run)
        paragraph._p.append(field_element)

    # -- text --------------------------------------------------------------------------
    def title(self, text: str) -> None:
        self._paragraph("Title", [(text, False)])

    def heading(self, text: str, level: int = 1, numbered: bool = True) -> None:
        if level == 1 and numbered:
            self.section_no += 1
            self.para_no = 0
            text = f"{self.section_no}. {text}"
        self._paragraph(f"Heading {level}", [(text, False)])

    def _style_id(self, style: str) -> str:
        if style not in self._style_ids:
            self._style_ids[style] = self.doc.styles[style].style_id
        return self._style_ids[style]

    def _paragraph(self, style: str | None, runs: list[tuple] = ()):
        """A new paragraph in a style, built as XML and put before the body's section settings.

        (python-docx looks styles up afresh and searches the body for each new paragraph.)
        """
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls
        from docx.text.paragraph import Paragraph

        properties = f'<w:pPr><w:pStyle w:val="{self._style_id(style)}"/></w:pPr>' if style else ""
        content = "".join(_run_xml(*run) for run in runs if run[0])
        element = parse_xml(f"<w:p {nsdecls('w')}>{properties}{content}</w:p>")
        if self._body_end is not None:
            self._body_end.addprevious(element)  # the body ends with its section's settings
        else:
            self.doc.element.body.append(element)
        return Paragraph(element, self.doc._body)

    def para(self, text: str | list[tuple[str, bool]], numbered: bool = True, style: str | None = None,
             italic: bool = False):
        """A paragraph; numbered "2.3" in the committee-report manner unless told otherwise."""
        runs = [(text, False)] if isinstance(text, str) else list(text)
        runs = [(chunk, bold, italic) for chunk, bold in runs]
        if numbered:
            self.para_no += 1
            runs.insert(0, (f"{self.section_no}.{self.para_no}\t", False, False))
            return self._paragraph("Numbered Paragraph", runs)
        return self._paragraph(style, runs)

    def bullet(self, text: str | list[tuple[str, bool]]) -> None:
        runs = [(text, False)] if isinstance(text, str) else list(text)
        if self.bullet_style == "Report Bullet":
            runs.insert(0, ("•\t", False))
        self._paragraph(self.bullet_style, runs)

    def blocks(self, blocks: list[Block]) -> None:
        for block in blocks:
            if block.kind == "bullet":
                self.bullet(block.text)
            else:
                self.para(block.text)

    def caption(self, text: str) -> None:
        paragraph = self._paragraph("Caption", [(text, False)])
        paragraph.paragraph_format.keep_with_next = True

    # -- tables and images -------------------------------------------------------------
    def table(self, headers: list[str], rows: list[list[object]], widths_cm: list[float], title: str,
              description: str, status_column: int | None = None) -> None:
        """A simple table: marked header row repeated on every page, no merged cells."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Cm, Pt, RGBColor

        self.tables += 1
        self.caption(f"Table {self.tables}: {title}")
        table = self.doc.add_table(rows=1, cols=len(headers))
        if "Table Grid" in {s.name for s in self.doc.styles}:
            table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        self._table_properties(table, title, description)
        header = table.rows[0]
        self._repeat_header(header)
        for cell, text, width in zip(header.cells, headers, widths_cm):
            cell.width = Cm(width)
            self._shade(cell, HEADER_FILL)
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.color.rgb = RGBColor.from_string("FFFFFF")
            run.font.size = Pt(10)
        for column, width in zip(table.columns, widths_cm):
            column.width = Cm(width)
        together = len(rows) <= 12  # a short table is kept on one page
        for cell in header.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
        twips = [int(Cm(width).twips) for width in widths_cm]
        fragment = "".join(_row_xml(values, twips, status_column, together) for values in rows)
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        for row in parse_xml(f"<w:tbl {nsdecls('w')}>{fragment}</w:tbl>"):
            table._tbl.append(row)
        self._paragraph(None)  # space after the table, in Normal style

    @staticmethod
    def _table_properties(table, title: str, description: str) -> None:
        """The table's own title and description, which assistive technology announces."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        tbl_pr = table._tbl.tblPr
        for tag, value in (("w:tblCaption", title), ("w:tblDescription", description)):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value[:250])
            tbl_pr.append(element)

    @staticmethod
    def _repeat_header(row) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        tr_pr = row._tr.get_or_add_trPr()
        for tag in ("w:tblHeader", "w:cantSplit"):
            element = OxmlElement(tag)
            element.set(qn("w:val"), "true")
            tr_pr.append(element)

    @staticmethod
    def _shade(cell, fill: str) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shading)

    def image(self, png: bytes, alt: str, title: str, width_cm: float = 16.0) -> None:
        from docx.shared import Cm

        self.figures += 1
        self.caption(f"Figure {self.figures}: {title}")
        self.doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
        shape = self.doc.inline_shapes[-1]
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", alt)
        doc_pr.set("title", title)

    def landscape(self) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION

        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        if section.orientation != WD_ORIENT.LANDSCAPE:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width

    def save(self, path: Path) -> None:
        self.doc.save(str(path))


class _Report:
    """The committee paper's content, section by section."""

    def __init__(self, result, options: ReportOptions):
        self.result = result
        self.diff: PlanDiff = result.diff
        self.summary: Summary = result.summary
        self.plan = result.current
        self.options = options
        self.narrative = options.narrative or Narrative()
        self.d = _Document(options)
        self.actions = self.plan.by_ref()
        previous = self.diff.previous
        self.since_label = (
            f"the previous version of the plan ({previous.source})" if previous is not None
            else f"{self.diff.since.long_label()}" if self.diff.since else None
        )

    def build(self, path: Path) -> None:
        o = self.options
        meeting = long_date(o.meeting_date) if o.meeting_date else None
        self.d.furniture(o.title, o.committee, meeting, self.plan.source)
        self.d.title(o.title)
        self.d.para([("Report to: ", True), (o.committee, False)], numbered=False)
        if meeting:
            self.d.para([("Date of meeting: ", True), (meeting, False)], numbered=False)
        self.d.para([("Plan: ", True), (f"{self.plan.title or 'Priority Action Plan'} ({self.plan.source}), figures as "
                                         f"of {long_date(self.summary.as_of)}", False)], numbered=False)
        if self.diff.previous is not None:
            self.d.para([("Compared with: ", True), (self.diff.previous.source, False)], numbered=False)
        self.purpose()
        self.executive_summary()
        self.progress()
        self.attention()
        for title, blocks in self.narrative.sections:
            self.d.heading(title)
            self.d.blocks(blocks)
        self.recommendations()
        self.appendices()
        self.d.save(path)

    # -- 1 ---------------------------------------------------------------------------
    def purpose(self) -> None:
        self.d.heading("Purpose of report")
        if self.narrative.purpose:
            self.d.blocks(self.narrative.purpose)
            return
        since = f" since {self.since_label}" if self.since_label else ""
        self.d.para(
            f"This report updates the {self.options.committee} on progress against the local area's SEND "
            f"Priority Action Plan (PAP){since}. It sets out the figures as they stand, the progress recorded "
            "against each action that changed, the actions that need attention, and the status of every action."
        )
        self.d.para(
            f"All figures are counted from the plan itself ({self.plan.source}) as of "
            f"{long_date(self.summary.as_of)}. Appendix A lists the status of every action; Appendix B explains "
            "how the figures are calculated and lists anything in the plan that could not be read for certain."
        )

    # -- 2 ---------------------------------------------------------------------------
    def executive_summary(self) -> None:
        d, s = self.d, self.summary
        d.heading("Executive summary")
        d.blocks(self.narrative.summary)
        label = "PAP actions" if s.pap_prefixed else "actions"
        for sentence in status_sentences(s.pap, label, list(s.pap_completions)):
            d.para(sentence)
        if s.all.total != s.pap.total:
            opening = all_actions_opening(s.all.total, s.pap.total)
            for sentence in status_sentences(s.all, opening=opening):
                d.para(sentence)
        if self.since_label:
            d.para(self._change_sentence())
        d.para(self._attention_sentence())
        rows = []
        all_pct, pap_pct = s.all.percentages(), s.pap.percentages()
        both = s.all.total != s.pap.total
        statuses = list(REPORT_ORDER) + ([None] if s.all.unknown else [])
        for status in statuses:
            name = status.value if status else UNKNOWN
            row = [status or UNKNOWN, s.pap.of(status) if status else s.pap.unknown, f"{pap_pct.get(name, 0)}%"]
            if both:
                row += [s.all.of(status) if status else s.all.unknown, f"{all_pct.get(name, 0)}%"]
            rows.append(row)
        total = ["Total", s.pap.total, "100%" if s.pap.total else "0%"]
        rows.append(total + ([s.all.total, "100%" if s.all.total else "0%"] if both else []))
        label = "PAP actions" if s.pap_prefixed else "Actions"
        headers = ["RA status", label, f"% of {label if s.pap_prefixed else 'actions'}"] + (
            ["All actions", "% of all actions"] if both else [])
        widths = [4.2, 2.6, 3.0] + ([2.6, 3.0] if both else [])
        what = f"the {s.pap.total} {label.lower()}" + (f" and all {s.all.total} actions" if both else "")
        d.table(headers, rows, widths, "Actions by RA status",
                f"Counts and percentages of {what} by RA status.", status_column=0)
        from paptools.write.chart import status_chart, trend_chart

        groups = [("PAP actions", s.pap)] + ([("All actions", s.all)] if s.all.total != s.pap.total else [])
        png, alt = status_chart(groups)
        d.image(png, alt, "Actions by RA status", width_cm=15.5 if len(groups) > 1 else 9.5)
        trend = self.result.trend()
        if len(trend) > 1:
            png, alt = trend_chart([(name, figures.all) for name, figures in trend])
            d.image(png, alt, "How the statuses have moved across versions of the plan", width_cm=15.0)
            d.table(["Version"] + [st.value for st in REPORT_ORDER] + ["Total"],
                    [[name] + [figures.all.of(st) for st in REPORT_ORDER] + [figures.all.total] for name, figures in trend],
                    [3.0] + [2.2] * len(REPORT_ORDER) + [1.6], "All actions by RA status in each version",
                    "The figures of the chart above: counts of all actions by RA status in each version of the plan.")

    def _change_sentence(self) -> str:
        diff = self.diff
        completed = [c.ref for c in diff.status_changes if c.after is Status.COMPLETE]
        progress_refs = self.result.changes.refs_with_progress() - {a.ref for a in diff.actions_added}
        entries = len(self.result.changes.progress)
        parts = [
            f"{count_phrase(entries, 'new progress entry', 'new progress entries')} "
            f"{'was' if entries == 1 else 'were'} recorded across {count_phrase(len(progress_refs), 'action')}"
            if entries else "no new progress was recorded"
        ]
        if diff.previous is not None:
            moved = len(diff.status_changes)
            if moved:
                status_part = f"{count_phrase(moved, 'action')} changed status"
                if completed and len(completed) <= 4:
                    status_part += f" ({', '.join(completed)} now complete)"
                elif completed:
                    status_part += f", {number_words(len(completed))} of them to Complete"
                parts.append(status_part)
            else:
                parts.append("no action changed status")
            added, removed = len(diff.actions_added), len(diff.actions_removed)
            if added or removed:
                moves = []
                if added:
                    moves.append(f"{count_phrase(added, 'action')} {'was' if added == 1 else 'were'} added")
                if removed:
                    moves.append(f"{count_phrase(removed, 'action')} {'was' if removed == 1 else 'were'} removed")
                parts.append(" and ".join(moves))
        joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return f"Since {self.since_label}, {joined}."

    def _attention_sentence(self) -> str:
        s = self.summary
        counted = [
            (s.all.of(Status.AT_RISK), "at risk", "at risk"),
            (s.all.of(Status.VULNERABLE), "vulnerable", "vulnerable"),
            (len(s.overdue), "past its latest due date", "past their latest due date"),
        ]
        if self.since_label:
            counted.append((len(s.no_update), "without an update since the last version",
                            "without an update since the last version"))
        present = [(n, one, many) for n, one, many in counted if n]
        absent = [one for n, one, _ in counted if not n]
        if present:
            said = [f"{count_phrase(n, 'action') if k == 0 else number_words(n)} {'is' if n == 1 else 'are'} "
                    f"{one if n == 1 else many}" for k, (n, one, many) in enumerate(present)]
            sentence = "Across the plan, " + (said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1])
            if absent:
                sentence += "; none is " + (absent[0] if len(absent) == 1 else ", ".join(absent[:-1]) + " or " + absent[-1])
            sentence += " (section 4)."
        else:
            sentence = "No action is " + ", ".join(absent[:-1]) + " or " + absent[-1] + "."
        history = len(self.result.changes.history)
        if history:
            sentence += (f" {capital(count_phrase(history, 'entry', 'entries'))} of progress reported before "
                         f"{'has' if history == 1 else 'have'} been changed or removed (section 4).")
        return sentence

    # -- 3 ---------------------------------------------------------------------------
    def progress(self) -> None:
        d, diff = self.d, self.diff
        if self.since_label is None:
            d.heading("Latest progress")
            d.para("No previous version of the plan was given, so this section shows the latest entry of each "
                   "action that is not complete.")
            chosen = [a for a in self.plan.actions if a.status is not Status.COMPLETE]
            self._by_place(chosen, self._latest_progress)
            return
        d.heading("Progress since the last report")
        news: dict[str, list] = {}
        for new in diff.new_entries:
            news.setdefault(new.ref, []).append(new.entry)
        extended = {e.ref: e for e in diff.edited_entries if e.kind == "extended"}
        statuses = {c.ref: c for c in diff.status_changes}
        added = {a.ref for a in diff.actions_added}
        chosen = [a for a in self.plan.actions
                  if a.ref not in added and (a.ref in news or a.ref in extended or a.ref in statuses)]
        d.para(
            f"This section lists, by priority area and section, each action with new progress or a change of "
            f"status since {self.since_label}: {count_phrase(len(chosen), 'action')} in all. Entries are quoted "
            "as officers recorded them in the plan."
        )
        self._by_place(chosen, lambda action: self._changed_action(action, news, extended, statuses))
        if diff.actions_added:
            d.heading("Actions added to the plan", level=2)
            d.para(f"{capital(count_phrase(len(diff.actions_added), 'action'))} {'has' if len(diff.actions_added) == 1 else 'have'} "
                   "been added to the plan since the last version.")
            d.table(["Ref", "Action", "Owner", "Due", "Status"],
                    [[a.ref, a.title, a.owner, _month(a), a.status or UNKNOWN] for a in diff.actions_added],
                    [2.0, 8.0, 3.2, 1.9, 2.4], "Actions added since the last version",
                    "Each action added to the plan since the last version, with its owner, due month and status.",
                    status_column=4)
        if diff.actions_removed:
            d.heading("Actions removed from the plan", level=2)
            d.para("These actions were in the previous version of the plan and are not in this one.")
            d.table(["Ref", "Action", "Owner", "Last status"],
                    [[a.ref, a.title, a.owner, a.status or UNKNOWN] for a in diff.actions_removed],
                    [2.0, 9.5, 3.6, 2.4], "Actions removed since the last version",
                    "Each action that was in the previous version of the plan but is not in this one.",
                    status_column=3)
        others = diff.field_changes + tuple(diff.ref_changes)
        if others:
            d.heading("Other changes to the plan", level=2)
            rows = [[c.ref, c.field.capitalize(), c.before or "(blank)", c.after or "(blank)"] for c in diff.field_changes]
            rows += [[c.after, "Ref", c.before, c.after] for c in diff.ref_changes]
            d.table(["Ref", "What changed", "Before", "Now"], rows, [2.0, 2.6, 6.4, 6.4],
                    "Owners, wording and refs changed",
                    "Changes to the owner, wording, section or ref of actions since the last version.")

    def _by_place(self, actions: list[Action], write) -> None:
        area = section = object()
        descriptions = dict(self.plan.priority_areas)
        for action in actions:
            if action.priority_area != area:
                area, section = action.priority_area, object()
                self.d.heading(area or "Actions without a priority area", level=2)
                if descriptions.get(area):
                    self.d.para(descriptions[area], numbered=False, italic=True)
            if action.section != section:
                section = action.section
                if section and not re.fullmatch(r"(?:PAP|Priority(?: area)?)\s*\d+", section, re.I):
                    self.d.heading(section, level=3)
            write(action)

    def _action_paragraph(self, action: Action, status_note: str) -> None:
        self.d.para([(f"{action.ref}: ", True), (action.title.rstrip(".") + ". ", False),
                     (f"Owner: {action.owner or 'not named'}. Due: {_month(action)}. {status_note}", False)])

    def _entry_bullet(self, entry: Entry, prefix: str = "") -> None:
        when = entry.date.long_label() if entry.date else "Undated"
        who = f" ({entry.author or entry.initials})" if entry.initials else ""
        self.d.bullet([(f"{prefix}{when}{who}: ", True), (entry.text, False)])

    def _changed_action(self, action: Action, news, extended, statuses) -> None:
        change = statuses.get(action.ref)
        note = (f"Status: {action.status or UNKNOWN} (was {change.before or UNKNOWN})." if change
                else f"Status: {action.status or UNKNOWN}.")
        self._action_paragraph(action, note)
        for entry in news.get(action.ref, []):
            self._entry_bullet(entry)
        if action.ref in extended:
            edit = extended[action.ref]
            when = edit.after.date.label() if edit.after.date else "undated"
            self.d.bullet([(f"Added to the {when} entry: ", True), (edit.added_text, False)])
        if action.ref not in news and action.ref not in extended:
            self.d.bullet("No new progress entry was recorded with this change of status.")

    def _latest_progress(self, action: Action) -> None:
        self._action_paragraph(action, f"Status: {action.status or UNKNOWN}.")
        latest = _latest(action)
        if latest:
            self._entry_bullet(latest)
        else:
            self.d.bullet("No progress has been recorded.")

    # -- 4 ---------------------------------------------------------------------------
    def attention(self) -> None:
        d, s = self.d, self.summary
        d.heading("Actions needing attention")
        d.para("The actions below are at risk or vulnerable, past their latest due date, without an update since "
               "the last version, or have had their timescale revised; changes to progress reported before are "
               "listed last. For the actions at risk and vulnerable a risk register with mitigating actions is "
               "maintained by the LIP Executive Board.")
        by_status = lambda status: [a for a in self.plan.actions if a.status is status]  # noqa: E731
        self._attention_table("At risk", by_status(Status.AT_RISK), "at risk of not being completed")
        self._attention_table("Vulnerable", by_status(Status.VULNERABLE), "vulnerable")
        self._attention_table(f"Overdue as of {long_date(s.as_of)}", list(s.overdue),
                              "past their latest due date and not complete")
        if self.since_label:
            self._attention_table("No update since the last report", list(s.no_update),
                                  "not complete and without new progress since the last version")
        if self.diff.timescale_changes:
            d.heading("Timescales revised", level=2)
            again = sum(1 for t in self.diff.timescale_changes if t.revised_again)
            d.para(f"{capital(count_phrase(len(self.diff.timescale_changes), 'timescale'))} changed since the last "
                   f"version; {number_words(again)} of them had already been revised before.")
            rows = [[t.ref, t.before.text or "(blank)", t.after.text or "(blank)",
                     "Yes" if t.revised_again else "No"] for t in self.diff.timescale_changes]
            d.table(["Ref", "Timescale before", "Timescale now", "Revised again"], rows, [2.0, 6.0, 6.0, 2.4],
                    "Timescales changed since the last version",
                    "Each action whose timescale changed, with the timescale before and now, and whether it had "
                    "already been revised.")
        history = self.result.changes.history
        if history:
            d.heading("Changes to progress reported before", level=2)
            d.para("These entries were in the previous version of the plan and have since been changed or removed. "
                   "The committee may wish to ask why.")
            rows = []
            for change in history:
                shown = change.previous_entry or change.entry
                when = shown.date.label() if shown is not None and shown.date else "Undated"
                rows.append([change.ref, when, str(change.kind).capitalize(), change.before,
                             change.after or "(removed)"])
            d.table(["Ref", "Entry date", "Change", "Before", "Now"], rows, [2.0, 2.0, 2.4, 5.5, 5.5],
                    "Progress entries changed or removed",
                    "Entries of progress reported in the previous version that have been edited or removed.")

    def _attention_table(self, title: str, actions: list[Action], meaning: str) -> None:
        d = self.d
        d.heading(title, level=2)
        if not actions:
            d.para(f"No action is {meaning}.")
            return
        d.para(f"{capital(count_phrase(len(actions), 'action'))} {'is' if len(actions) == 1 else 'are'} {meaning}.")
        rows = []
        for action in actions:
            latest = _latest(action)
            update = (f"{latest.date.label() if latest and latest.date else 'Undated'}: {_first_sentences(latest.text)}"
                      if latest else "No progress recorded")
            rows.append([action.ref, action.title, action.owner, _month(action), action.status or UNKNOWN, update])
        d.table(["Ref", "Action", "Owner", "Due", "Status", "Latest update"], rows, [2.0, 4.4, 2.5, 1.7, 2.2, 4.2],
                title, f"The actions {meaning}, with owner, due month, status and latest update.", status_column=4)

    # -- 5 ---------------------------------------------------------------------------
    def recommendations(self) -> None:
        d, s = self.d, self.summary
        d.heading("Recommendations")
        if self.narrative.recommendations:
            d.blocks(self.narrative.recommendations)
            return
        d.para(f"The {self.options.committee} is recommended to:")
        complete = s.pap.of(Status.COMPLETE)
        since = f" since {self.since_label}" if self.since_label else ""
        d.bullet(f"note the progress made{since}, with {number_words(complete)} of the {s.pap.total} "
                 f"{'PAP ' if s.pap_prefixed else ''}actions now complete;")
        risky = s.all.of(Status.AT_RISK) + s.all.of(Status.VULNERABLE)
        if risky:
            d.bullet(f"seek assurance on the mitigations for the {count_phrase(risky, 'action')} at risk or "
                     "vulnerable (section 4);")
        if s.overdue:
            d.bullet(f"ask for revised plans for the {count_phrase(len(s.overdue), 'action')} past "
                     f"{'its' if len(s.overdue) == 1 else 'their'} latest due date;")
        again = sum(1 for t in self.diff.timescale_changes if t.revised_again)
        if again:
            d.bullet(f"note the {count_phrase(again, 'timescale')} revised more than once;")
        d.bullet("note that the actions remaining open will continue to be monitored by the Local Inclusion "
                 "Partnership Executive Board.")

    # -- appendices ------------------------------------------------------------------
    def appendices(self) -> None:
        d = self.d
        d.landscape()
        d.heading("Appendix A: Status of every action", numbered=False)
        d.para(f"All {self.summary.all.total} actions in the plan, by priority area, as of "
               f"{long_date(self.summary.as_of)}. Due is the latest due month, after any revision.", numbered=False)
        groups: dict[str | None, list[Action]] = {}
        for action in self.plan.actions:
            groups.setdefault(action.priority_area, []).append(action)
        for area, actions in groups.items():
            d.heading(area or "Actions without a priority area", level=2)
            d.table(["Ref", "Action", "Owner", "Due", "Status"],
                    [[a.ref, a.title, a.owner, _month(a), a.status or UNKNOWN] for a in actions],
                    [2.0, 14.5, 4.6, 2.2, 2.8], f"Status of every action: {area or 'no priority area'}",
                    f"Each action of {area or 'the plan'} with its owner, latest due month and RA status.",
                    status_column=4)
        d.heading("Appendix B: How the figures are calculated, and data warnings", numbered=False)
        for text in (
            "Counts are made from the plan's actions themselves, never taken from totals typed into the workbook.",
            "PAP actions are those whose ref begins with PAP; the improvement-plan actions (refs without PAP) are "
            "counted in 'all actions'." if self.summary.pap_prefixed else
            "No ref in the plan begins with PAP, so every action counts as a PAP action.",
            ROUNDING_RULE,
            "An action is overdue when it is not complete and the date of the figures is after the end of its "
            "latest due month (the revised month where the plan gives one).",
            "A status is read from the words in the RA cell or, where there are none, from the cell's colour using "
            "the plan's own Key.",
        ):
            d.bullet(text)
        warnings = self.options.warnings
        if not warnings:
            d.para("Everything in the plan was read for certain: there are no data warnings.", numbered=False)
            return
        d.para(f"{capital(count_phrase(len(warnings), 'item'))} in the workbook could not be read for certain. "
               "Each is listed with its place so that it can be checked and corrected in the plan.", numbered=False)
        rows = [[source, w.where() or "-", w.message, _first_sentences(w.value or "", 400)] for source, w in warnings]
        d.table(["Workbook", "Place", "Warning", "Text concerned"], rows, [4.5, 2.6, 10.0, 8.6],
                "Data warnings", "Each item in the workbook that could not be read for certain, with its place.")


def write_report(path: Path, result, options: ReportOptions) -> None:
    """Write the committee report for a reconciliation (or a single version) to `path`."""
    _Report(result, options).build(path)

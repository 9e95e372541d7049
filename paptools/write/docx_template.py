"""The report through the officer's own Word document: docxtpl's Jinja placeholders filled in.

Everything the officer wrote in the template (their sections, headings, numbering, letterhead)
is kept as written; only the placeholders are replaced. Each section paptools writes is a
sub-document, `{{p sections.executive_summary }}`, and the single pieces are too
(`{{p status_figure }}`, `{{p attention_table }}` ...); plain values such as `{{ pap_complete }}`
come from the figures. `PLACEHOLDERS` lists them all; `paptools template` writes a starter. A
document with no placeholder at all (a letterhead) gets the whole report after its own text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError

from paptools.content.tree import Block, Figure, Placeholder, Report, Section, Table, walk
from paptools.errors import PapError
from paptools.write import docx_ooxml as ooxml
from paptools.write.docx import DocxTarget, ensure_styles
from paptools.write.docx_render import Renderer

# Placeholder -> what it becomes. `{{p name }}` for sub-documents (a paragraph of its own),
# `{{ name }}` for plain text. The starter template shows every one.
PLACEHOLDERS: dict[str, str] = {
    "title": "the report's title",
    "committee": "the committee the report goes to (--committee)",
    "meeting_date": "the date of the meeting (--meeting-date)",
    "plan": "the plan's title and the month it is updated to",
    "as_of": "the date of the figures (--as-of)",
    "pap_total": "the number of PAP actions",
    "pap_complete": "how many PAP actions are complete",
    "pap_complete_percent": "the share of PAP actions complete, as rounded in the report",
    "pap_incomplete": "how many PAP actions are not complete",
    "all_total": "the number of actions in the plan",
    "sections.purpose": "the purpose of the report",
    "sections.executive_summary": "the figures as sentences, the status table and the charts",
    "sections.recommendations": "the recommendations",
    "sections.background": "the priority areas of the plan (with the place for your background)",
    "sections.response": "progress by priority area: each changed action with its new entries",
    "sections.performance": "status by priority area, the actions needing attention, timescales revised",
    "sections.summary": "a closing summary",
    "sections.appendix_actions": "the status of every action",
    "sections.appendix_method": "how the figures are calculated, and notes on the data",
    "status_figure": "the chart of actions by status with its table",
    "trend_figure": "the chart of statuses across versions with its table (empty with one version)",
    "attention_table": "the table of actions needing attention",
    "report": "the whole report (what a template with no placeholder gets, after its own text)",
}


def render_template(report: Report, template: Path, path: Path) -> None:
    """Fill the placeholders of the officer's template with the report and save it at `path`."""
    document = DocxTemplate(str(template))
    document.init_docx()
    ensure_styles(document.docx)
    main = document.docx.sections[0]
    width = main.page_width - main.left_margin - main.right_margin

    def subdocument(blocks: tuple[Block, ...], sections: tuple[Section, ...] = (), numbered: bool = False) -> Any:
        sub = document.new_subdoc()
        ensure_styles(sub)
        renderer = Renderer(DocxTarget(sub, numbered=False, width=width), numbered_style=True)
        renderer.blocks(tuple(b for b in blocks if not isinstance(b, Placeholder)), numbered=numbered)
        for child in sections:
            renderer.section(child, numbered)
        return sub

    context: dict[str, Any] = {**report.extra, "title": report.title, "sections": {}}
    for section in walk(report.sections):
        if section.key:
            context["sections"][section.key] = subdocument(section.blocks, section.subsections, section.numbered)
    figures = [b for s in walk(report.sections) for b in s.blocks if isinstance(b, Figure)]
    context["status_figure"] = subdocument(tuple(f for f in figures if f.kind == "bars"))
    context["trend_figure"] = subdocument(tuple(f for f in figures if f.kind == "stacked"))
    tables = [b for s in walk(report.sections) for b in s.blocks
              if isinstance(b, Table) and b.caption == "Actions needing attention"]
    context["attention_table"] = subdocument(tuple(tables))
    context["report"] = whole = document.new_subdoc()
    ensure_styles(whole)
    renderer = Renderer(DocxTarget(whole, numbered=False, width=width), numbered_style=True)
    renderer.title_block(report)
    for section in report.sections:
        renderer.section(section)
    try:
        used = document.get_undeclared_template_variables()
        if not used:  # a letterhead with no placeholder: the whole report after its own text
            document.docx.add_paragraph("{{p report }}")
        unknown = sorted(set(used) - set(context))
        if unknown:
            raise PapError(template, f"the template uses {', '.join('{{ ' + u + ' }}' for u in unknown)}, which "
                                     "paptools does not fill: see the placeholders `paptools template` lists")
        document.render(context, autoescape=True)
    except TemplateError as error:  # a typing slip in the officer's template
        raise PapError(template, f"a placeholder in the template cannot be read ({error}): "
                                 "check the {{ }} and {% %} marks") from None
    ooxml.update_fields_on_open(document.docx)
    document.save(str(path))

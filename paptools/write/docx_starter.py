"""The starter template `paptools template` writes: the default report's shape, as placeholders.

The officer edits it in Word (letterhead, their own sections, numbering) and gives it back as
`paptools report --template`. Headings are in the committee paper's order, numbered by Word;
each place paptools writes holds a `{{p ... }}` placeholder and each place only the officer can
write holds a sample paragraph to write over. A box at the end lists every placeholder inside
`{%p if false %}`, so it shows in the template and never in a report.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document as open_document

from paptools.content.tree import Paragraph, Properties, Run
from paptools.write import docx_ooxml as ooxml
from paptools.write.docx import DocxTarget, house_style, running_text, set_properties
from paptools.write.docx_render import CONTENTS, NUMBERED, PLACEHOLDER, Renderer
from paptools.write.docx_template import PLACEHOLDERS

# (heading, numbered, what goes under it): "{{p ...}}" placeholders, or the officer's own text.
OUTLINE: tuple[tuple[str, bool, tuple[str, ...]], ...] = (
    ("Purpose of report", False, ("{{p sections.purpose }}",)),
    ("Executive summary", False, ("{{p sections.executive_summary }}",)),
    ("Recommendations", False, ("{{p sections.recommendations }}",)),
    ("Background", True, ("Write here where the partnership was: the inspection that led to the plan, its findings, "
                          "and when the plan was approved. This paragraph is yours and is kept as written.",
                          "{{p sections.background }}")),
    ("Progress by priority area", True, ("{{p sections.response }}",)),
    ("Current position and impact", True, ("Write here what has changed for children, young people and families "
                                           "because of the actions taken.",)),
    ("Performance", True, ("{{p sections.performance }}",
                           "Write here the service measures the committee follows (waiting times, timeliness).")),
    ("Feedback", True, ("Write here the feedback from inspectors, regulators or external reviews since the last "
                        "report.",)),
    ("Summary", True, ("{{p sections.summary }}",)),
    ("Appendix A: Status of every action", False, ("{{p sections.appendix_actions }}",)),
    ("Appendix B: How the figures are calculated", False, ("{{p sections.appendix_method }}",)),
)


def write_starter(path: Path) -> None:
    """Write the starter template to `path`."""
    document = open_document()
    house_style(document)
    renderer = Renderer(DocxTarget(document))
    if renderer.num_id is not None:  # paragraphs paptools puts in the Numbered Paragraph style are numbered too
        ooxml.number_style(document.styles[NUMBERED].element, renderer.num_id, 1)
    renderer.paragraph(Paragraph.of("{{ title }}", numbered=False), style="Title")
    for label, value in (("Report to: ", "{{ committee }}"), ("Date of meeting: ", "{{ meeting_date }}"),
                         ("Plan: ", "{{ plan }}"), ("Figures as of: ", "{{ as_of }}")):
        renderer.paragraph(Paragraph((Run(label, bold=True), Run(value)), numbered=False), style="Normal")
    for heading, numbered, lines in OUTLINE:
        renderer.paragraph(Paragraph.of(heading, numbered=False), style="Heading 1", level=0 if numbered else None)
        for line in lines:
            own = not line.startswith("{{")
            renderer.paragraph(Paragraph.of(line, numbered=own and numbered),
                               style=None if own and numbered else "Normal")
    document.add_paragraph("{%p if false %}")
    renderer.paragraph(Paragraph.of("Placeholders you can use (this box is not copied into the report)",
                                    numbered=False), style=CONTENTS)
    for name, meaning in PLACEHOLDERS.items():
        mark = f"{{{{p {name} }}}}" if name.startswith("sections.") or name in (
            "status_figure", "trend_figure", "attention_table", "report") else f"{{{{ {name} }}}}"
        renderer.paragraph(Paragraph((Run(mark, bold=True),
                                      Run(f": {meaning}")), numbered=False), style=PLACEHOLDER)
    document.add_paragraph("{%p endif %}")
    running_text(document, "{{ committee }}", "{{ title }}")
    set_properties(document, Properties("Committee report template", "Priority Action Plan: progress report",
                                        "Priority Action Plan, progress report, template"))
    document.save(str(path))

"""The Summary sheet of the cleaned workbook: the report's figures, a native chart with alt text, the Key.

Every count and percentage is taken from the figures (compare/figures.py), the same record
the report prints; nothing here computes a share. The Key written here (each status word on
its colour) is what the reader finds again when the cleaned workbook is read back. Every row is written in order, whole before the next
(a streamed workbook's rule, see workbook.py); streamed, the counts are a plain range, not a table.
"""
from __future__ import annotations

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from paptools.compare.figures import ROUNDING_NOTE, Summary, percent, status_labels
from paptools.content.prose import all_actions_opening, status_sentences
from paptools.model import REPORT_ORDER, UNKNOWN, Plan, Status
from paptools.write.ticks import tick_step
from paptools.write.xlsx_style import A4, STATUS_FILLS, PageFit, Styles, set_page, wrapped_height

SHEET = "Summary"
TABLE_NAME = "StatusCounts"
_WIDE = 8  # the last column that sentences span


def _capital(label: str) -> str:
    """'PAP actions' stays as it is; 'actions' becomes 'Actions'."""
    return label[:1].upper() + label[1:]


def chart_description(figures: Summary, label: str) -> str:
    """The chart's alternative text: the figures it shows, in words."""
    counts = figures.pap if label == "PAP actions" else figures.all
    shares = counts.percentages()
    parts = [f"{name} {counts.count(name)} ({shares.get(name, 0)}%)" for name in status_labels(figures.all)]
    return f"Bar chart of the {counts.total} {label} by status: " + ", ".join(parts) + "."


class SummarySheet:
    """Writes the Summary sheet from the figures, the trend across versions and the plan's Key."""

    def __init__(self, book: Workbook, styles: Styles, plan: Plan, figures: Summary):
        self.book, self.styles, self.plan, self.figures = book, styles, plan, figures

    def write(self, sheet: Worksheet, trend: list[tuple[str, Summary]] | None, *, title: str, version: str,
              streamed: bool = False) -> None:
        f, s = self.styles, self.figures
        sheet.set_column(0, 0, 34)
        sheet.set_column(1, _WIDE, 12)
        f.text(sheet, 0, 0, title, "title")
        f.text(sheet, 1, 0, f"Figures recomputed by paptools from {self.plan.source}, version {version}, "
                            f"as of {s.as_of.day} {s.as_of:%B %Y}.", "plain")
        row = 3
        label = "PAP actions" if s.pap_prefixed else "actions"
        sentences = status_sentences(s.pap, label)
        if s.all.total != s.pap.total:
            sentences += status_sentences(s.all, opening=all_actions_opening(s.all.total, s.pap.total))
        for sentence in sentences:
            f.merged_text(sheet, row, 0, _WIDE, sentence, "text")
            sheet.set_row(row, wrapped_height([(sentence, 34 + 12 * _WIDE)]))
            row += 1
        row += 1
        top = row
        row = self._counts_table(sheet, row, streamed)
        self._status_chart(sheet, top, len(status_labels(s.all)), label)
        row = max(row + 2, top + 16)  # below the chart beside the table
        row = self._groups_table(sheet, row)
        if trend and len(trend) > 1:
            row = self._trend(sheet, row + 1, trend)
        self._key(sheet, row + 1)
        set_page(sheet, PageFit(A4, (), True), title=title, version=version, repeat_header=False, gridlines=False)

    def _counts_table(self, sheet: Worksheet, row: int, streamed: bool) -> int:
        """Counts and percentages by status, as an Excel table whose total row holds the totals
        (streamed: the same cells under a header row, as a table cannot be streamed)."""
        f, s = self.styles, self.figures
        labels = status_labels(s.all)
        all_pct, pap_pct = s.all.percentages(), s.pap.percentages()
        headers = ("Status", "All actions", "All %", "PAP actions", "PAP %")
        last = row + len(labels) + 1
        if streamed:
            for col, header in enumerate(headers):
                sheet.write_string(row, col, header, f["header"])
        else:
            sheet.add_table(row, 0, last, len(headers) - 1, {
                "name": TABLE_NAME, "style": "Table Style Light 1", "total_row": True, "autofilter": False,
                "columns": [{"header": h, "header_format": f["header"], "total_string": "Total" if i == 0 else ""}
                            for i, h in enumerate(headers)],
                "title": "Actions by status", "description": chart_description(s, "actions"),
            })
        for name in labels:
            row += 1
            status = None if name == UNKNOWN else Status(name)
            sheet.write_string(row, 0, name, f.status[status] if status else f["bold"])
            sheet.write_number(row, 1, s.all.count(name), f["number"])
            sheet.write_number(row, 2, all_pct.get(name, 0), f["percent"])
            sheet.write_number(row, 3, s.pap.count(name), f["number"])
            sheet.write_number(row, 4, pap_pct.get(name, 0), f["percent"])
        row += 1
        sheet.write_string(row, 0, "Total", f["total"])
        sheet.write_number(row, 1, s.all.total, f["bold_number"])
        sheet.write_number(row, 2, percent(s.all.total, s.all.total), f["bold_percent"])
        sheet.write_number(row, 3, s.pap.total, f["bold_number"])
        sheet.write_number(row, 4, percent(s.pap.total, s.pap.total), f["bold_percent"])
        if not (s.all.adds_to_100 and s.pap.adds_to_100):
            row += 1
            f.text(sheet, row, 0, ROUNDING_NOTE, "plain")
        return row

    def _status_chart(self, sheet: Worksheet, top: int, count: int, label: str) -> None:
        chart = self.book.add_chart({"type": "bar"})
        names = status_labels(self.figures.all)[:count]
        points = [{"fill": {"color": STATUS_FILLS[Status(n)][0] if n != UNKNOWN else "#7F7F7F"},
                   "border": {"color": "#404040"}} for n in names]
        pap = label == "PAP actions"
        column = 3 if pap else 1
        chart.add_series({
            "name": _capital(label),
            "categories": [SHEET, top + 1, 0, top + count, 0],
            "values": [SHEET, top + 1, column, top + count, column],
            "points": points, "data_labels": {"value": True},
        })
        chart.set_title({"name": f"{_capital(label)} by status", "name_font": {"size": 11}})
        chart.set_legend({"none": True})
        chart.set_y_axis({"reverse": True})
        counts = self.figures.pap if pap else self.figures.all
        top_value = max([counts.of(status) for status in REPORT_ORDER] + [counts.unknown, 1])
        chart.set_x_axis({"name": f"Number of {label}", "min": 0, "major_unit": tick_step(top_value),
                          "major_gridlines": {"visible": True}})
        chart.set_size({"width": 480, "height": 280})
        sheet.insert_chart(top, 6, chart, {"description": chart_description(self.figures, label)})

    def _groups_table(self, sheet: Worksheet, row: int) -> int:
        f = self.styles
        f.text(sheet, row, 0, "By priority area and section", "subtitle")
        row += 1
        headers = ["Priority area / section", "Total"] + [st.value for st in REPORT_ORDER] + [UNKNOWN]
        for col, header in enumerate(headers):
            sheet.write_string(row, col, header, f["header"])
        for group in self.figures.areas:
            rows = [(group.area or "No priority area", group.counts, True)]
            rows += [(f"    {sec.section}", sec.counts, False) for sec in self.figures.sections
                     if sec.area == group.area and sec.section]
            for name, counts, bold in rows:
                row += 1
                f.text(sheet, row, 0, name, "bold" if bold else "plain")
                sheet.write_number(row, 1, counts.total, f["number"])
                for col, status in enumerate(REPORT_ORDER, start=2):
                    sheet.write_number(row, col, counts.of(status), f["number"])
                sheet.write_number(row, len(headers) - 1, counts.unknown, f["number"])
        return row + 1

    def _trend(self, sheet: Worksheet, row: int, trend: list[tuple[str, Summary]]) -> int:
        f = self.styles
        f.text(sheet, row, 0, "How the statuses moved (all actions)", "subtitle")
        row += 1
        top = row
        names = status_labels(*(figures.all for _, figures in trend))  # Unknown when any version has one: rows add up
        sheet.write_string(row, 0, "Version", f["header"])
        for col, name in enumerate(names, start=1):
            sheet.write_string(row, col, name, f["header"])
        for label, figures in trend:
            row += 1
            f.text(sheet, row, 0, label, "plain")
            for col, name in enumerate(names, start=1):
                sheet.write_number(row, col, figures.all.count(name), f["number"])
        chart = self.book.add_chart({"type": "column", "subtype": "stacked"})
        for col, name in enumerate(names, start=1):
            chart.add_series({
                "name": [SHEET, top, col],
                "categories": [SHEET, top + 1, 0, row, 0],
                "values": [SHEET, top + 1, col, row, col],
                "fill": {"color": STATUS_FILLS[Status(name)][0] if name != UNKNOWN else "#7F7F7F"},
                "border": {"color": "#404040"},
            })
        chart.set_title({"name": "Actions by status in each version", "name_font": {"size": 11}})
        chart.set_legend({"position": "bottom"})
        chart.set_y_axis({"min": 0, "major_unit": tick_step(max([fig.all.total for _, fig in trend] + [1]))})
        chart.set_size({"width": 480, "height": 280})
        moved = "; ".join(f"{label}: " + ", ".join(f"{name} {fig.all.count(name)}" for name in names)
                          for label, fig in trend)
        sheet.insert_chart(top, 7, chart, {"description": f"Stacked column chart of the actions by status in each "
                                                          f"version. {moved}."})
        return max(row + 1, top + 15)

    def _key(self, sheet: Worksheet, row: int) -> int:
        """The plan's priority areas and Key (read back from here), and any other text it held."""
        f = self.styles
        if self.plan.priority_areas:
            f.text(sheet, row, 0, "Priority areas", "subtitle")
            for label, description in self.plan.priority_areas:
                row += 1
                f.merged_text(sheet, row, 0, _WIDE, f"{label}: {description}", "text")
                sheet.set_row(row, wrapped_height([(f"{label}: {description}", 34 + 12 * _WIDE)]))
            row += 2
        f.text(sheet, row, 0, "Key", "subtitle")
        descriptions = dict(self.plan.key)
        for status in Status:
            row += 1
            sheet.write_string(row, 0, status.value, f.status[status])
            text = descriptions.get(status, "")
            if text.lower().startswith(status.value.lower()):
                text = text[len(status.value):].lstrip(" :-–")
            if text:
                f.merged_text(sheet, row, 1, _WIDE, text, "text")
                sheet.set_row(row, wrapped_height([(text, 12 * _WIDE)]))
        others = [n for n in self.plan.notes if n.kind in ("title", "other", "priority area") and
                  n.text != self.plan.title and not n.text.startswith("Priority area")]
        if others:
            row += 2
            f.text(sheet, row, 0, "Other text in the workbook", "subtitle")
            for note in others:
                row += 1
                f.text(sheet, row, 0, f"{note.sheet}!{note.cell}", "plain")
                f.merged_text(sheet, row, 1, _WIDE, note.text, "text")
                sheet.set_row(row, wrapped_height([(note.text, 12 * _WIDE)]))
        return row + 1

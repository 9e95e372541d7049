"""The history workbook (xlsxwriter): one sheet per view, native charts with alternative text.

Sheets: Counts (the burn-up table, a line chart of Complete against the total for all
actions and for the PAP, and a stacked chart of every status per version), Statuses (one
row per action, one column per version, the status as a word in its Key colour), Timeline,
Slipped, Completed and Warnings. Every chart's alternative text states its figures, so
nothing is shown only as a picture; statuses are always words as well as colours.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter

from paptools.compare.history import History
from paptools.model import STATUSES, UNKNOWN, Status
from paptools.read.plan import GENERATED_PROPERTY
from paptools.write.history_tables import Table, csv_safe
from paptools.write.ticks import tick_step
from paptools.write.workbook import STATUS_FILLS, row_height

WIDTHS = {"action": 50, "new_entry_texts": 90, "source": 32, "version_date": 12, "ref": 10}


class _Writer:
    def __init__(self, path: Path, history: History, tables: tuple[Table, ...]):
        self.history = history
        self.tables = {t.name: t for t in tables}
        self.book = xlsxwriter.Workbook(
            str(path), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        self.book.set_properties({
            "title": "How the plan moved: history of its versions",
            "subject": "SEND Priority Action Plan history",
            "comments": f"Written by paptools from {len(history.versions)} versions",
            "author": "", "company": "", "manager": "",
        })
        self.book.set_custom_property(GENERATED_PROPERTY, "history workbook")  # never read as a version
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        self.text = self.book.add_format({**base, "text_wrap": True})
        self.header = self.book.add_format({**base, "bold": True, "bg_color": "#1F3864", "font_color": "#FFFFFF",
                                            "text_wrap": True, "border": 1})
        self.title = self.book.add_format({"font_name": "Arial", "font_size": 14, "bold": True})
        self.line = self.book.add_format({**base})  # one line, cut at the column's edge
        self.status = {s.value: self.book.add_format({**base, "bg_color": fill, "font_color": font, "bold": True,
                                                      "border": 1})
                       for s, (fill, font) in STATUS_FILLS.items()}
        self.status[UNKNOWN] = self.book.add_format({**base, "bg_color": "#D9D9D9", "italic": True, "border": 1})

    def close(self) -> None:
        self.book.close()

    def table_sheet(self, table: Table, first_row: int = 2) -> Any:
        """A sheet with the view's title, its description, and its rows under a frozen header."""
        sheet = self.book.add_worksheet(table.title[:31].replace("/", " "))
        sheet.write(0, 0, table.title, self.title)
        sheet.write(1, 0, table.description)
        sheet.write_row(first_row, 0, table.columns, self.header)
        widths = [WIDTHS.get(name, max(10, len(name) + 2)) for name in table.columns]
        for r, row in enumerate(table.rows, start=first_row + 1):
            for c, value in enumerate(row):
                fmt = self.status.get(value) if table.columns[c] == "status" and isinstance(value, str) else None
                sheet.write(r, c, csv_safe(value) if isinstance(value, str) else value, fmt or self.text)
            sheet.set_row(r, row_height((str(value or ""), width) for value, width in zip(row, widths)))
        for c, width in enumerate(widths):
            sheet.set_column(c, c, width)
        sheet.freeze_panes(first_row + 1, 0)
        if table.rows:
            sheet.autofilter(first_row, 0, first_row + len(table.rows), len(table.columns) - 1)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(first_row)
        return sheet

    def counts(self) -> None:
        table = self.tables["counts"]
        sheet = self.table_sheet(table)
        n = len(table.rows)
        if not n:
            return
        top, columns = 3, table.columns
        labels = [v.label for v in self.history.versions]
        col = columns.index
        chart = self.book.add_chart({"type": "line"})
        for name, key, colour in (("All actions: total", "all_total", "#7F7F7F"),
                                  ("All actions: complete", "all_complete", "#0070C0"),
                                  ("PAP actions: total", "pap_total", "#404040"),
                                  ("PAP actions: complete", "pap_complete", "#00B050")):
            chart.add_series({"name": name, "categories": [sheet.name, top, col("version_date"), top + n - 1,
                                                            col("version_date")],
                              "values": [sheet.name, top, col(key), top + n - 1, col(key)],
                              "line": {"color": colour, "width": 2.25,
                                       "dash_type": "dash" if key.endswith("total") else "solid"},
                              "marker": {"type": "circle", "size": 5,
                                         "fill": {"color": colour}, "border": {"color": colour}}})
        chart.set_title({"name": "Burn-up: actions complete against the total", "name_font": {"size": 11}})
        chart.set_y_axis(self._count_axis())
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 640, "height": 320})
        complete = [(label, row[col("all_complete")], row[col("all_total")], row[col("pap_complete")],
                     row[col("pap_total")]) for label, row in zip(labels, table.rows)]
        description = "Burn-up of complete actions per version. " + "; ".join(
            f"{label}: {a} of {b} actions complete, {c} of {d} PAP actions" for label, a, b, c, d in complete
        ) + "."
        sheet.insert_chart(top + n + 2, 0, chart, {"description": description})
        self._statuses_chart(sheet, top, n, labels)

    def _count_axis(self) -> dict[str, Any]:
        """The y axis of both charts: actions from 0, in whole round steps up to the largest version."""
        top_value = max([v.all.total for v in self.history.versions] + [1])
        return {"name": "Number of actions", "min": 0, "major_unit": tick_step(top_value),
                "major_gridlines": {"visible": True}}

    def _statuses_chart(self, sheet: Any, top: int, n: int, labels: list[str]) -> None:
        table = self.tables["counts"]
        col = table.columns.index
        chart = self.book.add_chart({"type": "column", "subtype": "stacked"})
        parts = []
        for status in STATUSES:
            key = f"all_{status.value.lower().replace(' ', '_')}"
            chart.add_series({"name": status.value,
                              "categories": [sheet.name, top, col("version_date"), top + n - 1, col("version_date")],
                              "values": [sheet.name, top, col(key), top + n - 1, col(key)],
                              "fill": {"color": STATUS_FILLS[status][0]}, "border": {"color": "#404040"}})
            parts.append((status, [row[col(key)] for row in table.rows]))
        chart.set_title({"name": "All actions by status, per version", "name_font": {"size": 11}})
        chart.set_y_axis(self._count_axis())
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 640, "height": 320})
        description = "All actions by status in each version. " + "; ".join(
            f"{label}: " + ", ".join(f"{values[i]} {status.value.lower()}" for status, values in parts)
            for i, label in enumerate(labels)
        ) + "."
        sheet.insert_chart(top + n + 2, 8, chart, {"description": description})

    def statuses(self) -> None:
        """The grid members read first: each action's status in each version, as a word in its colour."""
        sheet = self.book.add_worksheet("Statuses")
        sheet.write(0, 0, "Status of each action in each version", self.title)
        sheet.write(1, 0, "One row per action, one column per version (oldest first); blank where the action "
                          "was not in that version.")
        header = ["ref", "action", *(v.label for v in self.history.versions)]
        sheet.write_row(2, 0, header, self.header)
        for r, timeline in enumerate(self.history.timelines, start=3):
            sheet.write(r, 0, timeline.ref, self.text)
            sheet.write(r, 1, csv_safe(timeline.title), self.line)
            for c, point in enumerate(timeline.points, start=2):
                if point is not None:
                    word = point.status.value if isinstance(point.status, Status) else UNKNOWN
                    sheet.write(r, c, word, self.status[word])
        sheet.set_column(0, 0, 10)
        sheet.set_column(1, 1, 50)
        sheet.set_column(2, len(header) - 1, 14)
        sheet.freeze_panes(3, 2)
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(2)

    def warnings(self) -> None:
        sheet = self.book.add_worksheet("Warnings")
        sheet.write(0, 0, "Warnings", self.title)
        sheet.write(1, 0, "About the versions' order, and what the reader reported about each version.")
        sheet.write_row(2, 0, ["workbook", "cell", "message", "value"], self.header)
        rows = [("these versions", "", w.message, w.value or "") for w in self.history.warnings]
        rows += [(v.source, w.where(), w.message, w.value or "") for v in self.history.versions for w in v.warnings]
        for r, row in enumerate(rows, start=3):
            sheet.write_row(r, 0, [csv_safe(c) for c in row], self.text)
        for c, width in enumerate((32, 12, 80, 50)):
            sheet.set_column(c, c, width)
        sheet.freeze_panes(3, 0)


def write_history_workbook(path: Path, history: History, tables: tuple[Table, ...]) -> None:
    """Write the workbook: Counts, Statuses, Timeline, Slipped, Completed, Warnings."""
    writer = _Writer(path, history, tables)
    try:
        writer.counts()
        writer.statuses()
        for name in ("timeline", "slipped", "completed"):
            writer.table_sheet(writer.tables[name])
        writer.warnings()
    finally:
        writer.close()

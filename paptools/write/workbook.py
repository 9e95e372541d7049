"""Plan + Summary -> the cleaned .xlsx to email (the only xlsxwriter module).

One Actions sheet with one header row and one row per action, the status as a word whose
fill comes from conditional formatting, a drop-down of the five statuses, due months as
real dates, refs as text; a Summary sheet with the figures and a native chart; the Changes
and the Warnings. Safe to send: no formulas (text starting with = stays text), no links,
no macros, no hidden sheets, nothing of the input's metadata. A cell longer than Excel
allows continues on the next row, with its ref merged down, and is reported. The file is
itself a valid input: reading it back gives the same plan.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from paptools.compare.figures import Summary
from paptools.content.changes import COLUMNS as CHANGE_COLUMNS
from paptools.content.changes import ChangeRow
from paptools.content.prose import all_actions_opening, status_sentences
from paptools.model import REPORT_ORDER, UNKNOWN, Action, DataWarning, Month, Plan, Status
from paptools.read.plan import EXCEL_CELL_LIMIT, GENERATED_PROPERTY  # what the reader recognises as ours

STATUS_FILLS = {  # the Key's colours; text colour chosen for contrast (WCAG AA)
    Status.COMPLETE: ("#0070C0", "#FFFFFF"),
    Status.ON_TRACK: ("#00B050", "#000000"),
    Status.VULNERABLE: ("#FFC000", "#000000"),
    Status.AT_RISK: ("#C00000", "#FFFFFF"),
    Status.NOT_STARTED: ("#FFFFFF", "#000000"),
}
ACTION_COLUMNS = (  # header, width, field
    ("Ref", 9, "ref"),
    ("Priority area", 13, "priority_area"),
    ("Section", 18, "section"),
    ("Action", 45, "title"),
    ("Owner", 20, "owner"),
    ("Timescale", 18, "timescale"),
    ("Original due", 10, "original_due"),
    ("Latest due", 10, "latest_due"),
    ("Success criteria", 40, "success_criteria"),
    ("Progress", 95, "progress"),
    ("Outcome/impact", 38, "outcome"),
    ("Evidence", 30, "evidence"),
    ("RA status", 15, "status"),
)


def _safe_title(text: str) -> str:
    """Text for a page header: '&' is a code there, so it is doubled."""
    return text.replace("&", "&&")


def _split_long(text: str, limit: int = EXCEL_CELL_LIMIT) -> list[str]:
    """Text cut into pieces Excel can hold, at line breaks (between entries) where possible."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    pieces.append(text)
    return pieces


def progress_text(action: Action) -> str:
    """The Progress cell, tidied: every entry kept whole, one entry per line."""
    if not action.entries:
        return action.progress
    return "\n".join(entry.raw for entry in action.entries)


def _month_date(month: Month | None) -> datetime | None:
    return datetime(month.year, month.month, 1) if month else None


class _Writer:
    def __init__(self, path: Path, plan: Plan, summary: Summary):
        import xlsxwriter

        self.plan, self.summary = plan, summary
        self.book = xlsxwriter.Workbook(
            str(path),
            {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
             "default_date_format": "mmm-yy"},
        )
        title = plan.title or "Priority Action Plan"
        self.title = title
        self.book.set_properties({
            "title": title,
            "subject": "SEND Priority Action Plan",
            "comments": f"Cleaned by paptools from {plan.source}",
            "author": "", "company": "", "manager": "",
        })
        self.book.set_custom_property(GENERATED_PROPERTY, "cleaned workbook")
        base = {"font_name": "Arial", "font_size": 10, "valign": "top"}
        self.f = {
            "text": self.book.add_format({**base, "text_wrap": True}),
            "ref": self.book.add_format({**base, "bold": True}),
            "date": self.book.add_format({**base, "num_format": "mmm-yy", "align": "left"}),
            "header": self.book.add_format({**base, "bold": True, "text_wrap": True, "bg_color": "#1F3864",
                                            "font_color": "#FFFFFF", "border": 1, "valign": "vcenter"}),
            "title": self.book.add_format({"font_name": "Arial", "font_size": 14, "bold": True}),
            "subtitle": self.book.add_format({"font_name": "Arial", "font_size": 11, "bold": True}),
            "plain": self.book.add_format({**base}),
            "wrap": self.book.add_format({**base, "text_wrap": True}),
            "number": self.book.add_format({**base, "num_format": "0"}),
            "percent": self.book.add_format({**base, "num_format": "0\\%"}),
            "bold": self.book.add_format({**base, "bold": True}),
            "bold_number": self.book.add_format({**base, "bold": True, "num_format": "0", "top": 1}),
            "total": self.book.add_format({**base, "bold": True, "top": 1}),
            "status": self.book.add_format({**base, "bold": True, "text_wrap": True, "border": 1}),
        }
        self.status_formats = {
            status: self.book.add_format({"bg_color": fill, "font_color": font, "bold": True})
            for status, (fill, font) in STATUS_FILLS.items()
        }
        self.key_formats = {
            status: self.book.add_format({**base, "bg_color": fill, "font_color": font, "bold": True, "border": 1})
            for status, (fill, font) in STATUS_FILLS.items()
        }
        self.notes: list[DataWarning] = []

    def _page(self, sheet, landscape: bool = True, repeat_header: bool = True) -> None:
        sheet.set_paper(9)  # A4
        if landscape:
            sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
        sheet.set_header(f"&L&\"Arial,Bold\"{_safe_title(self.title)}&R{_safe_title(self.plan.source)}")
        sheet.set_footer("&LPrinted &D&RPage &P of &N")
        if repeat_header:
            sheet.repeat_rows(0)

    # -- Actions -----------------------------------------------------------------------
    def actions(self) -> None:
        sheet = self.book.add_worksheet("Actions")
        extra = list(self.plan.extra_columns)
        columns = list(ACTION_COLUMNS) + [(name, 20, None) for name in extra]
        for col, (header, width, _) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, header, self.f["header"])
        sheet.set_row(0, 30)
        row = 1
        status_col = [c[2] for c in columns].index("status")
        for action in self.plan.actions:
            row = self._action_row(sheet, row, action, columns, extra)
        last = max(row - 1, 1)
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, last, len(columns) - 1)
        sheet.data_validation(1, status_col, max(last, 500), status_col, {
            "validate": "list", "source": [s.value for s in Status],
            "input_title": "RA status", "input_message": "Choose one of the Key's five statuses.",
            "error_title": "Not a status", "error_message": "Use one of: " + ", ".join(s.value for s in Status),
        })
        for status, fmt in self.status_formats.items():
            sheet.conditional_format(1, status_col, max(last, 500), status_col,
                                     {"type": "cell", "criteria": "==", "value": f'"{status.value}"', "format": fmt})
        self._page(sheet)
        sheet.activate()

    def _action_row(self, sheet, row: int, action: Action, columns, extra) -> int:
        values = {
            "ref": action.ref, "priority_area": action.priority_area or "", "section": action.section or "",
            "title": action.title, "owner": action.owner, "timescale": action.timescale.text,
            "success_criteria": action.success_criteria, "progress": progress_text(action),
            "outcome": action.outcome, "evidence": action.evidence,
            "status": action.status.value if action.status else "",
        }
        extras = dict(action.extra)
        pieces: dict[int, list[str]] = {}
        for col, (header, _, name) in enumerate(columns):
            if name in ("original_due", "latest_due"):
                month = action.timescale.original_due if name == "original_due" else action.timescale.due
                if month:
                    sheet.write_datetime(row, col, _month_date(month), self.f["date"])
                continue
            text = values[name] if name else extras.get(header, "")
            pieces[col] = _split_long(text)
            if len(pieces[col]) > 1:
                self.notes.append(DataWarning(
                    "Actions", None,
                    f"{header} of {action.ref} is {len(text):,} characters, more than an Excel cell holds "
                    f"({EXCEL_CELL_LIMIT:,}); it continues on the next {len(pieces[col]) - 1} row(s), nothing is cut",
                ))
        height = max(len(p) for p in pieces.values())
        for part in range(height):
            for col, parts in pieces.items():
                if part < len(parts) and parts[part]:
                    fmt = self.f["ref"] if columns[col][2] == "ref" else (
                        self.f["status"] if columns[col][2] == "status" else self.f["text"])
                    sheet.write_string(row + part, col, parts[part], fmt)
            sheet.set_row(row + part, row_height([(parts[part] if part < len(parts) else "", columns[c][1])
                                                   for c, parts in pieces.items()]))
        if height > 1:
            sheet.merge_range(row, 0, row + height - 1, 0, action.ref, self.f["ref"])
        return row + height

    # -- Summary -----------------------------------------------------------------------
    def summary_sheet(self, trend: list[tuple[str, Summary]] | None) -> None:
        sheet = self.book.add_worksheet("Summary")
        f, s = self.f, self.summary
        sheet.set_column(0, 0, 34)
        sheet.set_column(1, 8, 12)
        sheet.write_string(0, 0, self.title, f["title"])
        sheet.write_string(1, 0, f"Figures recomputed by paptools from {self.plan.source}, "
                                 f"as of {s.as_of.day} {s.as_of:%B %Y}.", f["plain"])
        row = 3
        label = "PAP actions" if s.pap_prefixed else "actions"
        sentences = status_sentences(s.pap, label)
        if s.all.total != s.pap.total:
            sentences += status_sentences(s.all, opening=all_actions_opening(s.all.total, s.pap.total))
        for sentence in sentences:
            sheet.merge_range(row, 0, row, 8, sentence, f["wrap"])
            sheet.set_row(row, 27)
            row += 1
        row += 1
        table_top = row
        for col, header in enumerate(("Status", "All actions", "%", "PAP actions", "%")):
            sheet.write_string(row, col, header, f["header"])
        all_pct, pap_pct = s.all.percentages(), s.pap.percentages()
        labels = [st.value for st in REPORT_ORDER] + ([UNKNOWN] if s.all.unknown else [])
        for name in labels:
            row += 1
            status = Status(name) if name != UNKNOWN else None
            sheet.write_string(row, 0, name, f["bold"])
            sheet.write_number(row, 1, s.all.of(status) if status else s.all.unknown, f["number"])
            sheet.write_number(row, 2, all_pct.get(name, 0), f["percent"])
            sheet.write_number(row, 3, s.pap.of(status) if status else s.pap.unknown, f["number"])
            sheet.write_number(row, 4, pap_pct.get(name, 0), f["percent"])
        row += 1
        sheet.write_string(row, 0, "Total", f["total"])
        for col, value in ((1, s.all.total), (2, 100 if s.all.total else 0), (3, s.pap.total), (4, 100 if s.pap.total else 0)):
            sheet.write_number(row, col, value, f["bold_number"])
        self._status_chart(sheet, table_top, len(labels))
        row = max(row + 2, table_top + 15)  # below the chart beside the table
        row = self._groups_table(sheet, row)
        if trend and len(trend) > 1:
            row = self._trend(sheet, row + 1, trend)
        row = self._texts(sheet, row + 1)
        self._page(sheet, landscape=False, repeat_header=False)

    def _status_chart(self, sheet, top: int, count: int) -> None:
        chart = self.book.add_chart({"type": "bar"})
        points = [{"fill": {"color": STATUS_FILLS[Status(name)][0] if name != UNKNOWN else "#7F7F7F"},
                   "border": {"color": "#404040"}}
                  for name in [st.value for st in REPORT_ORDER] + ([UNKNOWN] if count > len(REPORT_ORDER) else [])]
        chart.add_series({
            "name": "All actions",
            "categories": ["Summary", top + 1, 0, top + count, 0],
            "values": ["Summary", top + 1, 1, top + count, 1],
            "points": points, "data_labels": {"value": True},
        })
        chart.set_title({"name": "Actions by RA status", "name_font": {"size": 11}})
        chart.set_legend({"none": True})
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"name": "Number of actions", "major_gridlines": {"visible": True}})
        chart.set_size({"width": 480, "height": 260})
        sheet.insert_chart(top, 6, chart)

    def _groups_table(self, sheet, row: int) -> int:
        f = self.f
        sheet.write_string(row, 0, "By priority area and section", f["subtitle"])
        row += 1
        headers = ["Priority area / section", "Total"] + [st.value for st in REPORT_ORDER] + [UNKNOWN]
        for col, header in enumerate(headers):
            sheet.write_string(row, col, header, f["header"])
        for group in self.summary.areas:
            rows = [(group.area or "No priority area", group.counts, True)]
            rows += [(f"    {sec.section}", sec.counts, False) for sec in self.summary.sections
                     if sec.area == group.area and sec.section]
            for name, counts, bold in rows:
                row += 1
                sheet.write_string(row, 0, name, f["bold"] if bold else f["plain"])
                sheet.write_number(row, 1, counts.total, f["number"])
                for col, status in enumerate(REPORT_ORDER, start=2):
                    sheet.write_number(row, col, counts.of(status), f["number"])
                sheet.write_number(row, len(headers) - 1, counts.unknown, f["number"])
        return row + 1

    def _trend(self, sheet, row: int, trend: list[tuple[str, Summary]]) -> int:
        f = self.f
        sheet.write_string(row, 0, "How the statuses moved (all actions)", f["subtitle"])
        row += 1
        top = row
        sheet.write_string(row, 0, "Version", f["header"])
        for col, status in enumerate(REPORT_ORDER, start=1):
            sheet.write_string(row, col, status.value, f["header"])
        for label, figures in trend:
            row += 1
            sheet.write_string(row, 0, label, f["plain"])
            for col, status in enumerate(REPORT_ORDER, start=1):
                sheet.write_number(row, col, figures.all.of(status), f["number"])
        chart = self.book.add_chart({"type": "column", "subtype": "stacked"})
        for col, status in enumerate(REPORT_ORDER, start=1):
            chart.add_series({
                "name": ["Summary", top, col],
                "categories": ["Summary", top + 1, 0, row, 0],
                "values": ["Summary", top + 1, col, row, col],
                "fill": {"color": STATUS_FILLS[status][0]}, "border": {"color": "#404040"},
            })
        chart.set_title({"name": "Actions by status in each version", "name_font": {"size": 11}})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 480, "height": 280})
        sheet.insert_chart(top, 7, chart)
        return max(row + 1, top + 15)

    def _texts(self, sheet, row: int) -> int:
        f = self.f
        if self.plan.priority_areas:
            sheet.write_string(row, 0, "Priority areas", f["subtitle"])
            for label, description in self.plan.priority_areas:
                row += 1
                sheet.merge_range(row, 0, row, 8, f"{label}: {description}", f["wrap"])
                sheet.set_row(row, row_height([(description, 130)]))
            row += 2
        sheet.write_string(row, 0, "Key", f["subtitle"])
        descriptions = {status: text for status, text in self.plan.key}
        for status in Status:
            row += 1
            sheet.write_string(row, 0, status.value, self.key_formats[status])
            text = descriptions.get(status, "")
            if text.lower().startswith(status.value.lower()):
                text = text[len(status.value):].lstrip(" :-–")
            if text:
                sheet.merge_range(row, 1, row, 8, text, f["wrap"])
                sheet.set_row(row, row_height([(text, 100)]))
        others = [n for n in self.plan.notes if n.kind in ("title", "other", "priority area") and
                  n.text != self.plan.title and not n.text.startswith("Priority area")]
        if others:
            row += 2
            sheet.write_string(row, 0, "Other text in the workbook", f["subtitle"])
            for note in others:
                row += 1
                sheet.write_string(row, 0, f"{note.sheet}!{note.cell}", f["plain"])
                sheet.merge_range(row, 1, row, 8, note.text, f["wrap"])
                sheet.set_row(row, row_height([(note.text, 100)]))
        return row + 1

    # -- Changes and Warnings ----------------------------------------------------------
    def changes(self, rows: list[ChangeRow]) -> None:
        sheet = self.book.add_worksheet("Changes")
        widths = (16, 9, 13, 18, 11, 18, 50, 50, 32)
        for col, (header, width) in enumerate(zip(CHANGE_COLUMNS, widths)):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, header, self.f["header"])
        for row, change in enumerate(rows, start=1):
            cells = change.cells()
            for col, text in enumerate(cells):
                sheet.write_string(row, col, _split_long(text)[0], self.f["text"])
            sheet.set_row(row, row_height([(cells[6], 50), (cells[7], 50), (cells[8], 32)]))
        last = max(len(rows), 1)
        alert = self.book.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006", "bold": True})
        sheet.conditional_format(1, 8, last, 8, {"type": "text", "criteria": "begins with",
                                                 "value": "HISTORY CHANGED", "format": alert})
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, last, len(CHANGE_COLUMNS) - 1)
        self._page(sheet)

    def warnings(self, warnings: list[tuple[str, DataWarning]]) -> None:
        sheet = self.book.add_worksheet("Warnings")
        headers = (("Workbook", 28), ("Sheet", 14), ("Cell", 8), ("What paptools could not read for certain", 70),
                   ("The text concerned", 60))
        for col, (header, width) in enumerate(headers):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, header, self.f["header"])
        if not warnings:
            sheet.write_string(1, 0, "No warnings: everything in the workbook was read for certain.", self.f["plain"])
        for row, (source, warning) in enumerate(warnings, start=1):
            cells = (source, warning.sheet or "", warning.cell or "", warning.message, warning.value or "")
            for col, text in enumerate(cells):
                sheet.write_string(row, col, _split_long(text)[0], self.f["text"])
            sheet.set_row(row, row_height([(warning.message, 70), (warning.value or "", 60)]))
        sheet.freeze_panes(1, 0)
        self._page(sheet)


def row_height(texts_and_widths) -> float:
    """Excel does not fit wrapped rows itself: the height its autofit would give, up to 409pt."""
    lines = 1
    for text, width in texts_and_widths:
        chars = max(int(width * 1.3), 1)
        count = sum(max(1, -(-len(part) // chars)) for part in str(text).split("\n"))
        lines = max(lines, count)
    return min(409.0, 12.75 * lines + 2)


def write_clean_workbook(
    path: Path,
    plan: Plan,
    summary: Summary,
    *,
    changes: list[ChangeRow] | None = None,
    trend: list[tuple[str, Summary]] | None = None,
    warnings: list[tuple[str, DataWarning]] | None = None,
) -> list[DataWarning]:
    """Write the cleaned workbook; returns notes about what had to be split across rows."""
    writer = _Writer(path, plan, summary)
    writer.actions()
    writer.summary_sheet(trend)
    if changes is not None:
        writer.changes(changes)
    all_warnings = list(warnings if warnings is not None else [(plan.source, w) for w in plan.warnings])
    all_warnings += [(path.name, note) for note in writer.notes]
    writer.warnings(all_warnings)
    writer.book.close()
    return writer.notes

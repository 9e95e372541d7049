"""What every sheet of the cleaned workbook shares: formats, safe text, row heights, the printed page.

Text that Excel would take for a formula (= + - @, or a leading tab or carriage return) is
always written as a string with Excel's quote prefix, so editing the cell in Excel keeps it
text. Column widths are sized so that a sheet printed one page wide is never smaller than
8 pt: the long text columns wrap and narrow first, then the paper grows from A4 to A3.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from paptools.model import Status
from paptools.write.palette import PALETTE

STATUS_FILLS: dict[Status, tuple[str, str]] = {  # the Key's colours; text colour for contrast (WCAG AA)
    status: (f"#{colour.fill}", f"#{colour.text}") for status, colour in PALETTE.items()
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FONT = "Arial"
FONT_SIZE = 10
SMALLEST_PRINTED_PT = 8.0  # the smallest effective size a sheet may print at
FIT_MARGIN_PT = 0.5  # LibreOffice and Excel measure columns a little differently: aim above the floor
DATE_FORMAT = "d mmm yyyy"  # written out, so the date never follows the machine's locale
MONTH_FORMAT = "mmm yyyy"
A4, A3 = 9, 8  # Excel's paper codes
_PRINTABLE_PT = {A4: 841.9 - 57.6, A3: 1190.6 - 57.6}  # landscape width less 0.4in margins each side

_BASE: dict[str, Any] = {"font_name": FONT, "font_size": FONT_SIZE, "valign": "top"}
FORMATS: dict[str, dict[str, Any]] = {
    "text": {"text_wrap": True},
    "plain": {},
    "ref": {"bold": True},
    "status": {"bold": True, "text_wrap": True},
    "month": {"num_format": MONTH_FORMAT, "align": "left"},
    "date": {"num_format": DATE_FORMAT, "align": "left"},
    "header": {"bold": True, "text_wrap": True, "bg_color": "#1F3864", "font_color": "#FFFFFF", "border": 1,
               "valign": "vcenter"},
    "title": {"font_size": 14, "bold": True},
    "subtitle": {"font_size": 11, "bold": True},
    "bold": {"bold": True},
    "number": {"num_format": "0"},
    "percent": {"num_format": 'General"%"'},  # 95 shows 95%, an exact 2.5 shows 2.5%
    "total": {"bold": True, "top": 1},
    "bold_number": {"bold": True, "num_format": "0", "top": 1},
    "bold_percent": {"bold": True, "num_format": 'General"%"', "top": 1},
}


def formula_like(text: str) -> bool:
    """Whether Excel would read this text as a formula if it were typed into a cell."""
    return text.startswith(FORMULA_STARTS)


class Styles:
    """The workbook's formats, made once, and the one way text is written into a cell."""

    def __init__(self, book: Workbook):
        self.book = book
        self._formats: dict[tuple[str, bool], Format] = {}
        self.status = {status: book.add_format({**_BASE, "bold": True, "border": 1, "bg_color": fill,
                                                "font_color": font})
                       for status, (fill, font) in STATUS_FILLS.items()}
        self.conditional = {status: book.add_format({"bg_color": fill, "font_color": font, "bold": True})
                            for status, (fill, font) in STATUS_FILLS.items()}

    def __getitem__(self, name: str) -> Format:
        return self.format(name)

    def format(self, name: str, quoted: bool = False) -> Format:
        """A named format; `quoted` adds Excel's quote prefix (the apostrophe Excel shows for text)."""
        key = (name, quoted)
        if key not in self._formats:
            properties = {**_BASE, **FORMATS[name]}
            if quoted:
                properties["quote_prefix"] = True
            self._formats[key] = self.book.add_format(properties)
        return self._formats[key]

    def text(self, sheet: Worksheet, row: int, col: int, text: str, name: str = "text") -> None:
        """Write text as text, whatever it starts with: never a formula, a number or a link."""
        sheet.write_string(row, col, text, self.format(name, quoted=formula_like(text)))

    def merged_text(self, sheet: Worksheet, row: int, first: int, last: int, text: str, name: str = "text") -> None:
        """Text across several columns of one row (for sentences on the Summary and About sheets)."""
        sheet.merge_range(row, first, row, last, "", self.format(name, quoted=formula_like(text)))
        sheet.write_string(row, first, text, self.format(name, quoted=formula_like(text)))


def lines_needed(text: str, width: float, most: int | None = None) -> int:
    """How many lines `text` wraps to in a column `width` characters wide (Arial 10, as Excel wraps).

    Excel wraps at spaces. A width unit is 7 px; Arial 10 prose averages 6 px a character, and
    6.4 px here leaves room for wide letters: measured against Arial's own metrics on the
    example plan, it misses a line in about 2% of cells and adds one in about a third.
    Counting stops once `most` lines are reached (a row cannot grow past Excel's tallest).
    """
    capacity = max(int((width * 7 + 1) / 6.4), 1)
    if len(text) <= capacity and "\n" not in text:
        return 1  # most cells: one short line
    lines = 0
    for paragraph in text.split("\n"):
        lines += _paragraph_lines(paragraph, capacity)
        if most is not None and lines >= most:
            break
    return lines


def _paragraph_lines(paragraph: str, capacity: int) -> int:
    """The lines of one paragraph, a line at a time (the word-by-word count's result, found faster).

    With single spaces between words and none at either end, a line starting at a word holds
    every word ending within `capacity` characters of its start, so it ends at the last space
    within reach. Anything else (double spaces, a word longer than a line) is counted word by word.
    """
    size = len(paragraph)
    if size <= capacity:
        return 1
    if "  " in paragraph or paragraph[0] == " " or paragraph[-1] == " ":
        return _word_lines(paragraph, capacity)
    lines, start = 1, 0
    while size - start > capacity:
        cut = paragraph.rfind(" ", start, start + capacity + 1)
        if cut < 0:  # a word longer than a line
            return _word_lines(paragraph, capacity)
        lines += 1
        start = cut + 1
    return lines


def _word_lines(paragraph: str, capacity: int) -> int:
    """The lines of one paragraph, word by word: the rule itself, as Excel wraps."""
    lines = 1
    used = 0
    for word in paragraph.split(" "):
        need = len(word) if used == 0 else used + 1 + len(word)
        if need > capacity and used:
            lines += 1
            need = len(word)
        while need > capacity:  # a word longer than the line breaks where it must
            lines += 1
            need -= capacity
        used = need
    return lines


_TALLEST_LINES = 32  # 12.75 * 32 + 4 is past 409 points: more lines cannot change a row's height


def wrapped_height(cells: Iterable[tuple[str, float]]) -> float:
    """The row height (points) that shows every wrapped cell whole, as Excel's autofit would; at most 409."""
    lines = max((lines_needed(text, width, _TALLEST_LINES) for text, width in cells if text), default=1)
    return min(409.0, 12.75 * lines + 4)


def row_height(texts_and_widths: Iterable[tuple[str, float]]) -> float:
    """The autofit estimate the example builder shares (kept as it was, so the examples rebuild the same)."""
    lines = 1
    for text, width in texts_and_widths:
        chars = max(int(width * 1.3), 1)
        count = sum(max(1, -(-len(part) // chars)) for part in str(text).split("\n"))
        lines = max(lines, count)
    return min(409.0, 12.75 * lines + 2)


@dataclass(frozen=True)
class Column:
    """A column of a printed sheet: its width as it would like to be, and how narrow it may wrap to."""

    header: str
    width: float
    narrowest: float | None = None  # None: a fixed width

    def sized(self, share: float) -> float:
        """The width once the long columns give up `share` (0..1) of their slack."""
        if self.narrowest is None:
            return self.width
        return round(self.width - (self.width - self.narrowest) * share, 1)


def _points(widths: Iterable[float]) -> float:
    return sum(int(w * 7 + 5) for w in widths) * 0.75  # Excel: a character unit is 7 px, plus 5 px padding


@dataclass(frozen=True)
class PageFit:
    """The paper and the column widths chosen for a sheet, and whether it prints one page wide."""

    paper: int
    widths: tuple[float, ...]
    one_page_wide: bool

    @property
    def paper_name(self) -> str:
        return "A4" if self.paper == A4 else "A3"


def fit_columns(columns: Sequence[Column]) -> PageFit:
    """A4 if the sheet fits it at 8 pt or more, narrowing the long columns if need be; else A3.

    Printed one page wide, the text shrinks by printable width / sheet width; at 10 pt the
    sheet may be at most 10/8 of the printable width. Wider than A3 allows even with the long
    columns at their narrowest, the sheet prints at 80% over several pages across.
    """
    most = FONT_SIZE / (SMALLEST_PRINTED_PT + FIT_MARGIN_PT)
    for paper in (A4, A3):
        budget = _PRINTABLE_PT[paper] * most
        for step in range(11):
            widths = tuple(c.sized(step / 10) for c in columns)
            if _points(widths) <= budget:
                return PageFit(paper, widths, True)
    return PageFit(A3, tuple(c.sized(1.0) for c in columns), False)


def header_text(text: str) -> str:
    """Text for a page header or footer: '&' starts a code there, so it is doubled."""
    return text.replace("&", "&&")


def set_page(sheet: Worksheet, fit: PageFit, *, title: str, version: str, repeat_header: bool = True,
             landscape: bool = True, gridlines: bool = True) -> None:
    """Paper, orientation, one page wide, the header row on every page, title, version date and page x of y."""
    sheet.set_paper(fit.paper)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    if fit.one_page_wide:
        sheet.fit_to_pages(1, 0)
    else:
        sheet.set_print_scale(int(100 * SMALLEST_PRINTED_PT / FONT_SIZE))
    sheet.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.6)
    # The size code goes before the font name: "&10" followed by "15 April" would read as size 1015.
    sheet.set_header(f'&L&10&"Arial,Bold"{header_text(title)}&R&10&"Arial,Regular"{header_text(version)}')
    sheet.set_footer('&L&9&"Arial,Regular"Made by paptools&R&9&"Arial,Regular"Page &P of &N')
    if repeat_header:
        sheet.repeat_rows(0)
    # Officers print the plan as a grid: lines on screen and on paper (0 shows both).
    sheet.hide_gridlines(0 if gridlines else 1)

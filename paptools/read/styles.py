"""The workbook's styles part and theme: each cell style resolved once to a fill RGB, a font colour
and a number format.

A cell names its style by index (`s="3"`); the style names a fill, a font and a number format; a
colour is plain RGB, a theme colour with a tint, or an entry of the indexed palette (the
workbook's own, or Excel's default one). All of that is resolved here once per style, so the
sheet stream hands out plain records. A workbook with no styles part has no fills at all.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import datetime, time, timedelta
from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from paptools.read.package import switched_on
from paptools.read.statuses import apply_tint, family, normalise_rgb

_DRAWING = ("{http://schemas.openxmlformats.org/drawingml/2006/main}",
            "{http://purl.oclc.org/ooxml/drawingml/main}")
# Office 2013+ default theme, in Excel's theme-index order (lt1, dk1, lt2, dk2, accents, links).
_DEFAULT_THEME = ("FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31",
                  "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72")
_THEME_ORDER = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink")
# Excel's default indexed palette (indexes 0-63; 64 and 65 are the system's own colours).
DEFAULT_PALETTE = (
    "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
    "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
    "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
    "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
    "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
    "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
    "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
    "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
)
# The number formats Excel knows by id alone (ECMA-376 18.8.30, en-US).
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
    18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)", 40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)', 42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
_LOCALE_DATE_IDS = set(range(27, 37)) | set(range(50, 59))  # East Asian date formats, shown as dates
_NOT_DATE_PARTS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]', re.I)
_DATE_LETTER = re.compile(r"[dmyhs]", re.I)
WINDOWS_EPOCH, MAC_EPOCH = datetime(1899, 12, 30), datetime(1904, 1, 1)


class CellLook(NamedTuple):
    """What a cell's style means to the reader: its fill, a note if simplified, its number format."""

    fill: str | None = None
    fill_note: str | None = None
    number_format: str = "General"
    is_date: bool = False
    struck: bool = False  # the font strikes the text through: often an action dropped or replaced
    percent: int | None = None  # a percentage format's decimal places ("0%": 0.5 shows as 50%), else None
    font_colour: str | None = None  # the text's colour, None for automatic, black or white: most text says nothing by it
    symbol_font: bool = False  # Wingdings, Webdings, Symbol: a letter shows as a mark ("l" as "●")

    def mark_colour(self, text: str) -> str | None:
        """The font colour of a cell holding a lone mark ("●", "■", "▲", a Wingdings "l"), which some
        plans colour to show a status; None for words, and for a mark in black."""
        return self.font_colour if self.font_colour is not None and is_mark(text, self.symbol_font) else None


class Percent(float):
    """A number Excel shows as a percentage: its text is what the officer sees ("13%" for 0.125
    under "0%", not 0.125), rounded as Excel rounds (halves away from zero)."""

    decimals: int

    def __new__(cls, value: float, decimals: int = 0) -> Percent:
        number = super().__new__(cls, value)
        number.decimals = decimals
        return number

    def shown(self) -> str:
        from decimal import ROUND_HALF_UP, Decimal  # loaded for the first percentage shown

        places = Decimal(1).scaleb(-self.decimals)
        return f"{Decimal(repr(float(self))).scaleb(2).quantize(places, ROUND_HALF_UP)}%"


PLAIN = CellLook()
_SYMBOL_FONTS = ("wingdings", "webdings", "symbol", "marlett")


def is_mark(text: str, symbol_font: bool = False) -> bool:
    """Whether a cell's text is a lone mark, not a word: one to three symbols ("●", "⬤", "▲▲"), or
    a few characters in a symbol font, where "l" shows as "●"."""
    text = text.strip().replace("\ufe0f", "")
    if not text or len(text) > 3:
        return False
    return symbol_font or all(unicodedata.category(char) == "So" or char == "\u2022" for char in text)


def _ink(rgb: str | None) -> str | None:
    """A font colour that could say something: None for black, the near-black greys text is set in
    ("Text 1, lighter 25%", 404040) and white (text on a dark fill)."""
    if rgb is None or family(rgb) == "white":
        return None
    channels = [int(rgb[i:i + 2], 16) for i in (0, 2, 4)]
    return None if max(channels) <= 0x40 and max(channels) - min(channels) <= 0x10 else rgb


def _is_percent(code: str) -> int | None:
    """The decimal places of a number format that shows a percentage (a "%" outside its literal
    text): "0%" 0, "0.0%" 1; None for any other format."""
    first = _NOT_DATE_PARTS.sub("", code.split(";")[0])
    if "%" not in first:
        return None
    _, _, decimals = first.partition(".")
    return sum(1 for char in decimals if char in "0#?")


def is_date_format(code: str) -> bool:
    """Whether a number format shows a date or time (literal text and colours aside)."""
    first = _NOT_DATE_PARTS.sub("", code.split(";")[0])
    return first.lower() != "general" and bool(_DATE_LETTER.search(first))


def shows_day(code: str) -> bool:
    """Whether a date format shows the day ("dd/mm/yyyy"), not the month alone ("mmm-yy"); a code
    not known (an East Asian date by id alone) is taken to show it."""
    first = _NOT_DATE_PARTS.sub("", code.split(";")[0]).lower()
    return first == "general" or "d" in first


@lru_cache(maxsize=4096, typed=True)  # a plan's few dates recur on many rows
def from_excel(value: float, epoch: datetime) -> datetime | time | float:
    """An Excel serial number as the date it shows (1900 leap-year bug included), or itself."""
    try:
        day, fraction = divmod(value, 1)
        moment = timedelta(milliseconds=round(fraction * 86_400_000))
        if 0 <= value < 1 and moment.days == 0:
            return (datetime.min + moment).time()
        if 0 < value < 60 and epoch == WINDOWS_EPOCH:
            day += 1
        return epoch + timedelta(days=day) + moment
    except (OverflowError, ValueError):
        return value


class Styles:
    """The styles part resolved: `look(style)` for cells, `dxf_fill(id)` for conditional formats."""

    def __init__(self, root: etree._Element | None, theme: etree._Element | None, main: str) -> None:
        self.main = main
        self.present = root is not None
        self.theme = theme_colours(theme)
        self.palette = list(DEFAULT_PALETTE)
        self.looks: list[CellLook] = []  # by style index, resolved once
        self._dxf_fills: list[str | None] = []
        if root is None:
            return
        custom = root.find(f"{main}colors/{main}indexedColors")
        if custom is not None:
            colours = [normalise_rgb(item.get("rgb")) for item in custom.iter(main + "rgbColor")]
            self.palette = [(colours[i] if i < len(colours) else None) or default
                            for i, default in enumerate(DEFAULT_PALETTE)]
        formats = dict(BUILTIN_FORMATS)
        for item in root.iterfind(f"{main}numFmts/{main}numFmt"):
            number = _int(item.get("numFmtId"))
            if number is not None:
                formats[number] = item.get("formatCode") or "General"
        fills = [self._fill(item) for item in root.iterfind(f"{main}fills/{main}fill")]
        fonts = [self._font(font) for font in root.iterfind(f"{main}fonts/{main}font")]
        for xf in root.iterfind(f"{main}cellXfs/{main}xf"):
            number, fill, font = _int(xf.get("numFmtId")) or 0, _int(xf.get("fillId")) or 0, _int(xf.get("fontId")) or 0
            code = formats.get(number, "General")
            rgb, note = fills[fill] if 0 <= fill < len(fills) else (None, None)
            struck, colour, symbols = fonts[font] if font < len(fonts) else (False, None, False)
            self.looks.append(CellLook(rgb, note, code, number in _LOCALE_DATE_IDS or is_date_format(code),
                                       struck, _is_percent(code), colour, symbols))
        for dxf in root.iterfind(f"{main}dxfs/{main}dxf"):
            fill = dxf.find(main + "fill")
            self._dxf_fills.append(self.differential_fill(fill) if fill is not None else None)

    def look(self, style: int) -> CellLook | None:
        """The style's resolved look, or None if the workbook has no such style."""
        if 0 <= style < len(self.looks):
            return self.looks[style]
        return PLAIN if style == 0 else None

    def dxf_fill(self, index: int) -> str | None:
        """The fill RGB of a conditional format's differential style."""
        return self._dxf_fills[index] if 0 <= index < len(self._dxf_fills) else None

    def differential_fill(self, fill: etree._Element) -> str | None:
        """A conditional format's fill: Excel paints a solid one with its background colour."""
        pattern = next(iter(fill), None)
        if pattern is None:
            return None
        if etree.QName(pattern).localname == "gradientFill":
            return self._fill(fill)[0]
        colour = pattern.find(self.main + "bgColor")
        if colour is None:
            colour = pattern.find(self.main + "fgColor")
        return self.colour(colour)

    def _font(self, font: etree._Element) -> tuple[bool, str | None, bool]:
        """(struck through, its colour if it could say something, a symbol font)."""
        name = font.find(self.main + "name")
        symbols = name is not None and (name.get("val") or "").strip().lower().startswith(_SYMBOL_FONTS)
        return switched_on(font.find(self.main + "strike")), _ink(self.colour(font.find(self.main + "color"))), symbols

    def _fill(self, fill: etree._Element) -> tuple[str | None, str | None]:
        """(RGB or None for no fill, a message if the fill had to be simplified)."""
        pattern = fill.find(self.main + "patternFill")
        if pattern is not None:
            if (pattern.get("patternType") or "none") == "none":
                return None, None
            return self.colour(pattern.find(self.main + "fgColor")), None
        gradient = fill.find(self.main + "gradientFill")
        stop = gradient.find(self.main + "stop") if gradient is not None else None
        if stop is None:
            return None, None
        return self.colour(stop.find(self.main + "color")), "the cell has a gradient fill; its first colour is used"

    def colour(self, element: etree._Element | None) -> str | None:
        """A colour element (plain RGB, theme with tint, or indexed palette) as RGB."""
        if element is None:
            return None
        if element.get("rgb"):
            return normalise_rgb(element.get("rgb"))
        theme = _int(element.get("theme"))
        if theme is not None:
            if not 0 <= theme < len(self.theme):
                return None
            try:
                tint = float(element.get("tint") or 0)
            except ValueError:
                tint = 0.0
            return apply_tint(self.theme[theme], tint)
        indexed = _int(element.get("indexed"))
        if indexed is not None and 0 <= indexed < min(64, len(self.palette)):
            return normalise_rgb(self.palette[indexed])
        return None  # automatic, or 64/65: the system's own foreground and background


def theme_colours(root: etree._Element | None) -> list[str]:
    """The theme's twelve colours in theme-index order (Office's defaults where missing)."""
    if root is None:
        return list(_DEFAULT_THEME)
    found: dict[str, str | None] = {}
    for ns in _DRAWING:
        scheme = root.find(f".//{ns}clrScheme")
        if scheme is None:
            continue
        for child in scheme:
            srgb, system = child.find(f"{ns}srgbClr"), child.find(f"{ns}sysClr")
            value = srgb.get("val") if srgb is not None else system.get("lastClr") if system is not None else None
            found[etree.QName(child).localname] = normalise_rgb(value)
    return [found.get(name) or default for name, default in zip(_THEME_ORDER, _DEFAULT_THEME)]


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def shown(value: object) -> str:
    """A listed value as the drop-down shows it."""
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value)


def number_value(raw: str) -> int | float | str:
    """A cell's number, or its text if it is not one (a damaged or hand-made file)."""
    try:
        return float(raw) if any(ch in raw for ch in ".eEnN") else int(raw)
    except ValueError:
        return raw


def iso_date(raw: str | None) -> datetime | str | None:
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.rstrip("Z"))
    except ValueError:
        return raw

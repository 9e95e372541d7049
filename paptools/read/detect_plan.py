"""detect_layout: the whole workbook's layout, once every sheet has been looked at.

Per sheet (read/detect.py) it finds the header and columns; here it decides what only the
whole workbook can tell: which tables are views or older copies of another (read/copies.py),
which sheet is an updates log, the status scale (from a key or legend anywhere,
coloured or in words, else the words used in the column), how PAP membership is decided,
whether entries are written oldest or newest first, and the version date.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from paptools.layout import (
    FONT_KIND,
    PERCENT_KIND,
    ROW_FILL,
    Apart,
    Candidate,
    KeyBeside,
    Layout,
    LogSheet,
    Membership,
    Moved,
    StatusSource,
    Table,
    Unused,
    WordMap,
)
from paptools.model import DataWarning
from paptools.read.apart import Register, lengths, outside, register_kind, registers_apart, registers_only
from paptools.read.cells import Book, Sheet
from paptools.read.copies import Held, held_rows, repeats
from paptools.read.detect import find_header, moved_headers, used_words
from paptools.read.generated import GENERATED_PROPERTY, GENERATED_SHEETS, own_style, own_version
from paptools.read.header_map import Header
from paptools.read.keys import KEY_SHEET, KeyBlock, key_beside, key_blocks
from paptools.read.refs import cell_ref
from paptools.read.rows import Row, sheet_rows
from paptools.read.scale import build_scale, sheet_status
from paptools.read.settle import PERCENT_HOWS
from paptools.read.statuses import family
from paptools.read.style import HouseStyle
from paptools.read.text import one_line
from paptools.read.version import (
    COVER_ROWS,
    date_from_cells,
    date_from_custom,
    date_from_name,
    date_from_properties,
    date_from_title,
)
from paptools.read.vocabulary import normalise_word
from paptools.read.xcell import XCell, column_letter, row_of

if TYPE_CHECKING:
    from paptools.read.dates import DateToken

LEFT_OUT = "not among the sheets the house-style file names: not read"
_SUMMARY_SHEET = re.compile(r"\b(?:pivot|charts?|summary|dashboard|overview|figures|kpis?|graphs?)\b", re.I)
_COVER_SHEET = re.compile(r"\b(?:cover|contents|front ?(?:page|sheet)|introduction|intro)\b", re.I)
COVER = "a cover or contents sheet: read for the plan's title and version date, not for actions"
_PAP_VALUE = re.compile(r"\bpap\b|priority action", re.I)
_LINE_DATE = re.compile(r"(?m)^\s*(?:[A-Z]{1,4}\s*[:\-]\s*)?(\S+\s?\S*)")


@dataclass
class _Found:
    """One sheet's table before the workbook-wide decisions."""

    sheet: str
    header: Header
    words: Counter[str]
    fills: int
    held: Held  # its actions' ids, statuses and progress, to tell a view or an older copy of another sheet
    plan_values: Counter[str] = field(default_factory=Counter)
    order: Counter[str] = field(default_factory=Counter)
    dropdown: tuple[tuple[str, ...], str] | None = None  # a drop-down list's values on the status column, and where
    painted: dict[str, str] = field(default_factory=dict)  # word -> fill a conditional format paints it with
    moved: tuple[Moved, ...] = ()  # header rows further down with the columns in another order
    row_fills: Counter[str] = field(default_factory=Counter)  # no status column: the fills of the actions' ref cells
    marks: int = 0  # status cells holding a lone mark in a font colour ("●" in red)


def detect_layout(book: Book, style: HouseStyle | None = None, seen: dict[str, list[Row]] | None = None,
                  text: Callable[[XCell], str] | None = None) -> Layout:
    """Look at every sheet and say where the plan's actions, statuses, progress and date are.

    `seen`, when given, keeps each sheet's rows so that reading them through the layout
    (read_through) need not stream the sheet a second time. `text` gives a cell's text (see
    sheet_rows).
    """
    generated = GENERATED_PROPERTY in book.custom_properties
    house = own_style(style if style is not None else HouseStyle(), book.custom_values)
    found: list[_Found] = []
    logs: list[LogSheet] = []
    keys: list[KeyBlock] = []
    besides: list[tuple[KeyBlock, KeyBeside]] = []  # Keys beside a table: read before the others
    unused: list[Unused] = []
    warnings: list[DataWarning] = []
    candidates: list[Candidate] = []
    tops: list[tuple[str, str, object, object]] = []  # cells that may state the version's date
    in_tables: list[tuple[str, str, object, object]] = []  # under a table's header: its rows' own dates
    apart: list[Apart] = []  # tables that are not of actions (a risk log), kept apart
    registers: list[Register] = []  # sheets whose table is a register: kept apart if another's is of actions
    for sheet in book.sheets:
        if generated and sheet.title in GENERATED_SHEETS:
            continue
        if house.sheets and sheet.title not in house.sheets:
            unused.append(Unused(sheet.title, None, LEFT_OUT))
            continue
        rows = sheet_rows(book, sheet, text)
        if seen is not None:
            seen[sheet.title] = rows
        if not rows:
            continue
        keys.extend(sheet_keys := key_blocks(sheet.title, rows))
        header, near = find_header(sheet, rows, house.columns, house.header_rows.get(sheet.title), house.only_columns)
        for row in rows[:COVER_ROWS]:
            for n, cell in enumerate(row.cells):
                beside = row.cells[n + 1].value if n + 1 < len(row.cells) else None
                (in_tables if _in_table(header, row.number, n) else tops).append(
                    (sheet.title, cell.coordinate, cell.value, beside))
        if header is None:
            candidates.extend(near)
            if _SUMMARY_SHEET.search(sheet.title):
                unused.append(Unused(sheet.title, None, "a summary, pivot or chart sheet: skipped (the figures are "
                                                        "counted from the actions themselves)"))
            elif _COVER_SHEET.search(sheet.title):
                unused.append(Unused(sheet.title, None, COVER))
            elif not KEY_SHEET.search(sheet.title):
                unused.append(Unused(sheet.title, None, "no header row: not read as actions"))
            continue
        stated = sheet.title in house.sheets or sheet.title in house.header_rows  # read as the house style says
        kind = None if stated else register_kind(header.headers)  # a risk log: kept apart beside a plan's actions
        before = lengths(found, warnings, unused, besides, apart)
        warnings.extend(header.warnings)
        if header.is_log:
            logs.append(header.log_sheet(sheet.title))
            warnings.extend(_log_unread(logs[-1], header))
            continue
        if (beside := key_beside(sheet.title, rows, header)) is not None:
            besides.append(beside)
            first, last = beside[1].columns
            header.extra = [(i, h) for i, h in header.extra if not first <= i <= last]
        moved, apart_here, moved_warnings = moved_headers(sheet.title, rows, header, house.columns,
                                                          [row_of(key.first) for key in sheet_keys])
        warnings.extend(moved_warnings)
        apart.extend(apart_here)
        read = outside(rows, apart_here) if apart_here else rows  # a risk log's rows: none of them an action's
        words, fills, marks = used_words(read, header, book, moved)
        own = [row for row in read if row.number < moved[0].row] if moved else read  # read through the header's columns
        found.append(_Found(sheet.title, header, words, fills, held_rows(sheet.title, sheet.state != "visible", own, header),
                            _values(own, header, "plan"), _order(own, header), _dropdown(book, sheet, header),
                            _painted(book, sheet, header), tuple(moved), _row_fills(own, header), marks))
        unused.extend(_dated_extras(sheet.title, own, header))
        if kind is not None and registers_only(moved):  # else a table of actions is under it: read as it is
            after = lengths(found, warnings, unused, besides, apart)
            registers.append(Register(sheet.title, kind, rows, header, before, after))
    if registers and len(registers) < len(found):  # beside a table of actions, a register is not the plan's
        registers_apart(registers, found, warnings, unused, besides, apart)
    tables = _tables(found, [*(block for block, _ in besides), *keys], house, unused, warnings)
    if all(t.field("status") is not None or t.sheet_status is not None for t in tables):
        warnings.extend(DataWarning(log.sheet, f"{column_letter(log.status + 1)}{log.header_row}",
                                    "this updates log's status column is not read: each action's status is read "
                                    "from its own row") for log in logs if log.status is not None)
    order = sum((f.order for f in found), Counter())
    # A cleaned workbook's own statement of its plan's version date comes first: its Summary's
    # "as of" date is the day overdue was judged at, and its file's dates are when it was written.
    stated_own = own_version(book.custom_values)
    version: tuple[date | None, str | None] | None = stated_own if stated_own is not None else (
        house.version_date([*tops, *in_tables]) or date_from_cells(tops) or date_from_custom(book.custom_values)
        or date_from_title(tops) or date_from_name(book.path) or date_from_properties(book.properties))
    return Layout(
        tables=tables, logs=tuple(logs),
        entry_order=house.entry_order or ("newest first" if order["newest"] > order["oldest"] else "oldest first"),
        membership=_membership(found, house), version_date=version[0] if version else None,
        version_date_source=version[1] if version else None, unused=tuple(unused),
        candidates=tuple(candidates), style_file=house.path, warnings=tuple(warnings),
        key_cells=tuple((k.sheet, k.first, k.last) for k in keys), quarters=house.quarters,
        keys_beside=tuple(area for _, area in besides), apart=tuple(apart),
    )


def _in_table(header: Header | None, row: int, column: int) -> bool:
    """A cell under a header cell of a table: an action's text, whose dates ("Date: 13/01/25" heading
    an entry) are its own, never the version's."""
    return header is not None and row > header.rows[-1] and column in header.headers


def _tables(found: list[_Found], keys: list[KeyBlock], house: HouseStyle, unused: list[Unused],
            warnings: list[DataWarning]) -> tuple[Table, ...]:
    tables = []
    views, older, said = repeats([item.held for item in found])
    warnings.extend(said)
    for item in found:
        view_of = views.get(item.sheet) or older.get(item.sheet)
        if item.sheet in views:
            unused.append(Unused(item.sheet, None, f"repeats rows of sheet {view_of} (same ids and text): a view, "
                                                   "not counted twice"))
        elif item.sheet in older:
            unused.append(Unused(item.sheet, None, f"an older copy of sheet {view_of} (the same actions, other "
                                                   "statuses or progress): not counted"))
        status = _status_source(item, keys, house)
        header = item.header
        tables.append(Table(
            sheet=item.sheet, header_rows=header.rows, columns=tuple(header.columns), extra=tuple(header.extra),
            periods=tuple(header.periods), status=status,
            sheet_status=sheet_status(item.sheet), view_of=view_of, older_copy=item.sheet in older, moved=item.moved,
            earlier_status=tuple((i, " ".join(header.headers[i].split())) for i in header.earlier_status),
            beside=header.beside,
        ))
    return tuple(tables)


def _status_source(item: _Found, keys: list[KeyBlock], house: HouseStyle) -> StatusSource:
    """The scale a table's statuses are read with, and where the scale came from."""
    column = item.header.index("status")
    letter = column_letter(column + 1) if column is not None else None
    if any(c.field == "status" and c.how.startswith(PERCENT_HOWS) for c in item.header.columns):  # "% complete": figures, no words
        return StatusSource(PERCENT_KIND, letter, (), f"the figures in column {letter}")
    used = {normalise_word(w) for w in item.words}
    key = next((k for k in keys if not used or used & {normalise_word(w) for w in k.words}), None)
    kind = "none" if column is None else ("text" if sum(item.words.values()) >= item.fills else "fill")
    if column is not None and item.words and item.fills:
        kind = "text and fill"
    if column is not None and item.marks:  # "●" in red: read by its font colour through the Key
        kind = f"{kind} and {FONT_KIND}" if item.words or item.fills else FONT_KIND
    if column is None and sheet_status(item.sheet) is not None:
        kind = "sheet name"
    elif column is None and key is not None and _filled_by_key(item.row_fills, key):
        kind, ref = ROW_FILL, item.header.index("ref")
        letter = column_letter((ref or 0) + 1)
    if item.painted:
        kind += " (coloured by conditional formatting)"
    if key is not None:
        source = f"sheet {key.sheet} {key.first}:{key.last}"
    elif item.dropdown is not None:
        source = f"drop-down list on {item.sheet}!{item.dropdown[1]}"
    elif house.statuses:
        source = "house-style file"
    elif item.words:
        source = f"words used in column {letter}"
    else:
        source = "paptools' five statuses"
    declared = key.words if key else dict.fromkeys(item.dropdown[0] if item.dropdown else ())
    declared = {word: colour or item.painted.get(normalise_word(word)) for word, colour in declared.items()}
    scale = build_scale(item.words, declared, house.statuses, key.meanings if key else None,
                        key.described if key else None)
    return StatusSource(kind, letter, scale, source, _row_colours(item.row_fills) if kind == "none" else ())


def _row_colours(fills: Counter[str]) -> tuple[str, ...]:
    """The colour families of action rows coloured in two or more status colours, most of them coloured."""
    families = Counter({rgb: n for rgb, n in fills.items() if family(rgb) in ("blue", "green", "amber", "red")})
    if sum(families.values()) * 2 <= sum(fills.values()):
        return ()
    named = tuple(dict.fromkeys(family(rgb) for rgb, _ in families.most_common()))
    return named if len(named) >= 2 else ()


def _row_fills(rows: list[Row], header: Header) -> Counter[str]:
    """With no status column, the fill of each action's ref cell: some plans colour the row instead."""
    fills: Counter[str] = Counter()
    ref = header.index("ref")
    if header.index("status") is not None or ref is None:
        return fills
    leading = ref == header.index("action")
    for row in rows:
        if row.number > header.rows[-1] and ref < len(row.texts) and cell_ref(row.texts[ref], leading):
            fills[row.cells[ref].fill or "FFFFFF"] += 1
    return fills


def _filled_by_key(fills: Counter[str], key: KeyBlock) -> bool:
    """Rows coloured in the Key's own colours, most of them: banded rows or a highlight are not."""
    colours = {colour for colour in key.words.values() if colour}
    matched = sum(n for rgb, n in fills.items() if rgb in colours)
    return len(colours) >= 2 and matched * 2 > sum(fills.values()) and len(set(fills) & colours) >= 2


def _dropdown(book: Book, sheet: Sheet, header: Header) -> tuple[tuple[str, ...], str] | None:
    """The drop-down list that gives the status column its words, if it has one."""
    column = header.index("status")
    if column is None:
        return None
    first = f"{column_letter(column + 1)}{header.rows[-1] + 1}"
    for rule in book.validations(sheet):
        if rule.kind == "list" and rule.values and rule.covers(first):
            return tuple(rule.values), " ".join(rule.ranges)
    return None


def _painted(book: Book, sheet: Sheet, header: Header) -> dict[str, str]:
    """Words a conditional format colours in the status column ('Green' painted green), by normalised word."""
    column = header.index("status")
    if column is None:
        return {}
    first = f"{column_letter(column + 1)}{header.rows[-1] + 1}"
    painted: dict[str, str] = {}
    for rule in book.conditional_formats(sheet):
        if not rule.fill or not rule.covers(first):
            continue
        word = rule.text or (rule.formulas[0].strip('"') if rule.kind == "cellIs" and rule.formulas else None)
        if word:
            painted.setdefault(normalise_word(word), rule.fill)
    return painted


def _log_unread(log: LogSheet, header: Header) -> list[DataWarning]:
    """A warning for each column of an updates log that is none of ref, date, author, text and status."""
    used = {log.ref, log.text, log.date, log.author, log.status}
    return [DataWarning(log.sheet, f"{column_letter(i + 1)}{log.header_row}",
                        f"column {column_letter(i + 1)} '{one_line(h, 40)}' of this updates log is not read: only "
                        "each update's ref, date, author, text and status are")
            for i, h in sorted(header.headers.items()) if i not in used and h.strip()]


def _values(rows: list[Row], header: Header, name: str) -> Counter[str]:
    index = header.index(name)
    values: Counter[str] = Counter()
    if index is None:
        return values
    for row in rows:
        if row.number > header.rows[-1] and index < len(row.texts) and row.texts[index]:
            values[row.texts[index].strip()] += 1
    return values


def _order(rows: list[Row], header: Header) -> Counter[str]:
    """How many progress cells (and cells of earlier or a partner's updates) run oldest-first and how many
    newest-first, by their line-start dates (after a short label: "Update 14.01.25 –")."""
    progress = header.index("progress")
    columns = [*([progress] if progress is not None else []), *(p.index for p in header.periods if p.beside)]
    counts: Counter[str] = Counter()
    for row in rows:
        if row.number <= header.rows[-1]:
            continue
        for index in columns:
            if index >= len(row.texts):
                continue
            dates = [token.date.sort_key() for line in row.texts[index].split("\n")
                     if (token := _line_date(line.strip())) is not None]
            if len(dates) >= 2 and dates != sorted(dates) and dates == sorted(dates, reverse=True):
                counts["newest"] += 1
            elif len(dates) >= 2 and dates == sorted(dates):
                counts["oldest"] += 1
    return counts


# A word or two before a line's date, as headings are written: "Update 14.01.25 –", "As at
# 31/12/24:", "[Jan 2025]", "Week commencing 4 Nov 2024 -".
_LABEL_FIRST = re.compile(r"[\[(]?(?:[A-Za-z]+[ \t]+){0,2}[A-Za-z]+:?[ \t]+|[\[(]")


def _line_date(line: str) -> DateToken | None:
    """The date a line opens with, or the one after a short label that opens it."""
    from paptools.read.dates import date_at

    found = date_at(line, 0)
    if found is None and (label := _LABEL_FIRST.match(line)) is not None:
        found = date_at(line, label.end())
    return found


def _dated_extras(sheet: str, rows: list[Row], header: Header) -> list[Unused]:
    """Extra columns holding dated text: possibly progress the reader does not use, said so."""
    from paptools.read.dates import date_at

    out = []
    for index, text in header.extra:
        dated = sum(1 for row in rows if row.number > header.rows[-1] and index < len(row.texts)
                    and len(row.texts[index]) > 20 and date_at(row.texts[index].strip(), 0) is not None)
        if dated:
            out.append(Unused(sheet, f"{column_letter(index + 1)}{header.rows[-1]}",
                              f"column '{one_line(text, 40)}' holds dated text in {dated} row(s) but is not read as "
                              "progress (kept as an extra column; name it in paptools.toml to read it as progress)"))
    return out


def _membership(found: list[_Found], house: HouseStyle) -> Membership:
    """A Plan/Source column whose values name the PAP, else the ref prefix."""
    if house.membership is not None:
        return house.membership
    for item in found:
        column = next((c for c in item.header.columns if c.field == "plan"), None)
        if column is None:
            continue
        pap = tuple(v for v in item.plan_values if _PAP_VALUE.search(v))
        if pap:
            return Membership("column", column.header, pap)
    return Membership("ref prefix")


def scale_line(word: WordMap) -> str:
    """'Some slippage' -> Vulnerable (means behind schedule), as inspect shows it."""
    target = str(word.status) if word.status is not None else "no status"
    return f"'{word.word}' -> {target} ({word.reason})"

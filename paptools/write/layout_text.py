"""The detected layout as text for the terminal and as plain data for JSON (`paptools inspect`).

An officer checks in a minute how the plan was read: sheets, header rows, which column gave
each field, where the statuses and progress came from and the scale of status words with what
each counts as, the version date and its source, and everything seen but not read.
"""
from __future__ import annotations

import dataclasses
import enum
import textwrap
from datetime import date

from paptools.content.words import counted
from paptools.layout import FONT_KIND, Apart, Layout, Moved, Table
from paptools.model import Plan
from paptools.read.text import one_line  # a header, a status word or a name on one line


def render_layout(name: str, layout: Layout, plan: Plan | None) -> str:
    """The layout as lines an officer can check against the workbook."""
    lines = [f"How {name} is read"]
    if layout.style_file:
        lines.append(f"  House style: {layout.style_file}")
    when = layout.version_date.strftime("%d %B %Y").lstrip("0") if layout.version_date else "not known"
    lines.append(f"  Version date: {when}" + (f" (from {layout.version_date_source})"
                                               if layout.version_date_source else ""))
    membership = layout.membership
    if membership.kind == "column":
        lines.append(f"  PAP actions: those whose '{one_line(membership.column or '')}' is " + " or ".join(
            f"'{one_line(v)}'" for v in membership.pap_values))
    else:
        lines.append("  PAP actions: those whose ref starts PAP, PA, P or Priority (every action, if no ref has a prefix)")
    lines.append(f"  Progress entries are written {layout.entry_order}")
    if layout.quarters:
        lines.append(f"  Quarters in timescales are of the {layout.quarters} (Q1 April to June; from the house-style file)")
    for table in layout.tables:
        lines += ["", *_table_lines(table, layout, plan)]
    for apart in layout.apart:
        if apart.on_its_own:
            lines += ["", *_apart_lines(apart, f"Sheet {apart.sheet}: ", f", header row {apart.header_row}:", "  ")]
    for log in layout.logs:
        letter = _letter
        lines += ["", f"Sheet {log.sheet}: updates log, header row {log.header_row}, one row per update",
                  f"  Ref    <- column {letter(log.ref)}", f"  Text   <- column {letter(log.text)}"]
        if log.date is not None:
            lines.append(f"  Date   <- column {letter(log.date)}")
        if log.dated is not None:
            lines.append(f"  Date   <- the sheet's title, {log.dated.label()}, for an update that gives none")
        elif log.date is None:
            lines.append("  Date   <- none: each update is dated by its own text")
        if log.author is not None:
            lines.append(f"  Author <- column {letter(log.author)}")
        if log.status is not None:
            lines.append(f"  Status <- column {letter(log.status)}, for an action with no status column of its own")
    if not layout.tables and layout.candidates:
        lines += ["", "No header row found. The closest rows:"]
        for c in layout.candidates:
            lines.append(f"  {c.sheet} row {c.row}: " + ", ".join(f"'{one_line(h)}'" for h in c.headers[:10]))
            lines.append(f"    recognised {', '.join(c.found) or 'nothing'}; lacks {' and '.join(c.missing)}")
    if layout.unused:
        lines += ["", "Not read"]
        lines += [f"  {u.sheet}{'!' + u.cell if u.cell else ''}: {one_line(u.what)}" for u in layout.unused]
    if plan is not None:
        pap = len(plan.pap_actions)
        lines += ["", f"{counted(len(plan.actions), 'action')} read ({pap} PAP), {counted(len(plan.warnings), 'warning')}"]
    return "\n".join(lines) + "\n"


def _letter(index: int) -> str:
    from paptools.read.xcell import column_letter

    return column_letter(index + 1)


def _table_lines(table: Table, layout: Layout, plan: Plan | None) -> list[str]:
    from paptools.read.headers import FIELD_LABELS

    rows = ", ".join(str(r) for r in table.header_rows)
    count = sum(1 for a in plan.actions if a.sheet == table.sheet) if plan is not None else 0
    head = f"Sheet {table.sheet}: actions, header row{'s' if len(table.header_rows) > 1 else ''} {rows}"
    if table.view_of and table.older_copy:
        return [f"Sheet {table.sheet}: an older copy of sheet {table.view_of} (other statuses or progress); not counted"]
    if table.view_of:
        return [f"Sheet {table.sheet}: repeats the rows of sheet {table.view_of}; not counted twice"]
    lines = [head + (f", {counted(count, 'action')}" if plan is not None else "")]
    for column in table.columns:
        label = FIELD_LABELS.get(column.field, column.field)
        how = "" if column.score == 100 or column.field == "stage" else f" ({column.how}, {column.score}%)"
        too = " too: its names are owners as well" if column.field == "co_owner" else ""  # a partner's lead
        lines.append(f"  {label:<16} <- column {column.letter} '{one_line(column.header)}'{too}{how}")
        if column.field == "stage":
            lines.append(f"  {'':<16}    {column.how}")
        if column.field == "status" and table.earlier_status:
            lines.append(f"  {'':<16}    a blank cell takes the action's latest earlier rating, from column"
                         f"{'s' if len(table.earlier_status) > 1 else ''} "
                         + ", ".join(_letter(i) for i, _ in table.earlier_status) + " (reported)")
        if column.field == "progress":
            dated = table.field("entry_date")
            lines.append(f"  {'':<16}    " + (
                f"one update a row, dated by column {dated.letter}; rows under an action add to it" if dated else "one growing cell of dated entries per action"))
            lines += [f"  {'':<16}    {note.text} ({note.cell})" for note in (plan.notes if plan is not None else ())
                      if note.kind == "updates" and note.sheet == table.sheet]  # read/update_rows.py
    periods = [period for period in table.periods if period.beside is None]
    if periods:
        first, last = periods[0].letter, periods[-1].letter
        lines.append(f"  {'Progress':<16} <- columns {first}:{last}, one per period:")
        for period in periods:
            when = "the starting position" if period.baseline else (
                period.date.label() if period.date else "no date")
            lines.append(f"       {period.letter} '{one_line(period.header)}' -> {when}")
    for period in table.periods:
        if period.beside is not None:
            whose = "earlier updates" if period.earlier else "a partner's updates"
            order = ", in date order with the others" if period.partner else ""
            lines.append(f"  {'Progress':<16} <- column {period.letter} '{one_line(period.header)}' too: {whose}, "
                         f"each dated by its own text{order}")
    if table.field("progress") is None and not table.periods and not layout.logs:
        lines.append("  Progress         <- none found: actions are read without progress")
    status = table.status
    where = f"column {status.column} {status.kind}" if status.column else status.kind
    if not status.column and (logged := [log for log in layout.logs if log.status is not None]):
        where = f"the status beside each action's latest update in sheet {logged[0].sheet}"
    if table.sheet_status is not None:
        where += f"; rows with no status are {table.sheet_status} (the sheet's name)"
    if status.by_percent:
        lines.append(f"  {'Status':<16} <- {where}: 100% -> Complete, 0% -> Not yet started, a figure between -> no "
                     "status (it says how much is done, not whether it is on track or at risk; reported)")
    elif status.kind == "none" and where == "none" and not status.vocabulary:
        lines.append(f"  {'Status':<16} <- none: no RA, RAG or Status column, so every status is unknown (reported; "
                     "name the status column in paptools.toml if it is headed otherwise)")
    else:
        lines.append(f"  {'Status':<16} <- {where}, scale from {status.vocabulary_source}:")
    if not status.vocabulary and "fill" in status.kind:  # no Key: the colours' usual meanings
        from paptools.read.statuses import DEFAULT_FAMILIES

        lines.append("       colours, as there is no Key: " + ", ".join(
            f"{family}{' or none' if family == 'white' else ''} -> {meaning}" for family, meaning in DEFAULT_FAMILIES.items()))
    if FONT_KIND in status.kind and not any(word.colour for word in status.vocabulary):  # marks are read only by a Key
        lines.append("       font colours, as there is no Key: not read (each such status unknown, reported)")
    for word in status.vocabulary:
        target = str(word.status) if word.status is not None else "no status (reported)"
        used = f", used {word.count}x" if word.count else ""
        colour = f", colour {word.colour}" if word.colour else ""
        lines.append(f"       '{one_line(word.word)}' -> {target} ({word.reason}{colour}{used})")
    if table.extra:
        lines.append("  Kept as extra columns: " + ", ".join(f"{_letter(i)} '{one_line(h)}'" for i, h in table.extra))
    for note in (plan.notes if plan is not None else ()):
        if note.kind == "rows" and note.sheet == table.sheet:  # actions of several rows, read/continued.py
            for n, paragraph in enumerate(note.text.split("\n")):
                lines += textwrap.wrap(paragraph, 110, initial_indent="    " if n else "  ", subsequent_indent="    ")
    below = [(a.header_row, _apart_lines(a, f"  From row {a.header_row}, ", ":", "    "))
             for a in layout.apart if a.sheet == table.sheet and not a.on_its_own]
    for moved in table.moved:
        more = [f"  From row {moved.row}, a second header with the columns in another order:"]
        more += [f"    {FIELD_LABELS.get(c.field, c.field):<14} <- column {c.letter} '{one_line(c.header)}'" for c in moved.columns]
        more += _moved_status(moved, table, layout)
        if moved.extra:
            more.append("    Kept as extra columns: " + ", ".join(f"{_letter(i)} '{one_line(h)}'" for i, h in moved.extra))
        below.append((moved.row, more))
    return lines + [line for _, more in sorted(below, key=lambda item: item[0]) for line in more]


def _moved_status(moved: Moved, table: Table, layout: Layout) -> list[str]:
    """Where a second header's statuses come from when it has no status column, or rows with none
    take one from the heading above it ("Completed actions")."""
    column = next((c for c in moved.columns if c.field == "status"), None)
    if moved.status is not None and moved.heading is not None:
        heading = f"the heading {moved.heading[0]} '{moved.heading[1]}'"
        return [f"    {'Status':<14} <- " + (f"column {column.letter}; rows with no status are {moved.status} ({heading})"
                                            if column else f"{heading}: its actions are {moved.status}")]
    if column is None and not layout.status_elsewhere(table):
        return [f"    {'Status':<14} <- none: every status under this header is unknown (reported)"]
    return []


def _apart_lines(apart: Apart, lead: str, then: str, indent: str) -> list[str]:
    """A table that is not of actions (a risk log) in one line, then its header row."""
    count = f"its 1 row, to row {apart.rows[1]}, is" if apart.count == 1 else \
        f"its {apart.count:,} rows, to row {apart.rows[1]}, are"
    return [f"{lead}{apart.kind}, not a table of actions{then} {count} not counted",
            f"{indent}Header: " + " | ".join(f"'{one_line(h)}'" for h in apart.headers)]


def plain(value: object) -> object:
    """The layout as JSON-ready data: records as objects, dates as ISO text, statuses as words."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Table):
            out["header_row"] = value.header_row
        return out
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return value

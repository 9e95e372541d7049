"""Workbook -> Plan in two steps: detect the layout, then read the cells through it.

`detect_layout` (read/detect_plan.py) says where the actions, statuses, progress and the
version date are; `read_through` walks the rows through that layout (read/walk.py), merges
every source of progress into one list of entries per action (read/progress.py), reads each
status in the plan's own words, and builds the Plan. Whatever cannot be interpreted for
certain becomes a DataWarning with its sheet and cell; nothing is dropped silently.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from paptools.errors import NoActions
from paptools.layout import Layout, Table
from paptools.model import Action, DataWarning, Entry, EntryDate, EntryOrder, Plan, Status
from paptools.read.action_due import DueReader
from paptools.read.action_row import EXCEL_CELL_LIMIT, RawAction, SheetRead
from paptools.read.action_status import StatusReader
from paptools.read.cells import Book, open_book
from paptools.read.context import area_label
from paptools.read.detect import NO_ID
from paptools.read.detect_plan import detect_layout
from paptools.read.generated import GENERATED_PROPERTY
from paptools.read.inputs import display_name
from paptools.read.people import People, split_owners
from paptools.read.progress import (
    CellMemo,
    by_date,
    cell_entries,
    date_entry,
    log_entries,
    period_entries,
    period_text,
    row_entries,
)
from paptools.read.readings_said import ReadingsSaid, Warn
from paptools.read.refs import (
    Ref,
    RefCandidate,
    parse_ref,
    refs_within_areas,
    repeated_ref,
    resolve_numeric_refs,
    restart_per_sheet,
)
from paptools.read.rows import Row
from paptools.read.split_early import EarlySplits
from paptools.read.statuses import WHITE, ColourKey
from paptools.read.style import HouseStyle, find_style
from paptools.read.text import one_line
from paptools.read.timescales import timescale_warnings
from paptools.read.version import stated
from paptools.read.vocabulary import normalise_word
from paptools.read.walk import Walker
from paptools.read.xcell import XCell, row_of

__all__ = ["EXCEL_CELL_LIMIT", "GENERATED_PROPERTY", "read_plan", "read_through", "read_workbook"]


def read_plan(path: str | Path, progress: Callable[[int, int], None] | None = None,
              style: str | Path | HouseStyle | None = None, workers: int = 1,
              early: EarlySplits | None = None) -> Plan:
    """Read one version of the plan. Raises a PapError only when no actions can be read.

    `progress(rows_read, rows_in_sheet)` is called now and then on large sheets. `style` is a
    house-style file (or one already loaded); without it, paptools.toml beside the workbook is used.
    `workers=2` splits the Progress cells on two processes (read/split_early.py): the same plan,
    sooner; `early` is that second process when it was started on `path` already.
    """
    return read_workbook(Path(path), progress, style, None, workers=workers, early=early)


def read_workbook(path: Path, progress: Callable[[int, int], None] | None, style: str | Path | HouseStyle | None,
                  text: Callable[[XCell], str] | None, memo: CellMemo | None = None,
                  detected: Callable[[], None] | None = None, workers: int = 1,
                  early: EarlySplits | None = None) -> Plan:
    """read_plan's work, with the hooks read/versions.py uses: `text` makes a cell's clean text,
    `memo` keeps Progress cells for the next version, `detected()` is called once the layout is
    found, when `text` is no longer used. A memo's first version is split on two processes as a
    single plan is, each split with what the next version is read on from."""
    if early is None and workers > 1 and (memo is None or memo.first):  # at once: see read/split_early.py
        early = EarlySplits.open(path, grown=memo is not None)
    try:
        house = style if isinstance(style, HouseStyle) else find_style(path, Path(style) if style else None)
        book = open_book(path)
        try:
            seen: dict[str, list[Row]] = {}
            layout = detect_layout(book, house, seen, text)
            if detected is not None:
                detected()
            return read_through(book, layout, progress, house, seen, memo, early)
        finally:
            book.close()
    finally:  # the child stopped, however the read ended
        if early is not None:
            early.finish()


def read_through(book: Book, layout: Layout, progress: Callable[[int, int], None] | None = None,
                 style: HouseStyle | None = None, seen: dict[str, list[Row]] | None = None,
                 memo: CellMemo | None = None, early: EarlySplits | None = None) -> Plan:
    """Read the workbook's cells through a detected (or stated) layout into a Plan.

    `seen` holds the rows detect_layout kept, so no sheet is streamed twice; each sheet's rows
    are taken out of it once walked, so the cells are not held while the entries are built.
    `memo` holds the Progress cells' entries of the version read before (read/versions.py Versions);
    `early` is the child splitting the Progress cells since the workbook was opened (read/split_early.py).
    """
    walker = Walker(book, layout, seen)
    walker.read(GENERATED_PROPERTY in book.custom_properties, progress)
    if not walker.any_text:
        raise NoActions(book.path, "has no text on any sheet: check it is the right file, saved after editing")
    if not layout.tables:
        raise NoActions(book.path, refusal(layout))
    return _Assembler(book, layout, walker, style or HouseStyle(), memo).plan(early)


def refusal(layout: Layout) -> str:
    """Why no table was found: the closest rows, what they had and lacked, and what to do."""
    message = ("has no header row with a Ref column on any sheet: check it is the action plan "
               "(a header row naming Ref, Action, Owner, Progress ...)")
    closest = [
        f"sheet {c.sheet} row {c.row} has " + ", ".join(f"'{h}'" for h in c.headers[:8])
        + (f" (read as {', '.join(c.found)})" if c.found else "") + f" but lacks {' and '.join(c.missing)}"
        for c in layout.candidates
    ]
    if closest:
        message += "; closest: " + "; ".join(closest)
    if layout.candidates and all(c.missing == (NO_ID,) for c in layout.candidates):  # a tracker with no ids
        return message + ("; paptools follows each action from one version to the next by its ref, so add a Ref "
                          "column numbering the actions (1.1, 1.2 ...), or, if another column holds the refs, "
                          "name it in a paptools.toml house-style file (see the README)")
    return message + ("; run 'paptools inspect' on it to see what was found, and name the columns in a "
                      "paptools.toml house-style file (see the README)")


class _Assembler:
    """Raw actions -> Actions: refs settled, statuses read in the plan's words, entries merged."""

    def __init__(self, book: Book, layout: Layout, walker: Walker, style: HouseStyle, memo: CellMemo | None):
        self.book, self.layout, self.walker, self.style, self.memo = book, layout, walker, style, memo
        self.warnings = walker.warnings
        self.tables = {t.sheet: t for t in layout.tables}
        self.early: EarlySplits | None = None  # a single plan's Progress cells split by a second process

    def warn(self, sheet: str | None, cell: str | None, message: str, value: str | None = None) -> None:
        self.warnings.append(DataWarning(sheet, cell, message, value))

    def plan(self, early: EarlySplits | None = None) -> Plan:
        walker = self.walker
        key = self._colour_key()
        all_raw = [raw for sheet in walker.sheets for raw in sheet.actions]
        if early is not None:  # its child has been splitting since the workbook was opened
            early.order = EntryOrder(self.layout.entry_order)
            if self.memo is not None:
                self.memo.split_ahead(early.get_grown)
            else:
                self.early = early
        if sum(1 for sheet in walker.sheets if sheet.actions) > 1:  # several action sheets: each a section
            for raw in all_raw:
                raw.section = raw.section or raw.sheet
        for sheet in walker.sheets:
            resolved = resolve_numeric_refs([raw.ref for raw in sheet.actions])
            for raw, (text, message) in zip(sheet.actions, resolved):
                raw.ref = RefCandidate(text)
                if message:
                    self.warn(raw.sheet, raw.ref_cell, message)
        if not all_raw:
            raise NoActions(self.book.path, _no_actions(walker.unread_refs))
        if whole := refs_within_areas([raw.ref.text for raw in all_raw], [raw.area or "" for raw in all_raw],
                                      [raw.ref_sheet or raw.sheet for raw in all_raw]):
            for raw, ref_text in zip(all_raw, whole):
                raw.ref = RefCandidate(ref_text)
            self.warn(all_raw[0].sheet, None, "each priority area numbers its actions afresh: each action is known by "
                      f"its area's number and its own, as '{whole[0]}'")
        parsed = [parse_ref(raw.ref.text) for raw in all_raw]  # each ref parsed once, here, as written
        # "1" above its "1.1" and "1.2": the action heading priority area 1 is in it, as they are
        parents = {(p.prefix, p.parts[0]) for p in parsed if p is not None and len(p.parts) > 1}
        self._by_sheet([s for s in walker.sheets if s.actions and self.tables[s.name].sheet_status is None], all_raw)
        logged, log_statuses = log_entries(self.book, self.layout.logs, {r.ref.text for r in all_raw}, self.warn)
        member = self._membership(all_raw, parsed)
        split: dict[str, tuple[str, ...]] = {}  # an Owner cell's text, split once: many actions share it

        def owners_of(raw: RawAction) -> tuple[str, ...]:
            text, partner = raw.fields.get("owner", ""), raw.fields.get("co_owner", "")
            owners = split.get(text) or split.setdefault(text, split_owners(text))
            return tuple(dict.fromkeys((*owners, *split_owners(partner)))) if partner else owners  # a partner's lead too
        owner_lists = [owners_of(raw) for raw in all_raw]
        people = People(owner_lists)
        text_mode = {s.name: s.text_statuses > s.fill_statuses for s in walker.sheets}
        statuses = StatusReader(key, self.warn, log_statuses)
        readings = ReadingsSaid(self.warn)
        dues = DueReader(self.book, self.layout.quarters == "financial year", self.warn)
        actions: list[Action] = []
        first_place: dict[str, str] = {}
        uses: dict[str, int] = {}
        unread: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (sheet, timescale problem) -> its cells and refs
        for raw, owners, ref in zip(all_raw, owner_lists, parsed):
            table = self.tables[raw.sheet]
            known_as = raw.ref.text
            uses[raw.ref.text] = uses.get(raw.ref.text, 0) + 1
            if raw.ref.text in first_place:  # each action stays its own in every comparison and output
                known_as = repeated_ref(raw.ref.text, uses[raw.ref.text])
                self.warn(raw.sheet, raw.ref_cell, f"ref {raw.ref.text} is used twice (also at "
                          f"{first_place[raw.ref.text]}); both actions are kept, this one as '{known_as}' in what "
                          "paptools writes: give it a ref of its own")
            first_place.setdefault(raw.ref.text, f"{raw.sheet}!{raw.ref_cell}")
            timescale, problem = dues.row(raw.sheet, raw.timescale_value, raw.timescale_cell, raw.due_values)
            if raw.row_dues:  # an action of several rows, each with its own due (a milestone's): due at the latest
                timescale, problem = dues.latest(raw, timescale, problem)
            if problem and raw.timescale_cell:
                unread.setdefault((raw.sheet, problem), []).append((raw.timescale_cell, raw.ref.text))
            elif raw.timescale_cell and not timescale.text:
                self.warn(raw.sheet, raw.timescale_cell, f"{raw.ref.text} has no timescale")
            progress, entries = self._entries(raw, table, logged.pop(raw.ref.text, []), people, owners,  # to the first of a ref
                                              readings.warn_for(raw.ref.text))
            read = statuses.read(raw, table, text_mode.get(raw.sheet, False))
            area = (area_label(raw.area) if raw.area and raw.area.isdigit() else raw.area) or (  # a Priority column: "2"
                area_label(ref.parts[0]) if ref and (len(ref.parts) > 1 or (ref.prefix, ref.parts[0]) in parents)
                else None)
            actions.append(Action(
                ref=known_as, ref_text=raw.ref_text, is_pap=member(raw, ref),
                title=raw.fields.get("action", ""), owner=raw.fields.get("owner", ""), owners=owners,
                timescale=timescale, success_criteria=raw.fields.get("success_criteria", ""),
                progress=progress, entries=tuple(entries),
                outcome=raw.fields.get("outcome", ""), evidence=raw.fields.get("evidence", ""),
                status=read.status, status_source=read.source, section=raw.section, priority_area=area,
                sheet=raw.sheet, row=raw.row, extra=tuple(raw.extra), ref_sheet=raw.ref_sheet,
                status_word=read.word, status_fill=read.fill, status_cell=read.cell, status_font=read.font,
            ))
        statuses.finish()
        readings.finish()
        timescale_warnings(unread, self.warn)
        if early is not None:
            early.finish()
        return Plan(
            source=display_name(self.book.path), actions=tuple(actions), warnings=tuple(self._sorted_warnings()),
            title=walker.title, priority_areas=tuple(walker.areas.items()),
            key=tuple((status, description) for status, _, description in walker.key_lines),
            key_fills=tuple((status, rgb) for status, rgb, _ in walker.key_lines),
            notes=tuple(walker.notes), pap_prefixed=self.layout.membership.kind == "column" or any(
                ref is not None and ref.is_pap for ref in parsed),
            extra_columns=tuple(dict.fromkeys(h for raw in all_raw for h, _ in raw.extra)),
            version_date=self.layout.version_date, version_date_source=self.layout.version_date_source,
            layout=self.layout,
        )

    def _entries(self, raw: RawAction, table: Table, logged: list[Entry], people: People,
                 owners: tuple[str, ...], cell_warn: Warn) -> tuple[str, Sequence[Entry]]:
        """The action's progress as written, and its entries (with authors) from the cell, the periods and the log.

        `cell_warn` takes the notes of the Progress cell (read/readings_said.py).

        A cell's entries alone are the memo's own tuple: the action holds it, not a copy, and
        the next version's action shares it while the cell is unchanged.
        """
        cell_text = raw.fields.get("progress", "")
        order = EntryOrder(self.layout.entry_order)
        when = self.layout.version_date  # a date the plan states dates its yearless headings, never a save date
        plan_date = EntryDate(when.year, when.month, when.day) if when and stated(self.layout.version_date_source) else None

        def author(initials: str) -> str | None:
            return people.author(initials, owners)
        entries: Sequence[Entry]
        rows = len(raw.updates) > 1 and raw.updates[0].date_cell is not None  # one update a row, by a Date column
        if rows or any(update.date not in (None, "") or update.author for update in raw.updates):
            entries = row_entries(raw.updates, raw.sheet, self.warn, order, author)  # each row dated by its Date cell
        elif not cell_text:
            entries = ()
        elif self.memo is not None:
            entries = self.memo.entries(cell_text, raw.sheet, raw.progress_cell, cell_warn, order, author,
                                       raw.ref.text, plan_date)
        else:
            entries = cell_entries(cell_text, raw.sheet, raw.progress_cell, cell_warn, order, author,
                                   self.early.get(cell_text) if self.early is not None else None, plan_date)
        if raw.fields.get("status_date"):
            entries = date_entry(entries, raw.fields["status_date"], self.layout.entry_order == "newest first")
        periods = period_entries(table, raw.fields, raw.row, self.warn, author)
        earlier = period_entries(table, raw.fields, raw.row, self.warn, author, beside="earlier")
        partners = period_entries(table, raw.fields, raw.row, self.warn, author, beside="partner", order=order)
        written = "\n\n".join(filter(None, [cell_text, period_text(table, raw.fields),
                                             "\n\n".join(e.raw for e in logged)]))
        if not periods and not logged and not earlier and not partners:
            return written, entries
        if partners:  # a joint plan's partners' updates, in time order with the Progress cell's
            cells: dict[str | None, list[Entry]] = {}
            for entry in partners:
                cells.setdefault(entry.cell, []).append(entry)
            entries = by_date([entries, *cells.values()], order is EntryOrder.NEWEST_FIRST)
        if earlier:  # the updates moved out of the cell come before it, in the order the cell is written
            entries = [*entries, *earlier] if order is EntryOrder.NEWEST_FIRST else [*earlier, *entries]
        return written, [*entries, *periods, *people.with_authors(tuple(logged), owners)]

    def _by_sheet(self, sheets: list[SheetRead], all_raw: list[RawAction]) -> None:
        """Refs that restart on each sheet are known by their sheet as well ("Health 2"), so that two
        versions' actions are not matched across sheets; so are those of paptools' cleaned workbook
        of such a plan, by the Sheet cell beside each (read/generated.py)."""
        restart = restart_per_sheet([[raw.ref.text for raw in sheet.actions] for sheet in sheets])
        if restart:
            for sheet in sheets:
                for raw in sheet.actions:
                    raw.ref_sheet = sheet.name
        for raw in all_raw:
            if raw.ref_sheet:
                raw.ref = RefCandidate(f"{raw.ref_sheet} {raw.ref.text}", raw.ref.ambiguous)
        if restart:
            self.warn(None, None, f"each sheet numbers its actions afresh ({', '.join(s.name for s in sheets)}): "
                      f"each action is known by its sheet and its ref, as '{sheets[1].actions[0].ref.text}'")

    def _membership(self, all_raw: list[RawAction], parsed: list[Ref | None]
                    ) -> Callable[[RawAction, Ref | None], bool]:
        """Whether an action is in the PAP: by a Plan column's value, else by its ref prefix."""
        rule = self.layout.membership
        if rule.kind == "column":
            values = {normalise_word(v) for v in rule.pap_values}

            def by_column(raw: RawAction, ref: Ref | None) -> bool:
                value = raw.fields.get("plan", "")
                if not value:
                    self.warn(raw.sheet, raw.ref_cell, f"{raw.ref.text} names no plan in the '{rule.column}' "
                              "column: not counted as PAP")
                return normalise_word(value) in values
            return by_column
        prefixes = set(rule.pap_values)
        prefixed = any(p.is_pap or p.prefix in prefixes for p in parsed if p)

        def by_prefix(raw: RawAction, ref: Ref | None) -> bool:
            if not prefixed or ref is None:
                return True
            return ref.prefix in prefixes if prefixes else ref.is_pap
        return by_prefix

    def _colour_key(self) -> ColourKey:
        key = ColourKey()
        lines = self.walker.key_lines
        declared = [(w.colour, w.status) for t in self.layout.tables for w in t.status.vocabulary
                    if w.colour and w.status is not None]
        if self.style.colours:
            declared = list(self.style.colours.items())
        if not any(rgb and rgb != WHITE for _, rgb, _ in lines) and not declared:
            return key  # no coloured Key: the usual convention applies
        scale = dict(declared)  # the scale's reading of a Key colour wins: it weighs the Key's words together
        for status, rgb, description in lines:
            problem = key.add(rgb, scale.get(rgb or WHITE, status))
            if problem:
                self.warn(None, None, problem, description)
        for rgb, status in declared:
            if rgb not in key.colours:
                key.add(rgb, status)
        if WHITE not in key.colours and any(  # the Key's uncoloured "Not started": a blank RA cell
                w.in_key and w.status is Status.NOT_STARTED and not w.colour
                for t in self.layout.tables for w in t.status.vocabulary):
            key.add(WHITE, Status.NOT_STARTED)
        return key

    def _sorted_warnings(self) -> list[DataWarning]:
        order = {sheet.name: n for n, sheet in enumerate(self.walker.sheets)}

        def key(w: DataWarning) -> tuple[int, int, str]:
            row = row_of(w.cell or "")
            return (order.get(w.sheet or "", -1), row, w.cell or "")

        return sorted(self.warnings, key=key)



def _no_actions(unread_refs: list[tuple[str, str, str]]) -> str:
    """Why a plan with a header row has no actions: its refs are missing, or none is one paptools reads."""
    if not unread_refs:
        return "has a header row but no actions under it: check the Ref column is filled in"
    sheet, cell, ref = unread_refs[0]
    return (f"has a header row but none of the {len(unread_refs)} refs under it is one paptools reads ('{one_line(ref, 30)}' "
            f"in {sheet}!{cell}): write refs as 1.1, PAP 1.1, 1.1a, P1 A4 or SEND-01")
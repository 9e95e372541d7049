"""Plan, ref -> why the action has the status it has, in plain words (one screen).

Which cell the status came from and how: its fill colour (or the font colour of a mark, "●")
matched to the Key's colour for that status, the words typed in the RA cell, or a blank cell
read as the Key's blank status; then the due and revised months, the latest entries, and any
lint finding on it.
"""
from __future__ import annotations

from dataclasses import dataclass

from paptools.check.rules import latest_entry
from paptools.model import Action, Finding, Plan, Status, date_order
from paptools.read.statuses import WHITE, family, status_from_text
from paptools.read.text import one_line
from paptools.read.xcell import column_letter

_SHOWN_ENTRIES = 3


@dataclass(frozen=True)
class Explanation:
    """The answer to "why is this one green?" for one action."""

    ref: str
    title: str
    status: str  # the status word, or "Unknown"
    place: str  # "PAP!I7"
    reason: str  # how the status was read, in plain words
    due: str  # the timescale, in plain words
    entries: tuple[str, ...]  # the latest entries, newest first, as "Nov 2024 (Catherine Fox): ..."
    findings: tuple[Finding, ...]

    def lines(self) -> list[str]:
        """The explanation as lines of text for the terminal."""
        lines = [f"{self.ref}: {self.title}", "", f"Status: {self.status} ({self.place})", f"  {self.reason}",
                 "", f"Timescale: {self.due}", ""]
        if self.entries:
            lines.append(f"Latest entries ({len(self.entries)} shown, newest first):")
            lines += [f"  - {entry}" for entry in self.entries]
        else:
            lines.append("No progress entries.")
        lines.append("")
        if self.findings:
            lines.append("Lint findings on this action:")
            for finding in self.findings:
                lines += [f"  - {finding.message}", f"    Fix: {finding.fix}"]
        else:
            lines.append("No lint findings on this action.")
        return lines

    def document(self) -> dict[str, object]:
        """The explanation as a JSON-ready dict."""
        return {
            "ref": self.ref, "action": self.title, "status": self.status, "cell": self.place,
            "reason": self.reason, "timescale": self.due, "latest_entries": list(self.entries),
            "findings": [finding_document(f) for f in self.findings],
        }


def finding_document(finding: Finding) -> dict[str, object]:
    return {"rule": finding.rule, "ref": finding.ref, "sheet": finding.sheet, "cell": finding.cell,
            "where": finding.where, "phrase": finding.phrase, "message": finding.message, "fix": finding.fix}


def _key_colour(plan: Plan, status: Status) -> str | None:
    for key_status, rgb in plan.key_fills:
        if key_status is status and rgb:
            return rgb
    return None


def _key_cell(plan: Plan, status: Status) -> str | None:
    for note in plan.notes:
        if note.kind == "key" and note.text.lower().startswith(status.value.lower()):
            return f"{note.sheet}!{note.cell}"
    return None


def status_reason(plan: Plan, action: Action) -> str:
    """How the reader arrived at this action's status, in one or two plain sentences."""
    table = next((t for t in plan.layout.tables if t.sheet == action.sheet), None) if plan.layout is not None else None
    column = (action.status_cell or "").rstrip("0123456789")
    latest = table.field("status") if table is not None else None
    if table is not None and latest is not None and action.status is not None and table.status.by_percent:
        return (f"The plan has no status column; its '{one_line(latest.header)}' cell {action.sheet}!{action.status_cell} says "
                f"{action.status_word}, which counts as {action.status}.")
    if table is not None and latest is not None and action.status is not None and \
            (period := next((h for i, h in table.earlier_status if column_letter(i + 1) == column), None)):
        reason = _status_reason(plan, action)
        return (f"Its cell for {one_line(latest.header)} is blank; its latest earlier rating, for {period}, is used: "
                f"{reason[0].lower()}{reason[1:]}")
    return _status_reason(plan, action)


def _status_reason(plan: Plan, action: Action) -> str:
    status = action.status
    cell = f"{action.sheet}!{action.status_cell}" if action.status_cell else "the RA column"
    if action.status_source == "text" and status is not None:
        word = action.status_word or status.value
        mapped = "" if word.strip().lower() == status.value.lower() else f", which the plan's words map to {status}"
        colour = ""
        if action.status_fill and action.status_fill != WHITE:
            colour = f" The cell is also coloured #{action.status_fill} ({family(action.status_fill)}); the words win."
        keyed = next((s for s, rgb in plan.key_fills if rgb and rgb == action.status_font), None)
        if keyed is not None and keyed is not status:
            colour += f" Its text is coloured #{action.status_font}, the Key's colour for {keyed}; the words win."
        stage = next((t.field("stage") for t in plan.layout.tables if t.sheet == action.sheet), None) \
            if plan.layout is not None else None
        if stage is not None and (action.status_cell or "").rstrip("0123456789") == stage.letter:
            return (f"The '{stage.header}' cell {cell} says \"{word}\"{mapped}: Complete there counts whatever the RAG "
                    "says, and any other stage where the RAG cell gives no status.")
        return f"The RA cell {cell} says \"{word}\"{mapped}.{colour}"
    if action.status_source == "fill" and status is not None and action.status_fill:
        key_rgb = _key_colour(plan, status)
        fill = f"#{action.status_fill} ({family(action.status_fill)})"
        if key_rgb is None:
            return (f"The RA cell {cell} is filled {fill}; the plan has no coloured Key, so the usual convention "
                    f"applies: {family(action.status_fill)} is {status}.")
        where = _key_cell(plan, status)
        key_place = f" in {where}" if where else ""
        same = "the same colour as" if key_rgb == action.status_fill else "nearest to"
        return (f"The RA cell {cell} has no words; its fill colour {fill} is {same} the Key's colour for "
                f"{status}, #{key_rgb}{key_place}.")
    if action.status_source == "font colour" and status is not None and action.status_font:
        key_rgb = _key_colour(plan, status)
        font = f"#{action.status_font} ({family(action.status_font)})"
        if key_rgb is None:
            return f"The RA cell {cell} gives no status in words; its font colour {font} is the plan's colour for {status}."
        where = _key_cell(plan, status)
        same = "the same colour as" if key_rgb == action.status_font else "nearest to"
        return (f"The RA cell {cell} gives no status in words; its font colour {font} is {same} the Key's colour "
                f"for {status}, #{key_rgb}{f' in {where}' if where else ''}.")
    if action.status_source == "log" and status is not None:
        mapped = "" if (action.status_word or "").strip().lower() == status.value.lower() else \
            f", which the plan's words map to {status}"
        return (f"The plan has no status column; the status beside {action.ref}'s latest update in the updates log "
                f"says \"{action.status_word}\"{mapped}.")
    if action.status_source in ("sheet name", "heading") and status is not None:
        where = f"is on sheet {action.sheet}, whose name" if action.status_source == "sheet name" else \
            f"is under the heading '{action.status_word}', which"
        return f"{action.ref} gives no status of its own; it {where} says its actions are {status}."
    if action.status_source == "blank" and status is not None:
        return f"The RA cell {cell} is blank and has no fill; the Key reads a blank cell as {status}."
    if action.status_word:
        recognised = status_from_text(action.status_word)[0]
        if recognised is None:
            return f"The RA cell {cell} says \"{action.status_word}\", which is not one of the five statuses."
    return f"No status could be read from {cell}: see the warnings for that cell."


def _due(action: Action) -> str:
    timescale = action.timescale
    if not timescale.text:
        return "no timescale given"
    parts = [f"\"{' '.join(timescale.text.split())}\""]
    if timescale.original_due:
        parts.append(f"due {timescale.original_due.long_label()}")
    if timescale.revised_due:
        parts.append(f"revised to {timescale.revised_due.long_label()}")
    return ", ".join(parts)


def _entry_line(action: Action) -> tuple[str, ...]:
    ordered = sorted(
        (e for e in action.entries),
        key=lambda e: date_order(e.date), reverse=True,
    )
    newest = latest_entry(action)
    if newest is not None and ordered and ordered[0] is not newest:
        ordered.remove(newest)
        ordered.insert(0, newest)
    lines = []
    for entry in ordered[:_SHOWN_ENTRIES]:
        when = entry.date.label() if entry.date else "undated"
        who = f" ({entry.author or entry.initials})" if entry.author or entry.initials else ""
        text = " ".join(entry.text.split())
        lines.append(f"{when}{who}: {text if len(text) <= 160 else text[:159].rstrip() + '…'}")
    return tuple(lines)


def explain_action(plan: Plan, ref: str, findings: tuple[Finding, ...] = ()) -> Explanation | None:
    """The explanation for the action with this ref (normalised), or None when there is none."""
    action = plan.by_ref().get(ref)
    if action is None:
        return None
    place = f"{action.sheet}!{action.status_cell}" if action.status_cell else f"{action.sheet} row {action.row}"
    return Explanation(
        ref=action.ref, title=" ".join(action.title.split()), status=action.status.value if action.status else "Unknown",
        place=place, reason=status_reason(plan, action), due=_due(action), entries=_entry_line(action),
        findings=tuple(f for f in findings if f.ref == action.ref),
    )

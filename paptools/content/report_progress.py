"""The report's account of the plan itself: progress by priority area, and how delivery stands.

Each action appears once in the progress section, with its new entries tidied into whole
sentences; actions with no new update are named once, as a list of refs. The performance
section lists each action needing attention once, with every reason that applies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from paptools.compare.changes import ChangeKind, Changes
from paptools.compare.figures import Summary, status_labels
from paptools.content.prose import capitalise, count_phrase, due_unknown_sentence, join_words, number_words
from paptools.content.tree import Block, BulletList, Paragraph, Run, Section, Table
from paptools.content.words import entry_line, tidy_entry
from paptools.model import REPORT_ORDER, UNKNOWN, Action, Entry, Finding, Plan, Status, date_order

_PLAIN_SECTION = re.compile(r"(?:PAP|Priority(?: area)?)\s*\d+", re.I)  # a section named only by its number


@dataclass(frozen=True)
class Context:
    """What every part of the report reads: the current plan, the diff, the figures, the options."""

    plan: Plan
    changes: Changes
    summary: Summary
    names: bool
    findings: tuple[Finding, ...] | None = None  # the plan's lint findings, when the caller computed them

    @property
    def since(self) -> str | None:
        """'the previous version of the plan (updated to June 2024)', or the --since month."""
        previous = self.changes.previous
        if previous is not None:
            latest = previous.latest_entry_month()
            month = previous.version_date.strftime("%B %Y") if previous.version_date else (
                latest.long_label() if latest else None)
            return "the previous version of the plan" + (f" (updated to {month})" if month else "")
        return self.changes.since.long_label() if self.changes.since else None

    def change_sentence(self) -> str:
        """What moved since the last version, in one sentence."""
        changes = self.changes
        statuses = changes.of(ChangeKind.STATUS)
        completed = [c.ref for c in statuses if c.status_after is Status.COMPLETE]
        refs = changes.refs_with_progress() - {c.ref for c in changes.of(ChangeKind.ACTION_ADDED)}
        entries = len(changes.progress)
        parts = [f"{count_phrase(entries, 'new progress entry', 'new progress entries')} "
                 f"{'was' if entries == 1 else 'were'} recorded across {count_phrase(len(refs), 'action')}"
                 if entries else "no new progress was recorded"]
        if changes.previous is not None:
            moved = len(statuses)
            if not moved:
                parts.append("no action changed status")
            elif completed and len(completed) <= 4:
                parts.append(f"{count_phrase(moved, 'action')} changed status ({join_words(completed)} now complete)")
            else:
                parts.append(f"{count_phrase(moved, 'action')} changed status"
                             + (f", {number_words(len(completed))} of them to complete" if completed else ""))
            for actions, verb in ((changes.of(ChangeKind.ACTION_ADDED), "added"),
                                  (changes.of(ChangeKind.ACTION_REMOVED), "removed")):
                if actions:
                    parts.append(f"{count_phrase(len(actions), 'action')} {'was' if len(actions) == 1 else 'were'} "
                                 f"{verb}")
        return f"Since {self.since}, {join_words(parts)}."

    def attention_sentence(self) -> str:
        """How many actions need attention, and why, in one sentence."""
        s = self.summary
        counted = [(s.all.of(Status.AT_RISK), "at risk", "at risk"),
                   (s.all.of(Status.VULNERABLE), "vulnerable", "vulnerable"),
                   (len(s.overdue), "past its latest due date", "past their latest due date")]
        if self.since:
            counted.append((len(s.no_update), "without an update since the last version",
                            "without an update since the last version"))
        unknown = due_unknown_sentence(len(s.no_due_month))
        present = [(n, one, many) for n, one, many in counted if n]
        # "none is past its latest due date" is not known of an action with no due month
        absent = [one for n, one, _ in counted if not n and not (unknown and one.startswith("past"))]
        if not present:
            return " ".join(filter(None, [f"No action is {join_words(absent).replace(' and ', ' or ')}." if absent
                                          else "", unknown]))
        said = [f"{count_phrase(n, 'action') if k == 0 else number_words(n)} {'is' if n == 1 else 'are'} "
                f"{one if n == 1 else many}" for k, (n, one, many) in enumerate(present)]
        sentence = "Across the plan, " + join_words(said)
        if absent:
            sentence += "; none is " + join_words(absent).replace(" and ", " or ")
        return " ".join(filter(None, [sentence + ".", unknown]))


def short_title(action: Action, limit: int = 160) -> str:
    """An action's wording, cut at a sentence or word end so a listing stays readable."""
    text = " ".join(action.title.split()).rstrip(".:;, ")
    if len(text) > limit:
        cut = text.rfind(". ", 0, limit)
        text = text[:cut] if cut > limit // 3 else text[:limit].rsplit(" ", 1)[0].rstrip(".:;,") + " …"
    return text if text.endswith("…") else text + "."


def _due(action: Action) -> str:
    return action.timescale.due.label() if action.timescale.due else "not set"


def _status(status: Status | None) -> str:
    return status.value if status else UNKNOWN


def _by_place(plan: Plan, actions: list[Action], blocks_of: dict[str, list[Block]]) -> tuple[Section, ...]:
    """Sections by priority area (level 2) and named section (level 3), in the plan's order."""
    descriptions = dict(plan.priority_areas)
    areas: list[tuple[str | None, list[Block], list[tuple[str, list[Block]]]]] = []
    for action in actions:
        if not areas or areas[-1][0] != action.priority_area:
            area = action.priority_area
            intro: list[Block] = []
            if area and descriptions.get(area):
                intro.append(Paragraph.of(descriptions[area], numbered=False, italic=True))
            areas.append((area, intro, []))
        _, blocks, sections = areas[-1]
        name = action.section if action.section and not _PLAIN_SECTION.fullmatch(action.section) else None
        if name is None:
            blocks.extend(blocks_of[action.ref])  # a section named only "PAP 2" needs no heading
        elif sections and sections[-1][0] == name:
            sections[-1][1].extend(blocks_of[action.ref])
        else:
            sections.append((name, list(blocks_of[action.ref])))
    return tuple(
        Section(area or "Actions without a priority area", 2, tuple(blocks),
                tuple(Section(name, 3, tuple(body), numbered=False) for name, body in sections), numbered=False)
        for area, blocks, sections in areas)


def _action_paragraph(action: Action, note: str) -> Paragraph:
    return Paragraph((Run(f"{action.ref}: ", bold=True), Run(f"{short_title(action)} {note}")))


def response(context: Context) -> Section:
    """Progress by priority area: each changed action once, with its new entries."""
    plan, changes, names = context.plan, context.changes, context.names
    blocks_of: dict[str, list[Block]] = {}
    if context.since is None:
        chosen = [a for a in plan.actions if a.status is not Status.COMPLETE]
        for action in chosen:
            latest = _latest(action)
            lines = [entry_line(latest, names)] if latest else ["No progress has been recorded."]
            blocks_of[action.ref] = [_action_paragraph(action, f"Status: {_status(action.status)}."),
                                     BulletList(tuple(Paragraph.of(line, numbered=False) for line in lines))]
        only = ("No earlier version of the plan was given, so this section shows the latest entry of each action "
                "that is not complete.")
        return Section("Progress by priority area", 1, (Paragraph.of(only),), _by_place(plan, chosen, blocks_of),
                       key="response")
    news: dict[str, list[Entry]] = {}
    for new in changes.of(ChangeKind.NEW_ENTRY):
        if new.entry is not None:
            news.setdefault(new.ref, []).append(new.entry)
    extended = {c.ref: c for c in changes.of(ChangeKind.ENTRY_EXTENDED)}
    statuses = {c.ref: c for c in changes.of(ChangeKind.STATUS)}
    added = {c.ref for c in changes.of(ChangeKind.ACTION_ADDED)}
    chosen = [a for a in plan.actions if a.ref not in added and (a.ref in news or a.ref in extended
                                                                  or a.ref in statuses)]
    status_only: list[str] = []
    for action in chosen:
        change = statuses.get(action.ref)
        note = (f"Status: {_status(action.status)} (was {_status(change.status_before)})." if change
                else f"Status: {_status(action.status)}.")
        lines = [entry_line(entry, names) for entry in news.get(action.ref, [])]
        if action.ref in extended:
            edit = extended[action.ref]
            when = edit.entry.date.long_label() if edit.entry and edit.entry.date else "undated"
            lines.append(f"Added to the {when} entry: {tidy_entry(edit.added_text)}")
        if not lines:
            status_only.append(action.ref)
        blocks: list[Block] = [_action_paragraph(action, note)]
        if lines:
            blocks.append(BulletList(tuple(Paragraph.of(line, numbered=False) for line in lines)))
        blocks_of[action.ref] = blocks
    intro: list[Block] = [Paragraph.of(
        f"This section sets out, by priority area, each action with new progress or a change of status since "
        f"{context.since}: {count_phrase(len(chosen), 'action')} in all. The entries are the officers' own, "
        "tidied into whole sentences." if chosen else
        f"No action has new progress or a change of status since {context.since}.")]
    if status_only:  # said once, not under each action
        intro.append(Paragraph.of(f"For {join_words(status_only)}, the status changed with no new progress "
                                  "entry recorded."))
    quiet = [a.ref for a in context.summary.no_update]
    if quiet:
        intro.append(Paragraph.of(f"No new update was recorded for {join_words(quiet)} (open actions, "
                                  f"{number_words(len(quiet))} in all)." if len(quiet) > 1 else
                                  f"No new update was recorded for {quiet[0]}, an open action."))
    return Section("Progress by priority area", 1, tuple(intro),
                   _by_place(plan, chosen, blocks_of) + _plan_changes(changes, names), key="response")


def _plan_changes(changes: Changes, names: bool) -> tuple[Section, ...]:
    """Actions added to or removed from the plan (an added action's progress with it: all of it is
    new to the committee), and changes to wording and owners."""
    sections = []
    added = [c.action for c in changes.of(ChangeKind.ACTION_ADDED)]
    removed = [c.action for c in changes.of(ChangeKind.ACTION_REMOVED)]
    fields, refs = changes.of(ChangeKind.FIELD), changes.of(ChangeKind.ACTION_RENUMBERED)
    if added:
        rows = tuple((a.ref, short_title(a), _due(a), _status(a.status)) for a in added)
        new: list[Block] = [Table(
            "Actions added since the last version", "Each action added to the plan since the last version, with "
            "its due month and status.", ("Ref", "Action", "Due", "Status"), rows, (0.12, 0.62, 0.11, 0.15), 3)]
        for action in added:  # its progress the committee has not seen (a split action's history it has)
            if unseen := changes.unseen_entries(action):
                new += [Paragraph((Run(f"{action.ref}: ", bold=True), Run("new progress recorded.")), numbered=False),
                        BulletList(tuple(Paragraph.of(entry_line(e, names), numbered=False) for e in unseen))]
        sections.append(Section("Actions added to the plan", 2, tuple(new), numbered=False))
    if removed:
        gone = tuple((a.ref, short_title(a), _status(a.status)) for a in removed)
        sections.append(Section("Actions removed from the plan", 2, (Table(
            "Actions removed since the last version", "Each action in the previous version that is not in this one.",
            ("Ref", "Action", "Last status"), gone, (0.12, 0.7, 0.18), 2),), numbered=False))
    if fields or refs:
        rows = tuple((c.ref, capitalise(c.field or ""), c.before or "(blank)", c.after or "(blank)")
                     for c in fields if c.field != "owner")
        rows += tuple((c.after, "Ref", c.before, c.after) for c in refs)
        owners = sum(1 for c in fields if c.field == "owner")
        blocks: list[Block] = []
        if owners:
            blocks.append(Paragraph.of(f"The owner of {count_phrase(owners, 'action')} changed."))
        if rows:
            blocks.append(Table("Wording and refs changed", "Changes to the wording, section or ref of actions since "
                                "the last version.", ("Ref", "What changed", "Before", "Now"), rows,
                                (0.12, 0.16, 0.36, 0.36)))
        sections.append(Section("Other changes to the plan", 2, tuple(blocks), numbered=False))
    return tuple(sections)


def _latest(action: Action) -> Entry | None:
    dated = [e for e in action.entries if e.date]
    if dated:
        return max(dated, key=lambda e: date_order(e.date))
    return action.entries[-1] if action.entries else None


def _first_sentences(text: str, limit: int = 240) -> str:
    text = tidy_entry(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    return text[: cut + 1] if cut > limit // 3 else text[:limit].rsplit(" ", 1)[0] + " …"


def performance(context: Context) -> Section:
    """Delivery of the plan: status by priority area, and each action needing attention once."""
    s, changes = context.summary, context.changes
    names = status_labels(*(g.counts for g in s.areas))  # Unknown a column of its own when any: each row adds up
    rows = tuple((g.area or "No priority area", *(str(g.counts.count(name)) for name in names), str(g.counts.total))
                 for g in s.areas)
    widths = (0.22, 0.13, 0.11, 0.14, 0.13, 0.1, 0.1) if len(names) == len(REPORT_ORDER) else (
        0.2, 0.12, 0.1, 0.13, 0.12, 0.09, 0.12, 0.09)
    blocks: list[Block] = [
        Paragraph.of("The table shows the status of the actions in each priority area."),
        Table("Actions by priority area and status", "The number of actions of each status in each priority area.",
              ("Priority area", *names, "Total"), rows, widths),
    ]
    reasons: dict[str, list[str]] = {}
    for action in context.plan.actions:
        if action.status in (Status.AT_RISK, Status.VULNERABLE):
            reasons.setdefault(action.ref, []).append(action.status.value)
    for action in s.overdue:
        reasons.setdefault(action.ref, []).append(f"Overdue (due {_due(action)})")
    timescales = changes.of(ChangeKind.TIMESCALE)
    for change in timescales:
        if change.revised_again:
            reasons.setdefault(change.ref, []).append("Timescale revised again")
    actions = [a for a in context.plan.actions if a.ref in reasons]
    subsections = []
    said = (f"{capitalise(count_phrase(len(actions), 'action'))} {'needs' if len(actions) == 1 else 'need'} "
            "attention: at risk or vulnerable, past the latest due date, or with a timescale revised more than once."
            if actions else f"No action is at risk, vulnerable, {'known to be ' if s.no_due_month else ''}overdue or "
            "with a timescale revised more than once.")
    attention: list[Block] = [Paragraph.of(" ".join(filter(None, [said, due_unknown_sentence(len(s.no_due_month))])))]
    if actions:
        table_rows = []
        for action in actions:
            latest = _latest(action)
            update = (f"{latest.date.label() if latest.date else 'Undated'}: {_first_sentences(latest.text)}"
                      if latest else "No progress recorded.")
            table_rows.append((action.ref, short_title(action, 120), _status(action.status),
                               "; ".join(reasons[action.ref]), update))
        attention.append(Table("Actions needing attention", "Each action needing attention once, with its status, "
                               "why it needs attention and its latest update.",
                               ("Ref", "Action", "Status", "Why", "Latest update"), tuple(table_rows),
                               (0.12, 0.23, 0.15, 0.17, 0.33), status_column=2))
    subsections.append(Section("Actions needing attention", 2, tuple(attention), numbered=False))
    if timescales:
        again = sum(1 for t in timescales if t.revised_again)
        subsections.append(Section("Timescales revised", 2, (
            Paragraph.of(f"{capitalise(count_phrase(len(timescales), 'timescale'))} changed since the last version; "
                         f"{number_words(again)} of them had already been revised before."),
            Table("Timescales changed since the last version", "Each action whose timescale changed, with the "
                  "timescale before and now, and whether it had already been revised.",
                  ("Ref", "Timescale before", "Timescale now", "Revised again"),
                  tuple((t.ref, t.before or "(blank)", t.after or "(blank)",
                         "Yes" if t.revised_again else "No") for t in timescales), (0.12, 0.36, 0.36, 0.16)),
        ), numbered=False))
    if changes.history:
        rows_h = []
        for change in changes.history:
            shown = change.previous_entry or change.entry
            when = shown.date.label() if shown is not None and shown.date else "Undated"
            rows_h.append((change.ref, when, capitalise(str(change.kind)), tidy_entry(change.before),
                           tidy_entry(change.after) if change.after else "(removed)"))
        subsections.append(Section("Changes to progress reported before", 2, (
            Paragraph.of("These entries were in the previous version of the plan and have since been changed or "
                         "removed. The committee may wish to ask why."),
            Table("Progress entries changed or removed", "Entries of progress reported in the previous version that "
                  "have been edited or removed.", ("Ref", "Entry date", "Change", "Before", "Now"), tuple(rows_h),
                  (0.11, 0.12, 0.13, 0.32, 0.32)),
        ), numbered=False))
    return Section("Performance", 1, tuple(blocks), tuple(subsections), key="performance")

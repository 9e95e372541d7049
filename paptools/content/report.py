"""Reconciliation -> the committee report as a content tree (knows nothing of Word).

The sections follow the order of a committee paper on a SEND Priority Action Plan: Purpose,
Executive summary and Recommendations unnumbered at the front; then numbered Background, the
response by priority area, current position and impact, performance, feedback and a summary;
then appendices. What only an officer can write (background, impact, feedback) is left as a
marked place unless their narrative supplies it. Every number is taken from the Summary and
the diff; no figure is computed here, and no council's name or bodies are written here.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from paptools.check.lint import lint_plan
from paptools.compare.changes import ChangeKind
from paptools.compare.figures import ROUNDING_NOTE, ROUNDING_RULE, Counts, Summary, status_labels
from paptools.compare.reconciliation import Reconciliation
from paptools.content.narrative import Narrative
from paptools.content.prose import (
    all_actions_opening,
    capitalise,
    count_phrase,
    in_text,
    join_words,
    number_words,
    status_sentences,
)
from paptools.content.report_progress import Context, performance, response
from paptools.content.tree import (
    Block,
    BulletList,
    Figure,
    Note,
    Paragraph,
    Placeholder,
    Properties,
    Report,
    Run,
    Section,
    Series,
    Table,
)
from paptools.content.words import data_notes, plan_label
from paptools.model import UNKNOWN, DataWarning, Finding, Status

WITHIN_TIMESCALE = (
    "An action was completed within timescale when the month of the progress entry that records its completion "
    "is no later than its original due month, and within its revised timescale when no later than its latest "
    "revised due month. Where no entry records the month of completion, this is said rather than guessed. The "
    "answer comes from the current plan alone, so it is the same whichever earlier versions are compared."
)


@dataclass(frozen=True)
class ReportSettings:
    """What the officer tells the report: every council word comes from here or from the plan."""

    title: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    names: bool = False  # officers' names beside their entries (off for a public paper)
    narrative: Narrative = field(default_factory=Narrative)
    findings: tuple[Finding, ...] | None = None  # the plan's lint findings (computed here when not given)


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def build_report(result: Reconciliation, settings: ReportSettings) -> Report:
    """The whole paper for a reconciliation (or a single version): figures, changes, words."""
    frame, sections = report_in_parts(result, settings)
    return replace(frame, sections=tuple(sections))


def report_in_parts(result: Reconciliation, settings: ReportSettings) -> tuple[Report, Iterator[Section]]:
    """The paper without its sections, and its sections, each made only when taken.

    A writer that lays each section out and lets it go before taking the next (the default
    Word report, write/docx_package.py) never holds the paper of a large plan whole: at 5,000
    actions it was 8 MiB beside both versions, most of it the progress and the appendices.
    """
    plan, summary, changes = result.current, result.summary, result.changes
    committee = settings.committee or "the committee"
    title = settings.title or f"{plan.title or 'Priority Action Plan'}: progress report"
    front = [Paragraph((Run("Report to: ", bold=True), Run(capitalise(committee))), numbered=False)]
    if settings.meeting_date:
        front.append(Paragraph((Run("Date of meeting: ", bold=True), Run(long_date(settings.meeting_date))),
                               numbered=False))
    front.append(Paragraph((Run("Plan: ", bold=True), Run(plan_label(plan))), numbered=False))
    if changes.previous is not None:
        front.append(Paragraph((Run("Compared with: ", bold=True), Run(plan_label(changes.previous))),
                               numbered=False))
    front.append(Paragraph((Run("Figures as of: ", bold=True), Run(long_date(summary.as_of))), numbered=False))
    header = capitalise(committee) + (f", {long_date(settings.meeting_date)}" if settings.meeting_date else "")
    frame = Report(
        title=title,
        front=tuple(front),
        sections=(),
        properties=Properties(title=title, subject=f"{plan.title or 'Priority Action Plan'}: progress",
                              keywords="Priority Action Plan, progress report"),
        header=header if settings.committee else title,
        footer=title,
        extra={"committee": capitalise(committee), "plan": plan_label(plan),
               "as_of": long_date(summary.as_of),
               "meeting_date": long_date(settings.meeting_date) if settings.meeting_date else "",
               **_figure_values(summary)},
    )
    return frame, _sections(result, settings, committee)


def _sections(result: Reconciliation, settings: ReportSettings, committee: str) -> Iterator[Section]:
    plan, changes, summary = result.current, result.changes, result.summary
    context = Context(plan, changes, summary, settings.names, settings.findings)
    narrative = settings.narrative
    yield _officer_or(narrative, "purpose", Section("Purpose of report", 1, _purpose(context, committee),
                                                    numbered=False, key="purpose"))
    yield _executive_summary(context, narrative, tuple(result.trend()))
    yield _officer_or(narrative, "recommendations", Section(
        "Recommendations", 1, _recommendations(context, committee), numbered=False, key="recommendations"))
    yield _background(context, narrative)
    yield _officer_or(narrative, "response", response(context))
    yield _officer_or(narrative, "impact", _placeholder(
        "Current position and impact", "impact",
        "What has changed for children, young people and families because of the actions taken: the "
        "evidence of impact, feedback from families and schools, and what the partnership has learned."))
    yield _performance(context, narrative)
    yield _officer_or(narrative, "feedback", _placeholder(
        "Feedback", "feedback",
        "Feedback from inspectors, regulators or external reviews since the last report, and how the "
        "partnership has responded."))
    yield from (replace(own, numbered=True) for own in narrative.own)
    yield _officer_or(narrative, "summary", Section("Summary", 1, _closing(context), key="summary"))
    yield _appendix_actions(context)
    yield _appendix_method(context, tuple(plan.warnings) + tuple(result.warnings))  # the comparison's own too


def _figure_values(s: Summary) -> dict[str, str]:
    """The headline figures as plain values for a template, exactly as the report shows them."""
    return {"pap_total": str(s.pap.total), "pap_complete": str(s.pap.of(Status.COMPLETE)),
            "pap_complete_percent": f"{s.pap.percentages().get(Status.COMPLETE.value, 0)}%",
            "pap_incomplete": str(s.pap.incomplete), "all_total": str(s.all.total)}


def _officer_or(narrative: Narrative, key: str, generated: Section) -> Section:
    """The officer's section for this place if their narrative has one, else what paptools writes."""
    own = narrative.get(key)
    if own is None:
        return generated
    executive = key == "executive_summary"
    return replace(generated, blocks=own.blocks + (generated.blocks if executive else ()),
                   subsections=own.subsections + (generated.subsections if executive else ()),
                   title=own.title or generated.title)


def _placeholder(title: str, key: str, guidance: str) -> Section:
    return Section(title, 1, (Placeholder(guidance),), key=key)


# -- the front -----------------------------------------------------------------------

def _purpose(context: Context, committee: str) -> tuple[Block, ...]:
    since = f" since {context.since}" if context.since else ""
    return (
        Paragraph.of(f"This report updates {in_text(committee)} on progress against the {context.plan.title or 'plan'}{since}. "
                     "It sets out the figures as they stand, the progress recorded against each priority area, the "
                     "actions that need attention and the status of every action.", numbered=False),
    )


def _executive_summary(context: Context, narrative: Narrative, trend: tuple[tuple[str, Summary], ...]) -> Section:
    s = context.summary
    sentences = status_sentences(s.pap, s.pap_label, list(s.pap_completions))
    if s.all.total != s.pap.total:
        sentences += status_sentences(s.all, opening=all_actions_opening(s.all.total, s.pap.total))
    # The rounding policy is a footnote to the first percentage; what "within timescale" means,
    # to the sentence that counts it.
    blocks: list[Block] = [Paragraph.of(text, numbered=False, footnote=ROUNDING_RULE if n == 0 else
                                        WITHIN_TIMESCALE if "due month" in text else None)
                           for n, text in enumerate(sentences)]
    if context.since:
        blocks.append(Paragraph.of(context.change_sentence(), numbered=False))
    blocks.append(Paragraph.of(context.attention_sentence(), numbered=False))
    blocks.append(_status_figure(s))
    if len(trend) > 1:
        blocks.append(_trend_figure(trend))
    if not (s.pap.adds_to_100 and s.all.adds_to_100):
        blocks.append(Note(ROUNDING_NOTE))
    section = Section("Executive summary", 1, tuple(blocks), numbered=False, key="executive_summary")
    return _officer_or(narrative, "executive_summary", section)


def _status_rows(groups: list[tuple[str, Counts]]) -> tuple[list[str], list[tuple[str, ...]]]:
    """The categories (statuses, then Unknown when any) and one row per category."""
    categories = status_labels(*(counts for _, counts in groups))
    rows = []
    for name in categories:
        row = [name]
        for _, counts in groups:
            row += [str(counts.count(name)), f"{counts.percentages().get(name, 0)}%"]
        rows.append(tuple(row))
    rows.append(tuple(["Total"] + [value for _, counts in groups for value in (str(counts.total), "100%")]))
    return categories, rows


def _lower_first(text: str) -> str:
    """'All actions' -> 'all actions'; 'PAP actions' stays as written (an acronym)."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text


def _status_figure(s: Summary) -> Figure:
    groups = [("PAP actions" if s.pap_prefixed else "Actions", s.pap)]
    if s.all.total != s.pap.total:
        groups.append(("All actions", s.all))
    categories, rows = _status_rows(groups)
    header = ["Status"] + [part for name, _ in groups for part in (name, f"% of {_lower_first(name)}")]
    table = Table("Actions by status", f"Counts and percentages of {join_words([_lower_first(n) for n, _ in groups])} by "
                  "status.", tuple(header), tuple(rows), (0.28,) + (0.18,) * (len(header) - 1), status_column=0)
    series = tuple(Series(name, tuple(int(row[1 + 2 * i]) for row in rows[:-1])) for i, (name, _) in
                   enumerate(groups))
    alt = "Bar chart of actions by status. " + "; ".join(
        f"{name}: " + ", ".join(f"{c} {v}" for c, v in zip(categories, serie.values)) + f" (total {counts.total})"
        for (name, counts), serie in zip(groups, series)) + "."
    return Figure("Actions by status", "bars", tuple(categories), series, alt, table)


def _trend_figure(trend: tuple[tuple[str, Summary], ...]) -> Figure:
    categories = status_labels(*(figures.all for _, figures in trend))  # Unknown a column of its own when any
    unknown = UNKNOWN in categories
    series = tuple(Series(name, tuple(figures.all.count(label) for label in categories)) for name, figures in trend)
    rows = tuple((serie.name, *(str(v) for v in serie.values), str(figures.all.total))
                 for serie, (_, figures) in zip(series, trend))
    widths = (0.15, 0.12, 0.12, 0.13, 0.13, 0.1, 0.13, 0.12) if unknown else (0.2, 0.14, 0.13, 0.15, 0.14, 0.12, 0.12)
    table = Table("All actions by status in each version", "The figures of the chart: counts of all actions by "
                  "status in each version of the plan.", ("Version", *categories, "Total"), rows, widths)
    alt = "Stacked column chart of all actions by status in each version of the plan. " + "; ".join(
        f"{serie.name}: " + ", ".join(f"{c} {v}" for c, v in zip(categories, serie.values)) for serie in series) + "."
    return Figure("How the statuses have moved across versions of the plan", "stacked", tuple(categories), series,
                  alt, table)


def _recommendations(context: Context, committee: str) -> tuple[Block, ...]:
    s = context.summary
    done = s.pap.of(Status.COMPLETE)
    items = [f"Note the progress made{f' since {context.since}' if context.since else ''}, with "
             f"{number_words(done) if done else 'none'} of the {s.pap.total} "
             f"{'PAP ' if s.pap_prefixed else ''}actions {'now' if done else 'yet'} complete."]
    risky = s.all.of(Status.AT_RISK) + s.all.of(Status.VULNERABLE)
    if risky:
        which = " or ".join(word for n, word in ((s.all.of(Status.AT_RISK), "at risk"),
                                                 (s.all.of(Status.VULNERABLE), "vulnerable")) if n)
        items.append(f"Seek assurance on the mitigations for the {count_phrase(risky, 'action')} "
                     f"{'that is' if risky == 1 else 'that are'} {which}.")
    if s.overdue:
        items.append(f"Ask for revised plans for the {count_phrase(len(s.overdue), 'action')} past "
                     f"{'its' if len(s.overdue) == 1 else 'their'} latest due date.")
    again = sum(1 for t in context.changes.of(ChangeKind.TIMESCALE) if t.revised_again)
    if again:
        items.append(f"Note the {count_phrase(again, 'timescale')} revised more than once.")
    return (Paragraph.of(f"{capitalise(in_text(committee))} is recommended to:", numbered=False),
            BulletList(tuple(Paragraph.of(item, numbered=False) for item in items)))


# -- the numbered sections -----------------------------------------------------------

def _background(context: Context, narrative: Narrative) -> Section:
    areas = [(label, text) for label, text in context.plan.priority_areas if text]
    blocks: list[Block] = [Placeholder(
        "Where the partnership was: the inspection or review that led to the plan, its findings, and when and by "
        "whom the plan was approved.")]
    if areas:
        blocks.append(Paragraph.of(f"The plan addresses {count_phrase(len(areas), 'priority area')}:"))
        blocks.append(BulletList(tuple(Paragraph((Run(f"{label}: ", bold=True), Run(text)), numbered=False)
                                       for label, text in areas)))
    generated = Section("Background", 1, tuple(blocks), key="background")
    own = narrative.get("background")
    if own is None:
        return generated
    return replace(generated, title=own.title, blocks=own.blocks + tuple(blocks[1:]), subsections=own.subsections)


def _performance(context: Context, narrative: Narrative) -> Section:
    generated = performance(context)
    own = narrative.get("performance")
    if own is None:
        return replace(generated, blocks=(*generated.blocks, Placeholder(
            "The service measures the committee follows (waiting times, timeliness, numbers supported), with "
            "their trend since the last report.")))
    return replace(generated, title=own.title, blocks=own.blocks + generated.blocks,
                   subsections=own.subsections + generated.subsections)


def _closing(context: Context) -> tuple[Block, ...]:
    s = context.summary
    open_actions = s.pap.incomplete
    done = s.pap.of(Status.COMPLETE)
    text = (f"{capitalise(number_words(done)) if done else 'None'} of the {s.pap.total} "
            f"{'PAP ' if s.pap_prefixed else ''}actions {'is' if done <= 1 else 'are'} complete{'' if done else ' yet'}. ")
    text += (f"The {number_words(open_actions)} {'PAP ' if s.pap_prefixed else ''}"
             f"{'action' if open_actions == 1 else 'actions'} still open will continue to be monitored until "
             f"{'it is' if open_actions == 1 else 'they are'} complete." if open_actions else
             "Every action in the plan is complete.")
    return (Paragraph.of(text),)


# -- appendices -----------------------------------------------------------------------

def _appendix_actions(context: Context) -> Section:
    names = context.names
    areas: dict[str | None, list[tuple[str, ...]]] = {}
    for action in context.plan.actions:
        due = action.timescale.due.label() if action.timescale.due else "Not set"
        row = (action.ref, " ".join(action.title.split()), *((action.owner,) if names else ()), due,
               action.status.value if action.status else UNKNOWN)
        areas.setdefault(action.priority_area, []).append(row)
    header = ("Ref", "Action", *(("Owner",) if names else ()), "Due", "Status")
    widths = (0.12, 0.46, 0.16, 0.12, 0.14) if names else (0.12, 0.60, 0.13, 0.15)  # the Due column holds "Sep 2025" on one line
    subsections = tuple(
        Section(area or "Actions without a priority area", 2, (Table(
            f"Status of every action: {area or 'no priority area'}",
            f"Each action of {area or 'the plan'} with its latest due month and status.",
            header, tuple(rows), widths, status_column=len(header) - 1),), numbered=False)
        for area, rows in areas.items())
    total = context.summary.all.total
    every = "The one action" if total == 1 else "Both actions" if total == 2 else f"All {total} actions"
    intro = Paragraph.of(f"{every} in the plan, by priority area, as of "
                         f"{long_date(context.summary.as_of)}. Due is the latest due month, after any revision.",
                         numbered=False)
    return Section("Appendix A: Status of every action", 1, (intro,), subsections, numbered=False,
                   key="appendix_actions")


def _finding_row(ref: str | None, message: str) -> tuple[str, str]:
    """A lint finding as (ref, what to check), the ref not repeated in the words."""
    if ref and message.startswith(ref):
        rest = message[len(ref):].lstrip(":, ")
        rest = rest[3:] if rest.startswith(("is ", "'s ")) else rest  # "1.1 is late", "1.1's status ...
        return ref, capitalise(rest)
    return ref or "Plan", message


def _appendix_method(context: Context, warnings: tuple[DataWarning, ...]) -> Section:
    s = context.summary
    method = [
        "Counts are made from the plan's actions themselves, never taken from totals typed into the workbook.",
        s.pap_rule,
        ROUNDING_RULE,
        WITHIN_TIMESCALE,
        "An action is overdue when it is not complete and the date of the figures is after the end of its latest "
        "due month.",
        "A status is read from the words in the status cell or, where there are none, from the cell's colour "
        "using the plan's own key.",
    ]
    notes = data_notes(context.plan, list(warnings))
    given = context.findings if context.findings is not None else lint_plan(context.plan, s.as_of)
    findings = [_finding_row(f.ref, f.message) for f in given]
    data: list[Block] = []
    if notes:
        each = "it says" if len(notes) == 1 else "each says"
        data += [Paragraph.of(f"Reading the plan raised {count_phrase(len(notes), 'point')}: {each} what was "
                              "found and how it was read, so that it can be checked and, where needed, corrected in "
                              "the workbook.", numbered=False),
                 BulletList(tuple(Paragraph.of(note, numbered=False) for note in notes))]
    else:
        data.append(Paragraph.of("Reading the plan raised no points to check.",
                                 numbered=False))
    if findings:
        data += [Paragraph.of(f"The plan's own entries raise {count_phrase(len(findings), 'question')} worth "
                              "checking with the action owners.", numbered=False),
                 Table("Points to check in the plan", "Each point in the plan worth checking with its owner, by "
                       "action.", ("Ref", "Point to check"), tuple(findings), (0.14, 0.86))]
    return Section("Appendix B: How the figures are calculated", 1,
                   (BulletList(tuple(Paragraph.of(text, numbered=False) for text in method)),),
                   (Section("Notes on the data", 2, tuple(data), numbered=False),), numbered=False,
                   key="appendix_method")

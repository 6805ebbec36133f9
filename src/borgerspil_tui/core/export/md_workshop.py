"""The report's workshop part in Markdown: for each workshop day its facts, the activities against
their plan as a table, the day's totals, what each activity captured, and the voting rounds
ranked with text bars (core/workshop_summary); the post-its from phones nobody reviewed, by
their text, who wrote them and in which activity (the first 50). Every text goes through the Doc's escaping."""

from __future__ import annotations

from borgerspil_tui.core.export.md_doc import Doc
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.workshop_summary import summarise
from borgerspil_tui.core.workshop_summary_words import (
    bar,
    difference_text,
    facts,
    idea_title,
    item_line,
    planned_text,
    postits_text,
    round_head,
    time_span,
    totals_lines,
    waiting_head,
    waiting_lines,
)

BAR_WIDTH = 20
"""The longest result bar in a table cell, in characters."""


def workshops(doc: Doc) -> None:
    """Each workshop day, in the order they were held (in the computer's local time)."""
    lang = doc.lang
    doc.heading(2, doc.say("part.workshops"))
    if not doc.project.workshops:
        doc.empty()
        return
    for workshop in doc.project.workshops:
        summary = summarise(doc.project, workshop)
        doc.heading(3, summary.title)
        for label, text in facts(summary, lang):
            doc.labelled(label, text)
        if summary.activities:
            head = [tr(lang, f"summary.col.{c}") for c in ("activity", "planned", "time", "difference", "captured")]
            doc.table(head, [[a.title, planned_text(a, lang), time_span(a, lang), difference_text(a, lang),
                              str(len(a.captured)) if a.captured else ""] for a in summary.activities])
        doc.items(totals_lines(summary, lang))
        for activity in summary.activities:
            if not activity.captured and not activity.notes and not activity.postits:
                continue
            doc.heading(4, tr(lang, "summary.captured_in", activity=activity.title))
            doc.items([item_line(item, lang) for item in activity.captured])
            if activity.postits:  # counts; the waiting ones' texts follow, a hidden one's never
                doc.para(postits_text(activity.postits, lang))
            doc.labelled(tr(lang, "summary.notes"), activity.notes)
        head = waiting_head(summary, lang)
        if head:
            doc.heading(4, head)
            doc.items(waiting_lines(summary, lang))
        if not summary.rounds:
            continue
        doc.heading(4, tr(lang, "summary.rounds"))
        for round_ in summary.rounds:
            doc.para(round_head(round_, lang))
            if not round_.totals:
                doc.note(tr(lang, "summary.no_dots"))
                continue
            most = max(t.dots for t in round_.totals)
            head = [tr(lang, f"summary.col.{c}") for c in ("rank", "idea", "dots")]
            doc.table([*head, ""], [[str(t.rank), idea_title(t.title, lang), str(t.dots),
                                     bar(t.dots, most, BAR_WIDTH)] for t in round_.totals])

"""The report's workshop part in HTML, as plain data for the template (which escapes every text):
for each workshop day a heading, its facts, the activities against their plan as a table, the
day's totals, what each activity captured, the post-its from phones nobody reviewed (text, who,
which activity; the first 50), and the voting rounds ranked with text bars."""

from __future__ import annotations

from borgerspil_tui.core.export.html_parts import Block
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
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
"""The longest result bar, in characters."""


def workshops(p: Project, m: Method, lang: str) -> list[Block]:
    """Each workshop day in the order they were held (times in the computer's local time)."""
    blocks: list[Block] = []
    for workshop in p.workshops:
        summary = summarise(p, workshop)
        blocks += [Block("heading", summary.title), Block("fields", data=facts(summary, lang))]
        head = [tr(lang, f"summary.col.{c}") for c in ("activity", "planned", "time", "difference", "captured")]
        rows = [[a.title, planned_text(a, lang), time_span(a, lang), difference_text(a, lang),
                 str(len(a.captured)) if a.captured else ""] for a in summary.activities]
        blocks += [Block("table", data=rows, head=head, nowrap=(1, 2, 4)),
                   Block("list", data=totals_lines(summary, lang))]
        for activity in summary.activities:
            if activity.captured:
                blocks.append(Block("list", tr(lang, "summary.captured_in", activity=activity.title),
                                    data=[item_line(item, lang) for item in activity.captured]))
            if activity.postits:  # counts; the waiting ones' texts follow, a hidden one's never
                blocks.append(Block("text", data=f"{activity.title} · {postits_text(activity.postits, lang)}"))
            if activity.notes:
                blocks.append(Block("fields", data=[(f"{activity.title} · {tr(lang, 'summary.notes')}",
                                                     activity.notes)]))
        head = waiting_head(summary, lang)
        if head:
            blocks.append(Block("list", head, data=waiting_lines(summary, lang)))
        for round_ in summary.rounds:
            most = max((t.dots for t in round_.totals), default=0)
            rows = [[str(t.rank), idea_title(t.title, lang), str(t.dots), bar(t.dots, most, BAR_WIDTH)]
                    for t in round_.totals]
            head = [*(tr(lang, f"summary.col.{c}") for c in ("rank", "idea", "dots")), ""]
            if rows:
                blocks.append(Block("table", round_head(round_, lang), data=rows, head=head, nowrap=(0, 2, 3)))
            else:
                blocks.append(Block("text", data=f"{round_head(round_, lang)}: {tr(lang, 'summary.no_dots')}"))
    return blocks

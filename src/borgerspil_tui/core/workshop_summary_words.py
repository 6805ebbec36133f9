"""The workshop summary in words, the same on the screen and in both report formats: times, the
difference from the plan, a captured item's line, a round's rules, the day's totals, text bars.
Plain strings only: each place that shows them escapes them for where they land. No Textual here."""

from __future__ import annotations

import datetime as dt

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.workshop_summary import (
    ActivitySummary,
    CapturedItem,
    RoundSummary,
    WorkshopSummary,
)

BAR = "█"
"""The character a result bar is drawn with (as in the voting round's reveal)."""


def clock(moment: dt.datetime | None) -> str:
    """``HH:MM`` of a local moment, or empty."""
    return moment.strftime("%H:%M") if moment is not None else ""


def time_span(activity: ActivitySummary, lang: str) -> str:
    """``09:00–09:37``; a running one ``09:00–now``; not held ``—``."""
    if activity.start is None:
        return "—"
    end = clock(activity.end) if activity.end is not None else tr(lang, "summary.still")
    return f"{clock(activity.start)}–{end}"


def difference_text(activity: ActivitySummary, lang: str) -> str:
    """The activity against its plan: ``+7 min overrun``, ``−3 min saved``, on time, not held, running."""
    if activity.status == "not-held":
        return tr(lang, "summary.not_held")
    if activity.status == "running":
        if activity.actual is None:
            return tr(lang, "summary.running")
        return tr(lang, "summary.running_for", n=activity.actual)
    difference = activity.difference or 0
    if difference > 0:
        return tr(lang, "summary.over", n=difference)
    if difference < 0:
        return tr(lang, "summary.saved", n=-difference)
    return tr(lang, "summary.on_time")


def planned_text(activity: ActivitySummary, lang: str) -> str:
    """``30 min``."""
    return tr(lang, "summary.minutes", n=activity.planned)


def item_line(item: CapturedItem, lang: str) -> str:
    """``Cause: the text — said by Anna`` (the credit only when someone is named)."""
    line = f"{tr(lang, f'summary.kind.{item.kind}')}: {item.text}"
    if item.said_by:
        line += f" — {tr(lang, 'summary.said_by', name=item.said_by)}"
    return line


def round_head(round_: RoundSummary, lang: str) -> str:
    """``Round 1 · during Dot vote · at 10:40 · anonymous · 3 dots per person · at most 1 per idea · 5 people voted``."""
    parts = [tr(lang, "summary.round", n=round_.number)]
    if round_.activity:
        parts.append(tr(lang, "summary.round_in", activity=round_.activity))
    if round_.held is not None:
        parts.append(tr(lang, "summary.round_at", time=clock(round_.held)))
    parts += [tr(lang, "summary.anonymous" if round_.anonymous else "summary.named"),
              tr(lang, "summary.round_dots", n=round_.dots_per_person),
              tr(lang, "summary.round_most", n=round_.most_per_idea),
              tr(lang, "summary.round_voters", n=round_.voters)]
    return " · ".join(parts)


def idea_title(title: str | None, lang: str) -> str:
    """An idea's title, or a word that it was deleted."""
    return title if title is not None else tr(lang, "summary.idea_gone")


def bar(dots: int, most: int, width: int = 30) -> str:
    """A text bar for ``dots`` out of the round's ``most`` (at least one block for any dot)."""
    if dots <= 0 or most <= 0:
        return ""
    return BAR * max(1, round(width * dots / most))


def counts_text(summary: WorkshopSummary, lang: str) -> str:
    """``3 causes, 2 ideas``, or that nothing was captured."""
    counts = summary.counts
    if not counts:
        return tr(lang, "summary.nothing")
    return ", ".join(tr(lang, f"summary.count.{kind}", n=n) for kind, n in counts.items())


def postits_text(counts: dict[str, int], lang: str) -> str:
    """``Post-its from phones: 3 taken in, 1 merged, 0 hidden, 2 new`` (empty without post-its)."""
    return tr(lang, "summary.postits", **counts) if counts else ""


def waiting_head(summary: WorkshopSummary, lang: str) -> str:
    """``Post-its from phones nobody reviewed (3)``, or empty when none wait."""
    count = summary.postits.get("new", 0)
    return tr(lang, "summary.waiting", count=count) if count else ""


def waiting_lines(summary: WorkshopSummary, lang: str) -> list[str]:
    """Each waiting post-it shown: ``the text — Anna · Brainstorm`` (anonymous, a deleted
    activity said in words), then ``… and 12 more`` when not all are shown."""
    lines = [tr(lang, "summary.waiting_line", text=postit.text,
                author=postit.author or tr(lang, "summary.waiting_anonymous"),
                activity=postit.activity if postit.activity is not None else tr(lang, "summary.waiting_no_activity"))
             for postit in summary.waiting]
    if summary.waiting_more > 0:
        lines.append(tr(lang, "summary.waiting_more", count=summary.waiting_more))
    return lines


def totals_lines(summary: WorkshopSummary, lang: str) -> list[str]:
    """The day's totals: planned, used against the plan of what was held, captured per kind (and
    the post-its from phones, when there were any)."""
    lines = [tr(lang, "summary.total_planned", n=summary.planned),
             tr(lang, "summary.total_actual", actual=summary.actual, held=len(summary.held),
                planned=summary.held_planned),
             tr(lang, "summary.total_items", items=counts_text(summary, lang))]
    return lines + ([postits_text(summary.postits, lang)] if summary.postits else [])


def facts(summary: WorkshopSummary, lang: str) -> list[tuple[str, str]]:
    """Date, place and participants as (label, text); empty ones left out."""
    pairs = [(tr(lang, "summary.date"), summary.date.isoformat() if summary.date else ""),
             (tr(lang, "summary.place"), summary.place),
             (tr(lang, "summary.participants"), ", ".join(summary.participants))]
    return [(label, text) for label, text in pairs if text]

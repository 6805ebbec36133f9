"""What the milestones tool lacks, for the overview and `borgerspil check` (see core/checks): no
milestones yet; milestones without an owner or a date; milestones past their date and not
reached (against ``today()``, which tests replace); an undated milestone that dated ones depend on
(the order the file check and the session keep cannot be checked there); and, should a file hold
one all the same, a circle or a milestone dated before what it depends on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import Milestone
from borgerspil_tui.core.model.milestone_rules import (
    milestone_problems as order_problems,
)

SHORT = 40
"""A milestone is named by this many characters of its title at most."""
NAMED = 3
"""At most this many milestones are named in one line; the rest are counted."""

today: Callable[[], dt.date] = dt.date.today
"""Today's date (tests put a fixed day here)."""


def _title(milestone: Milestone) -> str:
    text = " ".join(milestone.title.split())
    return text if len(text) <= SHORT else text[:SHORT - 1].rstrip() + "…"


def _names(milestones: list[Milestone], lang: str, *, dated: bool = False) -> str:
    shown = [tr(lang, "milestone.quote_date", text=_title(m), date=m.due.isoformat()) if dated and m.due
             else tr(lang, "milestone.quote", text=_title(m)) for m in milestones[:NAMED]]
    if len(milestones) > NAMED:
        shown.append(tr(lang, "milestone.more", count=len(milestones) - NAMED))
    return ", ".join(shown)


def milestone_problems(project: Project, method: Method, lang: str) -> list[str]:
    """Short sentences in ``lang`` naming what is missing."""
    milestones = project.insist.milestones
    if not milestones:
        return [tr(lang, "milestone.check.none")]
    found = [message.text(lang) for _, message in order_problems(milestones)]
    unowned = [m for m in milestones if not m.owner.strip()]
    if unowned:
        found.append(tr(lang, "milestone.check.no_owner", count=len(unowned), names=_names(unowned, lang)))
    undated = [m for m in milestones if m.due is None]
    if undated:
        found.append(tr(lang, "milestone.check.no_date", count=len(undated), names=_names(undated, lang)))
    day = today()
    late = sorted((m for m in milestones if m.due is not None and m.due < day and not m.done),
                  key=lambda m: m.due or day)
    if late:
        found.append(tr(lang, "milestone.check.late", count=len(late), names=_names(late, lang, dated=True)))
    for milestone in undated:
        needing = [m for m in milestones if m.due is not None and milestone.id in m.depends_on]
        if needing:
            found.append(tr(lang, "milestone.check.undated_needed", title=_title(milestone),
                            names=_names(needing, lang)))
    return found

"""What a workshop's tools leave in the project, as changes (core/changes): the items fast capture
adds go in the running activity's log entry (``captured``), and a dot-voting round is kept in the
workshop as a :class:`VoteRound` (a named one's dots also become the project's votes).

No Textual here: the screens apply what these build, each as one undoable step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from borgerspil_tui.core.change_diff import diff
from borgerspil_tui.core.changes import Change, Path
from borgerspil_tui.core.edits import EditBuilder
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.workshop import Activity, ActivityLog, Workshop
from borgerspil_tui.core.workshop_timer import activity_of
from borgerspil_tui.core.workshop_vote import VotingRound

TARGET_LISTS: dict[str, Path] = {
    "causes": ("focus", "causes"),
    "consequences": ("focus", "consequences"),
    "observations": ("experience", "observations"),
    "insights": ("experience", "insights"),
    "ideas": ("create", "ideas"),
    "what_ifs": ("create", "what_ifs"),
}
"""Where each capture target's items live (tree targets: the top level of that branch)."""


def default_title(project: Project, day: dt.date) -> str:
    """A new workshop's title, in the project's language: ``Workshop 2026-12-06``, or with the
    next number when the project has a workshop that day already (``Workshop 2026-12-06 nr. 2``),
    never one a workshop has."""
    taken = {w.title for w in project.workshops}
    number = 1 + sum(1 for w in project.workshops if w.date == day)
    title = tr(project.language, "workshop.default_title", date=day.isoformat())
    while number > 1 or title in taken:
        title = tr(project.language, "workshop.default_title_nth", date=day.isoformat(), number=max(number, 2))
        if title not in taken:
            break
        number += 1
    return title


def running(project: Project) -> tuple[Workshop, Activity] | None:
    """The workshop whose timer runs (or is paused) and its activity, or None."""
    for workshop in project.workshops:
        if workshop.timer is not None:
            activity = activity_of(workshop, workshop.timer.activity)
            if activity is not None:
                return workshop, activity
    return None


def round_workshop(project: Project) -> Workshop | None:
    """Where a voting round is kept: the running workshop, else the last one, else None."""
    found = running(project)
    if found is not None:
        return found[0]
    return project.workshops[-1] if project.workshops else None


def log_entry(workshop: Workshop, activity: str) -> ActivityLog | None:
    """The activity's log entry, or None."""
    return next((entry for entry in workshop.log if entry.activity == activity), None)


def captured_changes(builder: EditBuilder, workshop: Workshop, item_ids: Sequence[str]) -> list[Change]:
    """The changes that note ``item_ids`` (just captured) in the log entry of the workshop's
    running activity: a new entry started when the timer started, or the existing one's
    ``captured`` extended. Nothing when the workshop's timer does not run."""
    if workshop.timer is None or not item_ids:
        return []
    log: Path = ("workshops", workshop.id, "log")
    entry = log_entry(workshop, workshop.timer.activity)
    if entry is None:
        return builder.add(log, ActivityLog(activity=workshop.timer.activity, started=workshop.timer.started,
                                            captured=list(item_ids)))
    return builder.set((*log, entry.activity, "captured"), [*entry.captured, *item_ids])


def target_of(path: Path) -> str | None:
    """The capture target whose list holds the item at ``path`` (a tree node anywhere in its
    branch), or None."""
    return next((target for target, at in TARGET_LISTS.items() if path[:2] == at), None)


def round_changes(project: Project, voting: VotingRound, when: dt.datetime) -> list[Change]:
    """What a revealed round leaves in the project, as one step's changes.

    Named: the round's votes merged into the project's (dots per person raised when the round
    gave more) and, when there is a workshop (:func:`round_workshop`), the round kept in it.
    Anonymous: only the kept round (its totals count in the matrix's dots); nothing without a
    workshop. The round's activity is the running one, if any."""
    workshop = round_workshop(project)
    if voting.anonymous and workshop is None:
        return []
    new = project.model_copy(deep=True)
    if not voting.anonymous:
        new.create.votes = voting.as_votes(project.create.votes)  # type: ignore[assignment]
        # the project checks each person's dots against its own number: the round's may be more
        new.create.dots_per_person = max(project.create.dots_per_person, voting.dots_per_person)
    if workshop is not None:
        found = running(project)
        activity = found[1].id if found is not None and found[0].id == workshop.id else None
        kept = next(w for w in new.workshops if w.id == workshop.id)
        kept.rounds.append(voting.held(activity, when))
    return diff(project, new)

"""After the day: a workshop's summary as plain data, for the summary screen and the report.

Per agenda activity its planned minutes, its actual start and end from the log, the difference
(an overrun is positive, time saved negative), what fast capture added during it (an item deleted
since is left out), and the voting rounds with their totals ranked. Times are turned into the
workshop's local time (the file keeps them in UTC or any zone).

Post-its from phones are counted by state, per activity and for the day; the texts of those still
waiting (nobody took them in, merged or hid them) are kept too, the first :data:`WAITING_SHOWN` in
the order they came, so the facilitator can read afterwards what the room wrote and nobody
reviewed. A hidden post-it's text is never in the summary. No Textual here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.workshop import Activity, PostIt, VoteRound, Workshop
from borgerspil_tui.core.workshop_capture import participant_names

Status = Literal["done", "running", "not-held"]
KINDS = ("cause", "consequence", "observation", "insight", "idea", "what-if")
"""What fast capture adds, in the order the totals name them."""


@dataclass(frozen=True)
class CapturedItem:
    """One item an activity captured: its kind, its text, and who said it (a name or None)."""

    id: str
    kind: str
    text: str
    said_by: str | None = None


@dataclass(frozen=True)
class ActivitySummary:
    """One agenda activity: the plan, what happened, and what came of it."""

    id: str
    title: str
    planned: int
    """Planned minutes (the agenda's, without minutes added on the timer)."""
    status: Status
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    actual: int | None = None
    """Whole minutes from start to end; for a running activity the minutes so far (when known)."""
    notes: str = ""
    captured: list[CapturedItem] = field(default_factory=list)
    postits: dict[str, int] = field(default_factory=dict)
    """How many post-its came from phones during it, by state (see :func:`postit_counts`); no texts."""

    @property
    def difference(self) -> int | None:
        """Minutes over the plan (positive: overrun, negative: time saved); None unless done."""
        if self.status != "done" or self.actual is None:
            return None
        return self.actual - self.planned


@dataclass(frozen=True)
class WaitingPostIt:
    """A post-it from a phone that still waits: the participant's words, the name they typed
    ("" when anonymous) and the title of the activity it came in (None: deleted)."""

    id: str
    text: str
    author: str
    activity: str | None


WAITING_SHOWN = 50
"""How many waiting post-its a summary shows by their text (the rest are counted)."""


@dataclass(frozen=True)
class RankedTotal:
    """An idea's dots in a round, with its place (ties share a place) and title (None: deleted)."""

    rank: int
    idea: str
    title: str | None
    dots: int


@dataclass(frozen=True)
class RoundSummary:
    """A voting round: its rules, how many voted, and the totals ranked."""

    id: str
    number: int
    activity: str | None
    """The title of the agenda activity it was held in, if any."""
    held: dt.datetime | None
    anonymous: bool
    dots_per_person: int
    most_per_idea: int
    voters: int
    totals: list[RankedTotal]


@dataclass(frozen=True)
class WorkshopSummary:
    """The whole day: who, the activities, the rounds, and the totals."""

    id: str
    title: str
    date: dt.date | None
    place: str
    participants: list[str]
    activities: list[ActivitySummary]
    rounds: list[RoundSummary]
    postits: dict[str, int] = field(default_factory=dict)
    """How many post-its came from phones in the whole workshop, by state."""
    waiting: list[WaitingPostIt] = field(default_factory=list)
    """The first :data:`WAITING_SHOWN` post-its still waiting, in the order they came."""

    @property
    def waiting_more(self) -> int:
        """How many more post-its wait than :attr:`waiting` holds."""
        return self.postits.get("new", 0) - len(self.waiting)

    @property
    def planned(self) -> int:
        """Minutes planned for the whole agenda."""
        return sum(a.planned for a in self.activities)

    @property
    def held(self) -> list[ActivitySummary]:
        """The activities that were held to the end."""
        return [a for a in self.activities if a.status == "done"]

    @property
    def held_planned(self) -> int:
        """Minutes planned for the activities held to the end."""
        return sum(a.planned for a in self.held)

    @property
    def actual(self) -> int:
        """Minutes the activities held to the end took."""
        return sum(a.actual or 0 for a in self.held)

    @property
    def counts(self) -> dict[str, int]:
        """How many items were captured of each kind (kinds with none left out), in :data:`KINDS` order."""
        found: dict[str, int] = {}
        for activity in self.activities:
            for item in activity.captured:
                found[item.kind] = found.get(item.kind, 0) + 1
        return {kind: found[kind] for kind in KINDS if kind in found}


POSTIT_STATES = ("accepted", "merged", "hidden", "new")


def postit_counts(postits: list[PostIt]) -> dict[str, int]:
    """How many of ``postits`` are in each state, every state named (all zero: empty)."""
    if not postits:
        return {}
    return {state: sum(1 for p in postits if p.state == state) for state in POSTIT_STATES}


def _nodes(nodes: list[TreeNode]) -> Iterator[TreeNode]:
    for node in nodes:
        yield node
        yield from _nodes(node.children)


def captured_items(project: Project) -> dict[str, tuple[str, str, str | None]]:
    """Every item fast capture can add, by id: (kind, text, said_by id)."""
    items: dict[str, tuple[str, str, str | None]] = {}
    for kind, nodes in (("cause", project.focus.causes), ("consequence", project.focus.consequences)):
        for node in _nodes(nodes):
            items[node.id] = (kind, node.text, node.said_by)
    for o in project.experience.observations:
        items[o.id] = ("observation", o.what, o.said_by)
    for i in project.experience.insights:
        items[i.id] = ("insight", i.statement, i.said_by)
    for idea in project.create.ideas:
        items[idea.id] = ("idea", idea.title, idea.said_by)
    for w in project.create.what_ifs:
        items[w.id] = ("what-if", w.question, w.said_by)
    return items


def people(project: Project) -> dict[str, str]:
    """Team members and guests by id → name (whom ``said_by`` may credit)."""
    found = {member.id: member.name for member in project.readiness.team}
    found.update((guest.id, guest.name) for guest in project.create.guests)
    return found


def local(moment: dt.datetime | None, zone: dt.tzinfo | None) -> dt.datetime | None:
    """``moment`` in the workshop's local time: ``zone``, or the computer's own zone when None."""
    if moment is None:
        return None
    if moment.tzinfo is None:  # never from a valid file; taken as UTC like the timer does
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def minutes_between(start: dt.datetime, end: dt.datetime) -> int:
    """Whole minutes from ``start`` to ``end`` (rounded; never below zero)."""
    return max(0, round((end - start).total_seconds() / 60))


def _activity(workshop: Workshop, activity: Activity, items: dict[str, tuple[str, str, str | None]],
              names: dict[str, str], now: dt.datetime | None, zone: dt.tzinfo | None,
              postits: list[PostIt]) -> ActivitySummary:
    entry = next((e for e in workshop.log if e.activity == activity.id), None)
    timer = workshop.timer if workshop.timer and workshop.timer.activity == activity.id else None
    started = entry.started if entry and entry.started else (timer.started if timer else None)
    ended = entry.ended if entry and timer is None else None
    captured = []
    for ident in entry.captured if entry else []:
        if ident in items:
            kind, text, said_by = items[ident]
            captured.append(CapturedItem(ident, kind, text, names.get(said_by) if said_by else None))
    status: Status = "not-held" if started is None else "done" if ended is not None else "running"
    actual = None
    if status == "done":
        actual = minutes_between(started, ended)  # type: ignore[arg-type]
    elif status == "running" and now is not None:
        if timer is not None:
            from borgerspil_tui.core.workshop_timer import used_seconds

            actual = round(used_seconds(timer, now) / 60)
        else:
            actual = minutes_between(started, now)  # type: ignore[arg-type]
    return ActivitySummary(activity.id, activity.title, activity.minutes, status, local(started, zone),
                           local(ended, zone), actual, entry.notes if entry else "", captured,
                           postit_counts(postits))


def ranked(round_: VoteRound, project: Project) -> list[RankedTotal]:
    """The round's totals, most dots first; ties share a place and keep the ideas' order."""
    order = {idea.id: index for index, idea in enumerate(project.create.ideas)}
    titles = {idea.id: idea.title for idea in project.create.ideas}
    totals = sorted(round_.totals, key=lambda t: (-t.dots, order.get(t.idea, len(order))))
    places = shared_places([total.dots for total in totals])
    return [RankedTotal(place, total.idea, titles.get(total.idea), total.dots) for place, total in zip(places, totals)]


def shared_places(dots: list[int]) -> list[int]:
    """The places of totals ordered most first: tied ones share the first place of their run
    (3, 3, 1 dots → 1, 1, 3) — on the voting screen, the wall, the phones, the summary and the report."""
    places: list[int] = []
    for place, count in enumerate(dots, start=1):
        places.append(places[-1] if places and dots[place - 2] == count else place)
    return places


def summarise(project: Project, workshop: Workshop, *, now: dt.datetime | None = None,
              zone: dt.tzinfo | None = None) -> WorkshopSummary:
    """The summary of ``workshop``. ``now`` (aware) gives a running activity its minutes so far;
    ``zone`` is the workshop's local time (default: the computer's)."""
    items = captured_items(project)
    names = people(project)
    by_activity: dict[str | None, list[PostIt]] = {}
    for postit in workshop.postits:  # once through the day's post-its, not once per activity
        by_activity.setdefault(postit.activity, []).append(postit)
    activities = [_activity(workshop, a, items, names, now, zone, by_activity.get(a.id, []))
                  for a in workshop.agenda]
    titles = {a.id: a.title for a in workshop.agenda}
    rounds = [RoundSummary(r.id, number, titles.get(r.activity) if r.activity else None, local(r.held, zone),
                           r.anonymous, r.dots_per_person, r.most_per_idea, r.voters, ranked(r, project))
              for number, r in enumerate(workshop.rounds, start=1)]
    return WorkshopSummary(workshop.id, workshop.title, workshop.date, workshop.place,
                           list(participant_names(project, workshop).values()), activities, rounds,
                           postit_counts(workshop.postits), waiting_postits(workshop, titles))


def waiting_postits(workshop: Workshop, titles: dict[str, str],
                    limit: int = WAITING_SHOWN) -> list[WaitingPostIt]:
    """The first ``limit`` post-its of ``workshop`` still waiting, in the order they came, with
    their activity's title (``titles``: activity id → title)."""
    found: list[WaitingPostIt] = []
    for postit in workshop.postits:
        if len(found) >= limit:
            break
        if postit.state == "new":
            found.append(WaitingPostIt(postit.id, postit.text, postit.author,
                                       titles.get(postit.activity) if postit.activity else None))
    return found

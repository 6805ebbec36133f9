"""Workshops (issue 12): the day's agenda of timed activities, who took part, what happened, and
the running timer — saved in the project so a restart mid-workshop keeps time."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, PlainSerializer

from borgerspil_tui.core.model.base import IsoDate, ItemId, Strict, id_field
from borgerspil_tui.core.text import Line, Text

Target = Literal["causes", "consequences", "observations", "insights", "ideas", "what_ifs", "votes"]
"""Where an activity's captured items go (``votes``: a dot-voting round)."""


def _iso_datetime(value: object) -> dt.datetime:
    """A moment with its time zone: a datetime, or ISO 8601 text such as ``2026-05-01T09:30:00+02:00``."""
    found = value
    if isinstance(value, str):
        try:
            found = dt.datetime.fromisoformat(value)
        except ValueError:
            found = None
    if isinstance(found, dt.datetime) and found.tzinfo is not None and found.utcoffset() is not None:
        return found
    from borgerspil_tui.core.validation_messages import refuse, show_value

    refuse("valid.datetime", value=show_value(value))


IsoDateTime = Annotated[dt.datetime, BeforeValidator(_iso_datetime),
                        PlainSerializer(lambda value: value.isoformat(), return_type=str)]
"""A moment, written in the file as ISO 8601 text with its time zone; one without a zone is refused.
Kept as text in the dump, so the YAML writer and the safe loader never see a timestamp."""


class Activity(Strict):
    """One step of the agenda: a method tool with a timebox and what it should produce."""

    id: ItemId = id_field("activity")
    title: Line
    minutes: Annotated[int, Field(ge=1, le=600)] = 15
    target: Target | None = None
    """The list fast capture adds to; None for a break or a talk."""
    question: Text = ""
    """What the room works on, shown large in the presenter view."""


class ActivityLog(Strict):
    """What actually happened in one activity (start, end, notes); overrun follows from them."""

    activity: ItemId
    started: IsoDateTime | None = None
    ended: IsoDateTime | None = None
    notes: Text = ""
    captured: list[ItemId] = Field(default_factory=list)
    """Items fast capture added during the activity (causes, consequences, observations,
    insights, ideas, what-ifs), in the order they came; an item deleted later leaves the list."""


class TimerState(Strict):
    """The running activity's timer, in wall-clock time (UTC), so it survives a sleep or a restart.

    Time left = minutes + ``extra_minutes`` − (now − ``started`` − paused time); below zero it is
    the overrun. While paused, ``paused_at`` is when the pause began."""

    activity: ItemId
    started: IsoDateTime
    paused_at: IsoDateTime | None = None
    paused_seconds: Annotated[float, Field(ge=0)] = 0
    extra_minutes: Annotated[int, Field(ge=-600, le=600)] = 0


class RoundTotal(Strict):
    """The dots one idea got in a voting round, over everyone (named by its idea in the round)."""

    idea: ItemId
    dots: Annotated[int, Field(ge=1, le=100_000)]


class VoteRound(Strict):
    """A dot-voting round held in the workshop: its rules and its result.

    A named round's dots are also the project's votes (voter + idea), so its totals are a record
    of the day; an anonymous round keeps only these totals, and they count in the matrix's dots
    (``core.derived.dots_per_idea``). A total goes with its idea when the idea is deleted."""

    id: ItemId = id_field("round")
    activity: ItemId | None = None
    """The agenda's activity the round was held in, if any."""
    held: IsoDateTime | None = None
    anonymous: bool = False
    dots_per_person: Annotated[int, Field(ge=1, le=100)] = 3
    most_per_idea: Annotated[int, Field(ge=1, le=100)] = 1
    voters: Annotated[int, Field(ge=0, le=10_000)] = 0
    """How many people voted."""
    totals: list[RoundTotal] = Field(default_factory=list)


PostItState = Literal["new", "accepted", "merged", "hidden"]
"""Where a phone's post-it stands: just come, taken in as an item of its own, taken in as part of
another post-it's item, or hidden by the facilitator (kept, never shown or exported)."""


class PostIt(Strict):
    """A post-it sent from a participant's phone during a capture activity (issue 14), kept as it
    came until the facilitator accepts it into the activity's list, merges it with others into one
    item, or hides it. The text obeys the same rules as a typed line (one line, ≤ 500 characters,
    no control characters)."""

    id: ItemId = id_field("postit")
    activity: ItemId | None = None
    """The activity it was sent in (None when that activity was deleted)."""
    text: Line
    author: Line = ""
    """The name the participant joined with ("" when anonymous): never a team member's id."""
    sent: IsoDateTime | None = None
    state: PostItState = "new"
    item: ItemId | None = None
    """The item it became (accepted) or went into (merged); None before, or when that item was deleted."""


class Workshop(Strict):
    """One workshop day: when and where, who took part, the agenda, and what happened."""

    id: ItemId = id_field("workshop")
    title: Line
    date: IsoDate | None = None
    place: Line = ""
    participants: list[ItemId] = Field(default_factory=list)
    """Team members and guests who took part (their ids)."""
    agenda: list[Activity] = Field(default_factory=list)
    log: list[ActivityLog] = Field(default_factory=list)
    timer: TimerState | None = None
    rounds: list[VoteRound] = Field(default_factory=list)
    """Dot-voting rounds held in the workshop, in the order they were held."""
    postits: list[PostIt] = Field(default_factory=list)
    """Post-its sent from participants' phones, in the order they came."""
    bell: bool = True
    """Ring the terminal bell when an activity's time is up."""


GOES_WITH_LINK: dict[str, str] = {"ActivityLog": "activity", "TimerState": "activity", "RoundTotal": "idea"}
"""Items that exist only for the item one link names, and go as a whole when it is deleted
(edits, merge, repair): a log entry or the timer with its activity, a round's total with its idea."""

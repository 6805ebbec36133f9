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


class TimerState(Strict):
    """The running activity's timer, in wall-clock time (UTC), so it survives a sleep or a restart.

    Time left = minutes + ``extra_minutes`` − (now − ``started`` − paused time); below zero it is
    the overrun. While paused, ``paused_at`` is when the pause began."""

    activity: ItemId
    started: IsoDateTime
    paused_at: IsoDateTime | None = None
    paused_seconds: Annotated[float, Field(ge=0)] = 0
    extra_minutes: Annotated[int, Field(ge=-600, le=600)] = 0


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
    bell: bool = True
    """Ring the terminal bell when an activity's time is up."""

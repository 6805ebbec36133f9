"""The workshop timer's rules, headless: pure functions on :class:`TimerState` with an injected clock.

The timer is kept in wall-clock UTC (the start, the pause's start, the seconds paused), so it is
right after the laptop sleeps (the time slept counts, as it did in the room) and after a restart
(the saved state gives the same time left). A clock that goes backwards (an NTP correction) never
gives more time than the activity has: the time used is never below zero. Every function returns
a NEW state; none mutates its argument.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Protocol

from borgerspil_tui.core.model.workshop import (
    Activity,
    ActivityLog,
    TimerState,
    Workshop,
)

_EXTRA_LIMIT = 600
"""The model's bound on ``TimerState.extra_minutes`` (±600)."""


class Clock(Protocol):
    """Where the timer reads the time: ``now()`` gives an aware datetime in UTC."""

    def now(self) -> dt.datetime:
        """The current time, UTC-aware."""
        ...


class SystemClock:
    """The real clock: the computer's time in UTC."""

    def now(self) -> dt.datetime:
        """The current time, UTC-aware."""
        return dt.datetime.now(dt.UTC)


def utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC; a naive datetime (from an old file) is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def start(activity: Activity, now: dt.datetime) -> TimerState:
    """A fresh, running timer for ``activity`` from ``now``."""
    return TimerState(activity=activity.id, started=utc(now))


def is_paused(state: TimerState) -> bool:
    """Whether the timer is paused."""
    return state.paused_at is not None


def pause(state: TimerState, now: dt.datetime) -> TimerState:
    """The timer paused at ``now`` (unchanged when it is already paused)."""
    if state.paused_at is not None:
        return state
    return state.model_copy(update={"paused_at": utc(now)})


def resume(state: TimerState, now: dt.datetime) -> TimerState:
    """The timer running again; the pause's length is added to the paused seconds (never less
    than zero when the clock went backwards during the pause). Unchanged when not paused."""
    if state.paused_at is None:
        return state
    paused = max(0.0, (utc(now) - utc(state.paused_at)).total_seconds())
    return state.model_copy(update={"paused_at": None, "paused_seconds": state.paused_seconds + paused})


def adjust(state: TimerState, minutes: int) -> TimerState:
    """The timebox changed by ``minutes`` (+1 or −1 from the keys), within the model's ±600."""
    extra = max(-_EXTRA_LIMIT, min(_EXTRA_LIMIT, state.extra_minutes + minutes))
    return state.model_copy(update={"extra_minutes": extra})


def planned_seconds(state: TimerState, activity: Activity) -> float:
    """The activity's timebox with the adjustments, in seconds (never below zero)."""
    return max(0, activity.minutes + state.extra_minutes) * 60.0


def used_seconds(state: TimerState, now: dt.datetime) -> float:
    """Seconds the activity has run: from the start to now (or to the pause), less the time
    paused; never below zero, so a clock set back gives no extra time."""
    until = utc(state.paused_at) if state.paused_at is not None else utc(now)
    used = (until - utc(state.started)).total_seconds() - state.paused_seconds
    return max(0.0, used)


def remaining(state: TimerState, activity: Activity, now: dt.datetime) -> float:
    """Seconds left of the timebox; negative is the overrun. Never more than the timebox."""
    return planned_seconds(state, activity) - used_seconds(state, now)


def is_up(state: TimerState, activity: Activity, now: dt.datetime) -> bool:
    """Whether the time is up (zero or overrun)."""
    return remaining(state, activity, now) <= 0


def overrun(state: TimerState, activity: Activity, now: dt.datetime) -> float:
    """Seconds past the timebox (0 while there is time left)."""
    return max(0.0, -remaining(state, activity, now))


def clock_text(seconds: float) -> str:
    """Seconds left as ``mm:ss`` (rounded up, so 00:00 only when the time is up) or an overrun as
    ``-mm:ss``; minutes go past 59 rather than showing hours (``75:00``)."""
    if seconds > 0:
        whole, sign = math.ceil(seconds), ""
    else:
        whole = math.floor(-seconds)
        sign = "-" if whole > 0 else ""
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"


def activity_of(workshop: Workshop, activity_id: str) -> Activity | None:
    """The agenda's activity with ``activity_id``, or None."""
    return next((a for a in workshop.agenda if a.id == activity_id), None)


def next_activity(workshop: Workshop, now: dt.datetime) -> tuple[TimerState | None, list[ActivityLog]]:
    """Move on: the next activity's timer (None after the last one) and the log entries to add.

    With no timer running the first activity starts and nothing is logged. With one running, the
    finished activity is logged with its start and end (the end never before the start, even when
    the clock went backwards); its notes are kept from an existing log entry. A timer whose
    activity is no longer on the agenda is logged and the first activity after it cannot be
    known, so the timer stops (None)."""
    moment = utc(now)
    agenda = workshop.agenda
    timer = workshop.timer
    if timer is None:
        return (start(agenda[0], moment) if agenda else None), []
    started = utc(timer.started)
    earlier = next((entry for entry in workshop.log if entry.activity == timer.activity), None)
    entry = ActivityLog(activity=timer.activity, started=started, ended=max(started, moment),
                        notes=earlier.notes if earlier else "")
    index = next((i for i, a in enumerate(agenda) if a.id == timer.activity), None)
    if index is None or index + 1 >= len(agenda):
        return None, [entry]
    return start(agenda[index + 1], moment), [entry]

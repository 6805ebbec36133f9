"""The workshop timer's rules (core/workshop_timer) with a fake clock: no sleeping."""

from __future__ import annotations

import datetime as dt

import yaml

from borgerspil_tui.core import workshop_timer as wt
from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop

T0 = dt.datetime(2026, 12, 6, 9, 0, tzinfo=dt.UTC)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime = T0) -> None:
        self.moment = now

    def now(self) -> dt.datetime:
        return self.moment

    def jump(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


def activity(minutes: int = 15, ident: str = "activity-a") -> Activity:
    return Activity(id=ident, title="Brainstorm", minutes=minutes, target="ideas")


def test_fake_clock_is_a_clock() -> None:
    clock: wt.Clock = FakeClock()
    assert clock.now() == T0
    assert wt.SystemClock().now().tzinfo is not None


def test_time_runs_down_and_overruns() -> None:
    clock, act = FakeClock(), activity(15)
    state = wt.start(act, clock.now())
    assert wt.remaining(state, act, clock.now()) == 15 * 60
    clock.jump(minutes=14, seconds=30)
    assert wt.remaining(state, act, clock.now()) == 30
    assert not wt.is_up(state, act, clock.now())
    assert wt.clock_text(wt.remaining(state, act, clock.now())) == "00:30"
    clock.jump(minutes=2)
    assert wt.remaining(state, act, clock.now()) == -90
    assert wt.is_up(state, act, clock.now())
    assert wt.overrun(state, act, clock.now()) == 90
    assert wt.clock_text(wt.remaining(state, act, clock.now())) == "-01:30"


def test_paused_time_is_not_counted() -> None:
    clock, act = FakeClock(), activity(10)
    state = wt.start(act, clock.now())
    clock.jump(minutes=2)
    paused = wt.pause(state, clock.now())
    assert paused is not state and state.paused_at is None  # a new value, the old one untouched
    clock.jump(minutes=30)
    assert wt.remaining(paused, act, clock.now()) == 8 * 60  # frozen while paused
    assert wt.pause(paused, clock.now()) is paused  # pausing twice changes nothing
    running = wt.resume(paused, clock.now())
    assert running.paused_at is None and running.paused_seconds == 30 * 60
    clock.jump(minutes=1)
    assert wt.remaining(running, act, clock.now()) == 7 * 60
    assert wt.resume(running, clock.now()) is running


def test_adjust_adds_and_takes_minutes_within_the_model_bounds() -> None:
    clock, act = FakeClock(), activity(10)
    state = wt.start(act, clock.now())
    more = wt.adjust(state, +1)
    assert state.extra_minutes == 0 and more.extra_minutes == 1
    assert wt.remaining(more, act, clock.now()) == 11 * 60
    less = wt.adjust(wt.adjust(state, -1), -1)
    assert wt.remaining(less, act, clock.now()) == 8 * 60
    assert wt.adjust(TimerState(activity="activity-a", started=T0, extra_minutes=600), +1).extra_minutes == 600
    gone = TimerState(activity="activity-a", started=T0, extra_minutes=-20)
    assert wt.remaining(gone, act, clock.now()) == 0  # a timebox below zero is an empty one


def test_right_after_the_laptop_sleeps() -> None:
    clock, act = FakeClock(), activity(30)
    state = wt.start(act, clock.now())
    clock.jump(minutes=5)
    before = wt.remaining(state, act, clock.now())
    clock.jump(minutes=10)  # the lid was closed; no tick ran
    assert wt.remaining(state, act, clock.now()) == before - 10 * 60


def test_right_after_a_restart() -> None:
    clock, act = FakeClock(), activity(30)
    state = wt.adjust(wt.resume(wt.pause(wt.start(act, clock.now()), clock.now() + dt.timedelta(minutes=3)),
                                clock.now() + dt.timedelta(minutes=5)), 2)
    clock.jump(minutes=12)
    saved = yaml.safe_dump(state.model_dump(mode="json"))
    loaded = TimerState.model_validate(yaml.safe_load(saved))
    assert wt.remaining(loaded, act, clock.now()) == wt.remaining(state, act, clock.now()) == (32 - 10) * 60


def test_a_clock_going_backwards_gives_no_more_time_than_the_activity_has() -> None:
    clock, act = FakeClock(), activity(10)
    state = wt.start(act, clock.now())
    clock.jump(minutes=-5)
    assert wt.remaining(state, act, clock.now()) == 10 * 60
    clock.jump(minutes=6)
    assert wt.remaining(state, act, clock.now()) == 9 * 60
    paused = wt.pause(state, clock.now())
    clock.jump(minutes=-3)  # set back during the pause: the pause counts as nothing, not as less
    running = wt.resume(paused, clock.now())
    assert running.paused_seconds == 0
    assert wt.remaining(running, act, clock.now()) <= 10 * 60


def test_times_in_another_zone_count_the_same() -> None:
    act = activity(10)
    copenhagen = dt.timezone(dt.timedelta(hours=1))
    state = TimerState(activity=act.id, started=T0.astimezone(copenhagen))
    assert wt.remaining(state, act, T0 + dt.timedelta(minutes=4)) == 6 * 60


def test_clock_text() -> None:
    assert wt.clock_text(0) == "00:00"
    assert wt.clock_text(0.2) == "00:01"
    assert wt.clock_text(-0.7) == "00:00"
    assert wt.clock_text(-61) == "-01:01"
    assert wt.clock_text(75 * 60) == "75:00"


def workshop(timer: TimerState | None = None) -> Workshop:
    return Workshop(id="workshop-a", title="Dag 1", timer=timer, agenda=[
        activity(30, "activity-tree"), activity(10, "activity-break"), activity(15, "activity-ideas")])


def test_next_activity_starts_logs_and_ends() -> None:
    clock = FakeClock()
    day = workshop()
    timer, log = wt.next_activity(day, clock.now())
    assert timer is not None and timer.activity == "activity-tree" and log == []
    day = day.model_copy(update={"timer": timer})
    clock.jump(minutes=33)
    timer, log = wt.next_activity(day, clock.now())
    assert timer is not None and timer.activity == "activity-break" and timer.started == clock.now()
    assert [(e.activity, e.started, e.ended) for e in log] == [("activity-tree", T0, clock.now())]
    assert day.timer is not None and day.timer.activity == "activity-tree"  # not mutated
    last = workshop(wt.start(day.agenda[2], clock.now()))
    clock.jump(minutes=15)
    timer, log = wt.next_activity(last, clock.now())
    assert timer is None and log[0].activity == "activity-ideas" and log[0].ended == clock.now()


def test_next_activity_end_is_never_before_the_start() -> None:
    day = workshop(TimerState(activity="activity-tree", started=T0))
    timer, log = wt.next_activity(day, T0 - dt.timedelta(minutes=2))
    assert log[0].ended == log[0].started == T0
    assert timer is not None and timer.activity == "activity-break"


def test_next_activity_with_an_empty_agenda_or_a_removed_activity() -> None:
    assert wt.next_activity(Workshop(title="Tom"), T0) == (None, [])
    gone = workshop(TimerState(activity="activity-gone", started=T0))
    timer, log = wt.next_activity(gone, T0 + dt.timedelta(minutes=1))
    assert timer is None and log[0].activity == "activity-gone"

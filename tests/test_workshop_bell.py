"""The workshop bell is the app's, not each timer widget's: one ring each time a timer crosses zero
while the app runs, whichever screens show it; none after a restart when the time was long up.
A fake clock, no sleeping; ``app.bell`` is counted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
from borgerspil_tui.core.storage import create_project_file
from borgerspil_tui.tui.widgets.workshop_timer import GRACE_SECONDS, Bell, WorkshopTimer
from tests.app_helpers import SIZE, FakeClock, goto, make_app

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
ACTIVITY = Activity(id="activity-brain", title="Brainstorm", minutes=10, target="ideas")
STATE = TimerState(activity=ACTIVITY.id, started=START)


def test_one_ring_per_crossing() -> None:
    bell, at = Bell(), START
    assert bell.check(STATE, 30, at) == (False, False)
    assert bell.check(STATE, 0, at) == (True, True)  # zero is up
    assert bell.check(STATE, 0, at) == (False, True)  # a second widget: flashes, does not ring
    assert bell.check(STATE, -3, at + dt.timedelta(seconds=3)) == (False, False)  # the flash is over
    assert bell.check(STATE, 57, at) == (False, False)  # +1 minute after the time was up
    assert bell.check(STATE, -1, at) == (True, True)  # …and that minute ran out: a new crossing
    other = STATE.model_copy(update={"started": START + dt.timedelta(minutes=10)})
    assert bell.check(other, 5, at) == (False, False) and bell.check(other, -1, at) == (True, True)


def test_a_time_long_up_when_first_seen_does_not_ring() -> None:
    bell = Bell()
    assert bell.check(STATE, -GRACE_SECONDS - 1, START) == (False, False)
    assert bell.check(STATE, -600, START) == (False, False)
    just = Bell()
    assert just.check(STATE, -GRACE_SECONDS + 1, START) == (True, True)  # missed by a moment: rings


def _project(path: Path, minutes_ago: float) -> None:
    state = TimerState(activity=ACTIVITY.id, started=START - dt.timedelta(minutes=minutes_ago))
    workshop = Workshop(id="workshop-day", title="Dag", agenda=[ACTIVITY], timer=state)
    create_project_file(path, Project(schema_version=1, title="Værksted", workshops=[workshop]))


def _timers(app) -> list[WorkshopTimer]:
    return [timer for screen in app.screen_stack for timer in screen.query(WorkshopTimer)]


async def test_two_screens_ring_once_and_a_restart_rings_not_again(tmp_path: Path) -> None:
    path = tmp_path / "w.borgerspil.yaml"
    _project(path, minutes_ago=9)
    clock = FakeClock(START)
    rings: list[int] = []
    app = make_app(path)
    app.clock = clock
    app.bell = lambda: rings.append(1)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")  # the overview (with its corner timer) stays below
        timers = _timers(app)
        assert len(timers) == 2
        for widget in timers:
            widget.tick()
        assert rings == []
        clock.advance(minutes=1, seconds=1)
        for _ in range(3):
            for widget in timers:
                widget.tick()
        await pilot.pause()
        assert rings == [1]
        assert all(widget.has_class("-up") for widget in timers)  # every timer showing it flashes
        clock.advance(seconds=5)
        timers[0].tick()
        assert not timers[0].has_class("-up") and timers[0].has_class("-overrun")
    # a restart two minutes later: the time was up long before this app saw it
    again = make_app(path)
    again.clock = clock
    again.bell = lambda: rings.append(2)
    clock.advance(minutes=2)
    async with again.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        for widget in _timers(again):
            widget.tick()
            assert widget.has_class("-overrun") and not widget.has_class("-up")
        await pilot.pause()
    assert rings == [1]


async def test_a_restart_just_after_zero_still_rings(tmp_path: Path) -> None:
    path = tmp_path / "w.borgerspil.yaml"
    _project(path, minutes_ago=10)
    app = make_app(path)
    app.clock = FakeClock(START + dt.timedelta(seconds=2))
    rings: list[int] = []
    app.bell = lambda: rings.append(1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for widget in _timers(app):
            widget.tick()
        assert rings == [1]

"""Pilot tests of the workshop screen: the agenda through undoable changes, and the running timer
with a fake clock (no sleeping): overrun, next activity logged, ±1 minute, pause, restart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import create_project_file, load_project
from borgerspil_tui.tui.widgets.workshop_timer import WorkshopTimer
from tests.app_helpers import SIZE, goto, make_app

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.moment = now

    def now(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


def _timer_text(app) -> str:
    widget = app.screen.query_one(WorkshopTimer)
    widget.tick()
    return str(widget.visual)


async def test_agenda_and_running_timer(tmp_path: Path) -> None:
    path = tmp_path / "w.borgerspil.yaml"
    create_project_file(path, Project(schema_version=1, title="Værksted"))
    app = make_app(path)
    clock = FakeClock(START)
    app.clock = clock
    rings: list[int] = []
    app.bell = lambda: rings.append(1)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("n")
        assert len(app.session.project.workshops) == 1
        await pilot.press("n", *"Brainstorm", "enter", "backspace", "backspace", *"10", "enter")
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "enter")  # causes, consequences, … → ideas
        await pilot.pause()
        await pilot.press("n", *"Pause", "enter", "enter")  # 15 minutes kept
        await pilot.pause()
        await pilot.press("escape")  # no target
        await pilot.pause()
        workshop = app.session.project.workshops[0]
        assert [(a.title, a.minutes, a.target) for a in workshop.agenda] == [
            ("Brainstorm", 10, "ideas"), ("Pause", 15, None)]
        first, second = workshop.agenda
        app.screen.query_one("#items").focus()
        await pilot.press("space")
        assert app.session.project.workshops[0].timer.activity == first.id
        assert _timer_text(app).endswith("10:00")
        clock.advance(minutes=15)
        text = _timer_text(app)
        assert "Brainstorm -05:00" in text
        assert app.screen.query_one(WorkshopTimer).has_class("-overrun")
        assert app.screen.query_one(WorkshopTimer).has_class("-up")  # the flash
        assert rings == [1]
        _timer_text(app)
        assert rings == [1]  # the bell rings once
        await pilot.press("right")
        workshop = app.session.project.workshops[0]
        assert [(e.activity, e.started, e.ended) for e in workshop.log] == [
            (first.id, START, START + dt.timedelta(minutes=15))]
        assert workshop.timer.activity == second.id
        await pilot.press("plus")
        assert "Pause 16:00" in _timer_text(app)
        await pilot.press("space")
        clock.advance(minutes=5)
        assert "16:00" in _timer_text(app)  # paused: no time used
        await pilot.press("space")
        clock.advance(minutes=1)
        assert "15:00" in _timer_text(app)
        # ctrl+z undoes an agenda edit
        app.screen.query_one("#items").move_cursor(row=1)
        await pilot.press("shift+up")
        assert [a.title for a in app.session.project.workshops[0].agenda] == ["Pause", "Brainstorm"]
        await pilot.press("ctrl+z")
        assert [a.title for a in app.session.project.workshops[0].agenda] == ["Brainstorm", "Pause"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = load_project(path).project.workshops[0]
    assert saved.timer is not None and saved.timer.activity == second.id and saved.timer.extra_minutes == 1
    assert saved.timer.paused_seconds == 300
    # a restart, the clock moved on two minutes: 13 minutes left
    again = make_app(path)
    clock.advance(minutes=2)
    again.clock = clock
    async with again.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        assert "Pause 13:00" in _timer_text(again)


async def test_the_running_timer_is_in_the_corner_of_every_other_screen(tmp_path: Path) -> None:
    """Small in the top right corner of every screen while an activity runs; nothing when none does."""
    from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop

    path = tmp_path / "w.borgerspil.yaml"
    activity = Activity(id="activity-brain", title="Brainstorm [bold]x[/]", minutes=10, target="ideas")
    project = Project(schema_version=1, title="Værksted", workshops=[Workshop(title="Dag", agenda=[activity])])
    create_project_file(path, project)
    app = make_app(path)
    clock = FakeClock(START + dt.timedelta(minutes=3))
    app.clock = clock
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        corner = app.screen.query_one(WorkshopTimer)
        corner.tick()
        assert corner.has_class("-idle") and not corner.display
        timer_state = TimerState(activity=activity.id, started=START)
        app.session.apply("start", app.session.changes.set(("workshops", project.workshops[0].id, "timer"),
                                                           timer_state))
        for name in ("overview", "matrix"):
            await goto(pilot, name)
            corner = app.screen.query_one(WorkshopTimer)
            corner.tick()
            await pilot.pause()
            assert str(corner.visual) == "Brainstorm [bold]x[/] 07:00"  # literally, markup and all
            assert corner.region.right == 80 and corner.region.y == 0

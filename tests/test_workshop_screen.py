"""Pilot tests of the workshop screen: the agenda through undoable changes, and the running timer
with a fake clock (no sleeping): overrun, next activity logged, ±1 minute, pause, restart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import create_project_file, load_project
from borgerspil_tui.tui.widgets.workshop_timer import WorkshopTimer
from tests.app_helpers import SIZE, FakeClock, goto, make_app, notices

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


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
        await pilot.press("down", "down", "down", "down", "down", "enter")  # (ingen), causes, … → ideas
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


# -- planning: which workshop, its details, who takes part, the bell, an agenda template -------------
def _planning_project(tmp_path: Path) -> Path:
    from borgerspil_tui.core.model.create import Guest
    from borgerspil_tui.core.model.readiness import TeamMember

    project = Project(schema_version=1, title="Værksted")
    project.readiness.team = [TeamMember(id="person-mette1", name="Mette"), TeamMember(id="person-jonas1", name="Jonas")]
    project.create.guests = [Guest(id="guest-borger1", name="Borger")]
    path = tmp_path / "plan.borgerspil.yaml"
    create_project_file(path, project)
    return path


def _title_line(app) -> str:
    return str(app.screen.query_one("#title-line").visual)


async def _choose(pilot, option_id: str) -> None:
    """In an open one-choice picker: highlight ``option_id`` and press Enter."""
    from textual.widgets import OptionList

    options = pilot.app.screen.query_one(OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    options.highlighted = ids.index(option_id)
    await pilot.press("enter")
    await pilot.pause()


async def test_two_workshops_details_and_switching_edits_the_one_shown(tmp_path: Path) -> None:
    path = _planning_project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")  # the app's key for the workshop (F6 too)
        await pilot.pause()
        assert app.screen.NAME == "workshop"
        await pilot.press("n")  # no workshop yet: today's
        [first] = app.session.project.workshops
        await pilot.press("i", "ctrl+u", *"Dag 1 [bold]x[/]", "enter")  # title, then the date
        await pilot.press("ctrl+u", *"1. maj", "enter")  # refused: the bar keeps it and says why
        await pilot.pause()
        assert app.session.project.workshops[0].date == dt.date.today()
        assert "ÅÅÅÅ-MM-DD" in str(app.screen.query_one("#edit-bar").reason)
        await pilot.press("ctrl+u", *"2026-05-01", "enter", *"Rådhuset [b]y[/b]", "enter")
        await pilot.pause()
        shown = app.session.project.workshops[0]
        assert (shown.title, shown.date, shown.place) == ("Dag 1 [bold]x[/]", dt.date(2026, 5, 1), "Rådhuset [b]y[/b]")
        assert "«Dag 1 [bold]x[/]» · 2026-05-01 · Rådhuset [b]y[/b] · 0 deltagere" in _title_line(app)
        await pilot.press("ctrl+n")  # a second workshop, shown at once
        await pilot.pause()
        first, second = app.session.project.workshops
        assert "workshop 2 af 2" in _title_line(app) and f"«{second.title}»" in _title_line(app)
        await pilot.press("n", *"Tjek ind", "enter", "enter", "escape")
        await pilot.pause()
        assert [a.title for a in app.session.project.workshops[1].agenda] == ["Tjek ind"]
        await pilot.press("v")  # choose the first again; its choice reads literally
        await pilot.pause()
        labels = [str(app.screen.query_one("#picker-list").get_option_at_index(i).prompt)
                  for i in range(2)]  # no "(ingen)": a workshop to show
        assert "Dag 1 [bold]x[/] · 2026-05-01 · Rådhuset [b]y[/b] · 0 deltagere" in labels[0]
        await _choose(pilot, first.id)
        assert "workshop 1 af 2" in _title_line(app) and "Rådhuset [b]y[/b]" in _title_line(app)
        await pilot.press("n", *"Brainstorm", "enter", "enter", "escape")
        await pilot.pause()
        first, second = app.session.project.workshops
        assert [a.title for a in first.agenda] == ["Brainstorm"]  # the one shown, not the last
        assert [a.title for a in second.agenda] == ["Tjek ind"]
        table = app.screen.query_one("#items")
        assert [str(table.get_row_at(r)[0]) for r in range(table.row_count)] == ["Brainstorm"]
        await pilot.press("ctrl+s")
    saved = load_project(path).project.workshops
    assert [(w.title, [a.title for a in w.agenda]) for w in saved] == [
        ("Dag 1 [bold]x[/]", ["Brainstorm"]), (second.title, ["Tjek ind"])]


async def test_participants_a_new_guest_and_the_bell_off_are_saved(tmp_path: Path) -> None:
    path = _planning_project(tmp_path)
    app = make_app(path, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("n", "f")
        await pilot.pause()
        await pilot.press("space", "down", "down", "space", "down", "space", "enter")  # Mette, the guest, new guest
        await pilot.pause()
        await pilot.press(*"Ali [i]", "enter")
        await pilot.pause()
        project = app.session.project
        guest = project.create.guests[-1]
        assert guest.name == "Ali [i]"
        assert project.workshops[0].participants == ["person-mette1", "guest-borger1", guest.id]
        assert "3 participants" in _title_line(app)
        await pilot.press("ctrl+z")  # the new guest and its place in the workshop go together
        project = app.session.project
        assert [g.name for g in project.create.guests] == ["Borger"]
        assert project.workshops[0].participants == ["person-mette1", "guest-borger1"]
        await pilot.press("ctrl+y", "b")
        await pilot.pause()
        assert app.session.project.workshops[0].bell is False and "bell off" in _title_line(app)
        await pilot.press("ctrl+s")
    text = path.read_text("utf-8")
    assert "bell: false" in text
    saved = load_project(path).project
    assert len(saved.workshops[0].participants) == 3 and saved.create.guests[-1].name == "Ali [i]"


async def test_a_template_is_added_to_the_agenda_as_one_undo_step(tmp_path: Path) -> None:
    from borgerspil_tui.core.method import bundled_method
    from borgerspil_tui.core.model.focus import ProcessRow

    path = _planning_project(tmp_path)
    app = make_app(path)
    template = next(t for t in bundled_method().workshop_templates if t.id == "create-idea-workshop")
    wanted = [a.title("da") for a in template.activities]
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("a")  # no workshop yet: one made with the template's agenda, one step
        await pilot.pause()
        await _choose(pilot, "template:create-idea-workshop")
        [workshop] = app.session.project.workshops
        assert [a.title for a in workshop.agenda] == wanted
        await pilot.press("ctrl+z")
        assert app.session.project.workshops == []
        await pilot.press("n", "n", *"Velkommen", "enter", "enter", "escape")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await _choose(pilot, "template:create-idea-workshop")
        agenda = app.session.project.workshops[0].agenda
        assert [a.title for a in agenda] == ["Velkommen", *wanted]  # appended
        assert [(a.minutes, a.target) for a in agenda[1:]] == [(a.minutes, a.target) for a in template.activities]
        assert agenda[3].question.startswith("Mange idéer")
        table = app.screen.query_one("#items")
        assert table.row_count == len(wanted) + 1
        await pilot.press("ctrl+z")  # one undo takes the whole template back
        assert [a.title for a in app.session.project.workshops[0].agenda] == ["Velkommen"]
        assert app.screen.query_one("#items").row_count == 1
        # the process design's methods for a phase are a starting point too
        app.session.apply("forløb", app.session.changes.add(
            ("focus", "process"), ProcessRow(phase="create", timeframe="April", weeks=2,
                                             methods="Hvad nu hvis-spørgsmål, prototyper på papir")))
        await pilot.press("a")
        await pilot.pause()
        options = app.screen.query_one("#picker-list")
        prompts = {options.get_option_at_index(i).id: str(options.get_option_at_index(i).prompt)
                   for i in range(options.option_count)}
        assert "(April, 2 uger): Hvad nu hvis-spørgsmål, prototyper på papir" in prompts["process:create"]
        await _choose(pilot, "process:create")
        agenda = app.session.project.workshops[0].agenda
        assert [(a.title, a.target) for a in agenda] == [
            ("Velkommen", None), ("Hvad nu hvis-spørgsmål", "what_ifs"), ("Prototyper på papir", None)]
        await pilot.press("ctrl+s")
    assert len(load_project(path).project.workshops[0].agenda) == 3


async def test_w_opens_the_workshop_where_neither_a_field_nor_the_screen_takes_it(tmp_path: Path) -> None:
    from borgerspil_tui.core.model.experience import Observation

    project = Project(schema_version=1, title="Taster")
    project.experience.observations = [Observation(what="Venter")]
    path = tmp_path / "w.borgerspil.yaml"
    create_project_file(path, project)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "knowledge")
        await pilot.press("n", "w")  # typed in the bar
        assert app.screen.NAME == "knowledge" and app.screen.query_one("#edit-bar").text == "w"
        await pilot.press("escape")
        await goto(pilot, "observations")
        await pilot.press("w")  # the observations' own w: who
        assert app.screen.NAME == "observations" and app.screen.query_one("#edit-bar").is_open
        await pilot.press("escape", "escape")  # out of the bar, back to the screen before
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.NAME == "workshop"
        await pilot.press("escape", "f6")
        await pilot.pause()
        assert app.screen.NAME == "workshop"  # F6 as before


async def test_undo_moves_the_running_mark_back_and_a_second_workshop_cannot_start_a_second_clock(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _planning_project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    said = notices(app, monkeypatch)  # recorded when sent: a notice times out on a slow machine
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("n", "n", *"Velkomst", "enter", "enter", "escape")
        await pilot.press("n", *"Brainstorm", "enter", "enter", "escape")
        await pilot.pause()
        table = app.screen.query_one("#items")
        table.focus()
        await pilot.press("space", "right")
        rows = lambda: [str(table.get_row_at(i)[0]) for i in range(table.row_count)]  # noqa: E731
        assert rows() == ["Velkomst", "▶ Brainstorm"]
        await pilot.press("ctrl+z")  # the step to the brainstorm undone: the mark goes back with it
        await pilot.pause()
        assert rows() == ["▶ Velkomst", "Brainstorm"]
        await pilot.press("ctrl+n", "n", *"Kort test", "enter", "enter", "escape")
        await pilot.pause()
        app.screen.query_one("#items").focus()
        await pilot.press("space")  # the first workshop's clock still runs: refused, said which
        second = app.session.project.workshops[1]
        assert second.timer is None
        assert "har et ur, der går" in str(app.screen.query_one("#status-line").visual) or any(
            "har et ur, der går" in note for note in said)


async def test_m_edits_only_the_minutes_a_new_activity_asks_minutes_then_target(tmp_path: Path) -> None:
    path = _planning_project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("n", "n", *"Brainstorm", "enter", "enter")  # title, minutes kept: the target is asked
        await pilot.pause()
        assert app.screen.query("#picker-list")
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#items").focus()
        await pilot.press("m", "ctrl+u", *"25", "enter")
        await pilot.pause()
        assert app.session.project.workshops[0].agenda[0].minutes == 25
        assert not app.screen.query("#picker-list"), "m alone asks nothing more"

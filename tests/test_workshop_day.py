"""A whole workshop day as a facilitator runs it, by keys only, with a fake clock (no sleeping):
plan it from a template, name it and pick who takes part, run four activities — capture what-ifs
with credits, paste the brainstorm's ideas, a dot-voting round, a closing talk — look at the
presenter view on the way, and read the summary after the day; then the saved file, a restart in
the middle of the day, and the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import events

from borgerspil_tui.core.derived import dots_per_idea
from borgerspil_tui.core.export import export_report
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Guest
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.storage import create_project_file, load_project
from tests.app_helpers import SIZE, FakeClock, make_app, screen_text, until
from tests.test_workshop_screen import START, _choose

IDEAS = ["Sms dagen før besøget", "Fast kontaktperson [bold]altid[/]", "Hent selv i depotet"]


def _project(tmp_path: Path) -> Path:
    project = Project(schema_version=1, title="Hjælpemidler")
    project.readiness.team = [TeamMember(id="person-anna", name="Anna"), TeamMember(id="person-jonas", name="Jonas")]
    project.create.guests = [Guest(id="guest-carla", name="Carla")]
    path = tmp_path / "dag.borgerspil.yaml"
    create_project_file(path, project)
    return path


async def _capture_screen(pilot) -> None:
    await pilot.press("o")
    await pilot.pause()
    assert pilot.app.screen.NAME == "capture"


async def _plan(pilot, app) -> None:
    await pilot.press("w")  # from the overview
    await pilot.pause()
    assert app.screen.NAME == "workshop"
    await pilot.press("a")  # no workshop yet: today's, with the template's agenda
    await pilot.pause()
    await _choose(pilot, "template:create-quick-ideas")
    await pilot.press("i", "ctrl+u", *"Idédag", "enter", "ctrl+u", *"2026-05-01", "enter", *"Rådhuset", "enter")
    await pilot.pause()
    await pilot.press("f")  # Anna and Carla take part, Jonas does not
    await pilot.pause()
    await pilot.press("space", "down", "down", "space", "enter")
    await pilot.pause()
    [workshop] = app.session.project.workshops
    assert (workshop.title, workshop.date, workshop.place) == ("Idédag", dt.date(2026, 5, 1), "Rådhuset")
    assert workshop.participants == ["person-anna", "guest-carla"]
    assert [(a.title, a.minutes, a.target) for a in workshop.agenda] == [
        ("Hvad nu hvis?", 15, "what_ifs"), ("Brainstorm", 20, "ideas"), ("Prikstemme", 10, "votes"),
        ("Opsamling", 15, None)]
    app.screen.query_one("#items").focus()


async def test_a_whole_workshop_day_by_keys(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    clock = app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await _plan(pilot, app)

        # 1. Hvad nu hvis? — 15 minutes, over in 14; two questions, one credited to Carla
        await pilot.press("space")
        await _capture_screen(pilot)
        assert "Hvad nu hvis-spørgsmål" in screen_text(app)
        await pilot.press(*"Hvad nu hvis borgeren selv kunne bestille? @Carla", "enter")
        await pilot.press(*"Hvad nu hvis vi ringede først? @Anna", "enter")
        clock.advance(minutes=14)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.NAME == "workshop"

        # 2. Brainstorm — 20 minutes, runs 25: the room's ideas pasted at once, seen on the wall
        await pilot.press("right")
        await _capture_screen(pilot)
        app.screen.query_one("#capture-input").post_message(events.Paste("\n".join(IDEAS)))
        await until(pilot, lambda: len(app.session.project.create.ideas) == 3)
        clock.advance(minutes=25)
        await pilot.press("f7")  # the presenter view: the timer's overrun, what was captured, nothing else
        await pilot.pause()
        wall = screen_text(app)
        assert "Brainstorm" in wall and all(idea in wall for idea in IDEAS)
        digits = str(app.screen.query_one("Digits").value)
        assert digits == "-05:00"
        assert not app.screen.query("Footer, KeyBar, StatusLine")
        await pilot.press("p")  # back to the capture screen, then to the workshop
        await pilot.pause()
        assert app.screen.NAME == "capture"
        await pilot.press("escape")
        await pilot.pause()

        # 3. Prikstemme — 10 minutes: an anonymous round, each participant at the laptop in turn
        await pilot.press("right", "o")
        await pilot.pause()
        assert app.screen.NAME == "voting-round"
        await pilot.press("a", "s")  # anonymous, start: 3 dots each, at most 1 per idea
        assert "Tur: Anna" in screen_text(app)
        await pilot.press("home", "space", "down", "space", "n")  # Anna: Sms, Fast kontakt
        text = screen_text(app)
        assert "Tur: Carla" in text and "Anna" not in text.split("Tur: Carla")[1][:40]
        await pilot.press("home", "down", "space", "n")  # Carla: Fast kontakt
        await pilot.press("v")
        clock.advance(minutes=9)
        await pilot.press("escape")
        await pilot.pause()

        # 4. Opsamling — 15 minutes, done in 12; then the day is over
        await pilot.press("right")
        clock.advance(minutes=12)
        await pilot.press("right")
        assert app.session.project.workshops[0].timer is None

        # after the day: the summary
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.NAME == "workshop-summary"
        summary = screen_text(app)
        assert "Hvad nu hvis borgeren selv kunne bestille? — sagt af Carla" in summary
        assert "09:14–09:39" in summary and "+5 min over tiden" in summary
        assert "██ 2  Fast kontaktperson [bold]altid[/]" in summary  # the round's result, literally
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()

    project = load_project(path).project
    [workshop] = project.workshops
    ideas = {idea.title: idea for idea in project.create.ideas}
    what_ifs = project.create.what_ifs
    assert [(w.question, w.said_by) for w in what_ifs] == [
        ("Hvad nu hvis borgeren selv kunne bestille?", "guest-carla"), ("Hvad nu hvis vi ringede først?", "person-anna")]
    log = {entry.activity: entry for entry in workshop.log}
    agenda = [a.id for a in workshop.agenda]
    assert list(log) == agenda  # every activity logged once, in order
    minutes = [(log[a].ended - log[a].started).total_seconds() / 60 for a in agenda]
    assert minutes == [14, 25, 9, 12]
    assert log[agenda[0]].captured == [w.id for w in what_ifs]
    assert log[agenda[1]].captured == [ideas[t].id for t in IDEAS]
    [held] = workshop.rounds
    assert (held.activity, held.anonymous, held.voters) == (agenda[2], True, 2)
    assert project.create.votes == []  # anonymous: the totals only
    dots = dots_per_idea(project)
    assert [dots[ideas[title].id] for title in IDEAS] == [1, 2, 0]
    assert workshop.timer is None
    report = export_report(project, method=bundled_method(), fmt="md", lang="da", parts=("workshops",))
    assert "Idédag" in report and "Rådhuset" in report and "Brainstorm" in report
    assert "+5" in report, "the brainstorm's overrun"


async def test_a_restart_in_the_middle_of_an_activity_keeps_the_time_and_what_was_captured(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    clock = app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await _plan(pilot, app)
        await pilot.press("space", "right")  # the brainstorm runs
        await _capture_screen(pilot)
        await pilot.press(*"Sms dagen før", "enter")
        clock.advance(minutes=7, seconds=30)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    # the laptop was closed for three minutes; the app starts again on the same file
    again = make_app(path)
    again.clock = FakeClock(START + dt.timedelta(minutes=10, seconds=30))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        assert str(again.screen.query_one("Digits").value) == "09:30"
        assert "Sms dagen før" in screen_text(again)
        await pilot.press("escape", "w")
        await pilot.pause()
        app_screen = again.screen
        app_screen.query_one("#items").focus()
        await _capture_screen(pilot)
        assert "Sms dagen før" in screen_text(again)  # the activity's list, from the file

"""Pilot tests of the workshop summary screen: reached by ``s`` on the workshop screen and through
the palette; the activities against their plan, what each captured, the round's bars; hostile text
shown literally; ``d`` switches between workshops; nothing here edits the project."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Guest, Idea
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import (
    Activity,
    ActivityLog,
    RoundTotal,
    TimerState,
    VoteRound,
    Workshop,
)
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import create_project_file, load_project
from tests.app_helpers import HOSTILE, SIZE, goto, make_app, palette_to, screen_text


def utc(hour: int, minute: int) -> dt.datetime:
    return dt.datetime(2026, 5, 1, hour, minute, tzinfo=dt.UTC)


class FakeClock:
    """The app's clock, fixed (no sleeping)."""

    def __init__(self, now: dt.datetime) -> None:
        self.moment = now

    def now(self) -> dt.datetime:
        return self.moment


@pytest.fixture
def copenhagen(monkeypatch: pytest.MonkeyPatch):
    """The computer's zone is Copenhagen's (summer: UTC+2) for the test, and back after."""
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def workshop_file(tmp_path: Path, *, hostile: str = "Lang ventetid", second: bool = False) -> Path:
    """A project whose workshop has a log, captured items and a round, built through the session
    as the app would: the items added, the workshop added with its log and round."""
    path = tmp_path / "w.borgerspil.yaml"
    create_project_file(path, Project(schema_version=1, title="Værksted"))
    session = Session.open(path)
    edit = session.changes
    session.apply("people", [*edit.add(("readiness", "team"), TeamMember(id="person-anna", name="Anna Holm")),
                             *edit.add(("create", "guests"), Guest(id="guest-bo", name="Bo Berg"))])
    session.apply("items", [*edit.add(("focus", "causes"), TreeNode(id="node-c1", text=hostile, said_by="person-anna")),
                            *edit.add(("create", "ideas"), Idea(id="idea-sms", title="Sms", said_by="guest-bo")),
                            *edit.add(("create", "ideas"), Idea(id="idea-hent", title="Hent selv"))])
    if second:
        session.apply("first", edit.add(("workshops",), Workshop(id="workshop-w0", title="Forberedelse", agenda=[
            Activity(id="activity-old", title="Opvarmning", minutes=5)])))
    workshop = Workshop(
        id="workshop-w1", title="Dag 1", date=dt.date(2026, 5, 1), place="Rådhuset",
        participants=["person-anna", "guest-bo"],
        agenda=[Activity(id="activity-tree", title="Problemtræ", minutes=30, target="causes"),
                Activity(id="activity-brain", title="Brainstorm", minutes=15, target="ideas"),
                Activity(id="activity-vote", title="Prikstemme", minutes=10, target="votes"),
                Activity(id="activity-pause", title="Pause", minutes=10)],
        log=[ActivityLog(activity="activity-tree", started=utc(7, 0), ended=utc(7, 37), captured=["node-c1"]),
             ActivityLog(activity="activity-brain", started=utc(7, 37), ended=utc(7, 49),
                         captured=["idea-sms", "idea-hent"])],
        timer=TimerState(activity="activity-vote", started=utc(7, 50)),
        rounds=[VoteRound(id="round-r1", activity="activity-vote", held=utc(7, 58), voters=2, dots_per_person=2,
                          totals=[RoundTotal(idea="idea-hent", dots=3), RoundTotal(idea="idea-sms", dots=1)])])
    session.apply("workshop", edit.add(("workshops",), workshop))
    session.save()
    return path


def app_on(path: Path):
    app = make_app(path)
    app.clock = FakeClock(utc(8, 2))
    return app


async def test_s_on_the_workshop_screen_shows_the_summary(tmp_path: Path, copenhagen: None) -> None:
    path = workshop_file(tmp_path)
    before = path.read_bytes()
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.NAME == "workshop-summary"
        text = screen_text(app)
        for expected in ("Dag 1", "Dato: 2026-05-01", "Sted: Rådhuset", "Deltagere: Anna Holm, Bo Berg",
                         "Problemtræ", "30 min", "09:00–09:37", "+7 min over tiden",
                         "09:37–09:49", "−3 min sparet", "09:50–nu", "i gang, 12 min indtil nu", "ikke holdt",
                         "Indfanget under Problemtræ", "• Årsag: Lang ventetid — sagt af Anna Holm",
                         "• Idé: Sms — sagt af Bo Berg", "• Idé: Hent selv",
                         "Runde 1 · under Prikstemme · kl. 09:58 · med navne · 2 prikker pr. person",
                         "  1. " + "█" * 30 + " 3  Hent selv", "  2. " + "█" * 10 + " 1  Sms",
                         "Planlagt i alt: 65 min", "Brugt: 49 min på 2 afholdte aktiviteter, der var sat til 45 min",
                         "Indfanget i alt: 1 årsag, 2 idéer"):
            assert expected in text, expected
        assert "Workshop 1 af" not in text  # one workshop: no switching line
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.NAME == "workshop"
        assert not app.session.dirty
    assert path.read_bytes() == before


async def test_the_palette_finds_it_in_english_and_d_switches_day(tmp_path: Path, copenhagen: None) -> None:
    path = workshop_file(tmp_path, second=True)
    app = make_app(path, language="en")
    app.clock = FakeClock(utc(8, 2))
    async with app.run_test(size=SIZE) as pilot:
        await palette_to(pilot, "workshop summ")
        await pilot.pause()
        assert app.screen.NAME == "workshop-summary"
        text = screen_text(app)
        assert "Workshop 2 of 2 · d switches day" in text and "+7 min overrun" in text and "Opvarmning" not in text
        await pilot.press("d")
        text = screen_text(app)
        assert "Workshop 1 of 2" in text and "Forberedelse" in text and "Opvarmning" in text
        assert "not held" in text and "Problemtræ" not in text and "No dot-voting rounds." in text
        await pilot.press("d")
        assert "Workshop 2 of 2" in screen_text(app)


async def test_hostile_text_is_shown_literally(tmp_path: Path, copenhagen: None) -> None:
    path = workshop_file(tmp_path, hostile=HOSTILE)
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop-summary")
        assert f"• Årsag: {HOSTILE} — sagt af Anna Holm" in screen_text(app)
        assert app.is_running


async def test_no_workshop_says_where_to_make_one_and_an_idea_deleted_later(tmp_path: Path,
                                                                            copenhagen: None) -> None:
    path = tmp_path / "tom.borgerspil.yaml"
    create_project_file(path, Project(schema_version=1, title="Tom"))
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop-summary")
        assert "Ingen workshop endnu" in screen_text(app)
        await pilot.press("d")  # nothing to switch to: nothing happens
        assert "Ingen workshop endnu" in screen_text(app)
    (tmp_path / "day").mkdir()
    path = workshop_file(tmp_path / "day")
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop-summary")
        session = app.session
        assert session is not None
        session.apply("slet", session.changes.remove(session.changes.path_of("idea-sms")))
        await pilot.pause()
        text = screen_text(app)
        assert "Sms" not in text and "  1. " + "█" * 30 + " 3  Hent selv" in text  # the screen follows the edit
        assert "Indfanget i alt: 1 årsag, 1 idé" in text
    assert {i.id for i in load_project(path).project.create.ideas} == {"idea-sms", "idea-hent"}  # not saved yet


async def test_s_shows_the_workshop_chosen_on_the_workshop_screen(tmp_path: Path, copenhagen: None) -> None:
    from textual.widgets import OptionList

    path = workshop_file(tmp_path, second=True)
    app = app_on(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("v")  # choose the first workshop (not the last)
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("workshop-w0")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert app.screen.NAME == "workshop-summary"
        assert "Workshop 1 af 2" in text and "Opvarmning" in text and "Problemtræ" not in text
        await pilot.press("d")  # round again: the last
        assert "Workshop 2 af 2" in screen_text(app) and "Problemtræ" in screen_text(app)


async def test_the_whole_summary_is_reached_by_keys_at_80x24(tmp_path: Path) -> None:
    """One scroll for the whole summary: End reaches the rounds at the bottom, Home the top."""
    from borgerspil_tui.core.model.workshop import Activity, Workshop
    from borgerspil_tui.core.storage import save_project
    from tests.conftest import EXAMPLE

    path = tmp_path / "s.borgerspil.yaml"
    project = load_project(EXAMPLE).project
    project.workshops = [Workshop(id="workshop-lang", title="Lang dag", agenda=[
        Activity(id=f"activity-{n}", title=f"Aktivitet {n}", minutes=10) for n in range(30)])]
    save_project(path, project)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "workshop-summary")
        scroll = app.screen.query_one("#summary-scroll")
        assert app.focused is scroll and scroll.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y > 0
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert 0 < scroll.scroll_y

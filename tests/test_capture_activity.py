"""Fast capture tied to the running workshop activity (Pilot, keys as a user presses them): ``o`` on
the workshop screen opens the activity's tool, every captured item is noted in the activity's log
in the same undo step with its ``said_by``, the list comes from the model (there after a restart),
and no keystroke typed fast or pasted is lost."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual import events

from borgerspil_tui.core.model.create import Guest
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import Activity, Workshop
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, goto, make_app, notices, screen_text, until
from tests.test_workshop_screen import START, FakeClock

AGENDA = [Activity(id="activity-ideas", title="Idéer", minutes=10, target="ideas"),
          Activity(id="activity-causes", title="Årsager", minutes=10, target="causes"),
          Activity(id="activity-break", title="Kaffe", minutes=10),
          Activity(id="activity-votes", title="Prikker", minutes=10, target="votes")]


def _project(tmp_path: Path) -> Path:
    project = Project(schema_version=1, title="Værksted")
    project.readiness.team = [TeamMember(id="person-anna", name="Anna Holm"),
                              TeamMember(id="person-bo", name="Bo Team")]
    project.create.guests = [Guest(id="guest-bo", name="Bo")]
    project.workshops = [Workshop(id="workshop-dag", title="Dag", participants=["guest-bo"], agenda=AGENDA)]
    path = tmp_path / "v.borgerspil.yaml"
    save_project(path, project)
    return path


def _log(app, activity: str = "activity-ideas") -> list[str] | None:
    workshop = app.session.project.workshops[0]
    entry = next((e for e in workshop.log if e.activity == activity), None)
    return None if entry is None else list(entry.captured)


async def _start_and_open(pilot) -> None:
    await goto(pilot, "workshop")
    pilot.app.screen.query_one("#items").focus()
    await pilot.press("space", "o")
    await pilot.pause()
    assert pilot.app.screen.NAME == "capture"


async def test_capture_in_a_running_activity_is_logged_credited_undone_and_kept(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await _start_and_open(pilot)
        assert "Skrives ind i: Idéer" in screen_text(app)
        await pilot.press(*"Sms dagen før @Bo", "enter")  # Bo the guest takes part: him, not Bo Team
        await pilot.press(*"Fast kontakt @Anna", "enter")  # not a participant: the team's Anna
        await pilot.press(*"[bold]x[/] [link=x]y", "enter")
        ideas = app.session.project.create.ideas
        assert [(i.title, i.said_by) for i in ideas] == [
            ("Sms dagen før", "guest-bo"), ("Fast kontakt", "person-anna"), ("[bold]x[/] [link=x]y", None)]
        assert _log(app) == [i.id for i in ideas]
        entry = app.session.project.workshops[0].log[0]
        assert entry.started == START and entry.ended is None
        text = screen_text(app)
        assert "• [bold]x[/] [link=x]y  (Idéer)" in text  # literally, markup and all
        assert text.index("[bold]x[/]") < text.index("Fast kontakt  — @Anna Holm") < text.index("Sms dagen før  — @Bo")
        await pilot.press("ctrl+z")  # one step: the item and its mention in the log go together
        assert [i.title for i in app.session.project.create.ideas] == ["Sms dagen før", "Fast kontakt"]
        assert _log(app) == [i.id for i in app.session.project.create.ideas]
        assert "[bold]x[/]" not in screen_text(app)
        await pilot.press("delete")  # empty field: the newest captured item goes, from the log too
        assert [i.title for i in app.session.project.create.ideas] == ["Sms dagen før"]
        assert _log(app) == [app.session.project.create.ideas[0].id]
        await pilot.press(*"Hent selv", "enter")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    saved = load_project(path).project
    assert saved.workshops[0].log[0].captured == [i.id for i in saved.create.ideas]
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw["workshops"][0]["log"][0]["captured"] == [i.id for i in saved.create.ideas]
    again = make_app(path)  # a restart: the list is what the activity captured, from the file
    again.clock = FakeClock(START)
    async with again.run_test(size=SIZE) as pilot:
        await goto(pilot, "capture")
        text = screen_text(again)
        assert "Hent selv  (Idéer)" in text and "Sms dagen før  — @Bo  (Idéer)" in text
        assert text.index("Hent selv") < text.index("Sms dagen før")


async def test_the_next_activity_opens_on_its_list_and_a_break_or_a_vote_opens_what_fits(
        tmp_path: Path, monkeypatch) -> None:
    app = make_app(_project(tmp_path))
    clock = app.clock = FakeClock(START)
    sent = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _start_and_open(pilot)
        await pilot.press(*"Idé et", "enter")
        await goto(pilot, "workshop")
        clock.advance(minutes=12)
        app.screen.query_one("#items").focus()
        await pilot.press("right", "o")  # the causes activity
        await pilot.pause()
        assert app.screen.NAME == "capture" and "Skrives ind i: Årsager" in screen_text(app)
        assert "Idé et" not in screen_text(app)  # this activity's list: nothing yet
        await pilot.press(*"Lang ventetid @bo", "enter")
        causes = app.session.project.focus.causes
        assert [(c.text, c.said_by) for c in causes] == [("Lang ventetid", "guest-bo")]
        assert _log(app, "activity-causes") == [causes[0].id]
        assert _log(app) == [app.session.project.create.ideas[0].id]  # the first activity's stays
        await goto(pilot, "workshop")
        app.screen.query_one("#items").focus()
        await pilot.press("right", "o")  # the break: refused with our message
        await pilot.pause()
        assert app.screen.NAME == "workshop"
        assert any("'Kaffe' er en pause" in s for s in sent)
        await pilot.press("right", "o")  # the vote
        await pilot.pause()
        assert app.screen.NAME == "voting-round"


async def test_o_with_no_activity_running_says_so(tmp_path: Path, monkeypatch) -> None:
    app = make_app(_project(tmp_path))
    sent = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        app.screen.query_one("#items").focus()
        await pilot.press("o")
        assert app.screen.NAME == "workshop"
        assert any("Ingen aktivitet kører" in s for s in sent)


async def test_typing_fast_and_pasting_drop_no_keystroke(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await _start_and_open(pilot)
        field = app.screen.query_one("#capture-input")
        lines = [f"Hurtig {n} @Bo" for n in range(12)]
        for line in lines:  # every key posted at once, nothing waited for between them
            for char in line:
                app.post_message(events.Key(char, char))
            app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await pilot.press("a", "b", "enter", "c", "enter", "enter", "d", "enter")  # no pauses either
        field.post_message(events.Paste("\n".join(f"Sat ind {n}" for n in range(50))))
        await until(pilot, lambda: len(app.session.project.create.ideas) >= 65, tries=100)
        titles = [i.title for i in app.session.project.create.ideas]
        expected = [f"Hurtig {n}" for n in range(12)] + ["ab", "c", "d"] + [f"Sat ind {n}" for n in range(50)]
        assert titles == expected
        assert all(i.said_by == "guest-bo" for i in app.session.project.create.ideas[:12])
        assert _log(app) == [i.id for i in app.session.project.create.ideas]
        assert field.value == ""
        text = screen_text(app)
        assert "… og 25 mere" in text and "Sat ind 49" in text and "Hurtig 0" not in text
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    saved = load_project(path).project
    assert [i.title for i in saved.create.ideas] == expected
    assert saved.workshops[0].log[0].captured == [i.id for i in saved.create.ideas]


async def test_without_a_running_activity_capture_keeps_no_log(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "capture")
        await pilot.press(*"Løs idé @Bo", "enter")
        assert [(i.title, i.said_by) for i in app.session.project.create.ideas] == [("Løs idé", "guest-bo")]
        assert app.session.project.workshops[0].log == []
        assert "Løs idé  — @Bo  (Idéer)" in screen_text(app)
        assert app.session.project.workshops[0].timer is None


async def test_a_line_feed_ends_a_line_like_enter(tmp_path: Path) -> None:
    """Ctrl+J (a line feed, as some terminals send a typed-in new line) ends the line: the lines
    were run together."""
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "capture")
        await pilot.press(*"Typet A", "ctrl+j", *"Typet B", "enter")
        assert [i.title for i in app.session.project.create.ideas][-2:] == ["Typet A", "Typet B"]

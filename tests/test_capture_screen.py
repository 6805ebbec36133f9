"""Fast capture screen: Enter adds the typed line to the chosen list, @name credits, a pasted block
adds one item per line and drops none, Ctrl+Z takes the last one back, hostile text stays text.
The waiting post-its' count comes from the session's index (core/postit_waiting): it says what a
count of every post-it says after taking in, merging, hiding, showing again, undo, redo, an
activity deleted, a reload and a merge from disk, and a long random day; on the screen, after the
post-its screen's keys, Ctrl+Z/Ctrl+Y and the file changed on disk."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from textual import events
from textual.widgets import DataTable

from borgerspil_tui.core.model.create import Guest
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
from borgerspil_tui.core.outside_edits import UndoWouldLose
from borgerspil_tui.core.postit_ops import accept, hide, merge, unhide
from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_host import RoomHost
from borgerspil_tui.core.session import EditRefused, Session
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, FakeClock, goto, make_app, screen_text, until


def _project(tmp_path: Path) -> Path:
    project = Project(schema_version=1, title="Værksted")
    project.readiness.team = [TeamMember(id="person-aaaaaa", name="Anna Holm")]
    project.create.guests = [Guest(id="guest-aaaaaa", name="Bo")]
    path = tmp_path / "v.borgerspil.yaml"
    save_project(path, project)
    return path


async def test_three_typed_lines_become_three_ideas_in_the_model_and_the_file(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "capture")
        for line in ("Sms dagen før", "Fast kontaktperson @Anna", "Hent selv"):
            await pilot.press(*line, "enter")
        ideas = app.session.project.create.ideas
        assert [i.title for i in ideas] == ["Sms dagen før", "Fast kontaktperson", "Hent selv"]
        text = screen_text(app)
        assert "Fast kontaktperson  — @Anna Holm" in text
        assert text.index("Hent selv") < text.index("Sms dagen før")  # newest first
        assert app.screen.query_one("#capture-input").value == ""
        await pilot.press("ctrl+z")
        assert [i.title for i in app.session.project.create.ideas] == ["Sms dagen før", "Fast kontaktperson"]
        assert "Hent selv" not in screen_text(app)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    saved = load_project(path).project
    assert [i.title for i in saved.create.ideas] == ["Sms dagen før", "Fast kontaktperson"]


async def test_a_paste_of_50_lines_adds_50_items_and_drops_none(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "capture")
        await pilot.press("ctrl+t")  # ideas → what-ifs
        block = "\n".join(f"Hvad nu hvis {n}" for n in range(1, 51))
        app.screen.query_one("#capture-input").post_message(events.Paste(block))
        await pilot.pause()
        questions = [w.question for w in app.session.project.create.what_ifs]
        assert questions == [f"Hvad nu hvis {n}" for n in range(1, 51)]
        assert app.session.project.create.ideas == []
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    assert len(load_project(path).project.create.what_ifs) == 50


async def test_a_refused_line_stays_in_the_field_with_our_message(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "capture")
        field = app.screen.query_one("#capture-input")
        field.value = "Bip\x07lyd"
        await pilot.press("enter")
        assert app.session.project.create.ideas == []
        assert field.value == "Bip\x07lyd"
        assert "ikke taget (linje 1)" in screen_text(app)
        field.value = ""
        field.post_message(events.Paste("God\nOnd\x07\nOgså god"))
        await pilot.pause()
        assert [i.title for i in app.session.project.create.ideas] == ["God", "Også god"]
        assert "Ond" in field.value


async def test_hostile_text_is_shown_literally_and_tree_targets_add_at_the_top(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "capture")
        await pilot.press(*"[bold]x[/] [link=y]k[/link]", "enter")
        assert "[bold]x[/] [link=y]k[/link]" in screen_text(app)
        for _ in range(2):  # ideas → what-ifs → causes
            await pilot.press("ctrl+t")
        await pilot.press(*"Lang ventetid @Bo", "enter")
        causes = app.session.project.focus.causes
        assert [c.text for c in causes] == ["Lang ventetid"]
        assert "Lang ventetid  — @Bo" in screen_text(app)
        await pilot.press("delete")  # empty field: the newest captured item goes
        assert app.session.project.focus.causes == []


# -- the waiting post-its' count: through the session's index, right after every kind of change ----
START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
W = "workshop-dag"


def _workshop_project(tmp_path: Path) -> Path:
    project = Project(schema_version=1, title="Værksted")
    project.readiness.team = [TeamMember(id="person-aaaaaa", name="Anna Holm")]
    project.workshops = [Workshop(
        id=W, title="Idédag", participants=["person-aaaaaa"],
        agenda=[Activity(id="activity-ideas", title="Brainstorm", target="ideas"),
                Activity(id="activity-causes", title="Årsager", target="causes")],
        timer=TimerState(activity="activity-ideas", started=START))]
    path = tmp_path / "v.borgerspil.yaml"
    save_project(path, project)
    return path


def _same_as_a_scan(session: Session) -> None:
    """The tally says what counting every post-it of the project says."""
    project = session.project
    tally = session.index.waiting(project)
    assert tally.ids() == {p.id for w in project.workshops for p in w.postits if p.state == "new"}
    for workshop in project.workshops:
        assert tally.count(workshop.id) == sum(1 for p in workshop.postits if p.state == "new")
        for activity in workshop.agenda:
            assert tally.count(workshop.id, activity.id) == sum(
                1 for p in workshop.postits if p.state == "new" and p.activity == activity.id)


def _run(session: Session, activity: str) -> None:
    session.apply("timer", session.changes.set(("workshops", W, "timer"), TimerState(activity=activity, started=START)))


def test_the_tally_follows_take_in_merge_hide_undo_redo_deletion_and_the_disk(tmp_path: Path) -> None:
    path = _workshop_project(tmp_path)
    session = Session.open(path)
    host, room = RoomHost(session, Room(), FakeClock(START)), Room(allow_anonymous=True)
    assert session.index.waiting(session.project).count(W) == 0  # made now; kept from here on
    anna = room.join("Anna")
    ids = [host.post(anna, f"Idé {n}").id for n in range(4)]
    _run(session, "activity-causes")
    ids += [host.post(anna, f"Årsag {n}").id for n in range(2)]
    tally = session.index.waiting(session.project)
    assert (tally.count(W), tally.count(W, "activity-ideas"), tally.count(W, "activity-causes")) == (6, 4, 2)
    session.apply("accept", accept(session.changes, session.project, W, ids[0]))
    _same_as_a_scan(session)
    session.apply("merge", merge(session.changes, session.project, W, ids[1:3]))
    _same_as_a_scan(session)
    session.apply("hide", hide(session.changes, session.project, W, ids[4]))
    _same_as_a_scan(session)
    assert session.index.waiting(session.project).count(W, "activity-causes") == 1
    session.apply("unhide", unhide(session.changes, session.project, W, ids[4]))
    _same_as_a_scan(session)
    assert session.index.waiting(session.project).count(W, "activity-causes") == 2
    for _ in range(4):
        session.undo()
        _same_as_a_scan(session)
    assert session.index.waiting(session.project).count(W) == 6
    for _ in range(4):
        session.redo()
        _same_as_a_scan(session)
    assert session.index.waiting(session.project).count(W) == 3
    session.apply("delete", session.changes.remove(("workshops", W, "agenda", "activity-causes")))
    _same_as_a_scan(session)  # the activity is gone: its post-its wait in no activity, the day's count stays
    assert session.index.waiting(session.project).count(W) == 3
    session.undo()
    _same_as_a_scan(session)
    session.apply("delete", session.changes.remove(("workshops", W)))  # the whole day, and back
    assert session.index.waiting(session.project).ids() == set()
    session.undo()
    _same_as_a_scan(session)
    assert session.index.waiting(session.project).count(W) == 3
    session.save()

    # the file changed on disk: reloaded (no edits here) and merged (edits here)
    outside = load_project(path).project
    outside.workshops[0].postits[3].state = "hidden"
    save_project(path, outside, force=True)
    session.reload()
    _same_as_a_scan(session)
    assert session.index.waiting(session.project).count(W) == 2
    session.apply("hide", hide(session.changes, session.project, W, ids[4]))
    outside.workshops[0].postits[5].state = "hidden"
    save_project(path, outside, force=True)
    from borgerspil_tui.core.disk_sync import merge_from_disk

    assert merge_from_disk(session, save=False).outcome == "merged"
    _same_as_a_scan(session)
    assert session.index.waiting(session.project).count(W) == 0


def test_the_tally_stays_right_through_a_long_random_day(tmp_path: Path) -> None:
    session = Session.open(_workshop_project(tmp_path))
    host, room = RoomHost(session, Room(), FakeClock(START)), Room(allow_anonymous=True)
    people = [room.join(name) for name in ("Anna", "Bo", "")]
    chance = random.Random(14)
    session.index.waiting(session.project)
    for _ in range(300):
        postits = session.project.workshops[0].postits
        waiting = [p.id for p in postits if p.state == "new"]
        hidden = [p.id for p in postits if p.state == "hidden"]
        move = chance.choice(["post", "post", "accept", "merge", "hide", "unhide", "undo", "redo", "run"])
        try:
            if move == "post":
                host.post(chance.choice(people), f"Tekst {chance.randrange(1000)}")
            elif move == "accept" and waiting:
                session.apply("a", accept(session.changes, session.project, W, chance.choice(waiting)))
            elif move == "merge" and len(waiting) > 1:
                session.apply("m", merge(session.changes, session.project, W, chance.sample(waiting, 2)))
            elif move == "hide" and waiting:
                session.apply("h", hide(session.changes, session.project, W, chance.choice(waiting)))
            elif move == "unhide" and hidden:
                session.apply("u", unhide(session.changes, session.project, W, chance.choice(hidden)))
            elif move == "undo":
                session.undo()
            elif move == "redo":
                session.redo()
            elif move == "run":
                _run(session, chance.choice(["activity-ideas", "activity-causes"]))
        except (UndoWouldLose, EditRefused):
            pass  # a step a phone's post-it hangs on is not undone; nothing changed
        _same_as_a_scan(session)


async def test_the_capture_screen_counts_right_after_each_key_of_the_post_its_screen(tmp_path: Path) -> None:
    path = _workshop_project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)

    def line() -> str:
        found = app.screen.query_one("#capture-postits")
        return str(found.visual) if found.display else ""

    async def back_to_capture(count: int) -> None:
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.NAME == "capture")
        word = "ny post-it" if count == 1 else "nye post-its"
        await until(pilot, lambda: line().startswith(f"{count} {word} fra telefoner") if count else line() == "")

    async def on_row(ident: str, *keys: str) -> None:
        await pilot.press("ctrl+l")
        await until(pilot, lambda: app.screen.NAME == "postits")
        table = app.screen.query_one("#postits", DataTable)
        if "f" in keys:  # all, hidden too
            await pilot.press("f", "f")
        table.move_cursor(row=table.get_row_index(ident))
        await pilot.press(*(key for key in keys if key != "f"))

    async with app.run_test(size=SIZE) as pilot:
        host, room = RoomHost(app.session, Room(), app.clock), Room(allow_anonymous=True)
        await goto(pilot, "capture")
        ids = [host.post(room.join(name), text).id for name, text in
               (("Anna", "[bold]x[/] [link=x]klik[/link]"), ("Bo", "Ring op"), ("", "Sms"), ("Cai", "Hent selv"))]
        await until(pilot, lambda: line() == "4 nye post-its fra telefoner — Ctrl+L åbner")
        await on_row(ids[0], "a")
        await back_to_capture(3)
        assert "• [bold]x[/] [link=x]klik[/link]" in screen_text(app)  # taken in, as written
        await on_row(ids[2], "space")  # newest first: marks the third and moves on to the second …
        await pilot.press("space", "m")  # … marks it, and merges the two
        await back_to_capture(1)
        await on_row(ids[3], "h")
        await back_to_capture(0)
        await on_row(ids[3], "f", "h")  # shown again
        await back_to_capture(1)
        await pilot.press("ctrl+z")  # undo the unhide, here on the capture screen
        await until(pilot, lambda: line() == "")
        await pilot.press("ctrl+y")
        await until(pilot, lambda: line().startswith("1 ny post-it"))
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")  # the unhide, the hide, the merge
        await until(pilot, lambda: line().startswith("3 nye post-its"))
        assert [p.state for p in app.session.project.workshops[0].postits] == ["accepted", "new", "new", "new"]

        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await until(pilot, lambda: not app.session.dirty)
        outside = load_project(path).project  # someone hides two of them in the file
        for postit in outside.workshops[0].postits[1:3]:
            postit.state = "hidden"
        save_project(path, outside, force=True)
        app._check_disk()  # as the file watcher does
        await until(pilot, lambda: line().startswith("1 ny post-it"))
        assert [p.state for p in app.session.project.workshops[0].postits] == ["accepted", "hidden", "hidden", "new"]

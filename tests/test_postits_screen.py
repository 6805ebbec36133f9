"""The post-its screen (Pilot, keys as the facilitator presses them): post-its arrive through
RoomHost.post exactly as from a phone while the screen is open, shown as new at once without moving
the highlight or touching what is typed; accept, edit-and-take-in, merge exactly the marked, hide,
filter, undo — asserted on the
project and on the saved file. The capture screen says how many wait. Snapshots with hostile texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import Activity, PostIt, TimerState, Workshop
from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_host import RoomHost
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.tui.widgets.key_bar import KeyBar
from tests.app_helpers import (
    SIZE,
    FakeClock,
    goto,
    make_app,
    notices,
    palette_to,
    screen_text,
    until,
)

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


def _project(tmp_path: Path, postits: list[PostIt] | None = None) -> Path:
    project = Project(schema_version=1, title="Værksted")
    project.readiness.team = [TeamMember(id="person-anna", name="Anna Holm")]
    project.workshops = [Workshop(
        id="workshop-dag", title="Idédag", participants=["person-anna"],
        agenda=[Activity(id="activity-ideas", title="Brainstorm", target="ideas"),
                Activity(id="activity-causes", title="Årsager", target="causes")],
        timer=TimerState(activity="activity-ideas", started=START), postits=postits or [])]
    path = tmp_path / "v.borgerspil.yaml"
    save_project(path, project)
    return path


def _postits(app) -> list[tuple[str, str]]:
    return [(p.text, p.state) for p in app.session.project.workshops[0].postits]


def _highlighted(app) -> str:
    table = app.screen.query_one("#postits", DataTable)
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def _saved(pilot, path: Path) -> Project:
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await until(pilot, lambda: not pilot.app.session.dirty)
    return load_project(path).project


async def test_arrivals_accept_edit_merge_hide_and_the_saved_file(tmp_path: Path, monkeypatch) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    said = notices(app, monkeypatch)  # recorded when sent: a notice may time out before a slow look
    async with app.run_test(size=SIZE) as pilot:
        room = Room(allow_anonymous=True)
        host = RoomHost(app.session, room, app.clock)
        anna, anon = room.join("Anna"), room.join("")
        await goto(pilot, "workshop")
        app.screen.query_one("#items").focus()
        await pilot.press("l")
        await pilot.pause()
        assert app.screen.NAME == "postits"
        assert "Ingen post-its fra telefoner endnu" in screen_text(app)

        first = host.post(anna, "[bold]x[/] [/")
        await pilot.pause()
        text = screen_text(app)
        assert "● ny" in text and "[bold]x[/] [/" in text and "Anna" in text and "Brainstorm" in text
        assert "1 ny · Idédag" in app.screen.query_one("#title-line").visual.plain
        second = host.post(anon, "<script>alert(1)</script>")
        await pilot.pause()
        assert _highlighted(app) == first.id  # the newest came on top; the highlight stayed
        table = app.screen.query_one("#postits", DataTable)
        assert [str(table.coordinate_to_cell_key((row, 0)).row_key.value) for row in range(2)] == [second.id, first.id]
        assert "anonym" in screen_text(app) and "2 nye" in app.screen.query_one("#title-line").visual.plain

        # edit and take in the first while a third arrives: what is typed stays
        await pilot.press("e")
        assert app.screen.query_one("#edit-input", Input).value == "[bold]x[/] [/"  # starts from their words
        await pilot.press("ctrl+u", *"Sms dagen før")
        third = host.post(anna, "sms  DAGEN før")
        await pilot.pause()
        assert app.screen.query_one("#edit-input", Input).value == "Sms dagen før"
        assert _highlighted(app) == first.id
        await pilot.press("enter")
        await pilot.pause()
        assert [(i.title, i.said_by) for i in app.session.project.create.ideas] == [("Sms dagen før", "person-anna")]
        assert _postits(app)[0] == ("[bold]x[/] [/", "accepted")  # the participant's words stay
        assert [p.text for p in host.own_postits(anna)] == ["[bold]x[/] [/", "sms DAGEN før"]  # the phone too
        await pilot.press("e")  # taken in: refused in our words, no bar
        await pilot.pause()
        assert any("ret punktet i dets liste i stedet" in str(note) for note in said)
        assert not app.screen.query_one("#edit-input", Input).has_focus

        # merge exactly the marked: space on the newest, m alone refused; space on the third, m
        fourth = host.post(anna, "Ring op")
        await pilot.pause()
        table.move_cursor(row=0)
        await pilot.pause()
        assert _highlighted(app) == fourth.id
        await pilot.press("space", "m")  # one marked: refused, nothing merged
        await pilot.pause()
        assert any("Markér mindst to post-its med mellemrum" in str(note) for note in said)
        assert len(app.session.project.create.ideas) == 1
        assert _highlighted(app) == third.id
        await pilot.press("space")  # marks the third and moves on to the anonymous one …
        await pilot.pause()
        assert _highlighted(app) == second.id
        await pilot.press("m")  # … which is not merged: exactly the two marked
        await pilot.pause()
        ideas = app.session.project.create.ideas
        assert [(i.title, i.said_by) for i in ideas] == [("Sms dagen før", "person-anna"),
                                                         ("sms DAGEN før / Ring op", "person-anna")]
        assert _postits(app) == [("[bold]x[/] [/", "accepted"), ("<script>alert(1)</script>", "new"),
                                 ("sms DAGEN før", "accepted"), ("Ring op", "merged")]  # the phone's spaces folded
        log = app.session.project.workshops[0].log
        assert log[0].captured == [i.id for i in ideas]

        # hide the anonymous one; the filter shows it under "hidden"; h there shows it again
        table.move_cursor(row=table.get_row_index(second.id))
        await pilot.press("h")
        await pilot.pause()
        assert _postits(app)[1][1] == "hidden"
        assert second.id not in app.screen.query_one("#postits", DataTable).rows
        await pilot.press("f", "f")  # all → new → all with the hidden
        await pilot.pause()
        assert second.id in table.rows and "skjult" in screen_text(app)
        saved = await _saved(pilot, path)
        assert [(p.text, p.state, p.author) for p in saved.workshops[0].postits] == [
            ("[bold]x[/] [/", "accepted", "Anna"), ("<script>alert(1)</script>", "hidden", ""),
            ("sms DAGEN før", "accepted", "Anna"), ("Ring op", "merged", "Anna")]
        assert [i.title for i in saved.create.ideas] == ["Sms dagen før", "sms DAGEN før / Ring op"]  # both kept

        table.move_cursor(row=table.get_row_index(second.id))
        await pilot.pause()
        assert "h vis igen" in str(app.screen.query_one(KeyBar).visual)  # h says what it does here
        await pilot.press("h", "f")  # shown again, as new; back to all
        await pilot.pause()
        assert _postits(app)[1] == ("<script>alert(1)</script>", "new")
        assert "h skjul" in str(app.screen.query_one(KeyBar).visual)
        await pilot.pause()
        table.move_cursor(row=table.get_row_index(second.id))
        await pilot.press("enter")  # Enter takes it in
        await pilot.pause()
        assert [i.title for i in app.session.project.create.ideas][-1] == "<script>alert(1)</script>"
        await pilot.press("a")  # again: refused in our words, nothing changes
        await pilot.pause()
        assert len(app.session.project.create.ideas) == 3

        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")  # accept, unhide, hide undone — one step each
        await pilot.pause()
        assert _postits(app)[1] == ("<script>alert(1)</script>", "new")
        await pilot.press("ctrl+z")  # the merge
        await pilot.pause()
        assert [i.title for i in app.session.project.create.ideas] == ["Sms dagen før"]
        await pilot.press("ctrl+z")  # the edit and take in: one step
        await pilot.pause()
        assert app.session.project.create.ideas == []
        assert _postits(app)[0] == ("[bold]x[/] [/", "new")
        assert [s for _t, s in _postits(app)] == ["new", "new", "new", "new"]
        saved = await _saved(pilot, path)
        assert [p.state for p in saved.workshops[0].postits] == ["new"] * 4 and not saved.create.ideas


async def test_ctrl_z_undoes_the_facilitators_step_not_a_post_it_that_came_after(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        room = Room()
        host = RoomHost(app.session, room, app.clock)
        anna = room.join("Anna")
        host.post(anna, "Digital selvbetjening med status")
        await goto(pilot, "postits")
        await pilot.pause()
        await pilot.press("h")  # the facilitator hides it …
        await pilot.pause()
        host.post(anna, "Fast kontaktperson")  # … and a phone's post-it comes just after
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert _postits(app) == [("Digital selvbetjening med status", "new"), ("Fast kontaktperson", "new")]
        assert [p.text for p in host.own_postits(anna)] == ["Digital selvbetjening med status", "Fast kontaktperson"]


async def test_an_edit_refused_says_why_and_keeps_the_text(tmp_path: Path) -> None:
    path = _project(tmp_path, [PostIt(id="postit-one", activity="activity-ideas", text="Sms", author="Bo",
                                      sent=START)])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "postits")
        await pilot.press("e", "ctrl+u", "space", "enter")
        await pilot.pause()
        assert "tom" in screen_text(app)  # "En post-it kan ikke være tom"
        assert _postits(app) == [("Sms", "new")]


async def test_the_capture_screen_says_how_many_wait_and_ctrl_l_opens_them(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        room = Room()
        host = RoomHost(app.session, room, app.clock)
        await goto(pilot, "capture")
        assert "post-its fra telefoner" not in screen_text(app)
        host.post(room.join("Anna"), "[/")
        host.post(room.join("Bo"), "Ring op")
        await until(pilot, lambda: "2 nye post-its fra telefoner — Ctrl+L åbner" in screen_text(app))  # within ½ s
        await pilot.press(*"Skrevet", "ctrl+l")  # works while the field has focus
        await pilot.pause()
        assert app.screen.NAME == "postits"
        await pilot.press("a")  # the newest: "Ring op"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.NAME == "capture"
        text = screen_text(app)
        assert "1 ny post-it fra telefoner" in text and "• Ring op" in text


async def test_the_palette_opens_the_post_its(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path), language="en")
    async with app.run_test(size=SIZE) as pilot:
        await palette_to(pilot, "from phones")  # waits for the palette's search, however slow
        assert app.screen.NAME == "postits"
        assert "No post-its from phones yet" in screen_text(app)


def _two_brainstorms(tmp_path: Path) -> Path:
    """A day with two brainstorms (the second's title markup-like) and a pause; post-its in each
    state, one whose activity was deleted."""
    project = Project(schema_version=1, title="Værksted")
    project.workshops = [Workshop(
        id="workshop-dag", title="Idédag",
        agenda=[Activity(id="activity-one", title="Brainstorm 1", target="ideas"),
                Activity(id="activity-two", title="[b]Brainstorm[/b] 2", target="ideas"),
                Activity(id="activity-pause", title="Pause")],
        postits=[PostIt(id="postit-a1", activity="activity-one", text="Sms dagen før", author="Anna", sent=START),
                 PostIt(id="postit-a2", activity="activity-one", text="[link=x]skjult ved en fejl[/link]",
                        author="Bo", sent=START, state="hidden"),
                 PostIt(id="postit-b1", activity="activity-two", text="Ring op", author="", sent=START),
                 PostIt(id="postit-b2", activity="activity-two", text="Fast kontakt", author="Anna", sent=START,
                        state="accepted"),
                 PostIt(id="postit-g1", activity=None, text="Fra en slettet aktivitet", author="Cai", sent=START)])]
    path = tmp_path / "v.borgerspil.yaml"
    save_project(path, project)
    return path


def _rows(app) -> set[str]:
    return {str(key.value) for key in app.screen.query_one("#postits", DataTable).rows}


def _showing(app) -> str:
    return str(app.screen.query_one("#postits-showing").visual)


async def test_f_goes_round_the_states_and_shift_f_round_the_activities(tmp_path: Path) -> None:
    path = _two_brainstorms(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "postits")
        assert _rows(app) == {"postit-a1", "postit-b1", "postit-b2", "postit-g1"}  # all but hidden
        assert _showing(app) == "Viser alle uden skjulte (f) · fra alle aktiviteter (F) · 4 af 5"
        await pilot.press("f")
        assert _rows(app) == {"postit-a1", "postit-b1", "postit-g1"}
        assert _showing(app).startswith("Viser nye, der venter (f)")
        await pilot.press("f")
        assert _rows(app) == {"postit-a1", "postit-a2", "postit-b1", "postit-b2", "postit-g1"}
        assert "[link=x]skjult ved en fejl[/link]" in screen_text(app)  # as written
        await pilot.press("F")  # the pause has no post-its: not among the choices
        assert _rows(app) == {"postit-a1", "postit-a2"}
        assert _showing(app) == "Viser alle, også skjulte (f) · fra Brainstorm 1 (F) · 2 af 5"

        # the post-it hidden by mistake: found under "all, hidden too", h shows it again
        table = app.screen.query_one("#postits", DataTable)
        table.move_cursor(row=table.get_row_index("postit-a2"))
        await pilot.press("h")
        await pilot.pause()
        assert app.session.project.workshops[0].postits[1].state == "new"
        await until(pilot, lambda: "4 nye" in app.screen.query_one("#title-line").visual.plain)  # redrawn later

        await pilot.press("F")
        assert _rows(app) == {"postit-b1", "postit-b2"}
        assert "fra [b]Brainstorm[/b] 2 (F)" in _showing(app)  # the title as written, not bold
        await pilot.press("F")
        assert _rows(app) == {"postit-g1"} and "fra slettede aktiviteter (F)" in _showing(app)
        await pilot.press("F", "f")  # every activity again; all but hidden again
        assert _rows(app) == {"postit-a1", "postit-a2", "postit-b1", "postit-b2", "postit-g1"}
        await pilot.press("f", "F", "F")  # new, from the second brainstorm
        assert _rows(app) == {"postit-b1"}
        await pilot.press("f2")  # English: the same view, said in English
        await pilot.pause()
        assert _showing(app) == "Showing new, waiting (f) · from [b]Brainstorm[/b] 2 (F) · 1 of 5"
        assert _rows(app) == {"postit-b1"}
        await pilot.press("a")  # taken in: it leaves the view of the new ones
        await pilot.pause()
        assert _rows(app) == set() and "No post-its in this view — f and F switch" in screen_text(app)

        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await until(pilot, lambda: not app.session.dirty)
    saved = load_project(path).project
    assert [(p.id, p.state) for p in saved.workshops[0].postits] == [
        ("postit-a1", "new"), ("postit-a2", "new"), ("postit-b1", "accepted"), ("postit-b2", "accepted"),
        ("postit-g1", "new")]
    assert [i.title for i in saved.create.ideas] == ["Ring op"]


async def test_an_activity_deleted_while_chosen_shows_every_activity_again(tmp_path: Path) -> None:
    app = make_app(_two_brainstorms(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "postits")
        await pilot.press("F")
        assert _rows(app) == {"postit-a1"}
        app.session.apply("delete", app.session.changes.remove(("workshops", "workshop-dag", "agenda",
                                                                "activity-one")))
        await pilot.pause()
        assert "fra alle aktiviteter (F)" in _showing(app)
        assert _rows(app) == {"postit-a1", "postit-b1", "postit-b2", "postit-g1"}
        await pilot.press("F")  # the first brainstorm's post-its now count as from a deleted activity
        assert _rows(app) == {"postit-b1", "postit-b2"}
        await pilot.press("F")
        assert _rows(app) == {"postit-a1", "postit-g1"}


@pytest.mark.parametrize(("language", "pairs"), [
    ("da", ["esc tilbage", "a tag ind", "e ret", "space markér", "m læg sammen", "h skjul", "f1 hjælp"]),
    ("en", ["esc back", "a accept", "e edit", "space mark", "m merge", "h hide", "f1 help"]),
])
async def test_at_80_by_24_every_key_of_the_screen_is_on_it(tmp_path: Path, language: str,
                                                            pairs: list[str]) -> None:
    app = make_app(_two_brainstorms(tmp_path), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "postits")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        footer = str(bar.visual)
        assert len(footer) <= bar.content_region.width
        shown = [pair.strip() for pair in footer.split("  ") if pair.strip()]
        assert [pair for pair in pairs if pair not in shown] == [], footer
        line = app.screen.query_one("#postits-showing")
        assert "(f)" in _showing(app) and "(F)" in _showing(app)  # the filter keys, above the list
        assert line.region.height >= 1 and line.region.width <= 80


HOSTILE_POSTITS = [
    PostIt(id="postit-aaaa", activity="activity-ideas", text="[bold]x[/] [/ <script>alert(1)</script>",
           author="[red]Mette[/red]", sent=START),
    PostIt(id="postit-bbbb", activity="activity-ideas", text="Sms dagen før besøget " * 12, author="",
           sent=START, state="accepted"),
    PostIt(id="postit-cccc", activity="activity-causes", text="[$accent] [link=x]klik[/link] \\[x] 🎉 æøå",
           author="Anna", sent=START),
]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_postits_snapshot(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(_project(tmp_path, HOSTILE_POSTITS))
    app.clock = FakeClock(START)

    async def run_before(pilot) -> None:
        pilot.app.action_goto("postits")
        await pilot.pause()
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_e_starts_at_the_end_of_the_participants_words_so_typing_adds_to_them(tmp_path: Path) -> None:
    """A tester's ' (tablet)' typed after e replaced the whole post-it: the field selected it all."""
    path = _project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        room = Room()
        host = RoomHost(app.session, room, app.clock)
        host.post(room.join("Anna"), "Tolk via video")
        await goto(pilot, "workshop")
        app.screen.query_one("#items").focus()
        await pilot.press("l")
        await until(pilot, lambda: app.screen.NAME == "postits" and "Tolk via video" in screen_text(app))
        await pilot.press("e")
        await until(pilot, lambda: app.focused is app.screen.query_one("#edit-input", Input))
        await pilot.press(*" (tablet)", "enter")
        await until(pilot, lambda: app.session.project.workshops[0].postits[0].state == "accepted")
        [idea] = [i for i in app.session.project.create.ideas if i.title.startswith("Tolk")]
        assert idea.title == "Tolk via video (tablet)"
        assert app.session.project.workshops[0].postits[0].text == "Tolk via video"  # their words kept


async def test_a_takes_in_and_goes_on_to_the_next_waiting_post_it(tmp_path: Path) -> None:
    """A tester pressed a again and was told the post-it was already taken in: the highlight stayed."""
    path = _project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        room = Room()
        host = RoomHost(app.session, room, app.clock)
        anna = room.join("Anna")
        first, second, third = (host.post(anna, text) for text in ("Første", "Anden", "Tredje"))
        await goto(pilot, "workshop")
        app.screen.query_one("#items").focus()
        await pilot.press("l")
        await until(pilot, lambda: app.screen.NAME == "postits" and "Første" in screen_text(app))
        await pilot.press("down")  # the second from the top: the newest stays waiting
        assert _highlighted(app) == second.id
        await pilot.press("a")
        await until(pilot, lambda: _highlighted(app) == first.id)  # on to the next still waiting
        await pilot.press("a", "a")  # the last: it stays, and a second a is refused as before
        states = {p.id: p.state for p in app.session.project.workshops[0].postits}
        assert states == {first.id: "accepted", second.id: "accepted", third.id: "new"}
        assert _highlighted(app) == first.id
        await pilot.press("f")  # only the new ones: taking in the last one leaves nothing to go to
        await until(pilot, lambda: _highlighted(app) == third.id)
        await pilot.press("enter")
        await until(pilot, lambda: app.session.project.workshops[0].postits[-1].state == "accepted")

"""Pilot tests of the presenter view: opened with p from the workshop screen and F7 elsewhere, the
timer's keys change the saved file, tab switches the panel, nothing but the room's content on
screen, user text shown literally, readable at 80×24. A fake clock: no sleeping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.cells import cell_len
from textual.widgets import Digits, Footer, Static

from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.workshop import (
    Activity,
    ActivityLog,
    TimerState,
    Workshop,
)
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.tui.big_text import render_line
from borgerspil_tui.tui.screens.presenter import PresenterScreen
from borgerspil_tui.tui.widgets.key_bar import KeyBar
from borgerspil_tui.tui.widgets.presenter_panel import PresenterPanel
from borgerspil_tui.tui.widgets.status_line import StatusLine
from borgerspil_tui.tui.widgets.workshop_timer import WorkshopTimer
from tests.app_helpers import SIZE, FakeClock, goto, make_app, save_now

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
QUESTION = "Hvorfor venter borgerne?"
AGENDA = [
    Activity(id="activity-tree", title="Problemtræ", minutes=30, target="causes", question=QUESTION),
    Activity(id="activity-ideas", title="Brainstorm", minutes=15, target="ideas",
             question="Hvad nu hvis borgeren fik svar samme dag, og hvordan kunne vi så arbejde sammen på tværs?"),
    Activity(id="activity-votes", title="Prikstemme", minutes=10, target="votes"),
    Activity(id="activity-pause", title="Pause", minutes=10),
]


def workshop_file(path: Path, *, running: str | None = "activity-tree", agenda: list[Activity] | None = None,
                  captured: tuple[str, ...] = ("node-a2s4df", "node-cap1"), extra_causes: int = 0) -> Path:
    """The example project with a workshop whose first activity runs and captured two causes."""
    project = load_project(path).project
    people = [member.id for member in project.readiness.team]
    causes = [TreeNode(id="node-cap1", text="Lang [bold]ventetid[/] [link=x]", said_by=people[0])]
    causes += [TreeNode(id=f"node-many{n:03d}", text=f"Årsag nummer {n}") for n in range(extra_causes)]
    project.focus.causes += causes
    agenda = agenda or AGENDA
    log = [ActivityLog(activity=agenda[0].id, started=START, captured=[*captured, *(c.id for c in causes[1:])])]
    timer = TimerState(activity=running, started=START) if running else None
    project.workshops = [Workshop(id="workshop-day", title="Workshop om ventetid", participants=people,
                                  agenda=agenda, log=log, timer=timer)]
    save_project(path, project, force=True)
    return path


def _app(path: Path, clock: FakeClock, rings: list[int] | None = None):
    app = make_app(path)
    app.clock = clock
    if rings is not None:
        app.bell = lambda: rings.append(1)
    return app


def _text(app) -> str:
    """What the presenter shows, as plain text (the Digits too)."""
    screen = app.screen
    parts = [str(w.visual) for w in screen.query(Static) if w.display and w.parent.display]
    parts.append(screen.query_one(Digits).value)
    return "\n".join(parts)


def _visible(app) -> str:
    """What is on the terminal now, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _clock(app) -> Digits:
    return app.screen.query_one("#clock", Digits)


async def test_p_opens_it_from_the_workshop_screen_and_the_keys_run_the_timer(example_copy: Path) -> None:
    path = workshop_file(example_copy)
    clock = FakeClock(START + dt.timedelta(minutes=5))
    app = _app(path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("p")
        assert isinstance(app.screen, PresenterScreen)
        assert _clock(app).value == "25:00"
        assert "Problemtræ" in _text(app) and "Aktivitet 1 af 4" in _text(app)
        await pilot.press("plus")
        assert app.session.project.workshops[0].timer.extra_minutes == 1
        assert _clock(app).value == "26:00"
        await pilot.press("space")  # pause
        clock.advance(minutes=3)
        app.screen.tick()  # as its one-second timer does (a pause of 1.1 s did not always see a tick on a busy machine)
        await pilot.pause()
        assert _clock(app).value == "26:00" and _clock(app).has_class("-paused")
        await pilot.press("space", "minus", "minus")
        assert _clock(app).value == "24:00"
        await pilot.press("right")  # the next activity
        workshop = app.session.project.workshops[0]
        assert workshop.timer.activity == "activity-ideas"
        assert workshop.log[0].ended == START + dt.timedelta(minutes=8)
        assert workshop.log[0].captured == ["node-a2s4df", "node-cap1"]  # kept
        assert _clock(app).value == "15:00" and "Brainstorm" in _text(app)
        await pilot.press("ctrl+z")  # every press is an undo step
        assert app.session.project.workshops[0].timer.activity == "activity-tree"
        await save_now(pilot)
        assert load_project(path).project.workshops[0].timer.extra_minutes == -1
        await pilot.press("p")
        assert app.screen.NAME == "workshop"  # back where the user was


async def test_f7_opens_it_anywhere_and_escape_or_f7_goes_back(example_copy: Path) -> None:
    path = workshop_file(example_copy)
    app = _app(path, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        await pilot.press("f7")
        assert isinstance(app.screen, PresenterScreen)
        await pilot.press("escape")
        assert app.screen.NAME == "matrix"
        await pilot.press("f7")
        await pilot.press("f7")
        assert app.screen.NAME == "matrix"
        await pilot.press("f7", "right")  # the timer's keys work over any screen
        assert app.session.project.workshops[0].timer.activity == "activity-ideas"


async def test_nothing_but_the_room_s_content(example_copy: Path) -> None:
    path = workshop_file(example_copy)
    app = _app(path, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        screen = app.screen
        for kind in (Footer, KeyBar, StatusLine, WorkshopTimer):
            assert not screen.query(kind), kind
        assert not screen.query("#title-line")
        assert app.session.project.title not in _text(app)  # no title line with the project's name


async def test_tab_cycles_the_panel(example_copy: Path) -> None:
    path = workshop_file(example_copy)
    app = _app(path, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        panel = app.screen.query_one(PresenterPanel)
        title = lambda: str(panel.query_one("#panel-title", Static).visual)
        assert title() == "Årsager i denne aktivitet: 2"
        seen = [app.screen.view]
        for _ in range(5):
            await pilot.press("tab")
            seen.append(app.screen.view)
        assert seen == ["auto", "captured", "tree", "matrix", "concept", "auto"]
        await pilot.press("tab", "tab")
        assert panel.has_class("-tree") and "PROBLEM" in panel.query_one("#panel-tree").plain()
        await pilot.press("tab")
        assert title().startswith("Top 5") and "Hjælpemiddeldepot" in _text(app)
        await pilot.press("tab")
        assert title() == "Koncept: Samme dag"


async def test_captured_newest_first_and_markup_shown_literally(example_copy: Path) -> None:
    path = workshop_file(example_copy)
    app = _app(path, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        body = str(app.screen.query_one("#panel-text", Static).visual)
        newest, older = [line for line in body.splitlines() if line][:2]
        assert newest == "▸ Lang [bold]ventetid[/] [link=x]  — Mette Holm"
        assert older.startswith("▸ Ansøgningen mangler")
        # a capture adds to the log entry: shown at once, on top
        app.session.apply("add", app.session.changes.add(("focus", "causes"), TreeNode(id="node-new1", text="Ny")) +
                          app.session.changes.set(("workshops", "workshop-day", "log", "activity-tree", "captured"),
                                                  ["node-a2s4df", "node-cap1", "node-new1"]))
        await pilot.pause()
        assert str(app.screen.query_one("#panel-text", Static).visual).startswith("▸ Ny")


async def test_a_break_and_a_vote_and_no_activity(example_copy: Path) -> None:
    path = workshop_file(example_copy, running="activity-votes")
    app = _app(path, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        text = _text(app)
        assert "Runden er ikke begyndt" in text
        await pilot.press("right")  # the break
        assert "Næste" not in _text(app) and "Dette er dagens sidste aktivitet" in _text(app)
        await pilot.press("right")  # past the last: no activity runs
        note = app.screen.query_one("#note", Static)
        assert note.has_class("-big") and render_line("INGEN AKTIVITET")[1] in str(note.visual)
        assert _clock(app).has_class("-idle")
        assert app.screen.query_one("#question").has_class("-big")  # the workshop's title, large
        assert render_line("WORKSHOP OM")[0] in _text(app)


async def test_zero_flashes_and_rings_once_with_the_corner_timer_below(example_copy: Path) -> None:
    path = workshop_file(example_copy)
    clock = FakeClock(START + dt.timedelta(minutes=29, seconds=58))
    rings: list[int] = []
    app = _app(path, clock, rings)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        await pilot.press("f7")
        corners = [t for s in app.screen_stack for t in s.query(WorkshopTimer)]
        assert len(corners) == 2  # the overview's and the matrix's, under the presenter
        clock.advance(seconds=3)
        for _ in range(2):
            app.screen.tick()
            for corner in corners:
                corner.tick()
        assert rings == [1]
        assert _clock(app).value == "-00:01" and _clock(app).has_class("-up")
        clock.advance(seconds=3)
        app.screen.tick()
        assert not _clock(app).has_class("-up") and _clock(app).has_class("-overrun")
        assert rings == [1]


async def test_readable_at_80x24_in_both_themes(example_copy: Path) -> None:
    path = workshop_file(example_copy, extra_causes=40)
    app = _app(path, FakeClock(START + dt.timedelta(minutes=31)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        for theme in ("borgerspil", "borgerspil-kontrast"):
            app.theme = theme
            await pilot.pause()
            screen = app.screen
            clock = _clock(app)
            assert clock.value == "-01:00" and clock.region.right <= 80 and clock.region.height == 3
            question = screen.query_one("#question")
            assert question.has_class("-big") and question.region.bottom <= 24
            panel = screen.query_one("#panel-text")
            assert panel.region.height >= 5 and panel.region.bottom <= 24
            lines = str(panel.visual).splitlines()
            assert lines[0].startswith("▸ Årsag nummer 39")  # the newest
            assert lines[-1].startswith("… og ") and len(lines) <= panel.region.height
            assert screen.query_one("#activity-title").region.width > 20
            shown = _visible(app).splitlines()
            assert len(shown) == 24 and all(cell_len(row) <= 80 for row in shown)
            whole = "\n".join(shown)
            for row in render_line("HVORFOR VENTER"):  # the question, whole, in large type
                assert row in whole
            assert "Problemtræ" in whole and "Aktivitet 1 af 4 · 30 min · Årsager" in whole
            assert "Årsager i denne aktivitet: 42" in whole and "▸ Årsag nummer 39" in whole
            assert "… og " in whole  # the oldest are counted, not cut off mid-line


async def test_a_voting_round_shows_who_has_voted_never_the_totals(example_copy: Path) -> None:
    path = workshop_file(example_copy, running="activity-votes")
    app = _app(path, FakeClock(START))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "voting-round")
        await pilot.press("s", "space", "n", "space", "n")  # two people have given a dot each
        await pilot.press("f7")
        body = str(app.screen.query_one("#panel-text", Static).visual)
        assert body == "Runden er i gang\n2 har stemt"
        await pilot.press("tab", "tab", "tab")  # the matrix: its dots are hidden while the round is on
        shown = _text(app)
        assert "Hurtigspor for enkle sager" in shown and "●" not in shown
        assert "prikkerne vises, når runden er slut" in shown
        await pilot.press("p")
        assert app.screen.NAME == "voting-round" and app.screen.round.turn == 2  # the round goes on


async def test_language_theme_and_a_project_without_workshop(example_copy: Path) -> None:
    app = _app(example_copy, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        assert isinstance(app.screen, PresenterScreen)
        note = str(app.screen.query_one("#question", Static).visual)
        assert render_line("INGEN WORKSHOP")[0] in note
        await pilot.press("space", "right", "plus")  # nothing to run: nothing happens, nothing breaks
        assert app.session.project.workshops == [] and not app.session.dirty
        await pilot.press("f3")
        assert app.theme == "borgerspil-kontrast"
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)  # the app speaks English; the wall the project's Danish
        assert render_line("INGEN WORKSHOP")[0] in str(app.screen.query_one("#question", Static).visual)
        await pilot.press("f1")
        await pilot.pause()
        help_text = "\n".join(str(w.visual) for w in app.screen.query(Static))
        assert "switch view" in help_text.lower() or "Switch the view" in help_text


async def test_hostile_questions_are_shown_literally(example_copy: Path) -> None:
    from tests.app_helpers import HOSTILE

    agenda = [Activity(id="activity-a", title="[b]A[/b]", minutes=5, target="ideas", question="[bold]x[/]"),
              Activity(id="activity-b", title="B", minutes=5, target="ideas", question=HOSTILE)]
    path = workshop_file(example_copy, running="activity-a", agenda=agenda)
    app = _app(path, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        question = app.screen.query_one("#question", Static)
        assert question.has_class("-big")
        assert str(question.visual).strip().splitlines()[1].lstrip().startswith("[")
        assert str(app.screen.query_one("#activity-title", Static).visual) == "[b]A[/b]"
        await pilot.press("right")
        assert not question.has_class("-big") and str(question.visual) == HOSTILE
        await pilot.pause()
        assert "[link=x]klik[/link]" in "".join(
            strip.text for strip in question.render_lines(question.region.reset_offset))


async def test_long_items_and_a_long_concept_fit_at_80x24(example_copy: Path) -> None:
    """The newest item whole, older ones cut to a row each with …, the count of the rest: the list
    never runs off the bottom of the screen."""
    path = workshop_file(example_copy, extra_causes=6)
    project = load_project(path).project
    long = " ".join(["lang"] * 40)
    for node in project.focus.causes:
        if node.id.startswith("node-many"):
            node.text = f"{node.id} {long}"
    project.create.concepts[0].difference = " ".join(["forskel"] * 60)
    save_project(path, project, force=True)
    app = _app(path, FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        panel = app.screen.query_one("#panel-text", Static)
        lines = panel.render_lines(panel.region.reset_offset)
        shown = [strip.text.rstrip() for strip in lines]
        assert "node-many005" in shown[0] and shown[1].rstrip().endswith("lang")  # the newest, whole
        assert any(row.endswith("…") and "node-many004" in row for row in shown)
        assert any(row.strip().startswith("… og ") for row in shown)  # nothing cut silently
        await pilot.press("tab", "tab", "tab", "tab")  # the concept
        await pilot.pause()
        shown = [strip.text.rstrip() for strip in panel.render_lines(panel.region.reset_offset)]
        assert shown[-1].strip().startswith("… og")

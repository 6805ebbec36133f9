"""Pilot tests of what a tester playing a facilitator found on the screens: pickers whose Enter
chose another option than the one marked ◉, footers showing keys that do nothing, Home/End in the
post-its list, cut lines in the workshop summary, two workshops that looked the same, and the
post-its screen telling a sharing facilitator to share."""

from __future__ import annotations

from pathlib import Path

from textual import events

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import create_project_file, load_project
from tests.app_helpers import SIZE, goto, make_app, screen_text, until


def _project(tmp_path: Path, project: Project | None = None) -> Path:
    path = tmp_path / "rejse.borgerspil.yaml"
    create_project_file(path, project or Project(schema_version=1, title="Rejsen"))
    return path


def _picker(app):
    return app.screen.query_one("#picker-list")


def _marked(options) -> int:
    """The index of the option marked ◉ (what the picker shows as chosen)."""
    return next(i for i in range(options.option_count) if str(options.get_option_at_index(i).prompt).startswith("◉"))


# -- 1. a picker's Enter chooses what is shown as chosen ------------------------------------------
async def test_a_break_keeps_no_target_and_the_highlight_starts_on_the_marked_option(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("n")  # no workshop yet: today's
        await pilot.press("n", *"Kaffepause", "enter", "enter")  # title, 15 minutes kept: the target is asked
        await until(pilot, lambda: bool(app.screen.query("#picker-list")))
        await pilot.pause()
        options = _picker(app)
        assert str(options.get_option_at_index(_marked(options)).prompt) == "◉ (ingen)"
        assert options.highlighted == _marked(options)
        await pilot.press("enter")
        await until(pilot, lambda: not app.screen.query("#picker-list"))
        [pause] = app.session.project.workshops[0].agenda
        assert (pause.title, pause.minutes, pause.target) == ("Kaffepause", 15, None)
        # an activity with a target: t starts on it, and Enter keeps it
        app.session.apply("mål", app.session.changes.set_fields(
            ("workshops", app.session.project.workshops[0].id, "agenda", pause.id), target="ideas"))
        app.screen.fill()
        app.screen.query_one("#items").focus()
        await pilot.press("t")
        await until(pilot, lambda: bool(app.screen.query("#picker-list")))
        await pilot.pause()
        options = _picker(app)
        assert options.get_option_at_index(options.highlighted).id == "ideas" == options.get_option_at_index(
            _marked(options)).id
        await pilot.press("down", "enter")  # one below: the next target, as shown
        await until(pilot, lambda: not app.screen.query("#picker-list"))
        assert app.session.project.workshops[0].agenda[0].target == "what_ifs"
        # a choice of something to do (a template) has no "(ingen)" and no ◉: it starts on the first
        await pilot.press("a")
        await until(pilot, lambda: bool(app.screen.query("#picker-list")))
        await pilot.pause()
        options = _picker(app)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert options.highlighted == 0 and not any(p.startswith("◉") or "(ingen)" in p for p in prompts)
        await pilot.press("escape")
        await until(pilot, lambda: not app.screen.query("#picker-list"))
        assert len(app.session.project.workshops[0].agenda) == 1
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    saved = load_project(path).project.workshops[0].agenda
    assert [(a.title, a.target) for a in saved] == [("Kaffepause", "what_ifs")]


async def test_arrows_typed_before_the_picker_is_drawn_still_count(tmp_path: Path) -> None:
    """Keys typed fast (over ssh, or a quick hand) reach the picker before its first frame: the
    highlight set again once laid out took them back, and Enter saved "(ingen)" without a word."""
    from borgerspil_tui.tui.screens.workshop import TARGETS

    path = _project(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("n")  # no workshop yet: today's
        await pilot.press("n", *"Brainstorm", "enter")
        await until(pilot, lambda: app.focused is not None and app.focused.id != "items")  # the minutes' field
        await pilot.press("enter")  # 15 minutes kept: the target is asked
        await until(pilot, lambda: bool(app.screen.query("#picker-list")))
        for key in ["down", "down", "enter"]:  # typed in one burst, as a terminal sends them
            app.post_message(events.Key(key, None))
        await until(pilot, lambda: not app.screen.query("#picker-list") and bool(
            app.session.project.workshops[0].agenda))
        [activity] = app.session.project.workshops[0].agenda
        assert (activity.title, activity.target) == ("Brainstorm", TARGETS[1])  # two below "(ingen)"


# -- 2. the dot-vote footer shows only keys that act ------------------------------------------------
def _footer(app) -> str:
    from borgerspil_tui.tui.widgets.key_bar import KeyBar

    return str(app.screen.query_one(KeyBar).visual)


async def test_the_voting_footer_shows_only_the_keys_that_act_now(tmp_path: Path) -> None:
    from borgerspil_tui.core.model.create import Idea
    from borgerspil_tui.core.model.readiness import TeamMember

    project = Project(schema_version=1, title="Prikker")
    project.readiness.team = [TeamMember(id="person-aaaaaa", name="Anna")]
    project.create.ideas = [Idea(id="idea-aaaaaa", title="Sms"), Idea(id="idea-bbbbbb", title="Hent selv")]
    path = _project(tmp_path, project)
    app = make_app(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await goto(pilot, "voting-round")
        await until(pilot, lambda: "s start" in _footer(app))
        assert "a anonym/navne" in _footer(app) and "giv prik" not in _footer(app)
        assert "vis resultat" not in _footer(app)
        await pilot.press("s")
        await until(pilot, lambda: "s start" not in _footer(app))
        footer = _footer(app)
        assert "giv prik" in footer and "vis resultat" in footer and "næste person" in footer
        assert "anonym/navne" not in footer and "pr. idé" not in footer
        await pilot.press("s", "a", "i")  # they do nothing now, and say so by not being there
        assert app.screen.round is not None and not app.screen.round.anonymous
        await pilot.press("space", "n")  # Anna's dot; no one left
        await until(pilot, lambda: "giv prik" not in _footer(app))
        assert "vis resultat" in _footer(app) and "næste person" not in _footer(app)
        await pilot.press("v")
        await until(pilot, lambda: "vis resultat" not in _footer(app))
        footer = _footer(app)
        assert not any(word in footer for word in ("s start", "giv prik", "flere", "færre", "anonym", "pr. idé"))
        assert [v.idea for v in app.session.project.create.votes] == ["idea-aaaaaa"]


# -- 3. Home/End go to the first and the last row ---------------------------------------------------
def _workshop_project(tmp_path: Path, postits: int = 0) -> Path:
    import datetime as dt

    from borgerspil_tui.core.model.workshop import (
        Activity,
        PostIt,
        TimerState,
        Workshop,
    )

    project = Project(schema_version=1, title="Værksted")
    project.workshops = [Workshop(
        id="workshop-dag", title="Idédag",
        agenda=[Activity(id="activity-ideas", title="Brainstorm", target="ideas"),
                Activity(id="activity-pause", title="Pause"), Activity(id="activity-causes", title="Årsager",
                                                                       target="causes")],
        timer=TimerState(activity="activity-ideas", started=dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC)),
        postits=[PostIt(id=f"postit-{n:06d}", activity="activity-ideas", text=f"Idé {n}", author="Erik")
                 for n in range(postits)])]
    return _project(tmp_path, project)


def _row(table) -> str:
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)


async def test_home_and_end_go_to_the_first_and_the_last_post_it_and_agenda_row(tmp_path: Path) -> None:
    app = make_app(_workshop_project(tmp_path, postits=5))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        agenda = app.screen.query_one("#items")
        agenda.focus()
        await pilot.press("end")
        assert _row(agenda) == "activity-causes"
        await pilot.press("home")
        assert _row(agenda) == "activity-ideas"
        await pilot.press("l")
        await until(pilot, lambda: app.screen.NAME == "postits")
        table = app.screen.query_one("#postits")
        await until(pilot, lambda: table.row_count == 5)
        assert _row(table) == "postit-000004"  # newest first
        await pilot.press("end")
        assert _row(table) == "postit-000000"
        await pilot.press("home")
        assert _row(table) == "postit-000004"
        await pilot.press("end", "a")  # the highlight really moved: a takes in the oldest
        await until(pilot, lambda: app.session.project.workshops[0].postits[0].state == "accepted")
        assert [i.title for i in app.session.project.create.ideas] == ["Idé 0"]


# -- 6. sharing already: the post-its screen waits, and says no arrival over its own list -----------
async def test_the_post_its_screen_while_sharing_waits_and_shows_no_arrival_notice(tmp_path: Path,
                                                                                  monkeypatch) -> None:
    from tests.app_helpers import notices

    app = make_app(_workshop_project(tmp_path))
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        assert await app.start_sharing(port=0)
        try:
            host = app.room_host()
            erik = host.room.join("Erik")
            await goto(pilot, "workshop")
            app.screen.query_one("#items").focus()
            await pilot.press("l")
            await until(pilot, lambda: app.screen.NAME == "postits")
            text = screen_text(app)
            assert "venter på telefonernes første post-it" in text and "Del workshoppen" not in text
            host.post(erik, "Flere bænke")
            table = app.screen.query_one("#postits")
            await until(pilot, lambda: table.row_count == 1)
            await pilot.pause()
            assert not [note for note in said if "Flere bænke" in note or "post-it" in note.lower()]
            await pilot.press("escape")  # back on the workshop screen a post-it is said again
            await until(pilot, lambda: app.screen.NAME == "workshop")
            host.post(erik, "Kortere kø")
            await until(pilot, lambda: any("Kortere kø" in note for note in said))
        finally:
            await app.stop_sharing()


async def test_the_empty_post_its_text_without_sharing_says_to_share_in_english(tmp_path: Path) -> None:
    app = make_app(_workshop_project(tmp_path), language="en")
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "postits")
        assert "Share the workshop so participants can write" in screen_text(app)
        app.action_share()  # as the palette does: the share screen over the post-its
        await until(pilot, lambda: app.screen.NAME == "share")
        assert await app.start_sharing(port=0)
        try:
            await pilot.press("escape")  # back to the same post-its screen
            await until(pilot, lambda: app.screen.NAME == "postits")
            await until(pilot, lambda: "waiting for the phones' first post-it" in screen_text(app))
            assert "Share the workshop" not in screen_text(app)
        finally:
            await app.stop_sharing()


# -- 4. the workshop summary wraps long lines instead of cutting them --------------------------------
def _shown_lines(widget) -> str:
    """What ``widget`` draws on the screen, its lines joined with single spaces."""
    from textual.geometry import Region

    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return " ".join(" ".join("".join(segment.text for segment in strip).split()) for strip in strips)


async def test_the_summary_wraps_a_long_post_it_and_a_merged_ideas_title(tmp_path: Path) -> None:
    app = make_app(_workshop_project(tmp_path, postits=3))
    texts = ["Borgerne vil gerne kunne se hvor langt deres sag er nået uden at skulle ringe til kommunen",
             "En sms hver gang sagen flytter sig et skridt, med navnet på den sagsbehandler der har den nu",
             "Et brev på papir til dem der ikke har en smartphone, med det samme som står på skærmen"]
    for postit, text in zip(app.session.project.workshops[0].postits, texts):
        postit.text = text
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "postits")
        table = app.screen.query_one("#postits")
        await until(pilot, lambda: table.row_count == 3)
        await pilot.press("space", "space", "m")  # the two newest merged into one idea
        await until(pilot, lambda: len(app.session.project.create.ideas) == 1)
        merged = app.session.project.create.ideas[0].title
        assert len(merged) > 80
        await goto(pilot, "workshop-summary")
        details = app.screen.query_one("#summary-details")
        scroll = app.screen.query_one("#summary-scroll")
        await pilot.pause()
        assert details.outer_size.width <= scroll.scrollable_content_region.width  # no line past the edge
        shown = _shown_lines(details)
        assert f"{texts[0]} — Erik · Brainstorm" in shown  # the post-it nobody took in, whole
        assert " ".join(merged.split()) in shown  # the merged idea's title, whole


# -- 5. two workshops of a day do not look the same --------------------------------------------------
async def test_two_new_workshops_of_a_day_have_distinct_titles_and_the_list_says_the_date_once(tmp_path: Path) -> None:
    import datetime as dt

    from borgerspil_tui.core.export import export_report

    path = _project(tmp_path)
    app = make_app(path)
    today = dt.date.today().isoformat()
    async with app.run_test(size=(160, 40)) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("n")  # no workshop yet: today's
        await until(pilot, lambda: len(app.session.project.workshops) == 1)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: len(app.session.project.workshops) == 2)
        titles = [w.title for w in app.session.project.workshops]
        assert titles == [f"Workshop {today}", f"Workshop {today} nr. 2"]
        assert f"«Workshop {today} nr. 2» · 0 deltagere" in screen_text(app)  # the title line: the date once
        await pilot.press("v")
        await until(pilot, lambda: bool(app.screen.query("#picker-list")))
        options = _picker(app)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels == [f"○ Workshop {today} · intet sted · 0 deltagere",
                          f"◉ Workshop {today} nr. 2 · intet sted · 0 deltagere"]
        await pilot.press("escape")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
    saved = load_project(path).project
    report = export_report(saved, method=app.method, fmt="md", lang="en")
    heads = [line for line in report.splitlines() if line.startswith("### ") and today in line]
    assert len(heads) == len(set(heads)) == 2


def test_a_default_title_is_in_the_projects_language_and_never_one_taken() -> None:
    import datetime as dt

    from borgerspil_tui.core.model.workshop import Workshop
    from borgerspil_tui.core.workshop_record import default_title

    day = dt.date(2026, 12, 6)
    project = Project(schema_version=1, title="Rejsen", language="en")
    assert default_title(project, day) == "Workshop 2026-12-06"
    project.workshops = [Workshop(title="Workshop 2026-12-06", date=day),
                         Workshop(title="Workshop 2026-12-06 no. 3", date=day)]
    assert default_title(project, day) == "Workshop 2026-12-06 no. 4"  # the 3rd of the day, but no. 3 is taken
    assert default_title(project, dt.date(2026, 12, 7)) == "Workshop 2026-12-07"
    project.workshops[0].date = None  # the title taken, on another day
    assert default_title(project, day) == "Workshop 2026-12-06 no. 2"


async def test_home_and_end_in_other_row_lists_the_votes_people_and_the_resources(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        for screen, table_id in (("votes", "#people"), ("resources", "#items")):
            await goto(pilot, screen)
            table = app.screen.query_one(table_id)
            assert table.row_count > 2, screen
            table.focus()
            await pilot.press("end")
            assert table.cursor_row == table.row_count - 1, screen
            await pilot.press("home")
            assert table.cursor_row == 0, screen


async def test_plus_and_minus_are_not_offered_while_the_edit_bar_has_the_keys(tmp_path: Path) -> None:
    """The footer said '+ +1 min  - −1 min' while the minutes' field was open; + typed '20+' there."""
    path = _project(tmp_path)
    app = make_app(path)

    def plus_offered() -> bool:
        active = app.screen.active_bindings.get("plus")
        return active is not None and active.enabled

    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "workshop")
        await pilot.press("n")  # no workshop yet: today's
        await pilot.press("n", *"Brainstorm", "enter", "enter")
        await until(pilot, lambda: bool(app.screen.query("#picker-list")))
        await pilot.press("enter")
        await until(pilot, lambda: bool(app.session.project.workshops[0].agenda))
        await pilot.press("space")  # the timer runs: + and - act
        await until(pilot, lambda: app.session.project.workshops[0].timer is not None)
        assert plus_offered()
        await pilot.press("n")  # the bar has the keys
        await until(pilot, lambda: app.focused is not None and app.focused.id == "edit-input")
        await until(pilot, lambda: not plus_offered())
        assert "+1 min" not in _footer(app) and "−1 min" not in _footer(app)  # (the bar's few keys left room)
        await pilot.press("plus")
        assert app.focused.value == "+"
        await pilot.press("ctrl+u", "escape")
        await until(pilot, plus_offered)

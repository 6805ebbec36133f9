"""Pilot tests of the groups screen (Oplev: grupper observationer) and the observations' filter:
keys pressed as a user does, asserting on the model and the saved file."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.experience import Observation, ObservationGroup
from borgerspil_tui.core.storage import create_project_file, load_project
from tests.app_helpers import SIZE, goto, make_app, notices, screen_text


def _path(tmp_path: Path, groups: list[ObservationGroup] | None = None) -> Path:
    project = Project(schema_version=1, title="Grupper")
    project.experience.observations = [
        Observation(id="obs-aaaaaa", what="Ventetid i telefonen", tags=["ventetid", "telefon"]),
        Observation(id="obs-bbbbbb", what="Brevet var svært at læse", tags=["breve"]),
        Observation(id="obs-cccccc", what="Ventede tre uger på svar", tags=["ventetid"]),
        Observation(id="obs-dddddd", what="Ringede fem gange", tags=["telefon"]),
    ]
    project.experience.groups = groups or []
    path = tmp_path / "g.borgerspil.yaml"
    create_project_file(path, project)
    return path


def _groups(app) -> list[tuple[str, list[str], str | None]]:
    return [(g.name, g.observations, g.insight) for g in app.session.project.experience.groups]


async def test_make_fill_several_at_once_by_tag_and_take_out(tmp_path: Path) -> None:
    path = _path(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "groups")
        assert "Uden gruppe (4)" in str(app.screen.board.render())
        await pilot.press("n", *"Kontakt", "enter")
        assert _groups(app) == [("Kontakt", [], None)]
        assert app.screen.board.current().key == app.session.project.experience.groups[0].id  # cursor on it
        await pilot.press("a")  # several at once: tick the 2nd and 4th observation
        await pilot.press("down", "space", "down", "down", "space", "enter")
        await pilot.pause()
        assert _groups(app) == [("Kontakt", ["obs-bbbbbb", "obs-dddddd"], None)]
        steps = len(app.session._undo)
        board = str(app.screen.board.render())
        assert "Kontakt (2)" in board and "Uden gruppe (2)" in board
        await pilot.press("t")  # by tag: the first tag in use is "ventetid"
        await pilot.press("enter")
        await pilot.pause()
        assert _groups(app)[1] == ("ventetid", ["obs-aaaaaa", "obs-cccccc"], None)
        assert len(app.session._undo) == steps + 1
        assert app.screen.board.current().name == "ventetid"
        board = str(app.screen.board.render())
        assert "ventetid (2)" in board and "Uden gruppe (0)" in board
        await pilot.press("down", "x")  # take the 2nd out of "ventetid"
        assert _groups(app)[1] == ("ventetid", ["obs-aaaaaa"], None)
        await pilot.press("ctrl+z")
        assert _groups(app)[1] == ("ventetid", ["obs-aaaaaa", "obs-cccccc"], None)
        await pilot.press("left", "e", "end", *" med kommunen", "enter")  # the bar holds the name
        assert _groups(app)[0][0] == "Kontakt med kommunen"
        await pilot.press("ctrl+s")
    saved = load_project(path).project.experience.groups
    assert [(g.name, g.observations) for g in saved] == [("Kontakt med kommunen", ["obs-bbbbbb", "obs-dddddd"]),
                                                          ("ventetid", ["obs-aaaaaa", "obs-cccccc"])]


async def test_an_observation_in_two_groups_is_marked_and_the_ui_says_it_may_be(tmp_path: Path) -> None:
    path = _path(tmp_path, [ObservationGroup(id="group-aaaaaa", name="A", observations=["obs-aaaaaa"]),
                            ObservationGroup(id="group-bbbbbb", name="B", observations=["obs-aaaaaa"])])
    app = make_app(path, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "groups")
        text = screen_text(app) + str(app.screen.board.render())
        assert "may be in several groups" in text and "×2 Ventetid i telefonen" in text
        await pilot.press("right")  # on group A's observation: the whole of it, and both its groups
        assert "In the groups: A, B\nVentetid i telefonen" in str(app.screen.query_one("#group-detail").visual)
        await pilot.press("left")
        await pilot.press("right", "f2")  # Danish: the board speaks it, the cursor stays on the group
        await pilot.pause()
        board = str(app.screen.board.render())
        assert "Uden gruppe (3)" in board and "ingen indsigt endnu" in board
        assert app.screen.board.current().key == "group-aaaaaa"


async def test_a_group_becomes_an_insight_in_one_undo_step_and_is_updated_not_doubled(tmp_path: Path) -> None:
    path = _path(tmp_path, [ObservationGroup(id="group-aaaaaa", name="Ventetid",
                                             observations=["obs-aaaaaa", "obs-cccccc"])])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "groups")
        await pilot.press("right", "i")
        bar = app.screen.query_one("#edit-bar")
        assert bar.text == "Ventetid"  # prefilled with the group's name
        await pilot.press("end", *" er for lang", "enter")
        [insight] = app.session.project.experience.insights
        assert insight.statement == "Ventetid er for lang"
        assert insight.observations == ["obs-aaaaaa", "obs-cccccc"]
        assert _groups(app) == [("Ventetid", ["obs-aaaaaa", "obs-cccccc"], insight.id)]
        assert "→ Ventetid er for lang" in str(app.screen.board.render())
        await pilot.press("ctrl+z")  # one undo: neither the insight nor the link
        assert app.session.project.experience.insights == [] and _groups(app)[0][2] is None
        await pilot.press("ctrl+y")
        await pilot.press("a", "down", "down", "down", "space", "enter")  # a third observation in
        await pilot.pause()
        await pilot.press("i")
        assert "allerede en indsigt" in screen_text(app)
        await pilot.press("enter")
        [insight] = app.session.project.experience.insights  # still one
        assert insight.observations == ["obs-aaaaaa", "obs-cccccc", "obs-dddddd"]
        await pilot.press("ctrl+s")
    saved = load_project(path).project.experience
    assert saved.groups[0].insight == saved.insights[0].id and len(saved.insights[0].observations) == 3


async def test_delete_a_group_and_undo_and_keys_on_the_ungrouped_column(tmp_path: Path, monkeypatch) -> None:
    path = _path(tmp_path, [ObservationGroup(id="group-aaaaaa", name="A", observations=["obs-aaaaaa"])])
    app = make_app(path, language="en")
    async with app.run_test(size=SIZE) as pilot:
        sent = notices(app, monkeypatch)
        await goto(pilot, "groups")
        await pilot.press("i", "x", "delete")  # on "not in a group": nothing changes, it says why
        assert not app.session.can_undo and any("Go to a group first" in s for s in sent)
        await pilot.press("a", "enter")  # there: which group first (A), then the observations
        await pilot.pause()
        await pilot.press("down", "down", "space", "enter")
        await pilot.pause()
        assert _groups(app) == [("A", ["obs-aaaaaa", "obs-cccccc"], None)]
        assert app.screen.board.current().key == "group-aaaaaa"
        await pilot.press("ctrl+z", "left")
        await pilot.press("right", "delete")
        assert _groups(app) == [] and len(app.session.project.experience.observations) == 4
        await pilot.press("ctrl+z")
        assert _groups(app) == [("A", ["obs-aaaaaa"], None)]


async def test_filter_the_observations_by_tag_and_by_group(tmp_path: Path) -> None:
    path = _path(tmp_path, [ObservationGroup(id="group-aaaaaa", name="Kontakt",
                                             observations=["obs-bbbbbb", "obs-dddddd"]),
                            ObservationGroup(id="group-bbbbbb", name="Andet", observations=["obs-aaaaaa"])])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "observations")
        table = app.screen.query_one("#items")
        assert table.row_count == 4
        await pilot.press("f")  # tags first: ventetid, telefon, breve; then the groups
        await pilot.press("enter")
        await pilot.pause()
        assert [str(k.value) for k in table.rows] == ["obs-aaaaaa", "obs-cccccc"]
        assert "filter: #ventetid" in screen_text(app)
        await pilot.press("x")
        assert table.row_count == 4 and "filter:" not in screen_text(app)
        await pilot.press("f", "down", "down", "down", "enter")  # the group "Kontakt"
        await pilot.pause()
        assert [str(k.value) for k in table.rows] == ["obs-bbbbbb", "obs-dddddd"]
        assert "gruppen «Kontakt»" in screen_text(app)
        await pilot.press("n", *"Skemaet var for langt", "enter", "enter")  # a new one goes into the group
        new = app.session.project.experience.observations[-1]
        assert new.what == "Skemaet var for langt"
        assert app.session.project.experience.groups[0].observations == ["obs-bbbbbb", "obs-dddddd", new.id]
        assert app.session.project.experience.groups[1].observations == ["obs-aaaaaa"]
        assert table.row_count == 3
        await pilot.press("ctrl+z")  # one step: the observation and its place in the group
        assert len(app.session.project.experience.observations) == 4
        assert app.session.project.experience.groups[0].observations == ["obs-bbbbbb", "obs-dddddd"]
        assert table.row_count == 2
        await pilot.press("ctrl+y", "ctrl+s")
    saved = load_project(path).project.experience
    assert saved.groups[0].observations[-1] == saved.observations[-1].id


async def test_a_new_observation_under_a_tag_filter_gets_the_tag(tmp_path: Path) -> None:
    app = make_app(_path(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "observations")
        await pilot.press("f", "down", "enter")  # "telefon"
        await pilot.pause()
        await pilot.press("n", *"Ingen tog telefonen", "enter", "enter")
        new = app.session.project.experience.observations[-1]
        assert new.tags == ["telefon"] and app.screen.query_one("#items").row_count == 3

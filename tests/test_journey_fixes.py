"""Pilot tests of what a tester playing a facilitator found on the screens: pickers whose Enter
chose another option than the one marked ◉, footers showing keys that do nothing, Home/End in the
post-its list, cut lines in the workshop summary, two workshops that looked the same, and the
post-its screen telling a sharing facilitator to share."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import create_project_file, load_project
from tests.app_helpers import SIZE, goto, make_app, until


def _project(tmp_path: Path, project: Project | None = None) -> Path:
    path = tmp_path / "rejse.borgerspil.yaml"
    create_project_file(path, project or Project(schema_version=1, title="Rejsen"))
    return path


def _picker(app):  # noqa: ANN001, ANN202
    return app.screen.query_one("#picker-list")


def _marked(options) -> int:  # noqa: ANN001
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


# -- 2. the dot-vote footer shows only keys that act ------------------------------------------------
def _footer(app) -> str:  # noqa: ANN001
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

"""Fast capture screen: Enter adds the typed line to the chosen list, @name credits, a pasted block
adds one item per line and drops none, Ctrl+Z takes the last one back, hostile text stays text."""

from __future__ import annotations

from pathlib import Path

from textual import events

from borgerspil_tui.core.model.create import Guest
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, goto, make_app, screen_text


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

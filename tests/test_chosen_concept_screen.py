"""Pilot tests of «Det valgte koncept»: the concepts with their SUCCES verdicts, choosing one
(one undo step), clearing the choice, and its title on every Insistér tool."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.model.create import Concept, SuccesRating
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, goto, make_app, screen_text


def _two_concepts(path: Path) -> tuple[str, str]:
    """The example with a second concept, rated all yes; returns (the chosen one's id, the new one's id)."""
    project = load_project(path).project
    ready = Concept(title="Hjælpemidler hentet i nærmeste butik",
                    succes={c: SuccesRating(rating="yes") for c in ("simple", "unexpected", "concrete", "credible",
                                                                     "emotional", "stories")})
    project.create.concepts = [*project.create.concepts, ready]
    save_project(path, project, force=True)
    assert project.insist.concept is not None
    return project.insist.concept, ready.id


def _title_line(app) -> str:
    return str(app.screen.query_one("#title-line").visual)


async def test_choose_a_concept_clear_it_undo_and_see_it_on_the_other_insist_tools(example_copy: Path) -> None:
    first, second = _two_concepts(example_copy)
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "chosen-concept")
        text = screen_text(app)
        assert "✓ valgt" in text and "klar (12/12)" in text  # the new one, rated all yes
        first_title = app.session.project.create.concepts[0].title
        assert f"Koncept: {first_title}" in _title_line(app)
        await pilot.press("down", "enter")  # the second concept taken forward
        assert app.session.project.insist.concept == second
        assert "Koncept: Hjælpemidler hentet i nærmeste butik" in _title_line(app)
        table = app.screen.query_one("#concepts")
        assert str(table.get_cell(second, "chosen.col_mark")) == "✓ valgt"
        assert str(table.get_cell(first, "chosen.col_mark")) == ""
        await goto(pilot, "milestones")  # another Insistér tool names it too
        assert "Koncept: Hjælpemidler hentet i nærmeste butik" in _title_line(app)
        await goto(pilot, "matrix")  # a Skab tool does not
        assert "Koncept:" not in _title_line(app)
        await goto(pilot, "chosen-concept")
        await pilot.press("delete")
        assert app.session.project.insist.concept is None
        assert "intet koncept valgt endnu" in _title_line(app)
        await goto(pilot, "handover")
        assert "intet koncept valgt endnu" in _title_line(app)
        await pilot.press("ctrl+z")  # the clearing undone in one step
        assert app.session.project.insist.concept == second
        assert "Koncept: Hjælpemidler hentet i nærmeste butik" in _title_line(app)
        await pilot.press("ctrl+z")  # and the choice before it
        assert app.session.project.insist.concept == first
        await pilot.press("ctrl+y", "ctrl+s")
    assert load_project(example_copy).project.insist.concept == second


async def test_no_concepts_says_where_to_make_them_and_keys_do_nothing(example_copy: Path) -> None:
    project = load_project(example_copy).project
    project.create.concepts = []
    project.insist.concept = None
    save_project(example_copy, project, force=True)
    app = make_app(example_copy, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "chosen-concept")
        assert "The project has no concepts yet" in screen_text(app)
        assert "no concept chosen yet" in _title_line(app)
        await pilot.press("enter", "delete")
        assert app.session.project.insist.concept is None and not app.session.dirty


async def test_a_markup_like_200_character_title_is_shown_as_written_and_cut_in_title_lines(example_copy: Path) -> None:
    project = load_project(example_copy).project
    hostile = "[bold]x[/] " + "æ" * 189
    project.create.concepts[0].title = hostile
    save_project(example_copy, project, force=True)
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "chosen-concept")
        table = app.screen.query_one("#concepts")
        concept_id = app.session.project.create.concepts[0].id
        assert str(table.get_cell(concept_id, "chosen.col_title")) == hostile[:79] + "…"  # as written, cut
        assert f"«{hostile[:79]}…»" in screen_text(app)  # the summary under the table
        line = _title_line(app)
        assert "Koncept: [bold]x[/] ææ" in line and "…" in line and hostile not in line

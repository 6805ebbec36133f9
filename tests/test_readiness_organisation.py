"""Pilot tests of the team, the seven basic considerations, and the organisation's self-assessment."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.overview import part_status
from borgerspil_tui.core.storage import load_project
from tests.app_helpers import SIZE, goto, make_app, screen_text


async def test_team_members_and_the_advice_on_size(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "team")
        assert "5 på holdet, 4 med dedikeret tid" in screen_text(app)
        await pilot.press("n", *"Kirsten", "enter", "enter", "o", *"Hjemmeplejen", "enter")
        await pilot.press("up", "up", "d")  # Lars: no dedicated time any more
        text = screen_text(app)
        assert "6 på holdet, 4 med dedikeret tid" in text
        await pilot.press("ctrl+s")
    team = load_project(example_copy).project.readiness.team
    assert (team[-1].name, team[-1].role, team[-1].dedicated) == ("Kirsten", "Hjemmeplejen", True)
    assert team[3].name == "Lars Munk" and not team[3].dedicated


async def test_notes_on_the_considerations_and_reflection_questions(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "considerations")
        await pilot.press("down", "e", *"Vi spørger Borgerservice først", "enter")
        await goto(pilot, "reflections")
        await pilot.press("down", "enter", *"Faste borgerpaneler", "enter")
        await pilot.press("ctrl+s")
    project = load_project(example_copy).project
    assert project.readiness.considerations["connections"] == "Vi spørger Borgerservice først"
    assert project.organisation.reflections["next-steps"] == "Faste borgerpaneler"


async def test_place_the_organisation_on_every_dimension(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "assessment")
        assert "Systemcentreret" in screen_text(app)
        await pilot.press("down", "down", "4")  # strategy, the dimension the example has not placed
        assert "●●●●○" in screen_text(app)
        status = part_status(app.session.project, app.method, "organisation", "da")
        assert status.steps[0].done  # all four placed: the overview's first organisation step is done
        await pilot.press("ctrl+s")
    assert load_project(example_copy).project.organisation.assessment["strategy"].position == 4


async def test_empathy_exercises(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "exercises")
        await pilot.press("n", "enter")  # the picker starts on the first exercise: citizen for a day
        await pilot.press("down", "e", *"Vi byttede plads en dag", "enter")
        await pilot.press("ctrl+s")
    exercise = load_project(example_copy).project.organisation.exercises[-1]
    assert exercise.exercise == "citizen-for-a-day" and exercise.notes == "Vi byttede plads en dag"
    assert exercise.date is not None

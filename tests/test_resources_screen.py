"""Pilot tests of the resources screen: lines added by keys, a milestone and an aspect picked,
amounts typed the Danish way (and refused in our words), totals against the budget following
each edit, delete and undo, and the saved file."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.storage import load_project
from tests.app_helpers import HOSTILE, SIZE, goto, make_app, screen_text

TYPED = HOSTILE.replace("🎉 ", "")
"""Markup-like text as typed (Pilot presses no emoji)."""


def _totals(app) -> str:
    return str(app.screen.query_one("#totals").visual)


async def test_lines_amounts_totals_delete_undo_and_the_saved_file(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "resources")
        assert "I alt: 11,5 personuger · 223.000 kr." in _totals(app)
        assert "27.000 kr. under budgettet" in _totals(app)
        assert "Forløbsdesignets budget (til selve innovationsforløbet, ikke til implementeringen): 55.000 kr." \
            in _totals(app)
        await pilot.press("n", *"Plakater på biblioteket", "enter", *TYPED, "enter", "enter")
        lines = app.session.project.insist.resources
        assert [r.what for r in lines[-2:]] == ["Plakater på biblioteket", TYPED]
        await pilot.press("up")  # on the posters
        await pilot.press("m", "down", "down", "enter")  # from ◉ (none): first, *second* milestone
        await pilot.press("a", "down", "enter")  # from ◉ (none): the first aspect
        poster = app.session.project.insist.resources[-2]
        milestones = app.session.project.insist.milestones
        assert (poster.milestone, poster.aspect) == (milestones[1].id, app.method.implementation_aspects[0].id)
        await pilot.press("k", *"mange", "enter")
        assert "»mange« er ikke et tal" in screen_text(app) and poster.cost is None
        await pilot.press("ctrl+u", *"-5", "enter")
        assert "»-5« er under nul" in screen_text(app) and poster.cost is None
        await pilot.press("ctrl+u", *"1.250,5", "enter")
        await pilot.press("p", *"2,5", "enter")
        poster = app.session.project.insist.resources[-2]
        assert (poster.cost, poster.person_weeks) == (1250.5, 2.5)
        assert "I alt: 14 personuger · 224.250,5 kr." in _totals(app)
        assert "25.749,5 kr. under budgettet" in _totals(app)
        assert "  Sms-modul i drift: 6,5 personuger · 121.250,5 kr." in _totals(app)  # per milestone
        assert "1.250,5 kr." in screen_text(app)  # the row
        await pilot.press("b", "ctrl+u", *"200.000", "enter")
        assert app.session.project.insist.budget == 200000
        assert "Budget for implementeringen: 200.000 kr. · 24.250,5 kr. over budgettet" in _totals(app)
        await pilot.press("delete")
        assert [r.what for r in app.session.project.insist.resources][-1] == TYPED
        assert "I alt: 11,5 personuger · 223.000 kr." in _totals(app)
        await pilot.press("ctrl+z")
        assert app.session.project.insist.resources[-2].cost == 1250.5
        assert "224.250,5 kr." in _totals(app)
        await pilot.press("ctrl+s")
    saved = load_project(example_copy).project.insist
    assert [r.what for r in saved.resources[-2:]] == ["Plakater på biblioteket", TYPED]
    assert (saved.resources[-2].cost, saved.resources[-2].person_weeks) == (1250.5, 2.5)
    assert saved.resources[-2].milestone == saved.milestones[1].id and saved.budget == 200000


async def test_english_money_and_an_empty_list(example_copy: Path) -> None:
    app = make_app(example_copy, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "resources")
        assert "Total: 11.5 person-weeks · DKK 223,000" in _totals(app)
        assert "DKK 27,000 under the budget" in _totals(app)
        await pilot.press("k", "ctrl+u", *"1,250.5", "enter")  # the first line
        assert app.session.project.insist.resources[0].cost == 1250.5
        for _ in range(4):
            await pilot.press("ctrl+home", "delete")
        assert not app.session.project.insist.resources
        assert "No resources estimated yet" in screen_text(app)
        assert "Total: 0 person-weeks · DKK 0" in _totals(app)
        await pilot.press("b", "ctrl+u", "enter")  # no budget
        assert app.session.project.insist.budget is None
        assert "No budget set" in _totals(app)


async def test_a_deleted_milestone_leaves_its_lines_for_no_milestone_and_undo_brings_it_back(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "milestones")
        await pilot.press("ctrl+home", "delete")  # "Depot indrettet", which the first line is for
        await goto(pilot, "resources")
        assert app.session.project.insist.resources[0].milestone is None
        assert "Depot indrettet" not in screen_text(app) and "Depot indrettet" not in _totals(app)
        await pilot.press("ctrl+z")
        assert app.session.project.insist.resources[0].milestone == app.session.project.insist.milestones[0].id
        assert "  Depot indrettet: 3 personuger · 85.000 kr." in _totals(app)  # the screen followed the undo

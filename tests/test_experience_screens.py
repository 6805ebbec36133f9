"""Pilot tests of Oplev (observations, insights with evidence in the tree) and what-if questions."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.storage import load_project
from tests.app_helpers import SIZE, goto as _goto, make_app, screen_text



async def test_observations_fast_entry_quotes_and_fields(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "observations")
        await pilot.press("n", *"Venter i kø ved skranken", "enter", *"Tager en kølenummer to gange", "enter", "enter")
        new = app.session.project.experience.observations[-2:]
        last_before = app.session.project.experience.observations[-3]
        assert [o.what for o in new] == ["Venter i kø ved skranken", "Tager en kølenummer to gange"]
        assert all((o.date, o.place, o.who) == (last_before.date, last_before.place, last_before.who) for o in new)
        await pilot.press("q", *"Jeg troede, det var den forkerte kø", "enter", "enter")
        await pilot.press("w", "ctrl+u", *"Mand, 70 år", "enter")
        await pilot.press("d", "ctrl+u", *"2026-03-20", "enter")
        await pilot.press("t", *"kø, skranke", "enter")
        await pilot.press("d", "ctrl+u", *"20. marts", "enter")  # not a date: refused, the bar stays
        await pilot.press("escape")
        await pilot.press("ctrl+s")
    observation = load_project(example_copy).project.experience.observations[-1]
    assert observation.quotes == ["Jeg troede, det var den forkerte kø"]
    assert observation.who == "Mand, 70 år" and observation.date.isoformat() == "2026-03-20"
    assert observation.tags == ["kø", "skranke"]


async def test_insights_link_observations_and_causes_and_the_tree_shows_evidence(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "insights")
        await pilot.press("n", *"Ventetiden føles længst, når man intet hører", "enter", "enter")
        await pilot.press("o")
        await pilot.press("l", "down", "space", "enter")  # the second observation
        await pilot.press("x", "space", "enter")  # contradicts the first cause
        insight = app.session.project.experience.insights[-1]
        assert insight.eye_opener and insight.observations == ["obs-n4p5qr"]
        assert insight.contradicts == ["node-a2s4df"]
        app.action_goto("problem-tree")
        await pilot.pause()
        assert "Ansøgningen mangler ofte oplysninger  [belæg: +0 −1]" in screen_text(app)
        await pilot.press("v")
        assert "[belæg: +1 −0]" in app.screen.query_one("#picture").plain()
        await pilot.press("ctrl+s")
    assert load_project(example_copy).project.experience.insights[-1].contradicts == ["node-a2s4df"]


async def test_what_if_questions_tied_to_insights(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "what-ifs")
        await pilot.press("n", *"Hvad nu hvis borgeren selv kunne se sagen?", "enter", "enter")
        await pilot.press("i", "down", "down", "enter")  # the picker starts on ◉ (ingen); the second insight
        what_if = app.session.project.create.what_ifs[-1]
        assert what_if.insight == "insight-e5f6gh"
        assert "★ Det er usikkerheden" in screen_text(app)
        await pilot.press("i", "home", "enter")  # (none) unties it
        assert app.session.project.create.what_ifs[-1].insight is None

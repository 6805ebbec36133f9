"""Pilot tests of the Insistér tools: value case, aspects, milestones, handover."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from borgerspil_tui.core.session import EditRefused, Session
from borgerspil_tui.core.storage import load_project
from tests.app_helpers import SIZE, goto, make_app, screen_text


async def test_value_case_milestones_aspects_and_handover(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "value-case")
        for _ in range(15):  # productivity ×5, service ×5, effect ×5 → democracy · goal
            await pilot.press("down")
        await pilot.press("e", *"Ældrerådet evaluerer", "enter")
        await goto(pilot, "milestones")
        await pilot.press("n", *"Pilot i to distrikter", "enter", "enter", "d", *"2026-09-01", "enter", "space")
        await goto(pilot, "aspects")
        await pilot.press("e", "ctrl+u", *"Nyt sms-modul", "enter")
        await goto(pilot, "handover")
        await pilot.press("down", "e", "ctrl+u", *"første juli", "enter")  # not a date: refused, kept
        assert app.session.project.insist.handover.date == dt.date(2026, 6, 30)  # unchanged
        await pilot.press("ctrl+u", *"2026-07-01", "enter")
        assert "2026-07-01" in screen_text(app)
        await pilot.press("ctrl+s")
    insist = load_project(example_copy).project.insist
    assert [b.line for b in insist.value_case] == ["productivity", "service", "effect", "democracy"]
    assert insist.value_case[-1].goal == "Ældrerådet evaluerer"
    milestone = insist.milestones[-1]
    assert (milestone.title, milestone.due, milestone.done) == ("Pilot i to distrikter", dt.date(2026, 9, 1), True)
    assert insist.aspects["it"] == "Nyt sms-modul"
    assert insist.handover.date == dt.date(2026, 7, 1)


def test_a_change_that_fails_half_way_leaves_nothing_behind(example_copy: Path) -> None:
    session = Session.open(example_copy)
    before = session.project.model_dump()

    def half_way(project) -> None:  # noqa: ANN001
        project.title = "Ændret"
        raise ValueError("Invalid isoformat string: 'første juli'")

    with pytest.raises(EditRefused, match="isoformat"):
        session.edit("test", half_way)
    assert session.project.model_dump() == before and not session.dirty


async def test_value_case_lines_come_and_go_in_the_method_order_and_undo_puts_them_back(example_copy: Path) -> None:
    from tests.test_list_updates import content, fresh_content

    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "value-case")
        screen = app.screen
        before = app.session.project.insist.value_case[0].model_dump()  # items change in place: a copy
        for _ in range(5):  # every field of productivity, the first bottom line, emptied
            await pilot.press("delete", "down")
        assert [b.line for b in app.session.project.insist.value_case] == ["service", "effect"]
        assert content(screen) == await fresh_content(pilot)
        await pilot.press("ctrl+home", "e", *"Kortere sagsbehandling", "enter")  # it comes back first, not last
        lines = app.session.project.insist.value_case
        assert [b.line for b in lines] == ["productivity", "service", "effect"]
        assert (lines[0].goal, lines[0].change) == ("Kortere sagsbehandling", "")
        assert content(screen) == await fresh_content(pilot)
        for _ in range(6):
            await pilot.press("ctrl+z")
        assert app.session.project.insist.value_case[0].model_dump() == before
        assert content(screen) == await fresh_content(pilot)
        await pilot.press("ctrl+s")
    assert load_project(example_copy).project.insist.value_case[0].model_dump() == before


async def test_a_handover_date_that_is_not_a_date_is_refused_in_the_users_words(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "handover")
        await pilot.press("down", "e", "ctrl+u", *"første juli", "enter")
        await pilot.pause()
        assert app.session.project.insist.handover.date == dt.date(2026, 6, 30) and not app.session.dirty
        bar = screen_text(app)
        assert "første juli" in bar and "ÅÅÅÅ-MM-DD" in bar, bar
        await pilot.press("ctrl+u", "enter")  # empty: no date
        assert app.session.project.insist.handover.date is None
        await pilot.press("ctrl+z")
        assert app.session.project.insist.handover.date == dt.date(2026, 6, 30)

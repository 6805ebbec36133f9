"""Pilot tests of the other Fokusér tools: what we know, value and success, target groups, process."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.screens.process import format_number, parse_number
from tests.app_helpers import SIZE, goto as _goto, make_app, screen_text



async def test_knowledge_lists_and_assumption_status(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "knowledge")
        await pilot.press("tab")  # from "why it matters" to "what we know"
        await pilot.press("n", *"Halvdelen søger på papir", "enter", *"Mange ringer om mandagen", "enter", "enter")
        known = [n.text for n in app.session.project.focus.known]
        assert known[-2:] == ["Halvdelen søger på papir", "Mange ringer om mandagen"]
        await pilot.press("tab", "tab")  # → what we don't know → assumptions
        await pilot.press("s")  # first assumption: tested → refuted
        assert app.session.project.focus.assumptions[0].status == "refuted"
        await pilot.press("o", "ctrl+u", *"Viste sig forkert", "enter")
        assert app.session.project.focus.assumptions[0].note == "Viste sig forkert"
        await pilot.press("ctrl+s")
    saved = load_project(example_copy).project.focus
    assert saved.known[-1].text == "Mange ringer om mandagen"
    assert saved.assumptions[0].status == "refuted"


async def test_value_kinds_goals_and_texts(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "value")
        await pilot.press("down", "down", "down")  # democracy
        await pilot.press("space")
        await pilot.press("e", *"Ældrerådet er med", "enter")
        values = {v.kind: v.goal for v in app.session.project.focus.values}
        assert values["democracy"] == "Ældrerådet er med"
        await pilot.press("up", "up", "up", "space")  # productivity off
        assert "productivity" not in {v.kind for v in app.session.project.focus.values}
        await pilot.click("#text-if_we_fail")
        await pilot.press("end", *" Og budgettet sprænges.")
        await pilot.press("ctrl+s")
    focus = load_project(example_copy).project.focus
    assert [v.kind for v in focus.values] == ["service", "effect", "democracy"]
    assert focus.if_we_fail.endswith("Og budgettet sprænges.")


async def test_target_groups_add_edit_and_delete_with_links(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "target-groups")
        await pilot.press("n", *"Hjemmeplejen", "enter", "enter")
        await pilot.press("d", *"Medarbejdere der hjælper borgere med at søge", "enter")
        await pilot.press("p")
        group = app.session.project.focus.target_groups[-1]
        assert (group.name, group.primary) == ("Hjemmeplejen", False)
        assert group.description.startswith("Medarbejdere")
        await pilot.press("up", "up", "delete")  # the first group, which a concept and a test link to
        assert [g.name for g in app.session.project.focus.target_groups] == ["Pårørende, der hjælper", "Hjemmeplejen"]
        concept = app.session.project.create.concepts[0]
        assert concept.target_groups == ["group-f8g9hj"] and concept.tests[0].target_group is None
        await pilot.press("ctrl+z")
        assert app.session.project.create.concepts[0].target_groups == ["group-b6c7de", "group-f8g9hj"]
        assert "Ældre, der søger første gang" in screen_text(app)


async def test_process_grid_numbers_who_and_totals(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _goto(pilot, "process")
        await pilot.press("down", "down", "down")  # Insistér, timeframe
        await pilot.press("right", "enter", "ctrl+u", *"2,5", "enter")  # weeks
        await pilot.press("right", "right", "right", "right", "right", "enter", "ctrl+u", *"12.500", "enter")
        row = app.session.project.focus.process[3]
        assert (row.weeks, row.budget) == (2.5, 12500)
        await pilot.press("t")
        assert app.session.project.focus.process[3].done_by == "external"
        await pilot.press("enter", "ctrl+u", *"mange penge", "enter")
        assert app.session.project.focus.process[3].budget == 12500  # refused, kept
        await pilot.press("escape")
        totals = str(app.screen.query_one("#totals").visual)
        assert "15,5 uger" in totals and "62.500 kr." in totals and "eksterne: 1" in totals
        await pilot.press("ctrl+s")
    assert load_project(example_copy).project.focus.process[3].budget == 12500


def test_numbers_in_danish() -> None:
    assert parse_number("30.000 kr.") == 30000
    assert parse_number("2,5 uger") == 2.5
    assert parse_number("1.250.000,75") == 1250000.75
    assert parse_number("") is None
    assert format_number(62500.0) == "62.500" and format_number(12.5) == "12,5"


async def test_the_focus_checklist_is_one_key_away_from_every_focus_tool(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        for name in ("problem-tree", "knowledge", "value", "target-groups", "process"):
            await _goto(pilot, name)
            await pilot.press("c")
            assert app.screen.NAME == "checklist-focus", name
            await pilot.press("0")


async def test_the_phase_screen_lists_its_tools(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        text = screen_text(app)
        for tool in ("Problemtræ", "Det ved vi", "Værdi og succes", "Målgrupper", "Forløbsdesign"):
            assert f"→ {tool}" in text
        await pilot.press("down", "down", "enter")  # "→ Det ved vi" under the first step
        assert app.screen.NAME == "knowledge"


async def test_a_value_kind_and_a_process_row_take_their_place_in_the_methods_order(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        assert [v.kind for v in session.project.focus.values] == ["service", "effect", "productivity"]
        await _goto(pilot, "value")
        await pilot.press("space", "space")  # productivity off, and on again: first, as the method has it
        assert [v.kind for v in session.project.focus.values] == ["productivity", "service", "effect"]
        for phase in ("focus", "experience"):
            session.apply("test", session.changes.remove(("focus", "process", phase)))
        await _goto(pilot, "process")
        await pilot.press("down", "enter", "ctrl+u", *"Uge 3-6", "enter")  # Oplev's timeframe: a row again
        assert [r.phase for r in session.project.focus.process] == ["experience", "create", "insist"]
        await pilot.press("up", "right", "enter", "ctrl+u", *"1000", "enter")  # Fokusér's weeks: over 520
        assert [r.phase for r in session.project.focus.process] == ["experience", "create", "insist"]  # refused
        await pilot.press("ctrl+u", *"3", "enter")
        assert [(r.phase, r.weeks) for r in session.project.focus.process][:2] == [("focus", 3), ("experience", None)]
        await pilot.press("ctrl+z")
        assert [r.phase for r in session.project.focus.process] == ["experience", "create", "insist"]
        assert str(app.screen.query_one("#grid").get_row("focus")[2]) == ""

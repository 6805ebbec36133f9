"""Pilot tests of the stakeholder analysis: add, edit each field, score influence and interest,
delete with undo, move; the influence × interest grid with each name in its quadrant; the saved file."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.model.insist import Stakeholder
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, goto, make_app, screen_text


def _with(path: Path, people: list[Stakeholder]) -> None:
    project = load_project(path).project
    project.insist.stakeholders = people
    save_project(path, project, force=True)


def _grid_row(app, influence: int) -> str:
    """The grid's drawn line for one influence score (5 at the top)."""
    lines = str(app.screen.query_one("#grid").visual).splitlines()
    return next(line for line in lines if line.startswith(f"    {influence} "))


def _cell_of(line: str, interest: int) -> str:
    """The text in one interest column of a drawn grid line (14 wide, a bar before 3)."""
    start = 6 + 14 * (interest - 1) + (1 if interest >= 3 else 0)
    return line[start:start + 14].strip()


async def test_add_edit_score_delete_undo_move_and_save(example_copy: Path) -> None:
    _with(example_copy, [])
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "stakeholders")
        assert "Ingen interessenter endnu" in screen_text(app)
        await pilot.press("n", *"Ældrerådet", "enter", *"Direktionen", "enter", *"Pressen", "enter", "enter")
        people = app.session.project.insist.stakeholders
        assert [s.name for s in people] == ["Ældrerådet", "Direktionen", "Pressen"]
        await pilot.press("ctrl+home")  # first row, first column
        await pilot.press("w", *"Hurtigere hjælp", "enter")
        await pilot.press("m", *"Vi lytter til jer", "enter")
        await pilot.press("k", *"Projektlederen", "enter")
        await pilot.press("e", "ctrl+u", *"Ældrerådet i Vestby", "enter")
        await pilot.press("right", "2")  # influence 2, the cursor moves on to interest
        await pilot.press("5")  # interest 5, on to the next stakeholder's influence
        await pilot.press("5", "1")  # Direktionen: influence 5, interest 1; on to Pressen
        await pilot.press("up", "right", "plus")  # back on Direktionen's interest: 1 → 2
        first, second = app.session.project.insist.stakeholders[:2]
        assert (first.name, first.interest, first.message, first.contact) == (
            "Ældrerådet i Vestby", "Hurtigere hjælp", "Vi lytter til jer", "Projektlederen")
        assert (first.influence, first.interest_level) == (2, 5)
        assert (second.influence, second.interest_level) == (5, 2)
        table = app.screen.query_one("#items")
        assert str(table.get_cell(first.id, "stakeholders.quadrant")) == "hold informeret"
        assert str(table.get_cell(second.id, "stakeholders.quadrant")) == "hold tilfreds"
        await pilot.press("minus", "minus", "minus")  # interest 2 → 1, never below 1
        assert app.session.project.insist.stakeholders[1].interest_level == 1
        await pilot.press("backspace")  # cleared
        assert app.session.project.insist.stakeholders[1].interest_level is None
        await pilot.press("left", "left", "3")  # the name column: digits do not score there
        assert app.session.project.insist.stakeholders[1].influence == 5
        await pilot.press("down")
        assert str(app.screen.query_one("#detail").visual).startswith("Pressen\n")  # the row's detail follows
        await pilot.press("delete")  # Pressen deleted …
        assert [s.name for s in app.session.project.insist.stakeholders] == ["Ældrerådet i Vestby", "Direktionen"]
        await pilot.press("ctrl+z")  # … and back
        assert [s.name for s in app.session.project.insist.stakeholders][-1] == "Pressen"
        await pilot.press("down", "shift+up")  # Pressen moved above Direktionen
        assert [s.name for s in app.session.project.insist.stakeholders] == [
            "Ældrerådet i Vestby", "Pressen", "Direktionen"]
        await pilot.press("ctrl+s")
    saved = load_project(example_copy).project.insist.stakeholders
    assert [(s.name, s.influence, s.interest_level) for s in saved] == [
        ("Ældrerådet i Vestby", 2, 5), ("Pressen", None, None), ("Direktionen", 5, None)]
    assert (saved[0].message, saved[0].contact) == ("Vi lytter til jer", "Projektlederen")


async def test_the_grid_shows_each_stakeholder_in_its_quadrant_and_the_unplaced_under_it(example_copy: Path) -> None:
    _with(example_copy, [Stakeholder(name="Direktionen", influence=5, interest_level=1),
                         Stakeholder(name="Ældrerådet", influence=1, interest_level=5),
                         Stakeholder(name="Byrådet", influence=4, interest_level=4),
                         Stakeholder(name="Naboerne", influence=2, interest_level=2),
                         Stakeholder(name="Pressen", influence=3)])
    app = make_app(example_copy, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "stakeholders")
        await pilot.press("v")
        assert _cell_of(_grid_row(app, 5), 1) == "1"  # Direktionen: high influence, low interest
        assert _cell_of(_grid_row(app, 1), 5) == "2"  # Ældrerådet: low influence, high interest
        assert _cell_of(_grid_row(app, 4), 4) == "3"
        assert _cell_of(_grid_row(app, 2), 2) == "4"
        drawn = str(app.screen.query_one("#grid").visual)
        assert "KEEP SATISFIED" in drawn and "MANAGE CLOSELY" in drawn and "KEEP INFORMED" in drawn
        assert drawn.index("KEEP SATISFIED") < drawn.index("MANAGE CLOSELY") < drawn.index("MONITOR")
        legend = app.screen.query_one("#grid-legend")
        rows = [[str(c) for c in legend.get_row_at(i)] for i in range(legend.row_count)]
        assert rows == [["1", "keep satisfied", "Direktionen"], ["2", "keep informed", "Ældrerådet"],
                        ["3", "manage closely", "Byrådet"], ["4", "monitor", "Naboerne"],
                        ["5", "not placed", "Pressen"]]
        assert "Not placed (influence or interest missing): 5 Pressen" in screen_text(app)
        await pilot.press("ctrl+end", "m", *"Vi svarer inden for et døgn", "enter")  # keys act on the legend's row
        assert app.session.project.insist.stakeholders[4].message == "Vi svarer inden for et døgn"
        await pilot.press("4")  # scores are given in the list
        assert app.session.project.insist.stakeholders[4].interest_level is None
        await pilot.press("v", "ctrl+end", "right", "right", "4")  # Pressen's interest, in the list
        await pilot.press("v")
        assert _cell_of(_grid_row(app, 3), 4) == "5"
        assert "Not placed" not in screen_text(app)
        await pilot.press("ctrl+z")
        assert "Not placed (influence or interest missing): 5 Pressen" in screen_text(app)
        await pilot.press("n", *"Gruppe 3 og 4", "enter", "enter")  # digits typed in a name are text
        added = app.session.project.insist.stakeholders[-1]
        assert (added.name, added.influence, added.interest_level) == ("Gruppe 3 og 4", None, None)
        assert ["6", "not placed", "Gruppe 3 og 4"] in [[str(c) for c in legend.get_row_at(i)]
                                                       for i in range(legend.row_count)]


async def test_wide_the_list_and_the_grid_stand_side_by_side_and_follow_each_edit(example_copy: Path) -> None:
    _with(example_copy, [Stakeholder(name="Direktionen", influence=5, interest_level=1),
                         Stakeholder(name="Pressen", influence=3)])
    app = make_app(example_copy, language="en")
    async with app.run_test(size=(170, 40)) as pilot:
        await goto(pilot, "stakeholders")
        screen = app.screen
        assert screen.query_one("#items").display and screen.query_one("#grid-area").display
        assert screen.query_one("#items").region.x < screen.query_one("#grid-area").region.x  # beside it
        assert _cell_of(_grid_row(app, 5), 1) == "1"
        await pilot.press("down", "right", "right", "4")  # Pressen's interest, in the list
        assert _cell_of(_grid_row(app, 3), 4) == "2"  # the grid follows at once
        await pilot.press("v")  # keys now act on the legend
        assert app.screen.focused is screen.query_one("#grid-legend")
        await pilot.press("k", *"Pressechefen", "enter")  # on Pressen: the legend kept the list's row
        assert [s.contact for s in app.session.project.insist.stakeholders] == ["", "Pressechefen"]
        await pilot.resize_terminal(100, 40)  # narrow: the grid alone (g chose it)
        await pilot.pause()
        assert not screen.query_one("#items").display and screen.query_one("#grid-area").display

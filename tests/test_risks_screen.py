"""Pilot tests of the risk analysis screen: risks added, edited and scored by keys, the list in
score order (the file keeps the added order), delete and undo, the heat map's counts, the saved file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import create_project_file, load_project
from borgerspil_tui.tui.widgets.risk_heat_map import RiskHeatMap
from tests.app_helpers import HOSTILE, SIZE, goto, make_app, notices, screen_text

TYPED = HOSTILE.replace("🎉 ", "")
"""The hostile text as keys can type it."""


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "r.borgerspil.yaml"
    create_project_file(path, Project(schema_version=1, title="Risici"))
    return path


def _shown(app) -> list[str]:
    """The risks' texts in the order the table shows them."""
    table = app.screen.query_one("#items", DataTable)
    return [str(table.get_row_at(row)[1]) for row in range(table.row_count)]


def _column(app) -> str:
    table = app.screen.query_one("#items", DataTable)
    return str(table.ordered_columns[table.cursor_column].key.value)


def _map_text(app) -> str:
    widget = app.screen.query_one(RiskHeatMap)
    return "\n".join(line.plain for line in widget.lines(100, 24))


async def test_add_edit_score_order_delete_undo_and_save(tmp_path: Path) -> None:
    path = _empty(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "risks")
        assert "Ingen risici endnu" in screen_text(app)
        await pilot.press("n", *"Ingen kommer", "enter", *"Pengene slipper op", "enter", *"Sms virker ikke",
                          "enter", "enter")
        risks = app.session.project.insist.risks
        assert [r.text for r in risks] == ["Ingen kommer", "Pengene slipper op", "Sms virker ikke"]
        assert _shown(app) == ["Ingen kommer", "Pengene slipper op", "Sms virker ikke"]  # unscored: as added
        # the cursor is on the last one added; a digit scores likelihood, the next impact
        await pilot.press("2")
        assert _column(app) == "risks.col.impact"
        await pilot.press("3")
        risk = app.session.project.insist.risks[2]
        assert (risk.likelihood, risk.impact) == (2, 3)
        assert _shown(app) == ["Sms virker ikke", "Ingen kommer", "Pengene slipper op"]  # scored first
        # score "Pengene slipper op" 5 × 4: it goes to the top; its number follows
        table = app.screen.query_one("#items", DataTable)
        table.move_cursor(row=_shown(app).index("Pengene slipper op"), column=2)
        await pilot.press("5", "4")
        assert _shown(app) == ["Pengene slipper op", "Sms virker ikke", "Ingen kommer"]
        assert [str(table.get_row_at(row)[0]) for row in range(3)] == ["1", "2", "3"]
        assert [r.text for r in app.session.project.insist.risks] == [  # the file keeps the added order
            "Ingen kommer", "Pengene slipper op", "Sms virker ikke"]
        # + and - in the impact column of "Sms virker ikke" (2 × 3 → 2 × 5 = 10)
        table.move_cursor(row=1, column=3)
        await pilot.press("plus", "plus", "plus", "minus", "plus")
        sms = app.session.project.insist.risks[2]
        assert (sms.likelihood, sms.impact) == (2, 5)
        assert table.get_row_at(table.cursor_row)[1].plain == "Sms virker ikke"  # the cursor stayed on it
        # text, owner and mitigation by keys
        await pilot.press("e", "ctrl+u", *"Sms-modulet virker ikke", "enter")
        await pilot.press("o", *"Mette", "enter", "m", *TYPED, "enter")
        sms = app.session.project.insist.risks[2]
        assert (sms.text, sms.owner, sms.mitigation) == ("Sms-modulet virker ikke", "Mette", TYPED)
        # the heat map: likelihood 5 × impact 4 holds no. 1; 2 × 5 holds no. 2; one unscored
        picture = app.screen.query_one(RiskHeatMap).map
        assert picture.cell(5, 4).numbers == (1,) and picture.cell(2, 5).numbers == (2,)
        assert picture.unscored == 1 and sum(c.count for row in picture.rows for c in row) == 2
        # delete the top one, undo brings it back in its place
        table.move_cursor(row=0, column=1)
        await pilot.press("delete")
        assert [r.text for r in app.session.project.insist.risks] == ["Ingen kommer", "Sms-modulet virker ikke"]
        assert _shown(app) == ["Sms-modulet virker ikke", "Ingen kommer"]
        assert app.screen.query_one(RiskHeatMap).map.cell(5, 4).count == 0
        await pilot.press("ctrl+z")
        assert _shown(app) == ["Pengene slipper op", "Sms-modulet virker ikke", "Ingen kommer"]
        assert app.screen.query_one(RiskHeatMap).map.cell(5, 4).numbers == (1,)
        # backspace clears a score: the risk goes to the end, unscored
        table.move_cursor(row=0, column=2)
        await pilot.press("backspace")
        assert _shown(app) == ["Sms-modulet virker ikke", "Ingen kommer", "Pengene slipper op"]  # ties: as added
        await pilot.press("ctrl+z", "ctrl+s")
    risks = load_project(path).project.insist.risks
    assert [(r.text, r.likelihood, r.impact, r.owner, r.mitigation) for r in risks] == [
        ("Ingen kommer", None, None, "", ""), ("Pengene slipper op", 5, 4, "", ""),
        ("Sms-modulet virker ikke", 2, 5, "Mette", TYPED)]


async def test_the_heat_map_is_drawn_with_counts_and_numbers_and_moving_is_explained(tmp_path: Path,
                                                                                    monkeypatch) -> None:
    path = _empty(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "risks")
        await pilot.press("n", *"A", "enter", *"B", "enter", *"C", "enter", "enter")
        table = app.screen.query_one("#items", DataTable)
        for row, (likelihood, impact) in enumerate([(5, 1), (5, 1), (1, 5)]):
            table.move_cursor(row=[_shown(app).index(t) for t in "ABC"][row], column=2)
            await pilot.press(str(likelihood), str(impact))
        assert not app.screen.query_one(RiskHeatMap).display
        await pilot.press("v")
        assert app.screen.query_one(RiskHeatMap).display
        lines = _map_text(app).split("\n")
        assert lines[0].startswith("↑ Sandsynlighed") and "Konsekvens →" in lines[-2]
        grid = lines[1:-3]
        top, bottom = grid[: len(grid) // 5], grid[-(len(grid) // 5):]
        assert any("2" in line and "#1 #2" in line for line in top)  # likelihood 5, impact 1: A and B
        assert any("#3" in line for line in bottom)  # likelihood 1, impact 5: C
        assert all(line.index("#3") > 75 for line in bottom if "#3" in line)  # at the right, impact 5
        assert all(line.index("#1") < 25 for line in top if "#1" in line)  # at the left, impact 1
        sent = notices(app, monkeypatch)
        await pilot.press("shift+up")
        assert sent and "efter score" in sent[-1]
        assert [r.text for r in app.session.project.insist.risks] == ["A", "B", "C"]
        await pilot.press("v")
        assert not app.screen.query_one(RiskHeatMap).display


async def test_the_example_risk_and_a_hostile_one_show_literally(example_copy: Path) -> None:
    app = make_app(example_copy, language="en")
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "risks")
        await pilot.press("n", *"[bold]x[/]", "enter", "enter", "v")
        text = screen_text(app)
        assert "[bold]x[/]" in text and "Leverandøren af sagssystemet" in text
        assert "1 risk without a score is not on the map" in _map_text(app)


async def test_wide_screen_shows_the_map_beside_the_list_and_enter_edits_the_column(tmp_path: Path) -> None:
    path = _empty(tmp_path)
    app = make_app(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await goto(pilot, "risks")
        await pilot.press("n", *"Regn", "enter", "enter", "v")
        await pilot.pause()
        table, picture = app.screen.query_one("#items", DataTable), app.screen.query_one(RiskHeatMap)
        assert picture.region.x >= table.region.right and picture.region.y == table.region.y
        table.move_cursor(row=0, column=5)  # the owner's column: Enter edits the owner
        await pilot.press("enter", *"Ole", "enter")
        assert app.session.project.insist.risks[0].owner == "Ole"
        await pilot.press("right", "enter", *"Telt", "enter")
        assert app.session.project.insist.risks[0].mitigation == "Telt"
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert picture.region.y >= table.region.bottom  # under the list when narrow

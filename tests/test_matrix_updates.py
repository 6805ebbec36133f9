"""Pilot tests of the matrix's updates in place: an edit changes the rows it changed (the rank
cells of the ideas a score passes, the row of a new idea), and what is on screen is always what a
table filled from scratch would show, through scores, choices, new and deleted ideas, weights,
sorting, filtering, undo and redo."""

from __future__ import annotations

import random
from pathlib import Path

from borgerspil_tui.core import matrix
from borgerspil_tui.core.derived import rank_ideas
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea, Vote
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.storage import create_project_file
from tests.app_helpers import SIZE, goto, make_app

METHOD = bundled_method()
IMPORTANCE = 3
"""The table column of the first criterion (importance, weight 3)."""


def _project(tmp_path: Path, ideas: list[Idea], votes: list[Vote] | None = None) -> Path:
    path = tmp_path / "matrix.borgerspil.yaml"
    project = Project(schema_version=1, title="Matrix")
    project.readiness.team = [TeamMember(id="person-aaaaaa", name="Mette")]
    project.create.ideas = ideas
    project.create.votes = votes or []
    create_project_file(path, project)
    return path


def _drawn_rank(table, row: int) -> str:  # noqa: ANN001
    """The rank as drawn on screen on the table's ``row`` (under the two header lines)."""
    return table.render_line(2 + row).text.split()[0]


def _expected(app) -> list[list[str]]:  # noqa: ANN001
    """The rows a table filled from scratch shows for the project now, in the view's order."""
    project, screen = app.session.project, app.screen
    view = screen.view
    rows = matrix.visible_rows(rank_ideas(project, METHOD), [i.id for i in project.create.ideas], view.sort_key,
                               view.sort_reverse, view.filter_text)
    return [[str(c) for c in screen._cells(item)] for item in rows]


def _shown(app) -> list[list[str]]:  # noqa: ANN001
    table = app.screen.query_one("#ideas")
    return [[str(c) for c in table.get_row_at(row)] for row in range(table.row_count)]


async def test_a_score_that_changes_the_order_changes_both_ranks_on_screen_and_undo_puts_them_back(
        tmp_path: Path) -> None:
    path = _project(tmp_path, [Idea(id="idea-aaaaaa", title="A", scores={"importance": 3}),
                               Idea(id="idea-bbbbbb", title="B", scores={"importance": 2}),
                               Idea(id="idea-cccccc", title="C", scores={"importance": 1})])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        await pilot.press("g")  # the guidance away: every row in view
        table = app.screen.query_one("#ideas")
        fills = []
        app.screen.fill = lambda: fills.append(1)  # a full refill would hide a fast path that forgot the ranks
        assert [str(table.get_cell(i, "rank")) for i in ("idea-aaaaaa", "idea-bbbbbb")] == ["1", "2"]
        table.move_cursor(row=1, column=IMPORTANCE)
        await pilot.press("5")  # B: 2 → 5, past A
        await pilot.pause()
        assert app.session.project.create.ideas[1].scores["importance"] == 5
        assert [str(table.get_cell(i, "rank")) for i in ("idea-aaaaaa", "idea-bbbbbb", "idea-cccccc")] == \
            ["2", "1", "3"]
        assert [_drawn_rank(table, row) for row in range(3)] == ["2", "1", "3"]  # as on screen
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [str(table.get_cell(i, "rank")) for i in ("idea-aaaaaa", "idea-bbbbbb", "idea-cccccc")] == \
            ["1", "2", "3"]
        assert [_drawn_rank(table, row) for row in range(3)] == ["1", "2", "3"]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert [_drawn_rank(table, row) for row in range(3)] == ["2", "1", "3"]
        assert fills == []


async def test_sorted_by_rank_a_score_moves_its_row_and_the_cursor_stays_with_the_idea(tmp_path: Path) -> None:
    path = _project(tmp_path, [Idea(title=t, scores={"importance": s}) for t, s in
                               (("A", 5), ("B", 4), ("C", 3), ("D", 2), ("E", 1))])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        table = app.screen.query_one("#ideas")
        table.move_cursor(column=0)
        await pilot.press("o")  # sort by rank
        table.move_cursor(row=4, column=IMPORTANCE + 1)  # E, feasibility
        await pilot.press("5", "5")  # E: feasibility and strategic match: (1·3 + 5·2 + 5) / 7 beats A's 5·3 / 7
        titles = [row[1] for row in _shown(app)]
        assert titles == ["E", "A", "B", "C", "D"]
        assert [row[0] for row in _shown(app)] == ["1", "2", "3", "4", "5"]
        assert app.screen.current_id() == app.session.project.create.ideas[4].id  # it moved; the cursor too
        assert _shown(app) == _expected(app)


async def test_a_new_idea_adds_its_row_and_a_choice_touches_its_cell(tmp_path: Path) -> None:
    path = _project(tmp_path, [Idea(title="A"), Idea(title="B")])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        table = app.screen.query_one("#ideas")
        fills = []
        app.screen.fill = lambda: fills.append(1)
        await pilot.press("n", *"Ny idé", "enter", "escape")
        assert table.row_count == 3 and _shown(app)[2][:2] == ["3", "Ny idé"]
        assert app.screen.current_id() == app.session.project.create.ideas[2].id
        await pilot.press("space")
        assert app.session.project.create.ideas[2].chosen and _shown(app)[2][-1] == "✓"
        assert "1 valgt" in str(app.screen.query_one("#matrix-info").visual)
        assert fills == []
        await pilot.press("ctrl+z", "ctrl+z")
        assert table.row_count == 2 and _shown(app) == _expected(app)


async def test_the_table_is_always_what_a_fresh_fill_shows(tmp_path: Path) -> None:
    """A long, seeded walk through every kind of edit and view; after each key the table must
    equal a table filled from scratch (the ranks above all: the fast path's easiest mistake)."""
    rng = random.Random(9)
    ideas = [Idea(title=f"Idé {n} {'sms' if n % 3 == 0 else 'depot'}",
                  scores={c.id: rng.randint(1, 5) for c in METHOD.criteria if rng.random() < 0.7})
             for n in range(12)]
    votes = [Vote(voter="person-aaaaaa", idea=ideas[2].id, dots=2), Vote(voter="person-aaaaaa", idea=ideas[5].id,
                                                                          dots=1)]
    app = make_app(_project(tmp_path, ideas, votes))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        table = app.screen.query_one("#ideas")
        keys = ["1", "2", "3", "4", "5", "backspace", "space", "up", "down", "left", "right", "ctrl+z", "ctrl+y",
                "plus", "minus", "delete", "add", "o", "t", "filter", "edit"]
        for step in range(160):
            key = rng.choice(keys)
            if key == "add":
                await pilot.press("n", *f"ny {step}", "enter", "escape")
            elif key == "filter":
                await pilot.press("slash", *rng.choice(["", "sms", "ny"]), "enter")
            elif key == "edit":
                if app.screen.current_id() is not None:
                    await pilot.press("e", "ctrl+u", *rng.choice(["sms", "Zebra", "abc"]), "enter")
            elif key == "o":
                table.move_cursor(column=rng.randrange(len(table.columns)))
                await pilot.press("o")
            else:
                await pilot.press(key)
            await pilot.pause()
            assert app.screen.NAME == "matrix", (step, key)
            assert _shown(app) == _expected(app), (step, key, app.screen.view)


async def test_dots_given_on_the_votes_screen_show_when_the_matrix_is_back(tmp_path: Path) -> None:
    path = _project(tmp_path, [Idea(title="A"), Idea(title="B")])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        await pilot.press("t")  # dots count in the ranking
        await pilot.press("p")
        assert app.screen.NAME == "votes"
        await pilot.press("tab", "down", "2")  # Mette: 2 dots on B
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.NAME == "matrix"
        assert [row[:2] + row[-2:] for row in _shown(app)] == [["2", "A", "", ""], ["1", "B", "2", ""]]
        assert _shown(app) == _expected(app)
        await pilot.press("ctrl+z")  # the dots again, undone here
        assert _shown(app) == _expected(app) and _shown(app)[1][-2] == ""


async def test_an_idea_the_filter_hid_comes_back_in_its_place(tmp_path: Path) -> None:
    path = _project(tmp_path, [Idea(title="sms 1"), Idea(title="sms 2"), Idea(title="depot"), Idea(title="sms 3")])
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "matrix")
        await pilot.press("slash", *"sms", "enter")
        assert [row[1] for row in _shown(app)] == ["sms 1", "sms 2", "sms 3"]
        await pilot.press("e", "ctrl+u", *"abc", "enter")  # the first one no longer matches
        assert [row[1] for row in _shown(app)] == ["sms 2", "sms 3"]
        await pilot.press("ctrl+z")
        assert [row[1] for row in _shown(app)] == ["sms 1", "sms 2", "sms 3"]
        assert _shown(app) == _expected(app)

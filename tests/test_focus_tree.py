"""Pilot tests of the problem tree: build it from the keyboard, move, indent, undo, both views."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.storage import create_project_file, load_project
from borgerspil_tui.tui.screens.problem_tree import ProblemTreeScreen
from tests.app_helpers import SIZE, make_app, screen_text


def _shape(nodes: list[TreeNode]) -> list:
    return [(n.text, _shape(n.children)) if n.children else n.text for n in nodes]


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "tomt.borgerspil.yaml"
    create_project_file(path, Project(schema_version=1, title="Tomt"))
    return path


async def _open_tree(pilot) -> ProblemTreeScreen:  # noqa: ANN001
    pilot.app.action_goto("problem-tree")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ProblemTreeScreen)
    return pilot.app.screen


async def test_build_a_three_level_tree_from_the_keyboard(tmp_path: Path) -> None:
    path = _empty(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_tree(pilot)
        assert screen.selected == "problem"
        await pilot.press("e", *"Lang ventetid", "enter")
        await pilot.press("a", *"Mangler oplysninger", "enter", *"Alt behandles ens", "enter", "enter")
        await pilot.press("up")  # from "Alt behandles ens" to "Mangler oplysninger"
        await pilot.press("b", *"Skemaet er svært", "enter", *"Lægen svarer sent", "enter", "enter")
        await pilot.press("up")  # "Skemaet er svært"
        await pilot.press("b", *"Ord som funktionsevne", "enter", "enter")
        await pilot.press("k", *"Folk ringer", "enter", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
    focus = load_project(path).project.focus
    assert focus.problem == "Lang ventetid"
    assert _shape(focus.causes) == [
        ("Mangler oplysninger", [("Skemaet er svært", ["Ord som funktionsevne"]), "Lægen svarer sent"]),
        "Alt behandles ens",
    ]
    assert _shape(focus.consequences) == ["Folk ringer"]


async def test_move_indent_outdent_and_uncertain(tmp_path: Path) -> None:
    path = _empty(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_tree(pilot)
        await pilot.press("a", *"A", "enter", *"B", "enter", *"C", "enter", "enter")  # C selected
        await pilot.press("shift+up")  # A C B
        assert _shape(app.session.project.focus.causes) == ["A", "C", "B"]
        await pilot.press("tab")  # C under A
        assert _shape(app.session.project.focus.causes) == [("A", ["C"]), "B"]
        await pilot.press("down", "greater_than_sign")  # B under A, after C
        assert _shape(app.session.project.focus.causes) == [("A", ["C", "B"])]
        await pilot.press("shift+tab")  # B back out
        assert _shape(app.session.project.focus.causes) == [("A", ["C"]), "B"]
        await pilot.press("u")
        assert app.session.project.focus.causes[1].uncertain
        await pilot.press("ctrl+s")
    saved = load_project(path).project.focus.causes
    assert _shape(saved) == [("A", ["C"]), "B"] and saved[1].uncertain


async def test_undo_a_delete_brings_the_whole_branch_back(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_tree(pilot)
        before = app.session.project.focus.model_dump()
        screen.selected = "node-a2s4df"  # "Ansøgningen mangler ofte oplysninger", with two causes under it
        screen.redraw()
        await pilot.press("delete")
        assert all(n.id != "node-a2s4df" for n in app.session.project.focus.causes)
        await pilot.press("ctrl+z")
        assert app.session.project.focus.model_dump() == before
        assert "Skemaet er svært at forstå for ældre borgere" in screen_text(app)


async def test_picture_view_draws_and_edits_the_same_tree(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_tree(pilot)
        await pilot.press("v")
        assert screen.picture_mode
        picture = app.screen.query_one("#picture").plain()
        assert "╔" in picture and "PROBLEM" in picture
        lines = picture.splitlines()
        problem_row = next(i for i, line in enumerate(lines) if "PROBLEM" in line)
        consequence_row = next(i for i, line in enumerate(lines) if "Borgere ringer og spørger" in line)
        cause_row = next(i for i, line in enumerate(lines) if "Ansøgningen mangler ofte" in line)
        assert consequence_row < problem_row < cause_row  # consequences above, causes below
        assert "(usikker)" in picture
        await pilot.press("down", "down")  # problem → causes group → first cause
        assert screen.selected == "node-a2s4df"
        await pilot.press("e", "ctrl+u", *"Ansøgninger er mangelfulde", "enter")
        assert app.session.project.focus.causes[0].text == "Ansøgninger er mangelfulde"
        assert "Ansøgninger er mangelfulde" in app.screen.query_one("#picture").plain()
        await pilot.press("v")
        assert not screen.picture_mode and "Ansøgninger er mangelfulde" in screen_text(app)


async def test_folding_is_kept_while_editing(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_tree(pilot)
        await pilot.press("down", "down")  # Årsager group, first cause
        assert screen.selected == "node-a2s4df"
        await pilot.press("space")  # fold it
        assert "node-a2s4df" in screen.folded
        await pilot.press("u")
        await pilot.pause()
        tree = app.screen.query_one("#outline")
        folded = next(n for n in tree.root.children[2].children if n.data == "node-a2s4df")
        assert not folded.is_expanded


async def test_a_quick_double_enter_never_adds_the_same_text_twice(tmp_path: Path) -> None:
    path = _empty(tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _open_tree(pilot)
        bar_input = app.screen.query_one("#edit-input")
        await pilot.press("a", *"Ingen badebænk")
        await bar_input.action_submit()  # Enter …
        await bar_input.action_submit()  # … and a second Enter before the first is handled
        await pilot.pause()
        assert _shape(app.session.project.focus.causes) == ["Ingen badebænk"]
        assert not app.screen.query_one("#edit-bar").is_open

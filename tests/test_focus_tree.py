"""Pilot tests of the problem tree: build it from the keyboard, move, indent, undo, both views."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Tree

from borgerspil_tui.core import tree_ops
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.storage import create_project_file, load_project
from borgerspil_tui.tui.screens.problem_tree import ProblemTreeScreen
from borgerspil_tui.tui.widgets.tree_outline import GROUP, PROBLEM, TreeOutline
from tests.app_helpers import HOSTILE, SIZE, make_app, screen_text


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
        assert screen.selected == GROUP["causes"]  # the line above it
        await pilot.press("ctrl+z")
        assert app.session.project.focus.model_dump() == before
        assert "Skemaet er svært at forstå for ældre borgere" in screen_text(app)
        assert screen.selected == "node-a2s4df"  # the branch that came back
        assert "belæg: +1" in str(_outline(app).node_for("node-g5h6jk").label)  # its evidence note is back


async def test_a_late_highlight_after_a_redraw_does_not_move_the_selection(example_copy: Path) -> None:
    """The outline redraws and moves its cursor; a highlight event still in the queue from before
    (the cursor on another line for a moment) must not change what the next key acts on."""
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_tree(pilot)
        outline = _outline(app)
        screen.selected = "node-a2s4df"
        screen.redraw()
        await pilot.pause()
        assert outline.cursor_node is outline.node_for("node-a2s4df")
        for stale in (outline.node_for(GROUP["consequences"]), outline.node_for("node-q2r3st")):
            outline.post_message(Tree.NodeHighlighted(stale))  # as the redraw's first cursor placement posts it
        await pilot.press("delete")
        assert [n.id for n in app.session.project.focus.causes] == ["node-q2r3st", "node-y6z7ab"]


async def test_a_key_right_after_moving_the_cursor_acts_on_the_line_under_it(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_tree(pilot)
        await pilot.press("down", "down")
        assert screen.selected == "node-a2s4df"
        _outline(app).action_cursor_down()  # the cursor moves; its highlight event is not handled yet
        screen.action_toggle_uncertain()
        assert app.session.project.focus.causes[0].children[0].uncertain  # node-g5h6jk, not node-a2s4df
        assert not app.session.project.focus.causes[0].uncertain


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


def _outline(app) -> TreeOutline:  # noqa: ANN001
    return app.screen.query_one("#outline", TreeOutline)


def _lines(line) -> list:  # noqa: ANN001
    """The outline below ``line``: (data, label, can fold, [what is under it]) for each line."""
    return [(child.data, str(child.label), child.allow_expand, _lines(child)) for child in line.children]


def _expected(screen: ProblemTreeScreen) -> list:
    """The outline as it should be for the project as it is now (drawn from the model)."""
    def nodes(items: list[TreeNode]) -> list:
        return [(n.id, str(screen._label(n)), bool(n.children), nodes(n.children)) for n in items]

    focus = screen.session.project.focus
    titles = {branch: screen.t(f"tree.{branch}") for branch in GROUP}
    return [(GROUP["consequences"], titles["consequences"], True, nodes(focus.consequences)),
            (PROBLEM, str(screen._problem_label()), False, []),
            (GROUP["causes"], titles["causes"], True, nodes(focus.causes))]


async def test_edits_change_the_lines_they_touch_not_the_whole_outline(example_copy: Path) -> None:
    """Add, edit, mark, move, indent, outdent, delete, undo and redo: after each the outline is what
    a full drawing would be, the cursor is on the node the edit was about, and a line the edit did
    not touch is the same line as before (it was not drawn again)."""
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_tree(pilot)
        outline = _outline(app)
        untouched = outline.node_for("node-m4n5pq")
        await pilot.press("down", "down")  # the first cause, node-a2s4df

        async def check(*keys: str, on: str | None = None) -> None:
            await pilot.press(*keys)
            assert _lines(outline.root) == _expected(screen), keys
            assert outline.node_for("node-m4n5pq") is untouched, keys
            assert outline.cursor_node is outline.node_for(screen.selected), keys
            if on is not None:
                assert screen.selected == on, keys
            counts = {b: sum(1 for _ in tree_ops.walk(getattr(app.session.project.focus, b))) for b in GROUP}
            assert screen.query_one("#tree-count").visual.plain.startswith(f"{counts['causes']} årsag"), keys

        await check("n", *"Ny", "enter")
        new = screen.selected
        assert new not in ("node-a2s4df", PROBLEM) and app.session.project.focus.causes[1].id == new
        hostile = HOSTILE.replace(" 🎉", "")  # (Pilot cannot press an emoji)
        await check(*hostile, "enter", "escape")  # a second one beside it, with text that is not markup
        second = screen.selected
        assert app.session.project.focus.causes[2].text == hostile
        await check("e", "ctrl+u", *"Rettet", "enter", on=second)
        await check("u", on=second)
        await check("shift+up", on=second)  # above "Ny"
        await check("tab", on=second)  # under node-a2s4df, after its two causes
        assert [c.id for c in app.session.project.focus.causes[0].children][-1] == second
        await check("shift+tab", on=second)
        steps = len(app.session.undo_steps())
        await check("up", "up", "up", "tab", on="node-a2s4df")  # nothing above it: no step
        await check("down", "tab", on="node-g5h6jk")  # nothing above it among its siblings
        await check("shift+up", on="node-g5h6jk")  # first already
        assert len(app.session.undo_steps()) == steps
        await check("up", "b", *"Barn", "enter", "escape")  # a child of node-a2s4df
        barn = screen.selected
        await check("delete", on="node-l7m8np")  # the line above the deleted child
        await check("delete", on="node-g5h6jk")
        await check("up", "delete", on=GROUP["causes"])  # node-a2s4df and its branch
        for back in ("node-a2s4df", "node-l7m8np", barn):
            await check("ctrl+z", on=back)  # the cursor on what came back
        for _ in range(3):
            await check("ctrl+y")
        while app.session.can_undo:
            await check("ctrl+z")
        assert app.session.project.model_dump() == load_project(example_copy).project.model_dump()
        shown = _lines(outline.root)
        screen.redraw()
        assert _lines(outline.root) == shown
        assert outline.node_for("node-m4n5pq") is not untouched  # a drawing from scratch makes new lines


async def test_editing_the_problem_changes_its_line(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_tree(pilot)
        outline = _outline(app)
        cause = outline.node_for("node-a2s4df")
        await pilot.press("e", "ctrl+u", *"Lang ventetid", "enter")
        assert app.session.project.focus.problem == "Lang ventetid"
        assert str(outline.node_for(PROBLEM).label) == "PROBLEM: Lang ventetid"
        assert outline.node_for("node-a2s4df") is cause and screen.selected == PROBLEM


async def test_the_outline_keeps_its_lines_when_the_edit_bar_opens_and_closes(example_copy: Path) -> None:
    """Opening the bar makes the outline shorter and taking the focus back restyles it: neither
    changes the lines, so they are not laid out again (with 3,000 nodes that costs as much as an add)."""
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await _open_tree(pilot)
        outline = _outline(app)
        await pilot.press("down", "down")
        lines = outline._tree_lines
        await pilot.press("e")
        assert app.screen.query_one("#edit-bar").is_open
        await pilot.press("escape")
        assert app.focused is outline
        assert outline._tree_lines is lines
        await pilot.press("shift+down")  # an edit that moves lines lays them out again
        assert outline._tree_lines is not lines


async def test_label_widths_are_those_tree_works_out(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_tree(pilot)
        outline = _outline(app)
        await pilot.press("down", "down", "b", *"漢字 [b]x[/b]", "enter", "escape")
        await pilot.press("a", *HOSTILE.replace(" 🎉", ""), "enter", "escape")
        screen.folded.add("node-q2r3st")
        screen.redraw()
        stack = list(outline.root.children)
        while stack:
            line = stack.pop()
            assert outline.get_label_width(line) == Tree.get_label_width(outline, line), line
            stack.extend(line.children)

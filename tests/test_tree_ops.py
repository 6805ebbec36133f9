"""Problem-tree edits as changes: built with the session's builder, applied and undone by the session."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core import tree_ops
from borgerspil_tui.core.changes import AddItem, MoveItem, RemoveItem, SetValue
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.experience import Insight
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import Loaded


def _tree() -> Project:
    project = Project(schema_version=1, title="t")
    project.focus.causes = [
        TreeNode(id="n-a", text="A", children=[TreeNode(id="n-a1", text="A1"), TreeNode(id="n-a2", text="A2")]),
        TreeNode(id="n-b", text="B"),
    ]
    project.focus.consequences = [TreeNode(id="n-c", text="C")]
    return project


def _session(project: Project | None = None) -> Session:
    return Session(Loaded(project or _tree(), Path("t.borgerspil.yaml"), None))


def _shape(nodes: list[TreeNode]) -> list:
    return [(n.text, _shape(n.children)) if n.children else n.text for n in nodes]


def _apply(session: Session, changes) -> bool:  # noqa: ANN001
    """Apply as a screen does; True when a step was recorded."""
    return session.apply("tree", changes) is not None


def test_the_edits_build_changes_and_leave_the_project_alone() -> None:
    session = _session()
    before = session.project.model_dump()
    built = [
        tree_ops.add_top(session.changes, "causes", "D")[0],
        tree_ops.add_sibling(session.changes, "n-a1", "X")[0],
        tree_ops.add_child(session.changes, "n-b", "Y")[0],
        tree_ops.edit(session.changes, "n-a2", "A2!"),
        tree_ops.toggle_uncertain(session.changes, "n-c"),
        tree_ops.delete(session.changes, "n-a"),
        tree_ops.move(session.changes, "n-a2", -1),
        tree_ops.indent(session.changes, "n-b"),
        tree_ops.outdent(session.changes, "n-a1"),
        tree_ops.set_problem(session.changes, "P"),
    ]
    assert all(built)
    assert session.project.model_dump() == before


def test_add_sibling_child_and_top() -> None:
    session = _session()
    changes, node = tree_ops.add_sibling(session.changes, "n-a1", "A1½")
    assert changes == [AddItem(("focus", "causes", "n-a", "children"), 1, node.model_dump())]
    _apply(session, changes)
    _apply(session, tree_ops.add_child(session.changes, "n-b", "B1")[0])
    _apply(session, tree_ops.add_top(session.changes, "consequences", "D")[0])
    p = session.project
    assert _shape(p.focus.causes) == [("A", ["A1", "A1½", "A2"]), ("B", ["B1"])]
    assert _shape(p.focus.consequences) == ["C", "D"]
    assert tree_ops.count(p) == 8
    assert session.index.path(node.id) == ("focus", "causes", "n-a", "children", node.id)


def test_move_indent_outdent_keep_the_node_and_its_children() -> None:
    session = _session()
    assert _apply(session, tree_ops.move(session.changes, "n-a2", -1))
    assert _shape(session.project.focus.causes) == [("A", ["A2", "A1"]), "B"]
    indent = tree_ops.indent(session.changes, "n-b")  # B under A
    assert indent == [MoveItem("n-b", ("focus", "causes"), 1, ("focus", "causes", "n-a", "children"), 2)]
    _apply(session, indent)
    assert _shape(session.project.focus.causes) == [("A", ["A2", "A1", "B"])]
    assert _apply(session, tree_ops.outdent(session.changes, "n-a1"))  # A1 after A
    assert _shape(session.project.focus.causes) == [("A", ["A2", "B"]), "A1"]
    assert session.index.path("n-b") == ("focus", "causes", "n-a", "children", "n-b")
    # a node with children moves whole: A (with A2 and B) under A1
    assert _apply(session, tree_ops.move(session.changes, "n-a1", -1))
    assert _apply(session, tree_ops.indent(session.changes, "n-a"))
    assert _shape(session.project.focus.causes) == [("A1", [("A", ["A2", "B"])])]
    assert session.index.path("n-a2") == ("focus", "causes", "n-a1", "children", "n-a", "children", "n-a2")
    assert [n.id for n, _ in tree_ops.walk(session.project.focus.causes)] == ["n-a1", "n-a", "n-a2", "n-b"]


def test_moves_at_the_edge_record_no_step() -> None:
    session = _session()
    steps = len(session.undo_steps())
    assert tree_ops.move(session.changes, "n-a1", -1) == []  # first of its siblings
    assert tree_ops.move(session.changes, "n-a2", 1) == []  # last
    assert tree_ops.indent(session.changes, "n-a") == []  # nothing above it to go under
    assert tree_ops.outdent(session.changes, "n-b") == []  # already at the top
    for changes in ([], tree_ops.move(session.changes, "n-b", 1), tree_ops.move(session.changes, "n-c", -1)):
        assert not _apply(session, changes)
    assert len(session.undo_steps()) == steps
    assert session.revision == 0 and not session.dirty


def test_edit_problem_and_uncertain() -> None:
    session = _session()
    _apply(session, tree_ops.edit(session.changes, "n-c", "C!"))
    _apply(session, tree_ops.toggle_uncertain(session.changes, "n-c"))
    _apply(session, tree_ops.set_problem(session.changes, "Lang ventetid"))
    focus = session.project.focus
    assert focus.consequences[0].text == "C!" and focus.consequences[0].uncertain and focus.problem == "Lang ventetid"
    assert tree_ops.toggle_uncertain(session.changes, "n-c") == [
        SetValue(("focus", "consequences", "n-c", "uncertain"), True, False)]
    assert tree_ops.edit(session.changes, "n-c", "C!") == []  # the same text: nothing to do


def test_delete_takes_the_branch_and_the_links_to_it_and_undo_brings_them_back() -> None:
    project = _tree()
    project.experience.insights = [Insight(id="insight-1", statement="s", supports=["n-a1", "n-b"],
                                           contradicts=["n-a"])]
    session = _session(Project.model_validate(project.model_dump()))
    before = session.project.model_dump()
    changes = tree_ops.delete(session.changes, "n-a")
    assert isinstance(changes[0], RemoveItem) and changes[0].key == "n-a"
    _apply(session, changes)
    assert _shape(session.project.focus.causes) == ["B"]
    assert session.project.experience.insights[0].supports == ["n-b"]
    assert session.project.experience.insights[0].contradicts == []
    Project.model_validate(session.project.model_dump())
    with pytest.raises(tree_ops.NodeNotFound):
        tree_ops.edit(session.changes, "n-a1", "gone")
    session.undo()
    assert session.project.model_dump() == before
    assert session.index.path("n-a2") == ("focus", "causes", "n-a", "children", "n-a2")


def test_undo_and_redo_of_indent_and_outdent() -> None:
    session = _session()
    before = session.project.model_dump()
    _apply(session, tree_ops.indent(session.changes, "n-b"))
    _apply(session, tree_ops.outdent(session.changes, "n-a2"))
    after = session.project.model_dump()
    session.undo()
    session.undo()
    assert session.project.model_dump() == before
    session.redo()
    session.redo()
    assert session.project.model_dump() == after
    assert _shape(session.project.focus.causes) == [("A", ["A1", "B"]), "A2"]


def test_an_id_outside_the_tree_is_not_a_node() -> None:
    project = _tree()
    project.experience.insights = [Insight(id="insight-1", statement="s")]
    session = _session(Project.model_validate(project.model_dump()))
    for node_id in ("insight-1", "nowhere"):
        with pytest.raises(tree_ops.NodeNotFound):
            tree_ops.delete(session.changes, node_id)


def test_locate_finds_a_node_by_searching() -> None:
    p = _tree()
    place = tree_ops.locate(p, "n-a2")
    assert place.branch == "causes" and place.index == 1 and place.parent is not None and place.parent.id == "n-a"
    with pytest.raises(tree_ops.NodeNotFound):
        tree_ops.locate(p, "n-x")


def test_a_new_node_is_checked_by_the_session_not_when_it_is_built() -> None:
    from borgerspil_tui.core.session import EditRefused

    session = _session()
    changes, _ = tree_ops.add_top(session.changes, "causes", "x" * 20_001)  # over the longest text allowed
    with pytest.raises(EditRefused):
        session.apply("tree", changes)
    assert _shape(session.project.focus.causes) == [("A", ["A1", "A2"]), "B"] and not session.undo_steps()

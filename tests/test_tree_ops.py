"""Problem-tree editing as pure functions over the model."""

from __future__ import annotations

import pytest

from borgerspil_tui.core import tree_ops
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode


def _tree() -> Project:
    project = Project(schema_version=1, title="t")
    project.focus.causes = [
        TreeNode(id="n-a", text="A", children=[TreeNode(id="n-a1", text="A1"), TreeNode(id="n-a2", text="A2")]),
        TreeNode(id="n-b", text="B"),
    ]
    project.focus.consequences = [TreeNode(id="n-c", text="C")]
    return project


def _shape(nodes: list[TreeNode]) -> list:
    return [(n.text, _shape(n.children)) if n.children else n.text for n in nodes]


def test_add_sibling_child_and_top() -> None:
    p = _tree()
    tree_ops.add_sibling(p, "n-a1", "A1½")
    tree_ops.add_child(p, "n-b", "B1")
    tree_ops.add_top(p, "consequences", "D")
    assert _shape(p.focus.causes) == [("A", ["A1", "A1½", "A2"]), ("B", ["B1"])]
    assert _shape(p.focus.consequences) == ["C", "D"]
    assert tree_ops.count(p) == 8


def test_move_indent_outdent() -> None:
    p = _tree()
    assert tree_ops.move(p, "n-a2", -1)
    assert not tree_ops.move(p, "n-a2", -1)
    assert _shape(p.focus.causes) == [("A", ["A2", "A1"]), "B"]
    assert tree_ops.indent(p, "n-b")  # B under A
    assert _shape(p.focus.causes) == [("A", ["A2", "A1", "B"])]
    assert tree_ops.outdent(p, "n-a1")  # A1 after A
    assert _shape(p.focus.causes) == [("A", ["A2", "B"]), "A1"]
    assert not tree_ops.outdent(p, "n-a1")
    assert not tree_ops.indent(p, "n-a")


def test_edit_delete_uncertain() -> None:
    p = _tree()
    tree_ops.edit(p, "n-c", "C!")
    assert tree_ops.toggle_uncertain(p, "n-c") is True
    removed = tree_ops.delete(p, "n-a")
    assert removed.text == "A" and len(removed.children) == 2
    assert _shape(p.focus.causes) == ["B"]
    assert p.focus.consequences[0].text == "C!" and p.focus.consequences[0].uncertain
    with pytest.raises(tree_ops.NodeNotFound):
        tree_ops.locate(p, "n-a1")


def test_delete_removes_links_to_the_deleted_branch() -> None:
    from borgerspil_tui.core.model.experience import Insight

    p = _tree()
    p.experience.insights = [Insight(statement="s", supports=["n-a1", "n-b"], contradicts=["n-a"])]
    tree_ops.delete(p, "n-a")
    assert p.experience.insights[0].supports == ["n-b"]
    assert p.experience.insights[0].contradicts == []
    Project.model_validate(p.model_dump())

"""The problem tree: reading it (walk, count, locate, evidence) and editing it as changes.

The editing functions build changes (core/changes) with the session's :class:`EditBuilder`
and never touch the project: ``session.apply(label, tree_ops.indent(session.changes, node_id))``.
A node is found through the session's item index (its path through its ancestors), so an edit
does not search the tree. A node is in one of two branches: ``causes`` (below the problem) or
``consequences`` (above it). Indent and outdent move a node to another list (a ``MoveItem``): it
keeps its id and everything under it. No I/O, no UI.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from borgerspil_tui.core.changes import Change, Path
from borgerspil_tui.core.edits import EditBuilder
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode

Branch = Literal["causes", "consequences"]
BRANCHES: tuple[Branch, ...] = ("consequences", "causes")
PROBLEM_PATH: Path = ("focus", "problem")


class NodeNotFound(KeyError):
    """No node with that id in the tree."""


# -- reading ------------------------------------------------------------------------------------
@dataclass
class Place:
    """Where a node sits: its siblings list, its index there, its parent (None at the top)."""

    branch: Branch
    siblings: list[TreeNode]
    index: int
    parent: TreeNode | None

    @property
    def node(self) -> TreeNode:
        """The node itself."""
        return self.siblings[self.index]


def _search(nodes: list[TreeNode], node_id: str, branch: Branch, parent: TreeNode | None) -> Place | None:
    for index, node in enumerate(nodes):
        if node.id == node_id:
            return Place(branch, nodes, index, parent)
        found = _search(node.children, node_id, branch, node)
        if found:
            return found
    return None


def locate(project: Project, node_id: str) -> Place:
    """Find a node in either branch by searching the tree (edits use the item index instead)."""
    for branch in BRANCHES:
        found = _search(getattr(project.focus, branch), node_id, branch, None)
        if found:
            return found
    raise NodeNotFound(node_id)


def walk(nodes: list[TreeNode], depth: int = 0) -> Iterator[tuple[TreeNode, int]]:
    """Every node with its depth, in the order they are drawn."""
    for node in nodes:
        yield node, depth
        yield from walk(node.children, depth + 1)


def count(project: Project) -> int:
    """How many causes and consequences the tree has."""
    return sum(1 for branch in BRANCHES for _ in walk(getattr(project.focus, branch)))


def evidence(project: Project) -> dict[str, tuple[int, int]]:
    """For each cause with evidence: (insights that support it, insights that contradict it)."""
    counts: dict[str, list[int]] = {}
    for insight in project.experience.insights:
        for cause in insight.supports:
            counts.setdefault(cause, [0, 0])[0] += 1
        for cause in insight.contradicts:
            counts.setdefault(cause, [0, 0])[1] += 1
    return {cause: (pair[0], pair[1]) for cause, pair in counts.items()}


def touches_evidence(path: Path) -> bool:
    """Whether a change at ``path`` can change the evidence (the insights' links to causes)."""
    return path[:2] == ("experience", "insights")[:len(path[:2])]


def is_tree_list(at: Path) -> bool:
    """Whether ``at`` is a list of tree nodes: a branch, or a node's children."""
    return (len(at) == 2 and at[0] == "focus" and at[1] in BRANCHES) or (
        len(at) > 2 and at[0] == "focus" and at[1] in BRANCHES and at[-1] == "children")


def branch_of(path: Path) -> Branch | None:
    """The branch a tree path is in (None for a path outside the tree)."""
    if len(path) >= 2 and path[0] == "focus" and path[1] in BRANCHES:
        return path[1]  # type: ignore[return-value]
    return None


# -- editing: changes, not mutations -------------------------------------------------------------
def node_path(changes: EditBuilder, node_id: str) -> Path:
    """The path of a node through its ancestors (NodeNotFound when it is not in the tree)."""
    try:
        path = changes.path_of(node_id)
    except KeyError:
        raise NodeNotFound(node_id) from None
    if branch_of(path) is None:
        raise NodeNotFound(node_id)
    return path


def _siblings(changes: EditBuilder, path: Path) -> tuple[list[TreeNode], int]:
    """The list a node is in, and where it is in it."""
    siblings: list[TreeNode] = changes.get(path[:-1])
    key = path[-1]
    for index, node in enumerate(siblings):
        if node.id == key:
            return siblings, index
    raise NodeNotFound(key)


def _new(text: str) -> TreeNode:
    """A new node, not checked yet: the session checks it when the change is made (and words a
    refusal, such as a text that is too long, in the user's language)."""
    return TreeNode.model_construct(text=text)


def add_top(changes: EditBuilder, branch: Branch, text: str) -> tuple[list[Change], TreeNode]:
    """A new node at the end of a branch's top level; the changes and the node."""
    node = _new(text)
    return changes.add(("focus", branch), node), node


def add_sibling(changes: EditBuilder, node_id: str, text: str) -> tuple[list[Change], TreeNode]:
    """A new node right after ``node_id``, on the same level."""
    path = node_path(changes, node_id)
    _, index = _siblings(changes, path)
    node = _new(text)
    return changes.add(path[:-1], node, index + 1), node


def add_child(changes: EditBuilder, node_id: str, text: str) -> tuple[list[Change], TreeNode]:
    """A new node as the last child of ``node_id``."""
    node = _new(text)
    return changes.add((*node_path(changes, node_id), "children"), node), node


def edit(changes: EditBuilder, node_id: str, text: str) -> list[Change]:
    """Change a node's text."""
    return changes.set((*node_path(changes, node_id), "text"), text)


def set_problem(changes: EditBuilder, text: str) -> list[Change]:
    """Change the problem itself (the trunk)."""
    return changes.set(PROBLEM_PATH, text)


def toggle_uncertain(changes: EditBuilder, node_id: str) -> list[Change]:
    """Mark or unmark the link as one the team is unsure of."""
    path = (*node_path(changes, node_id), "uncertain")
    return changes.set(path, not changes.get(path))


def delete(changes: EditBuilder, node_id: str) -> list[Change]:
    """Remove a node with everything under it, and the links (insights' evidence) to any of them."""
    return changes.remove(node_path(changes, node_id))


def move(changes: EditBuilder, node_id: str, delta: int) -> list[Change]:
    """Move a node up (-1) or down (+1) among its siblings; nothing at the edge."""
    return changes.move(node_path(changes, node_id), delta)


def indent(changes: EditBuilder, node_id: str) -> list[Change]:
    """Make a node the last child of the sibling above it; nothing when it is first."""
    path = node_path(changes, node_id)
    siblings, index = _siblings(changes, path)
    if index == 0:
        return []
    return changes.move_to(path, (*path[:-1], siblings[index - 1].id, "children"))


def outdent(changes: EditBuilder, node_id: str) -> list[Change]:
    """Make a node the next sibling of its parent; nothing at the top level."""
    path = node_path(changes, node_id)
    if len(path) <= 3:
        return []  # ("focus", branch, node): already at the top
    parent = path[:-2]
    _, index = _siblings(changes, parent)
    return changes.move_to(path, parent[:-1], index + 1)

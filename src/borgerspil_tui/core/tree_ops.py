"""Editing the problem tree: add, edit, delete, move, indent, outdent, mark uncertain.

Pure functions over the project model (no I/O, no UI). A node is found by id in either branch:
``causes`` (below the problem) or ``consequences`` (above it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.links import unlink

Branch = Literal["causes", "consequences"]
BRANCHES: tuple[Branch, ...] = ("consequences", "causes")


class NodeNotFound(KeyError):
    """No node with that id in the tree."""


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
    """Find a node in either branch."""
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


def add_top(project: Project, branch: Branch, text: str) -> TreeNode:
    """A new node at the end of a branch's top level."""
    node = TreeNode(text=text)
    getattr(project.focus, branch).append(node)
    return node


def add_sibling(project: Project, node_id: str, text: str) -> TreeNode:
    """A new node right after ``node_id``, on the same level."""
    place = locate(project, node_id)
    node = TreeNode(text=text)
    place.siblings.insert(place.index + 1, node)
    return node


def add_child(project: Project, node_id: str, text: str) -> TreeNode:
    """A new node as the last child of ``node_id``."""
    node = TreeNode(text=text)
    locate(project, node_id).node.children.append(node)
    return node


def edit(project: Project, node_id: str, text: str) -> None:
    """Change a node's text."""
    locate(project, node_id).node.text = text


def toggle_uncertain(project: Project, node_id: str) -> bool:
    """Mark or unmark the link as one the team is unsure of; returns the new state."""
    node = locate(project, node_id).node
    node.uncertain = not node.uncertain
    return node.uncertain


def delete(project: Project, node_id: str) -> TreeNode:
    """Remove a node with everything under it, and the links (evidence) that pointed at them."""
    place = locate(project, node_id)
    removed = place.siblings.pop(place.index)
    unlink(project, {node.id for node, _ in walk([removed])})
    return removed


def move(project: Project, node_id: str, delta: int) -> bool:
    """Move a node up (-1) or down (+1) among its siblings; False at the edge."""
    place = locate(project, node_id)
    target = place.index + delta
    if not 0 <= target < len(place.siblings):
        return False
    place.siblings.insert(target, place.siblings.pop(place.index))
    return True


def indent(project: Project, node_id: str) -> bool:
    """Make a node the last child of the sibling above it; False when it is first."""
    place = locate(project, node_id)
    if place.index == 0:
        return False
    node = place.siblings.pop(place.index)
    place.siblings[place.index - 1].children.append(node)
    return True


def outdent(project: Project, node_id: str) -> bool:
    """Make a node the next sibling of its parent; False at the top level."""
    place = locate(project, node_id)
    if place.parent is None:
        return False
    parent_place = locate(project, place.parent.id)
    node = place.siblings.pop(place.index)
    parent_place.siblings.insert(parent_place.index + 1, node)
    return True


def evidence(project: Project) -> dict[str, tuple[int, int]]:
    """For each cause with evidence: (insights that support it, insights that contradict it)."""
    counts: dict[str, list[int]] = {}
    for insight in project.experience.insights:
        for cause in insight.supports:
            counts.setdefault(cause, [0, 0])[0] += 1
        for cause in insight.contradicts:
            counts.setdefault(cause, [0, 0])[1] += 1
    return {cause: (pair[0], pair[1]) for cause, pair in counts.items()}

"""The problem tree's changes for core/describe, compared node by node.

The change model sees a node that changed parent as taken out of one list and put in another;
said that way it would read "deleted" and "added". Here the two versions' nodes are matched by
id wherever they sit, so such a node is one sentence: "Årsag «…» flyttet under «…»".
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from borgerspil_tui.core.describe_names import Namer
from borgerspil_tui.core.describe_paths import short_pair
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode


def stay_in_order(positions: list[int]) -> set[int]:
    """The indexes of a longest run of ``positions`` that rises: the items that kept their order
    (the others are the ones that moved)."""
    tails: list[int] = []
    tail_at: list[int] = []
    before: list[int] = [-1] * len(positions)
    for index, position in enumerate(positions):
        spot = bisect_left(tails, position)
        if spot == len(tails):
            tails.append(position)
            tail_at.append(index)
        else:
            tails[spot] = position
            tail_at[spot] = index
        before[index] = tail_at[spot - 1] if spot else -1
    kept: set[int] = set()
    index = tail_at[-1] if tail_at else -1
    while index >= 0:
        kept.add(index)
        index = before[index]
    return kept


def nodes(top: list[TreeNode]) -> dict[str, tuple[str | None, TreeNode]]:
    """Every node of a problem-tree branch: id → (its parent's id or None, the node), depth first."""
    found: dict[str, tuple[str | None, TreeNode]] = {}
    stack: list[tuple[str | None, TreeNode]] = [(None, node) for node in reversed(top)]
    while stack:
        parent, node = stack.pop()
        found[node.id] = (parent, node)
        stack.extend((node.id, child) for child in reversed(node.children))
    return found


def tree_sentences(n: Namer, old: Project, new: Project, branch: str) -> list[str]:
    """What changed in one branch (``causes`` or ``consequences``), node by node: added,
    deleted, moved (to another parent, or among its siblings), rewritten, marked uncertain."""
    before, after = getattr(old.focus, branch), getattr(new.focus, branch)
    if before == after:
        return []
    old_nodes, new_nodes = nodes(before), nodes(after)
    kind = n.kind(f"focus.{branch}[]", capital=True)
    quote, t = n.quote, n.t
    said: list[str] = []
    for node_id, (_, node) in old_nodes.items():
        if node_id not in new_nodes:
            said.append(t("diff.removed", kind=kind, name=quote(node.text)))
    for node_id, (parent, node) in new_nodes.items():
        name = quote(node.text)
        if node_id not in old_nodes:
            if parent is None:
                said.append(t("diff.added", kind=kind, name=name))
            else:
                said.append(t("diff.node_added_under", kind=kind, name=name, parent=quote(new_nodes[parent][1].text)))
            continue
        old_parent, old_node = old_nodes[node_id]
        if old_parent != parent:
            if parent is None:
                said.append(t("diff.node_moved_top", kind=kind, name=name))
            else:
                said.append(t("diff.node_moved_under", kind=kind, name=name, parent=quote(new_nodes[parent][1].text)))
        if old_node.text != node.text:
            old_text, new_text = short_pair(old_node.text, node.text)
            said.append(t("diff.rewritten", kind=kind, old=quote(old_text), new=quote(new_text)))
        if old_node.uncertain != node.uncertain:
            said.append(t(f"diff.bool.uncertain.{'on' if node.uncertain else 'off'}", place=f"{kind} {name}"))
    return said + _reordered(n, kind, before, after, old_nodes, new_nodes)


def _reordered(n: Namer, kind: str, before: list[TreeNode], after: list[TreeNode], old_nodes: dict[str, Any],
               new_nodes: dict[str, Any]) -> list[str]:
    """Nodes that kept their parent but not their place among its children."""
    old_places: dict[str, int] = {}
    for siblings in [before] + [node.children for _, node in old_nodes.values()]:
        for index, node in enumerate(siblings):
            old_places[node.id] = index
    said: list[str] = []
    for parent_id, siblings in [(None, after)] + [(i, node.children) for i, (_, node) in new_nodes.items()]:
        stayed = [(place, node) for place, node in enumerate(siblings)
                  if node.id in old_nodes and old_nodes[node.id][0] == parent_id]
        kept = stay_in_order([old_places[node.id] for _, node in stayed])
        for index, (place, node) in enumerate(stayed):
            if index not in kept:
                said.append(n.t("diff.moved", kind=kind, name=n.quote(node.text), position=place + 1))
    return said

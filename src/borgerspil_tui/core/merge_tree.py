"""The problem tree merged per node: text, uncertain, parent and place among its siblings.

Two people adding or moving different nodes merge cleanly. A node moved under different parents
on the two sides is a conflict (ours kept). A node one side deleted stays deleted unless the
other side changed it or something under it (added, moved in, edited): then the deleted branch
is kept as the other side has it and recorded as one conflict of kind ``item`` at its top.
A move on each side that together would make a loop keeps our place for the node theirs moved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from borgerspil_tui.core.changes import MISSING, Path
from borgerspil_tui.core.merge_order import merge_order
from borgerspil_tui.core.merge_shapes import field_shapes
from borgerspil_tui.core.merge_walk import UNDECIDED, item_name, one_sided

if TYPE_CHECKING:
    from borgerspil_tui.core.merge_walk import Merger

BRANCHES = ("causes", "consequences")
_KIND = {"causes": "cause", "consequences": "consequence"}
Place = tuple[str, str]
"""Where a node is: ``(branch, "")`` at the top of a branch, ``("", parent id)`` below a node
(so a node keeps its children when it moves to the other branch)."""


@dataclass
class _Flat:
    """One version's tree as nodes by id: fields, place, children in order, the whole branch."""

    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    place: dict[str, Place] = field(default_factory=dict)
    branch: dict[str, str] = field(default_factory=dict)
    kids: dict[Place, list[str]] = field(default_factory=dict)
    whole: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, part: dict[str, Any]) -> _Flat:
        flat = cls()
        for branch in BRANCHES:
            flat._walk(part.get(branch) or [], branch, "")
        return flat

    def _walk(self, nodes: list[dict[str, Any]], branch: str, parent: str) -> None:
        where = ("", parent) if parent else (branch, "")
        here = self.kids.setdefault(where, [])
        for node in nodes:
            node_id = node["id"]
            here.append(node_id)
            self.whole[node_id] = node
            self.fields[node_id] = {k: v for k, v in node.items() if k != "children"}
            self.place[node_id] = where
            self.branch[node_id] = branch
            self._walk(node.get("children") or [], branch, node_id)

    def below(self, node_id: str) -> list[str]:
        """The node's children in this version."""
        return self.kids.get(("", node_id), [])


def merge_tree(merger: Merger, path: Path, base: dict[str, Any], ours: dict[str, Any],
               theirs: dict[str, Any]) -> dict[str, Any]:
    """The merged ``causes`` and ``consequences`` of a Fokusér part."""
    decided = one_sided(*({b: part.get(b) or [] for b in BRANCHES} for part in (base, ours, theirs)))
    if decided is not UNDECIDED:
        return decided
    old, mine, other = (_Flat.of(part) for part in (base, ours, theirs))
    first = len(merger.conflicts)
    fields: dict[str, dict[str, Any]] = {}
    place: dict[str, Place] = {}
    from borgerspil_tui.core.model.focus import TreeNode

    shapes = {name: shape for name, shape in field_shapes(TreeNode).items() if name != "children"}
    for node_id in dict.fromkeys([*old.fields, *mine.fields, *other.fields]):
        a, b = mine.fields.get(node_id), other.fields.get(node_id)
        if a is None or b is None:
            continue  # deleted on a side, or added on one: decided below
        was = old.fields.get(node_id)
        branch = mine.branch[node_id]
        merger.owner = (_KIND[branch], item_name(a), (*path, branch, node_id))
        fields[node_id] = {name: merger.value(shape, (*path, branch, node_id, name),
                                              MISSING if was is None else was.get(name, MISSING),
                                              a.get(name), b.get(name))
                           for name, shape in shapes.items()}
        place[node_id] = _place(merger, (*path, branch, node_id), old.place.get(node_id),
                                mine.place[node_id], other.place[node_id])
    for kept, gone in ((mine, other), (other, mine)):
        _one_sided(merger, path, old, kept, gone, fields, place, theirs_kept=kept is other)
    _no_orphans(place, mine, other)
    _no_loops(merger, path, old, mine, other, place)
    built = _build(old, mine, other, fields, place)
    _name_branches(merger.conflicts[first:], len(path), built)
    return built


def _place(merger: Merger, path: Path, was: Place | None, mine: Place, other: Place) -> Place:
    if mine == other or other == was:
        return mine
    if mine == was:
        return other
    merger.conflict(path, "parent", MISSING if was is None else was[1], mine[1], other[1])
    return mine


def _one_sided(merger: Merger, path: Path, old: _Flat, kept: _Flat, gone: _Flat,
               fields: dict[str, dict[str, Any]], place: dict[str, Place], *, theirs_kept: bool) -> None:
    """Nodes only ``kept`` has: its additions, and the nodes ``gone`` deleted (kept only when
    ``kept`` changed them or something under them: one conflict at the top of such a branch)."""
    deleted = {n for n in kept.fields if n in old.fields and n not in gone.fields}
    memo: dict[str, bool] = {}

    def needed(node: str) -> bool:
        if node not in memo:
            memo[node] = False  # guards against a loop in bad input
            changed = kept.fields[node] != old.fields[node] or kept.place[node] != old.place[node]
            memo[node] = changed or any(
                child not in old.fields or old.place[child] != kept.place[child]
                or (child in deleted and needed(child)) for child in kept.below(node))
        return memo[node]

    for node in kept.fields:
        if node in fields or node in gone.fields:
            continue
        if node not in old.fields:  # added on one side
            fields[node], place[node] = kept.fields[node], kept.place[node]
            continue
        parent = kept.place[node][1]
        if not needed(node) or (parent in deleted and needed(parent)):
            continue
        branch = kept.branch[node]
        merger.owner = (_KIND[branch], item_name(kept.fields[node]), (*path, branch, node))
        sides = (MISSING, kept.whole[node]) if theirs_kept else (kept.whole[node], MISSING)
        merger.conflict((*path, branch, node), "item", old.whole[node], *sides)
        for inner in _subtree(kept, node):
            if inner in deleted:
                fields[inner], place[inner] = kept.fields[inner], kept.place[inner]


def _subtree(flat: _Flat, node: str) -> list[str]:
    found, waiting = [], [node]
    while waiting:
        here = waiting.pop()
        found.append(here)
        waiting.extend(flat.below(here))
    return found


def _no_orphans(place: dict[str, Place], mine: _Flat, other: _Flat) -> None:
    """A node whose parent is not in the result goes to the top of its branch (never lost)."""
    for node, (_, parent) in place.items():
        if parent and parent not in place:
            place[node] = (mine.branch.get(node) or other.branch[node], "")


def _no_loops(merger: Merger, path: Path, old: _Flat, mine: _Flat, other: _Flat,
              place: dict[str, Place]) -> None:
    """Moves on the two sides that together make a loop (ours puts A under B, theirs B under A):
    every node of the loop the two sides place differently takes our place and is recorded as a
    ``parent`` conflict, so the same nodes are in conflict whichever side merges."""
    recorded = {c["where"].rsplit(".", 1)[-1] for c in merger.conflicts if c["kind"] == "parent"}
    while (loop := _a_loop(place)) is not None:
        torn = [n for n in loop if mine.place.get(n) != other.place.get(n)] or loop[:1]
        for node in torn:
            branch = mine.branch.get(node) or other.branch[node]
            ours_place = mine.place.get(node, (branch, ""))
            if node not in recorded:
                recorded.add(node)
                merger.owner = (_KIND[branch], item_name((mine.fields.get(node) or other.fields[node])),
                                (*path, branch, node))
                merger.conflict((*path, branch, node), "parent", old.place.get(node, ("", MISSING))[1],
                                ours_place[1], other.place.get(node, (branch, ""))[1])
            place[node] = ours_place


def _a_loop(place: dict[str, Place]) -> list[str] | None:
    """The nodes of one loop of parents, or None when there is none."""
    done: set[str] = set()
    for start in place:
        seen: list[str] = []
        node = start
        while node and node not in done and node not in seen:
            seen.append(node)
            node = place[node][1] if node in place else ""
        if node and node in seen:
            return seen[seen.index(node):]
        done.update(seen)
    return None


def _build(old: _Flat, mine: _Flat, other: _Flat, fields: dict[str, dict[str, Any]],
           place: dict[str, Place]) -> dict[str, Any]:
    groups: dict[Place, set[str]] = {}
    for node, where in place.items():
        groups.setdefault(where, set()).add(node)

    def nodes(where: Place) -> list[dict[str, Any]]:
        keep = groups.get(where, set())
        if not keep:
            return []
        order = merge_order(old.kids.get(where, []), mine.kids.get(where, []), other.kids.get(where, []), keep)
        return [{**fields[n], "children": nodes(("", n))} for n in order]

    return {branch: nodes((branch, "")) for branch in BRANCHES}


def _name_branches(conflicts: list[dict[str, Any]], depth: int, built: dict[str, Any]) -> None:
    """A tree conflict's ``where`` names the branch the node is in after the merge."""
    if not conflicts:
        return
    found: dict[str, str] = {}
    for branch in BRANCHES:
        waiting = list(built[branch])
        while waiting:
            node = waiting.pop()
            found[node["id"]] = branch
            waiting.extend(node["children"])
    for conflict in conflicts:
        parts = conflict["where"].split(".")
        if len(parts) > depth + 1 and parts[depth + 1] in found:
            parts[depth] = found[parts[depth + 1]]
            conflict["where"] = ".".join(parts)

"""The problem tree as an outline: consequences, the problem, causes — a Tree that screen readers,
narrow terminals and the mouse can use. It keeps folds and the selection across rebuilds."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode as UINode

from borgerspil_tui.core.model.focus import Focus, TreeNode

PROBLEM = "problem"
GROUP = {"causes": "group:causes", "consequences": "group:consequences"}


class TreeOutline(Tree[str]):
    """Each line's data is a node id, ``problem``, or a group id."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("·"), id=id)
        self.show_root = False
        self.auto_expand = False  # Enter edits; space folds
        self.guide_depth = 3
        self.rebuilding = False
        """True while the cursor moves because of a rebuild, not because of the user."""

    def show(self, focus: Focus, label: Callable[[TreeNode], Text], titles: dict[str, str],
             folded: set[str], selected: str) -> str:
        """Rebuild from ``focus``; select ``selected`` (or the problem); return what is selected."""
        self.clear()
        for branch in ("consequences", "causes"):
            if branch == "causes":
                problem = Text(f"{titles['problem']}: ", style="bold")
                problem.append(focus.problem.replace("\n", " ") or titles["no_problem"])
                self.root.add_leaf(problem, data=PROBLEM)
            group = self.root.add(Text(titles[branch], style="bold"), data=GROUP[branch],
                                  expand=GROUP[branch] not in folded)
            self._add(group, getattr(focus, branch), label, folded)
        return self.select(selected)

    def _add(self, parent: UINode[str], nodes: list[TreeNode], label: Callable[[TreeNode], Text],
             folded: set[str]) -> None:
        for node in nodes:
            if node.children:
                item = parent.add(label(node), data=node.id, expand=node.id not in folded)
                self._add(item, node.children, label, folded)
            else:
                parent.add_leaf(label(node), data=node.id)

    def find(self, data: str) -> UINode[str] | None:
        """The line holding ``data``."""
        stack = [self.root]
        while stack:
            node = stack.pop()
            if node.data == data:
                return node
            stack.extend(node.children)
        return None

    def select(self, data: str) -> str:
        """Move the cursor to ``data`` (unfolding what hides it); the problem when it is gone."""
        target = self.find(data) or self.find(PROBLEM)
        if target is None:
            return PROBLEM
        parent = target.parent
        while parent is not None and parent is not self.root:
            parent.expand()
            parent = parent.parent
        self.move_cursor(target)
        self.rebuilding = True

        def settle() -> None:  # the Tree places its lines on the next refresh
            self.move_cursor(target)
            self.call_after_refresh(self._settled)

        self.call_after_refresh(settle)
        return target.data or PROBLEM

    def _settled(self) -> None:
        self.rebuilding = False

    def relabel(self, data: str, text: Text) -> bool:
        """Change one line's label in place; False when it is not there."""
        node = self.find(data)
        if node is None:
            return False
        node.set_label(text)
        return True

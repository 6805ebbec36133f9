"""The problem tree's editing keys (edit, add beside/under/at the top, uncertain, delete, move,
indent, outdent) as a mixin of :class:`~borgerspil_tui.tui.screens.problem_tree.ProblemTreeScreen`:
every edit a change from core/tree_ops made through the session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from borgerspil_tui.core import tree_ops
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.tree_outline import GROUP, PROBLEM


class TreeEditing:
    """Mixin for the problem tree screen: what its editing keys do. The screen keeps the selection
    (``selected``, ``_current``, ``order``), the views and the edit bar's message handlers."""

    _adding: tuple[str, str] | None
    selected: str
    picture_mode: bool

    def _branch_of(self, item: str) -> str | None:
        return next((branch for branch, group in GROUP.items() if item == group), None)

    def _node(self) -> str | None:
        """The selected node's id, or None on the problem or a group."""
        item = self._current()
        return None if item == PROBLEM or self._branch_of(item) is not None else item

    def _bar(self) -> EditBar:
        return self.query_one("#edit-bar", EditBar)

    def action_edit_selected(self) -> None:
        """Edit the selected text (the problem itself on the trunk)."""
        self._adding = None
        item = self._current()
        if item == PROBLEM:
            self._bar().open(self.t("tree.prompt_problem"), "problem", self.project.focus.problem)
        elif self._branch_of(item) is None:
            node = self.changes.get(tree_ops.node_path(self.changes, item))
            self._bar().open(self.t("tree.prompt_edit"), "edit", node.text)

    def action_add_sibling(self) -> None:
        """Add a node after the selected one (on a group: at the end of it)."""
        self._add_beside("sibling", "tree.prompt_sibling")

    def action_add_child(self) -> None:
        """Add a node under the selected one."""
        self._add_beside("child", "tree.prompt_child")

    def _add_beside(self, mode: str, prompt: str) -> None:
        item = self._current()
        branch = self._branch_of(item)
        if branch is not None:
            self.action_add_top(branch)
        elif item != PROBLEM:
            self._adding = (mode, item)
            self._bar().open(self.t(prompt), "add")

    def action_add_top(self, branch: str) -> None:
        """Add a top-level cause or consequence."""
        self._adding = ("top", branch)
        self._bar().open(self.t(f"tree.prompt_{branch}"), "add")

    def _exists(self, node_id: str) -> bool:
        try:
            tree_ops.node_path(self.changes, node_id)
        except tree_ops.NodeNotFound:
            return False
        return True

    def _add_typed(self, text: str) -> None:
        if not text or self._adding is None:
            self._finish()
            return
        mode, where = self._adding
        if mode == "top":
            changes, node = tree_ops.add_top(self.changes, where, text)  # type: ignore[arg-type]
        elif not self._exists(where):
            self._finish()  # the node to add beside is gone (undone meanwhile)
            return
        elif mode == "child":
            changes, node = tree_ops.add_child(self.changes, where, text)
        else:
            changes, node = tree_ops.add_sibling(self.changes, where, text)
        if self.apply_changes("tree.added", changes):
            if mode != "top":
                self._adding = ("sibling", node.id)  # next Enter adds the next one beside it
            self.selected = node.id
            self._show_selection()
            self._bar().open(self._prompt_for_adding(), "add")

    def draft_state(self) -> dict[str, Any]:
        return {"selected": self.selected, "adding": list(self._adding) if self._adding else None}

    def restore_draft_state(self, state: dict[str, Any]) -> None:
        self.selected = state.get("selected", self.selected)
        adding = state.get("adding")
        self._adding = (adding[0], adding[1]) if adding else None
        self._show_selection()

    def _prompt_for_adding(self) -> str:
        if self._adding and self._adding[0] == "top":
            return self.t(f"tree.prompt_{self._adding[1]}")
        return self.t("tree.prompt_sibling")

    def _finish(self) -> None:
        self._adding = None
        self._bar().close()
        if self.picture_mode:
            self.set_focus(None)
        else:
            self._outline().focus()

    def action_toggle_uncertain(self) -> None:
        """Mark the selected link as uncertain, or not."""
        node_id = self._node()
        if node_id is not None:
            self.apply_changes("tree.uncertain", tree_ops.toggle_uncertain(self.changes, node_id))

    def action_delete_selected(self) -> None:
        """Delete the selected node and what hangs from it (ctrl+z brings it back)."""
        node_id = self._node()
        if node_id is None:
            return
        if self.picture_mode:  # the outline finds the line above by itself
            ids = self.order()
            index = ids.index(node_id)
            self.selected = ids[index - 1] if index > 0 else PROBLEM
        self.apply_changes("tree.delete", tree_ops.delete(self.changes, node_id))

    def _move(self, label: str, build: Callable[..., list]) -> None:
        node_id = None if self._bar().is_open else self._node()
        if node_id is not None:
            self.apply_changes(label, build(self.changes, node_id))

    def action_move(self, delta: int) -> None:
        """Move the selected node up or down among its siblings."""
        self._move("tree.up" if delta < 0 else "tree.down", lambda changes, n: tree_ops.move(changes, n, delta))

    def action_indent(self) -> None:
        """Make the selected node a cause (or consequence) of the one above it."""
        self._move("tree.indent", tree_ops.indent)

    def action_outdent(self) -> None:
        """Move the selected node one level out."""
        self._move("tree.outdent", tree_ops.outdent)

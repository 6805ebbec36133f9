"""The problem tree as an outline: consequences, the problem, causes — a Tree that screen readers,
narrow terminals and the mouse can use. It is drawn whole once and then changed line by line (a
node added, removed, moved or relabelled), keeping folds and the selection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import Tree
from textual.widgets.tree import TreeNode as UINode

from borgerspil_tui.core.changes import AddItem, Change, ChangeSet, MoveItem, Path, SetValue
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.tree_ops import PROBLEM_PATH, branch_of, is_tree_list

PROBLEM = "problem"
GROUP = {"causes": "group:causes", "consequences": "group:consequences"}

Label = Callable[[TreeNode], Text]


@dataclass
class Shown:
    """What showing one edit in the outline did."""

    focus: str | None = None
    """The line the edit was about (a node added, moved or edited), for the cursor."""
    counts: dict[str, int] = field(default_factory=lambda: {"causes": 0, "consequences": 0})
    """How many nodes each branch gained (or lost)."""
    instead: dict[str, str | None] = field(default_factory=dict)
    """For each line removed: the line that was drawn just above it (where a cursor on it goes)."""


class TreeOutline(Tree[str]):
    """Each line's data is a node id, ``problem``, or a group id; lines are found by it directly."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("·"), id=id)
        self.show_root = False
        self.auto_expand = False  # Enter edits; space folds
        self.guide_depth = 3
        self._lines: dict[str, UINode[str]] = {}
        """The line of each node id, group and the problem."""
        self._laid_out_width = -1

    def _on_resize(self, event: events.Resize) -> None:
        """Only the height changed (the edit bar below opened or closed): the same lines, so grow
        the line cache and repaint instead of laying out every line again as Tree does on any resize
        (that costs as much as drawing a 3,000-node tree whole). Relies on Tree's line cache."""
        if event.size.width == self._laid_out_width and self._tree_lines_cached is not None:
            self._line_cache.grow(event.size.height)
            self.refresh()
            event.prevent_default()  # not Tree._on_resize
        self._laid_out_width = event.size.width

    def get_label_width(self, node: UINode[str]) -> int:
        """The width of a line's label (and its fold icon), as Tree's own but without drawing the
        label: the Tree asks for every line each time lines are added, removed or moved."""
        width = node.label.cell_len if isinstance(node.label, Text) else len(str(node.label))
        if node.allow_expand:
            width += cell_len(self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE)
        return width

    def notify_style_update(self) -> None:
        """A change of style (the outline taking the focus back from the edit bar…) changes how the
        lines are painted, not which lines there are or how wide: repaint them, without laying out
        every line again as Tree does."""
        super(Tree, self).notify_style_update()
        self._line_cache.clear()
        self._updates += 1
        self.refresh()

    # -- drawing it whole -----------------------------------------------------------------------
    def show(self, consequences: list[TreeNode], problem: Text, causes: list[TreeNode], label: Label,
             titles: dict[str, str], folded: set[str], selected: str) -> str:
        """Rebuild everything; select ``selected`` (or the problem); return what is selected."""
        self.clear()
        self._lines = {}
        for branch, nodes in (("consequences", consequences), ("causes", causes)):
            if branch == "causes":
                self._lines[PROBLEM] = self.root.add_leaf(problem, data=PROBLEM)
            group = self.root.add(Text(titles[branch], style="bold"), data=GROUP[branch],
                                  expand=GROUP[branch] not in folded)
            self._lines[GROUP[branch]] = group
            for node in nodes:
                self._add(group, node, label, folded)
        return self.select(selected)

    def _add(self, parent: UINode[str], node: TreeNode, label: Label, folded: set[str],
             before: int | None = None) -> UINode[str]:
        """Add ``node`` and everything under it below ``parent`` (at the end unless ``before``)."""
        if node.children:
            line = parent.add(label(node), data=node.id, before=before, expand=node.id not in folded)
            for child in node.children:
                self._add(line, child, label, folded)
        else:
            line = parent.add_leaf(label(node), data=node.id, before=before)
        self._lines[node.id] = line
        return line

    # -- showing one edit -----------------------------------------------------------------------
    def show_change(self, change: ChangeSet, get: Callable[[Path], Any], label: Label,
                    problem: Callable[[], Text], folded: set[str]) -> Shown | None:
        """Show ``change`` (already made to the project, read through ``get``) by changing only the
        lines it touched. None when it cannot be shown that way: then draw the outline whole."""
        shown = Shown()
        try:
            for step in change.changes:
                if not self._show_step(step, get, label, problem, folded, shown):
                    return None
        except (KeyError, IndexError, ValueError):  # the outline and the project disagree
            return None
        return shown

    def _show_step(self, step: Change, get: Callable[[Path], Any], label: Label, problem: Callable[[], Text],
                   folded: set[str], shown: Shown) -> bool:
        if isinstance(step, SetValue):
            path = step.path
            if path == PROBLEM_PATH:
                shown.focus = PROBLEM
                return self.relabel(PROBLEM, problem())
            if branch_of(path) is None:
                return not _holds_tree(path)  # elsewhere in the project: nothing here to show
            if len(path) > 3 and path[-1] in ("text", "uncertain"):
                shown.focus = path[-2]
                return self.relabel(path[-2], label(get(path[:-1])))
            return False  # a whole node or branch set: draw it all
        if isinstance(step, MoveItem):
            lists = (step.source, step.target)
            if not (is_tree_list(step.source) and is_tree_list(step.target)):
                return not any(_holds_tree(at) or is_tree_list(at) for at in lists)
            self._take(step.key, branch_of(step.source), shown)
            self._put(step.target, step.target_index, get((*step.target, step.key)), label, folded, shown)
            return True
        if not is_tree_list(step.at):
            return not _holds_tree(step.at)
        if isinstance(step, AddItem):
            self._put(step.at, step.index, get((*step.at, step.key)), label, folded, shown)
        else:
            self._take(step.key, branch_of(step.at), shown)
        return True

    def _put(self, at: Path, index: int, node: TreeNode, label: Label, folded: set[str], shown: Shown) -> None:
        parent = GROUP[at[1]] if len(at) == 2 else at[-2]
        shown.counts[at[1]] += self.insert(parent, index, node, label, folded)
        shown.focus = node.id

    def _take(self, key: str, branch: str | None, shown: Shown) -> None:
        above, gone = self.remove(key)
        if branch is not None:
            shown.counts[branch] -= len(gone)
        for removed in gone:
            shown.instead[removed] = above

    # -- changing one line ----------------------------------------------------------------------
    def node_for(self, data: str) -> UINode[str] | None:
        """The line holding ``data``, or None."""
        return self._lines.get(data)

    def holds(self, line: UINode[str]) -> bool:
        """Whether ``line`` is one of the lines shown now (not one removed or from before a rebuild)."""
        return line.data is not None and self._lines.get(line.data) is line

    def insert(self, parent: str, index: int, node: TreeNode, label: Label, folded: set[str]) -> int:
        """Put ``node`` (with what is under it) at ``index`` among the lines under ``parent``
        (a node id or a group); return how many lines that is. KeyError when ``parent`` is not shown."""
        above = self._lines[parent]
        if node.id in self._lines:
            raise KeyError(node.id)  # shown already: the outline and the project disagree
        if not above.allow_expand:  # a leaf that now has something under it
            above.allow_expand = True
            if parent not in folded and not above.is_expanded:
                above.expand()
        before = len(self._lines)
        self._add(above, node, label, folded, before=index if index < len(above.children) else None)
        return len(self._lines) - before

    def remove(self, data: str) -> tuple[str | None, set[str]]:
        """Remove the line of ``data`` and those under it; return the line shown just above it (where
        a cursor on it goes) and every id removed. KeyError when ``data`` is not shown."""
        line = self._lines[data]
        above = _line_before(line)
        gone: set[str] = set()
        stack = [line]
        while stack:
            here = stack.pop()
            if here.data is not None:
                gone.add(here.data)
                self._lines.pop(here.data, None)
            stack.extend(here.children)
        parent = line.parent
        line.remove()
        if parent is not None and parent.data not in (None, *GROUP.values()) and not parent.children:
            parent.allow_expand = False  # drawn as a leaf again
        return (above.data if above is not None else None), gone

    def relabel(self, data: str, text: Text) -> bool:
        """Change one line's label in place; False when it is not there."""
        line = self._lines.get(data)
        if line is None:
            return False
        line.set_label(text)
        return True

    # -- the cursor -----------------------------------------------------------------------------
    def select(self, data: str) -> str:
        """Move the cursor to ``data`` now (unfolding what hides it); the problem when it is gone.
        Returns what is selected."""
        target = self._lines.get(data) or self._lines.get(PROBLEM)
        if target is None:
            return PROBLEM
        parent = target.parent
        while parent is not None and parent is not self.root:
            if not parent.is_expanded:
                parent.expand()
            parent = parent.parent
        _ = self.last_line  # lay the lines out now, so the target's line number is current
        self.move_cursor(target)
        self.call_after_refresh(self._scroll_to_cursor)  # before the first layout there is no size yet
        return target.data or PROBLEM

    def _scroll_to_cursor(self) -> None:
        node = self.cursor_node
        if node is not None and self.holds(node):
            self.scroll_to_node(node, animate=False)

    def selected_data(self) -> str | None:
        """What the cursor is on, when it is on a line shown now."""
        node = self.cursor_node
        return node.data if node is not None and self.holds(node) else None


def _line_before(line: UINode[str]) -> UINode[str] | None:
    """The line drawn just above ``line``: the last open line of the sibling before it, or its parent."""
    parent = line.parent
    if parent is None:
        return None
    siblings = parent.children
    index = siblings.index(line)
    if index == 0:
        return parent if parent.parent is not None else None
    before = siblings[index - 1]
    while before.is_expanded and before.children:
        before = before.children[-1]
    return before


def _holds_tree(path: Path) -> bool:
    """Whether ``path`` holds the whole tree (the project, or its focus part)."""
    return len(path) < 2 and path == ("focus",)[:len(path)]

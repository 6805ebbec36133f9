"""Fokusér: the problem tree — the problem, its causes below and consequences above, nested.

Two views of the same tree, switched with ``v``: an outline (a Tree widget: screen readers,
narrow terminals, the mouse) and a picture drawn the way the method draws it. The editing keys
work the same in both; every edit is a change (core/tree_ops) made through the session, and can
be undone. The outline shows an edit by changing the lines it touched, not by drawing it all again.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static, Tree

from borgerspil_tui.core import tree_ops
from borgerspil_tui.core.changes import ChangeSet
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.tree_picture import draw
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.tree_editing import TreeEditing
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.tree_outline import GROUP, PROBLEM, TreeOutline
from borgerspil_tui.tui.widgets.tree_picture_view import TreePictureView


class ProblemTreeScreen(TreeEditing, BaseScreen):
    """The problem tree, edited from the keyboard as fast as a room can talk."""

    NAME = "problem-tree"
    part = "focus"
    SCREEN_COMMANDS = [
        Command("edit_selected", "e", "tree.edit", "help.tree_edit"),
        Command("add_sibling", "n", "tree.sibling", "help.tree_sibling"),
        Command("add_child", "b", "tree.child", "help.tree_child"),
        Command("add_top('causes')", "a", "tree.cause", "help.tree_cause"),
        Command("add_top('consequences')", "k", "tree.consequence", "help.tree_consequence"),
        Command("toggle_uncertain", "u", "tree.uncertain", "help.tree_uncertain"),
        Command("delete_selected", "delete", "tree.delete", "help.tree_delete"),
        Command("delete_selected", "x", "tree.delete", "help.tree_delete", show=False),
        Command("move(-1)", "shift+up", "tree.up", "help.tree_up", show=False, priority=True),
        Command("move(1)", "shift+down", "tree.down", "help.tree_down", show=False, priority=True),
        Command("indent", "tab", "tree.indent", "help.tree_indent", show=False, priority=True),
        Command("outdent", "shift+tab", "tree.outdent", "help.tree_outdent", show=False, priority=True),
        Command("indent", "greater_than_sign", "tree.indent", "help.tree_indent", show=False),
        Command("outdent", "less_than_sign", "tree.outdent", "help.tree_outdent", show=False),
        Command("switch_view", "v", "tree.view", "help.tree_view"),
        Command("select_step(-1)", "up", "tree.previous", "help.tree_previous", show=False),
        Command("select_step(1)", "down", "tree.next", "help.tree_next", show=False),
        Command("scroll_picture(-20)", "left", "tree.left", "help.tree_left", show=False),
        Command("scroll_picture(20)", "right", "tree.right", "help.tree_right", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    ProblemTreeScreen #outline { height: 1fr; margin: 0 1; }
    ProblemTreeScreen #picture { height: 1fr; margin: 0 1; display: none; }
    ProblemTreeScreen.-picture #outline { display: none; }
    ProblemTreeScreen.-picture #picture { display: block; }
    ProblemTreeScreen #tree-count { height: 1; padding: 0 2; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.selected: str = PROBLEM
        self.folded: set[str] = set()
        self.picture_mode = False
        self._notes: dict[str, str] = {}
        """The evidence note of each cause, as of the last drawing."""
        self._counts: dict[str, int] = {"causes": 0, "consequences": 0}
        """How many nodes each branch has, as shown."""
        self._drawn: tuple[object, int] | None = None
        """The session and revision the view shows (an edit after it is shown line by line)."""
        self._adding: tuple[str, str] | None = None
        """While adding one after another: ("sibling", id), ("child", id) or ("top", branch)."""

    # -- building ------------------------------------------------------------------------------
    def guidance_text(self) -> str | None:
        return self.step_guidance("focus", "understand-problem")

    def compose_body(self) -> ComposeResult:
        yield Static("", id="tree-count")
        yield TreeOutline(id="outline")
        yield TreePictureView(id="picture")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        self.set_class(self.picture_mode, "-picture")
        self.redraw()
        self._outline().focus()

    @property
    def project(self) -> Project:
        """The project being edited."""
        return self.session.project

    def _outline(self) -> TreeOutline:
        return self.query_one("#outline", TreeOutline)

    def _evidence_notes(self) -> dict[str, str]:
        """``[belæg: +2 −1]`` for each cause with evidence, worked out once per drawing."""
        return {cause: self.t("tree.evidence", supports=pair[0], contradicts=pair[1])
                for cause, pair in tree_ops.evidence(self.project).items()}

    def _label(self, node: TreeNode) -> Text:
        text = Text(node.text.replace("\n", " "))
        if node.uncertain:
            text.append(f"  {self.t('tree.uncertain_mark')}", style="italic")
            text.stylize("italic")
        note = self._notes.get(node.id)
        if note:
            text.append(f"  {note}", style="bold")
        return text

    def _problem_label(self) -> Text:
        label = Text(f"{self.t('tree.problem').upper()}: ", style="bold")
        label.append(self.project.focus.problem.replace("\n", " ") or self.t("tree.no_problem"))
        return label

    def _show_counts(self) -> None:
        self.query_one("#tree-count", Static).update(Content(self.t(
            "tree.count", causes=self._counts["causes"], consequences=self._counts["consequences"])))

    def redraw(self) -> None:
        """Draw the view on screen from the project, all of it."""
        focus = self.project.focus
        self._drawn = (self.session, self.session.revision)
        self._notes = self._evidence_notes()
        self._counts = {branch: sum(1 for _ in tree_ops.walk(getattr(focus, branch))) for branch in tree_ops.BRANCHES}
        self._show_counts()
        if self.picture_mode:
            self._draw_picture()
        else:
            self._draw_outline()

    def _draw_outline(self) -> None:
        titles = {"causes": self.t("tree.causes"), "consequences": self.t("tree.consequences")}
        focus = self.project.focus
        self.selected = self._outline().show(focus.consequences, self._problem_label(), focus.causes, self._label,
                                             titles, self.folded, self.selected)

    def _draw_picture(self) -> None:
        focus = self.project.focus
        width = max(40, self.size.width - 4)
        picture = draw(focus.problem, focus.causes, focus.consequences, width,
                       problem_label=self.t("tree.problem").upper(), empty_problem=self.t("tree.no_problem"),
                       mark=self.t("tree.uncertain_mark"), notes=self._notes)
        self.query_one("#picture", TreePictureView).show(picture, self.selected)

    def project_changed(self) -> None:
        super().project_changed()
        if not self.is_mounted:
            return
        session = self.session
        follows = self._drawn == (session, session.revision - 1) and session.last_event == "edit"
        change = session.last_change if follows else None
        self._drawn = (session, session.revision)
        if change is None or self.picture_mode or not self._show_in_outline(change):
            self.redraw()

    def _show_in_outline(self, change: ChangeSet) -> bool:
        """Show one edit by changing the lines it touched; False when the outline must be drawn whole."""
        outline = self._outline()
        notes = self._notes
        if any(tree_ops.touches_evidence(path) for path in change.paths()):
            self._notes = self._evidence_notes()
        shown = outline.show_change(change, self.changes.get, self._label, self._problem_label, self.folded)
        if shown is None:
            return False
        for node_id in {key for key in notes.keys() | self._notes.keys() if notes.get(key) != self._notes.get(key)}:
            if outline.node_for(node_id) is not None:
                outline.relabel(node_id, self._label(self.changes.get(self.changes.path_of(node_id))))
        if any(shown.counts.values()):
            for branch, delta in shown.counts.items():
                self._counts[branch] += delta
            self._show_counts()
        if shown.focus is not None and outline.node_for(shown.focus) is not None:
            self.selected = shown.focus
        elif outline.node_for(self.selected) is None:
            self.selected = shown.instead.get(self.selected) or PROBLEM
        self.selected = outline.select(self.selected)
        return True

    def _show_selection(self) -> None:
        """Move the highlight to ``selected`` without drawing more than needed."""
        if self.picture_mode:
            self._draw_picture()
        else:
            self.selected = self._outline().select(self.selected)

    # -- selection -------------------------------------------------------------------------------
    def order(self) -> list[str]:
        """Every selectable item in the order the outline shows them."""
        focus = self.project.focus
        ids = [GROUP["consequences"]] + [n.id for n, _ in tree_ops.walk(focus.consequences)]
        ids += [PROBLEM, GROUP["causes"]] + [n.id for n, _ in tree_ops.walk(focus.causes)]
        return ids

    def _current(self) -> str:
        """What is selected: in the outline, the line under the cursor now (not the last highlight
        event handled: a key can come before it)."""
        if not self.picture_mode:
            data = self._outline().selected_data()
            if data is not None:
                self.selected = data
        return self.selected

    @on(Tree.NodeHighlighted, "#outline")
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        if event.node is not self._outline().cursor_node or not self._outline().holds(event.node):
            return  # a late event: the cursor has moved on since (the outline was changed or redrawn)
        self.selected = event.node.data or self.selected

    @on(Tree.NodeSelected, "#outline")
    def _selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None and self._outline().holds(event.node):
            self.selected = event.node.data
            self.action_edit_selected()

    @on(Tree.NodeCollapsed, "#outline")
    @on(Tree.NodeExpanded, "#outline")
    def _folded(self, event: Tree.NodeCollapsed | Tree.NodeExpanded) -> None:
        if event.node.data:
            (self.folded.add if isinstance(event, Tree.NodeCollapsed) else self.folded.discard)(event.node.data)

    def action_select_step(self, delta: int) -> None:
        """Move the selection up or down."""
        if not self.picture_mode:
            tree = self._outline()
            tree.action_cursor_up() if delta < 0 else tree.action_cursor_down()
            self._current()
            return
        ids = self.order()
        index = ids.index(self.selected) if self.selected in ids else 0
        self.selected = ids[max(0, min(len(ids) - 1, index + delta))]
        view = self.query_one("#picture", TreePictureView)
        view.show(view.picture, self.selected)

    def action_switch_view(self) -> None:
        """Switch between the picture and the outline."""
        self._current()
        self.picture_mode = not self.picture_mode
        self.set_class(self.picture_mode, "-picture")
        self.redraw()
        if self.picture_mode:
            self.set_focus(None)
        else:
            self._outline().focus()

    # -- editing (the rest in tree_editing.TreeEditing) ---------------------------------------------
    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        text = event.text.strip()
        if event.purpose == "problem":
            self.selected = PROBLEM
            self.apply_changes("tree.edit", tree_ops.set_problem(self.changes, text))
            self._finish()
        elif event.purpose == "edit":
            if text and self._exists(self.selected):
                self.apply_changes("tree.edit", tree_ops.edit(self.changes, self.selected, text))
            self._finish()
        elif event.purpose == "add":
            self._add_typed(text)

    @on(EditBar.Cancelled)
    def _cancelled(self) -> None:
        self._finish()

    def action_scroll_picture(self, delta: int) -> None:
        """Scroll a wide picture sideways."""
        if self.picture_mode:
            self.query_one("#picture", TreePictureView).scroll_relative(x=delta, animate=False)

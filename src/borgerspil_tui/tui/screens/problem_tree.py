"""Fokusér: the problem tree — the problem, its causes below and consequences above, nested.

Two views of the same tree, switched with ``v``: an outline (a Tree widget: screen readers,
narrow terminals, the mouse) and a picture drawn the way the method draws it. The editing keys
work the same in both; every change goes through the session and can be undone.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static, Tree

from borgerspil_tui.core import tree_ops
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.tree_picture import draw
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.tree_outline import GROUP, PROBLEM, TreeOutline
from borgerspil_tui.tui.widgets.tree_picture_view import TreePictureView



class ProblemTreeScreen(BaseScreen):
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
        self._relabel: str | None = None
        """Set just before an edit that only changes one node's label."""
        self._adding: tuple[str, str] | None = None
        """While adding one after another: ("sibling", id) or ("top", branch)."""

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
        self.query_one("#outline", Tree).focus()

    @property
    def project(self) -> Project:
        """The project being edited."""
        return self.session.project

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

    def redraw(self) -> None:
        """Draw the view on screen from the project."""
        focus = self.project.focus
        self._notes = self._evidence_notes()
        self.query_one("#tree-count", Static).update(Content(self.t(
            "tree.count", causes=sum(1 for _ in tree_ops.walk(focus.causes)),
            consequences=sum(1 for _ in tree_ops.walk(focus.consequences)))))
        if self.picture_mode:
            self._draw_picture()
        else:
            self._draw_outline()

    def _draw_outline(self) -> None:
        titles = {"problem": self.t("tree.problem").upper(), "no_problem": self.t("tree.no_problem"),
                  "causes": self.t("tree.causes"), "consequences": self.t("tree.consequences")}
        outline = self.query_one("#outline", TreeOutline)
        self.selected = outline.show(self.project.focus, self._label, titles, self.folded, self.selected)

    def _select_in_outline(self) -> None:
        self.selected = self.query_one("#outline", TreeOutline).select(self.selected)

    def _draw_picture(self) -> None:
        focus = self.project.focus
        width = max(40, self.size.width - 4)
        picture = draw(focus.problem, focus.causes, focus.consequences, width,
                       problem_label=self.t("tree.problem").upper(), empty_problem=self.t("tree.no_problem"),
                       mark=self.t("tree.uncertain_mark"), notes=self._notes)
        self.query_one("#picture", TreePictureView).show(picture, self.selected)

    def project_changed(self) -> None:
        super().project_changed()
        relabel, self._relabel = self._relabel, None
        if not self.is_mounted:
            return
        if relabel is not None and not self.picture_mode and self._relabel_in_outline(relabel):
            return
        self.redraw()

    def _relabel_in_outline(self, node_id: str) -> bool:
        """Change one label in place (an edit of text or certainty); False when a rebuild is needed."""
        try:
            node = tree_ops.locate(self.project, node_id).node
        except tree_ops.NodeNotFound:
            return False
        return self.query_one("#outline", TreeOutline).relabel(node_id, self._label(node))

    def _show_selection(self) -> None:
        """Move the highlight to ``selected`` without rebuilding more than needed."""
        if self.picture_mode:
            self._draw_picture()
        else:
            self._select_in_outline()

    # -- selection -------------------------------------------------------------------------------
    def order(self) -> list[str]:
        """Every selectable item in the order the outline shows them."""
        focus = self.project.focus
        ids = [GROUP["consequences"]] + [n.id for n, _ in tree_ops.walk(focus.consequences)]
        ids += [PROBLEM, GROUP["causes"]] + [n.id for n, _ in tree_ops.walk(focus.causes)]
        return ids

    @on(Tree.NodeHighlighted, "#outline")
    def _highlighted(self, event: Tree.NodeHighlighted) -> None:
        if self.query_one("#outline", TreeOutline).rebuilding:
            return  # the cursor moving while the tree is rebuilt is not the user choosing
        if event.node.data is not None:
            self.selected = event.node.data

    @on(Tree.NodeSelected, "#outline")
    def _selected(self, event: Tree.NodeSelected) -> None:
        if event.node.data is not None:
            self.selected = event.node.data
            self.action_edit_selected()

    @on(Tree.NodeCollapsed, "#outline")
    def _collapsed(self, event: Tree.NodeCollapsed) -> None:
        if event.node.data:
            self.folded.add(event.node.data)

    @on(Tree.NodeExpanded, "#outline")
    def _expanded(self, event: Tree.NodeExpanded) -> None:
        self.folded.discard(event.node.data or "")

    def action_select_step(self, delta: int) -> None:
        """Move the selection up or down."""
        if not self.picture_mode:
            tree = self.query_one("#outline", Tree)
            tree.action_cursor_up() if delta < 0 else tree.action_cursor_down()
            return
        ids = self.order()
        index = ids.index(self.selected) if self.selected in ids else 0
        self.selected = ids[max(0, min(len(ids) - 1, index + delta))]
        view = self.query_one("#picture", TreePictureView)
        view.show(view.picture, self.selected)

    def action_switch_view(self) -> None:
        """Switch between the picture and the outline."""
        self.picture_mode = not self.picture_mode
        self.set_class(self.picture_mode, "-picture")
        self.redraw()
        if self.picture_mode:
            self.set_focus(None)
        else:
            self.query_one("#outline", Tree).focus()

    # -- editing ---------------------------------------------------------------------------------
    def _branch_of(self, item: str) -> str | None:
        for branch, group in GROUP.items():
            if item == group:
                return branch
        return None

    def _apply(self, label: str, change, select: str | None = None) -> bool:  # noqa: ANN001
        if select is not None:
            self.selected = select  # set before the edit, so the redraw it causes selects it
        return self.change_project(label, change)

    def _bar(self) -> EditBar:
        return self.query_one("#edit-bar", EditBar)

    def action_edit_selected(self) -> None:
        """Edit the selected text (the problem itself on the trunk)."""
        self._adding = None
        if self.selected == PROBLEM:
            self._bar().open(self.t("tree.prompt_problem"), "problem", self.project.focus.problem)
        elif self._branch_of(self.selected) is None:
            node = tree_ops.locate(self.project, self.selected).node
            self._bar().open(self.t("tree.prompt_edit"), "edit", node.text)

    def action_add_sibling(self) -> None:
        """Add a node after the selected one (on a group: at the end of it)."""
        branch = self._branch_of(self.selected)
        if branch is not None:
            self.action_add_top(branch)
        elif self.selected != PROBLEM:
            self._adding = ("sibling", self.selected)
            self._bar().open(self.t("tree.prompt_sibling"), "add")

    def action_add_child(self) -> None:
        """Add a node under the selected one."""
        branch = self._branch_of(self.selected)
        if branch is not None:
            self.action_add_top(branch)
        elif self.selected != PROBLEM:
            self._adding = ("child", self.selected)
            self._bar().open(self.t("tree.prompt_child"), "add")

    def action_add_top(self, branch: str) -> None:
        """Add a top-level cause or consequence."""
        self._adding = ("top", branch)
        self._bar().open(self.t(f"tree.prompt_{branch}"), "add")

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        text = event.text.strip()
        bar = self._bar()
        if event.purpose == "problem":
            self._apply("tree.edit", lambda p: setattr(p.focus, "problem", text))
            self._finish()
        elif event.purpose == "edit":
            if text:
                node_id = self.selected
                self._relabel = node_id
                self._apply("tree.edit", lambda p: tree_ops.edit(p, node_id, text), node_id)
            self._finish()
        elif event.purpose == "add":
            if not text or self._adding is None:
                self._finish()
                return
            mode, where = self._adding
            created: list[TreeNode] = []
            if mode == "top":
                change = lambda p: created.append(tree_ops.add_top(p, where, text))  # noqa: E731
            elif mode == "child":
                change = lambda p: created.append(tree_ops.add_child(p, where, text))  # noqa: E731
            else:
                change = lambda p: created.append(tree_ops.add_sibling(p, where, text))  # noqa: E731
            if self._apply("tree.added", change) and created:
                self.selected = created[0].id
                if mode != "top":
                    self._adding = ("sibling", created[0].id)  # next Enter adds the next one beside it
                self._show_selection()
                bar.open(self._prompt_for_adding(), "add")

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
            self.query_one("#outline", Tree).focus()

    @on(EditBar.Cancelled)
    def _cancelled(self) -> None:
        self._finish()

    def _node_action(self, label: str, change, select_after: str | None = None) -> None:  # noqa: ANN001
        if self._branch_of(self.selected) is not None or self.selected == PROBLEM:
            return
        node_id = self.selected
        self._apply(label, lambda p: change(p, node_id), select_after or node_id)

    def action_toggle_uncertain(self) -> None:
        """Mark the selected link as uncertain, or not."""
        self._relabel = self.selected
        self._node_action("tree.uncertain", tree_ops.toggle_uncertain)

    def action_delete_selected(self) -> None:
        """Delete the selected node and what hangs from it (ctrl+z brings it back)."""
        if self._branch_of(self.selected) is not None or self.selected == PROBLEM:
            return
        ids = self.order()
        index = ids.index(self.selected)
        after = ids[index - 1] if index > 0 else PROBLEM
        self._node_action("tree.delete", tree_ops.delete, after)

    def action_move(self, delta: int) -> None:
        """Move the selected node up or down among its siblings."""
        if self._bar().is_open:
            return
        self._node_action("tree.up" if delta < 0 else "tree.down", lambda p, n: tree_ops.move(p, n, delta))

    def action_indent(self) -> None:
        """Make the selected node a cause (or consequence) of the one above it."""
        if not self._bar().is_open:
            self._node_action("tree.indent", tree_ops.indent)

    def action_outdent(self) -> None:
        """Move the selected node one level out."""
        if not self._bar().is_open:
            self._node_action("tree.outdent", tree_ops.outdent)

    def action_scroll_picture(self, delta: int) -> None:
        """Scroll a wide picture sideways."""
        if self.picture_mode:
            self.query_one("#picture", TreePictureView).scroll_relative(x=delta, animate=False)

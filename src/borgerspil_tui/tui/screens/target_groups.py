"""Fokusér: the target groups — who the project is for, and why them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import TargetGroup
from borgerspil_tui.core.model.links import unlink
from borgerspil_tui.core.session import EditRefused
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar

FIELDS = ("name", "description", "why")


class TargetGroupsScreen(BaseScreen):
    """A table of target groups; each field is edited in the bar at the bottom."""

    NAME = "target-groups"
    part = "focus"
    SCREEN_COMMANDS = [
        Command("add", "n", "groups.add", "help.groups_add"),
        Command("edit('name')", "e", "groups.name", "help.groups_name"),
        Command("edit('description')", "d", "groups.description", "help.groups_description"),
        Command("edit('why')", "w", "groups.why", "help.groups_why"),
        Command("toggle_primary", "p", "groups.primary", "help.groups_primary"),
        Command("delete", "delete", "list.delete", "help.list_delete"),
        Command("move(-1)", "shift+up", "list.up", "help.list_up", show=False),
        Command("move(1)", "shift+down", "list.down", "help.list_down", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    TargetGroupsScreen #groups { height: 1fr; margin: 0 1; }
    TargetGroupsScreen #groups-empty { padding: 1 2; color: $text-muted; }
    """

    def guidance_text(self) -> str | None:
        step = next(s for s in self.method.phase("focus").steps if s.id == "target-group")
        return step.guidance(self.lang) if step.guidance else None

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t("groups.empty")), id="groups-empty")
        yield DataTable(id="groups", cursor_type="row", zebra_stripes=True)
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        table = self.query_one("#groups", DataTable)
        table.clear(columns=True)
        for key in ("groups.name", "groups.kind", "groups.description", "groups.why"):
            table.add_column(cell(self.t(key)), key=key)
        self.fill()
        table.focus()

    def fill(self) -> None:
        """Show the groups from the project."""
        table = self.query_one("#groups", DataTable)
        row = table.cursor_row
        table.clear()
        groups = self.session.project.focus.target_groups
        for group in groups:
            kind = self.t("groups.primary_kind" if group.primary else "groups.secondary_kind")
            table.add_row(cell(group.name), cell(kind), cell(group.description), cell(group.why), key=group.id)
        self.query_one("#groups-empty").display = not groups
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def project_changed(self) -> None:
        super().project_changed()
        self.fill()

    def current_id(self) -> str | None:
        """The id of the group under the cursor."""
        table = self.query_one("#groups", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _change(self, label: str, change) -> bool:  # noqa: ANN001
        try:
            self.session.edit(self.t(label), change)
        except EditRefused as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        return True

    def _update(self, group_id: str, **values: object) -> None:
        def change(project: Project) -> None:
            for group in project.focus.target_groups:
                if group.id == group_id:
                    for key, value in values.items():
                        setattr(group, key, value)
        self._change("groups.name", change)

    def action_add(self) -> None:
        """Add a target group: type its name."""
        self.query_one(EditBar).open(self.t("groups.prompt_add"), "add")

    def action_edit(self, field: str) -> None:
        """Edit a field of the group under the cursor."""
        group_id = self.current_id()
        if group_id is None:
            return
        group = next(g for g in self.session.project.focus.target_groups if g.id == group_id)
        self.query_one(EditBar).open(self.t(f"groups.prompt_{field}"), f"{field}:{group_id}",
                                     getattr(group, field))

    @on(DataTable.RowSelected, "#groups")
    def _row_selected(self) -> None:
        self.action_edit("name")

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        text = event.text.strip()
        if event.purpose == "add":
            if text and self._change("groups.add", lambda p: p.focus.target_groups.append(TargetGroup(name=text))):
                table = self.query_one("#groups", DataTable)
                table.move_cursor(row=table.row_count - 1)
                self.query_one(EditBar).open(self.t("groups.prompt_add"), "add")
                return
        else:
            field, group_id = event.purpose.split(":", 1)
            if text or field != "name":
                self._update(group_id, **{field: text})
        self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#groups", DataTable).focus()

    def action_toggle_primary(self) -> None:
        """Primary ⇄ secondary target group."""
        group_id = self.current_id()
        if group_id is not None:
            group = next(g for g in self.session.project.focus.target_groups if g.id == group_id)
            self._update(group_id, primary=not group.primary)

    def action_delete(self) -> None:
        """Delete the group under the cursor and the links to it (Ctrl+Z brings both back)."""
        group_id = self.current_id()
        if group_id is None:
            return

        def change(project: Project) -> None:
            project.focus.target_groups = [g for g in project.focus.target_groups if g.id != group_id]
            unlink(project, {group_id})

        self._change("list.delete", change)

    def action_move(self, delta: int) -> None:
        """Move the group under the cursor up or down."""
        group_id = self.current_id()
        if group_id is None:
            return

        def change(project: Project) -> None:
            groups = project.focus.target_groups
            index = next(i for i, g in enumerate(groups) if g.id == group_id)
            groups.insert(max(0, min(len(groups) - 1, index + delta)), groups.pop(index))

        if self._change("list.edit", change):
            table = self.query_one("#groups", DataTable)
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

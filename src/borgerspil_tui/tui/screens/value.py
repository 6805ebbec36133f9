"""Fokusér: which kinds of value the project aims at, the picture of success, the change we want,
and what happens if we don't succeed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Label, Static, TextArea

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import ValueGoal
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.check_list import CHOSEN, NOT_CHOSEN
from borgerspil_tui.tui.widgets.edit_bar import EditBar

TEXT_FIELDS = ("success_picture", "desired_change", "if_we_fail")


class ValueScreen(BaseScreen):
    """The four kinds of value with a goal each, and three texts that describe success."""

    NAME = "value"
    part = "focus"
    SCREEN_COMMANDS = [
        Command("toggle_aim", "space", "value.aim", "help.value_aim"),
        Command("edit_goal", "e", "value.goal", "help.value_goal"),
        Command("clear_value", "delete", "list.delete", "help.value_clear"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    ValueScreen #value-form { height: 1fr; padding: 0 1; }
    ValueScreen #values { height: auto; }
    ValueScreen Label { margin-top: 1; text-style: bold; }
    ValueScreen TextArea { height: 5; }
    """

    def guidance_text(self) -> str | None:
        return self.step_guidance("focus", "picture-success")

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="value-form"):
            yield Static(Content(self.t("value.intro")))
            yield DataTable(id="values", cursor_type="row")
            for field in TEXT_FIELDS:
                yield Label(Content(self.t(f"value.{field}")))
                yield TextArea(getattr(self.session.project.focus, field), id=f"text-{field}", soft_wrap=True)
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        table = self.query_one("#values", DataTable)
        table.clear(columns=True)
        for key in ("value.aimed", "value.kind", "value.goal_column"):
            table.add_column(cell(self.t(key)), key=key)
        self.fill()
        table.focus()

    def fill(self) -> None:
        """Show the value kinds from the project."""
        table = self.query_one("#values", DataTable)
        row = table.cursor_row
        table.clear()
        goals = {v.kind: v.goal for v in self.session.project.focus.values}
        for kind in self.method.value_kinds:
            aimed = CHOSEN if kind.id in goals else NOT_CHOSEN
            table.add_row(cell(aimed), cell(kind.name(self.lang)), cell(goals.get(kind.id, "")), key=kind.id)
        table.move_cursor(row=row)

    def project_changed(self) -> None:
        super().project_changed()
        self.fill()
        for field in TEXT_FIELDS:
            area = self.query_one(f"#text-{field}", TextArea)
            value = getattr(self.session.project.focus, field)
            if not area.has_focus and area.text != value:
                area.load_text(value)

    def _kind(self) -> str:
        table = self.query_one("#values", DataTable)
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_toggle_aim(self) -> None:
        """Aim at the value kind under the cursor, or stop aiming at it."""
        kind = self._kind()

        def change(project: Project) -> None:
            values = project.focus.values
            if any(v.kind == kind for v in values):
                project.focus.values = [v for v in values if v.kind != kind]
            else:
                values.append(ValueGoal(kind=kind))
                order = [k.id for k in self.method.value_kinds]
                values.sort(key=lambda v: order.index(v.kind) if v.kind in order else len(order))

        self.change_project("value.aim", change)

    def action_clear_value(self) -> None:
        """Stop aiming at the value kind under the cursor and delete its goal (Ctrl+Z brings it back)."""
        kind = self._kind()
        self.change_project("value.clear", lambda p: setattr(p.focus, "values",
                                                             [v for v in p.focus.values if v.kind != kind]))

    def action_edit_goal(self) -> None:
        """Write the concrete goal for the value kind under the cursor."""
        kind = self._kind()
        current = next((v.goal for v in self.session.project.focus.values if v.kind == kind), "")
        self.query_one(EditBar).open(self.t("value.prompt_goal"), kind, current)

    @on(DataTable.RowSelected, "#values")
    def _row_selected(self) -> None:
        self.action_edit_goal()

    @on(EditBar.Submitted)
    def _goal_typed(self, event: EditBar.Submitted) -> None:
        kind, goal = event.purpose, event.text.strip()

        def change(project: Project) -> None:
            for value in project.focus.values:
                if value.kind == kind:
                    value.goal = goal
                    return
            project.focus.values.append(ValueGoal(kind=kind, goal=goal))

        self.change_project("value.goal", change)
        self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#values", DataTable).focus()

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        field = (event.text_area.id or "").removeprefix("text-")
        if field not in TEXT_FIELDS or getattr(self.session.project.focus, field) == event.text_area.text:
            return
        text = event.text_area.text
        self.change_project(f"value.{field}", lambda p: setattr(p.focus, field, text),
                          merge_key=f"value-text:{field}")

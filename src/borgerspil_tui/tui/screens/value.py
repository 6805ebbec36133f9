"""Fokusér: which kinds of value the project aims at, the picture of success, the change we want,
and what happens if we don't succeed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Label, Static, TextArea

from borgerspil_tui.core.changes import Change, SetValue
from borgerspil_tui.core.model.focus import ValueGoal
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.table_rows import FollowsChanges, set_row, touches
from borgerspil_tui.tui.widgets.check_list import CHOSEN, NOT_CHOSEN
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.row_table import RowTable

TEXT_FIELDS = ("success_picture", "desired_change", "if_we_fail")
VALUES = ("focus", "values")
"""Where the value goals are: one per kind aimed at, in the method's order, keyed by kind."""


class ValueScreen(FollowsChanges, BaseScreen):
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
            yield RowTable(id="values", cursor_type="row")
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

    def _cells(self, kind_id: str, name: str, goals: dict[str, str]) -> list:
        return [cell(CHOSEN if kind_id in goals else NOT_CHOSEN), cell(name), cell(goals.get(kind_id, ""))]

    def fill(self) -> None:
        """Show the value kinds from the project."""
        self.shown()
        table = self.query_one("#values", DataTable)
        row = table.cursor_row
        table.clear()
        goals = self._goals()
        for kind in self.method.value_kinds:
            table.add_row(*self._cells(kind.id, kind.name(self.lang), goals), key=kind.id)
        table.move_cursor(row=row)

    def _goals(self) -> dict[str, str]:
        return {v.kind: v.goal for v in self.session.project.focus.values}

    def project_changed(self) -> None:
        super().project_changed()
        change = self.news()
        if change is None:
            self.fill()
        elif touches(change, VALUES):  # four rows at most: each is put right
            table = self.query_one("#values", DataTable)
            goals = self._goals()
            for kind in self.method.value_kinds:
                set_row(table, kind.id, self._cells(kind.id, kind.name(self.lang), goals))
        for field in TEXT_FIELDS:
            if change is not None and not touches(change, ("focus", field)):
                continue
            area = self.query_one(f"#text-{field}", TextArea)
            value = getattr(self.session.project.focus, field)
            if not area.has_focus and area.text != value:
                area.load_text(value)

    def _kind(self) -> str:
        table = self.query_one("#values", DataTable)
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _aim(self, kind: str, goal: str = "") -> list[Change]:
        """The changes that add a goal for ``kind`` where the method's order puts it."""
        order = [k.id for k in self.method.value_kinds]
        place = order.index(kind)
        index = sum(1 for v in self.session.project.focus.values if v.kind in order and order.index(v.kind) < place)
        new = ValueGoal(kind=kind)
        # the goal as a change of its own: the session checks it (a goal too long is refused, not raised)
        return [*self.changes.add(VALUES, new, index), SetValue((*VALUES, kind, "goal"), new.goal, goal)]

    def action_toggle_aim(self) -> None:
        """Aim at the value kind under the cursor, or stop aiming at it."""
        kind = self._kind()
        if self.changes.get((*VALUES, kind), None) is not None:
            self.apply_changes("value.aim", self.changes.remove((*VALUES, kind)))
        else:
            self.apply_changes("value.aim", self._aim(kind))

    def action_clear_value(self) -> None:
        """Stop aiming at the value kind under the cursor and delete its goal (Ctrl+Z brings it back)."""
        kind = self._kind()
        if self.changes.get((*VALUES, kind), None) is not None:
            self.apply_changes("value.clear", self.changes.remove((*VALUES, kind)))

    def action_edit_goal(self) -> None:
        """Write the concrete goal for the value kind under the cursor."""
        kind = self._kind()
        current = self.changes.get((*VALUES, kind, "goal"), "")
        self.query_one(EditBar).open(self.t("value.prompt_goal"), kind, current)

    @on(DataTable.RowSelected, "#values")
    def _row_selected(self) -> None:
        self.action_edit_goal()

    @on(EditBar.Submitted)
    def _goal_typed(self, event: EditBar.Submitted) -> None:
        kind, goal = event.purpose, event.text.strip()
        if self.changes.get((*VALUES, kind), None) is not None:
            made = self.apply_changes("value.goal", self.changes.set((*VALUES, kind, "goal"), goal))
        else:
            made = self.apply_changes("value.goal", self._aim(kind, goal))
        if made:
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
        self.apply_changes(f"value.{field}", self.changes.set(("focus", field), event.text_area.text),
                           merge_key=f"value-text:{field}")

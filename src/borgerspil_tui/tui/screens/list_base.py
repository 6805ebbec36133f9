"""A screen that is one table of items people add (observations, insights, what-if questions).

Subclasses say which list of the project it shows, its columns and cells, and how a new item is
made from a typed text; adding one after another, editing a text field in the bar, deleting
(with the links to it) and moving come from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.links import unlink
from borgerspil_tui.tui.commands import Command
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.picker import PickerScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar

LIST_COMMANDS = [
    Command("add", "n", "list.add", "help.list_add"),
    Command("edit_field('main')", "e", "list.edit", "help.list_edit"),
    Command("delete", "delete", "list.delete", "help.list_delete"),
    Command("move(-1)", "shift+up", "list.up", "help.list_up", show=False),
    Command("move(1)", "shift+down", "list.down", "help.list_down", show=False),
]


class ListScreen(BaseScreen):
    """One table of items with add, edit, delete and move."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    """UI text keys of the column headings."""
    MAIN_FIELD: ClassVar[str] = "text"
    """The field ``e`` edits and a new item is made from."""
    EMPTY_TEXT: ClassVar[str] = ""
    """UI text key shown when the list is empty."""
    DATE_FIELDS: ClassVar[tuple[str, ...]] = ("date",)
    """Fields typed as ISO dates."""

    DEFAULT_CSS = """
    ListScreen #items { height: 1fr; margin: 0 1; }
    ListScreen #items-empty { padding: 1 2; color: $text-muted; height: auto; }
    ListScreen #detail-box {
        height: auto; max-height: 40%; border-top: solid $panel; overflow-x: hidden; scrollbar-gutter: stable;
    }
    ListScreen #detail { height: auto; padding: 0 2; }
    """

    def items(self, project: Project) -> list[Any]:
        """The list this screen edits."""
        raise NotImplementedError

    def set_items(self, project: Project, items: list[Any]) -> None:
        """Replace the list."""
        raise NotImplementedError

    def cells(self, item: Any) -> list[str]:
        """The texts of one row."""
        raise NotImplementedError

    def new_item(self, text: str) -> Any:
        """An item made from a typed text."""
        raise NotImplementedError

    def detail(self, item: Any) -> str:
        """Everything about the selected item, shown under the table."""
        return ""

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t(self.EMPTY_TEXT)) if self.EMPTY_TEXT else "", id="items-empty")
        yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="detail-box"):  # all of the item, scrolled when long (Tab, ↑↓)
            yield Static("", id="detail")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        table = self.query_one("#items", DataTable)
        table.clear(columns=True)
        for key in self.COLUMNS:
            table.add_column(cell(self.t(key)), key=key)
        self.fill()
        table.focus()

    def fill(self) -> None:
        """Show the list from the project, keeping the cursor where it was."""
        table = self.query_one("#items", DataTable)
        row = table.cursor_row
        table.clear()
        items = self.items(self.session.project)
        for item in items:
            table.add_row(*(cell(text) for text in self.cells(item)), key=item.id)
        self.query_one("#items-empty").display = not items
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._show_detail()

    @on(DataTable.RowHighlighted, "#items")
    def _show_detail(self) -> None:
        item = self.current()
        self.query_one("#detail", Static).update(Content(self.detail(item) if item is not None else ""))

    def project_changed(self) -> None:
        super().project_changed()
        self.fill()

    # -- helpers -------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        """The id of the item under the cursor."""
        table = self.query_one("#items", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def current(self) -> Any | None:
        """The item under the cursor."""
        item_id = self.current_id()
        return next((i for i in self.items(self.session.project) if i.id == item_id), None)

    def edit_item(self, item_id: str, label: str, **values: object) -> bool:
        """Set fields of one item."""
        def change(project: Project) -> None:
            item = next(i for i in self.items(project) if i.id == item_id)
            for key, value in values.items():
                setattr(item, key, value)
        return self.change_project(label, change)

    def pick(self, title: str, options: list[tuple[str, str]], current: set[str], apply: Callable[[list[str]], None],
             *, multiple: bool = True) -> None:
        """Ask which items to link, then ``apply`` the chosen ids."""
        def chosen(ids: list[str] | None) -> None:
            if ids is not None:
                apply(ids)
        self.app.push_screen(PickerScreen(title, options, current, multiple=multiple, lang=self.lang), chosen)

    # -- actions -------------------------------------------------------------------------------
    def action_add(self) -> None:
        """Add items one after another: type, Enter, the next one; empty Enter stops."""
        self.query_one(EditBar).open(self.t("list.prompt_add"), "add")

    def action_edit_field(self, field: str) -> None:
        """Edit a text field of the item under the cursor in the bar."""
        item = self.current()
        if item is None:
            return
        name = self.MAIN_FIELD if field == "main" else field
        value = getattr(item, name)
        if isinstance(value, list):
            value = ", ".join(value)
        self.query_one(EditBar).open(self.t(f"field.{name}"), f"{name}:{item.id}", "" if value is None else str(value))

    @on(DataTable.RowSelected, "#items")
    def _row_selected(self) -> None:
        self.select_item()

    def select_item(self) -> None:
        """Enter on a row: edit its main text (subclasses may open something instead)."""
        self.action_edit_field("main")

    def save_field(self, item_id: str, field: str, text: str) -> bool:
        """Store a typed text in a field (``date`` as an ISO date); subclasses convert lists."""
        if field in self.DATE_FIELDS:
            try:
                value = dt.date.fromisoformat(text) if text else None
            except ValueError:
                self.refuse(self.t("observations.bad_date", text=text))
                return False
            return self.edit_item(item_id, "field.date", **{field: value})
        if field == self.MAIN_FIELD and not text:
            return True
        return self.edit_item(item_id, "list.edit", **{field: text})

    def typed(self, purpose: str, text: str) -> bool:
        """Handle a text typed for a purpose of the subclass's own; True when handled."""
        return False

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        text = event.text.strip()
        if self.typed(event.purpose, text):
            return
        if event.purpose == "add":
            if not text:
                self._done()
                return
            if self.change_project("list.add", lambda p: self.items(p).append(self.new_item(text))):
                table = self.query_one("#items", DataTable)
                table.move_cursor(row=table.row_count - 1)
                self.query_one(EditBar).open(self.t("list.prompt_add"), "add")
            return
        field, item_id = event.purpose.split(":", 1)
        if self.save_field(item_id, field, text):
            self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#items", DataTable).focus()

    def action_delete(self) -> None:
        """Delete the item under the cursor and the links to it (Ctrl+Z brings both back)."""
        item_id = self.current_id()
        if item_id is None:
            return

        def change(project: Project) -> None:
            self.set_items(project, [i for i in self.items(project) if i.id != item_id])
            unlink(project, {item_id})

        self.change_project("list.delete", change)

    def action_move(self, delta: int) -> None:
        """Move the item under the cursor up or down."""
        item_id = self.current_id()
        if item_id is None:
            return

        def change(project: Project) -> None:
            items = self.items(project)
            index = next(i for i, item in enumerate(items) if item.id == item_id)
            items.insert(max(0, min(len(items) - 1, index + delta)), items.pop(index))

        if self.change_project("list.edit", change):
            table = self.query_one("#items", DataTable)
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

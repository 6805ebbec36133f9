"""A screen that is one table of items people add (observations, insights, what-if questions).

Subclasses say which list of the project it shows (its path), its columns and cells, and how a
new item is made from a typed text; adding one after another, editing a text field in the bar,
deleting (with the links to it) and moving come from here. Every edit is a change by item id
(core/edits), and the table follows it row by row (table_rows) instead of being filled again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.changes import Path
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.validation_messages import describe
from borgerspil_tui.tui.commands import Command
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.picker import PickerScreen
from borgerspil_tui.tui.screens.table_rows import FollowsChanges, fill_rows, follow_rows, touches
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.row_table import RowTable

LIST_COMMANDS = [
    Command("add", "n", "list.add", "help.list_add"),
    Command("edit_field('main')", "e", "list.edit", "help.list_edit"),
    Command("delete", "delete", "list.delete", "help.list_delete"),
    Command("move(-1)", "shift+up", "list.up", "help.list_up", show=False),
    Command("move(1)", "shift+down", "list.down", "help.list_down", show=False),
]


class ListScreen(FollowsChanges, BaseScreen):
    """One table of items with add, edit, delete and move."""

    LIST_PATH: ClassVar[Path] = ()
    """Where the list is in the project: ``("experience", "observations")``."""
    ALSO_SHOWN: ClassVar[tuple[Path, ...]] = ()
    """Other parts of the project the rows show (an edit there fills the table again)."""
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
        here: Any = project
        for part in self.LIST_PATH:
            here = getattr(here, part)
        return here

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
        yield RowTable(id="items", cursor_type="row", zebra_stripes=True)  # Home/End: first/last row
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

    def _row_cells(self, item: Any) -> list:
        return [cell(text) for text in self.cells(item)]

    def fill(self) -> None:
        """Show the list from the project, keeping the cursor where it was."""
        self.shown()
        items = self.items(self.session.project)
        fill_rows(self.query_one("#items", DataTable), items, self._row_cells)
        self._after_rows(items)

    def _after_rows(self, items: list[Any]) -> None:
        self.query_one("#items-empty").display = not items
        self._show_detail()

    @on(DataTable.RowHighlighted, "#items")
    def _show_detail(self) -> None:
        item = self.current()
        self.query_one("#detail", Static).update(Content(self.detail(item) if item is not None else ""))

    def project_changed(self) -> None:
        super().project_changed()
        change = self.news()
        if change is None or any(touches(change, path) for path in self.ALSO_SHOWN):
            self.fill()
            return
        if not touches(change, self.LIST_PATH):
            self._show_detail()  # an edit elsewhere (a detail may name what it changed)
            return
        items = self.items(self.session.project)
        follow_rows(self.query_one("#items", DataTable), items, self._row_cells, self.LIST_PATH, change)
        self._after_rows(items)

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
        return None if item_id is None else self.changes.get((*self.LIST_PATH, item_id), None)

    def path(self, item_id: str) -> Path:
        """Where the item with this id is in the project."""
        return (*self.LIST_PATH, item_id)

    def edit_item(self, item_id: str, label: str, **values: object) -> bool:
        """Set fields of one item."""
        return self.apply_changes(label, self.changes.set_fields(self.path(item_id), **values))

    def add_item(self, label: str, make: Callable[[], BaseModel], at: Path | None = None) -> BaseModel | None:
        """Add the item ``make`` gives to the list (or to ``at``); None when it is refused."""
        try:
            item = make()
        except ValidationError as error:  # a typed text the model does not take (too long …)
            self.refuse(describe(error, self.lang))
            return None
        if self.apply_changes(label, self.changes.add(self.LIST_PATH if at is None else at, item)):
            return item
        return None

    def show_row(self, item_id: str) -> None:
        """Put the cursor on the item's row."""
        table = self.query_one("#items", DataTable)
        if item_id in table.rows:
            table.move_cursor(row=table.get_row_index(item_id))

    def pick(self, title: str, options: list[tuple[str, str]], current: set[str], apply: Callable[[list[str]], None],
             *, multiple: bool = True, offer_none: bool = True) -> None:
        """Ask which items to link, then ``apply`` the chosen ids (``offer_none``: see PickerScreen)."""
        def chosen(ids: list[str] | None) -> None:
            if ids is not None:
                apply(ids)
        self.app.push_screen(PickerScreen(title, options, current, multiple=multiple, lang=self.lang,
                                          offer_none=offer_none), chosen)

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
        self.query_one(EditBar).open(self.field_prompt(name), f"{name}:{item.id}",
                                     self.field_text(name, getattr(item, name)))

    def field_prompt(self, name: str) -> str:
        """The edit bar's prompt for field ``name``."""
        return self.t(f"field.{name}")

    def field_text(self, name: str, value: Any) -> str:
        """A field's value as the edit bar shows it (a list comma-separated, nothing as empty)."""
        if isinstance(value, list):
            return ", ".join(value)
        return "" if value is None else str(value)

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
            item = self.add_item("list.add", lambda: self.new_item(text))
            if item is not None:
                self.show_row(item.id)
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
        if item_id is not None:
            self.apply_changes("list.delete", self.changes.remove(self.path(item_id)))

    def action_move(self, delta: int) -> None:
        """Move the item under the cursor up or down (nothing at either end)."""
        item_id = self.current_id()
        if item_id is not None and self.apply_changes("list.edit", self.changes.move(self.path(item_id), delta)):
            self.show_row(item_id)

"""Fokusér: what we know, what we don't, why the problem matters, and what we assume."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import Assumption, Note
from borgerspil_tui.tui.commands import Command, bindings, relabel
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar

SECTIONS = ("why_it_matters", "known", "unknown", "assumptions")
QUESTION_OF = {"why_it_matters": "why-it-matters", "known": "known", "unknown": "unknown",
               "assumptions": "assumptions"}
STATUSES = ("untested", "tested", "refuted")


class KnowledgeScreen(BaseScreen):
    """Four lists that the method's problem questions prompt; assumptions can be tested or refuted."""

    NAME = "knowledge"
    part = "focus"
    SCREEN_COMMANDS = [
        Command("add", "n", "list.add", "help.list_add"),
        Command("edit", "e", "list.edit", "help.list_edit"),
        Command("cycle_status", "s", "knowledge.status", "help.knowledge_status"),
        Command("edit_note", "o", "knowledge.note", "help.knowledge_note", show=False),
        Command("delete", "delete", "list.delete", "help.list_delete"),
        Command("move(-1)", "shift+up", "list.up", "help.list_up", show=False),
        Command("move(1)", "shift+down", "list.down", "help.list_down", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    KnowledgeScreen #sections { height: 1fr; padding: 0 1; }
    KnowledgeScreen .section-title { text-style: bold; margin-top: 1; }
    KnowledgeScreen .section-prompt { color: $text-muted; }
    KnowledgeScreen DataTable { height: auto; max-height: 12; }
    """

    def guidance_text(self) -> str | None:
        return self.t("knowledge.guidance")

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="sections"):
            for section in SECTIONS:
                question = next(q for q in self.method.problem_questions if q.id == QUESTION_OF[section])
                yield Static(Content(question.name(self.lang)), classes="section-title")
                if question.prompt:
                    yield Static(Content(question.prompt(self.lang)), classes="section-prompt")
                yield DataTable(id=f"list-{section}", cursor_type="row", zebra_stripes=True)
        yield EditBar(id="edit-bar")

    def _list_name(self, section: str) -> str:
        """The list's name as the screen heads it (the method's question)."""
        return next(q for q in self.method.problem_questions if q.id == QUESTION_OF[section]).name(self.lang)

    def on_descendant_focus(self) -> None:
        """``n`` adds to the list with the cursor: the footer says which."""
        relabel(self, "add", self.t("knowledge.add_to", list=self._list_name(self.current_section())))

    def populate(self) -> None:
        for section in SECTIONS:
            table = self.query_one(f"#list-{section}", DataTable)
            table.clear(columns=True)
            table.add_column(cell(self.t("list.text")), key="text")
            if section == "assumptions":
                table.add_column(cell(self.t("knowledge.status")), key="status")
                table.add_column(cell(self.t("knowledge.note")), key="note")
        self.fill()
        self.query_one(f"#list-{SECTIONS[0]}", DataTable).focus()

    def fill(self) -> None:
        """Show the four lists from the project, keeping each cursor where it was."""
        for section in SECTIONS:
            table = self.query_one(f"#list-{section}", DataTable)
            row = table.cursor_row
            table.clear()
            for item in getattr(self.session.project.focus, section):
                cells: list[Text] = [cell(item.text)]
                if isinstance(item, Assumption):
                    cells += [cell(self.t(f"knowledge.{item.status}")), cell(item.note)]
                table.add_row(*cells, key=item.id)
            if table.row_count:
                table.move_cursor(row=min(row, table.row_count - 1))

    def project_changed(self) -> None:
        super().project_changed()
        self.fill()

    # -- which list, which item ----------------------------------------------------------------
    def current_section(self) -> str:
        """The list that has (or last had) the focus."""
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id and focused.id.startswith("list-"):
            self._section = focused.id.removeprefix("list-")
        return getattr(self, "_section", SECTIONS[0])

    def current_id(self) -> str | None:
        """The id of the item under the cursor in the current list."""
        table = self.query_one(f"#list-{self.current_section()}", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _items(self, project: Project, section: str) -> list:
        return getattr(project.focus, section)


    # -- actions ---------------------------------------------------------------------------------
    def action_add(self) -> None:
        """Add an item to the current list (Enter for the next one)."""
        section = self.current_section()
        self.query_one(EditBar).open(self.t("knowledge.prompt_add", list=self._list_name(section)), f"add:{section}")

    def action_edit(self) -> None:
        """Edit the text of the item under the cursor."""
        item_id = self.current_id()
        if item_id is None:
            return
        section = self.current_section()
        item = next(i for i in self._items(self.session.project, section) if i.id == item_id)
        self.query_one(EditBar).open(self.t("list.prompt_edit"), f"edit:{section}:{item_id}", item.text)

    def action_edit_note(self) -> None:
        """Write what was learned when an assumption was tested."""
        item_id = self.current_id()
        if item_id is None or self.current_section() != "assumptions":
            return
        item = next(i for i in self.session.project.focus.assumptions if i.id == item_id)
        self.query_one(EditBar).open(self.t("knowledge.note"), f"note:assumptions:{item_id}", item.note)

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_edit()

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        text = event.text.strip()
        kind, section, *rest = event.purpose.split(":")
        bar = self.query_one(EditBar)
        if kind == "add":
            if not text:
                self._done(section)
                return
            model = Assumption if section == "assumptions" else Note
            self.change_project("list.add", lambda p: self._items(p, section).append(model(text=text)))
            table = self.query_one(f"#list-{section}", DataTable)
            table.move_cursor(row=table.row_count - 1)
            bar.open(self.t("knowledge.prompt_add", list=self._list_name(section)), event.purpose)
            return
        item_id = rest[0]
        field = "note" if kind == "note" else "text"
        if text or field == "note":
            def change(project: Project) -> None:
                for item in self._items(project, section):
                    if item.id == item_id:
                        setattr(item, field, text)
            self.change_project("list.edit", change)
        self._done(section)

    @on(EditBar.Cancelled)
    def _cancelled(self) -> None:
        self._done(self.current_section())

    def _done(self, section: str) -> None:
        self.query_one(EditBar).close()
        self.query_one(f"#list-{section}", DataTable).focus()

    def action_cycle_status(self) -> None:
        """Untested → tested → refuted, for the assumption under the cursor."""
        item_id = self.current_id()
        if item_id is None or self.current_section() != "assumptions":
            return

        def change(project: Project) -> None:
            for item in project.focus.assumptions:
                if item.id == item_id:
                    item.status = STATUSES[(STATUSES.index(item.status) + 1) % len(STATUSES)]

        self.change_project("knowledge.status", change)

    def action_delete(self) -> None:
        """Delete the item under the cursor (Ctrl+Z brings it back)."""
        item_id = self.current_id()
        if item_id is None:
            return
        section = self.current_section()
        self.change_project("list.delete", lambda p: setattr(p.focus, section,
                                                    [i for i in self._items(p, section) if i.id != item_id]))

    def action_move(self, delta: int) -> None:
        """Move the item under the cursor up or down."""
        item_id = self.current_id()
        if item_id is None:
            return
        section = self.current_section()
        table = self.query_one(f"#list-{section}", DataTable)

        def change(project: Project) -> None:
            items = self._items(project, section)
            index = next(i for i, item in enumerate(items) if item.id == item_id)
            target = max(0, min(len(items) - 1, index + delta))
            items.insert(target, items.pop(index))

        self.change_project("list.edit", change)
        table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + delta)))

"""Fokusér: what we know, what we don't, why the problem matters, and what we assume."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from pydantic import ValidationError

from borgerspil_tui.core.changes import Path
from borgerspil_tui.core.model.focus import Assumption, Note
from borgerspil_tui.core.validation_messages import describe
from borgerspil_tui.tui.commands import Command, bindings, relabel
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.table_rows import FollowsChanges, fill_rows, follow_rows, touches
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.row_table import RowTable

SECTIONS = ("why_it_matters", "known", "unknown", "assumptions")
QUESTION_OF = {"why_it_matters": "why-it-matters", "known": "known", "unknown": "unknown",
               "assumptions": "assumptions"}
STATUSES = ("untested", "tested", "refuted")


class KnowledgeScreen(FollowsChanges, BaseScreen):
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
                yield RowTable(id=f"list-{section}", cursor_type="row", zebra_stripes=True)
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

    def _cells(self, item: Note | Assumption) -> list[Text]:
        cells = [cell(item.text)]
        if isinstance(item, Assumption):
            cells += [cell(self.t(f"knowledge.{item.status}")), cell(item.note)]
        return cells

    def fill(self) -> None:
        """Show the four lists from the project, keeping each cursor where it was."""
        self.shown()
        for section in SECTIONS:
            fill_rows(self.query_one(f"#list-{section}", DataTable), self._items(section), self._cells)

    def project_changed(self) -> None:
        super().project_changed()
        change = self.news()
        if change is None:
            self.fill()
            return
        for section in SECTIONS:
            if touches(change, self._at(section)):
                follow_rows(self.query_one(f"#list-{section}", DataTable), self._items(section), self._cells,
                            self._at(section), change)

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

    def _items(self, section: str) -> list:
        return getattr(self.session.project.focus, section)

    @staticmethod
    def _at(section: str, *rest: str) -> Path:
        """Where a list (or an item of it, or a field of that) is in the project."""
        return ("focus", section, *rest)

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
        text = self.changes.get(self._at(section, item_id, "text"), "")
        self.query_one(EditBar).open(self.t("list.prompt_edit"), f"edit:{section}:{item_id}", text)

    def action_edit_note(self) -> None:
        """Write what was learned when an assumption was tested."""
        item_id = self.current_id()
        if item_id is None or self.current_section() != "assumptions":
            return
        note = self.changes.get(self._at("assumptions", item_id, "note"), "")
        self.query_one(EditBar).open(self.t("knowledge.note"), f"note:assumptions:{item_id}", note)

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
            try:
                item = model(text=text)
            except ValidationError as error:  # too long …: the bar keeps the text and says why
                self.refuse(describe(error, self.lang))
                return
            if self.apply_changes("list.add", self.changes.add(self._at(section), item)):
                table = self.query_one(f"#list-{section}", DataTable)
                table.move_cursor(row=table.get_row_index(item.id))
                bar.open(self.t("knowledge.prompt_add", list=self._list_name(section)), event.purpose)
            return
        item_id = rest[0]
        field = "note" if kind == "note" else "text"
        if (text or field == "note") and not self.apply_changes(
                "list.edit", self.changes.set(self._at(section, item_id, field), text)):
            return
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
        path = self._at("assumptions", item_id, "status")
        status = STATUSES[(STATUSES.index(self.changes.get(path)) + 1) % len(STATUSES)]
        self.apply_changes("knowledge.status", self.changes.set(path, status))

    def action_delete(self) -> None:
        """Delete the item under the cursor (Ctrl+Z brings it back)."""
        item_id = self.current_id()
        if item_id is None:
            return
        self.apply_changes("list.delete", self.changes.remove(self._at(self.current_section(), item_id)))

    def action_move(self, delta: int) -> None:
        """Move the item under the cursor up or down."""
        item_id = self.current_id()
        if item_id is None:
            return
        section = self.current_section()
        if self.apply_changes("list.edit", self.changes.move(self._at(section, item_id), delta)):
            table = self.query_one(f"#list-{section}", DataTable)
            table.move_cursor(row=table.get_row_index(item_id))

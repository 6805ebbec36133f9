"""Notes on the method's own items: the seven basic considerations (Parathed) and the
reflection questions (Organisation). One row per item; e writes the note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.model import Project
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar


class KeyedNotesScreen(BaseScreen):
    """A method list beside the team's notes on each item."""

    SCREEN_COMMANDS = [Command("edit_note", "e", "list.edit", "help.notes_edit"),
                       Command("clear_note", "delete", "notes.clear", "help.notes_clear")]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    KeyedNotesScreen #notes { height: 1fr; margin: 0 1; }
    KeyedNotesScreen #note-detail { height: auto; max-height: 8; padding: 0 2; border-top: solid $panel; }
    """

    def rows(self) -> list[tuple[str, str, str]]:
        """(id, title, explanation) of the method's items."""
        raise NotImplementedError

    def notes(self, project: Project) -> dict[str, str]:
        """Where the notes live in the project."""
        raise NotImplementedError

    def set_notes(self, project: Project, notes: dict[str, str]) -> None:
        """Store the notes."""
        raise NotImplementedError

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="notes", cursor_type="row", zebra_stripes=True)
        yield Static("", id="note-detail")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        table = self.query_one("#notes", DataTable)
        table.clear(columns=True)
        table.add_column(cell(self.t("notes.item")), key="item", width=40)
        table.add_column(cell(self.t("notes.note")), key="note")
        self.fill()
        table.focus()

    def fill(self) -> None:
        """Show the items and notes."""
        table = self.query_one("#notes", DataTable)
        row = table.cursor_row
        table.clear()
        notes = self.notes(self.session.project)
        for item_id, title, _ in self.rows():
            table.add_row(cell(title), cell(notes.get(item_id, "").replace("\n", " ")), key=item_id)
        table.move_cursor(row=row)
        self._detail()

    def project_changed(self) -> None:
        super().project_changed()
        self.fill()

    def current_id(self) -> str:
        """The item under the cursor."""
        table = self.query_one("#notes", DataTable)
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowHighlighted, "#notes")
    def _detail(self) -> None:
        item_id = self.current_id()
        explanation = next((text for i, _, text in self.rows() if i == item_id), "")
        note = self.notes(self.session.project).get(item_id, "")
        self.query_one("#note-detail", Static).update(Content("\n".join(t for t in (explanation, note) if t)))

    def action_edit_note(self) -> None:
        """Write the team's note on the item under the cursor."""
        item_id = self.current_id()
        self.query_one(EditBar).open(self.t("notes.prompt"), item_id, self.notes(self.session.project).get(item_id, ""))

    def action_clear_note(self) -> None:
        """Delete the team's note on the item under the cursor (Ctrl+Z brings it back)."""
        item_id = self.current_id()

        def change(project: Project) -> None:
            notes = dict(self.notes(project))
            notes.pop(item_id, None)
            self.set_notes(project, notes)

        self.change_project("notes.clear", change)

    @on(DataTable.RowSelected, "#notes")
    def _selected(self) -> None:
        self.action_edit_note()

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        item_id, text = event.purpose, event.text.strip()

        def change(project: Project) -> None:
            notes = dict(self.notes(project))
            if text:
                notes[item_id] = text
            else:
                notes.pop(item_id, None)
            self.set_notes(project, notes)

        if self.change_project("notes.note", change):
            self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#notes", DataTable).focus()


class ConsiderationsScreen(KeyedNotesScreen):
    """Parathed: the team's notes on the seven basic considerations."""

    NAME = "considerations"
    part = "readiness"

    def guidance_text(self) -> str | None:
        return self.method.readiness.tagline(self.lang)

    def rows(self) -> list[tuple[str, str, str]]:
        return [(c.id, c.name(self.lang), c.text(self.lang) if c.text else "")
                for c in self.method.readiness.considerations]

    def notes(self, project: Project) -> dict[str, str]:
        return project.readiness.considerations

    def set_notes(self, project: Project, notes: dict[str, str]) -> None:
        project.readiness.considerations = notes


class ReflectionsScreen(KeyedNotesScreen):
    """Organisation: the team's answers to the reflection questions."""

    NAME = "reflections"
    part = "organisation"

    def guidance_text(self) -> str | None:
        return self.method.organisation.tagline(self.lang)

    def rows(self) -> list[tuple[str, str, str]]:
        return [(q.id, q.text(self.lang), "") for q in self.method.organisation.reflection_questions]

    def notes(self, project: Project) -> dict[str, str]:
        return project.organisation.reflections

    def set_notes(self, project: Project, notes: dict[str, str]) -> None:
        project.organisation.reflections = notes

"""Notes on the method's own items: the seven basic considerations (Parathed) and the
reflection questions (Organisation). One row per item; e writes the note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.changes import MISSING, Change
from borgerspil_tui.core.model import Project
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.row_table import RowTable


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

    NOTES_AT: tuple[str, ...] = ()
    """Where the notes live in the project: a map from the method's item ids to texts."""

    def notes(self, project: Project) -> dict[str, str]:
        """The notes as they are now."""
        here: object = project
        for name in self.NOTES_AT:
            here = getattr(here, name)
        return here  # type: ignore[return-value]

    def note_changes(self, item_id: str, text: str) -> list[Change]:
        """The changes that make ``text`` the note on ``item_id`` (empty: no note). Screens whose
        notes are not a map (the value case, the handover) say their own."""
        return self.changes.set((*self.NOTES_AT, item_id), text or MISSING)

    def notes_touched(self) -> set[str] | None:
        """The rows whose notes the edit being shown changed; None: any may have."""
        return self.changed_items(self.NOTES_AT)

    def compose_body(self) -> ComposeResult:
        yield RowTable(id="notes", cursor_type="row", zebra_stripes=True)
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
            table.add_row(cell(title), cell(self._shown(notes, item_id)), key=item_id)
        table.move_cursor(row=row)
        self._detail()

    @staticmethod
    def _shown(notes: dict[str, str], item_id: str) -> str:
        return notes.get(item_id, "").replace("\n", " ")

    def project_changed(self) -> None:
        super().project_changed()
        touched = self.notes_touched()
        if touched is None:
            self.fill()
            return
        table = self.query_one("#notes", DataTable)
        notes = self.notes(self.session.project)
        for item_id in touched:
            if item_id in table.rows:
                table.update_cell(item_id, "note", cell(self._shown(notes, item_id)))
        if self.current_id() in touched:
            self._detail()

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
        self.apply_changes("notes.clear", self.note_changes(self.current_id(), ""))

    @on(DataTable.RowSelected, "#notes")
    def _selected(self) -> None:
        self.action_edit_note()

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        item_id, text = event.purpose, event.text.strip()
        if self.apply_changes("notes.note", self.note_changes(item_id, text)):
            self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#notes", DataTable).focus()


class ConsiderationsScreen(KeyedNotesScreen):
    """Parathed: the team's notes on the seven basic considerations."""

    NAME = "considerations"
    part = "readiness"
    NOTES_AT = ("readiness", "considerations")

    def guidance_text(self) -> str | None:
        return self.method.readiness.tagline(self.lang)

    def rows(self) -> list[tuple[str, str, str]]:
        return [(c.id, c.name(self.lang), c.text(self.lang) if c.text else "")
                for c in self.method.readiness.considerations]


class ReflectionsScreen(KeyedNotesScreen):
    """Organisation: the team's answers to the reflection questions."""

    NAME = "reflections"
    part = "organisation"
    NOTES_AT = ("organisation", "reflections")

    def guidance_text(self) -> str | None:
        return self.method.organisation.tagline(self.lang)

    def rows(self) -> list[tuple[str, str, str]]:
        return [(q.id, q.text(self.lang), "") for q in self.method.organisation.reflection_questions]


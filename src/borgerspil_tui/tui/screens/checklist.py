"""A checklist: answer each question yes / partly / no, with a note. Progress counts on the overview."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, Input, Static

from borgerspil_tui.core.derived import checklist_progress
from borgerspil_tui.core.changes import MISSING
from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model.project import ChecklistAnswer
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.part_card import progress_bar

ANSWER_KEYS = {"yes": "checklist.yes", "partly": "checklist.partly", "no": "checklist.no"}


class ChecklistScreen(BaseScreen):
    """Rows of questions; j/d/n answer, x clears, Enter writes a note (saved as you type)."""

    SCREEN_COMMANDS = [
        Command("answer('yes')", "j", "checklist.yes", "help.answer_yes", lang="da"),
        Command("answer_en('yes')", "y", "checklist.yes", "help.answer_yes", lang="en"),
        Command("answer('partly')", "d", "checklist.partly", "help.answer_partly", lang="da"),
        Command("answer_en('partly')", "p", "checklist.partly", "help.answer_partly", lang="en"),
        Command("answer('no')", "n", "checklist.no", "help.answer_no"),
        Command("answer(None)", "x", "checklist.clear", "help.answer_clear"),
        Command("delete_answer", "delete", "list.delete", "help.checklist_delete", show=False),
        Command("edit_note", "e", "checklist.note", "help.edit_note"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    ChecklistScreen #checklist-progress { padding: 0 2; height: 1; }
    ChecklistScreen #questions { height: 1fr; margin: 1 1 0 1; }
    ChecklistScreen #note-label { padding: 0 2; height: 1; color: $text-muted; }
    ChecklistScreen #note { margin: 0 1 1 1; }
    """

    def __init__(self, part: str) -> None:
        self.part = part
        self.NAME = f"checklist-{part}"
        super().__init__()

    def screen_title(self) -> str:
        return self.t("screen.checklist", part=self._part_name())

    def _part_name(self) -> str:
        if self.part == "readiness":
            return self.method.readiness.name(self.lang)
        return self.method.phase(self.part).name(self.lang)

    def guidance_text(self) -> str | None:
        return self.t("checklist.guidance")

    def compose_body(self) -> ComposeResult:
        yield Static("", id="checklist-progress")
        table: DataTable[Text] = DataTable(id="questions", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(Content(self.t("checklist.note_label")), id="note-label")
        yield Input(id="note", placeholder=self.t("checklist.note_placeholder"))

    def populate(self) -> None:
        table = self.query_one("#questions", DataTable)
        table.add_column(cell(self.t("checklist.question")), key="question")
        table.add_column(cell(self.t("checklist.answer")), key="answer", width=10)
        table.add_column(cell(self.t("checklist.note")), key="note")
        for item in self.method.checklist(self.part):
            table.add_row(*self._cells(item.id, item.text(self.lang)), key=item.id)
        table.focus()
        self._show_progress()
        self._load_note()

    def _cells(self, item_id: str, question: str) -> tuple[Text, Text, Text]:
        answer = self.session.project.checklists.get(item_id) or ChecklistAnswer()
        label = self.t(ANSWER_KEYS[answer.answer]) if answer.answer else "–"
        note = answer.note.replace("\n", " ")
        return cell(question), cell(label), cell(note)

    def _show_progress(self) -> None:
        progress = checklist_progress(self.session.project, self.method, self.part)
        self.query_one("#checklist-progress", Static).update(Content(
            f"{progress_bar(progress.score)}   {progress.answered}/{progress.total}"))

    def current_item(self) -> str | None:
        """The id of the question under the cursor."""
        table = self.query_one("#questions", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _set(self, item_id: str, label: str, merge: str | None = None, *, shown: str = "",
             whole: bool = False, **fields: object) -> None:
        """Set fields of one answer: its own fields when it is there, else the whole answer; with
        ``whole``, always the whole answer (typing a note: one path, so the keystrokes are one step)."""
        at = ("checklists", item_id)
        current = self.session.project.checklists.get(item_id)
        if current is not None and not whole:
            changes = self.changes.set_fields(at, **fields)
        else:
            new = (current or ChecklistAnswer()).model_copy(update=fields)
            changes = self.changes.set(at, new) if current is not None or new != ChecklistAnswer() else []
        self.apply_changes(label, changes, merge_key=merge, answer=shown)

    def action_answer(self, answer: str | None) -> None:
        """Answer the question under the cursor and move to the next one."""
        item = self.current_item()
        if item is None:
            return
        self._set(item, "edit.answer", shown=Message(ANSWER_KEYS[answer]) if answer else "–", answer=answer)
        table = self.query_one("#questions", DataTable)
        table.move_cursor(row=table.cursor_row + 1)

    def action_delete_answer(self) -> None:
        """Delete the answer and the note of the question under the cursor (Ctrl+Z brings them back)."""
        item = self.current_item()
        if item is not None:
            self.apply_changes("checklist.delete", self.changes.set(("checklists", item), MISSING))

    def action_answer_en(self, answer: str | None) -> None:
        """The English keys (y, p) for the same answers; a separate action so the footer shows them."""
        self.action_answer(answer)

    def action_edit_note(self) -> None:
        """Write a note on the question under the cursor."""
        self.query_one("#note", Input).focus()

    @on(DataTable.RowHighlighted, "#questions")
    def _row_moved(self) -> None:
        self._load_note()

    @on(DataTable.RowSelected, "#questions")
    def _row_selected(self) -> None:
        self.action_edit_note()

    def _load_note(self) -> None:
        item = self.current_item()
        answer = self.session.project.checklists.get(item) if item else None
        note = self.query_one("#note", Input)
        with note.prevent(Input.Changed):
            note.value = answer.note if answer else ""

    @on(Input.Changed, "#note")
    def _note_typed(self, event: Input.Changed) -> None:
        item = self.current_item()
        if item is not None:
            self._set(item, "edit.note", merge=f"checklist-note:{item}", whole=True, note=event.value)

    @on(Input.Submitted, "#note")
    def _note_done(self) -> None:
        self.query_one("#questions", DataTable).focus()

    def project_changed(self) -> None:
        super().project_changed()
        touched = self.changed_items(("checklists",))
        if touched == set():
            return  # nothing on this screen changed
        table = self.query_one("#questions", DataTable)
        for item in self.method.checklist(self.part):
            if touched is None or item.id in touched:
                _, answer, note = self._cells(item.id, "")
                table.update_cell(item.id, "answer", answer)
                table.update_cell(item.id, "note", note)
        self._show_progress()
        if not self.query_one("#note", Input).has_focus:
            self._load_note()

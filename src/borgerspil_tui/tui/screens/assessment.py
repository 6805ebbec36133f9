"""Organisation: where the organisation stands on each dimension, from system-centred (1) to
citizen-centred (5), with a note."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.model.organisation import DimensionAssessment
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.row_table import RowTable


ASSESSMENT = ("organisation", "assessment")
"""Where the assessment lives: a map from the method's dimension ids."""


def scale(position: int | None) -> str:
    """``●●●○○`` for 3 of 5; ``·····`` when not placed."""
    return "·····" if position is None else "●" * position + "○" * (5 - position)


class AssessmentScreen(BaseScreen):
    """Four dimensions; a digit 1–5 places the organisation, e writes why."""

    NAME = "assessment"
    part = "organisation"
    SCREEN_COMMANDS = [
        *[Command(f"place({n})", str(n), "assessment.place", "help.assessment_place", show=n == 1)
          for n in range(1, 6)],
        Command("place(0)", "delete", "assessment.clear", "help.assessment_clear", show=False),
        Command("edit_note", "e", "list.edit", "help.notes_edit"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    AssessmentScreen #dimensions { height: auto; margin: 0 1; }
    AssessmentScreen #dimension-detail { height: auto; padding: 1 2; }
    """

    def guidance_text(self) -> str | None:
        return self.t("assessment.guidance")

    def compose_body(self) -> ComposeResult:
        yield RowTable(id="dimensions", cursor_type="row")
        yield Static("", id="dimension-detail")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        table = self.query_one("#dimensions", DataTable)
        table.clear(columns=True)
        for key, width in (("assessment.dimension", 26), ("assessment.position", 12), ("notes.note", None)):
            table.add_column(cell(self.t(key)), key=key, width=width)
        self.fill()
        table.focus()

    def fill(self) -> None:
        """Show the dimensions and where the organisation stands."""
        table = self.query_one("#dimensions", DataTable)
        row = table.cursor_row
        table.clear()
        for dimension in self.method.organisation.dimensions:
            position, note = self._cells(dimension.id)
            table.add_row(cell(dimension.name(self.lang)), position, note, key=dimension.id)
        table.move_cursor(row=row)
        self._detail()

    def _cells(self, dimension_id: str) -> tuple[Text, Text]:
        found = self.session.project.organisation.assessment.get(dimension_id) or DimensionAssessment()
        return cell(scale(found.position)), cell(found.note.replace("\n", " "))

    def project_changed(self) -> None:
        super().project_changed()
        touched = self.changed_items(ASSESSMENT)
        if touched is None:
            self.fill()
            return
        table = self.query_one("#dimensions", DataTable)
        for dimension_id in touched:
            if dimension_id in table.rows:
                position, note = self._cells(dimension_id)
                table.update_cell(dimension_id, "assessment.position", position)
                table.update_cell(dimension_id, "notes.note", note)

    def current_id(self) -> str:
        """The dimension under the cursor."""
        table = self.query_one("#dimensions", DataTable)
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowHighlighted, "#dimensions")
    def _detail(self) -> None:
        dimension = next(d for d in self.method.organisation.dimensions if d.id == self.current_id())
        self.query_one("#dimension-detail", Static).update(Content(self.t(
            "assessment.ends", system=dimension.system_centred(self.lang), citizen=dimension.citizen_centred(self.lang))))

    def _set(self, label: str, dimension: str | None = None, **fields: object) -> None:
        """Set fields of one dimension's assessment (the whole assessment when there is none yet)."""
        dimension = dimension or self.current_id()
        at = (*ASSESSMENT, dimension)
        current = self.session.project.organisation.assessment.get(dimension)
        if current is not None:
            changes = self.changes.set_fields(at, **fields)
        else:
            new = DimensionAssessment().model_copy(update=fields)
            changes = self.changes.set(at, new) if new != DimensionAssessment() else []
        self.apply_changes(label, changes)

    def action_place(self, position: int) -> None:
        """Place the organisation on the dimension under the cursor (Delete clears)."""
        self._set("assessment.place", position=position or None)

    def action_edit_note(self) -> None:
        """Write why the organisation stands there."""
        found = self.session.project.organisation.assessment.get(self.current_id())
        self.query_one(EditBar).open(self.t("notes.prompt"), self.current_id(), found.note if found else "")

    @on(DataTable.RowSelected, "#dimensions")
    def _selected(self) -> None:
        self.action_edit_note()

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        self._set("notes.note", event.purpose, note=event.text.strip())
        self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#dimensions", DataTable).focus()

"""Skab: the concepts — a list with status, ideas, test rounds and the SUCCES verdict."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core import succes
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept
from borgerspil_tui.core.model.links import unlink
from borgerspil_tui.core.session import EditRefused
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar

STATUSES = ("sketch", "prototype", "tested", "chosen", "dropped")


def last_tested(concept: Concept) -> str:
    """The date of the latest test round, or empty."""
    dates = [t.date for t in concept.tests if t.date is not None]
    return max(dates).isoformat() if dates else ""


class ConceptsScreen(BaseScreen):
    """Every concept; Enter opens its card."""

    NAME = "concepts"
    part = "create"
    SCREEN_COMMANDS = [
        Command("open_card", "enter", "concepts.open", "help.concepts_open"),
        Command("add", "n", "concepts.add", "help.concepts_add"),
        Command("cycle_status", "s", "concepts.status", "help.concepts_status"),
        Command("open_succes", "u", "concepts.succes", "help.concepts_succes"),
        Command("delete", "delete", "list.delete", "help.list_delete"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    ConceptsScreen #concept-list { height: 1fr; margin: 0 1; }
    ConceptsScreen #concepts-empty { padding: 1 2; color: $text-muted; }
    """

    def guidance_text(self) -> str | None:
        step = next(s for s in self.method.phase("create").steps if s.id == "make-concepts")
        return step.guidance(self.lang) if step.guidance else None

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t("concepts.empty")), id="concepts-empty")
        yield DataTable(id="concept-list", cursor_type="row", zebra_stripes=True)
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        table = self.query_one("#concept-list", DataTable)
        table.clear(columns=True)
        for key in ("concepts.title", "concepts.status", "concepts.ideas", "concepts.rounds", "concepts.last",
                    "concepts.verdict"):
            table.add_column(cell(self.t(key)), key=key)
        self.fill()
        table.focus()

    def fill(self) -> None:
        """Show the concepts from the project."""
        table = self.query_one("#concept-list", DataTable)
        row = table.cursor_row
        table.clear()
        concepts = self.session.project.create.concepts
        for concept in concepts:
            verdict = succes.check(concept, self.method).verdict
            table.add_row(cell(concept.title), cell(self.t(f"concept.status_{concept.status}")),
                          cell(str(len(concept.ideas))), cell(str(len(concept.tests))), cell(last_tested(concept)),
                          cell(self.t(f"succes.verdict_{verdict}")), key=concept.id)
        self.query_one("#concepts-empty").display = not concepts
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def project_changed(self) -> None:
        super().project_changed()
        self.fill()

    def current_id(self) -> str | None:
        """The concept under the cursor."""
        table = self.query_one("#concept-list", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _edit(self, label: str, change) -> bool:  # noqa: ANN001
        try:
            self.session.edit(self.t(label), change)
        except EditRefused as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        return True

    def action_open_card(self) -> None:
        """Open the card of the concept under the cursor."""
        concept_id = self.current_id()
        if concept_id is not None:
            self.bapp.current_concept = concept_id
            self.bapp.action_goto("concept-card")

    @on(DataTable.RowSelected, "#concept-list")
    def _selected(self) -> None:
        self.action_open_card()

    def action_open_succes(self) -> None:
        """Open the SUCCES check of the concept under the cursor."""
        concept_id = self.current_id()
        if concept_id is not None:
            self.bapp.current_concept = concept_id
            self.bapp.action_goto("succes")

    def action_add(self) -> None:
        """A new concept: type its title."""
        self.query_one(EditBar).open(self.t("concepts.prompt_add"), "add")

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        title = event.text.strip()
        self.query_one(EditBar).close()
        if title:
            concept = Concept(title=title)
            if self._edit("concepts.add", lambda p: p.create.concepts.append(concept)):
                self.bapp.current_concept = concept.id
                self.bapp.action_goto("concept-card")
                return
        self.query_one("#concept-list").focus()

    @on(EditBar.Cancelled)
    def _cancelled(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#concept-list").focus()

    def action_cycle_status(self) -> None:
        """Sketch → prototype → tested → chosen → dropped."""
        concept_id = self.current_id()
        if concept_id is None:
            return

        def change(project: Project) -> None:
            concept = next(c for c in project.create.concepts if c.id == concept_id)
            concept.status = STATUSES[(STATUSES.index(concept.status) + 1) % len(STATUSES)]

        self._edit("concepts.status", change)

    def action_delete(self) -> None:
        """Delete the concept under the cursor (Ctrl+Z brings it back)."""
        concept_id = self.current_id()
        if concept_id is None:
            return

        def change(project: Project) -> None:
            project.create.concepts = [c for c in project.create.concepts if c.id != concept_id]
            unlink(project, {concept_id})

        self._edit("list.delete", change)

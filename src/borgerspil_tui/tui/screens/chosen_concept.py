"""Insistér: which concept is taken forward — the project's concepts, each with its SUCCES
verdict beside it, the chosen one marked. Every Insistér tool names it in its title line."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core import succes
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.row_table import RowTable

TITLE_CUT = 40
"""A concept's title in a title line is cut after this many characters (the project's title follows)."""
CELL_CUT = 80
"""A concept's title in the table and the summary is cut after this many characters."""


def cut(text: str, width: int) -> str:
    """One line of at most ``width`` characters (… when cut)."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[:width - 1] + "…"


def chosen_concept(project: Project) -> Concept | None:
    """The concept being taken forward, or None (none chosen, or the one chosen is gone)."""
    chosen = project.insist.concept
    if chosen is None:
        return None
    return next((c for c in project.create.concepts if c.id == chosen), None)


def concept_line(project: Project, lang: str) -> str:
    """What an Insistér tool's title line says about the chosen concept, in ``lang``."""
    concept = chosen_concept(project)
    if concept is None:
        return tr(lang, "chosen.none_line")
    return tr(lang, "chosen.title_line", title=cut(concept.title, TITLE_CUT))


class ChosenConceptScreen(BaseScreen):
    """The concepts with status and SUCCES verdict; Enter chooses one, Delete clears the choice."""

    NAME = "chosen-concept"
    part = "insist"
    SCREEN_COMMANDS: ClassVar[list[Command]] = [
        Command("choose", "enter", "chosen.choose", "help.chosen_choose"),
        Command("clear_choice", "delete", "chosen.clear", "help.chosen_clear"),
        Command("clear_choice", "backspace", "chosen.clear", "help.chosen_clear", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    ChosenConceptScreen #concepts { height: 1fr; margin: 0 1; }
    ChosenConceptScreen #concepts-empty { padding: 1 2; color: $text-muted; height: auto; }
    ChosenConceptScreen #chosen-summary { height: auto; padding: 0 2; text-style: bold; }
    """

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "show-value")

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t("chosen.empty")), id="concepts-empty")
        yield RowTable(id="concepts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="chosen-summary")

    def populate(self) -> None:
        table = self.query_one("#concepts", DataTable)
        table.clear(columns=True)
        for key in ("chosen.col_mark", "chosen.col_succes", "chosen.col_status", "chosen.col_title"):
            table.add_column(cell(self.t(key)), key=key)
        self.fill()
        table.focus()

    def _verdict(self, concept: Concept) -> str:
        result = succes.check(concept, self.method)
        return self.t("chosen.verdict", verdict=self.t(f"chosen.verdict_{result.verdict}"), score=result.score,
                      most=2 * len(result.ratings))

    def fill(self) -> None:
        """Show the concepts, keeping the cursor on the same one (each edit here is small: all again)."""
        project = self.session.project
        table = self.query_one("#concepts", DataTable)
        current = self.current_id()
        table.clear()
        for concept in project.create.concepts:
            mark = self.t("chosen.mark") if concept.id == project.insist.concept else ""
            table.add_row(cell(mark), cell(self._verdict(concept)), cell(self.t(f"concept.status_{concept.status}")),
                          cell(cut(concept.title, CELL_CUT)), key=concept.id)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))
        self.query_one("#concepts-empty").display = not project.create.concepts
        chosen = chosen_concept(project)
        summary = self.t("chosen.summary", title=cut(chosen.title, CELL_CUT)) if chosen else self.t("chosen.summary_none")
        self.query_one("#chosen-summary", Static).update(Content(summary) if project.create.concepts else "")

    def project_changed(self) -> None:
        super().project_changed()
        self.fill()

    def current_id(self) -> str | None:
        """The id of the concept under the cursor."""
        table = self.query_one("#concepts", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @on(DataTable.RowSelected, "#concepts")
    def _row_selected(self) -> None:
        self.action_choose()

    def action_choose(self) -> None:
        """Take the concept under the cursor forward (one undoable change)."""
        concept_id = self.current_id()
        if concept_id is not None and concept_id != self.session.project.insist.concept:
            self.apply_changes("chosen.chose", self.changes.set(("insist", "concept"), concept_id))

    def action_clear_choice(self) -> None:
        """No concept is taken forward (Ctrl+Z brings the choice back)."""
        if self.session.project.insist.concept is not None:
            self.apply_changes("chosen.cleared", self.changes.set(("insist", "concept"), None))

"""Fokusér: the process design grid — the four phases × time, methods, deliverables, resources and
critical points, with the totals of time and budget and who does the work."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.changes import SetValue, plain
from borgerspil_tui.core.model.focus import ProcessRow
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.table_rows import FollowsChanges, set_row
from borgerspil_tui.tui.widgets.edit_bar import EditBar

COLUMNS = ("timeframe", "weeks", "methods", "deliverables", "people", "external", "budget", "done_by",
           "critical_points")
NUMBERS = ("weeks", "budget")
DONE_BY = ("team", "external", "both")
ROWS = ("focus", "process")
"""Where the grid's rows are: one per phase that has any, in the method's order, keyed by phase."""


def parse_number(text: str) -> float | None:
    """``30.000 kr`` → 30000, ``2,5`` → 2.5, empty → None; raises ValueError for anything else."""
    cleaned = re.sub(r"(kr\.?|uger?|weeks?|dkk)", "", text.strip().lower()).strip()
    if not cleaned:
        return None
    cleaned = cleaned.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", cleaned):  # Danish thousands: 30.000,50
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


def format_number(value: float | None) -> str:
    """30000.0 → ``30.000``; 2.5 → ``2,5``."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".").rstrip("0").rstrip(",")


class ProcessScreen(FollowsChanges, BaseScreen):
    """A grid with one row per phase; Enter edits a cell, t changes who does the phase's work."""

    NAME = "process"
    part = "focus"
    SCREEN_COMMANDS = [
        Command("edit_cell", "e", "process.edit", "help.process_edit"),
        Command("cycle_done_by", "t", "process.done_by", "help.process_done_by"),
        Command("clear_cell", "delete", "process.clear", "help.process_clear"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    ProcessScreen #grid { height: auto; max-height: 1fr; margin: 0 1; }
    ProcessScreen #totals { padding: 1 2; height: 1fr; text-style: bold; }
    """

    def guidance_text(self) -> str | None:
        return self.step_guidance("focus", "design-process")

    def compose_body(self) -> ComposeResult:
        yield DataTable(id="grid", cursor_type="cell", zebra_stripes=True, fixed_columns=1)
        yield Static("", id="totals")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        table = self.query_one("#grid", DataTable)
        table.clear(columns=True)
        table.add_column(cell(self.t("process.phase")), key="phase")
        for column in COLUMNS:
            table.add_column(cell(self.t(f"process.{column}")), key=column)
        self.fill()
        table.focus()
        table.move_cursor(column=1)

    def _row(self, phase: str) -> ProcessRow | None:
        return self.changes.get((*ROWS, phase), None)

    def _value(self, row: ProcessRow | None, column: str) -> str:
        if row is None:
            return ""
        value = getattr(row, column)
        if column in NUMBERS:
            return format_number(value)
        if column == "done_by":
            return self.t(f"process.by_{value}")
        return str(value).replace("\n", " ")

    def _cells(self, phase_id: str, name: str) -> list:
        row = self._row(phase_id)
        return [cell(name), *(cell(self._value(row, c)) for c in COLUMNS)]

    def fill(self) -> None:
        """Show the grid and the totals from the project."""
        self.shown()
        table = self.query_one("#grid", DataTable)
        coordinate = table.cursor_coordinate
        table.clear()
        for phase in self.method.phases:
            table.add_row(*self._cells(phase.id, phase.name(self.lang)), key=phase.id)
        table.move_cursor(row=coordinate.row, column=coordinate.column)
        self._totals()

    def _totals(self) -> None:
        rows = self.session.project.focus.process
        weeks = sum(r.weeks or 0 for r in rows)
        budget = sum(r.budget or 0 for r in rows)
        by = {who: sum(1 for r in rows if r.done_by == who) for who in DONE_BY}
        self.query_one("#totals", Static).update(Content(self.t(
            "process.totals", weeks=format_number(weeks), budget=format_number(budget), team=by["team"],
            external=by["external"], both=by["both"])))

    def project_changed(self) -> None:
        super().project_changed()
        change = self.news()
        if change is None:
            self.fill()
            return
        touched = change.items_touched(ROWS)
        if touched == set():
            return
        table = self.query_one("#grid", DataTable)
        for phase in self.method.phases:  # the phases the edit touched (all four when a row came or went)
            if touched is None or phase.id in touched:
                set_row(table, phase.id, self._cells(phase.id, phase.name(self.lang)))
        self._totals()

    def _where(self) -> tuple[str, str | None]:
        table = self.query_one("#grid", DataTable)
        key = table.coordinate_to_cell_key(table.cursor_coordinate)
        column = str(key.column_key.value)
        return str(key.row_key.value), (column if column in COLUMNS else None)

    def _set(self, phase: str, column: str, value: object) -> bool:
        if self._row(phase) is not None:
            return self.apply_changes(f"process.{column}", self.changes.set((*ROWS, phase, column), value))
        order = [p.id for p in self.method.phases]
        index = sum(1 for r in self.session.project.focus.process if order.index(r.phase) < order.index(phase))
        new = ProcessRow(phase=phase)
        # the value as a change of its own, so the session checks it (and words a refusal)
        return self.apply_changes(f"process.{column}", [
            *self.changes.add(ROWS, new, index), SetValue((*ROWS, phase, column), plain(getattr(new, column)), value)])

    def action_edit_cell(self) -> None:
        """Edit the cell under the cursor in the bar below."""
        phase, column = self._where()
        if column is None:
            self.notify(self.t("process.phase_fixed"), timeout=4)
            return
        if column == "done_by":
            self.action_cycle_done_by()
            return
        row = self._row(phase)
        current = self._value(row, column) if column in NUMBERS else (getattr(row, column) if row else "")
        name = self.method.phase(phase).name(self.lang)
        self.query_one(EditBar).open(f"{name} · {self.t(f'process.{column}')}:", f"{phase}:{column}", current)

    @on(DataTable.CellSelected, "#grid")
    def _cell_selected(self) -> None:
        self.action_edit_cell()

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        phase, column = event.purpose.split(":")
        text = event.text.strip()
        if column in NUMBERS:
            try:
                value: object = parse_number(text)
            except ValueError:
                self.refuse(self.t("process.not_a_number", text=text))
                return
        else:
            value = text
        if self._set(phase, column, value):
            self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#grid", DataTable).focus()

    def action_cycle_done_by(self) -> None:
        """The team itself → outside help → both, for the phase under the cursor."""
        phase, _ = self._where()
        row = self._row(phase)
        current = row.done_by if row else "team"
        self._set(phase, "done_by", DONE_BY[(DONE_BY.index(current) + 1) % len(DONE_BY)])

    def action_clear_cell(self) -> None:
        """Empty the cell under the cursor."""
        phase, column = self._where()
        if column is None:
            self.notify(self.t("process.phase_fixed"), timeout=4)
        elif column != "done_by":
            self._set(phase, column, None if column in NUMBERS else "")

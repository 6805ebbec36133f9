"""Konflikter: what a merge could not decide, one row each; for the highlighted one the common
base, ours and theirs side by side, and a key for each choice (core/conflict_resolve).

Each choice is one undoable edit ("Konflikt løst: …") that sets the chosen value and removes the
conflict, autosaved like any other. When the last one is resolved the screen says so and goes
back to where the user was.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.conflict_resolve import (
    Unresolvable,
    conflict_choices,
    resolve,
    still_there,
)
from borgerspil_tui.core.conflict_sides import side_details
from borgerspil_tui.core.model.conflicts import Conflict
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.conflict_editing import ConflictEditing
from borgerspil_tui.tui.widgets.edit_area import EditArea
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.row_table import RowTable

CONFLICT_COMMANDS = [
    Command("choose('ours')", "o", "conflicts.key_ours", "help.conflicts_ours"),
    Command("choose('theirs')", "t", "conflicts.key_theirs", "help.conflicts_theirs"),
    Command("choose('both')", "b", "conflicts.key_both", "help.conflicts_both"),
    Command("edit", "e", "conflicts.key_edit", "help.conflicts_edit"),
    Command("save_typed", "ctrl+s", "key.save", "help.save", show=False),
]

SIDES = ("base", "ours", "theirs")
CELL_WIDTH = 60
"""Characters of a text shown in the table (all of it is in the line under the table)."""
PART_SCREENS = {"readiness": "readiness", "focus": "phase-focus", "experience": "phase-experience",
                "create": "phase-create", "insist": "phase-insist", "organisation": "organisation"}


def short(text: str, width: int = CELL_WIDTH) -> str:
    """One line of at most ``width`` characters, with … where it was cut."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[:width - 1] + "…"


class ConflictsScreen(ConflictEditing, BaseScreen):
    """The conflicts a merge recorded in the file, and the choice for each: ours, theirs, both, edit."""

    NAME = "conflicts"
    SCREEN_COMMANDS = CONFLICT_COMMANDS
    BINDINGS = bindings(SCREEN_COMMANDS)

    DEFAULT_CSS = """
    ConflictsScreen #conflicts-intro { height: auto; padding: 0 1; color: $text-muted; }
    ConflictsScreen #conflicts-empty { height: auto; padding: 1 2; color: $text-muted; }
    ConflictsScreen #conflicts { height: auto; max-height: 35%; margin: 0 1; }
    ConflictsScreen #conflict-about { height: auto; max-height: 3; padding: 0 1; text-style: bold; }
    ConflictsScreen #sides { height: 1fr; margin: 0 1; }
    ConflictsScreen .side { width: 1fr; height: 1fr; }
    ConflictsScreen .side-heading { height: 1; padding: 0 1; background: $boost; text-style: bold; }
    ConflictsScreen #side-ours .side-heading { color: $text-success; }
    ConflictsScreen #side-theirs .side-heading { color: $text-warning; }
    ConflictsScreen .side-scroll { height: 1fr; overflow-x: hidden; }
    ConflictsScreen .side-text { height: auto; padding: 0 1; }
    """

    leaving_when_done = True
    """Whether resolving the last conflict takes the user back (not while the screen commits on leaving)."""

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t("conflicts.intro")), id="conflicts-intro")
        yield Static(Content(self.t("conflicts.empty")), id="conflicts-empty")
        yield RowTable(id="conflicts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="conflict-about")
        with Horizontal(id="sides"):
            for side in SIDES:
                with VerticalScroll(id=f"side-{side}", classes="side"):
                    yield Static(Content(self.t(f"conflicts.{side}")), classes="side-heading")
                    yield Static("", id=f"text-{side}", classes="side-text")
        yield EditBar(id="edit-bar")
        yield EditArea(self.t("conflicts.area_keys"), id="edit-area")

    # -- filling --------------------------------------------------------------------------------
    def populate(self) -> None:
        table = self.query_one("#conflicts", DataTable)
        table.clear(columns=True)
        table.add_column(cell(self.t("conflicts.column_about")), key="about")
        table.add_column(cell(self.t("conflicts.column_where")), key="where")
        self.fill()
        table.focus()

    def fill(self) -> None:
        """Show the conflicts from the project, keeping the cursor on the same row (or the next)."""
        table = self.query_one("#conflicts", DataTable)
        row = table.cursor_row
        table.clear()
        conflicts = self.session.project.conflicts
        for conflict in conflicts:
            table.add_row(cell(short(conflict.about or conflict.where)), cell(self.where_words(conflict)),
                          key=conflict.id)
        if conflicts:
            table.move_cursor(row=max(0, min(row, len(conflicts) - 1)))
        for widget in ("#conflicts", "#conflict-about", "#sides"):
            self.query_one(widget).display = bool(conflicts)
        self.query_one("#conflicts-empty").display = not conflicts
        self.show_sides()

    def where_words(self, conflict: Conflict) -> str:
        """Where the conflict is, in words: the part of the method, and what kind of clash."""
        first = conflict.where.split(".", 1)[0]
        if first == "checklists":
            part = conflict.where.split(".")[1].split("-")[0] if "." in conflict.where else ""
            screen = f"checklist-{part}" if part in ("readiness", "focus", "experience", "create", "insist") else ""
        else:
            screen = PART_SCREENS.get(first, "")
        kind = self.t(f"conflict.kind_{conflict.kind}")
        return f"{self.t(f'screen.{screen}')} · {kind}" if screen else kind

    @on(DataTable.RowHighlighted, "#conflicts")
    def show_sides(self) -> None:
        """Show the three sides of the highlighted conflict."""
        conflict = self.current()
        about = "" if conflict is None else conflict.about or conflict.where
        self.query_one("#conflict-about", Static).update(Content(about))
        for side in SIDES:
            text = "" if conflict is None else self.side_text(conflict, side)
            self.query_one(f"#text-{side}", Static).update(Content(text))
        self.refresh_bindings()

    def side_text(self, conflict: Conflict, side: str) -> str:
        """One side as the panes show it: the text or value, or an item's title and its fields."""
        return side_details(conflict, side, self.lang, self.session.project)  # type: ignore[arg-type]

    def project_changed(self) -> None:
        super().project_changed()
        if self.is_mounted:
            self.fill()

    # -- which keys work ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``b`` only for texts and lists, ``e`` only for texts and values, none without a conflict."""
        if action in ("choose", "edit") and self.is_mounted and self.bapp.session is not None:
            conflict = self.current()
            if conflict is None:
                return False
            wanted = "edit" if action == "edit" else str(parameters[0]) if parameters else ""
            if wanted not in conflict_choices(conflict):
                return False
        return super().check_action(action, parameters)

    def current(self) -> Conflict | None:
        """The conflict under the cursor."""
        table = next(iter(self.query("#conflicts").results(DataTable)), None)
        if table is None or not table.row_count or not table.display:
            return None  # (none while the screen is made again in a new language)
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.conflict(str(key))

    def conflict(self, conflict_id: str) -> Conflict | None:
        """The conflict with this id, if it is still in the project."""
        return next((c for c in self.session.project.conflicts if c.id == conflict_id), None)

    # -- choosing -------------------------------------------------------------------------------
    def action_choose(self, choice: str) -> None:
        """Keep ours, take theirs, or keep both, for the highlighted conflict."""
        conflict = self.current()
        if conflict is None:
            return
        if choice not in conflict_choices(conflict):
            self.notify(self.t("conflicts.not_here"), severity="warning", markup=False)
            return
        self.choose(conflict, choice)

    def choose(self, conflict: Conflict, choice: str, text: str | None = None) -> bool:
        """Resolve ``conflict`` as one undoable edit; True when it was."""
        gone = not still_there(self.changes, conflict)
        try:
            changes = resolve(self.changes, conflict, choice, text)  # type: ignore[arg-type]
        except Unresolvable as refused:
            self.refuse(self.t(refused.key))
            return False
        if not self.apply_changes("conflict.resolved", changes, about=conflict.about or conflict.where):
            return False
        if gone:
            self.notify(self.t("conflicts.gone"), severity="warning", timeout=8, markup=False)
        if not self.session.project.conflicts and not self._leaving:
            self.notify(self._all_resolved_text(), markup=False, timeout=12)
            self.call_later(self._leave)
        return True

    def _all_resolved_text(self) -> str:
        """"All resolved", and when git still holds the file unmerged, how to finish the merge."""
        from borgerspil_tui.core.disk_sync import merge_state

        state = merge_state(self.session.path)
        if state is not None and state.unmerged:
            return self.t("conflicts.all_resolved_git", name=self.session.path.name)
        return self.t("conflicts.all_resolved")

    def _leave(self) -> None:
        if self.is_attached and self.app.screen is self and not self.session.project.conflicts:
            self.set_focus(None)  # not in a field: Esc's way back would only leave the field
            self.bapp.action_back()

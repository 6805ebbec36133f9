"""The home screen: the projects in this folder, a new one, or the demo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.overview import project_status
from borgerspil_tui.core.problems import FileProblemError, Problem
from borgerspil_tui.core.storage import SUFFIX, load_project
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.row_table import RowTable


class HomeScreen(BaseScreen):
    """Lists ``*.borgerspil.yaml`` in the folder with title, progress and last change."""

    NAME = "home"
    SCREEN_COMMANDS = [
        Command("open_selected", "enter", "key.open", "help.open"),
        Command("new_project", "n", "key.new", "help.new"),
        Command("demo", "d", "key.demo", "help.demo"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    HomeScreen #folder { padding: 1 2 0 2; color: $text-muted; }
    HomeScreen #projects { height: 1fr; margin: 1 2; }
    HomeScreen #empty { padding: 1 2; }
    HomeScreen #hint { padding: 0 2; color: $text-error; height: auto; max-height: 3; }
    """

    def compose_body(self) -> ComposeResult:
        yield Static(Content(self.t("home.folder", folder=str(self.bapp.folder))), id="folder")
        table: DataTable[Text] = RowTable(id="projects", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="hint")
        yield Static(Content(self.t("home.empty")), id="empty")

    def populate(self) -> None:
        self.fill()

    def files(self) -> list[Path]:
        """The project files in the folder, newest first."""
        found = [p for p in self.bapp.folder.glob(f"*{SUFFIX}") if p.is_file()]
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def fill(self) -> None:
        """(Re)read the folder."""
        table = self.query_one("#projects", DataTable)
        table.clear(columns=True)
        for key in ("home.col.title", "home.col.progress", "home.col.changed", "home.col.file"):
            table.add_column(cell(self.t(key)), key=key)
        files = self.files()
        self._unreadable: dict[str, Problem] = {}
        """The first problem of each file that cannot be read, shown under the list."""
        for path in files:
            changed = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            try:
                project = load_project(path).project
            except FileProblemError as error:
                title, progress = self.t("home.unreadable"), "—"
                if error.problems:
                    self._unreadable[str(path)] = error.problems[0]
            else:
                statuses = project_status(project, self.method, self.lang)
                title = project.title
                progress = " ".join(f"{s.name[:1]}{round(s.progress * 100)}" for s in statuses[1:5])
            table.add_row(cell(title), cell(progress), cell(changed), cell(path.name), key=str(path))
        self.query_one("#empty").display = not files
        table.display = bool(files)
        if files:
            table.focus()

    @on(DataTable.RowHighlighted, "#projects")
    def _show_hint(self, event: DataTable.RowHighlighted) -> None:
        """Under the list: why the file under the cursor cannot be read, in the app's language."""
        problem = getattr(self, "_unreadable", {}).get(str(event.row_key.value))
        hint = self.query_one("#hint", Static)
        hint.update(Content(problem.format(Path(str(event.row_key.value)).name, self.lang)) if problem else "")

    def action_open_selected(self) -> None:
        """Open the project under the cursor."""
        table = self.query_one("#projects", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self.bapp.open_project(Path(str(key)))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.bapp.open_project(Path(str(event.row_key.value)))

    def action_new_project(self) -> None:
        """Start the new-project wizard."""
        self.bapp.action_new_project()

    def action_demo(self) -> None:
        """Open a copy of the bundled example."""
        self.bapp.open_demo()

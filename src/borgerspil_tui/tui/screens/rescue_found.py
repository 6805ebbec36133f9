"""Shown when a project is opened that has a rescue copy: bring it in, compare, delete, or later."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from borgerspil_tui.core.compare import compare_projects, describe, summary
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.rescue import rescue_time
from borgerspil_tui.core.storage import load_project


class RescueFoundScreen(ModalScreen[str | None]):
    """One rescue copy: what it is, how it differs; answers ``restore``, ``delete`` or None (later)."""

    DEFAULT_CSS = """
    RescueFoundScreen { align: center middle; }
    RescueFoundScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    RescueFoundScreen #rescue-title { text-style: bold; margin-bottom: 1; }
    RescueFoundScreen #rescue-summary { margin-top: 1; }
    RescueFoundScreen #rescue-details { height: auto; max-height: 12; margin-top: 1; }
    RescueFoundScreen #rescue-details.-hidden { display: none; }
    RescueFoundScreen #rescue-ask { color: $text-warning; margin-top: 1; }
    RescueFoundScreen #rescue-ask.-hidden { display: none; }
    RescueFoundScreen Horizontal { height: auto; margin-top: 1; }
    RescueFoundScreen Button { margin-right: 1; }
    RescueFoundScreen Button.-hidden { display: none; }
    """
    BINDINGS = [Binding("escape", "later", show=False)]

    def __init__(self, rescue: Path, project: Project, older: int = 0) -> None:
        super().__init__()
        self.rescue = rescue
        self.project = project
        self.older = older
        self.lines: list[str] = []
        self.problem = ""

    @property
    def lang(self) -> str:
        """The UI language."""
        return self.app.language  # type: ignore[attr-defined]

    def t(self, key: str, **values: object) -> str:
        """A UI text in the app's language."""
        return tr(self.lang, key, **values)

    def compose(self) -> ComposeResult:
        try:
            rescued = load_project(self.rescue).project
        except FileProblemError as error:
            self.problem = error.problems[0].format(None, self.lang)
            differences = []
        else:
            differences = compare_projects(self.project, rescued)
            self.lines = describe(differences, self.lang, names=True)
        try:
            when = rescue_time(self.rescue).strftime("%Y-%m-%d %H:%M")
        except OSError:
            when = "?"
        with Vertical():
            yield Static(Content(self.t("rescue.title")), id="rescue-title")
            yield Static(Content(self.t("rescue.message", when=when, path=str(self.rescue))), id="rescue-message")
            if self.problem:
                said = self.t("rescue.broken", reason=self.problem)
            else:
                said = self.t("rescue.differs", summary=summary(differences, self.lang))
            yield Static(Content(said), id="rescue-summary")
            if self.older:
                more = self.t("rescue.more_one") if self.older == 1 else self.t("rescue.more", count=self.older)
                yield Static(Content(more), id="rescue-more")
            with VerticalScroll(id="rescue-details", classes="-hidden"):
                yield Static(Content(self.t("rescue.compare_title")))
                for line in self.lines or [self.t("compare.same")]:
                    yield Static(Content(f"• {line}"), classes="rescue-line")
            yield Static("", id="rescue-ask", classes="-hidden")
            with Horizontal():
                if not self.problem:
                    yield Button(Content(self.t("rescue.restore")), id="rescue-restore", variant="primary")
                    yield Button(Content(self.t("rescue.compare")), id="rescue-compare")
                yield Button(Content(self.t("rescue.delete")), id="rescue-delete", variant="error")
                yield Button(Content(self.t("rescue.delete_sure")), id="rescue-delete-sure", variant="error",
                             classes="-hidden")
                yield Button(Content(self.t("rescue.later")), id="rescue-later")

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice = (event.button.id or "").removeprefix("rescue-")
        if choice == "compare":
            self.query_one("#rescue-details").toggle_class("-hidden")
        elif choice == "delete":  # deleting is for good: asked once more, on a button of its own
            ask = self.query_one("#rescue-ask", Static)
            ask.update(Content(self.t("rescue.delete_ask")))
            ask.remove_class("-hidden")
            event.button.add_class("-hidden")
            sure = self.query_one("#rescue-delete-sure", Button)
            sure.remove_class("-hidden")
            sure.focus()
        elif choice == "delete-sure":
            self.dismiss("delete")
        elif choice == "later":
            self.dismiss(None)
        else:
            self.dismiss(choice)

    def action_later(self) -> None:
        """Close and ask again next time the project is opened."""
        self.dismiss(None)

"""What every screen of the app shares: title line, guidance, status line, translated footer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.session import EditRefused
from borgerspil_tui.tui.commands import Command
from borgerspil_tui.tui.widgets.guidance import Guidance
from borgerspil_tui.tui.widgets.status_line import StatusLine
from borgerspil_tui.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from borgerspil_tui.core.method import Method
    from borgerspil_tui.core.model import Project
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.tui.app import BorgerspilApp


class BaseScreen(Screen):
    """A full screen of the app. Subclasses give ``NAME``, ``SCREEN_COMMANDS`` and ``compose_body``."""

    NAME: ClassVar[str] = ""
    """The screen's name for the palette, help and ``borgerspil screenshot --screen``."""
    SCREEN_COMMANDS: ClassVar[list[Command]] = []
    """This screen's own commands (bindings are made from them)."""

    DEFAULT_CSS = """
    BaseScreen { layout: vertical; }
    BaseScreen > .title-line {
        height: 1; padding: 0 1; background: $primary; color: $text; text-style: bold;
    }
    BaseScreen > #body { height: 1fr; }
    """

    @property
    def bapp(self) -> BorgerspilApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    @property
    def lang(self) -> str:
        """The UI language."""
        return self.bapp.language

    @property
    def method(self) -> Method:
        """The method data."""
        return self.bapp.method

    @property
    def session(self) -> Session:
        """The open session (screens that need a project are only shown with one)."""
        assert self.bapp.session is not None
        return self.bapp.session

    def t(self, key: str, **values: object) -> str:
        """A UI text in the app's language."""
        return tr(self.lang, key, **values)

    def change_project(self, label: str, change: Callable[[Project], None], *, merge_key: str | None = None,
                       **values: object) -> bool:
        """Change the project through the session: one undo step named by the UI text ``label``.

        When the session refuses the edit (it would make the project invalid), the project is
        left as it was and the screen says why. Returns whether the edit was made.
        """
        try:
            self.session.edit(self.t(label, **values), change, merge_key=merge_key)
        except EditRefused as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        return True

    def step_guidance(self, phase: str, step: str) -> str | None:
        """The method's guidance for one step of a phase."""
        found = next((s for s in self.method.phase(phase).steps if s.id == step), None)
        return found.guidance(self.lang) if found is not None and found.guidance else None

    def title_text(self) -> str:
        """The title line: the screen's name, and the project's title when one is open."""
        name = self.screen_title()
        session = self.bapp.session
        return f"{name} · {session.project.title}" if session else name

    def screen_title(self) -> str:
        """The name of this screen in the UI language."""
        return self.t(f"screen.{self.NAME}")

    def guidance_text(self) -> str | None:
        """The method's guidance for this screen, or None."""
        return None

    def compose(self) -> ComposeResult:
        yield Static(Content(self.title_text()), classes="title-line", id="title-line")
        guidance = self.guidance_text()
        if guidance:
            box = Guidance(guidance, id="guidance")
            box.set_class(not self.bapp.settings.show_guidance, "-hidden")
            yield box
        yield from self.compose_body()
        yield StatusLine(id="status-line")
        yield KeyBar()

    def compose_body(self) -> ComposeResult:
        """The screen's own content."""
        yield from ()

    def on_mount(self) -> None:
        self.bapp.screen_listeners.add(self)
        self.populate()
        self.refresh_status()

    def populate(self) -> None:
        """Fill tables and lists after compose (again after a language switch)."""

    async def relabel(self) -> None:
        """Rebuild every text in the new language, keeping whatever is typed in the fields."""
        typed = {w.id: w.value for w in self.query(Input) if w.id}
        written = {w.id: w.text for w in self.query(TextArea) if w.id}
        await self.recompose()
        for widget in self.query(Input):
            if widget.id in typed:
                with widget.prevent(Input.Changed):
                    widget.value = typed[widget.id]
        for area in self.query(TextArea):
            if area.id in written:
                area.load_text(written[area.id])
        self.populate()
        self.refresh_status()

    def on_unmount(self) -> None:
        self.bapp.screen_listeners.discard(self)

    stale = False
    """The project changed while another screen was on top; refresh when shown again."""

    def on_screen_resume(self) -> None:
        if self.stale and self.is_mounted and self.bapp.session is not None:
            self.stale = False
            self.project_changed()

    def refresh_status(self) -> None:
        """Update title and status line from the session."""
        for status in self.query(StatusLine):
            status.show_session(self.bapp.session, self.lang)
        for title in self.query("#title-line").results(Static):
            title.update(Content(self.title_text()))

    def project_changed(self) -> None:
        """The project or its save state changed: refresh what the screen shows."""
        self.refresh_status()

    def show_guidance(self, visible: bool) -> None:
        """Show or hide the guidance box."""
        for box in self.query(Guidance):
            box.set_class(not visible, "-hidden")

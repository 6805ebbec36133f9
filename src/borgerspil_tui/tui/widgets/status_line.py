"""The line that says which file is open and whether every edit is on disk."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.session import SaveState, Session


class StatusLine(Static):
    """File name and save state: saved, unsaved, save failed, or changed on disk."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $panel; color: $foreground; }
    StatusLine.-failed, StatusLine.-conflict { background: $error; color: $text; text-style: bold; }
    StatusLine.-unsaved { color: $text-warning; }
    """

    def show_session(self, session: Session | None, lang: str) -> None:
        """Describe ``session`` (or say that no project is open)."""
        for state in SaveState:
            self.remove_class(f"-{state.value}")
        if session is None:
            self.update(Content(tr(lang, "status.no_project")))
            return
        self.add_class(f"-{session.state.value}")
        state = tr(lang, f"status.{session.state.value}")
        if session.state is SaveState.FAILED and session.last_error:
            state = f"{state}: {session.last_error}"
        self.update(Content(f"{session.path.name} · {state}"))

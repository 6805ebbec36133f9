"""Ask for a new file name to save the project under."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from borgerspil_tui.core.disk import write_refusal
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.storage import SUFFIX


class SaveAsScreen(ModalScreen[Path | None]):
    """A path field; Enter saves there (never over an existing file), Escape cancels."""

    DEFAULT_CSS = """
    SaveAsScreen { align: center middle; }
    SaveAsScreen > Vertical { width: 80; height: auto; padding: 1 2; border: thick $accent; background: $surface; }
    SaveAsScreen #save-as-error { color: $error; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, current: Path) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        lang = self.app.language  # type: ignore[attr-defined]
        copy = tr(lang, "save_as.copy")
        suggestion = self.current.with_name(self.current.name.removesuffix(SUFFIX) + f"-{copy}" + SUFFIX)
        with Vertical():
            yield Static(Content(tr(lang, "save_as.title")))
            yield Input(str(suggestion), id="save-as-path")
            yield Static("", id="save-as-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        lang = self.app.language  # type: ignore[attr-defined]
        raw = event.value.strip()
        path = Path(raw).expanduser()
        if raw and not path.name.endswith((".yaml", ".yml")):
            path = path.with_name(path.name + SUFFIX)
        error = ""
        if not raw:
            error = tr(lang, "save_as.empty")
        elif os.path.lexists(path):
            error = tr(lang, "save_as.exists")
        elif not path.parent.is_dir():
            error = tr(lang, "save_as.no_folder")
        elif (refusal := write_refusal(path)) is not None:
            error = refusal.text(lang)
        if error:
            self.query_one("#save-as-error", Static).update(Content(error))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

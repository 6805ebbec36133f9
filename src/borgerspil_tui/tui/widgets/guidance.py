"""The method's guidance for the tool on screen; the user can hide it (the choice is remembered)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Guidance(Static):
    """A calm box with the method's advice for what is on screen."""

    DEFAULT_CSS = """
    Guidance {
        height: auto; max-height: 8; padding: 0 2; margin: 0 1 1 1;
        border-left: thick $secondary; background: $boost; color: $foreground;
    }
    Guidance.-hidden { display: none; }
    """

    def __init__(self, text: str, *, id: str | None = None) -> None:
        super().__init__(Content(text), id=id)

    def set_text(self, text: str) -> None:
        """Show new guidance (plain text)."""
        self.update(Content(text))

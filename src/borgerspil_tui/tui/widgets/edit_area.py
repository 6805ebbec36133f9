"""A box at the bottom of a screen for writing a text of several lines: Enter makes a new line,
Ctrl+S takes the text, Escape cancels (the one-line :class:`EditBar` is for titles and values)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TextArea

from borgerspil_tui.tui.widgets.edit_bar import OpenEditor


class EditArea(OpenEditor):
    """A prompt, a text area and a line of keys; hidden when not in use.

    A refused text stays in the area with the reason under it; a text kept while the user was
    elsewhere comes back marked as a draft.
    """

    DEFAULT_CSS = """
    EditArea { height: auto; display: none; padding: 0 1; background: $boost; }
    EditArea.-open { display: block; }
    EditArea > #area-prompt { height: auto; text-style: bold; }
    EditArea.-draft > #area-prompt { color: $text-warning; }
    EditArea > TextArea { height: 8; }
    EditArea > #area-keys { height: 1; color: $text-muted; }
    EditArea > #area-reason { height: auto; display: none; color: $text-error; }
    EditArea.-refused > #area-reason { display: block; }
    """
    BINDINGS = [Binding("ctrl+s", "submit", show=False), Binding("escape", "cancel", show=False)]

    class Submitted(Message):
        """The user pressed Ctrl+S; ``purpose`` says what the text is for."""

        def __init__(self, text: str, purpose: str) -> None:
            super().__init__()
            self.text = text
            self.purpose = purpose

    class Cancelled(Message):
        """The user pressed Escape."""

    def __init__(self, keys: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys = keys
        """The line under the area that says which keys take and cancel the text (ours, translated)."""
        self.purpose = ""
        self.prompt = ""
        self.opened_with = ""
        self.reason = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="area-prompt")
        yield TextArea(id="area-text", soft_wrap=True)
        yield Static(Content(self.keys), id="area-keys")
        yield Static("", id="area-reason")

    @property
    def text(self) -> str:
        """What is in the area now."""
        return self.query_one(TextArea).text

    def open(self, prompt: str, purpose: str, text: str = "", *, mark: str = "") -> None:
        """Show the area with ``prompt`` (after ``mark`` for a draft) and ``text``; focus it."""
        self.purpose, self.prompt, self.opened_with = purpose, prompt, text
        self.query_one("#area-prompt", Static).update(Content(f"{mark} {prompt}" if mark else prompt))
        self.set_class(bool(mark), "-draft")
        area = self.query_one(TextArea)
        area.load_text(text)
        area.move_cursor(area.document.end)
        self.show_reason("")
        self.add_class("-open")
        area.focus()

    def show_draft(self, mark: str, prompt: str, purpose: str, text: str, reason: str = "") -> None:
        """Open the area with a text kept from before, marked as a draft."""
        self.open(prompt, purpose, text, mark=mark)
        self.opened_with = ""
        self.show_reason(reason)

    def show_reason(self, reason: str) -> None:
        """Say under the area why its text was not taken (empty: say nothing)."""
        self.reason = reason
        self.query_one("#area-reason", Static).update(Content(reason))
        self.set_class(bool(reason), "-refused")

    def close(self) -> None:
        """Hide the area."""
        self.remove_class("-open", "-draft", "-refused")
        self.purpose = ""

    def action_submit(self) -> None:
        """Hand over the text."""
        self.post_message(self.Submitted(self.text, self.purpose))

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.close()
        self.post_message(self.Cancelled())

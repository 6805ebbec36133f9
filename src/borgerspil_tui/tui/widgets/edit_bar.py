"""A line at the bottom of a screen for typing a text: edit in place, or add one after another."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static


class BarInput(Input):
    """The bar's text field. Enter hands over the text and empties the field at once, so a quick
    second Enter is an empty Enter (stop), never the same text submitted twice."""

    class Entered(Message):
        """The text at the moment Enter was pressed."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    async def action_submit(self) -> None:
        text = self.value
        self.value = ""
        self.post_message(self.Entered(text))


class EditBar(Horizontal):
    """A prompt and a text field. Enter submits, Escape cancels; hidden when not in use."""

    DEFAULT_CSS = """
    EditBar { height: 3; display: none; padding: 0 1; background: $boost; }
    EditBar.-open { display: block; }
    EditBar > #edit-prompt { width: auto; max-width: 40%; padding: 1 1 0 0; text-style: bold; }
    EditBar > Input { width: 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False)]

    class Submitted(Message):
        """The user pressed Enter; ``purpose`` says what the text is for."""

        def __init__(self, text: str, purpose: str) -> None:
            super().__init__()
            self.text = text
            self.purpose = purpose

    class Cancelled(Message):
        """The user pressed Escape."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.purpose = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="edit-prompt")
        yield BarInput(id="edit-input")

    @property
    def is_open(self) -> bool:
        """Whether the bar is showing."""
        return self.has_class("-open")

    def open(self, prompt: str, purpose: str, text: str = "") -> None:
        """Show the bar with ``prompt`` and ``text``, and put the cursor in it."""
        self.purpose = purpose
        self.query_one("#edit-prompt", Static).update(Content(prompt))
        field = self.query_one(BarInput)
        field.value = text
        field.cursor_position = len(text)
        self.add_class("-open")
        field.focus()

    def close(self) -> None:
        """Hide the bar."""
        self.remove_class("-open")
        self.purpose = ""

    @on(BarInput.Entered)
    def _entered(self, event: BarInput.Entered) -> None:
        event.stop()
        self.post_message(self.Submitted(event.text, self.purpose))

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.close()
        self.post_message(self.Cancelled())

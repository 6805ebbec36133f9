"""A line at the bottom of a screen for typing a text: edit in place, or add one after another."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static


class BarInput(Input):
    """The bar's text field. Enter hands over the text and empties the field at once, so a quick
    second Enter is an empty Enter (stop), never the same text submitted twice. When the edit is
    refused, the bar puts the text back."""

    class Entered(Message):
        """The text at the moment Enter was pressed."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    keep_cursor = False
    """Set when the field is given back a kept text: the next focus leaves the cursor at its end."""

    def on_focus(self) -> None:
        if self.keep_cursor:
            self.keep_cursor = False
            self.call_later(self._to_end)  # after Input's own focus handler has selected everything

    def _to_end(self) -> None:
        self.cursor_position = 0  # a change, so the field scrolls to show the end of a long text
        self.cursor_position = len(self.value)

    async def action_submit(self) -> None:
        text = self.value
        with self.prevent(Input.Changed):
            self.value = ""
        self.post_message(self.Entered(text))


class OpenEditor(Vertical):
    """What the edit bar and the edit area share: open (the ``-open`` class) with the text they
    were opened with, and whether they hold text the user typed and did not confirm."""

    opened_with = ""

    @property
    def text(self) -> str:
        """What is in the field now."""
        raise NotImplementedError

    @property
    def is_open(self) -> bool:
        """Whether it is showing."""
        return self.has_class("-open")

    @property
    def typed(self) -> bool:
        """Whether it is open and holds text the user typed and did not confirm."""
        return self.is_open and bool(self.text.strip()) and self.text != self.opened_with


class EditBar(OpenEditor):
    """A prompt and a text field. Enter submits, Escape cancels; hidden when not in use.

    A refused text comes back into the field with the reason under it; a text kept while the user
    was elsewhere comes back marked as a draft.
    """

    DEFAULT_CSS = """
    EditBar { height: auto; display: none; padding: 0 1; background: $boost; }
    EditBar.-open { display: block; }
    EditBar > #edit-row { height: 3; }
    EditBar #edit-draft { width: auto; display: none; padding: 1 1 0 0; color: $text-warning; text-style: bold; }
    EditBar.-draft #edit-draft { display: block; }
    EditBar #edit-prompt { width: auto; max-width: 40%; padding: 1 1 0 0; text-style: bold; }
    EditBar #edit-row > Input { width: 1fr; }
    EditBar > #edit-reason { height: auto; display: none; padding: 0 1 0 0; color: $text-error; }
    EditBar.-refused > #edit-reason { display: block; }
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
        self.prompt = ""
        self.opened_with = ""
        """The text the bar was opened with (what was there before the user typed)."""
        self.submitted: tuple[str, str, str] | None = None
        """(prompt, purpose, text) of the last Enter, until the bar is opened or closed again."""
        self.reason = ""
        """Why the text in the field was refused (shown under it), or empty."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="edit-row"):
            yield Static("", id="edit-draft")
            yield Static("", id="edit-prompt")
            yield BarInput(id="edit-input")
        yield Static("", id="edit-reason")

    @property
    def text(self) -> str:
        """What is in the field now."""
        return self.query_one(BarInput).value

    def open(self, prompt: str, purpose: str, text: str = "", *, select: bool = True) -> None:
        """Show the bar with ``prompt`` and ``text``, and put the cursor in it: ``text`` selected (typing
        replaces it, as a rename does), or with ``select=False`` the cursor at its end (typing adds to
        someone's own words)."""
        self.purpose = purpose
        self.prompt = prompt
        self.opened_with = text
        self.submitted = None
        self.query_one("#edit-prompt", Static).update(Content(prompt))
        self._set_text(text)
        self.query_one(BarInput).keep_cursor = not select
        self.show_reason("")
        self.remove_class("-draft")
        self.add_class("-open")
        self.query_one(BarInput).focus()

    def _set_text(self, text: str) -> None:
        field = self.query_one(BarInput)
        with field.prevent(Input.Changed):
            field.value = text
        field.cursor_position = len(text)

    def close(self) -> None:
        """Hide the bar."""
        self.remove_class("-open", "-draft", "-refused")
        self.purpose = ""
        self.submitted = None

    def show_reason(self, reason: str) -> None:
        """Say under the field why its text was not taken (empty: say nothing)."""
        self.reason = reason
        self.query_one("#edit-reason", Static).update(Content(reason))
        self.set_class(bool(reason), "-refused")

    def show_refused(self, prompt: str, purpose: str, text: str, reason: str) -> None:
        """Open the bar again with a refused text and the reason, so the user can correct it."""
        draft = self.has_class("-draft") and self.purpose == purpose
        self.open(prompt, purpose, text)
        self.opened_with = ""  # not taken: whatever is in the field is unsaved
        self.set_class(draft, "-draft")
        self.show_reason(reason)
        self._cursor_to_end()

    def show_draft(self, mark: str, prompt: str, purpose: str, text: str, reason: str = "") -> None:
        """Open the bar with a text kept from before, marked as a draft (``mark``)."""
        self.open(prompt, purpose, text)
        self.opened_with = ""
        self.query_one("#edit-draft", Static).update(Content(mark))
        self.add_class("-draft")
        self.show_reason(reason)
        self._cursor_to_end()

    def _cursor_to_end(self) -> None:
        """The cursor after the text, not the text selected as focusing selects it: a kept text
        must not go with the next key."""
        field = self.query_one(BarInput)
        field.cursor_position = len(field.value)
        field.keep_cursor = True
        field.call_after_refresh(field._to_end)  # once the field knows how wide the text is

    @on(Input.Changed, "#edit-input")
    def _changed(self) -> None:
        self.submitted = None
        if self.has_class("-refused"):
            self.show_reason("")

    @on(BarInput.Entered)
    def _entered(self, event: BarInput.Entered) -> None:
        event.stop()
        self.submitted = (self.prompt, self.purpose, event.text)
        self.post_message(self.Submitted(event.text, self.purpose))

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.close()
        self.post_message(self.Cancelled())

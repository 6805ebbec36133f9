"""A small dialog that asks one question and returns the id of the chosen answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ChoiceScreen(ModalScreen[str | None]):
    """Title, message (plain text) and one button per choice, one under the other so that every
    answer can be read whole at 80 columns and on a projector; ↑/↓ or Tab move, Enter chooses,
    Escape answers None."""

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen > Vertical {
        width: 72; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    ChoiceScreen .choice-title { text-style: bold; margin-bottom: 1; }
    ChoiceScreen .choice-message { margin-bottom: 1; }
    ChoiceScreen #choice-buttons { height: auto; }
    ChoiceScreen Button { width: 100%; height: 1; margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("escape", "dismiss_none", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    def __init__(self, title: str, message: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.choice_title = title
        self.message = message
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.choice_title), classes="choice-title")
            yield Static(Content(self.message), classes="choice-message")
            with Vertical(id="choice-buttons"):
                for index, (choice_id, label) in enumerate(self.choices):
                    yield Button(self._label(label, index == 0), id=f"choice-{choice_id}", compact=True,
                                 variant="primary" if index == 0 else "default")

    @staticmethod
    def _label(label: str, focused: bool) -> Content:
        """▶ marks the button Enter presses: a sign, not only a colour."""
        return Content(f"▶ {label}" if focused else f"  {label}")

    def on_descendant_focus(self) -> None:
        labels = dict(self.choices)
        for button in self.query(Button):
            label = labels.get((button.id or "").removeprefix("choice-"))
            if label is not None:
                button.label = self._label(label, button.has_focus)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_dismiss_none(self) -> None:
        """Close without choosing."""
        self.dismiss(None)

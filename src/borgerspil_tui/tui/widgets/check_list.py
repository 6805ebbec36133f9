"""Choosing with a sign, not only a colour: ☑/☐ for several, ◉/○ for one (projectors and
colour-blind eyes lose colour)."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, RadioButton
from textual.widgets.option_list import Option

CHOSEN, NOT_CHOSEN = "☑", "☐"
ONE_CHOSEN, ONE_NOT_CHOSEN = "◉", "○"


class CheckList(OptionList):
    """Options marked ☑ (chosen) or ☐ (not chosen); Space or a click ticks the highlighted one."""

    BINDINGS = [Binding("space", "toggle", show=False)]

    def __init__(self, options: list[tuple[str, str]], selected: set[str], *, id: str | None = None) -> None:
        self._labels = dict(options)
        self.selected = {value for value in selected if value in self._labels}
        super().__init__(*[Option(self._prompt(value), id=value) for value, _ in options], id=id)

    def _prompt(self, value: str) -> Content:
        return Content(f"{CHOSEN if value in self.selected else NOT_CHOSEN} {self._labels[value]}")

    def action_toggle(self) -> None:
        """Tick or untick the highlighted option."""
        if self.highlighted is None:
            return
        value = self.get_option_at_index(self.highlighted).id or ""
        self.selected ^= {value}
        self.replace_option_prompt(value, self._prompt(value))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self:
            self.action_toggle()  # a click ticks; Enter is the dialog's (it returns the choice)


def one_of(label: str, chosen: bool) -> Content:
    """A radio-style option: ◉ for the current choice, ○ for the others."""
    return Content(f"{ONE_CHOSEN if chosen else ONE_NOT_CHOSEN} {label}")


class SignedRadioButton(RadioButton):
    """A radio button that shows ◉ when on and ○ when off, not only a change of colour."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = ONE_CHOSEN if self.value else ONE_NOT_CHOSEN
        return super()._button

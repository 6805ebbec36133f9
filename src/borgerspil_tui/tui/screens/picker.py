"""Choose items by name (observations, causes, ideas, target groups…): a checklist in a dialog."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.widgets.check_list import CheckList, one_of


class PickerScreen(ModalScreen[list[str] | None]):
    """Space ticks (several) or Enter picks (one); Enter/Ctrl+S returns, Escape cancels.

    Choosing one, the highlight starts on the option marked ◉ (Enter chooses what is shown as
    chosen): the current choice, else "(none)". ``offer_none=False`` is for a choice of something
    to do (a template, an exercise to add): no "(none)" line, and the highlight starts on the first."""

    DEFAULT_CSS = """
    PickerScreen { align: center middle; }
    PickerScreen > Vertical { width: 90%; height: 80%; border: thick $accent; background: $surface; padding: 0 1; }
    PickerScreen #picker-title { text-style: bold; padding: 1 0; }
    PickerScreen #picker-hint { color: $text-muted; }
    PickerScreen OptionList { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False), Binding("ctrl+s", "done", show=False),
                Binding("enter", "done_by_enter", show=False, priority=True)]

    def __init__(self, title: str, options: list[tuple[str, str]], selected: set[str] | None = None, *,
                 multiple: bool = True, lang: str = "da", offer_none: bool = True) -> None:
        super().__init__()
        self.offer_none = offer_none
        self.picker_title = title
        self.options = options
        self.selected = selected or set()
        self.multiple = multiple
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.picker_title), id="picker-title")
            hint = "picker.hint_many" if self.multiple else "picker.hint_one"
            yield Static(Content(tr(self.lang, hint)), id="picker-hint")
            if self.multiple:
                yield CheckList(self.options, self.selected, id="picker-list")
            else:
                none = [Option(one_of(tr(self.lang, "picker.none"), not self.selected), id="__none__")]
                yield OptionList(*none[:self.offer_none], *[Option(one_of(label, value in self.selected), id=value)
                                                           for value, label in self.options], id="picker-list")

    def on_mount(self) -> None:
        widget = self.query_one("#picker-list")
        widget.focus()
        if not self.multiple:
            self._start_highlight()
            options = self.query_one(OptionList)  # once laid out, scrolled to it — never set again: arrows
            self.call_after_refresh(options.scroll_to_highlight)  # typed before the first frame count

    def _start_highlight(self) -> None:
        """Start on the option marked ◉ (the current choice, else "(none)"), else on the first:
        Enter chooses what is shown as chosen."""
        options = self.query_one(OptionList)
        current = next(iter(self.selected), None)
        wanted = 0
        for index in range(options.option_count):
            if options.get_option_at_index(index).id == current:
                wanted = index
        options.highlighted = wanted
        options.scroll_to_highlight()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if not self.multiple:
            event.stop()
            chosen = event.option.id
            self.dismiss([] if chosen in (None, "__none__") else [chosen])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Choosing one, Enter is the list's own (its OptionSelected returns the choice): a priority
        key is answered as it arrives, before arrows typed just ahead of it (a fast hand, ssh) have
        moved the highlight; the list's Enter comes after them. Choosing several, Enter is ours
        (the list's Enter ticks)."""
        if action == "done_by_enter":
            return self.multiple
        return True

    def action_done_by_enter(self) -> None:
        """Enter, choosing several: return what is ticked."""
        self.action_done()

    def action_done(self) -> None:
        """Return what is ticked (or, choosing one, what is highlighted)."""
        if self.multiple:
            chosen = self.query_one(CheckList).selected
            self.dismiss([value for value, _ in self.options if value in chosen])
            return
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            chosen = options.get_option_at_index(options.highlighted).id
            self.dismiss([] if chosen in (None, "__none__") else [chosen])

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)

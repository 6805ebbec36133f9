"""F1: the keys of the screen below, the app's keys, and the method in short."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.commands import APP_COMMANDS, Command


def _key(command: Command) -> str:
    """How a key is written for people: ``ctrl+s`` → ``Ctrl+s``, ``f1`` → ``F1``."""
    return "+".join(part.capitalize() if len(part) > 1 else part for part in command.key.split("+"))


class HelpScreen(ModalScreen[None]):
    """A scrollable sheet of keys and the method's phases; Esc or F1 closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; height: 90%; border: thick $primary; background: $surface; padding: 1 2; }
    HelpScreen .heading { text-style: bold; color: $primary; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "dismiss", show=False), Binding("f1", "dismiss", show=False)]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below

    def _lines(self) -> list[tuple[str, str]]:
        lang = self.app.language  # type: ignore[attr-defined]
        rows: list[tuple[str, str]] = []
        own: list[Command] = list(getattr(self.below, "SCREEN_COMMANDS", []))
        name = getattr(self.below, "NAME", "")
        if own:
            rows.append(("heading", tr(lang, "help.this_screen", screen=tr(lang, f"screen.{name}", default=name))))
            rows += [("line", f"{_key(c):>14}  {tr(lang, c.label)} — {tr(lang, c.help)}") for c in own]
        rows.append(("heading", tr(lang, "help.everywhere")))
        rows += [("line", f"{_key(c):>14}  {tr(lang, c.label)} — {tr(lang, c.help)}") for c in APP_COMMANDS]
        rows.append(("line", f"{'Ctrl+P':>14}  {tr(lang, 'palette')} — {tr(lang, 'help.palette')}"))
        method = self.app.method  # type: ignore[attr-defined]
        rows.append(("heading", tr(lang, "help.method")))
        rows.append(("line", f"{method.readiness.name(lang)}: {method.readiness.tagline(lang)}"))
        for phase in method.phases:
            steps = ", ".join(step.name(lang) for step in phase.steps)
            rows.append(("line", f"{phase.number}. {phase.name(lang)} — {phase.tagline(lang)}: {steps}"))
        rows.append(("line", f"{method.organisation.name(lang)}: {method.organisation.tagline(lang)}"))
        return rows

    def compose(self) -> ComposeResult:
        lang = self.app.language  # type: ignore[attr-defined]
        with VerticalScroll():
            yield Static(Content(tr(lang, "help.title")), classes="heading")
            for kind, text in self._lines():
                yield Static(Content(text), classes="heading" if kind == "heading" else "")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)

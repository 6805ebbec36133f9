"""F1: every key of the screen below (its commands, its other bindings, the keys of its lists and
fields), the app's keys, and the method in short."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

from borgerspil_tui.core.i18n import has_text, tr
from borgerspil_tui.tui.commands import APP_COMMANDS, Command
from borgerspil_tui.tui.key_names import keys_text

WIDGET_KEYS: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "Tree": [(("up", "down"), "helpkeys.move"), (("enter",), "helpkeys.choose"), (("space",), "helpkeys.fold"),
             (("shift+space",), "helpkeys.fold_all"), (("shift+left",), "helpkeys.parent"),
             (("shift+right",), "helpkeys.next_branch"), (("shift+up", "shift+down"), "helpkeys.sibling")],
    "DataTable": [(("up", "down", "left", "right"), "helpkeys.move"), (("enter",), "helpkeys.choose"),
                  (("pageup", "pagedown"), "helpkeys.page"), (("home", "end"), "helpkeys.first_last"),
                  (("ctrl+home", "ctrl+end"), "helpkeys.top_bottom")],
    "OptionList": [(("up", "down"), "helpkeys.move"), (("enter",), "helpkeys.choose"),
                   (("pageup", "pagedown"), "helpkeys.page"), (("home", "end"), "helpkeys.first_last")],
    "SelectionList": [(("space",), "helpkeys.toggle")],
    "RadioSet": [(("up", "down", "left", "right"), "helpkeys.move_choice"), (("enter", "space"), "helpkeys.choose")],
    "ToggleButton": [(("enter", "space"), "helpkeys.toggle")],
    "Button": [(("enter",), "helpkeys.press")],
    "Input": [(("enter",), "helpkeys.submit")],
    "EditBar": [(("enter",), "helpkeys.save_text"), (("escape",), "helpkeys.cancel_text")],
    "EditArea": [(("ctrl+s",), "helpkeys.take_area"), (("escape",), "helpkeys.cancel_text")],
    "PartCard": [(("enter",), "helpkeys.open_part")],
    "TwoByTwo": [(("1", "2", "3", "4", "5"), "helpkeys.score_plot")],
}
"""The keys of the lists and fields a screen may hold, by widget class (its own or an ancestor)."""

EVERYWHERE_KEYS: list[tuple[tuple[str, ...], str, str]] = [
    (("ctrl+p",), "palette", "help.palette"),
    (("tab", "shift+tab"), "helpkeys.focus", "helpkeys.focus_help"),
    (("ctrl+c",), "helpkeys.copy", "helpkeys.copy_help"),
]
"""Keys that Textual gives every screen, beside the app's own commands."""


@dataclass(frozen=True)
class HelpRow:
    """One line of help: the keys, what they do, and (perhaps) more about it."""

    keys: tuple[str, ...]
    label: str
    help: str = ""

    def text(self, lang: str) -> str:
        """``      Delete/x  slet — Slet det valgte punkt``."""
        what = f"{self.label} — {self.help}" if self.help and self.help != self.label else self.label
        return f"{keys_text(self.keys, lang):>16}  {what}"


def _command_rows(commands: list[Command], lang: str) -> list[HelpRow]:
    """One row per command; commands that do the same under one name share a row (``Delete/x``)."""
    rows: dict[tuple[str, str], list[str]] = {}
    for command in commands:  # both languages' keys (j and y for yes) work, so both are listed
        rows.setdefault((command.action, command.label), []).append(command.key)
    by_key = {(c.action, c.label): c for c in commands}
    return [HelpRow(tuple(keys), tr(lang, label), tr(lang, by_key[(action, label)].help))
            for (action, label), keys in rows.items()]


def _text(key: str | None, lang: str) -> str:
    return tr(lang, key) if key and has_text(key) else ""


def screen_rows(screen: Screen, lang: str) -> list[HelpRow]:
    """This screen's keys: its commands, then any other binding of its own classes."""
    commands: list[Command] = list(getattr(screen, "SCREEN_COMMANDS", []))
    rows = _command_rows(commands, lang)
    known = {(c.key, c.action) for c in commands}
    for cls in type(screen).__mro__:
        if not cls.__module__.startswith("borgerspil_tui"):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding) or (binding.key, binding.action) in known:
                continue
            known.add((binding.key, binding.action))
            label = _text(binding.description, lang) or _text(f"helpkeys.action.{binding.action}", lang)
            rows.append(HelpRow((binding.key,), label or binding.action, _text(binding.tooltip, lang)))
    return rows


def widget_rows(screen: Screen, lang: str, taken: set[str] = frozenset()) -> list[HelpRow]:  # type: ignore[assignment]
    """The keys of the lists and fields on ``screen``, leaving out keys the screen itself uses."""
    kinds: list[str] = []
    for widget in screen.query(Widget):
        for cls in type(widget).__mro__:
            if cls.__name__ in WIDGET_KEYS and cls.__name__ not in kinds:
                kinds.append(cls.__name__)
    if "EditBar" in kinds and "Input" in kinds:
        kinds.remove("Input")  # the bar's own Enter says it better
    rows: list[HelpRow] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for kind in kinds:
        for keys, label in WIDGET_KEYS[kind]:
            free = tuple(key for key in keys if key not in taken)
            if free and (free, label) not in seen:
                seen.add((free, label))
                rows.append(HelpRow(free, tr(lang, label)))
    return rows


def everywhere_rows(lang: str) -> list[HelpRow]:
    """The app's commands and the keys Textual gives every screen."""
    rows = _command_rows(APP_COMMANDS, lang)
    rows += [HelpRow(keys, tr(lang, label), tr(lang, more)) for keys, label, more in EVERYWHERE_KEYS]
    return rows


def bound_keys(screen: Screen) -> set[str]:
    """Every key the screen's own commands and bindings use (each of ``a,b`` counted)."""
    keys = {c.key for c in getattr(screen, "SCREEN_COMMANDS", [])}
    for cls in type(screen).__mro__:
        if cls.__module__.startswith("borgerspil_tui"):
            keys |= {part.strip() for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)
                     for part in b.key.split(",")}
    return keys


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
        lines: list[tuple[str, str]] = []
        name = getattr(self.below, "NAME", "")
        own = screen_rows(self.below, lang)
        if own:
            lines.append(("heading", tr(lang, "help.this_screen", screen=tr(lang, f"screen.{name}", default=name))))
            lines += [("line", row.text(lang)) for row in own]
        fields = widget_rows(self.below, lang, bound_keys(self.below))
        if fields:
            lines.append(("heading", tr(lang, "helpkeys.in_lists")))
            lines += [("line", row.text(lang)) for row in fields]
        lines.append(("heading", tr(lang, "help.everywhere")))
        lines += [("line", row.text(lang)) for row in everywhere_rows(lang)]
        method = self.app.method  # type: ignore[attr-defined]
        lines.append(("heading", tr(lang, "help.method")))
        lines.append(("line", f"{method.readiness.name(lang)}: {method.readiness.tagline(lang)}"))
        for phase in method.phases:
            steps = ", ".join(step.name(lang) for step in phase.steps)
            lines.append(("line", f"{phase.number}. {phase.name(lang)} — {phase.tagline(lang)}: {steps}"))
        lines.append(("line", f"{method.organisation.name(lang)}: {method.organisation.tagline(lang)}"))
        return lines

    def compose(self) -> ComposeResult:
        lang = self.app.language  # type: ignore[attr-defined]
        with VerticalScroll():
            yield Static(Content(tr(lang, "help.title")), classes="heading")
            for kind, text in self._lines():
                yield Static(Content(text), classes="heading" if kind == "heading" else "")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)

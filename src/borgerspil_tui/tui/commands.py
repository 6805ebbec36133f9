"""Every command once: its key, footer label, palette entry and help text, in both languages."""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual.binding import Binding
from textual.dom import DOMNode


@dataclass(frozen=True)
class Command:
    """A command: ``action`` is run; ``label`` and ``help`` are UI text keys (see core.i18n_texts)."""

    action: str
    key: str
    label: str
    help: str
    show: bool = True
    """Whether the footer shows it."""
    priority: bool = False
    """Whether it works even while a text field has focus."""
    needs_project: bool = False
    """Whether it only makes sense with a project open."""
    lang: str | None = None
    """Shown in the footer only in this language (``j`` for ja, ``y`` for yes)."""

    def binding(self) -> Binding:
        """The Textual binding; its description is the text key, translated by the footer."""
        return Binding(self.key, self.action, self.label, show=self.show, priority=self.priority,
                       id=self.action, tooltip=self.help)


def bindings(commands: list[Command]) -> list[Binding]:
    """Bindings for a list of commands."""
    return [command.binding() for command in commands]


def relabel(node: DOMNode, action: str, label: str) -> None:
    """Show ``label`` (already in the UI language) in the footer for ``action``: a key whose meaning
    depends on where the cursor is ("n new in «What do we know?»"). Each node has its own bindings."""
    keys = node._bindings.key_to_bindings
    for key, found in keys.items():
        keys[key] = [replace(b, description=label) if b.action == action else b for b in found]
    node.refresh_bindings()


APP_COMMANDS: list[Command] = [
    Command("back", "escape", "key.back", "help.back", show=False, needs_project=True),
    Command("help", "f1", "key.help", "help.help"),
    Command("save", "ctrl+s", "key.save", "help.save", needs_project=True),
    Command("undo", "ctrl+z", "key.undo", "help.undo", needs_project=True),
    Command("redo", "ctrl+y", "key.redo", "help.redo", needs_project=True),
    Command("goto('overview')", "0", "key.overview", "help.overview", show=False, needs_project=True),
    Command("goto('phase-focus')", "1", "key.focus", "help.focus", show=False, needs_project=True),
    Command("goto('phase-experience')", "2", "key.experience", "help.experience", show=False,
            needs_project=True),
    Command("goto('phase-create')", "3", "key.create", "help.create", show=False, needs_project=True),
    Command("goto('phase-insist')", "4", "key.insist", "help.insist", show=False, needs_project=True),
    Command("goto('readiness')", "r", "key.readiness", "help.readiness", show=False, needs_project=True),
    Command("goto('organisation')", "5", "key.organisation", "help.organisation", show=False,
            needs_project=True),
    Command("goto('workshop')", "f6", "key.workshop", "help.workshop", show=False, needs_project=True),
    Command("presenter", "f7", "key.presenter", "help.presenter", show=False, needs_project=True),
    Command("goto('workshop')", "w", "key.workshop", "help.workshop", show=False, needs_project=True),
    Command("goto('postits')", "l", "postits.open", "help.postits_open", show=False, needs_project=True),
    Command("checklist", "c", "key.checklist", "help.checklist", needs_project=True),
    Command("toggle_guidance", "g", "key.guidance", "help.guidance", show=False),
    Command("switch_language", "f2", "key.language", "help.language", show=False),
    Command("toggle_theme", "f3", "key.theme", "help.theme", show=False),
    Command("save_as", "ctrl+shift+s", "key.save_as", "help.save_as", show=False, needs_project=True),
    Command("home", "f4", "key.home", "help.home", show=False),
    Command("new_project", "f5", "key.new", "help.new", show=False),
    Command("quit", "ctrl+q", "key.quit", "help.quit", priority=True),
]
"""Commands that work on every screen."""


PALETTE_COMMANDS: list[Command] = [
    Command("export_report", "", "export.label", "export.help", show=False, needs_project=True),
    Command("share", "", "share.label", "share.help", show=False, needs_project=True),
]
"""Commands only the palette offers (no key): the app runs them."""

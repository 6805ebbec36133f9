"""Shown when a project file cannot be opened: every located problem; the file is untouched."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.problems import Problem
from borgerspil_tui.tui.widgets.key_bar import KeyBar


class LoadErrorScreen(Screen[None]):
    """The loader's messages, one per line, as ``PATH:LINE:COL: field: what is wrong``."""

    NAME = "load-error"
    DEFAULT_CSS = """
    LoadErrorScreen { background: $background; }
    LoadErrorScreen .title-line { height: 1; padding: 0 1; background: $error; color: $text; text-style: bold; }
    LoadErrorScreen #explain { padding: 1 2; }
    LoadErrorScreen .problem { padding: 0 2; color: $text-error; }
    """
    BINDINGS = [Binding("escape", "back", "key.back"), Binding("q", "back", "key.back", show=False)]

    def __init__(self, path: Path, problems: list[Problem], *, can_continue: bool = False) -> None:
        super().__init__()
        self.path = path
        self.problems = problems
        self.can_continue = can_continue

    def compose(self) -> ComposeResult:
        lang = self.app.language  # type: ignore[attr-defined]
        yield Static(Content(tr(lang, "error.title", name=self.path.name)), classes="title-line")
        with VerticalScroll():
            yield Static(Content(tr(lang, "error.explain", path=str(self.path))), id="explain")
            for problem in self.problems:
                yield Static(Content(problem.format(self.path, lang)), classes="problem")
        yield KeyBar()

    def action_back(self) -> None:
        """Go back (or quit when there is nothing to go back to)."""
        if len(self.app.screen_stack) > 2:
            self.dismiss(None)
        else:
            self.app.exit()

"""Shown when a project file cannot be opened: every located problem; the file is untouched.
A file in an unfinished git merge (conflict markers) is offered the semantic merge."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from borgerspil_tui.core.disk_sync import MARKER_KEYS
from borgerspil_tui.tui.app_sync import unmerged
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
    BINDINGS = [Binding("escape", "back", "key.back"), Binding("q", "back", "key.back", show=False),
                Binding("m", "merge_git", "key.merge_git")]

    def __init__(self, path: Path, problems: list[Problem], *, can_continue: bool = False) -> None:
        super().__init__()
        self.path = path
        self.problems = problems
        self.can_continue = can_continue
        self.can_merge = any(problem.key in MARKER_KEYS for problem in problems) and unmerged(path)
        """The file has git's conflict markers and git has its versions: offer the semantic merge."""

    def compose(self) -> ComposeResult:
        lang = self.app.language  # type: ignore[attr-defined]
        yield Static(Content(tr(lang, "error.title", name=self.path.name)), classes="title-line")
        with VerticalScroll():
            yield Static(Content(tr(lang, "error.explain", path=str(self.path))), id="explain")
            if self.can_merge:
                yield Static(Content(tr(lang, "sync.load_error_offer")), id="merge-offer")
            for problem in self.problems:
                yield Static(Content(problem.format(self.path, lang)), classes="problem")
        yield KeyBar()

    def action_back(self) -> None:
        """Go back (or quit when there is nothing to go back to)."""
        if len(self.app.screen_stack) > 2:
            self.dismiss(None)
        else:
            self.app.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The semantic merge is offered only for a file in an unfinished git merge."""
        return self.can_merge if action == "merge_git" else True

    def action_merge_git(self) -> None:
        """Merge the file from git's index stages, then open it (its conflicts, if any, on Konflikter)."""
        from borgerspil_tui.core.git_repo import merge_git_file

        app = self.app
        try:
            result = merge_git_file(self.path)
        except Exception as error:  # noqa: BLE001 - GitError, FileProblemError, SaveError: said in our words
            from borgerspil_tui.tui.app_sync import failure_text

            app.notify(tr(app.language, "sync.merge_git_failed", problem=failure_text(error, app.language)),  # type: ignore[attr-defined]
                       severity="error", timeout=20, markup=False)
            return
        if app.open_project(self.path):  # type: ignore[attr-defined]
            app.say_merged_git(self.path, len(result.conflicts))  # type: ignore[attr-defined]
            if app.session is not None and app.session.project.conflicts:  # type: ignore[attr-defined]
                app.open_conflicts()  # type: ignore[attr-defined]

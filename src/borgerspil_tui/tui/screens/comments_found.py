"""Asked once before the first save of a file that has hand-written comments."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.comments import Comment, line_list
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.screens.choice import ChoiceScreen


class CommentsFoundScreen(ChoiceScreen):
    """Save a copy (the file keeps its comments), save without the comments, or not now."""

    def __init__(self, path: Path, comments: list[Comment], lang: str, *, quitting: bool = False) -> None:
        self.path = path
        message = tr(lang, "comments.message", name=path.name, count=len(comments), lines=line_list(comments))
        choices = [("copy", tr(lang, "comments.copy")), ("drop", tr(lang, "comments.drop"))]
        if quitting:
            choices.append(("quit", tr(lang, "comments.quit")))
        choices.append(("cancel", tr(lang, "comments.cancel")))
        super().__init__(tr(lang, "comments.title"), message, choices)

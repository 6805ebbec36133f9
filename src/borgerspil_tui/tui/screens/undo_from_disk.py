"""Asked before an undo would take out what came from disk (a reload, a colleague's merged edits)."""

from __future__ import annotations

from borgerspil_tui.core.i18n import Label, tr
from borgerspil_tui.tui.screens.choice import ChoiceScreen


class UndoFromDiskScreen(ChoiceScreen):
    """Keep the others' changes (the default: Enter and Escape keep them) or undo anyway."""

    def __init__(self, label: Label, lang: str) -> None:
        super().__init__(tr(lang, "sync.undo_title"), tr(lang, "sync.undo_message", label=label), [
            ("keep", tr(lang, "sync.undo_keep")),
            ("undo", tr(lang, "sync.undo_anyway")),
        ])

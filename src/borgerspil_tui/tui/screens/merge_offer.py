"""Offered when the project file is in the middle of an unfinished git merge."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.screens.choice import ChoiceScreen


class MergeOfferScreen(ChoiceScreen):
    """Merge the file semantically from git's versions now, or not now (the file is not written)."""

    def __init__(self, path: Path, lang: str) -> None:
        self.path = path
        super().__init__(tr(lang, "sync.merge_title"), tr(lang, "sync.merge_message", name=path.name), [
            ("merge", tr(lang, "sync.merge_yes")),
            ("later", tr(lang, "sync.merge_no")),
        ])

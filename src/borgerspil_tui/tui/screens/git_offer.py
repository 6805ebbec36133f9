"""Offered once per repository when a project is in a git clone without borgerspil's merge driver."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.screens.choice import ChoiceScreen


class GitOfferScreen(ChoiceScreen):
    """Set git up now (``borgerspil git-setup``), or not now."""

    def __init__(self, path: Path, root: Path, lang: str) -> None:
        self.path = path
        self.root = root
        super().__init__(tr(lang, "sync.git_title"), tr(lang, "sync.git_message", name=path.name, root=str(root)), [
            ("setup", tr(lang, "sync.git_yes")),
            ("later", tr(lang, "sync.git_no")),
        ])

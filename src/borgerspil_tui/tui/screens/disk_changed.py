"""Asked when the project file is gone from disk while it is open (moved, deleted, another git branch).

A file that changed on disk is not asked about: it is merged with the edits (tui/app_sync).
"""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.screens.choice import ChoiceScreen


class DiskChangedScreen(ChoiceScreen):
    """Write the file again, save the edits elsewhere, or not now (they stay in memory)."""

    def __init__(self, path: Path, lang: str) -> None:
        self.path = path
        super().__init__(tr(lang, "sync.gone_title"), tr(lang, "sync.gone_message", name=path.name), [
            ("rewrite", tr(lang, "sync.rewrite")),
            ("save_as", tr(lang, "disk.save_as")),
            ("cancel", tr(lang, "sync.not_now")),
        ])

"""Asked when the project file changed on disk (a git pull, another editor)."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.screens.choice import ChoiceScreen


class DiskChangedScreen(ChoiceScreen):
    """Reload from disk, keep mine and overwrite, or save mine elsewhere."""

    def __init__(self, path: Path, lang: str) -> None:
        self.path = path
        super().__init__(tr(lang, "disk.title"), tr(lang, "disk.message", name=path.name), [
            ("reload", tr(lang, "disk.reload")),
            ("overwrite", tr(lang, "disk.overwrite")),
            ("save_as", tr(lang, "disk.save_as")),
        ])

"""Settings the app remembers between runs: language, theme, whether guidance is shown."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields

from borgerspil_tui.core.locations import settings_file
from borgerspil_tui.core.storage import SaveError, atomic_write

LANG_ENV = "BORGERSPIL_LANG"


@dataclass
class Settings:
    """What the user chose last time."""

    language: str = "da"
    theme: str = "borgerspil"
    show_guidance: bool = True
    git_offered: list[str] = field(default_factory=list)
    """The git repositories whose set-up the app has offered (once each; tui/app_sync)."""

    @classmethod
    def load(cls) -> Settings:
        """Read the settings; anything missing or unreadable falls back to the defaults."""
        try:
            raw = json.loads(settings_file().read_text("utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name: f.type for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        settings = cls(**values)
        if settings.language not in ("da", "en"):
            settings.language = "da"
        if not isinstance(settings.theme, str):
            settings.theme = "borgerspil"
        settings.show_guidance = bool(settings.show_guidance)
        offered = settings.git_offered
        settings.git_offered = [root for root in offered if isinstance(root, str)] if isinstance(offered, list) else []
        return settings

    def save(self) -> bool:
        """Remember the settings; a failure (read-only home folder) is not fatal."""
        path = settings_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, (json.dumps(asdict(self), indent=2) + "\n").encode("utf-8"))
        except (OSError, SaveError):
            return False
        return True


def choose_language(flag: str | None, settings: Settings) -> str:
    """``--lang`` wins, then ``BORGERSPIL_LANG``, then the remembered setting, then Danish."""
    for candidate in (flag, os.environ.get(LANG_ENV), settings.language):
        if candidate in ("da", "en"):
            return candidate
    return "da"

"""Every place on disk the app uses, in one file. Nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP_NAME = "borgerspil"


def config_folder() -> Path:
    """Where settings are remembered (``BORGERSPIL_CONFIG_DIR`` overrides, for tests)."""
    return Path(os.environ.get("BORGERSPIL_CONFIG_DIR") or user_config_dir(APP_NAME, appauthor=False))


def data_folder() -> Path:
    """Where the demo copy lives (``BORGERSPIL_DATA_DIR`` overrides, for tests)."""
    return Path(os.environ.get("BORGERSPIL_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))


def cache_folder() -> Path:
    """Where validated method and project files are kept to start faster (``BORGERSPIL_CACHE_DIR``
    overrides, for tests); anything in it may be deleted at any time."""
    return Path(os.environ.get("BORGERSPIL_CACHE_DIR") or user_cache_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    """The remembered settings (language, theme, guidance shown)."""
    return config_folder() / "settings.json"


def example_file() -> Path:
    """The bundled example project: inside the installed package, or in the source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "data" / "example.borgerspil.yaml"
    if installed.is_file():
        return installed
    return package.parent.parent / "examples" / "hjaelpemidler.borgerspil.yaml"

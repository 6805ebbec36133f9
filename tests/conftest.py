"""Shared fixtures: the bundled example, and a fresh copy of it in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hjaelpemidler.borgerspil.yaml"
YAML_SUITE = ROOT.parent / "shared" / "yaml-test-suite"


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test starts with an empty cache of validated files of its own (core/cache), never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("BORGERSPIL_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def own_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test keeps shared rooms (core/room_store) in a state folder of its own, never the user's."""
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled example project."""
    target = tmp_path / "hjaelpemidler.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, target)
    return target

"""Shared fixtures: the bundled example, and a fresh copy of it in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hjaelpemidler.borgerspil.yaml"
YAML_SUITE = ROOT.parent / "shared" / "yaml-test-suite"


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled example project."""
    target = tmp_path / "hjaelpemidler.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, target)
    return target

"""A few pictures of the main screens at a fixed size, for what only a picture shows.

Update after an intended change: ``pytest tests/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.app_helpers import SIZE, make_app
from tests.conftest import EXAMPLE

FIXED = Path(tempfile.gettempdir()) / "borgerspil-snapshots"
"""A folder with the same name on every run, because the home screen and wizard show it."""


@pytest.fixture
def fixed_folder() -> Path:
    """A fresh copy of the example in a folder whose path never changes."""
    shutil.rmtree(FIXED, ignore_errors=True)
    FIXED.mkdir(parents=True)
    target = FIXED / "hjaelpemidler.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, target)
    os.utime(target, (1_767_225_600, 1_767_225_600))  # 2026-01-01, so "changed" is stable
    return FIXED


async def _no_blink(pilot) -> None:  # noqa: ANN001
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


def test_home(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    assert snap_compare(make_app(folder=fixed_folder), terminal_size=SIZE, run_before=_no_blink)


def test_wizard(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    async def fill(pilot) -> None:  # noqa: ANN001
        await pilot.press("n", *"Kortere ventetid på hjælpemidler")
        await pilot.click("#member-name")
        await pilot.press(*"Mette Holm", "enter", *"Teamleder", "enter")
        await _no_blink(pilot)

    assert snap_compare(make_app(folder=fixed_folder), terminal_size=SIZE, run_before=fill)


def test_overview(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=SIZE, run_before=_no_blink)


def test_checklist(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    async def open_checklist(pilot) -> None:  # noqa: ANN001
        await pilot.press("1", "c", "down")
        await _no_blink(pilot)

    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_checklist)


def test_overview_high_contrast_english(snap_compare, fixed_folder: Path) -> None:  # noqa: ANN001
    async def contrast(pilot) -> None:  # noqa: ANN001
        pilot.app.theme = "borgerspil-kontrast"
        await _no_blink(pilot)

    app = make_app(fixed_folder / "hjaelpemidler.borgerspil.yaml", language="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=contrast)

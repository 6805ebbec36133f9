"""Walk through every screen pressing its keys quickly, as an impatient user would: nothing may crash,
and the project must still be valid and saved at the end.

One test per screen (each on its own copy of the example), so the test workers share the walk.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.app import BorgerspilApp
from borgerspil_tui.tui.registry import project_screens
from tests.app_helpers import SIZE, make_app

KEYS = ["down", "e", "escape", "n", "escape", "down", "enter", "escape", "up", "v", "down", "v", "space",
        "tab", "shift+tab", "f1", "escape", "g", "g"]
OVERVIEW_KEYS = ["1", "enter", "2", "3", "4", "r", "5", "c", "0", "n", "escape", "0"]


async def _saved_and_valid(app: BorgerspilApp, pilot, path: Path) -> None:  # noqa: ANN001
    """Ctrl+S on what the keys left: the app is still running and the file holds exactly the
    project in memory, valid."""
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.is_running
    assert app.session is not None and not app.session.dirty, app.session and app.session.state
    assert load_project(path).project.model_dump() == app.session.project.model_dump()


@pytest.mark.parametrize("name", project_screens())
async def test_every_screen_survives_its_keys(example_copy: Path, name: str) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        app.action_goto(name)
        await pilot.pause()
        assert app.screen.NAME == name
        await pilot.press(*KEYS)
        await pilot.press("escape", "0")
        await _saved_and_valid(app, pilot, example_copy)


async def test_the_overview_survives_its_keys(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*OVERVIEW_KEYS)
        await _saved_and_valid(app, pilot, example_copy)

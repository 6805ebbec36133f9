"""Walk through every screen pressing its keys quickly, as an impatient user would: nothing may crash,
and the project must still be valid and saved at the end."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.core.storage import load_project
from borgerspil_tui.tui.registry import project_screens
from tests.app_helpers import SIZE, make_app

KEYS = ["down", "e", "escape", "n", "escape", "down", "enter", "escape", "up", "v", "down", "v", "space",
        "tab", "shift+tab", "f1", "escape", "g", "g"]


async def test_every_screen_survives_its_keys(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        for name in project_screens():
            app.action_goto(name)
            await pilot.pause()
            for key in KEYS:
                await pilot.press(key)
            await pilot.press("escape", "0")
        for key in ("1", "enter", "2", "3", "4", "r", "5", "c", "0", "n", "escape", "0"):
            await pilot.press(key)
        await pilot.press("ctrl+s")
        assert app.is_running
    load_project(example_copy)  # still a valid file

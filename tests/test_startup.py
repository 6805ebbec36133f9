"""Start-up does only what the first frame needs (speed itself is measured in benchmarks/bench_app.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from borgerspil_tui.tui.screens.base import BaseScreen

from tests.app_helpers import goto, make_app


async def test_each_screen_sets_itself_up_once(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual calls ``on_mount`` of every class along the MRO: a screen that also called
    ``super().on_mount()`` filled and refreshed itself twice."""
    calls: list[str] = []
    populate = BaseScreen.populate

    def counted(self: BaseScreen) -> None:
        calls.append(self.NAME)
        populate(self)

    monkeypatch.setattr(BaseScreen, "populate", counted)
    app = make_app(example_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert calls == ["overview"]
        assert app.screen.focused is not None and app.screen.focused.id == "card-readiness"
        await goto(pilot, "phase-focus")
        assert calls == ["overview", "phase-focus"]
        assert app.screen.focused is not None and app.screen.focused.id == "steps"

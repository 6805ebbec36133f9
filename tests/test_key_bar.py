"""The footer at 80 columns: whole pairs only, and the help key always there."""

from __future__ import annotations

from pathlib import Path

from borgerspil_tui.tui.widgets.key_bar import KeyBar
from tests.app_helpers import goto, make_app


async def test_a_busy_footer_at_80_columns_keeps_whole_pairs_and_the_help_key(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await goto(pilot, "matrix")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        text = str(bar.visual)
        assert len(text) <= bar.content_region.width
        assert "f1 hjælp" in text
        assert text.startswith("esc tilbage")
        pairs = [pair for pair in text.split("  ") if pair.strip()]
        assert all(" " in pair.strip() for pair in pairs), pairs  # every key has its label


async def test_a_wide_footer_shows_every_key(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=(200, 40)) as pilot:
        await goto(pilot, "matrix")
        await pilot.pause()
        text = str(app.screen.query_one(KeyBar).visual)
        assert "f1 hjælp" in text and "^q afslut" in text and text.endswith("^p kommandoer")

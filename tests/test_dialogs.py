"""Question dialogs: every answer readable whole at 80×24 and 120×40, chosen with the keyboard."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Button

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.screens.choice import ChoiceScreen
from tests.app_helpers import HOSTILE

CHOICES = [(key, tr("da", f"quit.{key}")) for key in ("retry", "save_as", "discard", "cancel")]


class _Host(App[None]):
    """An empty app that shows one dialog and keeps its answer."""

    answer: str | None = "unset"

    def on_mount(self) -> None:
        def keep(answer: str | None) -> None:
            self.answer = answer
        message = tr("da", "comments.message", name="projekt.borgerspil.yaml", count=3, lines="2, 7, 9")
        self.push_screen(ChoiceScreen(HOSTILE, message, CHOICES), keep)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_four_answers_fit_and_are_read_whole(size: tuple[int, int]) -> None:
    app = _Host()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        buttons = list(screen.query(Button))
        assert len(buttons) == 4
        for button, (_, label) in zip(buttons, CHOICES, strict=True):
            region = button.region
            assert region.x >= 0 and region.right <= size[0] and region.bottom <= size[1], label
            assert button.content_region.width >= len(label) + 2, label  # "▶ " and the whole label
        assert len({button.region.y for button in buttons}) == 4  # one under the other


async def test_down_and_enter_choose_the_second_answer() -> None:
    app = _Host()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.answer == "save_as"

"""F1 help lists every key each screen has, written as people write keys, in the app's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable, OptionList, RadioSet, SelectionList, Tree
from textual.widgets._toggle_button import ToggleButton

from borgerspil_tui.tui.commands import APP_COMMANDS
from borgerspil_tui.tui.key_names import key_name, keys_text
from borgerspil_tui.tui.registry import project_screens
from borgerspil_tui.tui.screens.help import HelpScreen
from tests.app_helpers import SIZE, goto, make_app, screen_text

LISTS = (Tree, DataTable, OptionList, RadioSet, SelectionList, ToggleButton, Button)
"""Textual widgets whose own keys a user needs (text fields' editing keys are everyone's)."""


def _keys(bindings: object) -> set[str]:
    return {part.strip() for b in bindings or [] if isinstance(b, Binding) for part in b.key.split(",")}


def keys_of(screen: Screen, lang: str) -> set[str]:
    """Every key the screen answers to, found without asking the help screen."""
    keys = {c.key for c in getattr(screen, "SCREEN_COMMANDS", [])}
    for cls in type(screen).__mro__:
        if cls.__module__.startswith("borgerspil_tui"):
            keys |= _keys(cls.__dict__.get("BINDINGS"))
    for widget in screen.query(Widget):
        for cls in type(widget).__mro__:
            if cls in LISTS or cls.__module__.startswith("borgerspil_tui.tui.widgets"):
                keys |= _keys(cls.__dict__.get("BINDINGS"))
    keys |= {c.key for c in APP_COMMANDS} | {"ctrl+p", "tab", "shift+tab"}
    return keys


def listed_keys(help_screen: HelpScreen, lang: str) -> set[str]:
    """The key names the help screen shows, one by one."""
    names: set[str] = set()
    for kind, line in help_screen._lines():
        if kind == "line" and "  " in line.strip():
            column = line.strip().split("  ", 1)[0]
            if " / " in column or column == "/":
                names |= set(column.split(" / "))
            else:
                names |= set(column.split("/"))
    return names


async def _help_for(pilot, name: str) -> HelpScreen:  # noqa: ANN001
    if name == "wizard":
        pilot.app.action_new_project()
        await pilot.pause()
    elif name != "home":
        await goto(pilot, name)
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen), name
    return pilot.app.screen


CHUNKS = 4
"""The project screens are checked in this many tests per language (one app each), so the test
workers share them."""


def _missing(help_screen: HelpScreen, lang: str) -> list[str]:
    wanted = {key_name(key, lang) for key in keys_of(help_screen.below, lang)}
    return sorted(wanted - listed_keys(help_screen, lang))


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("chunk", range(CHUNKS))
async def test_help_lists_every_key_of_every_screen(example_copy: Path, tmp_path: Path, lang: str, chunk: int) -> None:
    missing: dict[str, list[str]] = {}
    app = make_app(example_copy, folder=tmp_path, language=lang)
    async with app.run_test(size=SIZE) as pilot:
        for name in list(project_screens())[chunk::CHUNKS]:
            help_screen = await _help_for(pilot, name)
            below = help_screen.below
            if _missing(help_screen, lang):
                missing[name] = _missing(help_screen, lang)
            await pilot.press("escape")
            assert pilot.app.screen is below, name
    assert not missing


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("name", ["home", "wizard"])
async def test_help_lists_every_key_of_home_and_the_wizard(tmp_path: Path, lang: str, name: str) -> None:
    app = make_app(None, folder=tmp_path, language=lang)
    async with app.run_test(size=SIZE) as pilot:
        help_screen = await _help_for(pilot, name)
        assert not _missing(help_screen, lang)


async def test_problem_tree_help_names_keys_as_people_write_them(example_copy: Path) -> None:
    app = make_app(example_copy)
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "problem-tree")
        await pilot.press("f1")
        text = screen_text(app)
        for shown in ("Mellemrum", "Tab/>", "Shift+Tab/<", "Shift+↑", "Delete/x", "Ctrl+S", "Esc", "Enter", "↑"):
            assert shown in text, shown
        for wrong in ("Greater_than_sign", "Less_than_sign", "Up", "Down", "Space", "Escape", "Ctrl+s"):
            assert wrong not in text.replace("Ctrl+Shift+S", ""), wrong


def test_key_names() -> None:
    assert key_name("greater_than_sign") == ">" and key_name("less_than_sign") == "<"
    assert key_name("space", "da") == "Mellemrum" and key_name("space", "en") == "Space"
    assert key_name("ctrl+s") == "Ctrl+S" and key_name("shift+up") == "Shift+↑" and key_name("f1") == "F1"
    assert key_name("escape") == "Esc" and key_name("delete") == "Delete" and key_name("n") == "n"
    assert keys_text(["up", "down"]) == "↑/↓" and keys_text(["slash", "x"]) == "/ / x"

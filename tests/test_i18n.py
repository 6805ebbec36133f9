"""Both languages are complete: every UI text exists in Danish and English, every key used exists."""

from __future__ import annotations

import re
from pathlib import Path

import borgerspil_tui
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.i18n_texts import TEXTS
from borgerspil_tui.tui.commands import APP_COMMANDS
from borgerspil_tui.tui.registry import project_screens

SOURCE = Path(borgerspil_tui.__file__).parent
KEY = re.compile(r"""(?:\bt|\btr|self\.tr|app\.tr)\((?:lang, |self\.lang, |"da", |"en", |language, )?"([a-z_]+\.[a-z_.-]+)\"""")
COMMAND = re.compile(r'Command\("[^"]+", "[^"]+", "([a-z_.]+)", "([a-z_.]+)"')


def test_every_text_has_both_languages() -> None:
    for key, (da, en) in TEXTS.items():
        assert da.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", da)) == set(re.findall(r"{(\w+)}", en)), key


def test_every_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text("utf-8")
        used |= set(KEY.findall(text))
        for label, help_key in COMMAND.findall(text):
            used |= {label, help_key}
    assert len(used) > 100
    missing = sorted(key for key in used if key not in TEXTS)
    assert not missing


def test_every_command_and_screen_is_named_in_both_languages() -> None:
    for command in APP_COMMANDS:
        assert command.label in TEXTS and command.help in TEXTS
    for name in [*project_screens(), "home", "wizard", "help"]:
        assert f"screen.{name}" in TEXTS, name


def test_texts_differ_between_languages_where_they_should() -> None:
    assert tr("da", "key.undo") == "fortryd" and tr("en", "key.undo") == "undo"
    same = [k for k, (da, en) in TEXTS.items() if da == en]
    assert len(same) < len(TEXTS) * 0.06, same  # names like "SUCCES" and "prototype" are the same in both


def test_every_field_a_list_screen_edits_has_a_prompt() -> None:
    from borgerspil_tui.tui.screens.list_base import ListScreen

    screens = [factory for factory in project_screens().values()
               if isinstance(factory, type) and issubclass(factory, ListScreen)]
    assert len(screens) >= 5
    for screen in screens:
        fields = {screen.MAIN_FIELD} | {
            c.action.split("'")[1] for c in screen.SCREEN_COMMANDS if c.action.startswith("edit_field('")}
        for field in fields - {"main"}:
            assert f"field.{field}" in TEXTS, (screen.__name__, field)
        for key in screen.COLUMNS + ((screen.EMPTY_TEXT,) if screen.EMPTY_TEXT else ()):
            assert key in TEXTS, (screen.__name__, key)

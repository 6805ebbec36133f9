"""Keys written as people write them: ``<``, ``↑/↓``, ``Mellemrum``/``Space``, ``Ctrl+S``, ``Esc``."""

from __future__ import annotations

from collections.abc import Iterable

from textual.keys import key_to_character

_NAMES = {
    "up": "↑", "down": "↓", "left": "←", "right": "→",
    "enter": "Enter", "escape": "Esc", "tab": "Tab", "backspace": "Backspace", "delete": "Delete",
    "insert": "Insert", "home": "Home", "end": "End", "pageup": "PgUp", "pagedown": "PgDn",
    "plus": "+", "minus": "-", "slash": "/", "backslash": "\\", "question_mark": "?", "full_stop": ".",
    "comma": ",", "colon": ":", "semicolon": ";", "exclamation_mark": "!", "asterisk": "*",
    "number_sign": "#", "at": "@", "underscore": "_", "equals_sign": "=", "greater_than_sign": ">",
    "less_than_sign": "<", "left_square_bracket": "[", "right_square_bracket": "]",
}
_WORDS = {
    "da": {"space": "Mellemrum"},
    "en": {"space": "Space"},
}
_MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "super": "Super", "meta": "Meta"}


def key_name(key: str, lang: str = "da") -> str:
    """One key as it is written on the keyboard and in a manual: ``ctrl+s`` → ``Ctrl+S``."""
    *modifiers, base = key.split("+")
    words = _WORDS["en" if lang == "en" else "da"]
    name = words.get(base) or _NAMES.get(base)
    if name is None:
        if len(base) == 1:
            name = base.upper() if modifiers else base
        elif base[0] == "f" and base[1:].isdigit():
            name = base.upper()
        else:
            character = key_to_character(base)
            name = character if character and character.isprintable() and character != " " else base.capitalize()
    return "+".join([*(_MODIFIERS.get(m, m.capitalize()) for m in modifiers), name])


def keys_text(keys: Iterable[str], lang: str = "da") -> str:
    """Several keys for one thing: ``↑/↓``, ``Delete/x``."""
    names: list[str] = []
    for key in keys:
        for one in key.split(","):
            name = key_name(one.strip(), lang)
            if name not in names:
                names.append(name)
    return (" / " if "/" in names else "/").join(names)

"""Every text of the app's own (not the method's, not the user's), in Danish and English.

``tr(lang, key, **values)`` looks a text up and fills in ``{name}`` fields. Values are inserted
as plain text; the UI must still show the result without markup (DESIGN.md).

A count chooses between a singular and a plural form with ``{n:form|forms}``:
``"{n} {n:konsekvens|konsekvenser}"`` gives "1 konsekvens" and "3 konsekvenser".
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from borgerspil_tui.core.i18n_texts import TEXTS

LANGUAGES = ("da", "en")


def is_one(count: object) -> bool:
    """Whether ``count`` takes the singular (1 and −1; 0 and 1.5 take the plural, as in both
    Danish and English)."""
    if isinstance(count, bool):
        return False
    if isinstance(count, (int, float)):
        return abs(count) == 1
    return str(count).strip().lstrip("+-\u2212") == "1"  # a number already written: "1", not "1.000"


def plural(count: object, one: str, many: str) -> str:
    """``one`` when ``count`` takes the singular, else ``many``."""
    return one if is_one(count) else many


class _Formatter(string.Formatter):
    """``str.format`` plus ``{n:singular|plural}``."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if "|" in format_spec:
            one, _, many = format_spec.partition("|")
            return plural(value, one, many)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def fill(text: str, values: Mapping[str, object]) -> str:
    """Fill ``{name}`` and ``{name:one|many}`` fields of ``text``."""
    if "|" in text:
        return _FORMATTER.vformat(text, (), values)
    return text.format(**values)


def tr(lang: str, key: str, /, default: str | None = None, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Danish for an unknown language)."""
    pair = TEXTS.get(key)
    if pair is None:
        if default is None:
            raise KeyError(f"no UI text {key!r}")
        text = default
    else:
        text = pair[1] if lang == "en" else pair[0]
    if not values:
        return text
    if any(isinstance(value, Message) for value in values.values()):
        values = {name: value.text(lang) if isinstance(value, Message) else value
                  for name, value in values.items()}
    return fill(text, values)


def has_text(key: str) -> bool:
    """Whether ``key`` is a known UI text."""
    return key in TEXTS


@dataclass(frozen=True)
class Message:
    """A UI text not yet written in a language: its key and values. A value may itself be a
    Message (a kind of item, a field's name), written in the same language."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "da") -> str:
        """The message in ``lang``."""
        return tr(lang, self.key, **self.values)

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class Both(Message):
    """A text already written in both languages (a method's name for a template, from the method
    file), to go into a :class:`Message` and be written in the language the message is said in."""

    key: str = ""
    da: str = ""
    en: str = ""

    def text(self, lang: str = "da") -> str:
        """The text in ``lang`` (Danish for an unknown language)."""
        return self.en if lang == "en" else self.da


Label = str | Message
"""An undo step's name: a Message, said in the app's language when it is said (the app's
language may change between the edit and its undo), or plain text made elsewhere."""


def said(label: Label, lang: str) -> str:
    """``label`` in ``lang`` (plain text as it is)."""
    return label.text(lang) if isinstance(label, Message) else label

"""Every text of the app's own (not the method's, not the user's), in Danish and English.

``tr(lang, key, **values)`` looks a text up and fills in ``{name}`` fields. Values are inserted
as plain text; the UI must still show the result without markup (DESIGN.md).
"""

from __future__ import annotations

from borgerspil_tui.core.i18n_texts import TEXTS

LANGUAGES = ("da", "en")


def tr(lang: str, key: str, default: str | None = None, **values: object) -> str:
    """The text for ``key`` in ``lang`` (Danish for an unknown language)."""
    pair = TEXTS.get(key)
    if pair is None:
        if default is None:
            raise KeyError(f"no UI text {key!r}")
        text = default
    else:
        text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text


def has_text(key: str) -> bool:
    """Whether ``key`` is a known UI text."""
    return key in TEXTS

"""Textual's footer, with each key's label shown in the app's language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from borgerspil_tui.core.i18n import has_text, tr


class TranslatedFooter(Footer):
    """Binding descriptions are UI text keys (``key.save``); this footer shows their translation."""

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "language", "da")
        other_language_keys = {c.key for c in getattr(self.screen, "SCREEN_COMMANDS", []) if c.lang not in (None, lang)}
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                if widget.key in other_language_keys:
                    continue
                if has_text(widget.description):
                    widget.description = tr(lang, widget.description)
            yield widget

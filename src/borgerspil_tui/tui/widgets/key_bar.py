"""The footer: the keys that work here, with their labels in the app's language.

One line drawn by one widget (Textual's Footer builds a widget per key and rebuilds them on every
focus change, which costs more than the rest of a screen switch).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core.i18n import has_text, tr


class KeyBar(Static):
    """``key label`` pairs for the active, shown bindings; the palette key at the end."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.show_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        """Redraw from the screen's active bindings (nothing once the screen is gone)."""
        if not self.is_attached or not self.is_mounted:
            return
        app = self.app
        lang = getattr(app, "language", "da")
        other_language = {c.key for c in getattr(self.screen, "SCREEN_COMMANDS", []) if c.lang not in (None, lang)}
        parts: list[Content] = []
        palette: Content | None = None
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if key == app.COMMAND_PALETTE_BINDING:
                palette = self._pair(app.get_key_display(binding), tr(lang, "palette"))
                continue
            if not binding.show or binding.action in seen or key in other_language or not active.enabled:
                continue
            seen.add(binding.action)
            label = tr(lang, binding.description) if has_text(binding.description) else binding.description
            parts.append(self._pair(app.get_key_display(binding), label))
        line = Content("  ").join(parts)
        if palette is not None:
            line = line + Content("   ") + palette
        self.update(line)

    @staticmethod
    def _pair(key: str, label: str) -> Content:
        return Content.styled(key, "bold $text-accent") + Content(f" {label}")

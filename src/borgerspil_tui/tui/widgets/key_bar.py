"""The footer: the keys that work here, with their labels in the app's language.

One line drawn by one widget (Textual's Footer builds a widget per key and rebuilds them on every
focus change, which costs more than the rest of a screen switch).
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core.i18n import has_text, tr


class KeyBar(Static):
    """``key label`` pairs for the active, shown bindings; the palette key at the end.

    When the pairs do not all fit, whole pairs are left out from the end (never a pair cut in
    half) and the help key stays, so the user always sees where the rest is."""

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

    def on_resize(self) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        """Redraw from the screen's active bindings (nothing once the screen is gone)."""
        if not self.is_attached or not self.is_mounted:
            return
        app = self.app
        lang = getattr(app, "language", "da")
        other_language = {c.key for c in getattr(self.screen, "SCREEN_COMMANDS", []) if c.lang not in (None, lang)}
        parts: list[Content] = []
        help_pair: Content | None = None
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
            if binding.action == "help":
                help_pair = parts[-1]
        self.update(self._fit(parts, help_pair, palette, self.content_region.width))

    @staticmethod
    def _fit(parts: list[Content], help_pair: Content | None, palette: Content | None, width: int) -> Content:
        """As many whole pairs as fit in ``width``, in their order, the help key always among them
        (all of them when the width is not known yet)."""
        def line_of(chosen: list[Content], end: Content | None) -> Content:
            line = Content("  ").join(chosen)
            return line + Content("   ") + end if end is not None else line

        if width <= 0 or line_of(parts, palette).cell_length <= width:
            return line_of(parts, palette)
        must = [index for index, pair in enumerate(parts) if pair is help_pair]
        chosen = set(must)
        for index in range(len(parts)):
            if index in chosen:
                continue
            trial = chosen | {index}
            if line_of([parts[i] for i in sorted(trial)], None).cell_length > width:
                break
            chosen = trial
        kept = [parts[i] for i in sorted(chosen)]
        with_palette = line_of(kept, palette)
        return with_palette if with_palette.cell_length <= width else line_of(kept, None)

    @staticmethod
    def _pair(key: str, label: str) -> Content:
        return Content.styled(key, "bold $text-accent") + Content(f" {label}")

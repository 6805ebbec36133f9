"""The command palette: every screen by its Danish or English name, and every command.

When nothing matches, the palette says so in the app's language: Textual's own "No matches found"
is English only, so each provider here yields one line of its own instead (choosing it does nothing).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.theme import ThemeProvider

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.tui.commands import APP_COMMANDS, PALETTE_COMMANDS, Command

if TYPE_CHECKING:
    from borgerspil_tui.tui.app import BorgerspilApp


class AppCommands(Provider):
    """Screens to go to and commands to run, matched in both languages, shown in the app's."""

    def _entries(self) -> list[tuple[str, str, str, object]]:
        app: BorgerspilApp = self.app  # type: ignore[assignment]
        lang = app.language
        entries: list[tuple[str, str, str, object]] = []
        for name in app.screen_names():
            entries.append((tr("da", f"screen.{name}"), tr("en", f"screen.{name}"),
                            tr(lang, "palette.go_to"), partial(app.action_goto, name)))
        screen_commands: list[Command] = list(getattr(self.screen, "SCREEN_COMMANDS", []))
        for command in screen_commands + APP_COMMANDS + PALETTE_COMMANDS:
            if command.needs_project and app.session is None:
                continue
            if command.action.startswith("goto("):
                continue
            target = self.screen if command in screen_commands else app
            entries.append((tr("da", command.label), tr("en", command.label), tr(lang, command.help),
                            partial(app.run_palette_action, target, command.action)))
        return entries

    async def discover(self) -> Hits:
        lang = self.app.language  # type: ignore[attr-defined]
        for da, en, help_text, run in self._entries():
            label = en if lang == "en" else da
            yield DiscoveryHit(Content(label), run, text=label, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        lang = self.app.language  # type: ignore[attr-defined]
        found = False
        for da, en, help_text, run in self._entries():
            label, other = (en, da) if lang == "en" else (da, en)
            score = _score(matcher, label)
            other_score = _score(matcher, other)
            if other_score > score:
                shown = Content(f"{label} · ").append(matcher.highlight(other))
                found = True
                yield Hit(other_score, shown, run, text=label, help=help_text)  # type: ignore[arg-type]
            elif score > 0:
                found = True
                yield Hit(score, matcher.highlight(label), run, text=label, help=help_text)  # type: ignore[arg-type]
        if not found:
            yield no_matches(lang)


def _nothing() -> None:
    """What choosing the "no matches" line does."""


def no_matches(lang: str) -> Hit:
    """The palette's line for a search that found nothing, in ``lang`` (instead of Textual's English)."""
    text = tr(lang, "palette.no_matches")
    return Hit(1, Content(text), _nothing, text=text, help=tr(lang, "palette.no_matches_help"))


class ThemeCommands(ThemeProvider):
    """Textual's list of themes, saying "no match" in the app's language."""

    async def search(self, query: str) -> Hits:
        found = False
        async for hit in super().search(query):
            found = True
            yield hit
        if not found:
            yield no_matches(self.app.language)  # type: ignore[attr-defined]


def _score(matcher, label: str) -> float:  # noqa: ANN001 - textual.fuzzy.Matcher
    """The matcher's score, doubled for a name that starts with what was typed ("succes" → SUCCES-tjek)."""
    score = matcher.match(label)
    if score and label.casefold().startswith(matcher.query.strip().casefold()):
        score *= 2
    return score

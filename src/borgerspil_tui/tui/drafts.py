"""Text a user typed but did not confirm, kept in the app (never in the project file) while they
are on another screen, until it is saved, confirmed away, or typed on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from borgerspil_tui.core.i18n import tr

FORM = "form"
"""The purpose of a draft that is a whole form (the new-project wizard), not one edit bar."""


@dataclass
class Draft:
    """Typed text waiting on a screen: where, what it is for, and why it was not saved."""

    project: object | None
    """The session it belongs to (None: typed without a project, as in the wizard)."""
    screen: str
    """The screen's draft key (its name, and for a concept screen the concept)."""
    name: str
    """The screen's name, to go back to it."""
    place: str
    """The screen's title, to name the draft."""
    purpose: str
    """What the text is for: the edit bar's purpose, or ``FORM``."""
    prompt: str
    text: str
    reason: str = ""
    """Why the app refused it, when it did."""
    state: dict[str, Any] = field(default_factory=dict)
    """What the screen needs besides the text to go on where the user left off."""


class Drafts:
    """Every draft in the app, one per project, screen and purpose."""

    def __init__(self) -> None:
        self._drafts: dict[tuple[int, str, str], Draft] = {}

    def park(self, draft: Draft) -> None:
        """Keep ``draft`` (replacing one for the same place and purpose)."""
        self._drafts[(id(draft.project), draft.screen, draft.purpose)] = draft

    def take(self, project: object | None, screen: str) -> list[Draft]:
        """Remove and return the drafts of one screen."""
        found = [d for d in self._drafts.values() if d.project is project and d.screen == screen]
        for draft in found:
            del self._drafts[(id(draft.project), draft.screen, draft.purpose)]
        return found

    def all(self) -> list[Draft]:
        """Every draft, oldest first."""
        return list(self._drafts.values())

    def of_project(self, project: object) -> list[Draft]:
        """The drafts typed in one project."""
        return [d for d in self._drafts.values() if d.project is project]

    def drop(self, drafts: list[Draft]) -> None:
        """Forget these drafts (the user said so)."""
        for draft in drafts:
            self._drafts.pop((id(draft.project), draft.screen, draft.purpose), None)

    def __bool__(self) -> bool:
        return bool(self._drafts)


def excerpt(text: str, width: int = 50) -> str:
    """The start of a typed text on one line."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def describe(drafts: list[Draft], lang: str) -> str:
    """One line per draft: where it is, how it starts, and why it was not saved."""
    lines = []
    for draft in drafts:
        line = tr(lang, "draft.line", place=draft.place, text=excerpt(draft.text))
        if draft.reason:
            line += " — " + draft.reason
        lines.append(line)
    return "\n".join(lines)

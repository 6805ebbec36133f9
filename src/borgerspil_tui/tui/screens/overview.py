"""The overview: readiness, the four phases and the organisation as a map, with the next step."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core.overview import PARTS, next_suggestion, project_status
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.part_card import PartCard

NUMBERS = {"readiness": "R", "focus": "1", "experience": "2", "create": "3", "insist": "4", "organisation": "5"}
SCREEN_OF = {"readiness": "readiness", "organisation": "organisation"}


class OverviewScreen(BaseScreen):
    """Six cards; arrows move between them, Enter opens one; the next suggested step below."""

    NAME = "overview"
    SCREEN_COMMANDS = [
        Command("next_card", "right", "key.next", "help.next_card", show=False),
        Command("previous_card", "left", "key.previous", "help.previous_card", show=False),
        Command("card_below", "down", "key.down", "help.card_below", show=False),
        Command("card_above", "up", "key.up", "help.card_above", show=False),
        Command("open_suggestion", "n", "key.next_step", "help.next_step"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    OverviewScreen #map { grid-size: 3 2; grid-gutter: 1 1; padding: 1 1 0 1; height: 1fr; }
    OverviewScreen #suggestion { padding: 1 2; text-style: bold; color: $accent; height: auto; }
    """

    def compose_body(self) -> ComposeResult:
        statuses = self._statuses()
        with Grid(id="map"):
            for status in statuses:
                yield PartCard(status, self._tagline(status.id), self._labels(), NUMBERS[status.id])
        yield Static(Content(self._suggestion_text(statuses)), id="suggestion")

    def on_mount(self) -> None:  # BaseScreen.on_mount runs too: Textual calls it along the MRO
        self.query_one(PartCard).focus()

    def _labels(self) -> dict[str, str]:
        return {"next": self.t("overview.next"), "checklist": self.t("overview.checklist")}

    def _statuses(self):  # noqa: ANN202 - list[PartStatus]
        return project_status(self.session.project, self.method, self.lang)

    def _tagline(self, part: str) -> str:
        if part == "readiness":
            return self.method.readiness.tagline(self.lang)
        if part == "organisation":
            return self.method.organisation.tagline(self.lang)
        return self.method.phase(part).tagline(self.lang)

    def _suggestion_text(self, statuses=None) -> str:  # noqa: ANN001 - list[PartStatus] | None
        found = next_suggestion(statuses if statuses is not None else self._statuses())
        if found is None:
            return self.t("check.done")
        part, step = found
        return f"{self.t('check.next')}: {part.name} › {step.name}   (n)"

    def project_changed(self) -> None:
        super().project_changed()
        statuses = self._statuses()
        for status in statuses:
            card = self.query_one(f"#card-{status.id}", PartCard)
            card.show(status, self._tagline(status.id), self._labels(), NUMBERS[status.id])
        self.query_one("#suggestion", Static).update(Content(self._suggestion_text(statuses)))

    @on(PartCard.Opened)
    def _open(self, event: PartCard.Opened) -> None:
        self.bapp.action_goto(SCREEN_OF.get(event.part, f"phase-{event.part}"))

    def _move(self, delta: int) -> None:
        cards = list(self.query(PartCard))
        focused = self.focused
        index = cards.index(focused) if focused in cards else 0
        cards[(index + delta) % len(cards)].focus()

    def action_next_card(self) -> None:
        """Focus the next card."""
        self._move(1)

    def action_previous_card(self) -> None:
        """Focus the previous card."""
        self._move(-1)

    def action_card_below(self) -> None:
        """Focus the card below."""
        self._move(3)

    def action_card_above(self) -> None:
        """Focus the card above."""
        self._move(-3)

    def action_open_suggestion(self) -> None:
        """Open the part with the next suggested step."""
        found = next_suggestion(self._statuses())
        part = found[0].id if found else PARTS[0]
        self.bapp.action_goto(SCREEN_OF.get(part, f"phase-{part}"))

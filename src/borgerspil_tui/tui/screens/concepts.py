"""Skab: the concepts — a list with status, ideas, test rounds and the SUCCES verdict."""

from __future__ import annotations

from borgerspil_tui.core import succes
from borgerspil_tui.core.model.create import Concept
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen

STATUSES = ("sketch", "prototype", "tested", "chosen", "dropped")


def last_tested(concept: Concept) -> str:
    """The date of the latest test round, or empty."""
    dates = [t.date for t in concept.tests if t.date is not None]
    return max(dates).isoformat() if dates else ""


class ConceptsScreen(ListScreen):
    """Every concept; Enter opens its card, n makes a new one and opens it."""

    NAME = "concepts"
    part = "create"
    LIST_PATH = ("create", "concepts")
    COLUMNS = ("concepts.title", "concepts.status", "concepts.ideas", "concepts.rounds", "concepts.last",
               "concepts.verdict")
    MAIN_FIELD = "title"
    EMPTY_TEXT = "concepts.empty"
    SCREEN_COMMANDS = [
        *LIST_COMMANDS,
        Command("select_item", "o", "concepts.open", "help.concepts_open"),
        Command("cycle_status", "s", "concepts.status", "help.concepts_status"),
        Command("open_succes", "u", "concepts.succes", "help.concepts_succes"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def guidance_text(self) -> str | None:
        return self.step_guidance("create", "make-concepts")

    def cells(self, item: Concept) -> list[str]:
        verdict = succes.check(item, self.method).verdict
        return [item.title, self.t(f"concept.status_{item.status}"), str(len(item.ideas)), str(len(item.tests)),
                last_tested(item), self.t(f"succes.verdict_{verdict}")]

    def new_item(self, text: str) -> Concept:
        return Concept(title=text)

    def typed(self, purpose: str, text: str) -> bool:
        """A new concept opens its card at once, ready for the eight elements."""
        if purpose != "add" or not text:
            return False
        self._done()
        concept = self.add_item("concepts.add", lambda: Concept(title=text))
        if concept is not None:
            self.bapp.current_concept = concept.id
            self.bapp.action_goto("concept-card")
        return True

    def action_select_item(self) -> None:
        """Open the card of the concept under the cursor."""
        self.select_item()

    def select_item(self) -> None:
        item = self.current()
        if item is not None:
            self.bapp.current_concept = item.id
            self.bapp.action_goto("concept-card")

    def action_open_succes(self) -> None:
        """Open the SUCCES check of the concept under the cursor."""
        item = self.current()
        if item is not None:
            self.bapp.current_concept = item.id
            self.bapp.action_goto("succes")

    def action_cycle_status(self) -> None:
        """Sketch → prototype → tested → chosen → dropped."""
        item = self.current()
        if item is not None:
            self.edit_item(item.id, "concepts.status", status=STATUSES[(STATUSES.index(item.status) + 1) % len(STATUSES)])

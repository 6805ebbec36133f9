"""Oplev: observations from the field — when, where, who (a role, never a name), what was seen
or heard, the citizen's own words, and tags."""

from __future__ import annotations

import datetime as dt

from borgerspil_tui.core.model.experience import Observation
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar


class ObservationsScreen(ListScreen):
    """Type what you saw, Enter, the next one; date, place and who carry over from the last one."""

    NAME = "observations"
    part = "experience"
    LIST_PATH = ("experience", "observations")
    COLUMNS = ("field.date", "field.place", "field.who", "field.what", "field.quotes", "field.tags")
    MAIN_FIELD = "what"
    EMPTY_TEXT = "observations.empty"
    SCREEN_COMMANDS = [
        *LIST_COMMANDS,
        Command("add_quote", "q", "observations.quote", "help.observations_quote"),
        Command("edit_field('date')", "d", "field.date", "help.observations_date", show=False),
        Command("edit_field('place')", "p", "field.place", "help.observations_place", show=False),
        Command("edit_field('who')", "w", "field.who", "help.observations_who", show=False),
        Command("edit_field('tags')", "t", "field.tags", "help.observations_tags", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def guidance_text(self) -> str | None:
        return self.t("observations.guidance")

    def cells(self, item: Observation) -> list[str]:
        quotes = f"«{item.quotes[0]}»" + (f" +{len(item.quotes) - 1}" if len(item.quotes) > 1 else "") \
            if item.quotes else ""
        return [item.date.isoformat() if item.date else "", item.place, item.who, item.what.replace("\n", " "),
                quotes, ", ".join(item.tags)]

    def detail(self, item: Observation) -> str:
        """All of the observation: when, where, who, what was seen, every quote, the tags."""
        when = " · ".join(part for part in (item.date.isoformat() if item.date else "", item.place, item.who) if part)
        lines = [when] if when else []
        lines.append(item.what)
        lines += [f"«{quote}»" for quote in item.quotes]
        if item.tags:
            lines.append("# " + ", ".join(item.tags))
        return "\n".join(lines)

    def new_item(self, text: str) -> Observation:
        last = self.session.project.experience.observations[-1:]
        if last:
            return Observation(what=text, date=last[0].date, place=last[0].place, who=last[0].who)
        return Observation(what=text, date=dt.date.today())

    def save_field(self, item_id: str, field: str, text: str) -> bool:
        if field == "tags":
            tags = [tag.strip() for tag in text.split(",") if tag.strip()]
            return self.edit_item(item_id, "field.tags", tags=tags)
        return super().save_field(item_id, field, text)

    def action_add_quote(self) -> None:
        """Add the citizen's own words to the observation (Enter for another quote)."""
        item = self.current()
        if item is not None:
            self.query_one(EditBar).open(self.t("observations.prompt_quote"), f"quote:{item.id}")

    def typed(self, purpose: str, text: str) -> bool:
        if not purpose.startswith("quote:"):
            return False
        item_id = purpose.removeprefix("quote:")
        if not text:
            self._done()
            return True
        quotes = self.changes.get((*self.path(item_id), "quotes"), [])
        if self.apply_changes("observations.quote", self.changes.set((*self.path(item_id), "quotes"), [*quotes, text])):
            self.query_one(EditBar).open(self.t("observations.prompt_quote"), purpose)
        return True

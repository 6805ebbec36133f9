"""Oplev: observations from the field — when, where, who (a role, never a name), what was seen
or heard, the citizen's own words, and tags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core import observation_groups as og
from borgerspil_tui.core.changes import Path
from borgerspil_tui.core.group_board import cut
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.experience import Observation
from borgerspil_tui.core.validation_messages import describe
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
        Command("filter", "f", "observations.filter", "help.observations_filter"),
        Command("clear_filter", "x", "observations.filter_clear", "help.observations_filter_clear", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    shown_filter: og.Filter = og.Filter()
    """Only the observations with a tag, or in a group (core/observation_groups); off by default."""

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
        tags = [self.shown_filter.value] if self.shown_filter.kind == "tag" else []  # stays in view
        last = self.session.project.experience.observations[-1:]
        if last:
            return Observation(what=text, date=last[0].date, place=last[0].place, who=last[0].who, tags=tags)
        return Observation(what=text, date=dt.date.today(), tags=tags)

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

    # -- the filter: by tag or by group (the groups screen makes the groups) ---------------------
    def items(self, project: Project) -> list[Any]:
        if self.shown_filter.on:
            return og.filtered(project, self.shown_filter)
        return super().items(project)

    def title_text(self) -> str:
        chosen = self.shown_filter
        if not chosen.on or self.bapp.session is None:
            return super().title_text()
        count = len(og.filtered(self.session.project, chosen))
        if chosen.kind == "tag":
            said = self.t("observations.filter_tag", tag=cut(chosen.value, 30), count=count)
        else:
            group = og.group_of(self.session.project, chosen.value)
            said = self.t("observations.filter_group", name=cut(group.name, 30) if group else "", count=count)
        title = super().title_text()  # the filter before the project's title: a long title is cut
        name = self.screen_title()
        return f"{name} · {said}{title[len(name):]}"

    def project_changed(self) -> None:
        if not self.shown_filter.on:
            super().project_changed()
            return
        if self.shown_filter.kind == "group" and og.group_of(self.session.project, self.shown_filter.value) is None:
            self.shown_filter = og.Filter()  # the group is gone (deleted, undone): show all
        self.refresh_status()
        self.news()
        self.fill()  # which rows pass may change with any edit: the list is filled again

    _empty_key = ""

    def _after_rows(self, items: list[Any]) -> None:
        key = "observations.filtered_out" if self.shown_filter.on else self.EMPTY_TEXT
        if key != self._empty_key:
            self._empty_key = key
            self.query_one("#items-empty", Static).update(Content(self.t(key)))
        super()._after_rows(items)

    def set_filter(self, chosen: og.Filter) -> None:
        """Show only what ``chosen`` lets through (an empty filter shows all)."""
        self.shown_filter = chosen
        self.fill()
        self.refresh_status()

    def action_filter(self) -> None:
        """Choose a tag or a group: only its observations are shown (x shows all again)."""
        options = og.filter_options(self.session.project)
        if not options:
            self.notify(self.t("observations.no_filters"), severity="warning", markup=False)
            return
        current = {f"{self.shown_filter.kind}:{self.shown_filter.value}"} if self.shown_filter.on else set()

        def chosen(values: list[str]) -> None:
            kind, _, value = values[0].partition(":") if values else ("", "", "")
            self.set_filter(og.Filter(kind, value))
        self.pick(self.t("observations.pick_filter"), [(f"{k}:{v}", label) for k, v, label in options], current,
                  chosen, multiple=False, offer_none=False)  # x shows all again

    def action_clear_filter(self) -> None:
        """Show every observation again."""
        if self.shown_filter.on:
            self.set_filter(og.Filter())

    def add_item(self, label: str, make: Callable[[], BaseModel], at: Path | None = None) -> BaseModel | None:
        """A new observation while a group's filter is on goes into that group too (one undo step)."""
        group = og.group_of(self.session.project, self.shown_filter.value) if self.shown_filter.kind == "group" else None
        if group is None or at is not None:
            return super().add_item(label, make, at)
        try:
            item = make()
        except ValidationError as error:
            self.refuse(describe(error, self.lang))
            return None
        changes = [*self.changes.add(self.LIST_PATH, item),
                   *self.changes.set((*og.GROUPS, group.id, "observations"), [*group.observations, item.id])]
        return item if self.apply_changes(label, changes) else None

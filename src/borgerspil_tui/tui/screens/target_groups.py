"""Fokusér: the target groups — who the project is for, and why them."""

from __future__ import annotations

from borgerspil_tui.core.model.focus import TargetGroup
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen


class TargetGroupsScreen(ListScreen):
    """A table of target groups; each field is edited in the bar at the bottom."""

    NAME = "target-groups"
    part = "focus"
    LIST_PATH = ("focus", "target_groups")
    COLUMNS = ("groups.name", "groups.kind", "groups.description", "groups.why")
    MAIN_FIELD = "name"
    EMPTY_TEXT = "groups.empty"
    SCREEN_COMMANDS = [
        *LIST_COMMANDS,
        Command("edit_field('description')", "d", "groups.description", "help.groups_description"),
        Command("edit_field('why')", "w", "groups.why", "help.groups_why"),
        Command("toggle_primary", "p", "groups.primary", "help.groups_primary"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def guidance_text(self) -> str | None:
        return self.step_guidance("focus", "target-group")

    def cells(self, item: TargetGroup) -> list[str]:
        kind = self.t("groups.primary_kind" if item.primary else "groups.secondary_kind")
        return [item.name, kind, item.description.replace("\n", " "), item.why.replace("\n", " ")]

    def detail(self, item: TargetGroup) -> str:
        """All of the target group: name and kind, the whole description and why them."""
        kind = self.t("groups.primary_kind" if item.primary else "groups.secondary_kind")
        lines = [f"{item.name} ({kind})"]
        lines += [f"{self.t(key)}: {text}" for key, text in (("groups.description", item.description),
                                                              ("groups.why", item.why)) if text]
        return "\n".join(lines)

    def new_item(self, text: str) -> TargetGroup:
        return TargetGroup(name=text)

    def action_toggle_primary(self) -> None:
        """Primary ⇄ secondary target group."""
        item = self.current()
        if item is not None:
            self.edit_item(item.id, "groups.primary", primary=not item.primary)

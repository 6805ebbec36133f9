"""Parathed: the innovation team — name, role, and whether the person has dedicated time."""

from __future__ import annotations

from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen


class TeamScreen(ListScreen):
    """The team; the method recommends 4–6 dedicated people, and the screen says so."""

    NAME = "team"
    part = "readiness"
    LIST_PATH = ("readiness", "team")
    COLUMNS = ("wizard.member_name", "wizard.member_role", "team.dedicated")
    MAIN_FIELD = "name"
    EMPTY_TEXT = "team.empty"
    SCREEN_COMMANDS = [
        *LIST_COMMANDS,
        Command("edit_field('role')", "o", "wizard.member_role", "help.team_role"),
        Command("toggle_dedicated", "d", "team.dedicated", "help.team_dedicated"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def guidance_text(self) -> str | None:
        team = next(c for c in self.method.readiness.considerations if c.id == "team")
        return team.text(self.lang) if team.text else None

    def cells(self, item: TeamMember) -> list[str]:
        return [item.name, item.role, self.t("checklist.yes") if item.dedicated else self.t("checklist.no")]

    def new_item(self, text: str) -> TeamMember:
        return TeamMember(name=text)

    def detail(self, item: TeamMember) -> str:
        """How many are on the team, and the method's advice when that is not 4–6 dedicated people."""
        team = self.session.project.readiness.team
        count, dedicated = self.lookup("count", lambda: (len(team), sum(1 for member in team if member.dedicated)))
        text = self.t("team.count", count=count, dedicated=dedicated)
        if not 4 <= dedicated <= 6:
            text += "\n" + self.t("wizard.team_size", count=dedicated)
        return text

    def action_toggle_dedicated(self) -> None:
        """Dedicated time for the project, or not."""
        item = self.current()
        if item is not None:
            self.edit_item(item.id, "team.dedicated", dedicated=not item.dedicated)

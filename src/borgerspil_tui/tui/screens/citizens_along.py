"""Insistér: how citizens keep giving input while the solution is implemented — what is done,
when, and who makes it happen (a list with add, edit, delete and undo)."""

from __future__ import annotations

from typing import ClassVar

from borgerspil_tui.core.model.insist import CitizenVoice
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen
from borgerspil_tui.tui.screens.resources import cut
from borgerspil_tui.tui.widgets.edit_bar import EditBar


class CitizensAlongScreen(ListScreen):
    """Ways citizens stay involved: e edits what, t when, h who."""

    NAME = "citizens-along"
    part = "insist"
    LIST_PATH = ("insist", "citizen_input")
    COLUMNS = ("citizens.what", "citizens.when", "citizens.who")
    MAIN_FIELD = "what"
    EMPTY_TEXT = "citizens.empty"
    SCREEN_COMMANDS: ClassVar[list[Command]] = [
        *LIST_COMMANDS,
        Command("edit_field('when')", "t", "citizens.key.when", "help.citizens_when"),
        Command("edit_field('who')", "h", "citizens.key.who", "help.citizens_who"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def guidance_text(self) -> str | None:
        return self.t("citizens.guidance")

    def cells(self, item: CitizenVoice) -> list[str]:
        return [cut(item.what, 44), cut(item.when, 28), cut(item.who, 28)]

    def detail(self, item: CitizenVoice) -> str:
        names = [self.t(key) for key in self.COLUMNS]
        return "\n".join(f"{name}: {text}" for name, text in zip(names, (item.what, item.when, item.who), strict=True)
                         if text)

    def new_item(self, text: str) -> CitizenVoice:
        return CitizenVoice(what=text)

    def action_edit_field(self, field: str) -> None:
        """Edit what, when or who of the way under the cursor in the bar."""
        item = self.current()
        if item is None:
            return
        name = self.MAIN_FIELD if field == "main" else field
        self.query_one(EditBar).open(self.t(f"citizens.prompt.{name}"), f"{name}:{item.id}", getattr(item, name))

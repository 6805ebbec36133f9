"""Skab: "What if?" questions, each perhaps built on an insight or eye-opener."""

from __future__ import annotations

from borgerspil_tui.core.model.create import WhatIf
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen


class WhatIfsScreen(ListScreen):
    """Questions that open the idea work; i ties one to the insight it comes from."""

    NAME = "what-ifs"
    part = "create"
    LIST_PATH = ("create", "what_ifs")
    ALSO_SHOWN = (("experience", "insights"),)
    COLUMNS = ("field.question", "whatifs.insight")
    MAIN_FIELD = "question"
    EMPTY_TEXT = "whatifs.empty"
    SCREEN_COMMANDS = [*LIST_COMMANDS, Command("link_insight", "i", "whatifs.link", "help.whatifs_link")]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def guidance_text(self) -> str | None:
        return self.step_guidance("create", "set-frame")

    def _insight_text(self, insight_id: str | None) -> str:
        if insight_id is None:
            return ""
        insights = self.lookup("insights", lambda: {i.id: ("★ " if i.eye_opener else "") + i.statement
                                                    for i in self.session.project.experience.insights})
        return insights.get(insight_id, "")

    def cells(self, item: WhatIf) -> list[str]:
        return [item.question.replace("\n", " "), self._insight_text(item.insight)]

    def new_item(self, text: str) -> WhatIf:
        return WhatIf(question=text)

    def action_link_insight(self) -> None:
        """Tie the question to the insight or eye-opener it builds on."""
        item = self.current()
        if item is None:
            return
        options = [(i.id, ("★ " if i.eye_opener else "") + i.statement) for i in self.session.project.experience.insights]
        self.pick(self.t("whatifs.link"), options, {item.insight} if item.insight else set(),
                  lambda ids: self.edit_item(item.id, "whatifs.link", insight=ids[0] if ids else None),
                  multiple=False)

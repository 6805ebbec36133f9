"""Oplev: insights drawn from the observations; the eye-openers; and the causes in the problem
tree each insight supports or contradicts (the tree then shows that a cause has evidence)."""

from __future__ import annotations

from borgerspil_tui.core import tree_ops
from borgerspil_tui.core.model.experience import Insight
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen


class InsightsScreen(ListScreen):
    """Statements, each with the observations behind it; ★ marks an eye-opener."""

    NAME = "insights"
    part = "experience"
    LIST_PATH = ("experience", "insights")
    COLUMNS = ("insights.eye", "field.statement", "insights.observations", "insights.supports",
               "insights.contradicts")
    MAIN_FIELD = "statement"
    EMPTY_TEXT = "insights.empty"
    SCREEN_COMMANDS = [
        *LIST_COMMANDS,
        Command("toggle_eye_opener", "o", "insights.eye_opener", "help.insights_eye"),
        Command("link_observations", "l", "insights.link", "help.insights_link"),
        Command("link_causes('supports')", "s", "insights.supports", "help.insights_supports"),
        Command("link_causes('contradicts')", "x", "insights.contradicts", "help.insights_contradicts"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def guidance_text(self) -> str | None:
        steps = {s.id: s for s in self.method.phase("experience").steps}
        return " ".join(s.guidance(self.lang) for key in ("information-to-knowledge", "see-the-point")
                        if (s := steps.get(key)) and s.guidance)

    def cells(self, item: Insight) -> list[str]:
        return ["★" if item.eye_opener else "", item.statement.replace("\n", " "), str(len(item.observations) or ""),
                str(len(item.supports) or ""), str(len(item.contradicts) or "")]

    def detail(self, item: Insight) -> str:
        project = self.session.project
        observations = self.lookup("observations", lambda: {o.id: o.what for o in project.experience.observations})
        causes = self.lookup("causes", lambda: {n.id: n.text for n, _ in tree_ops.walk(project.focus.causes)})
        lines = [item.statement]
        lines += [f"👁 {observations.get(o, o)}" for o in item.observations]
        lines += [f"＋ {causes.get(c, c)}" for c in item.supports]
        lines += [f"－ {causes.get(c, c)}" for c in item.contradicts]
        return "\n".join(lines)

    def new_item(self, text: str) -> Insight:
        return Insight(statement=text)

    def action_toggle_eye_opener(self) -> None:
        """Mark the insight as an eye-opener (øjenåbner), or not."""
        item = self.current()
        if item is not None:
            self.edit_item(item.id, "insights.eye_opener", eye_opener=not item.eye_opener)

    def action_link_observations(self) -> None:
        """Choose the observations the insight rests on."""
        item = self.current()
        if item is None:
            return
        options = [(o.id, f"{o.who}: {o.what}" if o.who else o.what)
                   for o in self.session.project.experience.observations]
        self.pick(self.t("insights.link"), options, set(item.observations),
                  lambda ids: self.edit_item(item.id, "insights.link", observations=ids))

    def action_link_causes(self, field: str) -> None:
        """Choose the causes in the problem tree the insight supports (or contradicts)."""
        item = self.current()
        if item is None:
            return
        options = [(n.id, "  " * depth + n.text) for n, depth in tree_ops.walk(self.session.project.focus.causes)]
        self.pick(self.t(f"insights.{field}"), options, set(getattr(item, field)),
                  lambda ids: self.edit_item(item.id, f"insights.{field}", **{field: ids}))

"""Insistér: the value case along the four bottom lines, the five implementation aspects, the
milestones, and the handover."""

from __future__ import annotations

import datetime as dt
from typing import Any

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import BottomLine, Milestone
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.keyed_notes import KeyedNotesScreen
from borgerspil_tui.tui.screens.list_base import LIST_COMMANDS, ListScreen

VALUE_FIELDS = ("goal", "change", "measure", "baseline", "target")


class ValueCaseScreen(KeyedNotesScreen):
    """One row per bottom line and field: the goal, the change, how it is measured, from what, to what."""

    NAME = "value-case"
    part = "insist"

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "show-value")

    def rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for line in self.method.bottom_lines:
            for field in VALUE_FIELDS:
                explanation = {"goal": line.goal_question(self.lang), "change": line.value_question(self.lang)}
                rows.append((f"{line.id}.{field}", f"{line.name(self.lang)} · {self.t(f'value_case.{field}')}",
                             explanation.get(field, "")))
        return rows

    def notes(self, project: Project) -> dict[str, str]:
        return {f"{b.line}.{field}": getattr(b, field) for b in project.insist.value_case for field in VALUE_FIELDS
                if getattr(b, field)}

    def set_notes(self, project: Project, notes: dict[str, str]) -> None:
        lines = []
        for line in self.method.bottom_lines:
            values = {field: notes.get(f"{line.id}.{field}", "") for field in VALUE_FIELDS}
            if any(values.values()):
                lines.append(BottomLine(line=line.id, **values))
        project.insist.value_case = lines


class AspectsScreen(KeyedNotesScreen):
    """The five aspects to think through: IT, competences, procedures, physical settings, communication."""

    NAME = "aspects"
    part = "insist"

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "implement")

    def rows(self) -> list[tuple[str, str, str]]:
        return [(a.id, a.name(self.lang), a.prompt(self.lang) if a.prompt else "")
                for a in self.method.implementation_aspects]

    def notes(self, project: Project) -> dict[str, str]:
        return project.insist.aspects

    def set_notes(self, project: Project, notes: dict[str, str]) -> None:
        project.insist.aspects = notes


class HandoverScreen(KeyedNotesScreen):
    """Who takes the solution on, when (YYYY-MM-DD), and what they are given."""

    NAME = "handover"
    part = "insist"

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "hand-over")

    def rows(self) -> list[tuple[str, str, str]]:
        return [(key, self.t(f"handover.{key}"), "") for key in ("to", "date", "notes")]

    def notes(self, project: Project) -> dict[str, str]:
        handover = project.insist.handover
        values = {"to": handover.to, "date": handover.date.isoformat() if handover.date else "",
                  "notes": handover.notes}
        return {key: value for key, value in values.items() if value}

    def set_notes(self, project: Project, notes: dict[str, str]) -> None:
        handover = project.insist.handover
        handover.to = notes.get("to", "")
        handover.notes = notes.get("notes", "")
        handover.date = dt.date.fromisoformat(notes["date"]) if notes.get("date") else None


class MilestonesScreen(ListScreen):
    """The implementation plan's milestones: title, due date, owner, done."""

    NAME = "milestones"
    part = "insist"
    COLUMNS = ("milestones.title", "field.date", "milestones.owner", "milestones.done")
    MAIN_FIELD = "title"
    EMPTY_TEXT = "milestones.empty"
    DATE_FIELDS = ("due",)
    SCREEN_COMMANDS = [
        *LIST_COMMANDS,
        Command("edit_field('due')", "d", "field.date", "help.observations_date"),
        Command("edit_field('owner')", "o", "milestones.owner", "help.milestones_owner"),
        Command("toggle_done", "space", "milestones.done", "help.milestones_done"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "implement")

    def items(self, project: Project) -> list[Any]:
        return project.insist.milestones

    def set_items(self, project: Project, items: list[Any]) -> None:
        project.insist.milestones = items

    def cells(self, item: Milestone) -> list[str]:
        return [item.title, item.due.isoformat() if item.due else "", item.owner, "✓" if item.done else ""]

    def new_item(self, text: str) -> Milestone:
        return Milestone(title=text)

    def action_toggle_done(self) -> None:
        """Mark the milestone as reached, or not."""
        item = self.current()
        if item is not None:
            self.edit_item(item.id, "milestones.done", done=not item.done)

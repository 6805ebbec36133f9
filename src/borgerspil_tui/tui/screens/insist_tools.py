"""Insistér: the value case along the four bottom lines, the five implementation aspects and the
handover (the milestones have a screen of their own: screens/milestones.py)."""

from __future__ import annotations

import datetime as dt

from borgerspil_tui.core.changes import Change, SetValue
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.insist import BottomLine
from borgerspil_tui.tui.screens.keyed_notes import KeyedNotesScreen

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

    NOTES_AT = ("insist", "value_case")

    def notes(self, project: Project) -> dict[str, str]:
        return {f"{b.line}.{field}": getattr(b, field) for b in project.insist.value_case for field in VALUE_FIELDS
                if getattr(b, field)}

    def note_changes(self, item_id: str, text: str) -> list[Change]:
        """A bottom line is there while one of its fields is written, in the method's order."""
        line, field = item_id.split(".", 1)
        path = (*self.NOTES_AT, line)
        found = self.changes.get(path, None)
        if found is None:
            if not text:
                return []
            order = [b.id for b in self.method.bottom_lines]
            index = sum(1 for b in self.session.project.insist.value_case
                        if b.line in order and order.index(b.line) < order.index(line))
            new = BottomLine(line=line)  # the text as a change of its own: the session checks it
            return [*self.changes.add(self.NOTES_AT, new, index), SetValue((*path, field), getattr(new, field), text)]
        if not text and not any(getattr(found, other) for other in VALUE_FIELDS if other != field):
            return self.changes.remove(path)
        return self.changes.set((*path, field), text)

    def notes_touched(self) -> set[str] | None:
        lines = self.changed_items(self.NOTES_AT)
        return None if lines is None else {f"{line}.{field}" for line in lines for field in VALUE_FIELDS}


class AspectsScreen(KeyedNotesScreen):
    """The five aspects to think through: IT, competences, procedures, physical settings, communication."""

    NAME = "aspects"
    part = "insist"

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "implement")

    def rows(self) -> list[tuple[str, str, str]]:
        return [(a.id, a.name(self.lang), a.prompt(self.lang) if a.prompt else "")
                for a in self.method.implementation_aspects]

    NOTES_AT = ("insist", "aspects")


class HandoverScreen(KeyedNotesScreen):
    """Who takes the solution on, when (YYYY-MM-DD), and what they are given."""

    NAME = "handover"
    part = "insist"

    def guidance_text(self) -> str | None:
        return self.step_guidance("insist", "hand-over")

    def rows(self) -> list[tuple[str, str, str]]:
        return [(key, self.t(f"handover.{key}"), "") for key in ("to", "date", "notes")]

    NOTES_AT = ("insist", "handover")

    def notes(self, project: Project) -> dict[str, str]:
        handover = project.insist.handover
        values = {"to": handover.to, "date": handover.date.isoformat() if handover.date else "",
                  "notes": handover.notes}
        return {key: value for key, value in values.items() if value}

    def note_changes(self, item_id: str, text: str) -> list[Change]:
        """The handover's fields; a date as YYYY-MM-DD (anything else is refused by the session, in its words)."""
        value: object = text
        if item_id == "date":
            try:
                value = dt.date.fromisoformat(text) if text else None
            except ValueError:
                value = text
        return self.changes.set((*self.NOTES_AT, item_id), value)

"""Organisation: the empathy exercises the team has done or plans, with a date and notes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.organisation import EmpathyExercise
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import ListScreen


class ExercisesScreen(ListScreen):
    """n picks one of the method's exercises; e writes what happened; d sets the date."""

    NAME = "exercises"
    part = "organisation"
    COLUMNS = ("exercises.exercise", "field.date", "exercises.notes")
    MAIN_FIELD = "notes"
    EMPTY_TEXT = "exercises.empty"
    SCREEN_COMMANDS = [
        Command("pick_exercise", "n", "list.add", "help.exercises_add"),
        Command("edit_field('main')", "e", "list.edit", "help.list_edit"),
        Command("edit_field('date')", "d", "field.date", "help.observations_date"),
        Command("delete", "delete", "list.delete", "help.list_delete"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)

    def guidance_text(self) -> str | None:
        return " ".join(f"{e.name(self.lang)}: {e.text(self.lang)}" for e in self.method.organisation.empathy_exercises
                        if e.text)

    def items(self, project: Project) -> list[Any]:
        return project.organisation.exercises

    def set_items(self, project: Project, items: list[Any]) -> None:
        project.organisation.exercises = items

    def exercise_name(self, exercise_id: str) -> str:
        """The exercise's name in the UI language."""
        found = next((e for e in self.method.organisation.empathy_exercises if e.id == exercise_id), None)
        return found.name(self.lang) if found else exercise_id

    def cells(self, item: EmpathyExercise) -> list[str]:
        return [self.exercise_name(item.exercise), item.date.isoformat() if item.date else "", item.notes.replace("\n", " ")]

    def new_item(self, text: str) -> EmpathyExercise:
        return EmpathyExercise(exercise=self.method.organisation.empathy_exercises[0].id, notes=text)

    def action_pick_exercise(self) -> None:
        """Choose one of the method's empathy exercises; it is added dated today."""
        options = [(e.id, e.name(self.lang)) for e in self.method.organisation.empathy_exercises]

        def add(ids: list[str]) -> None:
            if ids:
                exercise = EmpathyExercise(exercise=ids[0], date=dt.date.today())
                self.change_project("list.add", lambda p: p.organisation.exercises.append(exercise))

        self.pick(self.t("exercises.pick"), options, set(), add, multiple=False)

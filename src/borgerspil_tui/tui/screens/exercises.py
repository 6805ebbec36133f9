"""Organisation: the empathy exercises the team has done or plans, with a date and notes."""

from __future__ import annotations

import datetime as dt
from borgerspil_tui.core.model.organisation import EmpathyExercise
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.list_base import ListScreen


class ExercisesScreen(ListScreen):
    """n picks one of the method's exercises; e writes what happened; d sets the date."""

    NAME = "exercises"
    part = "organisation"
    LIST_PATH = ("organisation", "exercises")
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

    def exercise_name(self, exercise_id: str) -> str:
        """The exercise's name in the UI language."""
        names = self.lookup("names", lambda: {e.id: e.name(self.lang)
                                              for e in self.method.organisation.empathy_exercises})
        return names.get(exercise_id, exercise_id)

    def cells(self, item: EmpathyExercise) -> list[str]:
        return [self.exercise_name(item.exercise), item.date.isoformat() if item.date else "", item.notes.replace("\n", " ")]

    def new_item(self, text: str) -> EmpathyExercise:
        return EmpathyExercise(exercise=self.method.organisation.empathy_exercises[0].id, notes=text)

    def action_pick_exercise(self) -> None:
        """Choose one of the method's empathy exercises; it is added dated today."""
        options = [(e.id, e.name(self.lang)) for e in self.method.organisation.empathy_exercises]

        def add(ids: list[str]) -> None:
            if ids:
                exercise = self.add_item("list.add", lambda: EmpathyExercise(exercise=ids[0], date=dt.date.today()))
                if exercise is not None:
                    self.show_row(exercise.id)

        self.pick(self.t("exercises.pick"), options, set(), add, multiple=False, offer_none=False)

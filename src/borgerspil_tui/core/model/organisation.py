"""Organisation (ch. 7): where the organisation stands, reflections, empathy exercises."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from borgerspil_tui.core.model.base import IsoDate, ItemId, Strict, id_field
from borgerspil_tui.core.text import Text


class DimensionAssessment(Strict):
    """Where the organisation stands on one dimension: 1 system-centred … 5 citizen-centred."""

    position: Annotated[int, Field(ge=1, le=5)] | None = None
    note: Text = ""


class EmpathyExercise(Strict):
    """An empathy exercise the team has done or plans."""

    id: ItemId = id_field("exercise")
    exercise: ItemId
    """The method's exercise id."""
    date: IsoDate | None = None
    notes: Text = ""


class Organisation(Strict):
    """The organisation's reflection on becoming citizen-centred."""

    assessment: dict[ItemId, DimensionAssessment] = Field(default_factory=dict)
    reflections: dict[ItemId, Text] = Field(default_factory=dict)
    exercises: list[EmpathyExercise] = Field(default_factory=list)

"""The whole project: one file, every part of the method, and the rules that span parts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from borgerspil_tui.core.model.base import Answer, IsoDate, ItemId, Strict
from borgerspil_tui.core.model.conflicts import Conflict
from borgerspil_tui.core.model.create import Create
from borgerspil_tui.core.model.experience import Experience
from borgerspil_tui.core.model.focus import Focus
from borgerspil_tui.core.model.insist import Insist
from borgerspil_tui.core.model.organisation import Organisation
from borgerspil_tui.core.model.readiness import Readiness
from borgerspil_tui.core.model.workshop import Workshop
from borgerspil_tui.core.text import Line, Text

SCHEMA_VERSION = 1
"""The file format version this program writes."""


class ChecklistAnswer(Strict):
    """The team's answer to one checklist question."""

    answer: Answer | None = None
    note: Text = ""


class Project(Strict):
    """One citizen-centred innovation project: everything in one ``*.borgerspil.yaml`` file."""

    schema_version: Literal[1]
    title: Line
    language: Literal["da", "en"] = "da"
    created: IsoDate | None = None
    readiness: Readiness = Field(default_factory=Readiness)
    focus: Focus = Field(default_factory=Focus)
    experience: Experience = Field(default_factory=Experience)
    create: Create = Field(default_factory=Create)
    insist: Insist = Field(default_factory=Insist)
    organisation: Organisation = Field(default_factory=Organisation)
    workshops: list[Workshop] = Field(default_factory=list)
    """Workshop days: agenda, participants, what happened, the running timer (issue 12)."""
    checklists: dict[ItemId, ChecklistAnswer] = Field(default_factory=dict)
    """Answers keyed by the method's checklist item id (written sorted by id, see storage)."""
    conflicts: list[Conflict] = Field(default_factory=list)
    """What a merge could not decide (core/merge): the file holds our side until someone chooses."""

    @model_validator(mode="after")
    def _check_ids_and_links(self) -> Project:
        """Ids are unique in the file and every link points to an item that exists."""
        from borgerspil_tui.core.model.links import find_link_problems

        problems = find_link_problems(self)
        if problems:
            loc, message = problems[0]
            raise PydanticCustomError(
                "link", "{message}", {"message": message, "loc": loc, "problems": problems}
            )
        return self

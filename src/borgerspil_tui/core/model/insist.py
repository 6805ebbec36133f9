"""Insistér (ch. 6): the value case, implementation plan and handover."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from borgerspil_tui.core.model.base import IsoDate, ItemId, Score, Strict, ValueKind, id_field
from borgerspil_tui.core.text import Line, Text


class BottomLine(Strict):
    """The value case along one of the four bottom lines."""

    line: ValueKind
    goal: Text = ""
    change: Text = ""
    measure: Text = ""
    baseline: Text = ""
    target: Text = ""


class Milestone(Strict):
    """A milestone in the implementation plan. It may depend on other milestones: never on
    itself or in a circle, and never dated before one it depends on (``milestone_rules``)."""

    id: ItemId = id_field("milestone")
    title: Line
    due: IsoDate | None = None
    owner: Line = ""
    depends_on: list[ItemId] = Field(default_factory=list)
    done: bool = False


class Stakeholder(Strict):
    """Someone who has a stake in the solution: placed on the influence × interest grid by
    ``influence`` and ``interest_level`` (1–5); ``interest`` says in words what they want."""

    id: ItemId = id_field("stake")
    name: Line
    interest: Text = ""
    """What their interest in the solution is, in words."""
    influence: Score | None = None
    interest_level: Score | None = None
    """How much the solution matters to them (1–5): the grid's other axis."""
    message: Text = ""
    """What they need to hear."""
    contact: Line = ""
    """Who talks to them (a name or a role)."""


class Risk(Strict):
    """A risk to the implementation, its size and what is done about it."""

    id: ItemId = id_field("risk")
    text: Text
    likelihood: Score | None = None
    impact: Score | None = None
    mitigation: Text = ""
    owner: Line = ""
    """Who watches the risk and acts on it."""


Amount = Annotated[float, Field(ge=0, le=1e12)]
"""Person-weeks or money: never below zero."""


class Resource(Strict):
    """What one part of the implementation costs in person-weeks and money: for a milestone,
    for one of the method's implementation aspects, or for neither (a general line)."""

    id: ItemId = id_field("res")
    what: Line
    milestone: ItemId | None = None
    aspect: ItemId | None = None
    """An implementation aspect's id from the method (``implementation_aspects``)."""
    person_weeks: Amount | None = None
    cost: Amount | None = None
    """Money, in the project's currency (kroner)."""


class CitizenVoice(Strict):
    """How citizens keep giving input while the solution is implemented: what, when, and who
    (from the team or the organisation) makes it happen."""

    id: ItemId = id_field("voice")
    what: Text
    when: Line = ""
    who: Line = ""


class Handover(Strict):
    """Who takes the solution on, when, and what they are given."""

    to: Line = ""
    date: IsoDate | None = None
    notes: Text = ""


class Insist(Strict):
    """Everything the team writes in the Insistér phase."""

    concept: ItemId | None = None
    """The concept that is being taken forward."""
    value_case: list[BottomLine] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)
    """Person-weeks and money per milestone or implementation aspect (next to ``budget``)."""
    citizen_input: list[CitizenVoice] = Field(default_factory=list)
    """How citizens stay involved during the implementation."""
    aspects: dict[ItemId, Text] = Field(default_factory=dict)
    """Notes on the five implementation aspects, keyed by aspect id."""
    handover: Handover = Field(default_factory=Handover)
    budget: Annotated[float, Field(ge=0, le=1e12)] | None = None

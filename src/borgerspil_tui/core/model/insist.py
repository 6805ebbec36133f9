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
    """A milestone in the implementation plan."""

    id: ItemId = id_field("milestone")
    title: Line
    due: IsoDate | None = None
    owner: Line = ""
    depends_on: list[ItemId] = Field(default_factory=list)
    done: bool = False


class Stakeholder(Strict):
    """Someone who has a stake in the solution."""

    id: ItemId = id_field("stake")
    name: Line
    interest: Text = ""
    influence: Score | None = None


class Risk(Strict):
    """A risk to the implementation, its size and what is done about it."""

    id: ItemId = id_field("risk")
    text: Text
    likelihood: Score | None = None
    impact: Score | None = None
    mitigation: Text = ""


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
    aspects: dict[ItemId, Text] = Field(default_factory=dict)
    """Notes on the five implementation aspects, keyed by aspect id."""
    handover: Handover = Field(default_factory=Handover)
    budget: Annotated[float, Field(ge=0, le=1e12)] | None = None

"""Oplev (ch. 4): observations in the field and the insights drawn from them."""

from __future__ import annotations


from pydantic import Field

from borgerspil_tui.core.model.base import IsoDate, ItemId, Strict, id_field
from borgerspil_tui.core.text import Line, Text


class Observation(Strict):
    """Something seen or heard in the field. ``who`` is a role, never a name: files are shared."""

    id: ItemId = id_field("obs")
    date: IsoDate | None = None
    place: Line = ""
    who: Line = ""
    what: Text
    quotes: list[Text] = Field(default_factory=list)
    tags: list[Line] = Field(default_factory=list)
    said_by: ItemId | None = None
    """The workshop participant (team member or guest) fast capture credited it to (``@name``)."""


class Insight(Strict):
    """A pattern across observations; an eye-opener (øjenåbner) when it surprises."""

    id: ItemId = id_field("insight")
    statement: Text
    observations: list[ItemId] = Field(default_factory=list)
    eye_opener: bool = False
    supports: list[ItemId] = Field(default_factory=list)
    """Problem-tree causes this insight gives evidence for."""
    contradicts: list[ItemId] = Field(default_factory=list)
    """Problem-tree causes this insight speaks against."""
    said_by: ItemId | None = None
    """The workshop participant (team member or guest) fast capture credited it to (``@name``)."""


class ObservationGroup(Strict):
    """Observations put together because they say something alike (affinity grouping); a group
    can become an insight that links its observations."""

    id: ItemId = id_field("group")
    name: Line
    observations: list[ItemId] = Field(default_factory=list)
    insight: ItemId | None = None
    """The insight made from the group, once there is one."""


class Experience(Strict):
    """Everything the team writes in the Oplev phase."""

    observations: list[Observation] = Field(default_factory=list)
    insights: list[Insight] = Field(default_factory=list)
    groups: list[ObservationGroup] = Field(default_factory=list)
    """Affinity groups of observations (an observation may be in several)."""

"""Parathed (readiness, ch. 2): the team and the seven basic considerations."""

from __future__ import annotations

from pydantic import Field

from borgerspil_tui.core.model.base import ItemId, Strict, id_field
from borgerspil_tui.core.text import Line, Text


class TeamMember(Strict):
    """One person on the innovation team."""

    id: ItemId = id_field("person")
    name: Line
    role: Line = ""
    dedicated: bool = True
    """Whether the person has dedicated time for the project (the method asks for it)."""


class Readiness(Strict):
    """The team and the team's notes on each basic consideration."""

    team: list[TeamMember] = Field(default_factory=list)
    considerations: dict[ItemId, Text] = Field(default_factory=dict)
    """Notes keyed by the method's consideration id."""

"""Fokusér (ch. 3): problem tree, what we know and assume, value, success, target groups, process."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from borgerspil_tui.core.model.base import ItemId, Phase, Strict, ValueKind, id_field
from borgerspil_tui.core.text import Line, Text


class TreeNode(Strict):
    """A cause or a consequence in the problem tree, with its own causes or consequences."""

    id: ItemId = id_field("node")
    text: Text
    uncertain: bool = False
    """The team is unsure of this link (the method uses the tree to find them)."""
    said_by: ItemId | None = None
    """The workshop participant (team member or guest) fast capture credited it to (``@name``)."""
    children: list[TreeNode] = Field(default_factory=list)


class Note(Strict):
    """A short statement in a list: something we know, don't know, or why it matters."""

    id: ItemId = id_field("note")
    text: Text


class Assumption(Strict):
    """An assumption the problem rests on, and whether it has been tested."""

    id: ItemId = id_field("assume")
    text: Text
    status: Literal["untested", "tested", "refuted"] = "untested"
    note: Text = ""


class ValueGoal(Strict):
    """A kind of value the project aims at, with a concrete goal."""

    kind: ValueKind
    goal: Text = ""


class TargetGroup(Strict):
    """A group of citizens the project is for."""

    id: ItemId = id_field("group")
    name: Line
    description: Text = ""
    why: Text = ""
    primary: bool = True


class ProcessRow(Strict):
    """One phase's line in the process design grid."""

    phase: Phase
    timeframe: Line = ""
    weeks: Annotated[float, Field(ge=0, le=520)] | None = None
    methods: Text = ""
    deliverables: Text = ""
    people: Text = ""
    external: Text = ""
    budget: Annotated[float, Field(ge=0, le=1e12)] | None = None
    """Budget in kroner."""
    done_by: Literal["team", "external", "both"] = "team"
    critical_points: Text = ""


class Focus(Strict):
    """Everything the team writes in the Fokusér phase."""

    problem: Text = ""
    causes: list[TreeNode] = Field(default_factory=list)
    consequences: list[TreeNode] = Field(default_factory=list)
    why_it_matters: list[Note] = Field(default_factory=list)
    known: list[Note] = Field(default_factory=list)
    unknown: list[Note] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)
    values: list[ValueGoal] = Field(default_factory=list)
    success_picture: Text = ""
    desired_change: Text = ""
    if_we_fail: Text = ""
    target_groups: list[TargetGroup] = Field(default_factory=list)
    process: list[ProcessRow] = Field(default_factory=list)

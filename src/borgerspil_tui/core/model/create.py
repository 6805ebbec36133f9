"""Skab (ch. 5): what-if questions, ideas, prioritisation, dot votes, concepts and their tests."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from borgerspil_tui.core.model.base import IsoDate, ItemId, Score, Strict, id_field
from borgerspil_tui.core.text import Line, Text


class WhatIf(Strict):
    """A "Hvad nu hvis?" question, perhaps built on an insight."""

    id: ItemId = id_field("whatif")
    question: Text
    insight: ItemId | None = None
    said_by: ItemId | None = None
    """The workshop participant (team member or guest) fast capture credited it to (``@name``)."""


class Idea(Strict):
    """An idea with its scores against the prioritisation criteria."""

    id: ItemId = id_field("idea")
    title: Line
    description: Text = ""
    source: Literal["brainstorm", "fishbone", "what-if", "other"] = "brainstorm"
    inspired_by: list[ItemId] = Field(default_factory=list)
    """Observations, insights or what-if questions that led to the idea."""
    scores: dict[ItemId, Score] = Field(default_factory=dict)
    """Score per criterion id (1–5); a criterion not scored yet is absent."""
    chosen: bool = False
    said_by: ItemId | None = None
    """The workshop participant (team member or guest) fast capture credited it to (``@name``)."""


class Guest(Strict):
    """Someone in the room who is not on the team but votes."""

    id: ItemId = id_field("guest")
    name: Line


class Vote(Strict):
    """Dots one participant (team member or guest) gave one idea."""

    voter: ItemId
    idea: ItemId
    dots: Annotated[int, Field(ge=1, le=100)]


class PrototypeTest(Strict):
    """One round of testing a concept's prototype: fail fast, fail cheap."""

    id: ItemId = id_field("test")
    date: IsoDate | None = None
    target_group: ItemId | None = None
    """The target group it was tested with, when it was one of the project's."""
    with_whom: Text = ""
    """Who it was tested with, in the team's own words ("3 borgere i distrikt Nord")."""
    prototype: Text = ""
    learned: Text = ""
    adjusted: Text = ""


class SuccesRating(Strict):
    """A concept's rating on one SUCCES criterion, with the evidence for it."""

    rating: Literal["not-yet", "partly", "yes"] = "not-yet"
    note: Text = ""
    quote_from: ItemId | None = None
    """The observation whose quote is used as the story."""
    quote: Text = ""


class Concept(Strict):
    """A concept card: the method's eight elements, the ideas it combines, its tests."""

    id: ItemId = id_field("concept")
    title: Line
    difference: Text = ""
    contents: Text = ""
    target_groups: list[ItemId] = Field(default_factory=list)
    reflection: Text = ""
    place: Text = ""
    involved: Text = ""
    requirements: Annotated[list[Text], Field(max_length=3)] = Field(default_factory=list)
    """Up to three suggestions for what it takes to realise the concept."""
    ideas: list[ItemId] = Field(default_factory=list)
    status: Literal["sketch", "prototype", "tested", "chosen", "dropped"] = "sketch"
    tests: list[PrototypeTest] = Field(default_factory=list)
    succes: dict[ItemId, SuccesRating] = Field(default_factory=dict)
    """SUCCES ratings keyed by criterion id."""
    pitch: Text = ""


class BoneItem(Strict):
    """A cause (or, on a solution fishbone, an idea) on one bone; once sent to the problem tree
    or the matrix, ``linked`` names the cause or idea it became, so it is never sent twice."""

    id: ItemId = id_field("bone")
    text: Text
    linked: ItemId | None = None


class Bone(Strict):
    """One bone of a fishbone: a category (people, procedures, IT …) with its causes or ideas."""

    id: ItemId = id_field("cat")
    category: Line
    items: list[BoneItem] = Field(default_factory=list)


class Fishbone(Strict):
    """A fishbone (Ishikawa) diagram: the head is the problem (``causes``) or a goal
    (``solutions``); empty means the project's problem statement."""

    id: ItemId = id_field("fish")
    kind: Literal["causes", "solutions"] = "causes"
    head: Text = ""
    bones: list[Bone] = Field(default_factory=list)


class Create(Strict):
    """Everything the team writes in the Skab phase."""

    what_ifs: list[WhatIf] = Field(default_factory=list)
    ideas: list[Idea] = Field(default_factory=list)
    fishbones: list[Fishbone] = Field(default_factory=list)
    """Fishbone diagrams over causes or over solutions."""
    weights: dict[ItemId, Annotated[float, Field(ge=0, le=10)]] = Field(default_factory=dict)
    """Weight per criterion id; a criterion left out uses the method's default weight."""
    guests: list[Guest] = Field(default_factory=list)
    dots_per_person: Annotated[int, Field(ge=1, le=100)] = 3
    votes: list[Vote] = Field(default_factory=list)
    votes_in_ranking: bool = False
    concepts: list[Concept] = Field(default_factory=list)

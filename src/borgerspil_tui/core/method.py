"""The method "Sæt borgeren i spil" as data: phases, steps, checklists, criteria, prompts."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from borgerspil_tui.core.located import decode, parse_mapping, read_text, validate
from borgerspil_tui.core.model.base import ItemId, Phase
from borgerspil_tui.core.model.workshop import Target
from borgerspil_tui.core.text import check_line, check_text
from borgerspil_tui.core.validation_messages import refuse

Language = Literal["da", "en"]
LANGUAGES: tuple[Language, ...] = ("da", "en")
METHOD_ENV = "BORGERSPIL_METHOD"
"""Environment variable naming an organisation's own method file."""

_Said = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class Frozen(BaseModel):
    """Base of the method models: unknown fields are refused, nothing changes after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use (core/cache)


class Localized(Frozen):
    """A text in both languages; neither may be empty."""

    da: _Said
    en: _Said

    def __call__(self, language: str) -> str:
        """The text in ``language`` (Danish for anything unknown)."""
        return self.en if language == "en" else self.da

    @model_validator(mode="after")
    def _no_control_characters(self) -> Localized:
        check_text(self.da)
        check_text(self.en)
        return self


_SaidLine = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(check_line)]


class LocalizedLine(Localized):
    """A short one-line text in both languages (an agenda activity's title)."""

    da: _SaidLine
    en: _SaidLine


class Entry(Frozen):
    """A method item with an id and a text (a checklist question, a trait, a reflection)."""

    id: ItemId
    text: Localized


class Named(Frozen):
    """A method item with an id, a name and an explanation or prompt."""

    id: ItemId
    name: Localized
    text: Localized | None = None
    prompt: Localized | None = None
    guidance: Localized | None = None
    description: Localized | None = None


class Criterion(Named):
    """A prioritisation criterion with its default weight."""

    default_weight: Annotated[float, Field(ge=0, le=10)]


class SuccesCriterion(Named):
    """One of the six SUCCES criteria; ``letter`` is its letter in the word."""

    letter: Annotated[str, StringConstraints(min_length=1, max_length=1)]


class BottomLineInfo(Named):
    """One of the four bottom lines with its goal and value questions."""

    goal_question: Localized
    value_question: Localized


class Dimension(Named):
    """An organisational dimension, described from system-centred to citizen-centred."""

    system_centred: Localized
    citizen_centred: Localized


class Part(Frozen):
    """A part of the method with a name, a tagline and a checklist."""

    name: Localized
    tagline: Localized
    checklist: list[Entry] = Field(default_factory=list)


class ReadinessInfo(Part):
    """Readiness: the seven basic considerations and the checklist."""

    considerations: list[Named]


class PhaseInfo(Part):
    """One of the four phases with its steps."""

    id: Literal["focus", "experience", "create", "insist"]
    number: Annotated[int, Field(ge=1, le=4)]
    steps: list[Named]


class OrganisationInfo(Frozen):
    """Chapter 7: dimensions, traits, exercises, enablers and reflection questions."""

    name: Localized
    tagline: Localized
    dimensions: list[Dimension]
    leadership_traits: list[Entry]
    empathy_exercises: list[Named]
    employee_traits: list[Entry]
    enablers: list[Entry]
    reflection_questions: list[Entry]


class TemplateActivity(Frozen):
    """One activity of a workshop template: a method tool with a timebox, what it should produce
    (``target``; none for a break or a talk) and the question the room works on."""

    title: LocalizedLine
    minutes: Annotated[int, Field(ge=1, le=600)]
    target: Target | None = None
    question: Localized | None = None


class WorkshopTemplate(Frozen):
    """A ready agenda for a workshop in one phase, which a facilitator picks and adjusts."""

    id: ItemId
    phase: Phase
    name: LocalizedLine
    text: Localized | None = None
    activities: Annotated[list[TemplateActivity], Field(min_length=1, max_length=50)]


class FishboneCategory(Frozen):
    """A suggested bone of a fishbone diagram (people, procedures, IT …) and what it asks about."""

    id: ItemId
    name: LocalizedLine
    prompt: Localized | None = None


class Method(Frozen):
    """The whole method file, validated: ids unique within each list, every text in both languages."""

    version: Literal[1]
    readiness: ReadinessInfo
    phases: Annotated[list[PhaseInfo], Field(min_length=4, max_length=4)]
    problem_questions: list[Named]
    value_kinds: list[Named]
    bottom_lines: list[BottomLineInfo]
    idea_process: list[Named]
    criteria: Annotated[list[Criterion], Field(min_length=1)]
    concept_elements: list[Named]
    succes: Annotated[list[SuccesCriterion], Field(min_length=1)]
    implementation_aspects: list[Named]
    organisation: OrganisationInfo
    workshop_templates: list[WorkshopTemplate] = Field(default_factory=list)
    """Agenda templates for each phase (an organisation's older method file may have none)."""
    fishbone_categories: list[FishboneCategory] = Field(default_factory=list)
    """The bones a new fishbone starts with (an organisation's older method file may have none)."""

    @model_validator(mode="after")
    def _unique_ids(self) -> Method:
        lists: dict[str, list] = {
            "readiness.considerations": self.readiness.considerations,
            "problem_questions": self.problem_questions,
            "value_kinds": self.value_kinds,
            "bottom_lines": self.bottom_lines,
            "idea_process": self.idea_process,
            "criteria": self.criteria,
            "concept_elements": self.concept_elements,
            "succes": self.succes,
            "implementation_aspects": self.implementation_aspects,
            "phases": self.phases,
            "workshop_templates": self.workshop_templates,
            "fishbone_categories": self.fishbone_categories,
            "organisation.dimensions": self.organisation.dimensions,
            "organisation.empathy_exercises": self.organisation.empathy_exercises,
            "organisation.reflection_questions": self.organisation.reflection_questions,
        }
        for phase in self.phases:
            lists[f"phases.{phase.id}.steps"] = phase.steps
        for name, items in lists.items():
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    refuse("valid.method_id_twice", where=name, id=item.id)
                seen.add(item.id)
        checklist_ids: set[str] = set()
        for part in (self.readiness, *self.phases):
            for entry in part.checklist:
                if entry.id in checklist_ids:
                    refuse("valid.method_checklist_twice", id=entry.id)
                checklist_ids.add(entry.id)
        if [p.id for p in self.phases] != ["focus", "experience", "create", "insist"]:
            refuse("valid.method_phases")
        return self

    def phase(self, phase_id: str) -> PhaseInfo:
        """The phase with this id."""
        return next(p for p in self.phases if p.id == phase_id)

    def checklist(self, part: str) -> list[Entry]:
        """The checklist of ``readiness`` or of a phase id."""
        return self.readiness.checklist if part == "readiness" else self.phase(part).checklist

    def default_weights(self) -> dict[str, float]:
        """Each criterion's default weight."""
        return {c.id: c.default_weight for c in self.criteria}


def bundled_method_file() -> Path:
    """The method file that ships with the app.

    Its source is the repository's top-level ``data/checklists.yaml``; the wheel carries a copy
    inside the package (``borgerspil_tui/data/``, see pyproject.toml), which an installed app
    finds first. A source checkout or an editable install has no copy and reads the source.
    """
    package = Path(__file__).resolve().parent.parent
    installed = package / "data" / "checklists.yaml"
    if installed.is_file():
        return installed
    return package.parent.parent / "data" / "checklists.yaml"


def bundled_method_text() -> str:
    """The text of the method file that ships with the app."""
    return bundled_method_file().read_text("utf-8")


def parse_method(text: str, path: Path | str | None) -> Method:
    """Validate method text, raising located problems."""
    data, _, _ = parse_mapping(text, path)
    return validate(Method, data, text, path)


def _kept_or_parsed(text: str, path: Path | str, source: str) -> Method:
    """:func:`parse_method`, or the same method kept from an earlier run of this code (core/cache)."""
    from borgerspil_tui.core import cache as kept

    key = kept.content_key(text.encode("utf-8"))
    found = kept.recall("method", source, key)
    if isinstance(found, Method):
        return found
    method = parse_method(text, path)
    kept.remember("method", source, key, method)
    return method


@cache
def bundled_method() -> Method:
    """The method that ships with the app."""
    text = decode(bundled_method_text().encode("utf-8"), "checklists.yaml")
    return _kept_or_parsed(text, "checklists.yaml", "bundled")


def load_method(path: str | Path | None = None) -> Method:
    """The method from ``path``, else from ``$BORGERSPIL_METHOD``, else the bundled one."""
    chosen = path or os.environ.get(METHOD_ENV) or None
    if chosen is None:
        return bundled_method()
    file = Path(chosen)
    text = read_text(file)
    return _kept_or_parsed(text, file, str(file.resolve()))

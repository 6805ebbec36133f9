"""``--redact`` (core/export/redact): citizens' quotes, observations' who/where and people's names
are hidden in a copy; the original is untouched; the mark is in the report's language."""

from __future__ import annotations

import pytest

from borgerspil_tui.core.export.redact import redacted
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Guest, PrototypeTest
from borgerspil_tui.core.model.insist import Stakeholder
from borgerspil_tui.core.storage import load_project
from tests.conftest import EXAMPLE

WORD = {"da": "[skjult]", "en": "[hidden]"}


def _example() -> Project:
    project = load_project(EXAMPLE).project.model_copy(deep=True)
    concept = project.create.concepts[0]
    concept.tests = [*concept.tests, PrototypeTest(with_whom="Fru Jensen i Nørregade", learned="Det virker")]
    project.insist.stakeholders = [*project.insist.stakeholders, Stakeholder(name="Borgmester Hansen")]
    project.create.guests = [*project.create.guests, Guest(name="Ole fra Ældrerådet")]
    return project


def _hidden_fields(project: Project) -> list[str]:
    """Every value the redaction must hide, read from the project."""
    values = [m.name for m in project.readiness.team]
    values += [o.who for o in project.experience.observations] + [o.place for o in project.experience.observations]
    values += [q for o in project.experience.observations for q in o.quotes]
    values += [g.name for g in project.create.guests]
    for concept in project.create.concepts:
        values += [t.with_whom for t in concept.tests] + [r.quote for r in concept.succes.values()]
    values += [s.name for s in project.insist.stakeholders] + [m.owner for m in project.insist.milestones]
    values += [project.insist.handover.to] + [row.people for row in project.focus.process]
    return [value for value in values if value]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_name_quote_and_observation_who_where_is_hidden(lang: str) -> None:
    project = _example()
    secrets = _hidden_fields(project)
    assert len(secrets) >= 25  # the example has them all: team, guests, quotes, who, where, owners …
    hidden = redacted(project, lang)
    assert set(_hidden_fields(hidden)) == {WORD[lang]}
    dump = hidden.model_dump_json()  # names and quotes are nowhere else (a role or "Hele holdet" may be)
    names = [m.name for m in project.readiness.team] + [g.name for g in project.create.guests]
    names += [q for o in project.experience.observations for q in o.quotes] + ["Fru Jensen i Nørregade"]
    for secret in [*names, "Borgmester Hansen"]:
        assert secret not in dump, secret
    # the counts stay: each quote, name and test is still there, hidden
    assert len(hidden.readiness.team) == len(project.readiness.team)
    assert [len(o.quotes) for o in hidden.experience.observations] == [
        len(o.quotes) for o in project.experience.observations]
    assert hidden.create.guests[-1].id == project.create.guests[-1].id


def test_each_field_on_its_own() -> None:
    hidden = redacted(_example(), "da")
    assert {m.name for m in hidden.readiness.team} == {"[skjult]"}
    assert {g.name for g in hidden.create.guests} == {"[skjult]"}
    assert {s.name for s in hidden.insist.stakeholders} == {"[skjult]"}
    assert hidden.create.concepts[0].tests[-1].with_whom == "[skjult]"
    assert hidden.create.concepts[0].succes["stories"].quote == "[skjult]"
    assert {o.who for o in hidden.experience.observations} == {"[skjult]"}
    assert {o.place for o in hidden.experience.observations} == {"[skjult]"}
    assert {m.owner for m in hidden.insist.milestones} == {"[skjult]"}
    assert hidden.insist.handover.to == "[skjult]"
    assert {s.contact for s in hidden.insist.stakeholders if s.contact} == {"[skjult]"}
    assert {r.owner for r in hidden.insist.risks} == {"[skjult]"}


def test_who_keeps_citizens_involved_is_hidden_what_is_kept() -> None:
    from borgerspil_tui.core.model.insist import CitizenVoice

    project = _example()
    project.insist.citizen_input = [CitizenVoice(what="Brugerpanel hver måned", when="Fra juni", who="Mette Holm")]
    [voice] = redacted(project, "en").insist.citizen_input
    assert (voice.what, voice.when, voice.who) == ("Brugerpanel hver måned", "Fra juni", "[hidden]")


def test_what_is_not_a_name_stays() -> None:
    project = _example()
    hidden = redacted(project, "en")
    assert hidden.title == project.title
    assert [o.what for o in hidden.experience.observations] == [o.what for o in project.experience.observations]
    assert [m.role for m in hidden.readiness.team] == [m.role for m in project.readiness.team]
    assert [g.name for g in hidden.focus.target_groups] == [g.name for g in project.focus.target_groups]
    assert hidden.create.votes == project.create.votes
    assert hidden.create.concepts[0].tests[-1].learned == "Det virker"


def test_an_empty_field_stays_empty() -> None:
    project = _example()
    project.experience.observations[0].quotes = []
    project.experience.observations[1].who = ""
    hidden = redacted(project, "da")
    assert hidden.experience.observations[0].quotes == []
    assert hidden.experience.observations[1].who == ""


def test_the_original_is_untouched() -> None:
    project = _example()
    before = project.model_dump_json()
    hidden = redacted(project, "da")
    assert project.model_dump_json() == before
    assert hidden is not project and hidden.readiness.team[0] is not project.readiness.team[0]
    assert project.readiness.team[0].name == "Mette Holm"

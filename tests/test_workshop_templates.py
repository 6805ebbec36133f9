"""Workshop agenda templates in the method file, and agendas from them and from the process design."""

from __future__ import annotations

from pathlib import Path

import pytest

from borgerspil_tui.core.method import bundled_method, bundled_method_text, load_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.focus import ProcessRow
from borgerspil_tui.core.model.workshop import Activity, Workshop
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import create_project_file, dump_project, parse_project
from borgerspil_tui.core.workshop_templates import (
    PHASES,
    agenda_from,
    agenda_from_process,
    append_changes,
    find_template,
    fresh_ids,
    process_hint,
    target_of,
    templates,
    total_minutes,
)


def test_every_phase_has_at_least_two_templates_complete_in_both_languages() -> None:
    method = bundled_method()
    for phase in PHASES:
        found = templates(method, phase)
        assert len(found) >= 2, phase
        assert all(t.phase == phase for t in found)
    assert len(templates(method)) == sum(len(templates(method, p)) for p in PHASES)
    for template in templates(method):
        assert template.name.da != template.name.en, template.id
        for activity in template.activities:
            assert activity.title.da.strip() and activity.title.en.strip()
            if activity.target is not None:  # something is captured: the room needs the question
                assert activity.question is not None, (template.id, activity.title.da)
                assert activity.question.da != activity.question.en
        assert 30 <= total_minutes(template) <= 240, template.id
    targets = {a.target for t in templates(method) for a in t.activities}
    assert {"causes", "consequences", "observations", "insights", "ideas", "what_ifs", "votes"} <= targets


@pytest.mark.parametrize("lang", ["da", "en"])
def test_agenda_from_every_template_is_a_valid_agenda_with_unique_ids(lang: str) -> None:
    method = bundled_method()
    ids: set[str] = set()
    workshops = []
    for template in templates(method):
        agenda = agenda_from(template, lang)
        assert [a.title for a in agenda] == [a.title(lang) for a in template.activities]
        assert [(a.minutes, a.target) for a in agenda] == [(a.minutes, a.target) for a in template.activities]
        assert [a.question for a in agenda] == [a.question(lang) if a.question else "" for a in template.activities]
        again = agenda_from(template, lang, taken=[a.id for a in agenda])
        assert not {a.id for a in agenda} & {a.id for a in again}  # fresh ids each time
        ids |= {a.id for a in agenda} | {a.id for a in again}
        workshops.append(Workshop(title=template.name(lang), agenda=agenda + again))
    assert len(ids) == 2 * sum(len(t.activities) for t in templates(method))
    project = Project(schema_version=1, title="Skabeloner", workshops=workshops)
    assert parse_project(dump_project(project)) == project  # the file takes them


def test_fresh_ids_draws_new_ids_for_a_clash() -> None:
    first, second = Activity(id="activity-aaaaaa", title="A"), Activity(id="activity-aaaaaa", title="B")
    third = Activity(id="activity-bbbbbb", title="C")
    out = fresh_ids([first, second, third], taken=["activity-bbbbbb"])
    assert [a.title for a in out] == ["A", "B", "C"]
    assert out[0].id == "activity-aaaaaa" and len({a.id for a in out}) == 3
    assert "activity-bbbbbb" not in {a.id for a in out}


def test_find_template() -> None:
    method = bundled_method()
    assert find_template(method, "create-idea-workshop").phase == "create"
    assert find_template(method, "no-such-template") is None


# -- from the process design -----------------------------------------------------------------------
def _project() -> Project:
    project = Project(schema_version=1, title="Forløb")
    project.focus.process = [
        ProcessRow(phase="focus", timeframe="Februar", weeks=3, methods="Workshop om problemtræ, data fra sagssystemet"),
        ProcessRow(phase="create", timeframe="April", methods="- Hvad nu hvis-spørgsmål\n- Prototyper på papir;\n\n"
                                                                   "Prikstemme med borgerne"),
    ]
    return project


def test_the_process_design_s_methods_become_activities_matched_to_the_templates() -> None:
    method = bundled_method()
    project = _project()
    focus = agenda_from_process(project, method, "focus", "da")
    assert [(a.title, a.minutes, a.target) for a in focus] == [
        ("Workshop om problemtræ", 30, "causes"), ("Data fra sagssystemet", 30, None)]
    assert focus[0].question.startswith("Hvad fører til problemet?")  # the template's question
    create = agenda_from_process(project, method, "create", "en")
    assert [(a.title, a.target) for a in create] == [
        ("Hvad nu hvis-spørgsmål", "what_ifs"), ("Prototyper på papir", None), ("Prikstemme med borgerne", "votes")]
    assert create[1].question.startswith("What is the least we can show")  # matched "Paper prototype"
    assert len({a.id for a in focus + create}) == 5
    assert agenda_from_process(project, method, "insist", "da") == []  # no row for the phase
    assert process_hint(project, "focus", "da") == "Februar, 3 uger"
    assert process_hint(project, "focus", "en") == "Februar, 3 weeks"
    assert process_hint(project, "create", "en") == "April" and process_hint(project, "insist", "da") == ""


def test_target_of_a_method_s_words() -> None:
    assert target_of("Hvad nu hvis-spørgsmål om idéer") == "what_ifs"  # not ideas
    assert target_of("Brainstorm") == "ideas" and target_of("Idea workshop") == "ideas"
    assert target_of("Hjemmebesøg") == "observations" and target_of("Dot voting") == "votes"
    assert target_of("Præsentation for direktionen") is None and target_of("Videre med sider") is None


def test_a_template_appended_is_one_undo_step(tmp_path: Path) -> None:
    path = tmp_path / "t.borgerspil.yaml"
    create_project_file(path, Project(schema_version=1, title="T", workshops=[
        Workshop(id="workshop-aaaaaa", title="Dag", agenda=[Activity(id="activity-first1", title="Først")])]))
    session = Session.open(path)
    agenda = agenda_from(templates(bundled_method(), "create")[0], "da")
    at = ("workshops", "workshop-aaaaaa", "agenda")
    session.apply("skabelon", append_changes(at, 1, agenda))
    titles = [a.title for a in session.project.workshops[0].agenda]
    assert titles == ["Først", *(a.title for a in agenda)]
    session.undo()
    assert [a.title for a in session.project.workshops[0].agenda] == ["Først"]


# -- an organisation's own method file -----------------------------------------------------------------
def _broken(tmp_path: Path, old: str, new: str) -> FileProblemError:
    text = bundled_method_text()
    assert old in text
    path = tmp_path / "metode.yaml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(FileProblemError) as caught:
        load_method(path)
    return caught.value


def test_a_method_file_without_templates_still_loads(tmp_path: Path) -> None:
    text = bundled_method_text()
    path = tmp_path / "gammel.yaml"
    path.write_text(text[:text.index("\n# Agenda templates")] + "\n", "utf-8")
    assert load_method(path).workshop_templates == []


def test_a_bad_template_is_refused_in_our_words(tmp_path: Path) -> None:
    error = _broken(tmp_path, "        target: causes\n", "        target: årsager\n")
    [problem] = error.problems
    assert problem.field.startswith("workshop_templates[0].activities[2].target")
    assert "årsager" in problem.text("da") and "årsager" in problem.text("en")
    assert problem.text("da") != problem.text("en") and problem.line is not None
    error = _broken(tmp_path, "  - id: create-quick-ideas\n", "  - id: create-idea-workshop\n")
    assert "workshop_templates" in error.problems[0].message and "create-idea-workshop" in error.problems[0].message
    error = _broken(tmp_path, "          en: Welcome and purpose\n", "          en: \"Welcome\\nand purpose\"\n")
    assert error.problems[0].field.startswith("workshop_templates[0].activities[0].title")
    error = _broken(tmp_path, "    phase: insist\n    name:\n      da: Værdien",
                    "    phase: later\n    name:\n      da: Værdien")
    assert error.problems[0].field.startswith("workshop_templates[")

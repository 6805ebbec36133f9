"""The model of the method's remaining tools (issue 13): milestones' order (no circle, not dated
before what they depend on), resources, citizens along the way, fishbones and observation groups —
links refused where they are, unlinked on delete, and refused at edit time in our words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Bone, BoneItem, Fishbone, Idea
from borgerspil_tui.core.model.experience import Insight, Observation, ObservationGroup
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.model.insist import CitizenVoice, Milestone, Resource, Risk, Stakeholder
from borgerspil_tui.core.model.milestone_rules import circle_from, milestone_problems
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.session import EditRefused, Session
from borgerspil_tui.core.storage import MODELINE, dump_project, parse_project, save_project, to_data
from borgerspil_tui.core.yaml_writer import dump_data

D = dt.date


def _project() -> Project:
    p = Project(schema_version=1, title="Hjælpemidler")
    p.focus.causes = [TreeNode(id="node-wait", text="Lang ventetid")]
    p.experience.observations = [Observation(id="obs-a", what="Ringer tre gange", tags=["telefon"]),
                                 Observation(id="obs-b", what="Forstår ikke brevet", tags=["brev"])]
    p.experience.insights = [Insight(id="insight-x", statement="Borgerne mangler overblik")]
    p.experience.groups = [ObservationGroup(id="group-tlf", name="Telefonen", observations=["obs-a", "obs-b"],
                                            insight="insight-x")]
    p.create.ideas = [Idea(id="idea-sms", title="Sms")]
    p.create.fishbones = [Fishbone(id="fish-1", bones=[Bone(id="cat-it", category="IT", items=[
        BoneItem(id="bone-a", text="Systemet er langsomt", linked="node-wait"),
        BoneItem(id="bone-b", text="Sms-besked", linked="idea-sms")])])]
    p.insist.milestones = [Milestone(id="milestone-a", title="Aftale", due=D(2026, 6, 1)),
                           Milestone(id="milestone-b", title="Pilot", due=D(2026, 8, 1), depends_on=["milestone-a"]),
                           Milestone(id="milestone-c", title="Drift", due=D(2026, 10, 1), depends_on=["milestone-b"])]
    p.insist.stakeholders = [Stakeholder(id="stake-r", name="Ældrerådet", influence=3, interest_level=5,
                                         message="At det virker", contact="Anna")]
    p.insist.risks = [Risk(id="risk-1", text="It når ikke", likelihood=4, impact=5, owner="Bo")]
    p.insist.resources = [Resource(id="res-1", what="Udvikling", milestone="milestone-b", person_weeks=6, cost=120000),
                          Resource(id="res-2", what="Oplæring", aspect="competences", person_weeks=2)]
    p.insist.citizen_input = [CitizenVoice(id="voice-1", what="Panel af brugere", when="Hver måned", who="Anna")]
    return Project.model_validate(p.model_dump())


def _keys(data: dict) -> set[str]:
    with pytest.raises(FileProblemError) as caught:
        parse_project(MODELINE + dump_data(data), "x.borgerspil.yaml")
    return {problem.key for problem in caught.value.problems}


def test_the_tools_round_trip_byte_identically() -> None:
    text = dump_project(_project())
    assert dump_project(parse_project(text, "x.borgerspil.yaml")) == text


def test_a_circle_is_found_and_named_by_titles() -> None:
    ms = _project().insist.milestones
    ms[0].depends_on = ["milestone-c"]
    assert circle_from(ms) == ["milestone-a", "milestone-c", "milestone-b", "milestone-a"]
    [(where, message)] = [p for p in milestone_problems(ms) if p[1].key == "link.milestone_circle"]
    assert where == (1, "depends_on", 0)
    assert tr("da", message.key, **message.values) == (
        "milepælene afhænger af hinanden i ring: «Aftale» → «Drift» → «Pilot» → «Aftale»")


def test_no_circle_in_a_plain_chain_or_a_diamond() -> None:
    ms = _project().insist.milestones
    assert circle_from(ms) is None and milestone_problems(ms) == []
    ms[2].depends_on = ["milestone-a", "milestone-b"]
    assert circle_from(ms) is None and milestone_problems(ms) == []


def test_a_circle_in_a_file_is_refused() -> None:
    data = to_data(_project())
    data["insist"]["milestones"][0]["depends_on"] = ["milestone-c"]
    assert "link.milestone_circle" in _keys(data)


def test_a_milestone_dated_before_one_it_depends_on_is_refused() -> None:
    data = to_data(_project())
    data["insist"]["milestones"][1]["due"] = "2026-05-01"
    assert _keys(data) == {"link.milestone_before"}
    message = milestone_problems(parse_project(MODELINE + dump_data(to_data(_project())), "x").insist.milestones)
    assert message == []


@pytest.mark.parametrize(("edit", "key"), [
    (lambda d: d["insist"]["resources"][0].update(milestone="milestone-gone"), "link.missing"),
    (lambda d: d["insist"]["resources"][0].update(milestone="idea-sms"), "link.wrong_kind"),
    (lambda d: d["create"]["fishbones"][0]["bones"][0]["items"][0].update(linked="obs-a"), "link.wrong_kind"),
    (lambda d: d["experience"]["groups"][0]["observations"].append("obs-gone"), "link.missing"),
    (lambda d: d["experience"]["groups"][0].update(insight="obs-a"), "link.wrong_kind"),
])
def test_broken_links_of_the_tools_are_refused(edit, key: str) -> None:  # noqa: ANN001
    data = to_data(_project())
    edit(data)
    assert key in _keys(data)


def _session(tmp_path: Path) -> Session:
    path = tmp_path / "p.borgerspil.yaml"
    save_project(path, _project())
    return Session.open(path)


def test_an_edit_making_a_circle_or_a_wrong_date_is_refused_in_our_words(tmp_path: Path) -> None:
    session = _session(tmp_path)
    with pytest.raises(EditRefused) as caught:
        session.apply("dep", session.changes.set(("insist", "milestones", "milestone-a", "depends_on"), ["milestone-c"]))
    assert "afhænger af hinanden i ring: «Aftale» → «Drift» → «Pilot» → «Aftale»" in caught.value.text("da")
    with pytest.raises(EditRefused) as caught:
        session.apply("due", session.changes.set(("insist", "milestones", "milestone-c", "due"), D(2026, 7, 1)))
    assert "«Drift» (2026-07-01) ligger før «Pilot» (2026-08-01)" in caught.value.text("da")
    assert "is dated before" in caught.value.text("en")
    assert session.project == _project()


def test_deleting_what_the_tools_link_to_unlinks_and_undo_restores(tmp_path: Path) -> None:
    session = _session(tmp_path)
    for ident in ("milestone-b", "node-wait", "idea-sms", "obs-a", "insight-x"):
        session.apply("delete", session.changes.remove(session.changes.path_of(ident)))
    project = session.project
    assert project.insist.resources[0].milestone is None
    assert [i.linked for i in project.create.fishbones[0].bones[0].items] == [None, None]
    assert project.experience.groups[0].observations == ["obs-b"] and project.experience.groups[0].insight is None
    assert project.insist.milestones[1].depends_on == []
    session.save()
    assert parse_project(session.path.read_text(encoding="utf-8"), "x") == session.project
    for _ in range(5):
        session.undo()
    assert session.project == _project()


def test_a_milestone_depending_on_itself_is_named_by_its_title(tmp_path: Path) -> None:
    data = to_data(_project())
    data["insist"]["milestones"][0]["depends_on"] = ["milestone-a"]
    with pytest.raises(FileProblemError) as caught:
        parse_project(MODELINE + dump_data(data), "x.borgerspil.yaml")
    [problem] = [p for p in caught.value.problems if p.key == "link.depends_on_itself"]
    assert "milepælen «Aftale» afhænger af sig selv" in problem.format("x.borgerspil.yaml", "da")
    session = _session(tmp_path)
    with pytest.raises(EditRefused) as refused:
        session.apply("dep", session.changes.set(("insist", "milestones", "milestone-b", "depends_on"), ["milestone-b"]))
    assert "«Pilot» afhænger af sig selv" in refused.value.text("da") and "milestone-" not in refused.value.text("da")

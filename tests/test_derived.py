"""Derived figures: checklist progress, weighted scores and idea ranking, without any UI."""

from __future__ import annotations

from borgerspil_tui.core.derived import checklist_progress, effective_weights, rank_ideas, weighted_score
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea, Vote
from borgerspil_tui.core.model.project import ChecklistAnswer
from borgerspil_tui.core.model.readiness import TeamMember

METHOD = bundled_method()


def _project(**create: object) -> Project:
    project = Project(schema_version=1, title="t")
    for key, value in create.items():
        setattr(project.create, key, value)
    return project


def test_checklist_progress_counts_yes_partly_no() -> None:
    project = Project(schema_version=1, title="t", checklists={
        "focus-problem-clear": ChecklistAnswer(answer="yes"),
        "focus-change": ChecklistAnswer(answer="partly"),
        "focus-if-we-fail": ChecklistAnswer(answer="no"),
        "focus-target-groups": ChecklistAnswer(note="only a note, no answer"),
    })
    progress = checklist_progress(project, METHOD, "focus")
    assert (progress.answered, progress.total) == (3, 7)
    assert progress.score == 1.5 / 7
    assert progress.percent == 21
    assert checklist_progress(project, METHOD, "readiness").answered == 0


def test_weighted_score_uses_project_weights_over_defaults() -> None:
    project = _project(weights={"importance": 0})
    weights = effective_weights(project, METHOD)
    assert weights == {"importance": 0, "feasibility": 2, "strategic-match": 1, "low-hanging-fruit": 1}
    idea = Idea(title="x", scores={"importance": 5, "feasibility": 4, "low-hanging-fruit": 2})
    # (0*5 + 2*4 + 1*0 + 1*2) / 4
    assert weighted_score(idea, weights) == 2.5


def test_weights_change_the_rank() -> None:
    a = Idea(id="idea-aaaaaa", title="A", scores={"importance": 5, "feasibility": 1})
    b = Idea(id="idea-bbbbbb", title="B", scores={"importance": 1, "feasibility": 5})
    project = _project(ideas=[a, b], weights={"importance": 3, "feasibility": 1})
    assert [r.idea.title for r in rank_ideas(project, METHOD)] == ["A", "B"]
    project.create.weights = {"importance": 1, "feasibility": 3}
    assert [r.idea.title for r in rank_ideas(project, METHOD)] == ["B", "A"]


def test_ties_are_broken_by_dots_then_by_order_added() -> None:
    ideas = [Idea(id=f"idea-{c * 6}", title=c.upper(), scores={"importance": 3}) for c in "abc"]
    member = TeamMember(id="person-pppppp", name="P")
    project = Project(schema_version=1, title="t")
    project.readiness.team = [member]
    project.create.ideas = ideas
    project.create.votes = [Vote(voter=member.id, idea="idea-cccccc", dots=1)]
    ranked = rank_ideas(project, METHOD)
    assert [(r.idea.title, r.rank, r.dots) for r in ranked] == [("C", 1, 1), ("A", 2, 0), ("B", 3, 0)]


def test_votes_in_ranking_put_dots_first() -> None:
    high = Idea(id="idea-hhhhhh", title="High", scores={c.id: 5 for c in METHOD.criteria})
    low = Idea(id="idea-llllll", title="Low", scores={c.id: 1 for c in METHOD.criteria})
    project = Project(schema_version=1, title="t")
    project.readiness.team = [TeamMember(id="person-pppppp", name="P")]
    project.create.ideas = [high, low]
    project.create.votes = [Vote(voter="person-pppppp", idea="idea-llllll", dots=2)]
    assert rank_ideas(project, METHOD)[0].idea.title == "High"
    project.create.votes_in_ranking = True
    first = rank_ideas(project, METHOD)[0]
    assert (first.idea.title, first.dots, first.score) == ("Low", 2, 1.0)

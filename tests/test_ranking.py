"""Idea ranking (core/derived) and the matrix's row order (core/matrix): every tie-break in the rule."""

from __future__ import annotations

from borgerspil_tui.core.derived import rank_ideas
from borgerspil_tui.core.matrix import visible_rows
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea, Vote
from borgerspil_tui.core.model.readiness import TeamMember

METHOD = bundled_method()


def _project(scores: dict[str, int], dots: dict[str, int], *, votes_in_ranking: bool) -> Project:
    """Ideas named by their letter, added in alphabetical order, with a uniform score and dots."""
    project = Project(schema_version=1, title="t")
    project.readiness.team = [TeamMember(id=f"person-{n}{n}{n}{n}{n}{n}", name=str(n)) for n in range(1, 10)]
    project.create.dots_per_person = 100
    ideas = []
    for name in sorted(scores):
        ideas.append(Idea(id=f"idea-{name * 6}", title=name.upper(),
                          scores={c.id: scores[name] for c in METHOD.criteria} if scores[name] else {}))
    project.create.ideas = ideas
    project.create.votes = [Vote(voter="person-111111", idea=f"idea-{name * 6}", dots=n)
                            for name, n in dots.items() if n]
    project.create.votes_in_ranking = votes_in_ranking
    return Project.model_validate(project.model_dump())


def _titles(project: Project) -> list[str]:
    return [r.idea.title for r in rank_ideas(project, METHOD)]


def test_dots_first_and_the_score_breaks_a_tie_in_dots() -> None:
    # a and b have the same dots; b scores higher and was added later: the score decides, not the order
    project = _project({"a": 2, "b": 4, "c": 5, "d": 1}, {"a": 3, "b": 3, "c": 1, "d": 0}, votes_in_ranking=True)
    assert _titles(project) == ["B", "A", "C", "D"]
    ranked = rank_ideas(project, METHOD)
    assert [r.rank for r in ranked] == [1, 2, 3, 4]
    assert [r.dots for r in ranked] == [3, 3, 1, 0]


def test_dots_first_and_then_the_order_added_when_dots_and_score_tie() -> None:
    project = _project({"a": 3, "b": 3, "c": 3}, {"a": 0, "b": 2, "c": 2}, votes_in_ranking=True)
    assert _titles(project) == ["B", "C", "A"]


def test_score_first_and_dots_break_a_tie_in_score() -> None:
    project = _project({"a": 3, "b": 3, "c": 5, "d": 1}, {"a": 1, "b": 2, "c": 0, "d": 9}, votes_in_ranking=False)
    assert _titles(project) == ["C", "B", "A", "D"]


def test_switching_votes_in_ranking_changes_the_order() -> None:
    project = _project({"a": 5, "b": 1}, {"a": 0, "b": 1}, votes_in_ranking=False)
    assert _titles(project) == ["A", "B"]
    project.create.votes_in_ranking = True
    assert _titles(project) == ["B", "A"]


def test_matrix_rows_sorted_by_dots_or_score_fall_back_to_the_rank() -> None:
    project = _project({"a": 2, "b": 4, "c": 4}, {"a": 3, "b": 3, "c": 1}, votes_in_ranking=True)
    ranked = rank_ideas(project, METHOD)
    order = [i.id for i in project.create.ideas]
    assert [r.idea.title for r in visible_rows(ranked, order, "dots", False)] == ["B", "A", "C"]
    assert [r.idea.title for r in visible_rows(ranked, order, "score", False)] == ["B", "C", "A"]
    assert [r.idea.title for r in visible_rows(ranked, order, "rank", False)] == ["B", "A", "C"]
    assert [r.idea.title for r in visible_rows(ranked, order, "order", False)] == ["A", "B", "C"]
    assert [r.idea.title for r in visible_rows(ranked, order, "importance", False)] == ["B", "C", "A"]
    assert [r.idea.title for r in visible_rows(ranked, order, "order", False, needle="b")] == ["B"]

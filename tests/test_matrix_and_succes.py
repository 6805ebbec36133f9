"""The 2×2 placement and the SUCCES verdict, without any UI."""

from __future__ import annotations

from borgerspil_tui.core import matrix, succes
from borgerspil_tui.core.derived import rank_ideas
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept, Idea, SuccesRating

METHOD = bundled_method()


def test_place_ideas_in_cells_and_quadrants() -> None:
    project = Project(schema_version=1, title="t")
    project.create.ideas = [
        Idea(id="idea-aaaaaa", title="A", scores={"importance": 5, "feasibility": 5}),
        Idea(id="idea-bbbbbb", title="B", scores={"importance": 5, "feasibility": 5}),
        Idea(id="idea-cccccc", title="C", scores={"importance": 2, "feasibility": 4}),
        Idea(id="idea-dddddd", title="D", scores={"importance": 4}),
    ]
    ranked = rank_ideas(project, METHOD)
    placement = matrix.place(ranked, "importance", "feasibility")
    assert [r.idea.title for r in placement.cells[(5, 5)]] == ["A", "B"]  # same spot, both kept
    assert [r.idea.title for r in placement.cells[(2, 4)]] == ["C"]
    assert [r.idea.title for r in placement.unplaced] == ["D"]
    quadrant = {r.idea.title: placement.quadrant_of(r, "importance", "feasibility") for r in ranked}
    assert quadrant == {"A": "do-now", "B": "do-now", "C": "maybe", "D": None}


def test_succes_verdict_and_weakest() -> None:
    concept = Concept(title="c")
    result = succes.check(concept, METHOD)
    assert result.verdict == "not-ready" and len(result.weakest) == 6 and result.score == 0
    concept.succes = {c.id: SuccesRating(rating="yes") for c in METHOD.succes}
    concept.succes["credible"] = SuccesRating(rating="partly")
    result = succes.check(concept, METHOD)
    assert result.verdict == "almost" and [c.id for c in result.weakest] == ["credible"] and result.score == 11
    concept.succes["credible"] = SuccesRating(rating="yes")
    assert succes.check(concept, METHOD).verdict == "ready"
    assert succes.check(concept, METHOD).weakest == []


def test_the_axes_skip_each_other_and_fit_the_method() -> None:
    ids = ["a", "b", "c"]
    assert matrix.next_axis(ids, "a", "b") == "c"
    assert matrix.next_axis(ids, "c", "a") == "b"
    assert matrix.next_axis(["a"], "a", "a") == "a"
    view = matrix.MatrixView(axes=("importance", "importance"))
    assert view.fitted_axes(["importance", "feasibility"]) == ("importance", "feasibility")
    assert matrix.MatrixView(axes=("gone", "b")).fitted_axes(ids) == ("a", "b")


def test_the_cursor_moves_on_after_a_score() -> None:
    columns = [3, 4, 5, 6]
    assert matrix.advance(0, 3, columns, 2) == (0, 4)
    assert matrix.advance(0, 6, columns, 2) == (1, 3)
    assert matrix.advance(1, 6, columns, 2) == (1, 6)  # the last cell: stay


def test_criterion_headers_are_two_lines_with_the_weight() -> None:
    assert matrix.criterion_header("Vigtighed", 3) == "Vigtighed\n×3"
    assert matrix.criterion_header("Strategisk\nmatch", 1) == "Strategisk\nmatch ×1"
    assert matrix.criterion_header("Borgernes oplevede værdi", 2.5) == "Borgernes\noplevede værdi ×2.5"
    first, second = matrix.criterion_header("Et meget langt navn på et kriterium", 1).split("\n")
    assert len(first) <= 14 and second.endswith("… ×1")

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


# -- the ranking kept one idea at a time ---------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from borgerspil_tui.core.model.create import Vote  # noqa: E402
from borgerspil_tui.core.model.readiness import TeamMember  # noqa: E402
from borgerspil_tui.core.ranking import Ranking  # noqa: E402

CRITERIA = [c.id for c in METHOD.criteria]
_scores = st.dictionaries(st.sampled_from(CRITERIA), st.integers(1, 5), max_size=4)
_steps = st.lists(st.one_of(
    st.tuples(st.just("score"), st.integers(0, 30), _scores),
    st.tuples(st.just("dots"), st.integers(0, 30), st.integers(0, 3)),
    st.tuples(st.just("add"), st.integers(0, 0), _scores),
    st.tuples(st.just("remove"), st.integers(0, 30), st.just({})),
), max_size=25)


def _ranks(ranking: Ranking) -> list[tuple[str, int, float, int]]:
    return [(i, ranking.rank(i), ranking.score(i), ranking.dots_of(i)) for i in ranking]


@settings(max_examples=150, deadline=None)
@given(start=st.lists(_scores, max_size=8), steps=_steps, votes_first=st.booleans(),
       weights=st.dictionaries(st.sampled_from(CRITERIA), st.sampled_from([0, 0.5, 1, 3])))
def test_the_ranking_kept_up_to_date_is_rank_ideas(start, steps, votes_first, weights) -> None:  # noqa: ANN001
    """After any scores, dots, new and deleted ideas, the kept ranking is ``rank_ideas``'s, and the
    places it says changed are the only ones whose idea has another rank."""
    project = Project(schema_version=1, title="t")
    project.readiness.team = [TeamMember(id="person-aaaaaa", name="A")]
    project.create.ideas = [Idea(title=f"i{n}", scores=s) for n, s in enumerate(start)]
    project.create.votes_in_ranking, project.create.weights = votes_first, weights
    ranking = Ranking(project, METHOD)
    for kind, which, value in steps:
        ideas = project.create.ideas
        before = {i: r for i, r, _, _ in _ranks(ranking)}
        if kind == "add":
            ideas.append(Idea(title="new", scores=value))
            span = ranking.add(ideas[-1])
        elif not ideas:
            continue
        elif kind == "remove":
            gone = ideas.pop(which % len(ideas))
            project.create.votes = [v for v in project.create.votes if v.idea != gone.id]
            span = ranking.remove(gone.id)
        elif kind == "score":
            idea = ideas[which % len(ideas)]
            idea.scores = value
            span = ranking.update(idea)
        else:
            idea = ideas[which % len(ideas)]
            project.create.votes = [v for v in project.create.votes if v.idea != idea.id]
            if value:
                project.create.votes.append(Vote(voter="person-aaaaaa", idea=idea.id, dots=value))
            span = ranking.update(idea, value)
        expected = [(r.idea.id, r.rank, r.score, r.dots) for r in rank_ideas(project, METHOD)]
        assert _ranks(ranking) == expected
        moved = {i for i, r, _, _ in expected if before.get(i) != r}
        inside = set() if span is None else set(ranking.ids(*span))
        assert moved <= inside


def test_a_changed_row_finds_the_place_a_full_sort_gives_it() -> None:
    project = Project(schema_version=1, title="t")
    project.create.ideas = [Idea(title=t, scores={"importance": s}, chosen=c) for t, s, c in
                            (("b", 3, False), ("a", 5, True), ("b", 1, True), ("c", 3, False), ("a", 2, False))]
    ranked = rank_ideas(project, METHOD)
    order = [i.id for i in project.create.ideas]
    position = {idea_id: n for n, idea_id in enumerate(order)}
    for sort_key in [*matrix.SORT_KEYS, "importance", "feasibility"]:
        for reverse in (False, True):
            rows = matrix.visible_rows(ranked, order, sort_key, reverse)
            key = matrix.row_key(sort_key, position.__getitem__)
            for index, item in enumerate(rows):
                others = rows[:index] + rows[index + 1:]
                assert matrix.place_of(item, len(others), others.__getitem__, key, reverse) == index, \
                    (sort_key, reverse, item.idea.title)

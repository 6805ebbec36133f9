"""Figures derived from a project: checklist progress, idea scores and ranking. No I/O, no UI."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea

ANSWER_VALUE = {"yes": 1.0, "partly": 0.5, "no": 0.0}
"""How much each checklist answer counts towards progress."""


@dataclass(frozen=True)
class Progress:
    """How far a checklist has come."""

    answered: int
    """Questions with any answer."""
    total: int
    score: float
    """0.0–1.0: yes counts 1, partly ½, no and unanswered 0."""

    @property
    def percent(self) -> int:
        """The score as a whole percentage."""
        return round(self.score * 100)


def checklist_progress(project: Project, method: Method, part: str) -> Progress:
    """Progress of the readiness checklist (``part="readiness"``) or of a phase's checklist."""
    items = method.checklist(part)
    answers = [project.checklists.get(item.id) for item in items]
    given = [a.answer for a in answers if a is not None and a.answer is not None]
    total = len(items)
    score = sum(ANSWER_VALUE[a] for a in given) / total if total else 0.0
    return Progress(answered=len(given), total=total, score=score)


def effective_weights(project: Project, method: Method) -> dict[str, float]:
    """The weight of each criterion: the project's own, else the method's default."""
    return {c.id: project.create.weights.get(c.id, c.default_weight) for c in method.criteria}


def weighted_score(idea: Idea, weights: dict[str, float]) -> float:
    """Weighted mean of the idea's scores on a 0–5 scale; a criterion not yet scored counts 0."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(w * idea.scores.get(c, 0) for c, w in weights.items()) / total


def dots_per_idea(project: Project) -> Counter[str]:
    """The number of dots each idea has been given: the votes, and anonymous voting rounds' totals."""
    dots: Counter[str] = Counter()
    for vote in project.create.votes:
        dots[vote.idea] += vote.dots
    for workshop in project.workshops:  # an anonymous round's dots exist only as its totals
        for held in workshop.rounds:
            if held.anonymous:
                for total in held.totals:
                    dots[total.idea] += total.dots
    return dots


@dataclass(frozen=True)
class RankedIdea:
    """An idea with its weighted score, dots and rank (1 is best)."""

    idea: Idea
    score: float
    dots: int
    rank: int


def rank_ideas(project: Project, method: Method) -> list[RankedIdea]:
    """Ideas best first, each with a unique rank.

    The rule: highest weighted score first; when votes count in the ranking
    (``create.votes_in_ranking``), most dots first and the score breaks ties. Remaining ties:
    the other measure, then the order in which the ideas were added.
    """
    weights = effective_weights(project, method)
    dots = dots_per_idea(project)
    rows = [(idea, round(weighted_score(idea, weights), 6), dots[idea.id], index)
            for index, idea in enumerate(project.create.ideas)]
    if project.create.votes_in_ranking:
        rows.sort(key=lambda r: (-r[2], -r[1], r[3]))
    else:
        rows.sort(key=lambda r: (-r[1], -r[2], r[3]))
    return [RankedIdea(idea, score, n, rank) for rank, (idea, score, n, _) in enumerate(rows, start=1)]

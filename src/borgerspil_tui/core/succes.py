"""The SUCCES communication check of a concept: the verdict and the weakest criteria."""

from __future__ import annotations

from dataclasses import dataclass

from borgerspil_tui.core.method import Method, SuccesCriterion
from borgerspil_tui.core.model.create import Concept, SuccesRating

RATING_VALUE = {"not-yet": 0, "partly": 1, "yes": 2}


@dataclass(frozen=True)
class SuccesCheck:
    """Where a concept stands on the six criteria."""

    ratings: list[tuple[SuccesCriterion, SuccesRating]]
    verdict: str
    """``ready`` (all yes), ``almost`` (no criterion at not-yet), or ``not-ready``."""
    weakest: list[SuccesCriterion]
    """The criteria with the lowest rating (none when everything is yes)."""
    score: int
    """0–12: yes counts 2, partly 1."""


def check(concept: Concept, method: Method) -> SuccesCheck:
    """Rate a concept against the method's SUCCES criteria."""
    ratings = [(criterion, concept.succes.get(criterion.id) or SuccesRating()) for criterion in method.succes]
    values = [RATING_VALUE[rating.rating] for _, rating in ratings]
    lowest = min(values) if values else 2
    weakest = [criterion for (criterion, _), value in zip(ratings, values, strict=True)
               if value == lowest and value < 2]
    if all(v == 2 for v in values):
        verdict = "ready"
    elif all(v >= 1 for v in values):
        verdict = "almost"
    else:
        verdict = "not-ready"
    return SuccesCheck(ratings, verdict, weakest, sum(values))

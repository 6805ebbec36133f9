"""Idea ranks kept up to date one idea at a time.

:func:`borgerspil_tui.core.derived.rank_ideas` ranks every idea again (tens of milliseconds for
5,000 ideas). :class:`Ranking` keeps the same order as a sorted list of keys, so a score, a
choice, a new idea or a deleted one costs a binary search and tells which ranks it moved: the
ideas between the old and the new place, nothing else. No Textual here.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterator

from borgerspil_tui.core.derived import dots_per_idea, effective_weights, weighted_score
from borgerspil_tui.core.method import Method
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea

Span = tuple[int, int]
"""The first and last place (0 is rank 1) whose idea may have another rank now."""


class Ranking:
    """The ideas of a project in rank order, by the rule of ``rank_ideas``: highest weighted score
    first (most dots first when votes count), then the other measure, then the order the ideas
    were added in. Weights and whether votes count are fixed: when they change, make a new one."""

    def __init__(self, project: Project, method: Method) -> None:
        self.weights = effective_weights(project, method)
        self.votes_first = project.create.votes_in_ranking
        self.dots: Counter[str] = dots_per_idea(project)
        self._key: dict[str, tuple[float, float, int, str]] = {}
        for order, idea in enumerate(project.create.ideas):
            self._key[idea.id] = self._make(idea, self.dots[idea.id], order)
        self._next = len(self._key)
        self._sorted = sorted(self._key.values())

    def _make(self, idea: Idea, dots: int, order: int) -> tuple[float, float, int, str]:
        score = round(weighted_score(idea, self.weights), 6)
        return (-dots, -score, order, idea.id) if self.votes_first else (-score, -dots, order, idea.id)

    def __len__(self) -> int:
        return len(self._sorted)

    def __contains__(self, idea_id: object) -> bool:
        return idea_id in self._key

    # -- reading --------------------------------------------------------------------------------
    def rank(self, idea_id: str) -> int:
        """The idea's rank (1 is best)."""
        return bisect_left(self._sorted, self._key[idea_id]) + 1

    def score(self, idea_id: str) -> float:
        """The idea's weighted score, rounded as ``rank_ideas`` rounds it."""
        key = self._key[idea_id]
        return 0.0 - (key[1] if self.votes_first else key[0])

    def dots_of(self, idea_id: str) -> int:
        """The dots the idea has been given."""
        return self.dots[idea_id]

    def order(self, idea_id: str) -> int:
        """A number that grows with the idea's place in the project's list (for sorting by it)."""
        return self._key[idea_id][2]

    def ids(self, first: int = 0, last: int | None = None) -> list[str]:
        """The ids at places ``first``…``last`` (all of them by default), best first."""
        stop = len(self._sorted) if last is None else last + 1
        return [key[3] for key in self._sorted[first:stop]]

    def __iter__(self) -> Iterator[str]:
        return (key[3] for key in self._sorted)

    # -- changing -------------------------------------------------------------------------------
    def update(self, idea: Idea, dots: int | None = None) -> Span | None:
        """The idea's scores (or its ``dots``) changed: move it. Returns the places whose rank
        changed, or None when none did."""
        old = self._key[idea.id]
        if dots is not None:
            self.dots[idea.id] = dots
        new = self._make(idea, self.dots[idea.id], old[2])
        if new == old:
            return None
        before = bisect_left(self._sorted, old)
        del self._sorted[before]
        after = bisect_left(self._sorted, new)
        self._sorted.insert(after, new)
        self._key[idea.id] = new
        return min(before, after), max(before, after)

    def add(self, idea: Idea, dots: int = 0) -> Span:
        """A new idea, last in the project's list, with ``dots``. Returns the places whose rank changed."""
        if dots:
            self.dots[idea.id] = dots
        key = self._make(idea, dots, self._next)
        self._next += 1
        self._key[idea.id] = key
        insort(self._sorted, key)
        return bisect_left(self._sorted, key), len(self._sorted) - 1

    def remove(self, idea_id: str) -> Span | None:
        """The idea was deleted. Returns the places whose rank changed, or None."""
        key = self._key.pop(idea_id)
        self.dots.pop(idea_id, None)
        place = bisect_left(self._sorted, key)
        del self._sorted[place]
        return (place, len(self._sorted) - 1) if place < len(self._sorted) else None

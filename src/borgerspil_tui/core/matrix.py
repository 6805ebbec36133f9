"""The 2×2 view of the prioritisation matrix: where each idea lands, and the quadrants' names.

Scores run 1–5; a score of 3 or more counts as high. Ideas that land on the same spot are kept
together in that cell (the view numbers them, so they are still told apart); an idea without a
score on either axis is listed as not placed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from borgerspil_tui.core.derived import RankedIdea

HIGH = 3
"""The lowest score that counts as high."""

QUADRANTS = {
    (True, True): "do-now",
    (True, False): "plan",
    (False, True): "maybe",
    (False, False): "drop",
}
"""(high on the vertical axis, high on the horizontal axis) → quadrant id."""


@dataclass
class Placement:
    """Ideas by (vertical score, horizontal score), and the ideas that could not be placed."""

    cells: dict[tuple[int, int], list[RankedIdea]] = field(default_factory=dict)
    unplaced: list[RankedIdea] = field(default_factory=list)

    def quadrant_of(self, ranked: RankedIdea, vertical: str, horizontal: str) -> str | None:
        """The quadrant id of an idea, or None when it is not placed."""
        y, x = ranked.idea.scores.get(vertical), ranked.idea.scores.get(horizontal)
        if y is None or x is None:
            return None
        return QUADRANTS[(y >= HIGH, x >= HIGH)]


def place(ranked: list[RankedIdea], vertical: str, horizontal: str) -> Placement:
    """Put each idea in the cell of its two scores (ideas keep their rank order within a cell)."""
    placement = Placement()
    for item in ranked:
        y, x = item.idea.scores.get(vertical), item.idea.scores.get(horizontal)
        if y is None or x is None:
            placement.unplaced.append(item)
        else:
            placement.cells.setdefault((y, x), []).append(item)
    return placement


SORT_KEYS = ("order", "rank", "title", "dots", "score", "chosen")
"""Columns the matrix sorts by besides a criterion id."""


def visible_rows(ranked: list[RankedIdea], order: list[str], sort_key: str, reverse: bool,
                 needle: str = "") -> list[RankedIdea]:
    """The rows of the matrix table: filtered by text, sorted by a column.

    ``order`` is the ids in the order they were added; ``sort_key`` is one of :data:`SORT_KEYS`
    or a criterion id (highest score first). Ties fall back to the rank.
    """
    needle = needle.casefold()
    rows = [r for r in ranked if not needle or needle in (r.idea.title + " " + r.idea.description).casefold()]
    position = {idea_id: index for index, idea_id in enumerate(order)}
    keys = {
        "order": lambda r: position[r.idea.id],
        "rank": lambda r: r.rank,
        "title": lambda r: r.idea.title.casefold(),
        "dots": lambda r: (-r.dots, r.rank),
        "score": lambda r: (-r.score, r.rank),
        "chosen": lambda r: (not r.idea.chosen, r.rank),
    }
    key = keys.get(sort_key, lambda r: (-(r.idea.scores.get(sort_key) or 0), r.rank))
    return sorted(rows, key=key, reverse=reverse)

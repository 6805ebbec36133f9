"""The 2×2 view of the prioritisation matrix: where each idea lands, and the quadrants' names.

Scores run 1–5; a score of 3 or more counts as high. Ideas that land on the same spot are kept
together in that cell (the view numbers them, so they are still told apart); an idea without a
score on either axis is listed as not placed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from borgerspil_tui.core.derived import RankedIdea
from borgerspil_tui.core.model.create import Idea

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


def matches(idea: Idea, needle: str) -> bool:
    """Whether the idea's title or description holds ``needle`` (already casefolded; empty: all)."""
    return not needle or needle in (idea.title + " " + idea.description).casefold()


def row_key(sort_key: str, position: Callable[[str], int]) -> Callable[[RankedIdea], Any]:
    """What the rows are sorted by for ``sort_key`` (see :func:`visible_rows`); ``position``
    gives an idea's place in the order the ideas were added."""
    keys: dict[str, Callable[[RankedIdea], Any]] = {
        "order": lambda r: position(r.idea.id),
        "rank": lambda r: r.rank,
        "title": lambda r: r.idea.title.casefold(),
        "dots": lambda r: (-r.dots, r.rank),
        "score": lambda r: (-r.score, r.rank),
        "chosen": lambda r: (not r.idea.chosen, r.rank),
    }
    return keys.get(sort_key, lambda r: (-(r.idea.scores.get(sort_key) or 0), r.rank))


def visible_rows(ranked: list[RankedIdea], order: list[str], sort_key: str, reverse: bool,
                 needle: str = "") -> list[RankedIdea]:
    """The rows of the matrix table: filtered by text, sorted by a column.

    ``order`` is the ids in the order they were added; ``sort_key`` is one of :data:`SORT_KEYS`
    or a criterion id (highest score first). Ties fall back to the rank (``ranked`` is best
    first, and the sort keeps that order among equals, reversed or not).
    """
    needle = needle.casefold()
    rows = [r for r in ranked if matches(r.idea, needle)]
    position = {idea_id: index for index, idea_id in enumerate(order)}
    return sorted(rows, key=row_key(sort_key, position.__getitem__), reverse=reverse)


def place_of(item: RankedIdea, count: int, row_at: Callable[[int], RankedIdea],
             key: Callable[[RankedIdea], Any], reverse: bool) -> int:
    """Where ``item`` goes among ``count`` rows in the order of :func:`visible_rows` (``row_at``
    gives the row at a place): a binary search, for one row that changed or is new."""
    mine = key(item)
    low, high = 0, count
    while low < high:
        middle = (low + high) // 2
        other = row_at(middle)
        theirs = key(other)
        before = (mine > theirs if reverse else mine < theirs) or (mine == theirs and item.rank < other.rank)
        if before:
            high = middle
        else:
            low = middle + 1
    return low


@dataclass
class MatrixView:
    """How the matrix is looked at (not part of the project): kept by the app while it runs."""

    sort_key: str = "order"
    sort_reverse: bool = False
    filter_text: str = ""
    plot_mode: bool = False
    axes: tuple[str, str] | None = None
    """(vertical, horizontal) criterion ids of the 2×2 view; None until the view is first drawn."""

    def fitted_axes(self, criteria: list[str]) -> tuple[str, str]:
        """The axes, made valid for ``criteria``: two different criteria when there are two."""
        vertical, horizontal = self.axes or (criteria[0], criteria[min(1, len(criteria) - 1)])
        if vertical not in criteria:
            vertical = criteria[0]
        if horizontal not in criteria or (horizontal == vertical and len(criteria) > 1):
            horizontal = next(c for c in criteria if c != vertical) if len(criteria) > 1 else vertical
        self.axes = (vertical, horizontal)
        return self.axes


def next_axis(criteria: list[str], current: str, other: str) -> str:
    """The criterion after ``current`` (round the end), skipping the other axis's ``other``."""
    if len(criteria) < 2:
        return current
    index = criteria.index(current) if current in criteria else -1
    for step in range(1, len(criteria) + 1):
        candidate = criteria[(index + step) % len(criteria)]
        if candidate != other:
            return candidate
    return current


def advance(row: int, column: int, criteria_columns: list[int], rows: int) -> tuple[int, int]:
    """Where the cursor goes after a score: the next criterion, or the next idea's first one.

    ``criteria_columns`` are the table columns of the criteria, in order; at the last criterion
    of the last idea the cursor stays.
    """
    if column in criteria_columns and column != criteria_columns[-1]:
        return row, criteria_columns[criteria_columns.index(column) + 1]
    if row + 1 < rows:
        return row + 1, criteria_columns[0]
    return row, column


def two_lines(text: str, width: int) -> list[str]:
    """``text`` as at most two lines of at most ``width`` characters, broken between words.

    A line break in ``text`` is kept. What does not fit in two lines ends in ``…``.
    """
    if "\n" in text:
        first, _, rest = text.partition("\n")
        lines = [line for line in (first.strip(), " ".join(rest.split())) if line]
    else:
        lines, line = [], ""
        for word in text.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
    return [line if len(line) <= width else line[:width - 1] + "…" for line in lines]


def criterion_header(label: str, weight: float, width: int = 14) -> str:
    """A two-line column header: the criterion's short name, then the rest and its weight.

    ``Strategisk\\nmatch`` and weight 1 give ``Strategisk`` / ``match ×1``; ``Vigtighed`` gives
    ``Vigtighed`` / ``×3``. A name longer than two lines of ``width`` is cut (the whole name is in
    the line above the table).
    """
    lines = two_lines(label, width)
    mark = f"×{weight:g}"
    return f"{lines[0]}\n{lines[1]} {mark}" if len(lines) > 1 else f"{lines[0]}\n{mark}"

"""The stakeholder analysis's influence × interest grid: where each stakeholder lands.

Influence is the vertical axis, interest (``interest_level``) the horizontal one; both run 1–5
and 3 or more counts as high, as in the ideas' 2×2 (core/matrix). The classic four quadrants:
high influence and low interest — keep satisfied; high and high — manage closely; low and low —
monitor; low influence and high interest — keep informed. A stakeholder without both scores is
not placed. Stakeholders are numbered by their place in the list (1, 2, …) so the grid can show
numbers and a legend the names. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from borgerspil_tui.core.matrix import HIGH
from borgerspil_tui.core.model.insist import Stakeholder

QUADRANTS = {
    (True, False): "keep-satisfied",
    (True, True): "manage-closely",
    (False, False): "monitor",
    (False, True): "keep-informed",
}
"""(high influence, high interest) → quadrant id."""

ORDER = ("manage-closely", "keep-satisfied", "keep-informed", "monitor")
"""The quadrants from the most attention to the least."""


def quadrant(stakeholder: Stakeholder) -> str | None:
    """The quadrant id of a stakeholder, or None when influence or interest is missing."""
    influence, interest = stakeholder.influence, stakeholder.interest_level
    if influence is None or interest is None:
        return None
    return QUADRANTS[(influence >= HIGH, interest >= HIGH)]


@dataclass(frozen=True)
class Numbered:
    """A stakeholder and its number in the list (``rank``: the name the ideas' 2×2 draws)."""

    rank: int
    stakeholder: Stakeholder


@dataclass
class GridPlacement:
    """Stakeholders by (influence, interest), and those that could not be placed, in list order."""

    cells: dict[tuple[int, int], list[Numbered]] = field(default_factory=dict)
    unplaced: list[Numbered] = field(default_factory=list)

    def in_quadrant(self, quadrant_id: str) -> list[Numbered]:
        """The stakeholders in one quadrant, in list order."""
        found = [n for spot in self.cells.values() for n in spot if quadrant(n.stakeholder) == quadrant_id]
        return sorted(found, key=lambda n: n.rank)


def place(stakeholders: list[Stakeholder]) -> GridPlacement:
    """Put each stakeholder in the cell of its influence (row) and interest (column)."""
    placement = GridPlacement()
    for number, stakeholder in enumerate(stakeholders, start=1):
        item = Numbered(number, stakeholder)
        influence, interest = stakeholder.influence, stakeholder.interest_level
        if influence is None or interest is None:
            placement.unplaced.append(item)
        else:
            placement.cells.setdefault((influence, interest), []).append(item)
    return placement

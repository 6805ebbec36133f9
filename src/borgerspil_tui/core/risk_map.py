"""The risks' order and their 5×5 heat map, as plain data: score = likelihood × impact, the list
shown highest score first (unscored last, ties in the order they were added), each risk's number
in that order, and the map's cells with their level and the numbers of the risks in them. The
map has likelihood up (5 at the top) and impact across (1 at the left). No I/O, no UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from borgerspil_tui.core.model.insist import Risk

HIGH_RISK = 15
"""A score from this up is a high risk: it must have a mitigation (core/checks/risks)."""
LEVELS = ((4, "low"), (9, "medium"), (14, "high"), (25, "very-high"))
"""A cell's level by its score: up to 4 low, 5–9 medium, 10–14 high, from 15 (HIGH_RISK) very high."""
SCALE = range(1, 6)


def score(risk: Risk) -> int | None:
    """Likelihood × impact, or None while either is missing."""
    if risk.likelihood is None or risk.impact is None:
        return None
    return risk.likelihood * risk.impact


def level(likelihood: int, impact: int) -> str:
    """The level of a cell of the map (``low``, ``medium``, ``high``, ``very-high``)."""
    value = likelihood * impact
    return next(name for top, name in LEVELS if value <= top)


def sorted_risks(risks: Sequence[Risk]) -> list[Risk]:
    """Highest score first, unscored last; equal scores keep the order they were added in."""
    return sorted(risks, key=lambda r: -(score(r) or 0))  # sorted() is stable


def numbers(risks: Sequence[Risk]) -> dict[str, int]:
    """Each risk's number (1, 2, …) in the shown order, by id."""
    return {r.id: index for index, r in enumerate(sorted_risks(risks), 1)}


@dataclass(frozen=True)
class MapCell:
    """One cell of the heat map: where it is, its level and the numbers of the risks in it."""

    likelihood: int
    impact: int
    level: str
    numbers: tuple[int, ...] = ()

    @property
    def count(self) -> int:
        """How many risks are in the cell."""
        return len(self.numbers)


@dataclass
class RiskMap:
    """The 5×5 map as rows from the top (likelihood 5) down, each cell impact 1 → 5."""

    rows: list[list[MapCell]] = field(default_factory=list)
    unscored: int = 0
    """Risks missing likelihood or impact: not on the map."""

    def cell(self, likelihood: int, impact: int) -> MapCell:
        """The cell at likelihood × impact."""
        return self.rows[5 - likelihood][impact - 1]


def risk_map(risks: Sequence[Risk]) -> RiskMap:
    """The heat map of ``risks``; a cell's numbers are the risks' numbers in the shown list."""
    placed: dict[tuple[int, int], list[int]] = {}
    unscored = 0
    for number, risk in enumerate(sorted_risks(risks), 1):
        if risk.likelihood is None or risk.impact is None:
            unscored += 1
        else:
            placed.setdefault((risk.likelihood, risk.impact), []).append(number)
    rows = [[MapCell(y, x, level(y, x), tuple(placed.get((y, x), ()))) for x in SCALE] for y in reversed(SCALE)]
    return RiskMap(rows, unscored)


def number_line(numbers: Sequence[int], width: int) -> str:
    """``#1 #4 #7`` within ``width`` characters, ending in ``+3`` for those that do not fit."""
    text = ""
    for index, number in enumerate(numbers):
        part = (" " if text else "") + f"#{number}"
        rest = len(numbers) - index - 1
        if len(text) + len(part) + (len(f" +{rest}") if rest else 0) > width:
            return (text + f" +{len(numbers) - index}").strip()[:max(width, 0)]
        text += part
    return text

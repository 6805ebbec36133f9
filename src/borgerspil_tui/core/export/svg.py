"""Layouts for the HTML report's two pictures, drawn as inline SVG by the report's template
(core/export/templates/report.html.j2, which escapes every text): the problem tree, from the very
layout of the tree picture in the app (core/tree_picture), and the 2×2 of ideas. No I/O, no UI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from borgerspil_tui.core.derived import RankedIdea
from borgerspil_tui.core.matrix import HIGH, QUADRANTS, place
from borgerspil_tui.core.model.focus import TreeNode
from borgerspil_tui.core.tree_picture import draw

CHAR = 7.8
"""Width of one cell of the tree picture in SVG units (a monospace font at 13 units)."""
LINE = 17
"""Height of one row of the tree picture."""
TREE_COLUMNS = 96
"""How many cells wide the tree picture is laid out (as a wide terminal)."""


@dataclass(frozen=True)
class TreeRow:
    """One row of the tree picture: its y and its pieces (text, kind)."""

    y: float
    pieces: list[tuple[str, str]]


@dataclass(frozen=True)
class TreeSvg:
    """The tree picture as rows of text in a box ``width`` × ``height``."""

    width: float
    height: float
    rows: list[TreeRow]


def tree_svg(problem: str, causes: list[TreeNode], consequences: list[TreeNode], *, label: str,
             empty: str, notes: dict[str, str]) -> TreeSvg:
    """The problem tree laid out exactly as the app's tree picture; spaces kept as no-break
    spaces so the columns line up in any browser."""
    picture = draw(problem, causes, consequences, TREE_COLUMNS, problem_label=label,
                   empty_problem=empty, notes=notes)
    rows = []
    for index, row in enumerate(picture.rows):
        pieces = [(s.text.replace(" ", "\u00a0"), s.kind) for s in row if s.text]
        rows.append(TreeRow(LINE * (index + 1), pieces))
    return TreeSvg(round(picture.width * CHAR + 8, 1), LINE * (len(picture.rows) + 1) - 4, rows)


@dataclass(frozen=True)
class Dot:
    """An idea on the 2×2: its number in the legend and where it is drawn."""

    number: int
    x: float
    y: float
    quadrant: str


@dataclass
class QuadrantSvg:
    """The 2×2 of ideas: a 5 × 5 grid of scores split into four quadrants, ideas as numbered dots."""

    size: int = 360
    margin: int = 40
    dots: list[Dot] = field(default_factory=list)
    legend: list[tuple[int, str]] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    @property
    def cell(self) -> float:
        """The side of one score cell."""
        return self.size / 5

    @property
    def split(self) -> float:
        """Where the high scores begin, on both axes (from the grid's left or bottom)."""
        return (HIGH - 1) * self.cell

    @property
    def ticks(self) -> list[tuple[int, float]]:
        """Score labels and their centre along an axis."""
        return [(score, (score - 0.5) * self.cell) for score in range(1, 6)]


def quadrant_svg(ranked: list[RankedIdea], vertical: str, horizontal: str) -> QuadrantSvg:
    """Place each scored idea in its cell; several in a cell sit side by side in rows of three."""
    picture = QuadrantSvg()
    placement = place(ranked, vertical, horizontal)
    number = 0
    cell = picture.cell
    for (y, x), items in sorted(placement.cells.items(), key=lambda kv: (-kv[0][0], kv[0][1])):
        for slot, item in enumerate(items):
            number += 1
            column, row = slot % 3, slot // 3
            cx = (x - 1) * cell + cell * (0.22 + 0.28 * column)
            cy = (5 - y) * cell + cell * (0.25 + 0.28 * (row % 3))
            quadrant = QUADRANTS[(y >= HIGH, x >= HIGH)]
            picture.dots.append(Dot(number, round(cx, 1), round(cy, 1), quadrant))
            picture.legend.append((number, item.idea.title))
    picture.unplaced = [item.idea.title for item in placement.unplaced]
    return picture


@dataclass(frozen=True)
class Mark:
    """A milestone on the timeline: its row, where its due date falls, its label, whether done."""

    y: float
    x: float
    label: str
    done: bool


@dataclass
class TimelineSvg:
    """The milestones with dates along a time axis (as a gantt of points), months marked."""

    width: int = 720
    left: int = 300
    row: int = 22
    marks: list[Mark] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)

    @property
    def height(self) -> float:
        """Rows, the axis and its labels."""
        return self.row * (len(self.marks) + 1) + 24


LABEL_CHARS = 36
"""Longest milestone title drawn in full on the timeline (the table beside it has all of it)."""


def timeline_svg(milestones: list[tuple[str, dt.date | None, bool]]) -> TimelineSvg | None:
    """``(title, due date, done)`` of each milestone with a date, earliest first; None when none
    has a date."""
    dated = sorted(((due, title, done) for title, due, done in milestones if due is not None),
                   key=lambda m: m[0])
    if not dated:
        return None
    picture = TimelineSvg()
    first, last = dated[0][0].replace(day=1), dated[-1][0]
    span = max((last - first).days + 15, 30)
    room = picture.width - picture.left - 16

    def at(day: dt.date) -> float:
        return round(picture.left + room * (day - first).days / span, 1)

    month = first
    while month <= last:
        picture.ticks.append((at(month), month.strftime("%Y-%m")))
        month = month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)
    step = max(1, len(picture.ticks) // 8)
    picture.ticks = picture.ticks[::step]
    for index, (due, title, done) in enumerate(dated):
        label = title if len(title) <= LABEL_CHARS else title[:LABEL_CHARS - 1] + "…"
        picture.marks.append(Mark(picture.row * (index + 1), at(due), label, done))
    return picture

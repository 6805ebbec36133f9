"""Lay out the problem tree as the method draws it: consequences branching above, the problem as
the trunk, causes as roots below. Pure text layout, no UI: the widget only adds colour.

Each top-level cause or consequence gets a column; its own causes (or consequences) hang from it,
indented with box-drawing connectors. Consequences grow upwards, so their columns are drawn
upside down: the consequence nearest the problem is at the bottom.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from borgerspil_tui.core.model.focus import TreeNode

MIN_COLUMN = 22
GAP = 2


@dataclass(frozen=True)
class Segment:
    """A piece of a row: text, the node it belongs to (if any) and what kind of text it is."""

    text: str
    node: str | None = None
    kind: str = "text"
    """``text``, ``uncertain``, ``connector``, ``problem`` or ``label``."""


@dataclass
class Picture:
    """Rows of segments, and how wide the widest row is."""

    rows: list[list[Segment]] = field(default_factory=list)
    width: int = 0

    def plain(self) -> str:
        """The picture as plain text (for tests and screen readers)."""
        return "\n".join("".join(s.text for s in row).rstrip() for row in self.rows)

    def row_of(self, node_id: str) -> int | None:
        """The first row showing ``node_id``."""
        for index, row in enumerate(self.rows):
            if any(s.node == node_id for s in row):
                return index
        return None


def _note(item: TreeNode, mark: str, notes: dict[str, str]) -> str:
    text = item.text.replace("\n", " ")
    if item.uncertain:
        text += f" {mark}"
    if item.id in notes:
        text += f" {notes[item.id]}"
    return text


def _column(node: TreeNode, width: int, mark: str, notes: dict[str, str] | None = None) -> list[list[Segment]]:
    """One top-level node and its subtree as rows of at most ``width`` cells."""
    rows: list[list[Segment]] = []
    notes = notes or {}

    def add(item: TreeNode, prefix: str, continuation: str) -> None:
        kind = "uncertain" if item.uncertain else "text"
        text = _note(item, mark, notes)
        room = max(6, width - len(prefix))
        lines = textwrap.wrap(text, room, break_long_words=True) or [""]
        for number, line in enumerate(lines):
            lead = prefix if number == 0 else continuation
            rows.append([Segment(lead, None, "connector"), Segment(line.ljust(room), item.id, kind)])
        for index, child in enumerate(item.children):
            last = index == len(item.children) - 1
            base = continuation
            add(child, base + ("└─ " if last else "├─ "), base + ("   " if last else "│  "))

    add(node, "", "")
    return rows


def _column_up(node: TreeNode, width: int, mark: str, notes: dict[str, str] | None = None) -> list[list[Segment]]:
    """A top-level consequence and its consequences, growing upwards: each node's own line
    joins the one below it, and its consequences sit above it."""
    rows: list[list[Segment]] = []
    notes = notes or {}

    def add(item: TreeNode, lead: str, above: str) -> None:
        kids = list(reversed(item.children))
        for rank, child in enumerate(kids):
            top = rank == 0
            add(child, above + ("┌─ " if top else "├─ "), above + ("   " if top else "│  "))
        kind = "uncertain" if item.uncertain else "text"
        text = _note(item, mark, notes)
        room = max(6, width - len(lead))
        lines = textwrap.wrap(text, room, break_long_words=True) or [""]
        for number, line in enumerate(lines):
            prefix = lead if number == len(lines) - 1 else above
            rows.append([Segment(prefix, None, "connector"), Segment(line.ljust(room), item.id, kind)])

    add(node, "", "")
    return rows


def _side_by_side(columns: list[list[list[Segment]]], width: int, bottom: bool) -> list[list[Segment]]:
    height = max((len(c) for c in columns), default=0)
    rows: list[list[Segment]] = []
    for line in range(height):
        row: list[Segment] = []
        for column in columns:
            offset = height - len(column) if bottom else 0
            cells = column[line - offset] if 0 <= line - offset < len(column) else [Segment(" " * width)]
            used = sum(len(s.text) for s in cells)
            row += cells + [Segment(" " * (width - used + GAP))]
        rows.append(row)
    return rows


def _joint(count: int, width: int, total: int, centre: int, up: bool) -> list[Segment]:
    """The line that gathers the columns into the trunk.

    Above the problem (``up``) the columns come down into it and the trunk leaves downwards
    (``└──┴──┬──┘``); below the problem the trunk comes down and the columns leave downwards.
    """
    mids = [i * (width + GAP) + min(2, width // 2) for i in range(count)]
    points = sorted(set(mids) | {centre})
    left, right = points[0], points[-1]
    line = [" "] * total
    for x in range(left, right + 1):
        line[x] = "─"
    column_end = ("└", "┴", "┘") if up else ("┌", "┬", "┐")
    trunk_end = ("┌", "┬", "┐") if up else ("└", "┴", "┘")
    for x in points:
        is_mid, is_centre = x in mids, x == centre
        position = 0 if x == left else (2 if x == right else 1)
        if left == right:
            line[x] = "│"
        elif is_mid and is_centre:
            line[x] = ("├", "┼", "┤")[position]
        elif is_mid:
            line[x] = column_end[position]
        else:
            line[x] = trunk_end[position]
    return [Segment("".join(line), None, "connector")]


def draw(problem: str, causes: list[TreeNode], consequences: list[TreeNode], available: int, *,
         problem_label: str = "PROBLEM", empty_problem: str = "", mark: str = "(?)",
         notes: dict[str, str] | None = None) -> Picture:
    """The whole picture for a screen ``available`` cells wide (wider trees scroll sideways).

    ``notes`` adds a short text after a node, e.g. the evidence for a cause.
    """
    count = max(len(causes), len(consequences), 1)
    width = max(MIN_COLUMN, (available - GAP * (count - 1)) // count)
    total = max(available, count * (width + GAP) - GAP)
    centre = min(total // 2, total - 1)
    rows: list[list[Segment]] = []

    if consequences:
        rows += _side_by_side([_column_up(n, width, mark, notes) for n in consequences], width, bottom=True)
        rows.append(_joint(len(consequences), width, total, centre, up=True))
        rows.append([Segment(" " * centre + "│", None, "connector")])

    box_width = min(max(30, total // 2), total)
    inner = box_width - 4
    text = problem.replace("\n", " ").strip() or empty_problem
    lines = [problem_label] + (textwrap.wrap(text, inner) or [""])
    left = max(0, centre - box_width // 2)
    pad = " " * left
    rows.append([Segment(pad + "╔" + "═" * (box_width - 2) + "╗", None, "connector")])
    for line in lines:
        rows.append([Segment(pad + "║ ", None, "connector"), Segment(line.ljust(inner), "problem", "problem"),
                     Segment(" ║", None, "connector")])
    rows.append([Segment(pad + "╚" + "═" * (box_width - 2) + "╝", None, "connector")])

    if causes:
        rows.append([Segment(" " * centre + "│", None, "connector")])
        rows.append(_joint(len(causes), width, total, centre, up=False))
        rows += _side_by_side([_column(n, width, mark, notes) for n in causes], width, bottom=False)
    return Picture(rows, total)

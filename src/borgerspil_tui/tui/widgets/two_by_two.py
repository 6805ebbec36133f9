"""The 2×2 view of the ideas: two criteria as axes, the quadrants named, every idea a number."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core.derived import RankedIdea
from borgerspil_tui.core.matrix import HIGH, Placement

CELL = 14
"""Width of one score cell."""


def _numbers(items: list[RankedIdea], width: int) -> str:
    """``1 4 12`` — and ``+3`` when they don't all fit."""
    text = ""
    for index, item in enumerate(items):
        part = (" " if text else "") + str(item.rank)
        rest = len(items) - index - 1
        if len(text) + len(part) + (len(f" +{rest}") if rest else 0) > width:
            return text + f" +{len(items) - index}"
        text += part
    return text


class TwoByTwo(Static):
    """A 5×5 grid of scores; 3 and up counts as high, so the quadrants split between 2 and 3."""

    DEFAULT_CSS = """
    TwoByTwo { height: auto; padding: 0 1; }
    """

    def show(self, placement: Placement, vertical: str, horizontal: str, names: dict[str, str]) -> None:
        """Draw the grid. ``names`` holds the axis and quadrant names in the UI language."""
        rows: list[Content] = [Content.styled(f"  ↑ {names[vertical]}", "bold")]
        quadrant_line = (f"{names['plan']:^{CELL * 2}}│{names['do-now']:^{CELL * 3}}")
        rows.append(Content.styled(" " * 6 + quadrant_line, "bold $accent"))
        for y in range(5, 0, -1):
            line = f"    {y} "
            for x in range(1, 6):
                if x == HIGH:
                    line += "│"
                line += f"{_numbers(placement.cells.get((y, x), []), CELL - 2):^{CELL}}"
            rows.append(Content(line))
            if y == HIGH:
                rows.append(Content.styled(" " * 6 + "─" * (CELL * 2) + "┼" + "─" * (CELL * 3), "$secondary"))
        rows.append(Content.styled(" " * 6 + f"{names['drop']:^{CELL * 2}}│{names['maybe']:^{CELL * 3}}",
                                   "bold $accent"))
        axis = "      " + "".join((" " if x == HIGH else "") + f"{x:^{CELL}}" for x in range(1, 6))
        rows.append(Content(axis))
        rows.append(Content.styled(f"{'':6}{names[horizontal]} →", "bold"))
        self.update(Content("\n").join(rows))


class Legend(DataTable):
    """Where each idea landed in the 2×2 view; the digits that score in the table only explain here."""

    BINDINGS = [Binding(str(n), "screen.digit_in_plot", show=False) for n in range(1, 6)]

"""A fishbone drawn in the terminal: laid out (core/fishbone_layout) for the size it has, again
whenever that changes; the selected category or item is shown in reverse."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from borgerspil_tui.core.fishbone_layout import Layout, Spot, layout


class FishboneView(Widget, can_focus=True):
    """Renders one fishbone from plain texts (never markup) at the widget's size."""

    DEFAULT_CSS = """
    FishboneView { height: 1fr; padding: 0 1; }
    FishboneView:focus { background-tint: $foreground 3%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.head = ""
        self.bones: list[tuple[str, list[str]]] = []
        self.selected: Spot | None = None
        self.more_items = "+{n}"
        self.drawn: Layout | None = None
        """The last layout drawn (tests and the screen read it)."""

    def show(self, head: str, bones: list[tuple[str, list[str]]], selected: Spot | None, more_items: str) -> None:
        """Draw this fishbone with ``selected`` marked."""
        self.head, self.bones, self.selected, self.more_items = head, bones, selected, more_items
        self.refresh()

    def plain(self) -> str:
        """The drawing as plain text, as last laid out."""
        return self.drawn.text if self.drawn is not None else ""

    def render(self) -> Content:
        width, height = self.content_size.width, self.content_size.height
        self.drawn = drawn = layout(self.head, self.bones, width, height, self.selected, more_items=self.more_items)
        rows: list[Content] = []
        for number, line in enumerate(drawn.lines):
            parts: list[tuple[str, str] | str] = []
            marks = []
            for key, (row, col, length) in drawn.spots.items():
                if row != number or not length:
                    continue
                if key == self.selected:
                    marks.append((col, col + length, "reverse bold"))
                elif key[1] is None:
                    marks.append((col, col + length, "bold $accent"))
            marks.sort()
            at = 0
            cells = drawn.cells[number] if number < len(drawn.cells) else list(line)
            for start, end, style in marks:  # columns are cells: an emoji takes two
                if start < at:
                    continue
                parts.append("".join(cells[at:start]))
                parts.append(("".join(cells[start:end]), style))
                at = end
            parts.append("".join(cells[at:]).rstrip())
            rows.append(Content.assemble(*parts))
        return Content("\n").join(rows)

"""The problem tree drawn as a picture: consequences above, the problem as the trunk, causes below.

A line-based scroll view: only the rows on screen are rendered, so a tree of hundreds of nodes
draws as fast as a small one.
"""

from __future__ import annotations

from rich.segment import Segment as RichSegment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from borgerspil_tui.core.tree_picture import Picture

KINDS = ("uncertain", "connector", "problem", "label")


class TreePictureView(ScrollView, can_focus=False):
    """Renders a :class:`Picture`; the selected node is shown in reverse."""

    COMPONENT_CLASSES = {f"picture--{kind}" for kind in KINDS} | {"picture--selected"}
    DEFAULT_CSS = """
    TreePictureView { height: 1fr; }
    TreePictureView > .picture--uncertain { color: $text-warning; text-style: italic; }
    TreePictureView > .picture--connector { color: $secondary; }
    TreePictureView > .picture--problem { text-style: bold; }
    TreePictureView > .picture--label { text-style: bold; }
    TreePictureView > .picture--selected { text-style: reverse; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.picture = Picture()
        self.selected: str | None = None

    def show(self, picture: Picture, selected: str | None) -> None:
        """Draw ``picture`` with ``selected`` highlighted, and bring the selection into view."""
        self.picture = picture
        self.selected = selected
        self.virtual_size = Size(picture.width + 1, len(picture.rows))
        self.refresh()
        row = picture.row_of(selected) if selected else None
        if row is not None and not (self.scroll_y <= row < self.scroll_y + self.size.height):
            self.scroll_to(y=max(0, row - self.size.height // 2), animate=False)

    def plain(self) -> str:
        """The picture as plain text."""
        return self.picture.plain()

    def _styles(self) -> dict[str, Style]:
        base = self.rich_style
        styles = {"text": base}
        for kind in KINDS:
            styles[kind] = base + self.get_component_rich_style(f"picture--{kind}", partial=True)
        styles["selected"] = self.get_component_rich_style("picture--selected", partial=True)
        return styles

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.size.width
        if index >= len(self.picture.rows):
            return Strip.blank(width, self.rich_style)
        styles = self._styles()
        segments = []
        for segment in self.picture.rows[index]:
            style = styles.get(segment.kind, styles["text"])
            if segment.node is not None and segment.node == self.selected:
                style = style + styles["selected"]
            segments.append(RichSegment(segment.text, style))
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, self.rich_style)

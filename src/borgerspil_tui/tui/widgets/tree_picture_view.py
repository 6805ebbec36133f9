"""The problem tree drawn as a picture: consequences above, the problem as the trunk, causes below."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core.tree_picture import Picture

STYLES = {
    "text": "",
    "uncertain": "italic $text-warning",
    "connector": "$text-muted",
    "problem": "bold",
    "label": "bold",
}


class TreePictureView(Static):
    """Renders a :class:`Picture`; the selected node is shown in reverse."""

    DEFAULT_CSS = """
    TreePictureView { width: auto; height: auto; padding: 0 1; }
    """

    def show(self, picture: Picture, selected: str | None) -> None:
        """Draw ``picture`` with ``selected`` highlighted."""
        lines = []
        for row in picture.rows:
            line = Content("")
            for segment in row:
                style = STYLES.get(segment.kind, "")
                if segment.node is not None and segment.node == selected:
                    style = f"{style} reverse".strip()
                line = line + (Content.styled(segment.text, style) if style else Content(segment.text))
            lines.append(line)
        self.update(Content("\n").join(lines))

"""The groups side by side (core/group_board lays them out; this only paints the lines): one
line-based widget however many groups and observations there are."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from borgerspil_tui.core.group_board import (
    GAP,
    Column,
    column_lines,
    first_shown,
    fit,
    pad,
)
from borgerspil_tui.core.i18n import tr

STYLES = {"head": "bold", "insight": "italic", "rule": "dim", "more": "dim italic", "blank": "dim"}


class GroupBoard(Widget, can_focus=True):
    """Columns of groups with a cursor (a column, an observation in it); the page follows the cursor."""

    DEFAULT_CSS = """
    GroupBoard { height: 1fr; padding: 0 1; }
    GroupBoard:focus { background-tint: $foreground 3%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = []
        self.lang = "da"
        self.column = 0
        self.row = 0
        self.first = 0

    def show(self, columns: list[Column], lang: str) -> None:
        """Show these columns, keeping the cursor on the same group (by key) when it is still there."""
        key = self.columns[self.column].key if self.columns and self.column < len(self.columns) else None
        self.columns, self.lang = columns, lang
        keys = [c.key for c in columns]
        if key in keys:
            self.column = keys.index(key)
        self.column = max(0, min(self.column, len(columns) - 1))
        self._clamp_row()
        self.refresh()

    def _clamp_row(self) -> None:
        items = self.columns[self.column].items if self.columns else ()
        self.row = max(0, min(self.row, len(items) - 1))

    def go_to(self, key: str) -> None:
        """Put the cursor on the group with this key."""
        keys = [c.key for c in self.columns]
        if key in keys:
            self.column, self.row = keys.index(key), 0
            self.refresh()

    def step(self, columns: int = 0, rows: int = 0) -> None:
        """Move the cursor ``columns`` groups across and ``rows`` observations down."""
        if not self.columns:
            return
        if columns:
            self.column = max(0, min(len(self.columns) - 1, self.column + columns))
        self.row += rows
        self._clamp_row()
        self.refresh()

    def current(self) -> Column | None:
        """The column with the cursor."""
        return self.columns[self.column] if self.columns else None

    def current_item(self) -> str | None:
        """The id of the observation under the cursor."""
        column = self.current()
        if column is None or not column.items:
            return None
        return column.items[self.row][0]

    def page(self) -> tuple[int, int]:
        """The first column shown and how many are shown at the widget's width."""
        width = max(1, self.content_size.width)
        shown, _ = fit(width, len(self.columns))
        self.first = first_shown(self.first, self.column, shown, len(self.columns))
        return self.first, shown

    def render(self) -> Content:
        width, height = max(1, self.content_size.width), max(1, self.content_size.height)
        if not self.columns:
            return Content("")
        first, shown = self.page()
        _, col_width = fit(width, len(self.columns))
        rows: list[Content] = []
        if shown < len(self.columns):  # paged: say which columns are shown
            left = "◀ " if first else "  "
            right = " ▶" if first + shown < len(self.columns) else ""
            page = tr(self.lang, "groups.page", first=first + 1, last=first + shown, count=len(self.columns))
            rows.append(Content.assemble((left + page + right, "dim")))
            height = max(1, height - 1)
        drawn = []
        for index in range(first, min(len(self.columns), first + shown)):
            cursor = self.row if index == self.column else -1
            drawn.append((index, column_lines(self.columns[index], col_width, height, self.lang, cursor)))
        for y in range(height):
            parts: list[str | tuple[str, str]] = []
            for n, (index, lines) in enumerate(drawn):
                if n:
                    parts.append(("│" + " " * (GAP - 1), "dim"))
                line = lines[y] if y < len(lines) else None
                text = pad(line.text if line else "", col_width)
                style = STYLES.get(line.kind, "") if line else ""
                if line and line.kind == "head" and index == self.column:
                    style = "bold reverse" if not self.columns[index].items else "bold underline"
                if line and line.kind == "item" and index == self.column and line.index == self.row:
                    style = "reverse" if self.has_focus else "underline"
                parts.append((text, style) if style else text)
            rows.append(Content.assemble(*parts))
        return Content("\n").join(rows)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

"""A table whose cursor is a whole row: Home and End go to the first and the last row, as F1's
help says (Textual's Home/End scroll sideways, which a row cursor cannot follow)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable


class RowTable(DataTable):
    """A DataTable of rows; Home/End move the highlight to the first/last row (Ctrl+Home/End too)."""

    BINDINGS = [
        Binding("home", "scroll_top", "Top", show=False),
        Binding("end", "scroll_bottom", "Bottom", show=False),
    ]

"""A table whose one wide column takes the room the others leave, whose first columns stay put
when the table is wider than the screen, and whose cells and rows change in bulk."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._two_way_dict import TwoWayDict
from textual.widgets import DataTable
from textual.widgets.data_table import CellType, ColumnKey, RowKey


class FittedTable(DataTable):
    """A DataTable with one flexible column (``flex``) and ``pinned`` columns that stay put.

    When every column fits, the flexible column gets all the room that is left (at least
    ``flex_min``) and nothing is pinned. When they do not, the flexible column gets a third of the
    width (between ``flex_narrow`` and ``flex_min``) and the first ``pinned`` columns stay put
    while the rest scrolls sideways.
    """

    DEFAULT_CSS = """
    FittedTable { scrollbar-gutter: stable; }
    """

    def __init__(self, *, flex: str, flex_min: int, flex_narrow: int, pinned: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.flex = ColumnKey(flex)
        self.flex_min = flex_min
        self.flex_narrow = flex_narrow
        self.pinned = pinned

    def on_resize(self, _event: events.Resize) -> None:
        self.fit_columns()

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        """DataTable's, then sideways to the next column edge, so that no sliver of a column shows
        beside the columns that stay put."""
        super()._scroll_cursor_into_view(animate=animate)
        if not self.fixed_columns or animate:
            return
        pinned = sum(c.get_render_width(self) for c in self.ordered_columns[: self.fixed_columns])
        first_visible = int(self.scroll_x) + pinned
        edge = 0
        for column in self.ordered_columns:
            if edge >= first_visible:
                break
            edge += column.get_render_width(self)
        if edge > first_visible:
            self.scroll_to(x=min(edge - pinned, self.max_scroll_x), animate=False, force=True)

    def fits(self) -> bool:
        """Whether every column is on screen (no sideways scrolling)."""
        return self.fixed_columns == 0

    def fit_columns(self, *, force: bool = False) -> None:
        """Give the flexible column its width for the table's size now (``force``: other columns
        changed their width or label too)."""
        column = self.columns.get(self.flex)
        room = self.scrollable_content_region.width
        if room <= 0:  # not laid out yet: guess from the app's width, so the first frame is right
            room = self.app.size.width - self.styles.margin.width - self.styles.scrollbar_size_vertical
        if column is None or room <= 0:
            return
        others = sum(c.get_render_width(self) for key, c in self.columns.items() if key != self.flex)
        left = room - others - 2 * self.cell_padding
        if left >= self.flex_min:
            width, pinned = left, 0
        else:
            width, pinned = max(self.flex_narrow, min(self.flex_min, room // 3)), self.pinned
        if (column.width, self.fixed_columns) == (width, pinned) and not force:
            return
        column.width = width
        column.auto_width = False
        self.fixed_columns = pinned
        # DataTable has no public way to change a column's width: drop what it has drawn and let it
        # measure its size again.
        self._clear_caches()
        self._require_update_dimensions = True
        self.refresh()

    # -- changes in bulk: DataTable's own update_cell refreshes once per cell, and it can neither
    # -- move a row nor put rows in a given order without a key function over every row.
    def set_row(self, row: str, cells: list[CellType]) -> None:
        """Put new values in every cell of a row (in column order), then redraw once; nothing
        when the row is not in the table (a filter hides it). Widths stay as they are."""
        values = self._data.get(row)  # a key finds its row by its text (StringKey)
        if values is not None:
            for column, value in zip(self.ordered_columns, cells):
                values[column.key] = value
            self._update_count += 1
            self.refresh()

    def set_column(self, column: str, cells: Iterable[tuple[str, CellType]]) -> None:
        """Put new values in one column of many rows, given as (row key, value), then redraw
        once. Rows that are not in the table are left out; widths stay as they are."""
        key = self.columns[ColumnKey(column)].key
        data = self._data
        for row, value in cells:
            values = data.get(row)
            if values is not None:
                values[key] = value
        self._update_count += 1
        self.refresh()

    def row_key_at(self, index: int) -> str:
        """The key of the row at ``index``."""
        return str(self._row_locations.get_key(index).value)

    def order_rows(self, rows: list[str]) -> None:
        """Show the rows in this order (the keys of every row in the table, each once)."""
        self._row_locations = TwoWayDict({RowKey(row): index for index, row in enumerate(rows)})
        self._update_count += 1
        self.refresh()

    def move_row(self, row: str, index: int) -> None:
        """Move a row to ``index``; the rows between shift by one."""
        locations = self._row_locations
        key = RowKey(row)
        old = locations.get(key)
        if old is None or old == index:
            return
        step = 1 if index > old else -1
        for place in range(old, index, step):
            locations[locations.get_key(place + step)] = place
        locations[key] = index
        self._update_count += 1
        self.refresh()

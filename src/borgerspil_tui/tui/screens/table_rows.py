"""Keeping a DataTable in step with one list of the project: after an edit, the rows it touched
are updated, added, removed or put in order; the table is filled again only when anything may
have changed (a reload, or edits made while the screen was not shown)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from borgerspil_tui.core.changes import ChangeSet, MoveItem, Path, SetValue, item_key

Cells = Callable[[Any], Sequence[Text]]
"""The cells of one row, made from the item it shows."""

MANY = 16
"""More rows than this taken out by one edit: the table is filled again (each removal renumbers the rest)."""


def touches(change: ChangeSet, at: Path) -> bool:
    """Whether ``change`` changed anything at ``at``, inside it, or a thing that holds it."""
    for path in change.paths():
        common = min(len(path), len(at))
        if path[:common] == at[:common]:
            return True
    return False


def fill_rows(table: DataTable, items: Sequence[Any], cells: Cells, key: Callable[[Any], str] = item_key) -> None:
    """Show ``items`` from scratch, keeping the cursor on the same row number."""
    row = table.cursor_row
    table.clear()
    for item in items:
        table.add_row(*cells(item), key=key(item))
    if table.row_count:
        table.move_cursor(row=min(row, table.row_count - 1))


def set_row(table: DataTable, row_key: str, cells: Sequence[Text]) -> None:
    """Put new cells in one row (only those that differ; a column grows to fit)."""
    for column, value in zip(table.ordered_columns, cells):
        if table.get_cell(row_key, column.key) != value:
            table.update_cell(row_key, column.key, value, update_width=True)


def follow_rows(table: DataTable, items: Sequence[Any], cells: Cells, at: Path, change: ChangeSet,
                key: Callable[[Any], str] = item_key) -> None:
    """Bring the rows showing the list ``items`` (the project's list at ``at``) in step after
    ``change``: the items it changed get new cells; when it added, removed or moved items there,
    rows are added, removed and put in the list's order (no row that stays is made again)."""
    depth = len(at)
    touched = change.items_touched(at)
    if touched is not None:
        if touched:
            by_key = {key(item): item for item in items} if len(touched) > 1 else None
            for row_key in touched:
                if row_key not in table.rows:
                    continue
                item = by_key.get(row_key) if by_key is not None else _find(items, row_key, table, key)
                if item is not None:
                    set_row(table, row_key, cells(item))
        return
    keys = [key(item) for item in items]
    wanted = set(keys)
    gone = [row_key for row_key in table.rows if row_key.value not in wanted]
    if len(gone) > MANY:
        fill_rows(table, items, cells, key)
        return
    for row_key in gone:
        table.remove_row(row_key)
    changed = {path[depth] for path in change.paths() if len(path) > depth and path[:depth] == at}
    appended = True  # rows are added at the end: in order while each new item is the last so far
    for index, (item, item_id) in enumerate(zip(items, keys)):
        if item_id not in table.rows:
            appended = appended and table.row_count == index
            table.add_row(*cells(item), key=item_id)
        elif item_id in changed:
            set_row(table, item_id, cells(item))
    moved = any(isinstance(c, MoveItem) and at in (c.source, c.target)
                or isinstance(c, SetValue) and at[:len(c.path)] == c.path for c in change.changes)  # or replaced
    if moved or not appended:
        put_in_order(table, keys)


def put_in_order(table: DataTable, keys: Sequence[str]) -> None:
    """Order the rows as ``keys`` (every row's key, once): nothing happens when they already are."""
    shown = [row.key.value for row in table.ordered_rows]
    if shown == list(keys) or not table.ordered_columns:
        return
    first = table.ordered_columns[0].key
    rank = {id(table.get_cell(row_key, first)): index for index, row_key in enumerate(keys)}
    table.sort(first, key=lambda value: rank[id(value)])  # the cells are the rows' own objects


def _find(items: Sequence[Any], row_key: str, table: DataTable, key: Callable[[Any], str]) -> Any | None:
    """The item a row shows: at the row's own place in the list when the table is in step."""
    index = table.get_row_index(row_key)
    if index < len(items) and key(items[index]) == row_key:
        return items[index]
    return next((item for item in items if key(item) == row_key), None)


class FollowsChanges:
    """For screens: what changed since the screen last showed the project (see :meth:`news`),
    and look-up tables made once per change (see :meth:`lookup`)."""

    _seen: tuple[object, int] | None = None
    _lookups: dict[str, Any] | None = None

    def shown(self) -> None:
        """The screen now shows the project as it is (it was filled from it)."""
        session = self.session  # type: ignore[attr-defined]
        self._seen = (session, session.revision)
        self._lookups = None

    def news(self) -> ChangeSet | None:
        """The one edit made since the screen last showed the project (an empty one when there is
        nothing new), or None when it must show everything again: a reload, an edit made to
        another project, or several edits made while another screen was on top."""
        session = self.session  # type: ignore[attr-defined]
        change = self.latest_change()  # type: ignore[attr-defined]
        seen = self._seen
        self._seen = (session, session.revision)
        self._lookups = None
        if seen is not None and seen[0] is session and seen[1] == session.revision:
            return ChangeSet("", ())
        if change is None or seen is None or seen[0] is not session or seen[1] != session.revision - 1:
            return None
        return change

    def lookup(self, name: str, build: Callable[[], Any]) -> Any:
        """A table built from the project by ``build`` once per change (not per cursor move)."""
        if self._lookups is None:
            self._lookups = {}
        if name not in self._lookups:
            self._lookups[name] = build()
        return self._lookups[name]

"""The post-its screen's table: one row per post-it, newest first, the new ones in bold, the
marked ones ticked. Rows are drawn all at once (:meth:`PostItTable.show`) or one by one
(:meth:`PostItTable.show_one`: a post-it that arrives, or one taken in or hidden), never moving
the highlight off the post-it it is on. Every cell is rich ``Text``: a participant's words are
never read as markup."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from borgerspil_tui.core.cells import cut
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.model.workshop import PostIt
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.widgets.row_table import RowTable

COLUMNS = ("mark", "state", "author", "activity", "text")
TEXT_WIDTH = 70
"""How much of a post-it's text its row shows (the whole text is under the table)."""
NAME_WIDTH = 16
"""How much of an author's name and an activity's title a row shows."""


class Placed(Text):
    """A row's first cell, carrying the post-it's place in the workshop's list: a post-it that
    arrives is added as one row and the rows sorted by it (newest first), not all drawn again."""

    place = 0


def row_cells(postit: PostIt, place: int, titles: dict[str, str], marked: bool, lang: str) -> list[Text]:
    """The cells of a post-it's row (``titles``: the agenda's activities by id)."""
    style = "bold" if postit.state == "new" else ("dim" if postit.state == "hidden" else "")
    activity = titles.get(postit.activity or "", tr(lang, "postits.activity_gone"))
    texts = [tr(lang, f"postits.state.{postit.state}"),
             cut(postit.author, NAME_WIDTH) or tr(lang, "postits.anonymous"), cut(activity, NAME_WIDTH),
             cut(postit.text, TEXT_WIDTH)]
    first = Placed("✓" if marked else "", style=style, end="")
    first.place = place
    return [first, *(Text(text, style=style, end="") for text in texts)]


class PostItTable(RowTable):
    """The shown post-its, keyed by id; each row's first cell knows the post-it's place (Home/End:
    the first and the last)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]

    def set_columns(self, lang: str) -> None:
        """Empty the table and head it in ``lang``."""
        self.clear(columns=True)
        for key in COLUMNS:
            self.add_column(cell(tr(lang, f"postits.col.{key}")), key=key)

    def current_id(self) -> str | None:
        """The id of the highlighted post-it."""
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def keep(self, ident: str | None) -> None:
        """Highlight the post-it ``ident`` again, if it is shown."""
        if ident is not None and ident in self.rows:
            self.move_cursor(row=self.get_row_index(ident), animate=False, scroll=False)

    def show(self, rows: Iterable[tuple[PostIt, int]], titles: dict[str, str], marked: set[str],
             lang: str) -> None:
        """Draw exactly ``rows`` (post-it, place), in the order given."""
        current = self.current_id()
        self.clear()
        for postit, place in rows:
            self.add_row(*row_cells(postit, place, titles, postit.id in marked, lang), key=postit.id)
        self.keep(current)

    def place_of(self, ident: str) -> int | None:
        """The place the row of ``ident`` carries, or None when it is not shown."""
        if ident not in self.rows:
            return None
        first = self.get_cell(ident, "mark")
        return first.place if isinstance(first, Placed) else None

    def show_one(self, postit: PostIt, place: int, titles: dict[str, str], marked: bool, lang: str) -> bool:
        """Draw the post-it's row again, or add it; True when it was added (sort afterwards)."""
        cells = row_cells(postit, place, titles, marked, lang)
        if postit.id in self.rows:
            for column, value in zip(COLUMNS, cells):
                self.update_cell(postit.id, column, value)
            return False
        self.add_row(*cells, key=postit.id)
        return True

    def take_out(self, ident: str) -> None:
        """The post-it is no longer shown."""
        if ident in self.rows:
            self.remove_row(ident)

    def newest_first(self) -> None:
        """Put the rows in order again after some were added, the highlight kept."""
        current = self.current_id()
        self.sort("mark", key=lambda first: -first.place)
        self.keep(current)

"""Skab: the views of the prioritisation matrix — sort, filter, and the 2×2 view with its axes."""

from __future__ import annotations

from textual.widgets import DataTable

from borgerspil_tui.core import matrix
from borgerspil_tui.core.derived import RankedIdea
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.two_by_two import TwoByTwo


class MatrixViews:
    """How the matrix is looked at (a mixin of the matrix screen: it uses the screen's ``view``,
    ``fill``, ``reorder``, ``_ranked`` and ``_visible``). Sorting, filtering and switching views edit nothing."""

    def _legend_id(self) -> str | None:
        """The idea under the cursor of the 2×2 view's legend."""
        legend = self.query_one("#legend", DataTable)
        if not legend.row_count:
            return None
        return str(legend.coordinate_to_cell_key(legend.cursor_coordinate).row_key.value)

    def _draw_plot(self, ranked: list[RankedIdea]) -> None:
        vertical, horizontal = self.view.fitted_axes([c.id for c in self.method.criteria])
        shown = self._visible(ranked, sort_key="rank")
        placement = matrix.place(shown, vertical, horizontal)
        names = {c.id: c.name(self.lang) for c in self.method.criteria}
        names |= {q: self.t(f"matrix.q_{q}") for q in matrix.QUADRANTS.values()}
        self.query_one("#plot", TwoByTwo).show(placement, vertical, horizontal, names)
        legend = self.query_one("#legend", DataTable)
        current = self._legend_id()
        legend.clear()
        for item in shown:
            quadrant = placement.quadrant_of(item, vertical, horizontal)
            where = self.t(f"matrix.q_{quadrant}") if quadrant else self.t("matrix.unplaced")
            legend.add_row(cell(str(item.rank)), cell(where), cell(item.idea.title), key=item.idea.id)
        if current is not None and current in legend.rows:
            legend.move_cursor(row=legend.get_row_index(current))

    def action_digit_in_plot(self) -> None:
        """A digit in the 2×2 view: say where digits score."""
        self.notify(self.t("matrix.digits_in_plot"), timeout=3)

    def action_sort_column(self) -> None:
        """Sort by the column under the cursor; again reverses."""
        column, view = self.current_column(), self.view
        if column == view.sort_key:
            view.sort_reverse = not view.sort_reverse
        else:
            view.sort_key, view.sort_reverse = column, False
        self.reorder()

    def action_filter(self) -> None:
        """Show only ideas whose text contains what you type (empty shows all)."""
        self.query_one(EditBar).open(self.t("matrix.prompt_filter"), "filter", self.view.filter_text)

    def action_switch_view(self) -> None:
        """Switch between the table and the 2×2 view."""
        view = self.view
        view.plot_mode = not view.plot_mode
        self.set_class(view.plot_mode, "-plot")
        self.fill()
        (self.query_one("#legend") if view.plot_mode else self.query_one("#ideas")).focus()
        self.refresh_bindings()

    def action_axis(self, which: str) -> None:
        """Use the next criterion on the vertical (y) or horizontal (x) axis of the 2×2 view; the
        two axes are never the same criterion."""
        ids = [c.id for c in self.method.criteria]
        vertical, horizontal = self.view.fitted_axes(ids)
        if which == "y":
            vertical = matrix.next_axis(ids, vertical, horizontal)
        else:
            horizontal = matrix.next_axis(ids, horizontal, vertical)
        self.view.axes = (vertical, horizontal)
        if self.view.plot_mode:
            self._draw_plot(self._ranked())

    def action_goto_votes(self) -> None:
        """Enter the dot votes of the people in the room."""
        self.bapp.action_goto("votes")

"""Skab: the prioritisation matrix — ideas × the criteria, weights, rank, dot votes, the 2×2 view,
and chosen ideas turned into a concept in one step. Ideas are added here too."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from borgerspil_tui.core import matrix
from borgerspil_tui.core.changes import MISSING
from borgerspil_tui.core.derived import effective_weights
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.matrix import MatrixView
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.score_keys import clear_command, digit_commands, step_commands
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.idea_editing import IdeaEditing
from borgerspil_tui.tui.screens.matrix_rows import MatrixRows
from borgerspil_tui.tui.screens.matrix_views import MatrixViews
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.matrix_table import FittedTable
from borgerspil_tui.tui.widgets.two_by_two import Legend, TwoByTwo

TITLE_MIN = 30
"""The title column is never narrower than this while every column fits on screen."""
TITLE_NARROW = 16
"""…nor than this when the table scrolls sideways (it then stays put, with rank and score)."""
PINNED = 3
"""Rank, title and weighted score stay put when the rest scrolls."""
FIRST_CRITERION = PINNED
"""The table column of the first criterion."""

SCREEN_COMMANDS = [
    *digit_commands("matrix.score", "help.matrix_score"),
    clear_command("matrix.clear", "help.matrix_clear_score", show=True),
    Command("add_idea", "n", "matrix.add", "help.matrix_add"),
    Command("edit('title')", "e", "matrix.edit", "help.matrix_edit"),
    Command("edit('description')", "i", "matrix.description", "help.matrix_description", show=False),
    Command("cycle_source", "s", "matrix.source", "help.matrix_source", show=False),
    Command("inspired_by", "l", "matrix.inspired", "help.matrix_inspired", show=False),
    Command("toggle_chosen", "space", "matrix.choose", "help.matrix_choose"),
    Command("make_concept", "k", "matrix.concept", "help.matrix_concept"),
    Command("delete_idea", "delete", "matrix.delete", "help.matrix_delete_idea", show=False),
    *step_commands("weight", ("matrix.weight_up", "help.matrix_weight"),
                   ("matrix.weight_down", "help.matrix_weight")),
    Command("sort_column", "o", "matrix.sort", "help.matrix_sort"),
    Command("filter", "slash", "matrix.filter", "help.matrix_filter"),
    Command("toggle_votes_in_ranking", "t", "matrix.votes_rank", "help.matrix_votes_rank", show=False),
    Command("goto_votes", "p", "matrix.votes", "help.matrix_votes", show=False),
    Command("switch_view", "v", "matrix.view", "help.matrix_view"),
    Command("axis('x')", "x", "matrix.axis_x", "help.matrix_axis"),
    Command("axis('y')", "y", "matrix.axis_y", "help.matrix_axis"),
]
OWN_ACTIONS = frozenset(c.action.split("(")[0] for c in SCREEN_COMMANDS)
PLOT_ONLY = frozenset({"axis", "digit_in_plot"})
"""What works only in the 2×2 view."""
PLOT_TOO = frozenset({"switch_view", "goto_votes", "toggle_votes_in_ranking", "make_concept"})
"""What works in both views (the rest acts on the table's cursor, which is hidden in the 2×2 view)."""


def _width(label: str) -> int:
    """The width of a (possibly two-line) column label."""
    return max(cell_len(line) for line in label.split("\n"))


class MatrixScreen(IdeaEditing, MatrixViews, MatrixRows, BaseScreen):
    """Move to a cell and press a digit to score; the rank updates at once."""

    NAME = "matrix"
    part = "create"
    SCREEN_COMMANDS = SCREEN_COMMANDS
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    MatrixScreen #matrix-info { height: auto; padding: 0 2; color: $text-muted; }
    MatrixScreen #ideas { height: 1fr; margin: 0 1; }
    MatrixScreen #plot-area { height: 1fr; display: none; }
    MatrixScreen.-plot #ideas { display: none; }
    MatrixScreen.-plot #plot-area { display: block; }
    MatrixScreen #legend { height: 1fr; margin: 0 1; }
    MatrixScreen #idea-detail { height: auto; max-height: 20%; padding: 0 2; background: $boost; }
    """

    @property
    def view(self) -> MatrixView:
        """Sort, filter and view: kept in the app for this project, so they outlive the screen."""
        return self.bapp.view_state.setdefault((self.session.path, self.NAME), MatrixView())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer shows, and the keys do, only what works in the view on screen."""
        if (action in OWN_ACTIONS or action in PLOT_ONLY) and self.is_mounted and self.bapp.session is not None:
            works = action in PLOT_ONLY | PLOT_TOO if self.view.plot_mode else action not in PLOT_ONLY
            if not works:
                return False
        return super().check_action(action, parameters)

    # -- building ------------------------------------------------------------------------------
    def guidance_text(self) -> str | None:
        step = next(s for s in self.method.idea_process if s.id == "prioritise")
        criteria = " · ".join(f"{c.name(self.lang)}: {c.description(self.lang)}" for c in self.method.criteria
                              if c.description)
        return f"{step.guidance(self.lang) if step.guidance else ''} {criteria}"

    def compose_body(self) -> ComposeResult:
        yield Static("", id="matrix-info")
        yield FittedTable(id="ideas", cursor_type="cell", zebra_stripes=True, header_height=2, flex="title",
                          flex_min=TITLE_MIN, flex_narrow=TITLE_NARROW, pinned=PINNED)
        with Static(id="plot-area"):
            yield TwoByTwo(id="plot")
            yield Legend(id="legend", cursor_type="row")
        yield Static("", id="idea-detail")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        self._info, self._detail = "", ()  # the lines above and under the table are new (a language switch)
        self._ranks_made = []
        table = self.query_one("#ideas", FittedTable)
        table.clear(columns=True)
        table.add_column(cell("#"), key="rank", width=self._rank_width())
        table.add_column(cell(self.t("matrix.idea")), key="title", width=TITLE_MIN)
        score = self.t("matrix.col_score")
        table.add_column(cell(score), key="score", width=max(4, _width(score)))
        for criterion in self.method.criteria:
            label = self._criterion_label(criterion.id)
            table.add_column(cell(label), key=criterion.id, width=_width(label))
        for key, text in (("dots", "matrix.dots"), ("chosen", "matrix.chosen")):
            table.add_column(cell(self.t(text)), key=key, width=_width(self.t(text)))
        table.fit_columns(force=True)
        legend = self.query_one("#legend", DataTable)
        legend.clear(columns=True)
        for key in ("#", "matrix.quadrant", "matrix.idea"):  # the quadrant before a title that can be long
            legend.add_column(cell(self.t(key) if "." in key else key), key=key)
        self.set_class(self.view.plot_mode, "-plot")
        self.fill()
        (legend if self.view.plot_mode else table).focus()
        table.move_cursor(column=FIRST_CRITERION)
        self.refresh_bindings()

    def _criterion_label(self, criterion_id: str) -> str:
        """``Strategisk`` / ``match ×1``: the short name from the texts (the method's name for a
        criterion of an organisation's own method file), on two lines with the weight."""
        criterion = next(c for c in self.method.criteria if c.id == criterion_id)
        short = tr(self.lang, f"matrix.short.{criterion_id}", default=criterion.name(self.lang))
        return matrix.criterion_header(short, effective_weights(self.session.project, self.method)[criterion_id])

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        if event.data_table.id == "ideas":
            self._show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "legend":
            self._show_detail()

    # -- helpers -------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        """The idea under the table's cursor."""
        table = self.query_one("#ideas", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def current_column(self) -> str:
        """The key of the column under the cursor."""
        table = self.query_one("#ideas", DataTable)
        return str(table.ordered_columns[table.cursor_column].key.value)

    # -- scoring and weights ---------------------------------------------------------------------
    def action_score(self, value: int) -> None:
        """Score the idea under the cursor on the column's criterion (0 clears), then move on to
        the next criterion, or to the next idea's first one after the last."""
        idea_id, column = self.current_id(), self.current_column()
        criteria = [c.id for c in self.method.criteria]
        if idea_id is None or column not in criteria:
            if idea_id is not None:
                self.notify(self.t("matrix.pick_criterion"), timeout=3)
            return
        table = self.query_one("#ideas", DataTable)
        row, col = table.cursor_coordinate
        if value:
            row, col = matrix.advance(row, col, [table.get_column_index(c) for c in criteria], table.row_count)
        next_id = str(table.coordinate_to_cell_key(table.cursor_coordinate._replace(row=row)).row_key.value)
        path = ("create", "ideas", idea_id, "scores", column)
        if self.apply_changes("matrix.score" if value else "matrix.clear", self.changes.set(path, value or MISSING)) \
                and next_id in table.rows:
            table.move_cursor(row=table.get_row_index(next_id), column=col)

    def action_weight(self, delta: int) -> None:
        """Raise or lower the weight of the criterion in the column under the cursor."""
        column = self.current_column()
        if column not in {c.id for c in self.method.criteria}:
            return
        weights = effective_weights(self.session.project, self.method)
        new = max(0.0, min(10.0, weights[column] + delta))
        self.apply_changes("matrix.weight_up" if delta > 0 else "matrix.weight_down",
                           self.changes.set(("create", "weights", column), new))

    def action_toggle_votes_in_ranking(self) -> None:
        """Let the dots count in the ranking, or not."""
        self.apply_changes("matrix.votes_rank", self.changes.set(("create", "votes_in_ranking"),
                                                                 not self.session.project.create.votes_in_ranking))

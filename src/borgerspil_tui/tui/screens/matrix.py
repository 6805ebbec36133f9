"""Skab: the prioritisation matrix — ideas × the four criteria, weights, rank, dot votes, the 2×2
view, and chosen ideas turned into a concept in one step. Ideas are added here too."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from borgerspil_tui.core import matrix
from borgerspil_tui.core.derived import RankedIdea, effective_weights, rank_ideas
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.idea_editing import IdeaEditing
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.two_by_two import TwoByTwo

COLUMN = 15
"""Width of a criterion column."""


class MatrixScreen(IdeaEditing, BaseScreen):
    """Move to a cell and press a digit to score; the rank updates at once."""

    NAME = "matrix"
    part = "create"
    SCREEN_COMMANDS = [
        *[Command(f"score({n})", str(n), "matrix.score", "help.matrix_score", show=n == 1) for n in range(1, 6)],
        Command("score(0)", "delete", "matrix.clear", "help.matrix_clear", show=False),
        Command("add_idea", "n", "matrix.add", "help.matrix_add"),
        Command("edit('title')", "e", "matrix.edit", "help.matrix_edit"),
        Command("edit('description')", "i", "matrix.description", "help.matrix_description", show=False),
        Command("cycle_source", "s", "matrix.source", "help.matrix_source", show=False),
        Command("inspired_by", "l", "matrix.inspired", "help.matrix_inspired", show=False),
        Command("toggle_chosen", "space", "matrix.choose", "help.matrix_choose"),
        Command("make_concept", "k", "matrix.concept", "help.matrix_concept"),
        Command("weight(1)", "plus", "matrix.weight_up", "help.matrix_weight", show=False),
        Command("weight(-1)", "minus", "matrix.weight_down", "help.matrix_weight", show=False),
        Command("sort_column", "o", "matrix.sort", "help.matrix_sort"),
        Command("filter", "slash", "matrix.filter", "help.matrix_filter"),
        Command("toggle_votes_in_ranking", "t", "matrix.votes_rank", "help.matrix_votes_rank", show=False),
        Command("goto_votes", "p", "matrix.votes", "help.matrix_votes"),
        Command("switch_view", "v", "matrix.view", "help.matrix_view"),
        Command("axis('y')", "y", "matrix.axis_y", "help.matrix_axis", show=False),
        Command("axis('x')", "x", "matrix.axis_x", "help.matrix_axis", show=False),
        Command("delete_idea", "ctrl+d", "matrix.delete", "help.matrix_delete", show=False),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    MatrixScreen #matrix-info { height: auto; padding: 0 2; color: $text-muted; }
    MatrixScreen #ideas { height: 1fr; margin: 0 1; }
    MatrixScreen #plot-area { height: 1fr; display: none; }
    MatrixScreen.-plot #ideas { display: none; }
    MatrixScreen.-plot #plot-area { display: block; }
    MatrixScreen #legend { height: 1fr; margin: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.sort_key = "order"
        self.sort_reverse = False
        self.filter_text = ""
        self.plot_mode = False
        self.axes = ("importance", "feasibility")
        self._shown: dict[str, tuple[int, float, dict[str, int], int]] = {}
        """What each row shows now: (rank, score, scores, dots), to update only what changed."""

    # -- building ------------------------------------------------------------------------------
    def guidance_text(self) -> str | None:
        step = next(s for s in self.method.idea_process if s.id == "prioritise")
        criteria = " · ".join(f"{c.name(self.lang)}: {c.description(self.lang)}" for c in self.method.criteria
                              if c.description)
        return f"{step.guidance(self.lang) if step.guidance else ''} {criteria}"

    def compose_body(self) -> ComposeResult:
        yield Static("", id="matrix-info")
        yield DataTable(id="ideas", cursor_type="cell", zebra_stripes=True)
        with Static(id="plot-area"):
            yield TwoByTwo(id="plot")
            yield DataTable(id="legend", cursor_type="row")
        yield EditBar(id="edit-bar")

    def populate(self) -> None:
        table = self.query_one("#ideas", DataTable)
        table.clear(columns=True)
        table.add_column(cell("#"), key="rank", width=4)
        table.add_column(cell(self.t("matrix.idea")), key="title", width=32)
        for criterion in self.method.criteria:
            table.add_column(cell(self._criterion_label(criterion.id)), key=criterion.id, width=COLUMN)
        table.add_column(cell(self.t("matrix.dots")), key="dots", width=7)
        table.add_column(cell(self.t("matrix.weighted")), key="score", width=6)
        table.add_column(cell(self.t("matrix.chosen")), key="chosen", width=5)
        legend = self.query_one("#legend", DataTable)
        legend.clear(columns=True)
        for key in ("#", "matrix.idea", "matrix.quadrant"):
            legend.add_column(cell(self.t(key) if "." in key else key), key=key)
        self.set_class(self.plot_mode, "-plot")
        self.fill()
        table.focus()
        table.move_cursor(column=2)

    def _criterion_label(self, criterion_id: str) -> str:
        """``Vigtighed ×3``, shortened to fit the column (the full names are in the info line)."""
        criterion = next(c for c in self.method.criteria if c.id == criterion_id)
        weight = f" ×{effective_weights(self.session.project, self.method)[criterion_id]:g}"
        name = criterion.name(self.lang)
        room = COLUMN - len(weight)
        return (name if len(name) <= room else name[:room - 1] + "…") + weight

    def _visible(self, ranked: list[RankedIdea]) -> list[RankedIdea]:
        order = [idea.id for idea in self.session.project.create.ideas]
        return matrix.visible_rows(ranked, order, self.sort_key, self.sort_reverse, self.filter_text)

    def _cells(self, item: RankedIdea) -> list:
        idea = item.idea
        scores = [cell(str(idea.scores[c.id]) if c.id in idea.scores else "·") for c in self.method.criteria]
        return [cell(str(item.rank)), cell(idea.title), *scores, cell(str(item.dots) if item.dots else ""),
                cell(f"{item.score:.2f}"), cell("✓" if idea.chosen else "")]

    def fill(self) -> None:
        """Rebuild the table (and the 2×2 view) from the project."""
        ranked = rank_ideas(self.session.project, self.method)
        self._show_info()
        if self.plot_mode:  # the table is hidden: rebuild it when it is shown again
            self._table_stale = True
            self._draw_plot(ranked)
            return
        self._table_stale = False
        self._shown = {r.idea.id: (r.rank, r.score, dict(r.idea.scores), r.dots) for r in ranked}
        table = self.query_one("#ideas", DataTable)
        coordinate = table.cursor_coordinate
        current = self.current_id()
        table.clear()
        for item in self._visible(ranked):
            table.add_row(*self._cells(item), key=item.idea.id)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), column=coordinate.column)
        else:
            table.move_cursor(row=min(coordinate.row, max(0, table.row_count - 1)), column=coordinate.column)

    def refresh_scores(self) -> None:
        """Update rank, scores and weights in place (fast path for a score or weight change)."""
        ranked = rank_ideas(self.session.project, self.method)
        old = self._shown
        self._shown = {r.idea.id: (r.rank, r.score, dict(r.idea.scores), r.dots) for r in ranked}
        table = self.query_one("#ideas", DataTable)
        if self.sort_key not in ("order", "title") or set(old) != set(self._shown) or self.filter_text \
                or self.plot_mode or self._table_stale:
            self.fill()
            return
        changed = [(item, old[item.idea.id]) for item in ranked
                   if old[item.idea.id][:3] != (item.rank, item.score, item.idea.scores)]
        for item, before in changed:
            if item.idea.id not in table.rows:
                continue
            if before[0] != item.rank:
                table.update_cell(item.idea.id, "rank", cell(str(item.rank)))
            if before[1] != item.score:
                table.update_cell(item.idea.id, "score", cell(f"{item.score:.2f}"))
            if before[2] != item.idea.scores:
                for criterion in self.method.criteria:
                    value = item.idea.scores.get(criterion.id)
                    table.update_cell(item.idea.id, criterion.id, cell(str(value) if value else "·"))
        self._show_info()

    def _show_info(self) -> None:
        create = self.session.project.create
        parts = [self.t("matrix.sorted_by", column=self.t(f"matrix.sort_{self.sort_key}")
                        if self.sort_key in matrix.SORT_KEYS
                        else next(c.name(self.lang) for c in self.method.criteria if c.id == self.sort_key))]
        weights = effective_weights(self.session.project, self.method)
        parts.append(self.t("matrix.weights") + " " + ", ".join(
            f"{c.name(self.lang)} ×{weights[c.id]:g}" for c in self.method.criteria))
        parts.append(self.t("matrix.votes_count" if create.votes_in_ranking else "matrix.votes_not_count"))
        if self.filter_text:
            parts.append(self.t("matrix.filtered", text=self.filter_text))
        chosen = sum(1 for i in create.ideas if i.chosen)
        parts.append(self.t("matrix.summary", ideas=len(create.ideas), chosen=chosen))
        self.query_one("#matrix-info", Static).update(Content(" · ".join(parts)))

    def _draw_plot(self, ranked: list[RankedIdea]) -> None:
        vertical, horizontal = self.axes
        placement = matrix.place(ranked, vertical, horizontal)
        names = {c.id: c.name(self.lang) for c in self.method.criteria}
        names |= {q: self.t(f"matrix.q_{q}") for q in matrix.QUADRANTS.values()}
        self.query_one("#plot", TwoByTwo).show(placement, vertical, horizontal, names)
        legend = self.query_one("#legend", DataTable)
        legend.clear()
        for item in ranked:
            quadrant = placement.quadrant_of(item, vertical, horizontal)
            where = self.t(f"matrix.q_{quadrant}") if quadrant else self.t("matrix.unplaced")
            legend.add_row(cell(str(item.rank)), cell(item.idea.title), cell(where), key=item.idea.id)

    def project_changed(self) -> None:
        super().project_changed()
        if self._relabel_columns:
            table = self.query_one("#ideas", DataTable)
            for criterion in self.method.criteria:
                table.columns[ColumnKey(criterion.id)].label = cell(self._criterion_label(criterion.id))
            table.refresh()
        if self._light:
            self.refresh_scores()
        else:
            self.fill()
        self._light = self._relabel_columns = False

    _light = False
    _relabel_columns = False
    _table_stale = False

    # -- helpers -------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        """The idea under the cursor."""
        table = self.query_one("#ideas", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def current_column(self) -> str:
        """The key of the column under the cursor."""
        table = self.query_one("#ideas", DataTable)
        return str(table.ordered_columns[table.cursor_column].key.value)

    def _edit(self, label: str, change, *, light: bool = False) -> bool:  # noqa: ANN001
        self._light = light
        if self.change_project(label, change):
            return True
        self._light = False
        return False

    def _idea(self, project: Project, idea_id: str) -> Idea:
        return next(i for i in project.create.ideas if i.id == idea_id)

    # -- scoring and weights ---------------------------------------------------------------------
    def action_score(self, value: int) -> None:
        """Score the idea under the cursor on the criterion of the column (0 clears)."""
        idea_id, column = self.current_id(), self.current_column()
        if idea_id is None or column not in {c.id for c in self.method.criteria}:
            if idea_id is not None:
                self.notify(self.t("matrix.pick_criterion"), timeout=3)
            return

        def change(project: Project) -> None:
            scores = dict(self._idea(project, idea_id).scores)
            if value:
                scores[column] = value
            else:
                scores.pop(column, None)
            self._idea(project, idea_id).scores = scores

        self._edit("matrix.score", change, light=True)

    def action_weight(self, delta: int) -> None:
        """Raise or lower the weight of the criterion in the column under the cursor."""
        column = self.current_column()
        if column not in {c.id for c in self.method.criteria}:
            return
        weights = effective_weights(self.session.project, self.method)
        new = max(0.0, min(10.0, weights[column] + delta))

        def change(project: Project) -> None:
            project.create.weights = {**project.create.weights, column: new}

        self._relabel_columns = True
        self._edit("matrix.weight_up" if delta > 0 else "matrix.weight_down", change, light=True)

    def action_toggle_votes_in_ranking(self) -> None:
        """Let the dots count in the ranking, or not."""
        self._edit("matrix.votes_rank", lambda p: setattr(p.create, "votes_in_ranking",
                                                           not p.create.votes_in_ranking))

    # -- views -----------------------------------------------------------------------------------
    def action_sort_column(self) -> None:
        """Sort by the column under the cursor; again reverses."""
        column = self.current_column()
        if column == self.sort_key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_key, self.sort_reverse = column, False
        self.fill()

    def action_filter(self) -> None:
        """Show only ideas whose text contains what you type (empty shows all)."""
        self.query_one(EditBar).open(self.t("matrix.prompt_filter"), "filter", self.filter_text)

    def action_switch_view(self) -> None:
        """Switch between the table and the 2×2 view."""
        self.plot_mode = not self.plot_mode
        self.set_class(self.plot_mode, "-plot")
        self.fill()
        (self.query_one("#legend") if self.plot_mode else self.query_one("#ideas")).focus()

    def action_axis(self, which: str) -> None:
        """Use the next criterion on the vertical (y) or horizontal (x) axis of the 2×2 view."""
        ids = [c.id for c in self.method.criteria]
        vertical, horizontal = self.axes
        if which == "y":
            vertical = ids[(ids.index(vertical) + 1) % len(ids)]
        else:
            horizontal = ids[(ids.index(horizontal) + 1) % len(ids)]
        self.axes = (vertical, horizontal)
        if self.plot_mode:
            self._draw_plot(rank_ideas(self.session.project, self.method))

    def action_goto_votes(self) -> None:
        """Enter the dot votes of the people in the room."""
        self.bapp.action_goto("votes")

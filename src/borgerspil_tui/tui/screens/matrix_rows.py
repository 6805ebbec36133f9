"""Skab: the matrix table kept in step with the project — filled once, then changed where an edit
changed it: a score touches its idea's row and the rank cells of the ideas it passed, a new idea
adds its row, a weight puts new ranks and scores in the rows there are."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core import matrix
from borgerspil_tui.core.changes import AddItem, ChangeSet, MoveItem, RemoveItem, SetValue
from borgerspil_tui.core.derived import RankedIdea, dots_per_idea, effective_weights
from borgerspil_tui.core.gc_pause import gc_paused
from borgerspil_tui.core.model.create import Idea
from borgerspil_tui.core.ranking import Ranking, Span
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.widgets.matrix_table import FittedTable

IDEAS = ("create", "ideas")
RERANK = (("create", "weights"), ("create", "votes_in_ranking"))
"""Where a change moves every rank (the ranking is made again; the rows stay)."""
MANY = 200
"""More ideas changed by one edit than this: fill the table again (as quick, and simpler)."""


def _rounds(path: tuple[str, ...]) -> bool:
    """Whether a change at ``path`` may change a workshop's voting rounds, whose anonymous totals
    count in the dots (a workshop added, removed or set whole, or anything in its rounds)."""
    return path[:1] == ("workshops",) and (len(path) < 3 or path[2] == "rounds")


def title_cell(text: str) -> Text:
    """A title cell: one line, ``…`` where it is cut (the whole title is under the table)."""
    return Text(text, end="", no_wrap=True, overflow="ellipsis")


class MatrixRows:
    """The table of ideas and the line above it, kept up to date (a mixin of the matrix screen:
    it uses the screen's ``session``, ``method``, ``view``, ``current_id`` and ``_draw_plot``).

    The ranking (core/ranking) and the other look-up tables are made when the table is filled and
    changed with each edit; moving the cursor reads them and nothing else.
    """

    _ranking: Ranking | None = None
    _chosen: set[str]
    _shown_revision: tuple[object, int] | None = None
    """The session and revision the table shows: one edit later, that edit is all that changed."""
    _table_stale = False
    _info = ""
    _detail: tuple[str, ...] = ()
    _ranks_made: list[Text]

    # -- looking up -----------------------------------------------------------------------------
    def _find(self, idea_id: str | None) -> Idea | None:
        """The idea with this id, or None (found through the session's position cache)."""
        return None if idea_id is None else self.session.changes.get((*IDEAS, idea_id), None)

    def _rank_width(self) -> int:
        return max(2, len(str(len(self.session.project.create.ideas))))

    def _item(self, idea: Idea) -> RankedIdea:
        ranking = self._ranking
        return RankedIdea(idea, ranking.score(idea.id), ranking.dots_of(idea.id), ranking.rank(idea.id))

    def _ranked(self) -> list[RankedIdea]:
        """Every idea, best first, with its score, dots and rank."""
        ranking = self._ranking
        ideas = {idea.id: idea for idea in self.session.project.create.ideas}
        return [RankedIdea(ideas[i], ranking.score(i), ranking.dots_of(i), rank) for rank, i in enumerate(ranking, 1)]

    def _visible(self, ranked: list[RankedIdea], sort_key: str | None = None) -> list[RankedIdea]:
        view = self.view
        order = [idea.id for idea in self.session.project.create.ideas]
        return matrix.visible_rows(ranked, order, sort_key or view.sort_key, view.sort_reverse and not sort_key,
                                   view.filter_text)

    def _rank_cells(self, first: int, last: int) -> list[Text]:
        """The rank cells for ranks ``first``…``last``, made once (a score that passes thousands of
        ideas puts thousands of rank cells in the table)."""
        made = self._ranks_made
        while len(made) < last:
            made.append(cell(str(len(made) + 1)))
        return made[first - 1:last]

    def _cells(self, item: RankedIdea) -> list:
        idea = item.idea
        scores = [cell(str(idea.scores[c.id]) if c.id in idea.scores else "·") for c in self.method.criteria]
        return [self._rank_cells(item.rank, item.rank)[0], title_cell(idea.title), cell(f"{item.score:.2f}"), *scores,
                cell(str(item.dots) if item.dots else ""), cell("✓" if idea.chosen else "")]

    # -- everything -----------------------------------------------------------------------------
    def fill(self) -> None:
        """Rebuild the table (or the 2×2 view) from the project, ranking the ideas first unless
        the ranking is of the project as it is (a sort, a filter, another view)."""
        project = self.session.project
        if self._ranking is None or self._shown_revision != (self.session, self.session.revision):
            self._ranking = Ranking(project, self.method)
            self._chosen = {idea.id for idea in project.create.ideas if idea.chosen}
            self._shown_revision = (self.session, self.session.revision)
        ranked = self._ranked()
        if self.view.plot_mode:  # the table is hidden: rebuild it when it is shown again
            self._table_stale = True
            self._draw_plot(ranked)
            self._show_info(len(self._visible(ranked, sort_key="order")))
            self._show_detail()
            return
        self._table_stale = False
        table = self.query_one("#ideas", FittedTable)
        self._fit_rank_column(table)
        coordinate = table.cursor_coordinate
        current = self.current_id()
        table.clear()
        with gc_paused():  # thousands of cells, no cycles: the collector would only run over them
            for item in self._visible(ranked):
                table.add_row(*self._cells(item), key=item.idea.id)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), column=coordinate.column)
        else:
            table.move_cursor(row=min(coordinate.row, max(0, table.row_count - 1)), column=coordinate.column)
        self._show_info(table.row_count)
        self._show_detail()

    def reorder(self) -> None:
        """The view's sort changed: put the rows there are in the new order (no rows made again)."""
        session = self.session
        if self.view.plot_mode or self._table_stale or self._ranking is None \
                or self._shown_revision != (session, session.revision):
            self.fill()
            return
        table = self.query_one("#ideas", FittedTable)
        current, column = self.current_id(), table.cursor_column
        table.order_rows([item.idea.id for item in self._visible(self._ranked())])
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), column=column)
        self._show_info(table.row_count)

    def _fit_rank_column(self, table: FittedTable) -> None:
        column = table.columns[next(k for k in table.columns if k.value == "rank")]
        if column.width < self._rank_width():
            column.width = self._rank_width()
            table.fit_columns(force=True)

    def _relabel_criteria(self) -> None:
        """The criteria's column labels with their weights now."""
        table = self.query_one("#ideas", FittedTable)
        for criterion in self.method.criteria:
            column = table.columns[next(k for k in table.columns if k.value == criterion.id)]
            column.label = cell(self._criterion_label(criterion.id))
            column.width = max(cell_len(line) for line in column.label.plain.split("\n"))
        table.fit_columns(force=True)

    def project_changed(self) -> None:
        super().project_changed()
        session = self.session
        change = session.last_change if session.last_event == "edit" else None
        follows = self._shown_revision == (session, session.revision - 1)
        if change is not None and follows and not self.view.plot_mode and not self._table_stale \
                and self._ranking is not None and self._update(change):
            self._shown_revision = (session, session.revision)
            return
        if change is None or any(path[:2] in RERANK for path in change.paths()):
            self._relabel_criteria()
        self.fill()

    # -- one edit -------------------------------------------------------------------------------
    def _update(self, change: ChangeSet) -> bool:
        """Show what ``change`` did, row by row; False when the table must be filled again."""
        touched: dict[str, None] = {}
        added: list[str] = []
        removed: list[str] = []
        votes = rerank = False
        for one in change.changes:
            if isinstance(one, MoveItem):
                if IDEAS in (one.source[:2], one.target[:2]):
                    return False  # ideas in another order: the ties, and the order column, change
                continue
            path = one.path if isinstance(one, SetValue) else one.at
            if path[:2] == IDEAS and len(path) > 2:
                touched[path[2]] = None
            elif path == IDEAS and isinstance(one, AddItem):
                added.append(one.key)
            elif path == IDEAS and isinstance(one, RemoveItem):
                removed.append(one.key)
            elif path[:2] in RERANK:
                rerank = True
            elif path[:2] == ("create", "votes") or _rounds(path):
                votes = True
            elif path in ((), ("create",), IDEAS):
                return False
        ideas = self.session.project.create.ideas
        if added and (removed or [idea.id for idea in ideas[-len(added):]] != added):
            return False  # put back in the middle of the list (an undone delete): the ties change
        if len(touched) + len(added) + len(removed) > MANY or (rerank and (added or removed)):
            return False
        dots: dict[str, int] = {}
        if votes:
            now = dots_per_idea(self.session.project)
            dots = {i: now[i] for i in set(now) | set(self._ranking.dots)
                    if now[i] != self._ranking.dots[i] and i not in removed}
            touched.update(dict.fromkeys(i for i in dots if i not in added))
        if rerank:
            self._rerank(list(touched))
            return True
        sorted_view = self.view.sort_key != "order"
        if sorted_view and len(touched) + len(added) > 1:
            return False  # one row is found its place among rows in order; several are not
        self._apply(touched, added, removed, dots)
        return True

    def _apply(self, touched: dict[str, None], added: list[str], removed: list[str], dots: dict[str, int]) -> None:
        table = self.query_one("#ideas", FittedTable)
        ranking = self._ranking
        current, column = self.current_id(), table.cursor_column
        spans: list[Span | None] = []
        for idea_id in removed:
            if idea_id in ranking:
                spans.append(ranking.remove(idea_id))
            self._chosen.discard(idea_id)
            if idea_id in table.rows:
                table.remove_row(idea_id)
        placed: list[Idea] = []
        for idea_id in added:
            idea = self._find(idea_id)
            if idea is not None:
                spans.append(ranking.add(idea, dots.get(idea_id, 0)))
                placed.append(idea)
        for idea_id in touched:
            idea = self._find(idea_id)
            if idea is not None and idea_id in ranking:
                spans.append(ranking.update(idea, dots.get(idea_id)))
                placed.append(idea)
        for idea in placed:
            self._chosen.discard(idea.id)
            if idea.chosen:
                self._chosen.add(idea.id)
            self._place(table, idea, new=idea.id in added)
        self._show_ranks(table, [span for span in spans if span is not None], len(spans))
        if added:
            self._fit_rank_column(table)
        if current is not None and current in table.rows:
            if table.get_row_index(current) != table.cursor_row:
                table.move_cursor(row=table.get_row_index(current), column=column)
        elif table.row_count:
            table.move_cursor(row=min(table.cursor_row, table.row_count - 1), column=column)
        self._show_info(table.row_count)
        self._show_detail()

    def _place(self, table: FittedTable, idea: Idea, *, new: bool) -> None:
        """Put the idea's row in the table as it is now, where the view's sort puts it (or take
        it out when the filter hides it). ``new``: the idea was just added (it is the last one)."""
        view = self.view
        if not matrix.matches(idea, view.filter_text.casefold()):
            if idea.id in table.rows:
                table.remove_row(idea.id)
            return
        item = self._item(idea)
        cells = self._cells(item)
        if idea.id in table.rows:
            table.set_row(idea.id, cells)
            if view.sort_key == "order":
                return  # the order ideas were added in does not change
        else:
            table.add_row(*cells, key=idea.id)
            if new and view.sort_key == "order" and not view.sort_reverse:
                return  # the last one added: its place is at the end
        index = table.get_row_index(idea.id)
        ranking = self._ranking

        def row_at(place: int) -> RankedIdea:
            other = self._find(table.row_key_at(place if place < index else place + 1))
            return self._item(other)

        key = matrix.row_key(view.sort_key, ranking.order)
        table.move_row(idea.id, matrix.place_of(item, table.row_count - 1, row_at, key, view.sort_reverse))

    def _show_ranks(self, table: FittedTable, spans: list[Span], steps: int) -> None:
        """New rank cells for the places the edit's steps moved. A step moves an idea's place by
        one at most, so a span seen before ``k`` later steps is wider by ``k`` now."""
        if not spans:
            return
        slack = steps - 1
        first = max(0, min(span[0] for span in spans) - slack)
        last = min(len(self._ranking) - 1, max(span[1] for span in spans) + slack)
        ids = self._ranking.ids(first, last)
        table.set_column("rank", zip(ids, self._rank_cells(first + 1, last + 1)))

    def _rerank(self, touched: list[str]) -> None:
        """Weights, or whether votes count, changed: every rank and score may have; the rows stay."""
        self._ranking = Ranking(self.session.project, self.method)
        table = self.query_one("#ideas", FittedTable)
        current, column = self.current_id(), table.cursor_column
        ranked = self._ranked()
        for idea_id in touched:
            idea = self._find(idea_id)
            if idea is not None:
                table.set_row(idea_id, self._cells(self._item(idea)))
        table.set_column("rank", ((item.idea.id, item_cell) for item, item_cell in zip(
            ranked, self._rank_cells(1, len(ranked)))))
        table.set_column("score", ((item.idea.id, cell(f"{item.score:.2f}")) for item in ranked))
        if self.view.sort_key != "order":
            table.order_rows([item.idea.id for item in self._visible(ranked)])
            if current is not None and current in table.rows:
                table.move_cursor(row=table.get_row_index(current), column=column)
        self._relabel_criteria()
        self._show_info(table.row_count)
        self._show_detail()

    # -- the lines above and under the table ----------------------------------------------------
    def _show_info(self, shown: int) -> None:
        create, view = self.session.project.create, self.view
        total = len(create.ideas)
        if view.filter_text:
            parts = [self.t("matrix.count_filtered", shown=shown, total=total, text=view.filter_text)]
        else:
            parts = [self.t("matrix.count", n=total)]
        parts.append(self.t("matrix.chosen_count", n=len(self._chosen)))
        names = {c.id: c.name(self.lang) for c in self.method.criteria}
        column = self.t(f"matrix.sort_{view.sort_key}") if view.sort_key in matrix.SORT_KEYS \
            else names.get(view.sort_key, view.sort_key)
        parts.append(self.t("matrix.sorted_by", column=column) + (" ↑" if view.sort_reverse else ""))
        weights = effective_weights(self.session.project, self.method)
        parts.append(self.t("matrix.weights") + " " + ", ".join(
            f"{c.name(self.lang)} ×{weights[c.id]:g}" for c in self.method.criteria))
        parts.append(self.t("matrix.votes_count" if create.votes_in_ranking else "matrix.votes_not_count"))
        text = " · ".join(parts)
        if text != self._info:
            self._info = text
            self.query_one("#matrix-info", Static).update(Content(text))

    def _show_detail(self) -> None:
        """The whole title and description of the idea under the cursor (drawn again only when it
        is another idea or it changed: the cursor moves along a row without it)."""
        idea = self._find(self._legend_id() if self.view.plot_mode else self.current_id())
        if idea is None:
            filtered = self.view.filter_text and self.session.project.create.ideas
            shown: tuple[str, ...] = ("none", self.t("matrix.none_match", text=self.view.filter_text) if filtered
                                      else self.t("matrix.no_ideas"))
        else:
            shown = ("idea", idea.title, idea.description, self.t("matrix.no_description"))
        if shown == self._detail:
            return
        self._detail = shown
        if idea is None:
            text = Content(shown[1])
        elif idea.description:
            text = Content.styled(idea.title, "bold") + Content("\n") + Content(idea.description)
        else:
            text = Content.styled(idea.title, "bold") + Content("\n") + Content.styled(shown[3], "$text-muted")
        self.query_one("#idea-detail", Static).update(text)

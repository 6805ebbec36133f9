"""The post-its that came from the room's phones (issue 14), as the facilitator takes them in: one
table of the workshop's post-its, newest first, the new ones marked and counted in the title line.

Enter or ``a`` takes the highlighted post-it in as an item of its activity's list, ``e`` takes it in
with a text edited first (the post-it keeps the participant's words), space marks post-its and ``m``
merges exactly the marked (at least two) into one item, ``h`` hides or shows
one again, ``f`` switches between all (but hidden), new and hidden. Every one is an undoable step
through the session (core/postit_ops). Post-its arriving from phones appear at once without moving
the highlight or touching what is typed in the edit bar. User text is never markup."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core import postit_ops
from borgerspil_tui.core.changes import AddItem
from borgerspil_tui.core.model.workshop import PostIt, Workshop
from borgerspil_tui.core.postit_ops import PostItRefused
from borgerspil_tui.core.workshop_record import running
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.plain import cell
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.table_rows import touches
from borgerspil_tui.tui.screens.workshop_planning import shown_workshop
from borgerspil_tui.tui.widgets.edit_bar import EditBar

FILTERS = ("all", "new", "hidden")
COLUMNS = ("mark", "state", "author", "activity", "text")
TEXT_WIDTH = 70
"""How much of a post-it's text its row shows (the whole text is under the table)."""
NAME_WIDTH = 16
"""How much of an author's name and an activity's title a row shows."""
POSTIT_COMMANDS = [
    Command("accept", "a", "postits.accept", "help.postits_accept"),
    Command("edit", "e", "postits.edit", "help.postits_edit"),
    Command("mark", "space", "postits.mark", "help.postits_mark"),
    Command("merge", "m", "postits.merge", "help.postits_merge"),
    Command("hide", "h", "postits.hide", "help.postits_hide"),
    Command("delete", "delete", "postits.hide", "help.postits_delete", show=False),
    Command("next_filter", "f", "postits.filter", "help.postits_filter"),
]


def _cut(text: str, width: int = TEXT_WIDTH) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


class _Placed(Text):
    """A row's first cell, carrying the post-it's place in the workshop's list: a post-it that
    arrives is added as one row and the rows sorted by it (newest first), not all drawn again."""

    place = 0


class PostItsScreen(BaseScreen):
    """The running workshop's post-its (else the workshop the workshop screen shows)."""

    NAME = "postits"
    SCREEN_COMMANDS = POSTIT_COMMANDS
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    PostItsScreen #postits-showing { height: 1; padding: 0 1; color: $text-muted; }
    PostItsScreen #postits { height: 1fr; margin: 0 1; }
    PostItsScreen #postits-empty { height: auto; padding: 1 2; color: $text-muted; }
    PostItsScreen #postit-detail { height: auto; max-height: 6; padding: 0 2; border-top: solid $panel; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.filter = "all"
        self.marked: list[str] = []
        """The ids of the post-its marked for merging, in the order they were marked."""

    def compose_body(self) -> ComposeResult:
        yield Static(id="postits-showing", markup=False)
        yield Static(id="postits-empty", markup=False)
        yield DataTable(id="postits", cursor_type="row", zebra_stripes=True)
        yield Static(id="postit-detail", markup=False)
        yield EditBar(id="edit-bar")

    # -- which workshop ------------------------------------------------------------------------
    def workshop(self) -> Workshop | None:
        """The workshop whose post-its are shown: the running one, else the workshop screen's."""
        found = running(self.session.project)
        return found[0] if found is not None else shown_workshop(self.bapp)

    def title_text(self) -> str:
        workshop = self.workshop()
        if workshop is None:
            return f"{self.screen_title()} · {self.session.project.title}"
        new = sum(1 for p in workshop.postits if p.state == "new")
        return f"{self.screen_title()} · {self.t('postits.title_new', count=new)} · {workshop.title}"

    # -- drawing -------------------------------------------------------------------------------
    def populate(self) -> None:
        table = self.query_one("#postits", DataTable)
        table.clear(columns=True)
        for key in COLUMNS:
            table.add_column(cell(self.t(f"postits.col.{key}")), key=key)
        self.fill()
        table.focus()

    def shown(self, workshop: Workshop) -> list[PostIt]:
        """The workshop's post-its the filter lets through, newest first."""
        wanted = {"all": ("new", "accepted", "merged"), "new": ("new",), "hidden": ("hidden",)}[self.filter]
        return [p for p in reversed(workshop.postits) if p.state in wanted]

    def _row(self, postit: PostIt, titles: dict[str, str], place: int) -> list[Text]:
        style = "bold" if postit.state == "new" else ""
        activity = titles.get(postit.activity or "", self.t("postits.activity_gone"))
        texts = [self.t(f"postits.state.{postit.state}"),
                 _cut(postit.author, NAME_WIDTH) or self.t("postits.anonymous"), _cut(activity, NAME_WIDTH),
                 _cut(postit.text)]
        first = _Placed("✓" if postit.id in self.marked else "", style=style, end="")
        first.place = place
        return [first, *(Text(text, style=style, end="") for text in texts)]

    def _titles(self, workshop: Workshop) -> dict[str, str]:
        return {a.id: a.title for a in workshop.agenda}

    def fill(self) -> None:
        """Show the post-its, the highlight staying on the post-it it was on."""
        table = self.query_one("#postits", DataTable)
        current = self.current_id()
        workshop = self.workshop()
        self._drawn = workshop.id if workshop is not None else None
        postits = self.shown(workshop) if workshop is not None else []
        places = {p.id: n for n, p in enumerate(workshop.postits)} if workshop is not None else {}
        self.marked = [ident for ident in self.marked if ident in places]
        titles = self._titles(workshop) if workshop is not None else {}
        table.clear()
        for postit in postits:
            table.add_row(*self._row(postit, titles, places[postit.id]), key=postit.id)
        self._keep_highlight(current)
        self._show_counts(workshop, len(postits))

    def _keep_highlight(self, current: str | None) -> None:
        table = self.query_one("#postits", DataTable)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), animate=False, scroll=False)

    def _show_counts(self, workshop: Workshop | None, shown: int) -> None:
        empty = self.query_one("#postits-empty", Static)
        empty.display = not shown
        if workshop is None:
            empty.update(Content(self.t("postits.no_workshop")))
        elif not workshop.postits:
            empty.update(Content(self.t("postits.none")))
        else:
            empty.update(Content(self.t("postits.none_shown", filter=self.t(f"postits.filter.{self.filter}"))))
        count = len(workshop.postits) if workshop is not None else 0
        self.query_one("#postits-showing", Static).update(Content(self.t(
            "postits.showing", filter=self.t(f"postits.filter.{self.filter}"), shown=shown, count=count,
            marked=len(self.marked))))
        self._show_detail()

    @on(DataTable.RowHighlighted, "#postits")
    def _show_detail(self) -> None:
        postit = self.current()
        self.query_one("#postit-detail", Static).update(Content(postit.text if postit is not None else ""))

    _drawn: str | None = None
    """The workshop whose post-its the table shows."""

    def project_changed(self) -> None:
        """Follow the edit row by row where it can (an arrival adds one row; taking in, hiding or
        editing changes the rows of those post-its), so a busy room costs what arrives."""
        super().project_changed()
        change, workshop = self.latest_change(), self.workshop()
        if change is None or workshop is None or workshop.id != self._drawn \
                or touches(change, ("workshops", workshop.id, "agenda")):
            self.fill()
            return
        at = ("workshops", workshop.id, "postits")
        if not touches(change, at):
            return
        keys = change.items_touched(at)
        if keys is None:
            added = [c for c in change.changes if isinstance(c, AddItem) and c.at == at]
            if len(added) == len(change.changes) and all(c.index >= len(workshop.postits) - len(added)
                                                         for c in added):
                self._follow(workshop, {c.item["id"] for c in added})
            else:
                self.fill()
            return
        self._follow(workshop, keys)

    def _follow(self, workshop: Workshop, keys: set[str]) -> None:
        """Draw again the rows of the post-its ``keys``: changed in place, added, or taken away."""
        table = self.query_one("#postits", DataTable)
        current = self.current_id()
        shown = {p.id for p in self.shown(workshop)}
        titles = self._titles(workshop)
        added = False
        for place, postit in enumerate(workshop.postits):
            if postit.id not in keys:
                continue
            if postit.id not in shown:
                if postit.id in table.rows:
                    table.remove_row(postit.id)
                continue
            cells = self._row(postit, titles, place)
            if postit.id in table.rows:
                for column, value in zip(COLUMNS, cells):
                    table.update_cell(postit.id, column, value)
            else:
                table.add_row(*cells, key=postit.id)
                added = True
        if added:
            table.sort("mark", key=lambda first: -first.place)
        self._keep_highlight(current)
        self._show_counts(workshop, len(shown))

    # -- helpers -------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        """The id of the highlighted post-it."""
        table = self.query_one("#postits", DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def current(self) -> PostIt | None:
        """The highlighted post-it."""
        workshop, ident = self.workshop(), self.current_id()
        if workshop is None or ident is None:
            return None
        return next((p for p in workshop.postits if p.id == ident), None)

    def _do(self, label: str, build, **values: object) -> bool:
        """Apply what ``build`` makes from (builder, project, workshop id) as one step; a refusal
        is said in our words."""
        workshop = self.workshop()
        if workshop is None:
            return False
        try:
            changes = build(self.changes, self.session.project, workshop.id)
        except PostItRefused as refused:
            self.refuse(refused.message.text(self.lang))
            return False
        return self.apply_changes(label, changes, **values)

    # -- keys ----------------------------------------------------------------------------------
    @on(DataTable.RowSelected, "#postits")
    def _row_selected(self) -> None:
        self.action_accept()

    def action_accept(self) -> None:
        """Take the highlighted post-it in as an item of its activity's list."""
        ident = self.current_id()
        if ident is not None:
            self._do("postit.accepted", lambda b, p, w: postit_ops.accept(b, p, w, ident))

    def action_mark(self) -> None:
        """Mark or unmark the highlighted post-it for merging, and go to the next row."""
        ident = self.current_id()
        if ident is None:
            return
        if ident in self.marked:
            self.marked.remove(ident)
        else:
            self.marked.append(ident)
        table = self.query_one("#postits", DataTable)
        row = table.cursor_row
        workshop = self.workshop()
        if workshop is not None:
            self._follow(workshop, {ident})
        table.move_cursor(row=min(row + 1, table.row_count - 1))

    def action_merge(self) -> None:
        """Merge exactly the marked post-its (at least two; the highlighted row is not added: space
        moves on after marking) into one item, in the order they came."""
        workshop = self.workshop()
        if workshop is None:
            return
        chosen = set(self.marked)
        ids = [p.id for p in workshop.postits if p.id in chosen]
        if self._do("postit.merged", lambda b, p, w: postit_ops.merge(b, p, w, ids), count=len(ids)):
            self.marked = []
            self.fill()

    def action_hide(self) -> None:
        """Hide the highlighted post-it, or show a hidden one again."""
        postit = self.current()
        if postit is None:
            return
        if postit.state == "hidden":
            self._do("postit.unhidden", lambda b, p, w: postit_ops.unhide(b, p, w, postit.id))
        else:
            self._do("postit.hidden", lambda b, p, w: postit_ops.hide(b, p, w, postit.id))

    def action_delete(self) -> None:
        """Delete hides (a post-it is what someone in the room wrote: kept, never deleted here)."""
        postit = self.current()
        if postit is not None and postit.state != "hidden":
            self._do("postit.hidden", lambda b, p, w: postit_ops.hide(b, p, w, postit.id))

    def action_next_filter(self) -> None:
        """Show all (but hidden), then the new, then the hidden post-its."""
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.fill()

    def action_edit(self) -> None:
        """Edit the highlighted post-it's text in the bar, starting from what the participant wrote;
        Enter takes it in as an item with the edited text (the post-it keeps its own). A post-it
        already taken in is refused: its item is edited in its list."""
        postit = self.current()
        if postit is None:
            return
        if postit_ops.taken_in(postit, self.changes):
            self.refuse(self.t("postit.edit_taken"))
            return
        self.query_one(EditBar).open(self.t("postits.prompt_edit"), f"edit:{postit.id}", postit.text)

    @on(EditBar.Submitted)
    def _typed(self, event: EditBar.Submitted) -> None:
        event.stop()
        kind, _, ident = event.purpose.partition(":")
        if kind != "edit":
            return
        if self._do("postit.edited", lambda b, p, w: postit_ops.accept(b, p, w, ident, text=event.text)):
            self._done()

    @on(EditBar.Cancelled)
    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#postits", DataTable).focus()

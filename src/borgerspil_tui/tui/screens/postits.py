"""The post-its that came from the room's phones (issue 14), as the facilitator takes them in: one
table of the workshop's post-its, newest first (tui/widgets/postit_table), the new ones marked and
counted in the title line.

Enter or ``a`` takes the highlighted post-it in as an item of its activity's list, ``e`` takes it in
with a text edited first (the post-it keeps the participant's words), space marks post-its and ``m``
merges exactly the marked (at least two) into one item, ``h`` hides one, or shows a hidden one
again. ``f`` goes round the states shown (all but hidden, the new ones, all with the hidden) and
``F`` round the activities (tui/screens/postit_filter); the line above the list says both with
their keys (the footer keeps its room for the rest at 80 columns). Every one is an undoable step
through the session (core/postit_ops). Post-its arriving from phones appear at once without moving
the highlight or touching what is typed in the edit bar. User text is never markup."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from borgerspil_tui.core import postit_ops
from borgerspil_tui.core.changes import AddItem
from borgerspil_tui.core.model.workshop import PostIt, Workshop
from borgerspil_tui.core.workshop_record import running
from borgerspil_tui.tui.commands import Command, bindings, relabel
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.screens.postit_filter import PostItFilter
from borgerspil_tui.tui.screens.postit_taking import PostItTaking
from borgerspil_tui.tui.screens.table_rows import touches
from borgerspil_tui.tui.screens.workshop_planning import shown_workshop
from borgerspil_tui.tui.widgets.edit_bar import EditBar
from borgerspil_tui.tui.widgets.postit_table import PostItTable

KEY_STYLE = "bold $text-accent"
"""How a key is shown in the line above the list (as in the footer)."""
POSTIT_COMMANDS = [
    Command("accept", "a", "postits.accept", "help.postits_accept"),
    Command("edit", "e", "postits.edit", "help.postits_edit"),
    Command("mark", "space", "postits.mark", "help.postits_mark"),
    Command("merge", "m", "postits.merge", "help.postits_merge"),
    Command("hide", "h", "postits.hide", "help.postits_hide"),
    Command("delete", "delete", "postits.hide", "help.postits_delete", show=False),
    Command("next_filter", "f", "postits.filter", "help.postits_filter", show=False),  # the line above
    Command("next_activity", "F", "postits.filter_activity", "help.postits_filter_activity", show=False),
]


class PostItsScreen(PostItTaking, BaseScreen):
    """The running workshop's post-its (else the workshop the workshop screen shows)."""

    NAME = "postits"
    SCREEN_COMMANDS = POSTIT_COMMANDS
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    PostItsScreen #postits-showing { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    PostItsScreen #postits { height: 1fr; margin: 0 1; }
    PostItsScreen #postits-empty { height: auto; padding: 1 2; color: $text-muted; }
    PostItsScreen #postit-detail { height: auto; max-height: 6; padding: 0 2; border-top: solid $panel; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.filter = PostItFilter()
        self.marked: list[str] = []
        """The ids of the post-its marked for merging, in the order they were marked."""
        self._drawn: str | None = None
        """The workshop whose post-its the table shows."""
        self._hide_label = "postits.hide"

    def compose_body(self) -> ComposeResult:
        yield Static(id="postits-showing", markup=False)
        yield Static(id="postits-empty", markup=False)
        yield PostItTable(id="postits")
        yield Static(id="postit-detail", markup=False)
        yield EditBar(id="edit-bar")

    @property
    def table(self) -> PostItTable:
        """The post-its' table."""
        return self.query_one("#postits", PostItTable)

    # -- which workshop ------------------------------------------------------------------------
    def workshop(self) -> Workshop | None:
        """The workshop whose post-its are shown: the running one, else the workshop screen's."""
        found = running(self.session.project)
        return found[0] if found is not None else shown_workshop(self.bapp)

    def title_text(self) -> str:
        workshop = self.workshop()
        if workshop is None:
            return f"{self.screen_title()} · {self.session.project.title}"
        new = self.session.index.waiting(self.session.project).count(workshop.id)  # counted, not scanned
        return f"{self.screen_title()} · {self.t('postits.title_new', count=new)} · {workshop.title}"

    # -- drawing -------------------------------------------------------------------------------
    def populate(self) -> None:
        self.table.set_columns(self.lang)
        self.fill()
        self.table.focus()

    def on_screen_resume(self) -> None:
        """Back from the share screen: the empty list's text follows sharing (Textual calls
        BaseScreen's handler too: not called here)."""
        if self.is_mounted and self.bapp.session is not None:
            workshop = self.workshop()
            self._show_counts(workshop, self._titles(workshop))

    @staticmethod
    def _titles(workshop: Workshop | None) -> dict[str, str]:
        return {a.id: a.title for a in workshop.agenda} if workshop is not None else {}

    def fill(self) -> None:
        """Show the post-its the filter lets through, the highlight staying on the post-it it was on."""
        workshop = self.workshop()
        self._drawn = workshop.id if workshop is not None else None
        titles = self._titles(workshop)
        self.filter.keep_to(titles)
        rows = [] if workshop is None else [(p, n) for n, p in enumerate(workshop.postits)
                                            if self.filter.lets_through(p, titles)]
        index = self.session.index
        self.marked = [ident for ident in self.marked if index.kind(ident) == "post-it"]
        self.table.show(reversed(rows), titles, set(self.marked), self.lang)
        self._show_counts(workshop, titles)

    def _show_counts(self, workshop: Workshop | None, titles: dict[str, str]) -> None:
        shown = self.table.row_count
        empty = self.query_one("#postits-empty", Static)
        empty.display = not shown
        if workshop is None:
            empty.update(Content(self.t("postits.no_workshop")))
        elif not workshop.postits:  # sharing already: waiting, not told to share
            sharing = getattr(self.app, "sharing", None) is not None
            empty.update(Content(self.t("postits.none_sharing" if sharing else "postits.none")))
        else:
            empty.update(Content(self.t("postits.none_shown")))
        self.query_one("#postits-showing", Static).update(self._showing(workshop, titles, shown))
        self._show_detail()

    def _showing(self, workshop: Workshop | None, titles: dict[str, str], shown: int) -> Content:
        """``Showing new (f) · from Brainstorm 2 (F) · 3 of 10 · 1 marked``, the keys as keys."""
        count = len(workshop.postits) if workshop is not None else 0
        parts = [Content(self.t("postits.showing", filter=self.filter.state_text(self.lang))),
                 Content(" (") + Content.styled("f", KEY_STYLE) + Content(") · "),
                 Content(self.filter.activity_text(self.lang, titles)),
                 Content(" (") + Content.styled("F", KEY_STYLE) + Content(") · "),
                 Content(self.t("postits.shown_of", shown=shown, count=count))]
        if self.marked:
            parts.append(Content(" · " + self.t("postits.marked", marked=len(self.marked))))
        return Content("").join(parts)

    @on(DataTable.RowHighlighted, "#postits")
    def _show_detail(self) -> None:
        postit = self.current()
        self.query_one("#postit-detail", Static).update(Content(postit.text if postit is not None else ""))
        label = "postits.show_again" if postit is not None and postit.state == "hidden" else "postits.hide"
        if label != self._hide_label:  # h says what it does to the highlighted post-it
            self._hide_label = label
            relabel(self, "hide", label)  # a text key: the footer says it in the language of the day

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
                self._follow(workshop, {c.key: c.index for c in added})
            else:
                self.fill()
            return
        self._follow(workshop, dict.fromkeys(keys))

    def _follow(self, workshop: Workshop, places: dict[str, int | None]) -> None:
        """Draw again the rows of these post-its (id → place in the list, None: not known):
        changed in place, added, or taken away — looked up by id, the rest of the day not read."""
        table, titles = self.table, self._titles(workshop)
        added = False
        for ident, place in places.items():
            postit = self._postit(ident)
            if postit is None or not self.filter.lets_through(postit, titles):
                table.take_out(ident)
                continue
            if place is None:
                place = table.place_of(ident)
            if place is None:  # shown again (unhidden under "all"): its place is looked for once
                place = next(n for n, p in enumerate(workshop.postits) if p.id == ident)
            added = table.show_one(postit, place, titles, ident in self.marked, self.lang) or added
        if added:
            table.newest_first()
        self._show_counts(workshop, titles)

    # -- helpers -------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        """The id of the highlighted post-it."""
        return self.table.current_id()

    def _postit(self, ident: str) -> PostIt | None:
        """The post-it with this id, through the session's index (None when it is gone)."""
        changes = self.changes
        try:
            found = changes.get(changes.path_of(ident))
        except KeyError:
            return None
        return found if isinstance(found, PostIt) else None

    def current(self) -> PostIt | None:
        """The highlighted post-it."""
        ident = self.current_id()
        return self._postit(ident) if ident is not None else None

    # -- keys (what they do to a post-it: tui/screens/postit_taking) ---------------------------
    @on(DataTable.RowSelected, "#postits")
    def _row_selected(self) -> None:
        self.action_accept()

    def action_next_filter(self) -> None:
        """Show all but hidden, then the new ones, then all with the hidden ones."""
        self.filter.next_state()
        self.fill()

    def action_next_activity(self) -> None:
        """Show the post-its of every activity, then of each activity that has some, in turn."""
        workshop = self.workshop()
        if workshop is not None:
            self.filter.next_activity(workshop)
            self.fill()

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
        self.table.focus()

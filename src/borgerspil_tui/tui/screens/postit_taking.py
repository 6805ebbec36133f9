"""What the post-its screen's keys do to a post-it — take it in (``a``, Enter), edit and take it in
(``e``), mark (space) and merge the marked (``m``), hide or show again (``h``, Delete) — as a mixin
of :class:`~borgerspil_tui.tui.screens.postits.PostItsScreen`: each one step through the session,
built by core/postit_ops, a refusal said in our words."""

from __future__ import annotations

from borgerspil_tui.core import postit_ops
from borgerspil_tui.core.postit_ops import PostItRefused
from borgerspil_tui.tui.widgets.edit_bar import EditBar


class PostItTaking:
    """Mixin for the post-its screen: its editing keys. The screen keeps the table, the filter,
    the marks (``marked``) and the edit bar's message handlers."""

    marked: list[str]

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

    def action_accept(self) -> None:
        """Take the highlighted post-it in as an item of its activity's list."""
        ident = self.current_id()
        if ident is not None and self._do("postit.accepted", lambda b, p, w: postit_ops.accept(b, p, w, ident)):
            self._to_next_waiting(ident)

    def _to_next_waiting(self, done: str) -> None:
        """After ``done`` was taken in, the highlight goes on to the next post-it still waiting (down
        the list, towards the older ones), so a or Enter again takes the next; none: it stays."""
        table = self.table
        row = table.cursor_row
        if 0 <= row < table.row_count and self._row_id(row) == done:
            row += 1  # still shown (the filter shows those taken in): start below it
        for at in range(max(row, 0), table.row_count):
            postit = self._postit(self._row_id(at))
            if postit is not None and postit.state == "new":
                table.move_cursor(row=at)
                return

    def _row_id(self, row: int) -> str:
        return str(self.table.coordinate_to_cell_key((row, 0)).row_key.value)

    def action_mark(self) -> None:
        """Mark or unmark the highlighted post-it for merging, and go to the next row."""
        ident = self.current_id()
        workshop = self.workshop()
        if ident is None or workshop is None:
            return
        if ident in self.marked:
            self.marked.remove(ident)
        else:
            self.marked.append(ident)
        table = self.table
        row = table.cursor_row
        self._follow(workshop, {ident: None})
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
        self.query_one(EditBar).open(self.t("postits.prompt_edit"), f"edit:{postit.id}", postit.text,
                                     select=False)  # the participant's words are edited, not typed over


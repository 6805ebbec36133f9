"""Skab: editing ideas in the matrix — add one after another, edit, source, what inspired them,
choose them, delete them, and turn the chosen ones into a concept."""

from __future__ import annotations

from textual.widgets import DataTable

from borgerspil_tui.core.model.create import Concept, Idea
from borgerspil_tui.tui.screens.picker import PickerScreen
from borgerspil_tui.tui.widgets.edit_bar import EditBar

SOURCES = ("brainstorm", "fishbone", "what-if", "other")
IDEAS = ("create", "ideas")


class IdeaEditing:
    """The idea commands of the matrix screen (a mixin: it uses the screen's ``apply_changes``,
    ``changes``, ``_find`` and bar). Each edit is the changes it makes, nothing more."""

    def action_add_idea(self) -> None:
        """Add ideas as fast as people say them: type, Enter, the next one."""
        self.query_one(EditBar).open(self.t("matrix.prompt_add"), "add")

    def action_edit(self, field: str) -> None:
        """Edit the title or description of the idea under the cursor."""
        idea_id = self.current_id()
        if idea_id is not None:
            idea = self._find(idea_id)
            self.query_one(EditBar).open(self.t(f"matrix.prompt_{field}"), f"{field}:{idea_id}", getattr(idea, field))

    def on_edit_bar_submitted(self, event: EditBar.Submitted) -> None:
        """Text typed in the bar: a new idea, a changed title or description, or the filter."""
        text = event.text.strip()
        if event.purpose == "add":
            if not text:
                self._done()
                return
            idea = Idea.model_construct(title=text)  # not checked here: a refused title is the session's to say
            if self.apply_changes("matrix.add", self.changes.add(IDEAS, idea)):
                table = self.query_one("#ideas", DataTable)
                if idea.id in table.rows:
                    table.move_cursor(row=table.get_row_index(idea.id))
                self.query_one(EditBar).open(self.t("matrix.prompt_add"), "add")
            return
        if event.purpose == "filter":
            self.view.filter_text = text
            self.fill()
            self._done()
            return
        field, idea_id = event.purpose.split(":", 1)
        if text or field == "description":
            self.apply_changes("matrix.edit", self.changes.set((*IDEAS, idea_id, field), text))
        self._done()

    def on_edit_bar_cancelled(self) -> None:
        """Escape in the bar."""
        self._done()

    def _done(self) -> None:
        self.query_one(EditBar).close()
        self.query_one("#ideas", DataTable).focus()

    def action_cycle_source(self) -> None:
        """Brainstorm → fishbone → what-if → other."""
        idea = self._find(self.current_id())
        if idea is None:
            return
        source = SOURCES[(SOURCES.index(idea.source) + 1) % len(SOURCES)]
        if self.apply_changes("matrix.source", self.changes.set((*IDEAS, idea.id, "source"), source)):
            self.notify(self.t("matrix.source_now", source=self.t(f"matrix.source_{source}")), timeout=2)

    def action_inspired_by(self) -> None:
        """Link the idea to the observations, insights and what-if questions behind it."""
        idea_id = self.current_id()
        if idea_id is None:
            return
        project = self.session.project
        options = [(w.id, f"? {w.question}") for w in project.create.what_ifs]
        options += [(i.id, f"{'★' if i.eye_opener else '•'} {i.statement}") for i in project.experience.insights]
        options += [(o.id, f"👁 {o.what}") for o in project.experience.observations]
        current = set(self._find(idea_id).inspired_by)

        def chosen(ids: list[str] | None) -> None:
            if ids is not None:
                self.apply_changes("matrix.inspired", self.changes.set((*IDEAS, idea_id, "inspired_by"), ids))

        self.app.push_screen(PickerScreen(self.t("matrix.inspired"), options, current, lang=self.lang), chosen)

    def action_toggle_chosen(self) -> None:
        """Choose the idea under the cursor for a concept (or not)."""
        idea = self._find(self.current_id())
        if idea is not None:
            self.apply_changes("matrix.choose", self.changes.set((*IDEAS, idea.id, "chosen"), not idea.chosen))

    def action_delete_idea(self) -> None:
        """Delete the idea under the cursor, and the links and votes to it (Ctrl+Z brings it all back)."""
        idea = self._find(self.current_id())
        if idea is None:
            return
        title = idea.title
        if self.apply_changes("matrix.delete", self.changes.remove((*IDEAS, idea.id))):
            self.notify(self.t("matrix.deleted", title=title), timeout=4, markup=False)

    def action_make_concept(self) -> None:
        """Turn the chosen ideas into a new concept and clear the marks (one undo step), then open
        the concept's card."""
        chosen = [i for i in self.session.project.create.ideas if i.chosen]
        if not chosen:
            self.notify(self.t("matrix.none_chosen"), severity="warning", timeout=4)
            return
        title = chosen[0].title if len(chosen) == 1 else self.t(
            "matrix.new_concept", n=len(self.session.project.create.concepts) + 1)
        concept = Concept(title=title, ideas=[i.id for i in chosen])
        changes = self.changes
        made = [*changes.add(("create", "concepts"), concept),
                *(change for idea in chosen for change in changes.set((*IDEAS, idea.id, "chosen"), False))]
        if self.apply_changes("matrix.concept", made):
            self.notify(self.t("matrix.concept_made", n=len(chosen)), timeout=5)
            self.bapp.current_concept = concept.id
            self.bapp.action_goto("concept-card")

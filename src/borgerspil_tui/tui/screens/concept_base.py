"""What the concept card and the SUCCES check share: which concept is on screen, and editing it."""

from __future__ import annotations

from collections.abc import Callable

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept
from borgerspil_tui.tui.screens.base import BaseScreen


class ConceptScreen(BaseScreen):
    """A screen about one concept; the app remembers which (``current_concept``)."""

    def concept(self, project: Project | None = None) -> Concept | None:
        """The concept on screen: the remembered one, else the first."""
        concepts = (project or self.session.project).create.concepts
        current = getattr(self.bapp, "current_concept", None)
        found = next((c for c in concepts if c.id == current), None)
        return found or (concepts[0] if concepts else None)

    def edit_concept(self, label: str, change: Callable[[Concept], None], *, merge_key: str | None = None) -> bool:
        """Change the concept on screen through the session (one undo step)."""
        concept = self.concept()
        if concept is None:
            return False
        concept_id = concept.id

        def apply(project: Project) -> None:
            change(next(c for c in project.create.concepts if c.id == concept_id))

        return self.change_project(label, apply, merge_key=merge_key)

    def draft_key(self) -> str:
        concept = self.concept()
        return f"{self.NAME}:{concept.id}" if concept else self.NAME

    def fill(self) -> None:
        """Draw the concept."""

    def action_other_concept(self, delta: int) -> None:
        """Show the previous or next concept."""
        concepts = self.session.project.create.concepts
        concept = self.concept()
        if concept is None or len(concepts) < 2:
            return
        index = next(i for i, c in enumerate(concepts) if c.id == concept.id)
        self.bapp.current_concept = concepts[(index + delta) % len(concepts)].id
        self.fill()

    def project_changed(self) -> None:
        super().project_changed()
        self.fill()

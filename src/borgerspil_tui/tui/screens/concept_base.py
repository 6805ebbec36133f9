"""What the concept card and the SUCCES check share: which concept is on screen, and editing it."""

from __future__ import annotations

from collections.abc import Iterable

from borgerspil_tui.core.changes import Change, Path
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.model.create import Concept
from borgerspil_tui.tui.screens.base import BaseScreen

CONCEPTS: Path = ("create", "concepts")
"""Where the concepts are."""


class ConceptScreen(BaseScreen):
    """A screen about one concept; the app remembers which (``current_concept``)."""

    def concept(self, project: Project | None = None) -> Concept | None:
        """The concept on screen: the remembered one, else the first."""
        concepts = (project or self.session.project).create.concepts
        current = getattr(self.bapp, "current_concept", None)
        found = next((c for c in concepts if c.id == current), None)
        return found or (concepts[0] if concepts else None)

    def concept_at(self) -> Path | None:
        """The path of the concept on screen (fields are below it: ``(*at, "difference")``)."""
        concept = self.concept()
        return None if concept is None else (*CONCEPTS, concept.id)

    def edit_concept(self, label: str, changes: Iterable[Change], *, merge_key: str | None = None,
                     **values: object) -> bool:
        """Make ``changes`` (paths from :meth:`concept_at`) as one undo step named ``label``."""
        return self.apply_changes(label, changes, merge_key=merge_key, **values)

    def set_fields(self, label: str, *inside: str, merge_key: str | None = None, **fields: object) -> bool:
        """Set fields of the concept on screen (or of what is at ``inside`` it: ``"tests", test_id``)."""
        at = self.concept_at()
        if at is None:
            return False
        return self.edit_concept(label, self.changes.set_fields((*at, *inside), **fields), merge_key=merge_key)

    def touched_in_concept(self) -> set[Path] | None:
        """What the edit being shown changed in the concept on screen, as paths inside it
        (``("tests", "test-x", "learned")``); None when the screen should draw it all again (another
        concept, concepts added or removed, anything outside the concept, or see :meth:`latest_change`)."""
        change, at = self.latest_change(), self.concept_at()
        if change is None or at is None:
            return None
        inside: set[Path] = set()
        depth = len(at)
        for path in change.paths():
            if path[:depth] == at and len(path) > depth:
                inside.add(path[depth:])
            elif path[:2] != CONCEPTS or len(path) <= depth:
                return None  # outside the concepts (names shown on the card), or the list of concepts
        return inside

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

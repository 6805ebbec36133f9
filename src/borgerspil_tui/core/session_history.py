"""The undo history of a session: Ctrl+Z and Ctrl+Y step back and forth through the edits, each
kept as what it changed (never a copy of the project). Part of
:class:`~borgerspil_tui.core.session.Session`, which holds the history and makes the changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from borgerspil_tui.core.changes import ChangeSet
from borgerspil_tui.core.i18n import Label

if TYPE_CHECKING:
    from borgerspil_tui.core.change_apply import ProjectEditor
    from borgerspil_tui.core.item_index import ItemIndex
    from borgerspil_tui.core.outside_edits import OutsideEdits


class DiskStep(ChangeSet):
    """An undoable step that took in what came from disk (a reload, a merge of a colleague's
    edits): undoing it would put the project as it was before the pull back, and autosave would
    write that over the colleague's work, so :meth:`Session.undo` asks to be told (``force``)."""


class UndoNeedsConfirmation(Exception):
    """The next undo would take out what came from disk (a :class:`DiskStep`); the user must say so."""

    def __init__(self, label: Label) -> None:
        self.label = label
        super().__init__(f"undoing {label!r} takes out what came from disk: undo(force=True)")


class SessionHistory:
    """Undo and redo of :class:`~borgerspil_tui.core.session.Session` (its state lives there): a
    step is undone by its inverse, refused when it would take what a phone added
    (core/outside_edits), and asked first when it took in what came from disk."""

    _undo: list[ChangeSet]
    _redo: list[ChangeSet]
    _outside: OutsideEdits
    _editor: ProjectEditor
    index: ItemIndex

    if TYPE_CHECKING:  # the session's own
        def _make(self, step: ChangeSet, *, check: bool) -> None: ...

        def _touch(self, change: ChangeSet | None) -> None: ...

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to redo."""
        return bool(self._redo)

    @property
    def undo_takes_from_disk(self) -> bool:
        """Whether the next undo would take out what came from disk (ask before: :meth:`undo`)."""
        return bool(self._undo) and isinstance(self._undo[-1], DiskStep)

    def undo(self, *, force: bool = False) -> Label | None:
        """Undo the last edit; return its label, or None when there is nothing to undo.

        A step that took in what came from disk (:class:`DiskStep`) is undone only with ``force``
        (the user said so): else :class:`UndoNeedsConfirmation` is raised and nothing changes."""
        if not self._undo:
            return None
        if isinstance(self._undo[-1], DiskStep) and not force:
            raise UndoNeedsConfirmation(self._undo[-1].label)
        step = self._undo[-1]
        inverse = step.inverted()
        self._outside.refuse(step.label, inverse, self._editor, self.index)
        self._make(inverse, check=False)
        self._undo.pop()
        self._redo.append(step)
        self._touch(inverse)
        return step.label

    def redo(self) -> Label | None:
        """Redo the last undone edit; return its label, or None."""
        if not self._redo:
            return None
        step = self._redo[-1]
        self._outside.refuse(step.label, step, self._editor, self.index)
        self._make(step, check=False)
        self._redo.pop()
        self._undo.append(step)
        self._touch(step)
        return step.label

    def undo_steps(self) -> list[ChangeSet]:
        """The edits that can be undone, oldest first (for tests and a future history view)."""
        return list(self._undo)

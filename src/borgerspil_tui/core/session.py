"""The editing session: the one way the app changes a project.

It holds the project, where it lives, the fingerprint of the bytes it came from, and the undo
history (undo and redo: core/session_history). Every edit is checked (fields and links) and can
be undone. Saving never overwrites a file that changed on disk without being told to. No Textual
here: the app schedules autosave.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from borgerspil_tui.core.change_apply import ChangeFailed, ProjectEditor
from borgerspil_tui.core.change_diff import diff
from borgerspil_tui.core.changes import MISSING, AddItem, Change, ChangeSet, MoveItem, RemoveItem, SetValue, merged
from borgerspil_tui.core.edits import EditBuilder
from borgerspil_tui.core.i18n import Label
from borgerspil_tui.core.item_index import IndexProblem, ItemIndex, check_dots, check_milestones

from borgerspil_tui.core.disk import remove_stale_temps, write_refusal
from borgerspil_tui.core.gc_pause import gc_paused
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.outside_edits import OutsideEdits
from borgerspil_tui.core.problems import FileProblemError, Problem
from borgerspil_tui.core.edit_refused import EditRefused, refusal_of, refused_change
from borgerspil_tui.core.save_job import SaveJob
from borgerspil_tui.core.session_history import DiskStep, SessionHistory, UndoNeedsConfirmation
from borgerspil_tui.core.session_saving import SaveState, SessionSaving
from borgerspil_tui.core.storage import (
    Loaded,
    SaveError,
    keep_project,
    load_project,
)

__all__ = ["DiskStep", "EditRefused", "SaveJob", "SaveState", "Session", "UNDO_LIMIT", "UndoNeedsConfirmation"]

UNDO_LIMIT = 300
"""How many edits can be undone."""


class Session(SessionHistory, SessionSaving):
    """A project open for editing, with undo/redo and safe saving.

    Every edit is a :class:`ChangeSet` (core/changes): it is applied in place, checked where it
    changed (the values it set, the links it made or broke), and kept as itself for undo: the
    undo history holds what changed, never a copy of the project.
    """

    def __init__(self, loaded: Loaded) -> None:
        self._editor = ProjectEditor(loaded.project)
        self.index = ItemIndex(loaded.project)
        """Every item with an id: its kind and where it is (kept up to date by each change)."""
        self.path: Path = loaded.path
        self.fingerprint: str | None = loaded.fingerprint
        self.state = SaveState.SAVED
        self.last_error: str = ""
        self.last_failure: SaveError | None = None
        """Why the last save failed (``last_error`` in English; :meth:`error_text` in any language)."""
        self.base_bytes: bytes | None = loaded.raw
        """The file as it was when last loaded or saved: the base when what is on disk now is merged
        with the edits in memory (core/disk_sync)."""
        self.held: SaveError | None = None
        """Why the file must not be written at all (a git merge in progress, core/disk_sync): every
        save is refused; *save as* elsewhere lifts it."""
        self.repaired: list = []
        """Links to missing items removed when the file was opened (core/dangling.DanglingLink)."""
        self.read_only: SaveError | None = None
        """Why the file may not be written when it was opened (a read-only file or folder), or None:
        edits stay in memory, nothing is saved automatically, and *save as* keeps them."""
        self.rescued: tuple[int, Path] | None = None
        """The revision last written to a rescue copy, and where (one exit writes one copy)."""
        self.revision = 0
        """Goes up with every change to the project (edit, undo, redo, reload)."""
        self.last_change: ChangeSet | None = None
        """What the latest change did (an undo: the changes that undid it); None when the whole
        project may be different (a reload) or only the save state changed (see :attr:`last_event`)."""
        self.last_event: str = "state"
        """What listeners were last told about: ``"edit"`` (see :attr:`last_change`), ``"whole"``
        (anything may have changed) or ``"state"`` (only the save state)."""
        self._saved_revision = 0
        self._undo: list[ChangeSet] = []
        self._outside = OutsideEdits()
        """Items added outside the undo history (phones' post-its): undo and redo never take them."""
        self._redo: list[ChangeSet] = []
        self._listeners: list[Callable[[], None]] = []
        self._saving: SaveJob | None = None
        self._write_lock = threading.Lock()

    @property
    def project(self) -> Project:
        """The project as it is now (read it; change it only through :meth:`apply`)."""
        return self._editor.project

    @property
    def changes(self) -> EditBuilder:
        """Builds the changes for an edit: ``session.apply(label, session.changes.set(path, value))``."""
        return EditBuilder(self._editor, self.index)

    @classmethod
    def open(cls, path: Path) -> Session:
        """Load a project file into a new session (raises FileProblemError).

        Temp files an interrupted save of this file left behind are removed, and a file the
        user may not write is opened read-only (:attr:`read_only`).
        """
        try:
            loaded = load_project(path, kept=True)
        except FileProblemError as error:
            from borgerspil_tui.core.dangling import load_repaired  # links to deleted items only

            loaded, repaired = load_repaired(path, error)
            session = cls(loaded)
            session.repaired, session._saved_revision, session.state = repaired, -1, SaveState.UNSAVED
        else:
            session = cls(loaded)
            session._to_keep = None if loaded.from_cache else loaded.fingerprint
        remove_stale_temps(path)
        session.read_only = write_refusal(path)
        return session

    _to_keep: str | None = None
    """The fingerprint of the bytes the project was parsed from, until :meth:`keep` has run."""

    def keep(self) -> None:
        """Put the project in the cache of validated files (core/cache) when it was parsed from its
        file and is still unedited, so the next start from the same bytes is quick. The app calls
        it once it is idle after the first frame (pickling a large project takes a while)."""
        key, self._to_keep = self._to_keep, None
        if key is not None and self.revision == 0:
            keep_project(self.path, key, self.project)

    # -- listening -------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change to the project or its save state."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[], None]) -> None:
        """Stop calling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _changed(self, event: str = "state", change: ChangeSet | None = None) -> None:
        self.last_event, self.last_change = event, change
        for listener in list(self._listeners):
            listener()

    # -- editing ---------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """Whether there are changes that are not on disk."""
        return self.revision != self._saved_revision

    def apply(self, label: Label, changes: Iterable[Change], *, merge_key: str | None = None,
              undoable: bool = True) -> ChangeSet | None:
        """Make ``changes`` (built with :attr:`changes`) as one undoable step named ``label``.

        They are checked where they change the project; if one is refused, those already made
        are undone and :class:`EditRefused` says why. Changes that change nothing record nothing.
        Consecutive edits with the same ``merge_key`` that set the same fields (typing in one
        field) are one undo step. Returns the step made, or None.

        With ``undoable=False`` (what arrives from the room's phones) the edit is made, checked
        and saved like any other but is no step of the keyboard's undo history: Ctrl+Z undoes the
        facilitator's own last step, not a participant's post-it, and the redo history stays. Such
        an edit only adds items that no keyboard step touched, so the steps around it still undo
        and redo by their paths.
        """
        made = tuple(c for c in changes if not (isinstance(c, SetValue) and _same(c.old, c.new)))
        if not made:
            return None
        step = ChangeSet(label, made, merge_key)
        self._make(step, check=True)
        if not undoable:
            self._outside.added(made)
            self._touch(step)
            return step
        last = self._undo[-1] if self._undo else None
        combined = merged(last, step) if last is not None and not self._redo else None
        if combined is not None:
            self._undo[-1] = combined
        else:
            self._undo.append(step)
            del self._undo[:-UNDO_LIMIT]
        self._redo.clear()
        self._touch(step)
        return step

    def edit(self, label: Label, change: Callable[[Project], None], *, merge_key: str | None = None) -> None:
        """Change the project with a function that changes it in place (the slow, general way:
        the whole project is compared and checked). Screens use :meth:`apply`; this is for
        changes that have no builder, and for tests. Raises :class:`EditRefused`."""
        with gc_paused():
            before = self.project
            working = before.model_copy(deep=True)
            try:
                change(working)
                Project.model_validate(working.model_dump())
            except ValidationError as error:
                raise refusal_of(error) from None
            except (ValueError, TypeError, KeyError, StopIteration) as error:
                raise EditRefused(Problem.of("refused.failed", detail=str(error) or type(error).__name__)) from None
            made = diff(before, working)
        self.apply(label, made, merge_key=merge_key)

    def _make(self, step: ChangeSet, *, check: bool) -> None:
        """Apply ``step``'s changes in order, keeping the index up to date; with ``check``, check
        what they changed and put everything back if something is refused."""
        done: list[Change] = []
        try:
            results = []
            for change in step.changes:
                results.append(self._apply_one(change))
                done.append(change)
            if check:
                self._check(step, results)
        except (ChangeFailed, IndexProblem) as error:
            for change in reversed(done):
                self._apply_one(change.inverted())
            raise refused_change(error) from None

    def _apply_one(self, change: Change) -> object:
        result = self._apply_indexed(change)
        self.index.changed(change, self._editor.get)  # the waiting post-its' tally follows
        return result

    def _apply_indexed(self, change: Change) -> object:
        if isinstance(change, RemoveItem):
            removed = self._editor.apply(change)
            self.index.removed(change.at, removed)
            return removed
        if isinstance(change, SetValue) and self.index.links.built:
            try:
                old = self._editor.get(change.path)  # the object whose links the value replaces
            except (KeyError, IndexError, TypeError):
                old = None
            result = self._editor.apply(change)
            self.index.value_set(change.path, self._owner_of(change.path), old, result)
            return result
        result = self._editor.apply(change)
        if isinstance(change, AddItem):
            try:
                self.index.added(change.at, self._editor.get(change.at[:-1]), result)
            except IndexProblem:
                self._editor.apply(change.inverted())
                raise
        elif isinstance(change, MoveItem):
            self.index.moved(change.target, result, self._editor.get(change.target[:-1]), change.source)
        return result

    def _check(self, step: ChangeSet, results: list[object]) -> None:
        left: list[BaseModel] = []
        votes = milestones = False
        for change, result in zip(step.changes, results):
            path = change.path if isinstance(change, SetValue) else (
                change.at if isinstance(change, (AddItem, RemoveItem)) else change.target)
            votes = votes or path[:2] in (("create", "votes"), ("create", "dots_per_person"))
            milestones = milestones or path[:2] == ("insist", "milestones")
            if isinstance(change, RemoveItem) or (isinstance(change, MoveItem) and change.source[:2] != change.target[:2]):
                left.append(result)  # links to what left may break; so may links to what changed kind
            elif isinstance(change, AddItem):
                self.index.check_links(result, None, "", (*change.at, change.key))
            elif isinstance(change, SetValue) and change.new is not MISSING:
                owner = self._owner_of(change.path)
                self.index.check_links(result, owner, change.path[-1], change.path)
        if votes:
            check_dots(self.project)
        if milestones:
            check_milestones(self.project)
        if left:
            self.index.check_linked(self.project, left, self._editor.get)

    def _owner_of(self, path: tuple[str, ...]) -> BaseModel | None:
        parent = self._editor.get(path[:-1])
        return parent if isinstance(parent, BaseModel) else None

    def _touch(self, change: ChangeSet | None) -> None:
        self.revision += 1
        if self.state is SaveState.SAVED:
            self.state = SaveState.UNSAVED
        self._changed("edit" if change is not None else "whole", change)

    def _replace(self, label: Label, project: Project, kind: type[ChangeSet] = ChangeSet) -> None:
        """Put ``project`` in place of this one as one undoable step (the changes between them)."""
        step = kind(label, tuple(diff(self.project, project)))
        self._editor = ProjectEditor(project)
        self.index = ItemIndex(project)
        if step:
            self._undo.append(step)
            del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    def restore(self, label: Label, project: Project) -> None:
        """Put ``project`` (a rescue copy's content) in place of this one, as one undoable edit."""
        self.wait_for_save()
        self._replace(label, project)
        self._touch(None)

    def take_from_disk(self, label: Label, changes: Iterable[Change], fingerprint: str | None, raw: bytes | None,
                       *, matches_disk: bool) -> DiskStep | None:
        """Make ``changes`` (what came from the file on disk, core/disk_sync) as one undoable
        :class:`DiskStep`; the file's ``fingerprint`` and bytes become what this session last
        loaded. ``matches_disk``: the project is now what the file holds (nothing left to save).
        Raises :class:`EditRefused` (and changes nothing) when the changes do not apply."""
        self.wait_for_save()
        made = tuple(c for c in changes if not (isinstance(c, SetValue) and _same(c.old, c.new)))
        step = DiskStep(label, made) if made else None
        if step is not None:
            self._make(step, check=False)
            self._undo.append(step)
            del self._undo[:-UNDO_LIMIT]
            self._redo.clear()
        self.revision += 1  # a new version of the file even when the project is the same (core/comments asks anew)
        self.fingerprint, self.base_bytes = fingerprint, raw
        if matches_disk:
            self._saved_revision = self.revision
        self.state = SaveState.UNSAVED if self.dirty else SaveState.SAVED
        self._changed("edit" if step is not None else "state", step)
        return step

    def reload(self) -> None:
        """Replace the project with what is on disk now (an undoable step that asks: :class:`DiskStep`)."""
        self.wait_for_save()
        loaded = load_project(self.path)
        self._replace("reload", loaded.project, DiskStep)
        self.fingerprint, self.base_bytes = loaded.fingerprint, loaded.raw
        self.revision += 1
        self._saved_revision = self.revision
        self.state = SaveState.SAVED
        self._changed("whole")



def _same(old: Any, new: Any) -> bool:
    """Whether a value set is the value that was there (MISSING only equals MISSING)."""
    if old is MISSING or new is MISSING:
        return old is new
    return bool(old == new)

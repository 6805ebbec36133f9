"""The editing session: the one way the app changes a project.

It holds the project, where it lives, the fingerprint of the bytes it came from, and the undo
history. Every edit is checked (fields and links) and can be undone. Saving never overwrites a
file that changed on disk without being told to. No Textual here: the app schedules autosave.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from borgerspil_tui.core.disk import remove_stale_temps, write_refusal
from borgerspil_tui.core.gc_pause import gc_paused
from borgerspil_tui.core.model import Project
from borgerspil_tui.core.problems import Problem
from borgerspil_tui.core.storage import (
    ExternalChangeError,
    Loaded,
    SaveError,
    file_fingerprint,
    keep_project,
    load_project,
    save_project,
)

UNDO_LIMIT = 300
"""How many edits can be undone."""


class SaveState(Enum):
    """What the status line says about the file."""

    SAVED = "saved"
    UNSAVED = "unsaved"
    FAILED = "failed"
    CONFLICT = "conflict"


class EditRefused(Exception):
    """An edit would have made the project invalid; it was rolled back.

    ``problem`` says why (a keyed message, written in any language by :meth:`text`); ``loc`` is
    where, as pydantic gives it, and ``model`` the item's class when the edit set one field of it.
    """

    def __init__(self, problem: Problem, loc: tuple[str | int, ...] = (), model: str = "") -> None:
        self.problem = problem
        self.loc = loc
        self.model = model
        detail = problem.values.get("detail")  # what failed, for logs and tests; users get text()
        super().__init__(self.text("en") + (f" ({detail})" if detail else ""))

    def text(self, lang: str = "da") -> str:
        """Why, in ``lang``, naming the field as the screens name it: "Titel: højst 500 tegn, …"."""
        from borgerspil_tui.core.i18n import tr
        from borgerspil_tui.core.validation_messages import field_label

        reason = self.problem.text(lang)
        label = field_label(self.loc, lang, self.model)
        return tr(lang, "refused.field", field=label, reason=reason) if label else reason


@dataclass
class _Step:
    label: str
    before: dict[str, Any]
    merge_key: str | None


class Session:
    """A project open for editing, with undo/redo and safe saving."""

    def __init__(self, loaded: Loaded) -> None:
        self.project: Project = loaded.project
        self.path: Path = loaded.path
        self.fingerprint: str | None = loaded.fingerprint
        self.state = SaveState.SAVED
        self.last_error: str = ""
        self.last_failure: SaveError | None = None
        """Why the last save failed (``last_error`` in English; :meth:`error_text` in any language)."""
        self.read_only: SaveError | None = None
        """Why the file may not be written when it was opened (a read-only file or folder), or None:
        edits stay in memory, nothing is saved automatically, and *save as* keeps them."""
        self.rescued: tuple[int, Path] | None = None
        """The revision last written to a rescue copy, and where (one exit writes one copy)."""
        self.revision = 0
        """Goes up with every change to the project (edit, undo, redo, reload)."""
        self._saved_revision = 0
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._listeners: list[Callable[[], None]] = []

    @classmethod
    def open(cls, path: Path) -> Session:
        """Load a project file into a new session (raises FileProblemError).

        Temp files an interrupted save of this file left behind are removed, and a file the
        user may not write is opened read-only (:attr:`read_only`).
        """
        loaded = load_project(path, kept=True)
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

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- editing ---------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """Whether there are changes that are not on disk."""
        return self.revision != self._saved_revision

    def edit(self, label: str, change: Callable[[Project], None], *, merge_key: str | None = None) -> None:
        """Apply ``change`` to the project as one undoable step.

        Consecutive edits with the same ``merge_key`` (typing in one field) are one undo step.
        An edit that leaves the project as it was records nothing and leaves the file saved.
        If the result is invalid, the project is put back and :class:`EditRefused` is raised.
        """
        with gc_paused():  # thousands of short-lived objects; the collector would run mid-edit
            before = self.project.model_dump()
            try:
                change(self.project)
                after = self.project.model_dump()
                Project.model_validate(after)
            except ValidationError as error:
                self.project = Project.model_validate(before)
                raise _refusal(error) from None
            except (ValueError, TypeError, KeyError, StopIteration) as error:
                # A change that fails half-way (a date that is not a date…) leaves nothing behind.
                self.project = Project.model_validate(before)
                raise EditRefused(Problem.of("refused.failed", detail=str(error) or type(error).__name__)) from None
        if after == before:
            return  # nothing changed (a move at the edge…): no undo step, the file stays saved
        last = self._undo[-1] if self._undo else None
        if not (merge_key and last and last.merge_key == merge_key and not self._redo):
            self._undo.append(_Step(label, before, merge_key))
            del self._undo[:-UNDO_LIMIT]
        self._redo.clear()
        self._touch()

    def _touch(self) -> None:
        self.revision += 1
        if self.state is SaveState.SAVED:
            self.state = SaveState.UNSAVED
        self._changed()

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to redo."""
        return bool(self._redo)

    def undo(self) -> str | None:
        """Undo the last edit; return its label, or None when there is nothing to undo."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(_Step(step.label, self.project.model_dump(), None))
        self.project = Project.model_validate(step.before)
        self._touch()
        return step.label

    def redo(self) -> str | None:
        """Redo the last undone edit; return its label, or None."""
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(_Step(step.label, self.project.model_dump(), None))
        self.project = Project.model_validate(step.before)
        self._touch()
        return step.label

    # -- disk ------------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """Whether the file is no longer the bytes this session loaded or last saved."""
        try:
            return file_fingerprint(self.path) != self.fingerprint
        except (OSError, SaveError):
            return True

    def save(self, *, force: bool = False) -> bool:
        """Save now. Returns True on success.

        On a change on disk the state becomes CONFLICT (nothing written; call again with
        ``force`` to keep these edits, or :meth:`reload`); on a failure it becomes FAILED and
        ``last_error`` says why. The project stays in memory either way.
        """
        revision = self.revision
        try:
            self.fingerprint = save_project(self.path, self.project, self.fingerprint, force=force)
        except ExternalChangeError:
            self.state = SaveState.CONFLICT
            self.last_error, self.last_failure = "", None
            self._changed()
            return False
        except SaveError as error:
            self.state = SaveState.FAILED
            self.last_error, self.last_failure = error.reason, error
            self._changed()
            return False
        self._saved_revision = revision
        self.state = SaveState.SAVED
        self.last_error, self.last_failure = "", None
        self._changed()
        return True

    def error_text(self, lang: str) -> str:
        """Why the last save failed, in ``lang`` when it is one of ours or a common system error."""
        return self.last_failure.text(lang) if self.last_failure is not None else self.last_error

    def save_as(self, path: Path) -> bool:
        """Save to a new place (never over an existing file) and continue there."""
        old = self.path, self.fingerprint
        self.path, self.fingerprint = path, None
        if os.path.lexists(path):
            self.path, self.fingerprint = old
            self.last_failure = SaveError.of(path, "save.exists")
            self.state, self.last_error = SaveState.FAILED, self.last_failure.reason
            self._changed()
            return False
        if not self.save():
            self.path, self.fingerprint = old
            return False
        self.read_only = None
        self._changed()
        return True

    def restore(self, label: str, project: Project) -> None:
        """Put ``project`` (a rescue copy's content) in place of this one, as one undoable edit."""
        before = self.project.model_dump()
        self.project = Project.model_validate(project.model_dump())
        self._undo.append(_Step(label, before, None))
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()
        self._touch()

    def reload(self) -> None:
        """Replace the project with what is on disk now (an undoable step)."""
        loaded = load_project(self.path)
        self._undo.append(_Step("reload", self.project.model_dump(), None))
        self._redo.clear()
        self.project = loaded.project
        self.fingerprint = loaded.fingerprint
        self.revision += 1
        self._saved_revision = self.revision
        self.state = SaveState.SAVED
        self._changed()


def _refusal(error: ValidationError) -> EditRefused:
    """The first thing wrong, as our own message (pydantic's English is never shown)."""
    from borgerspil_tui.core.problems import format_field
    from borgerspil_tui.core.validation_messages import first_error

    loc, message = first_error(error)
    return EditRefused(Problem.from_message(message, field=format_field(loc)), loc, error.title)

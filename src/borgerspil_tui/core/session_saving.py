"""Saving a session's project: a snapshot written in any thread, one save at a time, never over
a file that changed on disk unless told to. Part of :class:`~borgerspil_tui.core.session.Session`."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from borgerspil_tui.core.save_job import SaveJob
from borgerspil_tui.core.storage import ExternalChangeError, SaveError, file_fingerprint

if TYPE_CHECKING:
    from borgerspil_tui.core.change_apply import ProjectEditor


class SaveState(Enum):
    """What the status line says about the file."""

    SAVED = "saved"
    UNSAVED = "unsaved"
    FAILED = "failed"
    CONFLICT = "conflict"


class SessionSaving:
    """The saving half of :class:`~borgerspil_tui.core.session.Session` (its state lives there)."""

    path: Path
    fingerprint: str | None
    base_bytes: bytes | None
    held: SaveError | None
    read_only: SaveError | None
    state: SaveState
    last_error: str
    last_failure: SaveError | None
    revision: int
    _saved_revision: int
    _saving: SaveJob | None
    _write_lock: threading.Lock
    _editor: ProjectEditor
    _changed: Callable[..., None]
    dirty: bool
    after_save: tuple[Callable[[int], None], ...] = ()
    """Called with the revision written when a save has finished well (the post-it journal clears it)."""

    # -- disk ------------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """Whether the file is no longer the bytes this session loaded or last saved."""
        try:
            return file_fingerprint(self.path) != self.fingerprint
        except (OSError, SaveError):
            return True

    @property
    def saving(self) -> bool:
        """Whether a save started by :meth:`start_save` has not finished yet."""
        return self._saving is not None

    def start_save(self, *, force: bool = False) -> SaveJob | None:
        """Begin a save: take a snapshot of the project as it is now (no copy: the edits that
        follow copy what they change until :meth:`finish_save`). Run the job's ``run`` in any
        thread, then :meth:`finish_save` here. None while another save is still running."""
        if self._saving is not None:
            return None
        job = SaveJob(self._editor.snapshot(), self.path, self.fingerprint, self.revision, force, self._write_lock,
                      self.held)
        self._saving = job
        return job

    def finish_save(self, job: SaveJob) -> bool:
        """Take in the outcome of ``job`` (see :meth:`save`); True when it was written. A job
        already taken in (by :meth:`save`, which waits for it) changes nothing the second time."""
        if job.taken:
            return job.error is None and job.path == self.path
        job.taken = True
        if job is self._saving:
            self._saving = None
            self._editor.release()
        if job.path != self.path:
            return False  # saved as something else meanwhile: this job's outcome is not ours
        error = job.error
        if isinstance(error, ExternalChangeError):
            self.state = SaveState.CONFLICT
            self.last_error, self.last_failure = "", None
            self._changed()
            return False
        if isinstance(error, SaveError):
            self.state = SaveState.FAILED
            self.last_error, self.last_failure = error.reason, error
            self._changed()
            return False
        self.fingerprint, self.base_bytes = job.fingerprint, job.data
        self._saved_revision = job.revision
        self.state = SaveState.SAVED if not self.dirty else SaveState.UNSAVED
        self.last_error, self.last_failure = "", None
        for hook in self.after_save:
            hook(job.revision)
        self._changed()
        return True

    def save(self, *, force: bool = False) -> bool:
        """Save now, in this thread. Returns True on success.

        On a change on disk the state becomes CONFLICT (nothing written; call again with
        ``force`` to keep these edits, or :meth:`reload`); on a failure it becomes FAILED and
        ``last_error`` says why. The project stays in memory either way. A save running in a
        worker is waited for first (two saves never write at once).
        """
        running = self._saving
        if running is not None:
            running.run()  # runs it here if its worker has not started (never waits for one)
            if self.finish_save(running) and not force and not self.dirty:
                return True  # the running save wrote every edit
        job = self.start_save(force=force)
        assert job is not None
        job.run()
        return self.finish_save(job)

    def wait_for_save(self) -> None:
        """Wait for a save running in a worker and take in its outcome (before the path or the
        whole project changes under it)."""
        running = self._saving
        if running is not None:
            running.run()  # runs it here if its worker has not started (never waits for one)
            self.finish_save(running)

    def error_text(self, lang: str) -> str:
        """Why the last save failed, in ``lang`` when it is one of ours or a common system error."""
        return self.last_failure.text(lang) if self.last_failure is not None else self.last_error

    def save_as(self, path: Path) -> bool:
        """Save to a new place (never over an existing file) and continue there."""
        self.wait_for_save()
        old = self.path, self.fingerprint, self.held
        self.path, self.fingerprint, self.held = path, None, None
        if os.path.lexists(path):
            self.path, self.fingerprint, self.held = old
            self.last_failure = SaveError.of(path, "save.exists")
            self.state, self.last_error = SaveState.FAILED, self.last_failure.reason
            self._changed()
            return False
        if not self.save():
            self.path, self.fingerprint, self.held = old
            return False
        self.read_only = None
        self._changed()
        return True


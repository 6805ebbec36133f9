"""One save of a project snapshot, run in any thread (the session takes its outcome in)."""

from __future__ import annotations

import threading
from pathlib import Path

from borgerspil_tui.core.model import Project
from borgerspil_tui.core.storage import ExternalChangeError, SaveError, write_project


class SaveJob:
    """One save: a snapshot of the project, written by :meth:`run` in any thread.

    ``error`` is None and ``fingerprint`` the new file's when it was written; ``done`` is set
    when it has finished either way. The file is checked and written under one lock, so two
    saves never interleave.
    """

    def __init__(self, project: Project, path: Path, expected: str | None, revision: int, force: bool,
                 lock: threading.Lock, refusal: SaveError | None = None) -> None:
        self.project = project
        self.path = path
        self.expected = expected
        self.revision = revision
        self.force = force
        self.fingerprint: str | None = None
        self.data: bytes | None = None
        """The bytes written (the base of the next merge from disk)."""
        self.refusal = refusal
        """Why this file may not be written at all (the session is read-only): nothing is."""
        self.error: SaveError | ExternalChangeError | None = None
        self.done = threading.Event()
        self.taken = False
        """Whether the session has taken in the outcome (:meth:`Session.finish_save`)."""
        self._lock = lock
        self._claim = threading.Lock()

    def run(self) -> None:
        """Serialise the snapshot, check it, and write it over the file atomically.

        The first caller runs it; any later caller (the worker it was meant for, after a save on
        the UI thread ran it first) waits until it is done. So a save that must happen now
        never waits for a worker that has not started yet."""
        if not self._claim.acquire(blocking=False):
            self.done.wait()
            return
        try:
            if self.refusal is not None:
                raise self.refusal
            with self._lock:
                self.fingerprint, self.data = write_project(self.path, self.project, self.expected, force=self.force)
        except (SaveError, ExternalChangeError) as error:
            self.error = error
        except Exception as error:  # noqa: BLE001 - a worker's failure must reach the session as one
            self.error = SaveError(self.path, str(error) or type(error).__name__)
        finally:
            self.done.set()

"""The app's saves in a worker thread: keys are answered while a large file is written."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from borgerspil_tui.core.session import SaveJob, SaveState, Session

if TYPE_CHECKING:
    from borgerspil_tui.tui.app import BorgerspilApp


AUTOSAVE_WAITS = 4
"""Autosave comes at most this many autosave delays after the first unsaved change."""


class SavingMixin:
    """Methods of :class:`~borgerspil_tui.tui.app.BorgerspilApp` that save without stopping the UI.

    A save takes a snapshot of the project (``Session.start_save``: no copy; the edits made
    meanwhile copy what they change), writes it in a thread (``SaveJob.run``; the text is made
    in small pieces so this thread keeps answering keys, see core/save_pieces) and takes the
    outcome in here, on the UI thread (``Session.finish_save``). One save at a time: one asked
    for while another runs is made once after it, if there is still something to save. Quitting,
    closing the project, *save as*, the stop signals and rescue copies save with
    ``Session.save``, which waits for a running save first.
    """

    def schedule_autosave(self: BorgerspilApp) -> None:
        """Autosave after the delay: each change waits the delay again (typing is saved once, after a
        pause), but never longer than AUTOSAVE_WAITS delays after the first unsaved one — a room
        posting without a pause (a phone's post-it every few milliseconds) must still reach the disk."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        now = time.monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        due = self._unsaved_since + AUTOSAVE_WAITS * self.autosave_delay - now
        wait = max(0.01, min(self.autosave_delay, due))  # never 0: Textual's timer divides by it
        self._autosave_timer = self.set_timer(wait, self._autosave)

    def _autosave(self: BorgerspilApp) -> None:
        """Save now in the background, unless the file is in conflict, read-only or its comments are kept."""
        self._unsaved_since = None
        session = self.session
        if session is None or not session.dirty or session.state is SaveState.CONFLICT:
            return
        if session.read_only is not None:
            return  # kept in memory until the user saves elsewhere (the status line says so)
        if self.comments_kept(session):
            return  # the user chose to leave the file and its comments alone; Ctrl+S asks again
        self.save_in_background(session)  # a worker: keys are answered meanwhile (app_saving)


    _save_queued: bool | None = None
    """A save asked for while one was running: None (none), or whether to say "Saved" after it."""

    def save_in_background(self: BorgerspilApp, session: Session, *, announce: bool = False) -> None:
        """Save ``session`` in a worker thread; ``announce``: say so when it is done (Ctrl+S)."""
        if not self.comments_settled(session, then=lambda: self.save_in_background(session, announce=announce)):
            return  # asked first: the file has comments a save would drop
        if session.saving:
            self._save_queued = bool(self._save_queued) or announce
            return
        job = session.start_save()
        if job is None:  # pragma: no cover - session.saving said no save runs
            return
        self.refresh_status_lines()
        self.run_worker(self._run_save(session, job, announce), group="save", exit_on_error=False)

    async def _run_save(self: BorgerspilApp, session: Session, job: SaveJob, announce: bool) -> None:
        try:
            await asyncio.to_thread(job.run)
        finally:
            if job.done.is_set():
                self.save_done(session, job, announce)

    def save_done(self: BorgerspilApp, session: Session, job: SaveJob, announce: bool) -> None:
        """A save in the worker has finished: take its outcome in, say what went wrong (as a save
        on the UI thread does), and make the save that was asked for meanwhile."""
        if not job.taken:  # else a save that waited for it (quit, close, save as) took it in
            saved = session.finish_save(job)
            if saved:
                if announce:
                    self.notify(self.tr("note.saved"), timeout=2)
            elif job.path == session.path and session is self.session:
                if session.state is SaveState.CONFLICT:
                    self._ask_about_disk()
                else:
                    self.notify(self.tr("note.save_failed", reason=session.error_text(self.language)),
                                severity="error", timeout=10, markup=False)
        queued, self._save_queued = self._save_queued, None
        if (queued is not None and session is self.session and session.dirty and not session.saving
                and session.state is not SaveState.CONFLICT and session.read_only is None):
            self.save_in_background(session, announce=queued)

    def on_unmount(self: BorgerspilApp) -> None:
        """The app ends: a save still running in its thread is waited for and taken in."""
        if self.session is not None:
            self.session.wait_for_save()

    def refresh_status_lines(self: BorgerspilApp) -> None:
        """Show the save state anew on the screens that show it (a save began)."""
        for screen in list(self.screen_listeners):
            if screen.is_mounted:
                screen.refresh_status()

"""The app's part in keeping files safe: signals, read-only files, rescue copies found on open.
A file changed on disk is tui/app_sync's."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.rescue import find_rescues, secure_edits

if TYPE_CHECKING:
    from borgerspil_tui.tui.app import BorgerspilApp

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))
"""The terminal closed (SIGHUP), the user logged out or the system stops the app (SIGTERM), an
interrupt sent with ``kill`` (SIGINT; Ctrl+C is a key in the app)."""


class FilesMixin:
    """Methods of :class:`~borgerspil_tui.tui.app.BorgerspilApp` that keep edits safe on disk."""

    exit_on_signals = False
    """Whether the stop signals save (or rescue) the edits and end the app (``launch`` sets it)."""
    discard_on_exit = False
    """The user chose to quit without saving: nothing is saved or rescued on the way out."""
    stopped_by: int | None = None
    """The signal that ended the app, if one did."""
    _rescues_offered: set[Path] = set()

    # -- signals --------------------------------------------------------------------------------
    def files_started(self: BorgerspilApp) -> None:
        """Once the app runs: listen for the stop signals; say what there is to say about the file."""
        if self.exit_on_signals:
            loop = asyncio.get_running_loop()
            for signum in STOP_SIGNALS:
                try:
                    loop.add_signal_handler(signum, self.stop_on_signal, signum)
                except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover - Windows
                    pass
        if self.session is not None:
            self.after_open()

    def stop_on_signal(self: BorgerspilApp, signum: int) -> None:
        """Save the edits now (or write a rescue copy), then end the app the normal way, which gives
        the terminal back as it was. Typed text that is not confirmed is committed first."""
        if self.stopped_by is not None:
            return
        self.stopped_by = signum
        keep_typed = getattr(self, "keep_typed_text", None)
        if keep_typed is not None:
            try:
                keep_typed()
            except Exception:  # noqa: BLE001 - securing the edits comes first
                pass
        if self.session is not None and not self.discard_on_exit:
            secure_edits(self.session)  # launch tells where a rescue copy went, after the terminal is back
        self.exit(return_code=128 + signum)

    # -- on open: read-only files, rescue copies --------------------------------------------------
    def after_open(self: BorgerspilApp) -> None:
        """A project was opened: say so when it is read-only, and offer its rescue copies."""
        session = self.session
        if session is None:
            return
        if session.project.conflicts:  # a merge left choices to make: those first (before any offer,
            self.action_goto("conflicts")  # which would be on top: a screen is not opened under a dialog)
            self.notify(self.tr("conflicts.opened", n=len(session.project.conflicts)), timeout=10, markup=False)
        self.sync_opened()  # links to deleted items removed, a git merge in progress, git set-up (app_sync)
        if session.read_only is not None:
            self.notify(self.tr("readonly.notice", reason=session.read_only.text(self.language)),
                        title=self.tr("readonly.title"), timeout=15, markup=False)
        self.offer_rescues(session.path)

    def offer_rescues(self: BorgerspilApp, path: Path) -> None:
        """Show the newest rescue copy of ``path`` not offered yet in this session (one at a time)."""
        offered = self._rescues_offered
        waiting = [rescue for rescue in find_rescues(path) if rescue not in offered]
        if not waiting or self.session is None:
            return
        from borgerspil_tui.tui.screens.rescue_found import RescueFoundScreen  # only when there is one (start-up)

        rescue = waiting[0]
        self._rescues_offered = offered | {rescue}

        def chosen(choice: str | None) -> None:
            if choice == "restore":
                self.restore_rescue(rescue)
            elif choice == "delete":
                self.delete_rescue(rescue)
            if choice in ("restore", "delete"):
                self.offer_rescues(path)

        self.push_screen(RescueFoundScreen(rescue, self.session.project, len(waiting) - 1), chosen)

    def restore_rescue(self: BorgerspilApp, rescue: Path) -> None:
        """Put the rescue copy's content in the project as one undoable edit, save, and delete the
        copy once its content is safely in the project file."""
        from borgerspil_tui.core.storage import load_project

        session = self.session
        if session is None:
            return
        try:
            project = load_project(rescue).project
        except FileProblemError as error:
            self.notify(error.problems[0].format(rescue.name, self.language), severity="error", markup=False)
            return
        session.restore(Message("rescue.undo_label"), project)
        if session.read_only is None and session.save():
            try:
                os.unlink(rescue)
            except OSError:
                pass
            self.notify(self.tr("rescue.restored"), timeout=10, markup=False)
        else:
            self.notify(self.tr("rescue.restored_not_saved", path=str(rescue)), severity="warning",
                        timeout=15, markup=False)

    def delete_rescue(self: BorgerspilApp, rescue: Path) -> None:
        """Delete a rescue copy the user has looked at and does not want."""
        try:
            os.unlink(rescue)
        except OSError as error:
            self.notify(self.tr("rescue.delete_failed", reason=error.strerror or str(error)), severity="error",
                        markup=False)
            return
        self.notify(self.tr("rescue.deleted", name=rescue.name), timeout=5, markup=False)

    # -- saving a read-only file ---------------------------------------------------------------------
    def save_read_only(self: BorgerspilApp) -> bool:
        """Ctrl+S on a read-only file: say why it cannot be saved there and offer *save as*.
        Returns whether the session is read-only (and this took care of it)."""
        session = self.session
        if session is None or session.read_only is None:
            return False
        if session.held is not None:  # a git merge in progress: offer to merge it instead (app_sync)
            self.offer_git_merge(session)
            return True
        self.notify(self.tr("readonly.save", reason=session.read_only.text(self.language)), timeout=8,
                    markup=False)
        self.action_save_as()
        return True

"""The app and a file that others change: a file changed on disk is merged with the edits, an undo
of what came from disk asks first, a git merge in progress is never written over and is offered
the semantic merge, and a clone without borgerspil's merge driver is offered the set-up.
The work is core/disk_sync's; this says what happened and asks what only the user can decide."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from borgerspil_tui.core.disk import SaveError
from borgerspil_tui.core.disk_sync import (
    MARKER_KEYS,
    DiskSync,
    came_in_text,
    dangling_text,
    hold_done,
    merge_from_disk,
    merge_state,
    unstuck,
)
from borgerspil_tui.core.session import SaveState, Session
from borgerspil_tui.core.storage import file_fingerprint

if TYPE_CHECKING:
    from borgerspil_tui.tui.app import BorgerspilApp

_GONE = "gone"
"""What :attr:`SyncMixin._disk_told` holds for a file that is not there."""


class SyncMixin:
    """Methods of :class:`~borgerspil_tui.tui.app.BorgerspilApp` for files that others change."""

    _disk_told: str | None = None
    """The fingerprint of a file on disk the user was told could not be taken in: it is looked at
    again when it changes."""
    _git_declined: frozenset[Path] = frozenset()
    """Repositories whose git set-up was offered in this run."""

    # -- the file changed on disk ----------------------------------------------------------------------
    def _check_disk(self: BorgerspilApp) -> None:
        """The watcher's look at the file: take in a change (once per version of the file)."""
        session = self.session
        if session is None or self._asking_about_disk or session.saving:
            return  # our own save is replacing the file: it knows its new fingerprint when it is done
        try:
            now = file_fingerprint(session.path) or _GONE
        except SaveError:
            now = None  # unreadable now: looked at when it is readable
        if now == session.fingerprint and session.state is SaveState.CONFLICT:
            self._disk_told = None
            unstuck(session)  # the file is back as this session knew it
            return
        if now is None or now == session.fingerprint or now == self._disk_told:
            return
        self.take_from_disk()

    def _ask_about_disk(self: BorgerspilApp) -> None:
        """A save found the file changed on disk: take the change in (the merge is then saved)."""
        self.take_from_disk(asked=True)

    def take_from_disk(self: BorgerspilApp, *, asked: bool = False) -> DiskSync | None:
        """Merge the file on disk into the edits (or reload it when there are none) and say what
        happened; ``asked``: the user's own save met the change (a gone file is asked about)."""
        session = self.session
        if session is None:
            return None
        sync = merge_from_disk(session, lang=self.language, save=False)
        self.say_sync(session, sync, asked=asked)
        return sync

    def say_sync(self: BorgerspilApp, session: Session, sync: DiskSync, *, asked: bool = False,
                 save: bool = True) -> None:
        """Tell the user what taking in the file did; save a merge (in the worker, unless ``save``
        is False: the caller saves); open the conflicts."""
        name, lang = session.path.name, self.language
        if sync.outcome == "unchanged":
            return
        if sync.outcome == "gone":
            self._disk_told = _GONE
            if asked:
                self._ask_gone(session)
            else:
                self.notify(self.tr("sync.gone_message", name=name), title=self.tr("sync.gone_title"),
                            severity="warning", timeout=15, markup=False)
            return
        if sync.outcome in ("unreadable", "failed"):
            self._disk_told = sync.fingerprint
            problem = "; ".join(problem.format(None, lang) for problem in sync.problems[:2])
            key = "sync.unreadable_notice" if sync.outcome == "unreadable" else "sync.failed_notice"
            self.notify(self.tr(key, name=name, problem=problem), title=self.tr("sync.title"), severity="warning",
                        timeout=20, markup=False)
            if any(problem.key in MARKER_KEYS for problem in sync.problems) and unmerged(session.path):
                self.offer_git_merge(session)
            return
        self._disk_told = None
        if hold_done(session):  # the git merge was finished outside the app: saving may go on
            self._session_changed()
        what = came_in_text(sync.came_in, lang)
        if sync.outcome == "reloaded":
            self.notify(self.tr("sync.reloaded", what=what), title=self.tr("sync.title"), timeout=10, markup=False)
        else:
            conflicts = sync.merge.conflicts if sync.merge is not None else []
            text = (self.tr("sync.merged_conflicts", what=what, n=len(conflicts)) if conflicts
                    else self.tr("sync.merged", what=what))
            self.notify(text, title=self.tr("sync.title"), timeout=12, markup=False)
        if sync.repaired:
            self.say_repaired(sync.repaired)
        if save and session.dirty and session.read_only is None and session.state is not SaveState.CONFLICT:
            self.save_in_background(session)
        if sync.outcome == "conflicts":
            self.open_conflicts()

    def settle_disk(self: BorgerspilApp, session: Session) -> bool:
        """Before a save that must not wait (quitting): take in a change on disk first. False
        when the file cannot be taken in (the save would be refused; the user was told)."""
        if session.state is SaveState.CONFLICT or session.changed_on_disk():
            sync = merge_from_disk(session, lang=self.language, save=False)
            self.say_sync(session, sync, save=False)  # the caller saves now, on this thread
            return sync.outcome in ("unchanged", "reloaded", "merged", "conflicts")
        return True

    def _ask_gone(self: BorgerspilApp, session: Session) -> None:
        from borgerspil_tui.tui.screens.disk_changed import DiskChangedScreen

        if self._asking_about_disk:
            return
        self._asking_about_disk = True

        def chosen(choice: str | None) -> None:
            self._asking_about_disk = False
            if choice == "rewrite" and session is self.session and not session.path.exists():
                self._save(session, force=True)  # there is nothing on disk to write over
            elif choice == "save_as":
                self.action_save_as()

        self.push_screen(DiskChangedScreen(session.path, self.language), chosen)

    def open_conflicts(self: BorgerspilApp) -> None:
        """Show the Konflikter screen (or say where the conflicts are when it is not there)."""
        try:
            from borgerspil_tui.tui.registry import project_screens

            there = "conflicts" in project_screens()
        except ImportError:
            there = False
        if not there:
            self.notify(self.tr("sync.no_conflict_screen"), timeout=15, markup=False)
            return
        self.call_later(self.action_goto, "conflicts")

    # -- undo of what came from disk -------------------------------------------------------------------
    def undo_from_disk(self: BorgerspilApp) -> bool:
        """The next undo would take out what came from disk: ask first (the default keeps it).
        Returns whether it asked (then the undo is the answer's)."""
        session = self.session
        if session is None or not session.undo_takes_from_disk:
            return False
        from borgerspil_tui.tui.screens.undo_from_disk import UndoFromDiskScreen

        label = session.undo_steps()[-1].label

        def chosen(choice: str | None) -> None:
            if choice == "undo" and session is self.session and session.undo_takes_from_disk:
                session.undo(force=True)
                self.notify(self.tr("note.undone", what=label), timeout=2, markup=False)
            else:
                self.notify(self.tr("sync.undo_kept"), timeout=4, markup=False)

        if not isinstance(self.screen, UndoFromDiskScreen):
            self.push_screen(UndoFromDiskScreen(label, self.language), chosen)
        return True

    # -- on open: repaired links, a git merge in progress, git set-up ----------------------------------
    def sync_opened(self: BorgerspilApp) -> None:
        """A project was opened: say which links to deleted items were removed, hold the file
        when it is in an unfinished git merge (and offer the semantic merge), offer git set-up."""
        from borgerspil_tui.core.disk_sync import merge_held

        session = self.session
        if session is None:
            return
        if session.repaired:
            self.say_repaired(session.repaired)
        self.offer_git_setup(session.path)
        if merge_held(session) is not None:
            self.offer_git_merge(session)

    def say_repaired(self: BorgerspilApp, links: list) -> None:
        """Which links to missing items were removed (by field and id)."""
        self.notify(self.tr("sync.dangling_notice", which=dangling_text(links, self.language)),
                    title=self.tr("sync.dangling_title"), severity="warning", timeout=20, markup=False)

    def offer_git_merge(self: BorgerspilApp, session: Session) -> None:
        """Offer the semantic merge of a file in an unfinished git merge."""
        from borgerspil_tui.tui.screens.merge_offer import MergeOfferScreen

        def chosen(choice: str | None) -> None:
            if choice == "merge" and session is self.session:
                self.merge_git_now(session)

        if not isinstance(self.screen, MergeOfferScreen):
            self.push_screen(MergeOfferScreen(session.path, self.language), chosen)

    def merge_git_now(self: BorgerspilApp, session: Session) -> None:
        """Merge the open file from git's index stages, then take it in (edits made meanwhile too)."""
        from borgerspil_tui.core.disk_sync import merge_git_then_sync

        try:
            sync = merge_git_then_sync(session, lang=self.language, save=False)
        except Exception as error:  # noqa: BLE001 - GitError, FileProblemError, SaveError: said in our words
            self.notify(self.tr("sync.merge_git_failed", problem=failure_text(error, self.language)), severity="error",
                        timeout=20, markup=False)
            return
        self._session_changed()
        self.say_merged_git(session.path, len(session.project.conflicts))
        self.say_sync(session, sync)
        if session.project.conflicts and sync.outcome != "conflicts":
            self.open_conflicts()

    def say_merged_git(self: BorgerspilApp, path: Path, conflicts: int) -> None:
        """The semantic merge of a git merge is written (and resolved in git when clean)."""
        key = "sync.merged_git_conflicts" if conflicts else "sync.merged_git"
        self.notify(self.tr(key, name=path.name, n=conflicts), timeout=15, markup=False)

    def offer_git_setup(self: BorgerspilApp, path: Path) -> None:
        """Offer ``borgerspil git-setup`` once per repository whose clone lacks the merge driver."""
        from borgerspil_tui.core.disk_sync import in_git

        if not in_git(path):
            return
        try:
            from borgerspil_tui.core.git_repo import driver_configured, repo_root

            root = repo_root(path)
            if root is None or root in self._git_declined or str(root) in self.settings.git_offered:
                return
            if driver_configured(root):
                return
        except Exception:  # noqa: BLE001 - without a working git there is nothing to offer
            return
        from borgerspil_tui.tui.screens.git_offer import GitOfferScreen

        self._git_declined = self._git_declined | {root}
        self.settings.git_offered = [*self.settings.git_offered, str(root)]
        self._remember()

        def chosen(choice: str | None) -> None:
            if choice == "setup":
                self.setup_git_now(root)

        self.push_screen(GitOfferScreen(path, root, self.language), chosen)

    def setup_git_now(self: BorgerspilApp, root: Path) -> None:
        """Run the git set-up and say what it changed."""
        from borgerspil_tui.core.git_repo import setup_git

        try:
            done = setup_git(root)
        except Exception as error:  # noqa: BLE001 - GitError (ours) or the system's reason
            self.notify(self.tr("sync.git_failed", reason=failure_text(error, self.language)), severity="error",
                        timeout=15, markup=False)
            return
        steps = "; ".join(step.message.text(self.language) if hasattr(step, "message") else str(step)
                          for step in done)
        self.notify(self.tr("sync.git_done", what=steps) if done else self.tr("sync.git_was_done"), timeout=12,
                    markup=False)


def failure_text(error: Exception, lang: str) -> str:
    """Why something failed, in ``lang`` when it is ours."""
    problems = getattr(error, "problems", None)
    if problems:
        return "; ".join(problem.format(getattr(error, "path", None), lang) for problem in problems[:2])
    text = getattr(error, "text", None)
    if callable(text):
        return str(text(lang))
    return str(error) or type(error).__name__


def unmerged(path: Path) -> bool:
    """Whether git holds ``path`` unmerged (it has the versions a semantic merge needs)."""
    found = merge_state(path)
    return found is not None and found.unmerged

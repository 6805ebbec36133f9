"""The journal of phones' post-its not saved yet (:mod:`borgerspil_tui.core.postit_journal`), as
methods of the app beside :class:`~borgerspil_tui.tui.app_share.ShareMixin`: each post-it a phone
sends is written to the journal before the phone is answered, a finished save clears what it
wrote, and opening the project (the app's start, or another project opened) takes back what a
crash left unsaved, with one notice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from borgerspil_tui.core.postit_journal import PostitJournal, replay
from borgerspil_tui.core.room_store import resolved

if TYPE_CHECKING:
    from borgerspil_tui.core.model.workshop import PostIt
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.tui.app import BorgerspilApp


class ShareJournalMixin:
    """Keeping phones' post-its in the journal until they are saved, on the app."""

    _journal: PostitJournal | None = None
    _journal_waiting: Session | None = None
    """The session opened before the app was mounted: taken back from its journal in on_mount."""
    _journal_mounted: bool = False
    _journal_failed: bool = False

    def journal_attach(self: BorgerspilApp, session: Session) -> None:
        """``session`` is the open project now: its journal keeps phones' post-its until saved, and
        what it holds from before (a crash) comes back (once the app is up)."""
        self._new_journal(session)
        if self._journal_mounted:
            self._journal_replay(session)
        else:
            self._journal_waiting = session

    def _new_journal(self: BorgerspilApp, session: Session) -> PostitJournal:
        """A journal for ``session``'s file in place of the one before (closed, and no longer told
        of this session's saves)."""
        old = self._journal
        if old is not None:
            old.close()
        journal = self._journal = PostitJournal(session.path)
        session.after_save = (*(hook for hook in session.after_save if old is None or hook != old.saved),
                              journal.saved)
        return journal

    def on_mount(self: BorgerspilApp) -> None:
        """Textual calls this after the app's own ``on_mount``."""
        self._journal_mounted = True
        session, self._journal_waiting = self._journal_waiting, None
        if session is not None and session is self.session:
            self._journal_replay(session)

    def _journal_replay(self: BorgerspilApp, session: Session) -> None:
        journal = self._journal
        if journal is None or session.read_only is not None:
            return  # a file that cannot be saved keeps its journal for when it can
        count = replay(session, journal, self.tr("journal.label"))
        if count:
            self.notify(self.tr("journal.replayed", count=count), timeout=10, markup=False)

    def _postit_arrived(self: BorgerspilApp, postit: PostIt) -> None:
        """A phone's post-it was kept in the session: into the journal before the phone is answered
        (then said as sharing says it)."""
        self._journal_keep(postit)
        super()._postit_arrived(postit)  # type: ignore[misc]

    def _journal_keep(self: BorgerspilApp, postit: PostIt) -> None:
        session, journal, host = self.session, self._journal, self.room_host()
        if session is None or journal is None or host is None:
            return
        if journal.project != resolved(session.path):  # saved as another file: its own journal
            journal = self._new_journal(session)
        try:
            workshop = session.changes.path_of(postit.id)[1]
        except (KeyError, IndexError):
            return
        ident = next((p.ident for p in host.room.participants.values() if p.posts and p.posts[-1] == postit.id), "")
        journal.most = host.room.limits.most_postits
        kept = journal.append(str(workshop), postit, ident, session.revision)
        if not kept and not self._journal_failed:
            self.notify(self.tr("journal.failed"), severity="warning", timeout=10, markup=False)
        self._journal_failed = not kept

    def on_unmount(self: BorgerspilApp) -> None:
        """The app ends: the journal's thread stops (its lines stay on disk until a save clears them)."""
        if self._journal is not None:
            self._journal.close()

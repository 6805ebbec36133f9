"""The app's part in not dropping hand-written comments: it asks once, before the first save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from borgerspil_tui.core.comments import Comment, find_comments
from borgerspil_tui.core.problems import FileProblemError

if TYPE_CHECKING:
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.tui.app import BorgerspilApp

CLEAN, DROP, KEPT = "clean", "drop", "kept"
"""What is known about a version of a file (by fingerprint): it has no comments; the user said to
save without them; the user chose to leave the file and its comments alone for now."""


class CommentsMixin:
    """Methods of :class:`~borgerspil_tui.tui.app.BorgerspilApp` that keep comments from being lost
    silently. The answer is remembered for the version of the file it was given for; a version
    this session wrote itself has no comments (the writer puts none in)."""

    _comment_answers: dict[str, str] | None = None
    _comment_seen: dict[Session, tuple[str | None, int]] | None = None
    _asking_about_comments = False

    def comments_kept(self: BorgerspilApp, session: Session) -> bool:
        """Whether the user chose to leave this file and its comments alone (autosave waits)."""
        return session.fingerprint is not None and self._comments_answers().get(session.fingerprint) == KEPT

    def comments_settled(self: BorgerspilApp, session: Session, *, then: Callable[[], object] | None = None,
                         quitting: bool = False) -> bool:
        """Before writing the session's file: whether that drops no comment the user has not agreed
        to drop. If it would, ask (a dialog) and return False: nothing is written now; ``then`` runs
        when the user chooses to save without the comments."""
        key = session.fingerprint
        if key is None:
            return True  # a new file
        self._watch_own_saves(session)
        answers = self._comments_answers()
        if answers.get(key) in (CLEAN, DROP):
            return True
        comments = self._comments_on_disk(session)
        if comments is None:
            return True  # the file changed on disk: the save finds that and asks about it first
        if not comments:
            answers[key] = CLEAN
            return True
        self._ask_about_comments(session, key, comments, then, quitting)
        return False

    def comments_at_risk(self: BorgerspilApp, session: Session) -> bool:
        """Whether saving now would drop comments the user has not agreed to drop (no dialog)."""
        key = session.fingerprint
        if key is None or self._comments_answers().get(key) in (CLEAN, DROP):
            return False
        return bool(self._comments_on_disk(session))

    def stop_on_signal(self: BorgerspilApp, signum: int) -> None:
        """The terminal closed or the app is stopped: nobody can be asked, so when a save would drop
        the file's comments, the edits go to a rescue copy and the file stays as it is (the app
        offers the copy when the file is opened again)."""
        from borgerspil_tui.core.rescue import write_rescue

        session = self.session
        if self.stopped_by is None and session is not None and session.dirty and not self.discard_on_exit:
            keep_typed = getattr(self, "keep_typed_text", None)
            if keep_typed is not None:
                try:
                    keep_typed()  # as the files' handler does first, so the copy has the typed text too
                except Exception:  # noqa: BLE001 - securing the edits comes first
                    pass
            if self.comments_at_risk(session):
                try:
                    session.rescued = (session.revision, write_rescue(session.path, session.project))
                except OSError:
                    pass  # then the edits are saved over the comments: losing edits would be worse
        super().stop_on_signal(signum)  # type: ignore[misc]

    def restore_rescue(self: BorgerspilApp, rescue: Path) -> None:
        """Restoring a rescue copy saves the file: ask about its comments first."""
        session = self.session
        restore = super().restore_rescue  # type: ignore[misc]
        if session is not None and not self.comments_settled(session, then=lambda: restore(rescue)):
            return
        restore(rescue)

    def _comments_answers(self: BorgerspilApp) -> dict[str, str]:
        if self._comment_answers is None:
            self._comment_answers = {}
        return self._comment_answers

    def _comments_on_disk(self: BorgerspilApp, session: Session) -> list[Comment] | None:
        """The comments in the file, or None when it no longer is the version the session holds."""
        from borgerspil_tui.core.located import decode, read_bytes
        from borgerspil_tui.core.storage import fingerprint

        try:
            data = read_bytes(session.path)
            if fingerprint(data) != session.fingerprint:
                return None
            return find_comments(decode(data, session.path))
        except FileProblemError:
            return None

    def _watch_own_saves(self: BorgerspilApp, session: Session) -> None:
        """Mark each version this session writes as having no comments, so later saves do not
        read the file again. A save changes the fingerprint and not the revision; a reload (the
        file as someone else left it) changes both and is checked again."""
        if self._comment_seen is None:
            self._comment_seen = {}
        seen = self._comment_seen
        if session in seen:
            return
        seen[session] = (session.fingerprint, session.revision)

        def changed() -> None:
            before, revision = seen[session]
            answers = self._comments_answers()
            if session.fingerprint != before and session.revision == revision and answers.get(before) in (CLEAN, DROP):
                if session.fingerprint is not None:
                    answers[session.fingerprint] = CLEAN
            seen[session] = (session.fingerprint, session.revision)

        session.subscribe(changed)

    def _ask_about_comments(self: BorgerspilApp, session: Session, key: str, comments: list[Comment],
                            then: Callable[[], object] | None, quitting: bool) -> None:
        from borgerspil_tui.tui.screens.comments_found import CommentsFoundScreen

        if self._asking_about_comments:
            return
        self._asking_about_comments = True

        def chosen(choice: str | None) -> None:
            self._asking_about_comments = False
            answers = self._comments_answers()
            if choice == "drop":
                answers[key] = DROP
                if then is not None:
                    then()
                return
            answers[key] = KEPT
            if choice == "copy":
                self.action_save_as()
            elif choice == "quit":
                self.discard_on_exit = True
                self.exit()
            else:
                self.notify(self.tr("comments.kept", name=session.path.name), timeout=10, markup=False)

        self.push_screen(CommentsFoundScreen(session.path, comments, self.language, quitting=quitting), chosen)

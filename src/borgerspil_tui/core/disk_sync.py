"""The file changed on disk (a ``git pull``, a colleague on a shared drive, a second window):
take it in without losing anyone's work.

With no edits in memory the project is reloaded; with edits, what is on disk is merged into them
by the same engine git's merge driver uses (core/merge): base = the file as this session last
loaded or saved it, ours = the project in memory, theirs = the file now. Either way what came in
is ONE undoable step that asks before it is undone (``session.DiskStep``), and a merge is saved
at once. A file that does not load is never written over: the edits stay in memory and the file
is looked at again when it changes. A git merge in progress (core/git_repo) holds every save
until the user merges it semantically. No Textual here.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from borgerspil_tui.core.change_diff import diff
from borgerspil_tui.core.changes import AddItem, Change, RemoveItem
from borgerspil_tui.core.dangling import DanglingLink, project_from_bytes
from borgerspil_tui.core.disk import SaveError, write_refusal
from borgerspil_tui.core.edit_refused import EditRefused
from borgerspil_tui.core.i18n import Message, tr
from borgerspil_tui.core.located import read_bytes
from borgerspil_tui.core.problems import FileProblemError, Problem
from borgerspil_tui.core.session import SaveState
from borgerspil_tui.core.storage import fingerprint

if TYPE_CHECKING:
    from borgerspil_tui.core.git_repo import MergeInProgress
    from borgerspil_tui.core.merge import MergeResult
    from borgerspil_tui.core.model import Project
    from borgerspil_tui.core.session import Session

MARKER_KEYS = ("git.markers", "parse.conflict")
"""The keys of the problem a file with git's conflict markers is refused with."""

Outcome = Literal["unchanged", "reloaded", "merged", "conflicts", "unreadable", "gone", "failed"]


@dataclass
class DiskSync:
    """What taking in the file on disk did.

    ``reloaded``: there were no edits, the project is the file now; ``merged``: the file's
    changes and the edits are combined (and saved when ``saved``); ``conflicts``: merged, with
    conflicts recorded in the project (open the Konflikter screen); ``unreadable``: the file does
    not load (``problems``), ``gone``: there is no file, ``failed``: the merge could not be made
    (``problems``); in these three nothing changed and nothing was written.
    """

    outcome: Outcome
    fingerprint: str | None = None
    """The fingerprint of the file that was looked at."""
    came_in: list[Change] = field(default_factory=list)
    """What the other side changed since the base (the changes the file brought)."""
    merge: MergeResult | None = None
    problems: list[Problem] = field(default_factory=list)
    repaired: list[DanglingLink] = field(default_factory=list)
    """Links to missing items removed from the file that came in (core/dangling)."""
    saved: bool = False


def merge_from_disk(session: Session, *, lang: str | None = None, save: bool = True) -> DiskSync:
    """Take in the file on disk (see the module's docstring). ``save``: write a merge at once
    (the app saves in its worker instead). Never raises for what is on disk."""
    lang = lang or session.project.language
    session.wait_for_save()
    path = session.path
    try:
        raw = read_bytes(path)
    except FileProblemError as error:
        return _stuck(session, "gone" if not path.exists() else "unreadable", None, error.problems)
    now = fingerprint(raw)
    if now == session.fingerprint:
        return DiskSync("unchanged", now)
    try:
        theirs, repaired = project_from_bytes(raw, path)
    except FileProblemError as error:
        return _stuck(session, "unreadable", now, error.problems)
    if not session.dirty:
        changes = diff(session.project, theirs)
        try:
            session.take_from_disk(Message("sync.step_reloaded"), changes, now, raw, matches_disk=not repaired)
        except EditRefused as error:
            return _stuck(session, "failed", now, [error.problem])
        return DiskSync("reloaded", now, changes, repaired=repaired)
    base = _base(session)
    if base is None:
        return _stuck(session, "failed", now, [Problem.of("sync.no_base")])
    try:
        from borgerspil_tui.core.merge import merge_projects

        result = merge_projects(base, session.project, theirs)  # the conflicts' words go into the file: its language
        changes = diff(session.project, result.project)
        session.take_from_disk(Message("sync.step_merged"), changes, now, raw, matches_disk=False)
    except EditRefused as error:
        return _stuck(session, "failed", now, [error.problem])
    except FileProblemError as error:  # the merge would break a rule (core/merge): said in our words
        return _stuck(session, "failed", now, error.problems)
    except Exception as error:  # noqa: BLE001 - the edits stay; the user is told in our words
        return _stuck(session, "failed", now, [Problem.of("sync.merge_failed", detail=str(error) or type(error).__name__)])
    sync = DiskSync("conflicts" if result.conflicts else "merged", now, diff(base, theirs), result,
                    repaired=repaired)
    if save and session.held is None and session.read_only is None:
        sync.saved = session.save()
    return sync


def _base(session: Session) -> Project | None:
    """The file as the session last loaded or saved it (None when that is not known or no longer loads)."""
    if session.base_bytes is None:
        return None
    try:
        return project_from_bytes(session.base_bytes, session.path)[0]
    except FileProblemError:
        return None


def _stuck(session: Session, outcome: Outcome, now: str | None, problems: list[Problem]) -> DiskSync:
    """Nothing taken in: the edits stay in memory and no save writes over the file until it
    changes again (the save state is *conflict*)."""
    session.state = SaveState.CONFLICT
    session._changed()  # noqa: SLF001 - listeners show the new save state
    return DiskSync(outcome, now, problems=problems or [Problem.of("sync.unreadable")])


def unstuck(session: Session) -> None:
    """The file on disk is again the one this session last loaded or saved: saving may go on."""
    if session.state is SaveState.CONFLICT:
        session.state = SaveState.UNSAVED if session.dirty else SaveState.SAVED
        session._changed()  # noqa: SLF001


# -- a git merge in progress ------------------------------------------------------------------------
def merge_held(session: Session) -> MergeInProgress | None:
    """When ``session``'s file is in an unfinished git merge (conflict markers, or unmerged in
    git's index without a ``conflicts:`` section), hold every save (``session.held``: nothing
    writes the file; the app treats it as read-only) and return why; else None."""
    found = merge_state(session.path)
    if found is None or not (found.unmerged or found.markers) or session.project.conflicts:
        return None
    session.held = SaveError.of(session.path, "sync.held")
    session.read_only = session.held
    session._changed()  # noqa: SLF001
    return found


def hold_done(session: Session) -> bool:
    """Lift the hold of a session whose file git no longer holds unmerged (the merge was finished
    or aborted outside the app); True when it was lifted."""
    if session.held is None:
        return False
    found = merge_state(session.path)
    if found is not None and (found.unmerged or found.markers):
        return False
    if session.read_only is session.held:
        session.read_only = write_refusal(session.path)
    session.held = None
    session._changed()  # noqa: SLF001
    return True


def in_git(path: Path) -> bool:
    """Whether ``path`` may be in a git work tree (a ``.git`` in its folder or above, or GIT_DIR
    set): asked before running git, so a project outside git costs no git command at start-up."""
    if os.environ.get("GIT_DIR"):
        return True
    try:
        folder = Path(os.path.abspath(path)).parent
        return any((parent / ".git").exists() for parent in (folder, *folder.parents))
    except OSError:
        return True  # cannot tell: ask git


def merge_state(path: Path) -> MergeInProgress | None:
    """``git_repo.merge_in_progress(path)``, None when git cannot tell (no git, not a repository)."""
    if not in_git(path):
        return None
    try:
        from borgerspil_tui.core.git_repo import merge_in_progress

        return merge_in_progress(path)
    except Exception:  # noqa: BLE001 - no git, or git's answer cannot be read: no merge to care about
        return None


def merge_git_then_sync(session: Session, *, lang: str | None = None, save: bool = True) -> DiskSync:
    """The user chose the semantic merge of a file in an unfinished git merge: merge it from
    git's index stages (core/git_repo.merge_git_file writes the file), lift the hold, and take
    the merged file in (the edits made meanwhile are merged into it). Raises FileProblemError
    (in our words) when a stage does not load; then nothing is written and the hold stays."""
    from borgerspil_tui.core.git_repo import merge_git_file

    session.wait_for_save()
    merge_git_file(session.path)
    if session.held is not None and session.read_only is session.held:
        session.read_only = write_refusal(session.path)
    session.held = None
    return merge_from_disk(session, lang=lang, save=save)


# -- words --------------------------------------------------------------------------------------------
def came_in_text(changes: list[Change], lang: str, *, limit: int = 3) -> str:
    """What came in, short: the names of up to ``limit`` items added, then how many other changes."""
    named: list[str] = []
    rest: Counter[str] = Counter()
    for change in changes:
        if isinstance(change, AddItem) and len(named) < limit and _title(change.item):
            named.append(tr(lang, "sync.came_added", title=_title(change.item)))
        elif isinstance(change, RemoveItem) and len(named) < limit and _title(change.item):
            named.append(tr(lang, "sync.came_removed", title=_title(change.item)))
        else:
            rest["other"] += 1
    if rest["other"]:
        key = "sync.came_more" if named else "sync.came_changes"
        named.append(tr(lang, key, n=rest["other"]))
    return "; ".join(named) if named else tr(lang, "sync.came_nothing")


def _title(item: dict) -> str:
    for name in ("title", "name", "text", "statement", "question", "what"):
        value = item.get(name) if isinstance(item, dict) else None
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= 40 else text[:39] + "…"
    return ""


def dangling_text(links: list[DanglingLink], lang: str) -> str:
    """Which links were removed, by field and id."""
    return "; ".join(tr(lang, "sync.dangling_one", where=link.where, target=link.target) for link in links)

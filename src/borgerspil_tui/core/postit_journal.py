"""A journal of phones' post-its not saved yet (issue 14's follow-up): what a phone was told was
sent survives a crash of the app (kill -9, a dead battery, a closed lid) before the autosave.

One append-only file of JSON lines per project file and workshop, beside the kept room in the
user's state folder (:func:`~borgerspil_tui.core.room_store.rooms_folder`; the room file's hash
stem with ``.journal``): never beside the project, never in git. Mode 0600 in a folder of mode
0700. Each line is a post-it as the model dumps it, with the project's resolved path, the
workshop's id and the sending phone's public ident (never its cookie). A line is written and handed
to the OS (no buffer in this process: a killed process loses nothing written) before the phone is
answered; it reaches the disk itself (fsync) at most once every :data:`SYNC_EVERY` seconds, in a
thread of its own, so a room posting forty a second never waits on the disk.

Each line remembers (in this run only) the session's revision that holds its post-it: a save that
wrote that revision or a later one clears it (:meth:`PostitJournal.saved`); a post-it that came
during the save stays. When the project is opened again, :func:`replay` adds back, through the
session, the post-its the journal holds and the project does not. A line that cannot be read (the
last one half-written by the crash), or that names another project or workshop, is skipped.

No Textual, no HTTP; nothing here raises, prints or logs.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from borgerspil_tui.core.changes import AddItem
from borgerspil_tui.core.edit_refused import EditRefused
from borgerspil_tui.core.model.workshop import PostIt
from borgerspil_tui.core.room import MOST_POSTITS
from borgerspil_tui.core.room_store import (
    RoomStore,
    file_name,
    private,
    resolved,
    rooms_folder,
)

SYNC_EVERY = 1.0
"""Seconds at least between two fsyncs of a journal (written lines are the OS's at once)."""
MOST_BYTES = 8_000_000
"""A larger journal is no journal of ours (5000 post-its of 500 signs stay below)."""
SUFFIX = ".journal"


def journal_path(project: Path, workshop: str, folder: Path | None = None) -> Path:
    """The journal's file for ``project`` and ``workshop``: the kept room's name, ``.journal``."""
    stem = file_name(project, workshop).removesuffix(".json")
    return (folder if folder is not None else rooms_folder()) / (stem + SUFFIX)


@dataclass(frozen=True)
class Entry:
    """One post-it in the journal: its workshop, the post-it, and the phone's public ident ("" unknown)."""

    workshop: str
    postit: PostIt
    ident: str = ""


class PostitJournal:
    """The journals of one project file's workshops (see the module's text). ``most``: the lines
    kept per workshop (the room's cap of post-its); the oldest go first beyond it."""

    def __init__(self, project: Path, *, folder: Path | None = None, most: int = MOST_POSTITS,
                 sync_every: float = SYNC_EVERY) -> None:
        self.folder = folder if folder is not None else rooms_folder()
        self.project = resolved(project)
        self._given = Path(project)
        self.most = most
        self.sync_every = sync_every
        self._lock = threading.Lock()
        self._lines: dict[str, list[tuple[int, bytes]]] = {}
        """Per workshop: (revision holding the post-it, line) of the lines not yet saved."""
        self._fds: dict[str, int] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.syncs = 0
        """How many times the journal's files were fsynced (tests read it)."""

    def path(self, workshop: str) -> Path:
        """The journal's file of ``workshop``."""
        return journal_path(self._given, workshop, self.folder)

    # -- writing -----------------------------------------------------------------------------------
    def append(self, workshop: str, postit: PostIt, ident: str, revision: int) -> bool:
        """Write ``postit`` (kept in ``workshop`` at the session's ``revision``) to the journal and
        hand it to the OS before returning; True when written."""
        line = json.dumps({"project": self.project, "workshop": workshop, "ident": ident,
                           "postit": postit.model_dump(mode="json")}, ensure_ascii=False).encode("utf-8") + b"\n"
        try:
            with self._lock:
                lines = self._lines.setdefault(workshop, [])
                lines.append((revision, line))
                if len(lines) > self.most:  # the oldest go (the room refuses more than this anyway)
                    del lines[:len(lines) - self.most]
                    self._rewrite(workshop)
                else:
                    _write_all(self._open(workshop), line)
        except OSError:
            return False
        self._want_sync()
        return True

    def _open(self, workshop: str) -> int:
        fd = self._fds.get(workshop)
        if fd is None:
            self._ensure_folder()
            fd = os.open(self.path(workshop), os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0),
                         0o600)
            if not private(os.fstat(fd)):
                os.close(fd)
                raise OSError("the journal is not the user's own")
            self._fds[workshop] = fd
        return fd

    def _ensure_folder(self) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if stat.S_IMODE(os.stat(self.folder).st_mode) & 0o077:
            os.chmod(self.folder, 0o700)

    def _close(self, workshop: str) -> None:
        fd = self._fds.pop(workshop, None)
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    def _rewrite(self, workshop: str) -> None:
        """The journal's file holds exactly the lines kept in memory (none: the file goes)."""
        self._close(workshop)
        lines = self._lines.get(workshop, [])
        target = self.path(workshop)
        if not lines:
            self._lines.pop(workshop, None)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
            return
        self._ensure_folder()
        fd, temp = tempfile.mkstemp(dir=self.folder, prefix=".journal-", suffix=".tmp")  # mode 0600
        try:
            _write_all(fd, b"".join(line for _, line in lines))
            os.close(fd)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        self._want_sync()

    # -- to the disk, off the caller's thread ------------------------------------------------------
    def _want_sync(self) -> None:
        if self._stop.is_set():
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._syncing, name="postit-journal", daemon=True)
            self._thread.start()
        self._wake.set()

    def _syncing(self) -> None:
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            with self._lock:  # copies of the descriptors: a rewrite meanwhile never waits for the disk
                fds = [os.dup(fd) for fd in self._fds.values()]
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.fsync(fd)
                os.close(fd)
            with contextlib.suppress(OSError):
                fd = os.open(self.folder, os.O_RDONLY)  # a new or replaced file's name too
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            self.syncs += 1
            self._stop.wait(self.sync_every)

    def close(self) -> None:
        """Stop the fsync thread and close the files (the journal's lines stay on disk)."""
        self._stop.set()
        self._wake.set()
        with self._lock:
            for workshop in list(self._fds):
                self._close(workshop)

    # -- clearing ----------------------------------------------------------------------------------
    def saved(self, revision: int) -> None:
        """A save of the session's ``revision`` has finished: the lines it holds go (those kept at
        a later revision, which came during the save, stay)."""
        try:
            with self._lock:
                for workshop, lines in list(self._lines.items()):
                    keep = [(at, line) for at, line in lines if at > revision]
                    if len(keep) != len(lines):
                        self._lines[workshop] = keep
                        self._rewrite(workshop)
        except OSError:
            return

    # -- reading -----------------------------------------------------------------------------------
    def read(self, workshop: str) -> list[Entry]:
        """The post-its the journal of ``workshop`` holds from before (in order, each id once, the
        last :attr:`most`); lines that are broken or of another project or workshop are skipped."""
        try:
            fd = os.open(self.path(workshop), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return []
        try:
            with os.fdopen(fd, "rb") as file:
                if not private(os.fstat(file.fileno())):
                    return []
                data = file.read(MOST_BYTES + 1)
        except OSError:
            return []
        if len(data) > MOST_BYTES:
            return []
        found: dict[str, Entry] = {}
        for raw in data.split(b"\n"):
            entry = self._entry(raw, workshop)
            if entry is not None and entry.postit.id not in found:
                found[entry.postit.id] = entry
        return list(found.values())[-self.most:]

    def _entry(self, raw: bytes, workshop: str) -> Entry | None:
        try:
            line = json.loads(raw.decode("utf-8"))
            if not isinstance(line, dict) or line.get("project") != self.project or line.get("workshop") != workshop:
                return None
            ident = line.get("ident", "")
            postit = PostIt.model_validate(line.get("postit"))
        except Exception:  # noqa: BLE001 - a half-written or strange line is no post-it
            return None
        return Entry(workshop, postit, ident if isinstance(ident, str) and len(ident) <= 100 else "")

    def adopt(self, workshop: str, entries: list[Entry], revision: int) -> None:
        """The journal of ``workshop`` holds just ``entries`` (taken back into the session at
        ``revision``; cleared by the save of it), or goes when there are none."""
        with self._lock:
            self._lines[workshop] = [
                (revision, json.dumps({"project": self.project, "workshop": workshop, "ident": e.ident,
                                       "postit": e.postit.model_dump(mode="json")}, ensure_ascii=False).encode() + b"\n")
                for e in entries]
            with contextlib.suppress(OSError):
                self._rewrite(workshop)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def replay(session: Any, journal: PostitJournal, label: str) -> int:
    """Add back, through ``session`` (one step outside the undo history, as phones' post-its are),
    the post-its the journals of its workshops hold and the project does not; the phones that sent
    them see them again in their list when the room was kept. Returns how many came back (0 when
    the session refused them: the journal then stays as it was)."""
    project = session.project
    present = {p.id for workshop in project.workshops for p in workshop.postits}
    changes: list[AddItem] = []
    taken: dict[str, list[Entry]] = {}
    for workshop in project.workshops:
        activities = {activity.id for activity in workshop.agenda}
        size = len(workshop.postits)
        for entry in journal.read(workshop.id):
            if entry.postit.id in present:
                continue
            postit = entry.postit
            if postit.activity is not None and postit.activity not in activities:
                postit = postit.model_copy(update={"activity": None})
            if postit.item is not None:  # an item of a project that was never saved: not here
                postit = postit.model_copy(update={"item": None, "state": "new"})
            present.add(postit.id)
            changes.append(AddItem(("workshops", workshop.id, "postits"), size, postit.model_dump()))
            size += 1
            taken.setdefault(workshop.id, []).append(Entry(workshop.id, postit, entry.ident))
    if changes:
        try:
            session.apply(label, changes, undoable=False)
        except EditRefused:
            return 0
    for workshop in project.workshops:
        journal.adopt(workshop.id, taken.get(workshop.id, []), session.revision)
        if workshop.id in taken:
            _back_in_room(session.path, workshop.id, taken[workshop.id], journal.folder)
    return len(changes)


def _back_in_room(project: Path, workshop: str, entries: list[Entry], folder: Path) -> None:
    """The kept room's phones own their post-its taken back (their list shows them again); the
    room is kept where the journal is."""
    store = RoomStore(project, workshop, folder=folder)
    kept = store.load()
    if kept is None:
        return
    people: Mapping[str, Any] = {p.ident: p for p in kept.room.participants.values()}
    changed = False
    for entry in entries:
        participant = people.get(entry.ident)
        if participant is not None and entry.postit.id not in participant.posts:
            participant.posts.append(entry.postit.id)
            changed = True
    if changed:
        store.save(kept.room.to_state(), kept.port, kept.bind)

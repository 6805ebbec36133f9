"""A room kept across a restart of the app (issue 14's follow-up): when the facilitator's app
crashes or is quit during a workshop and they share again, the join code, the form tokens' secret
and who joined come back, so the phones go on as themselves without scanning again.

One JSON file per project file and workshop, named by a hash of the project's resolved path and
the workshop's id, in the user's state folder (``$XDG_STATE_HOME/borgerspil/rooms/``, else
``~/.local/state/borgerspil/rooms/``) — never beside the project, which goes to git. The file holds
secrets (each participant's cookie key): written atomically with mode 0600 in a folder of mode
0700, never logged; read only when it is a regular file of the user's own that no one else may
read or write. Kept :data:`KEPT_SECONDS` after its last change (the phones' cookies last as long),
ignored and removed once older. A file that cannot be read or makes no sense (core/room_file_checks.py)
is ignored; a file
that cannot be written is not written. Nothing here raises, prints or logs; :meth:`RoomStore.save`
and :meth:`RoomStore.forget` say whether they could (the app tells the facilitator), and this run
remembers a write or a removal that failed (:data:`RoomStore.behind`), so a room renewed with
``k`` or forgotten with ``s`` is never taken back from a file that still holds the old one.

No Textual, no HTTP: the app (``tui/app_share.py``) keeps the room while sharing runs and forgets
it when the room is over (the facilitator stops sharing, the workshop ends).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_file_checks import checked_room

FORMAT = 1
"""Bumped when the file's layout changes (a file of another format is ignored)."""
KEPT_SECONDS = 12 * 3600
"""How long a room is kept after its last change: as long as the phones' cookies last
(``COOKIE_AGE`` in web/handlers.py)."""
FUTURE_SECONDS = 300
"""A file saved further ahead of the clock than this (the clock was set back) counts as stale."""
MOST_BYTES = 4_000_000
"""A larger file is no room of ours (500 participants with all their post-its stay far below)."""
FILE_NAME = re.compile(r"[0-9a-f]{32}\.json")
"""The names of the folder's room files (nothing else in the folder is touched)."""
FORGOTTEN = "forgotten"
"""In :data:`RoomStore.behind`: the room was forgotten in this run but its file could not be removed."""


def rooms_folder(environ: Mapping[str, str] | None = None) -> Path:
    """Where rooms are kept: ``$XDG_STATE_HOME/borgerspil/rooms`` (an absolute XDG_STATE_HOME
    only, as the XDG spec says), else ``~/.local/state/borgerspil/rooms``."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_STATE_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".local" / "state"
    return root / "borgerspil" / "rooms"


def resolved(project: Path) -> str:
    """The project file's path as the room is known by (resolved; as given when that fails)."""
    try:
        return str(Path(project).resolve())
    except (OSError, RuntimeError):
        return str(Path(project).absolute())


def file_name(project: Path, workshop: str) -> str:
    """The room file's name for ``project`` and ``workshop``: a hash, so the folder tells nothing."""
    source = f"{resolved(project)}\0{workshop}".encode("utf-8", "surrogateescape")
    return hashlib.sha256(source).hexdigest()[:32] + ".json"


def private(info: os.stat_result) -> bool:
    """Whether a file may be read as ours: a regular file of this user, mode 0600 or narrower."""
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "getuid"):
        return info.st_uid == os.getuid() and not info.st_mode & 0o077
    return True


@dataclass
class Kept:
    """A room taken back from its file: the room (fresh rate buckets, default limits), the port and
    address it was served on (the phones' pages go on there) and its phones per address."""

    room: Room
    port: int | None
    bind: str | None = None
    per_address: int | None = None
    """The phones one address could bring (``+``), None when the file did not say."""


class RoomStore:
    """The file of one project's workshop's room (see the module's text). ``clock`` is wall-clock
    seconds (tests pass their own); ``folder`` defaults to :func:`rooms_folder`."""

    behind: ClassVar[dict[str, Any]] = {}
    """This run's memory of room files that could not be changed, by path: the payload a failed
    write should have put there (taken back instead of the file), or :data:`FORGOTTEN` when the
    room was forgotten but its file could not be removed (nothing is taken back)."""

    def __init__(self, project: Path, workshop: str, *, folder: Path | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.folder = folder if folder is not None else rooms_folder()
        self.project = resolved(project)
        self.workshop = workshop
        self.path = self.folder / file_name(project, workshop)
        self.clock = clock
        self._written: str | None = None
        """The room's state as last written (an unchanged room is not written again)."""

    # -- reading -----------------------------------------------------------------------------------
    def load(self, **options: Any) -> Kept | None:
        """The room kept for this project and workshop, when its file is fresh and sound (a room
        made with ``options``, e.g. ``limits``); else None. Stale files in the folder are removed."""
        try:
            self.sweep()
            remembered = RoomStore.behind.get(str(self.path))
            if remembered == FORGOTTEN:  # forgotten in this run: never back, whatever the file says
                self.forget()
                return None
            payload = remembered if remembered is not None else self._read()
            if payload is None:
                return None
            saved = payload.get("saved")
            if isinstance(saved, bool) or not isinstance(saved, (int, float)) or not self.fresh(saved):
                self.forget()
                return None
            if payload.get("project") != self.project or payload.get("workshop") != self.workshop:
                return None
            state = checked_room(payload.get("room"))
            port, bind = payload.get("port"), payload.get("bind")
            if state is None:
                return None
            room = Room.from_state(state, **options)
            return Kept(room, port if isinstance(port, int) and not isinstance(port, bool) and 0 < port < 65536
                        else None, bind if isinstance(bind, str) and 0 < len(bind) <= 255 else None,
                        state["per_address"])
        except Exception:  # noqa: BLE001 - a room that cannot be taken back only means a new one
            return None

    def fresh(self, saved: float) -> bool:
        """Whether a file saved at ``saved`` (wall-clock seconds) is still kept."""
        age = self.clock() - saved
        return -FUTURE_SECONDS <= age <= KEPT_SECONDS

    def _read(self) -> dict[str, Any] | None:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        with os.fdopen(fd, "rb") as file:
            if not private(os.fstat(fd)):
                return None
            data = file.read(MOST_BYTES + 1)
        if len(data) > MOST_BYTES:
            return None
        try:
            payload = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError):
            return None
        return payload if isinstance(payload, dict) and payload.get("format") == FORMAT else None

    # -- writing -----------------------------------------------------------------------------------
    def _text(self, state: dict[str, Any], port: int | None, bind: str | None) -> str:
        return json.dumps({"room": state, "port": port, "bind": bind}, sort_keys=True, ensure_ascii=False)

    def save(self, state: dict[str, Any], port: int | None = None, bind: str | None = None) -> bool:
        """Keep ``state`` (:meth:`Room.to_state`) and the ``port`` and address (``bind``) phones reach
        it on; True when the file holds it (written now, or unchanged since the last write). False
        when it could not be written — the app goes on without it."""
        try:
            text = self._text(state, port, bind)
            if text == self._written and self.path.exists():
                return True
            payload = {"format": FORMAT, "saved": self.clock(), "project": self.project,
                       "workshop": self.workshop, "port": port, "bind": bind, "room": state}
            RoomStore.behind[str(self.path)] = payload  # until the file holds it
            self._write(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        except Exception:  # noqa: BLE001 - a room not kept is no reason to stop the workshop
            return False
        RoomStore.behind.pop(str(self.path), None)
        self._written = text
        return True

    def _write(self, data: bytes) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if stat.S_IMODE(os.stat(self.folder).st_mode) & 0o077:
            os.chmod(self.folder, 0o700)
        fd, temp = tempfile.mkstemp(dir=self.folder, prefix=".room-", suffix=".tmp")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise

    # -- forgetting --------------------------------------------------------------------------------
    def forget(self) -> bool:
        """The room is over (sharing stopped on purpose, the workshop ended): its file goes. False
        when it could not be removed (this run still never takes it back: :attr:`behind`)."""
        self._written = None
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass
        except OSError:
            RoomStore.behind[str(self.path)] = FORGOTTEN
            return False
        RoomStore.behind.pop(str(self.path), None)
        return True

    def sweep(self) -> None:
        """Remove room files (and left-over temporary files, the post-it journals' too) not changed
        for :data:`KEPT_SECONDS`; a journal itself stays (it may hold post-its never saved)."""
        oldest = self.clock() - KEPT_SECONDS
        try:
            with os.scandir(self.folder) as found:
                for entry in found:
                    ours = FILE_NAME.fullmatch(entry.name) or (entry.name.startswith((".room-", ".journal-"))
                                                               and entry.name.endswith(".tmp"))
                    with contextlib.suppress(OSError):
                        if ours and entry.stat(follow_symlinks=False).st_mtime < oldest:
                            os.unlink(entry.path)
        except OSError:
            return

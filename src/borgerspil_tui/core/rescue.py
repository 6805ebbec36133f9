"""Rescue copies: where edits go when they cannot be saved as the app stops, and finding them again.

A rescue copy of ``NAME.borgerspil.yaml`` is ``NAME.borgerspil.yaml.rescued-2026-11-27T14-03-22``
beside it (local time; never matched by ``*.borgerspil.yaml``; ``ls`` sorts them by time). When
that folder cannot be written, it goes to the user's data folder under ``rescued/``, in a folder
named after the project file's full path. A copy is never overwritten: a second one in the same
second gets ``-2``. The app offers the copies of a project when it is opened.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from borgerspil_tui.core.disk import TEMP_MARK, write_refusal
from borgerspil_tui.core.locations import data_folder

if TYPE_CHECKING:
    from borgerspil_tui.core.model import Project
    from borgerspil_tui.core.session import Session

RESCUE_MARK = ".rescued"
"""``NAME`` + this + ``-STAMP`` is a rescue copy (``.gitignore``: ``*.rescued-*``)."""
STAMP = "%Y-%m-%dT%H-%M-%S"
_STAMPED = re.compile(r"-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2})(?:-\d+)?\Z")


def rescue_name(path: Path, when: datetime, number: int = 1) -> str:
    """The file name of a rescue copy of ``path`` made at ``when`` (``number`` > 1 after a clash)."""
    name = f"{path.name}{RESCUE_MARK}-{when.strftime(STAMP)}"
    return name if number == 1 else f"{name}-{number}"


def fallback_folder(path: Path) -> Path:
    """Where rescue copies of ``path`` go when its own folder cannot be written."""
    key = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return data_folder() / "rescued" / key


def rescue_time(rescue: Path) -> datetime:
    """When a rescue copy was made: from its name, else from the file's time."""
    found = _STAMPED.search(rescue.name)
    if found:
        return datetime.strptime(found.group(1), STAMP)
    return datetime.fromtimestamp(rescue.stat().st_mtime)


def find_rescues(path: Path) -> list[Path]:
    """The rescue copies of ``path`` beside it and in the data folder, newest first."""
    prefix = path.name + RESCUE_MARK
    found: list[Path] = []
    for folder in (path.parent if str(path.parent) else Path("."), fallback_folder(path)):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if not name.startswith(prefix) or TEMP_MARK in name:
                continue
            rest = name[len(prefix):]
            if rest and not _STAMPED.match(rest):
                continue  # not ours: NAME.rescued-by-hand.txt
            try:
                if entry.is_file():
                    found.append(Path(entry.path))
            except OSError:
                continue
    return sorted(found, key=lambda p: (rescue_time(p), p.name), reverse=True)


def write_rescue(path: Path, project: Project, *, now: datetime | None = None) -> Path:
    """Write ``project`` to a new rescue copy of ``path`` and return where it is.

    Beside the file when that folder can be written, else in the data folder. The copy appears
    whole or not at all (written to a temp file, then linked to its name, which fails rather
    than overwrite). Raises OSError when it cannot be written anywhere.
    """
    from borgerspil_tui.core.storage import dump_project

    data = dump_project(project).encode("utf-8")
    when = now or datetime.now()
    folders = [path.parent if str(path.parent) else Path("."), fallback_folder(path)]
    if write_refusal(path.parent / f"{path.name}{RESCUE_MARK}") is not None:
        folders.pop(0)
    last: OSError | None = None
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            return _write_new(folder, path, data, when, _mode_for(path))
        except OSError as error:
            last = error
    assert last is not None
    raise last


def _mode_for(path: Path) -> int:
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666
    return (mode & 0o666) | 0o600  # as private as the file; writable by its owner


def _write_new(folder: Path, path: Path, data: bytes, when: datetime, mode: int) -> Path:
    temp = folder / f".{rescue_name(path, when)}{TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode & ~_umask())
        for number in range(1, 1000):
            target = folder / rescue_name(path, when, number)
            try:
                os.link(temp, target)
                return target
            except FileExistsError:
                continue
            except OSError:  # no hard links here (some network and FAT drives): exclusive create
                return _create_exclusive(folder, path, data, when, number, mode)
        raise FileExistsError(f"{folder}: too many rescue copies in one second")
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass


def _create_exclusive(folder: Path, path: Path, data: bytes, when: datetime, first: int, mode: int) -> Path:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for number in range(first, 1000):
        target = folder / rescue_name(path, when, number)
        try:
            fd = os.open(target, flags, mode)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        return target
    raise FileExistsError(f"{folder}: too many rescue copies in one second")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@dataclass(frozen=True)
class Secured:
    """What became of the edits that were not on disk when the app stopped."""

    saved: bool
    """They were saved to the project file."""
    rescue: Path | None = None
    """Or they are in this rescue copy."""
    error: str = ""
    """Or neither worked, and this says why."""


def secure_edits(session: Session) -> Secured | None:
    """Save the session's unsaved edits, or else write them to a rescue copy (once per revision).

    Never overwrites a file that changed on disk or that may not be written: those edits go to
    a rescue copy. Returns None when there was nothing to secure.
    """
    if not session.dirty:
        return None
    if session.rescued is not None and session.rescued[0] == session.revision:
        return Secured(False, session.rescued[1])
    if session.save():
        return Secured(True)
    try:
        rescue = write_rescue(session.path, session.project)
    except OSError as error:
        return Secured(False, error=error.strerror or str(error))
    session.rescued = (session.revision, rescue)
    return Secured(False, rescue)

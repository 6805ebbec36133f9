"""Writing files safely: atomic replace through symbolic links, temp files that can be recognised
and cleaned up, and files the user may not write refused before anything is written."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from pathlib import Path

from borgerspil_tui.core.problems import Problem

TEMP_MARK = ".borgerspil-tmp-"
"""Temp files are ``.NAME.borgerspil-tmp-PID-RANDOM`` beside the file they become
(``.gitignore``: ``.*.borgerspil-tmp-*``)."""
STALE_AFTER = 120.0
"""Seconds after which a temp file is abandoned even if its process still runs (a save takes
milliseconds; the margin covers slow network drives)."""

_OS_TEXTS = {errno.EACCES: "file.no_permission", errno.EPERM: "file.no_permission",
             errno.ENOSPC: "file.disk_full", getattr(errno, "EDQUOT", errno.ENOSPC): "file.disk_full",
             errno.EROFS: "file.read_only_fs", errno.ENOENT: "file.no_folder"}
"""System errors common enough to say in the user's language."""


class SaveError(Exception):
    """Saving failed; nothing on disk was changed and the project is still in memory.

    ``reason`` is the English text (for logs, the CLI's fallback); :meth:`text` is the reason in
    the reader's language when it is one of ours (``key``) or a common system error.
    """

    def __init__(self, path: Path, reason: str, *, key: str = "", code: int | None = None,
                 **values: object) -> None:
        self.path = path
        self.reason = reason
        self.key = key or _OS_TEXTS.get(code or 0, "")
        self.values = values
        super().__init__(f"{path}: could not save: {reason}")

    @classmethod
    def of(cls, path: Path, key: str, **values: object) -> SaveError:
        """A refusal of ours, worded by the UI text ``key``."""
        from borgerspil_tui.core.i18n import tr

        return cls(path, tr("en", key, **values), key=key, **values)

    @classmethod
    def from_os(cls, path: Path, error: OSError) -> SaveError:
        """The system's reason, translated when it is a common one."""
        return cls(path, error.strerror or str(error), code=error.errno)

    @property
    def problem(self) -> Problem | None:
        """The reason as a keyed problem (written in the reader's language), when it is one."""
        return Problem(self.reason, key=self.key, values=dict(self.values)) if self.key else None

    def text(self, lang: str) -> str:
        """The reason in ``lang``."""
        if not self.key:
            return self.reason
        from borgerspil_tui.core.i18n import tr

        return tr(lang, self.key, **self.values)


def write_target(path: Path) -> Path:
    """The file a write to ``path`` must change: the link's target when ``path`` is a link, so
    the edit reaches the real file and the link stays a link."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else path


def _read_only_mode(mode: int) -> bool:
    # No write bit for anyone: read-only, honoured even for root (whom os.access always lets write).
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def write_refusal(path: Path) -> SaveError | None:
    """Why ``path`` must not be written (a read-only file or folder, not a regular file), or None.

    Read-only means: the user may not write it (``os.access``), or nobody may (no write bit in
    its mode). The second rule holds for root too, who may write anything: a file someone made
    read-only is not saved over by running as root.
    """
    target = write_target(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError:
        return None  # the write itself says what is wrong
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            return SaveError.of(path, "file.not_regular")
        if _read_only_mode(info.st_mode) or not os.access(target, os.W_OK):
            return SaveError.of(path, "file.read_only")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder_info = os.stat(folder)
    except OSError:
        return None
    if _read_only_mode(folder_info.st_mode) or not os.access(folder, os.W_OK | os.X_OK):
        return SaveError.of(path, "file.folder_read_only")
    return None


def _new_temp(folder: Path, name: str) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        temp = folder / f".{name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}"
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    Through a symbolic link the link's target is replaced (the link stays); the file keeps its
    mode; the temp file sits beside the target under a name :func:`remove_stale_temps` knows.
    """
    target = write_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as error:
        raise SaveError.from_os(path, error) from None
    try:
        handle, temp = _new_temp(folder, target.name)
    except OSError as error:
        raise SaveError.from_os(path, error) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise SaveError.from_os(path, error) from None
    _sync_folder(folder)
    remove_stale_temps(path)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, it is someone else's
    return True


def remove_stale_temps(path: Path, *, now: float | None = None) -> list[Path]:
    """Remove temp files an interrupted save of ``path`` left behind; return what was removed.

    Only this file's own temp files (``.NAME.borgerspil-tmp-PID-…``, and the ``.NAME.XXXXXXXX.tmp``
    of older versions), and only when the process that wrote one is gone or it is older than
    :data:`STALE_AFTER`: a save still being written by another running borgerspil is left alone.
    """
    target = write_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    ours = re.compile(re.escape(f".{target.name}{TEMP_MARK}") + r"(\d+)-[0-9a-f]+\Z")
    legacy = re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}\.tmp\Z")
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = ours.match(entry.name)
        if match is None and not legacy.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            old = now - info.st_mtime > STALE_AFTER
            pid = int(match.group(1)) if match else None
            orphaned = pid is not None and pid != os.getpid() and not _alive(pid)
            if old or orphaned:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed

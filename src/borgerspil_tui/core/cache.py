"""Validated method and project files kept between runs, so an unchanged file opens without being
parsed and validated again (the app's start-up; see ``benchmarks/bench_app.py``).

An entry is used only for the very bytes it was made from (their SHA-256) and only by the very
code that made it: the program's core modules, Python, pydantic and PyYAML, each known by its files'
sizes and change times. What comes out is therefore what parsing and validating the file would give
now. Anything wrong with an entry (missing, stale, unreadable, from other code, not the user's own)
only means the file is parsed as usual, and an entry that cannot be written is simply not written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

from borgerspil_tui import __version__
from borgerspil_tui.core.gc_pause import gc_paused
from borgerspil_tui.core.locations import cache_folder

FORMAT = 1
"""Bumped when the layout of an entry changes."""
KEEP_DAYS = 60
"""Entries not written for this long (files moved, deleted, or long left alone) are removed."""


def content_key(data: bytes) -> str:
    """What an entry is made from: the SHA-256 of the file's bytes."""
    return hashlib.sha256(data).hexdigest()


@cache
def code_fingerprint() -> str:
    """The code that parses and validates files, as sizes and change times of its files."""
    import importlib.util

    import pydantic_core
    from pydantic.version import VERSION

    parts = [str(FORMAT), sys.version, __version__, VERSION, pydantic_core.__version__]
    files: list[str] = []
    core = Path(__file__).resolve().parent
    for folder, folders, names in os.walk(core):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        files += sorted(os.path.join(folder, name) for name in names if name.endswith(".py"))
    spec = importlib.util.find_spec("yaml")
    if spec is not None and spec.origin:
        files.append(spec.origin)
    for name in files:
        info = os.stat(name)
        parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _entry(kind: str, source: str) -> Path:
    name = hashlib.sha256(source.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return cache_folder() / f"{kind}-{name}.pickle"


def _trusted(fd: int) -> bool:
    """Only a file of the user's own that nobody else may write is read (it holds pickled objects)."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "getuid"):
        return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return True


def recall(kind: str, source: str, key: str) -> object | None:
    """What :func:`remember` kept for ``source`` when it was made from ``key`` by this code, or None."""
    try:
        with open(_entry(kind, source), "rb") as file:
            if not _trusted(file.fileno()) or pickle.load(file) != (FORMAT, code_fingerprint(), key):
                return None
            with gc_paused():
                return pickle.load(file)
    except Exception:  # noqa: BLE001 - a missing or broken entry only means parsing the file as usual
        return None


def remember(kind: str, source: str, key: str, value: object) -> None:
    """Keep ``value``, made from ``key``, for ``source`` (quietly nothing when that fails)."""
    try:
        folder = cache_folder()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                pickle.dump((FORMAT, code_fingerprint(), key), file, protocol=pickle.HIGHEST_PROTOCOL)
                with gc_paused():
                    pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, _entry(kind, source))
        except BaseException:
            os.unlink(temp)
            raise
        _prune(folder)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no reason to fail
        return


def _prune(folder: Path) -> None:
    """Remove entries (and temp files of interrupted writes) older than :data:`KEEP_DAYS`."""
    oldest = time.time() - KEEP_DAYS * 86400
    with os.scandir(folder) as found:
        for entry in found:
            if entry.name.endswith((".pickle", ".tmp")) and entry.stat().st_mtime < oldest:
                os.unlink(entry.path)

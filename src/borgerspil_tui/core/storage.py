"""The only code that reads and writes project files: safe loading, canonical output, atomic saves."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from borgerspil_tui.core.disk import SaveError, atomic_write, write_refusal
from borgerspil_tui.core.gc_pause import gc_paused
from borgerspil_tui.core.located import decode, parse_mapping, read_bytes, validate
from borgerspil_tui.core.model import SCHEMA_VERSION, Project
from borgerspil_tui.core.problems import FileProblemError, Problem

SCHEMA_URL = "https://borgerspil.dk/schema/borgerspil-project-v1.schema.json"
"""Where the project JSON Schema is published; ``borgerspil schema`` writes the same schema."""
MODELINE = f"# yaml-language-server: $schema={SCHEMA_URL}\n"
SUFFIX = ".borgerspil.yaml"

MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""Upgrade steps keyed by the version they upgrade *from*: ``MIGRATIONS[n]`` turns n into n+1."""


class ExternalChangeError(Exception):
    """The file on disk is no longer the one that was loaded (a git pull, another editor)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path}: the file changed on disk since it was opened")


@dataclass(frozen=True)
class Loaded:
    """A project as read from disk, with the fingerprint of the bytes it came from."""

    project: Project
    path: Path
    fingerprint: str | None
    from_cache: bool = False
    """Whether the project came from the cache of validated files (core/cache), not the parser."""
    raw: bytes | None = field(default=None, repr=False, compare=False)
    """The bytes the project came from (a session keeps them as the base of a merge from disk)."""


def fingerprint(data: bytes) -> str:
    """The content fingerprint used to notice that a file changed on disk."""
    return hashlib.sha256(data).hexdigest()


def file_fingerprint(path: Path) -> str | None:
    """Fingerprint of the file as it is now, or None when there is no file.

    Raises :class:`SaveError` when what is there cannot be read as a file (a pipe, a folder, no
    permission): reading it must neither hang nor pass for the file that was loaded.
    """
    if not os.path.exists(path):
        return None
    try:
        return fingerprint(read_bytes(path))
    except FileProblemError as error:
        problem = error.problems[0]
        refusal = SaveError(path, problem.message, key=problem.key)
        refusal.values = dict(problem.values)  # not as keywords: "reason" (a value of read.failed) is an argument too
        raise refusal from None


def migrate(data: dict[str, Any], path: Path | str | None) -> dict[str, Any]:
    """Bring an older file's data up to :data:`SCHEMA_VERSION`; refuse a newer one."""
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        return data  # validation names the problem
    if version > SCHEMA_VERSION:
        raise FileProblemError(path, [Problem.of("parse.version_newer", field="schema_version", version=version,
                                                 known=SCHEMA_VERSION)])
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise FileProblemError(path, [Problem.of("parse.version_unknown", field="schema_version",
                                                     version=version, known=SCHEMA_VERSION)])
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data


def parse_project(text: str, path: Path | str | None = None) -> Project:
    """Validate project text; raise :class:`FileProblemError` with located problems."""
    with gc_paused():
        data, _, _ = parse_mapping(text, path)
        return validate(Project, migrate(data, path), text, path)


def load_project(path: Path, *, kept: bool = False) -> Loaded:
    """Read, check and validate a project file.

    ``kept``: bytes this code has validated before come from the cache of validated files (the
    app's start-up, see ``core/cache``; :func:`keep_project` puts them there).
    """
    raw = read_bytes(path)
    key = fingerprint(raw)
    if kept:
        from borgerspil_tui.core import cache

        found = cache.recall("project", str(path.resolve()), key)
        if isinstance(found, Project):
            return Loaded(found, path, key, from_cache=True, raw=raw)
    return Loaded(parse_project(decode(raw, path), path), path, key, raw=raw)


def keep_project(path: Path, key: str, project: Project) -> None:
    """Put ``project``, parsed from the bytes with fingerprint ``key``, in the cache of validated files."""
    from borgerspil_tui.core import cache

    cache.remember("project", str(path.resolve()), key, project)


def to_data(project: Project) -> dict[str, Any]:
    """The project as plain data in model order, defaults left out.

    Checklist answers are sorted by id, so two people answering different questions on two
    branches touch different lines and merge without conflict.
    """
    data = project.model_dump(mode="python", exclude_defaults=True)
    if "checklists" in data:
        data["checklists"] = dict(sorted(data["checklists"].items()))
    return data


def dump_project(project: Project) -> str:
    """The canonical file text: modeline, fields in model order, LF, final newline."""
    from borgerspil_tui.core.yaml_writer import dump_data  # here: start-up needs no YAML (core/cache)

    with gc_paused():
        body = dump_data(to_data(project))
    return MODELINE + body


def save_project(path: Path, project: Project, expected: str | None = None, *, force: bool = False) -> str:
    """Save atomically; return the new fingerprint (see :func:`write_project`)."""
    return write_project(path, project, expected, force=force)[0]


def write_project(path: Path, project: Project, expected: str | None = None, *,
                  force: bool = False) -> tuple[str, bytes]:
    """Save atomically; return the new fingerprint and the bytes written.

    Unless ``force``, the file on disk must still have the fingerprint ``expected`` (None: there
    must be no file), or :class:`ExternalChangeError` is raised and nothing is written. A file or
    folder the user may not write is refused with :class:`SaveError` (see ``disk.write_refusal``).
    Through a symbolic link, the link's target gets the edit and the link stays.

    The project is checked whole first (an invalid one is refused with :class:`SaveError`
    saying where, and nothing is written), and its text is made in small pieces that let the
    app's other thread answer keys meanwhile (core/save_pieces): the bytes of :func:`dump_project`.
    """
    refusal = write_refusal(path)
    if refusal is not None:
        raise refusal
    data = checked_bytes(path, project)
    if not force and file_fingerprint(path) != expected:
        raise ExternalChangeError(path)
    atomic_write(path, data)
    return fingerprint(data), data


def checked_bytes(path: Path, project: Project) -> bytes:
    """The file for ``project``, made in pieces (core/save_pieces) and checked on the way; an
    invalid project is refused with :class:`SaveError` naming the field."""
    from borgerspil_tui.core.problems import format_field
    from borgerspil_tui.core.save_pieces import ProjectInvalid, file_bytes

    try:
        return file_bytes(project)
    except ProjectInvalid as error:
        raise SaveError.of(path, "save.invalid", field=format_field(error.loc), why=error.message) from None


def create_project_file(path: Path, project: Project) -> str:
    """Write a new file; refuse if anything already exists at ``path`` or the folder is read-only."""
    data = dump_project(project).encode("utf-8")
    if not os.path.lexists(path):
        refusal = write_refusal(path)
        if refusal is not None:
            raise refusal
    try:
        with open(path, "xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except FileExistsError:
        raise SaveError.of(path, "save.exists") from None
    except OSError as error:
        raise SaveError.from_os(path, error) from None
    return fingerprint(data)

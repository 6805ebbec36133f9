"""Where a report is written, and writing it: next to the project by default, atomically, never
over the project file itself. Shared by ``borgerspil export`` and the app's *Eksportér rapport*.
No Textual here."""

from __future__ import annotations

import os
from pathlib import Path

from borgerspil_tui.core.disk import SaveError, atomic_write

SUFFIXES = (".borgerspil.yaml", ".borgerspil.yml", ".yaml", ".yml")
"""What is cut from the project file's name to name its report."""


def default_output(project_path: Path, fmt: str) -> Path:
    """The report's file next to the project: ``hjaelpemidler.borgerspil.yaml`` → ``hjaelpemidler.md``
    (``.html`` for HTML)."""
    name = project_path.name
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return project_path.with_name(f"{name}.{fmt}")


def is_same_file(one: Path, other: Path) -> bool:
    """Whether ``one`` and ``other`` are the same file (through links, ``..`` or another name)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return os.path.realpath(one) == os.path.realpath(other)


class WouldOverwriteProject(Exception):
    """The report's path is the project file itself: nothing is written."""


def write_report(text: str, output: Path, project_path: Path) -> None:
    """Write ``text`` to ``output`` so a reader sees the old file or the new one, never half.

    Raises :class:`WouldOverwriteProject` when ``output`` is the project file, and
    :class:`~borgerspil_tui.core.disk.SaveError` when the system refuses the write.
    """
    if is_same_file(output, project_path):
        raise WouldOverwriteProject(str(output))
    atomic_write(output, text.encode("utf-8"))


__all__ = ["SaveError", "WouldOverwriteProject", "default_output", "is_same_file", "write_report"]

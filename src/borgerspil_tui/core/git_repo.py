"""A project file in a git repository: set-up of the merge and diff drivers, merges in progress,
and git's index stages of a conflicted file. Runs the ``git`` command; never imports Textual.

Contract used by the app (tui) and the CLI; every function is safe to call outside a repository
or without git installed (it then answers None / False).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class MergeInProgress:
    """Why a file is in the middle of a merge: git's MERGE_HEAD, the path unmerged in the index,
    or conflict markers in the file."""

    merge_head: bool
    unmerged: bool
    markers: bool


def repo_root(path: Path) -> Path | None:
    """The top of the git work tree ``path`` (a file or folder) is in, or None."""
    raise NotImplementedError


def driver_configured(root: Path) -> bool:
    """Whether this clone has borgerspil's merge driver in its git config and the attribute that uses it."""
    raise NotImplementedError


def setup_git(folder: Path) -> list[str]:
    """``borgerspil git-setup``: the attributes line, the ignore pattern for temp files and this
    clone's driver config, each only when missing. Returns what it changed, as short English
    log lines (empty when everything was there). Raises GitError (ours, worded) outside a repo."""
    raise NotImplementedError


def merge_in_progress(path: Path) -> MergeInProgress | None:
    """Whether ``path`` is being merged (see :class:`MergeInProgress`); None when it is not."""
    raise NotImplementedError


def merge_git_file(path: Path):  # noqa: ANN201 - returns core.merge.MergeResult
    """Merge ``path`` semantically from git's index stages (:1: base, :2: ours, :3: theirs),
    write the result over ``path`` and, when clean, mark it resolved (``git add``). Raises
    FileProblemError (located, in our words) when a stage does not load; then nothing is written."""
    raise NotImplementedError

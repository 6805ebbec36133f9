"""A project file in a git repository: set-up of the merge and diff drivers, merges in progress,
and git's index stages of a conflicted file. Runs the ``git`` command; never imports Textual.

Contract used by the app (tui) and the CLI; every function is safe to call outside a repository
or without git installed (it then answers None / False). Only :func:`setup_git` and
:func:`merge_git_file` raise, and only what their docstrings say. git runs without a shell, with
a timeout and ``LC_ALL=C`` (its output is read, never shown).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from borgerspil_tui.core.disk import TEMP_MARK, SaveError, atomic_write
from borgerspil_tui.core.i18n import Message

GIT_TIMEOUT = 60.0
"""Seconds any one git command may take (a large index on a network drive is slow, not stuck)."""
ATTRIBUTES_LINE = "*.borgerspil.yaml merge=borgerspil diff=borgerspil"
IGNORE_LINE = f".*{TEMP_MARK}*"
DRIVER_NAME = "borgerspil: merges projects item by item, conflicts recorded in the file"


class GitError(Exception):
    """git could not do what was asked; :meth:`text` says why in the reader's language."""

    def __init__(self, key: str, **values: object) -> None:
        self.message = Message(key, values)
        super().__init__(self.message.text("en"))

    def text(self, lang: str = "da") -> str:
        """Why, in ``lang``."""
        return self.message.text(lang)


class SetupStep(str):
    """One thing :func:`setup_git` changed: the English log line, with :attr:`message` for any language."""

    message: Message

    def __new__(cls, key: str, /, **values: object) -> SetupStep:
        message = Message(key, values)
        step = super().__new__(cls, message.text("en"))
        step.message = message
        return step


@dataclass(frozen=True)
class MergeInProgress:
    """Why a file is in the middle of a merge: git's MERGE_HEAD, the path unmerged in the index,
    or conflict markers in the file."""

    merge_head: bool
    unmerged: bool
    markers: bool


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    """Run ``git -C folder args`` (no shell, timeout, C locale); None when git cannot be run."""
    if shutil.which("git") is None:
        return None
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    try:
        return subprocess.run(["git", "-C", str(folder), "--literal-pathspecs", *args], capture_output=True,
                              env=env, timeout=GIT_TIMEOUT, stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def _ok(result: subprocess.CompletedProcess[bytes] | None) -> bool:
    return result is not None and result.returncode == 0


def _folder_of(path: Path) -> Path:
    """The existing folder ``path`` is in (or is)."""
    path = Path(os.path.abspath(path))
    if os.path.isdir(path):
        return path
    folder = path.parent
    while not os.path.isdir(folder) and folder != folder.parent:
        folder = folder.parent
    return folder


def repo_root(path: Path) -> Path | None:
    """The top of the git work tree ``path`` (a file or folder) is in, or None."""
    result = _git(_folder_of(path), "rev-parse", "--show-toplevel")
    if not _ok(result):
        return None
    top = os.fsdecode(result.stdout).rstrip("\n")
    return Path(top) if top else None


def _config(root: Path, key: str) -> str | None:
    result = _git(root, "config", "--get", key)
    return os.fsdecode(result.stdout).rstrip("\n") if _ok(result) else None


def driver_configured(root: Path) -> bool:
    """Whether this clone has borgerspil's merge driver in its git config and the attribute that uses it."""
    if not _config(root, "merge.borgerspil.driver"):
        return False
    result = _git(root, "check-attr", "merge", "--", "x.borgerspil.yaml")
    return _ok(result) and result.stdout.rstrip(b"\n").endswith(b": merge: borgerspil")


def borgerspil_command() -> str:
    """How git's shell runs this install: ``borgerspil`` when that is this install's script,
    else this Python with ``-m borgerspil_tui`` (quoted for a POSIX shell, which git uses)."""
    found = shutil.which("borgerspil")
    if found:
        name = "borgerspil.exe" if os.name == "nt" else "borgerspil"
        schemes = [None, f"{os.name}_user"]
        for scheme in schemes:
            try:
                scripts = sysconfig.get_path("scripts", scheme) if scheme else sysconfig.get_path("scripts")
            except KeyError:
                continue
            if scripts and _same_file(Path(found), Path(scripts) / name):
                return "borgerspil"
    python = sys.executable.replace("\\", "/") if os.name == "nt" else sys.executable
    return f"{shlex.quote(python)} -m borgerspil_tui"


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _add_line(file: Path, line: str) -> bool:
    """Append ``line`` to ``file`` unless a line says the same already; True when it was added.
    Existing content is kept, and the file ends with a newline."""
    try:
        text = file.read_bytes().decode("utf-8", "surrogateescape") if file.exists() else ""
    except OSError as error:
        raise GitError("git.setup_unreadable", path=str(file), reason=error.strerror or str(error)) from None
    wanted = line.split()
    if any(existing.split() == wanted for existing in text.splitlines()):
        return False
    newline = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith("\n"):
        text += newline
    text += line + newline
    try:
        atomic_write(file, text.encode("utf-8", "surrogateescape"))
    except SaveError as error:
        raise GitError("git.setup_unwritable", path=str(file), reason=error.reason) from None
    return True


def setup_git(folder: Path) -> list[str]:
    """``borgerspil git-setup``: the attributes line, the ignore pattern for temp files and this
    clone's driver config, each only when missing. Returns what it changed, as short English
    log lines (each a :class:`SetupStep`, whose ``message`` says it in any language; empty when
    everything was there). Raises GitError (ours, worded) outside a repo or without git."""
    if shutil.which("git") is None:
        raise GitError("git.no_git")
    root = repo_root(folder) if os.path.exists(folder) else None
    if root is None:
        raise GitError("git.not_a_repo", path=str(folder))
    done: list[str] = []
    if _add_line(root / ".gitattributes", ATTRIBUTES_LINE):
        done.append(SetupStep("git.setup_added", line=ATTRIBUTES_LINE, file=".gitattributes"))
    if _add_line(root / ".gitignore", IGNORE_LINE):
        done.append(SetupStep("git.setup_added", line=IGNORE_LINE, file=".gitignore"))
    command = borgerspil_command()
    settings = (("merge.borgerspil.name", DRIVER_NAME),
                ("merge.borgerspil.driver", f"{command} merge %O %A %B %P"),
                ("diff.borgerspil.command", f"{command} diff"))
    for key, value in settings:
        current = _git(root, "config", "--local", "--get", key)
        if _ok(current) and os.fsdecode(current.stdout).rstrip("\n") == value:
            continue
        if not _ok(_git(root, "config", "--local", key, value)):
            raise GitError("git.config_failed", key=key)
        done.append(SetupStep("git.setup_config", key=key, value=value))
    return done


def has_markers(path: Path) -> int | None:
    """The line of the first git conflict marker in ``path``, or None (also when it cannot be read)."""
    from borgerspil_tui.core.located import decode, read_bytes
    from borgerspil_tui.core.problems import FileProblemError
    from borgerspil_tui.core.safe_yaml import find_conflict_markers

    try:
        found = find_conflict_markers(decode(read_bytes(path), path))
    except FileProblemError:
        return None
    return found.line if found is not None else None


def _stages(path: Path) -> dict[int, str]:
    """The index stages of ``path`` while it is unmerged: stage number → blob id."""
    path = Path(os.path.abspath(path))
    result = _git(path.parent, "ls-files", "-u", "-z", "--", path.name)
    if not _ok(result):
        return {}
    stages: dict[int, str] = {}
    for entry in result.stdout.split(b"\0"):
        info, _, _ = entry.partition(b"\t")
        parts = info.split()
        if len(parts) == 3 and parts[2] in (b"1", b"2", b"3"):
            stages[int(parts[2])] = parts[1].decode("ascii", "replace")
    return stages


def merge_in_progress(path: Path) -> MergeInProgress | None:
    """Whether ``path`` is being merged (see :class:`MergeInProgress`); None when it is not."""
    markers = has_markers(path) is not None
    merge_head = unmerged = False
    folder = _folder_of(path)
    if repo_root(folder) is not None:
        found = _git(folder, "rev-parse", "--git-path", "MERGE_HEAD")
        if _ok(found):
            head = Path(os.fsdecode(found.stdout).rstrip("\n"))
            merge_head = os.path.isfile(head if head.is_absolute() else folder / head)
        unmerged = bool(_stages(path))
    if not (merge_head or unmerged or markers):
        return None
    return MergeInProgress(merge_head=merge_head, unmerged=unmerged, markers=markers)


def empty_base(ours):  # noqa: ANN001, ANN201 - Project → Project (models load lazily)
    """The base for a file both sides added: an empty project with our title, language and date."""
    from borgerspil_tui.core.model import SCHEMA_VERSION, Project

    return Project(schema_version=SCHEMA_VERSION, title=ours.title, language=ours.language, created=ours.created)


def _stage_project(path: Path, stage: int, blob: str):  # noqa: ANN202 - a Project
    from borgerspil_tui.core.located import decode
    from borgerspil_tui.core.storage import parse_project

    result = _git(Path(os.path.abspath(path)).parent, "cat-file", "blob", blob)
    if not _ok(result):
        raise GitError("git.stage_unreadable", stage=stage, path=str(path))
    label = f"{path} (:{stage}:)"
    return parse_project(decode(result.stdout, label), label)


def merge_git_file(path: Path):  # noqa: ANN201 - returns core.merge.MergeResult
    """Merge ``path`` semantically from git's index stages (:1: base, :2: ours, :3: theirs),
    write the result over ``path`` and, when clean, mark it resolved (``git add``). Raises
    FileProblemError (located, in our words) when a stage does not load; then nothing is written.
    Raises GitError when there is no repository, the path is not unmerged, or one side deleted it;
    SaveError when the result cannot be written."""
    from borgerspil_tui.core.merge import merge_projects
    from borgerspil_tui.core.storage import save_project

    if shutil.which("git") is None:
        raise GitError("git.no_git")
    if repo_root(path) is None:
        raise GitError("git.not_a_repo", path=str(path))
    stages = _stages(path)
    if not stages:
        raise GitError("git.not_unmerged", path=str(path))
    if 2 not in stages or 3 not in stages:
        raise GitError("git.deleted_side", path=str(path))
    ours = _stage_project(path, 2, stages[2])
    theirs = _stage_project(path, 3, stages[3])
    base = _stage_project(path, 1, stages[1]) if 1 in stages else empty_base(ours)
    result = merge_projects(base, ours, theirs)
    save_project(path, result.project, force=True)
    if result.clean:
        folder = Path(os.path.abspath(path)).parent
        if not _ok(_git(folder, "add", "--", Path(path).name)):
            raise GitError("git.add_failed", path=str(path))
    return result

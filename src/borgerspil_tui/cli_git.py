"""``borgerspil merge`` (git's merge driver, and ``--git PATH`` for a file git left conflicted) and
``borgerspil git-setup``, in the user's language: merge says everything on stderr (git's merge
output is on the terminal too), git-setup what it changed on stdout and a refusal on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from borgerspil_tui.cli_args import command
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.text import printable

SIDES = ("base", "ours", "theirs")


def register(commands: Any, t: Callable[[str], str], common: list[argparse.ArgumentParser]) -> None:
    """Add ``merge`` and ``git-setup`` to the command line."""
    merge = command(commands, "merge", t("merge"), common)
    merge.usage = "borgerspil merge BASE OURS THEIRS [PATH]\n       borgerspil merge --git PATH"
    merge.add_argument("files", metavar="FILE", nargs="+", help=t("merge_files"))
    merge.add_argument("--git", action="store_true", help=t("merge_git"))
    merge.set_defaults(run=cmd_merge, merge_parser=merge)

    setup = command(commands, "git-setup", t("git_setup"), common)
    setup.add_argument("folder", metavar="DIR", nargs="?", default=".", help=t("git_setup_dir"))
    setup.set_defaults(run=cmd_git_setup)


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _tr(args: argparse.Namespace, key: str, **values: object) -> str:
    from borgerspil_tui.core.i18n import tr

    return tr(args.language, key, **values)


def cmd_merge(args: argparse.Namespace) -> int:
    """Merge three files (git's ``%O %A %B %P``), or a conflicted file from git's index stages."""
    files = args.files
    if args.git and len(files) == 1:
        return _merge_git(args, Path(files[0]))
    if not args.git and len(files) in (3, 4):
        return _merge_files(args, *files)
    args.merge_parser.error(_tr(args, "git.merge_args"))
    return 2  # pragma: no cover - error() exits


def _is_empty(path: Path) -> bool:
    """An empty base: git gives one when both sides added the file."""
    try:
        return path.is_file() and path.stat().st_size < 4096 and not path.read_bytes().strip()
    except OSError:
        return False


def _merge_files(args: argparse.Namespace, base: str, ours: str, theirs: str, path: str | None = None) -> int:
    """git's merge driver: the result goes into OURS; a file that does not load changes nothing."""
    from borgerspil_tui.core.git_repo import empty_base
    from borgerspil_tui.core.merge import merge_projects
    from borgerspil_tui.core.storage import SaveError, load_project, save_project

    shown = printable(path or ours)
    projects: dict[str, Any] = {}
    failed = False
    for side, raw in zip(SIDES, (base, ours, theirs)):
        if side == "base" and _is_empty(Path(raw)):
            continue
        try:
            projects[side] = load_project(Path(raw)).project
        except FileProblemError as error:
            label = f"{shown} ({_tr(args, f'git.side.{side}')})"
            for problem in error.problems:
                _say(problem.format(label, args.language))
            failed = True
    if failed:
        _say(_tr(args, "git.merge_not_written", path=shown))
        return 1
    base_project = projects.get("base") or empty_base(projects["ours"])
    result = merge_projects(base_project, projects["ours"], projects["theirs"])
    try:
        save_project(Path(ours), result.project, force=True)
    except SaveError as error:
        _say(_tr(args, "git.not_saved", path=shown, reason=printable(_save_reason(args, error))))
        return 1
    return _said(args, result, shown, git=False)


def _merge_git(args: argparse.Namespace, path: Path) -> int:
    """``merge --git PATH``: from git's stages :1: :2: :3:, over PATH, ``git add`` when clean."""
    from borgerspil_tui.core.git_repo import GitError, merge_git_file
    from borgerspil_tui.core.storage import SaveError

    shown = printable(str(path))
    try:
        result = merge_git_file(path)
    except FileProblemError as error:
        for problem in error.problems:
            _say(problem.format(error.path, args.language))
        _say(_tr(args, "git.merge_git_not_written", path=shown))
        return 1
    except GitError as error:
        _say(printable(error.text(args.language)))
        return 1
    except SaveError as error:
        _say(_tr(args, "git.not_saved", path=shown, reason=printable(_save_reason(args, error))))
        return 1
    return _said(args, result, shown, git=True)


def _said(args: argparse.Namespace, result: Any, shown: str, *, git: bool) -> int:
    """Say which links went and how the merge ended; the exit status (1: conflicts recorded)."""
    for link in result.dropped_links:
        _say(_tr(args, "git.dropped_link", path=shown, about=link.about, target=printable(link.target)))
    prefix = "git.merge_git" if git else "git.merge"
    if result.clean:
        _say(_tr(args, f"{prefix}_clean", path=shown))
        return 0
    _say(_tr(args, f"{prefix}_conflicts", path=shown, count=len(result.conflicts)))
    return 1


def _save_reason(args: argparse.Namespace, error: Exception) -> str:
    problem = getattr(error, "problem", None)
    if problem is not None:
        return problem.text(args.language)
    return getattr(error, "reason", None) or str(error)


def cmd_git_setup(args: argparse.Namespace) -> int:
    """Set up this clone: attributes, ignore pattern, merge and diff drivers."""
    from borgerspil_tui.core.git_repo import GitError, repo_root, setup_git

    folder = Path(args.folder)
    try:
        steps = setup_git(folder)
    except GitError as error:
        _say(printable(error.text(args.language)))
        return 1
    for step in steps:
        message = getattr(step, "message", None)
        print(printable(message.text(args.language) if message is not None else step))
    root = printable(str(repo_root(folder) or folder))
    print(_tr(args, "git.setup_done" if steps else "git.setup_nothing", path=root))
    return 0

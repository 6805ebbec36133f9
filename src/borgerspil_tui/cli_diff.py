"""``borgerspil diff``: what changed between two versions of a project, in the method's words.

Two forms:

- ``borgerspil diff OLD NEW``: the changes, part by part. Exit status as ``diff``'s: 0 when the
  projects are the same (the files may still differ in layout or comments), 1 when they differ,
  2 when a file cannot be read or the arguments are wrong.
- git's external diff (``diff.borgerspil.command = borgerspil diff`` and ``diff=borgerspil`` in
  .gitattributes): ``PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE``, OLD-FILE or
  NEW-FILE ``/dev/null`` for a file added or deleted (nine for a renamed file; one, the path, for
  a path a merge left unmerged). A header line names PATH; the exit status
  is always 0, because git stops the whole diff when an external diff fails (a file that cannot
  be read is said in the output instead).

Everything printed is plain text with control characters escaped; no traceback reaches a user.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from borgerspil_tui.cli_args import command
from borgerspil_tui.core.problems import FileProblemError
from borgerspil_tui.core.text import printable

NO_FILE = "/dev/null"
"""What git passes for the side of an added or deleted file."""


def register(commands: Any, t: Any, common: list[argparse.ArgumentParser]) -> None:
    """Add the ``diff`` command to the command line."""
    diff = command(commands, "diff", t("diff"), common)
    diff.add_argument("files", metavar="OLD NEW", nargs="+")
    diff.set_defaults(run=cmd_diff)


def cmd_diff(args: argparse.Namespace) -> int:
    """Say what changed between two versions (two files, or git's seven arguments)."""
    from borgerspil_tui.core.i18n import tr

    files = args.files
    if len(files) == 2:
        return _two_files(args, Path(files[0]), Path(files[1]))
    if len(files) in (7, 9):  # 9: a renamed file, its new path and git's note on it follow
        shown = files[0] if len(files) == 7 else tr(args.language, "diff.renamed_path", old=files[0], new=files[7])
        return _for_git(args, shown, files[1], files[4])
    if len(files) == 1 and "GIT_DIFF_PATH_TOTAL" in os.environ:  # git during a merge: an unmerged path
        _say(tr(args.language, "diff.unmerged", path=files[0]))
        return 0
    _say(tr(args.language, "diff.arguments", count=len(args.files)), err=True)
    return 2


def _say(text: str, *, err: bool = False) -> None:
    print(printable(text), file=sys.stderr if err else sys.stdout)


class _Unreadable(Exception):
    """A version that does not load, with what to say about it."""


def _load(args: argparse.Namespace, path: Path, shown: str, side: str) -> Any:
    """The project in ``path``; a problem is said with ``shown`` as the file's name."""
    from borgerspil_tui.core.i18n import tr
    from borgerspil_tui.core.storage import load_project

    try:
        return load_project(path).project
    except FileProblemError as error:
        problem = error.problems[0].format(shown, args.language) if error.problems else ""
        raise _Unreadable(tr(args.language, "diff.not_loaded", side=tr(args.language, f"diff.side.{side}"),
                             problem=problem)) from None


def _describe(args: argparse.Namespace, old: Any, new: Any) -> list[str]:
    from borgerspil_tui.core.describe import describe_changes
    from borgerspil_tui.core.method import load_method

    return describe_changes(old, new, args.language, load_method(args.method))


def _same(args: argparse.Namespace, old_path: Path, new_path: Path) -> str:
    """What to say when the projects are the same: the files too, or only their layout differs."""
    from borgerspil_tui.core.i18n import tr

    try:
        identical = old_path.read_bytes() == new_path.read_bytes()
    except OSError:
        identical = False
    return tr(args.language, "diff.no_changes" if identical else "diff.only_layout")


def _two_files(args: argparse.Namespace, old_path: Path, new_path: Path) -> int:
    try:
        old = _load(args, old_path, str(old_path), "old")
        new = _load(args, new_path, str(new_path), "new")
    except _Unreadable as problem:
        _say(str(problem), err=True)
        return 2
    lines = _describe(args, old, new)
    if not lines:
        _say(_same(args, old_path, new_path))
        return 0
    for line in lines:
        _say(line)
    return 1


def _for_git(args: argparse.Namespace, path: str, old_file: str, new_file: str) -> int:
    from borgerspil_tui.core.i18n import tr
    from borgerspil_tui.core.model import SCHEMA_VERSION, Project

    lang = args.language
    try:
        if new_file == NO_FILE:
            old = _load(args, Path(old_file), path, "old")
            _say(tr(lang, "diff.header_deleted", path=path, title=old.title))
            return 0
        _say(tr(lang, "diff.header_added" if old_file == NO_FILE else "diff.header", path=path))
        new = _load(args, Path(new_file), path, "new")
        if old_file == NO_FILE:
            old = Project(schema_version=SCHEMA_VERSION, title=new.title, language=new.language, created=new.created)
        else:
            old = _load(args, Path(old_file), path, "old")
    except _Unreadable as problem:
        _say(str(problem))
        return 0
    lines = _describe(args, old, new)
    if not lines:
        _say("  " + _same(args, Path(old_file), Path(new_file)))
    for line in lines:
        _say(line)
    return 0

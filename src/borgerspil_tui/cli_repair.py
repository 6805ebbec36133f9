"""``borgerspil repair PATH``: remove the links to items that do not exist (someone else deleted
the item; a clean textual merge can leave such links) and save, saying which. A file with any
other problem is left as it is and its problems are reported, as ``validate`` does."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from borgerspil_tui.cli_args import command
from borgerspil_tui.core.text import printable


def register(commands: Any, t: Callable[[str], str], common: list[argparse.ArgumentParser]) -> None:
    """Add ``repair`` to the command line."""
    repair = command(commands, "repair", t("repair"), common)
    repair.add_argument("paths", metavar="PATH", nargs="+")
    repair.set_defaults(run=cmd_repair)


def _tr(args: argparse.Namespace, key: str, **values: object) -> str:
    from borgerspil_tui.core.i18n import tr

    return tr(args.language, key, **values)


def cmd_repair(args: argparse.Namespace) -> int:
    """Repair each file; exit 1 when one could not be repaired or saved."""
    status = 0
    for raw in args.paths:
        status = max(status, _repair(args, raw))
    return status


def _repair(args: argparse.Namespace, raw: str) -> int:
    from borgerspil_tui.core.dangling import load_repaired
    from borgerspil_tui.core.problems import FileProblemError
    from borgerspil_tui.core.storage import ExternalChangeError, SaveError, load_project, save_project

    path, name = Path(raw), printable(raw)
    try:
        load_project(path)
    except FileProblemError as error:
        problems = error
    else:
        print(_tr(args, "sync.repair_nothing", path=name))
        return 0
    try:
        loaded, removed = load_repaired(path, problems)
    except FileProblemError as error:
        for problem in error.problems:
            print(problem.format(error.path, args.language), file=sys.stderr)
        print(_tr(args, "sync.repair_other", path=name), file=sys.stderr)
        return 1
    try:
        save_project(path, loaded.project, loaded.fingerprint)
    except (ExternalChangeError, SaveError) as error:
        reason = error.text(args.language) if isinstance(error, SaveError) else _tr(args, "cli.changed_on_disk")
        print(f"{name}: {printable(reason)}", file=sys.stderr)
        return 1
    for link in removed:
        print(_tr(args, "sync.repair_removed", path=name, where=printable(link.where), target=printable(link.target)))
    print(_tr(args, "sync.repair_saved", path=name, n=len(removed)))
    return 0

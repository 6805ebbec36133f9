"""``borgerspil workshop PATH``: open the app on the project's workshop screen, to choose or build
today's agenda and run it. The file is opened as ``borgerspil PATH`` opens it (a file that does
not load shows the app's error screen, the file untouched); a file that is not there is said on
stderr with exit status 1, before the terminal is taken over."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from borgerspil_tui.cli_args import command
from borgerspil_tui.core.text import printable


def register(commands: Any, t: Callable[[str], str], common: list[argparse.ArgumentParser]) -> None:
    """Add ``workshop`` to the command line."""
    workshop = command(commands, "workshop", t("workshop"), common)
    workshop.add_argument("path", metavar="PATH")
    workshop.set_defaults(run=cmd_workshop)


def cmd_workshop(args: argparse.Namespace) -> int:
    """Open the project at PATH on the workshop screen."""
    from borgerspil_tui.core.i18n import tr

    path = Path(args.path)
    if not path.exists():
        print(tr(args.language, "cli.workshop_missing", path=printable(args.path)), file=sys.stderr)
        return 1
    from borgerspil_tui.tui.launch import run

    return run(args, path, screen="workshop")

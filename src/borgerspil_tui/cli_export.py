"""``borgerspil export PATH [--format md|html] [-o OUT] [--lang da|en] [--part NAME…] [--concept ID]
[--redact]``: a report of the project for the people outside the app (core/export).

The report is written next to the project (``NAME.md`` / ``NAME.html``) unless ``-o`` says
where (a folder: the default name in it; ``-`` : standard output). It is written atomically and
never over the project file. Exit status: 0 written, 1 the project or the write failed or the
concept does not exist, 2 the arguments are wrong (an unknown part). No traceback reaches a user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from borgerspil_tui.cli_args import command
from borgerspil_tui.core.text import printable


def register(commands: Any, t: Callable[[str], str], common: list[argparse.ArgumentParser]) -> None:
    """Add ``export`` to the command line."""
    from borgerspil_tui.core.export import PARTS

    export = command(commands, "export", t("export"), common)
    export.add_argument("path", metavar="PATH")
    export.add_argument("--format", choices=("md", "html"), default="md", help=t("export_format"))
    export.add_argument("-o", "--output", metavar="OUT", help=t("export_output"))
    export.add_argument("--part", dest="parts", nargs="+", action="extend", metavar="NAME",
                        help=t("export_part").replace("{parts}", ", ".join(PARTS)).replace("%", "%%"))
    export.add_argument("--concept", metavar="ID", help=t("export_concept"))
    export.add_argument("--redact", action="store_true", help=t("export_redact"))
    export.set_defaults(run=cmd_export)


def _say(text: str, *, err: bool = False) -> None:
    print(printable(text), file=sys.stderr if err else sys.stdout)


def _tr(args: argparse.Namespace, key: str, **values: object) -> str:
    from borgerspil_tui.core.i18n import tr

    return tr(args.language, key, **values)


def chosen_parts(raw: list[str] | None) -> tuple[tuple[str, ...] | None, str | None]:
    """The parts ``--part`` names (commas also separate them), or the first unknown name."""
    from borgerspil_tui.core.export import PARTS

    if not raw:
        return None, None
    names = [name.strip() for value in raw for name in value.split(",") if name.strip()]
    for name in names:
        if name not in PARTS:
            return None, name
    return tuple(names), None


def concept_problem(args: argparse.Namespace, project: Any, concept: str) -> str | None:
    """Why ``--concept`` cannot be used (no such concept, naming the ones there are), or None."""
    concepts = project.create.concepts
    if any(c.id == concept for c in concepts):
        return None
    if not concepts:
        return _tr(args, "export.no_concepts", concept=concept)
    known = ", ".join(f"«{c.title}» ({c.id})" for c in concepts)
    return _tr(args, "export.unknown_concept", concept=concept, known=known)


def _output(args: argparse.Namespace, project_path: Path) -> Path | None:
    """Where to write (None: standard output)."""
    from borgerspil_tui.core.export.output import default_output

    if args.output == "-":
        return None
    if args.output is None:
        return default_output(project_path, args.format)
    out = Path(args.output)
    if out.is_dir():
        return out / default_output(project_path, args.format).name
    return out


def cmd_export(args: argparse.Namespace) -> int:
    """Write the report; say where."""
    from borgerspil_tui.core.disk import SaveError
    from borgerspil_tui.core.export import PARTS, export_report
    from borgerspil_tui.core.export.output import (
        WouldOverwriteProject,
        is_same_file,
        write_report,
    )
    from borgerspil_tui.core.method import load_method
    from borgerspil_tui.core.storage import load_project

    parts, unknown = chosen_parts(args.parts)
    if unknown is not None:
        _say(_tr(args, "export.unknown_part", part=unknown, known=", ".join(PARTS)), err=True)
        return 2
    project_path = Path(args.path)
    project = load_project(project_path).project  # a problem: said by cli.main, exit 1
    if args.concept is not None:
        problem = concept_problem(args, project, args.concept)
        if problem is not None:
            _say(problem, err=True)
            return 1
    out = _output(args, project_path)
    if out is not None and is_same_file(out, project_path):  # before the work of rendering
        _say(_tr(args, "export.is_project", path=str(out)), err=True)
        return 1
    text = export_report(project, method=load_method(args.method), fmt=args.format, lang=args.language,
                         parts=parts, concept=args.concept, redact=args.redact)
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    try:
        write_report(text, out, project_path)
    except WouldOverwriteProject:
        _say(_tr(args, "export.is_project", path=str(out)), err=True)
        return 1
    except SaveError as error:
        _say(_tr(args, "export.not_written", path=str(out), reason=error.text(args.language)), err=True)
        return 1
    _say(_tr(args, "export.wrote", path=str(out)))
    return 0

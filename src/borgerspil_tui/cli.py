"""The ``borgerspil`` command. Headless commands never import Textual; the app is loaded lazily."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from borgerspil_tui import __version__
from borgerspil_tui.core.method import METHOD_ENV, load_method
from borgerspil_tui.core.problems import FileProblemError, Problem
from borgerspil_tui.core.text import printable

COMMAND_NAMES = ("new", "validate", "fmt", "schema", "check", "demo", "open", "screenshot")


def _say(text: str, *, err: bool = False) -> None:
    print(text, file=sys.stderr if err else sys.stdout)


def _report(error: FileProblemError) -> None:
    for problem in error.problems:
        _say(problem.format(error.path), err=True)


def _project_path(raw: str) -> Path:
    from borgerspil_tui.core.storage import SUFFIX

    path = Path(raw)
    if not path.name.endswith((".yaml", ".yml")):
        path = path.with_name(path.name + SUFFIX)
    return path


def cmd_new(args: argparse.Namespace) -> int:
    """Create a new, valid project file."""
    from pydantic import ValidationError

    from borgerspil_tui.core.model import SCHEMA_VERSION, Project
    from borgerspil_tui.core.storage import SaveError, create_project_file

    path = _project_path(args.path)
    title = args.title or path.name.removesuffix(".yaml").removesuffix(".borgerspil").replace("-", " ")
    try:
        project = Project(schema_version=SCHEMA_VERSION, title=title, language=args.lang or "da",
                          created=date.today())
    except ValidationError as error:
        _say(f"--title: {printable(error.errors()[0]['msg'])}", err=True)
        return 2
    try:
        create_project_file(path, project)
    except SaveError as error:
        _say(f"{printable(str(path))}: {printable(error.reason)}", err=True)
        return 1
    _say(f"created {printable(str(path))}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Check files; report every problem; keep going past bad files."""
    from borgerspil_tui.core.storage import load_project

    failed = False
    for raw in args.paths:
        try:
            load_project(Path(raw))
        except FileProblemError as error:
            _report(error)
            failed = True
        else:
            _say(f"{printable(raw)}: ok")
    return 1 if failed else 0


def cmd_fmt(args: argparse.Namespace) -> int:
    """Rewrite files in canonical form, or with --check only say which would change."""
    from borgerspil_tui.core.storage import (
        ExternalChangeError,
        SaveError,
        dump_project,
        load_project,
        save_project,
    )

    status = 0
    for raw in args.paths:
        path = Path(raw)
        try:
            loaded = load_project(path)
        except FileProblemError as error:
            _report(error)
            status = 1
            continue
        canonical = dump_project(loaded.project).encode("utf-8")
        if canonical == path.read_bytes():
            continue
        if args.check:
            _say(f"{printable(raw)}: would be reformatted")
            status = 1
            continue
        try:
            save_project(path, loaded.project, loaded.fingerprint)
        except (ExternalChangeError, SaveError) as error:
            _say(printable(str(error)), err=True)
            status = 1
        else:
            _say(f"{printable(raw)}: reformatted")
    return status


def cmd_schema(args: argparse.Namespace) -> int:
    """Write the project JSON Schema."""
    from borgerspil_tui.core.schema import project_schema_text

    text = project_schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    from borgerspil_tui.core.storage import SaveError, atomic_write

    try:
        atomic_write(Path(args.output), text.encode("utf-8"))
    except SaveError as error:
        _say(printable(str(error)), err=True)
        return 1
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Print what is missing and what to do next; ``--strict`` fails when anything is missing."""
    from borgerspil_tui.core.i18n import tr
    from borgerspil_tui.core.overview import next_suggestion, project_status
    from borgerspil_tui.core.settings import Settings, choose_language
    from borgerspil_tui.core.storage import load_project

    lang = choose_language(args.lang, Settings.load())
    project = load_project(Path(args.path)).project
    statuses = project_status(project, load_method(args.method), lang)
    _say(printable(project.title))
    for status in statuses:
        _say(f"\n{status.name}: {round(status.progress * 100)} %")
        for step in status.steps:
            mark = "?" if step.done is None else ("✓" if step.done else "·")
            _say(f"  {mark} {step.name}")
        for missing in status.missing:
            _say(f"  {tr(lang, 'check.missing')}: {missing}")
    suggestion = next_suggestion(statuses)
    if suggestion is None:
        _say("\n" + tr(lang, "check.done"))
    else:
        _say(f"\n{tr(lang, 'check.next')}: {suggestion[0].name} › {suggestion[1].name}")
    anything_missing = any(status.missing for status in statuses)
    return 1 if args.strict and anything_missing else 0


def cmd_open(args: argparse.Namespace) -> int:
    """Open a project in the app."""
    from borgerspil_tui.tui.launch import run

    return run(args, Path(args.path))


def cmd_home(args: argparse.Namespace) -> int:
    """The home screen: projects in this folder."""
    from borgerspil_tui.tui.launch import run

    return run(args, None)


def cmd_demo(args: argparse.Namespace) -> int:
    """Open a copy of the bundled example."""
    from borgerspil_tui.core.demo import demo_copy
    from borgerspil_tui.tui.launch import run

    return run(args, demo_copy(), demo=True)


def cmd_screenshot(args: argparse.Namespace) -> int:
    """Render a screen to SVG."""
    from borgerspil_tui.tui.screenshot import run

    return run(args)


def _with_implicit_open(argv: list[str]) -> list[str]:
    """``borgerspil PATH`` means ``borgerspil open PATH``."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token in ("--lang", "--method"):
            index += 2
            continue
        if token.startswith("-"):
            return argv
        if token in COMMAND_NAMES:
            return argv
        return [*argv[:index], "open", *argv[index:]]
    return argv


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(
        prog="borgerspil",
        description="Citizen-centred innovation (Sæt borgeren i spil) in the terminal. "
        "Without a command: open PATH, or the home screen.",
    )
    parser.add_argument("--version", action="version", version=f"borgerspil {__version__}")
    parser.add_argument("--lang", choices=("da", "en"), help="language of the app (default: da)")
    parser.add_argument("--method", metavar="PATH", help="the organisation's own method file")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = commands.add_parser("new", help="create a new project file")
    new.add_argument("path", metavar="PATH")
    new.add_argument("--title", metavar="TEXT")
    new.add_argument("--lang", choices=("da", "en"), help="content language (default: da)")
    new.set_defaults(run=cmd_new)

    check = commands.add_parser("validate", help="check project files; exit 1 if any is invalid")
    check.add_argument("paths", metavar="PATH", nargs="+")
    check.set_defaults(run=cmd_validate)

    fmt = commands.add_parser("fmt", help="rewrite project files in canonical form")
    fmt.add_argument("paths", metavar="PATH", nargs="+")
    fmt.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    fmt.set_defaults(run=cmd_fmt)

    status = commands.add_parser("check", help="what is missing and what to do next")
    status.add_argument("path", metavar="PATH")
    status.add_argument("--strict", action="store_true", help="exit 1 when anything is missing")
    status.add_argument("--lang", choices=("da", "en"))
    status.set_defaults(run=cmd_check)

    demo = commands.add_parser("demo", help="open a copy of the bundled example")
    demo.set_defaults(run=cmd_demo)

    open_ = commands.add_parser("open", help="open a project (the same as: borgerspil PATH)")
    open_.add_argument("path", metavar="PATH")
    open_.set_defaults(run=cmd_open)

    shot = commands.add_parser("screenshot", help="render a screen to SVG without a terminal")
    shot.add_argument("path", metavar="PATH", help="a project file (or, for home, a folder)")
    shot.add_argument("--screen", required=True, metavar="NAME")
    shot.add_argument("-o", "--output", required=True, metavar="OUT.svg")
    shot.add_argument("--size", default="120x40", metavar="WxH")
    shot.add_argument("--lang", choices=("da", "en"))
    shot.set_defaults(run=cmd_screenshot)

    schema = commands.add_parser("schema", help="write the project file's JSON Schema")
    schema.add_argument("-o", "--output", metavar="FILE")
    schema.set_defaults(run=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = _with_implicit_open(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        if args.method or os.environ.get(METHOD_ENV):
            load_method(args.method)  # an organisation's method file: refuse it early, located
        return (getattr(args, "run", None) or cmd_home)(args)
    except FileProblemError as error:
        _report(error)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # noqa: BLE001 - the last guard: no traceback reaches a user
        _say(Problem(f"unexpected error: {type(error).__name__}: {error}").format("borgerspil"), err=True)
        return 1

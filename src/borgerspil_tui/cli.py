"""The ``borgerspil`` command. Headless commands never import Textual; the app is loaded lazily."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from borgerspil_tui import __version__, cli_diff, cli_export, cli_git, cli_repair, cli_workshop
from borgerspil_tui.cli_args import command, everywhere, lang_flag, parser_class, with_implicit_open
from borgerspil_tui.core.method import METHOD_ENV, load_method
from borgerspil_tui.core.problems import FileProblemError, Problem
from borgerspil_tui.core.text import printable

def _say(text: str, *, err: bool = False) -> None:
    print(text, file=sys.stderr if err else sys.stdout)


def _report(error: FileProblemError, lang: str) -> None:
    for problem in error.problems:
        _say(problem.format(error.path, lang), err=True)


def _t(args: argparse.Namespace, key: str, **values: object) -> str:
    """A message in the language the command speaks (``--lang``, ``BORGERSPIL_LANG``, the saved setting)."""
    from borgerspil_tui.core.i18n import tr

    return tr(args.language, key, **values)


def _language(flag: str | None) -> str:
    """``--lang``, else ``BORGERSPIL_LANG``, else the language chosen in the app, else Danish."""
    from borgerspil_tui.core.settings import Settings, choose_language

    if flag in ("da", "en"):
        return flag
    return choose_language(flag, Settings.load())


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
        project = Project(schema_version=SCHEMA_VERSION, title=title, language=args.language,
                          created=date.today())
    except ValidationError as error:
        from borgerspil_tui.core.validation_messages import message_for

        _say(f"--title: {message_for(error.errors()[0]).text(args.language)}", err=True)
        return 2
    try:
        create_project_file(path, project)
    except SaveError as error:
        _say(f"{printable(str(path))}: {printable(_save_reason(args, error))}", err=True)
        return 1
    _say(_t(args, "cli.created", path=printable(str(path))))
    return 0


def _save_reason(args: argparse.Namespace, error: Exception) -> str:
    """Why a save failed, in the command's language."""
    from borgerspil_tui.core.storage import ExternalChangeError

    if isinstance(error, ExternalChangeError):
        return _t(args, "cli.changed_on_disk")
    problem = getattr(error, "problem", None)
    if isinstance(problem, Problem):
        return problem.text(args.language)
    return _t(args, "cli.not_saved", reason=getattr(error, "reason", None) or str(error))


def cmd_validate(args: argparse.Namespace) -> int:
    """Check files; report every problem; keep going past bad files."""
    from borgerspil_tui.core.storage import load_project

    failed = False
    for raw in args.paths:
        try:
            loaded = load_project(Path(raw))
        except FileProblemError as error:
            _report(error, args.language)
            failed = True
        else:
            from borgerspil_tui.core.conflict_problems import unresolved

            conflicts = unresolved(Path(raw), loaded.project)  # it loads, but a merge left choices
            if conflicts is not None:
                _report(conflicts, args.language)
                failed = True
            else:
                _say(_t(args, "cli.ok", path=printable(raw)))
            _say_comments(args, raw, _file_comments(raw))
    return 1 if failed else 0


def _file_comments(raw: str) -> list:
    from borgerspil_tui.core.comments import file_comments

    return file_comments(Path(raw))


def _say_comments(args: argparse.Namespace, raw: str, comments: list, key: str = "comments.lost") -> None:
    """Where a file's comments are (a save would drop them) and where notes belong instead."""
    from borgerspil_tui.core.comments import comments_problem, notes_instead

    if comments:
        _say(comments_problem(comments, key).format(printable(raw), args.language), err=True)
        _say(notes_instead().format(printable(raw), args.language), err=True)


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
            _report(error, args.language)
            status = 1
            continue
        canonical = dump_project(loaded.project).encode("utf-8")
        if canonical == path.read_bytes():
            continue
        comments = _file_comments(raw)
        if args.check:
            _say(_t(args, "cli.would_reformat", path=printable(raw)))
            _say_comments(args, raw, comments)
            status = 1
            continue
        if comments and not args.drop_comments:
            _say_comments(args, raw, comments, "comments.fmt_refused")
            status = 1
            continue
        try:
            save_project(path, loaded.project, loaded.fingerprint)
        except (ExternalChangeError, SaveError) as error:
            _say(f"{printable(raw)}: {printable(_save_reason(args, error))}", err=True)
            status = 1
        else:
            _say(_t(args, "comments.dropped", path=printable(raw), count=len(comments)) if comments
                 else _t(args, "cli.reformatted", path=printable(raw)))
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
        _say(f"{printable(args.output)}: {printable(_save_reason(args, error))}", err=True)
        return 1
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Print what is missing and what to do next; ``--strict`` fails when anything is missing."""
    from borgerspil_tui.core.i18n import tr
    from borgerspil_tui.core.overview import next_suggestion, project_status
    from borgerspil_tui.core.storage import load_project

    lang = args.language
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


def build_parser(lang: str = "da") -> argparse.ArgumentParser:
    """The argument parser for every sub-command, its help in ``lang``."""
    from borgerspil_tui.core.i18n import tr

    def t(key: str) -> str:
        return tr(lang, f"cli.help.{key}")

    parser = parser_class(lang)(prog="borgerspil", description=t("description"), add_help=False)
    parser.add_argument("-h", "--help", action="help", help=t("help"))
    parser.add_argument("--version", action="version", version=f"borgerspil {__version__}", help=t("version"))
    parser.add_argument("--lang", choices=("da", "en"), help=t("lang"))
    parser.add_argument("--method", metavar="PATH", help=t("method"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("commands"))
    common = [everywhere(lang)]

    new = command(commands, "new", t("new"), common)
    new.add_argument("path", metavar="PATH")
    new.add_argument("--title", metavar="TEXT", help=t("title"))
    new.set_defaults(run=cmd_new)

    check = command(commands, "validate", t("validate"), common)
    check.add_argument("paths", metavar="PATH", nargs="+")
    check.set_defaults(run=cmd_validate)

    fmt = command(commands, "fmt", t("fmt"), common)
    fmt.add_argument("paths", metavar="PATH", nargs="+")
    fmt.add_argument("--check", action="store_true", help=t("fmt_check"))
    fmt.add_argument("--drop-comments", action="store_true", help=t("drop_comments"))
    fmt.set_defaults(run=cmd_fmt)

    status = command(commands, "check", t("check"), common)
    status.add_argument("path", metavar="PATH")
    status.add_argument("--strict", action="store_true", help=t("strict"))
    status.set_defaults(run=cmd_check)

    demo = command(commands, "demo", t("demo"), common)
    demo.set_defaults(run=cmd_demo)

    open_ = command(commands, "open", t("open"), common)
    open_.add_argument("path", metavar="PATH")
    open_.set_defaults(run=cmd_open)

    shot = command(commands, "screenshot", t("screenshot"), common)
    shot.add_argument("path", metavar="PATH", help=t("screenshot_path"))
    shot.add_argument("--screen", required=True, metavar="NAME", help=t("screen"))
    shot.add_argument("-o", "--output", required=True, metavar="OUT.svg")
    shot.add_argument("--size", default="120x40", metavar="WxH")
    shot.set_defaults(run=cmd_screenshot)

    schema = command(commands, "schema", t("schema"), common)
    schema.add_argument("-o", "--output", metavar="FILE")
    schema.set_defaults(run=cmd_schema)
    cli_git.register(commands, t, common)
    cli_diff.register(commands, t, common)
    cli_repair.register(commands, t, common)
    cli_export.register(commands, t, common)
    cli_workshop.register(commands, t, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = with_implicit_open(list(sys.argv[1:] if argv is None else argv))
    language = _language(lang_flag(args_list))
    parser = build_parser(language)
    args = parser.parse_args(args_list)
    args.language = language
    try:
        if args.method or os.environ.get(METHOD_ENV):
            load_method(args.method)  # an organisation's method file: refuse it early, located
        return (getattr(args, "run", None) or cmd_home)(args)
    except FileProblemError as error:
        _report(error, language)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # noqa: BLE001 - the last guard: no traceback reaches a user
        detail = f"{type(error).__name__}: {error}"
        _say(Problem.of("cli.unexpected", error=detail).format("borgerspil", language), err=True)
        return 1

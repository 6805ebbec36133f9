"""Start the app from the command line, and make sure edits survive even a crash."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.problems import FileProblemError, Problem
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.settings import Settings, choose_language
from borgerspil_tui.core.storage import atomic_write, dump_project
from borgerspil_tui.core.text import printable


def build_app(args: argparse.Namespace, path: Path | None, *, demo: bool = False):  # noqa: ANN201
    """The app for ``borgerspil [PATH]`` / ``borgerspil demo``."""
    from borgerspil_tui.tui.app import BorgerspilApp

    settings = Settings.load()
    language = choose_language(getattr(args, "lang", None), settings)
    method = load_method(getattr(args, "method", None))
    session = None
    problems: tuple[Path, list[Problem]] | None = None
    if path is not None:
        try:
            session = Session.open(path)
        except FileProblemError as error:
            problems = (path, error.problems)
    folder = (path.parent if path is not None else Path.cwd()).resolve()
    notice = tr(language, "note.demo", path=str(path)) if demo and path is not None else None
    return BorgerspilApp(method=method, settings=settings, language=language, session=session,
                         load_problems=problems, folder=folder, notice=notice)


def run(args: argparse.Namespace, path: Path | None, *, demo: bool = False) -> int:
    """Run the app; if it stops with edits not on disk, save them, or keep a rescue copy."""
    app = build_app(args, path, demo=demo)
    try:
        app.run()
    finally:
        session = app.session
        if session is not None and session.dirty:
            if not session.save(force=False):
                rescue = session.path.with_name(session.path.name + ".rescued")
                try:
                    atomic_write(rescue, dump_project(session.project).encode("utf-8"))
                    print(f"borgerspil: your latest edits are in {printable(str(rescue))}", file=sys.stderr)
                except OSError:
                    print("borgerspil: could not save your latest edits", file=sys.stderr)
    return app.return_code or 0

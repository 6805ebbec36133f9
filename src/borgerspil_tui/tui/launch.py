"""Start the app from the command line, and make sure edits survive even a crash."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from borgerspil_tui.core.gc_pause import pause_for_start, start_done
from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.method import load_method
from borgerspil_tui.core.problems import FileProblemError, Problem
from borgerspil_tui.core.rescue import Secured, secure_edits
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.settings import Settings, choose_language
from borgerspil_tui.core.text import printable


def build_app(args: argparse.Namespace, path: Path | None, *, demo: bool = False,  # noqa: ANN201
              screen: str | None = None):
    """The app for ``borgerspil [PATH]`` / ``borgerspil demo`` (/ ``borgerspil workshop PATH``:
    ``screen`` is shown first, over the overview, when the project opens)."""
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
    app = BorgerspilApp(method=method, settings=settings, language=language, session=session,
                        load_problems=problems, folder=folder, notice=notice)
    app.autosave_delay = autosave_delay()
    app.exit_on_signals = True
    app.start_screen = screen
    return app


AUTOSAVE_ENV = "BORGERSPIL_AUTOSAVE_DELAY"
"""Seconds between the last edit and the autosave (default 1.5); tests make it long."""


def autosave_delay() -> float:
    """The autosave delay: ``BORGERSPIL_AUTOSAVE_DELAY`` when it is a number from 0.1 to 3600."""
    try:
        value = float(os.environ.get(AUTOSAVE_ENV, ""))
    except ValueError:
        return 1.5
    return value if 0.1 <= value <= 3600 else 1.5


def start_app(args: argparse.Namespace, path: Path | None, *, demo: bool = False,  # noqa: ANN201
              screen: str | None = None):
    """The app to run, built with the collector paused until its first frame (``gc_pause``)."""
    pause_for_start()
    return build_app(args, path, demo=demo, screen=screen)


def run(args: argparse.Namespace, path: Path | None, *, demo: bool = False, screen: str | None = None,
        prepare: Callable[[Any], None] | None = None) -> int:
    """Run the app; if it stops with edits not on disk, save them, or keep a rescue copy.
    ``prepare`` is given the app before it runs (``workshop --share`` asks it to share)."""
    app = start_app(args, path, demo=demo, screen=screen)
    if prepare is not None:
        prepare(app)
    try:
        app.run()
    finally:
        start_done()
        session = app.session
        if session is not None and not app.discard_on_exit:  # "quit without saving" means it
            _say_where(secure_edits(session), app.language)
    return app.return_code or 0


def _say_where(secured: Secured | None, lang: str) -> None:
    """After the app is gone: say where edits went that could not be saved (the terminal may be
    gone too, after a hang-up: then there is no one to tell)."""
    if secured is None or secured.saved:
        return
    if secured.rescue is not None:
        text = tr(lang, "rescue.written", path=printable(str(secured.rescue)))
    else:
        text = tr(lang, "rescue.failed", reason=printable(secured.error))
    try:
        print(f"borgerspil: {text}", file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass

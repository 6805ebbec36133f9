"""``borgerspil screenshot``: render any screen headless to SVG."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from borgerspil_tui.core.storage import atomic_write
from borgerspil_tui.tui.registry import project_screens

SPECIAL = ("home", "wizard", "help")


def screen_names() -> list[str]:
    """Every name ``--screen`` accepts."""
    return [*SPECIAL, *project_screens()]


async def render(app, screen: str, size: tuple[int, int]) -> str:  # noqa: ANN001 - BorgerspilApp
    """Start ``app`` headless, show ``screen`` and return the SVG of what is on it."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if screen == "wizard":
            from borgerspil_tui.tui.screens.wizard import WizardScreen

            await app.push_screen(WizardScreen())
        elif screen == "help":
            app.action_help()
        elif screen not in ("home", "overview") and app.session is not None:
            app.action_goto(screen)
        await pilot.pause()
        await pilot.pause(0.2)
        return app.export_screenshot(title=f"borgerspil · {screen}")


def run(args: argparse.Namespace) -> int:
    """Write the screenshot; return the exit status."""
    from borgerspil_tui.core.i18n import tr
    from borgerspil_tui.core.settings import Settings
    from borgerspil_tui.core.text import printable
    from borgerspil_tui.tui.launch import build_app

    lang = getattr(args, "language", "da")
    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        print("borgerspil screenshot: " + tr(lang, "cli.shot.size", size=printable(args.size)), file=sys.stderr)
        return 2
    path = Path(args.path)
    needs_project = args.screen not in ("home", "wizard")
    app = build_app(args, path if needs_project or path.is_file() else None)
    if not needs_project and path.is_dir():
        app.folder = path
    app.remember = False
    app.settings = Settings(language=app.language, theme=app.theme, show_guidance=True)
    if app.session is not None:  # a picture of the screen, not of the offer to set up git
        from borgerspil_tui.core.git_repo import repo_root

        try:
            root = repo_root(app.session.path)
        except Exception:  # noqa: BLE001 - without a working git there is no offer either
            root = None
        if root is not None:
            app.settings.git_offered = [str(root)]
    if args.screen not in screen_names():
        print("borgerspil screenshot: " + tr(lang, "cli.shot.screen", screen=printable(args.screen),
                                             names=", ".join(screen_names())), file=sys.stderr)
        return 2
    if needs_project and app.session is None:
        print("borgerspil screenshot: " + tr(lang, "cli.shot.project"), file=sys.stderr)
        return 2
    svg = asyncio.run(render(app, args.screen, (width, height)))
    atomic_write(Path(args.output), svg.encode("utf-8"))
    return 0

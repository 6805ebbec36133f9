"""``borgerspil workshop PATH [--share] [--bind ADDR] [--port N]``: open the app on the project's
workshop screen, to choose or build today's agenda and run it. The file is opened as
``borgerspil PATH`` opens it (a file that does not load shows the app's error screen, the file
untouched); a file that is not there is said on stderr with exit status 1, before the terminal is
taken over.

``--share`` shares the workshop with the room's phones from the start (the share screen shows the
address, QR code and join code): on this machine only (127.0.0.1) unless ``--bind`` names another
address, which the app has the facilitator confirm first. ``--per-address N`` lets N phones join
from one address (8 unless said; a class behind one router). ``--bind``, ``--port`` or
``--per-address`` alone imply ``--share``. A port that is not 1–65535, a number of phones that is
not 1–500, or an address and port that cannot be bound now, are said on stderr (exit status 2)
before the terminal is taken over."""

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
    workshop.add_argument("--share", action="store_true", help=t("share"))
    workshop.add_argument("--bind", metavar="ADDR", default=None, help=t("bind"))
    workshop.add_argument("--port", metavar="N", default=None, help=t("port"))
    workshop.add_argument("--per-address", metavar="N", dest="per_address", default=None, help=t("per_address"))
    workshop.set_defaults(run=cmd_workshop)


def share_request(args: argparse.Namespace) -> tuple[str, int | None] | None | str:
    """Where to share from the start: (address, port or None for the default), None when not
    asked, or our message (a text) when the port or address cannot be used."""
    from borgerspil_tui.core.i18n import tr
    from borgerspil_tui.core.share_address import (
        DEFAULT_PORT,
        LOOPBACK,
        bind_reason,
        try_bind,
        valid_port,
    )

    bind, port_text = getattr(args, "bind", None), getattr(args, "port", None)
    if not (getattr(args, "share", False) or bind is not None or port_text is not None
            or getattr(args, "per_address", None) is not None):
        return None
    bind = (bind or LOOPBACK).strip()
    port = None
    if port_text is not None:
        port = valid_port(port_text)
        if port is None:
            return tr(args.language, "cli.share_bad_port", port=printable(port_text))
    error = try_bind(bind, port if port is not None else DEFAULT_PORT)
    if error is not None:
        reason = bind_reason(error)
        if port is None and reason == "share.reason.in_use":
            return bind, None  # the default port is taken: the app takes a free one
        said = tr(args.language, reason) if reason else printable(str(error.strerror or error))
        return tr(args.language, "share.bind_failed", address=printable(bind),
                  port=port if port is not None else DEFAULT_PORT, reason=said)
    return bind, port


def cmd_workshop(args: argparse.Namespace) -> int:
    """Open the project at PATH on the workshop screen (sharing it when asked)."""
    from borgerspil_tui.core.i18n import tr
    from borgerspil_tui.core.share_address import is_loopback

    path = Path(args.path)
    if not path.exists():
        print(tr(args.language, "cli.workshop_missing", path=printable(args.path)), file=sys.stderr)
        return 1
    share = share_request(args)
    per_address = per_address_request(args)
    for refused in (share, per_address):
        if isinstance(refused, str):
            print(f"borgerspil: {refused}", file=sys.stderr)
            return 2
    from borgerspil_tui.tui import launch

    if share is None:
        return launch.run(args, path, screen="workshop")
    bind, port = share
    if not is_loopback(bind):
        print(f"borgerspil: {tr(args.language, 'cli.share_network', address=printable(bind))}", file=sys.stderr)
    def prepare(app: Any) -> None:
        if per_address is not None:
            app.share_per_address = per_address
        app.share_on_start(bind, port)

    return launch.run(args, path, screen="workshop", prepare=prepare)


def per_address_request(args: argparse.Namespace) -> int | None | str:
    """``--per-address N``: how many phones may join from one address (1 … the room's most),
    None when not said, or our message (a text) when N is no such number."""
    from borgerspil_tui.core.i18n import tr
    from borgerspil_tui.core.room import MOST_PARTICIPANTS

    given = getattr(args, "per_address", None)
    if given is None:
        return None
    try:
        most = int(str(given).strip())
    except ValueError:
        most = 0
    if not 1 <= most <= MOST_PARTICIPANTS:
        return tr(args.language, "cli.share_bad_per_address", given=printable(str(given)), most=MOST_PARTICIPANTS)
    return most

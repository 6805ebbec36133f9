"""The phone page's HTTP server: aiohttp's ``web.AppRunner`` + ``TCPSite`` in the running asyncio
loop (Textual's, in the app), so handlers run between key presses and edit the project through
the same session as the keyboard.

CONTRACT (filled in by the web part): :func:`make_web_app` builds the routes and middlewares;
:func:`start_server` binds and returns a :class:`RunningServer`.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_host import RoomHost

MAX_BODY = 8 * 1024
"""The largest request body taken (a post-it is at most 500 characters); more is refused (413)."""


def make_web_app(room: Room, host: RoomHost) -> web.Application:
    """The phone page's routes, behind the room's checks (code, CSRF, rate and size limits,
    security headers), in the project's language."""
    app = web.Application(client_max_size=MAX_BODY)

    async def index(request: web.Request) -> web.Response:
        return web.Response(text="borgerspil")

    app.router.add_get("/", index)
    return app


@dataclass
class RunningServer:
    """A started server: where it listens, and how to stop it."""

    runner: web.AppRunner
    bind: str
    port: int

    async def stop(self) -> None:
        """Stop listening and close every connection (idempotent)."""
        await self.runner.cleanup()


async def start_server(room: Room, host: RoomHost, bind: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve the phone page on ``bind``:``port`` (0: a free port) in the running loop. Raises
    OSError when the address cannot be bound (the caller says so in our words)."""
    runner = web.AppRunner(make_web_app(room, host), access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, bind, port)
    try:
        await site.start()
    except OSError:
        await runner.cleanup()
        raise
    sockets = getattr(site._server, "sockets", None) or []  # the port chosen when 0 was asked
    actual = sockets[0].getsockname()[1] if sockets else port
    return RunningServer(runner, bind, actual)

"""The phone page's HTTP server: aiohttp's ``web.AppRunner`` + ``TCPSite`` in the running asyncio
loop (Textual's, in the app), so handlers run between key presses and edit the project through
the same session as the keyboard.

Around the routes (``web/handlers.py``): the security headers on every response, the rate limit
per address on every request, every refusal and error as our own page (or JSON) in the project's
language — a crash in a handler is kept in :data:`ERRORS`, never printed to the terminal. Once the
room is over on purpose (``Room.over``) every request is told the workshop has ended
(:func:`ended_answer`) until the app stops the server.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.room import Room, RoomRefused
from borgerspil_tui.core.room_host import RoomHost, TurnedAway
from borgerspil_tui.web import pages
from borgerspil_tui.web.doorman import Doorman, PlainErrorHandler, handle_cap
from borgerspil_tui.web.handlers import BACK, PhonePage, wants_json

MAX_BODY = 8 * 1024
"""The largest request body taken (a post-it is at most 500 characters); more is refused (413)."""
STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
"""Sent with every response (the join code is in the URL: no referrer, nothing cached)."""
STATUS_TEXTS = {404: "room.page.not_found", 405: "room.page.wrong_method", 413: "room.page.too_large",
                429: "room.page.too_many"}
LAST_RESORT = "\n".join(tr(lang, "room.page.failed") for lang in ("da", "en")) + "\n"
"""The answer when even our error page cannot be made: fixed, in both languages, plain text."""
FIRST_ANSWER_SECONDS = 10.0
"""A connection that has had no response this long after it opened (its request's headers sent
slowly, or nothing) is closed."""
KEEPALIVE_SECONDS = 30.0
"""An idle keep-alive connection is closed after this long (the page polls every 2 s)."""
SERVER_NAME = "borgerspil"
"""The ``Server`` header (not aiohttp's and Python's versions)."""
DOORMAN: Any = web.AppKey("doorman", Doorman) if hasattr(web, "AppKey") else "doorman"
"""The app's :class:`Doorman` (set by :func:`start_server`; a response marks its connection answered)."""
BUSY_RETRY_SECONDS = 5
"""What a connection over the caps is told to wait before it tries again (``Retry-After``)."""
QUIET_LOGGERS = ("aiohttp.server", "aiohttp.access", "aiohttp.web", "aiohttp.internal", "borgerspil.web")


class ErrorLog(logging.Handler):
    """Keeps the last errors of the server in memory (the app may show them); prints nothing."""

    def __init__(self, most: int = 50) -> None:
        super().__init__(logging.WARNING)
        self.records: deque[str] = deque(maxlen=most)

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + "".join(traceback.format_exception(*record.exc_info))
        self.records.append(text)


ERRORS = ErrorLog()
"""The server's last errors (with their tracebacks), for the app — never on the terminal."""
LOG = logging.getLogger("borgerspil.web")


def quiet_loggers() -> None:
    """aiohttp's loggers (and ours) write into :data:`ERRORS` only, not to stderr."""
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if ERRORS not in logger.handlers:
            logger.addHandler(ERRORS)
        logger.propagate = False


def both(key: str) -> str:
    """Our text ``key`` in Danish and English, a line each (where the project's language is not known)."""
    return "".join(tr(lang, key) + "\n" for lang in ("da", "en"))


def plain_error(status: int) -> tuple[str, dict[str, str]]:
    """aiohttp's own error answer in our words (both languages) with our headers: malformed HTTP
    (400) could not be read; anything else went wrong on the facilitator's side."""
    text = both("room.page.bad_request" if status == 400 else "room.page.failed")
    return text, {**SECURITY_HEADERS, "Server": SERVER_NAME}


def busy_answer() -> bytes:
    """The whole fixed answer to a connection over the caps (written before it is closed, without
    reading its request): 503, our headers, "too many connections" in both languages."""
    body = both("room.page.too_many_connections").encode()
    lines = ["HTTP/1.1 503 Service Unavailable", "Content-Type: text/plain; charset=utf-8",
             f"Content-Length: {len(body)}", "Connection: close", f"Retry-After: {BUSY_RETRY_SECONDS}",
             f"Server: {SERVER_NAME}", *(f"{name}: {value}" for name, value in SECURITY_HEADERS.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


def answer(request: web.BaseRequest, lang: str, status: int, text: str, back: str | None = None,
           headers: dict[str, str] | None = None) -> web.Response:
    """A refusal in our words: JSON for the page's script, else our page."""
    if wants_json(request):
        return web.json_response({"ok": False, "error": text}, status=status, headers=headers)
    return web.Response(text=pages.refused_page(lang, text, back), status=status, content_type="text/html",
                        headers=headers)


def ended_answer(request: web.BaseRequest, lang: str) -> web.Response:
    """The room is over (the workshop ended, sharing stopped on purpose): every request, whatever its
    code, is told so until the server stops — the page's script shows it and stops asking, a page
    without script shows it. A GET is answered 200 (a poll is no error), a form 410 (not kept)."""
    heading, text = tr(lang, "room.page.ended_heading"), tr(lang, "room.page.ended_text")
    status = 200 if request.method in ("GET", "HEAD") else 410
    if wants_json(request):
        return web.json_response({"ok": False, "ended": True, "mode": "ended", "error": heading,
                                  "heading": heading, "text": text}, status=status)
    return web.Response(text=pages.ended_page(lang), status=status, content_type="text/html")


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def make_web_app(room: Room, host: RoomHost) -> web.Application:
    """The phone page's routes, behind the room's checks (code, CSRF, rate and size limits,
    security headers), in the project's language."""
    quiet_loggers()
    app = web.Application(client_max_size=MAX_BODY)
    phone = PhonePage(room, host)

    def back(request: web.Request) -> str | None:
        """A link back to the room's page when the request showed the right code."""
        found = request.get(BACK)
        return found if isinstance(found, str) else None

    async def refusing(request: web.Request, handler: Handler) -> web.StreamResponse:
        """The handler's answer, or its refusal or crash as our page in the project's language."""
        lang = phone.lang
        try:
            if not room.may_request(request.remote or "?"):
                raise web.HTTPTooManyRequests(headers={"Retry-After": "1"})
            if room.over and not request.path.startswith("/static/"):  # the page's style and script still come
                return ended_answer(request, lang)
            return await handler(request)
        except RoomRefused as refusal:
            return answer(request, lang, refusal.status, refusal.message.text(lang), back(request))
        except web.HTTPException as error:
            if error.status < 400:
                raise
            headers = {name: error.headers[name] for name in ("Allow", "Retry-After") if name in error.headers}
            text = tr(lang, STATUS_TEXTS.get(error.status, "room.page.failed"))
            return answer(request, lang, error.status, text, back(request), headers)
        except (asyncio.CancelledError, ConnectionError):
            raise
        except Exception:
            LOG.exception("phone page: %s %s", request.method, request.path)
            return answer(request, lang, 500, tr(lang, "room.page.failed"), back(request))

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await refusing(request, handler)
        except (asyncio.CancelledError, ConnectionError, web.HTTPException):
            raise  # a redirect, or the connection gone
        except Exception:  # our own page failed too: the fixed text, never aiohttp's English 500
            LOG.exception("phone page, its error page: %s %s", request.method, request.path)
            return web.Response(text=LAST_RESORT, status=500, content_type="text/plain", charset="utf-8")

    async def secure(request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(SECURITY_HEADERS)
        response.headers["Server"] = SERVER_NAME
        doorman = request.app.get(DOORMAN)
        if doorman is not None:
            doorman.answered(request.protocol)

    app.middlewares.append(guard)
    app.on_response_prepare.append(secure)
    phone.routes(app)
    files = static_files()

    async def static(request: web.Request) -> web.Response:
        """The page's own style and script, from memory: an unknown name is our 404 (no file is
        looked up by what was asked, no ranges, nothing re-read while the server runs)."""
        found = files.get(request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound()
        body, content_type = found
        return web.Response(body=body, content_type=content_type, charset="utf-8")

    app.router.add_get("/static/{name:[^/]*}", static)
    return app


STATIC_TYPES = {".css": "text/css", ".js": "text/javascript"}


def static_files() -> dict[str, tuple[bytes, str]]:
    """The static files (name → bytes, content type), read once when the server starts."""
    return {path.name: (path.read_bytes(), STATIC_TYPES[path.suffix])
            for path in sorted(STATIC.iterdir()) if path.is_file() and path.suffix in STATIC_TYPES}


@dataclass
class RunningServer:
    """A started server: where it listens, its door, and how to stop it."""

    runner: web.AppRunner
    bind: str
    port: int
    listening: asyncio.AbstractServer | None = None
    doorman: Doorman | None = None

    async def stop(self) -> None:
        """Stop listening and close every connection (idempotent)."""
        if self.listening is not None:
            self.listening.close()
        await self.runner.cleanup()


async def start_server(room: Room, host: RoomHost, bind: str = "127.0.0.1", port: int = 0) -> RunningServer:
    """Serve the phone page on ``bind``:``port`` (0: a free port) in the running loop. Raises
    OSError when the address cannot be bound (the caller says so in our words).

    The listening socket is made here with ``loop.create_server`` over a :class:`Doorman` that
    wraps the runner's public ``server`` (aiohttp's protocol factory): connections over the
    room's caps are closed at once, and one without an answer in :data:`FIRST_ANSWER_SECONDS`
    is closed (aiohttp has no timeout for reading headers)."""
    app = make_web_app(room, host)
    def caps() -> tuple[int, int]:  # the room's limits as they are now (a benchmark may raise them)
        return handle_cap(room.limits.connections), room.limits.connections_per_address

    def turned_away(address: str, per_address: bool) -> None:  # a phone's connection over a cap: the facilitator hears
        limits = room.limits
        host.turn_away(TurnedAway("connections", limits.connections_per_address) if per_address
                       else TurnedAway("connections_all", handle_cap(limits.connections)))

    doorman = Doorman(caps, first_answer=FIRST_ANSWER_SECONDS, busy=busy_answer())
    doorman.turned_away = turned_away
    app[DOORMAN] = doorman
    options: dict[str, Any] = {"access_log": None, "keepalive_timeout": KEEPALIVE_SECONDS}  # each connection's
    runner = web.AppRunner(app, handle_signals=False, **options)
    await runner.setup()
    manager = runner.server
    assert manager is not None
    loop = asyncio.get_running_loop()

    def protocol() -> asyncio.Protocol:  # as web.Server makes one, with our error answers
        return PlainErrorHandler(manager, plain=plain_error, loop=loop, **options)

    doorman.inner = protocol
    try:
        listening = await loop.create_server(doorman, bind, port)
    except OSError:
        await runner.cleanup()
        raise
    sockets = listening.sockets or []  # the port chosen when 0 was asked
    actual = sockets[0].getsockname()[1] if sockets else port
    return RunningServer(runner, bind, actual, listening, doorman)

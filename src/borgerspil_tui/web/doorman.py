"""The door of the phone server's sockets: how many connections may be open (in all, and from
one address), and how long a connection may take to show its first request. aiohttp has no
timeout for reading a request's headers: a phone that sends them a line every few seconds
("slowloris") would hold its connection — and a file handle of the app — for ever.

:class:`Doorman` is the protocol factory given to ``loop.create_server``: it wraps aiohttp's
public ``runner.server`` (a ``web.Server``, itself a protocol factory) and hands each connection
to aiohttp's request handler through a :class:`GuardedProtocol`, which refuses a connection over
a cap at once — a short fixed 503 written before it is closed (``busy``, our words and headers),
nothing of its request read into aiohttp — and closes one that has had no answer within
``first_answer`` seconds. Idle keep-alive connections are closed by aiohttp's own
``keepalive_timeout``.

:class:`PlainErrorHandler` is aiohttp's public ``web.RequestHandler`` (the protocol of one
connection) with its ``handle_error`` answering in our words and headers: aiohttp calls it for
malformed HTTP, before any request object exists, where no middleware or response signal runs.
"""

from __future__ import annotations

import asyncio
import resource
from collections.abc import Callable
from typing import Any

from aiohttp import web

from borgerspil_tui.core.room import address_key

LINGER_SECONDS = 2.0
"""How long a refused connection is kept after its 503 was written, reading and dropping what the
phone still sends, so its browser reads the answer (closing on unread data resets it)."""
MOST_LINGERING = 32
"""Refused connections kept at once for their answer; more are closed without one."""
HANDLE_SHARE = 4
"""At most a quarter of the process's file handles go to phones (the disk check, autosave and
the terminal need theirs)."""


def handle_cap(most: int) -> int:
    """``most``, or fewer when the process may open few files (its soft RLIMIT_NOFILE / 4)."""
    try:
        soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (OSError, ValueError):
        return most
    if soft == resource.RLIM_INFINITY or soft <= 0:
        return most
    return max(1, min(most, soft // HANDLE_SHARE))


def peer_address(transport: asyncio.BaseTransport) -> str:
    """The remote address of a connection as it is counted (its host part's
    :func:`~borgerspil_tui.core.room.address_key`: an IPv6 /64 is one address), "?" when unknown."""
    peer = transport.get_extra_info("peername")
    if isinstance(peer, (tuple, list)) and peer:
        return address_key(str(peer[0]))
    return "?"


class Doorman:
    """Counts the open connections and lets a new one in only under the caps ``caps()`` gives
    (asked at each connection: most in all, most from one remote address). ``inner`` makes
    aiohttp's protocol for a connection let in; ``first_answer`` seconds is how long it has to get
    its first response."""

    def __init__(self, caps: Callable[[], tuple[int, int]], *, first_answer: float,
                 inner: Callable[[], asyncio.Protocol] | None = None, busy: bytes = b"") -> None:
        self.inner: Callable[[], asyncio.Protocol] = inner or self._not_ready
        self.caps = caps
        self.first_answer = first_answer
        self.busy = busy
        """The whole answer written to a connection over a cap before it is closed (b"": none)."""
        self.turned_away: Callable[[str, bool], None] | None = None
        """Told of each connection over a cap: its address, and whether the cap per address (not
        the one in all) was reached."""
        self.lingering = 0
        """Refused connections still open for their answer to be read."""
        self.open: dict[str, int] = {}
        """Open connections by remote address."""
        self.refused = 0
        """Connections closed at once, over a cap (for tests and the app)."""
        self.timed_out = 0
        """Connections closed because no answer came within ``first_answer`` seconds."""
        self._live: dict[Any, bool] = {}
        """aiohttp's protocol of each open connection → whether it has had a response."""

    @staticmethod
    def _not_ready() -> asyncio.Protocol:
        raise RuntimeError("the doorman has no server to hand connections to yet")

    @property
    def total(self) -> int:
        """How many connections are open now."""
        return sum(self.open.values())

    def __call__(self) -> GuardedProtocol:
        return GuardedProtocol(self)

    def let_in(self, address: str) -> bool:
        """Whether a connection from ``address`` is under the caps (it is then counted)."""
        most, per_address = self.caps()
        if self.total >= most or self.open.get(address, 0) >= per_address:
            self.refused += 1
            if self.turned_away is not None:
                try:
                    self.turned_away(address, self.total < most)
                except Exception:  # noqa: BLE001, S110 - telling the facilitator must not stop the door
                    pass
            return False
        self.open[address] = self.open.get(address, 0) + 1
        return True

    def left(self, address: str) -> None:
        """A connection from ``address`` was closed."""
        count = self.open.get(address, 0) - 1
        if count > 0:
            self.open[address] = count
        else:
            self.open.pop(address, None)

    def answered(self, protocol: object) -> None:
        """A response is being sent on the connection whose aiohttp protocol is ``protocol``
        (``request.protocol``, from the server's response hook)."""
        if protocol in self._live:
            self._live[protocol] = True

    def was_answered(self, protocol: object) -> bool:
        """Whether the connection of ``protocol`` has had a response."""
        return self._live.get(protocol, False)

    def track(self, protocol: object) -> None:
        """A connection let in, served by aiohttp's ``protocol``."""
        self._live[protocol] = False

    def forget(self, protocol: object) -> None:
        """The connection of ``protocol`` is gone."""
        self._live.pop(protocol, None)


class GuardedProtocol(asyncio.Protocol):
    """One connection: aiohttp's protocol for it, once the :class:`Doorman` lets it in."""

    def __init__(self, doorman: Doorman) -> None:
        self.doorman = doorman
        self.inner: asyncio.Protocol | None = None
        self.address = "?"
        self.transport: asyncio.Transport | None = None
        self._deadline: asyncio.TimerHandle | None = None
        self._lingering = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.address = peer_address(transport)
        if not self.doorman.let_in(self.address):
            self._turn_away(transport)
            return
        self.transport = transport  # type: ignore[assignment]
        try:
            self.inner = self.doorman.inner()
        except Exception:  # noqa: BLE001 — no server behind the door (stopping): closed, uncounted
            self.doorman.left(self.address)
            transport.abort()
            return
        self.doorman.track(self.inner)
        self._deadline = asyncio.get_running_loop().call_later(self.doorman.first_answer, self._too_slow)
        self.inner.connection_made(transport)

    def _turn_away(self, transport: asyncio.BaseTransport) -> None:
        """Over a cap: the fixed 503 written and the sending side shut (the phone sees the answer
        and its end), then closed when the phone closes or after :data:`LINGER_SECONDS`; closed at
        once when many are lingering already or the transport cannot half-close."""
        doorman = self.doorman
        if (not doorman.busy or doorman.lingering >= MOST_LINGERING or not isinstance(transport, asyncio.Transport)
                or not transport.can_write_eof()):
            transport.abort()
            return
        try:
            transport.write(doorman.busy)
            transport.write_eof()
        except (OSError, RuntimeError):
            transport.abort()
            return
        self._lingering = True
        doorman.lingering += 1
        self.transport = transport
        self._deadline = asyncio.get_running_loop().call_later(LINGER_SECONDS, transport.abort)

    def _too_slow(self) -> None:
        """No answer within the first seconds (headers sent slowly, or nothing): closed."""
        self._deadline = None
        if self.inner is not None and self.transport is not None and not self.doorman.was_answered(self.inner):
            self.doorman.timed_out += 1
            self.transport.abort()

    def data_received(self, data: bytes) -> None:
        if self.inner is not None:
            self.inner.data_received(data)  # a refused connection's request is dropped unread

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.inner is not None else None  # None: closed (a refused one)

    def pause_writing(self) -> None:
        if self.inner is not None:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if self.inner is not None:
            self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        if self._lingering:
            self._lingering, self.transport = False, None
            self.doorman.lingering -= 1
        if self.inner is None:
            return
        self.doorman.left(self.address)
        inner, self.inner, self.transport = self.inner, None, None
        self.doorman.forget(inner)
        inner.connection_lost(exc)


class PlainErrorHandler(web.RequestHandler):
    """aiohttp's protocol for one connection (made over the runner's public ``server``, as
    ``web.Server`` makes it), whose own error answers — malformed HTTP (400, sent before any request
    object exists, where no middleware or response signal of the app runs), or a crash past our
    middleware (500) — are ``plain(status)``: our short text and headers (``(text, headers)``).
    aiohttp still logs the error (into the server's quiet log) and still closes the connection."""

    def __init__(self, manager: web.Server, *, plain: Callable[[int], tuple[str, dict[str, str]]],
                 **options: Any) -> None:
        super().__init__(manager, **options)
        self.plain = plain

    def handle_error(self, request: web.BaseRequest, status: int = 500, exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        super().handle_error(request, status, exc, message)  # logs; ConnectionError when an answer had begun
        text, headers = self.plain(status)
        response = web.Response(status=status, text=text, content_type="text/plain", charset="utf-8",
                                headers=headers)
        response.force_close()
        return response

"""The door of the phone server's sockets: how many connections may be open (in all, and from
one address), and how long a connection may take to show its first request. aiohttp has no
timeout for reading a request's headers: a phone that sends them a line every few seconds
("slowloris") would hold its connection — and a file handle of the app — for ever.

:class:`Doorman` is the protocol factory given to ``loop.create_server``: it wraps aiohttp's
public ``runner.server`` (a ``web.Server``, itself a protocol factory) and hands each connection
to aiohttp's request handler through a :class:`GuardedProtocol`, which refuses a connection over
a cap at once (closed, nothing read) and closes one that has had no answer within
``first_answer`` seconds. Idle keep-alive connections are closed by aiohttp's own
``keepalive_timeout``.
"""

from __future__ import annotations

import asyncio
import resource
from collections.abc import Callable
from typing import Any

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
    """The remote address of a connection (its host part), "?" when unknown."""
    peer = transport.get_extra_info("peername")
    if isinstance(peer, (tuple, list)) and peer:
        return str(peer[0])
    return "?"


class Doorman:
    """Counts the open connections and lets a new one in only under the caps ``caps()`` gives
    (asked at each connection: most in all, most from one remote address). ``inner`` makes
    aiohttp's protocol for a connection let in; ``first_answer`` seconds is how long it has to get
    its first response."""

    def __init__(self, caps: Callable[[], tuple[int, int]], *, first_answer: float,
                 inner: Callable[[], asyncio.Protocol] | None = None) -> None:
        self.inner: Callable[[], asyncio.Protocol] = inner or self._not_ready
        self.caps = caps
        self.first_answer = first_answer
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

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.address = peer_address(transport)
        if not self.doorman.let_in(self.address):
            transport.abort()  # over a cap: closed at once, nothing read
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

    def _too_slow(self) -> None:
        """No answer within the first seconds (headers sent slowly, or nothing): closed."""
        self._deadline = None
        if self.inner is not None and self.transport is not None and not self.doorman.was_answered(self.inner):
            self.doorman.timed_out += 1
            self.transport.abort()

    def data_received(self, data: bytes) -> None:
        if self.inner is not None:
            self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.inner is not None else None

    def pause_writing(self) -> None:
        if self.inner is not None:
            self.inner.pause_writing()

    def resume_writing(self) -> None:
        if self.inner is not None:
            self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        if self.inner is None:
            return
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        self.doorman.left(self.address)
        inner, self.inner, self.transport = self.inner, None, None
        self.doorman.forget(inner)
        inner.connection_lost(exc)

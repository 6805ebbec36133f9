"""Sharing the workshop with the room's phones (issue 14), as methods of the app: the room (code,
participants), the host (what phones may see and do, through the session) and the web server in
Textual's own event loop. Started by ``borgerspil workshop PATH --share`` or a key in the
workshop; stopped when the workshop ends, when the facilitator stops it, or when the app quits.

CONTRACT (filled in by the share part): :meth:`ShareMixin.start_sharing`,
:meth:`ShareMixin.stop_sharing`, :meth:`ShareMixin.room_host`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_host import RoomHost

if TYPE_CHECKING:
    from borgerspil_tui.tui.app import BorgerspilApp
    from borgerspil_tui.web.server import RunningServer


@dataclass
class Sharing:
    """A running share: the room, the host, the server, and the address phones open."""

    room: Room
    host: RoomHost
    server: RunningServer
    url: str
    """The address without the code (``http://192.168.1.20:8765/``)."""

    def join_url(self) -> str:
        """The address with the current join code: what the QR code holds."""
        return f"{self.url}?c={self.room.code}"


class ShareMixin:
    """Methods of :class:`~borgerspil_tui.tui.app.BorgerspilApp` that share the workshop."""

    sharing: Sharing | None = None

    def room_host(self: BorgerspilApp) -> RoomHost | None:
        """The host phones reach while sharing runs, else None."""
        return self.sharing.host if self.sharing is not None else None

    async def start_sharing(self: BorgerspilApp, bind: str = "127.0.0.1", port: int = 0) -> bool:
        """Start the server (loopback unless ``bind`` names another address, which the caller has
        had confirmed); True when it runs. Refused in our words when no project is open or the
        address cannot be bound."""
        from borgerspil_tui.web.server import start_server

        if self.session is None or self.sharing is not None:
            return self.sharing is not None
        room = Room()
        host = RoomHost(self.session, room, self.clock)
        server = await start_server(room, host, bind, port)
        self.sharing = Sharing(room, host, server, f"http://{bind}:{server.port}/")
        return True

    async def stop_sharing(self: BorgerspilApp) -> None:
        """Stop the server and lock the room (idempotent)."""
        sharing, self.sharing = self.sharing, None
        if sharing is not None:
            sharing.room.end()
            await sharing.server.stop()

"""Sharing the workshop with the room's phones (issue 14), as methods of the app: the room (code,
participants), the host (what phones may see and do, through the session) and the web server in
Textual's own event loop. Started by ``borgerspil workshop PATH --share`` (:meth:`ShareMixin.share_on_start`)
or ``s`` on the share screen (``d`` on the workshop screen, or the palette); an address beyond this
machine is confirmed by the facilitator first (:meth:`ShareMixin.ask_to_share`). Stopped when the
workshop ends (the timer stops after its last activity), when the facilitator stops it, when the
project is closed, and when the app quits (:meth:`ShareMixin.on_unmount`, crash or not). How the first
two tell the phones and what becomes of the room is :mod:`borgerspil_tui.tui.app_share_end`'s.

The room is kept while it runs (:mod:`borgerspil_tui.core.room_store`): sharing again after a quit or
a crash takes it back, phones go on as themselves, and so does sharing again after the workshop's end
was undone; ``s`` forgets it.

Nothing of aiohttp reaches the terminal: every error of starting is said in our words, and the
``aiohttp`` loggers get a handler that drops what the web part does not take itself. What sharing
says to the facilitator and asks first (arrivals, post-its left new, quitting with phones in) is in
:mod:`borgerspil_tui.tui.app_share_notes`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_host import RoomHost
from borgerspil_tui.core.share_address import (
    DEFAULT_PORT,
    LOOPBACK,
    bind_reason,
    is_loopback,
    lan_addresses,
    url_for,
)
from borgerspil_tui.tui.app_share_end import ShareEndMixin
from borgerspil_tui.tui.app_share_kept import ShareKeptMixin
from borgerspil_tui.tui.app_share_notes import ShareNotesMixin

if TYPE_CHECKING:
    from borgerspil_tui.core.room_store import RoomStore
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
    addresses: list[str] = field(default_factory=list)
    """The machine's own network addresses when the server listens beyond loopback."""
    store: RoomStore | None = None
    """Where the room is kept across a restart of the app."""
    kept: tuple[str, int] | None = None
    """(code, participants present) when the room was taken back from before a restart, else None."""
    keep_failed: bool = False
    """The room's file could not be written the last time (the facilitator was told)."""
    kept_revision: int = -1
    """The room's revision its file holds (the second's tick writes only when the room moved)."""

    def join_url(self) -> str:
        """The address with the current join code: what the QR code holds."""
        return f"{self.url}?c={self.room.code}"

    @property
    def beyond_loopback(self) -> bool:
        """Whether other machines can reach the server."""
        return not is_loopback(self.server.bind)


def quiet_aiohttp() -> None:
    """No log line of aiohttp's may reach the terminal while Textual draws it: with no handler of
    the web part's on the way, Python's last-resort handler would write to stderr."""
    logger = logging.getLogger("aiohttp")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


class ShareMixin(ShareEndMixin, ShareKeptMixin, ShareNotesMixin):
    """Methods of :class:`~borgerspil_tui.tui.app.BorgerspilApp` that share the workshop."""

    sharing: Sharing | None = None
    share_at_start: tuple[str, int | None] | None = None
    """(address, port) to share on once the app is up (``borgerspil workshop PATH --share``)."""
    share_per_address: int | None = None
    """Phones that may join from one address (``--per-address``, ``+`` on the share screen); None: the room's default."""
    share_where: tuple[str, int | None] = (LOOPBACK, None)
    """Where ``s`` on the share screen starts sharing: the last address asked for."""
    _share_timers: dict[str, str] | None = None
    """While sharing: each workshop's running activity, to see the workshop end."""

    def room_host(self: BorgerspilApp) -> RoomHost | None:
        """The host phones reach while sharing runs, else None."""
        return self.sharing.host if self.sharing is not None else None

    # -- starting ----------------------------------------------------------------------------------
    def share_on_start(self: BorgerspilApp, bind: str, port: int | None) -> None:
        """Share once the app is up, and show the share screen (the command line's ``--share``)."""
        self.share_at_start = (bind, port)

    def on_mount(self: BorgerspilApp) -> None:
        """Textual calls this after the app's own ``on_mount`` (which shows the start screen)."""
        self.screen_change_signal.subscribe(self, self._share_screen_changed)
        if self.share_at_start is not None and self.session is not None:
            bind, port = self.share_at_start
            self.share_at_start = None
            self.call_after_refresh(self.ask_to_share, bind, port)

    def ask_to_share(self: BorgerspilApp, bind: str | None = None, port: int | None = None, *,
                     show: bool = True) -> None:
        """Start sharing on ``bind``:``port`` (the last asked for when not given); an address beyond
        this machine only after the facilitator said yes to what it means. ``show``: the share
        screen comes up once it runs."""
        kept = None
        if bind is None:
            bind, port = self.share_where
            if self.sharing is None and (bind, port) == (LOOPBACK, None) and not self._kept_bind_declined:
                kept = self._kept_bind()  # a room kept beyond this machine is shared there again, asked first
        self.share_where = (bind, port)
        bind = kept or bind
        if self.session is None:
            self.notify(self.tr("share.no_project"), severity="warning", markup=False)
            return
        if self.sharing is not None:
            if show:
                self.show_share_screen()
            return

        async def start() -> None:
            if await self.start_sharing(bind, port):
                if show:
                    self.show_share_screen()
            elif kept is not None:  # the kept address is not this machine's any more: s shares on loopback
                self._kept_bind_declined = True
            self.share_changed()

        if is_loopback(bind):
            self.call_later(start)
            return
        from borgerspil_tui.tui.screens.choice import ChoiceScreen

        def chosen(choice: str | None) -> None:
            if choice == "yes":
                self.call_later(start)
            else:
                self._kept_bind_declined = self._kept_bind_declined or kept is not None
                self.notify(self.tr("share.not_started"), markup=False)

        self.push_screen(ChoiceScreen(self.tr("share.confirm_title"), self.tr("share.confirm_text", address=bind),
                                      [("no", self.tr("share.confirm_no")), ("yes", self.tr("share.confirm_yes"))]),
                         chosen)

    async def start_sharing(self: BorgerspilApp, bind: str = LOOPBACK, port: int | None = None) -> bool:
        """Start the server (loopback unless ``bind`` names another address, which the caller has
        had confirmed); True when it runs. ``port`` None: :data:`DEFAULT_PORT` when free, else a
        free one; 0: any free one. Refused in our words when no project is open or the address
        cannot be bound."""
        from borgerspil_tui.web.server import start_server

        if self.session is None or self.sharing is not None:
            return self.sharing is not None
        quiet_aiohttp()
        await self.stop_lingering()  # a room over a moment ago: its port is free for this one
        store = self._room_store()
        kept = store.load() if store is not None else None
        room = kept.room if kept is not None else Room()
        host = RoomHost(self.session, room, self.clock)
        host.take_kept_result()  # a round revealed before the end was undone, or a restart: shown again
        tries = [DEFAULT_PORT, 0] if port is None else [port]
        if port is None and kept is not None and kept.port not in (None, DEFAULT_PORT):
            tries.insert(0, kept.port)  # the phones' pages go on at the address they have
        server = None
        for index, chosen in enumerate(tries):
            try:
                server = await start_server(room, host, bind, chosen)
                break
            except OSError as error:
                reason = bind_reason(error)
                if reason == "share.reason.in_use" and index + 1 < len(tries):
                    continue
                shown = self.tr(reason) if reason else str(error.strerror or error)
                self.notify(self.tr("share.bind_failed", address=bind, port=chosen or "", reason=shown),
                            severity="error", timeout=10, markup=False)
                return False
            except Exception as error:  # noqa: BLE001 - no traceback reaches the facilitator
                self.notify(self.tr("share.failed", reason=f"{type(error).__name__}: {error}"),
                            severity="error", timeout=10, markup=False)
                return False
        assert server is not None
        addresses = [] if is_loopback(bind) else lan_addresses(bind)
        self.sharing = Sharing(room, host, server, url_for(bind, server.port, addresses), addresses, store,
                               (room.code, len(room.present())) if kept is not None else None)
        host.arrived = self._postit_arrived
        host.turned_away = self._phone_turned_away
        most = self.share_per_address  # --per-address, or + in this run; else what + gave the kept room
        if most is None and kept is not None and kept.per_address != room.limits.participants_per_address:
            most = kept.per_address
        if most is not None:
            self.share_per_address = host.allow_per_address(most)
        self.ended_room_taken_back(store)
        self._share_timers = self._running_timers()
        self.session.subscribe(self._share_watch)
        room.changed = self.keep_room  # a join or a new code is kept at once …
        self.keep_room()
        self._title_interval = self.set_interval(1.0, self._share_tick)  # … post-its and the rest within a second
        self._phones_in_title()
        self.notify(self.tr("share.started", url=self.sharing.url), timeout=4, markup=False)
        return True

    # -- while it runs -----------------------------------------------------------------------------
    def _running_timers(self: BorgerspilApp) -> dict[str, str]:
        session = self.session
        if session is None:
            return {}
        return {w.id: w.timer.activity for w in session.project.workshops if w.timer is not None}

    def _share_watch(self: BorgerspilApp) -> None:
        """After each change: a workshop whose timer went from its last activity to none has ended
        (logged, not undone), and sharing ends with it."""
        from borgerspil_tui.core.workshop_record import log_entry

        session = self.session
        before, self._share_timers = self._share_timers or {}, self._running_timers()
        if self.sharing is None or session is None or self.sharing.host.session is not session:
            return
        for workshop in session.project.workshops:
            last = before.get(workshop.id)
            if (last is not None and workshop.timer is None and workshop.agenda and workshop.agenda[-1].id == last
                    and log_entry(workshop, last) is not None):
                self.call_later(self._workshop_ended)
                return

    def share_changed(self: BorgerspilApp) -> None:
        """Show the share anew on the share screen, if it is up."""
        from borgerspil_tui.tui.screens.share import ShareScreen

        for screen in self.screen_stack:
            if isinstance(screen, ShareScreen) and screen.is_mounted:
                screen.show_share()

    def show_share_screen(self: BorgerspilApp) -> None:
        """The share screen over the screen on show (not twice, not over a dialog)."""
        from textual.screen import ModalScreen

        from borgerspil_tui.tui.screens.share import ShareScreen

        if self.session is None or isinstance(self.screen, (ShareScreen, ModalScreen)):
            return
        self.push_screen(ShareScreen())

    def action_share(self: BorgerspilApp) -> None:
        """``d`` on the workshop screen, and the palette: the share screen."""
        self.show_share_screen()

    # -- stopping ----------------------------------------------------------------------------------
    async def stop_sharing(self: BorgerspilApp, *, forget: bool = False, over: bool = False) -> None:
        """Stop the server and lock the room (idempotent). ``forget``: its file goes (``s``); else it
        is kept for sharing again. ``over``: ended on purpose — the server tells every phone so for
        :attr:`share_grace` seconds, then stops (not waited for); else it stops now (a quit)."""
        if self.sharing is not None and not forget:
            self.keep_room()
        sharing, self.sharing = self.sharing, None
        if sharing is None:
            return
        sharing.room.changed = None
        sharing.room.end(over=over)
        if forget and sharing.store is not None:
            self.forget_room(sharing.store)
        sharing.host.arrived = sharing.host.turned_away = None  # a lingering server tells the app nothing
        sharing.host.session.unsubscribe(self._share_watch)
        self._share_timers = None
        for timer in (self._title_interval, self._arrival_timer, self._turned_timer):
            if timer is not None:
                timer.stop()
        self._title_interval = self._arrival_timer = self._turned_timer = None
        self._arrivals_held = self._turned_held = 0
        try:
            if over and self.share_grace > 0:
                self.linger(sharing.server)
            else:
                await sharing.server.stop()
        finally:
            self.share_changed()
            self._phones_in_title()

    async def on_unmount(self: BorgerspilApp) -> None:
        """The app ends (quit, a signal or a crash): the server stops and the port is free (a server
        still telling phones the room is over too, without waiting for its grace)."""
        try:
            self.forget_ended_room()
            await self.stop_sharing()
            await self.stop_lingering()
        except Exception:  # noqa: BLE001, S110 - nothing to tell on the way out, and no one to tell it to
            pass

"""How sharing ends (issue 14's follow-up), as methods of the app beside
:class:`~borgerspil_tui.tui.app_share.ShareMixin`.

- **On purpose** (``s`` on the share screen — asked first while phones are in — or the workshop's
  last activity ended): the room is over. For :attr:`ShareEndMixin.share_grace` seconds the server
  answers every phone "the workshop has ended" (their page says so and stops asking), then it stops
  and the port is free. The app never waits for that: sharing is off at once, sharing again (or
  quitting) stops the lingering server first.
- **The workshop's end keeps the room**: the last ``→`` can be undone (Ctrl+Z), and sharing again then
  takes the same room back (same code, every phone as itself). The room is forgotten when that end
  is final — the project is closed or the app quits while the workshop still runs no activity — or
  after the twelve hours any kept room lasts. A question before the last ``→`` was the other way:
  it would ask at every workshop's end, the busiest moment, where an undo loses nothing now.
- ``s`` with phones in forgets the room (a new code next time), as the question says.
- **Not an end**: a quit, a crash or the project closed stop the server at once (phones say "no
  connection" and go on when the room is shared again).
"""

from __future__ import annotations

import contextlib
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from borgerspil_tui.core.room_store import RoomStore
    from borgerspil_tui.tui.app import BorgerspilApp
    from borgerspil_tui.tui.app_share import Sharing
    from borgerspil_tui.web.server import RunningServer


class ShareEndMixin:
    """Ending sharing on purpose, on the app (its ``sharing`` and ``stop_sharing`` are ShareMixin's)."""

    share_grace: float = 30.0
    """Seconds the server tells phones the room is over before it stops (0: it stops at once)."""
    _lingering: tuple[RunningServer, ...] = ()
    """Servers telling phones the room is over, until their grace ends."""
    _ended_room: RoomStore | None = None
    """The room kept after its workshop's end (taken back when the end is undone and shared again)."""

    def linger(self: BorgerspilApp, server: RunningServer) -> None:
        """``server`` tells every phone the room is over for :attr:`share_grace` seconds, then stops."""
        self._lingering = (*self._lingering, server)
        self.set_timer(self.share_grace, partial(self.stop_lingering, server))

    async def stop_lingering(self: BorgerspilApp, server: RunningServer | None = None) -> None:
        """Stop ``server`` (every lingering one when None) now: the port is free again."""
        for found in [s for s in self._lingering if server is None or s is server]:
            self._lingering = tuple(s for s in self._lingering if s is not found)
            with contextlib.suppress(Exception):  # nothing to tell: the room was over already
                await found.stop()

    # -- on purpose ----------------------------------------------------------------------------------
    async def ask_stop_sharing(self: BorgerspilApp) -> None:
        """``s`` on the share screen while sharing: with phones in, asked first ("keep sharing" the
        first answer, an open round's phone dots said); then the room is over and forgotten."""
        from borgerspil_tui.tui.screens.choice import ChoiceScreen

        sharing = self.sharing
        if sharing is None:
            return
        phones = len(sharing.room.present())
        if not phones:
            await self._stop_on_purpose(sharing)
            return
        host = sharing.host
        voted = host.phones_voted() if host.live_round is not None and host.result is None else 0
        text = self.tr("share.stop_text", count=phones)
        if voted:
            text += " " + self.tr("share.quit_round", count=voted)

        def chosen(choice: str | None) -> None:
            if choice == "yes":
                self.call_later(self._stop_on_purpose, sharing)

        self.push_screen(ChoiceScreen(self.tr("share.stop_title"), text,
                                      [("no", self.tr("share.stop_no")), ("yes", self.tr("share.stop_yes"))]), chosen)

    async def _stop_on_purpose(self: BorgerspilApp, sharing: Sharing) -> None:
        if self.sharing is not sharing:
            return
        await self.stop_sharing(forget=True, over=True)  # the room is over: not taken back when shared again
        self.notify(self.tr("share.stopped_told"), timeout=6, markup=False)

    async def _workshop_ended(self: BorgerspilApp) -> None:
        """The workshop's last activity ended: the phones are told, the room is kept until the end is final."""
        sharing = self.sharing
        if sharing is not None:
            await self.stop_sharing(over=True)
            self._ended_room = sharing.store
            self.notify(self.tr("share.workshop_ended"), timeout=10, markup=False)

    def ended_room_taken_back(self: BorgerspilApp, store: RoomStore | None) -> None:
        """Sharing started again with ``store``'s room: the end was undone, the room is in use again."""
        if store is not None and self._ended_room is not None and self._ended_room.path == store.path:
            self._ended_room = None

    def forget_ended_room(self: BorgerspilApp) -> None:
        """The project is left or the app quits: a room kept after its workshop's end goes, unless
        the end was undone (the workshop runs an activity again: kept, as a quit keeps a room)."""
        from borgerspil_tui.core.workshop_record import running

        store, self._ended_room = self._ended_room, None
        if store is None or self.session is None:
            return
        found = running(self.session.project)
        if found is not None and found[0].id == store.workshop:
            return
        self.forget_room(store)

    # -- not an end ----------------------------------------------------------------------------------
    def end_sharing_with_project(self: BorgerspilApp) -> None:
        """The project is being closed or another opened: the room's phones lose it too (kept for
        sharing again, but for a room whose workshop ended)."""
        self.forget_ended_room()
        if self.sharing is not None:
            self.call_later(self._stop_and_say)

    async def _stop_and_say(self: BorgerspilApp) -> None:
        if self.sharing is not None:
            await self.stop_sharing()
            self.notify(self.tr("share.stopped_note"), timeout=4, markup=False)

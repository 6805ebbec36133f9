"""The room kept across a restart of the app, as methods of the app beside
:class:`~borgerspil_tui.tui.app_share.ShareMixin`: which file keeps this project's workshop's room
(:mod:`borgerspil_tui.core.room_store`), writing it while sharing runs (a join or a new code at
once, post-its and the rest within a second), and the address a kept room was shared on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from borgerspil_tui.core.room_store import RoomStore
from borgerspil_tui.core.share_address import is_loopback

if TYPE_CHECKING:
    from borgerspil_tui.tui.app import BorgerspilApp


class ShareKeptMixin:
    """Keeping the shared room on disk, on the app (its ``sharing`` is ShareMixin's)."""

    _kept_bind_declined: bool = False
    """The facilitator said no to sharing a kept room beyond this machine again (or that address is
    gone): ``s`` shares on loopback."""

    def _room_store(self: BorgerspilApp) -> RoomStore | None:
        """Where this project's workshop's room is kept: the running workshop, else the one the
        workshop screen shows ("" when the project has none)."""
        from borgerspil_tui.core.workshop_record import running
        from borgerspil_tui.tui.screens.workshop_planning import shown_workshop

        if self.session is None:
            return None
        found = running(self.session.project)
        workshop = found[0] if found is not None else shown_workshop(self)
        return RoomStore(self.session.path, workshop.id if workshop is not None else "")

    def keep_room(self: BorgerspilApp) -> None:
        """Write the room to its file when it changed; when that fails the facilitator is told once
        (until a write succeeds again) — this run still remembers the room (RoomStore.behind)."""
        sharing = self.sharing
        if sharing is not None and sharing.store is not None and not sharing.room.ended:
            revision = sharing.room.revision
            kept = sharing.store.save(sharing.room.to_state(), sharing.server.port, sharing.server.bind)
            if kept:
                sharing.kept_revision = revision
            if not kept and not sharing.keep_failed:
                self.notify(self.tr("share.keep_failed"), severity="warning", timeout=10, markup=False)
            sharing.keep_failed = not kept

    def forget_room(self: BorgerspilApp, store: RoomStore) -> None:
        """The room is over: its file goes; when it cannot, the facilitator is told (this run never
        takes it back all the same)."""
        if not store.forget():
            self.notify(self.tr("share.forget_failed"), severity="warning", timeout=10, markup=False)

    def _kept_bind(self: BorgerspilApp) -> str | None:
        """The address beyond this machine a kept room of this workshop was shared on, or None."""
        store = self._room_store()
        kept = store.load() if store is not None else None
        return kept.bind if kept is not None and kept.bind and not is_loopback(kept.bind) else None

    def _share_tick(self: BorgerspilApp) -> None:
        """Each second while sharing: the phones on the title line, the room kept when it moved
        (nothing built or compared in a second when nothing changed)."""
        self._phones_in_title()
        sharing = self.sharing
        if sharing is not None and sharing.room.revision != sharing.kept_revision:
            self.keep_room()

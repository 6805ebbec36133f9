"""What sharing tells the facilitator and asks of them (issue 14), as methods of the app beside
:class:`~borgerspil_tui.tui.app_share.ShareMixin`: post-its arriving and phones turned away at the
door (never on the wall, and a room at once in one notice each), post-its still new when the
facilitator moves on, the phones on the workshop screen's title line, and asking before Ctrl+Q
leaves the room's phones behind.

When the presenter view comes up, sharing's notices still showing go (they hold phones' names and
texts). Textual's public API can only clear every notice (``App.clear_notifications``), so the app
keeps what it said (:meth:`ShareNotesMixin.notify`) and says the others again for their time left."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from borgerspil_tui.core.cells import cell_len, cut
from borgerspil_tui.core.room import MOST_PARTICIPANTS

if TYPE_CHECKING:
    from textual.timer import Timer

    from borgerspil_tui.core.model.workshop import PostIt
    from borgerspil_tui.core.room_host import TurnedAway
    from borgerspil_tui.tui.app import BorgerspilApp


POSTITS_ACTION = "goto('postits')"
"""The action of the keys that open the post-its screen (the app's ``l``, a screen's own)."""

NOTES_KEPT = 30
"""The app's last notices kept (to say again those not sharing's when the wall comes up)."""
ONE_LINE = 54
"""The cells of one line of a notice at 120 columns (Textual's toast: 60 wide, padded)."""


class ShareNotesMixin:
    """Notices and questions of sharing, on the app (its ``sharing`` is ShareMixin's)."""

    arrival_window: float = 3.0
    """Seconds of post-its arriving said in one notice (a room posting at once covers no screen)."""
    _arrival_timer: Timer | None = None
    _arrivals_held: int = 0
    _title_interval: Timer | None = None
    _quit_asked: bool = False
    _arrival_notes: list[str] = []  # noqa: RUF012 - replaced, never changed in place
    """Sharing's notices (arrivals, phones turned away): never on the wall."""
    turned_window: float = 10.0
    """Seconds of phones turned away said in one notice (a phone's browser tries again and again)."""
    _turned_timer: Timer | None = None
    _turned_held: int = 0
    _said: list[tuple[str, dict[str, Any], float]] = []  # noqa: RUF012 - replaced, never changed in place

    def notify(self: BorgerspilApp, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Textual's notice, kept for a while (message, options, when) so the wall can drop
        sharing's notices and say the others again."""
        timeout = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)  # type: ignore[misc]
        options = {"title": title, "severity": severity, "timeout": timeout, "markup": markup}
        self._said = [*self._said[-NOTES_KEPT:], (message, options, time.monotonic())]

    def _postit_arrived(self: BorgerspilApp, postit: PostIt) -> None:
        """A phone's post-it was kept. Said briefly, never on the wall (while the presenter view is
        on top arrivals are counted, and said once it is gone) and never more than one notice a
        window (:attr:`arrival_window`): the first alone by name and a cut text (theirs: no markup),
        those that follow within the window as one count when it ends. (The share screen redraws
        by itself: a post-it is a change of the project.)"""
        if getattr(self.screen, "NAME", None) == "postits":  # its list shows the post-it at once: no notice
            return
        if self._arrival_timer is not None or self._on_the_wall():
            self._arrivals_held += 1
            return
        name = cut(postit.author or self.tr("share.anonymous"), 16)
        room = ONE_LINE - cell_len(self.tr("share.arrived", name=name, text=""))  # one line of a notice at 120 columns
        self._say_arrival(self.tr("share.arrived", name=name, text=cut(postit.text, max(12, room))))

    def _say_arrival(self: BorgerspilApp, message: str) -> None:
        self._say_share_note(message, timeout=4)
        self._arrival_timer = self.set_timer(self.arrival_window, self._arrival_window_ended)

    def _say_share_note(self: BorgerspilApp, message: str, **options: Any) -> None:
        """A notice of sharing's (never on the wall: gone when the presenter view comes up)."""
        self._arrival_notes = [*self._arrival_notes[-20:], message]
        self.notify(message, markup=False, **options)

    # -- phones turned away at the door --------------------------------------------------------------
    def _phone_turned_away(self: BorgerspilApp, event: TurnedAway) -> None:
        """A phone was not let in for a cap (too many from its address, the room full, too many
        connections). Said like arrivals: the first at once, those within :attr:`turned_window`
        as one count when it ends, nothing on the wall (held until it is gone); the share screen
        counts them all (it redraws each second: a flood of refused connections redraws nothing)."""
        if self._turned_timer is not None or self._on_the_wall():
            self._turned_held += 1
            return
        self._say_turned(self.turned_text(event))

    def turned_text(self: BorgerspilApp, event: TurnedAway) -> str:
        """What the facilitator is told of ``event``: who (the name typed, cut; no markup), why,
        and for the cap per address the key that doubles it and the number it would allow."""
        who = (self.tr("share.turned_named", name=cut(event.name, 24)) if event.name
               else self.tr("share.turned_someone"))
        double = min(MOST_PARTICIPANTS, 2 * event.limit)
        return self.tr(f"share.turned_{event.reason}", who=who, limit=event.limit, double=double)

    def _say_turned(self: BorgerspilApp, message: str) -> None:
        self._say_share_note(message, severity="warning", timeout=8)
        self._turned_timer = self.set_timer(self.turned_window, self._turned_window_ended)

    def _turned_window_ended(self: BorgerspilApp) -> None:
        self._turned_timer = None
        if self._on_the_wall():  # held until the presenter view is gone
            return
        count, self._turned_held = self._turned_held, 0
        if count and self.sharing is not None:
            self._say_turned(self.tr("share.turned_many", count=count))

    def _arrival_window_ended(self: BorgerspilApp) -> None:
        self._arrival_timer = None
        if self._on_the_wall():  # held until the presenter view is gone
            return
        count, self._arrivals_held = self._arrivals_held, 0
        if count and self.sharing is not None:
            self._say_arrival(self.postits_said("share.arrived_many", count=count))

    def _on_the_wall(self: BorgerspilApp) -> bool:
        from borgerspil_tui.tui.screens.presenter import PresenterScreen

        return isinstance(self.screen, PresenterScreen)

    def _share_screen_changed(self: BorgerspilApp, screen: object) -> None:
        """The presenter view came up: arrival notices still showing go (they would show on the wall
        with it); it went: the post-its that arrived meanwhile are said as one count."""
        if self.sharing is None:
            return
        if self._on_the_wall():
            self._off_the_wall()
            return
        if self._arrivals_held and self._arrival_timer is None:
            self._arrival_window_ended()
        if self._turned_held and self._turned_timer is None:
            self._turned_window_ended()

    def _off_the_wall(self: BorgerspilApp) -> None:
        """Sharing's notices still showing go; the app's other notices stay (said again for the
        time they had left: Textual's public API clears all or none)."""
        now = time.monotonic()
        live = [(message, options, now - sent) for message, options, sent in self._said
                if now - sent < options["timeout"]]
        if not any(message in self._arrival_notes for message, _, _ in live):
            return
        self.clear_notifications()
        self._said = []
        for message, options, age in live:
            if message not in self._arrival_notes:
                self.notify(message, **(options | {"timeout": options["timeout"] - age}))

    def postits_key(self: BorgerspilApp) -> str | None:
        """The key that opens the post-its where the facilitator is, as written (``Ctrl+L`` on the
        capture screen, whose text field takes ``l``; ``l`` elsewhere), or None where the screen's
        own ``l`` does something else. A screen's own binding is named before the app's."""
        found = [(active.node is not self, key) for key, active in self.screen.active_bindings.items()
                 if active.enabled and active.binding.action.removeprefix("app.") == POSTITS_ACTION]
        if not found:
            return None
        from borgerspil_tui.tui.key_names import key_name

        return key_name(max(found)[1], self.language)

    def postits_said(self: BorgerspilApp, text: str, **values: object) -> str:
        """``text`` naming the key that opens the post-its here (its ``_bare`` text when none does)."""
        shortcut = self.postits_key()
        return self.tr(text, shortcut=shortcut, **values) if shortcut else self.tr(text + "_bare", **values)

    def _phones_in_title(self: BorgerspilApp) -> None:
        """Phones join without an edit of the project: the workshop screen's title follows them."""
        from borgerspil_tui.tui.screens.workshop import WorkshopScreen

        for screen in self.screen_stack:
            if isinstance(screen, WorkshopScreen) and screen.is_mounted:
                screen.refresh_status()

    def share_title(self: BorgerspilApp) -> str:
        """`` · 9 telefoner`` for the workshop screen's title while sharing, else ``""``."""
        if self.sharing is None:
            return ""
        return " · " + self.tr("share.title_phones", count=len(self.sharing.room.present()))  # not those locked out

    def say_waiting_postits(self: BorgerspilApp, workshop_id: str, activity_id: str) -> None:
        """The facilitator moved on from an activity: its post-its still new are not forgotten."""
        session = self.session
        workshop = session and next((w for w in session.project.workshops if w.id == workshop_id), None)
        if workshop is None:
            return
        count = session.index.waiting(session.project).count(workshop_id, activity_id)  # counted, not scanned
        activity = next((a for a in workshop.agenda if a.id == activity_id), None)
        if count and activity is not None:
            self.notify(self.postits_said("share.postits_waiting", count=count, activity=activity.title),
                        severity="warning", timeout=8, markup=False)

    # -- quitting ----------------------------------------------------------------------------------
    def room_loses(self: BorgerspilApp) -> str:
        """What quitting now ends for the room, in words: phones joined lose the page, an open
        round's phone dots are lost; ``""`` when no phone is in."""
        if self.sharing is None:
            return ""
        host, phones = self.sharing.host, len(self.sharing.room.present())
        voted = host.phones_voted() if host.live_round is not None and host.result is None else 0
        lost = [self.tr("share.quit_phones", count=phones)] if phones else []
        if voted:
            lost.append(self.tr("share.quit_round", count=voted))
        return " ".join(lost)

    def ask_before_leaving_room(self: BorgerspilApp) -> bool:
        """Ctrl+Q while phones are in the room: asked first, "stay" the first answer. True when
        asked (quitting goes on, unsaved edits asked as ever, only after "quit")."""
        from borgerspil_tui.tui.screens.choice import ChoiceScreen

        if self._quit_asked:  # answered "quit" a moment ago: once, then unsaved edits are asked as ever
            self._quit_asked = False
            return False
        lost = self.room_loses()
        if not lost or getattr(self.screen, "asks_quit_room", False):
            return bool(lost)

        def chosen(choice: str | None) -> None:
            if choice == "quit":
                self._quit_asked = True
                self.call_later(self.action_quit)

        dialog = ChoiceScreen(self.tr("share.quit_title"), lost,
                              [("stay", self.tr("share.quit_stay")), ("quit", self.tr("share.quit_yes"))])
        dialog.asks_quit_room = True  # type: ignore[attr-defined]
        self.push_screen(dialog, chosen)
        return True

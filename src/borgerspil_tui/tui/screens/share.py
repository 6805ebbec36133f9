"""The share screen: what the room needs to join from their phones — the address, its QR code and
the join code in large type (grouped, for reading off a wall) — and how it goes: phones joined,
new post-its, whether anonymous joining is allowed, how many phones may join from one address and
how many the room turned away. ``a`` allows/forbids anonymous joining, ``k`` makes a new code once
asked (the old one is locked out at once), ``+`` doubles the phones one address may bring (a class
behind one router) and ``-`` halves them again (not below the default; both kept with the room),
``s`` stops (asked first while phones are in) or starts sharing, Esc goes back. The new post-its are
the shared workshop's; the latest phones turned away are listed with when and why."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from borgerspil_tui.core.room import CODE_LENGTH, PARTICIPANTS_PER_ADDRESS
from borgerspil_tui.core.share_address import host_name
from borgerspil_tui.tui.big_text import big_text
from borgerspil_tui.tui.commands import Command, bindings
from borgerspil_tui.tui.screens.base import BaseScreen
from borgerspil_tui.tui.widgets.qr_code import QRCode

GROUP = 4
"""The longest group of the code as shown (``K7PM-QX2-R9A``); a phone takes it with or without dashes."""


def grouped(code: str, most: int = GROUP) -> list[str]:
    """``code`` in groups of at most ``most`` signs, as even as can be, longer groups first."""
    if not code:
        return []
    count = -(-len(code) // most)
    size, extra = divmod(len(code), count)
    groups, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        groups.append(code[start:end])
        start = end
    return groups


class ShareScreen(BaseScreen):
    """Sharing the workshop with the room: the join address and code, and its switches."""

    NAME = "share"
    part = "create"
    SCREEN_COMMANDS: ClassVar[list[Command]] = [
        Command("toggle_anonymous", "a", "share.key_anonymous", "help.share_anonymous"),
        Command("new_code", "k", "share.key_new_code", "help.share_new_code"),
        Command("more_per_address", "plus", "share.key_more", "help.share_more"),
        Command("fewer_per_address", "minus", "share.key_fewer", "help.share_fewer"),
        Command("start_stop", "s", "share.key_start_stop", "help.share_start_stop"),
        Command("close", "escape", "share.key_close", "help.share_close"),
    ]
    BINDINGS = bindings(SCREEN_COMMANDS)
    DEFAULT_CSS = """
    ShareScreen #share-body { height: auto; padding: 0 1; }
    ShareScreen #share-qr { margin: 0 2 0 0; }
    ShareScreen #share-info { width: 1fr; height: auto; }
    ShareScreen #share-state { text-style: bold; color: $primary; }
    ShareScreen #share-url { text-style: bold; }
    ShareScreen #share-big { color: $foreground; text-style: bold; margin: 1 0; }
    ShareScreen #share-warning { color: $warning; text-style: bold; }
    ShareScreen .share-line { height: auto; }
    """

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="body"), Horizontal(id="share-body"):
            yield QRCode(id="share-qr")
            with Vertical(id="share-info"):
                for name in ("state", "kept", "open", "url", "big", "code", "phones", "postits", "anonymous",
                             "per_address", "turned", "warning", "addresses"):
                    yield Static("", id=f"share-{name}", classes="share-line")

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(1.0, self.show_share)  # phones join without an edit of the project

    def populate(self) -> None:
        """Called after compose and again after a language switch."""
        self.show_share()

    def project_changed(self) -> None:
        self.show_share()

    # -- what is shown -----------------------------------------------------------------------------
    def _line(self, name: str, text: str) -> None:
        widget = self.query_one(f"#share-{name}", Static)
        widget.update(Content(text))
        widget.display = bool(text)

    def show_share(self) -> None:
        """Show the share as it is now (or that it is off)."""
        if not self.is_mounted:
            return
        sharing = self.bapp.sharing
        if sharing is None:
            self.query_one(QRCode).show_data("")
            self._line("state", self.t("share.stopped"))
            for name in ("kept", "open", "url", "big", "code", "phones", "postits", "anonymous", "warning", "addresses",
                         "per_address", "turned"):
                self._line(name, "")
            return
        room = sharing.room
        self.query_one(QRCode).show_data(sharing.join_url())
        groups = grouped(room.code)
        self._line("state", self.t("share.running"))
        kept = sharing.kept  # taken back after a restart: the same code (no count: it would go stale)
        self._line("kept", self.t("share.kept") if kept and kept[0] == room.code else "")
        self._line("open", self.t("share.open_address"))
        self._line("url", sharing.url)
        info_width = max(20, self.size.width - (self.query_one(QRCode).size.width or 40) - 6)
        rows = big_text(" ".join(groups), info_width, max_lines=len(groups)) if len(room.code) == CODE_LENGTH else None
        self._line("big", "\n".join(rows) if rows else "")
        self._line("code", f"{self.t('share.code')} {'-'.join(groups)}")
        self._line("phones", self.t("share.phones", count=len(room.present())))  # not those a new code locked out
        self._line("postits", self.t("share.new_postits", count=self._new_postits()))
        self._line("anonymous", self.t("share.anonymous_yes" if room.allow_anonymous else "share.anonymous_no"))
        self._line("per_address", self.t("share.per_address", count=room.limits.participants_per_address))
        self._line("turned", self._turned_text())
        if sharing.beyond_loopback:
            self._line("warning", self.t("share.network"))
            self._line("addresses", self.t("share.addresses", addresses=", ".join(sharing.addresses))
                       if sharing.addresses else self.t("share.no_address", host=host_name()))
        else:
            self._line("warning", "")
            self._line("addresses", self.t("share.loopback"))

    def _new_postits(self) -> int:
        """The post-its waiting in the shared workshop (the running one, else the one whose room this
        is), by the session index's tally — as ``l`` counts that workshop's, not every workshop's."""
        from borgerspil_tui.core.workshop_record import running

        session, sharing = self.session, self.bapp.sharing
        found = running(session.project)
        workshop = found[0].id if found is not None else sharing.store.workshop if sharing and sharing.store else None
        return session.index.waiting(session.project).count(workshop) if workshop else 0

    def _turned_text(self) -> str:
        """How often the door turned a phone away, and the latest few: when, who (the name typed: plain
        text) and why; "" when none was."""
        host = self.bapp.sharing.host
        if not host.turned_away_count:
            return ""
        lines = [self.t("share.turned_count", count=host.turned_away_count)]
        for when, event in host.turned_recent:
            who = self.t("share.turned_named", name=event.name) if event.name else self.t("share.turned_someone")
            lines.append(self.t("share.turned_line", time=when.astimezone().strftime("%H:%M:%S"), who=who,
                                why=self.t(f"share.turned_why_{event.reason}", limit=event.limit)))
        return "\n".join(lines)

    def on_resize(self) -> None:
        self.show_share()

    # -- keys --------------------------------------------------------------------------------------
    def action_toggle_anonymous(self) -> None:
        """``a``: allow or forbid joining without a name (those who joined stay)."""
        sharing = self.bapp.sharing
        if sharing is None:
            self.refuse(self.t("share.stopped"))
            return
        sharing.room.allow_anonymous = not sharing.room.allow_anonymous
        sharing.room.touched()
        self.notify(self.t("share.anonymous_on" if sharing.room.allow_anonymous else "share.anonymous_off"),
                    timeout=3, markup=False)
        self.show_share()

    def action_new_code(self) -> None:
        """``k``: a new join code; the old one opens nothing any more."""
        sharing = self.bapp.sharing
        if sharing is None:
            self.refuse(self.t("share.stopped"))
            return
        from borgerspil_tui.tui.screens.choice import ChoiceScreen

        def chosen(choice: str | None) -> None:
            if choice != "yes" or self.bapp.sharing is not sharing:
                return
            code = sharing.room.new_code()
            self.notify(self.t("share.new_code_note", code="-".join(grouped(code))), timeout=4, markup=False)
            self.show_share()

        self.app.push_screen(ChoiceScreen(self.t("share.new_code_title"), self.t("share.new_code_text"),
                                          [("no", self.t("share.new_code_no")), ("yes", self.t("share.new_code_yes"))]),
                             chosen)

    def action_more_per_address(self) -> None:
        """``+``: twice as many phones may join from one address (a class behind one router or
        proxy); the new number is said. Kept when sharing is started again."""
        before = self._per_address()
        if before is None:
            return
        most = self.bapp.sharing.host.allow_per_address(before * 2)
        if most == before:
            self.refuse(self.t("share.per_address_most", count=most))
            return
        self._per_address_changed(most)

    def action_fewer_per_address(self) -> None:
        """``-``: half as many phones may join from one address, not below the default (those in
        stay); the new number is said. Kept when sharing is started again."""
        before = self._per_address()
        if before is None:
            return
        if before <= PARTICIPANTS_PER_ADDRESS:
            self.refuse(self.t("share.per_address_least", count=before))
            return
        self._per_address_changed(
            self.bapp.sharing.host.allow_per_address(max(PARTICIPANTS_PER_ADDRESS, before // 2)))

    def _per_address(self) -> int | None:
        """Phones per address now, or None (said) when sharing is stopped."""
        sharing = self.bapp.sharing
        if sharing is None:
            self.refuse(self.t("share.stopped"))
            return None
        return sharing.room.limits.participants_per_address

    def _per_address_changed(self, most: int) -> None:
        """Phones per address are now ``most``: kept with the room (a restart lets as many in) and said."""
        self.bapp.share_per_address = most
        self.bapp.keep_room()
        self.notify(self.t("share.per_address_note", count=most), timeout=5, markup=False)
        self.show_share()

    async def action_start_stop(self) -> None:
        """``s``: stop sharing, or start it again (beyond this machine only when confirmed)."""
        if self.bapp.sharing is not None:
            await self.bapp.ask_stop_sharing()  # asked first while phones are in; they are told it ended
        else:
            self.bapp.ask_to_share(show=False)

    def action_close(self) -> None:
        """Esc: back to the screen under this one (a text field or dialog first, as elsewhere)."""
        if len(self.app.screen_stack) > 1 and self.app.screen is self:
            self.app.pop_screen()

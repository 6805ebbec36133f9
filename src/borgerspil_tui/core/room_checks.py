"""What the room's door checks in what a phone sends (issue 14; parted from core/room.py): the key
an address is counted under, names and post-its made one line and refused for control characters,
bidi controls, zero-width marks or nothing visible — and :class:`RoomRefused`, the door's "no" in
our words. Pure: no I/O, no HTTP."""

from __future__ import annotations

import ipaddress
import re
import unicodedata

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.text import first_forbidden

NAME_LIMIT = 60
"""The longest name a participant may join with."""
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidi embeddings, overrides and isolates: from a phone they would turn the facilitator's
columns and text around ("Trojan source"). Joiners such as U+200D (emoji) are kept."""

NAME_INVISIBLES = re.compile("[\u200b\u200e\u200f\u061c\u2060\ufeff]")
"""Zero-width and direction marks a name may not hold: "An\u200bna" would show as a second
"Anna". The zero-width joiner U+200D stays (emoji are made with it)."""


def address_key(address: str) -> str:
    """The key a remote ``address`` is counted under by every per-address bucket and cap: an IPv6
    address's /64 (one device or home network holds a whole /64), an IPv4-mapped IPv6 address as its
    IPv4 address, an IPv4 address as it is; anything else (``"?"``) as given."""
    try:
        found = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(found, ipaddress.IPv6Address):
        if found.ipv4_mapped is not None:
            return str(found.ipv4_mapped)
        return str(ipaddress.IPv6Network((found, 64), strict=False))
    return str(found)


def bidi_control(text: str) -> str | None:
    """The first bidi embedding/override/isolate control in ``text`` as ``U+XXXX``, or None."""
    found = BIDI_CONTROLS.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def name_invisible(text: str) -> str | None:
    """The first zero-width or direction mark of :data:`NAME_INVISIBLES` in ``text``, or None."""
    found = NAME_INVISIBLES.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def phone_line(text: str, kind: str) -> str:
    """``text`` as sent from a phone, made one line: tabs and line breaks become spaces and runs of
    space one. Refused (texts ``room.<kind>_control`` and ``room.<kind>_bidi``, with the character)
    for control characters — looked for before spaces are collapsed, since ``str.split()`` takes
    ``\x1c``, ``\x85``, U+2028 … for spaces — and for bidi controls."""
    spaced = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    for key, found in (("control", first_forbidden(spaced)), ("bidi", bidi_control(spaced))):
        if found is not None:
            raise RoomRefused(Message(f"room.{kind}_{key}", {"code": found}))
    return " ".join(spaced.split())


def checked_name(name: str, allow_anonymous: bool) -> str:
    """``name`` as a phone typed it, made one line (:func:`phone_line`), or refused (our message):
    control characters, zero-width or direction marks, nothing visible, longer than
    :data:`NAME_LIMIT`, or "" when anonymous joining is not allowed."""
    if len(name) > 4 * NAME_LIMIT:
        raise RoomRefused(Message("room.name_long", {"limit": NAME_LIMIT}))
    typed = name
    name = phone_line(name, "name")
    mark = name_invisible(name)
    if mark is not None:
        raise RoomRefused(Message("room.name_invisible", {"code": mark}))
    if typed.strip() and not visible(name):
        raise RoomRefused(Message("room.name_needed"))
    if not name and not allow_anonymous:
        raise RoomRefused(Message("room.name_needed"))
    if len(name) > NAME_LIMIT:
        raise RoomRefused(Message("room.name_long", {"limit": NAME_LIMIT}))
    return name


def visible(text: str) -> bool:
    """Whether ``text`` shows anything: a character that is neither a space nor a format
    character (Unicode category Cf: zero-width spaces, joiners, marks)."""
    return any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text)


class RoomRefused(Exception):
    """A phone's request the room does not take: ``message`` (ours) says why, ``status`` is the
    HTTP status the server answers with."""

    def __init__(self, message: Message, status: int = 400) -> None:
        super().__init__(message.key)
        self.message = message
        self.status = status

"""Whether a kept room's file holds a room of ours (parted from core/room_store.py): each field of
the room and of each participant checked as a phone's join would check it — names, keys, idents,
addresses, codes and post-its' ids of their signs and lengths. Anything else is no room (None)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from borgerspil_tui.core.room import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MOST_KEPT,
    MOST_PARTICIPANTS,
    NAME_LIMIT,
    Participant,
    RoomRefused,
    checked_name,
)

TEXT_LIMIT = 400
"""The longest text field of a participant taken from a file (names, keys, addresses, ids)."""
ADDRESS = re.compile(r"[0-9A-Za-z.:/%?_-]{1,100}")
"""An address (its key, core/room.py's address_key) as a file may hold it."""
POST_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")
"""A post-it's id as a file may hold it."""
SUFFIX = re.compile(r" \(([2-9]|[1-9][0-9]{1,3})\)")
"""What the room adds to a name another phone had ("Anna (2)")."""

def _text(value: object, most: int = TEXT_LIMIT) -> bool:
    return isinstance(value, str) and len(value) <= most


def _field_ok(kind: Any, value: object) -> bool:
    """Whether ``value`` read from a file fits a participant's field annotated ``kind``."""
    kind = str(kind).replace(" ", "")
    if kind == "str":
        return _text(value)
    if kind in ("str|None", "None|str"):
        return value is None or _text(value)
    if kind == "list[str]":
        return isinstance(value, list) and len(value) <= 100_000 and all(_text(v, 100) for v in value)
    if kind == "bool":
        return isinstance(value, bool)
    if kind in ("int", "float"):
        return isinstance(value, int if kind == "int" else (int, float)) and not isinstance(value, bool)
    return False  # a field this file does not know how to check: the room is not taken back


def _names_ok(kept: dict[str, Any], allow_anonymous: bool) -> bool:
    """Whether the participant's name passes a phone's join (:func:`~borgerspil_tui.core.room.checked_name`;
    the name may have the room's " (N)" after the name asked for) and anonymous only when allowed."""
    name, asked = kept.get("name", ""), kept.get("asked", "")
    if asked:
        base = asked
        if name != asked and not (name.startswith(asked) and SUFFIX.fullmatch(name[len(asked):])):
            return False
    else:
        found = SUFFIX.search(name)
        base = name[:found.start()] if found is not None and found.end() == len(name) else name
    try:
        return checked_name(base, allow_anonymous) == base and len(base) <= NAME_LIMIT
    except RoomRefused:
        return False


def checked_participant(found: object, allow_anonymous: bool = True) -> dict[str, Any] | None:
    """A participant as :meth:`Room.to_state` wrote it, when every field is there and of its kind,
    its name as a phone may join with (``allow_anonymous``: "" too), its address, code and post-its'
    ids of their signs, else None."""
    if not isinstance(found, dict):
        return None
    kept: dict[str, Any] = {}
    for spec in dataclasses.fields(Participant):
        if spec.name == "post_bucket":
            continue
        if spec.name not in found:
            if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
                return None
            continue
        if not _field_ok(spec.type, found[spec.name]):
            return None
        kept[spec.name] = found[spec.name]
    if not _names_ok(kept, allow_anonymous):
        return None
    address, seen = kept.get("address"), kept.get("code_seen", "")
    if address is not None and not ADDRESS.fullmatch(address):
        return None
    if seen and not (len(seen) == CODE_LENGTH and all(c in CODE_ALPHABET for c in seen)):
        return None
    if not all(POST_ID.fullmatch(post) for post in kept.get("posts", [])):
        return None
    if not re.fullmatch(r"[A-Za-z0-9_-]{16,100}", kept["key"]) or not re.fullmatch(r"p[0-9a-f]{12}", kept["ident"]):
        return None
    return kept


def checked_room(found: object) -> dict[str, Any] | None:
    """The room's state as :meth:`Room.to_state` wrote it, checked field by field, or None (the phones
    one address may bring, ``per_address``, None when the file has none)."""
    if not isinstance(found, dict):
        return None
    code, secret, people = found.get("code"), found.get("secret"), found.get("participants")
    if not (isinstance(code, str) and len(code) == CODE_LENGTH and all(c in CODE_ALPHABET for c in code)):
        return None
    if not (isinstance(secret, str) and re.fullmatch(r"[0-9a-f]{64}", secret)):
        return None
    if not isinstance(found.get("allow_anonymous"), bool):
        return None
    if not isinstance(people, list) or len(people) > MOST_KEPT:
        return None
    # "" (anonymous) is taken whatever the switch says now: ``a`` forbids new anonymous joins, those in stay
    participants = [checked_participant(p) for p in people]
    if any(p is None for p in participants):
        return None
    names = [p["name"].casefold() for p in participants if p and p["name"]]
    if len(set(names)) != len(names):  # the room tells names apart: two "Anna" were not its own
        return None
    for unique in ("key", "ident"):  # one cookie, one voter each
        if len({p[unique] for p in participants if p}) != len(participants):
            return None
    most = found.get("per_address")  # absent in a file from before it was kept: the default
    if most is not None and not (type(most) is int and 1 <= most <= MOST_PARTICIPANTS):
        return None
    return {"code": code, "secret": secret, "allow_anonymous": found["allow_anonymous"],
            "participants": participants, "per_address": most}

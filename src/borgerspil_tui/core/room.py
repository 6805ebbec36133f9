"""The door of the room for phones (issue 14): the join code, who joined, their form tokens and
their rate limits. Pure and in memory (no I/O, no HTTP): the web server (``web/server.py``) asks it
before it does anything; :meth:`Room.to_state` is what the app keeps across a restart (core/room_store.py).

- The join code is random, :data:`CODE_LENGTH` characters from :data:`CODE_ALPHABET` (31 signs,
  no 0/O, 1/I/L, so it can be read off a wall), compared in constant time. A new code locks out
  the old one at once; participants who scan the new one go on as themselves (their cookie).
- A participant is known by a secret key (the cookie) and a public ``ident`` (their voter key).
- Form tokens (CSRF) are an HMAC of the participant's key (or of a pre-join cookie) with the
  room's secret: a page on another site cannot forge one.
- Rate limits are token buckets per participant (post-its) and per address (every request).
- Who counts (:meth:`Room.join`): the room's cap (:data:`MOST_PARTICIPANTS`) counts the phones
  present (joined with, or since shown, the current code: what the share screen counts); the cap per
  address counts everyone who joined from that address (:func:`address_key`: an IPv6 /64 is one
  address), present or locked out by a new code. The table itself holds at most
  :data:`MOST_KEPT`; at that ceiling the oldest locked-out participants are dropped to make room
  (their post-its stay in the project; should they come back, they are new people).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.room_checks import (  # noqa: F401 - the door's checks, parted from here, still found here
    NAME_LIMIT,
    RoomRefused,
    address_key,
    checked_name,
    phone_line,
    visible,
)
from borgerspil_tui.core.token_bucket import TokenBucket

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""The join code's signs: 31, none that look alike on a projector (no 0/O, 1/I/L)."""
CODE_LENGTH = 10
"""31¹⁰ ≈ 8·10¹⁴ codes: not guessable at the rate limit within a workshop."""
MOST_PARTICIPANTS = 500
"""A room holds at most this many phones (memory stays bounded whatever is sent)."""
MOST_KEPT = 2 * MOST_PARTICIPANTS
"""Participants the room remembers, present or locked out (the oldest locked out go first)."""
MOST_ADDRESSES = 2_000
"""At most this many addresses' request buckets are kept (the oldest are forgotten)."""

POST_RATE, POST_BURST = 1.0, 5
"""Post-its per second per participant, and how many may come at once."""
REQUEST_RATE, REQUEST_BURST = 20.0, 60
"""Requests per second per address, and how many may come at once."""
JOIN_RATE, JOIN_BURST = 0.5, 10
"""Joins per second per address (a new participant each, or a join code tried), and how many at once:
the cap per address (a class scanning the QR code together behind one router) and two mistyped."""
PARTICIPANTS_PER_ADDRESS = 8
"""Participants who may join from one address (a shared tablet is fine; one phone filling the room is not)."""
ROOM_POST_RATE, ROOM_POST_BURST = 40.0, 80
"""Post-its per second from the whole room, and how many may come at once."""
MOST_POSTITS = 5_000
"""Post-its a workshop holds at most; more from phones are refused."""
CONNECTIONS, CONNECTIONS_PER_ADDRESS = 300, 20
"""Open connections to the phone server, in all and from one address (the server takes fewer in
all when the process may open few files)."""


@dataclass(frozen=True)
class Limits:
    """The room's rates, (per second, burst) each: requests per address, joins per address,
    post-its per participant, post-its of the whole room; and its caps: participants per address,
    post-its per workshop, open connections in all and per address. Tests and the load benchmark
    (many phones from one address) may pass their own."""

    request: tuple[float, int] = (REQUEST_RATE, REQUEST_BURST)
    join: tuple[float, int] = (JOIN_RATE, JOIN_BURST)
    post: tuple[float, int] = (POST_RATE, POST_BURST)
    room_post: tuple[float, int] = (ROOM_POST_RATE, ROOM_POST_BURST)
    participants_per_address: int = PARTICIPANTS_PER_ADDRESS
    most_postits: int = MOST_POSTITS
    connections: int = CONNECTIONS
    connections_per_address: int = CONNECTIONS_PER_ADDRESS


@dataclass
class Participant:
    """One phone that joined: its secret ``key`` (the cookie), its public ``ident`` (a voter key,
    never shown to others), the name it joined with ("" anonymous) and the post-its it sent."""

    key: str
    ident: str
    name: str
    asked: str = ""
    """The name as asked for (``name`` has " (2)" … after it when another phone had it)."""
    address: str | None = None
    """The remote address it joined from (participants per address are capped); None when not
    from the network."""
    posts: list[str] = field(default_factory=list)
    """The ids of the post-its it sent, oldest first (its phone shows only these)."""
    code_seen: str = ""
    """The room's code its phone last showed: after a new code it is out (locked out, not counted)
    until it shows the new one — then in again as itself (its cookie). See :meth:`Room.present`."""
    post_bucket: TokenBucket = field(default_factory=lambda: TokenBucket(POST_RATE, POST_BURST))


def new_code() -> str:
    """A fresh random join code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(given: str) -> str:
    """A code as typed on a phone: upper case, spaces and dashes left out."""
    return "".join(given.split()).replace("-", "").upper()


class Room:
    """Who may come in and how often. ``clock`` is monotonic seconds (tests pass their own).

    Who counts: the room is full at :data:`MOST_PARTICIPANTS` present (:meth:`present`, as the share
    screen counts: a new code's locked-out phones free their places, and one coming back is refused
    while the room is full); an address is full at ``limits.participants_per_address`` who joined from
    it (:func:`address_key`), present or locked out (a new code gives no address more people). At
    :data:`MOST_KEPT` remembered, the oldest locked out are dropped (their post-its stay)."""

    def __init__(self, *, allow_anonymous: bool = False, clock: Callable[[], float] = time.monotonic,
                 code: str | None = None, limits: Limits | None = None) -> None:
        self.clock = clock
        self.limits = limits or Limits()
        self.allow_anonymous = allow_anonymous
        self.code = code or new_code()
        self.secret = secrets.token_bytes(32)
        self.participants: dict[str, Participant] = {}
        """By secret key."""
        self.ended = False
        self.over = False
        """Ended on purpose: the phones are told the workshop is over (not a quit or a crash)."""
        self.changed: Callable[[], None] | None = None
        """Called after a join or a new code (the app keeps the room: core/room_store.py)."""
        self.revision = 0
        """Bumped by every change of what :meth:`to_state` keeps (:meth:`touched`): the app writes
        the room again only when it moved."""
        self._requests: dict[str, TokenBucket] = {}
        self._joins: dict[str, TokenBucket] = {}
        self._room_posts: TokenBucket | None = None

    # -- the code ----------------------------------------------------------------------------------
    def new_code(self) -> str:
        """A new join code: the old one no longer opens anything, and every participant is out
        (not counted) until their phone shows the new one — then in again as the same person (their
        cookie: name, post-its, dots), see :meth:`showed_code`."""
        self.code = new_code()
        self.touched(now=True)
        return self.code

    def showed_code(self, participant: Participant) -> None:
        """``participant``'s phone showed the current code (the server checked it): in — refused
        (503, the room full) when :data:`MOST_PARTICIPANTS` are present already."""
        if participant.code_seen != self.code:
            if len(self.present()) >= MOST_PARTICIPANTS:
                raise RoomRefused(Message("room.full", {"limit": MOST_PARTICIPANTS}), 503)
            participant.code_seen = self.code
            self.touched()

    def present(self) -> list[Participant]:
        """The participants who can still post: joined with, or since shown, the current code."""
        return [p for p in self.participants.values() if p.code_seen == self.code]

    def code_ok(self, given: str | None) -> bool:
        """Whether ``given`` is the current code, compared in constant time (case and spaces as
        a person types them do not matter)."""
        if self.ended or not given or len(given) > 4 * CODE_LENGTH:
            return False
        return hmac.compare_digest(normal_code(given).encode(), self.code.encode())

    # -- people ------------------------------------------------------------------------------------
    def join(self, name: str, address: str | None = None) -> Participant:
        """A new participant with ``name`` (trimmed; "" for anonymous, when the room allows it),
        from the remote ``address`` (None: not from the network, e.g. the app itself; not counted
        per address). Refused (our message) for a name with control characters,
        zero-width or direction marks, nothing visible, a name too long, an anonymous join the
        facilitator does not allow, too many who joined from the address's :func:`address_key`
        (present or locked out), or :data:`MOST_PARTICIPANTS` present. A name another phone has is
        told apart: "Anna (2)"."""
        name = checked_name(name, self.allow_anonymous)
        if len(self.present()) >= MOST_PARTICIPANTS:
            raise RoomRefused(Message("room.full", {"limit": MOST_PARTICIPANTS}), 503)
        most = self.limits.participants_per_address
        if address is not None:
            address = address_key(address)
            if sum(1 for p in self.participants.values() if p.address == address) >= most:  # present or not
                raise RoomRefused(Message("room.full_here", {"limit": most}), 429)
        self._make_room()
        participant = Participant(key=secrets.token_urlsafe(24), ident="p" + secrets.token_hex(6),
                                  name=self.distinct(name), asked=name, address=address,
                                  code_seen=self.code, post_bucket=TokenBucket(*self.limits.post, self.clock))
        self.participants[participant.key] = participant
        self.touched(now=True)
        return participant

    def touched(self, *, now: bool = False) -> None:
        """What :meth:`to_state` keeps changed; ``now``: kept at once (a join, a new code), else
        within the app's next second (a post-it, a code shown, the anonymous switch)."""
        self.revision += 1
        if now and self.changed is not None:
            self.changed()

    def _make_room(self) -> None:
        """At :data:`MOST_KEPT` participants, the oldest locked out (not present) go to make room for
        one more (their post-its stay in the project)."""
        over = len(self.participants) - MOST_KEPT + 1
        if over <= 0:
            return
        out = [key for key, p in self.participants.items() if p.code_seen != self.code][:over]
        for key in out:
            del self.participants[key]

    def distinct(self, name: str) -> str:
        """``name``, or "name (2)", "name (3)" … when a participant has it already (case aside),
        so the facilitator can tell them apart. Anonymous ("") stays as it is."""
        if not name:
            return name
        taken = {p.name.casefold() for p in self.participants.values()}
        found, number = name, 1
        while found.casefold() in taken:
            number += 1
            found = f"{name} ({number})"
        return found

    def find(self, key: str | None) -> Participant | None:
        """The participant whose cookie is ``key``, or None."""
        return self.participants.get(key) if key else None

    def by_ident(self, ident: str) -> Participant | None:
        """The participant with the public ``ident``, or None."""
        return next((p for p in self.participants.values() if p.ident == ident), None)

    # -- form tokens -------------------------------------------------------------------------------
    def csrf(self, key: str) -> str:
        """The form token for a participant's key (or a pre-join cookie's value)."""
        return hmac.new(self.secret, b"csrf:" + key.encode(), hashlib.sha256).hexdigest()[:32]

    def csrf_ok(self, key: str | None, token: str | None) -> bool:
        """Whether ``token`` is the form token of ``key`` (constant time)."""
        if not key or not token:
            return False
        return hmac.compare_digest(self.csrf(key).encode(), token.encode()[:64])

    # -- rate limits -------------------------------------------------------------------------------
    def _bucket(self, buckets: dict[str, TokenBucket], address: str, rate: float, burst: int) -> TokenBucket:
        bucket = buckets.get(address)
        if bucket is None:
            if len(buckets) >= MOST_ADDRESSES:
                del buckets[next(iter(buckets))]
            bucket = buckets[address] = TokenBucket(rate, burst, self.clock)
        elif (bucket.rate, bucket.burst) != (rate, burst):  # the limits changed (more per address): from now on
            bucket.rate, bucket.burst = rate, burst
        return bucket

    def may_request(self, address: str) -> bool:
        """Whether a request from ``address`` (by its :func:`address_key`) is within its rate (it takes a token)."""
        return self._bucket(self._requests, address_key(address), *self.limits.request).take()

    def may_join(self, address: str) -> bool:
        """Whether a join from ``address`` (by its :func:`address_key`) is within its rate (it takes a token)."""
        return self._bucket(self._joins, address_key(address), *self.limits.join).take()

    def may_post(self, participant: Participant) -> bool:
        """Whether a post-it from ``participant`` is within its own rate and the whole room's
        (it takes a token of each)."""
        if not participant.post_bucket.take():
            return False
        rate, burst = self.limits.room_post
        bucket = self._room_posts
        if bucket is None or (bucket.rate, bucket.burst) != (rate, burst):  # new limits: a new bucket
            bucket = self._room_posts = TokenBucket(rate, burst, self.clock)
        return bucket.take()

    def end(self, *, over: bool = False) -> None:
        """Sharing ended: no code opens anything any more. ``over``: on purpose (stopped, the workshop
        ended): the server tells every phone so until it stops (:attr:`over`)."""
        self.ended = True
        self.over = over

    # -- kept across a restart of the app (core/room_store.py) ------------------------------------
    def to_state(self) -> dict[str, Any]:
        """What a restart needs to go on as this room: code, token secret, the anonymous switch, the
        phones one address may bring (``+`` raised it: the app raises it again) and who joined (not
        the rate buckets)."""
        people = [{k: v for k, v in vars(p).items() if k != "post_bucket"} for p in self.participants.values()]
        return {"code": self.code, "secret": self.secret.hex(), "allow_anonymous": self.allow_anonymous,
                "per_address": self.limits.participants_per_address, "participants": people}

    @classmethod
    def from_state(cls, state: dict[str, Any], **options: Any) -> Room:
        """The room :meth:`to_state` gave (checked first by room_store), with fresh rate buckets."""
        room = cls(code=state["code"], allow_anonymous=state["allow_anonymous"], **options)
        room.secret = bytes.fromhex(state["secret"])
        for kept in state["participants"]:
            bucket = TokenBucket(*room.limits.post, room.clock)
            address = kept.get("address")
            kept = kept | ({"address": address_key(address)} if isinstance(address, str) else {})
            room.participants[kept["key"]] = Participant(**kept, post_bucket=bucket)
        return room

"""What the room's phones may see and do, over the open project (issue 14): the running
activity's question and time, sending post-its into the workshop, and spending dots in the live
voting round. Every change goes through the session as any edit does (checked and autosaved, though
no step of the facilitator's Ctrl+Z); nothing else of the project is ever handed out — no observations, quotes, names or files.

No Textual and no HTTP here: ``web/server.py`` calls these, the app sets :attr:`RoomHost.live_round`
when a voting round is open to phones, and tests drive it directly. The dots themselves are
``core/room_votes.py``'s (:class:`~borgerspil_tui.core.room_votes.PhoneVotes`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError

from borgerspil_tui.core import workshop_timer as timer
from borgerspil_tui.core.edit_refused import EditRefused
from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model.workshop import Activity, PostIt, Workshop
from borgerspil_tui.core.room import (
    CONNECTIONS_PER_ADDRESS,
    JOIN_BURST,
    JOIN_RATE,
    MOST_PARTICIPANTS,
    NAME_LIMIT,
    PARTICIPANTS_PER_ADDRESS,
    REQUEST_BURST,
    REQUEST_RATE,
    Limits,
    Participant,
    Room,
    RoomRefused,
    phone_line,
    visible,
)
from borgerspil_tui.core.room_votes import PhoneVotes
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.validation_messages import message_for
from borgerspil_tui.core.workshop_capture import CAPTURE_TARGETS, LINE_LIMIT
from borgerspil_tui.core.workshop_record import running
from borgerspil_tui.core.workshop_timer import Clock

Mode = Literal["wait", "capture", "vote", "result"]
Reason = Literal["address", "full", "connections", "connections_all"]
TURNED_AWAY: dict[str, Reason] = {"room.full_here": "address", "room.full": "full"}
"""The room's refusals of a join the facilitator is told of (a class behind one router is refused
by the per-address cap; the facilitator can raise it)."""
TURNED_SHOWN = 3
"""The latest phones turned away the share screen lists (when, why, the name asked for)."""


@dataclass(frozen=True)
class TurnedAway:
    """A phone the room did not let in: over the participants from one ``address`` (``limit`` of
    them), the room ``full`` (``limit`` phones), over the open ``connections`` from one address or
    ``connections_all`` (``limit`` each). ``name`` is the name it asked for (typed on a phone: never markup)."""

    reason: Reason
    limit: int
    name: str = ""


def per_address_limits(limits: Limits, most: int) -> Limits:
    """``limits`` with ``most`` participants per address. What one address may do grows with it
    (a class behind one router polls and joins as one address): requests, joins and open
    connections per address scale with ``most`` over the default, never below what they are."""
    scale = max(1.0, most / PARTICIPANTS_PER_ADDRESS)
    request = (max(limits.request[0], REQUEST_RATE * scale), max(limits.request[1], round(REQUEST_BURST * scale)))
    join = (max(limits.join[0], JOIN_RATE * scale), max(limits.join[1], round(JOIN_BURST * scale)))
    connections = max(limits.connections_per_address, min(limits.connections, round(CONNECTIONS_PER_ADDRESS * scale)))
    return dataclasses.replace(limits, participants_per_address=most, request=request, join=join,
                               connections_per_address=connections)


@dataclass(frozen=True)
class PhoneView:
    """All a phone is shown of the project: the running activity's title and question, the time
    left, what can be done now, and during a round the ideas' titles (after the reveal, the result)."""

    mode: Mode
    title: str = ""
    question: str = ""
    seconds_left: float | None = None
    """Seconds left of the timebox (negative: the overrun); None when no activity runs."""
    paused: bool = False
    target: str | None = None
    """The capture target's key (``ideas``, ``causes`` …) in capture mode."""
    ideas: list[tuple[str, str]] = field(default_factory=list)
    """(idea id, title) in the round's order, in vote mode."""
    dots_per_person: int = 0
    most_per_idea: int = 0
    result: list[tuple[str, int]] = field(default_factory=list)
    """(title, dots) ranked, most first, in result mode."""


class RoomHost(PhoneVotes):
    """The open project as the room's phones reach it: through ``session`` (every change one
    undoable step), timed by ``clock``, with ``room``'s participants; their dots in the live round
    come from :class:`~borgerspil_tui.core.room_votes.PhoneVotes`."""

    def __init__(self, session: Session, room: Room, clock: Clock) -> None:
        self.session = session
        self.room = room
        self.clock = clock
        self._base_limits = room.limits
        """The room's limits before ``+`` (``-`` scales what one address may send from these again)."""
        self._init_votes()
        self.arrived: Callable[[PostIt], None] | None = None
        """Called after a post-it is kept (the app says so on screen)."""
        self.turned_away: Callable[[TurnedAway], None] | None = None
        """Called when a phone is not let in for a cap (the app tells the facilitator)."""
        self.turned_away_count = 0
        """How many times a phone was not let in for a cap (the share screen shows it)."""
        self.turned_recent: deque[tuple[dt.datetime, TurnedAway]] = deque(maxlen=TURNED_SHOWN)
        """The latest phones not let in, with when (the share screen lists them), oldest first."""

    def _mode(self, found: tuple[Workshop, Activity] | None) -> Mode:
        """What the phones can do now, ``found`` being the running workshop and activity: see the
        revealed result (until the activity moves on), vote, capture, or wait."""
        if self._result is not None:  # a revealed round (live, or kept in the project: take_kept_result)
            if (found[1].id if found is not None else None) == self._result_during:
                return "result"
        elif self.live_round is not None:
            return "vote"
        return "capture" if found is not None and found[1].target in CAPTURE_TARGETS else "wait"

    # -- who comes in --------------------------------------------------------------------------------
    def join(self, name: str, address: str | None = None) -> Participant:
        """:meth:`Room.join`; a phone refused for a cap (too many from its address, the room full)
        is told to the facilitator through :attr:`turned_away` before the refusal goes on."""
        try:
            return self.room.join(name, address)
        except RoomRefused as refusal:
            reason = TURNED_AWAY.get(refusal.message.key)
            if reason is not None:
                self.turn_away(TurnedAway(reason, int(refusal.message.values.get("limit", 0)),
                                          " ".join(name.split())[:NAME_LIMIT]))
            raise

    def turn_away(self, event: TurnedAway) -> None:
        """Count a phone not let in, and tell the facilitator (the app's callback, when one listens)."""
        self.turned_away_count += 1
        self.turned_recent.append((self.clock.now(), event))
        if self.turned_away is not None:
            self.turned_away(event)

    def allow_per_address(self, most: int) -> int:
        """Let ``most`` participants join from one address (1 … the room's
        :data:`~borgerspil_tui.core.room.MOST_PARTICIPANTS`); what one address may send grows with it
        (:func:`per_address_limits`). Returns the number now allowed."""
        most = max(1, min(MOST_PARTICIPANTS, most))
        limits, first = self.room.limits, self._base_limits
        if most < limits.participants_per_address:  # fewer: what one address may send scales from the first limits
            limits = dataclasses.replace(limits, request=first.request, join=first.join,
                                         connections_per_address=first.connections_per_address)
        self.room.limits = per_address_limits(limits, most)
        return most

    # -- what a phone sees -------------------------------------------------------------------------
    def view(self) -> PhoneView:
        """What the phones are shown now."""
        project = self.session.project
        found = running(project)
        mode = self._mode(found)
        title = question = ""
        seconds: float | None = None
        paused = False
        target = None
        if found is not None:
            workshop, activity = found
            title, question, target = activity.title, activity.question, activity.target
            if mode == "wait":  # a break, a presentation: its title, no question the phone cannot answer
                question = ""
            state = workshop.timer
            assert state is not None
            seconds = timer.remaining(state, activity, self.clock.now())
            paused = timer.is_paused(state)
        base = {"title": title, "question": question, "seconds_left": seconds, "paused": paused}
        if mode in ("capture", "wait"):
            return PhoneView(mode, **base, target=target if mode == "capture" else None)
        titles = {idea.id: idea.title for idea in project.create.ideas}  # only a round shows ideas
        if mode == "result":
            assert self._result is not None
            return PhoneView("result", **base, result=[(titles.get(i, ""), dots) for i, dots in self._result])
        assert self.live_round is not None
        ideas = [(i, titles[i]) for i in self.live_round.ideas if i in titles]
        return PhoneView("vote", **base, ideas=ideas, dots_per_person=self.live_round.dots_per_person,
                         most_per_idea=self.live_round.per_idea)

    # -- post-its ----------------------------------------------------------------------------------
    def post(self, participant: Participant, text: str) -> PostIt:
        """Keep ``text`` as a new post-it from ``participant`` in the running workshop (one
        undoable step, label from the UI texts). Line breaks and tabs become spaces; other control
        characters, bidi controls, nothing visible, too long, or the workshop holding
        ``limits.most_postits`` already are refused. Refused (RoomRefused, our message) when no
        capture activity runs, or the edit is refused."""
        found = running(self.session.project)
        if found is None or self._mode(found) != "capture":
            raise RoomRefused(Message("room.no_capture"), 409)
        workshop, activity = found
        line = phone_line(text, "postit")
        if not visible(line):
            raise RoomRefused(Message("room.empty_postit"))
        most = self.room.limits.most_postits
        if len(workshop.postits) >= most:
            raise RoomRefused(Message("room.postits_full", {"limit": most}), 409)
        if len(line) > LINE_LIMIT:
            raise RoomRefused(Message("room.postit_long", {"limit": LINE_LIMIT}))
        try:
            postit = PostIt(activity=activity.id, text=line, author=participant.name, sent=self.clock.now())
        except ValidationError as error:
            raise RoomRefused(message_for(error.errors()[0])) from None
        from borgerspil_tui.core.i18n import tr

        label = tr(self.session.project.language, "room.postit_arrived",
                   name=participant.name or tr(self.session.project.language, "room.anonymous"))
        try:
            self.session.apply(label, self.session.changes.add(("workshops", workshop.id, "postits"), postit),
                               undoable=False)  # the facilitator's Ctrl+Z undoes their own steps, not a phone's
        except EditRefused as error:
            raise RoomRefused(Message("room.not_kept", {"reason": error.text(self.session.project.language)}),
                              503) from None
        participant.posts.append(postit.id)
        self.room.touched()
        if self.arrived is not None:
            self.arrived(postit)
        return postit

    def latest_own(self, participant: Participant, most: int) -> tuple[list[PostIt], int]:
        """The latest ``most`` post-its ``participant`` sent that are still in the project (oldest
        first), and how many more earlier ones are (a phone's page and answer stay small)."""
        changes = self.session.changes
        found: list[PostIt] = []
        more = 0
        for ident in reversed(participant.posts):
            try:
                path = changes.path_of(ident)
            except KeyError:  # gone with its workshop
                continue
            if len(found) < most:
                found.append(changes.get(path))
            else:
                more += 1
        return found[::-1], more

    def own_postits(self, participant: Participant) -> list[PostIt]:
        """The post-its ``participant`` sent that are still in the project, oldest first — never
        anyone else's."""
        changes = self.session.changes  # by the index: what one phone sent, not every post-it of the day
        found = []
        for ident in participant.posts:
            try:
                found.append(changes.get(changes.path_of(ident)))
            except KeyError:  # gone with its workshop
                continue
        return found

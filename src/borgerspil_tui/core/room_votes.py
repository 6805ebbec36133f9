"""The phones' dots in the live voting round (issue 14): giving and taking back a dot, a phone's own
dots and what it has left, how many phones voted, and the revealed result the phones are shown.

No Textual and no HTTP here: :class:`~borgerspil_tui.core.room_host.RoomHost` takes these from
:class:`PhoneVotes`; the app sets :attr:`PhoneVotes.live_round` when a voting round is open to phones.
"""

from __future__ import annotations

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.room import Participant, RoomRefused
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.workshop_record import running
from borgerspil_tui.core.workshop_summary import ranked
from borgerspil_tui.core.workshop_vote import VoteRefused, VotingRound

PHONE_VOTER = "phone-"
"""A phone's voter key in the live round: this prefix and the participant's public ident."""
PHONE_VOTE_TEXTS = {
    "workshop.vote.no_dots_left": "room.vote.no_dots_left",
    "workshop.vote.no_dot_to_take": "room.vote.no_dot_to_take",
    "workshop.vote.idea_limit": "room.vote.idea_limit",
    "workshop.vote.revealed": "room.vote.revealed",
    "workshop.vote.unknown_idea": "room.vote.unknown_idea",
    "workshop.vote.unknown_voter": "room.vote.unknown_voter",
}
"""The round's refusals (said of a voter, for the laptop) as the phone says them, to its own
person ("du"/"you")."""


def phone_refusal(refused: VoteRefused) -> RoomRefused:
    """A round's refusal in the phone's words (409); a refusal without a phone text as it is."""
    message = refused.message
    key = PHONE_VOTE_TEXTS.get(message.key)
    if key is not None:
        message = Message(key, {"limit": message.values["limit"]} if "limit" in message.values else {})
    return RoomRefused(message, 409)


class PhoneVotes:
    """The room's phones as voters in the live round, beside the laptop's turns (a mixin of
    :class:`~borgerspil_tui.core.room_host.RoomHost`, which sets ``session`` and calls
    :meth:`_init_votes`). A phone votes as :data:`PHONE_VOTER` + its public ident."""

    session: Session

    def _init_votes(self) -> None:
        self.live_round: VotingRound | None = None
        """The voting round open to phones (set by the app when a round starts, None when none)."""
        self._result: list[tuple[str, int]] | None = None
        self._result_during: str | None = None
        """The activity that ran when the result was revealed: the phones show the result until
        another activity runs (then they can send post-its again)."""

    @property
    def result(self) -> list[tuple[str, int]] | None:
        """The live round's ranked result (idea id, dots) once the facilitator revealed it."""
        return self._result

    @result.setter
    def result(self, ranked: list[tuple[str, int]] | None) -> None:
        self._result = ranked
        found = running(self.session.project)
        self._result_during = found[1].id if found is not None else None

    def take_kept_result(self) -> None:
        """Sharing (again) while a voting activity runs whose round is already kept in the project
        (revealed before the workshop's end was undone, or before a restart): the phones show that
        result, as the wall does, instead of "nothing to send now"."""
        found = running(self.session.project)
        if found is None:
            return
        workshop, activity = found
        held = [r for r in workshop.rounds if r.activity == activity.id and r.totals]
        if held:
            self.result = [(total.idea, total.dots) for total in ranked(held[-1], self.session.project)]

    def _voter(self, participant: Participant) -> tuple[VotingRound, str]:
        round_ = self.live_round
        if round_ is None or self.result is not None:
            raise RoomRefused(Message("room.no_round"), 409)
        voter = PHONE_VOTER + participant.ident
        try:
            round_.add_voter(voter, participant.name)
        except VoteRefused as refused:
            raise phone_refusal(refused) from None
        return round_, voter

    def give(self, participant: Participant, idea: str) -> None:
        """One of ``participant``'s dots on ``idea`` (the round's rules apply; refused in our words)."""
        self._dot(participant, idea, give=True)

    def take_back(self, participant: Participant, idea: str) -> None:
        """One of ``participant``'s dots off ``idea`` again."""
        self._dot(participant, idea, give=False)

    def _dot(self, participant: Participant, idea: str, *, give: bool) -> None:
        round_, voter = self._voter(participant)
        try:
            (round_.give if give else round_.take_back)(voter, idea)
        except VoteRefused as refused:
            raise phone_refusal(refused) from None

    def own_dots(self, participant: Participant) -> dict[str, int]:
        """``participant``'s own dots per idea in the live round (empty when none runs)."""
        if self.live_round is None:
            return {}
        return self.live_round.own_dots(PHONE_VOTER + participant.ident)

    def left(self, participant: Participant) -> int:
        """How many dots ``participant`` has left in the live round (0 when none runs)."""
        if self.live_round is None:
            return 0
        return self.live_round.left(PHONE_VOTER + participant.ident)

    def phones_voted(self) -> int:
        """How many phones have given at least one dot in the live round."""
        if self.live_round is None:
            return 0
        return sum(1 for voter in self.live_round.voters
                   if voter.startswith(PHONE_VOTER) and self.live_round.own_dots(voter))

"""A dot-voting round, headless: each participant in turn gives their dots, seeing only their own;
the totals stay hidden until the facilitator reveals them (hidden totals prevent groupthink).

A named round becomes the project's :class:`Vote` items (voter + idea + dots). An anonymous
round keeps totals only: a :class:`Vote` must name its voter, so its dots are kept in the
workshop's :class:`VoteRound` (:meth:`VotingRound.held`), whose totals count in the matrix's dots
(``core.derived.dots_per_idea``). A named round is recorded as a held round too, as a record of
the day (its dots counted once: as votes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from borgerspil_tui.core.i18n import Message
from borgerspil_tui.core.model.create import Vote
from borgerspil_tui.core.model.workshop import RoundTotal, VoteRound

MOST_DOTS = 100
"""The model's bound on dots (``Create.dots_per_person`` and ``Vote.dots``)."""


class VoteRefused(Exception):
    """A dot the round does not take; ``message`` says why, in our words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


def _check_count(value: int) -> None:
    if value < 1:
        raise VoteRefused(Message("valid.at_least", {"limit": 1, "value": value}))
    if value > MOST_DOTS:
        raise VoteRefused(Message("valid.at_most", {"limit": MOST_DOTS, "value": value}))


@dataclass
class VotingRound:
    """One dot-voting round: who votes (in turn), on which ideas (in their order), how many dots
    each person has, the most one person may put on one idea, and whether it is anonymous."""

    voters: list[str]
    ideas: list[str]
    dots_per_person: int = 3
    per_idea: int = 1
    anonymous: bool = False
    names: dict[str, str] = field(default_factory=dict)
    """Voter id → name, for messages (the id is shown when a name is missing)."""
    turn: int = 0
    revealed: bool = False
    _dots: dict[str, dict[str, int]] = field(default_factory=dict, repr=False)
    _in_turn: int = field(default=0, repr=False)
    """How many of :attr:`voters` vote in turn at the laptop (those given at the start); voters
    added later (:meth:`add_voter`: phones) vote at the same time, each on their own device."""

    def __post_init__(self) -> None:
        _check_count(self.dots_per_person)
        _check_count(self.per_idea)
        self.voters = list(dict.fromkeys(self.voters))
        self.ideas = list(dict.fromkeys(self.ideas))
        self._in_turn = len(self.voters)

    def add_voter(self, voter: str, name: str = "") -> None:
        """Let ``voter`` vote too, on their own device (not in the laptop's turns); nothing when
        they already may. Refused once the round is revealed."""
        if self.revealed:
            raise VoteRefused(Message("workshop.vote.revealed"))
        if voter not in self.voters:
            self.voters.append(voter)
            if name:
                self.names[voter] = name

    @property
    def in_turn(self) -> list[str]:
        """The voters who vote in turn at the laptop (those given at the start), in their order."""
        return self.voters[:self._in_turn]

    def side_voted(self) -> int:
        """How many of the voters on their own devices (:meth:`add_voter`: phones) gave at least
        one dot — a count, never what they gave."""
        return sum(1 for voter in self.voters[self._in_turn:] if any(self._dots.get(voter, {}).values()))

    def _name(self, voter: str) -> str:
        return self.names.get(voter, voter)

    def _check(self, voter: str, idea: str) -> dict[str, int]:
        if self.revealed:
            raise VoteRefused(Message("workshop.vote.revealed"))
        if voter not in self.voters:
            raise VoteRefused(Message("workshop.vote.unknown_voter", {"voter": self._name(voter)}))
        if idea not in self.ideas:
            raise VoteRefused(Message("workshop.vote.unknown_idea"))
        return self._dots.setdefault(voter, {})

    @property
    def current_voter(self) -> str | None:
        """Whose turn it is; None when everyone has had their turn."""
        return self.voters[self.turn] if self.turn < self._in_turn else None

    def give(self, voter: str, idea: str) -> None:
        """One of ``voter``'s dots on ``idea``; refused when none are left or the idea has the
        most one person may give it."""
        own = self._check(voter, idea)
        if self.left(voter) <= 0:
            raise VoteRefused(Message("workshop.vote.no_dots_left",
                                      {"voter": self._name(voter), "limit": self.dots_per_person}))
        if own.get(idea, 0) >= self.per_idea:
            raise VoteRefused(Message("workshop.vote.idea_limit", {"limit": self.per_idea}))
        own[idea] = own.get(idea, 0) + 1

    def take_back(self, voter: str, idea: str) -> None:
        """One of ``voter``'s dots off ``idea`` again; refused when there is none."""
        own = self._check(voter, idea)
        if own.get(idea, 0) <= 0:
            raise VoteRefused(Message("workshop.vote.no_dot_to_take", {"voter": self._name(voter)}))
        own[idea] -= 1
        if not own[idea]:
            del own[idea]

    def left(self, voter: str) -> int:
        """How many dots ``voter`` has left to give."""
        return self.dots_per_person - sum(self._dots.get(voter, {}).values())

    def own_dots(self, voter: str) -> dict[str, int]:
        """``voter``'s own dots per idea (a copy), in the ideas' order — never anyone else's."""
        own = self._dots.get(voter, {})
        return {idea: own[idea] for idea in self.ideas if own.get(idea)}

    def next_voter(self) -> str | None:
        """Hand the laptop on: the next voter, or None when everyone has voted."""
        if self.turn < self._in_turn:
            self.turn += 1
        return self.current_voter

    def totals(self) -> dict[str, int]:
        """Dots per idea over everyone, in the ideas' order (for the reveal and anonymous rounds)."""
        return {idea: sum(own.get(idea, 0) for own in self._dots.values()) for idea in self.ideas}

    def reveal(self) -> list[tuple[str, int]]:
        """End the round and rank the ideas by dots, most first; ties keep the ideas' order."""
        self.revealed = True
        order = {idea: index for index, idea in enumerate(self.ideas)}
        return sorted(self.totals().items(), key=lambda pair: (-pair[1], order[pair[0]]))

    def as_votes(self, existing: Iterable[Vote] = ()) -> list[Vote] | dict[str, int]:
        """What the round stores. Named: the project's votes with this round's merged in by key
        (voter + idea). The round is these voters' new say on these ideas: such a key gets the
        round's dots in its old place, or goes when the voter gave it none this time; votes of
        other people or on other ideas stay; new keys come last. Anonymous: the totals only
        (ideas with no dots left out), since a :class:`Vote` must name its voter; they are kept
        in the workshop as a held round (:meth:`held`)."""
        if self.anonymous:
            return {idea: dots for idea, dots in self.totals().items() if dots}
        ours = {(voter, idea): dots for voter in self.voters
                for idea, dots in self.own_dots(voter).items()}
        merged: list[Vote] = []
        for vote in existing:
            key = (vote.voter, vote.idea)
            if key in ours:
                merged.append(Vote(voter=vote.voter, idea=vote.idea, dots=ours.pop(key)))
            elif vote.voter not in self.voters or vote.idea not in self.ideas:
                merged.append(vote)
        merged.extend(Vote(voter=voter, idea=idea, dots=dots) for (voter, idea), dots in ours.items())
        return merged

    def voted(self) -> int:
        """How many people gave at least one dot."""
        return sum(1 for voter in self.voters if any(self._dots.get(voter, {}).values()))

    def held(self, activity: str | None, when: dt.datetime) -> VoteRound:
        """The round as the workshop keeps it: its rules, how many voted, and the totals of the
        ideas that got dots, most first (ties in the ideas' order)."""
        order = {idea: index for index, idea in enumerate(self.ideas)}
        ranked = sorted(self.totals().items(), key=lambda pair: (-pair[1], order[pair[0]]))
        return VoteRound(activity=activity, held=when, anonymous=self.anonymous,
                         dots_per_person=self.dots_per_person, most_per_idea=self.per_idea,
                         voters=self.voted(), totals=[RoundTotal(idea=idea, dots=dots)
                                                      for idea, dots in ranked if dots])

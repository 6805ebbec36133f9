"""A dot-voting round's rules (core/workshop_vote): own dots only, limits, turns, reveal, storing."""

from __future__ import annotations

import datetime as dt

import pytest

from borgerspil_tui.core.model.create import Vote
from borgerspil_tui.core.model.workshop import RoundTotal
from borgerspil_tui.core.workshop_vote import VoteRefused, VotingRound

IDEAS = ["idea-sms", "idea-app", "idea-brev"]


def round_of(**options: object) -> VotingRound:
    values: dict = {"voters": ["person-anna", "person-bo", "guest-kim"], "ideas": IDEAS,
                    "dots_per_person": 3, "per_idea": 2, "names": {"person-anna": "Anna"}} | options
    return VotingRound(**values)


def refused(action, *args, **options) -> str:
    with pytest.raises(VoteRefused) as caught:
        action(*args, **options)
    message = caught.value.message
    assert message.text("da") and message.text("en")
    return message.key


def test_dots_are_given_taken_back_and_counted() -> None:
    vote = round_of()
    vote.give("person-anna", "idea-sms")
    vote.give("person-anna", "idea-sms")
    assert vote.left("person-anna") == 1 and vote.left("person-bo") == 3
    vote.take_back("person-anna", "idea-sms")
    assert vote.own_dots("person-anna") == {"idea-sms": 1} and vote.left("person-anna") == 2
    assert refused(vote.take_back, "person-anna", "idea-app") == "workshop.vote.no_dot_to_take"


def test_the_limits_are_enforced_with_our_messages() -> None:
    vote = round_of()
    vote.give("person-anna", "idea-sms")
    vote.give("person-anna", "idea-sms")
    assert refused(vote.give, "person-anna", "idea-sms") == "workshop.vote.idea_limit"
    vote.give("person-anna", "idea-app")
    assert refused(vote.give, "person-anna", "idea-brev") == "workshop.vote.no_dots_left"
    caught = pytest.raises(VoteRefused, vote.give, "person-anna", "idea-brev")
    assert "Anna" in caught.value.message.text("en") and "3" in caught.value.message.text("da")
    assert vote.own_dots("person-anna") == {"idea-sms": 2, "idea-app": 1}
    assert refused(vote.give, "person-eva", "idea-sms") == "workshop.vote.unknown_voter"
    assert refused(vote.give, "person-bo", "idea-gone") == "workshop.vote.unknown_idea"
    assert refused(round_of, dots_per_person=0) == "valid.at_least"
    assert refused(round_of, per_idea=101) == "valid.at_most"


def test_a_voter_sees_only_their_own_dots_and_turns_go_round() -> None:
    vote = round_of()
    assert vote.current_voter == "person-anna"
    vote.give("person-anna", "idea-brev")
    assert vote.next_voter() == "person-bo"
    assert vote.own_dots("person-bo") == {} and vote.left("person-bo") == 3
    vote.give("person-bo", "idea-app")
    assert vote.own_dots("person-bo") == {"idea-app": 1}
    assert vote.next_voter() == "guest-kim"
    assert vote.next_voter() is None and vote.next_voter() is None


def test_reveal_ranks_with_ties_in_the_ideas_order_and_ends_the_round() -> None:
    vote = round_of()
    vote.give("person-anna", "idea-brev")
    vote.give("person-anna", "idea-app")
    vote.give("person-bo", "idea-brev")
    vote.give("person-bo", "idea-app")
    vote.give("guest-kim", "idea-brev")
    assert vote.reveal() == [("idea-brev", 3), ("idea-app", 2), ("idea-sms", 0)]
    assert refused(vote.give, "guest-kim", "idea-sms") == "workshop.vote.revealed"
    tie = round_of()
    tie.give("person-bo", "idea-brev")
    tie.give("person-anna", "idea-app")
    assert tie.reveal() == [("idea-app", 1), ("idea-brev", 1), ("idea-sms", 0)]


def test_a_named_round_merges_into_the_projects_votes_by_key() -> None:
    existing = [Vote(voter="person-anna", idea="idea-sms", dots=1),
                Vote(voter="person-anna", idea="idea-app", dots=2),
                Vote(voter="person-eva", idea="idea-sms", dots=3),
                Vote(voter="person-bo", idea="idea-old", dots=1)]
    vote = round_of()
    vote.give("person-anna", "idea-sms")
    vote.give("person-anna", "idea-sms")
    vote.give("guest-kim", "idea-brev")
    stored = vote.as_votes(existing)
    assert [(v.voter, v.idea, v.dots) for v in stored] == [
        ("person-anna", "idea-sms", 2),  # replaced in its place
        ("person-eva", "idea-sms", 3),  # not in this round: kept
        ("person-bo", "idea-old", 1),  # an idea not in this round: kept
        ("guest-kim", "idea-brev", 1)]  # new, last; Anna's old dots on idea-app are gone
    assert existing[0].dots == 1  # the old list is not changed


def test_an_anonymous_round_gives_totals_only() -> None:
    vote = round_of(anonymous=True)
    vote.give("person-anna", "idea-app")
    vote.give("person-bo", "idea-app")
    vote.give("person-bo", "idea-sms")
    assert vote.as_votes([Vote(voter="person-eva", idea="idea-sms", dots=3)]) == {"idea-sms": 1, "idea-app": 2}


def test_a_held_round_keeps_its_rules_who_voted_and_the_totals_most_first() -> None:
    vote = round_of(anonymous=True)
    vote.give("person-bo", "idea-brev")
    vote.give("guest-kim", "idea-app")
    vote.give("guest-kim", "idea-brev")
    vote.take_back("guest-kim", "idea-app")
    when = dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.UTC)
    held = vote.held("activity-vote", when)
    assert (held.activity, held.held, held.anonymous, held.dots_per_person, held.most_per_idea) == (
        "activity-vote", when, True, 3, 2)
    assert held.voters == 2  # Anna gave none
    assert held.totals == [RoundTotal(idea="idea-brev", dots=2)]  # ideas without dots left out
    vote = round_of()
    vote.give("person-anna", "idea-brev")
    vote.give("person-bo", "idea-sms")
    held = vote.held(None, when)
    assert not held.anonymous and held.activity is None
    assert [t.idea for t in held.totals] == ["idea-sms", "idea-brev"]  # a tie keeps the ideas' order

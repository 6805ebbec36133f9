"""Dot voting from phones (issue 14): the room's phones spend their own dots in the facilitator's
round beside the laptop's turns; the screen shows how many phones have voted, never the totals;
the reveal keeps the round (phones' dots counted) and hands the phones the ranked result.

Core rules on :class:`VotingRound` with phone voters, then Pilot tests pressing keys on the voting
round while phones vote through the app's real :class:`RoomHost` (a loopback server, port 0)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from borgerspil_tui.core.model.create import Guest, Idea
from borgerspil_tui.core.model.project import Project
from borgerspil_tui.core.model.readiness import TeamMember
from borgerspil_tui.core.model.workshop import (
    Activity,
    RoundTotal,
    TimerState,
    Workshop,
)
from borgerspil_tui.core.room import RoomRefused
from borgerspil_tui.core.storage import save_project
from borgerspil_tui.core.workshop_vote import VoteRefused, VotingRound
from borgerspil_tui.tui.widgets.presenter_panel import voting_progress
from tests.app_helpers import SIZE, FakeClock, goto, make_app, screen_text, until

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
IDEAS = ["idea-sms", "idea-hent", "idea-fed"]


# -- core: phones beside the laptop's turns ----------------------------------------------------------
def _round(**rules: int) -> VotingRound:
    return VotingRound(["anna", "bo"], list(IDEAS), anonymous=True, **rules)


def test_phone_voters_leave_the_laptop_turns_alone() -> None:
    voting = _round()
    voting.give("anna", "idea-sms")
    voting.add_voter("phone-a", "Ida")
    voting.add_voter("phone-a")  # twice: nothing more
    voting.give("phone-a", "idea-hent")  # a phone votes while it is Anna's turn
    assert voting.current_voter == "anna" and voting.in_turn == ["anna", "bo"]
    assert voting.next_voter() == "bo"
    assert voting.next_voter() is None  # the phone never gets a laptop turn
    assert voting.next_voter() is None and voting.turn == 2
    voting.add_voter("phone-b")  # a phone that joins after the laptop's turns
    voting.give("phone-b", "idea-fed")
    assert voting.current_voter is None
    assert voting.voters == ["anna", "bo", "phone-a", "phone-b"]


def test_totals_voted_and_held_count_the_phones() -> None:
    voting = _round(dots_per_person=2)
    voting.give("anna", "idea-sms")
    for phone, ideas in {"phone-a": ["idea-sms", "idea-hent"], "phone-b": ["idea-sms"], "phone-c": []}.items():
        voting.add_voter(phone)
        for idea in ideas:
            voting.give(phone, idea)
    assert voting.totals() == {"idea-sms": 3, "idea-hent": 1, "idea-fed": 0}
    assert voting.voted() == 3 and voting.side_voted() == 2  # phone-c gave none; Bo gave none
    assert voting.own_dots("phone-a") == {"idea-sms": 1, "idea-hent": 1}  # only its own
    held = voting.held("activity-vote", START)
    assert held.voters == 3 and held.anonymous
    assert held.totals == [RoundTotal(idea="idea-sms", dots=3), RoundTotal(idea="idea-hent", dots=1)]
    voting.take_back("phone-b", "idea-sms")
    assert voting.side_voted() == 1 and voting.totals()["idea-sms"] == 2


def test_a_phone_keeps_to_the_rules_of_the_round() -> None:
    voting = _round(dots_per_person=2, per_idea=1)
    voting.add_voter("phone-a", "Ida")
    voting.give("phone-a", "idea-sms")
    with pytest.raises(VoteRefused) as refused:
        voting.give("phone-a", "idea-sms")
    assert refused.value.message.key == "workshop.vote.idea_limit"
    voting.give("phone-a", "idea-hent")
    with pytest.raises(VoteRefused) as refused:
        voting.give("phone-a", "idea-fed")
    assert refused.value.message.key == "workshop.vote.no_dots_left"
    assert refused.value.message.values["voter"] == "Ida"  # named by what was typed, not the key
    with pytest.raises(VoteRefused):
        voting.give("phone-a", "idea-nowhere")
    assert voting.left("phone-a") == 0 and voting.totals()["idea-fed"] == 0


def test_nothing_is_taken_after_the_reveal() -> None:
    voting = _round()
    voting.add_voter("phone-a")
    voting.give("phone-a", "idea-fed")
    assert voting.reveal() == [("idea-fed", 1), ("idea-sms", 0), ("idea-hent", 0)]
    for late in (lambda: voting.give("phone-a", "idea-sms"), lambda: voting.take_back("phone-a", "idea-fed"),
                 lambda: voting.add_voter("phone-b")):
        with pytest.raises(VoteRefused) as refused:
            late()
        assert refused.value.message.key == "workshop.vote.revealed"
    assert voting.totals()["idea-fed"] == 1 and "phone-b" not in voting.voters


# -- the app: phones vote in the facilitator's round ------------------------------------------------
def _project(tmp_path: Path, *, running: bool = False) -> Path:
    project = Project(schema_version=1, title="Prikker")
    project.readiness.team = [TeamMember(id="person-anna", name="Anna")]
    project.create.guests = [Guest(id="guest-bo", name="Bo")]
    project.create.ideas = [Idea(id="idea-sms", title="Sms"), Idea(id="idea-hent", title="Hent selv"),
                            Idea(id="idea-fed", title="[bold]Fed[/]")]
    project.workshops = [Workshop(id="workshop-dag", title="Dag", participants=["person-anna", "guest-bo"],
                                  agenda=[Activity(id="activity-vote", title="Prikker", target="votes")],
                                  timer=TimerState(activity="activity-vote", started=START) if running else None)]
    path = tmp_path / "p.borgerspil.yaml"
    save_project(path, project)
    return path


def _shown(app) -> str:
    return screen_text(app)


async def test_phones_vote_beside_the_laptop_and_the_reveal_keeps_their_dots(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = make_app(path)
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        assert await app.start_sharing(port=0)
        host = app.room_host()
        await goto(pilot, "voting-round")
        assert "Telefonerne kan stemme" in _shown(app) and "anonym (a)" in _shown(app)
        await pilot.press("a")  # sharing: the round stays anonymous, said in our words
        assert "anonym (a)" in _shown(app) and "ingen borgers navn skal i filen" in _shown(app)
        await pilot.press("s")
        voting = app.screen.round
        assert host.live_round is voting and voting.anonymous and host.result is None
        assert host.view().mode == "vote"
        ida, anon = host.room.join("Ida"), host.room.join("Ole")
        host.give(ida, "idea-sms")
        host.give(ida, "idea-hent")
        with pytest.raises(RoomRefused) as refused:  # the round's rules hold for phones
            host.give(ida, "idea-sms")
        assert refused.value.message.key == "room.vote.idea_limit"  # said to "you" on the phone
        await until(pilot, lambda: "1 telefon har stemt" in _shown(app))
        host.give(anon, "idea-sms")
        await until(pilot, lambda: "2 telefoner har stemt" in _shown(app))
        shown = _shown(app)
        assert "Tur: Anna" in shown and "●" not in shown and " 3 " not in shown  # the count, never totals
        await pilot.press("space", "n", "down", "space", "n")  # Anna: Sms; Bo: Hent selv
        assert "telefonerne kan stadig stemme" in _shown(app)
        await pilot.press("v")
        assert host.result == [("idea-sms", 3), ("idea-hent", 2), ("idea-fed", 0)]
        assert host.view().mode == "result"
        with pytest.raises(RoomRefused):  # nothing after the reveal
            host.give(anon, "idea-fed")
        (held,) = app.session.project.workshops[0].rounds
        assert (held.anonymous, held.voters) == (True, 4)  # two at the laptop, two phones
        assert held.totals == [RoundTotal(idea="idea-sms", dots=3), RoundTotal(idea="idea-hent", dots=2)]
        assert app.session.project.create.votes == []
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert raw["workshops"][0]["rounds"][0]["totals"] == [{"idea": "idea-sms", "dots": 3},
                                                              {"idea": "idea-hent", "dots": 2}]
        assert raw["workshops"][0]["rounds"][0]["voters"] == 4
        assert "Ida" not in path.read_text(encoding="utf-8")  # no phone's name in the file
        await pilot.press("ctrl+z")  # one step: the round goes, and the phones' result with it
        assert app.session.project.workshops[0].rounds == []
        assert host.live_round is None and host.result is None and host.view().mode == "wait"
        assert "Runden er fortrudt" in _shown(app)
        await pilot.press("ctrl+y")  # redone: the kept round, the screen's result and the phones' result are back
        await pilot.pause()
        assert len(app.session.project.workshops[0].rounds) == 1
        assert host.result == [("idea-sms", 3), ("idea-hent", 2), ("idea-fed", 0)] and host.view().mode == "result"
        assert "Runden er gentaget" in _shown(app) and "Runden er fortrudt" not in _shown(app)
        await pilot.press("ctrl+z")  # and undone again
        await pilot.pause()
        assert host.result is None and app.session.project.workshops[0].rounds == []
        await app.stop_sharing()


async def test_leaving_mid_round_keeps_it_open_to_phones_and_the_presenter_counts_them(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path, running=True))
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        assert await app.start_sharing(port=0)
        host = app.room_host()
        await goto(pilot, "voting-round")
        await pilot.press("s", "space", "n")  # Anna has voted at the laptop
        voting = app.screen.round
        await pilot.press("escape")
        assert app.screen.NAME != "voting-round" and host.live_round is voting
        ida = host.room.join("Ida")
        host.give(ida, "idea-fed")  # the phone goes on voting while the screen is away
        assert voting_progress(app) == ("on", 2)  # Anna's turn and the phone
        await goto(pilot, "voting-round")
        assert app.screen.round is voting
        await until(pilot, lambda: "1 telefon har stemt" in _shown(app))
        await pilot.press("f7")  # the presenter's count of who voted includes the phone
        await until(pilot, lambda: "2 har stemt" in str(app.screen.query_one("#panel-text").visual))
        host.give(host.room.join("Ole"), "idea-fed")
        await until(pilot, lambda: "3 har stemt" in str(app.screen.query_one("#panel-text").visual))
        assert "Fed" not in str(app.screen.query_one("#panel-text").visual)  # never the totals
        bo = host.room.join("Bo")
        host.give(bo, "idea-fed")
        host.take_back(bo, "idea-fed")  # Bo changed his mind: no dot, so he has not voted
        await pilot.press("escape")
        await goto(pilot, "voting-round")
        await pilot.press("v")
        kept = app.session.project.workshops[0].rounds[-1]
        assert voting_progress(app) == ("done", kept.voters) == ("done", 3)  # Anna, Ida, Ole — as kept
        await app.stop_sharing()


async def test_a_new_round_or_the_end_of_sharing_closes_the_old_one(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        assert await app.start_sharing(port=0)
        host = app.room_host()
        await goto(pilot, "voting-round")
        await pilot.press("s")
        first = app.screen.round
        ida = host.room.join("Ida")
        host.give(ida, "idea-sms")
        await pilot.press("v")
        assert host.result == [("idea-sms", 1), ("idea-hent", 0), ("idea-fed", 0)]
        await pilot.press("escape")
        await goto(pilot, "voting-round")
        await pilot.press("s")  # a new round: the old one and its result are closed for phones
        assert host.live_round is app.screen.round is not first and host.result is None
        assert host.own_dots(ida) == {} and host.view().mode == "vote"
        host.give(ida, "idea-hent")
        assert first.totals()["idea-hent"] == 0
        await pilot.press("space", "n", "space", "n")  # Anna and Bo: Sms
        assert "telefonerne kan stadig stemme" in _shown(app)
        await app.stop_sharing()  # the phones are gone: the screen no longer waits for them
        await until(pilot, lambda: "Alle har stemt" in _shown(app))
        assert "1 telefon har stemt" in _shown(app)  # what they gave still counts
        await pilot.press("v")
        (held,) = app.session.project.workshops[0].rounds[-1:]
        assert held.voters == 3 and {t.idea: t.dots for t in held.totals} == {"idea-sms": 2, "idea-hent": 1}


async def test_without_sharing_the_round_is_as_before(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await goto(pilot, "voting-round")
        assert "Telefon" not in _shown(app) and "med navne (a)" in _shown(app)
        await pilot.press("a")
        assert "anonym (a)" in _shown(app)
        await pilot.press("s")
        assert "telefon" not in _shown(app).lower()
        assert app.screen.round.anonymous


async def test_phones_vote_over_http_and_see_the_result_after_the_reveal(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from tests.room_helpers import Phone

    path = _project(tmp_path, running=True)
    app = make_app(path)
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        assert await app.start_sharing(port=0)
        host = app.room_host()
        base = app.sharing.url.rstrip("/")
        ida, ole = Phone(base, SimpleNamespace(room=host.room)), Phone(base, SimpleNamespace(room=host.room))
        try:
            assert await ida.join("Ida") == 303 and await ole.join("Ole") == 303
            ida.csrf = host.room.csrf(ida.key)  # the page has no form yet: no round runs
            assert await ida.vote("idea-sms") == 409
            await goto(pilot, "voting-round")
            await pilot.press("s")
            await ida.room()  # the page now has the ideas' forms
            await ole.room()
            assert await ida.vote("idea-sms") == 303
            assert await ida.vote("idea-sms") == 409  # at most one per idea
            assert await ole.vote("idea-fed") == 303
            assert await ole.vote("idea-fed", op="take") == 303 and await ole.vote("idea-hent") == 303
            await until(pilot, lambda: "2 telefoner har stemt" in _shown(app))
            assert "Hent selv" in _shown(app) and "●" not in _shown(app)  # Anna's own dots: none yet
            await pilot.press("space", "v")  # Anna: Sms; the reveal
            page = await ida.room()
            assert '<ol class="result">' in page and page.index("Sms") < page.index("Hent selv")
            assert await ole.vote("idea-fed") == 409  # nothing after the reveal
            (held,) = app.session.project.workshops[0].rounds
            assert (held.activity, held.voters) == ("activity-vote", 3)
            assert {t.idea: t.dots for t in held.totals} == {"idea-sms": 2, "idea-hent": 1}
        finally:
            await ida.http.close()
            await ole.http.close()
            await app.stop_sharing()


# -- pictures (update after an intended change: pytest tests/test_phone_voting.py --snapshot-update) ------
async def _setup_shared(pilot) -> None:
    assert await pilot.app.start_sharing(port=0)
    await pilot.pause()
    pilot.app.clear_notifications()  # the address said (a free port: another each run)
    await pilot.pause()
    pilot.app.action_goto("voting-round")
    await pilot.pause()
    await pilot.press("a")  # refused while sharing, in our words
    await pilot.pause()


async def _phones_voting(pilot) -> None:
    await _setup_shared(pilot)
    host = pilot.app.room_host()
    await pilot.press("s")
    for name, idea in (("Ida", "idea-sms"), ("Ole", "idea-fed"), ("Bo", "idea-sms")):
        host.give(host.room.join(name), idea)
    await pilot.press("down", "space")  # Anna's own dot (the count is drawn with it)
    await pilot.pause()


@pytest.mark.xdist_group("snapshots")
def test_voting_round_shared_setup_80x24(snap_compare, tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_setup_shared)


@pytest.mark.xdist_group("snapshots")
def test_voting_round_phones_voting_120x40(snap_compare, tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_phones_voting)


async def test_sharing_again_during_a_revealed_round_shows_the_phones_its_result(tmp_path: Path) -> None:
    """After Ctrl+Z of the workshop's end (or a restart) and sharing again, the wall showed the
    round's bars while the phones said there was nothing to send: the new host had no result."""
    from borgerspil_tui.core.model.workshop import VoteRound
    from borgerspil_tui.core.storage import load_project

    path = _project(tmp_path, running=True)
    project = load_project(path).project
    project.workshops[0].rounds = [VoteRound(id="round-r1", activity="activity-vote", voters=3, dots_per_person=2,
                                             totals=[RoundTotal(idea="idea-hent", dots=1),
                                                     RoundTotal(idea="idea-sms", dots=3),
                                                     RoundTotal(idea="idea-fed", dots=1)])]
    save_project(path, project, force=True)
    app = make_app(path)
    app.clock = FakeClock(START + dt.timedelta(minutes=3))
    async with app.run_test(size=SIZE):
        assert await app.start_sharing(port=0)
        view = app.room_host().view()
        assert view.mode == "result"
        assert [(idea, dots) for idea, dots in app.room_host().result] == [
            ("idea-sms", 3), ("idea-hent", 1), ("idea-fed", 1)]  # ties keep the ideas' order
        await app.stop_sharing()

"""The room's door (core/room) and what phones may see and do (core/room_host), without HTTP:
join codes, names, form tokens, rate limits; the phone's view in each mode, post-its through the
session (one undoable step each), only one's own post-its and dots, the round's rules."""

from __future__ import annotations

import datetime as dt
import hmac
from dataclasses import dataclass
from pathlib import Path

import pytest

from borgerspil_tui.core import room as room_module
from borgerspil_tui.core import workshop_timer as timer
from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
from borgerspil_tui.core.room import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Limits,
    Room,
    RoomRefused,
)
from borgerspil_tui.core.room_host import RoomHost
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.core.workshop_vote import VotingRound
from tests.app_helpers import FakeClock

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
IDEAS = ["idea-b7c8de", "idea-f9g2hj", "idea-k3m4np"]
"""Three of the example's ideas."""


class Tick:
    """A monotonic clock the test moves by hand (the room's rate limits)."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


@dataclass
class World:
    """A real session on a copy of the example with a workshop whose "ideas" activity runs."""

    session: Session
    room: Room
    host: RoomHost
    clock: FakeClock
    tick: Tick


def make_world(path: Path, *, target: str | None = "ideas", timer: bool = True, language: str = "da",
               anonymous: bool = False, limits: Limits | None = None) -> World:
    """The example with a workshop added (its first activity's timer started 5 minutes ago)."""
    project = load_project(path).project.model_copy(deep=True)
    project.language = language
    project.workshops = [Workshop(id="workshop-dag", title="Idédag", agenda=[
        Activity(id="activity-brain", title="Brainstorm", minutes=20, target=target,
                 question="Hvordan får borgeren hjælpemidlet hurtigere?"),
        Activity(id="activity-talk", title="Opsamling")])]
    if timer:
        project.workshops[0].timer = TimerState(activity="activity-brain", started=START)
    save_project(path, project, force=True)
    session = Session.open(path)
    tick = Tick()
    room = Room(allow_anonymous=anonymous, clock=tick, limits=limits)
    clock = FakeClock(START + dt.timedelta(minutes=5))
    return World(session, room, RoomHost(session, room, clock), clock, tick)


def postits(world: World) -> list:
    return [p for w in world.session.project.workshops for p in w.postits]


# -- the room -----------------------------------------------------------------------------------
def test_codes_are_long_random_and_from_the_alphabet() -> None:
    codes = {Room().code for _ in range(200)}
    assert len(codes) == 200
    assert len(CODE_ALPHABET) >= 30 and not set("0O1IL") & set(CODE_ALPHABET)
    assert all(len(code) == CODE_LENGTH >= 8 and set(code) <= set(CODE_ALPHABET) for code in codes)


def test_codes_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    room = Room(code="ABCDEFGHJK")
    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(room_module.hmac, "compare_digest", spy)
    assert room.code_ok("abcde fghjk") and room.code_ok("ABCDE-FGHJK")
    assert not room.code_ok("ABCDEFGHJX")
    assert len(seen) == 3
    assert not room.code_ok("") and not room.code_ok(None) and not room.code_ok("A" * 1000)


def test_a_new_code_locks_out_the_old_one_and_the_end_locks_out_all() -> None:
    room = Room()
    old = room.code
    new = room.new_code()
    assert new != old and room.code_ok(new) and not room.code_ok(old)
    room.end()
    assert not room.code_ok(new)


def test_names_as_typed_and_what_is_refused() -> None:
    room = Room()
    assert room.join("  Anna \t Berg ").name == "Anna Berg"
    for name, key in [("", "room.name_needed"), ("   ", "room.name_needed"), ("x" * 61, "room.name_long"),
                      ("\x00\x01\x1b", "room.name_control"), ("\x1c\x1d\x1e", "room.name_control"),
                      ("Bo\x07", "room.name_control"), ("\u2028", "room.name_control")]:
        with pytest.raises(RoomRefused) as refused:
            room.join(name)
        assert (refused.value.message.key, refused.value.status) == (key, 400), name
    assert len(room.participants) == 1
    anonymous = Room(allow_anonymous=True).join("  ")
    assert anonymous.name == "" and anonymous.key and anonymous.ident.startswith("p")


def test_participants_are_found_by_their_secret_key_only() -> None:
    room = Room()
    anna, bo = room.join("Anna"), room.join("Bo")
    assert anna.key != bo.key and anna.ident != bo.ident
    assert room.find(anna.key) is anna and room.find(anna.ident) is None and room.find(None) is None
    assert room.by_ident(bo.ident) is bo


def test_form_tokens_belong_to_one_key() -> None:
    room = Room()
    anna, bo = room.join("Anna"), room.join("Bo")
    assert room.csrf_ok(anna.key, room.csrf(anna.key))
    assert not room.csrf_ok(anna.key, room.csrf(bo.key))
    assert not room.csrf_ok(anna.key, "") and not room.csrf_ok(None, room.csrf(anna.key))
    assert room.csrf(anna.key) != Room().csrf(anna.key)  # another room's secret


def test_buckets_refuse_beyond_the_burst_and_refill_with_time() -> None:
    tick = Tick()
    room = Room(clock=tick, limits=Limits(request=(10.0, 3), join=(1.0, 2), post=(1.0, 2)))
    assert [room.may_request("a") for _ in range(4)] == [True, True, True, False]
    assert room.may_request("b")  # per address
    tick.seconds += 0.1
    assert room.may_request("a") and not room.may_request("a")
    assert [room.may_join("a") for _ in range(3)] == [True, True, False]
    anna = room.join("Anna")
    assert [room.may_post(anna) for _ in range(3)] == [True, True, False]
    tick.seconds += 1
    assert room.may_post(anna) and not room.may_post(anna)
    tick.seconds += 100
    assert [room.may_post(anna) for _ in range(3)] == [True, True, False]  # never more than the burst


# -- the host -----------------------------------------------------------------------------------
def test_the_view_in_each_mode(example_copy: Path) -> None:
    world = make_world(example_copy)
    view = world.host.view()
    assert (view.mode, view.title, view.target, view.paused) == ("capture", "Brainstorm", "ideas", False)
    assert view.question.startswith("Hvordan") and view.seconds_left == 15 * 60
    world.host.live_round = VotingRound([], IDEAS, 2, 1)
    view = world.host.view()
    assert view.mode == "vote" and [i for i, _ in view.ideas] == IDEAS and view.dots_per_person == 2
    assert view.ideas[0][1] == "Hjælpemiddeldepot i Borgerservice"
    world.host.result = world.host.live_round.reveal()
    assert world.host.view().mode == "result"
    assert world.host.view().result[0] == ("Hjælpemiddeldepot i Borgerservice", 0)
    assert make_world(example_copy, timer=False).host.view().mode == "wait"
    assert make_world(example_copy, target=None).host.view().mode == "wait"


def test_after_a_reveal_the_phones_see_the_result_until_the_next_activity_then_post_again(
        example_copy: Path) -> None:
    world = make_world(example_copy)
    world.session.edit("a second capture activity", lambda p: p.workshops[0].agenda.insert(
        1, Activity(id="activity-more", title="Flere idéer", target="ideas")))
    anna = world.room.join("Anna")
    world.host.live_round = VotingRound([], IDEAS, 2, 1)
    world.host.give(anna, IDEAS[0])
    with pytest.raises(RoomRefused):  # while the round runs: no post-its
        world.host.post(anna, "midt i runden")
    world.host.result = world.host.live_round.reveal()
    assert world.host.view().mode == "result"
    with pytest.raises(RoomRefused):
        world.host.post(anna, "mens resultatet vises")
    workshop = world.session.project.workshops[0]
    state, _ = timer.next_activity(workshop, world.clock.now())
    world.session.apply("next", world.session.changes.set(("workshops", workshop.id, "timer"), state))
    assert world.host.view().mode == "capture"  # the room moved on: the phones capture again
    assert world.host.post(anna, "efter runden").text == "efter runden"
    with pytest.raises(RoomRefused):  # and the revealed round takes no more dots
        world.host.give(anna, IDEAS[1])


def test_a_postit_is_kept_outside_the_keyboards_undo_and_only_its_sender_sees_it(example_copy: Path) -> None:
    world = make_world(example_copy)
    anna, bo = world.room.join("Anna"), world.room.join("Bo")
    arrived = []
    world.host.arrived = arrived.append
    sent = world.host.post(anna, "  Sms dagen\nfør  ")
    assert sent.text == "Sms dagen før" and sent.author == "Anna" and sent.state == "new"
    assert sent.activity == "activity-brain" and arrived == [sent]
    assert postits(world) == [sent] and world.session.undo_steps() == [] and world.session.dirty
    world.session.edit("the facilitator's own step", lambda p: setattr(p.workshops[0], "place", "Rådhuset"))
    world.host.post(bo, "Bo's idé")
    assert [p.text for p in world.host.own_postits(anna)] == ["Sms dagen før"]
    assert [p.text for p in world.host.own_postits(bo)] == ["Bo's idé"]
    assert world.session.undo() == "the facilitator's own step"  # Ctrl+Z: the facilitator's step, not Bo's post-it
    assert world.session.project.workshops[0].place == "" and len(postits(world)) == 2
    assert world.session.redo() == "the facilitator's own step" and len(postits(world)) == 2


@pytest.mark.parametrize(("text", "key", "status"), [
    ("   ", "room.empty_postit", 400), ("x" * 501, "room.postit_long", 400), ("a\x00b", "room.postit_control", 400)])
def test_postits_the_model_refuses(example_copy: Path, text: str, key: str, status: int) -> None:
    world = make_world(example_copy)
    with pytest.raises(RoomRefused) as refused:
        world.host.post(world.room.join("Anna"), text)
    assert refused.value.status == status
    assert refused.value.message.key.split(".")[0] == key.split(".")[0]
    assert postits(world) == [] and world.session.undo_steps() == []


def test_no_postit_without_a_capture_activity(example_copy: Path) -> None:
    for world in (make_world(example_copy, timer=False), make_world(example_copy, target=None)):
        with pytest.raises(RoomRefused) as refused:
            world.host.post(world.room.join("Anna"), "Idé")
        assert refused.value.status == 409 and postits(world) == []


def test_dots_follow_the_rounds_rules_and_stay_ones_own(example_copy: Path) -> None:
    world = make_world(example_copy)
    anna, bo = world.room.join("Anna"), world.room.join("Bo")
    host = world.host
    with pytest.raises(RoomRefused):
        host.give(anna, IDEAS[0])  # no round yet
    host.live_round = VotingRound(["person-k3x9fa"], IDEAS, 2, 1)
    host.give(anna, IDEAS[0])
    with pytest.raises(RoomRefused) as refused:
        host.give(anna, IDEAS[0])
    assert refused.value.status == 409  # most per idea
    host.give(anna, IDEAS[1])
    with pytest.raises(RoomRefused):
        host.give(anna, IDEAS[2])  # no dots left
    with pytest.raises(RoomRefused):
        host.take_back(bo, IDEAS[0])  # none of Bo's there
    with pytest.raises(RoomRefused):
        host.give(anna, "idea-nope")
    host.give(bo, IDEAS[1])
    assert host.own_dots(anna) == {IDEAS[0]: 1, IDEAS[1]: 1} and host.left(anna) == 0
    assert host.own_dots(bo) == {IDEAS[1]: 1} and host.left(bo) == 1
    assert host.phones_voted() == 2
    host.take_back(bo, IDEAS[1])
    assert host.phones_voted() == 1 and host.left(bo) == 2
    host.result = host.live_round.reveal()
    with pytest.raises(RoomRefused) as refused:
        host.give(bo, IDEAS[2])
    assert refused.value.status == 409 and host.own_dots(bo) == {}


def test_bidi_controls_are_refused_in_names_and_postits_but_joiners_kept(example_copy: Path) -> None:
    world = make_world(example_copy)
    for control in ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]:
        with pytest.raises(RoomRefused) as refused:
            world.room.join(f"Eva{control}evil")
        assert refused.value.message.key == "room.name_bidi" and refused.value.status == 400
        assert refused.value.message.values["code"] == f"U+{ord(control):04X}"
    eva = world.room.join("Eva \U0001F469\u200D\U0001F4BB")  # a ZWJ emoji
    assert list(world.room.participants.values()) == [eva]
    with pytest.raises(RoomRefused) as refused:
        world.host.post(eva, "abc \u2067def\u2069 ghi")
    assert refused.value.message.text("en").startswith("The post-it holds an invisible character")
    assert postits(world) == []
    assert world.host.post(eva, "\U0001F468\u200D\U0001F469\u200D\U0001F467 familie").author == eva.name


def test_the_rounds_refusals_speak_to_the_phones_own_person(example_copy: Path) -> None:
    world = make_world(example_copy)
    bo = world.room.join("Bo Hansen")
    host = world.host
    host.live_round = VotingRound([], IDEAS, 1, 1)

    def refusal(act) -> str:
        with pytest.raises(RoomRefused) as refused:
            act()
        assert refused.value.status == 409
        return refused.value.message.text("da")

    assert refusal(lambda: host.take_back(bo, IDEAS[0])) == "Du har ingen prik på den idé"
    host.give(bo, IDEAS[0])
    assert refusal(lambda: host.give(bo, IDEAS[1])) == "Du har ikke flere prikker: højst 1 i alt"
    host.live_round = VotingRound([], IDEAS, 2, 1)
    host.give(bo, IDEAS[0])
    assert refusal(lambda: host.give(bo, IDEAS[0])) == "Du kan højst give 1 prik til samme idé"
    assert refusal(lambda: host.give(bo, "idea-nope")) == "Den idé er ikke med i afstemningen"
    host.live_round.revealed = True
    assert refusal(lambda: host.give(bo, IDEAS[1])) == "Resultatet er vist; du kan ikke stemme mere"
    with pytest.raises(RoomRefused) as refused:
        host.give(bo, IDEAS[1])
    assert "Bo Hansen" not in refused.value.message.text("en") and refused.value.message.text("en").startswith("The")

"""The phone server after the security tester's report (issue 14's follow-up, F1–F7), over real
HTTP (tests/room_helpers.py) and, for the share screen, by keys (Pilot):

- F1: after ``k`` a room filled up is open again (the room's cap counts the phones present, as the
  share screen does); one locked out coming back into a full room is refused; at the table's
  ceiling the oldest locked out are dropped.
- F3: the cap per address counts everyone who joined from it, present or locked out: ``k`` gives
  an address no more people.
- F4: a room file that cannot be written or removed: this run never takes the old room back, and
  the facilitator is told once. A failing write is made by a patched ``os.replace`` that fails for
  the room file's path only, a failing removal by a patched ``os.unlink`` likewise (we run as root:
  modes do not stop us); the project's own saves go on.
- F5: a room file is held to a phone's join (names, addresses, codes, ids).
- F6: a phone's page and its post-it answers list the latest 50 of its own, "and N more".
- F2: every per-address count is by the address's key (an IPv6 /64, IPv4-mapped as IPv4).
- F7: ``-`` halves the phones per address again, not below 8.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from borgerspil_tui.core import room as room_module
from borgerspil_tui.core import room_store
from borgerspil_tui.core.room import Limits, Room, RoomRefused, address_key
from borgerspil_tui.core.room_store import RoomStore, checked_room
from borgerspil_tui.tui.screens.share import ShareScreen
from borgerspil_tui.web.doorman import peer_address
from borgerspil_tui.web.pages import SHOWN_POSTITS
from tests.app_helpers import SIZE, make_app, notices, screen_text, until
from tests.room_helpers import ROOMY, Phone, serve  # noqa: F401 - a fixture
from tests.test_share_screen import _project, _share_by_keys

EIGHT = Limits(**{**vars(ROOMY), "participants_per_address": 8})
"""Roomy rates, but the default 8 phones per address (all test phones come from 127.0.0.1)."""


@pytest.fixture
def small_room(monkeypatch: pytest.MonkeyPatch) -> None:
    """A room of 5 phones at most, remembering 10 (present or locked out)."""
    monkeypatch.setattr(room_module, "MOST_PARTICIPANTS", 5)
    monkeypatch.setattr(room_module, "MOST_KEPT", 10)


# -- F1: who counts for a full room -----------------------------------------------------------------
async def test_k_opens_a_room_filled_up_and_a_phone_coming_back_to_a_full_room_is_refused(serve, small_room) -> None:  # noqa: F811 - the fixture
    started = await serve()
    room = started.world.room
    flood = [started.phone() for _ in range(5)]
    for number, phone in enumerate(flood):
        assert await phone.join(f"Spam {number}") == 303
    late = started.phone()
    assert await late.join("Ærlig") == 503 and "Rummet er fuldt" in late.answer
    room.new_code()  # k
    assert room.present() == []
    honest = [started.phone() for _ in range(5)]
    for number, phone in enumerate(honest):
        assert await phone.join(f"Ærlig {number}") == 303  # the screen says 0, and the door agrees
    assert len(room.present()) == 5
    status, text, _ = await flood[0].get("/room", c=room.code)  # its cookie, the new code: the room is full
    assert status == 503 and "Rummet er fuldt" in text and len(room.present()) == 5


async def test_at_the_ceiling_the_oldest_locked_out_are_dropped(serve, small_room) -> None:  # noqa: F811 - the fixture
    started = await serve()
    room = started.world.room
    first = [started.phone() for _ in range(5)]
    for number, phone in enumerate(first):
        assert await phone.join(f"Første {number}") == 303
    room.new_code()
    second = [started.phone() for _ in range(5)]
    for number, phone in enumerate(second):
        assert await phone.join(f"Anden {number}") == 303
    room.new_code()  # all ten out; the table is at its ceiling
    assert len(room.participants) == 10 and room.present() == []
    newcomer = started.phone()
    assert await newcomer.join("Ny") == 303
    assert len(room.participants) == 10 and room.find(first[0].key) is None  # the oldest went
    assert room.find(first[1].key) is not None
    status, _, _ = await first[0].get("/room", c=room.code)
    assert status == 303  # a stranger now: to the join form (its post-its stay in the project)


# -- F3: the cap per address ------------------------------------------------------------------------
async def test_k_gives_an_address_no_more_people(serve) -> None:  # noqa: F811 - the fixture
    started = await serve(EIGHT)
    room = started.world.room
    anna, bo = started.phone(), started.phone()
    assert await anna.join("Anna") == 303 and await bo.join("Bo") == 303
    room.new_code()  # k: Anna and Bo are out, but still from this address
    others = [started.phone() for _ in range(7)]
    assert [await phone.join(f"Ny {n}") for n, phone in enumerate(others)] == [303] * 6 + [429]
    for phone in (anna, bo):
        await phone.room()  # their cookies, the new code: themselves again
    assert len(room.present()) == 8  # the cap, not 9 (the tester's repro)
    room.new_code()  # k again gives the address no more either
    assert await started.phone().join("Endnu en") == 429
    assert len(room.participants) == 8


# -- F4: a room file that cannot be changed ---------------------------------------------------------
def _failing(monkeypatch: pytest.MonkeyPatch, name: str, path: Path) -> None:
    """``os.<name>`` fails (EIO) for ``path`` only; every other file goes on as usual."""
    real = getattr(os, name)

    def failing(*args: object, **kwargs: object) -> object:
        if any(str(a) == str(path) for a in args):
            raise OSError(5, "Input/output error")
        return real(*args, **kwargs)
    monkeypatch.setattr(room_store.os, name, failing)


def test_a_failed_write_or_removal_is_never_undone_in_this_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = RoomStore(tmp_path / "p.borgerspil.yaml", "w", folder=tmp_path / "rooms")
    room = Room()
    old = room.code
    assert store.save(room.to_state())
    with monkeypatch.context() as patch:
        _failing(patch, "replace", store.path)
        room.new_code()
        assert store.save(room.to_state()) is False  # the file still holds the old code …
        kept = RoomStore(store.path.parent.parent / "p.borgerspil.yaml", "w", folder=store.path.parent).load()
    assert json.loads(store.path.read_text())["room"]["code"] == old
    assert kept is not None and kept.room.code == room.code != old  # … this run takes the new one
    with monkeypatch.context() as patch:
        _failing(patch, "unlink", store.path)
        assert store.forget() is False and store.path.exists()
        assert store.load() is None  # forgotten in this run: never back
    assert store.load() is None and not store.path.exists()  # the removal is tried again, and now works
    assert RoomStore.behind.get(str(store.path)) is None


async def test_the_facilitator_is_told_once_and_s_then_s_gives_a_new_room(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(_project(tmp_path))
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        sharing = app.sharing
        path, first = sharing.store.path, sharing.room.code
        await until(pilot, path.exists)
        _failing(monkeypatch, "replace", path)
        _failing(monkeypatch, "unlink", path)
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("down", "enter")
        await until(pilot, lambda: sharing.room.code != first and sharing.keep_failed)
        app._share_tick()
        app._share_tick()  # tried again each second: said once
        failed = [m for m in said if "kunne ikke gemmes" in m]
        assert len(failed) == 1 and "gamle kode" in failed[0]
        await pilot.press("s")
        await until(pilot, lambda: app.sharing is None)
        assert any("kunne ikke slettes" in m for m in said) and path.exists()
        await pilot.press("s")
        await until(pilot, lambda: app.sharing is not None)
        assert app.sharing.kept is None and app.sharing.room.code not in (first, sharing.room.code)
        assert "Samme kode som før" not in screen_text(app)
        await pilot.press("s")
        await until(pilot, lambda: app.sharing is None)


# -- the share screen's count and the door agree (Pilot) ---------------------------------------------
async def test_the_screen_counts_who_the_door_counts(tmp_path: Path, small_room) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        sharing = app.sharing
        sharing.host.allow_per_address(100)
        base = sharing.url.rstrip("/")
        phones = [Phone(base, SimpleNamespace(room=sharing.room)) for _ in range(6)]
        try:
            assert [await p.join(f"P {n}") for n, p in enumerate(phones)] == [303] * 5 + [503]
            await until(pilot, lambda: "5 telefoner med" in screen_text(app))
            await pilot.press("k")
            await pilot.pause()
            await pilot.press("down", "enter")
            await until(pilot, lambda: "0 telefoner med" in screen_text(app))
            assert await phones[5].join("P 5") == 303  # the screen said 0: the door lets one in
            await until(pilot, lambda: "1 telefon med" in screen_text(app))
        finally:
            for phone in phones:
                await phone.http.close()


# -- F5: a room file is held to a join's checks -------------------------------------------------------
def _state(**changes: object) -> dict:
    room = Room(allow_anonymous=True)
    room.join("Anna", "10.0.0.5")
    room.join("Anna", "10.0.0.6")  # "Anna (2)"
    state = room.to_state()
    state["participants"][0].update(changes)
    return state


@pytest.mark.parametrize("changes", [{"name": "An\u200bna", "asked": "An\u200bna"}, {"name": "A" * 400, "asked": ""},
                                     {"name": "A" * 61, "asked": "A" * 61}, {"name": "Anna (2)", "asked": "Anna"},
                                     {"address": "\x1b[31m"}, {"code_seen": "\x1b]0;x"}, {"posts": ["\x1b[2J"]},
                                     {"name": "Bo (2)", "asked": "Anna"}])
def test_a_file_is_held_to_a_join(changes: dict) -> None:
    assert checked_room(_state()) is not None
    assert checked_room(_state(**changes)) is None


def test_a_file_keeps_the_rooms_own_names() -> None:
    state = _state(name="", asked="")  # anonymous, taken whatever the switch says now
    state["allow_anonymous"] = False
    assert checked_room(state) is not None
    assert checked_room(_state(name="Anna (2)", asked="Anna (2)")) is None  # "Anna (2)" twice
    assert checked_room(_state(name="Anna (2) (2)", asked="Anna (2)")) is not None  # as the room tells them apart
    assert checked_room(_state(name="Bo (2)", asked="Bo (2)")) is not None  # typed so


# -- F6: a phone's own post-its, the latest only ----------------------------------------------------
async def test_the_page_and_the_answer_list_the_latest_own_post_its(serve) -> None:  # noqa: F811 - the fixture
    started = await serve()
    anna = started.phone()
    assert await anna.join("Anna") == 303
    participant = started.world.room.find(anna.key)
    for number in range(SHOWN_POSTITS + 9):
        started.world.host.post(participant, f"Idé nummer {number}")
    page = await anna.room()
    assert page.count("<li>") == SHOWN_POSTITS and "Idé nummer 9<" in page and "Idé nummer 8<" not in page
    assert "… og 9 tidligere" in page
    status, text, _ = await anna.post("/postit", {"c": anna.code, "csrf": anna.csrf, "text": "Den sidste"},
                                      as_json=True)
    answer = json.loads(text)
    assert status == 200 and len(answer["postits"]) == SHOWN_POSTITS and answer["postits"][-1] == "Den sidste"
    assert answer["more"].startswith("… og 10 tidligere")
    status, _, _ = await anna.send("Uden script")  # the plain form still works
    assert status == 303 and "Uden script" in await anna.room()


# -- F2: one device, one address ----------------------------------------------------------------------
def test_every_per_address_count_is_by_the_address_key() -> None:
    assert address_key("2001:db8:1:2::5") == address_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::5") != address_key("2001:db8:1:2::5")
    assert address_key("::ffff:10.0.0.1") == "10.0.0.1" == address_key("10.0.0.1")
    assert address_key("?") == "?"
    room = Room(limits=Limits(participants_per_address=2, join=(1000.0, 1000)))
    room.join("A", "2001:db8::1")
    room.join("B", "2001:db8::2")
    with pytest.raises(RoomRefused) as refused:
        room.join("C", "2001:db8::ffff:3")
    assert refused.value.status == 429
    room.join("D", "::ffff:10.0.0.1")
    room.join("E", "10.0.0.1")
    with pytest.raises(RoomRefused):
        room.join("F", "10.0.0.1")
    slow = Room(limits=Limits(request=(0.0, 2)), clock=lambda: 0.0)
    assert slow.may_request("2001:db8::1") and slow.may_request("2001:db8::2")
    assert not slow.may_request("2001:db8::3") and slow.may_request("2001:db9::1")
    transport = SimpleNamespace(get_extra_info=lambda name: ("2001:db8::77", 5000, 0, 0))
    assert peer_address(transport) == "2001:db8::/64"  # the doorman's connections too


# -- F7: fewer per address again ----------------------------------------------------------------------
async def test_minus_halves_the_phones_per_address_not_below_eight(tmp_path: Path, monkeypatch) -> None:
    app = make_app(_project(tmp_path))
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        limits = app.sharing.room.limits
        await pilot.press("plus", "plus")
        assert app.sharing.room.limits.participants_per_address == 32
        await pilot.press("minus")
        assert app.sharing.room.limits.participants_per_address == 16 == app.share_per_address
        assert "Nu må 16 telefoner deltage fra samme adresse" in said
        await pilot.press("minus", "minus")
        assert app.sharing.room.limits == limits  # what one address may send is as it was
        assert any("Allerede det laveste: 8" in m for m in said)
        assert isinstance(app.screen, ShareScreen)
        await pilot.press("s")
        await until(pilot, lambda: app.sharing is None)

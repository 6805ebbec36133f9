"""The room kept across a restart of the app (core/room_store.py): the round trip of code, secret and
participants; expiry 12 hours after the last change (an injected clock, no sleeping); mode 0600 in a
folder of mode 0700; broken, truncated, foreign, too open and symlinked files ignored without a
word; a folder that cannot be written only means nothing is kept. And the app: a phone that joined
before the facilitator's app closed goes on as itself when the project is shared again (same code,
its cookie, its name without "(2)"); ``s`` forgets the room, a crash keeps it, the end of the workshop keeps
it until the app quits with the workshop still ended."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest

from borgerspil_tui.core import room_store
from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_store import KEPT_SECONDS, RoomStore, rooms_folder
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.tui.screens.share import ShareScreen, grouped
from borgerspil_tui.web.handlers import COOKIE_AGE
from tests.app_helpers import SIZE, FakeClock, make_app, screen_text, until
from tests.conftest import EXAMPLE
from tests.room_helpers import Phone
from tests.test_share_screen import _share_by_keys

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
T0 = 1_780_000_000.0
WORKSHOP = "workshop-rum"


class Clock:
    """Wall-clock seconds the test moves by hand."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _room() -> Room:
    room = Room(allow_anonymous=True)
    anna = room.join("Anna", "10.0.0.5")
    anna.posts.extend(["postit-1", "postit-2"])
    room.join("Anna", "10.0.0.6")  # "Anna (2)"
    room.join("")
    return room


def _store(project: Path, clock: Clock | None = None, workshop: str = WORKSHOP) -> RoomStore:
    return RoomStore(project, workshop, clock=clock or Clock())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "rum.borgerspil.yaml"
    path.write_text("title: x\n")
    return path


# -- the round trip --------------------------------------------------------------------------------
def test_a_room_comes_back_with_its_code_secret_and_participants(project: Path, own_state: Path) -> None:
    room = _room()
    assert _store(project).save(room.to_state(), 8766, "0.0.0.0")
    kept = _store(project).load()
    assert kept is not None and kept.port == 8766 and kept.bind == "0.0.0.0"
    back = kept.room
    assert back.code == room.code and back.secret == room.secret and back.allow_anonymous
    assert back.to_state() == room.to_state()
    anna = next(p for p in back.participants.values() if p.name == "Anna")
    assert anna.posts == ["postit-1", "postit-2"] and anna.address == "10.0.0.5"
    assert back.find(anna.key) is anna and back.code_ok(room.code)
    assert back.csrf(anna.key) == room.csrf(anna.key)  # an open page's form token still fits
    assert back.join("anna").name == "anna (3)"  # names go on being told apart
    assert anna.post_bucket.take()  # fresh rate buckets, none kept


def test_the_file_is_named_by_a_hash_in_the_state_folder_never_beside_the_project(project: Path,
                                                                                   own_state: Path) -> None:
    before = sorted(project.parent.iterdir())
    store = _store(project)
    assert store.save(_room().to_state())
    assert store.path.parent == own_state / "borgerspil" / "rooms" == rooms_folder()
    assert "rum" not in store.path.name and len(store.path.stem) == 32
    assert sorted(project.parent.iterdir()) == before  # nothing next to the project (it goes to git)
    assert _store(project, workshop="another").path != store.path
    assert _store(project, workshop="another").load() is None
    assert _store(project.parent / "." / project.name).path == store.path  # the resolved path


def test_the_folder_follows_xdg_state_home_else_local_state(tmp_path: Path) -> None:
    home = Path.home()
    assert rooms_folder({"XDG_STATE_HOME": str(tmp_path)}) == tmp_path / "borgerspil" / "rooms"
    assert rooms_folder({}) == home / ".local" / "state" / "borgerspil" / "rooms"
    assert rooms_folder({"XDG_STATE_HOME": "relative/state"}) == home / ".local" / "state" / "borgerspil" / "rooms"


# -- kept for 12 hours after the last change -------------------------------------------------------
def test_a_room_is_kept_twelve_hours_after_its_last_change_then_ignored_and_removed(project: Path) -> None:
    assert KEPT_SECONDS == COOKIE_AGE  # as long as the phones' cookies
    clock = Clock()
    room = _room()
    store = _store(project, clock)
    assert store.save(room.to_state())
    clock.now += 11 * 3600
    assert store.save(room.to_state())  # unchanged: not written again, the hours go on
    clock.now = T0 + KEPT_SECONDS - 1
    assert _store(project, clock).load() is not None
    clock.now = T0 + KEPT_SECONDS + 1
    assert _store(project, clock).load() is None
    assert not store.path.exists()  # removed when seen

    clock.now = T0
    assert store.save(room.to_state())
    clock.now += 11 * 3600
    room.new_code()
    assert store.save(room.to_state())  # a change: twelve hours from now
    clock.now += 11 * 3600
    assert _store(project, clock).load().room.code == room.code


def test_a_file_from_the_future_is_stale(project: Path) -> None:
    store = _store(project, Clock(T0 + 3600))
    assert store.save(_room().to_state())
    assert _store(project, Clock(T0)).load() is None and not store.path.exists()


def test_stale_files_of_other_rooms_are_swept_and_nothing_else(project: Path, own_state: Path) -> None:
    store = _store(project, Clock(T0))
    assert store.save(_room().to_state())
    folder = store.path.parent
    old, fresh, other = folder / ("a" * 32 + ".json"), folder / ("b" * 32 + ".json"), folder / "notes.txt"
    journal, journal_temp = folder / ("c" * 32 + ".journal"), folder / ".journal-x1.tmp"  # a crash's half write
    for path in (old, fresh, other, journal, journal_temp):
        path.write_text("{}")
        os.utime(path, (T0, T0))
    for path in (old, other, journal, journal_temp):
        os.utime(path, (T0 - KEPT_SECONDS - 10, T0 - KEPT_SECONDS - 10))
    assert _store(project, Clock(T0 + 60)).load() is not None
    assert not old.exists() and fresh.exists() and other.exists()
    assert journal.exists() and not journal_temp.exists()  # a journal may hold post-its never saved


# -- private -----------------------------------------------------------------------------------------
def test_the_file_is_0600_in_a_0700_folder_and_a_wider_folder_is_tightened(project: Path, own_state: Path) -> None:
    folder = rooms_folder()
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    store = _store(project)
    assert store.save(_room().to_state())
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [store.path.name]  # no temporary file left


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_file_others_may_read_or_write_is_ignored(project: Path, mode: int) -> None:
    store = _store(project)
    assert store.save(_room().to_state())
    store.path.chmod(mode)
    assert _store(project).load() is None


def test_a_file_of_another_owner_or_a_symlink_is_ignored(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    store = _store(project)
    assert store.save(_room().to_state())
    if hasattr(os, "getuid"):
        own = os.getuid
        monkeypatch.setattr(os, "getuid", lambda: own() + 1)
        assert _store(project).load() is None
        monkeypatch.setattr(os, "getuid", own)
    assert _store(project).load() is not None
    elsewhere = tmp_path / "elsewhere.json"
    store.path.rename(elsewhere)
    store.path.symlink_to(elsewhere)
    assert _store(project).load() is None


def _broken_payloads(good: dict) -> list[object]:
    def changed(**room: object) -> dict:
        return good | {"room": good["room"] | room}

    person = good["room"]["participants"][0]
    return [
        [], "room", None, good | {"format": 99}, good | {"saved": "today"}, good | {"saved": True},
        good | {"project": "/somewhere/else.borgerspil.yaml"}, good | {"room": []},
        changed(code="abc"), changed(code="K7PMQX2R9O"), changed(secret="00"), changed(allow_anonymous="yes"),
        changed(participants="Anna"), changed(participants=[person, person]),
        changed(participants=[person | {"name": "An\x1bna"}]), changed(participants=[person | {"posts": "p1"}]),
        changed(participants=[person | {"key": 5}]), changed(participants=[{"name": "Anna"}]),
        changed(participants=[person | {"ident": "<script>"}]), changed(participants=[person | {"address": 7}]),
        changed(participants=[person, person | {"key": "k" * 32}]), changed(participants=[person | {"key": "a;b" * 8}]),
    ]


def test_broken_truncated_and_foreign_files_are_ignored_and_then_replaced(project: Path,
                                                                          caplog: pytest.LogCaptureFixture) -> None:
    store = _store(project)
    assert store.save(_room().to_state(), 8765)
    good = json.loads(store.path.read_text())
    whole = store.path.read_bytes()
    bodies = [whole[: len(whole) // 2], b"", b"\xff\xfe", b"[" * 100_000, b"{" + b" " * 5_000_000 + b"}"]
    bodies += [json.dumps(payload).encode() for payload in _broken_payloads(good)]
    for body in bodies:
        store.path.write_bytes(body)
        store.path.chmod(0o600)
        assert _store(project).load() is None, body[:200]
    assert caplog.records == []  # nothing said, nothing logged
    assert _store(project).save(_room().to_state())  # and the next write replaces it
    assert _store(project).load() is not None


def test_a_folder_that_cannot_be_written_keeps_nothing_and_says_nothing(project: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    store = _store(project)
    room = _room()
    assert store.save(room.to_state()) is False
    kept = store.load()  # this run remembers what could not be written (issue 14's hardening, F4) …
    assert kept is not None and kept.room.code == room.code
    monkeypatch.setattr(room_store.RoomStore, "behind", {})  # … a new run has nothing
    assert store.load() is None
    store.forget()


def test_a_failing_write_leaves_no_temporary_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(room_store.os, "replace", full)
    store = _store(project)
    assert store.save(_room().to_state()) is False
    assert list(store.path.parent.iterdir()) == []


# -- the app ---------------------------------------------------------------------------------------
def _running_project(tmp_path: Path) -> Path:
    """The example with a workshop whose brainstorm (post-its to the ideas) runs since START."""
    path = tmp_path / "rum.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, path)
    loaded = load_project(path)
    workshop = Workshop(id=WORKSHOP, title="Idédag", agenda=[
        Activity(id="activity-brain", title="Brainstorm", minutes=20, target="ideas", question="Hvordan?")])
    workshop.timer = TimerState(activity="activity-brain", started=START)
    loaded.project.workshops.append(workshop)
    save_project(path, loaded.project, loaded.fingerprint)
    return path


def _app(path: Path):
    app = make_app(path)
    app.clock = FakeClock(START + dt.timedelta(minutes=5))
    return app




def _on(phone: Phone, app) -> Phone:
    """The phone pointed at the app's server (the same cookie jar)."""
    phone.base = f"http://127.0.0.1:{app.sharing.server.port}"
    phone.world = SimpleNamespace(room=app.sharing.room)
    return phone


def _authors(app) -> list[str]:
    return [p.author for w in app.session.project.workshops for p in w.postits]


async def test_a_phone_goes_on_as_itself_after_the_app_closed_and_shared_again(tmp_path: Path) -> None:
    path = _running_project(tmp_path)
    first = _app(path)
    phone = Phone("", SimpleNamespace())
    try:
        async with first.run_test(size=SIZE) as pilot:
            await _share_by_keys(pilot)
            code = first.sharing.room.code
            assert await _on(phone, first).join("Birthe") == 303
            status, _, _ = await phone.send("Flere hænder")
            assert status == 303 and _authors(first) == ["Birthe"]
            await pilot.press("ctrl+s")
            await until(pilot, lambda: not first.session.dirty)
        store = RoomStore(path, WORKSHOP)
        assert store.path.exists() and stat.S_IMODE(store.path.stat().st_mode) == 0o600
        assert phone.key in store.path.read_text() and phone.key not in path.read_text()

        second = _app(path)
        async with second.run_test(size=SIZE) as pilot:
            await _share_by_keys(pilot)
            room = second.sharing.room
            assert room.code == code and [p.name for p in room.participants.values()] == ["Birthe"]
            text = screen_text(second)
            assert "Samme kode som før – telefoner, der var med, fortsætter" in text and "-".join(grouped(code)) in text
            _on(phone, second)
            status, _, _ = await phone.send("Kortere ventetid")  # the open page's form token, no rescan
            assert status == 303
            assert _authors(second) == ["Birthe", "Birthe"]  # no "Birthe (2)"
            page = await phone.room()
            assert "Flere hænder" in page and "Kortere ventetid" in page  # its own post-its, both

            await pilot.press("k")
            await pilot.pause()
            await pilot.press("down", "enter")  # a new code: kept at once
            await until(pilot, lambda: room.code != code)
            assert RoomStore(path, WORKSHOP).load().room.code == room.code
            assert "Samme kode som før" not in screen_text(second)

            await pilot.press("s")  # stopped on purpose: the room is over (not asked: after k no phone is in)
            await until(pilot, lambda: second.sharing is None)
            assert not store.path.exists()
            await pilot.press("s")
            await until(pilot, lambda: second.sharing is not None)
            fresh = second.sharing.room
            assert fresh.code not in (code, room.code) and not fresh.participants
            assert "Samme kode som før" not in screen_text(second)
            _on(phone, second)
            status, _, _ = await phone.send("Igen")
            assert status == 403  # the old cookie is no one here
            status, _, response = await phone.get("/room", c=fresh.code)
            assert status == 303 and response.headers["Location"] == f"/?c={fresh.code}"  # asked to join
            assert _authors(second) == ["Birthe", "Birthe"]
    finally:
        await phone.http.close()


async def test_a_crash_keeps_the_room_the_end_of_the_workshop_keeps_it_until_the_app_quits(tmp_path: Path) -> None:
    path = _running_project(tmp_path)
    app = _app(path)
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=SIZE) as pilot:
            await _share_by_keys(pilot)
            app.sharing.room.join("Birthe")
            code = app.sharing.room.code
            app.call_later(lambda: 1 / 0)
            await pilot.pause()
    kept = RoomStore(path, WORKSHOP).load()
    assert kept is not None and kept.room.code == code

    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        assert app.sharing.room.code == code
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.NAME == "workshop")
        app.clock.advance(minutes=20)
        await pilot.press("right")  # after the last activity: the workshop ends
        await until(pilot, lambda: app.sharing is None)
        assert RoomStore(path, WORKSHOP).path.exists()  # kept: Ctrl+Z of that → and s take it back
    assert not RoomStore(path, WORKSHOP).path.exists()  # the app quit with the workshop ended: the end is final


async def test_a_room_kept_beyond_this_machine_is_offered_there_again_and_no_shares_on_loopback(
        tmp_path: Path) -> None:
    path = _running_project(tmp_path)
    room = Room()
    room.join("Birthe")
    assert RoomStore(path, WORKSHOP).save(room.to_state(), None, "0.0.0.0")
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "d", "s")
        await until(pilot, lambda: getattr(app.screen, "choice_title", None) == "Del på netværket?")
        assert "0.0.0.0" in app.screen.message  # asked first, as any address beyond this machine
        await pilot.press("enter")  # the first answer is no: nothing bound
        await until(pilot, lambda: isinstance(app.screen, ShareScreen))
        assert app.sharing is None
        await pilot.press("s")  # then s shares on this machine, with the kept room
        await until(pilot, lambda: app.sharing is not None)
        assert app.sharing.server.bind == "127.0.0.1" and app.sharing.room.code == room.code


async def test_the_second_tick_writes_the_room_only_when_it_moved(tmp_path: Path) -> None:
    """Each second the room was rebuilt as JSON and compared, changed or not: now the room's
    revision says whether anything kept moved (a post-it, a code shown, the anonymous switch)."""
    app = _app(_running_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        sharing = app.sharing
        written: list[dict] = []
        real_save = sharing.store.save

        def counted(state, *args):  # type: ignore[no-untyped-def]
            written.append(state)
            return real_save(state, *args)

        sharing.store.save = counted
        app._share_tick()
        assert written == []  # nothing moved since sharing began
        anna = sharing.room.join("Anna")  # a join is written at once
        assert [p["name"] for p in written[-1]["participants"]] == ["Anna"]
        app._share_tick()
        assert len(written) == 1
        app.room_host().post(anna, "Kortere kø")  # a post-it: within the next second
        assert len(written) == 1
        app._share_tick()
        assert len(written) == 2 and written[-1]["participants"][0]["posts"] == [
            app.session.project.workshops[-1].postits[-1].id]
        await pilot.press("a")  # the anonymous switch on the share screen
        app._share_tick()
        assert len(written) == 3 and written[-1]["allow_anonymous"] is True
        app._share_tick()
        assert len(written) == 3

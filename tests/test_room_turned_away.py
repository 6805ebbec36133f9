"""Phones the room turns away, as the facilitator meets them (issue 14's follow-up):

- a class behind one router: the 9th phone from one address (or any phone when the room is full)
  is refused — and the facilitator is told, once per burst, never on the wall, the typed name never
  as markup; ``+`` on the share screen (or ``--per-address N``) lets more in, and says how many;
- after ``k`` (a new code) the share screen counts only phones that showed it, and one coming back
  is the same participant;
- a break run by the app is a calm wait on the phone;
- ``--per-address N`` on the command line.

(What phones meet over HTTP — a new code, a break, malformed HTTP, a connection over the caps —
is tests/test_room_web_edges.py.)
Real HTTP against the real server (tests/room_helpers' phones), the app by Pilot and keys; no
assertion leans on how fast the machine is (conditions are waited for)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from borgerspil_tui.cli import main
from borgerspil_tui.core.model.workshop import Activity
from borgerspil_tui.core.room import MOST_PARTICIPANTS, Limits, Room, RoomRefused
from borgerspil_tui.core.room_host import RoomHost, TurnedAway, per_address_limits
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.tui.screens.presenter import PresenterScreen
from borgerspil_tui.tui.screens.share import ShareScreen
from tests.app_helpers import SIZE, FakeClock, make_app, notices, screen_text, until
from tests.room_helpers import ROOMY, Phone, serve, told_server  # noqa: F401 - a fixture
from tests.test_room_core import START, make_world
from tests.test_share_screen import _project

MARKUP_NAME = "[@click=app.quit]Bo[/]"
"""A name that breaks a widget reading it as markup (and passes the room's name rules)."""


# -- 1: the door's caps, told to the facilitator -----------------------------------------------------
async def test_a_phone_over_the_address_cap_is_told_and_more_per_address_lets_it_in(serve) -> None:
    started = await told_server(serve, limits=dataclasses.replace(ROOMY, participants_per_address=2))
    world, phone = started.world, started.phone
    anna, bo, cecilie = phone(), phone(), phone()
    assert await anna.join("Anna") == 303 and await bo.join("Bo") == 303
    assert await cecilie.join("Cecilie") == 429 and "Der er allerede 2 deltagere" in cecilie.answer
    assert world.told == [TurnedAway("address", 2, "Cecilie")] and world.host.turned_away_count == 1
    assert world.host.allow_per_address(4) == 4
    assert await cecilie.join("Cecilie") == 303 and len(world.room.present()) == 3
    assert len(world.told) == 1  # let in: nothing more to tell


def test_a_full_room_is_told_and_refusals_for_other_reasons_are_not(example_copy: Path) -> None:
    room = Room(limits=Limits(join=(1000.0, 1000), participants_per_address=MOST_PARTICIPANTS))
    world = make_world(example_copy)
    host = RoomHost(world.session, room, world.clock)
    told: list[TurnedAway] = []
    host.turned_away = told.append
    for n in range(MOST_PARTICIPANTS):
        host.join(f"P{n}", f"10.1.{n // 200}.{n % 200}")
    with pytest.raises(RoomRefused):
        host.join("  Nummer   501 ", "10.9.9.9")
    with pytest.raises(RoomRefused):
        host.join("\x07", "10.9.9.8")  # a bad name is the phone's to fix, not the facilitator's
    assert told == [TurnedAway("full", MOST_PARTICIPANTS, "Nummer 501")]


def test_more_per_address_raises_what_one_address_may_send_with_it(example_copy: Path) -> None:
    doubled = per_address_limits(Limits(), 16)
    assert doubled.participants_per_address == 16
    assert doubled.request == (40.0, 120) and doubled.join == (1.0, 20) and doubled.connections_per_address == 40
    assert per_address_limits(Limits(), 4) == dataclasses.replace(Limits(), participants_per_address=4)  # never lower
    world = make_world(example_copy, limits=Limits())
    host, room = world.host, world.room
    assert host.allow_per_address(0) == 1 and room.limits.participants_per_address == 1
    assert host.allow_per_address(10_000) == MOST_PARTICIPANTS and room.limits.participants_per_address == 500
    assert room.limits.connections_per_address == room.limits.connections  # not beyond the cap in all


def test_an_address_already_limited_gets_the_raised_rate_at_once(example_copy: Path) -> None:
    world = make_world(example_copy, limits=Limits())
    room, clock = world.room, [0.0]
    room.clock = lambda: clock[0]

    def in_a_row(address: str) -> int:
        count = 0
        while room.may_request(address) and count < 1000:
            count += 1
        return count

    assert in_a_row("10.0.0.9") == 60  # the router's burst: spent
    world.host.allow_per_address(16)
    clock[0] += 10.0
    assert in_a_row("10.0.0.9") == 120  # its bucket follows the raised limits (not the old 60)


# -- the facilitator's side: Pilot and keys -----------------------------------------------------------
def _break_project(tmp_path: Path) -> Path:
    path = _project(tmp_path)
    loaded = load_project(path)
    loaded.project.workshops[-1].agenda.append(Activity(id="activity-pause", title="Pause", minutes=10))
    save_project(path, loaded.project, loaded.fingerprint)
    return path


async def _sharing(pilot) -> None:
    """The workshop screen, ``d``, ``s``: the share screen with the server up."""
    app = pilot.app
    await pilot.press("w")
    await until(pilot, lambda: app.screen.NAME == "workshop")
    await pilot.press("d")
    await until(pilot, lambda: isinstance(app.screen, ShareScreen))
    await pilot.press("s")
    await until(pilot, lambda: app.sharing is not None)


def toasts(app) -> str:
    """The notices on the screen on top now (Textual's toasts, as drawn)."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


def _turned(said: list[str]) -> list[str]:
    return [note for note in said if "kom ikke ind" in note or "afvist" in note.lower()]


async def test_the_facilitator_hears_once_and_plus_doubles_the_cap(tmp_path: Path, monkeypatch) -> None:
    app = make_app(_project(tmp_path))
    app.turned_window = 0.5
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _sharing(pilot)
        host, room = app.room_host(), app.sharing.room
        assert "Højst 8 telefoner pr. adresse (+ fordobler)" in screen_text(app)
        for n in range(8):
            host.join(f"Elev {n}", "10.0.0.9")
        for name in (MARKUP_NAME, "Frida", "Gorm", "Hans"):  # the class behind one router goes on
            with pytest.raises(RoomRefused):
                host.join(name, "10.0.0.9")
        await pilot.pause()
        assert app.is_running and _turned(said) == [
            ("«[@click=app.quit]Bo[/]» kom ikke ind: 8 telefoner fra samme adresse (én router?) er grænsen. "
            "+ på delingsskærmen tillader 16.")]  # the name as typed, shown as text
        await until(pilot, lambda: len(_turned(said)) == 2)
        assert _turned(said)[1] == "Telefoner afvist 3 gange mere — delingsskærmen tæller dem"
        await until(pilot, lambda: "4 gange afvist ved døren" in screen_text(app))
        await pilot.press("plus")
        await pilot.pause()
        assert room.limits.participants_per_address == 16 and app.share_per_address == 16
        assert "Nu må 16 telefoner deltage fra samme adresse" in said
        assert "Højst 16 telefoner pr. adresse" in screen_text(app)
        assert host.join("Frida", "10.0.0.9").name == "Frida"
        await pilot.press("s")  # stopped (asked first: nine phones are in) and started again: the number holds
        await until(pilot, lambda: getattr(app.screen, "choice_title", None) == "Stop delingen, mens telefoner er med?")
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.sharing is None)
        await pilot.press("s")
        await until(pilot, lambda: app.sharing is not None and app.sharing.room is not room)
        assert app.sharing.room.limits.participants_per_address == 16


async def test_the_wall_shows_no_turned_away_phone_and_other_notices_stay(tmp_path: Path, monkeypatch) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    app.turned_window = 0.5
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts drawn, as for the facilitator
        await _sharing(pilot)
        await pilot.press("escape", "space")  # the brainstorm starts
        await until(pilot, lambda: app.screen.NAME == "workshop")
        app.notify("Gemt i en anden fil", timeout=60, markup=False)  # not sharing's: it stays
        app.sharing.host.turn_away(TurnedAway("address", 8, "Karen Hemmelig"))
        await until(pilot, lambda: "Karen Hemmelig" in toasts(app) and "Gemt i en anden fil" in toasts(app))
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, PresenterScreen))
        await until(pilot, lambda: "Gemt i en anden fil" in toasts(app))
        assert "Karen" not in toasts(app)
        app.sharing.host.turn_away(TurnedAway("address", 8, "Lone"))  # while on the wall: held, unnamed
        await pilot.pause()
        assert "Lone" not in toasts(app) and not any("Lone" in note for note in said)
        await pilot.press("escape")
        await until(pilot, lambda: "Telefoner afvist 1 gang mere — delingsskærmen tæller dem" in said)
        assert not any("Lone" in note for note in said)


async def test_k_counts_only_phones_with_the_new_code_and_one_coming_back_is_the_same(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _sharing(pilot)
        room = app.sharing.room
        base = app.sharing.url.rstrip("/")
        phones = [Phone(base, app.sharing) for _ in range(3)]  # its room is all a phone reads of it
        try:
            for n, phone in enumerate(phones):
                assert await phone.join(f"Deltager {n}") == 303
            await until(pilot, lambda: "3 telefoner med" in screen_text(app))
            assert app.share_title() == " · 3 telefoner"
            await pilot.press("k")
            await pilot.pause()
            await pilot.press("down", "enter")  # yes, a new code
            await until(pilot, lambda: "0 telefoner med" in screen_text(app))
            assert app.share_title() == " · 0 telefoner" and app.room_loses() == ""
            text = await phones[1].room()  # scanned the new QR code: in (200), as before
            assert "Du deltager som Deltager 1" in text
            await until(pilot, lambda: "1 telefon med" in screen_text(app))
            assert app.share_title() == " · 1 telefon" and len(room.participants) == 3
        finally:
            for phone in phones:
                await phone.http.close()


async def test_a_break_on_the_phone_while_the_app_runs_it(tmp_path: Path) -> None:
    app = make_app(_break_project(tmp_path))
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await _sharing(pilot)
        app.sharing.room.allow_anonymous = True
        await pilot.press("escape", "space")
        await until(pilot, lambda: app.room_host().view().mode == "capture")
        await pilot.press("right")  # on to the break
        await until(pilot, lambda: app.room_host().view().title == "Pause")
        view = app.room_host().view()
        assert view.mode == "wait" and view.question == ""


# -- the command line -----------------------------------------------------------------------------
def test_per_address_on_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture) -> None:
    from borgerspil_tui.tui import launch

    prepared: list[object] = []
    monkeypatch.setattr(launch, "run", lambda args, path, **kw: prepared.append(kw["prepare"]) or 0)
    assert main(["workshop", str(_project(tmp_path)), "--per-address", "30"]) == 0  # implies --share

    class App:
        share_per_address = None
        asked: tuple[str, int | None] | None = None

        def share_on_start(self, bind: str, port: int | None) -> None:
            self.asked = (bind, port)

    app = App()
    prepared[0](app)
    assert app.share_per_address == 30 and app.asked == ("127.0.0.1", None)
    monkeypatch.setattr(launch, "run", lambda *a, **k: pytest.fail("the app must not start"))
    for given in ("0", "501", "mange"):
        assert main(["workshop", str(_project(tmp_path)), "--per-address", given, "--lang", "en"]) == 2
        err = capsys.readouterr().err
        assert f"--per-address {given}: must be a number from 1 to 500" in err and "Traceback" not in err

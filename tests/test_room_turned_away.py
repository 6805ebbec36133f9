"""Phones the room turns away, and the web's edges (issue 14's follow-up), as users meet them:

- a class behind one router: the 9th phone from one address (or any phone when the room is full)
  is refused — and the facilitator is told, once per burst, never on the wall, the typed name never
  as markup; ``+`` on the share screen (or ``--per-address N``) lets more in, and says how many;
- after ``k`` (a new code) the counts hold only phones that can still post; a phone that shows the
  new code is in again as itself (its cookie: same name, same post-its);
- an activity without a target (a break) shows its title and a calm line, not its question;
- aiohttp's own 400 for malformed HTTP and a connection over the caps answer in our words (both
  languages) with our headers — raw sockets, as an attacker or a broken client sends them.

Real HTTP against the real server (aiohttp client, raw sockets), the app by Pilot and keys; no
assertion leans on how fast the machine is (conditions are waited for)."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio

from borgerspil_tui.cli import main
from borgerspil_tui.core.model.workshop import Activity
from borgerspil_tui.core.room import MOST_PARTICIPANTS, Limits, Room, RoomRefused
from borgerspil_tui.core.room_host import RoomHost, TurnedAway, per_address_limits
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.tui.screens.presenter import PresenterScreen
from borgerspil_tui.tui.screens.share import ShareScreen
from borgerspil_tui.web import server as web_server
from borgerspil_tui.web.handlers import COOKIE
from borgerspil_tui.web.server import SECURITY_HEADERS, RunningServer, start_server
from tests.app_helpers import SIZE, FakeClock, make_app, notices, screen_text, until
from tests.test_room_core import START, World, make_world
from tests.test_share_screen import _project

ROOMY = Limits(request=(1000.0, 100_000), join=(1000.0, 1000), post=(1000.0, 1000), room_post=(1000.0, 1000),
               participants_per_address=1000)
"""Limits no test here reaches but the one it is about (every phone comes from 127.0.0.1)."""
CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')
MARKUP_NAME = "[@click=app.quit]Bo[/]"
"""A name that breaks a widget reading it as markup (and passes the room's name rules)."""
OTHER = "127.0.0.2"
"""A second local address (Linux routes all of 127/8 to loopback)."""


class Phone:
    """One phone with its own cookie jar, against the server at ``base``."""

    def __init__(self, base: str, room: Room) -> None:
        self.base, self.room = base, room
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf = ""

    @property
    def key(self) -> str:
        return next(c.value for c in self.http.cookie_jar if c.key == COOKIE)

    async def get(self, path: str, **params: str) -> tuple[int, str]:
        async with self.http.get(self.base + path, params=params or None, allow_redirects=False) as response:
            return response.status, await response.text()

    async def post(self, path: str, data: dict[str, str]) -> tuple[int, str]:
        async with self.http.post(self.base + path, data=data, allow_redirects=False) as response:
            return response.status, await response.text()

    async def join(self, name: str, code: str | None = None) -> tuple[int, str]:
        code = code or self.room.code
        status, text = await self.get("/", c=code)
        assert status == 200, (status, list(web_server.ERRORS.records)[-1:])
        return await self.post("/join", {"c": code, "csrf": CSRF.findall(text)[0], "name": name})

    async def page(self, code: str | None = None) -> tuple[int, str]:
        status, text = await self.get("/room", c=code or self.room.code)
        found = CSRF.findall(text)
        self.csrf = found[0] if found else self.csrf
        return status, text

    async def send(self, text: str, code: str | None = None) -> int:
        status, _ = await self.post("/postit", {"c": code or self.room.code, "csrf": self.csrf, "text": text})
        return status


@pytest_asyncio.fixture
async def served(example_copy: Path) -> AsyncIterator[Callable[..., object]]:
    """A server over a world (``make_world``'s options); every turn-away the host tells is kept in
    ``world.told``; phones and servers are closed at the end."""
    running: list[RunningServer] = []
    phones: list[Phone] = []

    async def serve(**options: object) -> tuple[World, Callable[[], Phone], RunningServer]:
        options.setdefault("limits", ROOMY)
        world = make_world(example_copy, **options)
        world.told = []  # type: ignore[attr-defined]
        world.host.turned_away = world.told.append  # type: ignore[attr-defined]
        server = await start_server(world.room, world.host, "127.0.0.1", 0)
        running.append(server)

        def phone() -> Phone:
            phones.append(Phone(f"http://127.0.0.1:{server.port}", world.room))
            return phones[-1]
        return world, phone, server

    yield serve
    for phone in phones:
        await phone.http.close()
    for server in running:
        await server.stop()


# -- 1: the door's caps, told to the facilitator -----------------------------------------------------
async def test_a_phone_over_the_address_cap_is_told_and_more_per_address_lets_it_in(served) -> None:
    world, phone, _ = await served(limits=dataclasses.replace(ROOMY, participants_per_address=2))
    anna, bo, cecilie = phone(), phone(), phone()
    assert (await anna.join("Anna"))[0] == 303 and (await bo.join("Bo"))[0] == 303
    status, text = await cecilie.join("Cecilie")
    assert status == 429 and "Der er allerede 2 deltagere" in text
    assert world.told == [TurnedAway("address", 2, "Cecilie")] and world.host.turned_away_count == 1
    assert world.host.allow_per_address(4) == 4
    assert (await cecilie.join("Cecilie"))[0] == 303 and len(world.room.present()) == 3
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
    assert doubled.request == (40.0, 120) and doubled.join == (1.0, 10) and doubled.connections_per_address == 40
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


# -- 2: after a new code, only phones that can post are counted ---------------------------------------
async def test_after_a_new_code_only_phones_that_showed_it_count_and_stay_themselves(served) -> None:
    world, phone, _ = await served()
    anna, bo = phone(), phone()
    await anna.join("Anna")
    await bo.join("Bo")
    await anna.page()
    assert await anna.send("Før koden skiftede") == 303
    old = world.room.code
    world.room.new_code()
    assert world.room.present() == []  # both locked out until they show the new code
    assert (await bo.page(old))[0] == 403 and world.room.present() == []
    status, text = await anna.page()  # Anna types the new code: her cookie is still there
    assert status == 200 and "Du deltager som Anna" in text and "Før koden skiftede" in text
    [present] = world.room.present()
    assert present.key == anna.key and present.name == "Anna" and len(world.room.participants) == 2
    assert await anna.send("Efter") == 303
    assert [p.author for p in world.session.project.workshops[0].postits] == ["Anna", "Anna"]


# -- 3: an activity without a target --------------------------------------------------------------
@pytest.mark.parametrize(("lang", "calm"), [("da", "Der skal ikke sendes noget lige nu"),
                                            ("en", "Nothing to send right now")])
async def test_a_break_shows_its_title_and_a_calm_line_not_its_question(served, lang: str, calm: str) -> None:
    world, phone, _ = await served(target=None, language=lang)
    view = world.host.view()
    assert (view.mode, view.title, view.question) == ("wait", "Brainstorm", "")
    anna = phone()
    await anna.join("Anna")
    status, text = await anna.page()
    assert status == 200 and "Brainstorm" in text and calm in text
    assert "hjælpemidlet" not in text and "Venter" not in text and "Waiting" not in text


async def test_with_nothing_running_the_phone_still_waits_for_the_next_activity(served) -> None:
    _world, phone, _ = await served(timer=False)
    anna = phone()
    await anna.join("Anna")
    text = (await anna.page())[1]
    assert "Venter på næste aktivitet" in text and "Der skal ikke sendes" not in text


# -- 5: aiohttp's own answers, in our words --------------------------------------------------------
async def raw(port: int, data: bytes, source: str = "127.0.0.1") -> bytes:
    """Send ``data`` on a fresh connection and read the answer to its end (the server closes)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    writer.write(data)
    await writer.drain()
    try:
        async with asyncio.timeout(10):
            return await reader.read(-1)
    finally:
        writer.close()


def head_and_body(answer: bytes) -> tuple[str, dict[str, str], str]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    return status, {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}, body.decode()


def assert_ours(headers: dict[str, str]) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name.lower()) == value, name
    assert headers["server"] == "borgerspil" and headers["content-type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize("sent", [b"G\x80T / HTTP/1.1\r\nHost: x\r\n\r\n",
                                  b"GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\n\r\n",
                                  b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
                                  b"<script>alert(1)</script>\r\n\r\n"],
                         ids=["bad-method", "control-in-header", "line-too-long", "not-http"])
async def test_malformed_http_gets_our_400_in_both_languages_with_our_headers(served, sent: bytes) -> None:
    _, _, server = await served()
    status, headers, body = head_and_body(await raw(server.port, sent))
    assert status.split()[1] == "400", status
    assert_ours(headers)
    assert body == "Forespørgslen kunne ikke læses (400).\nThe request could not be read (400).\n"
    assert "aiohttp" not in str(headers).lower()


async def test_a_connection_over_the_caps_gets_our_503_and_the_facilitator_hears(served) -> None:
    world, phone, server = await served(limits=dataclasses.replace(ROOMY, connections=6, connections_per_address=3))
    held = [await asyncio.open_connection("127.0.0.1", server.port, local_addr=(OTHER, 0)) for _ in range(3)]
    await until_async(lambda: server.doorman.open.get(OTHER) == 3)
    status, headers, body = head_and_body(await raw(server.port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", OTHER))
    assert status == "HTTP/1.1 503 Service Unavailable" and headers["retry-after"] == "5"
    assert_ours(headers)
    assert body == ("For mange forbindelser – prøv igen om lidt (503).\n"
                    "Too many connections – try again in a moment (503).\n")
    assert world.told == [TurnedAway("connections", 3)]
    anna = phone()  # another address is still let in
    assert (await anna.join("Anna"))[0] == 303
    more = [await asyncio.open_connection("127.0.0.1", server.port, local_addr=(f"127.0.0.{n}", 0)) for n in (3, 4)]
    await until_async(lambda: server.doorman.total >= 6)
    status, _, _ = head_and_body(await raw(server.port, b"GET / HTTP/1.1\r\n\r\n", "127.0.0.5"))
    assert status.startswith("HTTP/1.1 503") and world.told[-1] == TurnedAway("connections_all", 6)
    for _, writer in held + more:
        writer.close()
    await until_async(lambda: server.doorman.lingering == 0)


async def until_async(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    """Wait for ``condition`` however slow the machine is (no time is asserted)."""
    async with asyncio.timeout(seconds):
        while not condition():
            await asyncio.sleep(0.02)


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
        await pilot.press("s", "s")  # stopped and started again: the facilitator's number holds
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
        phones = [Phone(base, room) for _ in range(3)]
        try:
            for n, phone in enumerate(phones):
                assert (await phone.join(f"Deltager {n}"))[0] == 303
            await until(pilot, lambda: "3 telefoner med" in screen_text(app))
            assert app.share_title() == " · 3 telefoner"
            await pilot.press("k")
            await pilot.pause()
            await pilot.press("down", "enter")  # yes, a new code
            await until(pilot, lambda: "0 telefoner med" in screen_text(app))
            assert app.share_title() == " · 0 telefoner" and app.room_loses() == ""
            status, text = await phones[1].page()  # scanned the new QR code: in, as before
            assert status == 200 and "Du deltager som Deltager 1" in text
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

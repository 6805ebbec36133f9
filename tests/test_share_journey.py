"""A facilitator's day with a room of phones, end to end (a tester's findings on sharing): the app
driven by keys (Pilot), phones over real HTTP (tests/room_helpers.Phone) and one in Chromium.

- ``s`` with phones in asks first ("no" keeps sharing, the same code); "yes" tells every phone the
  workshop has ended (page, JSON, a form not kept) for the grace, then the server stops and the port is
  free; a quit during the grace does not wait for it.
- The workshop's last ``→`` tells the phones too, and keeps the room: Ctrl+Z of it and ``s`` take the
  same room back (same code, the phone as itself with its open page's form).
- ``+`` is kept with the room across a restart; the kept room's line has no stale count.
- The share screen counts the shared workshop's new post-its, as ``l`` does.
- A class joining at once from one address: the cap's number get in (no "too many at once"), the
  rest are told to ask the facilitator, and the share screen lists the latest refusals (when, who as
  plain text, why).
- In Chromium the open page says the workshop has ended and stops asking.

No fixed pause: every wait is for a condition (``until``, or the server's answer)."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import pytest

from borgerspil_tui.core.model.workshop import Activity, PostIt, TimerState, Workshop
from borgerspil_tui.core.room_store import RoomStore
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.tui.screens.share import ShareScreen
from tests.app_helpers import SIZE, FakeClock, make_app, notices, screen_text, until
from tests.conftest import EXAMPLE
from tests.room_helpers import Phone
from tests.test_room_browser import Phone as BrowserPhone
from tests.test_room_browser import chromium
from tests.test_share_screen import _share_by_keys, _until_refused

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
WORKSHOP = "workshop-rum"
STOP_TITLE = "Stop delingen, mens telefoner er med?"
ENDED = "Workshoppen er slut – tak for i dag"


def _project(tmp_path: Path, *, old_postits: int = 0) -> Path:
    """The example with a workshop whose one brainstorm (into the ideas) runs since START; with
    ``old_postits`` new post-its waiting in an earlier workshop of the project."""
    path = tmp_path / "rum.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, path)
    loaded = load_project(path)
    if old_postits:
        loaded.project.workshops.append(Workshop(id="workshop-old", title="Sidste uge", postits=[
            PostIt(text=f"Gammel {n}", author="Ulla") for n in range(old_postits)]))
    loaded.project.workshops.append(Workshop(id=WORKSHOP, title="Idédag", agenda=[
        Activity(id="activity-brain", title="Brainstorm", minutes=20, target="ideas", question="Hvordan?")],
        timer=TimerState(activity="activity-brain", started=START)))
    save_project(path, loaded.project, loaded.fingerprint)
    return path


def _app(path: Path, grace: float = 600.0):
    app = make_app(path)
    app.clock = FakeClock(START + dt.timedelta(minutes=5))
    app.share_grace = grace  # long: the phones' answers are asked well within it
    return app




def _on(phone: Phone, app, port: int | None = None) -> Phone:
    """The phone pointed at the app's server (its own cookie jar kept)."""
    phone.base = f"http://127.0.0.1:{port or app.sharing.server.port}"
    if app.sharing is not None:
        phone.world = SimpleNamespace(room=app.sharing.room)
    return phone


async def _refused(port: int) -> bool:
    try:
        async with aiohttp.ClientSession() as client, client.get(f"http://127.0.0.1:{port}/") as answer:
            await answer.read()
    except aiohttp.ClientConnectorError:
        return True
    return False


async def _ended_everywhere(phone: Phone, code: str) -> None:
    """Every request of the phone is told the workshop has ended: page, state, a form (not kept)."""
    status, text, _ = await phone.get("/room", c=code)
    assert status == 200 and ENDED in text and 'name="csrf"' not in text
    status, text, _ = await phone.get("/", c="WRONGCODE2")  # whatever the code
    assert status == 200 and ENDED in text
    async with phone.http.get(phone.base + "/state.json", params={"c": code},
                              headers={"Accept": "application/json"}) as answer:
        state = await answer.json()
        assert answer.status == 200 and state["ended"] and state["heading"] == ENDED and "scan" in state["text"]
    status, text, _ = await phone.send("For sent")
    assert status == 410 and ENDED in text


async def test_s_with_phones_in_asks_first_then_every_phone_is_told_it_ended(tmp_path: Path, monkeypatch) -> None:
    path = _project(tmp_path)
    app = _app(path)
    said = notices(app, monkeypatch)
    anna, bo = Phone("", SimpleNamespace()), Phone("", SimpleNamespace())
    try:
        async with app.run_test(size=SIZE) as pilot:
            await _share_by_keys(pilot)
            sharing, port = app.sharing, app.sharing.server.port
            code = sharing.room.code
            assert await _on(anna, app).join("Anna") == 303 and await _on(bo, app).join("Bo") == 303
            await pilot.press("s")
            await until(pilot, lambda: getattr(app.screen, "choice_title", None) == STOP_TITLE)
            assert app.screen.message.startswith("2 telefoner er med. De får at vide, at workshoppen er slut")
            await pilot.press("enter")  # the first answer: keep sharing
            await until(pilot, lambda: isinstance(app.screen, ShareScreen))
            assert app.sharing is sharing and sharing.room.code == code
            status, _, _ = await anna.send("Stadig med")
            assert status == 303 and [p.text for p in app.session.project.workshops[-1].postits] == ["Stadig med"]

            await pilot.press("s")
            await until(pilot, lambda: getattr(app.screen, "choice_title", None) == STOP_TITLE)
            await pilot.press("down", "enter")  # yes, stop
            await until(pilot, lambda: app.sharing is None)
            assert any("telefonerne får at vide, at workshoppen er slut" in note for note in said)
            assert not RoomStore(path, WORKSHOP).path.exists()  # forgotten: a new code next time
            for phone in (anna, bo):
                await _ended_everywhere(phone, code)
            assert len(app.session.project.workshops[-1].postits) == 1

            await pilot.press("s")  # sharing again within the grace: the lingering server goes first
            await until(pilot, lambda: app.sharing is not None)
            assert app.sharing.room.code != code and not app.sharing.room.participants
            status, text, _ = await _on(anna, app).get("/room", c=app.sharing.room.code)
            assert status == 303 and ENDED not in text  # a new room: asked to join, not "ended"
            if app.sharing.server.port != port:
                await _until_refused(pilot, port)
    finally:
        await anna.http.close()
        await bo.http.close()


async def test_after_the_grace_the_server_stops_and_a_quit_never_waits_for_it(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = _app(path, grace=0.3)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        port = app.sharing.server.port
        await pilot.press("s")  # no phone in: not asked
        await until(pilot, lambda: app.sharing is None)
        await _until_refused(pilot, port)
    with socket.socket() as again:  # the port is free: bound again at once
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))

    app = _app(path, grace=3600.0)  # an hour's grace: the quit must not wait for it
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        port = app.sharing.server.port
        await pilot.press("s")
        await until(pilot, lambda: app.sharing is None)
        assert not await _refused(port)  # telling the phones
        await pilot.press("ctrl+q")
    assert await _refused(port)  # the quit stopped it (else it would answer for an hour)


async def test_the_workshops_end_tells_the_phones_and_undo_then_s_takes_the_same_room_back(
        tmp_path: Path, monkeypatch) -> None:
    path = _project(tmp_path)
    app = _app(path)
    said = notices(app, monkeypatch)
    birthe = Phone("", SimpleNamespace())
    try:
        async with app.run_test(size=SIZE) as pilot:
            await _share_by_keys(pilot)
            room, code = app.sharing.room, app.sharing.room.code
            assert await _on(birthe, app).join("Birthe") == 303
            await pilot.press("escape")
            await until(pilot, lambda: app.screen.NAME == "workshop")
            app.clock.advance(minutes=20)
            await pilot.press("right")  # after the last activity: the workshop ends
            await until(pilot, lambda: app.sharing is None)
            assert any(note.startswith("Workshoppen er slut – telefonerne får det at vide") for note in said)
            await _ended_everywhere(birthe, code)
            assert RoomStore(path, WORKSHOP).path.exists()  # kept: the end can be undone

            await pilot.press("ctrl+z")  # the end undone: the brainstorm runs again
            await until(pilot, lambda: app.session.project.workshops[-1].timer is not None)
            await pilot.press("d")
            await until(pilot, lambda: isinstance(app.screen, ShareScreen))
            await pilot.press("s")
            await until(pilot, lambda: app.sharing is not None)
            assert app.sharing.room is not room and app.sharing.room.code == code
            assert "Samme kode som før" in screen_text(app)
            _on(birthe, app)
            status, _, _ = await birthe.send("Efter fortrydelsen")  # the open page's form, no rescan
            assert status == 303
            assert [p.author for p in app.session.project.workshops[-1].postits] == ["Birthe"]  # not "Birthe (2)"
        assert RoomStore(path, WORKSHOP).path.exists()  # quit while the workshop runs: kept, as any quit
    finally:
        await birthe.http.close()


async def test_plus_is_kept_with_the_room_across_a_restart(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        app.sharing.room.join("Birthe", "10.0.0.9")
        await pilot.press("plus")
        await until(pilot, lambda: "Højst 16 telefoner pr. adresse" in screen_text(app))
        assert RoomStore(path, WORKSHOP).load().per_address == 16  # kept at once
    app = _app(path)  # a restart: the facilitator's number comes back with the room
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        limits = app.sharing.room.limits
        assert limits.participants_per_address == 16 and app.share_per_address == 16
        assert limits.join[1] >= 16  # the cap's number may join at once
        text = screen_text(app)
        assert "Højst 16 telefoner pr. adresse" in text
        assert "Samme kode som før – telefoner, der var med, fortsætter uden at scanne igen" in text
        assert "stadig med" not in text  # no count that goes stale as phones join


async def test_the_share_screen_counts_the_shared_workshops_new_postits(tmp_path: Path) -> None:
    app = _app(_project(tmp_path, old_postits=7))
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        anna = app.sharing.room.join("Anna")
        app.room_host().post(anna, "Ring op")
        await until(pilot, lambda: "1 ny post-it" in screen_text(app))
        assert "8 nye post-its" not in screen_text(app)  # last week's seven are not this room's


async def test_a_class_joins_at_once_and_the_screen_lists_the_latest_turned_away(tmp_path: Path) -> None:
    app = _app(_project(tmp_path))
    phones = [Phone("", SimpleNamespace()) for _ in range(10)]
    try:
        async with app.run_test(size=SIZE) as pilot:
            await _share_by_keys(pilot)
            names = [f"Elev {n}" for n in range(8)] + ["[b]Bo[/b]", "Cai"]
            statuses = [await _on(phone, app).join(name) for phone, name in zip(phones, names, strict=True)]
            assert statuses == [303] * 8 + [429] * 2, [p.answer[-300:] for p in phones]
            for phone in phones[8:]:  # the cap, said with the way out; never "too many at once"
                assert "Bed facilitatoren om at lukke flere ind" in phone.answer
                assert "For mange på én gang" not in phone.answer
            await until(pilot, lambda: "2 gange afvist ved døren – de seneste:" in screen_text(app))
            text = screen_text(app)
            clock = app.clock.now().astimezone().strftime("%H:%M:%S")
            for name in ("«[b]Bo[/b]»", "«Cai»"):  # the names as typed: text, never markup
                assert f"{clock} {name}: 8 telefoner fra samme adresse er grænsen (+ tillader flere)" in text
            assert "se beskederne" not in text
    finally:
        for phone in phones:
            await phone.http.close()


@pytest.mark.xdist_group("chromium")  # one browser at a time on a small machine
async def test_the_open_page_says_the_workshop_ended_and_stops_asking(tmp_path: Path) -> None:
    app = _app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot, chromium() as browser:  # skipped, with the reason, without them
        from playwright.async_api import expect

        await _share_by_keys(pilot)
        url = app.sharing.join_url()
        origin = f"http://127.0.0.1:{app.sharing.server.port}/"
        ida = await BrowserPhone.open(browser, origin)
        polls: list[str] = []
        ida.page.on("request", lambda request: polls.append(request.url) if "/state.json" in request.url else None)
        await ida.join(url, "Ida")
        cai = await BrowserPhone.open(browser, origin, script=False)
        await cai.join(url, "Cai")
        await ida.page.locator("#text").wait_for(timeout=30_000)

        await pilot.press("s")
        await until(pilot, lambda: getattr(app.screen, "choice_title", None) == STOP_TITLE)
        await pilot.press("down", "enter")  # yes, stop: two phones are told
        await until(pilot, lambda: app.sharing is None)
        await expect(ida.page.locator("#ended")).to_have_text(ENDED, timeout=30_000)  # by its own polling
        assert await ida.page.locator("body").get_attribute("data-mode") == "ended"
        assert await ida.page.locator("#text").count() == 0  # nothing left to send
        asked = len(polls)
        waited = await ida.page.evaluate(  # the page's own clock: three of its 2 s polls would have asked
            "() => new Promise(done => { const t = performance.now();"
            " setTimeout(() => done(performance.now() - t), 6000); })")
        assert waited >= 6000 and len(polls) == asked, (waited, polls[asked:])

        await cai.page.reload()  # without script: the page itself says it
        assert await cai.page.locator("h1").inner_text() == ENDED
        for phone in (ida, cai):
            assert phone.unexpected() == [] and phone.outside == [], phone.errors
            await phone.context.close()


async def test_closing_the_project_after_the_end_forgets_the_ended_room(tmp_path: Path) -> None:
    path = _project(tmp_path)
    app = _app(path, grace=0)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.NAME == "workshop")
        app.clock.advance(minutes=20)
        await pilot.press("right")  # the workshop ends: the room is kept for an undo …
        await until(pilot, lambda: app.sharing is None)
        assert RoomStore(path, WORKSHOP).path.exists()
        app.action_home()  # … until the project is closed: the end is final
        await until(pilot, lambda: app.session is None)
        assert not RoomStore(path, WORKSHOP).path.exists()

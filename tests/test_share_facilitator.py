"""The facilitator's side of sharing, as testers met it (Pilot, keys like a user): no post-it's
sender or text on the wall (the presenter view), a room posting at once said in at most two notices,
``k`` asks before locking the room out, Ctrl+Q asks while phones are in (and frees the port when
told to quit), moving on says how many post-its still wait, and the workshop's title counts the
phones."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from borgerspil_tui.core.storage import load_project
from borgerspil_tui.core.workshop_vote import VotingRound
from borgerspil_tui.tui.app import BorgerspilApp
from borgerspil_tui.tui.screens.presenter import PresenterScreen
from borgerspil_tui.tui.screens.share import ShareScreen
from tests.app_helpers import SIZE, FakeClock, goto, make_app, notices, screen_text, until
from tests.test_share_screen import _project, _refused, _share_by_keys, _status

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
IDEAS = ["idea-b7c8de", "idea-f9g2hj", "idea-k3m4np"]


def _facilitator(tmp_path: Path, *, window: float | None = None) -> BorgerspilApp:
    """The app on a workshop of one brainstorm, by a clock the test moves; arrivals from phones
    said together over ``window`` seconds when given."""
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    if window is not None:
        app.arrival_window = window
    return app


@asynccontextmanager
async def _running(app: BorgerspilApp) -> AsyncIterator[Pilot]:
    """The app run, sharing started by keys, back on the workshop screen with the brainstorm started."""
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        await pilot.press("escape", "space")
        await pilot.pause()
        assert app.screen.NAME == "workshop" and app.session.project.workshops[-1].timer is not None
        yield pilot


def _arrivals(said: list[str]) -> list[str]:
    return [note for note in said if "post-it" in note.lower() and "fra" in note and "Deler" not in note]


async def test_the_wall_shows_no_ones_postit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _facilitator(tmp_path, window=0.5)
    said = notices(app, monkeypatch)
    async with _running(app) as pilot:
        app.room_host().post(app.sharing.room.join("Anna"), "Før væggen")
        await pilot.pause()
        assert any("Anna" in note for note in said)  # the laptop's screen says it …
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, PresenterScreen))
        assert not any("Anna" in n.message for n in app._notifications)  # … the wall does not
        await until(pilot, lambda: app._arrival_timer is None)  # Anna's window is over: Dorte's would be said by name
        dorte = app.sharing.room.join("Dorte")
        app.room_host().post(dorte, "Noget pinligt om en kollega")
        await pilot.pause(0.8)  # the window ends while the wall is up: nothing is said
        assert app.session.project.workshops[-1].postits[-1].text == "Noget pinligt om en kollega"
        assert not any("Dorte" in note or "pinligt" in note or "nye post" in note for note in said), said
        assert not [n for n in app._notifications if "Dorte" in n.message]
        await pilot.press("escape")  # off the wall: what came meanwhile is counted, not named
        await until(pilot, lambda: "1 ny post-it fra telefoner — l viser dem" in said)
        assert app.screen.NAME == "workshop" and not any("Dorte" in note for note in said)


async def test_a_room_posting_at_once_is_two_notices_with_the_count(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    app = _facilitator(tmp_path, window=0.5)
    said = notices(app, monkeypatch)
    async with _running(app) as pilot:
        host = app.room_host()
        phones = [app.sharing.room.join(f"Telefon {n}") for n in range(12)]
        for phone in phones:
            host.post(phone, "En meget lang idé om borgerservice, der fylder to linjer i en notits " * 2)
        assert len(_arrivals(said)) == 1  # said at once (a pause as long as the window would let the count come)
        first = _arrivals(said)[0]
        assert first.startswith("Post-it fra Telefon 0: En meget lang") and len(first) <= 54, first
        await until(pilot, lambda: len(_arrivals(said)) == 2)
        assert _arrivals(said)[1] == "11 nye post-its fra telefoner — l viser dem"
        await until(pilot, lambda: app._arrival_timer is None)  # the second window is over
        assert len(_arrivals(said)) == 2  # nothing more came: nothing more is said
        host.post(phones[0], "Én til")  # a later one by itself: by name again
        await pilot.pause()
        assert _arrivals(said)[-1] == "Post-it fra Telefon 0: Én til" and len(_arrivals(said)) == 3


async def test_k_asks_first_and_no_keeps_the_code(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        sharing = app.sharing
        first = sharing.room.code
        await pilot.press("k")
        await pilot.pause()
        assert "Alle telefoner skal scanne den nye QR-kode" in screen_text(app)
        await pilot.press("enter")  # the first answer is "no"
        await pilot.pause()
        assert isinstance(app.screen, ShareScreen) and sharing.room.code == first and sharing.room.code_ok(first)
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("down", "enter")  # "yes"
        await pilot.pause()
        assert sharing.room.code != first and not sharing.room.code_ok(first)
        assert app.screen.query_one("#share-qr").data == sharing.join_url()


async def test_quitting_with_phones_in_asks_stay_keeps_the_server_quit_saves(tmp_path: Path) -> None:
    app = _facilitator(tmp_path)
    path = app.session.path
    async with _running(app) as pilot:
        port = app.sharing.server.port
        app.room_host().post(app.sharing.room.join("Anna"), "Gem mig")
        assert app.session.dirty
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ShareScreen))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "1 telefon er med og mister siden" in screen_text(app)
        await pilot.press("enter")  # the first answer: stay
        await pilot.pause()
        assert app.is_running and app.sharing is not None and isinstance(app.screen, ShareScreen)
        assert await _status(app.sharing.join_url()) == 200
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("down", "enter")  # quit
        await pilot.pause()
        assert not app.is_running
    assert app.sharing is None and await _refused(port)
    assert [p.text for p in load_project(path).project.workshops[-1].postits] == ["Gem mig"]  # saved as ever


async def test_an_open_phone_round_is_said_before_quitting(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        host = app.room_host()
        host.live_round = VotingRound([], IDEAS, 2, 1)
        host.give(app.sharing.room.join("Anna"), IDEAS[0])
        await pilot.press("ctrl+q")
        await pilot.pause()
        text = screen_text(app)
        assert "prikkerne fra 1 telefon går tabt" in text and "1 telefon er med" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.sharing is not None


async def test_quitting_with_no_phone_in_is_at_once(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        port = app.sharing.server.port
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.sharing is None and await _refused(port)


async def test_moving_on_says_the_postits_still_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _facilitator(tmp_path)
    said = notices(app, monkeypatch)
    async with _running(app) as pilot:
        anna = app.sharing.room.join("Anna")
        for n in range(3):
            app.room_host().post(anna, f"Idé {n}")
        await pilot.pause()
        app.clock.advance(minutes=20)
        await pilot.press("right")  # the last activity ends
        await until(pilot, lambda: any("venter stadig" in note for note in said))
        assert "3 post-its fra «Brainstorm» venter stadig — l viser dem" in said


async def test_the_workshop_title_counts_the_phones(tmp_path: Path) -> None:
    app = _facilitator(tmp_path)
    async with _running(app) as pilot:
        for name in ("Anna", "Bo"):
            app.sharing.room.join(name)

        def title() -> str:
            return str(app.screen.query_one("#title-line").visual)

        await until(pilot, lambda: "· 2 telefoner ·" in title())
        app.sharing.room.join("Cai")
        await until(pilot, lambda: "· 3 telefoner ·" in title())
        await app.stop_sharing()
        await until(pilot, lambda: "telefon" not in title())


async def _count_said(pilot, said: list[str], phones: int) -> str:
    """``phones`` phones post at once (the first named, the rest counted); the count's notice."""
    app = pilot.app
    await until(pilot, lambda: app._arrival_timer is None)  # the last window is over
    before = len(_arrivals(said))
    for n in range(phones):
        app.room_host().post(app.sharing.room.join(f"Telefon {before}-{n}"), "Idé")
    await until(pilot, lambda: len(_arrivals(said)) == before + 2)
    return _arrivals(said)[-1]


async def test_the_count_names_the_key_that_opens_the_postits_where_one_is(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A workshop day: on the capture screen ``l`` is a letter in the field, Ctrl+L opens the
    post-its; elsewhere ``l`` does (an app-wide key); where a screen's own ``l`` is something else
    the notice names no key."""
    app = _facilitator(tmp_path, window=0.3)
    said = notices(app, monkeypatch)
    async with _running(app) as pilot:
        await pilot.press("o")
        await until(pilot, lambda: app.screen.NAME == "capture")
        assert await _count_said(pilot, said, 3) == "2 nye post-its fra telefoner — Ctrl+L viser dem"
        await pilot.press("l")  # the field takes the letter: still capturing
        assert app.screen.NAME == "capture"
        await pilot.press("backspace", "ctrl+l")
        await until(pilot, lambda: app.screen.NAME == "postits")
        await pilot.press("0")  # the overview: the app's l
        await until(pilot, lambda: app.screen.NAME == "overview")
        assert await _count_said(pilot, said, 2) == "1 ny post-it fra telefoner — l viser dem"
        await pilot.press("l")
        await until(pilot, lambda: app.screen.NAME == "postits")
        await goto(pilot, "milestones")  # its own l picks what a milestone depends on
        assert await _count_said(pilot, said, 3) == "2 nye post-its fra telefoner"

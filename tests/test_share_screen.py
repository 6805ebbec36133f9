"""Sharing the workshop with the room, as the facilitator does it by keys (Pilot): ``d`` on the
workshop screen opens the share screen, ``s`` starts and stops the server (in the app's own loop;
asked with an HTTP client on its port), ``k`` makes a new code that locks the old one out, ``a``
allows anonymous joining; an address beyond this machine is confirmed first ("no" binds nothing);
a phone's post-it is said in a notice without taking the focus; the count of new post-its
follows accept, hide and undo, and moving on says only that activity's; the server stops when the
workshop's last activity ends and when the app quits (the port is free afterwards). And the QR
code's half blocks checked module by module against segno's own matrix; the screen at 80×24 and
120×40 with a fixed code and address.

Update the pictures after an intended change: ``pytest tests/test_share_screen.py --snapshot-update``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import socket
from pathlib import Path

import aiohttp
import pytest
import segno

from borgerspil_tui.core import room as room_module
from borgerspil_tui.core.model.workshop import Activity, Workshop
from borgerspil_tui.core.room import Room
from borgerspil_tui.core.share_address import is_loopback, lan_addresses, url_for
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.tui import app_share
from borgerspil_tui.tui.screens.share import ShareScreen, grouped
from borgerspil_tui.tui.widgets.qr_code import (
    HALVES,
    QUIET_ZONE,
    half_block_rows,
    qr_matrix,
    qr_text,
)
from borgerspil_tui.web import server as web_server
from tests.app_helpers import (
    HOSTILE,
    SIZE,
    FakeClock,
    goto,
    make_app,
    notices,
    palette_to,
    screen_text,
    until,
)
from tests.conftest import EXAMPLE

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
CODE = "K7PMQX2R9A"


def _project(tmp_path: Path, title: str | None = None) -> Path:
    """The example with a workshop of one brainstorm (its post-its go to the ideas)."""
    path = tmp_path / "rum.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, path)
    loaded = load_project(path)
    project = loaded.project
    if title is not None:
        project.title = title
    project.workshops.append(Workshop(id="workshop-rum", title="Idédag", agenda=[
        Activity(id="activity-brain", title="Brainstorm", minutes=20, target="ideas",
                 question="Hvordan får borgeren hjælp hurtigere?")]))
    save_project(path, project, loaded.fingerprint)
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def _status(url: str) -> int:
    async with aiohttp.ClientSession() as client, client.get(url, allow_redirects=False) as response:
        return response.status


async def _refused(port: int) -> bool:
    try:
        await _status(f"http://127.0.0.1:{port}/")
    except aiohttp.ClientConnectorError:
        return True
    return False


async def _until_refused(pilot, port: int) -> None:
    """Wait (a minute at most) until nothing answers on ``port``: a stop runs in the app's loop."""
    for _ in range(1200):
        if await _refused(port):
            return
        await pilot.pause(0.05)
    raise AssertionError("the port still answers")


async def _share_by_keys(pilot) -> None:
    """From the overview: the workshop screen, ``d``, ``s``; the server is up."""
    app = pilot.app
    await pilot.press("w")
    await until(pilot, lambda: app.screen.NAME == "workshop")
    await pilot.press("d")
    await until(pilot, lambda: isinstance(app.screen, ShareScreen))
    assert app.sharing is None
    if app.session.project.language == "da":
        assert "Tryk s for at starte" in screen_text(app)
    await pilot.press("s")
    await until(pilot, lambda: app.sharing is not None)


# -- the QR code -----------------------------------------------------------------------------------
@pytest.mark.parametrize("data", ["http://127.0.0.1:8765/?c=K7PMQX2R9A", "http://192.168.100.200:54321/?c=ABCDEFGHJK",
                                  "http://kommunens-baerbare-nr-17.local:8765/?c=ZZZZZZZZZZ"])
def test_the_half_blocks_are_segnos_modules_two_rows_a_line(data: str) -> None:
    symbol = segno.make(data, error="m", micro=False)
    modules = [[bool(m) for m in row] for row in symbol.matrix]
    size = len(modules) + 2 * QUIET_ZONE
    framed = [[False] * size for _ in range(QUIET_ZONE)]
    framed += [[False] * QUIET_ZONE + row + [False] * QUIET_ZONE for row in modules]
    framed += [[False] * size for _ in range(QUIET_ZONE)]
    assert qr_matrix(data) == framed
    rows = qr_text(data)
    assert len(rows) == (size + 1) // 2 and {len(row) for row in rows} == {size}
    back = {char: halves for halves, char in HALVES.items()}
    for r, row in enumerate(rows):
        for c, char in enumerate(row):
            upper, lower = back[char]
            assert upper == framed[2 * r][c], (r, c)
            assert lower == (framed[2 * r + 1][c] if 2 * r + 1 < size else False), (r, c)
    assert set(rows[0]) == {" "} and all(row[:QUIET_ZONE] == " " * QUIET_ZONE for row in rows)  # quiet zone
    assert rows[QUIET_ZONE // 2][QUIET_ZONE:QUIET_ZONE + 7] == "█▀▀▀▀▀█"  # the finder pattern's top edge


def test_an_odd_last_row_gets_a_light_lower_half() -> None:
    assert half_block_rows([[True, False, True], [True, True, False], [False, True, True]]) == ["█▄▀", " ▀▀"]


def test_the_code_is_grouped_for_a_wall_and_a_phone_takes_it_grouped() -> None:
    assert grouped(CODE) == ["K7PM", "QX2", "R9A"]
    assert grouped("ABCDEFGH") == ["ABCD", "EFGH"] and grouped("") == []
    room = Room(code=CODE)
    assert room.code_ok("K7PM-QX2-R9A") and room.code_ok("k7pm qx2 r9a")


def test_addresses_phones_open() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")
    assert url_for("0.0.0.0", 8765, ["192.168.1.20"]) == "http://192.168.1.20:8765/"
    assert url_for("::1", 8765, []) == "http://[::1]:8765/"
    assert lan_addresses("192.168.1.20") == ["192.168.1.20"]
    assert all(a not in ("0.0.0.0", "127.0.0.1") and not a.startswith("127.") for a in lan_addresses())


def test_an_offline_machine_still_shows_something(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> object:
        raise OSError("network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    assert lan_addresses() == []
    assert url_for("0.0.0.0", 8765, []).startswith("http://") and "0.0.0.0" not in url_for("0.0.0.0", 8765, [])


# -- sharing by keys ---------------------------------------------------------------------------------
async def test_d_then_s_shares_k_changes_the_code_a_allows_anonymous_s_stops(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    app.share_grace = 0  # the server stops at once (the phones' grace is tests/test_share_journey.py's)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        sharing = app.sharing
        assert sharing is not None and sharing.server.bind == "127.0.0.1"
        port, first = sharing.server.port, sharing.room.code
        assert sharing.join_url() == f"http://127.0.0.1:{port}/?c={first}"
        assert await _status(sharing.join_url()) == 200
        text = screen_text(app)
        assert sharing.url in text and "-".join(grouped(first)) in text and "0 telefoner med" in text
        checks_codes = await _status(f"http://127.0.0.1:{port}/?c=WRONGCODE2") == 403  # once the web part is in

        await pilot.press("k")
        await pilot.pause()
        await pilot.press("down", "enter")  # "yes, a new code" (asked first: the first answer is no)
        await pilot.pause()
        assert sharing.room.code != first and not sharing.room.code_ok(first)
        assert "-".join(grouped(sharing.room.code)) in screen_text(app)
        assert app.screen.query_one("#share-qr").data == sharing.join_url()  # the QR holds the new code
        assert await _status(sharing.join_url()) == 200
        if checks_codes:
            assert await _status(f"http://127.0.0.1:{port}/?c={first}") == 403

        assert not sharing.room.allow_anonymous
        await pilot.press("a")
        assert sharing.room.allow_anonymous and "Anonyme må deltage" in screen_text(app)
        await pilot.press("a")
        assert not sharing.room.allow_anonymous

        await pilot.press("s")
        await until(pilot, lambda: app.sharing is None)
        assert sharing.room.ended
        await _until_refused(pilot, port)
        assert "Tryk s for at starte" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.NAME == "workshop"


async def test_quitting_stops_the_server_and_frees_the_port(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        port = app.sharing.server.port
        assert await _status(app.sharing.join_url()) == 200
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.sharing is None
    assert await _refused(port)
    with socket.socket() as again:  # the port is free: bound again at once
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", port))
        again.listen()


async def test_beyond_loopback_is_asked_first_and_no_binds_nothing(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, int]] = []
    real_start = web_server.start_server

    async def on_loopback(room, host, bind, port):  # the test binds loopback only
        asked.append((bind, port))
        running = await real_start(room, host, "127.0.0.1", port)
        running.bind = bind
        return running

    monkeypatch.setattr(web_server, "start_server", on_loopback)
    monkeypatch.setattr(app_share, "lan_addresses", lambda bind: ["192.168.1.20"])
    port = _free_port()
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        app.share_where = ("0.0.0.0", port)
        await pilot.press("w", "d", "s")
        await pilot.pause()
        assert "Alle på dette net, der har koden, kan sende" in screen_text(app)
        await pilot.press("enter")  # the first answer is "no"
        await pilot.pause()
        assert app.sharing is None and asked == [] and await _refused(port)
        assert isinstance(app.screen, ShareScreen)

        await pilot.press("s")
        await pilot.pause()
        await pilot.press("down", "enter")  # "yes"
        await until(pilot, lambda: app.sharing is not None)
        assert asked == [("0.0.0.0", port)]
        assert app.sharing.url == f"http://192.168.1.20:{port}/"
        text = screen_text(app)
        assert "Alle på dette net, der har koden, kan skrive." in text and "192.168.1.20" in text
        assert "0.0.0.0" not in text
        assert await _status(f"http://127.0.0.1:{port}/?c={app.sharing.room.code}") == 200


async def test_a_phones_postit_is_said_without_taking_the_focus(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(_project(tmp_path, title=HOSTILE))
    app.clock = FakeClock(START)
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        assert f"· {HOSTILE}" in str(app.screen.query_one("#title-line").visual)
        await pilot.press("escape", "space")  # back on the workshop screen: the brainstorm starts
        await pilot.pause()
        focused = app.focused
        anna = app.sharing.room.join("Anna [b]x[/b]")
        app.room_host().post(anna, HOSTILE)
        await pilot.pause()
        assert any(note.startswith("Post-it fra Anna [b]x[/b]: [/] [b]fed") for note in said), said
        assert app.focused is focused and app.screen.NAME == "workshop"
        await pilot.press("d")
        await pilot.pause()
        assert "1 ny post-it" in screen_text(app) and "1 telefon med" in screen_text(app)


async def test_the_count_of_new_post_its_follows_accept_hide_and_undo(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        await pilot.press("escape", "space")  # the brainstorm starts
        await pilot.pause()
        anna = app.sharing.room.join("Anna")
        for text in ("Sms dagen før", "Ring op", "Fast kontaktperson"):
            app.room_host().post(anna, text)
        await goto(pilot, "share")
        await until(pilot, lambda: "3 nye post-its" in screen_text(app))
        await goto(pilot, "postits")
        await pilot.press("a")  # one taken in …
        await pilot.pause()
        await pilot.press("down", "h")  # … the next one hidden
        await pilot.pause()
        states = [p.state for p in app.session.project.workshops[-1].postits]
        assert sorted(states) == ["accepted", "hidden", "new"], states
        await goto(pilot, "share")
        await until(pilot, lambda: "1 ny post-it" in screen_text(app))
        await pilot.press("ctrl+z")  # the hiding undone
        await until(pilot, lambda: "2 nye post-its" in screen_text(app))
        await pilot.press("ctrl+z")  # the taking in undone
        await until(pilot, lambda: "3 nye post-its" in screen_text(app))
        assert [p.state for p in app.session.project.workshops[-1].postits] == ["new"] * 3


async def test_moving_on_counts_the_waiting_post_its_of_that_activity_only(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = _project(tmp_path)
    loaded = load_project(path)
    loaded.project.workshops[-1].agenda.append(Activity(id="activity-two", title="Runde to", minutes=10,
                                                        target="ideas"))
    save_project(path, loaded.project, loaded.fingerprint)
    app = make_app(path)
    app.clock = FakeClock(START)
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        await pilot.press("escape", "space")  # the brainstorm starts
        await pilot.pause()
        anna = app.sharing.room.join("Anna")
        for text in ("Sms dagen før", "Ring op"):
            app.room_host().post(anna, text)
        app.clock.advance(minutes=20)
        await pilot.press("right")  # on to the second round: the brainstorm's two still wait
        await until(pilot, lambda: any("venter stadig" in note for note in said))
        assert any(note.startswith("2 post-its fra «Brainstorm» venter stadig") for note in said), said
        app.room_host().post(anna, "Fast kontaktperson")
        app.clock.advance(minutes=10)
        await pilot.press("right")  # the last ends: one of its own waits, not the day's three
        await until(pilot, lambda: any("«Runde to»" in note for note in said))
        assert any(note.startswith("1 post-it fra «Runde to» venter stadig") for note in said), said


async def test_the_server_stops_when_the_last_activity_ends_not_on_an_undo(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START)
    app.share_grace = 0  # the server stops at once (the phones' grace is tests/test_share_journey.py's)
    said = notices(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await _share_by_keys(pilot)
        port = app.sharing.server.port
        await pilot.press("escape", "space")  # start the brainstorm …
        await pilot.pause()
        await pilot.press("ctrl+z")  # … and undo it: the workshop did not end
        await pilot.pause()
        assert app.session.project.workshops[-1].timer is None and app.sharing is not None
        await pilot.press("space")
        app.clock.advance(minutes=20)
        await pilot.press("right")  # after the last activity: the workshop ends
        await until(pilot, lambda: app.sharing is None)
        assert await _refused(port)
        assert any("Workshoppen er slut" in note for note in said)


# -- pictures ------------------------------------------------------------------------------------------
@pytest.fixture
def fixed_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fixed code and address: no server is bound for the pictures."""

    async def fake_start(room, host, bind, port):
        return web_server.RunningServer(runner=_NoRunner(), bind=bind, port=8765)

    monkeypatch.setattr(room_module, "new_code", lambda: CODE)
    monkeypatch.setattr(web_server, "start_server", fake_start)
    return _project(tmp_path)


class _NoRunner:
    async def cleanup(self) -> None:
        """Nothing was bound."""


async def _shared(pilot) -> None:
    pilot.app.action_goto("workshop")
    await pilot.pause()
    pilot.app.ask_to_share()
    await until(pilot, lambda: pilot.app.sharing is not None and isinstance(pilot.app.screen, ShareScreen))
    pilot.app.clear_notifications()
    await pilot.pause()


def test_share_screen_80x24(snap_compare, fixed_share: Path) -> None:
    assert snap_compare(make_app(fixed_share), terminal_size=(80, 24), run_before=_shared)


def test_share_screen_120x40(snap_compare, fixed_share: Path) -> None:
    assert snap_compare(make_app(fixed_share), terminal_size=(120, 40), run_before=_shared)


async def test_the_palette_opens_it_and_f2_says_it_in_english(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await palette_to(pilot, "del med rummet")
        await until(pilot, lambda: isinstance(app.screen, ShareScreen))
        await pilot.press("s")
        await until(pilot, lambda: app.sharing is not None)
        await pilot.press("f2")
        await until(pilot, lambda: "Sharing with the room" in screen_text(app))
        assert "0 phones joined" in screen_text(app) and app.screen.query_one("#share-qr").data == app.sharing.join_url()
        await pilot.press("f1")  # the help lists the screen's keys
        await pilot.pause()
        assert "Make a new code" in screen_text(app)


async def test_a_crash_still_stops_the_server(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    port = 0
    with pytest.raises(ZeroDivisionError):
        async with app.run_test(size=SIZE) as pilot:
            await _share_by_keys(pilot)
            port = app.sharing.server.port
            app.call_later(lambda: 1 / 0)  # a handler fails: the app stops
            await pilot.pause()
    assert port and app.sharing is None and await _refused(port)

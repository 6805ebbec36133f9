"""``borgerspil workshop PATH --share [--bind ADDR] [--port N]``: the options parsed (``--bind`` and
``--port`` imply ``--share``), a bad port or an address that cannot be bound said in our words in
both languages before the terminal is taken over (exit 2, the app not started), and the app started
through the command line's own path: it shares on loopback at once and shows the share screen over
the workshop screen; beyond loopback it asks first."""

from __future__ import annotations

import argparse
import socket
from pathlib import Path

import aiohttp
import pytest

from borgerspil_tui import cli_workshop
from borgerspil_tui.cli import build_parser, main
from borgerspil_tui.cli_args import with_implicit_open
from borgerspil_tui.tui import launch
from borgerspil_tui.tui.screens.share import ShareScreen
from borgerspil_tui.tui.screens.workshop import WorkshopScreen
from tests.app_helpers import SIZE, screen_text, until
from tests.test_share_screen import _project


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's settings and data in the test's folder, never the user's."""
    monkeypatch.setenv("BORGERSPIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("BORGERSPIL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BORGERSPIL_LANG", raising=False)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Started:
    """What ``launch.run`` was asked to do (the app is not run)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[dict] = []
        monkeypatch.setattr(launch, "run", self.run)

    def run(self, args: argparse.Namespace, path: Path, **kw: object) -> int:
        self.calls.append({"args": args, "path": path, **kw})
        return 0

    def shared(self) -> tuple[str, int | None] | None:
        """Where the prepared app was asked to share, or None."""
        [call] = self.calls
        prepare = call.get("prepare")
        if prepare is None:
            return None
        asked: list[tuple[str, int | None]] = []

        class App:
            def share_on_start(self, bind: str, port: int | None) -> None:
                asked.append((bind, port))

        prepare(App())
        [where] = asked
        return where


def test_the_options_are_parsed() -> None:
    args = build_parser("da").parse_args(with_implicit_open(
        ["workshop", "dag.borgerspil.yaml", "--share", "--bind", "0.0.0.0", "--port", "9000", "--lang", "en"]))
    assert (args.run, args.path, args.share, args.bind, args.port) == (
        cli_workshop.cmd_workshop, "dag.borgerspil.yaml", True, "0.0.0.0", "9000")
    plain = build_parser("da").parse_args(["workshop", "x"])
    assert (plain.share, plain.bind, plain.port) == (False, None, None)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_help_says_what_bind_means(lang: str, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        main(["workshop", "--help", "--lang", lang])
    said = " ".join(capsys.readouterr().out.split())
    assert "--share" in said and "--bind ADDR" in said and "--port N" in said
    assert ("betyder --share" if lang == "da" else "implies --share") in said


def test_without_share_nothing_is_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = _Started(monkeypatch)
    assert main(["workshop", str(_project(tmp_path))]) == 0
    assert started.calls[0]["screen"] == "workshop" and started.shared() is None


def test_share_is_loopback_on_the_default_port(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture) -> None:
    started = _Started(monkeypatch)
    assert main(["workshop", str(_project(tmp_path)), "--share"]) == 0
    assert started.shared() == ("127.0.0.1", None)  # None: 8765 when free, else a free one
    assert capsys.readouterr().err == ""


def test_bind_and_port_imply_share_and_beyond_loopback_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture) -> None:
    started = _Started(monkeypatch)
    port = _free_port()
    assert main(["workshop", str(_project(tmp_path)), "--bind", "0.0.0.0", "--port", str(port), "--lang", "en"]) == 0
    assert started.shared() == ("0.0.0.0", port)
    assert "anyone on this network who has the code can post" in capsys.readouterr().err
    started.calls.clear()
    assert main(["workshop", str(_project(tmp_path)), "--port", str(port)]) == 0
    assert started.shared() == ("127.0.0.1", port)


@pytest.mark.parametrize(("lang", "said"), [("da", "porten skal være et tal fra 1 til 65535"),
                                            ("en", "the port must be a number from 1 to 65535")])
@pytest.mark.parametrize("port", ["0", "65536", "abc", "-1", "80.5", "[b]x"])
def test_a_bad_port_is_refused_in_our_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture, lang: str, said: str, port: str) -> None:
    monkeypatch.setattr(launch, "run", lambda *a, **k: pytest.fail("the app must not start"))
    assert main(["workshop", str(_project(tmp_path)), "--share", f"--port={port}", "--lang", lang]) == 2
    out = capsys.readouterr()
    assert said in out.err and f"--port {port}" in out.err and "Traceback" not in out.err + out.out


@pytest.mark.parametrize(("lang", "said"), [("da", "porten er optaget"), ("en", "the port is in use")])
def test_a_port_in_use_is_said_before_the_app_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture, lang: str, said: str) -> None:
    monkeypatch.setattr(launch, "run", lambda *a, **k: pytest.fail("the app must not start"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["workshop", str(_project(tmp_path)), "--share", "--port", str(port), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert said in err and str(port) in err and "Traceback" not in err


@pytest.mark.parametrize(("lang", "said"), [("da", "adressen hører ikke til denne maskine"),
                                            ("en", "the address does not belong to this machine")])
def test_an_address_not_on_this_machine_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture, lang: str, said: str) -> None:
    monkeypatch.setattr(launch, "run", lambda *a, **k: pytest.fail("the app must not start"))
    assert main(["workshop", str(_project(tmp_path)), "--bind", "198.51.100.7", "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert said in err and "198.51.100.7" in err and "Traceback" not in err


def test_the_default_port_taken_leaves_the_choice_to_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started = _Started(monkeypatch)
    monkeypatch.setattr("borgerspil_tui.core.share_address.try_bind",
                        lambda bind, port: OSError(98, "Address already in use"))
    assert main(["workshop", str(_project(tmp_path)), "--share"]) == 0
    assert started.shared() == ("127.0.0.1", None)


async def _app_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *flags: str):
    """The app as ``borgerspil workshop PATH FLAGS`` builds and prepares it (not yet running)."""
    started = _Started(monkeypatch)
    path = _project(tmp_path)
    assert main(["workshop", str(path), *flags]) == 0
    [call] = started.calls
    app = launch.build_app(call["args"], path, screen=call["screen"])
    app.autosave_delay = 3600
    call["prepare"](app)
    return app


async def test_share_from_the_command_line_shows_the_share_screen_and_answers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    port = _free_port()
    app = await _app_from_the_command_line(tmp_path, monkeypatch, "--share", "--port", str(port))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.sharing is not None and isinstance(app.screen, ShareScreen))
        assert app.sharing.server.port == port and app.sharing.server.bind == "127.0.0.1"
        assert isinstance(app.screen_stack[-2], WorkshopScreen)
        async with aiohttp.ClientSession() as client, client.get(app.sharing.join_url()) as answer:
            assert answer.status == 200
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen) and app.sharing is not None  # Esc leaves it running
    assert app.sharing is None


async def test_bind_beyond_loopback_from_the_command_line_asks_and_no_binds_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    port = _free_port()
    app = await _app_from_the_command_line(tmp_path, monkeypatch, "--bind", "0.0.0.0", "--port", str(port),
                                           "--lang", "en")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: getattr(app.screen, "choice_title", None) == "Share on the network?")
        assert "Anyone on this network who has the code can post" in app.screen.message
        await pilot.press("escape")  # no answer is no
        await pilot.pause()
        assert app.sharing is None and isinstance(app.screen, WorkshopScreen)
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens


async def test_share_from_the_command_line_takes_back_the_room_kept_from_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from borgerspil_tui.core.room import Room
    from borgerspil_tui.core.room_store import RoomStore

    room, port = Room(), _free_port()
    room.join("Birthe")
    room.join("Jonas")
    assert RoomStore(tmp_path / "rum.borgerspil.yaml", "workshop-rum").save(room.to_state(), port)
    app = await _app_from_the_command_line(tmp_path, monkeypatch, "--share", "--lang", "en")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.sharing is not None and isinstance(app.screen, ShareScreen))
        assert app.sharing.room.code == room.code and app.sharing.server.port == port  # the phones' address
        assert set(app.sharing.room.participants) == set(room.participants)
        await until(pilot, lambda: "Same code as before – phones that were in go on without scanning again" in screen_text(app))

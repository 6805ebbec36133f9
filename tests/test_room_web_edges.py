"""The room's edges as phones meet them over HTTP (issue 14's follow-up):

- after ``k`` (a new code) the counts hold only phones that can still post; a phone that shows the
  new code is in again as itself (its cookie: same name, same post-its);
- an activity without a target (a break) shows its title and a calm line, not its question;
- aiohttp's own 400 for malformed HTTP and a connection over the caps (per address, in all) answer
  in our words (both languages) with our headers — raw sockets, as an attacker or a broken client
  sends them — and the facilitator hears of the refused connection.

The real server (tests/room_helpers' ``serve``), aiohttp's client and raw sockets; no assertion
leans on how fast the machine is (conditions are waited for). The facilitator's side of phones
turned away is tests/test_room_turned_away.py."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable

import pytest

from borgerspil_tui.core.room_host import TurnedAway
from borgerspil_tui.web.server import SECURITY_HEADERS
from tests.room_helpers import ROOMY, serve, told_server  # noqa: F401 - a fixture

OTHER = "127.0.0.2"
"""A second local address (Linux routes all of 127/8 to loopback)."""


# -- after a new code, only phones that can post are counted -----------------------------------------
async def test_after_a_new_code_only_phones_that_showed_it_count_and_stay_themselves(serve) -> None:
    started = await serve()
    world, phone = started.world, started.phone
    anna, bo = phone(), phone()
    await anna.join("Anna")
    await bo.join("Bo")
    assert (await anna.send("Før koden skiftede"))[0] == 303
    old = world.room.code
    world.room.new_code()
    assert world.room.present() == []  # both locked out until they show the new code
    assert (await bo.get("/room", c=old))[0] == 403 and world.room.present() == []
    text = await anna.room()  # Anna types the new code (200): her cookie is still there
    assert "Du deltager som Anna" in text and "Før koden skiftede" in text
    [present] = world.room.present()
    assert present.key == anna.key and present.name == "Anna" and len(world.room.participants) == 2
    assert (await anna.send("Efter"))[0] == 303
    assert [p.author for p in world.session.project.workshops[0].postits] == ["Anna", "Anna"]


# -- an activity without a target ----------------------------------------------------------------
@pytest.mark.parametrize(("lang", "calm"), [("da", "Der skal ikke sendes noget lige nu"),
                                            ("en", "Nothing to send right now")])
async def test_a_break_shows_its_title_and_a_calm_line_not_its_question(serve, lang: str, calm: str) -> None:
    started = await serve(target=None, language=lang)
    view = started.world.host.view()
    assert (view.mode, view.title, view.question) == ("wait", "Brainstorm", "")
    anna = started.phone()
    await anna.join("Anna")
    text = await anna.room()  # 200
    assert "Brainstorm" in text and calm in text
    assert "hjælpemidlet" not in text and "Venter" not in text and "Waiting" not in text


async def test_with_nothing_running_the_phone_still_waits_for_the_next_activity(serve) -> None:
    anna = (await serve(timer=False)).phone()
    await anna.join("Anna")
    text = await anna.room()
    assert "Venter på næste aktivitet" in text and "Der skal ikke sendes" not in text


# -- aiohttp's own answers, in our words -----------------------------------------------------------
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
async def test_malformed_http_gets_our_400_in_both_languages_with_our_headers(serve, sent: bytes) -> None:
    server = (await told_server(serve)).server
    status, headers, body = head_and_body(await raw(server.port, sent))
    assert status.split()[1] == "400", status
    assert_ours(headers)
    assert body == "Forespørgslen kunne ikke læses (400).\nThe request could not be read (400).\n"
    assert "aiohttp" not in str(headers).lower()


async def test_a_connection_over_the_caps_gets_our_503_and_the_facilitator_hears(serve) -> None:
    started = await told_server(serve, limits=dataclasses.replace(ROOMY, connections=6, connections_per_address=3))
    world, phone, server = started.world, started.phone, started.server
    held = [await asyncio.open_connection("127.0.0.1", server.port, local_addr=(OTHER, 0)) for _ in range(3)]
    await until_async(lambda: server.doorman.open.get(OTHER) == 3)
    status, headers, body = head_and_body(await raw(server.port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", OTHER))
    assert status == "HTTP/1.1 503 Service Unavailable" and headers["retry-after"] == "5"
    assert_ours(headers)
    assert body == ("For mange forbindelser – prøv igen om lidt (503).\n"
                    "Too many connections – try again in a moment (503).\n")
    assert world.told == [TurnedAway("connections", 3)]
    anna = phone()  # another address is still let in
    assert await anna.join("Anna") == 303
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

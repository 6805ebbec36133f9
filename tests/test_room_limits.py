"""The phone server's limits against a hostile room (issue 14, the security tester's findings):
slow connections that hold file handles (slowloris), caps on connections, on participants from
one address and on post-its from the whole room; invisible text; malformed bodies; headers.
Real sockets on loopback against a real session (as in test_room_http); an attacker comes from
127.0.0.2 (Linux answers the whole 127/8), the phones from 127.0.0.1."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio

from borgerspil_tui.core.room import Limits
from borgerspil_tui.web import server as web_server
from borgerspil_tui.web.server import RunningServer, start_server
from tests.test_room_core import World, make_world, postits
from tests.test_room_http import ROOMY, Phone

ATTACKER = "127.0.0.2"


@dataclasses.dataclass
class Served:
    """A started server over a world, and a way to make phones for it."""

    world: World
    server: RunningServer
    phone: Callable[[], Phone]

    @property
    def port(self) -> int:
        return self.server.port


@pytest_asyncio.fixture
async def serve(example_copy: Path) -> AsyncIterator[Callable[..., object]]:
    running: list[RunningServer] = []
    phones: list[Phone] = []

    async def start(limits: Limits = ROOMY, **options: object) -> Served:
        world = make_world(example_copy, limits=limits, **options)
        started = await start_server(world.room, world.host, "127.0.0.1", 0)
        running.append(started)

        def phone() -> Phone:
            phones.append(Phone(f"http://127.0.0.1:{started.port}", world))
            return phones[-1]
        return Served(world, started, phone)

    yield start
    for phone in phones:
        await phone.http.close()
    for started in running:
        await started.stop()


async def connect(port: int, source: str = ATTACKER) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))


async def closed_within(reader: asyncio.StreamReader, seconds: float) -> bool:
    """Whether the server closes the connection within ``seconds`` (whatever it sent before)."""
    try:
        async with asyncio.timeout(seconds):
            while await reader.read(4096):
                pass
        return True
    except ConnectionError:
        return True
    except TimeoutError:
        return False


async def drip(writer: asyncio.StreamWriter) -> None:
    """Headers one line at a time, slowly, never finished (the attack sent one every 5 s)."""
    writer.write(b"GET /state.json HTTP/1.1\r\nHost: x\r\n")
    n = 0
    try:
        while True:
            await asyncio.sleep(0.1)
            writer.write(f"X-Slow-{n}: a\r\n".encode())
            await writer.drain()
            n += 1
    except (ConnectionError, RuntimeError):
        return


# -- 1: slow connections and connection caps ---------------------------------------------------------
async def test_slow_headers_are_cut_off_while_a_phone_joins_and_posts(serve, monkeypatch) -> None:
    monkeypatch.setattr(web_server, "FIRST_ANSWER_SECONDS", 0.6)
    served = await serve()
    slow = [await connect(served.port) for _ in range(6)]
    drips = [asyncio.create_task(drip(writer)) for _, writer in slow]
    anna = served.phone()
    assert await anna.join("Anna") == 303
    assert (await anna.send("Flere hænder"))[0] == 303
    for _ in range(5):  # polling past the deadline: an answered connection is not cut
        await asyncio.sleep(0.2)
        assert (await anna.get("/state.json", c=anna.code))[0] == 200
    assert all([await closed_within(reader, 1.5) for reader, _ in slow])
    assert served.server.doorman is not None and served.server.doorman.timed_out == 6
    assert [p.text for p in postits(served.world)] == ["Flere hænder"]
    for task in drips:
        task.cancel()
    for _, writer in slow:
        writer.close()


async def test_an_idle_keep_alive_connection_is_closed(serve, monkeypatch) -> None:
    monkeypatch.setattr(web_server, "KEEPALIVE_SECONDS", 0.5)
    served = await serve()
    reader, writer = await connect(served.port)
    writer.write(f"GET /state.json?c={served.world.room.code} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    first = await reader.read(4096)
    assert first.startswith(b"HTTP/1.1 200")
    assert await closed_within(reader, 2.0)
    writer.close()


async def test_connections_over_the_caps_are_closed_at_once_and_phones_still_come_in(serve) -> None:
    served = await serve(dataclasses.replace(ROOMY, connections=9, connections_per_address=5))
    held = [await connect(served.port) for _ in range(5)]
    over = [await connect(served.port) for _ in range(3)]
    assert all([await closed_within(reader, 0.5) for reader, _ in over])  # over the cap per address
    assert not any([await closed_within(reader, 0.2) for reader, _ in held])  # the first five stay
    anna = served.phone()  # another address: still in
    assert await anna.join("Anna") == 303
    assert (await anna.send("Flere hænder"))[0] == 303
    others = [await connect(served.port, "127.0.0.3") for _ in range(5)]
    closed = [await closed_within(reader, 0.3) for reader, _ in others]
    doorman = served.server.doorman
    assert doorman is not None and doorman.total <= 9 and any(closed)  # the cap in all
    assert sum(doorman.open.values()) == doorman.total and doorman.open.get(ATTACKER) == 5
    for _, writer in held + over + others:
        writer.close()


# -- 2: out of file handles while checking the file on disk ------------------------------------------
def test_a_fingerprint_that_cannot_open_the_file_is_our_save_error(example_copy, monkeypatch) -> None:
    import errno
    import os

    from borgerspil_tui.core import located
    from borgerspil_tui.core.disk import SaveError
    from borgerspil_tui.core.storage import file_fingerprint

    def no_handles(*args: object, **kwargs: object) -> int:
        raise OSError(errno.EMFILE, os.strerror(errno.EMFILE))

    monkeypatch.setattr(located.os, "open", no_handles)
    with pytest.raises(SaveError) as caught:
        file_fingerprint(example_copy)
    assert caught.value.key == "read.failed" and caught.value.path == example_copy
    assert caught.value.text("da") == f"filen kan ikke læses: {os.strerror(errno.EMFILE)}"
    assert caught.value.text("en") == f"cannot be read: {os.strerror(errno.EMFILE)}"

"""The phone server's limits against a hostile room (issue 14, the security tester's findings):
slow connections that hold file handles (slowloris), caps on connections, on participants from
one address and on post-its from the whole room; invisible text; malformed bodies; headers.
Real sockets on loopback against a real session (as in test_room_http); an attacker comes from
127.0.0.2 (Linux answers the whole 127/8), the phones from 127.0.0.1."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from pathlib import Path

import pytest

from borgerspil_tui.core import room as room_module
from borgerspil_tui.core.room import Limits, Room, RoomRefused
from borgerspil_tui.web import handlers
from borgerspil_tui.web import server as web_server
from tests.room_helpers import ROOMY, serve  # noqa: F401 - a fixture
from tests.test_room_core import make_world, postits

ATTACKER = "127.0.0.2"


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
    first_answer = 2.0  # Anna's own first request must be answered within it too, on a busy machine
    monkeypatch.setattr(web_server, "FIRST_ANSWER_SECONDS", first_answer)
    served = await serve()
    slow = [await connect(served.port) for _ in range(6)]
    drips = [asyncio.create_task(drip(writer)) for _, writer in slow]
    anna = served.phone()
    assert await anna.join("Anna") == 303
    assert (await anna.send("Flere hænder"))[0] == 303
    loop = asyncio.get_running_loop()
    past = loop.time() + first_answer + 0.2  # every connection so far was let in before now
    polls = 0
    while loop.time() < past or polls < 2:  # polling past the deadline: an answered connection is not cut
        await asyncio.sleep(0.2)
        assert (await anna.get("/state.json", c=anna.code))[0] == 200
        polls += 1
    assert all([await closed_within(reader, 10.0) for reader, _ in slow])  # at once when cut; 10 s on a busy machine
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
    assert await closed_within(reader, 10.0)  # returns when closed (0.5 s); the bound for a busy machine
    writer.close()


async def test_slow_headers_of_a_second_request_are_cut_off_too(serve, monkeypatch) -> None:
    monkeypatch.setattr(web_server, "KEEPALIVE_SECONDS", 0.5)
    served = await serve()
    reader, writer = await connect(served.port)
    writer.write(f"GET /state.json?c={served.world.room.code} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert (await reader.read(65536)).startswith(b"HTTP/1.1 200")
    dripping = asyncio.create_task(drip(writer))  # the first answer came: now the slow one
    assert await closed_within(reader, 10.0)  # returns when closed; the bound for a busy machine
    dripping.cancel()
    writer.close()


async def test_a_body_sent_slowly_is_refused_in_our_words(serve, monkeypatch) -> None:
    monkeypatch.setattr(handlers, "BODY_SECONDS", 0.3)
    served = await serve()
    anna = served.phone()
    await anna.join("Anna")
    reader, writer = await connect(served.port)
    writer.write((f"POST /postit?c={served.world.room.code} HTTP/1.1\r\nHost: x\r\n"
                  f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 400\r\n"
                  f"Cookie: {handlers.COOKIE}={anna.key}\r\n\r\ncsrf={anna.csrf}&text=Id").encode())

    async def slow_body() -> None:
        try:
            for _ in range(100):
                await asyncio.sleep(0.1)
                writer.write(b"e")
                await writer.drain()
        except (ConnectionError, RuntimeError):
            return

    dripping = asyncio.create_task(slow_body())
    async with asyncio.timeout(30.0):  # returns with the answer (0.3 s); the bound for a busy machine
        answer = await reader.read(65536)
    assert answer.startswith(b"HTTP/1.1 408") and b"kom for langsomt frem" in answer
    assert postits(served.world) == []
    dripping.cancel()
    writer.close()


async def test_connections_over_the_caps_are_closed_at_once_and_phones_still_come_in(serve, monkeypatch) -> None:
    # silent connections are cut after FIRST_ANSWER_SECONDS (10 s), as long as the waits below: far
    # longer here, so only the caps can close a connection within them
    monkeypatch.setattr(web_server, "FIRST_ANSWER_SECONDS", 120.0)
    served = await serve(dataclasses.replace(ROOMY, connections=9, connections_per_address=5))
    held = [await connect(served.port) for _ in range(5)]
    over = [await connect(served.port) for _ in range(3)]
    assert all([await closed_within(reader, 10.0) for reader, _ in over])  # over the cap per address: closed
    assert not any([await closed_within(reader, 0.2) for reader, _ in held])  # the first five stay
    anna = served.phone()  # another address: still in
    assert await anna.join("Anna") == 303
    assert (await anna.send("Flere hænder"))[0] == 303
    others = [await connect(served.port, "127.0.0.3") for _ in range(5)]
    # watch all five at once until one is closed (at once; 10 s for a busy machine): reading it to
    # its end, as the server may have sent its busy answer before closing
    watching = [asyncio.create_task(closed_within(reader, 10.0)) for reader, _ in others]
    await asyncio.wait(watching, return_when=asyncio.FIRST_COMPLETED)
    closed = [task.done() and task.result() for task in watching]
    for task in watching:
        task.cancel()
    await asyncio.gather(*watching, return_exceptions=True)
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


# -- 3: one address cannot fill the room ---------------------------------------------------------------
def test_participants_per_address_are_capped_and_the_room_total_stays() -> None:
    room = Room(limits=Limits(join=(1000.0, 1000)))
    for n in range(8):
        room.join(f"Tablet {n}", "10.0.0.1")  # a shared tablet is fine
    with pytest.raises(RoomRefused) as refused:
        room.join("Nummer ni", "10.0.0.1")
    assert refused.value.status == 429 and refused.value.message.key == "room.full_here"
    assert refused.value.message.text("da") == ("Der er allerede 8 deltagere fra denne enhed eller dette netværk. "
                                                "Bed facilitatoren om at lukke flere ind.")
    assert room.join("Bo", "10.0.0.2").name == "Bo" and len(room.participants) == 9
    assert len([room.join(f"Fra appen {n}") for n in range(12)]) == 12  # not from the network: not counted
    many = Room(limits=Limits(participants_per_address=10_000))
    for n in range(room_module.MOST_PARTICIPANTS):
        many.join(f"P{n}", f"10.1.{n // 200}.{n % 200}")
    with pytest.raises(RoomRefused) as full:
        many.join("En til", "10.9.9.9")
    assert full.value.message.key == "room.full" and full.value.status == 503


async def test_a_phone_over_the_address_cap_gets_our_429(serve) -> None:
    served = await serve(dataclasses.replace(ROOMY, participants_per_address=2))
    phones = [served.phone() for _ in range(3)]
    assert [await p.join(f"Deltager {n}") for n, p in enumerate(phones)] == [303, 303, 429]
    form = (await phones[2].get("/", c=served.world.room.code))[1]
    token = re.findall(r'name="csrf" value="([0-9a-f]+)"', form)[0]
    status, text, _ = await phones[2].post("/join", {"c": served.world.room.code, "csrf": token, "name": "Igen"})
    assert status == 429 and "Der er allerede 2 deltagere fra denne enhed eller dette netværk" in text
    assert 'value="Igen"' in text  # the join form again, with the name as typed
    assert len(served.world.room.participants) == 2


# -- 4: the whole room's post-its ----------------------------------------------------------------------
def test_the_room_wide_post_it_bucket_bounds_many_phones_and_lets_thirty_through() -> None:
    clock = [0.0]
    room = Room(clock=lambda: clock[0], limits=Limits(participants_per_address=10_000))
    people = [room.join(f"P{n}", f"10.0.{n // 200}.{n % 200}") for n in range(200)]
    assert sum(room.may_post(p) for p in people) == 80  # the burst, then refused
    clock[0] += 1.0
    assert sum(room.may_post(p) for p in people) == 40
    thirty = people[:30]  # the load benchmark: 30 phones, one post-it a second each
    for _ in range(20):
        clock[0] += 1.0
        assert all(room.may_post(p) for p in thirty)


async def test_post_its_beyond_the_room_rate_and_the_workshops_ceiling_are_refused(serve) -> None:
    served = await serve(dataclasses.replace(ROOMY, room_post=(0.001, 2), most_postits=50))
    anna, bo = served.phone(), served.phone()
    await anna.join("Anna")
    await bo.join("Bo")
    assert [(await anna.send("Idé 1"))[0], (await bo.send("Idé 2"))[0]] == [303, 303]
    status, text, _ = await bo.send("Idé 3")
    assert status == 429 and "For mange på én gang" in text
    served.world.room.limits = dataclasses.replace(ROOMY, most_postits=3)
    assert (await anna.send("Idé 3"))[0] == 303
    status, text, _ = await anna.send("Idé 4")
    assert status == 409 and "Workshoppen har allerede 3 post-its" in text
    assert [p.text for p in postits(served.world)] == ["Idé 1", "Idé 2", "Idé 3"]


# -- 5: invisible and control characters ----------------------------------------------------------------
@pytest.mark.parametrize("text", ["\u200b", "\u200b \u2060\ufeff", "\u00ad", "\u200d\u200d", " \t\n"])
def test_a_post_it_with_nothing_visible_is_empty(example_copy: Path, text: str) -> None:
    world = make_world(example_copy)
    with pytest.raises(RoomRefused) as refused:
        world.host.post(world.room.join("Anna"), text)
    assert refused.value.message.key in ("room.empty_postit", "room.postit_control")
    if "\ufeff" not in text:
        assert refused.value.message.key == "room.empty_postit"
    assert postits(world) == []


@pytest.mark.parametrize("char", ["\x1c", "\x1d", "\x1e", "\x1f", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_control_characters_in_post_its_are_refused_not_turned_into_spaces(example_copy: Path, char: str) -> None:
    world = make_world(example_copy)
    with pytest.raises(RoomRefused) as refused:
        world.host.post(world.room.join("Anna"), f"Sms{char}dagen før")
    assert refused.value.message.key == "room.postit_control"
    assert f"U+{ord(char):04X}" in refused.value.message.text("en")
    assert postits(world) == []
    assert world.host.post(world.room.join("Bo"), "Sms\tdagen\r\nfør").text == "Sms dagen før"


@pytest.mark.parametrize("mark", ["\u200b", "\u200e", "\u200f", "\u061c", "\u2060", "\ufeff"])
def test_zero_width_and_direction_marks_in_names_are_refused(mark: str) -> None:
    room = Room(limits=Limits(participants_per_address=100))
    with pytest.raises(RoomRefused) as refused:
        room.join(f"An{mark}na")
    assert refused.value.message.key in ("room.name_invisible", "room.name_control")
    assert room.participants == {}


def test_names_with_nothing_visible_are_refused_and_emoji_joiners_are_kept() -> None:
    room = Room(allow_anonymous=True, limits=Limits(participants_per_address=100))
    for name in ("\u00ad", "\u200d", " \u00ad "):
        with pytest.raises(RoomRefused) as refused:
            room.join(name)
        assert refused.value.message.key == "room.name_needed"
    assert room.join("👩\u200d💻 Mia").name == "👩\u200d💻 Mia"
    assert room.join("").name == ""  # anonymous, when allowed


def test_the_same_name_twice_is_told_apart() -> None:
    room = Room(allow_anonymous=True, limits=Limits(participants_per_address=100))
    names = [room.join(name).name for name in ("Anna", "Anna", "anna", "Anna (2)", "", "")]
    assert names == ["Anna", "Anna (2)", "anna (3)", "Anna (2) (2)", "", ""]


async def test_the_second_anna_is_told_her_name_on_the_page(serve) -> None:
    served = await serve()
    first, second = served.phone(), served.phone()
    assert await first.join("Anna") == 303 and await second.join("Anna") == 303
    assert "Anna (2)" in await second.room()
    assert "En anden deltager hedder allerede Anna; du vises som Anna (2)." in await second.room()
    assert "En anden deltager" not in await first.room()
    assert sorted(p.name for p in served.world.room.participants.values()) == ["Anna", "Anna (2)"]


# -- 6: bodies that are no form -------------------------------------------------------------------------
FORM = "application/x-www-form-urlencoded"
MALFORMED = [
    (f"{FORM}; charset=foo-bar", b"text=Id%C3%A9"),
    (FORM, b"text=\xe6\xf8"),
    (FORM, b"text=%E6%F8"),
    (FORM, b"%E6%F8=Id%C3%A9"),
    ("multipart/form-data; boundary=xyz", b"garbage\r\n--xyz\r\nno headers at all"),
    ("multipart/form-data", b"--x\r\nContent-Disposition: form-data; name=text\r\n\r\nIde\r\n--x--\r\n"),
]


@pytest.mark.parametrize(("content_type", "body"), MALFORMED)
async def test_malformed_bodies_are_refused_with_our_400(serve, content_type: str, body: bytes) -> None:
    served = await serve()
    anna = served.phone()
    await anna.join("Anna")
    query = {"c": served.world.room.code}
    async with anna.http.post(anna.base + "/postit", params=query, data=body, allow_redirects=False,
                              headers={"Content-Type": content_type}) as response:
        text = await response.text()
        assert response.status == 400, text
        assert "Det sendte kunne ikke læses" in text and response.headers["Server"] == "borgerspil"
    assert postits(served.world) == []
    async with anna.http.post(anna.base + "/join", params=query, data=body, allow_redirects=False,
                              headers={"Content-Type": content_type, "Accept": "application/json"}) as response:
        assert response.status == 400 and "could not be read" not in (await response.text())
    assert (await anna.send("Idé"))[0] == 303  # a good form still goes through


# -- 7: headers, static files, templates -----------------------------------------------------------------
async def test_the_server_names_itself_borgerspil_and_missing_static_files_get_our_404(serve) -> None:
    served = await serve()
    anna = served.phone()
    await anna.join("Anna")
    for path in ("/room", "/nowhere", "/static/room.css", "/static/nothing.css", "/static/"):
        status, text, response = await anna.get(path, c=served.world.room.code)
        assert response.headers["Server"] == "borgerspil", path
        assert "aiohttp" not in str(response.headers) and "Python" not in str(response.headers)
    for path in ("/static/nothing.css", "/static/room.css.bak", "/static/"):
        status, text, response = await anna.get(path)
        assert status == 404 and "Siden findes ikke" in text and response.content_type == "text/html", path
    async with anna.http.get(anna.base + "/static/room.css", headers={"Range": "bytes=99999-"}) as response:
        assert response.status == 200 and "body" in await response.text()  # no empty 416


def test_templates_are_read_once_not_again_from_disk() -> None:
    from borgerspil_tui.web import pages

    assert pages.environment().auto_reload is False
    first = pages.environment().get_template("join.html")
    assert pages.environment().get_template("join.html") is first

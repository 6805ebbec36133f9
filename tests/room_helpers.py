"""Phones over real HTTP for the room's tests: a server on 127.0.0.1 over a world of
tests/test_room_core (a real session on the example with a running workshop), and aiohttp's
client as phones, each with its own cookie jar. The ``served`` fixture (world and phone) and the
``serve`` fixture (a :class:`Served`) start servers and close them and their phones at the end
(import the one a test module uses into it, as a fixture is)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import aiohttp
import html5lib
import pytest_asyncio

from borgerspil_tui.core.room import Limits
from borgerspil_tui.web import server as web_server
from borgerspil_tui.web.handlers import COOKIE
from borgerspil_tui.web.server import SECURITY_HEADERS, RunningServer, start_server
from tests.test_room_core import World, make_world

ROOMY = Limits(request=(1000.0, 100_000), join=(1000.0, 1000), post=(1000.0, 1000), room_post=(1000.0, 1000),
               participants_per_address=1000)
"""Limits no test but the rate tests reaches (all phones here come from one address)."""
OBSERVATION = "Hun har lagt ansøgningen i en skuffe"
QUOTE = "Jeg vil bare vide, om der sker noget"
TEAM_NAME = "Mette Holm"
"""An observation, a quote and a team member of the example: never on a phone's page."""
CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')


class Phone:
    """One phone: its own cookie jar, against the server at ``base``."""

    def __init__(self, base: str, world: World) -> None:
        self.base = base
        self.world = world
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf = ""
        self.seen: list[aiohttp.ClientResponse] = []
        self.answer = ""
        """The page the last :meth:`join` was answered with (a refusal's text, or the join form's)."""

    @property
    def code(self) -> str:
        return self.world.room.code

    @property
    def key(self) -> str:
        """The phone's participant cookie."""
        return next(c.value for c in self.http.cookie_jar if c.key == COOKIE)

    async def get(self, path: str, **params: str) -> tuple[int, str, aiohttp.ClientResponse]:
        async with self.http.get(self.base + path, params=params or None, allow_redirects=False) as response:
            self.seen.append(response)
            return response.status, await response.text(), response

    async def post(self, path: str, data: dict[str, str], *, as_json: bool = False
                   ) -> tuple[int, str, aiohttp.ClientResponse]:
        headers = {"Accept": "application/json"} if as_json else {}
        async with self.http.post(self.base + path, data=data, headers=headers, allow_redirects=False) as response:
            self.seen.append(response)
            return response.status, await response.text(), response

    async def join(self, name: str = "Anna", **extra: str) -> int:
        status, text, _ = await self.get("/", c=self.code)
        assert status == 200, list(web_server.ERRORS.records)[-1:]
        status, text, response = await self.post("/join", {"c": self.code, "csrf": CSRF.findall(text)[0],
                                                           "name": name, **extra})
        self.answer = text
        if status == 303:
            assert response.headers["Location"] == f"/room?c={self.code}"
            await self.room()
        return status

    async def room(self) -> str:
        status, text, _ = await self.get("/room", c=self.code)
        assert status == 200, list(web_server.ERRORS.records)[-1:]
        found = CSRF.findall(text)
        self.csrf = found[0] if found else self.csrf
        return text

    async def send(self, text: str, **extra: str) -> tuple[int, str, aiohttp.ClientResponse]:
        return await self.post("/postit", {"c": self.code, "csrf": self.csrf, "text": text} | extra)

    async def vote(self, idea: str, op: str = "give", **extra: str) -> int:
        status, _, _ = await self.post("/vote", {"c": self.code, "csrf": self.csrf, "idea": idea, "op": op} | extra)
        return status


@dataclasses.dataclass
class Served:
    """A started server over a world, and a way to make phones for it."""

    world: World
    server: RunningServer
    phone: Callable[[], Phone]

    @property
    def port(self) -> int:
        return self.server.port


class RoomServers:
    """Servers started over worlds made from ``project``; ``close()`` closes their phones, then them."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.running: list[RunningServer] = []
        self.phones: list[Phone] = []

    async def start(self, limits: Limits = ROOMY, **options: object) -> Served:
        """A server on 127.0.0.1 (a free port) over a new world (``make_world``'s options)."""
        world = make_world(self.project, limits=limits, **options)
        started = await start_server(world.room, world.host, "127.0.0.1", 0)
        self.running.append(started)

        def phone() -> Phone:
            self.phones.append(Phone(f"http://127.0.0.1:{started.port}", world))
            return self.phones[-1]
        return Served(world, started, phone)

    async def close(self) -> None:
        for phone in self.phones:
            await phone.http.close()
        for started in self.running:
            await started.stop()


@pytest_asyncio.fixture
async def serve(example_copy: Path) -> AsyncIterator[Callable[..., Awaitable[Served]]]:
    """Start a server over a world: ``started = await serve(limits, **options)``, a :class:`Served`."""
    servers = RoomServers(example_copy)
    yield servers.start
    await servers.close()


async def told_server(serve: Callable[..., Awaitable[Served]], **options: object) -> Served:
    """``await serve(**options)`` whose host keeps every phone it turns away in ``world.told``."""
    started = await serve(**options)
    started.world.told = []  # type: ignore[attr-defined]
    started.world.host.turned_away = started.world.told.append  # type: ignore[attr-defined]
    return started


@pytest_asyncio.fixture
async def served(example_copy: Path) -> AsyncIterator[Callable[..., Awaitable[tuple[World, Callable[[], Phone]]]]]:
    """Start a server over a world (made by the test's arguments): ``world, phone = await served()``."""
    servers = RoomServers(example_copy)

    async def serve(**options: object) -> tuple[World, Callable[[], Phone]]:
        started = await servers.start(**options)
        return started.world, started.phone

    yield serve
    await servers.close()


def scripts_of(text: str) -> list[dict[str, str]]:
    """The script elements of a page as a browser parses it (their attributes, and text if any)."""
    tree = html5lib.parse(text, namespaceHTMLElements=False)
    return [dict(element.attrib) | {"text": element.text or ""} for element in tree.iter("script")]


def input_fields(page: str) -> dict[str, dict[str, str]]:
    """The page's input elements by id (or name), with their attributes, as a browser parses it."""
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    return {e.get("id") or e.get("name"): dict(e.attrib) for e in tree.iter("input")}


def assert_secure(response: aiohttp.ClientResponse) -> None:
    """The response carries every security header with its value."""
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (response.url, response.status, name)

"""The phone page over real HTTP (a server on 127.0.0.1, aiohttp's client as phones), against a
real session on the example with a running workshop: join, post, vote — and hostile participants:
wrong, missing and old codes, missing form tokens, oversized bodies, bursts, markup in post-its,
names of control characters, votes beyond the allowance or after the reveal. Each refused with a
clear status, our words, and nothing stored; every response with the security headers."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp
import html5lib
import pytest_asyncio

from borgerspil_tui.core.room import Limits
from borgerspil_tui.core.workshop_vote import VotingRound
from borgerspil_tui.web import server as web_server
from borgerspil_tui.web.handlers import COOKIE, PRE_COOKIE
from borgerspil_tui.web.server import SECURITY_HEADERS, start_server
from tests.test_room_core import IDEAS, World, make_world, postits

ROOMY = Limits(request=(1000.0, 100_000), join=(1000.0, 1000), post=(1000.0, 1000), room_post=(1000.0, 1000),
               participants_per_address=1000)
"""Limits no test but the rate tests reaches (all phones here come from one address)."""
OBSERVATION = "Hun har lagt ansøgningen i en skuffe"
QUOTE = "Jeg vil bare vide, om der sker noget"
TEAM_NAME = "Mette Holm"
CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')


class Phone:
    """One phone: its own cookie jar, against the server at ``base``."""

    def __init__(self, base: str, world: World) -> None:
        self.base = base
        self.world = world
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.csrf = ""
        self.seen: list[aiohttp.ClientResponse] = []

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


@pytest_asyncio.fixture
async def served(example_copy: Path) -> AsyncIterator[Callable[..., object]]:
    """Start a server over a world (made by the test's arguments); phones close at the end."""
    running, phones = [], []

    async def serve(**options: object) -> tuple[World, Callable[[], Phone]]:
        options.setdefault("limits", ROOMY)
        world = make_world(example_copy, **options)
        started = await start_server(world.room, world.host, "127.0.0.1", 0)
        running.append(started)
        base = f"http://127.0.0.1:{started.port}"

        def phone() -> Phone:
            phones.append(Phone(base, world))
            return phones[-1]
        return world, phone

    yield serve
    for phone in phones:
        await phone.http.close()
    for started in running:
        await started.stop()


def scripts_of(text: str) -> list[dict[str, str]]:
    """The script elements of a page as a browser parses it (their attributes, and text if any)."""
    tree = html5lib.parse(text, namespaceHTMLElements=False)
    return [dict(element.attrib) | {"text": element.text or ""} for element in tree.iter("script")]


def assert_secure(response: aiohttp.ClientResponse) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (response.url, response.status, name)


# -- the happy path -----------------------------------------------------------------------------
async def test_join_post_and_each_phone_sees_only_its_own(served) -> None:
    world, phone = await served()
    anna, bo = phone(), phone()
    assert await anna.join("Anna") == 303
    assert {c.key for c in anna.http.cookie_jar} == {COOKIE, PRE_COOKIE}
    cookie = next(c for c in anna.http.cookie_jar if c.key == COOKIE)
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/"
    page = await anna.room()
    assert "Brainstorm" in page and "Hvordan får borgeren hjælpemidlet hurtigere?" in page and "15:00" in page
    status, _, response = await anna.send("Sms dagen før besøget")
    assert status == 303 and response.headers["Location"] == f"/room?c={anna.code}"
    [kept] = postits(world)
    assert (kept.text, kept.author, kept.state) == ("Sms dagen før besøget", "Anna", "new")
    assert world.session.undo_steps() == []  # kept, but no step of the facilitator's Ctrl+Z
    assert "Sms dagen før besøget" in await anna.room()
    assert await bo.join("Bo") == 303
    assert "Sms dagen før besøget" not in await bo.room()
    status, text, _ = await bo.post("/postit", {"c": bo.code, "csrf": bo.csrf, "text": "Bos idé"}, as_json=True)
    assert status == 200 and json.loads(text) == {"ok": True, "postits": ["Bos idé"]}
    assert [p.author for p in postits(world)] == ["Anna", "Bo"]
    # a joined phone opening the join link again goes straight on
    status, _, response = await anna.get("/", c=anna.code)
    assert status == 303 and response.headers["Location"] == f"/room?c={anna.code}"


async def test_the_state_the_script_polls(served) -> None:
    world, phone = await served()
    anna = phone()
    await anna.join()
    status, text, response = await anna.get("/state.json", c=anna.code)
    assert status == 200 and response.content_type == "application/json"
    assert json.loads(text) == {"mode": "capture", "title": "Brainstorm", "seconds_left": 900.0, "time": "15:00",
                                "paused": False}
    world.clock.advance(minutes=16)
    assert json.loads((await anna.get("/state.json", c=anna.code))[1])["time"] == "-01:00"


# -- the code -----------------------------------------------------------------------------------
async def test_wrong_missing_and_old_codes_are_refused_and_nothing_is_stored(served) -> None:
    world, phone = await served()
    anna = phone()
    await anna.join()
    old = anna.code
    for code in ("WRONGCODE2", "", None):
        params = {} if code is None else {"c": code}
        for path in ("/room", "/state.json") if not code else ("/", "/room", "/state.json"):
            status, text, _ = await anna.get(path, **params)
            assert status == 403 and "Bed facilitatoren om den nye kode" in text, (path, code)
        status, text, _ = await anna.get("/", **params)  # the join form asks for the code (a wrong one: said)
        assert status == (403 if code else 200) and 'id="code"' in text and anna.code not in text
        status, text, _ = await anna.post("/postit", {"csrf": anna.csrf, "text": "Idé"} | params)
        assert status == 403 and "Bed facilitatoren" in text
    world.room.new_code()
    status, text, _ = await anna.post("/postit", {"c": old, "csrf": anna.csrf, "text": "Idé"})
    assert status == 403
    status, text, _ = await anna.post("/vote", {"c": old, "csrf": anna.csrf, "idea": IDEAS[0], "op": "give"},
                                      as_json=True)
    assert status == 403 and "Bed facilitatoren" in json.loads(text)["error"]
    assert (await anna.get("/room", c=old))[0] == 403
    assert postits(world) == [] and world.session.undo_steps() == []
    # the new code lets the same phone go on as itself
    assert (await anna.send("Idé"))[0] == 303 and postits(world)[0].author == "Anna"


# -- form tokens --------------------------------------------------------------------------------
async def test_forms_without_their_token_are_refused(served) -> None:
    world, phone = await served()
    anna, bo = phone(), phone()
    await anna.join()
    await bo.join("Bo")
    for token in ("", "0" * 32, bo.csrf):
        status, text, _ = await anna.send("Idé", csrf=token)
        assert status == 403 and "Formularen er for gammel" in text
    status, _, _ = await anna.post("/postit", {"c": anna.code, "text": "Idé"})
    assert status == 403
    world.host.live_round = VotingRound([], IDEAS, 2, 1)
    assert await anna.vote(IDEAS[0], csrf="") == 403
    assert postits(world) == [] and world.host.own_dots(world.room.find(anna.key)) == {}
    # the join form's token is bound to the phone's own pre-join cookie
    carl = phone()
    await carl.get("/", c=carl.code)
    status, _, _ = await carl.post("/join", {"c": carl.code, "csrf": "f" * 32, "name": "Carl"})
    assert status == 403 and len(world.room.participants) == 2


# -- sizes and rates ----------------------------------------------------------------------------
async def test_an_oversized_body_is_refused_in_our_words(served) -> None:
    world, phone = await served()
    anna = phone()
    await anna.join()
    status, text, response = await anna.send("x" * 20_000)
    assert status == 413 and "Det sendte er for stort" in text and "Entity" not in text
    assert_secure(response)
    status, text, _ = await anna.post("/postit", {"c": anna.code, "csrf": anna.csrf, "text": "y" * 20_000},
                                      as_json=True)
    assert status == 413 and json.loads(text)["ok"] is False
    assert postits(world) == []


async def test_a_burst_of_a_thousand_requests_is_limited_and_the_server_still_answers(served) -> None:
    world, phone = await served(limits=Limits(connections_per_address=200))  # aiohttp's client opens 100
    anna = phone()
    statuses = await asyncio.gather(*(anna.get("/state.json", c=anna.code) for _ in range(1000)))
    counts = {status: sum(1 for s, _, _ in statuses if s == status) for status, _, _ in statuses}
    assert set(counts) == {200, 429} and counts[200] <= 60 and counts[429] >= 940
    limited = next(response for status, _, response in statuses if status == 429)
    assert limited.headers["Retry-After"] and limited.headers["Content-Security-Policy"]
    assert "For mange på én gang" in next(text for status, text, _ in statuses if status == 429)
    world.tick.seconds += 5
    assert (await anna.get("/state.json", c=anna.code))[0] == 200


async def test_postits_beyond_the_rate_are_refused(served) -> None:
    world, phone = await served(limits=Limits(request=(1000.0, 10_000)))
    anna = phone()
    await anna.join()
    statuses = [(await anna.send(f"Idé {n}"))[0] for n in range(7)]
    assert statuses == [303] * 5 + [429] * 2
    assert len(postits(world)) == 5
    world.tick.seconds += 1
    assert (await anna.send("Idé igen"))[0] == 303


# -- hostile text -------------------------------------------------------------------------------
HOSTILE = ["<script>alert(1)</script>", "[bold]x[/]", "{{7*7}}", '"><img src=x onerror=alert(1)>']


async def test_markup_and_script_in_postits_are_kept_as_text_and_escaped(served) -> None:
    world, phone = await served()
    anna = phone()
    await anna.join('<b>Anna</b> {{7*7}}')
    for text in HOSTILE:
        assert (await anna.send(text))[0] == 303
    assert [p.text for p in postits(world)] == HOSTILE
    page = await anna.room()
    assert scripts_of(page) == [{"src": "/static/room.js", "defer": "", "text": ""}]
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert [li.text for li in tree.iter("li")] == HOSTILE
    assert not list(tree.iter("img")) and not list(tree.iter("b"))
    assert "49" not in "".join(tree.itertext())  # no template ran the text (codes may hold 49)
    assert "&lt;b&gt;Anna&lt;/b&gt; {{7*7}}" in page


async def test_a_name_of_control_characters_is_refused(served) -> None:
    world, phone = await served(anonymous=True)
    anna = phone()
    for name in ("\x00\x01\x1b", "\x1c\x1d\x1e\x1f", "\x07"):
        status = await anna.join(name)
        assert status == 400
    status, text, _ = await anna.get("/", c=anna.code)
    status, text, _ = await anna.post("/join", {"c": anna.code, "csrf": CSRF.findall(text)[0], "name": "\x00"})
    assert status == 400 and "Navnet indeholder tegn, der ikke kan vises" in text
    assert world.room.participants == {} and COOKIE not in {c.key for c in anna.http.cookie_jar}


async def test_an_anonymous_join_only_when_allowed(served) -> None:
    world, phone = await served()
    anna = phone()
    assert await anna.join("", anonymous="1") == 400 and world.room.participants == {}
    world.room.allow_anonymous = True
    assert "Deltag uden navn" in (await anna.get("/", c=anna.code))[1]
    assert await anna.join("Anna", anonymous="1") == 303
    assert "Du deltager uden navn" in await anna.room()
    assert (await anna.send("Idé"))[0] == 303 and postits(world)[0].author == ""


# -- votes --------------------------------------------------------------------------------------
async def test_votes_within_the_allowance_only_and_none_after_the_reveal(served) -> None:
    world, phone = await served()
    anna, bo = phone(), phone()
    await anna.join()
    await bo.join("Bo")
    world.host.live_round = VotingRound(["person-k3x9fa"], IDEAS, 2, 1)
    page = await anna.room()
    assert "Giv dine prikker" in page and "2 prikker tilbage af 2" in page
    assert await anna.vote(IDEAS[0]) == 303
    assert await anna.vote(IDEAS[0]) == 409  # most per idea
    assert await bo.vote(IDEAS[0]) == 303
    status, text, _ = await anna.post("/vote", {"c": anna.code, "csrf": anna.csrf, "idea": IDEAS[1], "op": "give"},
                                      as_json=True)
    assert status == 200 and json.loads(text) == {"ok": True, "own": {IDEAS[0]: 1, IDEAS[1]: 1},
                                                  "left_text": "0 prikker tilbage af 2"}
    assert await anna.vote(IDEAS[2]) == 409  # no dots left
    assert await anna.vote(IDEAS[2], op="steal") == 400 and await anna.vote("idea-nope") == 409
    tree = html5lib.parse(await anna.room(), namespaceHTMLElements=False)
    own = [span.text for span in tree.iter("span") if span.get("class") == "own"]
    assert own == ["1", "1", "0"]  # Anna's own, never the total of 2 on the first idea
    assert world.host.phones_voted() == 2
    world.host.result = world.host.live_round.reveal()
    assert await bo.vote(IDEAS[1]) == 409
    page = await bo.room()
    assert "Resultatet" in page and "2 prikker" in page
    assert world.host.own_dots(world.room.find(anna.key)) == {IDEAS[0]: 1, IDEAS[1]: 1}


async def test_no_postit_when_no_capture_activity_runs(served) -> None:
    world, phone = await served(timer=False)
    anna = phone()
    await anna.join()
    assert "Venter på næste aktivitet" in await anna.room()
    anna.csrf = world.room.csrf(anna.key)  # as on a page left open from the last capture activity
    status, text, _ = await anna.send("Idé")
    assert status == 409 and "Der indsamles ikke post-its lige nu" in text and postits(world) == []


# -- every response -----------------------------------------------------------------------------
async def test_every_response_has_the_security_headers_and_errors_are_ours(served, monkeypatch, capsys) -> None:
    world, phone = await served()
    anna = phone()
    await anna.join()
    await anna.send("Idé")
    await anna.get("/room", c="WRONG")
    status, text, response = await anna.get("/nowhere", c=anna.code)
    assert status == 404 and "Siden findes ikke" in text
    status, text, response = await anna.get("/postit", c=anna.code)
    assert status == 405 and "Siden kan ikke bruges sådan" in text and "POST" in response.headers["Allow"]
    status, text, response = await anna.get("/static/room.css")
    assert status == 200 and response.content_type == "text/css" and "body" in text
    status, text, response = await anna.get("/static/room.js")
    assert status == 200 and "javascript" in response.content_type and "fetch(" in text
    assert (await anna.get("/favicon.ico"))[0] == 204
    assert (await anna.get("/static/../handlers.py"))[0] in (403, 404)
    assert (await anna.get("/static/"))[0] in (403, 404)

    def broken(*_: object) -> None:
        raise RuntimeError("the handler broke")

    monkeypatch.setattr(world.host, "view", broken)
    status, text, _ = await anna.get("/room", c=anna.code)
    assert status == 500 and "Noget gik galt" in text and "RuntimeError" not in text
    assert "the handler broke" in web_server.ERRORS.records[-1]
    statuses = {response.status for response in anna.seen}
    assert {200, 303, 403, 404, 405, 500} <= statuses
    for response in anna.seen:
        assert_secure(response)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err and "broke" not in captured.out + captured.err


async def test_the_page_in_english_when_the_project_is(served) -> None:
    _, phone = await served(language="en", anonymous=True)
    anna = phone()
    status, text, _ = await anna.get("/", c=anna.code)
    assert status == 200 and 'lang="en"' in text and "Join the workshop" in text and "Join without a name" in text
    assert "Ask the facilitator for the new code" in (await anna.get("/room", c="NOPE"))[1]
    await anna.join("Anna")
    assert "You take part as Anna" in await anna.room() and "Your post-it" in await anna.room()


async def test_nothing_else_of_the_project_is_served(served) -> None:
    world, phone = await served()
    anna = phone()
    await anna.join()
    await anna.send("Idé")
    bodies = [await anna.room(), (await anna.get("/state.json", c=anna.code))[1]]
    world.host.live_round = VotingRound(["person-k3x9fa"], IDEAS, 2, 1)
    await anna.vote(IDEAS[0])
    bodies += [await anna.room(), (await anna.get("/state.json", c=anna.code))[1]]
    world.host.result = world.host.live_round.reveal()
    bodies += [await anna.room(), (await anna.get("/state.json", c=anna.code))[1]]
    for body in bodies:
        for secret in (OBSERVATION, QUOTE, TEAM_NAME, "person-k3x9fa", "obs-"):
            assert secret not in body


async def test_no_page_needs_inline_script_or_style(served) -> None:
    """The CSP forbids inline script and style: no page may rely on them (nor on outside resources)."""
    world, phone = await served(anonymous=True)
    anna = phone()
    pages = [(await anna.get("/", c=anna.code))[1], (await anna.get("/room", c="NOPE"))[1]]
    await anna.join()
    await anna.send("Idé")
    pages.append(await anna.room())
    world.host.live_round = VotingRound([], IDEAS, 2, 1)
    pages.append(await anna.room())
    world.host.result = world.host.live_round.reveal()
    pages.append(await anna.room())
    for page in pages:
        tree = html5lib.parse(page, namespaceHTMLElements=False)
        assert not list(tree.iter("style"))
        for element in tree.iter():
            names = set(element.attrib)
            assert "style" not in names and not {n for n in names if n.startswith("on")}, element.tag
            for name in ("src", "href", "action"):
                where = element.get(name, "/")
                assert where.startswith("/") and not where.startswith("//"), (element.tag, where)
        assert [s["src"] for s in scripts_of(page)] == ["/static/room.js"]


# -- the join form by the typed address (no code in it) -------------------------------------------
def _inputs(page: str) -> dict[str, dict[str, str]]:
    """The page's input elements by id (or name), with their attributes, as a browser parses it."""
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    return {e.get("id") or e.get("name"): dict(e.attrib) for e in tree.iter("input")}


async def test_the_bare_address_asks_for_the_code_and_shows_nothing_of_the_project(served) -> None:
    world, phone = await served()
    anna = phone()
    await anna.join("Anna Ankersen")
    await anna.send("Annas hemmelige idé")
    bo = phone()
    status, page, _ = await bo.get("/")
    assert status == 200
    code = _inputs(page)["code"]
    assert code["name"] == "c" and code["type"] == "text" and code["inputmode"] == "text"
    assert code["autocomplete"] == "off" and code["autocapitalize"] == "characters" and "required" in code
    assert "class" in code and "code" in code["class"].split()  # large type (room.css)
    assert "Koden fra facilitatorens skærm" in page and world.room.code not in page
    for secret in ("Hurtigere hjælp til hjælpemidler", "Brainstorm", "Hvordan får borgeren", "Idédag",
                   "Anna Ankersen", "Annas hemmelige idé", OBSERVATION, QUOTE, TEAM_NAME):
        assert secret not in page, secret
    # typed as a person types it: small letters, dashes, spaces
    typed = world.room.code.lower()
    typed = f" {typed[:4]}-{typed[4:7]} {typed[7:]} "
    status, _, response = await bo.post("/join", {"c": typed, "csrf": CSRF.findall(page)[0], "name": "Bo"})
    assert status == 303 and response.headers["Location"] == f"/room?c={world.room.code}"
    assert [p.name for p in world.room.participants.values()] == ["Anna Ankersen", "Bo"]
    assert "Du deltager som Bo" in await bo.room()


async def test_a_wrong_typed_code_gives_the_form_again_with_the_name_kept(served) -> None:
    world, phone = await served()
    bo = phone()
    _, page, _ = await bo.get("/")
    status, text, _ = await bo.post("/join", {"c": "ABCD-EFG", "csrf": CSRF.findall(page)[0], "name": "Bo Berg"})
    assert status == 403 and "Bed facilitatoren om den nye kode" in text
    inputs = _inputs(text)
    assert inputs["name"]["value"] == "Bo Berg" and inputs["code"]["value"] == "ABCD-EFG"
    assert world.room.participants == {} and COOKIE not in {c.key for c in bo.http.cookie_jar}
    status, _, _ = await bo.post("/join", {"c": world.room.code, "csrf": CSRF.findall(text)[0], "name": "Bo Berg"})
    assert status == 303 and [p.name for p in world.room.participants.values()] == ["Bo Berg"]
    # a joined phone without the (new) code is not let through by its cookie: the form asks for it
    old = world.room.code
    world.room.new_code()
    for params in ({}, {"c": old}):
        status, text, _ = await bo.get("/", **params)
        assert status in (200, 403) and 'id="code"' in text and world.room.code not in text


async def test_guessing_the_code_on_the_join_form_is_bounded(served) -> None:
    world, phone = await served(limits=Limits())
    mallory = phone()
    _, page, _ = await mallory.get("/")
    token = CSRF.findall(page)[0]
    statuses = [(await mallory.post("/join", {"c": f"GUESS{n:05d}", "csrf": token, "name": "M"}))[0]
                for n in range(8)]
    assert statuses == [403] * 5 + [429] * 3
    status, text, response = await mallory.post("/join", {"c": world.room.code, "csrf": token, "name": "M"})
    assert status == 429 and response.headers["Retry-After"] and "For mange på én gang" in text
    assert _inputs(text)["name"]["value"] == "M"  # the form again, as typed
    assert world.room.participants == {}
    world.tick.seconds += 2
    assert (await mallory.post("/join", {"c": world.room.code, "csrf": token, "name": "M"}))[0] == 303


async def test_the_join_page_says_the_name_is_kept(served) -> None:
    world, phone = await served()
    anna = phone()
    page = (await anna.get("/", c=anna.code))[1]
    note = "Navnet vises for facilitatoren og gemmes med dine post-its i workshoppens projektfil."
    assert note in page and "uden navn" not in page and _inputs(page)["name"]["aria-describedby"] == "name-note"
    world.room.allow_anonymous = True
    assert f"{note} Du kan også deltage uden navn." in (await anna.get("/"))[1]
    _, phone = await served(language="en", anonymous=True)
    tree = html5lib.parse((await phone().get("/"))[1], namespaceHTMLElements=False)
    [shown] = [p.text for p in tree.iter("p") if p.get("id") == "name-note"]
    assert shown == ("Your name is shown to the facilitator and saved with your post-its in the workshop's "
                     "project file. You can also join without a name.")


# -- bidi controls ------------------------------------------------------------------------------------
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


async def test_bidi_controls_are_refused_in_names_and_postits_but_emoji_joiners_kept(served) -> None:
    world, phone = await served()
    eva = phone()
    for control in BIDI:
        assert await eva.join(f"Eva{control}evil") == 400
    _, page, _ = await eva.get("/", c=eva.code)
    status, text, _ = await eva.post("/join", {"c": eva.code, "csrf": CSRF.findall(page)[0], "name": "Eva\u202eevil"})
    assert status == 400 and "usynligt tegn, der vender tekst om (U+202E)" in text
    assert _inputs(text)["name"]["value"] == "Eva\u202eevil"  # kept as typed, to correct
    assert world.room.participants == {}
    assert await eva.join("Eva \U0001F469\u200D\U0001F4BB") == 303  # a ZWJ emoji
    for control in BIDI:
        status, text, _ = await eva.send(f"Idé {control}kcab")
        assert status == 400 and "vender tekst om" in text, ascii(control)
    assert postits(world) == [] and world.session.undo_steps() == []
    assert (await eva.send("Familie \U0001F468\u200D\U0001F469\u200D\U0001F467"))[0] == 303
    assert [p.author for p in postits(world)] == ["Eva \U0001F469\u200D\U0001F4BB"]


# -- the phone's own words ------------------------------------------------------------------------------
async def test_vote_refusals_speak_to_the_person_on_the_phone(served) -> None:
    world, phone = await served()
    carla = phone()
    await carla.join("Carla")
    world.host.live_round = VotingRound([], IDEAS, 1, 1)

    async def vote(idea: str, op: str) -> tuple[int, str]:
        status, text, _ = await carla.post("/vote", {"c": carla.code, "csrf": carla.csrf, "idea": idea, "op": op},
                                           as_json=True)
        return status, json.loads(text).get("error", "")

    assert await vote(IDEAS[0], "take") == (409, "Du har ingen prik på den idé")
    assert (await vote(IDEAS[0], "give"))[0] == 200
    assert await vote(IDEAS[0], "give") == (409, "Du har ikke flere prikker: højst 1 i alt")
    world.host.result = world.host.live_round.reveal()
    assert (await vote(IDEAS[1], "give"))[0] == 409
    world.host.result = None
    world.host.live_round = VotingRound([], IDEAS, 3, 1)
    assert (await vote(IDEAS[0], "give"))[0] == 200
    status, text = await vote(IDEAS[0], "give")
    assert (status, text) == (409, "Du kan højst give 1 prik til samme idé") and "Carla" not in text


# -- cookies ------------------------------------------------------------------------------------------
async def test_the_participant_cookie_lasts_a_workshop_day(served) -> None:
    _, phone = await served()
    anna = phone()
    _, page, _ = await anna.get("/", c=anna.code)
    _, _, response = await anna.post("/join", {"c": anna.code, "csrf": CSRF.findall(page)[0], "name": "Anna"})
    [header] = [h for h in response.headers.getall("Set-Cookie") if h.startswith(COOKIE + "=")]
    parts = {part.strip().split("=")[0].lower(): part.strip() for part in header.split(";")}
    assert parts["max-age"] == "Max-Age=43200"
    assert "httponly" in parts and parts["samesite"] == "SameSite=Strict" and parts["path"] == "Path=/"


# -- a refused join keeps the name; the last resort ---------------------------------------------------
async def test_a_refused_join_keeps_the_name_typed(served) -> None:
    world, phone = await served()
    anna = phone()
    _, page, _ = await anna.get("/", c=anna.code)
    long_name = "Anna " + "x" * 70
    status, text, _ = await anna.post("/join", {"c": anna.code, "csrf": CSRF.findall(page)[0], "name": long_name})
    assert status == 400 and "Navnet må højst være 60 tegn" in text and _inputs(text)["name"]["value"] == long_name
    assert "code" not in _inputs(text) and _inputs(text)["c"]["type"] == "hidden"  # the right code stays hidden
    status, text, _ = await anna.post("/join", {"c": anna.code, "csrf": "0" * 32, "name": "Anna B"})
    assert status == 403 and "Formularen er for gammel" in text and _inputs(text)["name"]["value"] == "Anna B"
    status, _, _ = await anna.post("/join", {"c": anna.code, "csrf": CSRF.findall(text)[0], "name": "Anna B"})
    assert status == 303 and [p.name for p in world.room.participants.values()] == ["Anna B"]


async def test_when_even_our_error_page_fails_the_phone_gets_our_fixed_words(served, monkeypatch) -> None:
    _, phone = await served()
    anna = phone()

    def broken(*_: object, **__: object) -> str:
        raise RuntimeError("the templates broke")

    monkeypatch.setattr(web_server.pages, "render", broken)
    for path, params in (("/", {"c": anna.code}), ("/", {}), ("/room", {"c": "WRONG"})):
        status, text, response = await anna.get(path, **params)
        assert status == 500 and response.content_type == "text/plain", path
        assert text == "Noget gik galt hos facilitatoren. Prøv igen.\nSomething went wrong on the facilitator's side. Try again.\n"
        assert "Server got itself in trouble" not in text and "Internal Server Error" not in text
        assert_secure(response)
    assert "the templates broke" in web_server.ERRORS.records[-1]


# -- a workshop day with phones (issue 14, tester's notes) -----------------------------------------
async def test_join_reloaded_or_restored_goes_back_to_the_join_form(served) -> None:
    """GET /join (a phone reloading after joining, or restoring its tabs) is no dead end."""
    world, phone = await served()
    bo, anna = phone(), phone()
    status, _, response = await bo.get("/join", c=world.room.code)
    assert status == 303 and response.headers["Location"] == f"/?c={world.room.code}"
    status, page, _ = await bo.get("/", c=world.room.code)
    assert status == 200 and CSRF.findall(page)  # the join form, ready to join
    for query in ({}, {"c": "WRONGWRONG"}):  # no code, or a wrong one: the form that asks for it
        status, _, response = await bo.get("/join", **query)
        assert status == 303 and response.headers["Location"] == "/", query
    assert await anna.join("Anna") == 303  # joined: the join link goes on to the room
    status, _, response = await anna.get("/join", c=world.room.code)
    assert status == 303 and response.headers["Location"] == f"/?c={world.room.code}"
    status, _, response = await anna.get("/", c=world.room.code)
    assert status == 303 and response.headers["Location"] == f"/room?c={world.room.code}"
    assert [p.name for p in world.room.participants.values()] == ["Anna"]


async def test_a_taken_name_is_said_as_a_calm_note_never_as_an_alert(served) -> None:
    """The second Birthe is told her name, but not in the red alert box every page of the day."""
    world, phone = await served()
    first, second = phone(), phone()
    assert await first.join("Birthe") == 303 and await second.join("Birthe") == 303
    tree = html5lib.parse(await second.room(), namespaceHTMLElements=False)
    said = "En anden deltager hedder allerede Birthe; du vises som Birthe (2)."
    [note] = [e for e in tree.iter("p") if said in "".join(e.itertext())]
    assert "note" in note.get("class", "").split() and "notice" not in note.get("class", "").split()
    assert note.get("role") == "status"
    [alert] = [e for e in tree.iter() if e.get("role") == "alert"]  # kept for the script's errors
    assert alert.get("id") == "notice" and "hidden" in alert.attrib and not "".join(alert.itertext()).strip()


async def test_tied_ideas_share_their_place_on_the_phone_as_in_the_summary(served) -> None:
    world, phone = await served()
    world.host.live_round = VotingRound([], IDEAS, 2, 1)
    anna, bo = phone(), phone()
    await anna.join()
    await bo.join("Bo")
    assert await anna.vote(IDEAS[0]) == 303 and await bo.vote(IDEAS[1]) == 303
    world.host.result = world.host.live_round.reveal()
    tree = html5lib.parse(await anna.room(), namespaceHTMLElements=False)
    places = [li.get("value") for ol in tree.iter("ol") if ol.get("class") == "result" for li in ol.iter("li")]
    assert places == ["1", "1", "3"]  # two ideas with one dot each share first place

"""What every page of the room holds and sends, over real HTTP (a server on 127.0.0.1, aiohttp's
client as phones; see tests/room_helpers): the security headers on every response, our own words
for every error (and fixed words when even our error page fails), nothing of the project but the
running activity, no inline script or style, and the page in the project's language."""

from __future__ import annotations

import html5lib

from borgerspil_tui.core.workshop_vote import VotingRound
from borgerspil_tui.web import server as web_server
from tests.room_helpers import OBSERVATION, QUOTE, TEAM_NAME, assert_secure, scripts_of, served  # noqa: F401 - a fixture
from tests.test_room_core import IDEAS


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


# -- what a page holds --------------------------------------------------------------------------
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


async def test_the_page_in_english_when_the_project_is(served) -> None:
    _, phone = await served(language="en", anonymous=True)
    anna = phone()
    status, text, _ = await anna.get("/", c=anna.code)
    assert status == 200 and 'lang="en"' in text and "Join the workshop" in text and "Join without a name" in text
    assert "Ask the facilitator for the new code" in (await anna.get("/room", c="NOPE"))[1]
    await anna.join("Anna")
    assert "You take part as Anna" in await anna.room() and "Your post-it" in await anna.room()

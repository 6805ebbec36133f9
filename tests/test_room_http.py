"""The phone page over real HTTP (a server on 127.0.0.1, aiohttp's client as phones; see
tests/room_helpers), against a real session on the example with a running workshop: post and vote —
and hostile participants: missing form tokens, oversized bodies, bursts, markup in post-its, bidi
controls, votes beyond the allowance or after the reveal. Each refused with a clear status, our
words, and nothing stored. Joining and the code: tests/test_room_join; what every page holds and
sends: tests/test_room_pages."""

from __future__ import annotations

import asyncio
import json

import html5lib

from borgerspil_tui.core.room import Limits
from borgerspil_tui.core.workshop_vote import VotingRound
from borgerspil_tui.web.handlers import COOKIE, PRE_COOKIE
from tests.room_helpers import CSRF, assert_secure, input_fields, scripts_of, served  # noqa: F401 - a fixture
from tests.test_room_core import IDEAS, postits


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


async def test_no_postit_when_no_capture_activity_runs(served) -> None:
    world, phone = await served(timer=False)
    anna = phone()
    await anna.join()
    assert "Venter på næste aktivitet" in await anna.room()
    anna.csrf = world.room.csrf(anna.key)  # as on a page left open from the last capture activity
    status, text, _ = await anna.send("Idé")
    assert status == 409 and "Der indsamles ikke post-its lige nu" in text and postits(world) == []


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
    assert input_fields(text)["name"]["value"] == "Eva\u202eevil"  # kept as typed, to correct
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

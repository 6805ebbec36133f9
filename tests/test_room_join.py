"""Joining the room over real HTTP (a server on 127.0.0.1, aiohttp's client as phones; see
tests/room_helpers): the join code — wrong, missing, old, typed by hand, guessed — the name — refused
for control characters, kept when a join is refused, taken, anonymous only when allowed — the
participant cookie, and the join link opened again. Each refusal with a clear status, our words,
and nothing stored."""

from __future__ import annotations

import json

import html5lib

from borgerspil_tui.core.room import JOIN_BURST, Limits
from borgerspil_tui.web.handlers import COOKIE
from tests.room_helpers import CSRF, OBSERVATION, QUOTE, TEAM_NAME, input_fields, served  # noqa: F401 - a fixture
from tests.test_room_core import IDEAS, postits


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


# -- joining again: the join link, a reload, the cookie -----------------------------------------
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


async def test_the_participant_cookie_lasts_a_workshop_day(served) -> None:
    _, phone = await served()
    anna = phone()
    _, page, _ = await anna.get("/", c=anna.code)
    _, _, response = await anna.post("/join", {"c": anna.code, "csrf": CSRF.findall(page)[0], "name": "Anna"})
    [header] = [h for h in response.headers.getall("Set-Cookie") if h.startswith(COOKIE + "=")]
    parts = {part.strip().split("=")[0].lower(): part.strip() for part in header.split(";")}
    assert parts["max-age"] == "Max-Age=43200"
    assert "httponly" in parts and parts["samesite"] == "SameSite=Strict" and parts["path"] == "Path=/"


# -- the name -----------------------------------------------------------------------------------
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


async def test_the_join_page_says_the_name_is_kept(served) -> None:
    world, phone = await served()
    anna = phone()
    page = (await anna.get("/", c=anna.code))[1]
    note = "Navnet vises for facilitatoren og gemmes med dine post-its i workshoppens projektfil."
    assert note in page and "uden navn" not in page and input_fields(page)["name"]["aria-describedby"] == "name-note"
    world.room.allow_anonymous = True
    assert f"{note} Du kan også deltage uden navn." in (await anna.get("/"))[1]
    _, phone = await served(language="en", anonymous=True)
    tree = html5lib.parse((await phone().get("/"))[1], namespaceHTMLElements=False)
    [shown] = [p.text for p in tree.iter("p") if p.get("id") == "name-note"]
    assert shown == ("Your name is shown to the facilitator and saved with your post-its in the workshop's "
                     "project file. You can also join without a name.")


async def test_a_refused_join_keeps_the_name_typed(served) -> None:
    world, phone = await served()
    anna = phone()
    _, page, _ = await anna.get("/", c=anna.code)
    long_name = "Anna " + "x" * 70
    status, text, _ = await anna.post("/join", {"c": anna.code, "csrf": CSRF.findall(page)[0], "name": long_name})
    fields = input_fields(text)
    assert status == 400 and "Navnet må højst være 60 tegn" in text and fields["name"]["value"] == long_name
    assert "code" not in fields and fields["c"]["type"] == "hidden"  # the right code stays hidden
    status, text, _ = await anna.post("/join", {"c": anna.code, "csrf": "0" * 32, "name": "Anna B"})
    assert status == 403 and "Formularen er for gammel" in text and input_fields(text)["name"]["value"] == "Anna B"
    status, _, _ = await anna.post("/join", {"c": anna.code, "csrf": CSRF.findall(text)[0], "name": "Anna B"})
    assert status == 303 and [p.name for p in world.room.participants.values()] == ["Anna B"]


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


# -- the join form by the typed address (no code in it) -----------------------------------------
async def test_the_bare_address_asks_for_the_code_and_shows_nothing_of_the_project(served) -> None:
    world, phone = await served()
    anna = phone()
    await anna.join("Anna Ankersen")
    await anna.send("Annas hemmelige idé")
    bo = phone()
    status, page, _ = await bo.get("/")
    assert status == 200
    code = input_fields(page)["code"]
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
    inputs = input_fields(text)
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
                for n in range(JOIN_BURST + 3)]
    assert statuses == [403] * JOIN_BURST + [429] * 3  # the burst (a class joining at once), then the rate
    status, text, response = await mallory.post("/join", {"c": world.room.code, "csrf": token, "name": "M"})
    assert status == 429 and response.headers["Retry-After"] and "For mange på én gang" in text
    assert input_fields(text)["name"]["value"] == "M"  # the form again, as typed
    assert world.room.participants == {}
    world.tick.seconds += 2
    assert (await mallory.post("/join", {"c": world.room.code, "csrf": token, "name": "M"}))[0] == 303

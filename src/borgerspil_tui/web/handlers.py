"""The phone page's routes (issue 14): join, the room's page, post-its, dots and the state the
page's script polls. Every request shows the join code (``c``: in the query, or a form field on
a POST) — but the join form, which asks for it when the address was typed without it (and shows
nothing of the project); every form carries a CSRF token; the participant is known by an
HttpOnly cookie.

Without JavaScript each form answers with a 303 back to ``/room``; a request that asks for JSON
(``Accept: application/json``, as the page's script does) gets JSON instead.
"""

from __future__ import annotations

import asyncio
import codecs
import secrets
from typing import Any, NoReturn
from urllib.parse import unquote_to_bytes

from aiohttp import web
from multidict import MultiDictProxy

from borgerspil_tui.core.i18n import Message, tr
from borgerspil_tui.core.room import (
    CODE_LENGTH,
    NAME_LIMIT,
    Participant,
    Room,
    RoomRefused,
)
from borgerspil_tui.core.room_host import RoomHost
from borgerspil_tui.web import pages

COOKIE = "borgerspil_p"
"""The participant's secret key (HttpOnly, SameSite=Strict, for :data:`COOKIE_AGE`)."""
COOKIE_AGE = 12 * 3600
"""Seconds the cookies last (a workshop day; a phone's browser restarting keeps its participant)."""
NAME_KEPT, CODE_KEPT = 4 * NAME_LIMIT, 4 * CODE_LENGTH
"""The most of a refused join's name and code put back into the form."""
PRE_COOKIE = "borgerspil_pre"
"""A random value set before joining; the join form's CSRF token is bound to it."""
BACK: Any = web.RequestKey("back", str) if hasattr(web, "RequestKey") else "back"
"""Where a refusal's page links back to (set once the request showed the right code)."""
BODY_SECONDS = 10.0
"""How long a form's body may take to arrive (a phone sends a post-it in well under a second)."""
IDEA_LIMIT = 100
"""The longest idea id taken in a vote (ids are much shorter)."""


def wants_json(request: web.BaseRequest) -> bool:
    """Whether the page's script (not a plain form) asked."""
    return "application/json" in request.headers.get("Accept", "")


def field(form: MultiDictProxy[Any], name: str) -> str | None:
    """A form field as text (a file sent instead is no text: None)."""
    value = form.get(name)
    return value if isinstance(value, str) else None


def check_urlencoded(body: bytes, charset: str) -> None:
    """Raise UnicodeDecodeError when a name or value of a urlencoded ``body`` is not text in
    ``charset`` once its %-escapes are undone (aiohttp would keep "\ufffd" for each bad byte)."""
    for pair in body.split(b"&"):
        for part in pair.split(b"=", 1):
            unquote_to_bytes(part.replace(b"+", b" ")).decode(charset)


async def read_form(request: web.Request) -> MultiDictProxy[Any]:
    """The request's form; a body that is no form we can read (an unknown charset, bytes that
    are not text, broken multipart) is refused with our words (400), never aiohttp's 500."""
    try:
        async with asyncio.timeout(BODY_SECONDS):
            return await _form(request)
    except TimeoutError:  # a body sent slowly holds the connection: refused, then closed by aiohttp
        raise refused("room.page.too_slow", 408) from None


async def _form(request: web.Request) -> MultiDictProxy[Any]:
    try:
        charset = request.charset or "utf-8"
        codecs.lookup(charset)
        if request.content_type == "application/x-www-form-urlencoded":
            check_urlencoded(await request.read(), charset)
        return await request.post()
    except (web.HTTPException, ConnectionError):
        raise  # too large (413), or the phone gone
    except Exception:  # noqa: BLE001 — LookupError, UnicodeDecodeError, aiohttp's InvalidHeader, no boundary …
        raise refused("room.page.bad_body", 400) from None


def refused(message: str, status: int = 403) -> RoomRefused:
    """A refusal with one of the page's own texts (``message`` a key)."""
    return RoomRefused(Message(message), status)


class PhonePage:
    """The handlers, over one ``room`` and its ``host`` (the open project)."""

    def __init__(self, room: Room, host: RoomHost) -> None:
        self.room = room
        self.host = host

    @property
    def lang(self) -> str:
        """The project's language (read each time: the facilitator may change it)."""
        return self.host.session.project.language

    def routes(self, app: web.Application) -> None:
        """Add the routes to ``app``."""
        app.router.add_get("/", self.index)
        app.router.add_post("/join", self.join)
        app.router.add_get("/join", self.join_again)
        app.router.add_get("/room", self.page)
        app.router.add_post("/postit", self.postit)
        app.router.add_post("/vote", self.vote)
        app.router.add_get("/state.json", self.state)
        app.router.add_get("/favicon.ico", self.no_icon)

    # -- checks --------------------------------------------------------------------------------
    def code(self, request: web.Request, form: MultiDictProxy[Any] | None = None) -> str:
        """The room's code when the request shows it (constant-time compare), else refused (403).
        A joined phone that shows it is in (again, after a new code: the same person)."""
        given = field(form, "c") if form is not None else None
        if not self.room.code_ok(given or request.query.get("c")):
            raise refused("room.page.bad_code")
        request[BACK] = f"/room?c={self.room.code}"  # a refusal's page links back
        participant = self.participant(request)
        if participant is not None:
            self.room.showed_code(participant)
        return self.room.code

    def participant(self, request: web.Request) -> Participant | None:
        """The phone's participant (its cookie), or None."""
        return self.room.find(request.cookies.get(COOKIE))

    def joined(self, request: web.Request, form: MultiDictProxy[Any]) -> Participant:
        """The participant whose form this is: joined, with the form's CSRF token (else 403)."""
        participant = self.participant(request)
        if participant is None:
            raise refused("room.page.not_joined")
        if not self.room.csrf_ok(participant.key, field(form, "csrf")):
            raise refused("room.page.bad_form")
        return participant

    def to_room(self, code: str) -> NoReturn:
        """Back to the room's page (after a plain form)."""
        raise web.HTTPSeeOther(f"/room?c={code}")

    # -- pages ---------------------------------------------------------------------------------
    def join_form(self, request: web.Request, *, code_right: bool, notice: str = "", status: int = 200,
                  name: str = "", typed: str = "", headers: dict[str, str] | None = None) -> web.Response:
        """The join form (a code field unless the code was right, the name as typed), with a
        form token bound to the phone's pre-join cookie (set here when missing)."""
        pre = request.cookies.get(PRE_COOKIE)
        if not pre or len(pre) > 64:
            pre = secrets.token_urlsafe(18)
        page = pages.join_page(self.lang, self.room.code if code_right else None, self.room.csrf("pre:" + pre),
                               self.room.allow_anonymous, notice=notice, name=name, typed_code=typed)
        response = web.Response(text=page, status=status, content_type="text/html", headers=headers)
        response.set_cookie(PRE_COOKIE, pre, max_age=COOKIE_AGE, httponly=True, samesite="Strict", path="/")
        return response

    async def index(self, request: web.Request) -> web.Response:
        """The join form — with a field for the code when the address came without it (typed off
        the share screen) or with a wrong one — or straight on to the room for a phone that
        already joined and shows the right code. Nothing of the project is on this page."""
        given = request.query.get("c")
        if not self.room.code_ok(given):
            if not given:
                return self.join_form(request, code_right=False)
            return self.join_form(request, code_right=False, notice=self.said("room.page.bad_code"), status=403)
        if self.participant(request) is not None:
            self.to_room(self.room.code)
        return self.join_form(request, code_right=True)

    async def join_again(self, request: web.Request) -> NoReturn:
        """``/join`` reloaded or restored by the phone's browser (a GET, not the form): to the join
        form — with the code when the address shows the right one (a joined phone goes on to the
        room from there), else the bare form that asks for it."""
        raise web.HTTPSeeOther(f"/?c={self.room.code}" if self.room.code_ok(request.query.get("c")) else "/")

    async def join(self, request: web.Request) -> web.Response:
        """A new participant with the name typed (or none), then the room's page. Every try takes
        a join token of the address first (a wrong code too: guessing the code stays bounded);
        a refusal shows the form again with our words and what was typed."""
        form = await read_form(request)
        name, typed = field(form, "name") or "", field(form, "c") or ""
        code_right = self.room.code_ok(typed or request.query.get("c"))
        try:
            if not self.room.may_join(request.remote or "?"):
                raise web.HTTPTooManyRequests(headers={"Retry-After": "2"})
            pre = request.cookies.get(PRE_COOKIE)
            if not pre or not self.room.csrf_ok("pre:" + pre, field(form, "csrf")):
                raise refused("room.page.bad_form")
            code = self.code(request, form)
            if self.participant(request) is not None:
                self.to_room(code)
            participant = self.host.join("" if field(form, "anonymous") else name, request.remote or "?")
        except RoomRefused as refusal:
            if wants_json(request):
                raise
            return self.join_form(request, code_right=code_right, notice=refusal.message.text(self.lang),
                                  status=refusal.status, name=name[:NAME_KEPT], typed=typed[:CODE_KEPT])
        except web.HTTPTooManyRequests as limited:
            if wants_json(request):
                raise
            return self.join_form(request, code_right=code_right, notice=self.said("room.page.too_many"),
                                  status=429, name=name[:NAME_KEPT], typed=typed[:CODE_KEPT],
                                  headers={"Retry-After": limited.headers.get("Retry-After", "2")})
        response = (web.json_response({"ok": True, "next": f"/room?c={code}", "name": participant.name,
                                       "notice": self.renamed(participant)}) if wants_json(request)
                    else web.Response(status=303, headers={"Location": f"/room?c={code}"}))
        response.set_cookie(COOKIE, participant.key, max_age=COOKIE_AGE, httponly=True, samesite="Strict", path="/")
        return response

    def renamed(self, participant: Participant) -> str:
        """What the phone is told when its name was taken ("you are shown as Anna (2)"), or ""."""
        if participant.name == participant.asked:
            return ""
        return tr(self.lang, "room.page.renamed", asked=participant.asked, name=participant.name)

    def said(self, key: str) -> str:
        """One of the page's texts in the project's language."""
        return tr(self.lang, key)

    async def page(self, request: web.Request) -> web.Response:
        """The room's page for what runs now; to the join form for a phone not joined."""
        code = self.code(request)
        participant = self.participant(request)
        if participant is None:
            raise web.HTTPSeeOther(f"/?c={code}")
        text = pages.room_page(self.host, participant, code, self.room.csrf(participant.key),
                               notice=self.renamed(participant))
        return web.Response(text=text, content_type="text/html")

    async def state(self, request: web.Request) -> web.Response:
        """What the page's script needs: mode, title, time left, paused (dots left when voting)."""
        self.code(request)
        participant = self.participant(request)
        found = pages.state(self.host, participant)
        if "left" in found:
            found["left_text"] = pages.left_text(self.host, participant, self.lang)
        return web.json_response(found)

    async def no_icon(self, request: web.Request) -> web.Response:
        """No icon (browsers ask for one): nothing, rather than a 404 in the console."""
        return web.Response(status=204)

    # -- forms ---------------------------------------------------------------------------------
    async def postit(self, request: web.Request) -> web.Response:
        """A post-it from the phone, into the running capture activity (one undoable step)."""
        form = await read_form(request)
        code = self.code(request, form)
        participant = self.joined(request, form)
        if not self.room.may_post(participant):
            raise web.HTTPTooManyRequests(headers={"Retry-After": "1"})
        self.host.post(participant, field(form, "text") or "")
        if wants_json(request):
            texts, more = pages.own_postits(self.host, participant, self.lang)  # the latest only: a small answer
            return web.json_response({"ok": True, "postits": texts} | ({"more": more} if more else {}))
        return self.to_room(code)

    async def vote(self, request: web.Request) -> web.Response:
        """One of the phone's dots given to an idea (``op=give``) or taken back (``op=take``)."""
        form = await read_form(request)
        code = self.code(request, form)
        participant = self.joined(request, form)
        idea, op = field(form, "idea"), field(form, "op")
        if not idea or len(idea) > IDEA_LIMIT or op not in ("give", "take"):
            raise refused("room.page.bad_vote", 400)
        if op == "give":
            self.host.give(participant, idea)
        else:
            self.host.take_back(participant, idea)
        if wants_json(request):
            return web.json_response({"ok": True, "own": self.host.own_dots(participant),
                                      "left_text": pages.left_text(self.host, participant, self.lang)})
        return self.to_room(code)

"""The phone page's HTML, rendered with Jinja2 and autoescaping (every value is text, never
markup), in the project's language; and the small JSON answers the page's script reads.

Only a :class:`~borgerspil_tui.core.room_host.PhoneView`'s fields, the participant's own name,
own post-its and own dots are ever put on a page — nothing else of the project.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from borgerspil_tui.core.i18n import tr
from borgerspil_tui.core.room import CODE_LENGTH, NAME_LIMIT, Participant
from borgerspil_tui.core.room_host import PhoneView, RoomHost
from borgerspil_tui.core.workshop_capture import LINE_LIMIT
from borgerspil_tui.core.workshop_timer import clock_text

SHOWN_POSTITS = 50
"""A phone's page and its post-it answers list at most this many of its own post-its (the latest)."""


@cache
def environment() -> Environment:
    """The templates' environment (autoescape on for every template, unknown names an error;
    each template read once, never again from disk while the app runs)."""
    return Environment(loader=PackageLoader("borgerspil_tui.web", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       auto_reload=False)  # a package updated mid-workshop must not change the pages


def render(template: str, lang: str, /, **values: Any) -> str:
    """The template ``template`` filled with ``values``; ``t(key, **v)`` gives our texts in ``lang``."""
    def t(key: str, **fields: object) -> str:
        return tr(lang, key, **fields)

    return environment().get_template(template).render(lang=lang, t=t, **values)


def time_text(view: PhoneView) -> str:
    """The time left as ``mm:ss`` (empty when no activity runs)."""
    return "" if view.seconds_left is None else clock_text(view.seconds_left)


def state(host: RoomHost, participant: Participant | None) -> dict[str, Any]:
    """What the page's script needs to keep the page current without a reload."""
    view = host.view()
    found: dict[str, Any] = {"mode": view.mode, "title": view.title, "seconds_left": view.seconds_left,
                             "time": time_text(view), "paused": view.paused}
    if view.mode == "vote" and participant is not None:
        found["left"] = host.left(participant)
    return found


def left_text(host: RoomHost, participant: Participant, lang: str) -> str:
    """How many dots the participant has left, of how many (in the live round)."""
    total = host.live_round.dots_per_person if host.live_round is not None else 0
    return tr(lang, "room.page.dots_left", left=host.left(participant), total=total)


def own_postits(host: RoomHost, participant: Participant, lang: str) -> tuple[list[str], str]:
    """The texts of the participant's latest :data:`SHOWN_POSTITS` post-its, and "and N more"
    when they sent more (else "")."""
    latest, more = host.latest_own(participant, SHOWN_POSTITS)
    return [p.text for p in latest], tr(lang, "room.page.more_postits", count=more) if more else ""


def room_page(host: RoomHost, participant: Participant, code: str, token: str, notice: str = "") -> str:
    """The participant's page for what runs now (wait, capture, vote or result)."""
    view = host.view()
    lang = host.session.project.language
    values: dict[str, Any] = {"view": view, "code": code, "csrf": token, "name": participant.name,
                              "time": time_text(view), "notice": notice, "postits": [], "own": {}, "left": 0,
                              "limit": LINE_LIMIT, "more": ""}
    if view.mode == "capture":
        values["postits"], values["more"] = own_postits(host, participant, lang)
    if view.mode == "vote":
        values["own"] = host.own_dots(participant)
        values["left"] = left_text(host, participant, lang)
    return render("room.html", lang, **values)


def join_page(lang: str, code: str | None, token: str, allow_anonymous: bool, notice: str = "", name: str = "",
              typed_code: str = "") -> str:
    """The join form: a name (or none, when the facilitator allows it), and a field for the join
    code when ``code`` is None (the address typed without it, or a wrong code: ``typed_code`` is
    put back). Nothing of the project is on it."""
    return render("join.html", lang, code=code, csrf=token, anonymous=allow_anonymous, notice=notice, name=name,
                  typed_code=typed_code, code_limit=4 * CODE_LENGTH, name_limit=NAME_LIMIT)


def ended_page(lang: str) -> str:
    """The room is over: the workshop has ended, thank you (no link: the code opens nothing any more)."""
    return render("ended.html", lang)


def refused_page(lang: str, message: str, back: str | None = None) -> str:
    """A refusal in our words, with a way back when the code was right."""
    return render("refused.html", lang, message=message, back=back)

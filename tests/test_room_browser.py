"""The phone page in a real browser (issue 14): headless Chromium (Debian's, driven by Playwright's
async API in the test's own loop) at a phone's viewport, against the server of a Pilot-driven app
that shares its workshop on loopback (port 0).

The journey as a room has it: a phone joins with a name by the QR code's address, sees the running
activity's question and time, types a post-it and sends it; the facilitator's app has it (project
and post-its screen); a second phone never sees the first's post-its; a phone without JavaScript
joins and posts with plain forms. The facilitator opens a voting round: the phones show the ideas
without a reload, give dots with the + buttons, are refused beyond their dots (the notice says so),
see only their own dots; the facilitator reveals and the phones show the ranked result. All the
way: no console error, no script error, no CSP violation, nothing asked of any address but the app's.
Last, a new join code (``k`` on the share screen) locks the open pages out, and the phone says so;
``s`` stops sharing and the open page says the workshop has ended.

Skipped, with the reason, when Playwright or Chromium is missing."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
from borgerspil_tui.core.room import Limits
from borgerspil_tui.core.storage import load_project, save_project
from borgerspil_tui.web.server import start_server
from tests.app_helpers import SIZE, FakeClock, goto, make_app, screen_text, until
from tests.conftest import EXAMPLE
from tests.test_room_core import make_world, postits

pytestmark = pytest.mark.xdist_group("chromium")  # one browser at a time on a small machine

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
                         "device_scale_factor": 2, "locale": "da-DK"}
START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
QUESTION = "Hvordan får borgeren hjælpemidlet hurtigere?"
WAIT = 30_000
"""Milliseconds a page may take to show what it should (its script polls every 2 s; a busy machine is slow)."""
LAUNCH = 120_000
"""Milliseconds Chromium may take to start on a busy machine (Playwright's 30 s would skip the test)."""


def _project(tmp_path: Path) -> Path:
    """The example with a workshop whose brainstorm (into the ideas) started 5 of its 20 minutes ago."""
    path = tmp_path / "rum.borgerspil.yaml"
    shutil.copyfile(EXAMPLE, path)
    loaded = load_project(path)
    project = loaded.project
    project.workshops.append(Workshop(id="workshop-rum", title="Idédag", agenda=[
        Activity(id="activity-brain", title="Brainstorm", minutes=20, target="ideas", question=QUESTION),
        Activity(id="activity-talk", title="Opsamling")], timer=TimerState(activity="activity-brain", started=START)))
    save_project(path, project, loaded.fingerprint)
    return path


def _playwright() -> Any:
    """Playwright's async API, or a skip saying what is missing."""
    try:
        from playwright.async_api import async_playwright
    except ImportError as error:
        pytest.skip(f"the browser test needs Playwright (pip install playwright): {error}")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"the browser test needs Chromium at {CHROMIUM} (apt-get install chromium)")
    return async_playwright


@asynccontextmanager
async def chromium() -> AsyncIterator[Any]:
    """Debian's Chromium, headless (never a downloaded browser)."""
    async with _playwright()() as driver:
        try:
            browser = await driver.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=LAUNCH)
        except Exception as error:  # noqa: BLE001 - an unusable browser is the machine's, not the app's
            pytest.skip(f"Chromium at {CHROMIUM} did not start under Playwright: {error}")
        try:
            yield browser
        finally:
            await browser.close()


class Phone:
    """One phone: its own browser context (cookies), a page, and what the page did wrong."""

    def __init__(self, context: Any, page: Any, origin: str) -> None:
        self.context, self.page, self.origin = context, page, origin
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("request", lambda request: None if request.url.startswith(origin) else self.outside.append(request.url))

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"{message.type}: {message.text}")

    @classmethod
    async def open(cls, browser: Any, origin: str, *, script: bool = True) -> Phone:
        context = await browser.new_context(**PHONE, java_script_enabled=script)
        return cls(context, await context.new_page(), origin)

    async def join(self, url: str, name: str) -> None:
        """Open the QR code's address, type the name, tap the join button: the room's page."""
        page = self.page
        await page.goto(url)
        await page.locator("#name").tap()
        await page.keyboard.type(name)
        await page.locator("form.join button").first.tap()
        await page.wait_for_url("**/room?c=*", timeout=WAIT)

    async def post(self, text: str) -> None:
        """Type a post-it with the keyboard and send it with the button."""
        await self.page.locator("#text").tap()
        await self.page.keyboard.type(text)
        await self.page.locator("form.postit button").tap()

    async def submit(self, button: Any) -> None:
        """Tap a plain form's button and wait for the page the server sends back (a 303 to /room)."""
        async with self.page.expect_navigation(url="**/room?c=*", timeout=WAIT):
            await button.tap()

    async def own_dots(self) -> list[str]:
        return await self.page.locator("li.idea .own").all_inner_texts()

    def unexpected(self) -> list[str]:
        """Console messages besides the browser's note of a refusal the page says in our words (a
        vote beyond the rules: 409; a poll after a new code: 403; a poll after sharing stopped:
        connection refused)."""
        expected = ("status of 409", "status of 403", "ERR_CONNECTION_REFUSED")
        return [e for e in self.errors if not any(said in e for said in expected)]


async def test_phones_join_post_and_vote_while_the_app_shows_it(tmp_path: Path) -> None:
    app = make_app(_project(tmp_path))
    app.clock = FakeClock(START + dt.timedelta(minutes=5))
    async with app.run_test(size=SIZE) as pilot, chromium() as browser:
        assert await app.start_sharing(bind="127.0.0.1", port=0)
        sharing = app.sharing
        host, url = app.room_host(), sharing.join_url()
        origin = f"http://127.0.0.1:{sharing.server.port}/"
        assert url.startswith(origin)
        workshop = app.session.project.workshops[-1]
        await goto(pilot, "workshop")
        app.screen.query_one("#items").focus()
        await pilot.press("l")  # the facilitator watches the post-its arrive
        await pilot.pause()
        assert app.screen.NAME == "postits"

        # -- a phone joins and posts --------------------------------------------------------------
        ida = await Phone.open(browser, origin)
        loop = asyncio.get_running_loop()
        opened = loop.time()
        await ida.join(url, "Ida")
        page = ida.page
        assert await page.locator("body").get_attribute("data-mode") == "capture"
        assert await page.locator("h1").inner_text() == "Brainstorm"
        assert await page.locator(".question").inner_text() == QUESTION
        shown = await page.locator("#time").inner_text()
        minutes, seconds = shown.split(":")
        counted = 15 * 60 - (int(minutes) * 60 + int(seconds))  # the page counts down between polls by itself
        assert 0 <= counted <= loop.time() - opened + 1, shown  # the fake clock's 15 min, however slow the machine
        assert "Ida" in await page.locator(".who").inner_text()
        first = "Hent <b>selv</b> [bold]i[/] depotet & spar tid"
        await ida.post(first)
        await page.locator("#postits li").first.wait_for(timeout=WAIT)
        assert await page.locator("#postits li").all_inner_texts() == [first]  # as typed: text, never markup
        assert await page.locator("#postits b").count() == 0
        assert await page.locator("#text").input_value() == ""  # emptied for the next one
        assert [(p.text, p.author, p.state, p.activity) for p in workshop.postits] == [
            (first, "Ida", "new", "activity-brain")]
        await until(pilot, lambda: first in screen_text(app))

        # -- a second phone sees only its own --------------------------------------------------------
        bo = await Phone.open(browser, origin)
        await bo.join(url, "Bo")
        assert await bo.page.locator("#postits li").count() == 0
        assert await bo.page.locator("#no-postits").is_visible()
        assert "depotet" not in await bo.page.content()
        await bo.post("Sms når hjælpemidlet er på vej")
        await bo.page.locator("#postits li").first.wait_for(timeout=WAIT)
        assert await bo.page.locator("#postits li").all_inner_texts() == ["Sms når hjælpemidlet er på vej"]
        await page.reload()
        assert await page.locator("#postits li").all_inner_texts() == [first]

        # -- a phone without JavaScript: plain forms ----------------------------------------------
        cai = await Phone.open(browser, origin, script=False)
        await cai.join(url, "Cai")
        await cai.page.locator("#text").fill("Fast kontaktperson")
        await cai.submit(cai.page.locator("form.postit button"))
        assert await cai.page.locator("#postits li").all_inner_texts() == ["Fast kontaktperson"]
        assert [(p.author, p.text) for p in workshop.postits][1:] == [
            ("Bo", "Sms når hjælpemidlet er på vej"), ("Cai", "Fast kontaktperson")]
        await until(pilot, lambda: "Fast kontaktperson" in screen_text(app))

        # -- the facilitator opens a voting round; the phones vote ---------------------------------
        await pilot.press("escape")
        await goto(pilot, "voting-round")
        await pilot.press("s")  # the round starts, open to the phones while sharing
        await pilot.pause()
        assert host.live_round is app.screen.round is not None
        ideas = [i.id for i in app.session.project.create.ideas]
        titles = [i.title for i in app.session.project.create.ideas]
        await page.locator("li.idea").first.wait_for(timeout=WAIT)  # by the page's polling, no reload
        await bo.page.locator("li.idea").first.wait_for(timeout=WAIT)
        assert await page.locator("li.idea").evaluate_all("items => items.map(i => i.dataset.idea)") == ideas
        assert await page.locator("li.idea .idea-title").all_inner_texts() == titles
        assert await page.locator("#left").inner_text() == "3 prikker tilbage af 3"

        give = [page.locator(f'li.idea[data-idea="{idea}"] button.give') for idea in ideas]
        await give[0].tap()
        await _until_text(page.locator("#left"), "2 prikker tilbage af 3")
        assert await ida.own_dots() == ["1", "0", "0", "0", "0"]
        await give[0].tap()  # one dot on one idea: refused, said on the page
        notice = page.locator("#notice")
        await notice.wait_for(state="visible", timeout=WAIT)
        assert "Du kan højst give 1 prik til samme idé" in await notice.inner_text()  # to "you"
        for button in give[1:3]:
            await button.tap()
        await _until_text(page.locator("#left"), "0 prikker tilbage af 3")
        assert not await notice.is_visible()  # a dot taken clears the old refusal
        await give[3].tap()  # no dots left
        await _until_text(notice, "Du har ikke flere prikker")
        assert await ida.own_dots() == ["1", "1", "1", "0", "0"]
        assert host.own_dots(_who(host, "Ida")) == {ideas[0]: 1, ideas[1]: 1, ideas[2]: 1}

        await bo.page.locator(f'li.idea[data-idea="{ideas[0]}"] button.give').tap()
        await _until_text(bo.page.locator("#left"), "2 prikker tilbage af 3")
        assert await bo.own_dots() == ["1", "0", "0", "0", "0"]  # its own dot, never the room's 2
        await cai.page.reload()  # no script: a reload shows the round, a form gives the dot
        await cai.submit(cai.page.locator(f'li.idea[data-idea="{ideas[0]}"] button.give'))
        assert await cai.own_dots() == ["1", "0", "0", "0", "0"]
        await page.reload()
        assert await ida.own_dots() == ["1", "1", "1", "0", "0"]  # still only its own
        state = await (await ida.context.request.get(f"{origin}state.json?c={sharing.room.code}")).json()
        assert set(state) <= {"mode", "title", "seconds_left", "time", "paused", "left", "left_text"}  # no totals
        await until(pilot, lambda: "3 telefoner har stemt" in screen_text(app))
        assert host.live_round.totals()[ideas[0]] == 3

        # -- the reveal: the phones show the ranked result ---------------------------------------------
        await pilot.press("v")
        await pilot.pause()
        assert host.view().mode == "result"
        for phone in (ida, bo):
            await phone.page.locator("ol.result li").first.wait_for(timeout=WAIT)  # polling, no reload
            assert await phone.page.locator("body").get_attribute("data-mode") == "result"
        rows = [" ".join(row.split()) for row in await page.locator("ol.result li").all_inner_texts()]
        assert rows[0] == f"{titles[0]} 3 prikker"  # ranked, with the room's totals only now
        assert sorted(rows[1:3]) == sorted(f"{t} 1 prik" for t in titles[1:3])
        assert rows[3:] == [f"{t} 0 prikker" for t in titles[3:]]
        held = app.session.project.workshops[-1].rounds[-1]  # the facilitator's round keeps the phones' dots
        assert {t.idea: t.dots for t in held.totals} == {ideas[0]: 3, ideas[1]: 1, ideas[2]: 1}
        assert held.voters == 3 and held.anonymous

        for phone in (ida, bo, cai):  # so far only the refused votes' 409s
            assert [e for e in phone.errors if "status of 409" not in e] == [], phone.errors

        # -- a new code (k on the share screen) locks the open pages out, said on the phone -----------
        await goto(pilot, "share")
        old_code = sharing.room.code
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("down", "enter")  # "yes, a new code" (asked first)
        await pilot.pause()
        assert sharing.room.code != old_code
        await _until_text(page.locator("#notice"), "Koden passer ikke")  # by the page's polling
        count = len(workshop.postits)
        answer = await ida.context.request.post(f"{origin}postit", form={"c": old_code, "csrf": "x", "text": "sent"})
        assert answer.status == 403 and len(workshop.postits) == count

        # -- sharing stops (s on the share screen): the open page says the workshop has ended ------------
        await pilot.press("s")  # no phone shows the new code: not asked
        assert app.sharing is None
        await _until_text(page.locator("#ended"), "Workshoppen er slut – tak for i dag")

        for phone in (ida, bo, cai):
            assert phone.unexpected() == [], phone.errors
            assert phone.outside == []
            await phone.context.close()
        await app.stop_sharing()


def _who(host: Any, name: str) -> Any:
    """The participant who joined as ``name``."""
    return next(p for p in host.room.participants.values() if p.name == name)


async def _until_text(locator: Any, text: str) -> None:
    from playwright.async_api import expect

    await expect(locator).to_contain_text(text, timeout=WAIT)


async def test_slow_wifi_never_wipes_what_is_typed_meanwhile(example_copy: Path) -> None:
    """The answer to a post-it takes 1.5 s (slow Wi-Fi): the box empties when Send is pressed, the
    next post-it typed meanwhile survives the answer; a refused or lost post-it comes back into
    the box before what was typed since."""
    world = make_world(example_copy, limits=Limits(request=(1000.0, 100_000), join=(100.0, 100), post=(100.0, 100)))
    started = await start_server(world.room, world.host, "127.0.0.1", 0)
    origin = f"http://127.0.0.1:{started.port}/"
    try:
        async with chromium() as browser:
            ida = await Phone.open(browser, origin)
            page, box = ida.page, ida.page.locator("#text")
            await ida.join(f"{origin}?c={world.room.code}", "Ida")

            async def slow(route: Any) -> None:
                await asyncio.sleep(1.5)
                await route.continue_()

            await page.route("**/postit", slow)
            await ida.post("Første idé")
            assert await box.input_value() == ""  # emptied at once, on Send
            await box.tap()
            await page.keyboard.type("Anden idé")  # while the first is on its way
            await page.locator("#postits li").first.wait_for(timeout=WAIT)
            assert await page.locator("#postits li").all_inner_texts() == ["Første idé"]
            assert await box.input_value() == "Anden idé"  # not wiped by the first one's answer
            assert [p.text for p in postits(world)] == ["Første idé"]

            await box.fill("Vend \u202eom")  # refused by the server (a bidi override)
            await page.locator("form.postit button").tap()
            assert await box.input_value() == ""
            await box.tap()
            await page.keyboard.type("Tredje")
            await _until_text(page.locator("#notice"), "vender tekst om")
            assert await box.input_value() == "Vend \u202eom\nTredje"  # the refused one back, first

            async def lost(route: Any) -> None:
                await asyncio.sleep(1.5)
                await route.abort()

            await page.unroute("**/postit")
            await page.route("**/postit", lost)
            await box.fill("Fjerde")
            await page.locator("form.postit button").tap()
            await box.tap()
            await page.keyboard.type("Femte")
            await _until_text(page.locator("#notice"), "Ingen forbindelse")
            assert await box.input_value() == "Fjerde\nFemte"
            assert [p.text for p in postits(world)] == ["Første idé"]
            expected = ("status of 400", "ERR_FAILED")
            assert [e for e in ida.errors if not any(said in e for said in expected)] == []
            assert ida.outside == []
            await ida.context.close()
    finally:
        await started.stop()

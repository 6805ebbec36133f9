"""Make the README's pictures of a workshop shared with the room's phones (issue 14):

- docs/phone-join.png, docs/phone-capture.png (two own post-its), docs/phone-vote.png and
  docs/phone-result.png: the phone page in headless Chromium at a phone's size (390×844 CSS
  pixels, twice as many device pixels);
- docs/share-postits.svg (the post-its screen, ``l`` on the workshop screen, with post-its arriving
  from phones), docs/share-screen.svg (the share screen with its QR code, ``d``) and
  docs/share-voting.svg (the voting round, counting the phones that voted): the facilitator's
  app, rendered headless as ``borgerspil screenshot`` does.

The app runs headless on a copy of the bundled example with a workshop added (a 20-minute
brainstorm into the ideas, 5 minutes gone on a fixed clock), shares it on loopback only, and the
phone is driven by Playwright's async API in the app's own event loop. Needs Playwright
(``pip install playwright``) and Chromium at /usr/bin/chromium (``apt-get install chromium``);
never downloads a browser. Run from anywhere: ``python docs/make-phone-screenshots.py [--lang en]``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "hjaelpemidler.borgerspil.yaml"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
                         "device_scale_factor": 2}
SIZE = (120, 40)
START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
CODE = "K7PMQX2R9A"
"""The join code in the pictures (the same each run, so the pictures change only when the app does)."""
TEXTS = {
    "da": {"question": "Hvordan får borgeren sit hjælpemiddel hurtigere?", "name": "Ida",
           "mine": ["Sms når hjælpemidlet er sendt", "Hent selv i depotet, hvis man kan"],
           "others": [("Bo", "Fast kontaktperson gennem hele sagen"), ("", "Video-besøg i stedet for hjemmebesøg"),
                      ("Carla", "Kortere skema – kun det vigtige")]},
    "en": {"question": "How does the citizen get their aid sooner?", "name": "Ida",
           "mine": ["A text message when the aid is sent", "Fetch it myself from the depot, if I can"],
           "others": [("Bo", "One contact person through the whole case"), ("", "Video visits instead of home visits"),
                      ("Carla", "A shorter form – only what matters")]},
}


class FixedClock:
    """The app's clock, stopped 5 minutes into the brainstorm (the pictures show the same time)."""

    def now(self) -> dt.datetime:
        return START + dt.timedelta(minutes=5)


def project_copy(folder: Path, lang: str) -> Path:
    """The example with a workshop whose brainstorm (into the ideas) runs."""
    from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
    from borgerspil_tui.core.storage import load_project, save_project

    path = folder / EXAMPLE.name
    shutil.copyfile(EXAMPLE, path)
    loaded = load_project(path)
    project = loaded.project
    project.language = lang
    project.workshops.append(Workshop(id="workshop-idedag", title="Idédag" if lang == "da" else "Idea day", agenda=[
        Activity(id="activity-brain", title="Brainstorm", minutes=20, target="ideas", question=TEXTS[lang]["question"]),
        Activity(id="activity-vote", title="Prikker" if lang == "da" else "Dots", minutes=10, target="votes")],
        timer=TimerState(activity="activity-brain", started=START)))
    save_project(path, project, loaded.fingerprint)
    return path


def make_app(path: Path, lang: str) -> Any:
    from borgerspil_tui.core.method import bundled_method
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.core.settings import Settings
    from borgerspil_tui.tui.app import BorgerspilApp

    app = BorgerspilApp(method=bundled_method(), settings=Settings(language=lang), language=lang,
                        session=Session.open(path), folder=path.parent, remember=False)
    app.clock = FixedClock()
    return app


async def until(pilot: Any, condition: Any, tries: int = 200) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise SystemExit("make-phone-screenshots: the app did not get there in time")


async def shoot(lang: str, folder: Path) -> list[Path]:
    from playwright.async_api import async_playwright

    app = make_app(project_copy(folder, lang), lang)
    made: list[Path] = []

    def svg(name: str, screen: str, *, toasts: bool = False) -> None:
        if not toasts:
            app.clear_notifications()
        target = DOCS / f"{name}.svg"
        target.write_text(app.export_screenshot(title=f"borgerspil · {screen}"), encoding="utf-8")
        made.append(target)

    async def png(page: Any, name: str) -> None:
        await page.wait_for_timeout(300)  # the clock's first tick and the fonts
        target = DOCS / f"{name}.png"
        await page.screenshot(path=str(target))
        made.append(target)

    async def screen(name: str, key: str | None = None) -> None:
        """The workshop screen, then ``key`` on it (or the screen ``name`` as the palette opens it)."""
        app.action_goto("workshop" if key else name)
        await until(pilot, lambda: app.screen.NAME == ("workshop" if key else name))
        await pilot.pause()
        if key:
            app.screen.query_one("#items").focus()
            await pilot.press(key)
            await until(pilot, lambda: app.screen.NAME == name)
        await pilot.pause(0.3)

    async with app.run_test(size=SIZE, notifications=True) as pilot, async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            if not await app.start_sharing(bind="127.0.0.1", port=None):  # 8765 when free
                raise SystemExit("make-phone-screenshots: sharing did not start")
            sharing = app.sharing
            sharing.room.code = CODE
            host = app.room_host()
            await screen("postits", "l")  # the facilitator watches the post-its arrive

            locale = "da-DK" if lang == "da" else "en-GB"
            page = await (await browser.new_context(**PHONE, locale=locale)).new_page()
            await page.goto(sharing.join_url())
            await page.locator("#name").tap()
            await page.keyboard.type(TEXTS[lang]["name"])
            await png(page, "phone-join")
            await page.locator("form.join button").first.tap()
            await page.wait_for_url("**/room?c=*")

            app.clear_notifications()  # only the arrivals' notices on the post-its screen
            sharing.room.allow_anonymous = True
            others = [(host.room.join(name), text) for name, text in TEXTS[lang]["others"]]
            host.post(*others[0])
            for number, text in enumerate(TEXTS[lang]["mine"], 1):
                await page.locator("#text").tap()
                await page.keyboard.type(text)
                await page.locator("form.postit button").tap()
                await page.locator("#postits li").nth(number - 1).wait_for()
            for participant, text in others[1:]:
                host.post(participant, text)
            await page.locator("#text").tap()
            await png(page, "phone-capture")
            await pilot.pause(0.3)
            svg("share-postits", "postits", toasts=True)
            app.clear_notifications()
            await screen("share", "d")  # the share screen, with the phones and their post-its counted
            svg("share-screen", "share")

            await screen("workshop")
            app.screen.query_one("#items").focus()  # (the screen's list, not an input)
            await pilot.press("right")  # on to the dot vote
            await pilot.pause()
            await screen("voting-round")
            await pilot.press("s")  # the round, open to the phones
            await page.locator("li.idea").first.wait_for(timeout=10_000)  # by the page's own polling
            ideas = await page.locator("li.idea").evaluate_all("items => items.map(i => i.dataset.idea)")
            for idea in ideas[1:3]:
                await page.locator(f'li.idea[data-idea="{idea}"] button.give').tap()
                await page.wait_for_timeout(200)
            for participant, _text in others:
                for idea in ideas[1:4:2]:
                    host.give(participant, idea)
            await png(page, "phone-vote")
            await pilot.pause(0.8)  # the screen counts the phones every half second
            svg("share-voting", "voting-round")
            await pilot.press("v")
            await page.locator("ol.result li").first.wait_for(timeout=10_000)
            await png(page, "phone-result")
            await app.stop_sharing()
        finally:
            await browser.close()
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description="Make the README's pictures of the phone page.")
    parser.add_argument("--lang", choices=sorted(TEXTS), default="da", help="the project's language (default da)")
    args = parser.parse_args()
    if not Path(CHROMIUM).is_file():
        print(f"make-phone-screenshots: no Chromium at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 1
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("make-phone-screenshots: Playwright is missing (pip install playwright)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        for name in ("config", "cache", "state"):  # settings, cache and kept rooms out of the user's home
            (folder / name).mkdir()
        os.environ["XDG_STATE_HOME"] = str(folder / "state")
        os.environ["BORGERSPIL_CONFIG_DIR"] = str(folder / "config")
        os.environ["BORGERSPIL_CACHE_DIR"] = str(folder / "cache")
        made = asyncio.run(shoot(args.lang, folder))
    for path in made:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())

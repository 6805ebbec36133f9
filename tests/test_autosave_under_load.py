"""Autosave when changes never pause: a room posting from phones (a post-it every few ms in the
load benchmark) kept restarting the autosave delay, so nothing reached the disk for the whole
brainstorm. Each change still waits the delay (typing is saved once, after a pause), but never
longer than a few delays after the first unsaved change."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
from borgerspil_tui.core.room import Room
from borgerspil_tui.core.room_host import RoomHost
from borgerspil_tui.core.storage import load_project, save_project
from tests.app_helpers import SIZE, FakeClock, calls, make_app, until

START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


def _on_disk(path: Path) -> int:
    return len(load_project(path).project.workshops[0].postits)


async def test_a_room_that_never_pauses_is_still_autosaved(example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = load_project(example_copy).project.model_copy(deep=True)
    project.workshops = [Workshop(id="workshop-dag", title="Idédag", agenda=[
        Activity(id="activity-brain", title="Brainstorm", target="ideas")],
        timer=TimerState(activity="activity-brain", started=START))]
    save_project(example_copy, project, force=True)
    delay = 1.0  # ten post-its a delay: a busy machine rarely stretches one gap into a pause
    app = make_app(example_copy, autosave_delay=delay)
    app.clock = FakeClock(START)
    saves = calls(monkeypatch, app, "save_in_background")
    async with app.run_test(size=SIZE) as pilot:
        room = Room()
        host = RoomHost(app.session, room, app.clock)
        phones = [room.join(f"Phone {n}") for n in range(8)]
        loop = asyncio.get_running_loop()
        began = last = loop.time()
        sent, gaps = 0, []
        while not saves and loop.time() - began < 60:  # posting until an autosave begins (a minute: none came)
            phone = phones[sent % len(phones)]
            phone.post_bucket.tokens = 5  # the room posts faster than one phone may
            host.post(phone, f"Idé {sent}")
            sent += 1
            await pilot.pause(delay / 10)
            gaps.append(loop.time() - last)
            last = loop.time()
        assert saves, f"{sent} post-its in {loop.time() - began:.1f} s, none autosaved"  # while they still came
        if max(gaps) < delay * 0.9:  # never a pause as long as the delay: the cap on the wait saved it, not a pause
            assert loop.time() - began >= delay, "saved before the first wait was over"
        await app.workers.wait_for_complete()
        assert _on_disk(example_copy) > 0


async def test_a_change_long_after_the_first_unsaved_one_saves_at_once(example_copy: Path) -> None:
    app = make_app(example_copy, autosave_delay=0.5)
    async with app.run_test(size=SIZE) as pilot:
        app.session.edit("title", lambda p: setattr(p, "title", "Første"))
        app._unsaved_since -= 60  # as when a save was running while changes kept coming: the wait is long over
        app.session.edit("title", lambda p: setattr(p, "title", "Anden"))
        assert 0 < app._autosave_timer._interval <= 0.05, "due at once, not after the delay"
        await until(pilot, lambda: app._unsaved_since is None)  # it came (a timer of 0 s: ZeroDivisionError)
        await app.workers.wait_for_complete()
        assert load_project(example_copy).project.title == "Anden"


async def test_typing_is_still_saved_once_after_a_pause(example_copy: Path) -> None:
    delay = 1.0
    app = make_app(example_copy, autosave_delay=delay)
    async with app.run_test(size=SIZE) as pilot:
        saves: list[str] = []
        real_save = app.save_in_background

        def counted(session, **kwargs):  # type: ignore[no-untyped-def]
            saves.append(session.project.title)
            real_save(session, **kwargs)

        app.save_in_background = counted  # type: ignore[method-assign]
        loop = asyncio.get_running_loop()
        gaps: list[float] = []
        for n in range(5):  # edits 0.3 s apart, longer together than the delay: each restarts the wait
            before = loop.time()
            app.session.edit("title", lambda p, n=n: setattr(p, "title", f"Titel {n}"))
            await pilot.pause(0.3)
            gaps.append(loop.time() - before)
        if max(gaps) < delay * 0.9:  # a busy machine may stretch a gap into a pause; then a save is right
            assert saves == [], "saved while the edits still came"
            assert load_project(example_copy).project.title != "Titel 4"
        await pilot.pause(delay * 2)
        await app.workers.wait_for_complete()
        assert load_project(example_copy).project.title == "Titel 4"
        if max(gaps) < delay * 0.9:
            assert saves == ["Titel 4"], "one save, after the pause"

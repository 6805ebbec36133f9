"""Helpers for Pilot tests: an app on a project file, with settings kept out of the user's home."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.settings import Settings
from borgerspil_tui.tui.app import BorgerspilApp

SIZE = (120, 40)

HOSTILE = "[/] [b]fed[/b] [$accent] [link=x]klik[/link] \\[x] C:\\sti\\ 🎉 æøå [@click=app.quit]"
"""Text that breaks any widget that reads it as markup."""


def make_app(path: Path | None = None, *, folder: Path | None = None, language: str = "da",
             autosave_delay: float = 30.0, watch_interval: float = 3600.0) -> BorgerspilApp:
    """An app on ``path`` (or the home screen), that remembers nothing and autosaves when told."""
    session = Session.open(path) if path is not None else None
    return BorgerspilApp(method=bundled_method(), settings=Settings(language=language), language=language,
                         session=session, folder=folder or (path.parent if path else Path.cwd()),
                         autosave_delay=autosave_delay, watch_interval=watch_interval, remember=False)


def screen_text(app: BorgerspilApp) -> str:
    """Everything on the current screen as plain text."""
    from textual.widgets import DataTable, OptionList, Static, TextArea, Tree

    parts: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Static):
            parts.append(str(widget.visual))
        elif isinstance(widget, DataTable):
            for row in range(widget.row_count):
                parts.extend(str(cell) for cell in widget.get_row_at(row))
        elif isinstance(widget, Tree):
            stack = [widget.root]
            while stack:
                node = stack.pop()
                parts.append(str(node.label))
                stack.extend(node.children)
        elif hasattr(widget, "plain") and callable(widget.plain):
            parts.append(widget.plain())
        elif isinstance(widget, TextArea):
            parts.append(widget.text)
        elif isinstance(widget, OptionList):
            parts.extend(str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count))
    return "\n".join(parts)


async def goto(pilot, name: str) -> None:
    """Open a screen by name, as the palette does, and check it is on top."""
    pilot.app.action_goto(name)
    await pilot.pause()
    assert pilot.app.screen.NAME == name


async def until(pilot, condition, *, tries: int = 600) -> None:
    """Wait for ``condition`` however slow the machine is (no time is asserted)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("waited in vain")


async def save_now(pilot) -> None:
    """Ctrl+S as the user presses it, and wait until its save (a worker thread) is done: a pause, or
    the wait for the keys to be handled, may end before the save on a busy machine."""
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def calls(monkeypatch, obj, name: str) -> list[tuple]:
    """Record each call of ``obj.name`` (its arguments), still calling it: a test waits until the
    app's timer has really run (the disk watcher, the autosave) instead of pausing a fixed time.
    Set it before ``run_test``: the app hands its timers the method when it mounts."""
    made: list[tuple] = []
    real = getattr(obj, name)
    monkeypatch.setattr(obj, name, lambda *a, **k: (made.append(a), real(*a, **k))[1])
    return made


async def palette_search(pilot, query: str):
    """Type ``query`` in the command palette (opened when it is not) and wait until its search has
    answered: it searches in a worker and shows hits in batches, so on a busy machine the list may
    hold the first few hits, unsorted, long after the keys. Returns the palette's list of hits."""
    from textual.command import CommandInput, CommandList, CommandPalette

    if not isinstance(pilot.app.screen, CommandPalette):
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    palette = pilot.app.screen
    await pilot.press(*query)

    def answered() -> bool:
        searching = any(worker.group == CommandPalette._GATHER_COMMANDS_GROUP and not worker.is_finished
                        for worker in pilot.app.workers)
        return (not searching and palette.query_one(CommandInput).value == query
                and palette.query_one(CommandList).option_count > 0)

    for _ in range(2):  # twice: the search for the last key may start just after the first look
        await until(pilot, answered)
        await pilot.pause()
    return palette.query_one(CommandList)


async def palette_to(pilot, query: str) -> None:
    """Search the command palette for ``query`` and run the first hit, as a user does."""
    from textual.command import CommandPalette

    await palette_search(pilot, query)
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette))
    await pilot.pause()  # the chosen command runs once the palette has gone


def notices(app, monkeypatch) -> list[str]:
    """The notices the app sends, recorded when sent (they time out on a slow machine)."""
    sent: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, *a, **k: (sent.append(message), notify(message, *a, **k)))
    return sent


class FakeClock:
    """A clock the test moves by hand (the workshop timer reads ``app.clock``): no sleeping in tests."""

    def __init__(self, now: dt.datetime) -> None:
        self.moment = now

    def now(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)

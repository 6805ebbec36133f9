"""Workshop mode: a capture keystroke with the timer running, and fast capture at 1,000 items.

Run: python benchmarks/bench_workshop.py [--runs N] [--counts 0,125,250,500,1000] [--profile N]
Targets (issue 12): a capture keystroke with the workshop timer running costs < 16 ms CPU more
than without (same run), and adding an item through fast capture at 1,000 items stays under
50 ms per Enter.

The project is the example with a workshop (a 30-minute "Brainstorm" into the ideas, then a
pause), saved and opened as ``borgerspil FILE`` opens it; the app is on the capture screen
(``goto("capture")``), 120×40, Pilot headless, autosave and disk watcher off.

* **Keystroke**: CPU time (``time.process_time``) from the key until the app is idle again, for
  each of 20 typed characters. Before each key the app's clock moves on one second and every
  workshop timer of the screen stack (the corner timer on each screen) ticks — what the
  once-a-second interval does — inside the timed span, so every key pays a real tick (a new
  ``mm:ss``): the worst case. Measured with the timer running and with the same workshop and no
  timer (the corner widget hidden, its tick still called). The floor: the same keys in a bare
  Textual app with an ``Input``. Also ``real time``: 20 keys 0.1 s apart with the real clock and
  the real interval (two ticks per run), the CPU of the whole span per key.
* **Enter**: with N items already captured in the running activity (pasted into the capture
  field as one block, as a facilitator's paste adds them), a short line is put in the field (at
  once, not typed, to keep the run short; not timed), then Enter is timed until the new
  idea is in the project and the app is idle (CPU and wall), 8 times per run; all of them must
  be noted in the activity's log. Floors in the same run: a bare Textual app whose ``Input``
  submit puts the line first in a ``Static`` of all N lines (newest first, in a scroll view), and
  the same ``Static`` showing only the newest screenful (40 lines). (A ``ListView`` of 1,000
  ``ListItem``s was tried: 540 ms per append, no floor.)

A figure is the median of the runs' medians, with the spread of the runs (fastest–slowest run).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from profiling import print_profile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hjaelpemidler.borgerspil.yaml"
SIZE = (120, 40)
KEYS = "borgernemødesikkeså"
ENTERS = 8
START = dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)


class StepClock:
    """The app's clock, moved on by the benchmark (one second before each key)."""

    def __init__(self, now: dt.datetime) -> None:
        self.moment = now

    def now(self) -> dt.datetime:
        """The time now."""
        return self.moment


def project_file(folder: Path, name: str, *, running: bool, started: dt.datetime = START) -> Path:
    """The example with a workshop of two activities; the first one's timer runs when ``running``."""
    from borgerspil_tui.core.model.workshop import Activity, TimerState, Workshop
    from borgerspil_tui.core.storage import load_project, save_project

    project = load_project(EXAMPLE).project
    brainstorm = Activity(title="Brainstorm", minutes=30, target="ideas", question="Hvad kan vi gøre?")
    workshop = Workshop(title="Værksted", date=started.date(), participants=[m.id for m in project.readiness.team],
                        agenda=[brainstorm, Activity(title="Pause", minutes=10)])
    if running:
        workshop.timer = TimerState(activity=brainstorm.id, started=started)
    project.workshops = [workshop]
    path = folder / f"{name}.borgerspil.yaml"
    save_project(path, project)
    return path


def _app(path: Path, clock: object | None):
    from borgerspil_tui.core.method import bundled_method
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.core.settings import Settings
    from borgerspil_tui.tui.app import BorgerspilApp

    app = BorgerspilApp(method=bundled_method(), settings=Settings(), language="da", session=Session.open(path),
                        folder=path.parent, autosave_delay=3600, watch_interval=3600, remember=False)
    if clock is not None:
        app.clock = clock
    return app


async def _capture_screen(app, pilot) -> None:
    await pilot.pause()
    app.action_goto("capture")
    await pilot.pause()
    assert app.screen.NAME == "capture", app.screen.NAME


def _timers(app) -> list:
    from borgerspil_tui.tui.widgets.workshop_timer import WorkshopTimer

    return [widget for screen in app.screen_stack for widget in screen.query(WorkshopTimer)]


async def keystrokes(path: Path, *, running: bool) -> float:
    """Median CPU ms per typed character on the capture screen, a timer tick before each."""
    clock = StepClock(START + dt.timedelta(minutes=1))
    app = _app(path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await _capture_screen(app, pilot)
        timers = _timers(app)
        assert timers, "no workshop timer on the screens"
        times = []
        for key in KEYS:
            start = time.process_time()
            clock.moment += dt.timedelta(seconds=1)
            for widget in timers:
                widget.tick()
            await pilot.press(key)
            await pilot.pause()
            times.append((time.process_time() - start) * 1000)
        assert app.screen.query_one("#capture-input").value == KEYS, "the typed keys did not reach the field"
        corner = app.screen.query_one("WorkshopTimer")
        assert corner.has_class("-idle") != running, "the corner timer is not as expected"
        if running:  # every tick showed the clock's time: 30 minutes less what the clock moved on
            from borgerspil_tui.core.workshop_timer import clock_text

            left = 30 * 60 - (clock.moment - START).total_seconds()
            assert str(corner.visual).endswith(clock_text(left)), str(corner.visual)
        return statistics.median(times)


async def keystrokes_real_time(path: Path) -> float:
    """CPU ms per key over 20 keys 0.1 s apart, the real clock and the real once-a-second interval."""
    app = _app(path, None)
    async with app.run_test(size=SIZE) as pilot:
        await _capture_screen(app, pilot)
        start = time.process_time()
        for key in KEYS:
            await pilot.press(key)
            await pilot.pause(0.1)
        took = time.process_time() - start
        assert app.screen.query_one("#capture-input").value == KEYS
        return took * 1000 / len(KEYS)


async def bare_keystrokes() -> float:
    """Median CPU ms per typed character in a bare Textual app with one ``Input`` (the floor)."""
    from textual.app import App
    from textual.widgets import Footer, Input, Static

    class Bare(App):
        def compose(self):
            yield Static("borgerspil")
            yield Input()
            yield Footer()

    async with Bare().run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.query_one(Input).focus()
        await pilot.pause()
        times = []
        for key in KEYS:
            start = time.process_time()
            await pilot.press(key)
            await pilot.pause()
            times.append((time.process_time() - start) * 1000)
        return statistics.median(times)


async def _timed_enters(pilot, count, check, profile=None) -> tuple[float, float]:
    """Median (CPU ms, wall ms) of ENTERS Enters; ``count()`` is the items so far, ``check(line)``
    that the line arrived."""
    cpu, wall = [], []
    for number in range(ENTERS):
        line = f"Ny idé {number}"  # put in the field at once (typing is timed above)
        pilot.app.focused.insert_text_at_cursor(line)
        await pilot.pause()
        before = count()
        gc.collect()
        if profile is not None:
            profile.enable()
        start, start_wall = time.process_time(), time.perf_counter()
        await pilot.press("enter")
        while count() == before:
            await pilot.pause()
        await pilot.pause()
        if profile is not None:
            profile.disable()
        cpu.append((time.process_time() - start) * 1000)
        wall.append((time.perf_counter() - start_wall) * 1000)
        assert check(line), f"{line!r} did not arrive"
    return statistics.median(cpu), statistics.median(wall)


async def _fill(app, pilot, items: int) -> int:
    """Paste ``items`` lines into the capture field; the number of ideas before the paste."""
    from textual import events

    base = len(app.session.project.create.ideas)
    if items:
        block = "\n".join(f"Idé nummer {n} fra rummet" for n in range(items))
        app.screen.query_one("#capture-input").post_message(events.Paste(block))
        while len(app.session.project.create.ideas) < base + items:
            await pilot.pause()
        await pilot.pause()
    assert len(app.session.project.create.ideas) == base + items, "the paste did not add every line"
    return base


async def enters(path: Path, items: int, profile: cProfile.Profile | None = None) -> tuple[float, float]:
    """Median (CPU ms, wall ms) per Enter on the capture screen with ``items`` already captured."""
    app = _app(path, StepClock(START + dt.timedelta(minutes=1)))
    async with app.run_test(size=SIZE) as pilot:
        await _capture_screen(app, pilot)
        await _fill(app, pilot, items)
        ideas = lambda: app.session.project.create.ideas
        result = await _timed_enters(pilot, lambda: len(ideas()), lambda line: ideas()[-1].title == line, profile)
        log = app.session.project.workshops[0].log
        noted = sum(len(entry.captured) for entry in log)
        assert noted == items + ENTERS, f"{noted} items noted in the activity's log, not {items + ENTERS}"
        return result


async def bare_enters(items: int, kind: str) -> tuple[float, float]:
    """The floor: a bare ``Input`` whose submit puts the line first in a ``Static`` under it,
    ``items`` lines there already: the Static shows all of them (``all``, in a scroll view) or the
    newest screenful (``screenful``, 40 lines: what a list that stays cheap can cost)."""
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.widgets import Footer, Input, Static

    lines = [f"• Idé nummer {n} fra rummet" for n in range(items)]
    shown = None if kind == "all" else SIZE[1]

    def text() -> str:
        newest = lines if shown is None else lines[-shown:]
        return "\n".join(reversed(newest))

    class Bare(App):
        def compose(self):
            yield Input()
            with VerticalScroll():
                yield Static(text(), markup=False)
            yield Footer()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            lines.append(f"• {event.value}")
            self.query_one(Static).update(text())
            event.input.value = ""

    async with Bare().run_test(size=SIZE) as pilot:
        await pilot.pause()
        pilot.app.query_one(Input).focus()
        await pilot.pause()
        return await _timed_enters(pilot, lambda: len(lines), lambda line: lines[-1] == f"• {line}")


def _fig(values: list[float], floor: float | None = None) -> str:
    median = statistics.median(values)
    text = f"{median:6.2f} ms ({min(values):.2f}–{max(values):.2f})"
    return text + (f" = {median / floor:.2f}× floor" if floor else "")


def run_keys(folder: Path, runs: int) -> None:
    running, idle = project_file(folder, "running", running=True), project_file(folder, "idle", running=False)
    real = project_file(folder, "real", running=True, started=dt.datetime.now(dt.UTC))
    got: dict[str, list[float]] = {k: [] for k in ("bare", "idle", "running", "extra", "real idle", "real running")}
    for _ in range(runs):
        got["bare"].append(asyncio.run(bare_keystrokes()))
        got["idle"].append(asyncio.run(keystrokes(idle, running=False)))
        got["running"].append(asyncio.run(keystrokes(running, running=True)))
        got["extra"].append(got["running"][-1] - got["idle"][-1])
        got["real idle"].append(asyncio.run(keystrokes_real_time(idle)))
        got["real running"].append(asyncio.run(keystrokes_real_time(real)))
    floor = statistics.median(got["bare"])
    print(f"\nA capture keystroke, CPU ms key → idle, median of {runs} runs (fastest–slowest run):")
    print(f"  bare Textual Input (floor)        {_fig(got['bare'])}")
    print(f"  capture, no timer (tick each key) {_fig(got['idle'], floor)}")
    print(f"  capture, timer running (tick each key) {_fig(got['running'], floor)}")
    print(f"  extra CPU per key with the timer  {_fig(got['extra'])}   (target < 16 ms)")
    real_extra = [r - i for r, i in zip(got["real running"], got["real idle"], strict=True)]
    print(f"  real time, no timer / running     {_fig(got['real idle'])} / {_fig(got['real running'])};"
          f" extra {statistics.median(real_extra):.2f} ms per key")


def run_enters(folder: Path, runs: int, counts: list[int]) -> None:
    path = project_file(folder, "enters", running=True)
    cells = [(who, n) for n in counts for who in ("ours", "all", "screenful")]
    cpu: dict[tuple[str, int], list[float]] = {cell: [] for cell in cells}
    wall: dict[tuple[str, int], list[float]] = {cell: [] for cell in cells}
    for _ in range(runs):
        for who, n in cells:
            c, w = asyncio.run(enters(path, n) if who == "ours" else bare_enters(n, who))
            cpu[(who, n)].append(c)
            wall[(who, n)].append(w)
    print(f"\nOne Enter in fast capture, CPU ms until the item is in the project and the app idle,"
          f" median of {runs} runs × {ENTERS} Enters (fastest–slowest run); target < 50 ms at 1,000."
          f"\n(wall: mostly Pilot's waiting for idle, which sleeps in steps; compare with the floor's)")
    for n in counts:
        floor_s, floor_l = statistics.median(cpu[("all", n)]), statistics.median(cpu[("screenful", n)])
        ours = statistics.median(cpu[("ours", n)])
        walls = statistics.median(wall[("ours", n)]), statistics.median(wall[("screenful", n)])
        print(f"  {n:5d} items: ours {_fig(cpu[('ours', n)])}  wall {walls[0]:.0f} ms (floor {walls[1]:.0f})"
              f"  | floor all lines {floor_s:.2f} ms ({ours / floor_s:.2f}×)"
              f"  | floor a screenful {floor_l:.2f} ms ({ours / floor_l:.2f}×)")
    nonzero = [n for n in counts if n]
    if nonzero:
        one = nonzero[0]
        for n in (one * 4, one * 8):
            if n in counts:
                grow = {who: statistics.median(cpu[(who, n)]) / statistics.median(cpu[(who, one)])
                        for who in ("ours", "all", "screenful")}
                print(f"  growth {one}→{n} ({n // one}×): ours {grow['ours']:.2f}×,"
                      f" floor all lines {grow['all']:.2f}×, floor a screenful {grow['screenful']:.2f}×")


def run_profile(folder: Path, items: int) -> None:
    profile = cProfile.Profile()
    c, w = asyncio.run(enters(project_file(folder, "profile", running=True), items, profile))
    print(f"\ncProfile of {ENTERS} Enters at {items} items (median {c:.1f} ms CPU, {w:.1f} ms wall, profiled):")
    print_profile(profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (at least 5)")
    parser.add_argument("--counts", default="0,125,250,500,1000", help="items captured before the Enters")
    parser.add_argument("--only", choices=("keys", "enters"), help="run one part")
    parser.add_argument("--profile", type=int, metavar="N", help="profile the Enters at N items instead")
    options = parser.parse_args()
    runs = max(5, options.runs)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if options.profile is not None:
            run_profile(folder, options.profile)
            return
        if options.only != "enters":
            run_keys(folder, runs)
        if options.only != "keys":
            run_enters(folder, runs, [int(n) for n in options.counts.split(",")])


if __name__ == "__main__":
    main()

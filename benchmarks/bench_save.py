"""Keys answered during an autosave of a 30 MB project, against a bare Textual app, in one run.

Run: python benchmarks/bench_save.py [--runs N] [--size MB]
Target (issue 9): during an autosave of the 30 MB file, the UI handles a key within 50 ms of CPU.

The save runs in a worker thread (tui/app_saving) and makes the file in small pieces
(core/save_pieces), so the thread that answers keys gets its turn between them. Each run starts
one autosave (an edit, then the autosave timer's own call) and presses a key every 50 ms until
the save is done: the cursor down/up in the checklist table, then, in a second autosave, a typed
character in a note (an edit made while the save reads its snapshot: copy on write). The same keys
are pressed in our app with no save running and in a bare Textual app (a ``DataTable``, an
``Input``). Per key:

* **delay**: from posting the key until the app starts handling it (``App._check_bindings``);
  the time a running save makes the key wait for its turn (Python runs one thread at a time);
* **UI CPU**: CPU time of the UI thread (``time.thread_time``) from posting the key until the
  app is idle again; the worker's CPU is not in it;
* **wall**: from posting the key until the app is idle again (what the user waits).

A figure is the median of the runs' medians, with the spread of the runs (fastest–slowest
run's median); "worst" is the slowest single key of a run (median and spread of the runs).
The app is set up as ``borgerspil FILE`` sets it up after the first frame: the project is kept
out of the garbage collector's rounds (``gc.freeze``, see core/gc_pause). The disk watcher is
off (it reads the whole file every 2 s; it never runs during a save).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import queue
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_project  # noqa: E402

from borgerspil_tui.core.storage import dump_project  # noqa: E402

PAUSE = 0.05
"""Seconds between keys."""


@dataclass
class Keys:
    """The keys of one run: per key, delay, UI CPU and wall time in ms."""

    delay: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    save_s: float = 0.0
    before_s: float = 0.0
    """The same file made the old way, in one piece on the UI thread (no key answered meanwhile)."""
    start_cpu: float = 0.0


def _watch(app) -> list[asyncio.Event | float]:  # noqa: ANN001
    """Note when the app starts handling a key (the first thing it does with one)."""
    seen: list = []
    check = app._check_bindings

    async def checked(key: str, priority: bool = False) -> bool:
        if seen and isinstance(seen[-1], asyncio.Event):
            event = seen.pop()
            seen.append(time.perf_counter())
            event.set()
        return await check(key, priority)

    app._check_bindings = checked
    return seen


class Terminal:
    """A thread that posts keys to the app, as the terminal driver's input thread does (so a key
    waits for its turn as a real one does: the input thread and the loop both need Python)."""

    def __init__(self, app) -> None:  # noqa: ANN001
        self.app = app
        self.keys: queue.Queue = queue.Queue()
        self.posted: list[float] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (event := self.keys.get()) is not None:
            self.posted.append(time.perf_counter())
            self.app.post_message(event)

    def close(self) -> None:
        self.keys.put(None)
        self.thread.join()


async def _press(pilot, key: str, seen: list, into: Keys) -> None:  # noqa: ANN001
    """Post ``key`` from the terminal thread and time it until the app has handled it and every
    message it caused, and has drawn the screen again. (Pilot's own ``press`` waits until the
    *process* is idle, which a save in a thread is not.)"""
    from textual import events

    app = pilot.app
    terminal = app.bench_terminal
    handled = asyncio.Event()
    seen[:] = [handled]
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    cpu = time.thread_time()
    terminal.keys.put(event)
    await handled.wait()
    await pilot._wait_for_screen()
    await pilot._wait_for_screen()  # and the messages those messages posted
    app.screen._on_timer_update()  # the screen drawn again, now
    wall = terminal.posted[-1]
    into.cpu.append((time.thread_time() - cpu) * 1000)
    into.wall.append((time.perf_counter() - wall) * 1000)
    into.delay.append((seen[0] - wall) * 1000)


async def _keys(pilot, keys: list[str], seen: list[float], into: Keys, *, while_=None) -> str:  # noqa: ANN001
    """Press ``keys`` (over and over while ``while_()`` holds); return what was pressed."""
    pressed = []
    while (while_ is None and len(pressed) < len(keys)) or (while_ is not None and while_()):
        pressed.append(keys[len(pressed) % len(keys)])
        await _press(pilot, pressed[-1], seen, into)
        await asyncio.sleep(PAUSE)
    return "".join(pressed)


async def bare(kind: str) -> Keys:
    """A bare Textual app: ↓/↑ in a ``DataTable`` of 40 rows, or characters in an ``Input``."""
    from textual.app import App
    from textual.widgets import DataTable, Footer, Input, Static

    class Bare(App):
        def compose(self):  # noqa: ANN202
            yield Static("borgerspil")
            yield DataTable(cursor_type="row") if kind == "cursor" else Input()
            yield Footer()

        def on_mount(self) -> None:
            if kind == "cursor":
                table = self.query_one(DataTable)
                table.add_columns("spørgsmål", "svar")
                table.add_rows([(f"Spørgsmål {i}", "ja") for i in range(40)])

    app = Bare()
    into = Keys()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.query_one(DataTable if kind == "cursor" else Input).focus()
        await pilot.pause()
        seen = _watch(app)
        app.bench_terminal = Terminal(app)
        await _keys(pilot, _KEYS[kind] * 3, seen, into)
        app.bench_terminal.close()
    return into


_KEYS = {"cursor": ["down", "down", "down", "up", "up", "up"], "typing": list("borgerneskalmødes")}


async def ours(path: Path, kind: str) -> tuple[Keys, Keys]:
    """Our app on ``path``: the keys with no save running, then while an autosave runs."""
    from borgerspil_tui.core.method import bundled_method
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.core.settings import Settings
    from borgerspil_tui.tui.app import BorgerspilApp

    copy = path.with_name("kopi-" + path.name)
    copy.write_bytes(path.read_bytes())  # the project as generated: each run's edit is a change
    session = Session.open(copy)
    gc.collect()
    gc.freeze()  # as the app's start does once the first frame is drawn (gc_pause.start_done)
    app = BorgerspilApp(method=bundled_method(), settings=Settings(), language="da", session=session,
                        remember=False, autosave_delay=3600, watch_interval=3600)
    idle, into = Keys(), Keys()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            if kind == "cursor":
                for key in ("1", "c", "j"):  # the Fokusér checklist; an answer: an edit to save
                    await pilot.press(key)
                    await pilot.pause()
            else:
                app.action_goto("value")
                await pilot.pause()
                app.screen.query_one("#text-success_picture").focus()
                await pilot.press("x")
            await pilot.pause()
            assert session.dirty, "the key made no edit"
            seen = _watch(app)
            app.bench_terminal = Terminal(app)
            await _keys(pilot, _KEYS[kind] * 3, seen, idle)
            started, cpu = time.perf_counter(), time.thread_time()
            app._autosave()  # as the autosave timer calls it
            into.start_cpu = (time.thread_time() - cpu) * 1000
            assert session.saving, "the autosave did not start a save"
            typed = await _keys(pilot, _KEYS[kind], seen, into, while_=lambda: session.saving)
            into.save_s = time.perf_counter() - started
            assert not session.saving and session.last_failure is None, session.last_error
            if kind == "typing":
                assert typed in session.project.focus.success_picture, "the typed text did not arrive"
            started = time.perf_counter()
            dump_project(session.project).encode("utf-8")  # what the save on the UI thread did before
            into.before_s = time.perf_counter() - started
            return idle, into
    finally:
        if hasattr(app, "bench_terminal"):
            app.bench_terminal.close()
        gc.unfreeze()
        del app, session
        gc.collect()


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _cell(runs: list[Keys], what: str, worst: bool = False) -> str:
    per_run = [(max if worst else _median)(getattr(run, what)) for run in runs if getattr(run, what)]
    if not per_run:
        return "–"
    return f"{_median(per_run):7.1f} ({min(per_run):.1f}–{max(per_run):.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="autosaves per kind of key (at least 5)")
    parser.add_argument("--size", type=float, default=30.0, help="project file size in MB (under the 32 MiB cap)")
    options = parser.parse_args()
    runs = max(5, options.runs)
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "stort.borgerspil.yaml"
        per_scale = len(dump_project(large_project(1)).encode("utf-8")) / 1e6
        scale = max(1, round(options.size / per_scale))
        data = dump_project(large_project(scale)).encode("utf-8")
        path.write_bytes(data)
        print(f"project: {len(data) / 1e6:.1f} MB (benchmarks/generate.py large_project(scale={scale})); "
              f"{runs} runs, a key every {PAUSE * 1000:.0f} ms", flush=True)
        rows: dict[str, list[Keys]] = {}
        for kind, bare_name, ours_name in (("cursor", "bare DataTable ↓/↑", "checklist ↓/↑"),
                                           ("typing", "bare Input, a character", "note, a character")):
            for label in (bare_name, f"{ours_name}, no save running", f"{ours_name}, during autosave"):
                rows[label] = []
            for _ in range(runs):
                rows[bare_name].append(asyncio.run(bare(kind)))
                idle, saving = asyncio.run(ours(path, kind))
                rows[f"{ours_name}, no save running"].append(idle)
                rows[f"{ours_name}, during autosave"].append(saving)
                print(".", end="", flush=True)
        print()
    during = [run for label, value in rows.items() if "during" in label for run in value]
    print(f"autosave in the worker: {_median([r.save_s for r in during]):.1f} s "
          f"({min(r.save_s for r in during):.1f}–{max(r.save_s for r in during):.1f}); "
          f"starting it on the UI thread: {_median([r.start_cpu for r in during]):.1f} ms CPU "
          f"({min(r.start_cpu for r in during):.1f}–{max(r.start_cpu for r in during):.1f}); "
          f"keys pressed during the saves: {sum(len(r.cpu) for r in during)}")
    print(f"before (issue 9): the save on the UI thread, no key answered meanwhile: "
          f"{_median([r.before_s for r in during]):.1f} s "
          f"({min(r.before_s for r in during):.1f}–{max(r.before_s for r in during):.1f}) to make the text alone")
    print("ms per key: median of the runs' medians (fastest–slowest run); worst: the slowest key of a run")
    header = f"{'':44} {'UI CPU key→idle':>22} {'delay key→handler':>22} {'wall key→idle':>22} {'worst wall':>22}"
    print(header)
    for label, value in rows.items():
        print(f"{label:44} {_cell(value, 'cpu'):>22} {_cell(value, 'delay'):>22} {_cell(value, 'wall'):>22}"
              f" {_cell(value, 'wall', worst=True):>22}")


if __name__ == "__main__":
    main()

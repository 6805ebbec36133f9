"""App speed, as ratios against a bare Textual app measured in the same run.

Run: python benchmarks/bench_app.py [--runs N] [--startup-only]
Targets (issue 3): start-up to first frame on the example ≤ 1.5× a bare Textual app; on the large
generated project ≤ 2×; moving between screens with the large project open < 50 ms each.

Start-up is a fresh process, started as ``borgerspil FILE`` starts the app (``launch.start_app``),
until the overview's first frame is on screen (Textual's ``Ready``; the bare app is timed the same
way), timed wall-clock (the process notes the moment), with the CPU time it used until then, and,
for reference, until the process has ended (freeing a large project at exit is not start-up). Every variant runs once in
turn per round (so a busy moment of the machine falls on all of them); each figure is the median of
the rounds, with the spread (fastest–slowest). Python's compiled bytecode is kept between runs in a
folder of the benchmark's own (``PYTHONPYCACHEPREFIX``), as an installed app has it; without that,
a ``PYTHONDONTWRITEBYTECODE`` environment compiles the app's source on every start.

A file opened before comes from the cache of validated files (core/cache), as it does for a user
who opens the same file again; each file is also timed as changed since the last start (its entry
deleted before each run), which parses and validates it. The large project is also measured at 4×
and 8× its size, to show how start-up grows.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_project  # noqa: E402

from borgerspil_tui.core.storage import dump_project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hjaelpemidler.borgerspil.yaml"

FRAME = """
import os, time
FRAME = []
def frame_drawn(app):
    FRAME[:] = [time.perf_counter(), time.process_time()]
    if os.environ.get("BENCH_FIRST_RUN"):
        app.set_timer(2, app.exit)  # as a user would: the app is idle a moment, and keeps the file
    else:
        app.exit()
"""
"""Both apps note the moment their first frame is on screen (Textual's ``Ready``; on Linux and
macOS ``perf_counter`` is one clock for every process) and the CPU time used until then, and
print them once the app has stopped. The untimed first run stays open a moment (the app keeps a
parsed file in its cache once idle after the first frame)."""

BARE = FRAME + """
from textual.app import App
from textual.widgets import Footer, Static
class Bare(App):
    def compose(self):
        yield Static("borgerspil")
        yield Footer()
    def on_ready(self):
        frame_drawn(self)
Bare().run(headless=True, size=(120, 40))
print(*FRAME)
"""

OURS = FRAME + """
import argparse, sys
from pathlib import Path
from borgerspil_tui.tui import launch
app = launch.start_app(argparse.Namespace(lang=None, method=None), Path(sys.argv[1]))
app_class = type(app)
on_ready = getattr(app_class, "on_ready", None)
def noted(self):
    if on_ready is not None:
        on_ready(self)
    frame_drawn(self)
app_class.on_ready = noted
app.run(headless=True, size=(120, 40))
print(*FRAME)
"""
"""The app as ``borgerspil FILE`` starts it (``launch.start_app``), drawn headless at 120×40."""


def child_env(folder: Path, cache: Path) -> dict[str, str]:
    """The environment of the timed processes: bytecode kept in ``folder`` (see the docstring),
    validated files kept in ``cache`` (core/cache)."""
    env = {name: value for name, value in os.environ.items()
           if name not in ("PYTHONDONTWRITEBYTECODE", "BORGERSPIL_METHOD", "BORGERSPIL_LANG")}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env["BORGERSPIL_CACHE_DIR"] = str(cache)
    env["BORGERSPIL_CONFIG_DIR"] = str(folder / "config")  # the user's settings play no part
    env["BORGERSPIL_DATA_DIR"] = str(folder / "data")
    return env


class Run(NamedTuple):
    """One timed start: until the first frame (wall, and CPU of the process), and until it ended."""

    frame: float
    frame_cpu: float
    process: float


def timed_runs(variants: dict[str, tuple[list[str], dict[str, str]]], runs: int,
               forget: Path) -> dict[str, list[Run]]:
    """Start a fresh Python process per variant (``-c code`` plus arguments, environment), imports
    included: one untimed run each first (bytecode, cache), then ``runs`` rounds taking turns.
    Before each run of a variant whose cache folder is ``forget``, the projects kept there are
    deleted (the file changed since the last start)."""
    for args, env in variants.values():
        subprocess.run([sys.executable, "-c", *args], check=True, capture_output=True,
                       env={**env, "BENCH_FIRST_RUN": "1"})
    times: dict[str, list[Run]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, (args, env) in variants.items():
            if env.get("BORGERSPIL_CACHE_DIR") == str(forget):
                for entry in forget.glob("project-*"):
                    entry.unlink()
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", *args], check=True, capture_output=True, env=env,
                                  text=True)
            ended = time.perf_counter()
            frame, cpu = (float(value) for value in done.stdout.split()[-2:])
            times[name].append(Run(frame - start, cpu, ended - start))
    return times


def summary(runs: list[Run], floor: list[Run] | None = None) -> str:
    """Median and spread (fastest–slowest) until the first frame; the median CPU time until then;
    the median until the process ended; against ``floor``, the ratios of the medians."""

    def median(field: str, of: list[Run]) -> float:
        return statistics.median(getattr(run, field) for run in of)

    frames = [run.frame for run in runs]
    text = (f"{median('frame', runs) * 1000:.0f} ms ({min(frames) * 1000:.0f}–{max(frames) * 1000:.0f})"
            "{} · CPU {:.0f} ms{} · process {:.0f} ms{}")
    ratios = [""] * 3
    if floor is not None:
        ratios = [f" = {median(field, runs) / median(field, floor):.2f}×"
                  for field in ("frame", "frame_cpu", "process")]
    return text.format(ratios[0], median("frame_cpu", runs) * 1000, ratios[1], median("process", runs) * 1000,
                       ratios[2])


async def bare_switching() -> float:
    """The floor: a bare Textual app pushing and popping a screen, timed the same way (ms)."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import Footer, Static

    class Page(Screen):
        def compose(self):  # noqa: ANN202
            yield Static("page")
            yield Footer()

    class Bare(App):
        BINDINGS = [("1", "push", "push"), ("0", "pop", "pop")]

        def on_mount(self) -> None:
            self.push_screen(Page())

        def action_push(self) -> None:
            self.push_screen(Page())

        def action_pop(self) -> None:
            self.pop_screen()

    times = []
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(10):
            for key in ("1", "0"):
                start = time.process_time()
                await pilot.press(key)
                await pilot.pause()
                times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


async def switching(path: Path) -> dict[str, float]:
    """CPU milliseconds from key press until Pilot sees the app idle again, for each move.

    CPU time, not wall time: Pilot's waiting for idle is sleep, and the machine is shared.
    """
    from borgerspil_tui.core.method import bundled_method
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.core.settings import Settings
    from borgerspil_tui.tui.app import BorgerspilApp

    app = BorgerspilApp(method=bundled_method(), settings=Settings(), language="da",
                        session=Session.open(path), remember=False)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(5):
            for keys, label in ((("1",), "overview → Fokusér"), (("c",), "Fokusér → checklist"),
                                (("0",), "checklist → overview"), (("3",), "overview → Skab"),
                                (("0",), "Skab → overview")):
                start = time.process_time()
                await pilot.press(*keys)
                await pilot.pause()
                results.setdefault(label, []).append((time.process_time() - start) * 1000)
    return {label: statistics.median(values) for label, values in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="timed rounds (at least 5)")
    parser.add_argument("--startup-only", action="store_true", help="skip moving between screens")
    options = parser.parse_args()
    runs = max(5, options.runs)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        kept, changed = child_env(folder, folder / "cache"), child_env(folder, folder / "cache-changed")
        files = {"the example": EXAMPLE}
        for scale in (1, 4, 8):
            path = folder / f"large-{scale}.borgerspil.yaml"
            path.write_text(dump_project(large_project(scale)), "utf-8")
            files[f"the large project {scale}× ({path.stat().st_size / 1e6:.2f} MB)"] = path
        variants = {"bare": ([BARE], kept)}
        for label, path in files.items():
            variants[label] = ([OURS, str(path)], kept)
            variants[f"{label}, changed"] = ([OURS, str(path)], changed)
        times = timed_runs(variants, runs, folder / "cache-changed")
        bare = times["bare"]
        print(f"start-up to the first frame, median of {runs} (fastest–slowest); CPU time until then; "
              "the whole process (until it has exited):")
        print(f"  bare Textual app: {summary(bare)}")
        for label in files:
            target = " (target ≤ 1.5×)" if label == "the example" else " (target ≤ 2×)" if "1×" in label else ""
            print(f"  borgerspil on {label}: {summary(times[label], bare)}{target}")
        print("  … the same, the file changed since the last start (not in the cache):")
        for label in files:
            print(f"  borgerspil on {label}: {summary(times[f'{label}, changed'], bare)}")
        if options.startup_only:
            return
        large = folder / "large-1.borgerspil.yaml"
        floor = asyncio.run(bare_switching())
        print(f"moving between screens, CPU time with Pilot (key → idle); bare Textual push/pop {floor:.0f} ms:")
        for label, ms in asyncio.run(switching(large)).items():
            print(f"  {label}: {ms:.0f} ms = {ms / floor:.1f}× the bare floor (target < 50 ms)")


if __name__ == "__main__":
    main()

"""App speed, as ratios against a bare Textual app measured in the same run.

Run: python benchmarks/bench_app.py [--runs N] [--startup-only]
Targets (issue 3): start-up to first frame on the example ≤ 1.5× a bare Textual app; on the large
generated project ≤ 2×; moving between screens with the large project open < 50 ms each.

Start-up is a fresh process until the overview's first frame, timed wall-clock; every variant runs
once in turn per round (so a busy moment of the machine falls on all of them), and each figure is
the median of the rounds with the spread (fastest–slowest). Python's compiled bytecode is kept
between runs in a folder of the benchmark's own (``PYTHONPYCACHEPREFIX``), as an installed app has
it; without that, a ``PYTHONDONTWRITEBYTECODE`` environment compiles the app's source on every
start. The large project is also measured at 4× and 8× its size, to show how start-up grows.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_project  # noqa: E402

from borgerspil_tui.core.storage import dump_project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hjaelpemidler.borgerspil.yaml"

BARE = """
from textual.app import App
from textual.widgets import Footer, Static
class Bare(App):
    def compose(self):
        yield Static("borgerspil")
        yield Footer()
    def on_mount(self):
        self.call_after_refresh(self.exit)
Bare().run(headless=True, size=(120, 40))
"""

OURS = """
import sys
from pathlib import Path
from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.session import Session
from borgerspil_tui.core.settings import Settings
from borgerspil_tui.tui.app import BorgerspilApp
from borgerspil_tui.tui.screens.overview import OverviewScreen
class FirstFrame(BorgerspilApp):
    def on_mount(self):  # Textual calls BorgerspilApp.on_mount too (handlers run along the MRO)
        self._probe = self.set_interval(0.002, self._first_frame)
    def _first_frame(self):
        if isinstance(self.screen, OverviewScreen) and self.screen.is_mounted:
            self._probe.stop()
            self.call_after_refresh(self.exit)
app = FirstFrame(method=bundled_method(), settings=Settings(), language="da",
                 session=Session.open(Path(sys.argv[1])), remember=False)
app.run(headless=True, size=(120, 40))
"""


def child_env(folder: Path) -> dict[str, str]:
    """The environment of the timed processes: bytecode kept in ``folder`` (see the docstring)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def wall_times(variants: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Wall and CPU time of a fresh Python process per variant (``-c code`` plus arguments),
    imports included: one untimed run each first (bytecode), then ``runs`` rounds taking turns.

    CPU time (user + system of the child) is printed beside the wall time: on a shared machine it
    moves less with what else runs.
    """
    for args in variants.values():
        subprocess.run([sys.executable, "-c", *args], check=True, capture_output=True, env=env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, args in variants.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", *args], check=True, capture_output=True, env=env)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            times[name].append((wall, cpu))
    return times


def summary(times: list[tuple[float, float]], floor: list[tuple[float, float]] | None = None) -> str:
    """``median ms (fastest–slowest)`` of the wall times, the median CPU time, and against
    ``floor`` the ratios of the medians."""
    wall = [w for w, _ in times]
    cpu = statistics.median(c for _, c in times)
    text = f"{statistics.median(wall) * 1000:.0f} ms ({min(wall) * 1000:.0f}–{max(wall) * 1000:.0f})"
    if floor is None:
        return f"{text}; CPU {cpu * 1000:.0f} ms"
    ratio = statistics.median(wall) / statistics.median(w for w, _ in floor)
    cpu_ratio = cpu / statistics.median(c for _, c in floor)
    return f"{text} = {ratio:.2f}×; CPU {cpu * 1000:.0f} ms = {cpu_ratio:.2f}×"


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
    parser.add_argument("--runs", type=int, default=7, help="timed rounds (at least 5)")
    parser.add_argument("--startup-only", action="store_true", help="skip moving between screens")
    options = parser.parse_args()
    runs = max(5, options.runs)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        sizes = {}
        variants = {"bare": [BARE], "example": [OURS, str(EXAMPLE)]}
        for scale in (1, 4, 8):
            path = folder / f"large-{scale}.borgerspil.yaml"
            path.write_text(dump_project(large_project(scale)), "utf-8")
            sizes[scale] = path.stat().st_size / 1e6
            variants[f"large {scale}×"] = [OURS, str(path)]
        times = wall_times(variants, child_env(folder), runs)
        bare = times["bare"]
        print(f"start-up to first frame, median of {runs} (fastest–slowest):")
        print(f"  bare Textual app: {summary(times['bare'])}")
        print(f"  borgerspil on the example: {summary(times['example'], bare)} (target ≤ 1.5×)")
        for scale in (1, 4, 8):
            target = " (target ≤ 2×)" if scale == 1 else ""
            print(f"  borgerspil on the large project {scale}× ({sizes[scale]:.2f} MB): "
                  f"{summary(times[f'large {scale}×'], bare)}{target}")
        if options.startup_only:
            return
        large = folder / "large-1.borgerspil.yaml"
        floor = asyncio.run(bare_switching())
        print(f"moving between screens, CPU time with Pilot (key → idle); bare Textual push/pop {floor:.0f} ms:")
        for label, ms in asyncio.run(switching(large)).items():
            print(f"  {label}: {ms:.0f} ms = {ms / floor:.1f}× the bare floor (target < 50 ms)")


if __name__ == "__main__":
    main()

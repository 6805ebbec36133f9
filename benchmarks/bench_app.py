"""App speed, as ratios against a bare Textual app measured in the same run.

Run: python benchmarks/bench_app.py
Targets (issue 3): start-up to first frame on the example ≤ 1.5× a bare Textual app; on the large
generated project ≤ 2×; moving between screens with the large project open < 50 ms each.
"""

from __future__ import annotations

import asyncio
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
    def on_mount(self):
        super().on_mount()
        self._probe = self.set_interval(0.002, self._first_frame)
    def _first_frame(self):
        if isinstance(self.screen, OverviewScreen) and self.screen.is_mounted:
            self._probe.stop()
            self.call_after_refresh(self.exit)
app = FirstFrame(method=bundled_method(), settings=Settings(), language="da",
                 session=Session.open(Path(sys.argv[1])), remember=False)
app.run(headless=True, size=(120, 40))
"""


def wall_time(code: str, *args: str, runs: int = 7) -> float:
    """Median wall time of a fresh Python process running ``code`` (imports included)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    with tempfile.TemporaryDirectory() as folder:
        large = Path(folder) / "large.borgerspil.yaml"
        large.write_text(dump_project(large_project(1)), "utf-8")
        bare = wall_time(BARE)
        example = wall_time(OURS, str(EXAMPLE))
        big = wall_time(OURS, str(large))
        print(f"bare Textual app, start to first frame: {bare * 1000:.0f} ms")
        print(f"borgerspil on the example: {example * 1000:.0f} ms = {example / bare:.2f}× (target ≤ 1.5×)")
        print(f"borgerspil on the large project: {big * 1000:.0f} ms = {big / bare:.2f}× (target ≤ 2×)")
        floor = asyncio.run(bare_switching())
        print(f"moving between screens, CPU time with Pilot (key → idle); bare Textual push/pop {floor:.0f} ms:")
        for label, ms in asyncio.run(switching(large)).items():
            print(f"  {label}: {ms:.0f} ms = {ms / floor:.1f}× the bare floor (target < 50 ms)")


if __name__ == "__main__":
    main()

"""Typing in a note of the app, as a ratio to typing in a bare Textual field, measured in one run.

Run: python benchmarks/bench_typing.py [--runs N]
Target (issue 9): one typed character in a note on the 4 MB project (5,000 ideas, 3,000 tree
nodes) ≤ 2× the same key in a bare Textual ``Input`` (and in a bare ``TextArea``, the widget the
note is), CPU time from the key press until the app is idle again (Pilot), so the work the
keystroke causes is counted: the edit (a ``SetValue`` merged into one undo step while typing), the
status line, the screen's update. Every run types 20 characters in each app in turn; a figure is
the median of the runs' medians, with the spread of the runs (fastest–slowest). The project is
grown to 4× and 8× to show that the cost does not grow with it.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import issue_project  # noqa: E402

from borgerspil_tui.core.storage import dump_project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hjaelpemidler.borgerspil.yaml"
KEYS = "borgerneskalmødes1x"


async def _type(pilot, keys: str) -> list[float]:  # noqa: ANN001
    times = []
    for key in keys:
        start = time.process_time()
        await pilot.press(key)
        await pilot.pause()
        times.append((time.process_time() - start) * 1000)
    return times


async def bare(widget: str) -> float:
    """Median CPU ms per key in a bare Textual app with one ``Input`` or ``TextArea``."""
    from textual.app import App
    from textual.widgets import Footer, Input, Static, TextArea

    class Bare(App):
        def compose(self):  # noqa: ANN202
            yield Static("borgerspil")
            yield Input() if widget == "Input" else TextArea()
            yield Footer()

    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pilot.app.query_one(widget).focus()
        await pilot.pause()
        return statistics.median(await _type(pilot, KEYS))


async def ours(path: Path) -> float:
    """Median CPU ms per key typing in the note "Sådan ser succes ud" on the value screen."""
    from borgerspil_tui.core.method import bundled_method
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.core.settings import Settings
    from borgerspil_tui.tui.app import BorgerspilApp

    app = BorgerspilApp(method=bundled_method(), settings=Settings(), language="da",
                        session=Session.open(path), remember=False)
    app.autosave_delay = 3600  # saving is measured in bench_save.py
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_goto("value")
        await pilot.pause()
        app.screen.query_one("#text-success_picture").focus()
        await pilot.pause()
        times = await _type(pilot, KEYS)
        typed = app.session.project.focus.success_picture
        assert KEYS in typed, "the typed text did not reach the project"
        return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (at least 5)")
    parser.add_argument("--scales", default="1,4,8", help="sizes of the 4 MB project to measure")
    options = parser.parse_args()
    runs = max(5, options.runs)
    scales = [int(n) for n in options.scales.split(",")]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = {"the example": EXAMPLE}
        for scale in scales:
            path = folder / f"large-{scale}.borgerspil.yaml"
            path.write_text(dump_project(issue_project(scale)), "utf-8")
            label = {1: "4 MB project", 4: "4 MB × 4", 8: "4 MB × 8"}[scale]
            files[f"{label} ({path.stat().st_size / 1e6:.1f} MB)"] = path
        results: dict[str, list[float]] = {"bare Input": [], "bare TextArea": [], **{k: [] for k in files}}
        for _ in range(runs):
            results["bare Input"].append(asyncio.run(bare("Input")))
            results["bare TextArea"].append(asyncio.run(bare("TextArea")))
            for label, path in files.items():
                results[label].append(asyncio.run(ours(path)))
    floor_input = statistics.median(results["bare Input"])
    floor_area = statistics.median(results["bare TextArea"])
    print(f"one typed character, CPU ms from key to idle, median of {runs} runs (fastest–slowest run):")
    for label, values in results.items():
        median = statistics.median(values)
        print(f"  {label}: {median:.2f} ms ({min(values):.2f}–{max(values):.2f})"
              f" = {median / floor_input:.2f}× bare Input, {median / floor_area:.2f}× bare TextArea")


if __name__ == "__main__":
    main()

"""Prioritisation matrix speed with 1,000 ideas, against a bare Textual DataTable in the same run.

Run: python benchmarks/bench_matrix.py
Targets (issue 5): a score change shows re-ranked on screen within 50 ms; the matrix opens
within 300 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.text import Text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_project  # noqa: E402

from borgerspil_tui.core.method import bundled_method  # noqa: E402
from borgerspil_tui.core.session import Session  # noqa: E402
from borgerspil_tui.core.settings import Settings  # noqa: E402
from borgerspil_tui.core.storage import create_project_file  # noqa: E402


async def cpu_ms(pilot, *keys: str) -> float:  # noqa: ANN001
    start = time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return (time.process_time() - start) * 1000


async def bare(titles: list[str]) -> tuple[float, float]:
    """A bare DataTable: filled with the same 1,000 rows (open), and one cell updated (change)."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import DataTable

    class Table(Screen):
        def compose(self):  # noqa: ANN202
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("#", "idea", "a", "b", "c", "d", "dots", "score", "chosen")
            for i, title in enumerate(titles):
                table.add_row(Text(str(i)), Text(title), *(Text("3") for _ in range(4)), Text(""), Text("3.00"),
                              Text(""), key=str(i))

    class Bare(App):
        BINDINGS = [("o", "open", "open"), ("c", "change", "change"), ("escape", "back", "back")]

        def action_open(self) -> None:
            self.push_screen(Table())

        def action_back(self) -> None:
            self.pop_screen()

        def action_change(self) -> None:
            self.screen.query_one(DataTable).update_cell("5", list(self.screen.query_one(DataTable).columns)[2],
                                                         Text("5"))

    opens, changes = [], []
    async with Bare().run_test(size=(120, 40)) as pilot:
        for _ in range(5):
            opens.append(await cpu_ms(pilot, "o"))
            changes.append(await cpu_ms(pilot, "c"))
            await pilot.press("escape")
    return statistics.median(opens), statistics.median(changes)


async def ours(path: Path) -> dict[str, float]:
    from borgerspil_tui.tui.app import BorgerspilApp

    app = BorgerspilApp(method=bundled_method(), settings=Settings(), language="da",
                        session=Session.open(path), remember=False, autosave_delay=3600)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(5):
            start = time.process_time()
            app.action_goto("matrix")
            await pilot.pause()
            results.setdefault("open the matrix", []).append((time.process_time() - start) * 1000)
            table = app.screen.query_one("#ideas")
            for row in range(0, 40, 8):
                table.move_cursor(row=row, column=3)  # the first criterion (after rank, title, score)
                for digit in ("5", "1"):
                    results.setdefault("score change, re-ranked", []).append(await cpu_ms(pilot, digit))
            results.setdefault("weight change (+), all ranks", []).append(await cpu_ms(pilot, "plus"))
            await pilot.press("minus")
            results.setdefault("switch to the 2×2 view", []).append(await cpu_ms(pilot, "v"))
            await pilot.press("v", "0")
            await pilot.pause()
    return {label: statistics.median(values) for label, values in results.items()}


def main() -> None:
    project = large_project(1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ideas.borgerspil.yaml"
        create_project_file(path, project)
        bare_open, bare_change = asyncio.run(bare([i.title for i in project.create.ideas]))
        measured = asyncio.run(ours(path))
    print(f"{len(project.create.ideas)} ideas; CPU ms from key press until idle (Pilot).")
    print(f"floor: a bare DataTable filled with the same rows {bare_open:.0f} ms, one cell updated {bare_change:.0f} ms")
    for label, ms in measured.items():
        floor = bare_open if label.startswith(("open", "switch")) else bare_change
        print(f"  {label}: {ms:.0f} ms = {ms / floor:.1f}× the floor")


if __name__ == "__main__":
    main()

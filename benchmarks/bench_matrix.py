"""The prioritisation matrix on a large project, as ratios to a bare Textual ``DataTable`` measured
in the same run.

Run: python benchmarks/bench_matrix.py [--runs N] [--scales 5,20,40] [--keys K]
Targets (issue 9): on the 4 MB project (``large_project(5)``: 5,000 ideas), CPU time from a key
press until the app is idle again (Pilot) ≤ 2× a bare ``DataTable`` with the same rows doing the
equivalent update, for a score, a choice and a new idea; the same figures at 4× and 8× the
project show whether the cost grows with it.

- **score**: a digit on an idea's importance, which moves it far in the ranking (5 where it had
  less than 3, else 1): the app saves the edit, shows the digit, the weighted score and the new
  ranks of every idea it passed, and moves the cursor on. The bare table puts the digit and a
  score in two cells (``update_cell``) and moves its cursor on.
- **choose**: space on an idea; the bare table puts a mark in one cell.
- **add idea**: Enter in the bar with a title typed; the bare table's ``Input`` adds a row
  (``add_row``) and moves the cursor to it.
- **open**: the matrix opened with the project loaded; the bare app pushes a screen with a
  ``DataTable`` filled with the same rows and columns.

The bare table is given the size of the matrix's table (the matrix shares the screen with its
guidance, the line above and the idea under it), so both draw as many cells after a key.

Each run starts both apps afresh on each project and presses each key ``K`` times (on rows spread
over the table); a run's figure is the median of its ``K`` presses, the ratio is the app's over the
bare table's in the same run, and the report gives the median of the runs with their spread
(fastest–slowest run). As the real app does after its first frame, both collect garbage once and
freeze what lives on (``gc.freeze``) before they are timed.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.text import Text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_project  # noqa: E402

from borgerspil_tui.core.derived import rank_ideas  # noqa: E402
from borgerspil_tui.core.method import bundled_method  # noqa: E402
from borgerspil_tui.core.storage import dump_project  # noqa: E402

METHOD = bundled_method()
ACTIONS = ("open", "score", "choose", "add idea")
SIZE = (120, 40)


async def _idle(pilot) -> None:  # noqa: ANN001
    """Until every widget has handled what it was sent (filling 40,000 rows on a busy machine
    takes longer than Pilot's 30 seconds: wait again)."""
    from textual.pilot import WaitForScreenTimeout

    while True:
        try:
            await pilot.pause()
            return
        except WaitForScreenTimeout:
            continue


async def _cpu_ms(pilot, *keys: str) -> float:  # noqa: ANN001
    start = time.process_time()
    await pilot.press(*keys)
    await _idle(pilot)
    return (time.process_time() - start) * 1000


def _settle() -> None:
    """What the app does after its first frame: collect once, keep what lives out of later collections."""
    gc.collect()
    gc.freeze()


def _rows(project) -> list[list[str]]:  # noqa: ANN001
    """The matrix's rows as text: rank, title, score, the four scores, dots, chosen."""
    criteria = [c.id for c in METHOD.criteria]
    rows = []
    for item in rank_ideas(project, METHOD):
        idea = item.idea
        rows.append([str(item.rank), idea.title, f"{item.score:.2f}",
                     *(str(idea.scores[c]) if c in idea.scores else "·" for c in criteria),
                     str(item.dots) if item.dots else "", "✓" if idea.chosen else ""])
    return rows


def _spread(count: int, keys: int) -> list[int]:
    return [(n * count) // keys + n % 3 for n in range(keys)]


async def bare(rows: list[list[str]], keys: int, size: tuple[int, int]) -> dict[str, float]:
    """A bare Textual app: a ``DataTable`` with the same rows, doing the same updates, as wide and
    as high as the matrix's table (``size``: it draws as many cells)."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import DataTable, Input, Static

    columns = ["rank", "title", "score", "a", "b", "c", "d", "dots", "chosen"]

    class Table(Screen):
        DEFAULT_CSS = f"DataTable {{ width: {size[0]}; height: {size[1]}; }}"
        BINDINGS = [*((str(n), f"score('{n}')") for n in range(1, 6)), ("space", "choose")]

        def compose(self):  # noqa: ANN202
            yield DataTable(id="table", cursor_type="cell", zebra_stripes=True)
            yield Input(id="input")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            for key in columns:
                table.add_column(Text(key, end=""), key=key)
            for row in rows:
                table.add_row(*(Text(value, end="") for value in row), key=row[0])
            table.focus()

        def action_score(self, digit: str) -> None:
            table = self.query_one(DataTable)
            row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            table.update_cell(row, columns[table.cursor_column], Text(digit, end=""))
            table.update_cell(row, "score", Text(f"{int(digit) * 0.6:.2f}", end=""))
            table.move_cursor(column=table.cursor_column + 1)

        def action_choose(self) -> None:
            table = self.query_one(DataTable)
            row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            mark = "" if str(table.get_cell(row, "chosen")) else "✓"
            table.update_cell(row, "chosen", Text(mark, end=""))

        def on_input_submitted(self, event: Input.Submitted) -> None:
            table = self.query_one(DataTable)
            key = str(table.row_count + 1)
            table.add_row(Text(key, end=""), Text(event.value, end=""), Text("0.00", end=""),
                          *(Text("·", end="") for _ in range(4)), Text("", end=""), Text("", end=""), key=key)
            table.move_cursor(row=table.row_count - 1)
            event.input.value = ""

    class Bare(App):
        def compose(self):  # noqa: ANN202
            yield Static("borgerspil")

    times: dict[str, list[float]] = {action: [] for action in ACTIONS}
    async with Bare().run_test(size=SIZE) as pilot:
        await pilot.pause()
        _settle()
        start = time.process_time()
        pilot.app.push_screen(Table())
        await _idle(pilot)
        times["open"].append((time.process_time() - start) * 1000)
        table = pilot.app.screen.query_one(DataTable)
        for row in _spread(len(rows), keys):
            table.move_cursor(row=row, column=3)
            await pilot.pause()
            times["score"].append(await _cpu_ms(pilot, "5"))
        for row in _spread(len(rows), keys):
            table.move_cursor(row=row, column=3)
            await pilot.pause()
            times["choose"].append(await _cpu_ms(pilot, "space"))
        pilot.app.screen.query_one(Input).focus()
        for n in range(keys):
            await pilot.press(*f"ny idé {n}")
            times["add idea"].append(await _cpu_ms(pilot, "enter"))
        assert table.row_count == len(rows) + keys
    gc.unfreeze()
    return {action: statistics.median(values) for action, values in times.items()}


async def ours(path: Path, keys: int) -> tuple[dict[str, float], tuple[int, int]]:
    """The app on the project, the matrix opened from the overview; checks that each key did its
    edit. Also returns the size of the matrix's table."""
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.core.settings import Settings
    from borgerspil_tui.tui.app import BorgerspilApp

    session = Session.open(path)
    session.keep()  # the next runs load it from the cache, as a user who opens it again does
    app = BorgerspilApp(method=METHOD, settings=Settings(), language="da", session=session, remember=False,
                        autosave_delay=3600, watch_interval=3600)  # saving is measured elsewhere
    times: dict[str, list[float]] = {action: [] for action in ACTIONS}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        _settle()
        start = time.process_time()
        app.action_goto("matrix")
        await _idle(pilot)
        times["open"].append((time.process_time() - start) * 1000)
        screen = app.screen
        table = screen.query_one("#ideas")
        size = (table.size.width, table.size.height)
        ideas = {idea.id: idea for idea in app.session.project.create.ideas}
        count = table.row_count
        scored = []
        for row in _spread(count, keys):
            table.move_cursor(row=row, column=3)
            await pilot.pause()
            idea_id = screen.current_id()
            before = str(table.get_cell(idea_id, "rank"))
            digit = "1" if ideas[idea_id].scores.get("importance", 0) >= 3 else "5"
            times["score"].append(await _cpu_ms(pilot, digit))
            assert app.session.project.create.ideas[row].scores["importance"] == int(digit)
            assert str(table.get_cell(idea_id, "rank")) != before, "the score did not move the idea"
            scored.append(idea_id)
        for row in _spread(count, keys):
            table.move_cursor(row=row, column=3)
            await pilot.pause()
            chosen = app.session.project.create.ideas[row].chosen
            times["choose"].append(await _cpu_ms(pilot, "space"))
            assert app.session.project.create.ideas[row].chosen is not chosen
        await pilot.press("n")
        for n in range(keys):
            await pilot.press(*f"ny idé {n}")
            times["add idea"].append(await _cpu_ms(pilot, "enter"))
        await pilot.press("escape")
        assert len(app.session.project.create.ideas) == count + keys and table.row_count == count + keys
        ranks = {r.idea.id: r.rank for r in rank_ideas(app.session.project, METHOD)}
        assert all(str(table.get_cell(i, "rank")) == str(ranks[i]) for i in scored), "a rank on screen is wrong"
    gc.unfreeze()
    return {action: statistics.median(values) for action, values in times.items()}, size


def _figure(values: list[float], unit: str = "") -> str:
    return f"{statistics.median(values):.2f}{unit} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs (at least 5)")
    parser.add_argument("--scales", default="5,20,40", help="large_project scales (5: the 4 MB project)")
    parser.add_argument("--keys", type=int, default=10, help="presses of each key per run")
    args = parser.parse_args()
    runs = max(5, args.runs)
    scales = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["BORGERSPIL_CACHE_DIR"] = str(folder / "cache")
        files, rows, labels = {}, {}, {}
        for scale in scales:
            project = large_project(scale)
            path = folder / f"large-{scale}.borgerspil.yaml"
            path.write_text(dump_project(project), "utf-8")
            files[scale], rows[scale] = path, _rows(project)
            growth = f"{scale / scales[0]:g}×" if scale != scales[0] else "1×"
            labels[scale] = (f"{growth}: {len(project.create.ideas):,} ideas, "
                             f"{path.stat().st_size / 1e6:.1f} MB")
            del project
        results = {scale: {side: {a: [] for a in ACTIONS} for side in ("bare", "ours")} for scale in scales}
        for run in range(runs):
            for scale in scales:
                mine, size = asyncio.run(ours(files[scale], args.keys))
                floor = asyncio.run(bare(rows[scale], args.keys, size))
                for side, measured in (("ours", mine), ("bare", floor)):
                    for action, value in measured.items():
                        results[scale][side][action].append(value)
                gc.collect()
            print(f"run {run + 1} of {runs} done", file=sys.stderr)
    print(f"CPU ms from key to idle, the median of {args.keys} presses per run; median of {runs} runs "
          "(fastest–slowest run); ratio = the matrix / a bare DataTable with the same rows, in the same run")
    for scale in scales:
        print(f"\n{labels[scale]}")
        for action in ACTIONS:
            mine, floor = results[scale]["ours"][action], results[scale]["bare"][action]
            ratios = [m / f for m, f in zip(mine, floor)]
            print(f"  {action:9} {_figure(ratios, '×'):24} matrix {_figure(mine, ' ms'):28} "
                  f"bare {_figure(floor, ' ms')}")
    first = scales[0]
    if len(scales) > 1:
        print(f"\ngrowth of the matrix's own time against {labels[first].split(':')[0]} (medians):")
        for action in ACTIONS:
            base = statistics.median(results[first]["ours"][action])
            steps = ", ".join(f"{labels[s].split(':')[0]} {statistics.median(results[s]['ours'][action]) / base:.2f}"
                              for s in scales[1:])
            print(f"  {action:9} {steps}")


if __name__ == "__main__":
    main()

"""Problem tree speed with a 500-node tree, against a bare Textual Tree measured in the same run.

Run: python benchmarks/bench_tree.py
Targets (issue 4): an add / edit / move shows on screen within 50 ms; the picture of the whole
tree renders within 200 ms.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.text import Text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import _tree  # noqa: E402

from borgerspil_tui.core.method import bundled_method  # noqa: E402
from borgerspil_tui.core.model import Project  # noqa: E402
from borgerspil_tui.core.session import Session  # noqa: E402
from borgerspil_tui.core.settings import Settings  # noqa: E402
from borgerspil_tui.core.storage import create_project_file  # noqa: E402
from borgerspil_tui.core.tree_picture import draw  # noqa: E402

NODES = 500


def project_with_tree() -> Project:
    rng = random.Random(4)
    project = Project(schema_version=1, title="500 knuder")
    project.focus.problem = "Borgere venter for længe på svar."
    counter = [0]
    causes = []
    while counter[0] < 400:
        causes += _tree(rng, 400, 4, counter)
    consequences = []
    while counter[0] < NODES:
        consequences += _tree(rng, NODES, 3, counter)
    project.focus.causes, project.focus.consequences = causes, consequences
    return Project.model_validate(project.model_dump())


async def cpu_ms(pilot, *keys: str) -> float:  # noqa: ANN001
    start = time.process_time()
    await pilot.press(*keys)
    await pilot.pause()
    return (time.process_time() - start) * 1000


async def bare_floor(project: Project) -> float:
    """A bare Textual Tree showing the same 500 labels, rebuilt after a key press (CPU ms)."""
    from textual.app import App
    from textual.widgets import Tree

    def fill(tree: Tree, nodes, parent) -> None:  # noqa: ANN001
        for node in nodes:
            item = parent.add(Text(node.text), expand=True)
            fill(tree, node.children, item)

    class Bare(App):
        BINDINGS = [("r", "rebuild", "rebuild")]

        def compose(self):  # noqa: ANN202
            yield Tree("root")

        def action_rebuild(self) -> None:
            tree = self.query_one(Tree)
            tree.clear()
            fill(tree, project.focus.causes + project.focus.consequences, tree.root)

    times = []
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        for _ in range(10):
            times.append(await cpu_ms(pilot, "r"))
    return statistics.median(times)


async def ours(path: Path) -> dict[str, float]:
    from borgerspil_tui.tui.app import BorgerspilApp

    app = BorgerspilApp(method=bundled_method(), settings=Settings(), language="da",
                        session=Session.open(path), remember=False, autosave_delay=3600)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_goto("problem-tree")
        await pilot.pause()
        await pilot.press("down", "down")  # the first cause
        for round_ in range(8):
            await pilot.press("n", *"Ny årsag")
            results.setdefault("add (Enter on a typed node)", []).append(await cpu_ms(pilot, "enter"))
            await pilot.press("enter")
            await pilot.press("e", "end", "!")
            results.setdefault("edit (Enter on the changed text)", []).append(await cpu_ms(pilot, "enter"))
            key = "shift+down" if round_ % 2 == 0 else "shift+up"
            results.setdefault("move (Shift+↓/↑)", []).append(await cpu_ms(pilot, key))
        for _ in range(4):
            results.setdefault("switch to the picture (v)", []).append(await cpu_ms(pilot, "v"))
            await pilot.press("v")
    return {label: statistics.median(values) for label, values in results.items()}


def main() -> None:
    project = project_with_tree()
    times = []
    for _ in range(10):
        start = time.perf_counter()
        draw(project.focus.problem, project.focus.causes, project.focus.consequences, 116)
        times.append((time.perf_counter() - start) * 1000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tree.borgerspil.yaml"
        create_project_file(path, project)
        floor = asyncio.run(bare_floor(project))
        measured = asyncio.run(ours(path))
    print(f"{NODES}-node tree; CPU ms from key press until idle (Pilot). Floor: a bare Textual Tree "
          f"rebuilt with the same {NODES} labels: {floor:.0f} ms")
    for label, ms in measured.items():
        print(f"  {label}: {ms:.0f} ms = {ms / floor:.1f}× the floor")
    print(f"laying out the whole picture (core, no UI): {statistics.median(times):.1f} ms")


if __name__ == "__main__":
    main()

"""Problem-tree edits in the app against a bare Textual ``Tree`` doing the same, measured in one run.

Run: python benchmarks/bench_tree.py [--runs N] [--rounds N] [--scales 1,4,8]

Target (issue 9): on the 4 MB project (5,000 ideas and a problem tree of 3,000 nodes) a tree add,
a move and an edit of a node's text each cost ≤ 2× the same update in a bare Textual app whose
``Tree`` holds the same 3,000 lines: CPU time from the key press until the app is idle again
(Pilot), so all the work the key causes is counted (the edit as a change, the undo step, the
outline's update, the status line, the repaint). The bare app does what a hand-written Tree would:

- add: a new line after the one under the cursor, the cursor on it (``TreeNode.add_leaf``);
- move: the line under the cursor taken out and put back one place further (``remove`` + ``add``,
  a Tree has no move), the cursor on it; for a branch, its lines with it;
- edit: the line's label set (``set_label``); and, as a second floor, the same with an ``Input``
  under the Tree that ``e`` opens and Enter closes (focus back on the Tree), as the app's bar does.

In the app the same: Enter on a typed node (``n``), ``shift+↓``/``shift+↑``, Enter on an edited
text (``e``). Each run opens every app afresh and does each edit ``--rounds`` times; a figure is the
median of the runs' medians with the spread of the runs (fastest–slowest run). The project is
grown to 4× and 8× (tree and ideas) to show whether the cost grows with it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.text import Text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import _tree, large_project  # noqa: E402

from borgerspil_tui.core import tree_ops  # noqa: E402
from borgerspil_tui.core.model import Project  # noqa: E402
from borgerspil_tui.core.model.focus import TreeNode  # noqa: E402
from borgerspil_tui.core.storage import dump_project  # noqa: E402

NODES = 3000
IDEAS = 5000
SIZE = (120, 40)
EDITS = ("add", "move a node", "move a branch", "edit text")
FLOORS = {"edit text": "edit text, bare with a bar"}
"""A second floor for an edit: the bare Tree with a one-line ``Input`` under it, shown by ``e`` and
hidden again by Enter, the focus back on the Tree, as the app's edit bar does."""


def project(scale: int) -> Project:
    """The 4 MB project × ``scale``: 5,000 ideas and a 3,000-node tree (four levels deep) each."""
    p = large_project(IDEAS // 1000 * scale)
    rng = random.Random(9)
    counter = [0]
    causes: list[TreeNode] = []
    while counter[0] < NODES * scale:
        causes += _tree(rng, NODES * scale, 4, counter)
    p.focus.causes = causes
    return Project.model_validate(p.model_dump())


def targets(p: Project) -> tuple[str, str]:
    """A leaf halfway down the tree (with a sibling after it) and a branch (a node with a few
    levels under it, with a sibling after it): the nodes the edits are made on."""
    nodes = list(tree_ops.walk(p.focus.causes))
    leaf = branch = ""
    for node, _ in nodes[len(nodes) // 2:]:
        siblings = tree_ops.locate(p, node.id).siblings
        if siblings[-1] is node:
            continue
        if not node.children and not leaf:
            leaf = node.id
        if node.children and any(c.children for c in node.children) and not branch:
            branch = node.id
        if leaf and branch:
            break
    return leaf, branch


async def _cpu_ms(pilot, key: str) -> float:  # noqa: ANN001
    start = time.process_time()
    await pilot.press(key)
    await pilot.pause()
    return (time.process_time() - start) * 1000


# -- the bare Tree ------------------------------------------------------------------------------
async def bare(p: Project, leaf: str, branch: str, rounds: int) -> dict[str, float]:
    """Median CPU ms per edit in a bare Textual app with one Tree of the same lines."""
    from textual.app import App
    from textual.widgets import Footer, Input, Static, Tree
    from textual.widgets.tree import TreeNode as Line

    lines: dict[str, Line] = {}

    def fill(parent: Line, nodes: list[TreeNode]) -> None:
        for node in nodes:
            if node.children:
                lines[node.id] = line = parent.add(Text(node.text), data=node.id, expand=True)
                fill(line, node.children)
            else:
                lines[node.id] = parent.add_leaf(Text(node.text), data=node.id)

    def copy(line: Line, parent: Line, before: int | None) -> Line:
        made = parent.add(line.label, data=line.data, before=before, expand=line.is_expanded,
                          allow_expand=line.allow_expand)
        lines[line.data] = made
        for child in line.children:
            copy(child, made, None)
        return made

    class Bare(App):
        BINDINGS = [("a", "add", "add"), ("m", "move", "move"), ("e", "edit", "edit"), ("b", "bar", "bar")]
        CSS = "Tree { height: 1fr; } Input { display: none; } Input.-open { display: block; }"

        def compose(self):  # noqa: ANN202
            yield Static("borgerspil")
            yield Tree("·")
            yield Input()
            yield Footer()

        def action_bar(self) -> None:
            line = self.query_one(Tree).cursor_node
            assert line is not None
            bar = self.query_one(Input)
            bar.value = str(line.label)
            bar.add_class("-open")
            bar.focus()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            tree = self.query_one(Tree)
            assert tree.cursor_node is not None
            tree.cursor_node.set_label(Text(event.value))
            event.input.remove_class("-open")
            tree.focus()

        def on_mount(self) -> None:
            tree = self.query_one(Tree)
            tree.show_root = False
            group = tree.root.add(Text("Konsekvenser"), expand=True)
            fill(group, p.focus.consequences)
            tree.root.add_leaf(Text("PROBLEM"))
            group = tree.root.add(Text("Årsager"), expand=True)
            fill(group, p.focus.causes)
            self.step = 1

        def _cursor_on(self, line: Line) -> None:
            tree = self.query_one(Tree)
            _ = tree.last_line  # the line numbers, for the cursor
            tree.move_cursor(line)

        def action_add(self) -> None:
            line = self.query_one(Tree).cursor_node
            assert line is not None and line.parent is not None
            self._cursor_on(line.parent.add_leaf(Text("Ny årsag"), after=line))

        def action_move(self) -> None:
            line = self.query_one(Tree).cursor_node
            assert line is not None and line.parent is not None
            parent, index = line.parent, line.parent.children.index(line)
            line.remove()
            moved = copy(line, parent, index + self.step)
            self.step = -self.step
            self._cursor_on(moved)

        def action_edit(self) -> None:
            line = self.query_one(Tree).cursor_node
            assert line is not None
            line.set_label(Text(str(line.label) + "!"))

    times: dict[str, list[float]] = {edit: [] for edit in (*EDITS, *FLOORS.values())}
    app = Bare()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(Tree)
        tree.focus()
        for edit, key, on in (("add", "a", leaf), ("move a node", "m", leaf), ("move a branch", "m", branch),
                              ("edit text", "e", leaf)):
            app._cursor_on(lines[on])
            await pilot.pause()
            for _ in range(rounds):
                times[edit].append(await _cpu_ms(pilot, key))
                if edit == "add":
                    app._cursor_on(lines[on])
                    await pilot.pause()
            if edit.startswith("move") and rounds % 2:
                await pilot.press("m")  # back where it was
        assert str(tree.cursor_node.label).endswith("!" * rounds)
        for _ in range(rounds):
            await pilot.press("b", "end", "!")
            times[FLOORS["edit text"]].append(await _cpu_ms(pilot, "enter"))
        assert str(tree.cursor_node.label).endswith("!" * rounds * 2) and app.focused is tree
    return {edit: statistics.median(values) for edit, values in times.items()}


# -- the app ------------------------------------------------------------------------------------
async def ours(path: Path, leaf: str, branch: str, rounds: int) -> dict[str, float]:
    """Median CPU ms per edit in the app's problem tree (outline view)."""
    from borgerspil_tui.core.method import bundled_method
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.core.settings import Settings
    from borgerspil_tui.tui.app import BorgerspilApp

    app = BorgerspilApp(method=bundled_method(), settings=Settings(), language="da",
                        session=Session.open(path), remember=False, autosave_delay=3600)
    times: dict[str, list[float]] = {edit: [] for edit in EDITS}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_goto("problem-tree")
        await pilot.pause()
        screen = app.screen

        async def select(node_id: str) -> None:
            screen.selected = node_id
            screen._show_selection()
            await pilot.pause()

        session = app.session
        start = tree_ops.count(session.project)
        await select(leaf)
        for _ in range(rounds):
            await pilot.press("n", *"Ny årsag")
            times["add"].append(await _cpu_ms(pilot, "enter"))
            await pilot.press("escape")
            await select(leaf)
        assert tree_ops.count(session.project) == start + rounds, "the adds did not reach the project"
        for edit, on in (("move a node", leaf), ("move a branch", branch)):
            await select(on)
            for round_ in range(rounds):
                times[edit].append(await _cpu_ms(pilot, "shift+down" if round_ % 2 == 0 else "shift+up"))
            assert screen.selected == on
        await select(leaf)
        for _ in range(rounds):
            await pilot.press("e", "end", "!")
            times["edit text"].append(await _cpu_ms(pilot, "enter"))
        node = session.changes.get(session.index.path(leaf))
        assert node.text.endswith("!" * rounds), "the edits did not reach the project"
    return {edit: statistics.median(values) for edit, values in times.items()}


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):6.1f} ms ({min(values):.1f}–{max(values):.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of opening every app (at least 5)")
    parser.add_argument("--rounds", type=int, default=8, help="edits of each kind per app")
    parser.add_argument("--scales", default="1,4,8", help="sizes of the project, × the 4 MB project")
    args = parser.parse_args()
    runs = max(5, args.runs)
    scales = [int(s) for s in args.scales.split(",")]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["BORGERSPIL_CACHE_DIR"] = str(folder / "cache")
        os.environ["BORGERSPIL_CONFIG_DIR"] = str(folder / "config")
        os.environ["BORGERSPIL_DATA_DIR"] = str(folder / "data")
        made: dict[int, tuple[Project, Path, str, str]] = {}
        for scale in scales:
            p = project(scale)
            path = folder / f"tree-{scale}.borgerspil.yaml"
            path.write_text(dump_project(p), "utf-8")
            made[scale] = (p, path, *targets(p))
            print(f"{scale}×: {tree_ops.count(p):,} nodes, {len(p.create.ideas):,} ideas, "
                  f"{path.stat().st_size / 1e6:.1f} MB", flush=True)
        results: dict[tuple[str, int], dict[str, list[float]]] = {}
        for run in range(runs):
            for scale, (p, path, leaf, branch) in made.items():
                for who, measure in (("bare", lambda: bare(p, leaf, branch, args.rounds)),
                                     ("ours", lambda: ours(path, leaf, branch, args.rounds))):
                    measured = asyncio.run(measure())
                    for edit, ms in measured.items():
                        results.setdefault((who, scale), {}).setdefault(edit, []).append(ms)
            print(f"run {run + 1} of {runs} done", flush=True)
    report(results, scales, runs)


def report(results: dict[tuple[str, int], dict[str, list[float]]], scales: list[int], runs: int) -> None:
    """The figures: each app's median with the spread of the runs, and the ratios."""
    print(f"\nCPU ms from key to idle, median of {runs} runs' medians (fastest–slowest run):")
    for edit in EDITS:
        print(f"\n{edit}:")
        first: float | None = None
        for scale in scales:
            mine, floor = results[("ours", scale)][edit], results[("bare", scale)][edit]
            ratios = [m / f for m, f in zip(mine, floor)]
            median = statistics.median(mine)
            first = first if first is not None else median
            print(f"  {scale}×  app {_spread(mine)}   bare Tree {_spread(floor)}   "
                  f"= {statistics.median(mine) / statistics.median(floor):.2f}× bare "
                  f"(per run {min(ratios):.2f}–{max(ratios):.2f})   app vs 1×: {median / first:.2f}×")
            if edit in FLOORS:
                second = results[("bare", scale)][FLOORS[edit]]
                ratios = [m / f for m, f in zip(mine, second)]
                print(f"      bare Tree with a bar {_spread(second)}   "
                      f"= {statistics.median(mine) / statistics.median(second):.2f}× that "
                      f"(per run {min(ratios):.2f}–{max(ratios):.2f})")


if __name__ == "__main__":
    main()

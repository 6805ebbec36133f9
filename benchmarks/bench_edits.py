"""Core cost of one edit (no UI): the small example against the 4 MB project and 4×, 8× of it.

Run: python benchmarks/bench_edits.py [--runs N] [--old-scales 1,4]
Target (issue 9): each edit on the 4 MB project (5,000 ideas, 3,000 problem-tree nodes; see
``generate.issue_project``) costs ≤ 1.5× the same edit on the small example; 300 edits add less
than 5 MB.

An edit is what a screen does: build the changes with ``session.changes`` and make them with
``Session.apply`` (listeners: none). Timed edits: one typed character in a note (a ``SetValue``
with a merge key, merged into one undo step as typing is), one score, one choose, one idea added,
one tree add (under a node two levels down, found with ``session.index.path``), one delete of an idea from the
middle of the list (with its links), one undo and one redo. Every run times each edit many times on every project in turn (CPU time,
``time.process_time``, per edit; what an edit leaves behind is put back untimed: the deleted idea,
the added node); a run's figure is the mean CPU time per edit, and its ratio is against the small
example in the same run. Reported: the median over the runs, with the fastest–slowest run.
The garbage collector runs as in the app: what was loaded is frozen (the app does that after its
first frame) and the collector stays on while edits are timed.
The old path (``Session.edit`` with a function: the whole project copied, compared and
checked) is timed for comparison on the scales named by ``--old-scales``.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import issue_project  # noqa: E402

from borgerspil_tui.core.model import Project  # noqa: E402
from borgerspil_tui.core.model.create import Idea  # noqa: E402
from borgerspil_tui.core.model.focus import TreeNode  # noqa: E402
from borgerspil_tui.core.session import Session  # noqa: E402
from borgerspil_tui.core.storage import Loaded, dump_project, load_project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hjaelpemidler.borgerspil.yaml"
MIN_REPEATS, MAX_REPEATS, MIN_SECONDS = 30, 400, 0.15
EDITS = ("type", "score", "choose", "add idea", "tree add", "delete idea", "undo", "redo")


class Bench:
    """One project open in a session, and the edits timed on it."""

    def __init__(self, project: Project) -> None:
        self.session = Session(Loaded(project, Path("bench.borgerspil.yaml"), None))
        ideas = project.create.ideas
        self.idea = ideas[len(ideas) // 2].id
        self.doomed = ideas[len(ideas) // 3].id
        """The idea deleted (and put back): one in the middle, so the ideas after it move up."""
        self.parent = _second_level(project.focus.causes)
        self.count = 0
        self.text = ""

    # -- the edits, each as (untimed preparation, timed edit, untimed clean-up) ----------------
    def type(self) -> None:
        s = self.session
        self.text += "x"
        s.apply("type", s.changes.set(("focus", "success_picture"), self.text), merge_key="bench-note")

    def _type_reset(self) -> None:
        if len(self.text) >= 200:
            self.text = ""
            self.session.apply("reset", self.session.changes.set(("focus", "success_picture"), ""))

    def score(self) -> None:
        s = self.session
        self.count += 1
        s.apply("score", s.changes.set(("create", "ideas", self.idea, "scores", "importance"), 1 + self.count % 5))

    def choose(self) -> None:
        s = self.session
        chosen = s.changes.get(("create", "ideas", self.idea, "chosen"))
        s.apply("choose", s.changes.set(("create", "ideas", self.idea, "chosen"), not chosen))

    def tree_add(self) -> None:
        s = self.session
        self.count += 1
        node = TreeNode(id=f"node-bench-{self.count}", text="En ny årsag")
        s.apply("tree add", s.changes.add((*s.index.path(self.parent), "children"), node))

    def add_idea(self) -> None:
        s = self.session
        self.count += 1
        s.apply("add idea", s.changes.add(("create", "ideas"), Idea(id=f"idea-bench-{self.count}", title="Ny idé")))

    def delete(self) -> None:
        s = self.session
        s.apply("delete", s.changes.remove(s.index.path(self.doomed)))

    def timed(self, edit: str) -> tuple[Callable[[], object], Callable[[], object], Callable[[], object]]:
        """What to do before, the edit, and what to do after, for one repetition of ``edit``."""
        s = self.session
        nothing = _nothing
        return {
            "type": (nothing, self.type, self._type_reset),
            "score": (nothing, self.score, nothing),
            "choose": (nothing, self.choose, nothing),
            "add idea": (nothing, self.add_idea, s.undo),
            "tree add": (nothing, self.tree_add, s.undo),
            "delete idea": (nothing, self.delete, s.undo),
            "undo": (self.score, s.undo, nothing),
            "redo": (_both(self.score, s.undo), s.redo, nothing),
        }[edit]

    # -- the same edits the old way: a function that changes a copy of the whole project ------
    def old(self, edit: str) -> Callable[[], object] | None:
        s, idea = self.session, self.idea

        def find(p: Project):  # noqa: ANN202
            return next(i for i in p.create.ideas if i.id == idea)

        def type_(p: Project) -> None:
            self.text += "x"
            p.focus.success_picture = self.text

        def score(p: Project) -> None:
            self.count += 1
            find(p).scores["importance"] = 1 + self.count % 5

        def choose(p: Project) -> None:
            found = find(p)
            found.chosen = not found.chosen

        def tree_add(p: Project) -> None:
            self.count += 1
            _deep_node_of(p.focus.causes, self.parent).children.append(
                TreeNode(id=f"node-bench-{self.count}", text="En ny årsag"))

        def add_idea(p: Project) -> None:
            self.count += 1
            p.create.ideas.append(Idea(id=f"idea-bench-{self.count}", title="Ny idé"))

        def delete(p: Project) -> None:
            gone = self.doomed
            p.create.ideas = [i for i in p.create.ideas if i.id != gone]
            p.create.votes = [v for v in p.create.votes if v.idea != gone]
            for concept in p.create.concepts:
                concept.ideas = [i for i in concept.ideas if i != gone]

        functions = {"type": type_, "score": score, "choose": choose, "add idea": add_idea, "tree add": tree_add,
                     "delete idea": delete}
        if edit not in functions:
            return None
        change = functions[edit]
        return lambda: s.edit(edit, change, merge_key="bench-note" if edit == "type" else None)


def _nothing() -> None:
    return None


def _both(first: Callable[[], object], second: Callable[[], object]) -> Callable[[], None]:
    def both() -> None:
        first()
        second()
    return both


def _all_nodes(nodes: list[TreeNode]) -> list[TreeNode]:
    return [found for node in nodes for found in (node, *_all_nodes(node.children))]


def _second_level(nodes: list[TreeNode]) -> str:
    """The id of a node two levels down, in the middle of the tree: a tree add lands under it, at
    the same depth in every project (the cost of an edit grows with the depth of its path, which
    the small example's tree has little of, not with the size of the project)."""
    second = [child for node in nodes for child in node.children]
    return second[len(second) // 2].id


def _deep_node_of(nodes: list[TreeNode], node_id: str) -> TreeNode:
    return next(node for node in _all_nodes(nodes) if node.id == node_id)


def time_edit(before: Callable[[], object], edit: Callable[[], object], after: Callable[[], object],
              *, minimum: int = MIN_REPEATS, maximum: int = MAX_REPEATS, seconds: float = MIN_SECONDS) -> float:
    """Mean CPU seconds per ``edit`` over enough repetitions (``before``/``after`` untimed)."""
    total, done = 0.0, 0
    while done < minimum or (total < seconds and done < maximum):
        before()
        start = time.process_time()
        edit()
        total += time.process_time() - start
        after()
        done += 1
    return total / done


def _link_index_build(project: Project) -> float:
    """CPU ms the first deletion in a session spends building the index of links (on a copy)."""
    session = Session(Loaded(project.model_copy(deep=True), Path("bench.borgerspil.yaml"), None))
    start = time.process_time()
    session.index.links.linking(session.project, "")
    return (time.process_time() - start) * 1000


def undo_memory(project: Project, edits: int = 300) -> float:
    """MB that ``edits`` edits of several kinds add (tracemalloc: what is still held after them,
    the undo steps and what the edits added to the project and its indexes)."""
    bench = Bench(project)
    gc.collect()
    tracemalloc.start()
    start, _ = tracemalloc.get_traced_memory()
    kinds = (bench.score, bench.choose, bench.tree_add, bench.delete, bench.type)
    for number in range(edits):
        kind = kinds[number % len(kinds)]
        if kind == bench.delete:
            bench.doomed = bench.session.project.create.ideas[-1 - number].id
        if kind == bench.type:
            bench.session.apply("type", bench.session.changes.set(
                ("create", "ideas", bench.idea, "description"), f"Noter {number}"), merge_key=f"note-{number}")
        else:
            kind()
    gc.collect()
    end, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(bench.session.undo_steps()) == edits, len(bench.session.undo_steps())
    return (end - start) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (at least 5)")
    parser.add_argument("--old-scales", default="1", help="scales of the 4 MB project to time the old path on")
    parser.add_argument("--scales", default="1,4,8", help="scales of the 4 MB project")
    args = parser.parse_args()
    runs = max(5, args.runs)
    scales = [int(s) for s in args.scales.split(",") if s]
    old_scales = {int(s) for s in args.old_scales.split(",") if s}

    gc.disable()  # while building, as the app's start does; frozen after it, as the app does
    projects: dict[str, Project] = {"small example": load_project(EXAMPLE).project}
    sizes = {"small example": len(EXAMPLE.read_bytes())}
    for scale in scales:
        label = "4 MB project" if scale == 1 else f"4 MB × {scale}"
        projects[label] = issue_project(scale)
        sizes[label] = len(dump_project(projects[label]).encode())
    benches = {label: Bench(project) for label, project in projects.items()}
    once = {label: _link_index_build(project) for label, project in projects.items()}
    old_labels = ["small example", *("4 MB project" if s == 1 else f"4 MB × {s}" for s in scales if s in old_scales)]
    gc.collect()
    gc.freeze()
    gc.enable()

    new: dict[tuple[str, str], list[float]] = {}
    old: dict[tuple[str, str], list[float]] = {}
    for _ in range(runs):
        for edit in EDITS:
            for label, bench in benches.items():
                new.setdefault((edit, label), []).append(time_edit(*bench.timed(edit)))
        for edit in EDITS:
            for label in old_labels:
                function = benches[label].old(edit)
                if function is not None:
                    old.setdefault((edit, label), []).append(
                        time_edit(_nothing, function, benches[label].session.undo if edit in ("add idea", "tree add", "delete idea")
                                  else _nothing, minimum=3, maximum=20, seconds=0.5))
                    benches[label].text = ""

    print("Projects: " + ", ".join(f"{label} {size / 1e6:.2f} MB" for label, size in sizes.items()))
    print(f"Core CPU time per edit (Session.apply + session.changes), mean per run; {runs} runs;")
    print("ratio to the small example in the same run: median (fastest–slowest run).")
    _table(new, list(benches), runs)
    print("  Once per project, in the first run's delete: the index of who links to what is built, "
          + ", ".join(f"{label} {ms:.1f} ms" for label, ms in once.items()) + ".")
    print("\nThe old path (Session.edit with a function), for comparison:")
    _table(old, old_labels, runs)
    gc.unfreeze()
    added = undo_memory(issue_project(1))
    print(f"\n300 edits on the 4 MB project (score, choose, tree add, delete, a note), all undoable: "
          f"{added:.2f} MB more (tracemalloc); target < 5 MB")


def _table(results: dict[tuple[str, str], list[float]], labels: list[str], runs: int) -> None:
    base = labels[0]
    print(f"  {'edit':<12}" + "".join(f"{label:>36}" for label in labels))
    for edit in EDITS:
        if (edit, base) not in results:
            continue
        cells = []
        small = results[(edit, base)]
        for label in labels:
            values = results[(edit, label)]
            ms = statistics.median(values) * 1000
            if label == base:
                cells.append(f"{ms:.3f} ms")
                continue
            ratios = [v / s for v, s in zip(values, small)]
            cells.append(f"{ms:.3f} ms {statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})")
        print(f"  {edit:<12}" + "".join(f"{cell:>36}" for cell in cells))


if __name__ == "__main__":
    main()

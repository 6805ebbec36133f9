"""The semantic merge (core/merge) of two people's copies of a large project, against loading one.

Run: python benchmarks/bench_merge.py [--runs N] [--scales 1,4,8,10] [--edits 300]
Target (issue 10): merging two copies of the 10× benchmark project (``generate.large_project(10)``,
the project bench_storage.py measures at 10×: 10,000 ideas, 3,000 causes, 3,000 observations)
takes ≤ 3× loading one of them (``storage.load_project``: read, parse, validate); peak memory
under 500 MB.

Each side is the saved base loaded on its own and edited through a session as the app edits
(``session.changes`` + ``Session.apply``): ``--edits`` realistic edits per side, drawn with a
seed of its own (scores, titles and descriptions, new and deleted ideas, tree texts, adds and
moves, observations, insights, concepts, checklist answers, weights, dot votes), plus a few
edits both make to the same fields and ideas one edits while the other deletes (conflicts).
Every run times, on each scale in turn, one merge of base, ours and theirs and one load of
ours' file (CPU time, ``time.process_time``); the ratio is merge / load in the same run.
Reported: the median over the runs with the fastest–slowest run, and how each grows with the
project. Peak memory: a fresh process loads the three files (as git's merge driver does) and
merges them; its peak resident memory (VmHWM) and what the merge itself allocated at most
(tracemalloc) are reported.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import CRITERIA, WORDS, large_project  # noqa: E402

from borgerspil_tui.core.merge import merge_projects  # noqa: E402
from borgerspil_tui.core.model import Project  # noqa: E402
from borgerspil_tui.core.model.create import Idea, Vote  # noqa: E402
from borgerspil_tui.core.model.experience import Observation  # noqa: E402
from borgerspil_tui.core.model.focus import TreeNode  # noqa: E402
from borgerspil_tui.core.session import EditRefused, Session  # noqa: E402
from borgerspil_tui.core.storage import load_project, save_project  # noqa: E402

CHECKLIST = ("focus-change", "focus-if-we-fail", "create-fun", "create-criteria", "insist-handover", "readiness-team")


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _leaves(nodes: list[TreeNode], parent: str = "") -> list[tuple[str, str]]:
    """(node, parent) of every node without children."""
    found = []
    for node in nodes:
        found += _leaves(node.children, node.id) if node.children else [(node.id, parent)]
    return found


def edit_side(session: Session, seed: int, edits: int, shared: random.Random) -> int:
    """Make about ``edits`` realistic edits on ``session``; ``shared`` draws the same items on both
    sides (the clashes). Returns how many were made (an edit the session refuses is skipped)."""
    rng = random.Random(seed)
    s, ch = session, session.changes
    p = s.project
    ideas = [i.id for i in p.create.ideas]
    clashing = shared.sample(ideas, 5)
    nodes = [n for n in session.index.kinds if session.index.kinds[n] == "cause"]
    made = 0

    def apply(label: str, changes: list) -> None:
        nonlocal made
        try:
            made += s.apply(label, changes) is not None
        except (EditRefused, KeyError):
            pass

    def share(weight: int) -> int:  # the weights add up to 200, and 13 more edits below
        return max(1, round(weight * edits / 213))

    for _ in range(share(25)):
        path = ("create", "ideas", rng.choice(ideas), "scores", rng.choice(CRITERIA))
        apply("score", ch.set(path, rng.randint(1, 5)))
    for _ in range(share(30)):
        field = rng.choice(("title", "description"))
        apply("idea", ch.set(("create", "ideas", rng.choice(ideas), field), _words(rng, 4 if field == "title" else 15)))
    for _ in range(share(20)):
        apply("add idea", ch.add(("create", "ideas"), Idea(title=_words(rng, 4), description=_words(rng, 12))))
    for _ in range(share(5)):
        doomed = ideas.pop(rng.randrange(len(ideas)))
        apply("delete idea", ch.remove(ch.path_of(doomed)))
    for _ in range(share(30)):
        apply("node", ch.set((*ch.path_of(rng.choice(nodes)), "text"), _words(rng, 8)))
    for _ in range(share(20)):
        parent = rng.choice(nodes)
        apply("add node", ch.add((*ch.path_of(parent), "children"), TreeNode(text=_words(rng, 8))))
    for node, parent in rng.sample(_leaves(p.focus.causes), share(10)):
        target = rng.choice([n for n in nodes if n not in (node, parent)])
        apply("move node", ch.move_to(ch.path_of(node), (*ch.path_of(target), "children")))
    observations = [o.id for o in p.experience.observations]
    for _ in range(share(20)):
        apply("observation", ch.set(("experience", "observations", rng.choice(observations), "what"), _words(rng, 20)))
    for _ in range(share(10)):
        apply("add observation", ch.add(("experience", "observations"), Observation(what=_words(rng, 20))))
    for insight in rng.sample(p.experience.insights, share(20)):
        apply("insight", ch.set(("experience", "insights", insight.id, "statement"), _words(rng, 12)))
    for concept in rng.sample(p.create.concepts, share(10)):
        apply("concept", ch.set(("create", "concepts", concept.id, "pitch"), _words(rng, 15)))
    for key in rng.sample(CHECKLIST, 4):
        apply("checklist", ch.set(("checklists", key), {"answer": rng.choice(("yes", "partly", "no")), "note": ""}))
    for criterion in rng.sample(CRITERIA, 2):
        apply("weight", ch.set(("create", "weights", criterion), float(rng.randint(1, 5))))
    for member in rng.sample(p.readiness.team, 2):
        apply("vote", ch.add(("create", "votes"), Vote(voter=member.id, idea=rng.choice(ideas), dots=1)))
    for idea in clashing:  # both retitle the same ideas, differently (or one deleted it)
        apply("clash", ch.set(("create", "ideas", idea, "title"), _words(rng, 4)))
    return made


def build(scale: int, folder: Path, edits: int) -> tuple[Project, Project, Project, Path, int]:
    """The base (saved and loaded back), and each side loaded from it and edited."""
    base_path = folder / f"base-{scale}.borgerspil.yaml"
    save_project(base_path, large_project(scale))
    base = load_project(base_path).project
    sides, made = [], 0
    for seed in (1, 2):
        path = folder / f"{'ours' if seed == 1 else 'theirs'}-{scale}.borgerspil.yaml"
        session = Session(load_project(base_path))
        made += edit_side(session, seed * 1000 + scale, edits, random.Random(scale))
        save_project(path, session.project)
        sides.append(session.project)
    return base, sides[0], sides[1], folder / f"ours-{scale}.borgerspil.yaml", made


def cpu(func) -> float:  # noqa: ANN001
    gc.collect()
    start = time.process_time()
    func()
    return time.process_time() - start


def peak_memory(folder: Path, scale: int) -> tuple[float, float, float]:
    """In a fresh process: resident MB after loading the three files, its peak (VmHWM) after the
    merge, and the most the merge itself had allocated at once (tracemalloc), in MB."""
    code = f"""
import tracemalloc
from pathlib import Path
from borgerspil_tui.core.merge import merge_projects
from borgerspil_tui.core.storage import load_project
def status(key):
    return int(next(l.split()[1] for l in open('/proc/self/status') if l.startswith(key))) / 1024
folder = Path({str(folder)!r})
base, ours, theirs = (load_project(folder / f"{{n}}-{scale}.borgerspil.yaml").project
                      for n in ("base", "ours", "theirs"))
loaded = status('VmRSS')
merge_projects(base, ours, theirs)
peak = status('VmHWM')
tracemalloc.start()
merge_projects(base, ours, theirs)
print(loaded, peak, tracemalloc.get_traced_memory()[1] / 1e6)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, peak, traced = (float(v) for v in out.stdout.split())
    return loaded, peak, traced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (at least 5)")
    parser.add_argument("--scales", default="1,4,8,10", help="scales of the benchmark project (large_project)")
    parser.add_argument("--edits", type=int, default=300, help="edits on each side (about)")
    args = parser.parse_args()
    runs = max(5, args.runs)
    scales = [int(s) for s in args.scales.split(",") if s]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ.setdefault("BORGERSPIL_CACHE_DIR", str(folder / "cache"))
        cases = {scale: build(scale, folder, args.edits) for scale in scales}
        merges: dict[int, list[float]] = {s: [] for s in scales}
        loads: dict[int, list[float]] = {s: [] for s in scales}
        for _ in range(runs):
            for scale, (base, ours, theirs, path, _) in cases.items():
                loads[scale].append(cpu(lambda: load_project(path)))
                merges[scale].append(cpu(lambda: merge_projects(base, ours, theirs)))
        print(f"Merge of two edited copies against loading one (load_project), CPU time; {runs} runs;")
        print("median (fastest–slowest run); ratio = merge / load in the same run.")
        print(f"  {'project':<28}{'edits*':>7}{'conflicts':>10}{'load':>22}{'merge':>22}{'merge/load':>24}")
        first = scales[0]
        for scale, (base, ours, theirs, path, made) in cases.items():
            result = merge_projects(base, ours, theirs)
            ratios = [m / lo for m, lo in zip(merges[scale], loads[scale])]
            size = path.stat().st_size / 1e6
            print(f"  {f'×{scale} ({size:.1f} MB)':<28}{made:>7}{len(result.conflicts):>10}"
                  f"{_cell(loads[scale]):>22}{_cell(merges[scale]):>22}"
                  f"{f'{statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})':>24}")
        print("  * edits made on the two sides together (an edit the session refuses is not made)")
        last = scales[-1]
        if last != first:
            grown = [statistics.median(t[last]) / statistics.median(t[first]) for t in (loads, merges)]
            print(f"growth ×{last}/×{first}: load {grown[0]:.1f}×, merge {grown[1]:.1f}×")
        loaded, peak, traced = peak_memory(folder, last)
        print(f"memory at ×{last}, a fresh process: {loaded:.0f} MB with the three files loaded, peak {peak:.0f} MB "
              f"after the merge; the merge itself allocated at most {traced:.0f} MB (tracemalloc); target < 500 MB")


def _cell(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


if __name__ == "__main__":
    main()

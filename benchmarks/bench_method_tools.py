"""The Insistér tools on a large plan: each view opened, as a ratio to a bare Textual ``DataTable``
with the same rows measured in the same run.

Run: python benchmarks/bench_method_tools.py [--runs N] [--scales 1,4,8] [--profile VIEW]
Target (issue 13): a project with 200 stakeholders, 200 risks, 100 milestones (with dependencies
and dates) and 100 resource lines opens each view in under 200 ms.

The project is the example with its plan replaced by generated lists of those sizes (× the
scale: 4× is 800 stakeholders, 800 risks, 400 milestones, 400 resource lines), saved and opened
as ``borgerspil FILE`` opens it; 120×40, Pilot headless, autosave and disk watcher off.

- **list views**: ``app.action_goto(name)`` from the overview until the app is idle again, for
  ``stakeholders``, ``risks``, ``milestones`` and ``resources``.
- **the other views** (stakeholders' grid, risks' heat map, milestones' timeline): the screen
  opened (not timed), then its view key pressed until idle. The key is found by the screen's own
  command (``toggle_grid``, ``toggle_map``, ``switch_view``), so the benchmark follows the key
  bindings; a view whose screen or command does not exist is reported as missing.
- **floor**: a bare Textual app pushes a screen with one ``DataTable`` holding the same rows and
  columns (the texts taken from the app's own table in the same run), until idle.

CPU time (``time.process_time``) and wall time; the target is judged on CPU time (wall time on a
shared 2-core machine mostly measures the other processes and Pilot's waits). Each run starts both apps afresh, collects
garbage once and freezes what lives on (as the app does after its first frame). A figure is the
median of at least 5 runs with their spread (fastest–slowest run); growth is the app's median at
4× and 8× over its median at 1×. ``--profile VIEW`` (e.g. ``risks:map``) prints cProfile's view
of opening that view at 1× instead.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rich.text import Text

from borgerspil_tui.core.method import bundled_method
from borgerspil_tui.core.model.insist import Milestone, Resource, Risk, Stakeholder
from borgerspil_tui.core.storage import dump_project, parse_project

sys.path.insert(0, str(Path(__file__).resolve().parent))
from profiling import print_profile

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hjaelpemidler.borgerspil.yaml"
METHOD = bundled_method()
SIZE = (120, 40)
TARGET_MS = 200.0
VIEWS: tuple[tuple[str, str, str | None], ...] = (
    ("stakeholders", "stakeholders", None),
    ("stakeholders:grid", "stakeholders", "toggle_grid"),
    ("risks", "risks", None),
    ("risks:map", "risks", "toggle_map"),
    ("milestones", "milestones", None),
    ("milestones:timeline", "milestones", "switch_view"),
    ("resources", "resources", None),
)
"""(label, screen name, the action of the key that shows the view, or None for the list)."""


def plan_project(scale: int):
    """The example with 200/200/100/100 × ``scale`` stakeholders, risks, milestones (each after
    one or two earlier ones, dated after them) and resource lines."""
    project = parse_project(EXAMPLE.read_text("utf-8"), EXAMPLE)
    insist = project.insist
    aspects = [a.id for a in METHOD.implementation_aspects]
    insist.stakeholders = [
        Stakeholder(id=f"stake-{n:05d}", name=f"Interessent {n} fra forvaltningen for ældre og handicap",
                    interest=f"Vil have hurtigere sagsbehandling og færre klager, punkt {n}",
                    influence=1 + n % 5, interest_level=1 + (n * 7) % 5, message=f"Budskab nummer {n}",
                    contact=f"Kontaktperson {n % 17}") for n in range(200 * scale)]
    insist.risks = [
        Risk(id=f"risk-{n:05d}", text=f"Risiko {n}: leverandøren kan ikke levere til tiden, og borgerne venter",
             likelihood=1 + n % 5, impact=1 + (n * 3) % 5, mitigation=f"Afbødning {n}: en manuel løsning",
             owner=f"Ejer {n % 11}") for n in range(200 * scale)]
    start = dt.date(2026, 3, 2)
    milestones = []
    for n in range(100 * scale):
        depends = [f"milestone-{d:05d}" for d in (n - 1, n - 3) if d >= 0]
        milestones.append(Milestone(id=f"milestone-{n:05d}", title=f"Milepæl {n}: pilot i distrikt {n % 9}",
                                    due=start + dt.timedelta(days=3 * n), owner=f"Ansvarlig {n % 13}",
                                    depends_on=depends, done=n < 20 * scale))
    insist.milestones = milestones
    insist.resources = [
        Resource(id=f"res-{n:05d}", what=f"Ressource {n}: udvikling, oplæring og indkøb",
                 milestone=f"milestone-{n:05d}" if n % 3 else None, aspect=aspects[n % len(aspects)] if n % 2 else None,
                 person_weeks=0.5 * (n % 9), cost=1250.5 * (n % 40)) for n in range(100 * scale)]
    return project


async def _idle(pilot) -> None:
    from textual.pilot import WaitForScreenTimeout

    while True:
        try:
            await pilot.pause()
            return
        except WaitForScreenTimeout:
            continue


def _settle() -> None:
    gc.collect()
    gc.freeze()


def _key(screen, action: str) -> str | None:
    """The key of the screen's command that runs ``action``."""
    for command in getattr(screen, "SCREEN_COMMANDS", []):
        if command.action.split("(")[0] == action:
            return command.key
    return None


def _table_rows(screen) -> tuple[list[str], list[list[str]]]:
    """The columns and rows of the screen's (first) DataTable, as text."""
    from textual.widgets import DataTable

    tables = list(screen.query(DataTable))
    if not tables:
        return [], []
    table = tables[0]
    columns = [str(column.label) for column in table.columns.values()]
    return columns, [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def _app(path: Path):
    from borgerspil_tui.core.session import Session
    from borgerspil_tui.core.settings import Settings
    from borgerspil_tui.tui.app import BorgerspilApp

    session = Session.open(path)
    session.keep()
    return BorgerspilApp(method=METHOD, settings=Settings(), language="da", session=session, remember=False,
                         autosave_delay=3600, watch_interval=3600)


async def ours(path: Path, profile: cProfile.Profile | None = None, only: str | None = None) -> dict:
    """Each view opened in one fresh app: {label: (cpu ms, wall ms, rows for the floor)}; a view
    that does not exist is left out."""
    from borgerspil_tui.tui.registry import project_screens

    found: dict[str, tuple[float, float, tuple[list[str], list[list[str]]]]] = {}
    app = _app(path)
    async with app.run_test(size=SIZE) as pilot:
        await _idle(pilot)
        _settle()
        for label, name, action in VIEWS:
            if (only and label != only) or name not in project_screens():
                continue
            app.action_goto("overview")
            await _idle(pilot)
            key = None
            if action is not None:
                app.action_goto(name)
                await _idle(pilot)
                key = _key(app.screen, action)
                if key is None:
                    continue
            if profile is not None:
                profile.enable()
            cpu, wall = time.process_time(), time.perf_counter()
            if key is None:
                app.action_goto(name)
            else:
                await pilot.press(key)
            await _idle(pilot)
            cpu, wall = (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000
            if profile is not None:
                profile.disable()
            assert app.screen.NAME == name, f"{name} did not open"
            found[label] = (cpu, wall, _table_rows(app.screen))
    gc.unfreeze()
    return found


async def bare(columns: list[str], rows: list[list[str]]) -> tuple[float, float]:
    """A bare app pushes a screen with one DataTable of these rows: (cpu ms, wall ms) until idle."""
    from textual.app import App
    from textual.screen import Screen
    from textual.widgets import DataTable, Static

    class Table(Screen):
        def compose(self):
            yield DataTable(id="table", cursor_type="row", zebra_stripes=True)

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            for n, column in enumerate(columns or ["·"]):
                table.add_column(Text(column, end=""), key=str(n))
            for n, row in enumerate(rows):
                table.add_row(*(Text(cell, end="") for cell in row), key=str(n))
            table.focus()

    class Bare(App):
        def compose(self):
            yield Static("borgerspil")

    async with Bare().run_test(size=SIZE) as pilot:
        await _idle(pilot)
        _settle()
        cpu, wall = time.process_time(), time.perf_counter()
        pilot.app.push_screen(Table())
        await _idle(pilot)
        cpu, wall = (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000
    gc.unfreeze()
    return cpu, wall


def _fig(values: list[float], unit: str) -> str:
    return f"{statistics.median(values):.2f}{unit} ({min(values):.2f}–{max(values):.2f})"


def run(folder: Path, runs: int, scales: list[int]) -> None:
    files = {}
    for scale in scales:
        path = folder / f"plan-{scale}.borgerspil.yaml"
        path.write_text(dump_project(plan_project(scale)), "utf-8")
        files[scale] = path
    results: dict[tuple[int, str, str], list[float]] = {}
    rows_seen: dict[tuple[int, str], int] = {}
    for number in range(runs):
        for scale in scales:
            for label, (cpu, wall, (columns, rows)) in asyncio.run(ours(files[scale])).items():
                floor_cpu, floor_wall = asyncio.run(bare(columns, rows))
                for kind, value in (("cpu", cpu), ("wall", wall), ("floor", floor_cpu), ("floor wall", floor_wall)):
                    results.setdefault((scale, label, kind), []).append(value)
                rows_seen[(scale, label)] = len(rows)
                gc.collect()
        print(f"run {number + 1} of {runs} done", file=sys.stderr)
    print(f"Opening each view until idle, 120×40; median of {runs} runs (fastest–slowest run). ratio = the app's "
          "CPU time / a bare DataTable with the same rows, in the same run")
    first = scales[0]
    for scale in scales:
        print(f"\n{scale}× ({200 * scale} stakeholders, {200 * scale} risks, {100 * scale} milestones, "
              f"{100 * scale} resource lines)")
        for label, _, _ in VIEWS:
            if (scale, label, "cpu") not in results:
                print(f"  {label:20} missing (no such screen or view key)")
                continue
            cpu, wall = results[(scale, label, "cpu")], results[(scale, label, "wall")]
            floor = results[(scale, label, "floor")]
            ratios = [c / f for c, f in zip(cpu, floor, strict=True)]
            verdict = "" if scale != first else ("  ✓ < 200 ms" if statistics.median(cpu) < TARGET_MS
                                                 else "  ✗ over 200 ms")
            floor_wall = results[(scale, label, "floor wall")]
            print(f"  {label:20} {_fig(ratios, '×'):22} cpu {_fig(cpu, ' ms'):26} wall {_fig(wall, ' ms'):26} "
                  f"floor cpu {_fig(floor, ' ms'):24} wall {_fig(floor_wall, ' ms'):24} "
                  f"{rows_seen[(scale, label)]} rows{verdict}")
    if len(scales) > 1:
        print(f"\ngrowth of the app's CPU time against {first}× (medians):")
        for label, _, _ in VIEWS:
            if (first, label, "cpu") not in results:
                continue
            base = statistics.median(results[(first, label, "cpu")])
            steps = ", ".join(f"{s}× {statistics.median(results[(s, label, 'cpu')]) / base:.2f}"
                              for s in scales[1:] if (s, label, "cpu") in results)
            print(f"  {label:20} {steps}")


def run_profile(folder: Path, label: str) -> None:
    path = folder / "plan-1.borgerspil.yaml"
    path.write_text(dump_project(plan_project(1)), "utf-8")
    profile = cProfile.Profile()
    found = asyncio.run(ours(path, profile, only=label))
    if label not in found:
        print(f"{label}: no such view")
        return
    cpu, wall, _ = found[label]
    print(f"cProfile of opening {label} at 1× ({cpu:.0f} ms CPU, {wall:.0f} ms wall, profiled):")
    print_profile(profile)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs (at least 5)")
    parser.add_argument("--scales", default="1,4,8", help="sizes of the plan (1: 200 stakeholders …)")
    parser.add_argument("--profile", metavar="VIEW", help="profile opening one view at 1× instead: "
                        + ", ".join(label for label, _, _ in VIEWS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["BORGERSPIL_CACHE_DIR"] = str(folder / "cache")
        if args.profile:
            run_profile(folder, args.profile)
            return
        run(folder, max(5, args.runs), [int(s) for s in args.scales.split(",")])


if __name__ == "__main__":
    main()

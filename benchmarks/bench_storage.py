"""Load and save speed of project files, as ratios against libyaml measured in the same run.

Run: python benchmarks/bench_storage.py
Targets (issue 2): load+validate ≤ 2× libyaml's CSafeLoader; save ≤ 1.5× CSafeDumper;
10× the data ≤ 12× the time; peak memory validating the 10× file under 250 MB.
The save writes emoji as themselves and indents sequences (issue 8) on top of libyaml; PyYAML's
pure-Python emitter, which does both by itself, is measured beside it to show what that would cost.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_project  # noqa: E402

from borgerspil_tui.core.storage import dump_project, parse_project, to_data  # noqa: E402
from borgerspil_tui.core.yaml_writer import dump_python  # noqa: E402


def best_of(func, repeat: int = 5, *, pause_gc: bool = False) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by the machine).

    ``pause_gc`` runs the floor with the garbage collector paused as borgerspil does, so that
    the ratio compares like with like.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        if pause_gc:
            gc.disable()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
        gc.enable()
    return min(times)


def measure(scale: int) -> dict[str, float]:
    project = large_project(scale)
    text = dump_project(project)
    data = to_data(project)
    repeat = 5 if scale == 1 else 2
    return {
        "bytes": len(text.encode()),
        "libyaml_load": best_of(lambda: yaml.load(text, Loader=yaml.CSafeLoader), repeat, pause_gc=True),
        "load": best_of(lambda: parse_project(text), repeat),
        "libyaml_dump": best_of(lambda: yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False,
                                                  allow_unicode=True), repeat, pause_gc=True),
        "save": best_of(lambda: dump_project(project), repeat),
        "python_dump": best_of(lambda: dump_python(data), 1) if scale == 1 else float("nan"),
    }


def peak_memory_mb(scale: int) -> float:
    """Peak resident memory of a fresh process that loads and validates the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.borgerspil.yaml"
        path.write_text(dump_project(large_project(scale)), "utf-8")
        # VmHWM, not ru_maxrss: ru_maxrss survives exec and would count this (large) parent process.
        code = ("from pathlib import Path; from borgerspil_tui.core.storage import load_project; "
                f"load_project(Path({str(path)!r})); "
                "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return int(out.stdout.strip()) / 1024


def main() -> None:
    one = measure(1)
    ten = measure(10)
    for name, row in (("1×", one), ("10×", ten)):
        print(f"{name}: {row['bytes'] / 1e6:.2f} MB | load+validate {row['load'] * 1000:.0f} ms vs libyaml "
              f"{row['libyaml_load'] * 1000:.0f} ms = {row['load'] / row['libyaml_load']:.2f}× | save "
              f"{row['save'] * 1000:.0f} ms vs CSafeDumper {row['libyaml_dump'] * 1000:.0f} ms = "
              f"{row['save'] / row['libyaml_dump']:.2f}×")
    print(f"scaling 10×/1×: load {ten['load'] / one['load']:.1f}×, save {ten['save'] / one['save']:.1f}×")
    print(f"1× with PyYAML's pure-Python emitter instead: {one['python_dump'] * 1000:.0f} ms = "
          f"{one['python_dump'] / one['libyaml_dump']:.1f}× CSafeDumper")
    print(f"peak memory validating the 10× file: {peak_memory_mb(10):.0f} MB")


if __name__ == "__main__":
    main()

"""Exporting a report (core/export) of the large generated project, against loading it.

Run: python benchmarks/bench_export.py [--runs N] [--scales 1,4,8]
Target (issue 11): exporting ``generate.large_project()`` (1,000 ideas, 300 causes, 50 concepts)
to each format takes ≤ 3× loading it (``storage.load_project``: read, parse, validate), and the
HTML file is under 3 MB.

Every run times, on each scale, one load of the saved file and one export to Markdown and one to
HTML of the loaded project (CPU time, ``time.process_time``), in the same run; the ratio is
export / load. Reported: the median over the runs with the fastest–slowest run, the size of each
output, and how the cost grows with the project (1×, 4×, 8×).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import large_project  # noqa: E402

from borgerspil_tui.core.export import export_report  # noqa: E402
from borgerspil_tui.core.method import load_method  # noqa: E402
from borgerspil_tui.core.storage import dump_project, load_project  # noqa: E402


def _timed(work) -> tuple[float, object]:  # noqa: ANN001
    gc.collect()
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="1,4,8")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    method = load_method(None)
    folder = Path(tempfile.mkdtemp())
    files = {}
    for scale in scales:
        files[scale] = folder / f"large-{scale}.borgerspil.yaml"
        files[scale].write_text(dump_project(large_project(scale)), encoding="utf-8")
    ratios: dict[tuple[int, str], list[float]] = {}
    seconds: dict[tuple[int, str], list[float]] = {}
    sizes: dict[tuple[int, str], int] = {}
    for _ in range(args.runs):
        for scale in scales:
            load, loaded = _timed(lambda: load_project(files[scale]).project)
            seconds.setdefault((scale, "load"), []).append(load)
            for fmt in ("md", "html"):
                took, text = _timed(lambda: export_report(loaded, method=method, fmt=fmt, lang="da"))
                ratios.setdefault((scale, fmt), []).append(took / load)
                seconds.setdefault((scale, fmt), []).append(took)
                sizes[(scale, fmt)] = len(text.encode("utf-8"))
    print(f"export / load, CPU time, median (fastest–slowest run) of {args.runs} runs")
    for scale in scales:
        load_ms = statistics.median(seconds[(scale, "load")]) * 1000
        print(f"{scale}×  load {load_ms:.0f} ms  ({files[scale].stat().st_size / 1e6:.1f} MB file)")
        for fmt in ("md", "html"):
            r = ratios[(scale, fmt)]
            ms = statistics.median(seconds[(scale, fmt)]) * 1000
            print(f"    {fmt:4}  {statistics.median(r):.2f}× ({min(r):.2f}–{max(r):.2f})  {ms:.0f} ms  "
                  f"output {sizes[(scale, fmt)] / 1e6:.2f} MB")
    first = scales[0]
    for fmt in ("md", "html"):
        for scale in scales[1:]:
            grow = statistics.median(seconds[(scale, fmt)]) / statistics.median(seconds[(first, fmt)])
            load_grow = statistics.median(seconds[(scale, "load")]) / statistics.median(seconds[(first, "load")])
            print(f"growth {fmt} {first}×→{scale}×: {grow:.1f}× (load: {load_grow:.1f}×)")


if __name__ == "__main__":
    main()

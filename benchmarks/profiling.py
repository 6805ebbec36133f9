"""What the benchmarks print of a cProfile run: the most expensive functions overall, then our
own (``borgerspil_tui``) by cumulative time."""

from __future__ import annotations

import cProfile
import io
import pstats


def print_profile(profile: cProfile.Profile, rows: int = 25) -> None:
    """The top ``rows`` functions by own time, then ours by cumulative time."""
    for order, only in (("tottime", ""), ("cumulative", "borgerspil_tui")):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(only, rows)
        print(f"-- by {order}" + (f", {only} only" if only else ""))
        print("\n".join(line for line in out.getvalue().splitlines()[5:] if line.strip()))

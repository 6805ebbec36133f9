"""Pause Python's cyclic garbage collector around bulk work that allocates many objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building or dumping a large project creates many objects and no cycles worth collecting
    on the way; without the pause the collector runs over and over and time grows faster than
    the data. Collection resumes (and catches up) as soon as the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_paused_for_start = False


def pause_for_start() -> None:
    """The app's start allocates a great many objects that all live on (modules, the project, the
    first screen) and next to no garbage, so the collector would walk them over and over (about a
    sixth of the start, more with a large project; see benchmarks/bench_app.py). No collection
    until :func:`start_done`."""
    global _paused_for_start
    if gc.isenabled():
        gc.disable()
        _paused_for_start = True


def start_done() -> None:
    """After the first frame: collect the start's little garbage once, keep what lives on out of
    later collections (``gc.freeze``), and collect as usual from now on. Nothing when the start
    did not pause the collector."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        gc.collect()
        gc.freeze()
        gc.enable()
